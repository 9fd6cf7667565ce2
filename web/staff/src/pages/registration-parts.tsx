/**
 * What the desk registration of a request (request-form.tsx) and of an objection (objection-form.tsx)
 * share: the page around the form (the form, then the receipt shown once, then a fresh form), the
 * receipt fields (channel, real date of receipt with the back-dating note, registration note) and
 * the requester's identity as the regulations ask it (kind, name, NIK or decree, address, phone,
 * email, on behalf of).
 */
import { type ComponentChildren, Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { type InfoRequest, REQUESTER_KINDS, type Requester } from '../types.ts';
import { ChoiceGroup, Field, PageHeader } from '../ui.tsx';
import { addDays, channelKey, requesterKindKey } from './request-parts.tsx';

/** A trimmed text, or undefined when blank. */
export const opt = (v: string) => (v.trim() ? v.trim() : undefined);

type FieldError = (field: string) => string | undefined;

/**
 * The registration page: back link, title, and for those allowed the form; once it is sent the
 * receipt, and "register another" gives a fresh form.
 */
export function RegistrationPage<R>(props: {
  back: { href: string; label: string };
  title: string;
  intro: string;
  allowed: boolean;
  notAllowed: string;
  form: (onDone: (receipt: R) => void) => ComponentChildren;
  receipt: (receipt: R, onAnother: () => void) => ComponentChildren;
}) {
  const [receipt, setReceipt] = useState<R | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <p class="breadcrumb no-print">
        <a href={props.back.href}>{props.back.label}</a>
      </p>
      <PageHeader title={props.title} intro={props.intro} />
      {!props.allowed ? (
        <p class="notice">{props.notAllowed}</p>
      ) : receipt ? (
        props.receipt(receipt, () => {
          setReceipt(null);
          setRound((n) => n + 1);
        })
      ) : (
        <Fragment key={round}>{props.form(setReceipt)}</Fragment>
      )}
    </>
  );
}

export interface ReceiptDraft<C extends InfoRequest['channel']> {
  channel: C | '';
  /** Undefined until edited: today in the body's zone. */
  receivedOn?: string;
  note: string;
}

/** How, and on which real day, the desk received it (a day before today is noted as back-dating), and the registration note. */
export function ReceiptFields<C extends InfoRequest['channel']>(props: {
  prefix: string;
  channels: readonly C[];
  words: { channel: MessageKey; backdated: MessageKey; note: MessageKey; noteHint: MessageKey };
  today: string;
  value: ReceiptDraft<C>;
  patch: (change: Partial<ReceiptDraft<C>>) => void;
  fieldError: FieldError;
}) {
  const { t, lang } = useApp();
  const { prefix: p, value: d, patch, fieldError: f, today, words } = props;
  const receivedOn = d.receivedOn ?? today;
  return (
    <>
      <div class="grid two">
        <Field id={`${p}-channel`} label={t(words.channel)} name="channel" required error={f('channel')}>
          {(a) => (
            <select {...a} value={d.channel} onChange={(e) => patch({ channel: e.currentTarget.value as C })}>
              <option value="">{t('choose')}</option>
              {props.channels.map((c) => (
                <option key={c} value={c}>
                  {t(channelKey(c))}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${p}-receivedOn`} label={t('f_rq_received_on')} name="receivedOn" required hint={t('f_rq_received_on_hint')} error={f('receivedOn')}>
          {(a) => (
            <input
              {...a}
              class="date"
              type="date"
              min={addDays(today, -60)}
              max={today}
              value={receivedOn}
              onInput={(e) => patch({ receivedOn: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      {receivedOn < today && (
        <p class="notice warn" id={`${p}-backdated`}>
          {t(words.backdated, { date: formatDate(lang, receivedOn) })}
        </p>
      )}
      <Field id={`${p}-note`} label={t(words.note)} name="note" hint={t(words.noteHint)} error={f('note')}>
        {(a) => <textarea {...a} rows={2} maxLength={1000} value={d.note} onInput={(e) => patch({ note: e.currentTarget.value })} />}
      </Field>
    </>
  );
}

/** The requester's (or objector's) identity as the form holds it. */
export interface RequesterDraft {
  kind: Requester['kind'];
  fullName: string;
  nik: string;
  legalEntityDecree: string;
  address: string;
  phone: string;
  email: string;
  onBehalfOf: string;
}

export const EMPTY_REQUESTER: RequesterDraft = {
  kind: 'individual',
  fullName: '',
  nik: '',
  legalEntityDecree: '',
  address: '',
  phone: '',
  email: '',
  onBehalfOf: '',
};

/** The identity as the API takes it: the NIK of a person or the decree of a legal entity, blanks left out. */
export function requesterOf(d: RequesterDraft) {
  return {
    kind: d.kind,
    fullName: d.fullName,
    ...(d.kind === 'individual' ? { nik: opt(d.nik) } : { legalEntityDecree: opt(d.legalEntityDecree) }),
    address: d.address,
    phone: opt(d.phone),
    email: opt(d.email),
    onBehalfOf: opt(d.onBehalfOf),
  };
}

/**
 * The identity fields, ids `<prefix>-fullName`… and the API's refusals by `<path>.fullName`…
 * (`requester` on a request, `objector` on an objection).
 */
export function RequesterFields(props: {
  prefix: string;
  path: string;
  value: RequesterDraft;
  patch: (change: Partial<RequesterDraft>) => void;
  fieldError: FieldError;
}) {
  const { t } = useApp();
  const { prefix: p, value: d, patch } = props;
  const f = (field: keyof RequesterDraft) => props.fieldError(`${props.path}.${field}`);
  const contactHint = `${p}-contact-hint`;
  return (
    <>
      <ChoiceGroup legend={t('f_rq_kind')} required error={f('kind')}>
        {REQUESTER_KINDS.map((k) => (
          <label key={k} class="check">
            <input type="radio" name="kind" value={k} checked={d.kind === k} onChange={() => patch({ kind: k })} />
            <span>{t(requesterKindKey(k))}</span>
          </label>
        ))}
      </ChoiceGroup>
      <Field id={`${p}-fullName`} label={t('f_rq_full_name')} name="fullName" required error={f('fullName')}>
        {(a) => <input {...a} type="text" autoComplete="off" maxLength={200} value={d.fullName} onInput={(e) => patch({ fullName: e.currentTarget.value })} />}
      </Field>
      {d.kind === 'individual' ? (
        <Field id={`${p}-nik`} label={t('f_rq_nik')} name="nik" required hint={t('f_rq_nik_hint')} error={f('nik')}>
          {(a) => (
            <input
              {...a}
              class="medium"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              maxLength={16}
              value={d.nik}
              onInput={(e) => patch({ nik: e.currentTarget.value })}
            />
          )}
        </Field>
      ) : (
        <Field
          id={`${p}-legalEntityDecree`}
          label={t('f_rq_decree')}
          name="legalEntityDecree"
          required
          hint={t('f_rq_decree_hint')}
          error={f('legalEntityDecree')}
        >
          {(a) => <input {...a} type="text" maxLength={120} value={d.legalEntityDecree} onInput={(e) => patch({ legalEntityDecree: e.currentTarget.value })} />}
        </Field>
      )}
      <Field id={`${p}-address`} label={t('f_rq_address')} name="address" required error={f('address')}>
        {(a) => <textarea {...a} rows={2} maxLength={500} value={d.address} onInput={(e) => patch({ address: e.currentTarget.value })} />}
      </Field>
      <p class="hint" id={contactHint}>
        {t('rq_contact_hint')}
      </p>
      <div class="grid two">
        <Field id={`${p}-phone`} label={t('f_rq_phone')} name="phone" error={f('phone')}>
          {(a) => (
            <input
              {...a}
              type="tel"
              autoComplete="off"
              maxLength={20}
              value={d.phone}
              aria-describedby={[a['aria-describedby'], contactHint].filter(Boolean).join(' ')}
              onInput={(e) => patch({ phone: e.currentTarget.value })}
            />
          )}
        </Field>
        <Field id={`${p}-email`} label={t('f_rq_email')} name="email" error={f('email')}>
          {(a) => (
            <input
              {...a}
              type="email"
              autoComplete="off"
              maxLength={254}
              value={d.email}
              aria-describedby={[a['aria-describedby'], contactHint].filter(Boolean).join(' ')}
              onInput={(e) => patch({ email: e.currentTarget.value })}
            />
          )}
        </Field>
      </div>
      <Field id={`${p}-onBehalfOf`} label={t('f_rq_on_behalf')} name="onBehalfOf" hint={t('f_rq_on_behalf_hint')} error={f('onBehalfOf')}>
        {(a) => <input {...a} type="text" maxLength={200} value={d.onBehalfOf} onInput={(e) => patch({ onBehalfOf: e.currentTarget.value })} />}
      </Field>
    </>
  );
}
