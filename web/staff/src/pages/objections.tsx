/**
 * Keberatan: the objections to the Atasan PPID, newest number first, with the request objected to,
 * the date received, the grounds (Pasal 35(1) letters, their text on hover), the state and the
 * countdown to the Atasan PPID's written response (30 working days, Pasal 36(2)) in working days and
 * in words, overdue flagged. Body-wide readers filter by SKPD; an SKPD sees the objections on
 * requests routed to it.
 */
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import { OBJECTION_BODY_READERS, OBJECTION_REGISTRARS, type Objection, type Page } from '../types.ts';
import { PageHeader, usePaged } from '../ui.tsx';
import { AgencyFilter } from './item-parts.tsx';
import { FilterForm, filterQuery, PagedTable, queryFilters, useFilterDraft, YearFilter } from './list-parts.tsx';
import { GroundLetters, ObjectionStateBadge, useBodyZone } from './objection-parts.tsx';
import { channelKey, WorkingDaysLeft, whenInWords } from './request-parts.tsx';

const FILTERS = ['agencyId', 'year'] as const;

export function ObjectionsPage({ query }: { query: URLSearchParams }) {
  const { t, lang, api, me, agencyName, go } = useApp();
  const zone = useBodyZone();
  const bodyWide = OBJECTION_BODY_READERS.includes(me.role);
  const filter = queryFilters(FILTERS, query);
  const key = filterQuery(FILTERS, filter);
  const { draft, set } = useFilterDraft(filter, key);
  const paged = usePaged(
    (cursor) =>
      api.get<Page<Objection>>('/objections', {
        agencyId: bodyWide ? filter.agencyId || undefined : undefined,
        year: filter.year || undefined,
        cursor,
        limit: '25',
      }),
    [api, key],
  );
  const scope = bodyWide ? (filter.agencyId ? agencyName(filter.agencyId) : t('all_agencies')) : agencyName(me.agencyId);

  return (
    <>
      <PrintLetterhead agencyId={bodyWide ? filter.agencyId || undefined : me.agencyId} />
      <PageHeader title={t('nav_objections')} intro={t(bodyWide ? 'obj_list_intro_body' : 'obj_list_intro_agency')}>
        {OBJECTION_REGISTRARS.includes(me.role) && (
          <a class="button primary" href="#/objections/new">
            {t('obj_register')}
          </a>
        )}
      </PageHeader>
      <FilterForm onSubmit={() => go(`/objections?${filterQuery(FILTERS, draft) || 'all=1'}`)}>
        {bodyWide && <AgencyFilter value={draft.agencyId} onChange={(_, v) => set('agencyId', v)} />}
        <YearFilter value={draft.year} onChange={(v) => set('year', v)} hint={t('obj_year_hint')} />
      </FilterForm>
      <PagedTable
        paged={paged}
        class="objections-table"
        caption={
          <>
            {t('obj_list_caption')} · {scope}
            {filter.year ? ` · ${filter.year}` : ''} · {t('shown_count', { n: paged.items.length })}
          </>
        }
        head={
          <>
            <th scope="col">{t('col_number')}</th>
            <th scope="col">{t('obj_information')}</th>
            <th scope="col">{t('obj_col_received')}</th>
            <th scope="col">{t('obj_col_grounds')}</th>
            <th scope="col">{t('f_status')}</th>
            <th scope="col">{t('obj_col_deadline')}</th>
          </>
        }
        columns={6}
      >
        {paged.items.map((o) => {
          const overdue = !o.response && Date.parse(o.deadline.at) < Date.now();
          return (
            <tr key={o.objectionId} class={overdue ? 'overdue-row' : undefined}>
              <td class="nowrap" data-label={t('col_number')}>
                <code>{o.number}</code>
                <span class="sub-line">
                  {o.requestNumber ? (
                    <>
                      {t('obj_col_request')} <code>{o.requestNumber}</code>
                    </>
                  ) : (
                    t('obj_no_request')
                  )}
                </span>
              </td>
              <th scope="row">
                <a href={`#/objections/${o.objectionId}`}>{o.information.length > 160 ? `${o.information.slice(0, 157)}…` : o.information}</a>
              </th>
              <td data-label={t('obj_col_received')}>
                <time dateTime={o.receivedOn}>{formatDate(lang, o.receivedOn)}</time>
                <span class="sub-line">{t(channelKey(o.channel))}</span>
              </td>
              <td data-label={t('obj_col_grounds')}>
                <GroundLetters grounds={o.grounds} />
              </td>
              <td data-label={t('f_status')}>
                <ObjectionStateBadge o={o} />
                {o.followUp && !o.followUp.fulfilled && (
                  <span class="sub-line">{t('obj_followup_due', { date: whenInWords(lang, o.followUp.deadline.at, zone) })}</span>
                )}
              </td>
              <td data-label={t('obj_col_deadline')}>
                {o.response ? (
                  <span class="muted">{t('obj_responded_on', { at: whenInWords(lang, o.response.at, zone) })}</span>
                ) : (
                  <>
                    <time dateTime={o.deadline.at}>{whenInWords(lang, o.deadline.at, zone)}</time>
                    <span class="sub-line">
                      <WorkingDaysLeft deadline={o.deadline} />
                    </span>
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </PagedTable>
      <PrintSignature agencyId={bodyWide ? filter.agencyId || undefined : me.agencyId} />
    </>
  );
}
