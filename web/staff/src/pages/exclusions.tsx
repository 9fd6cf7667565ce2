/** Informasi Dikecualikan (DIK): the exclusion proposals and the excluded information, newest first (SOP 002). */
import { useApp } from '../context.ts';
import { formatDateTime } from '../format.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import { EXCLUSION_BODY_WIDE, EXCLUSION_PROPOSERS, EXCLUSION_STATES, type Exclusion, type ExclusionState, type Page } from '../types.ts';
import { Field, PageHeader, usePaged } from '../ui.tsx';
import { ExclusionBadge, exStateKey, UntilText } from './exclusion-parts.tsx';
import { AgencyFilter } from './item-parts.tsx';
import { FilterForm, filterQuery, PagedTable, queryFilters, useFilterDraft } from './list-parts.tsx';

const FILTERS = ['agencyId', 'state'] as const;

export function ExclusionsPage({ query }: { query: URLSearchParams }) {
  const { t, lang, api, me, agencyName, agencyTimeZone, go } = useApp();
  const bodyWide = EXCLUSION_BODY_WIDE.includes(me.role);
  const filter = queryFilters(FILTERS, query);
  const key = filterQuery(FILTERS, filter);
  const { draft, set } = useFilterDraft(filter, key);
  const paged = usePaged(
    (cursor) =>
      api.get<Page<Exclusion>>('/exclusions', {
        agencyId: bodyWide ? filter.agencyId || undefined : undefined,
        state: filter.state || undefined,
        cursor,
        limit: '25',
      }),
    [api, key],
  );
  const showAgency = bodyWide && !filter.agencyId;
  const scope = bodyWide ? (filter.agencyId ? agencyName(filter.agencyId) : t('all_agencies')) : agencyName(me.agencyId);
  const columns = showAgency ? 6 : 5;

  return (
    <>
      <PrintLetterhead agencyId={bodyWide ? filter.agencyId || undefined : me.agencyId} />
      <PageHeader title={t('nav_exclusions')} intro={t('exclusions_intro')}>
        {EXCLUSION_PROPOSERS.includes(me.role) && (
          <a class="button primary" href="#/exclusions/new">
            {t('exclusion_add')}
          </a>
        )}
      </PageHeader>
      <FilterForm onSubmit={() => go(`/exclusions?${filterQuery(FILTERS, draft) || 'all=1'}`)}>
        {bodyWide && <AgencyFilter value={draft.agencyId} onChange={(_, v) => set('agencyId', v)} />}
        <Field label={t('f_status')} name="state">
          {(a) => (
            <select {...a} value={draft.state} onChange={(e) => set('state', e.currentTarget.value)}>
              <option value="">{t('all_statuses')}</option>
              {EXCLUSION_STATES.map((s) => (
                <option key={s} value={s}>
                  {t(exStateKey(s))}
                </option>
              ))}
            </select>
          )}
        </Field>
      </FilterForm>
      <PagedTable
        paged={paged}
        class="exclusions-table"
        caption={
          <>
            {t('exclusions_caption')} · {scope}
            {filter.state ? ` · ${t(exStateKey(filter.state as ExclusionState))}` : ''} · {t('shown_count', { n: paged.items.length })}
          </>
        }
        head={
          <>
            <th scope="col">{t('col_dik_number')}</th>
            <th scope="col">{t('col_excluded_info')}</th>
            {showAgency && <th scope="col">{t('f_agency')}</th>}
            <th scope="col">{t('f_status')}</th>
            <th scope="col">{t('col_proposed_at')}</th>
            <th scope="col">{t('col_until')}</th>
          </>
        }
        columns={columns}
      >
        {paged.items.map((ex) => (
          <tr key={ex.exclusionId}>
            <td class="nowrap">{ex.dik ? <code>{ex.dik.number}</code> : '—'}</td>
            <th scope="row">
              <a href={`#/exclusions/${ex.exclusionId}`}>{ex.test.title}</a>
              {ex.itemNumber && <span class="sub-line">{ex.itemNumber}</span>}
            </th>
            {showAgency && <td>{agencyName(ex.agencyId)}</td>}
            <td>
              <ExclusionBadge ex={ex} />
              {ex.round > 1 && <span class="sub-line">{t('round_n', { n: ex.round })}</span>}
            </td>
            <td>
              <time dateTime={ex.proposedAt}>{formatDateTime(lang, ex.proposedAt, agencyTimeZone(ex.agencyId))}</time>
            </td>
            <td>
              <UntilText ex={ex} />
            </td>
          </tr>
        ))}
      </PagedTable>
      <PrintSignature agencyId={bodyWide ? filter.agencyId || undefined : me.agencyId} />
    </>
  );
}
