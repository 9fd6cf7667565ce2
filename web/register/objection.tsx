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
import { POWER_OF_ATTORNEY_MAX_BYTES } from '../../functions/core/requests/forms.ts';
import { dict } from './i18n.ts';
import { Layout } from './layout.tsx';
import { ContactFields, Field, FileField, FormEnd, Honeypot, objectionWords, PersonFields, POWER_OF_ATTORNEY_TYPES, Receipt } from './request.tsx';

const PATH = pagePath({ kind: 'objection' });
const STATUS_PATH = pagePath({ kind: 'requestStatus' });

/** The attachments' field (the script uploads them). */
export function AttachmentsField({ lang, id }: { lang: Lang; id: string }) {
  const w = dict(lang).objJs;
  return <FileField id={id} field="attachments" label={w.attachments} hint={w.attachmentsHint} progress={w.attachmentsProgress} multiple />;
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
      <Receipt
        lang={lang}
        id="objection-done"
        headingId="obj-done-h"
        title={o.doneTitle}
        number={o.number}
        deadline={t.objJs.deadline}
        openStatus={o.openStatus}
      />
      <form id="periodic-form" class="request" hidden aria-labelledby="periodic-h" {...data}>
        <div id="periodic-errors" class="error-summary" role="alert" hidden>
          <p>{t.objJs.errorSummary}</p>
          <ul />
        </div>
        <p class="hint">{r.requiredNote}</p>
        <p>{o.privacy}</p>
        <fieldset>
          <legend>{o.fsObjector}</legend>
          <PersonFields lang={lang} id="o" name="objector" />
          <ContactFields lang={lang} id="o" name="objector" hintId="o-contact-hint" />
        </fieldset>
        <fieldset>
          <legend>{o.fsObjection}</legend>
          <Field id="o-information" name="information" label={o.information} hint={o.informationHint} required rows={4} minLength={10} maxLength={2000} />
          <Field id="o-case" name="case" label={t.objJs.caseLabel} hint={t.objJs.caseHint} required rows={6} minLength={20} maxLength={4000} />
          <AttachmentsField lang={lang} id="o-attachments" />
        </fieldset>
        <Honeypot lang={lang} id="o-website" />
        <FormEnd statusId="periodic-status" submit={o.submit} />
      </form>
    </Layout>
  );
}
