/**
 * What the list pages share: filters kept in the address with the draft the form edits, the filter
 * form with its "Show" button, the year filter, and the table read page by page (loading, the empty
 * row, "load more").
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { ErrorMessage, Field, Loading, LoadMore } from '../ui.tsx';

export type Filters<K extends string> = Record<K, string>;

/** The filters in the address (`#/requests?agencyId=…&year=…`), '' where not given. */
export const queryFilters = <K extends string>(keys: readonly K[], query: URLSearchParams): Filters<K> =>
  Object.fromEntries(keys.map((k) => [k, query.get(k) ?? ''])) as Filters<K>;

/** The filters given, as the address's query. */
export function filterQuery<K extends string>(keys: readonly K[], f: Filters<K>): string {
  const q = new URLSearchParams();
  for (const k of keys) if (f[k]) q.set(k, f[k]);
  return q.toString();
}

/** The draft the filter form edits; when the hash changes (back button, a link), the form follows it. */
export function useFilterDraft<K extends string>(filter: Filters<K>, key: string) {
  const [draft, setDraft] = useState<Filters<K>>(filter);
  useEffect(() => setDraft(filter), [key]);
  const set = (k: K, v: string) => setDraft({ ...draft, [k]: v });
  return { draft, set };
}

/** The filter form: its fields, "Show", and what follows the button (a note). */
export function FilterForm({ onSubmit, children, after }: { onSubmit: () => void; children: ComponentChildren; after?: ComponentChildren }) {
  const { t } = useApp();
  return (
    <form
      class="filters no-print"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <button type="submit" class="secondary">
        {t('show')}
      </button>
      {after}
    </form>
  );
}

/** The year of registration (or filing) to list. */
export function YearFilter({ value, onChange, hint }: { value: string; onChange: (v: string) => void; hint?: string }) {
  const { t } = useApp();
  return (
    <Field label={t('f_year')} name="year" hint={hint}>
      {(a) => (
        <input {...a} class="narrow" type="number" min={2000} max={2100} inputMode="numeric" value={value} onInput={(e) => onChange(e.currentTarget.value)} />
      )}
    </Field>
  );
}

/**
 * A list read page by page, as a table: its error, loading while nothing is shown, the caption, the
 * column headers, the rows or one row saying there are none (or none on this page), and "load more".
 */
export function PagedTable(props: {
  paged: { items: readonly unknown[]; hasMore: boolean; loading: boolean; error: unknown; loadMore: () => Promise<void> };
  class?: string;
  caption: ComponentChildren;
  head: ComponentChildren;
  columns: number;
  children: ComponentChildren;
}) {
  const { t } = useApp();
  const { paged } = props;
  return (
    <>
      <ErrorMessage error={paged.error} />
      {paged.loading && paged.items.length === 0 ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table class={props.class}>
            <caption>{props.caption}</caption>
            <thead>
              <tr>{props.head}</tr>
            </thead>
            <tbody>
              {paged.items.length === 0 && (
                <tr>
                  <td colSpan={props.columns}>{paged.hasMore ? t('page_empty_more') : t('empty')}</td>
                </tr>
              )}
              {props.children}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore paged={paged} />
    </>
  );
}
