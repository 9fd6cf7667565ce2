/**
 * Registrasi permohonan: Petugas (or PPID Utama) registers a request received in person, by phone,
 * by letter or by email, with every field the regulations ask of the requester, the channel and the
 * real date of receipt (a letter that arrived yesterday counts from yesterday; a date before today
 * is audited as back-dating). On success the registration number and the tracking code are shown
 * once, to hand to the requester; the server keeps only the code's hash.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import {
  DELIVERY_METHODS,
  DESK_CHANNELS,
  type InfoRequest,
  OBTAIN_FORMS,
  REQUEST_REGISTRARS,
  REQUESTER_KINDS,
  type RequestContent,
  type Requester,
} from '../types.ts';
import { ChoiceGroup, ErrorSummary, Field, PageHeader, RequiredNote, useSubmit } from '../ui.tsx';
import { addDays, bodyAgencyOf, channelKey, deliveryMethodKey, obtainKey, requesterKindKey, todayIn } from './request-parts.tsx';

interface Draft {
  kind: Requester['kind'];
  fullName: string;
  nik: string;
  legalEntityDecree: string;
  address: string;
  phone: string;
  email: string;
  onBehalfOf: string;
  information: string;
  purpose: string;
  obtainForm: RequestContent['obtainForm'] | '';
  deliveryMethod: RequestContent['deliveryMethod'] | '';
  channel: (typeof DESK_CHANNELS)[number] | '';
  /** Undefined until edited: today in the body's zone. */
  receivedOn?: string;
  note: string;
}

const EMPTY: Draft = {
  kind: 'individual',
  fullName: '',
  nik: '',
  legalEntityDecree: '',
  address: '',
  phone: '',
  email: '',
  onBehalfOf: '',
  information: '',
  purpose: '',
  obtainForm: '',
  deliveryMethod: '',
  channel: '',
  note: '',
};

const FIELDS = ['requester', 'content', 'channel', 'receivedOn', 'note', 'submissionId'] as const;

const opt = (v: string) => (v.trim() ? v.trim() : undefined);

interface Receipt {
  request: InfoRequest;
  trackingCode: string;
}

export function RequestFormPage() {
  const { t, me } = useApp();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <p class="breadcrumb no-print">
        <a href="#/requests">{t('rq_back_to_list')}</a>
      </p>
      <PageHeader title={t('rq_register_title')} intro={t('rq_register_intro')} />
      {!REQUEST_REGISTRARS.includes(me.role) ? (
        <p class="notice">{t('rq_register_not_allowed')}</p>
      ) : receipt ? (
        <ReceiptPanel
          receipt={receipt}
          onAnother={() => {
            setReceipt(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <RequestForm key={round} onDone={setReceipt} />
      )}
    </>
  );
}

function RequestForm({ onDone }: { onDone: (r: Receipt) => void }) {
  const { t, lang, api, agencies } = useApp();
  const body = bodyAgencyOf(agencies);
  const today = todayIn(body?.timezone);
  // One id per form shown: a double click or a resent form registers one request.
  const [submissionId] = useState(() => crypto.randomUUID());
  const [d, setD] = useState<Draft>(EMPTY);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const submit = useSubmit(FIELDS);
  const receivedOn = d.receivedOn ?? today;
  const backdated = receivedOn < today;
  const f = submit.fieldError;

  const send = (e: Event) => {
    e.preventDefault();
    const requester = {
      kind: d.kind,
      fullName: d.fullName,
      ...(d.kind === 'individual' ? { nik: opt(d.nik) } : { legalEntityDecree: opt(d.legalEntityDecree) }),
      address: d.address,
      phone: opt(d.phone),
      email: opt(d.email),
      onBehalfOf: opt(d.onBehalfOf),
    };
    void submit.run(async () => {
      const res = await api.send<Receipt>('POST', '/requests', {
        requester,
        content: {
          information: d.information,
          purpose: d.purpose,
          ...(d.obtainForm ? { obtainForm: d.obtainForm } : {}),
          ...(d.deliveryMethod ? { deliveryMethod: d.deliveryMethod } : {}),
        },
        ...(d.channel ? { channel: d.channel } : {}),
        receivedOn,
        submissionId,
        ...(opt(d.note) ? { note: opt(d.note) } : {}),
      });
      onDone(res);
    });
  };

  return (
    <section class="panel form-panel request-form" aria-label={t('rq_register_title')}>
      <RequiredNote />
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form noValidate onSubmit={send}>
        <fieldset class="form-section">
          <legend>{t('rq_sec_receipt')}</legend>
          <div class="grid two">
            <Field id="rq-channel" label={t('f_rq_channel')} name="channel" required error={f('channel')}>
              {(a) => (
                <select {...a} value={d.channel} onChange={(e) => set('channel', e.currentTarget.value as Draft['channel'])}>
                  <option value="">{t('choose')}</option>
                  {DESK_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {t(channelKey(c))}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="rq-receivedOn" label={t('f_rq_received_on')} name="receivedOn" required hint={t('f_rq_received_on_hint')} error={f('receivedOn')}>
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
            <p class="notice warn" id="rq-backdated">
              {t('rq_backdated_note', { date: formatDate(lang, receivedOn) })}
            </p>
          )}
          <Field id="rq-note" label={t('f_rq_note')} name="note" hint={t('f_rq_note_hint')} error={f('note')}>
            {(a) => <textarea {...a} rows={2} maxLength={1000} value={d.note} onInput={(e) => set('note', e.currentTarget.value)} />}
          </Field>
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('rq_sec_requester')}</legend>
          <ChoiceGroup legend={t('f_rq_kind')} required error={f('requester.kind')}>
            {REQUESTER_KINDS.map((k) => (
              <label key={k} class="check">
                <input type="radio" name="kind" value={k} checked={d.kind === k} onChange={() => set('kind', k)} />
                <span>{t(requesterKindKey(k))}</span>
              </label>
            ))}
          </ChoiceGroup>
          <Field id="rq-fullName" label={t('f_rq_full_name')} name="fullName" required error={f('requester.fullName')}>
            {(a) => <input {...a} type="text" autoComplete="off" maxLength={200} value={d.fullName} onInput={(e) => set('fullName', e.currentTarget.value)} />}
          </Field>
          {d.kind === 'individual' ? (
            <Field id="rq-nik" label={t('f_rq_nik')} name="nik" required hint={t('f_rq_nik_hint')} error={f('requester.nik')}>
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
              id="rq-legalEntityDecree"
              label={t('f_rq_decree')}
              name="legalEntityDecree"
              required
              hint={t('f_rq_decree_hint')}
              error={f('requester.legalEntityDecree')}
            >
              {(a) => <input {...a} type="text" maxLength={120} value={d.legalEntityDecree} onInput={(e) => set('legalEntityDecree', e.currentTarget.value)} />}
            </Field>
          )}
          <Field id="rq-address" label={t('f_rq_address')} name="address" required error={f('requester.address')}>
            {(a) => <textarea {...a} rows={2} maxLength={500} value={d.address} onInput={(e) => set('address', e.currentTarget.value)} />}
          </Field>
          <p class="hint" id="rq-contact-hint">
            {t('rq_contact_hint')}
          </p>
          <div class="grid two">
            <Field id="rq-phone" label={t('f_rq_phone')} name="phone" error={f('requester.phone')}>
              {(a) => (
                <input
                  {...a}
                  type="tel"
                  autoComplete="off"
                  maxLength={20}
                  value={d.phone}
                  aria-describedby={[a['aria-describedby'], 'rq-contact-hint'].filter(Boolean).join(' ')}
                  onInput={(e) => set('phone', e.currentTarget.value)}
                />
              )}
            </Field>
            <Field id="rq-email" label={t('f_rq_email')} name="email" error={f('requester.email')}>
              {(a) => (
                <input
                  {...a}
                  type="email"
                  autoComplete="off"
                  maxLength={254}
                  value={d.email}
                  aria-describedby={[a['aria-describedby'], 'rq-contact-hint'].filter(Boolean).join(' ')}
                  onInput={(e) => set('email', e.currentTarget.value)}
                />
              )}
            </Field>
          </div>
          <Field id="rq-onBehalfOf" label={t('f_rq_on_behalf')} name="onBehalfOf" hint={t('f_rq_on_behalf_hint')} error={f('requester.onBehalfOf')}>
            {(a) => <input {...a} type="text" maxLength={200} value={d.onBehalfOf} onInput={(e) => set('onBehalfOf', e.currentTarget.value)} />}
          </Field>
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('rq_sec_content')}</legend>
          <Field
            id="rq-information"
            label={t('f_rq_information')}
            name="information"
            required
            hint={t('f_rq_information_hint')}
            error={f('content.information')}
          >
            {(a) => <textarea {...a} rows={5} maxLength={4000} value={d.information} onInput={(e) => set('information', e.currentTarget.value)} />}
          </Field>
          <Field id="rq-purpose" label={t('f_rq_purpose')} name="purpose" required error={f('content.purpose')}>
            {(a) => <textarea {...a} rows={3} maxLength={2000} value={d.purpose} onInput={(e) => set('purpose', e.currentTarget.value)} />}
          </Field>
          <ChoiceGroup id="rq-obtainForm" legend={t('f_rq_obtain')} required layout="column" error={f('content.obtainForm')}>
            {OBTAIN_FORMS.map((o) => (
              <label key={o} class="choice">
                <input type="radio" name="obtainForm" value={o} checked={d.obtainForm === o} onChange={() => set('obtainForm', o)} />
                <span>{t(obtainKey(o))}</span>
              </label>
            ))}
          </ChoiceGroup>
          <ChoiceGroup id="rq-deliveryMethod" legend={t('f_rq_delivery_method')} required error={f('content.deliveryMethod')}>
            {DELIVERY_METHODS.map((m) => (
              <label key={m} class="check">
                <input type="radio" name="deliveryMethod" value={m} checked={d.deliveryMethod === m} onChange={() => set('deliveryMethod', m)} />
                <span>{t(deliveryMethodKey(m))}</span>
              </label>
            ))}
          </ChoiceGroup>
        </fieldset>

        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('rq_register_send')}
          </button>
          <a class="button secondary" href="#/requests">
            {t('cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

/** The receipt: the number and the tracking code, shown this once, to hand to the requester. */
function ReceiptPanel({ receipt, onAnother }: { receipt: Receipt; onAnother: () => void }) {
  const { t, lang, pick } = useApp();
  const { request: r, trackingCode } = receipt;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="callout ok receipt" aria-labelledby="rq-receipt-h">
      <h2 id="rq-receipt-h" tabIndex={-1} ref={heading}>
        {t('rq_receipt_title', { number: r.number })}
      </h2>
      <dl class="receipt-codes">
        <dt>{t('rq_receipt_number')}</dt>
        <dd>
          <code class="big-code">{r.number}</code>
        </dd>
        <dt>{t('rq_receipt_code')}</dt>
        <dd>
          <code class="big-code" data-tracking-code>
            {trackingCode}
          </code>
        </dd>
        <dt>{t('rq_receipt_received')}</dt>
        <dd>{formatDate(lang, r.receivedOn)}</dd>
        <dt>{t('rq_receipt_deadline')}</dt>
        <dd>{pick(r.deadline.explanation)}</dd>
      </dl>
      <p class="notice warn">{t('rq_receipt_once')}</p>
      <div class="form-actions no-print">
        <a class="button primary" href={`#/requests/${r.requestId}`}>
          {t('rq_receipt_open')}
        </a>
        <button type="button" class="secondary" onClick={onAnother}>
          {t('rq_register_another')}
        </button>
      </div>
    </section>
  );
}
