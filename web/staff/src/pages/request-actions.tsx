/**
 * What the signed-in person may do with a request now, by role and state:
 *
 *   PPID Utama, not yet routed   → route to the SKPD(s) holding the information, or record "not held"
 *                                  with the body that may hold it
 *   the SKPD a part waits for     → upload the documents to release, then answer: granted, in part or
 *                                  refused, the form, the cost and how to pay, when it is delivered;
 *                                  a refusal cites a DIK entry in force or a consequence test decided
 *                                  Ya for this request (or starts one, prefilled from the request)
 *   answered, not yet delivered   → record the delivery (date, how); the request closes
 *   open                          → extend once with reasons (before the deadline); ask for clarification
 *
 * Every refusal from the API is shown next to its field (error.details[].path, e.g. body.agencies).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useConfirm } from '../confirm.tsx';
import { useApp } from '../context.ts';
import { formatBytes } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import {
  DECISIONS,
  type Decision,
  type Exclusion,
  type InfoRequest,
  type LegalBasis,
  type Page,
  REQUEST_CLARIFIERS,
  REQUEST_EXTENDERS,
  REQUEST_ROUTERS,
  type RequestDocument,
  type RequestPart,
} from '../types.ts';
import { ChoiceGroup, ErrorSummary, Field, Loading, useLoad } from '../ui.tsx';
import { sortAgencies } from './agencies.tsx';
import { documentOwnError, type RedactionChoice, RedactionFields, useRecordAction } from './case-parts.tsx';
import { UploadForm } from './item-documents.tsx';
import { opt } from './registration-parts.tsx';
import { bodyAgencyOf, decisionKey, todayIn } from './request-parts.tsx';

export function RequestActions({ r, reload }: { r: InfoRequest; reload: () => void }) {
  const { me } = useApp();
  const role = me.role;
  const myPart = r.parts.find((p) => p.agencyId === me.agencyId);
  const canRoute = REQUEST_ROUTERS.includes(role) && !r.routing;
  const canAnswer = (role === 'ppid_pelaksana' || role === 'ppid_utama') && !!myPart && !myPart.answer && !r.notice;
  const canDeliver = REQUEST_CLARIFIERS.includes(role) && !!r.notice && r.state === 'answered';
  const canExtend = REQUEST_EXTENDERS.includes(role) && !r.extension && !r.notice && Date.parse(r.deadline.at) > Date.now();
  const canClarify = REQUEST_CLARIFIERS.includes(role) && !r.closed && !r.clarifications.some((c) => !c.answeredAt);
  return (
    <>
      {canRoute && <RoutePanel r={r} reload={reload} />}
      {canAnswer && myPart && <AnswerPanel r={r} part={myPart} reload={reload} />}
      {canDeliver && <DeliveryPanel r={r} reload={reload} />}
      {(canExtend || canClarify) && <OtherActions r={r} reload={reload} can={{ extend: canExtend, clarify: canClarify }} />}
    </>
  );
}

/** Runs an action (case-parts.tsx useRecordAction): on success a message and the request read again. */
function useAction(reload: () => void, known: readonly string[]) {
  const { submit, act } = useRecordAction(known, 'rq-status-h', reload);
  const run = (fn: () => Promise<unknown>, message: string) =>
    act(async () => {
      await fn();
      reload();
      return message;
    });
  return { submit, act: run };
}

const path = (r: InfoRequest, tail: string) => `/requests/${encodeURIComponent(r.requestId)}${tail}`;

// ─── PPID Utama routes ──────────────────────────────────────────────────────────────────────────

function RoutePanel({ r, reload }: { r: InfoRequest; reload: () => void }) {
  const { t, api, agencies, agencyName } = useApp();
  const [held, setHeld] = useState<'' | 'yes' | 'no'>('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [otherBody, setOtherBody] = useState('');
  const [note, setNote] = useState('');
  const [heldError, setHeldError] = useState<string | undefined>(undefined);
  const { submit, act } = useAction(reload, ['held', 'agencies', 'otherBody', 'note', 'version']);
  const confirm = useConfirm();
  const send = (e: Event) => {
    e.preventDefault();
    setHeldError(undefined);
    submit.reset();
    if (!held) {
      setHeldError(t('rq_route_choose'));
      setTimeout(() => document.querySelector<HTMLInputElement>('#rq-held input')?.focus(), 0);
      return;
    }
    const body =
      held === 'yes'
        ? { held: true, agencies: chosen, ...(opt(note) ? { note: opt(note) } : {}), version: r.version }
        : { held: false, otherBody, ...(opt(note) ? { note: opt(note) } : {}), version: r.version };
    const run = () =>
      void act(
        () => api.send('POST', path(r, '/routing'), body),
        held === 'yes' ? t('rq_routed_msg', { to: chosen.map(agencyName).join(', ') }) : t('rq_not_held_msg'),
      );
    // "Not held" answers the requester at once: asked once, saying so. Routing only passes it on.
    if (held === 'yes') run();
    else
      confirm.ask({
        title: t('cf_not_held_title'),
        what: t('cf_not_held_what', { number: r.number, body: otherBody.trim() || '—' }),
        note: t('cf_final'),
        yes: t('cf_not_held_yes'),
        danger: true,
        onYes: run,
      });
  };
  return (
    <section class="panel actions-panel no-print" aria-labelledby="rq-route-h">
      <h2 id="rq-route-h">{t('rq_route_title')}</h2>
      <p>{t('rq_route_intro')}</p>
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form noValidate onSubmit={send}>
        <ChoiceGroup id="rq-held" legend={t('rq_route_held_legend')} required layout="column" error={heldError ?? submit.fieldError('held')}>
          <label class="choice">
            <input type="radio" name="held" value="yes" checked={held === 'yes'} onChange={() => setHeld('yes')} />
            <span>{t('rq_route_held_yes')}</span>
          </label>
          <label class="choice">
            <input type="radio" name="held" value="no" checked={held === 'no'} onChange={() => setHeld('no')} />
            <span>{t('rq_route_held_no')}</span>
          </label>
        </ChoiceGroup>
        {held === 'yes' && (
          <ChoiceGroup
            id="rq-agencies"
            legend={t('rq_route_agencies')}
            required
            hint={t('rq_route_agencies_hint')}
            layout="column"
            error={submit.fieldError('agencies')}
          >
            {sortAgencies(agencies).map((a) => (
              <label key={a.id} class="choice">
                <input
                  type="checkbox"
                  name="agencies"
                  value={a.id}
                  checked={chosen.includes(a.id)}
                  onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
                />
                <span>{a.name}</span>
              </label>
            ))}
          </ChoiceGroup>
        )}
        {held === 'no' && (
          <Field
            id="rq-otherBody"
            label={t('f_rq_other_body')}
            name="otherBody"
            required
            hint={t('f_rq_other_body_hint')}
            error={submit.fieldError('otherBody')}
          >
            {(a) => <input {...a} type="text" maxLength={300} value={otherBody} onInput={(e) => setOtherBody(e.currentTarget.value)} />}
          </Field>
        )}
        <Field id="rq-route-note" label={t('f_rq_route_note')} name="note" error={submit.fieldError('note')}>
          {(a) => <textarea {...a} rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : held === 'no' ? t('rq_route_send_not_held') : t('rq_route_send')}
          </button>
        </div>
      </form>
      {confirm.dialog}
    </section>
  );
}

// ─── the SKPD answers its part ──────────────────────────────────────────────────────────────────

interface DocChoice extends RedactionChoice {
  release: boolean;
  public: boolean;
}
const NO_CHOICE: DocChoice = { release: false, redacted: false, what: '', ground: '', public: false };

/** "UU 14/2008 Pasal 17 huruf h; UU 17/2023 Pasal 4" (as the server's legalBasisText). */
function basisText(b: LegalBasis, lang: 'id' | 'en'): string {
  const parts: string[] = [];
  if (b.pasal17.length) parts.push(`${lang === 'id' ? 'UU 14/2008 Pasal 17 huruf' : 'Law 14/2008 Article 17 letter'} ${b.pasal17.join(', ')}`);
  for (const l of b.otherLaws) parts.push(`${l.law} ${l.article}`);
  return parts.join('; ');
}

/** Every page of a list of exclusions (tens a year: a few pages at most). */
async function allExclusions(api: ReturnType<typeof useApp>['api'], state: string): Promise<Exclusion[]> {
  const out: Exclusion[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = await api.get<Page<Exclusion>>('/exclusions', { state, cursor, limit: '100' });
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return out;
}

/** The grounds a refusal may cite: the DIK in force, and exclusions decided Ya (or still open) for this request. */
function useGrounds(r: InfoRequest) {
  const { api } = useApp();
  return useLoad(async () => {
    const [inForce, approved, proposed] = await Promise.all([allExclusions(api, 'in_force'), allExclusions(api, 'approved'), allExclusions(api, 'proposed')]);
    const forThis = (ex: Exclusion) => ex.requestId === r.requestId;
    return {
      usable: [...inForce, ...approved.filter((ex) => forThis(ex) && ex.decision?.decision === 'ya')],
      pending: proposed.filter(forThis),
    };
  }, [api, r.requestId]);
}

const ANSWER_FIELDS = ['decision', 'exclusionIds', 'form', 'cost', 'howToPay', 'deliveryTime', 'documents', 'note', 'version'] as const;

function AnswerPanel({ r, part, reload }: { r: InfoRequest; part: Omit<RequestPart, 'taskToken'>; reload: () => void }) {
  const { t, lang, api, agencyName } = useApp();
  const [decision, setDecision] = useState<Decision | ''>('');
  const [exclusionIds, setExclusionIds] = useState<string[]>([]);
  const [form, setForm] = useState('');
  const [cost, setCost] = useState('0');
  const [howToPay, setHowToPay] = useState('');
  const [deliveryTime, setDeliveryTime] = useState('');
  const [note, setNote] = useState('');
  const [choices, setChoices] = useState<Record<string, DocChoice>>({});
  const [sentDocs, setSentDocs] = useState<string[]>([]);
  const grounds = useGrounds(r);
  const { submit, act } = useAction(reload, ANSWER_FIELDS);
  const confirm = useConfirm();
  const docs = r.documents.filter((d) => d.agencyId === part.agencyId);
  const refusing = decision === 'partial' || decision === 'refused';
  const choice = (docId: string) => choices[docId] ?? NO_CHOICE;
  const setChoice = (docId: string, change: Partial<DocChoice>) => setChoices((old) => ({ ...old, [docId]: { ...(old[docId] ?? NO_CHOICE), ...change } }));
  /** The API's refusal of a released document, found by its place in what was sent. */
  const docError = (docId: string, leaf?: string) => {
    const i = sentDocs.indexOf(docId);
    return i < 0 ? undefined : submit.fieldError(`documents.${i}${leaf ? `.${leaf}` : ''}`);
  };

  const send = (e: Event) => {
    e.preventDefault();
    const released = decision === 'refused' ? [] : docs.filter((d) => d.status === 'verified' && choice(d.docId).release);
    setSentDocs(released.map((d) => d.docId));
    const costNumber = cost.trim() === '' ? 0 : Number(cost);
    const run = () =>
      void act(
        () =>
          api.send('POST', path(r, `/parts/${encodeURIComponent(part.agencyId)}/answer`), {
            ...(decision ? { decision } : {}),
            exclusionIds: refusing ? exclusionIds : [],
            form,
            cost: Number.isFinite(costNumber) ? costNumber : cost,
            ...(opt(howToPay) ? { howToPay: opt(howToPay) } : {}),
            deliveryTime,
            documents: released.map((d) => {
              const c = choice(d.docId);
              return { docId: d.docId, public: c.public, ...(c.redacted ? { redaction: { what: c.what, ground: c.ground } } : {}) };
            }),
            ...(opt(note) ? { note: opt(note) } : {}),
            version: r.version,
          }),
        t('rq_answered_msg', { agency: agencyName(part.agencyId) }),
      );
    // An answer that refuses (in whole or in part) decides for the requester: asked once, saying what follows.
    if (!refusing) run();
    else
      confirm.ask({
        title: t('cf_refuse_title', { number: r.number }),
        what: t(decision === 'refused' ? 'cf_refused_what' : 'cf_partial_what', { number: r.number, agency: agencyName(part.agencyId) }),
        note: t('cf_final'),
        yes: t('cf_answer_yes'),
        danger: true,
        onYes: run,
      });
  };

  // Documents the answer may release: an error on documents.N is shown at that document, the rest above.
  const docsError = submit.ownError('documents');

  return (
    <section class="panel actions-panel no-print" aria-labelledby="rq-answer-h">
      <h2 id="rq-answer-h">{t('rq_answer_title', { agency: agencyName(part.agencyId) })}</h2>
      <p>{t('rq_answer_intro')}</p>

      <UploadForm base={path(r, '/documents')} idPrefix="rq-upload-" title="rq_upload_title" intro="rq_upload_intro" canRemove={false} onChanged={reload} />

      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form noValidate onSubmit={send} class="answer-form">
        <h3>{t('rq_answer_form_title')}</h3>
        <ChoiceGroup id="rq-decision" legend={t('rq_decision')} required layout="column" error={submit.fieldError('decision')}>
          {DECISIONS.map((d) => (
            <label key={d} class="choice">
              <input type="radio" name="decision" value={d} checked={decision === d} onChange={() => setDecision(d)} />
              <span>
                <strong>{t(decisionKey(d))}</strong> <span class="choice-hint">{t(`rq_decision_${d}_hint` as MessageKey)}</span>
              </span>
            </label>
          ))}
        </ChoiceGroup>

        {refusing && (
          <fieldset id="rq-exclusionIds" class={submit.fieldError('exclusionIds') ? 'field group-error' : 'field'} aria-describedby="rq-grounds-hint">
            <legend>
              {t('rq_grounds_legend')}
              <span class="req" aria-hidden="true" title={t('required')}>
                {' '}
                *
              </span>
            </legend>
            <p id="rq-grounds-hint" class="hint">
              {t('rq_grounds_hint')}
            </p>
            {submit.fieldError('exclusionIds') && <p class="field-error">{submit.fieldError('exclusionIds')}</p>}
            {grounds.loading && !grounds.data ? (
              <Loading />
            ) : grounds.data && grounds.data.usable.length === 0 ? (
              <p class="notice warn">{t('rq_grounds_none')}</p>
            ) : (
              <div class="choices">
                {grounds.data?.usable.map((ex) => (
                  <label key={ex.exclusionId} class="choice">
                    <input
                      type="checkbox"
                      name="exclusionIds"
                      value={ex.exclusionId}
                      checked={exclusionIds.includes(ex.exclusionId)}
                      onChange={(e) =>
                        setExclusionIds(e.currentTarget.checked ? [...exclusionIds, ex.exclusionId] : exclusionIds.filter((x) => x !== ex.exclusionId))
                      }
                    />
                    <span>
                      <strong>{ex.dik?.number ?? t('rq_ground_test')}</strong> {ex.test.title}
                      <span class="choice-hint"> · {basisText(ex.test.legalBasis, lang)}</span>
                    </span>
                  </label>
                ))}
              </div>
            )}
            {grounds.data && grounds.data.pending.length > 0 && (
              <ul class="plain-list">
                {grounds.data.pending.map((ex) => (
                  <li key={ex.exclusionId}>
                    {t('rq_grounds_pending')} <a href={`#/exclusions/${ex.exclusionId}`}>{ex.test.title}</a>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a class="button secondary" href={`#/exclusions/new?requestId=${encodeURIComponent(r.requestId)}`}>
                {t('rq_start_test')}
              </a>
            </p>
          </fieldset>
        )}

        <div class="grid two">
          <Field id="rq-form" label={t('f_rq_form')} name="form" required hint={t('f_rq_form_hint')} error={submit.fieldError('form')}>
            {(a) => <input {...a} type="text" maxLength={300} value={form} onInput={(e) => setForm(e.currentTarget.value)} />}
          </Field>
          <Field
            id="rq-deliveryTime"
            label={t('f_rq_delivery_time')}
            name="deliveryTime"
            required
            hint={t('f_rq_delivery_time_hint')}
            error={submit.fieldError('deliveryTime')}
          >
            {(a) => <input {...a} type="text" maxLength={300} value={deliveryTime} onInput={(e) => setDeliveryTime(e.currentTarget.value)} />}
          </Field>
          <Field id="rq-cost" label={t('f_rq_cost')} name="cost" hint={t('f_rq_cost_hint')} error={submit.fieldError('cost')}>
            {(a) => (
              <input {...a} class="medium" type="number" min={0} step={1} inputMode="numeric" value={cost} onInput={(e) => setCost(e.currentTarget.value)} />
            )}
          </Field>
          <Field id="rq-howToPay" label={t('f_rq_how_to_pay')} name="howToPay" hint={t('f_rq_how_to_pay_hint')} error={submit.fieldError('howToPay')}>
            {(a) => <textarea {...a} rows={2} maxLength={1000} value={howToPay} onInput={(e) => setHowToPay(e.currentTarget.value)} />}
          </Field>
        </div>

        <fieldset id="rq-documents" class={docsError ? 'field group-error' : 'field'} aria-describedby="rq-documents-hint">
          <legend>{t('rq_release_legend')}</legend>
          <p id="rq-documents-hint" class="hint">
            {decision === 'refused' ? t('rq_release_refused') : t('rq_release_hint')}
          </p>
          {docsError && <p class="field-error">{docsError}</p>}
          {docs.length === 0 ? (
            <p>{t('rq_release_none')}</p>
          ) : (
            docs.map((d) => (
              <DocumentChoice
                key={d.docId}
                doc={d}
                choice={choice(d.docId)}
                disabled={decision === 'refused'}
                onChange={(c) => setChoice(d.docId, c)}
                error={docError(d.docId)}
                whatError={docError(d.docId, 'redaction.what')}
                groundError={docError(d.docId, 'redaction.ground')}
              />
            ))
          )}
        </fieldset>

        <Field id="rq-answer-note" label={t('f_rq_answer_note')} name="note" error={submit.fieldError('note')}>
          {(a) => <textarea {...a} rows={3} maxLength={4000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <p class="hint">{t('rq_answer_notice_note')}</p>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('rq_answer_send')}
          </button>
        </div>
      </form>
      {confirm.dialog}
    </section>
  );
}

function DocumentChoice(props: {
  doc: RequestDocument;
  choice: DocChoice;
  disabled: boolean;
  onChange: (c: Partial<DocChoice>) => void;
  error?: string;
  whatError?: string;
  groundError?: string;
}) {
  const { t, lang } = useApp();
  const { doc: d, choice: c } = props;
  const base = `rq-doc-${d.docId}`;
  // What the redaction fields own is shown there; the rest of the document's refusal here.
  const own = documentOwnError(props.error, props.whatError, props.groundError);
  return (
    <fieldset class="row-set doc-choice" aria-describedby={own ? `${base}-error` : undefined}>
      <legend>
        {d.fileName} <span class="muted">({formatBytes(lang, d.size)})</span>{' '}
        <span class={d.status === 'verified' ? 'badge ok' : 'badge off'}>{d.status === 'verified' ? t('doc_verified') : t('doc_pending')}</span>
      </legend>
      {own && (
        <p id={`${base}-error`} class="field-error">
          {own}
        </p>
      )}
      {d.status === 'verified' && (
        <>
          <label class="check">
            <input
              type="checkbox"
              disabled={props.disabled}
              checked={c.release && !props.disabled}
              onChange={(e) => props.onChange({ release: e.currentTarget.checked })}
            />
            <span>{t('rq_doc_release', { name: d.fileName })}</span>
          </label>
          {c.release && !props.disabled && (
            <>
              <RedactionFields base={base} choice={c} onChange={props.onChange} whatError={props.whatError} groundError={props.groundError} />
              <label class="check">
                <input type="checkbox" checked={c.public} onChange={(e) => props.onChange({ public: e.currentTarget.checked })} />
                <span>{t('rq_doc_public_choice', { name: d.fileName })}</span>
              </label>
            </>
          )}
        </>
      )}
    </fieldset>
  );
}

// ─── delivery ───────────────────────────────────────────────────────────────────────────────────

function DeliveryPanel({ r, reload }: { r: InfoRequest; reload: () => void }) {
  const { t, api, agencies } = useApp();
  const today = todayIn(bodyAgencyOf(agencies)?.timezone);
  const [deliveredOn, setDeliveredOn] = useState<string | undefined>(undefined);
  const [how, setHow] = useState('');
  const { submit, act } = useAction(reload, ['deliveredOn', 'how', 'version']);
  const date = deliveredOn ?? today;
  return (
    <section class="panel actions-panel no-print" aria-labelledby="rq-deliver-h">
      <h2 id="rq-deliver-h">{t('rq_deliver_title')}</h2>
      <p>{t('rq_deliver_intro')}</p>
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void act(() => api.send('POST', path(r, '/delivery'), { deliveredOn: date, how, version: r.version }), t('rq_delivered_msg'));
        }}
      >
        <div class="grid two">
          <Field id="rq-deliveredOn" label={t('f_rq_delivered_on')} name="deliveredOn" required error={submit.fieldError('deliveredOn')}>
            {(a) => (
              <input {...a} class="date" type="date" min={r.receivedOn} max={today} value={date} onInput={(e) => setDeliveredOn(e.currentTarget.value)} />
            )}
          </Field>
          <Field id="rq-how" label={t('f_rq_delivered_how')} name="how" required hint={t('f_rq_delivered_how_hint')} error={submit.fieldError('how')}>
            {(a) => <input {...a} type="text" maxLength={300} value={how} onInput={(e) => setHow(e.currentTarget.value)} />}
          </Field>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('rq_deliver_send')}
          </button>
        </div>
      </form>
    </section>
  );
}

// ─── extension and clarification ────────────────────────────────────────────────────────────────

type Open = 'none' | 'extend' | 'clarify';

function OtherActions({ r, reload, can }: { r: InfoRequest; reload: () => void; can: { extend: boolean; clarify: boolean } }) {
  const { t, api } = useApp();
  const [open, setOpen] = useState<Open>('none');
  const [text, setText] = useState('');
  const { submit, act } = useAction(reload, ['reasons', 'question', 'version']);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open !== 'none') area.current?.focus();
  }, [open]);
  const toggle = (which: Exclude<Open, 'none'>) => {
    submit.reset();
    setText('');
    const closing = open === which;
    setOpen(closing ? 'none' : which);
    if (closing) setTimeout(() => document.getElementById(`rq-open-${which}`)?.focus(), 0);
  };
  const field = open === 'extend' ? 'reasons' : 'question';
  return (
    <section class="panel actions-panel no-print" aria-labelledby="rq-other-h">
      <h2 id="rq-other-h">{t('rq_other_actions')}</h2>
      <div class="form-actions">
        {can.extend && (
          <button type="button" id="rq-open-extend" class="secondary" aria-expanded={open === 'extend'} onClick={() => toggle('extend')}>
            {t('rq_extend_open')}
          </button>
        )}
        {can.clarify && (
          <button type="button" id="rq-open-clarify" class="secondary" aria-expanded={open === 'clarify'} onClick={() => toggle('clarify')}>
            {t('rq_clarify_open')}
          </button>
        )}
      </div>
      {open !== 'none' && (
        <form
          class="reason-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void act(
              () =>
                open === 'extend'
                  ? api.send('POST', path(r, '/extension'), { reasons: text, version: r.version })
                  : api.send('POST', path(r, '/clarifications'), { question: text, version: r.version }),
              open === 'extend' ? t('rq_extended_msg') : t('rq_clarify_msg'),
            ).then((ok) => {
              if (ok) setOpen('none');
            });
          }}
        >
          <ErrorSummary error={submit.error} others={submit.otherErrors} />
          <Field
            label={open === 'extend' ? t('f_rq_extension_reasons') : t('f_rq_clarification')}
            name={field}
            required
            hint={open === 'extend' ? t('f_rq_extension_reasons_hint') : t('f_rq_clarification_hint')}
            error={submit.fieldError(field)}
          >
            {(a) => <textarea {...a} ref={area} rows={4} maxLength={2000} value={text} onInput={(e) => setText(e.currentTarget.value)} />}
          </Field>
          <div class="form-actions">
            <button type="submit" class="primary" disabled={submit.busy}>
              {submit.busy ? t('saving') : open === 'extend' ? t('rq_extend_send') : t('rq_clarify_send')}
            </button>
            <button type="button" class="secondary" onClick={() => toggle(open)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
