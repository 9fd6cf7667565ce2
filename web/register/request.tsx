/** @jsxImportSource preact */
/**
 * The register's information-request pages (UU 14/2008 Pasal 21–22; issue 10):
 *
 *   permohonan/                  the request form: a plain form post to /api/public/requests (answered
 *                                with 303 to the status page) that works without JavaScript;
 *                                /assets/permohonan.js checks the fields first, uploads the power of
 *                                attorney of a request filed for someone else (declared, then sent
 *                                straight to the documents bucket), sends JSON, shows each server
 *                                message next to its field, shows the receipt (number, date, deadline,
 *                                the tracking code once), and lists published DIP items that may
 *                                already answer the request while it is typed
 *   permohonan/status/           number + tracking code → the request's state, deadline, every step,
 *                                the notices, the released documents and any clarification asked
 *                                (needs JavaScript: a static page cannot read the request)
 *   permohonan/daftar/[<year>/]  the public log of answered requests (no JavaScript, no personal data)
 *
 * The form's hidden `submissionId` (one request per form shown, however often it is sent) is set by
 * the script to a fresh `crypto.randomUUID()` on load. A static page cannot carry one per view, and one
 * per build would be shared by everyone who loads it, so without JavaScript the field stays empty and
 * the API derives the id from the form post itself (functions/api/public-requests.ts): the same post
 * sent twice files once, two people's posts never meet.
 *
 * Words are in i18n.ts (`req`, and `reqJs` for the script, handed over as JSON in a data attribute).
 * No inline script or style (the register's CSP).
 */
import type { ComponentChildren, InputHTMLAttributes } from 'preact';
import { localDate } from '../../functions/core/date-words.ts';
import { ALLOWED } from '../../functions/core/documents.ts';
import { GROUND_TEXT, GROUNDS } from '../../functions/core/objections/grounds.ts';
import { href, type Lang, type Model, pagePath } from '../../functions/core/register/model.ts';
import {
  answeredOn,
  DECISION_TEXT,
  dayText,
  decisionText,
  groundsOf,
  groundText,
  OBJECTION_STATE_TEXT,
  type PublicRequestEntry,
  REQUEST_EXPORT_PATHS,
  requestDocumentHref,
  requestLogPath,
} from '../../functions/core/register/requests.ts';
import { DELIVERY_METHODS, OBTAIN_FORMS, POWER_OF_ATTORNEY_MAX_BYTES } from '../../functions/core/requests/forms.ts';
import { dict } from './i18n.ts';
import { type Crumb, idText, Layout } from './layout.tsx';

type P = { m: Model; lang: Lang };

const FORM_PATH = pagePath({ kind: 'request' });
const STATUS_PATH = pagePath({ kind: 'requestStatus' });
const OBJECTION_PATH = pagePath({ kind: 'objection' });
/** How many of the newest answers the log's index lists. */
export const LOG_LATEST = 20;

const crumbs = (lang: Lang, ...rest: Crumb[]): Crumb[] => [{ label: dict(lang).home, path: 'index.html' }, ...rest];
const zoneOf = (m: Model) => m.ppid?.timezone ?? 'Asia/Jakarta';

// --- form parts ---------------------------------------------------------------------------------------

export interface FieldProps {
  id: string;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'tel' | 'email';
  rows?: number;
  autoComplete?: string;
  inputMode?: 'numeric' | 'tel' | 'email' | 'text';
  pattern?: string;
  minLength?: number;
  maxLength: number;
  /** Shown only for this kind of requester (the script hides the other; without it both show). */
  forKind?: 'individual' | 'legal_entity';
}

/**
 * A labelled field with its hint and a place for its error (filled by the script, and referenced by
 * aria-describedby while shown). Required fields carry `required` (read by screen readers) and a
 * visible asterisk that screen readers skip.
 */
export function Field(f: FieldProps) {
  const common = {
    id: f.id,
    name: f.name,
    required: f.required,
    maxLength: f.maxLength,
    ...(f.minLength ? { minLength: f.minLength } : {}),
    ...(f.autoComplete ? { autoComplete: f.autoComplete } : {}),
    ...(f.hint ? { 'aria-describedby': `${f.id}-hint` } : {}),
  };
  return (
    <div class="field" data-field={f.name} data-for-kind={f.forKind}>
      <label for={f.id}>
        {f.label}
        {f.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {f.hint ? (
        <p class="hint" id={`${f.id}-hint`}>
          {f.hint}
        </p>
      ) : null}
      <p class="field-error" id={`${f.id}-error`} hidden />
      {f.rows ? (
        <textarea {...common} rows={f.rows} />
      ) : (
        <input
          {...({
            ...common,
            type: f.type ?? 'text',
            ...(f.inputMode ? { inputMode: f.inputMode } : {}),
            ...(f.pattern ? { pattern: f.pattern } : {}),
          } as InputHTMLAttributes<HTMLInputElement>)}
        />
      )}
    </div>
  );
}

/** A group of radio buttons: a fieldset with its legend, and a place for the group's error. */
export function Choices(props: { id: string; name: string; legend: string; options: readonly (readonly [string, string])[]; checked?: string }) {
  return (
    <fieldset class="choices" id={props.id} data-field={props.name}>
      <legend>
        {props.legend}
        <span aria-hidden="true"> *</span>
      </legend>
      <p class="field-error" id={`${props.id}-error`} hidden />
      {props.options.map(([value, label]) => (
        <div class="choice" key={value}>
          <input type="radio" id={`${props.id}-${value}`} name={props.name} value={value} required checked={props.checked === value} />
          <label for={`${props.id}-${value}`}>{label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * The power of attorney's types (functions/core/requests/power-of-attorney.ts takes a PDF, a JPEG or a
 * PNG): extension → the content type the script declares for it, whatever the browser guesses.
 */
export const POWER_OF_ATTORNEY_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  (['pdf', 'jpeg', 'png'] as const).flatMap((k) => ALLOWED[k].extensions.map((e) => [e, ALLOWED[k].contentType])),
);

/**
 * A file field the script uploads (the input has no name: a plain form post never carries it): its
 * hint, a place for its error, the upload's progress and its state, announced next to it.
 */
export function FileField(props: {
  id: string;
  field: string;
  label: string;
  hint: string;
  progress: string;
  required?: boolean;
  multiple?: boolean;
  /** The wrapper's id and whether it starts hidden (the power of attorney's, shown by the script). */
  wrapperId?: string;
  hidden?: boolean;
}) {
  const { id } = props;
  const accept = [...Object.keys(POWER_OF_ATTORNEY_TYPES), ...new Set(Object.values(POWER_OF_ATTORNEY_TYPES))].join(',');
  return (
    <div class="field" data-field={props.field} id={props.wrapperId} hidden={props.hidden}>
      <label for={id}>
        {props.label}
        {props.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <p class="hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      <p class="field-error" id={`${id}-error`} hidden />
      <input type="file" id={id} accept={accept} multiple={props.multiple} aria-describedby={`${id}-hint ${id}-state`} />
      <progress id={`${id}-progress`} max={100} value={0} aria-label={props.progress} hidden />
      {/* biome-ignore lint/a11y/useSemanticElements: <output> is announced unreliably; role=status is */}
      <p id={`${id}-state`} class="upload-state" role="status" aria-live="polite" />
    </div>
  );
}

/**
 * The power of attorney (surat kuasa) of a request filed for someone else. The file goes straight to
 * the documents bucket, so the field needs the script: it is hidden in the page and shown by the
 * script while "filing for someone else" is filled in; without JavaScript the name field's hint says
 * that such a request needs JavaScript or the PPID's desk.
 */
function PowerOfAttorneyField({ lang }: { lang: Lang }) {
  const r = dict(lang).req;
  return (
    <FileField
      id="f-powerOfAttorney"
      field="powerOfAttorney"
      label={r.powerOfAttorney}
      hint={r.powerOfAttorneyHint}
      progress={r.powerOfAttorneyProgress}
      required
      wrapperId="poa-field"
      hidden
    />
  );
}

/** Who files (a requester's or an objector's `name` prefix): the kind of person, the name, and the NIK or the legal entity's decree. */
export function PersonFields({ lang, id, name }: { lang: Lang; id: string; name: string }) {
  const r = dict(lang).req;
  return (
    <>
      <Choices
        id={`${id}-kind`}
        name={`${name}.kind`}
        legend={r.kindLegend}
        checked="individual"
        options={[
          ['individual', r.kindIndividual],
          ['legal_entity', r.kindLegalEntity],
        ]}
      />
      <Field
        id={`${id}-fullName`}
        name={`${name}.fullName`}
        label={r.fullName}
        hint={r.fullNameHint}
        required
        autoComplete="name"
        minLength={3}
        maxLength={200}
      />
      <Field
        id={`${id}-nik`}
        name={`${name}.nik`}
        label={r.nik}
        hint={r.nikHint}
        inputMode="numeric"
        pattern="[0-9]{16}"
        autoComplete="off"
        maxLength={16}
        forKind="individual"
      />
      <Field
        id={`${id}-decree`}
        name={`${name}.legalEntityDecree`}
        label={r.decree}
        hint={r.decreeHint}
        autoComplete="off"
        minLength={3}
        maxLength={120}
        forKind="legal_entity"
      />
    </>
  );
}

/** Where to reach the person: the address, then a phone or an e-mail (at least one; the hint `hintId` says so). */
export function ContactFields({ lang, id, name, hintId }: { lang: Lang; id: string; name: string; hintId: string }) {
  const r = dict(lang).req;
  return (
    <>
      <Field
        id={`${id}-address`}
        name={`${name}.address`}
        label={r.address}
        hint={r.addressHint}
        required
        rows={3}
        autoComplete="street-address"
        minLength={10}
        maxLength={500}
      />
      <p class="hint" id={hintId}>
        {r.contactHint}
      </p>
      <Field id={`${id}-phone`} name={`${name}.phone`} label={r.phone} type="tel" autoComplete="tel" pattern="\+?[0-9 \(\)\-]{8,20}" maxLength={20} />
      <Field id={`${id}-email`} name={`${name}.email`} label={r.email} type="email" autoComplete="email" maxLength={254} />
    </>
  );
}

/** A honeypot: hidden from people and from screen readers, out of the tab order; a robot that fills it is refused. */
export function Honeypot({ lang, id }: { lang: Lang; id: string }) {
  return (
    <div class="hp" aria-hidden="true">
      <label for={id}>{dict(lang).req.honeypot}</label>
      <input id={id} name="website" type="text" tabIndex={-1} autoComplete="off" value="" />
    </div>
  );
}

/** The form's live status line and its submit button. */
export function FormEnd({ statusId, submit }: { statusId: string; submit: string }) {
  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: <output> is announced unreliably; role=status is */}
      <p id={statusId} role="status" aria-live="polite" />
      <p>
        <button type="submit">{submit}</button>
      </p>
    </>
  );
}

/**
 * The receipt the script fills and shows once a filing is accepted (its slots: number, received,
 * deadline and its explanation, the tracking code shown once, the status page's link).
 */
export function Receipt(props: { lang: Lang; id: string; headingId: string; title: string; number: string; deadline: string; openStatus: string }) {
  const r = dict(props.lang).req;
  return (
    <section id={props.id} class="receipt" hidden tabIndex={-1} aria-labelledby={props.headingId}>
      <h2 id={props.headingId}>{props.title}</h2>
      <dl>
        <dt>{props.number}</dt>
        <dd data-slot="number" />
        <dt>{r.receivedAt}</dt>
        <dd data-slot="received" />
        <dt>{props.deadline}</dt>
        <dd>
          <span data-slot="deadline" class="deadline" /> <span data-slot="explanation" class="hint" />
        </dd>
      </dl>
      <div class="code-box">
        <p>
          {r.code}: <strong data-slot="code" class="code" />
        </p>
        <p class="warn">{r.codeWarning}</p>
      </div>
      <p>{r.emailNote}</p>
      <p>
        <a data-slot="status-link" href={href(STATUS_PATH, props.lang)}>
          {props.openStatus}
        </a>
      </p>
    </section>
  );
}

// --- the form -----------------------------------------------------------------------------------------

export function RequestFormPage({ m, lang }: P) {
  const t = dict(lang);
  const r = t.req;
  const data = {
    'data-words': JSON.stringify(t.reqJs),
    'data-index': '/search/',
    'data-base': lang === 'id' ? '/' : '/en/',
    'data-status': href(STATUS_PATH, lang),
    'data-zone': zoneOf(m),
    'data-poa-types': JSON.stringify(POWER_OF_ATTORNEY_TYPES),
    'data-poa-max': String(POWER_OF_ATTORNEY_MAX_BYTES),
  };
  return (
    <Layout m={m} lang={lang} path={FORM_PATH} title={r.title} section="request" crumbs={crumbs(lang, { label: t.navRequest })} script="permohonan.js">
      <h1>{r.title}</h1>
      <p class="lead">{r.intro}</p>
      <p>
        {r.statusLinkIntro} <a href={href(STATUS_PATH, lang)}>{r.statusLink}</a>. {r.logLinkIntro} <a href={href(requestLogPath(), lang)}>{r.logLink}</a>.
      </p>
      <p>
        <a href={href(OBJECTION_PATH, lang)}>{t.obj.title}</a>
      </p>
      <Receipt lang={lang} id="request-done" headingId="done-h" title={r.doneTitle} number={r.number} deadline={r.deadline} openStatus={r.openStatus} />
      <form id="request-form" class="request" method="post" action="/api/public/requests" encType="application/x-www-form-urlencoded" {...data}>
        <div id="form-errors" class="error-summary" role="alert" hidden>
          <p id="form-errors-h">{t.reqJs.errorSummary}</p>
          <ul />
        </div>
        <p class="hint">{r.requiredNote}</p>
        <p>{r.privacy}</p>
        {/* Empty without JavaScript: the API then derives the id from the post (see the file's comment). */}
        <input type="hidden" name="submissionId" value="" />
        <fieldset>
          <legend>{r.fsRequester}</legend>
          <PersonFields lang={lang} id="f" name="requester" />
          <Field id="f-onBehalfOf" name="requester.onBehalfOf" label={r.onBehalfOf} hint={r.onBehalfOfHint} autoComplete="off" maxLength={200} />
          <PowerOfAttorneyField lang={lang} />
        </fieldset>
        <fieldset aria-describedby="contact-hint">
          <legend>{r.fsContact}</legend>
          <ContactFields lang={lang} id="f" name="requester" hintId="contact-hint" />
        </fieldset>
        <fieldset>
          <legend>{r.fsContent}</legend>
          <Field
            id="f-information"
            name="content.information"
            label={r.information}
            hint={r.informationHint}
            required
            rows={6}
            minLength={10}
            maxLength={4000}
          />
          <section id="suggestions" class="suggestions" aria-labelledby="suggest-h" hidden>
            <h2 id="suggest-h">{r.suggestTitle}</h2>
            <p>{r.suggestIntro}</p>
            <ul id="suggest-list" />
          </section>
          {/* biome-ignore lint/a11y/useSemanticElements: <output> is announced unreliably; role=status is */}
          <p id="suggest-status" class="vh" role="status" aria-live="polite" />
          <Field id="f-purpose" name="content.purpose" label={r.purpose} required rows={3} minLength={5} maxLength={2000} />
        </fieldset>
        <fieldset>
          <legend>{r.fsHow}</legend>
          <Choices id="f-obtainForm" name="content.obtainForm" legend={r.obtainLegend} options={OBTAIN_FORMS.map((o) => [o, r.obtain[o]] as const)} />
          <Choices
            id="f-deliveryMethod"
            name="content.deliveryMethod"
            legend={r.deliveryLegend}
            options={DELIVERY_METHODS.map((d) => [d, r.delivery[d]] as const)}
          />
        </fieldset>
        <Honeypot lang={lang} id="f-website" />
        <FormEnd statusId="form-status" submit={r.submit} />
      </form>
    </Layout>
  );
}

// --- the status page ----------------------------------------------------------------------------------

export function RequestStatusPage({ m, lang }: P) {
  const t = dict(lang);
  const r = t.req;
  const agencies = Object.fromEntries(m.agencies.map((a) => [a.id, a.name]));
  return (
    <Layout
      m={m}
      lang={lang}
      path={STATUS_PATH}
      title={r.statusTitle}
      section="request"
      crumbs={crumbs(lang, { label: t.navRequest, path: FORM_PATH }, { label: r.statusTitle })}
      script="permohonan.js"
    >
      <h1>{r.statusTitle}</h1>
      <div id="status-new" class="banner" hidden>
        <p>
          <strong>{t.reqJs.newBanner}</strong>
        </p>
        <p class="warn">{r.codeWarning}</p>
      </div>
      <noscript>
        {/* Without JavaScript: the API renders the status page (web/register/request-status-html.tsx). */}
        <form class="lookup" method="get" action="/api/public/requests/status-page">
          <p>{r.statusNoJs}</p>
          <div class="field">
            <label for="ns-number">{r.number}</label>
            <input id="ns-number" name="nomor" type="text" required autoComplete="off" maxLength={32} />
          </div>
          <div class="field">
            <label for="ns-code">{r.code}</label>
            <input id="ns-code" name="kode" type="text" required autoComplete="off" maxLength={32} spellcheck={false} />
          </div>
          <p>
            <button type="submit">{r.lookup}</button>
          </p>
        </form>
      </noscript>
      <form
        id="status-form"
        class="lookup"
        hidden
        data-words={JSON.stringify(t.reqJs)}
        data-obj-words={JSON.stringify(objectionWords(lang))}
        data-zone={zoneOf(m)}
        data-agencies={JSON.stringify(agencies)}
        data-poa-types={JSON.stringify(POWER_OF_ATTORNEY_TYPES)}
        data-poa-max={String(POWER_OF_ATTORNEY_MAX_BYTES)}
      >
        <p>{r.statusIntro}</p>
        <div class="field">
          <label for="s-number">{r.number}</label>
          <p class="hint" id="s-number-hint">
            {r.numberHint} {t.obj.numberHint}
          </p>
          <input id="s-number" name="nomor" type="text" required autoComplete="off" aria-describedby="s-number-hint" maxLength={32} />
        </div>
        <div class="field">
          <label for="s-code">{r.code}</label>
          <input id="s-code" name="kode" type="text" required autoComplete="off" maxLength={32} spellcheck={false} />
        </div>
        <p>
          <button type="submit">{r.lookup}</button>
        </p>
      </form>
      {/* biome-ignore lint/a11y/useSemanticElements: <output> is announced unreliably; role=status is */}
      <p id="status-message" role="status" aria-live="polite" />
      <section id="status-view" class="status" hidden tabIndex={-1} aria-labelledby="status-h">
        <h2 id="status-h">{r.statusTitle}</h2>
        <div id="status-body" />
      </section>
      <p>
        <a href={href(FORM_PATH, lang)}>{r.title}</a> · <a href={href(OBJECTION_PATH, lang)}>{t.obj.title}</a> ·{' '}
        <a href={href(requestLogPath(), lang)}>{r.logLink}</a>
      </p>
    </Layout>
  );
}

// --- the public log -----------------------------------------------------------------------------------

/** The log's table, named by the heading above it (`headingId`) and its caption, which says only the count. */
function LogTable({ m, lang, rows, headingId }: P & { rows: readonly PublicRequestEntry[]; headingId: string }) {
  const t = dict(lang);
  const r = t.req;
  const capId = 'log-cap';
  const name = `${headingId} ${capId}`;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take keyboard focus (WCAG 2.1.1)
    <section class="table-wrap" aria-labelledby={name} tabIndex={0}>
      <table class="log" data-sortable="" aria-labelledby={name}>
        <caption id={capId}>{r.logCount(rows.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{r.colNumber}</th>
            <th scope="col">{r.colInformation}</th>
            <th scope="col">{r.colAgency}</th>
            <th scope="col">{r.colReceived}</th>
            <th scope="col">{r.colAnswered}</th>
            <th scope="col">{r.colDecision}</th>
            <th scope="col">{r.colGrounds}</th>
            <th scope="col">{r.colDocuments}</th>
            <th scope="col">{r.colObjections}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <LogRow key={e.requestId} m={m} lang={lang} e={e} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LogRow({ m, lang, e }: P & { e: PublicRequestEntry }) {
  const r = dict(lang).req;
  const t = dict(lang);
  const grounds = groundsOf(e);
  const docs = e.parts.flatMap((p) => p.documents);
  const several = e.parts.length > 1;
  return (
    <tr>
      <td class="no">{e.number}</td>
      <td lang={idText(lang)} class="pre">
        {e.information}
      </td>
      <td>
        {e.held ? (
          <List>
            {e.parts.map((p) => (
              <li key={p.agencyId}>
                {m.agency(p.agencyId).name}
                {several ? ` (${DECISION_TEXT[lang][p.decision].toLowerCase()})` : ''}
              </li>
            ))}
          </List>
        ) : (
          <span lang={idText(lang)}>{e.otherBody ? r.otherBody(e.otherBody) : '—'}</span>
        )}
      </td>
      <td class="date">{dayText(e.receivedOn, lang)}</td>
      <td class="date">{dayText(answeredOn(m, e), lang)}</td>
      <td>
        {decisionText(e, lang)}
        {e.extended ? <span class="meta">{` (${r.extended})`}</span> : null}
      </td>
      <td lang={idText(lang)}>
        {grounds.length ? (
          <List>
            {grounds.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </List>
        ) : (
          '—'
        )}
      </td>
      <td>
        {docs.length ? (
          <List>
            {e.parts.flatMap((p) =>
              p.documents.map((d) => (
                <li key={d.docId}>
                  <a href={requestDocumentHref(e.requestId, d.docId, d.fileName)}>{d.fileName}</a>{' '}
                  <span class="meta">
                    ({t.size(d.size)}
                    {d.redacted ? `, ${r.redacted}` : ''})
                  </span>
                </li>
              )),
            )}
          </List>
        ) : (
          '—'
        )}
      </td>
      <td>
        {e.objections?.length ? (
          <List>
            {e.objections.map((o) => (
              <li key={o.number}>
                <span class="no">{o.number}</span> <span class="meta">({dayText(o.receivedOn, lang)})</span>
                <br />
                {r.objectionGrounds}:
                <ul class="cell-list">
                  {o.grounds.map((g) => (
                    <li key={g}>{groundText(g, lang)}</li>
                  ))}
                </ul>
                {OBJECTION_STATE_TEXT[lang][o.state]}
                {o.respondedAt ? <span class="meta">{` (${dayText(localDate(o.respondedAt, zoneOf(m)), lang)})`}</span> : null}
              </li>
            ))}
          </List>
        ) : (
          '—'
        )}
      </td>
    </tr>
  );
}

/** The words of objections for the script (i18n `objJs`, with the grounds' texts of Pasal 35(1)). */
export function objectionWords(lang: Lang) {
  return { ...dict(lang).objJs, groundText: Object.fromEntries(GROUNDS.map((g) => [g, GROUND_TEXT[g][lang]])) };
}

const List = ({ children }: { children: ComponentChildren }) => <ul class="cell-list">{children}</ul>;

function LogDataLinks({ lang }: { lang: Lang }) {
  const r = dict(lang).req;
  return (
    <p class="open-data">
      <span>{r.downloadLog}:</span>{' '}
      <a href={`/${REQUEST_EXPORT_PATHS.csv}`} type="text/csv" download="permohonan.csv">
        {r.logCsv}
      </a>{' '}
      ·{' '}
      <a href={`/${REQUEST_EXPORT_PATHS.json}`} type="application/json">
        {r.logJson}
      </a>
    </p>
  );
}

export function RequestLogPage({ m, lang, year }: P & { year?: number }) {
  const t = dict(lang);
  const r = t.req;
  const path = requestLogPath(year);
  const rows = year === undefined ? m.requests.slice(0, LOG_LATEST) : m.requests.filter((e) => e.year === year);
  const title = year === undefined ? r.logTitle : r.logYearTitle(year);
  const trail: Crumb[] = [{ label: t.navRequest, path: FORM_PATH }];
  if (year !== undefined) trail.push({ label: r.logTitle, path: requestLogPath() }, { label: String(year) });
  else trail.push({ label: r.logTitle });
  return (
    <Layout m={m} lang={lang} path={path} title={title} section="request" crumbs={crumbs(lang, ...trail)}>
      <h1 id="judul">{title}</h1>
      <p class="lead">{r.logIntro}</p>
      {m.requests.length === 0 ? (
        <p>{r.logEmpty}</p>
      ) : (
        <>
          {year === undefined ? (
            <section aria-labelledby="log-years-h">
              <h2 id="log-years-h">{r.logYears}</h2>
              <ul class="inline">
                {m.requestYears.map((y) => (
                  <li key={y}>
                    <a href={href(requestLogPath(y), lang)}>
                      {y} ({r.logCount(m.requests.filter((e) => e.year === y).length)})
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {year === undefined ? <h2 id="terbaru">{r.logLatest}</h2> : null}
          <p class="hint no-print">
            {t.sortHint}{' '}
            <button type="button" data-print="" hidden>
              {t.print}
            </button>
          </p>
          <LogTable m={m} lang={lang} rows={rows} headingId={year === undefined ? 'terbaru' : 'judul'} />
        </>
      )}
      <LogDataLinks lang={lang} />
    </Layout>
  );
}
