/**
 * Usulkan pengecualian: the consequence test (Uji Konsekuensi, UU 14/2008 Pasal 19, Perki 1/2017)
 * in the order the law sets it, as numbered fieldsets: 1 the documents, 2 the information, 3 the
 * legal basis, 4 the consequence and the public interest, 5 the period, 6 the participants.
 *
 *   #/exclusions/new                     a new proposal
 *   #/exclusions/new?itemId=…            …about an existing item (title and documents prefilled)
 *   #/exclusions/new?renews=…            …testing an ended exclusion again (its test prefilled)
 *   #/exclusions/new?requestId=…         …for an information request a refusal would rest on (the
 *                                         information requested prefilled; decided Ya, the refusal may cite it)
 *   #/exclusions/:id/edit                a returned proposal, revised and proposed again (resubmit)
 *
 * The server checks every element and answers element by element; its messages are shown next to
 * the fields and listed at the top, each with a button to the field.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError, FieldError } from '../api.ts';
import { useApp } from '../context.ts';
import { type MessageKey, PASAL_17_TEXT, translate } from '../i18n.ts';
import {
  type ConsequenceTest,
  EXCLUSION_PROPOSERS,
  type Exclusion,
  type InfoRequest,
  type Item,
  PASAL_17,
  type Pasal17Letter,
  PERMANENT_GROUNDS,
} from '../types.ts';
import { ChoiceGroup, ErrorMessage, Field, Loading, PageHeader, RequiredNote, useLoad, useSubmit } from '../ui.tsx';
import { sortAgencies } from './agencies.tsx';
import { exStateKey } from './exclusion-parts.tsx';

// ─── the draft: text as typed, turned into a ConsequenceTest only when sent ─────────────────────

interface DocRow {
  key: number;
  title: string;
  reference: string;
}
interface LawRow {
  key: number;
  law: string;
  article: string;
}
interface PersonRow {
  key: number;
  name: string;
  position: string;
}
interface Draft {
  title: string;
  description: string;
  documents: DocRow[];
  pasal17: Pasal17Letter[];
  otherLaws: LawRow[];
  ifOpened: string;
  publicInterest: string;
  until: string;
  noLimit: boolean;
  participants: PersonRow[];
  /** Undefined until edited: today in the agency's time zone (known once the agencies are loaded). */
  testedOn?: string;
}

let nextKey = 1;
const newKey = () => nextKey++;
const docRow = (title = '', reference = ''): DocRow => ({ key: newKey(), title, reference });
const lawRow = (law = '', article = ''): LawRow => ({ key: newKey(), law, article });
const personRow = (name = '', position = ''): PersonRow => ({ key: newKey(), name, position });

/** Today as YYYY-MM-DD in a time zone (the agency's: the server checks dates against its calendar). */
function todayIn(timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

function draftOf(test: Partial<ConsequenceTest> | undefined, keepDates: boolean): Draft {
  const docs = test?.documents?.map((d) => docRow(d.title, d.reference ?? '')) ?? [];
  const people = test?.participants?.map((p) => personRow(p.name, p.position)) ?? [];
  return {
    title: test?.title ?? '',
    description: test?.description ?? '',
    documents: docs.length ? docs : [docRow()],
    pasal17: test?.legalBasis?.pasal17 ?? [],
    otherLaws: test?.legalBasis?.otherLaws?.map((l) => lawRow(l.law, l.article)) ?? [],
    ifOpened: test?.consequence?.ifOpened ?? '',
    publicInterest: test?.consequence?.publicInterest ?? '',
    until: keepDates ? (test?.period?.until ?? '') : '',
    noLimit: keepDates && !!test?.period && test.period.until === undefined && (test.legalBasis?.pasal17.length ?? 0) > 0,
    participants: people.length ? people : [personRow()],
    ...(keepDates && test?.testedOn ? { testedOn: test.testedOn } : {}),
  };
}

const filled = (...values: string[]) => values.some((v) => v.trim() !== '');

/** May this legal basis go without an end date? Only when every Pasal 17 letter chosen is g or h. */
const permanentAllowed = (letters: readonly Pasal17Letter[]) => letters.length > 0 && letters.every((l) => PERMANENT_GROUNDS.includes(l));

/** Rows left wholly empty are not sent: an empty form names the missing lists, not their empty rows. */
interface Sent {
  documents: number[];
  otherLaws: number[];
  participants: number[];
}

function testOf(d: Draft, today: string): { test: Record<string, unknown>; sent: Sent } {
  const documents = d.documents.filter((r) => filled(r.title, r.reference));
  const otherLaws = d.otherLaws.filter((r) => filled(r.law, r.article));
  const participants = d.participants.filter((r) => filled(r.name, r.position));
  const noLimit = d.noLimit && permanentAllowed(d.pasal17);
  const testedOn = d.testedOn ?? today;
  return {
    test: {
      title: d.title,
      documents: documents.map((r) => ({ title: r.title, ...(r.reference.trim() ? { reference: r.reference } : {}) })),
      description: d.description,
      legalBasis: { pasal17: PASAL_17.filter((l) => d.pasal17.includes(l)), otherLaws: otherLaws.map((r) => ({ law: r.law, article: r.article })) },
      consequence: { ifOpened: d.ifOpened, publicInterest: d.publicInterest },
      period: !noLimit && d.until ? { until: d.until } : {},
      participants: participants.map((r) => ({ name: r.name, position: r.position })),
      ...(testedOn ? { testedOn } : {}),
    },
    sent: { documents: documents.map((r) => r.key), otherLaws: otherLaws.map((r) => r.key), participants: participants.map((r) => r.key) },
  };
}

// ─── the page: what the form starts from ────────────────────────────────────────────────────────

interface Start {
  mode: 'new' | 'resubmit';
  item?: Item;
  renewed?: Exclusion;
  returned?: Exclusion;
  /** The information request this consequence test is for. */
  request?: InfoRequest;
}

export function ExclusionFormPage({ exclusionId, query }: { exclusionId?: string; query?: URLSearchParams }) {
  const { t, api, me } = useApp();
  const itemId = query?.get('itemId') ?? '';
  const renews = query?.get('renews') ?? '';
  const requestId = query?.get('requestId') ?? '';
  const loaded = useLoad<Start>(async () => {
    if (exclusionId) return { mode: 'resubmit', returned: await api.get<Exclusion>(`/exclusions/${encodeURIComponent(exclusionId)}`) };
    const renewed = renews ? await api.get<Exclusion>(`/exclusions/${encodeURIComponent(renews)}`) : undefined;
    const linkedItem = itemId || renewed?.itemId;
    const item = linkedItem ? await api.get<Item>(`/items/${encodeURIComponent(linkedItem)}`) : undefined;
    const request = requestId ? await api.get<InfoRequest>(`/requests/${encodeURIComponent(requestId)}`) : undefined;
    return { mode: 'new', item, renewed, request };
  }, [api, exclusionId, itemId, renews, requestId]);
  const start = loaded.data;
  const title = exclusionId ? t('exclusion_resubmit_title') : t('exclusion_form_title');
  const mayPropose = EXCLUSION_PROPOSERS.includes(me.role);

  return (
    <>
      <p class="breadcrumb no-print">
        <a href="#/exclusions">{t('back_to_exclusions')}</a>
        {start?.returned && (
          <>
            {' › '}
            <a href={`#/exclusions/${start.returned.exclusionId}`}>{start.returned.test.title}</a>
          </>
        )}
      </p>
      <PageHeader title={title} intro={t('exclusion_form_intro')} />
      <ErrorMessage error={loaded.error} />
      {!mayPropose ? (
        <p class="notice">{t('not_found')}</p>
      ) : loaded.loading && !start ? (
        <Loading />
      ) : start ? (
        <ExclusionForm key={start.returned?.version ?? `${itemId}|${renews}|${requestId}`} start={start} />
      ) : null}
    </>
  );
}

// ─── the form ───────────────────────────────────────────────────────────────────────────────────

function ExclusionForm({ start }: { start: Start }) {
  const { t, pick, api, me, agencies, agencyName, agencyTimeZone, go } = useApp();
  const fixedAgency = start.returned?.agencyId ?? start.item?.agencyId ?? start.renewed?.agencyId;
  const [agencyId, setAgencyId] = useState(fixedAgency ?? me.agencyId);
  const today = todayIn(agencyTimeZone(agencyId));
  const [d, setD] = useState<Draft>(() => {
    if (start.returned) return draftOf(start.returned.test, true);
    if (start.renewed) return draftOf(start.renewed.test, false);
    if (start.request) {
      // The information requested is what the test weighs: its title and description, the request as the document.
      const info = start.request.content.information;
      return draftOf(
        {
          title: info.length > 300 ? `${info.slice(0, 299)}…` : info,
          description: info,
          documents: [{ title: info.length > 300 ? `${info.slice(0, 299)}…` : info, reference: start.request.number }],
        },
        false,
      );
    }
    const item = start.item;
    if (!item) return draftOf(undefined, false);
    const c = item.current.content;
    return draftOf(
      {
        title: c.title,
        documents: [{ title: c.title, reference: item.number }, ...item.current.documents.map((doc) => ({ title: doc.fileName }))],
      },
      false,
    );
  });
  const submit = useSubmit([]);
  const [sent, setSent] = useState<Sent>({ documents: [], otherLaws: [], participants: [] });
  const [clientErrors, setClientErrors] = useState<FieldError[]>([]);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  const mayChooseAgency = me.role === 'ppid_utama' && !fixedAgency;
  const returned = start.returned;

  if (returned && returned.state !== 'returned') {
    return (
      <p class="notice">
        {t('ex_not_returned_note', { state: t(exStateKey(returned.state)) })} <a href={`#/exclusions/${returned.exclusionId}`}>{returned.test.title}</a>
      </p>
    );
  }

  // Every refusal, the server's and the one the browser adds (the period, which the server only
  // checks once everything else is right), as { field, messages }.
  const serverErrors = submit.error?.fields ?? [];
  const errors: FieldError[] = submit.error
    ? [...serverErrors, ...(submit.error.status !== 400 || serverErrors.some((f) => f.field.startsWith('test.period')) ? [] : clientErrors)]
    : [];
  const exact = (path: string) => {
    const texts = errors.filter((f) => f.field === path).map((f) => pick(f.messages));
    return texts.length ? texts.join(' ') : undefined;
  };
  const under = (path: string) => {
    const texts = errors.filter((f) => f.field === path || f.field.startsWith(`${path}.`)).map((f) => pick(f.messages));
    return texts.length ? texts.join(' ') : undefined;
  };
  /** The error of a field in a repeatable row, found by the row's place in what was sent. */
  const rowError = (list: keyof Sent, key: number, field: string) => {
    const i = sent[list].indexOf(key);
    const base = list === 'otherLaws' ? 'test.legalBasis.otherLaws' : `test.${list}`;
    return i < 0 ? undefined : under(`${base}.${i}.${field}`);
  };

  const noLimitAllowed = permanentAllowed(d.pasal17);
  const noLimit = d.noLimit && noLimitAllowed;

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const { test, sent: nowSent } = testOf(d, today);
    setSent(nowSent);
    setClientErrors(!noLimit && !d.until ? [{ field: 'test.period.until', messages: translateBoth('err_period_required') }] : []);
    void submit.run(async () => {
      if (returned) {
        const next = await api.send<Exclusion>('POST', `/exclusions/${returned.exclusionId}/resubmit`, { test, version: returned.version });
        go(`/exclusions/${next.exclusionId}`, t('exclusion_resubmitted_msg', { title: next.test.title, n: next.round }));
        return;
      }
      const created = await api.send<Exclusion>('POST', '/exclusions', {
        ...(me.role === 'ppid_utama' ? { agencyId } : {}),
        ...(start.item ? { itemId: start.item.itemId } : {}),
        ...(start.renewed ? { renews: start.renewed.exclusionId } : {}),
        ...(start.request ? { requestId: start.request.requestId } : {}),
        test,
      });
      go(`/exclusions/${created.exclusionId}`, t('exclusion_proposed_msg', { title: created.test.title }));
    });
  };

  const addRow = (list: 'documents' | 'otherLaws' | 'participants') => {
    const row = list === 'documents' ? docRow() : list === 'otherLaws' ? lawRow() : personRow();
    setD((old) => ({ ...old, [list]: [...old[list], row] }));
    const first = list === 'documents' ? 'title' : list === 'otherLaws' ? 'law' : 'name';
    setTimeout(() => document.getElementById(`ex-${list}-${row.key}-${first}`)?.focus(), 0);
  };
  const removeRow = (list: 'documents' | 'otherLaws' | 'participants', key: number) => {
    setD((old) => ({ ...old, [list]: (old[list] as { key: number }[]).filter((r) => r.key !== key) }));
    setTimeout(() => document.getElementById(`ex-${list}-add`)?.focus(), 0);
  };

  return (
    <section class="panel form-panel exclusion-form" aria-label={returned ? t('exclusion_resubmit_title') : t('exclusion_form_title')}>
      {returned?.decision?.note && (
        <div class="notice danger">
          <p>
            <strong>{t('ex_returned_note_title')}:</strong> <span class="pre-line">{returned.decision.note}</span>
          </p>
        </div>
      )}
      {start.item && <p class="notice">{t('ex_concerns_item', { number: start.item.number, title: start.item.current.content.title })}</p>}
      {start.renewed && <p class="notice">{t('ex_renews', { number: start.renewed.dik?.number ?? start.renewed.test.title })}</p>}
      {start.request && (
        <p class="notice">
          {t('ex_for_request', { number: start.request.number })} <a href={`#/requests/${start.request.requestId}`}>{t('ex_for_request_link')}</a>
        </p>
      )}
      <RequiredNote />
      <ErrorList error={submit.error} errors={errors} sent={sent} draft={d} />
      <form onSubmit={onSubmit} noValidate>
        {mayChooseAgency ? (
          <Field id="ex-agencyId" label={t('f_agency')} name="agencyId" required hint={t('ex_agency_hint')} error={under('agencyId')}>
            {(a) => (
              <select {...a} class="medium" value={agencyId} onChange={(e) => setAgencyId(e.currentTarget.value)}>
                {sortAgencies(agencies).map((ag) => (
                  <option key={ag.id} value={ag.id}>
                    {ag.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : (
          <p>
            <strong>{t('f_agency')}:</strong> {agencyName(agencyId)}
          </p>
        )}

        {/* 1 The documents concerned */}
        <Step n={1} id="ex-documents" legend={t('ex_sec1')} hint={t('ex_sec1_hint')} error={exact('test.documents')}>
          {d.documents.map((r, i) => (
            <fieldset key={r.key} class="row-set">
              <legend>{t('ex_doc_n', { n: i + 1 })}</legend>
              <div class="row-fields">
                <Field id={`ex-documents-${r.key}-title`} label={t('f_doc_title')} name="documentTitle" required error={rowError('documents', r.key, 'title')}>
                  {(a) => (
                    <input
                      {...a}
                      type="text"
                      maxLength={300}
                      value={r.title}
                      onInput={(e) => set('documents', patch(d.documents, r.key, { title: e.currentTarget.value }))}
                    />
                  )}
                </Field>
                <Field
                  id={`ex-documents-${r.key}-reference`}
                  label={t('f_doc_reference')}
                  name="documentReference"
                  hint={t('f_doc_reference_hint')}
                  error={rowError('documents', r.key, 'reference')}
                >
                  {(a) => (
                    <input
                      {...a}
                      type="text"
                      maxLength={200}
                      value={r.reference}
                      onInput={(e) => set('documents', patch(d.documents, r.key, { reference: e.currentTarget.value }))}
                    />
                  )}
                </Field>
                {d.documents.length > 1 && (
                  <button type="button" class="secondary danger row-remove" onClick={() => removeRow('documents', r.key)}>
                    {t('ex_doc_remove', { n: i + 1 })}
                  </button>
                )}
              </div>
            </fieldset>
          ))}
          <button type="button" id="ex-documents-add" class="secondary" onClick={() => addRow('documents')}>
            <span aria-hidden="true">+ </span>
            {t('ex_doc_add')}
          </button>
        </Step>

        {/* 2 The information, described precisely */}
        <Step n={2} id="ex-information" legend={t('ex_sec2')}>
          <Field id="ex-title" label={t('f_ex_title')} name="title" required hint={t('f_ex_title_hint')} error={under('test.title')}>
            {(a) => <input {...a} type="text" maxLength={300} value={d.title} onInput={(e) => set('title', e.currentTarget.value)} />}
          </Field>
          <Field
            id="ex-description"
            label={t('f_ex_description')}
            name="description"
            required
            hint={t('f_ex_description_hint')}
            error={under('test.description')}
          >
            {(a) => <textarea {...a} rows={4} maxLength={4000} value={d.description} onInput={(e) => set('description', e.currentTarget.value)} />}
          </Field>
        </Step>

        {/* 3 The legal basis */}
        <Step n={3} id="ex-legalBasis" legend={t('ex_sec3')} hint={t('ex_sec3_hint')} error={exact('test.legalBasis')}>
          <ChoiceGroup id="ex-pasal17" legend={t('ex_pasal17_legend')} layout="column" error={under('test.legalBasis.pasal17')}>
            {PASAL_17.map((l) => (
              <label key={l} class="choice">
                <input
                  type="checkbox"
                  name="pasal17"
                  value={l}
                  checked={d.pasal17.includes(l)}
                  onChange={(e) => set('pasal17', e.currentTarget.checked ? [...d.pasal17, l] : d.pasal17.filter((x) => x !== l))}
                />
                <span>
                  <strong>{t('ex_pasal17_letter', { l })}</strong> <span class="choice-hint">{pick(PASAL_17_TEXT[l])}</span>
                </span>
              </label>
            ))}
          </ChoiceGroup>
          <fieldset id="ex-otherLaws" class={exact('test.legalBasis.otherLaws') ? 'field group-error' : 'field'} aria-describedby="ex-otherLaws-hint">
            <legend>{t('ex_other_laws')}</legend>
            <p id="ex-otherLaws-hint" class="hint">
              {t('ex_other_laws_hint')}
            </p>
            {exact('test.legalBasis.otherLaws') && <p class="field-error">{exact('test.legalBasis.otherLaws')}</p>}
            {d.otherLaws.map((r, i) => (
              <fieldset key={r.key} class="row-set">
                <legend>{t('ex_law_n', { n: i + 1 })}</legend>
                <div class="row-fields">
                  <Field
                    id={`ex-otherLaws-${r.key}-law`}
                    label={t('f_law')}
                    name="law"
                    required
                    hint={t('f_law_hint')}
                    error={rowError('otherLaws', r.key, 'law')}
                  >
                    {(a) => (
                      <input
                        {...a}
                        type="text"
                        maxLength={300}
                        value={r.law}
                        onInput={(e) => set('otherLaws', patch(d.otherLaws, r.key, { law: e.currentTarget.value }))}
                      />
                    )}
                  </Field>
                  <Field
                    id={`ex-otherLaws-${r.key}-article`}
                    label={t('f_article')}
                    name="article"
                    required
                    hint={t('f_article_hint')}
                    error={rowError('otherLaws', r.key, 'article')}
                  >
                    {(a) => (
                      <input
                        {...a}
                        type="text"
                        maxLength={100}
                        value={r.article}
                        onInput={(e) => set('otherLaws', patch(d.otherLaws, r.key, { article: e.currentTarget.value }))}
                      />
                    )}
                  </Field>
                  <button type="button" class="secondary danger row-remove" onClick={() => removeRow('otherLaws', r.key)}>
                    {t('ex_law_remove', { n: i + 1 })}
                  </button>
                </div>
              </fieldset>
            ))}
            <button type="button" id="ex-otherLaws-add" class="secondary" onClick={() => addRow('otherLaws')}>
              <span aria-hidden="true">+ </span>
              {t('ex_law_add')}
            </button>
          </fieldset>
        </Step>

        {/* 4 The consequence if opened, weighed against the public interest */}
        <Step n={4} id="ex-consequence" legend={t('ex_sec4')} error={exact('test.consequence')}>
          <Field id="ex-ifOpened" label={t('f_if_opened')} name="ifOpened" required hint={t('f_if_opened_hint')} error={under('test.consequence.ifOpened')}>
            {(a) => <textarea {...a} rows={4} maxLength={4000} value={d.ifOpened} onInput={(e) => set('ifOpened', e.currentTarget.value)} />}
          </Field>
          <Field
            id="ex-publicInterest"
            label={t('f_public_interest')}
            name="publicInterest"
            required
            hint={t('f_public_interest_hint')}
            error={under('test.consequence.publicInterest')}
          >
            {(a) => <textarea {...a} rows={4} maxLength={4000} value={d.publicInterest} onInput={(e) => set('publicInterest', e.currentTarget.value)} />}
          </Field>
        </Step>

        {/* 5 The period */}
        <Step n={5} id="ex-period" legend={t('ex_sec5')} error={exact('test.period')}>
          <div class="period-row">
            <Field
              id="ex-until"
              label={t('f_until')}
              name="until"
              required={!noLimit}
              hint={t('f_until_hint')}
              error={noLimit ? undefined : under('test.period.until')}
            >
              {(a) => (
                <input
                  {...a}
                  class="date"
                  type="date"
                  min={today}
                  disabled={noLimit}
                  value={noLimit ? '' : d.until}
                  onInput={(e) => set('until', e.currentTarget.value)}
                />
              )}
            </Field>
            <div class="field">
              <label class="check">
                <input
                  type="checkbox"
                  name="noLimit"
                  checked={noLimit}
                  disabled={!noLimitAllowed}
                  aria-describedby="ex-noLimit-hint"
                  onChange={(e) => set('noLimit', e.currentTarget.checked)}
                />
                <span>{t('f_no_limit')}</span>
              </label>
              <p id="ex-noLimit-hint" class="hint">
                {t('f_no_limit_hint')}
              </p>
            </div>
          </div>
        </Step>

        {/* 6 The participants, and the date of the test */}
        <Step n={6} id="ex-participants" legend={t('ex_sec6')} hint={t('ex_sec6_hint')} error={exact('test.participants')}>
          {d.participants.map((r, i) => (
            <fieldset key={r.key} class="row-set">
              <legend>{t('ex_participant_n', { n: i + 1 })}</legend>
              <div class="row-fields">
                <Field
                  id={`ex-participants-${r.key}-name`}
                  label={t('f_participant_name')}
                  name="participantName"
                  required
                  error={rowError('participants', r.key, 'name')}
                >
                  {(a) => (
                    <input
                      {...a}
                      type="text"
                      maxLength={200}
                      value={r.name}
                      onInput={(e) => set('participants', patch(d.participants, r.key, { name: e.currentTarget.value }))}
                    />
                  )}
                </Field>
                <Field
                  id={`ex-participants-${r.key}-position`}
                  label={t('f_participant_position')}
                  name="participantPosition"
                  required
                  error={rowError('participants', r.key, 'position')}
                >
                  {(a) => (
                    <input
                      {...a}
                      type="text"
                      maxLength={200}
                      value={r.position}
                      onInput={(e) => set('participants', patch(d.participants, r.key, { position: e.currentTarget.value }))}
                    />
                  )}
                </Field>
                {d.participants.length > 1 && (
                  <button type="button" class="secondary danger row-remove" onClick={() => removeRow('participants', r.key)}>
                    {t('ex_participant_remove', { n: i + 1 })}
                  </button>
                )}
              </div>
            </fieldset>
          ))}
          <button type="button" id="ex-participants-add" class="secondary" onClick={() => addRow('participants')}>
            <span aria-hidden="true">+ </span>
            {t('ex_participant_add')}
          </button>
          <Field id="ex-testedOn" label={t('f_tested_on')} name="testedOn" hint={t('f_tested_on_hint')} error={under('test.testedOn')}>
            {(a) => <input {...a} class="date" type="date" max={today} value={d.testedOn ?? today} onInput={(e) => set('testedOn', e.currentTarget.value)} />}
          </Field>
        </Step>

        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('ex_submitting') : returned ? t('ex_resubmit') : t('ex_submit')}
          </button>
          <a class="button secondary" href={returned ? `#/exclusions/${returned.exclusionId}` : '#/exclusions'}>
            {t('cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}

function patch<R extends { key: number }>(rows: R[], key: number, change: Partial<R>): R[] {
  return rows.map((r) => (r.key === key ? { ...r, ...change } : r));
}

/** The bilingual text of a catalogue key (for a refusal the browser adds beside the server's). */
function translateBoth(key: MessageKey): { id: string; en: string } {
  return { id: translate('id', key), en: translate('en', key) };
}

/** One numbered element of the test: a fieldset whose legend carries its number, with its own refusal. */
function Step(props: { n: number; id: string; legend: string; hint?: string; error?: string; children: ComponentChildren }) {
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <fieldset id={props.id} class={props.error ? 'test-step group-error' : 'test-step'} aria-describedby={describedBy || undefined}>
      <legend>
        <span class="step-no" aria-hidden="true">
          {props.n}
        </span>
        <span class="visually-hidden">{props.n}. </span>
        {props.legend}
      </legend>
      {props.hint && (
        <p id={hintId} class="hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={errorId} class="field-error">
          {props.error}
        </p>
      )}
      {props.children}
    </fieldset>
  );
}

// ─── the list of refusals at the top ────────────────────────────────────────────────────────────

const ROW_LISTS: Record<string, { list: keyof Sent; label: MessageKey }> = {
  'test.documents': { list: 'documents', label: 'ex_doc_n' },
  'test.legalBasis.otherLaws': { list: 'otherLaws', label: 'ex_law_n' },
  'test.participants': { list: 'participants', label: 'ex_participant_n' },
};
const ROW_FIELDS: Record<string, MessageKey> = {
  title: 'f_doc_title',
  reference: 'f_doc_reference',
  law: 'f_law',
  article: 'f_article',
  name: 'f_participant_name',
  position: 'f_participant_position',
};
const FIELDS: Record<string, { label: MessageKey; target: string }> = {
  agencyId: { label: 'f_agency', target: 'ex-agencyId' },
  'test.documents': { label: 'ex_sec1', target: 'ex-documents' },
  'test.title': { label: 'f_ex_title', target: 'ex-title' },
  'test.description': { label: 'f_ex_description', target: 'ex-description' },
  'test.legalBasis': { label: 'ex_sec3', target: 'ex-legalBasis' },
  'test.legalBasis.pasal17': { label: 'ex_pasal17_legend', target: 'ex-pasal17' },
  'test.legalBasis.otherLaws': { label: 'ex_other_laws', target: 'ex-otherLaws' },
  'test.consequence': { label: 'ex_sec4', target: 'ex-consequence' },
  'test.consequence.ifOpened': { label: 'f_if_opened', target: 'ex-ifOpened' },
  'test.consequence.publicInterest': { label: 'f_public_interest', target: 'ex-publicInterest' },
  'test.period': { label: 'ex_sec5', target: 'ex-period' },
  'test.period.until': { label: 'f_until', target: 'ex-until' },
  'test.participants': { label: 'ex_sec6', target: 'ex-participants' },
  'test.testedOn': { label: 'f_tested_on', target: 'ex-testedOn' },
};

/** The parts of the form from top to bottom: the summary lists the refusals in this order. */
const FORM_ORDER = [
  'agencyId',
  'itemId',
  'renews',
  'test.documents',
  'test.title',
  'test.description',
  'test.legalBasis',
  'test.consequence',
  'test.period',
  'test.participants',
  'test.testedOn',
];

function inFormOrder(errors: FieldError[]): FieldError[] {
  const rank = (f: FieldError) => {
    const i = FORM_ORDER.findIndex((p) => f.field === p || f.field.startsWith(`${p}.`));
    return i < 0 ? FORM_ORDER.length : i;
  };
  // Array.prototype.sort is stable: within a part, the server's order (row by row) is kept.
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

/** Where a refused field is, and what to call it: "Dokumen 2 · Judul dokumen". */
function locate(field: string, sent: Sent, draft: Draft, t: (k: MessageKey, v?: Record<string, string | number>) => string) {
  const row = /^(.*)\.(\d+)(?:\.(\w+))?/.exec(field);
  if (row && ROW_LISTS[row[1]!]) {
    const { list, label } = ROW_LISTS[row[1]!]!;
    const key = sent[list][Number(row[2])];
    const place = key === undefined ? -1 : (draft[list] as { key: number }[]).findIndex((r) => r.key === key);
    const leaf = row[3];
    const name = `${t(label, { n: place + 1 })}${leaf && ROW_FIELDS[leaf] ? ` · ${t(ROW_FIELDS[leaf]!)}` : ''}`;
    return { name, target: key !== undefined && leaf ? `ex-${list}-${key}-${leaf}` : FIELDS[row[1]!]!.target };
  }
  const known = FIELDS[field];
  return known ? { name: t(known.label), target: known.target } : { name: field, target: undefined };
}

function ErrorList({ error, errors, sent, draft }: { error: ApiError | null; errors: FieldError[]; sent: Sent; draft: Draft }) {
  const { t, pick } = useApp();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const focus = (target: string) => {
    const el = document.getElementById(target);
    if (!el) return;
    const control = el.matches('input, select, textarea') ? el : el.querySelector<HTMLElement>('input:not([disabled]), select, textarea');
    (control ?? el).focus();
    el.scrollIntoView({ block: 'center' });
  };
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p>{pick(error.messages)}</p>
      {errors.length > 0 && (
        <>
          <p class="error-summary-intro">{t('ex_errors_intro')}</p>
          <ul>
            {inFormOrder(errors).map((f) => {
              const where = locate(f.field, sent, draft, t);
              return (
                <li key={`${f.field}|${f.messages.id}`}>
                  {where.target ? (
                    <button type="button" class="link" onClick={() => focus(where.target!)}>
                      {where.name}
                    </button>
                  ) : (
                    <strong>{where.name}</strong>
                  )}
                  : {pick(f.messages)}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
