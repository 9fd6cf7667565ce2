/** DIP PPID Utama: the consolidated Public Information List with the Perki columns; prints on A4 landscape. */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import type { Page, PublishedVersion } from '../types.ts';
import { PageHeader, usePaged } from '../ui.tsx';
import { AgencyFilter, CategoryYearFilters, categoryKey, formatsText } from './item-parts.tsx';
import { FilterForm, PagedTable } from './list-parts.tsx';

interface DipFilter {
  agencyId: string;
  category: string;
  year: string;
}

/** While this page is shown, printing uses A4 landscape (app.css `body.print-landscape`). */
function useLandscapePrint() {
  useEffect(() => {
    document.body.classList.add('print-landscape');
    return () => document.body.classList.remove('print-landscape');
  }, []);
}

export function DipPage() {
  const { t, api, me, bodyWide, agencyName } = useApp();
  const [draft, setDraft] = useState<DipFilter>({ agencyId: '', category: '', year: '' });
  const [filter, setFilter] = useState(draft);
  useLandscapePrint();
  const paged = usePaged(
    (cursor) =>
      api.get<Page<PublishedVersion>>('/dip', {
        agencyId: filter.agencyId || undefined,
        category: filter.category || undefined,
        year: filter.year || undefined,
        cursor,
        limit: '50',
      }),
    [api, filter.agencyId, filter.category, filter.year],
  );
  const scope = [
    filter.agencyId ? agencyName(filter.agencyId) : t('all_agencies'),
    filter.category ? t(categoryKey(filter.category as PublishedVersion['content']['category'])) : '',
    filter.year,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PrintLetterhead agencyId={filter.agencyId || undefined} />
      <PageHeader title={t('nav_dip')} intro={t('dip_intro')} />
      <FilterForm onSubmit={() => setFilter({ ...draft })}>
        <AgencyFilter value={draft.agencyId} onChange={(k, v) => setDraft({ ...draft, [k]: v })} />
        <CategoryYearFilters category={draft.category} year={draft.year} onChange={(k, v) => setDraft({ ...draft, [k]: v })} />
      </FilterForm>
      <PagedTable
        paged={paged}
        class="dip"
        caption={
          <>
            {t('dip_caption')} · {scope} · {t('shown_count', { n: paged.items.length })}
          </>
        }
        head={
          <>
            <th scope="col">{t('dip_col_no')}</th>
            <th scope="col">{t('dip_col_summary')}</th>
            <th scope="col">{t('dip_col_holder')}</th>
            <th scope="col">{t('dip_col_responsible')}</th>
            <th scope="col">{t('dip_col_when_where')}</th>
            <th scope="col">{t('dip_col_formats')}</th>
            <th scope="col">{t('dip_col_retention')}</th>
            <th scope="col">{t('dip_col_category')}</th>
            <th scope="col">{t('f_agency')}</th>
          </>
        }
        columns={9}
      >
        {paged.items.map((d, i) => (
          <tr key={d.itemId}>
            <td class="nowrap">
              {i + 1}
              <span class="sub-line">
                <code>{d.number}</code>
              </span>
            </td>
            <td class="dip-summary">
              {bodyWide || d.agencyId === me.agencyId ? (
                <a href={`#/items/${d.itemId}`} class="dip-title">
                  {d.content.title}
                </a>
              ) : (
                <strong class="dip-title">{d.content.title}</strong>
              )}
              <span class="sub-line pre-line">{d.content.summary}</span>
            </td>
            <td>{d.content.holder}</td>
            <td>{d.content.responsible}</td>
            <td>
              {d.content.createdWhere}, {d.content.createdWhen}
            </td>
            <td>{formatsText(t, d.content.formats)}</td>
            <td>{d.content.retention}</td>
            <td>{t(categoryKey(d.content.category))}</td>
            <td>{agencyName(d.agencyId)}</td>
          </tr>
        ))}
      </PagedTable>
      <PrintSignature agencyId={filter.agencyId || undefined} />
    </>
  );
}
