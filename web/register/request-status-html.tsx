/**
 * The request's status page without JavaScript: rendered by the API (GET /api/public/requests/status-page,
 * on the register's own origin) from the same view the script shows (`requesterView`), in the same
 * words (i18n `reqJs`). The notice and the released documents download through plain form posts
 * answered with a redirect to a short-lived link; a clarification is answered the same way. The page
 * is never cached and tells robots not to index it: its address holds the tracking code.
 *
 * Objections (keberatan): each with its state, grounds, deadline, the Atasan PPID's response and its
 * PDF (a plain form post to /api/public/objections/files, answered with a redirect to the link), the
 * follow-up's documents and the dispute window; and a plain objection form (repeated `grounds`
 * checkboxes, posted form-encoded to /api/public/objections, answered with 303 back to this page).
 * Its submission id is fresh per page rendered: the page is never cached.
 */
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { dateInWords, dateTimeInWords } from '../../functions/core/date-words.ts';
import { GROUND_TEXT } from '../../functions/core/objections/grounds.ts';
import type { ObjectorView } from '../../functions/core/objections/model.ts';
import type { GroundOption } from '../../functions/core/objections/objections.ts';
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
  /** The request's objections and the grounds it may be objected on now. */
  objections?: ObjectorView[];
  grounds?: GroundOption[];
  /** A fresh uuid for the objection form (one objection per page shown). */
  submissionId?: string;
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

function ObjectionFileButton(props: { number: string; code: string; objection: string; file: string; children: ComponentChildren }) {
  return (
    <form method="post" action="/api/public/objections/files" class="inline">
      <input type="hidden" name="number" value={props.number} />
      <input type="hidden" name="code" value={props.code} />
      <input type="hidden" name="objection" value={props.objection} />
      <input type="hidden" name="file" value={props.file} />
      <button type="submit">{props.children}</button>
    </form>
  );
}

type Words = ReturnType<typeof dict>['objJs'];

/** A deadline's explanation for people: its technical parenthesis of instants left out (the date is shown in words beside it). */
const explained = (text: string) => text.replace(/\s*\([^()]*\d{4}-\d{2}-\d{2}T[^()]*\)/g, '');

/** One objection as the script shows it (web/register/assets.ts `objectionUi.view`). */
function ObjectionView({
  o,
  number,
  code,
  lang,
  w,
  when,
}: {
  o: ObjectorView;
  number: string;
  code: string;
  lang: Lang;
  w: Words;
  when: (iso: string) => string;
}) {
  const id = `obj-${o.number.replace(/[^A-Za-z0-9]/g, '-')}`;
  const f = o.followUp?.fulfilled;
  return (
    <section class="objection" aria-labelledby={id}>
      <h3 id={id}>{fill(w.objection, { n: o.number })}</h3>
      <dl>
        <dt>{w.state}</dt>
        <dd>{w.states[o.state]}</dd>
        <dt>{w.received}</dt>
        <dd>{when(o.receivedAt)}</dd>
        <dt>{w.grounds}</dt>
        <dd>
          <ul class="cell-list">
            {o.grounds.map((g) => (
              <li key={g}>{`${g}. ${GROUND_TEXT[g][lang]}`}</li>
            ))}
          </ul>
        </dd>
        <dt>{w.caseLabel}</dt>
        <dd class="pre">{o.case}</dd>
        <dt>{w.deadline}</dt>
        <dd>
          {when(o.deadline.at)}
          <br />
          <span class="meta">{explained(o.deadline.explanation[lang])}</span>
        </dd>
      </dl>
      {o.response ? (
        <>
          <h4>{w.response}</h4>
          <dl>
            <dt>{w.decision}</dt>
            <dd>
              {w.decisions[o.response.decision]}
              {o.response.scope ? ` (${w.scopes[o.response.scope]})` : ''}
            </dd>
            <dt>{w.reasons}</dt>
            <dd class="pre" lang="id">
              {o.response.reasons}
            </dd>
            <dt>{w.responder}</dt>
            <dd>
              {o.response.responder.name}, {o.response.responder.position}
            </dd>
            <dt>{w.respondedAt}</dt>
            <dd>{when(o.response.at)}</dd>
          </dl>
        </>
      ) : null}
      {o.responseDocument ? (
        <p>
          <ObjectionFileButton number={number} code={code} objection={o.number} file="response">
            {fill(w.responseDoc, { n: o.responseDocument.number })}
          </ObjectionFileButton>
        </p>
      ) : null}
      {o.followUp ? <p>{fill(w.followUp, { date: when(o.followUp.deadline.at) })}</p> : null}
      {f ? (
        <>
          <h4>{w.provided}</h4>
          <p>{fill(w.fulfilled, { date: when(f.at) })}</p>
          <p class="pre" lang="id">
            {f.note}
          </p>
          <ul class="plain">
            {f.documents.map((d) => (
              <li key={d.docId}>
                <ObjectionFileButton number={number} code={code} objection={o.number} file={d.docId}>
                  {fill(w.download, { name: d.fileName, size: size(d.size) })}
                  {d.redacted ? ` · ${w.redacted}` : ''}
                </ObjectionFileButton>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {o.disputeWindow ? (
        <p class="warn">{fill(o.disputeWindow.from === 'no_response' ? w.disputeNoResponse : w.dispute, { date: when(o.disputeWindow.local) })}</p>
      ) : null}
      <h4>{w.timeline}</h4>
      <ol class="timeline">
        {o.timeline.map((e) => (
          <li key={`${e.at}-${e.type}`}>
            <span class="date">{when(e.at)}</span> — {w.events[e.type]}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The plain objection form: the grounds (known first and chosen, unavailable ones disabled with their note), the case. */
function ObjectionForm(props: {
  number: string;
  code: string;
  grounds: GroundOption[];
  submissionId: string;
  lang: Lang;
  w: Words;
  when: (iso: string) => string;
}) {
  const { w, lang, when } = props;
  const rank = (g: GroundOption) => (g.known && g.available ? 0 : g.available ? 1 : 2);
  const sorted = [...props.grounds].sort((a, b) => rank(a) - rank(b) || a.ground.localeCompare(b.ground));
  return (
    <form method="post" action="/api/public/objections" class="request objection-form" aria-labelledby="objection-form-h">
      <h3 id="objection-form-h">{w.formTitle}</h3>
      <p>{w.formIntro}</p>
      <input type="hidden" name="number" value={props.number} />
      <input type="hidden" name="code" value={props.code} />
      <input type="hidden" name="submissionId" value={props.submissionId} />
      <fieldset class="choices">
        <legend>
          {w.groundsLegend}
          <span aria-hidden="true"> *</span>
        </legend>
        <p class="hint">{w.groundsHint}</p>
        {sorted.map((g) => {
          const id = `ob-g-${g.ground}`;
          const notes = [g.note?.[lang], g.until ? fill(g.available ? w.until : w.ended, { date: when(g.until.at) }) : undefined].filter(Boolean).join(' ');
          return (
            <div class={`choice ground${g.available ? '' : ' unavailable'}`} key={g.ground}>
              <input
                type="checkbox"
                id={id}
                name="grounds"
                value={g.ground}
                checked={g.known && g.available}
                disabled={!g.available}
                {...(notes ? { 'aria-describedby': `${id}-note` } : {})}
              />
              <div>
                <label for={id}>
                  {`${g.ground}. ${g.text[lang]}`}
                  {g.known ? <span class="meta">{` (${w.known})`}</span> : null}
                </label>
                {notes ? (
                  <p class="hint" id={`${id}-note`}>
                    {notes}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </fieldset>
      <div class="field">
        <label for="ob-case">
          {w.caseLabel}
          <span aria-hidden="true"> *</span>
        </label>
        <p class="hint" id="ob-case-hint">
          {w.caseHint}
        </p>
        <textarea id="ob-case" name="case" rows={6} required minLength={20} maxLength={4000} aria-describedby="ob-case-hint" />
      </div>
      <p class="hint">{w.attachmentsHint}</p>
      <div class="hp" aria-hidden="true">
        <label for="ob-website">{w.honeypot}</label>
        <input id="ob-website" name="website" type="text" tabIndex={-1} autoComplete="off" value="" />
      </div>
      <p>
        <button type="submit">{w.submit}</button>
      </p>
    </form>
  );
}

function StatusPage({ view: v, code, lang, fresh, timeZone, agencies, bodyName, objections = [], grounds = [], submissionId = '' }: StatusPageInput) {
  const ow = dict(lang).objJs;
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
          {objections.length || grounds.length ? (
            <section class="objections" aria-labelledby="objections-h">
              <h2 id="objections-h">{ow.section}</h2>
              {objections.map((o) => (
                <ObjectionView key={o.number} o={o} number={v.number} code={code} lang={lang} w={ow} when={when} />
              ))}
              {grounds.some((g) => g.available) && submissionId ? (
                <ObjectionForm number={v.number} code={code} grounds={grounds} submissionId={submissionId} lang={lang} w={ow} when={when} />
              ) : grounds.length ? (
                <p>{ow.noneAvailable}</p>
              ) : null}
            </section>
          ) : null}
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
