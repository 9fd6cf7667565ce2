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
import {
  OBJECTION_DESK_CHANNELS,
  OBJECTION_GROUND_TEXT,
  OBJECTION_GROUNDS,
  OBJECTION_REGISTRARS,
  type Objection,
  type ObjectionGround,
  REQUESTER_KINDS,
  type Requester,
} from '../types.ts';
import { ChoiceGroup, ErrorSummary, Field, PageHeader, RequiredNote, useSubmit } from '../ui.tsx';
import { readableExplanation } from './objection-parts.tsx';
import { addDays, bodyAgencyOf, channelKey, requesterKindKey, todayIn } from './request-parts.tsx';

interface Draft {
  on: 'request' | 'periodic';
  requestNumber: string;
  kind: Requester['kind'];
  fullName: string;
  nik: string;
  legalEntityDecree: string;
  address: string;
  phone: string;
  email: string;
  onBehalfOf: string;
  information: string;
  grounds: ObjectionGround[];
  case: string;
  channel: (typeof OBJECTION_DESK_CHANNELS)[number] | '';
  /** Undefined until edited: today in the body's zone. */
  receivedOn?: string;
  note: string;
}

const EMPTY: Draft = {
  on: 'request',
  requestNumber: '',
  kind: 'individual',
  fullName: '',
  nik: '',
  legalEntityDecree: '',
  address: '',
  phone: '',
  email: '',
  onBehalfOf: '',
  information: '',
  grounds: [],
  case: '',
  channel: '',
  note: '',
};

const FIELDS = ['requestNumber', 'objector', 'information', 'grounds', 'case', 'channel', 'receivedOn', 'note', 'submissionId'] as const;

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

interface Receipt {
  objection: Objection;
  trackingCode?: string;
}

export function ObjectionFormPage() {
  const { t, me } = useApp();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <p class="breadcrumb no-print">
        <a href="#/objections">{t('obj_back_to_list')}</a>
      </p>
      <PageHeader title={t('obj_register_title')} intro={t('obj_register_intro')} />
      {!OBJECTION_REGISTRARS.includes(me.role) ? (
        <p class="notice">{t('obj_register_not_allowed')}</p>
      ) : receipt ? (
        <ReceiptPanel
          receipt={receipt}
          onAnother={() => {
            setReceipt(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <ObjectionForm key={round} onDone={setReceipt} />
      )}
    </>
  );
}

function ObjectionForm({ onDone }: { onDone: (r: Receipt) => void }) {
  const { t, lang, pick, api, agencies } = useApp();
  const today = todayIn(bodyAgencyOf(agencies)?.timezone);
  // One id per form shown: a double click or a resent form registers one objection.
  const [submissionId] = useState(() => crypto.randomUUID());
  const [d, setD] = useState<Draft>(EMPTY);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const submit = useSubmit(FIELDS);
  const receivedOn = d.receivedOn ?? today;
  const backdated = receivedOn < today;
  const f = submit.fieldError;
  const periodic = d.on === 'periodic';
  // The objector's whole-record refusal ("give the identity") when no single field owns it.
  const objectorError = (submit.error?.fields ?? [])
    .filter((x) => x.field === 'objector')
    .map((x) => pick(x.messages))
    .join(' ');

  const send = (e: Event) => {
    e.preventDefault();
    const objector = {
      kind: d.kind,
      fullName: d.fullName,
      ...(d.kind === 'individual' ? { nik: opt(d.nik) } : { legalEntityDecree: opt(d.legalEntityDecree) }),
      address: d.address,
      phone: opt(d.phone),
      email: opt(d.email),
      onBehalfOf: opt(d.onBehalfOf),
    };
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
          <div class="grid two">
            <Field id="obj-channel" label={t('obj_channel')} name="channel" required error={f('channel')}>
              {(a) => (
                <select {...a} value={d.channel} onChange={(e) => set('channel', e.currentTarget.value as Draft['channel'])}>
                  <option value="">{t('choose')}</option>
                  {OBJECTION_DESK_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {t(channelKey(c))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="obj-receivedOn" label={t('f_rq_received_on')} name="receivedOn" required hint={t('f_rq_received_on_hint')} error={f('receivedOn')}>
              {(a) => (
                <input
                  {...a}
                  class="date"
                  type="date"
                  min={addDays(today, -60)}
                  max={today}
                  value={receivedOn}
                  onInput={(e) => set('receivedOn', e.currentTarget.value)}
                />
              )}
            </Field>
          </div>
          {backdated && (
            <p class="notice warn" id="obj-backdated">
              {t('obj_backdated_note', { date: formatDate(lang, receivedOn) })}
            </p>
          )}
          <Field id="obj-note" label={t('f_obj_note')} name="note" hint={t('f_obj_note_hint')} error={f('note')}>
            {(a) => <textarea {...a} rows={2} maxLength={1000} value={d.note} onInput={(e) => set('note', e.currentTarget.value)} />}
          </Field>
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
            <ChoiceGroup legend={t('f_rq_kind')} required error={f('objector.kind')}>
              {REQUESTER_KINDS.map((k) => (
                <label key={k} class="check">
                  <input type="radio" name="kind" value={k} checked={d.kind === k} onChange={() => set('kind', k)} />
                  <span>{t(requesterKindKey(k))}</span>
                </label>
              ))}
            </ChoiceGroup>
            <Field id="obj-fullName" label={t('f_rq_full_name')} name="fullName" required error={f('objector.fullName')}>
              {(a) => (
                <input {...a} type="text" autoComplete="off" maxLength={200} value={d.fullName} onInput={(e) => set('fullName', e.currentTarget.value)} />
              )}
            </Field>
            {d.kind === 'individual' ? (
              <Field id="obj-nik" label={t('f_rq_nik')} name="nik" required hint={t('f_rq_nik_hint')} error={f('objector.nik')}>
                {(a) => (
                  <input
                    {...a}
                    class="medium"
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={16}
                    value={d.nik}
                    onInput={(e) => set('nik', e.currentTarget.value)}
                  />
                )}
              </Field>
            ) : (
              <Field
                id="obj-legalEntityDecree"
                label={t('f_rq_decree')}
                name="legalEntityDecree"
                required
                hint={t('f_rq_decree_hint')}
                error={f('objector.legalEntityDecree')}
              >
                {(a) => (
                  <input {...a} type="text" maxLength={120} value={d.legalEntityDecree} onInput={(e) => set('legalEntityDecree', e.currentTarget.value)} />
                )}
              </Field>
            )}
            <Field id="obj-address" label={t('f_rq_address')} name="address" required error={f('objector.address')}>
              {(a) => <textarea {...a} rows={2} maxLength={500} value={d.address} onInput={(e) => set('address', e.currentTarget.value)} />}
            </Field>
            <p class="hint" id="obj-contact-hint">
              {t('rq_contact_hint')}
            </p>
            <div class="grid two">
              <Field id="obj-phone" label={t('f_rq_phone')} name="phone" error={f('objector.phone')}>
                {(a) => (
                  <input
                    {...a}
                    type="tel"
                    autoComplete="off"
                    maxLength={20}
                    value={d.phone}
                    aria-describedby={[a['aria-describedby'], 'obj-contact-hint'].filter(Boolean).join(' ')}
                    onInput={(e) => set('phone', e.currentTarget.value)}
                  />
                )}
              </Field>
              <Field id="obj-email" label={t('f_rq_email')} name="email" error={f('objector.email')}>
                {(a) => (
                  <input
                    {...a}
                    type="email"
                    autoComplete="off"
                    maxLength={254}
                    value={d.email}
                    aria-describedby={[a['aria-describedby'], 'obj-contact-hint'].filter(Boolean).join(' ')}
                    onInput={(e) => set('email', e.currentTarget.value)}
                  />
                )}
              </Field>
            </div>
            <Field id="obj-onBehalfOf" label={t('f_rq_on_behalf')} name="onBehalfOf" hint={t('f_rq_on_behalf_hint')} error={f('objector.onBehalfOf')}>
              {(a) => <input {...a} type="text" maxLength={200} value={d.onBehalfOf} onInput={(e) => set('onBehalfOf', e.currentTarget.value)} />}
            </Field>
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
        <dd>{readableExplanation(pick(o.deadline.explanation))}</dd>
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
