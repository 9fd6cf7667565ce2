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
import { DELIVERY_METHODS, DESK_CHANNELS, type InfoRequest, OBTAIN_FORMS, REQUEST_REGISTRARS, type RequestContent } from '../types.ts';
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
import { bodyAgencyOf, deliveryMethodKey, obtainKey, todayIn } from './request-parts.tsx';

interface Draft extends RequesterDraft, ReceiptDraft<(typeof DESK_CHANNELS)[number]> {
  information: string;
  purpose: string;
  obtainForm: RequestContent['obtainForm'] | '';
  deliveryMethod: RequestContent['deliveryMethod'] | '';
}

const EMPTY: Draft = {
  ...EMPTY_REQUESTER,
  information: '',
  purpose: '',
  obtainForm: '',
  deliveryMethod: '',
  channel: '',
  note: '',
};

const FIELDS = ['requester', 'content', 'channel', 'receivedOn', 'note', 'submissionId'] as const;

interface Receipt {
  request: InfoRequest;
  trackingCode: string;
}

export function RequestFormPage() {
  const { t, me } = useApp();
  return (
    <RegistrationPage<Receipt>
      back={{ href: '#/requests', label: t('rq_back_to_list') }}
      title={t('rq_register_title')}
      intro={t('rq_register_intro')}
      allowed={REQUEST_REGISTRARS.includes(me.role)}
      notAllowed={t('rq_register_not_allowed')}
      form={(onDone) => <RequestForm onDone={onDone} />}
      receipt={(receipt, onAnother) => <ReceiptPanel receipt={receipt} onAnother={onAnother} />}
    />
  );
}

function RequestForm({ onDone }: { onDone: (r: Receipt) => void }) {
  const { t, api, agencies } = useApp();
  const body = bodyAgencyOf(agencies);
  const today = todayIn(body?.timezone);
  // One id per form shown: a double click or a resent form registers one request.
  const [submissionId] = useState(() => crypto.randomUUID());
  const [d, setD] = useState<Draft>(EMPTY);
  const patch = (change: Partial<Draft>) => setD((old) => ({ ...old, ...change }));
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => patch({ [k]: v } as Partial<Draft>);
  const submit = useSubmit(FIELDS);
  const receivedOn = d.receivedOn ?? today;
  const f = submit.fieldError;

  const send = (e: Event) => {
    e.preventDefault();
    const requester = requesterOf(d);
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
          <ReceiptFields
            prefix="rq"
            channels={DESK_CHANNELS}
            words={{ channel: 'f_rq_channel', backdated: 'rq_backdated_note', note: 'f_rq_note', noteHint: 'f_rq_note_hint' }}
            today={today}
            value={d}
            patch={patch}
            fieldError={f}
          />
        </fieldset>

        <fieldset class="form-section">
          <legend>{t('rq_sec_requester')}</legend>
          <RequesterFields prefix="rq" path="requester" value={d} patch={patch} fieldError={f} />
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
