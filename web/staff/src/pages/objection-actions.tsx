/**
 * What the signed-in person may do with an objection now:
 *
 *   the Atasan PPID, not yet answered   → the written response: granted (in whole or in part, the PPID
 *                                         to provide it by a date) or rejected, with reasons; asked
 *                                         once in a dialog that says what follows (the signed letter
 *                                         issued and mailed; if granted, the PPID ordered)
 *   the request's SKPD (or PPID Utama),  → upload the documents to the request (the checked-upload
 *   a granted objection's follow-up open   path), choose those given (blacked-out copies say what and
 *                                         why), and record the fulfilment
 *
 * Every refusal from the API is shown next to its field (error.details[].path, e.g. body.provideBy).
 */
import { useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useConfirm } from '../confirm.tsx';
import { useApp } from '../context.ts';
import { formatBytes, formatDate } from '../format.ts';
import type { Objection, RequestDocument } from '../types.ts';
import { ChoiceGroup, ErrorSummary, Field } from '../ui.tsx';
import { documentOwnError, type RedactionChoice, RedactionFields, useRecordAction } from './case-parts.tsx';
import { UploadForm } from './item-documents.tsx';
import { objectionPath } from './objection-parts.tsx';
import { bodyAgencyOf, todayIn } from './request-parts.tsx';

/**
 * Runs an action with the objection's version: a message and the objection read again on success, the
 * focus on where it stands. A 409 reads the objection again: when only its version moved (the
 * workflow recorded its wait) and the action is still open, it is sent once more with the new
 * version; otherwise (someone else acted first) the refusal goes to the live region and the page is
 * read again. Other refusals are shown by the fields.
 */
function useAction(o: Objection, reload: () => void, known: readonly string[]) {
  const { api } = useApp();
  const { submit, act } = useRecordAction(known, 'obj-status-h', reload);
  const run = (send: (version: number) => Promise<unknown>, message: string, stillOpen: (fresh: Objection) => boolean) =>
    act(async () => {
      try {
        await send(o.version);
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 409)) throw e;
        const fresh = await api.get<Objection>(objectionPath(o));
        if (fresh.version === o.version || !stillOpen(fresh)) throw e;
        await send(fresh.version);
      }
      reload();
      return message;
    });
  return { submit, act: run };
}

// ─── the Atasan PPID's written response ─────────────────────────────────────────────────────────

type Decision = 'granted' | 'rejected';

export function ResponsePanel({ o, reload }: { o: Objection; reload: () => void }) {
  const { t, lang, api, agencies, agencyName } = useApp();
  const today = todayIn(bodyAgencyOf(agencies)?.timezone);
  const [decision, setDecision] = useState<Decision | ''>('');
  const [scope, setScope] = useState<'full' | 'partial' | ''>('');
  const [provideBy, setProvideBy] = useState('');
  const [reasons, setReasons] = useState('');
  const [local, setLocal] = useState<{ decision?: string; scope?: string; provideBy?: string }>({});
  const { submit, act } = useAction(o, reload, ['decision', 'scope', 'provideBy', 'reasons', 'version']);
  const confirmation = useConfirm();

  const body = (version: number) => ({
    decision,
    ...(decision === 'granted' ? { scope: scope || undefined, provideBy: provideBy || undefined } : {}),
    reasons,
    version,
  });

  /** What the dialog needs said before it can say what will happen; the rest the API checks. */
  const check = (e: Event) => {
    e.preventDefault();
    submit.reset();
    const missing = {
      ...(!decision ? { decision: t('obj_choose_decision') } : {}),
      ...(decision === 'granted' && !scope ? { scope: t('obj_choose_scope') } : {}),
      ...(decision === 'granted' && !provideBy ? { provideBy: t('obj_choose_provide_by') } : {}),
    };
    setLocal(missing);
    const first = Object.keys(missing)[0];
    if (first) {
      setTimeout(() => document.querySelector<HTMLInputElement>(`#obj-${first} input, input#obj-${first}`)?.focus(), 0);
      return;
    }
    confirmation.ask({
      title: t('obj_confirm_title', { number: o.number }),
      what:
        decision === 'granted'
          ? t('obj_confirm_granted', {
              scope: t(scope === 'partial' ? 'obj_scope_partial_choice' : 'obj_scope_full_choice').toLowerCase(),
              who,
              date: provideBy ? formatDate(lang, provideBy) : '—',
            })
          : t('obj_confirm_rejected'),
      note: t('obj_confirm_final'),
      yes: t('obj_confirm_yes'),
      onYes: confirm,
    });
  };

  const confirm = () => {
    void act(
      (version) => api.send('POST', objectionPath(o, '/response'), body(version)),
      t('obj_responded_msg', { number: o.number }),
      (fresh) => !fresh.response,
    );
  };

  const who = o.agencyIds.length ? o.agencyIds.map(agencyName).join(', ') : t('role_ppid_utama');
  const err = (k: 'decision' | 'scope' | 'provideBy') => local[k] ?? submit.fieldError(k);

  return (
    <section class="panel actions-panel no-print" aria-labelledby="obj-respond-h">
      <h2 id="obj-respond-h">{t('obj_respond_title')}</h2>
      <p>{t('obj_respond_intro')}</p>
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form noValidate onSubmit={check}>
        <ChoiceGroup id="obj-decision" legend={t('obj_decision')} required layout="column" error={err('decision')}>
          <label class="choice">
            <input type="radio" name="decision" value="granted" checked={decision === 'granted'} onChange={() => setDecision('granted')} />
            <span>
              <strong>{t('obj_response_granted')}</strong> <span class="choice-hint">{t('obj_decision_granted_hint')}</span>
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="decision" value="rejected" checked={decision === 'rejected'} onChange={() => setDecision('rejected')} />
            <span>
              <strong>{t('obj_response_rejected')}</strong> <span class="choice-hint">{t('obj_decision_rejected_hint')}</span>
            </span>
          </label>
        </ChoiceGroup>
        {decision === 'granted' && (
          <div class="grid two">
            <ChoiceGroup id="obj-scope" legend={t('obj_scope')} required error={err('scope')}>
              <label class="check">
                <input type="radio" name="scope" value="full" checked={scope === 'full'} onChange={() => setScope('full')} />
                <span>{t('obj_scope_full_choice')}</span>
              </label>
              <label class="check">
                <input type="radio" name="scope" value="partial" checked={scope === 'partial'} onChange={() => setScope('partial')} />
                <span>{t('obj_scope_partial_choice')}</span>
              </label>
            </ChoiceGroup>
            <Field id="obj-provideBy" label={t('f_obj_provide_by')} name="provideBy" required hint={t('f_obj_provide_by_hint')} error={err('provideBy')}>
              {(a) => <input {...a} class="date" type="date" min={today} value={provideBy} onInput={(e) => setProvideBy(e.currentTarget.value)} />}
            </Field>
          </div>
        )}
        <Field id="obj-reasons" label={t('f_obj_reasons')} name="reasons" required hint={t('f_obj_reasons_hint')} error={submit.fieldError('reasons')}>
          {(a) => <textarea {...a} rows={5} maxLength={6000} value={reasons} onInput={(e) => setReasons(e.currentTarget.value)} />}
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('obj_respond_send')}
          </button>
        </div>
      </form>
      {confirmation.dialog}
    </section>
  );
}

// ─── the follow-up of a granted objection ───────────────────────────────────────────────────────

interface DocChoice extends RedactionChoice {
  give: boolean;
}
const NO_CHOICE: DocChoice = { give: false, redacted: false, what: '', ground: '' };

export function FollowUpPanel({ o, reload }: { o: Objection; reload: () => void }) {
  const { t, api, me } = useApp();
  const r = o.request;
  const requestId = o.requestId!;
  const [choices, setChoices] = useState<Record<string, DocChoice>>({});
  const [note, setNote] = useState('');
  const { submit, act } = useAction(o, reload, ['documents', 'note', 'version']);
  // The SKPD gives its own documents; PPID Utama any of the request's.
  const docs = (r?.documents ?? []).filter((d) => me.role === 'ppid_utama' || d.agencyId === me.agencyId);
  const verified = docs.filter((d) => d.status === 'verified');
  const choice = (id: string) => choices[id] ?? NO_CHOICE;
  const setChoice = (id: string, c: Partial<DocChoice>) => setChoices((old) => ({ ...old, [id]: { ...(old[id] ?? NO_CHOICE), ...c } }));
  const given = verified.filter((d) => choice(d.docId).give);

  const send = (e: Event) => {
    e.preventDefault();
    const documents = given.map((d) => {
      const c = choice(d.docId);
      return { docId: d.docId, ...(c.redacted ? { redaction: { what: c.what, ground: c.ground } } : {}) };
    });
    void act(
      (version) => api.send('POST', objectionPath(o, '/follow-up'), { documents, note, version }),
      t('obj_fu_msg', { number: o.number }),
      (fresh) => !!fresh.followUp && !fresh.followUp.fulfilled,
    );
  };

  /** The API's refusal of the n-th document sent (`documents.<n>…`), shown by that document. */
  const docError = (docId: string, tail?: string) => {
    const n = given.findIndex((d) => d.docId === docId);
    if (n < 0) return undefined;
    return submit.fieldError(tail ? `documents.${n}.${tail}` : `documents.${n}`);
  };
  const listError = submit.ownError('documents');

  return (
    <section class="panel actions-panel no-print" aria-labelledby="obj-fu-h">
      <h2 id="obj-fu-h">{t('obj_fu_title')}</h2>
      <p>{t('obj_fu_intro', { number: o.requestNumber ?? '' })}</p>

      <UploadForm
        base={`/requests/${encodeURIComponent(requestId)}/documents`}
        idPrefix="obj-upload-"
        title="obj_fu_upload_title"
        intro="obj_fu_upload_intro"
        canRemove={false}
        onChanged={reload}
      />

      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form noValidate onSubmit={send} class="answer-form">
        <fieldset id="obj-documents" class={listError ? 'field has-error' : 'field'} aria-describedby="obj-documents-hint">
          <legend>{t('obj_fu_docs_legend')}</legend>
          <p id="obj-documents-hint" class="hint">
            {t('obj_fu_docs_hint')}
          </p>
          {listError && <p class="field-error">{listError}</p>}
          {verified.length === 0 ? (
            <p>{t('obj_fu_docs_none')}</p>
          ) : (
            verified.map((d) => (
              <GiveDocument
                key={d.docId}
                doc={d}
                choice={choice(d.docId)}
                onChange={(c) => setChoice(d.docId, c)}
                error={docError(d.docId)}
                whatError={docError(d.docId, 'redaction.what')}
                groundError={docError(d.docId, 'redaction.ground')}
              />
            ))
          )}
        </fieldset>
        <Field id="obj-fu-note" label={t('f_obj_fu_note')} name="note" required hint={t('f_obj_fu_note_hint')} error={submit.fieldError('note')}>
          {(a) => <textarea {...a} rows={3} maxLength={4000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('obj_fu_send')}
          </button>
        </div>
      </form>
    </section>
  );
}

function GiveDocument(props: {
  doc: RequestDocument;
  choice: DocChoice;
  onChange: (c: Partial<DocChoice>) => void;
  error?: string;
  whatError?: string;
  groundError?: string;
}) {
  const { t, lang } = useApp();
  const { doc: d, choice: c } = props;
  const base = `obj-doc-${d.docId}`;
  // What the redaction fields own is shown there; the rest of the document's refusal here.
  const own = documentOwnError(props.error, props.whatError, props.groundError);
  return (
    <fieldset class="row-set doc-choice" aria-describedby={own ? `${base}-error` : undefined}>
      <legend>
        {d.fileName} <span class="muted">({formatBytes(lang, d.size)})</span> <span class="badge ok">{t('doc_verified')}</span>
      </legend>
      {own && (
        <p id={`${base}-error`} class="field-error">
          {own}
        </p>
      )}
      <label class="check">
        <input type="checkbox" checked={c.give} onChange={(e) => props.onChange({ give: e.currentTarget.checked })} />
        <span>{t('rq_doc_release', { name: d.fileName })}</span>
      </label>
      {c.give && <RedactionFields base={base} choice={c} onChange={props.onChange} whatError={props.whatError} groundError={props.groundError} />}
    </fieldset>
  );
}
