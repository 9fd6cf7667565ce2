/**
 * Permohonan informasi: the requests, newest number first, with the state, who holds them now and
 * the countdown to the written notice's deadline (UU 14/2008 Pasal 22: 10 working days, 17 after the
 * extension) in working days and in words. Body-wide readers filter by SKPD; an SKPD sees the
 * requests routed to it (and a desk the ones it registered).
 */
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import { type InfoRequest, type Page, REQUEST_BODY_READERS, REQUEST_BOOK_ROLES, REQUEST_REGISTRARS } from '../types.ts';
import { PageHeader, usePaged } from '../ui.tsx';
import { AgencyFilter } from './item-parts.tsx';
import { FilterForm, filterQuery, PagedTable, queryFilters, useFilterDraft, YearFilter } from './list-parts.tsx';
import { channelKey, RequestStateBadge, WorkingDaysLeft, whenInWords } from './request-parts.tsx';

const FILTERS = ['agencyId', 'year'] as const;

export function RequestsPage({ query }: { query: URLSearchParams }) {
  const { t, lang, api, me, agencyName, timeZone, go } = useApp();
  const bodyWide = REQUEST_BODY_READERS.includes(me.role);
  const filter = queryFilters(FILTERS, query);
  const key = filterQuery(FILTERS, filter);
  const { draft, set } = useFilterDraft(filter, key);
  const paged = usePaged(
    (cursor) =>
      api.get<Page<InfoRequest>>('/requests', {
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
      <PageHeader title={t('nav_requests')} intro={t(bodyWide ? 'rq_list_intro_body' : 'rq_list_intro_agency')}>
        {REQUEST_REGISTRARS.includes(me.role) && (
          <a class="button primary" href="#/requests/new">
            {t('rq_register')}
          </a>
        )}
        {REQUEST_BOOK_ROLES.includes(me.role) && (
          <a class="button secondary" href="#/requests/book">
            {t('rq_book_title')}
          </a>
        )}
      </PageHeader>
      <FilterForm onSubmit={() => go(`/requests?${filterQuery(FILTERS, draft) || 'all=1'}`)}>
        {bodyWide && <AgencyFilter value={draft.agencyId} onChange={(_, v) => set('agencyId', v)} />}
        <YearFilter value={draft.year} onChange={(v) => set('year', v)} hint={t('rq_year_hint')} />
      </FilterForm>
      <PagedTable
        paged={paged}
        class="requests-table"
        caption={
          <>
            {t('rq_list_caption')} · {scope}
            {filter.year ? ` · ${filter.year}` : ''} · {t('shown_count', { n: paged.items.length })}
          </>
        }
        head={
          <>
            <th scope="col">{t('col_number')}</th>
            <th scope="col">{t('rq_col_information')}</th>
            <th scope="col">{t('rq_col_received')}</th>
            <th scope="col">{t('f_status')}</th>
            <th scope="col">{t('col_deadline')}</th>
          </>
        }
        columns={5}
      >
        {paged.items.map((r) => (
          <tr key={r.requestId}>
            <td class="nowrap" data-label={t('col_number')}>
              <code>{r.number}</code>
            </td>
            <th scope="row">
              <a href={`#/requests/${r.requestId}`}>{r.content.information.length > 160 ? `${r.content.information.slice(0, 157)}…` : r.content.information}</a>
            </th>
            <td data-label={t('rq_col_received')}>
              <time dateTime={r.receivedOn}>{formatDate(lang, r.receivedOn)}</time>
              <span class="sub-line">{t(channelKey(r.channel))}</span>
            </td>
            <td data-label={t('f_status')}>
              <RequestStateBadge r={r} />
              {r.state === 'routed' && <span class="sub-line">{waitingText(r, agencyName, t)}</span>}
            </td>
            <td data-label={t('col_deadline')}>
              {r.notice ? (
                <span class="muted">{t('rq_notice_on', { at: whenInWords(lang, r.notice.issuedAt, timeZone) })}</span>
              ) : (
                <>
                  <time dateTime={r.deadline.at}>{formatDate(lang, r.deadline.local.slice(0, 10))}</time>
                  {r.extension && <span class="sub-line">{t('rq_extended_badge')}</span>}
                  <span class="sub-line">
                    <WorkingDaysLeft deadline={r.deadline} />
                  </span>
                </>
              )}
            </td>
          </tr>
        ))}
      </PagedTable>
      <PrintSignature agencyId={bodyWide ? filter.agencyId || undefined : me.agencyId} />
    </>
  );
}

/** Who a routed request waits for: the SKPDs still to answer, or the notice being issued. */
export function waitingText(r: InfoRequest, agencyName: (id: string) => string, t: ReturnType<typeof useApp>['t']): string {
  const open = r.parts.filter((p) => !p.answer).map((p) => agencyName(p.agencyId));
  return open.length ? t('rq_waiting_for', { who: open.join(', ') }) : t('rq_notice_pending');
}
