/** @jsxImportSource preact */
/**
 * The register's objection page (`keberatan/`; UU 14/2008 Pasal 35–36, issue 11): how to object to
 * the Atasan PPID, and the form for the one ground that needs no earlier request, periodic
 * information (Pasal 9) not provided (Pasal 35(1) huruf b). An objection on a request is filed from
 * the request's status page (request.tsx, the script's `objectionUi`), with its number and code.
 *
 * The form needs the script (POST /api/public/objections/periodic answers JSON with the tracking
 * code, which the script shows once, as the request form's receipt does): without JavaScript it stays
 * hidden and the page says to file at the PPID's desk. Attachments (up to 3) go straight to the
 * documents bucket as the power of attorney does. Words in i18n.ts (`obj`, `objJs`, `req`).
 */
import { href, type Lang, type Model, pagePath } from '../../functions/core/register/model.ts';
import { POWER_OF_ATTORNEY_MAX_BYTES } from '../../functions/core/requests/power-of-attorney.ts';
import { dict } from './i18n.ts';
import { Layout } from './layout.tsx';
import { Choices, Field, objectionWords, POWER_OF_ATTORNEY_TYPES } from './request.tsx';

const PATH = pagePath({ kind: 'objection' });
const STATUS_PATH = pagePath({ kind: 'requestStatus' });

/** The attachments' field (the script uploads them; no name: a plain post never carries files). */
export function AttachmentsField({ lang, id }: { lang: Lang; id: string }) {
  const w = dict(lang).objJs;
  const accept = [...Object.keys(POWER_OF_ATTORNEY_TYPES), ...new Set(Object.values(POWER_OF_ATTORNEY_TYPES))].join(',');
  return (
    <div class="field" data-field="attachments">
      <label for={id}>{w.attachments}</label>
      <p class="hint" id={`${id}-hint`}>
        {w.attachmentsHint}
      </p>
      <p class="field-error" id={`${id}-error`} hidden />
      <input type="file" id={id} accept={accept} multiple aria-describedby={`${id}-hint ${id}-state`} />
      <progress id={`${id}-progress`} max={100} value={0} aria-label={w.attachmentsProgress} hidden />
      {/* biome-ignore lint/a11y/useSemanticElements: <output> is announced unreliably; role=status is */}
      <p id={`${id}-state`} class="upload-state" role="status" aria-live="polite" />
    </div>
  );
}

export function ObjectionPage({ m, lang }: { m: Model; lang: Lang }) {
  const t = dict(lang);
  const o = t.obj;
  const r = t.req;
  const data = {
    'data-words': JSON.stringify(t.reqJs),
    'data-obj-words': JSON.stringify(objectionWords(lang)),
    'data-status': href(STATUS_PATH, lang),
    'data-zone': m.ppid?.timezone ?? 'Asia/Jakarta',
    'data-poa-types': JSON.stringify(POWER_OF_ATTORNEY_TYPES),
    'data-poa-max': String(POWER_OF_ATTORNEY_MAX_BYTES),
  };
  return (
    <Layout
      m={m}
      lang={lang}
      path={PATH}
      title={o.title}
      section="objection"
      crumbs={[{ label: t.home, path: 'index.html' }, { label: o.title }]}
      script="permohonan.js"
    >
      <h1>{o.title}</h1>
      <p class="lead">{o.intro}</p>
      <p>
        {o.onRequest} <a href={href(STATUS_PATH, lang)}>{o.statusLink}</a>.
      </p>
      <h2 id="periodic-h">{o.periodicTitle}</h2>
      <p>{o.periodicIntro}</p>
      <noscript>
        <p class="warn">{o.noJs}</p>
      </noscript>
      <section id="objection-done" class="receipt" hidden tabIndex={-1} aria-labelledby="obj-done-h">
        <h2 id="obj-done-h">{o.doneTitle}</h2>
        <dl>
          <dt>{o.number}</dt>
          <dd data-slot="number" />
          <dt>{r.receivedAt}</dt>
          <dd data-slot="received" />
          <dt>{t.objJs.deadline}</dt>
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
          <a data-slot="status-link" href={href(STATUS_PATH, lang)}>
            {o.openStatus}
          </a>
        </p>
      </section>
      <form id="periodic-form" class="request" hidden aria-labelledby="periodic-h" {...data}>
        <div id="periodic-errors" class="error-summary" role="alert" hidden>
          <p>{t.objJs.errorSummary}</p>
          <ul />
        </div>
        <p class="hint">{r.requiredNote}</p>
        <p>{o.privacy}</p>
        <fieldset>
          <legend>{o.fsObjector}</legend>
          <Choices
            id="o-kind"
            name="objector.kind"
            legend={r.kindLegend}
            checked="individual"
            options={[
              ['individual', r.kindIndividual],
              ['legal_entity', r.kindLegalEntity],
            ]}
          />
          <Field id="o-fullName" name="objector.fullName" label={r.fullName} hint={r.fullNameHint} required autoComplete="name" minLength={3} maxLength={200} />
          <Field
            id="o-nik"
            name="objector.nik"
            label={r.nik}
            hint={r.nikHint}
            inputMode="numeric"
            pattern="[0-9]{16}"
            autoComplete="off"
            maxLength={16}
            forKind="individual"
          />
          <Field
            id="o-decree"
            name="objector.legalEntityDecree"
            label={r.decree}
            hint={r.decreeHint}
            autoComplete="off"
            minLength={3}
            maxLength={120}
            forKind="legal_entity"
          />
          <Field
            id="o-address"
            name="objector.address"
            label={r.address}
            hint={r.addressHint}
            required
            rows={3}
            autoComplete="street-address"
            minLength={10}
            maxLength={500}
          />
          <p class="hint" id="o-contact-hint">
            {r.contactHint}
          </p>
          <Field id="o-phone" name="objector.phone" label={r.phone} type="tel" autoComplete="tel" pattern="\+?[0-9 \(\)\-]{8,20}" maxLength={20} />
          <Field id="o-email" name="objector.email" label={r.email} type="email" autoComplete="email" maxLength={254} />
        </fieldset>
        <fieldset>
          <legend>{o.fsObjection}</legend>
          <Field id="o-information" name="information" label={o.information} hint={o.informationHint} required rows={4} minLength={10} maxLength={2000} />
          <Field id="o-case" name="case" label={t.objJs.caseLabel} hint={t.objJs.caseHint} required rows={6} minLength={20} maxLength={4000} />
          <AttachmentsField lang={lang} id="o-attachments" />
        </fieldset>
        <div class="hp" aria-hidden="true">
          <label for="o-website">{r.honeypot}</label>
          <input id="o-website" name="website" type="text" tabIndex={-1} autoComplete="off" value="" />
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: <output> is announced unreliably; role=status is */}
        <p id="periodic-status" role="status" aria-live="polite" />
        <p>
          <button type="submit">{o.submit}</button>
        </p>
      </form>
    </Layout>
  );
}
