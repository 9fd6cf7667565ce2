/**
 * Sengketa informasi: the disputes at the Komisi Informasi and in court, newest number first, with
 * their state, the request or objection they are about and the next hearing; and the form on which
 * PPID Utama records a new one (functions/core/objections/disputes.ts). Readers: PPID Utama, the
 * admin and the Atasan PPID; writers: PPID Utama and the admin.
 */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import type { Page } from '../types.ts';
import { ErrorSummary, Field, PageHeader, RequiredNote, usePaged, useSubmit } from '../ui.tsx';
import { DISPUTE_WRITERS, type DisputeItem } from './dispute-parts.tsx';
import { FilterForm, PagedTable, YearFilter } from './list-parts.tsx';

export function DisputesPage({ query }: { query: URLSearchParams }) {
  const { t, lang, api, me, go } = useApp();
  const year = query.get('year') ?? '';
  const [draft, setDraft] = useState(year);
  useEffect(() => setDraft(year), [year]);
  const paged = usePaged((cursor) => api.get<Page<DisputeItem>>('/disputes', { year: year || undefined, cursor, limit: '25' }), [api, year]);

  return (
    <>
      <PrintLetterhead />
      <PageHeader title={t('nav_disputes')} intro={t('dp_list_intro')}>
        {DISPUTE_WRITERS.includes(me.role) && (
          <a class="button primary" href="#/disputes/new">
            {t('dp_record')}
          </a>
        )}
      </PageHeader>
      <FilterForm onSubmit={() => go(draft ? `/disputes?year=${encodeURIComponent(draft)}` : '/disputes?all=1')}>
        <YearFilter value={draft} onChange={setDraft} hint={t('dp_year_hint')} />
      </FilterForm>
      <PagedTable
        paged={paged}
        class="disputes-table"
        caption={
          <>
            {t('dp_list_caption')}
            {year ? ` · ${year}` : ''} · {t('shown_count', { n: paged.items.length })}
          </>
        }
        head={
          <>
            <th scope="col">{t('col_number')}</th>
            <th scope="col">{t('dp_col_ki')}</th>
            <th scope="col">{t('dp_col_filed')}</th>
            <th scope="col">{t('dp_col_against')}</th>
            <th scope="col">{t('f_status')}</th>
            <th scope="col">{t('dp_col_next')}</th>
          </>
        }
        columns={6}
      >
        {paged.items.map((d) => {
          const next = d.upcomingHearings[0];
          return (
            <tr key={d.disputeId}>
              <td class="nowrap" data-label={t('col_number')}>
                <code>{d.number}</code>
              </td>
              <th scope="row">
                <a href={`#/disputes/${d.disputeId}`}>{d.kiRegisterNumber}</a>
                <span class="sub-line">{d.claim.length > 140 ? `${d.claim.slice(0, 137)}…` : d.claim}</span>
              </th>
              <td data-label={t('dp_col_filed')}>
                <time dateTime={d.filedOn}>{formatDate(lang, d.filedOn)}</time>
              </td>
              <td data-label={t('dp_col_against')}>
                {d.against.requestNumber || d.against.objectionNumber ? (
                  [d.against.requestNumber, d.against.objectionNumber].filter(Boolean).join(' · ')
                ) : (
                  <span class="muted">{t('dp_against_none')}</span>
                )}
              </td>
              <td data-label={t('f_status')}>
                <span class={`badge dispute-${d.state}`}>{t(`dp_state_${d.state}` as MessageKey)}</span>
              </td>
              <td data-label={t('dp_col_next')}>
                {next ? (
                  <>
                    <time dateTime={next.on}>{formatDate(lang, next.on)}</time>
                    {next.time && ` ${next.time}`}
                    <span class="sub-line">{next.agenda}</span>
                  </>
                ) : (
                  <span class="muted">{t('dp_no_hearing')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </PagedTable>
      <PrintSignature />
    </>
  );
}

const FIELDS = ['kiRegisterNumber', 'filedOn', 'claim', 'requestNumber', 'objectionNumber', 'note'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;

/** PPID Utama records a dispute filed at the Komisi Informasi. */
export function DisputeFormPage() {
  const { t, api, go } = useApp();
  const [d, setD] = useState<Draft>({ kiRegisterNumber: '', filedOn: '', claim: '', requestNumber: '', objectionNumber: '', note: '' });
  const submit = useSubmit(FIELDS);
  const set = (k: keyof Draft, v: string) => setD({ ...d, [k]: v });
  const f = submit.fieldError;
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);

  return (
    <>
      <p class="breadcrumb no-print">
        <a href="#/disputes">{t('dp_back')}</a>
      </p>
      <PageHeader title={t('dp_form_title')} intro={t('dp_form_intro')} />
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit.run(async () => {
            const created = await api.send<DisputeItem>('POST', '/disputes', {
              kiRegisterNumber: d.kiRegisterNumber,
              filedOn: d.filedOn,
              claim: d.claim,
              requestNumber: optional(d.requestNumber),
              objectionNumber: optional(d.objectionNumber),
              note: optional(d.note),
            });
            go(`/disputes/${created.disputeId}`, t('dp_recorded', { number: created.number }));
          });
        }}
      >
        <ErrorSummary error={submit.error} others={submit.otherErrors} />
        <RequiredNote />
        <Field id="dp-ki" label={t('f_dp_ki')} name="kiRegisterNumber" required hint={t('f_dp_ki_hint')} error={f('kiRegisterNumber')}>
          {(a) => <input {...a} type="text" maxLength={120} value={d.kiRegisterNumber} onInput={(e) => set('kiRegisterNumber', e.currentTarget.value)} />}
        </Field>
        <Field id="dp-filed" label={t('f_dp_filed')} name="filedOn" required hint={t('f_dp_filed_hint')} error={f('filedOn')}>
          {(a) => <input {...a} class="medium" type="date" value={d.filedOn} onInput={(e) => set('filedOn', e.currentTarget.value)} />}
        </Field>
        <Field id="dp-claim" label={t('f_dp_claim')} name="claim" required error={f('claim')}>
          {(a) => <textarea {...a} rows={5} maxLength={4000} value={d.claim} onInput={(e) => set('claim', e.currentTarget.value)} />}
        </Field>
        <div class="grid two">
          <Field id="dp-request" label={t('f_dp_request')} name="requestNumber" hint={t('f_dp_request_hint')} error={f('requestNumber')}>
            {(a) => <input {...a} type="text" maxLength={40} value={d.requestNumber} onInput={(e) => set('requestNumber', e.currentTarget.value)} />}
          </Field>
          <Field id="dp-objection" label={t('f_dp_objection')} name="objectionNumber" hint={t('f_dp_objection_hint')} error={f('objectionNumber')}>
            {(a) => <input {...a} type="text" maxLength={40} value={d.objectionNumber} onInput={(e) => set('objectionNumber', e.currentTarget.value)} />}
          </Field>
        </div>
        <Field id="dp-note" label={t('f_dp_note')} name="note" error={f('note')}>
          {(a) => <textarea {...a} rows={2} maxLength={1000} value={d.note} onInput={(e) => set('note', e.currentTarget.value)} />}
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('dp_record')}
          </button>
          <a class="button secondary" href="#/disputes">
            {t('cancel')}
          </a>
        </div>
      </form>
    </>
  );
}
