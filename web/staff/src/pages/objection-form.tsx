/**
 * Registrasi keberatan: staff record an objection received by letter, by email or in person, with
 * its real date of receipt (a date before today is audited as back-dating): the request objected to
 * by its number, or, for ground b alone (periodic information not provided), no request and the
 * objector's identity as the request form asks it; the grounds of Pasal 35(1) and the case. On
 * success the number is shown, and for an objection with no request its tracking code, once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { OBJECTION_DESK_CHANNELS, OBJECTION_GROUND_TEXT, OBJECTION_GROUNDS, OBJECTION_REGISTRARS, type Objection, type ObjectionGround } from '../types.ts';
import { ChoiceGroup, ErrorSummary, Field, RequiredNote, useSubmit } from '../ui.tsx';
import {
  EMPTY_REQUESTER,
  opt,
  type ReceiptDraft,
  ReceiptFields,
  RegistrationPage,
  type RequesterDraft,
  RequesterFields,
  requesterOf,
} from './registration-parts.tsx';
import { bodyAgencyOf, todayIn } from './request-parts.tsx';

interface Draft extends RequesterDraft, ReceiptDraft<(typeof OBJECTION_DESK_CHANNELS)[number]> {
  on: 'request' | 'periodic';
  requestNumber: string;
  information: string;
  grounds: ObjectionGround[];
  case: string;
}

const EMPTY: Draft = {
  on: 'request',
  requestNumber: '',
  ...EMPTY_REQUESTER,
  information: '',
  grounds: [],
  case: '',
  channel: '',
  note: '',
};

const FIELDS = ['requestNumber', 'objector', 'information', 'grounds', 'case', 'channel', 'receivedOn', 'note', 'submissionId'] as const;

interface Receipt {
  objection: Objection;
  trackingCode?: string;
}

export function ObjectionFormPage() {
  const { t, me } = useApp();
  return (
    <RegistrationPage<Receipt>
      back={{ href: '#/objections', label: t('obj_back_to_list') }}
      title={t('obj_register_title')}
      intro={t('obj_register_intro')}
      allowed={OBJECTION_REGISTRARS.includes(me.role)}
      notAllowed={t('obj_register_not_allowed')}
      form={(onDone) => <ObjectionForm onDone={onDone} />}
      receipt={(receipt, onAnother) => <ReceiptPanel receipt={receipt} onAnother={onAnother} />}
    />
  );
}

function ObjectionForm({ onDone }: { onDone: (r: Receipt) => void }) {
  const { t, pick, api, agencies } = useApp();
  const today = todayIn(bodyAgencyOf(agencies)?.timezone);
  // One id per form shown: a double click or a resent form registers one objection.
  const [submissionId] = useState(() => crypto.randomUUID());
  const [d, setD] = useState<Draft>(EMPTY);
  const patch = (change: Partial<Draft>) => setD((old) => ({ ...old, ...change }));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => patch({ [k]: v } as Partial<Draft>);
  const submit = useSubmit(FIELDS);
  const receivedOn = d.receivedOn ?? today;
  const f = submit.fieldError;
  const periodic = d.on === 'periodic';
  // The objector's whole-record refusal ("give the identity") when no single field owns it.
  const objectorError = (submit.error?.fields ?? [])
    .filter((x) => x.field === 'objector')
    .map((x) => pick(x.messages))
    .join(' ');

  const send = (e: Event) => {
    e.preventDefault();
    const objector = requesterOf(d);
    void submit.run(async () => {
      const res = await api.send<Receipt>('POST', '/objections', {
        ...(periodic ? { objector, ...(opt(d.information) ? { information: opt(d.information) } : {}) } : { requestNumber: d.requestNumber.trim() }),
        grounds: d.grounds,
        case: d.case,
        ...(d.channel ? { channel: d.channel } : {}),
        receivedOn,
        submissionId,
        ...(opt(d.note) ? { note: opt(d.note) } : {}),
      });
      onDone(res);
    });
  };

  return (
    <section class="panel form-panel request-form" aria-label={t('obj_register_title')}>
      <RequiredNote />
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form noValidate onSubmit={send}>
        <fieldset class="form-section">
          <legend>{t('obj_sec_receipt')}</legend>
          <ReceiptFields
            prefix="obj"
            channels={OBJECTION_DESK_CHANNELS}
            words={{ channel: 'obj_channel', backdated: 'obj_backdated_note', note: 'f_obj_note', noteHint: 'f_obj_note_hint' }}
            today={today}
            value={d}
            patch={patch}
            fieldError={f}
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('obj_sec_request')}</legend>
          <ChoiceGroup id="obj-on" legend={t('obj_on_legend')} required layout="column">
            <label class="choice">
              <input type="radio" name="on" value="request" checked={!periodic} onChange={() => set('on', 'request')} />
              <span>{t('obj_on_request')}</span>
            </label>
            <label class="choice">
              <input type="radio" name="on" value="periodic" checked={periodic} onChange={() => set('on', 'periodic')} />
              <span>
                {t('obj_on_periodic')} <span class="choice-hint">{t('obj_on_periodic_hint')}</span>
              </span>
            </label>
          </ChoiceGroup>
          {!periodic ? (
            <Field
              id="obj-requestNumber"
              label={t('f_obj_request_number')}
              name="requestNumber"
              required
              hint={t('f_obj_request_number_hint')}
              error={f('requestNumber')}
            >
              {(a) => (
                <input
                  {...a}
                  class="medium"
                  type="text"
                  autoComplete="off"
                  spellcheck={false}
                  maxLength={40}
                  placeholder="PMH/2026/00042"
                  value={d.requestNumber}
                  onInput={(e) => set('requestNumber', e.currentTarget.value)}
                />
              )}
            </Field>
          ) : (
            <>
              {f('requestNumber') && <p class="field-error">{f('requestNumber')}</p>}
              <Field
                id="obj-information"
                label={t('f_obj_information')}
                name="information"
                required
                hint={t('f_obj_information_hint')}
                error={f('information')}
              >
                {(a) => <textarea {...a} rows={3} maxLength={2000} value={d.information} onInput={(e) => set('information', e.currentTarget.value)} />}
              </Field>
            </>
          )}
        </fieldset>

        {periodic && (
          <fieldset class="form-section" id="obj-objector" aria-describedby="obj-objector-intro">
            <legend>{t('obj_sec_objector')}</legend>
            <p class="hint" id="obj-objector-intro">
              {t('obj_objector_intro')}
            </p>
            {objectorError && <p class="field-error">{objectorError}</p>}
            <RequesterFields prefix="obj" path="objector" value={d} patch={patch} fieldError={f} />
          </fieldset>
        )}

        <fieldset class="form-section">
          <legend>{t('obj_sec_grounds')}</legend>
          <ChoiceGroup id="obj-grounds" legend={t('obj_grounds_legend')} required hint={t('obj_grounds_hint')} layout="column" error={f('grounds')}>
            {OBJECTION_GROUNDS.map((g) => (
              <label key={g} class="choice">
                <input
                  type="checkbox"
                  name="grounds"
                  value={g}
                  checked={d.grounds.includes(g)}
                  onChange={(e) => set('grounds', e.currentTarget.checked ? [...d.grounds, g] : d.grounds.filter((x) => x !== g))}
                />
                <span>
                  <strong>{g}.</strong> {pick(OBJECTION_GROUND_TEXT[g])}
                </span>
              </label>
            ))}
          </ChoiceGroup>
          <Field id="obj-case" label={t('f_obj_case')} name="case" required hint={t('f_obj_case_hint')} error={f('case')}>
            {(a) => <textarea {...a} rows={5} maxLength={4000} value={d.case} onInput={(e) => set('case', e.currentTarget.value)} />}
          </Field>
        </fieldset>

        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('obj_register_send')}
          </button>
          <a class="button secondary" href="#/objections">
            {t('cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

/** The receipt: the number, and for an objection with no request its tracking code, shown this once. */
function ReceiptPanel({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const { t, lang, pick } = useApp();
  const { objection: o, trackingCode } = receipt;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="callout ok receipt" aria-labelledby="obj-receipt-h">
      <h2 id="obj-receipt-h" tabIndex={-1} ref={heading}>
        {t('obj_receipt_title', { number: o.number })}
      </h2>
      <dl class="receipt-codes">
        <dt>{t('obj_receipt_number')}</dt>
        <dd>
          <code class="big-code">{o.number}</code>
        </dd>
        {o.requestNumber && (
          <>
            <dt>{t('obj_receipt_request')}</dt>
            <dd>
              <code>{o.requestNumber}</code>
            </dd>
          </>
        )}
        {trackingCode && (
          <>
            <dt>{t('rq_receipt_code')}</dt>
            <dd>
              <code class="big-code" data-tracking-code>
                {trackingCode}
              </code>
            </dd>
          </>
        )}
        <dt>{t('rq_receipt_received')}</dt>
        <dd>{formatDate(lang, o.receivedOn)}</dd>
        <dt>{t('obj_receipt_deadline')}</dt>
        <dd>{pick(o.deadline.explanation)}</dd>
      </dl>
      <p class={trackingCode ? 'notice warn' : 'notice'}>{t(trackingCode ? 'obj_receipt_once' : 'obj_receipt_request_note')}</p>
      <div class="form-actions no-print">
        <a class="button primary" href={`#/objections/${o.objectionId}`}>
          {t('obj_receipt_open')}
        </a>
        <button type="button" class="secondary" onClick={onAnother}>
          {t('obj_register_another')}
        </button>
      </div>
    </section>
  );
}
