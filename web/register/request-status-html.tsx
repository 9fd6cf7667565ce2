/**
 * The request's status page without JavaScript: rendered by the API (GET /api/public/requests/status-page,
 * on the register's own origin) from the same view the script shows (`requesterView`), in the same
 * words (i18n `reqJs`). The notice and the released documents download through plain form posts
 * answered with a redirect to a short-lived link; a clarification is answered the same way. The page
 * is never cached and tells robots not to index it: its address holds the tracking code.
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { dateInWords, dateTimeInWords } from '../../functions/core/date-words.ts';
import type { Lang } from '../../functions/core/register/model.ts';
import type { RequesterView } from '../../functions/core/requests/model.ts';
import { dict } from './i18n.ts';

export interface StatusPageInput {
  view: RequesterView;
  code: string;
  lang: Lang;
  /** Just filed: show the receipt's warning to keep the code. */
  fresh: boolean;
  timeZone: string;
  agencies: Record<string, string>;
  bodyName: string;
}

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
const size = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function FileButton(props: { number: string; code: string; file: string; children: ComponentChildren }) {
  return (
    <form method="post" action="/api/public/requests/files" class="inline">
      <input type="hidden" name="number" value={props.number} />
      <input type="hidden" name="code" value={props.code} />
      <input type="hidden" name="file" value={props.file} />
      <button type="submit">{props.children}</button>
    </form>
  );
}

function StatusPage({ view: v, code, lang, fresh, timeZone, agencies, bodyName }: StatusPageInput) {
  const t = dict(lang);
  const w = t.reqJs;
  const r = t.req;
  const when = (iso: string) => dateTimeInWords(iso, timeZone, lang);
  const open = v.clarifications.findIndex((c) => !c.answeredAt);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${fill(w.request, { n: v.number })} – ${r.statusTitle} – ${bodyName}`}</title>
        <link rel="stylesheet" href="/assets/register.css" />
      </head>
      <body>
        <a class="skip" href="#isi">
          {t.skip}
        </a>
        <header class="site">
          <p>
            <a href={lang === 'en' ? '/en/' : '/'}>{bodyName}</a>
          </p>
        </header>
        <main id="isi">
          <h1>{fill(w.request, { n: v.number })}</h1>
          {fresh ? (
            <div class="banner">
              <p>
                <strong>{w.newBanner}</strong>
              </p>
              <dl>
                <dt>{r.number}</dt>
                <dd>{v.number}</dd>
                <dt>{r.code}</dt>
                <dd>
                  <strong>{code}</strong>
                </dd>
              </dl>
              <p class="warn">{r.codeWarning}</p>
            </div>
          ) : null}
          <dl class="status">
            <dt>{w.state}</dt>
            <dd>{w.states[v.state as keyof typeof w.states] ?? v.state}</dd>
            <dt>{w.received}</dt>
            <dd>{when(v.receivedAt)}</dd>
            <dt>{w.deadline}</dt>
            <dd>
              {when(v.deadline.at)}
              <br />
              <span class="meta">{v.deadline.explanation[lang]}</span>
            </dd>
            <dt>{w.asked}</dt>
            <dd class="pre">{v.content.information}</dd>
            {v.outcome?.decision ? (
              <>
                <dt>{w.decision}</dt>
                <dd>{w.decisions[v.outcome.decision]}</dd>
              </>
            ) : null}
          </dl>
          {v.extension ? <p>{fill(w.extended, { date: when(v.extension.previousDeadline), reasons: v.extension.reasons })}</p> : null}
          {v.notHeld ? <p>{fill(w.notHeld, { body: v.notHeld.otherBody ?? '—' })}</p> : null}
          {v.outcome?.decision === 'refused' || v.outcome?.decision === 'partial' ? <p>{w.objection}</p> : null}
          {v.notice || v.extensionNotice || v.released.length ? (
            <section aria-labelledby="docs-h">
              <h2 id="docs-h">{w.documents}</h2>
              <ul class="plain">
                {v.notice ? (
                  <li>
                    <FileButton number={v.number} code={code} file="notice">
                      {fill(w.notice, { n: v.notice.number })}
                    </FileButton>
                  </li>
                ) : null}
                {v.extensionNotice ? (
                  <li>
                    <FileButton number={v.number} code={code} file="extension">
                      {fill(w.extensionNotice, { n: v.extensionNotice.number })}
                    </FileButton>
                  </li>
                ) : null}
                {v.released.map((d) => (
                  <li key={d.docId}>
                    <FileButton number={v.number} code={code} file={d.docId}>
                      {fill(w.download, { name: d.fileName, size: size(d.size) })}
                    </FileButton>{' '}
                    <span class="meta">
                      {agencies[d.agencyId] ?? d.agencyId}
                      {d.redacted ? `, ${w.redacted}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {v.clarifications.length ? (
            <section aria-labelledby="clar-h">
              <h2 id="clar-h">{w.clarifications}</h2>
              {v.clarifications.map((c, i) => (
                <div key={c.askedAt}>
                  <p class="pre">{c.question}</p>
                  <p class="meta">{fill(w.askedAt, { date: when(c.askedAt) })}</p>
                  {c.answeredAt ? (
                    <p>
                      <span class="pre">{c.answer}</span> <span class="meta">({fill(w.answeredAt, { date: when(c.answeredAt) })})</span>
                    </p>
                  ) : i === open ? (
                    <form method="post" action="/api/public/requests/clarification">
                      <input type="hidden" name="number" value={v.number} />
                      <input type="hidden" name="code" value={code} />
                      <label for="answer">{w.yourAnswer}</label>
                      <textarea id="answer" name="answer" required minLength={2} maxLength={4000} rows={4} />
                      <p>
                        <button type="submit">{w.sendAnswer}</button>
                      </p>
                    </form>
                  ) : null}
                </div>
              ))}
            </section>
          ) : null}
          <section aria-labelledby="tl-h">
            <h2 id="tl-h">{w.timeline}</h2>
            <ol class="timeline">
              {v.timeline.map((e) => (
                <li key={`${e.at}-${e.type}-${e.agencyId ?? ''}`}>
                  <span class="date">{when(e.at)}</span> — {w.events[e.type as keyof typeof w.events] ?? e.type}
                  {e.agencyId ? ` (${agencies[e.agencyId] ?? e.agencyId})` : ''}
                </li>
              ))}
            </ol>
          </section>
          {v.delivery ? <p>{fill(w.delivered, { date: dateInWords(v.delivery.deliveredOn, lang), how: v.delivery.how })}</p> : null}
          <p>
            <a href={lang === 'en' ? '/en/permohonan/' : '/permohonan/'}>{r.title}</a>
          </p>
        </main>
      </body>
    </html>
  );
}

export function requestStatusHtml(input: StatusPageInput): string {
  return `<!doctype html>\n${renderToString(<StatusPage {...input} />)}`;
}
