/** Informasi: the information items of an agency (for PPID Utama and admin: every agency's, filterable by agency and status). */
import { useApp } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import { EDITORS, type Item, type Page, PUBLICATIONS, WORKING_STATES } from '../types.ts';
import { ErrorMessage, Field, Loading, LoadMore, PageHeader, usePaged } from '../ui.tsx';
import { AgencyFilter, CategoryYearFilters, categoryKey, publicationKey, StatusBadges, stateKey } from './item-parts.tsx';
import { FilterForm, filterQuery, queryFilters, useFilterDraft } from './list-parts.tsx';

const FILTERS = ['agencyId', 'status', 'publication', 'category', 'year'] as const;

export function ItemsPage({ query }: { query: URLSearchParams }) {
  const { t, lang, api, me, bodyWide, agencyName, agencyTimeZone, go } = useApp();
  // PPID Utama and the admin start with every agency's items, in the DIP's order (agency, then number).
  const filter = queryFilters(FILTERS, query);
  const key = filterQuery(FILTERS, filter);
  const { draft, set } = useFilterDraft(filter, key);
  const paged = usePaged(
    (cursor) =>
      api.get<Page<Item>>('/items', {
        agencyId: bodyWide ? filter.agencyId || undefined : undefined,
        status: filter.status || undefined,
        publication: filter.publication || undefined,
        category: filter.category || undefined,
        year: filter.year || undefined,
        cursor,
        limit: '25',
      }),
    [api, key],
  );
  const showAgency = bodyWide && !filter.agencyId;
  const scope = bodyWide ? (filter.agencyId ? agencyName(filter.agencyId) : t('all_agencies')) : agencyName(me.agencyId);

  return (
    <>
      <PrintLetterhead agencyId={bodyWide ? filter.agencyId || undefined : me.agencyId} />
      <PageHeader title={t('nav_items')} intro={t('items_intro')}>
        {EDITORS.includes(me.role) && (
          <>
            <a class="button primary" href="#/items/new">
              {t('item_add')}
            </a>
            <a class="button secondary" href="#/items/import">
              {t('im_open')}
            </a>
          </>
        )}
      </PageHeader>
      <FilterForm onSubmit={() => go(`/items${filterQuery(FILTERS, draft) ? `?${filterQuery(FILTERS, draft)}` : ''}`)}>
        {bodyWide && <AgencyFilter value={draft.agencyId} onChange={set} />}
        <Field label={t('f_status')} name="status">
          {(a) => (
            <select {...a} value={draft.status} onChange={(e) => set('status', e.currentTarget.value)}>
              <option value="">{t('all_statuses')}</option>
              {WORKING_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(stateKey(s))}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('f_publication')} name="publication">
          {(a) => (
            <select {...a} value={draft.publication} onChange={(e) => set('publication', e.currentTarget.value)}>
              <option value="">{t('all_publications')}</option>
              {PUBLICATIONS.map((p) => (
                <option key={p} value={p}>
                  {t(publicationKey(p))}
                </option>
              ))}
            </select>
          )}
        </Field>
        <CategoryYearFilters category={draft.category} year={draft.year} onChange={set} />
      </FilterForm>

      <ErrorMessage error={paged.error} />
      {paged.loading && paged.items.length === 0 ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table class="items-table">
            <caption>
              {t('items_caption')} · {scope}
              {filter.status ? ` · ${t(stateKey(filter.status as Item['status']))}` : ''} · {t('shown_count', { n: paged.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('col_number')}</th>
                <th scope="col">{t('col_title')}</th>
                {showAgency && <th scope="col">{t('f_agency')}</th>}
                <th scope="col">{t('f_category')}</th>
                <th scope="col">{t('f_year')}</th>
                <th scope="col">{t('f_status')}</th>
                <th scope="col">{t('col_updated')}</th>
              </tr>
            </thead>
            <tbody>
              {paged.items.length === 0 && (
                <tr>
                  <td colSpan={showAgency ? 7 : 6}>{paged.hasMore ? t('page_empty_more') : t('empty')}</td>
                </tr>
              )}
              {paged.items.map((it) => (
                <tr key={it.itemId}>
                  <td class="nowrap">
                    <code>{it.number}</code>
                  </td>
                  <th scope="row">
                    <a href={`#/items/${it.itemId}`}>{it.current.content.title}</a>
                  </th>
                  {showAgency && <td>{agencyName(it.agencyId)}</td>}
                  <td>{t(categoryKey(it.current.content.category))}</td>
                  <td>{it.current.content.year}</td>
                  <td>
                    <StatusBadges item={it} />
                  </td>
                  <td>
                    <time dateTime={it.updatedAt}>{formatDateTime(lang, it.updatedAt, agencyTimeZone(it.agencyId))}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore paged={paged} />
      <PrintSignature agencyId={bodyWide ? filter.agencyId || undefined : me.agencyId} />
    </>
  );
}
