/** Pieces the information-item screens share: labels of states and categories, badges, DIP columns. */
import type { ComponentChildren } from 'preact';
import { useApp } from '../context.ts';
import { formatDateTime, formatDuration, formatTimeLeft } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { CATEGORIES, type Category, type Format, type Item, type ItemContent, type ItemDeadline, type Publication, type WorkingState } from '../types.ts';
import { Field, useNow } from '../ui.tsx';
import { sortAgencies } from './agencies.tsx';

export const stateKey = (s: WorkingState) => `state_${s}` as MessageKey;
export const publicationKey = (p: Publication) => `pub_${p}` as MessageKey;
export const categoryKey = (c: Category) => `cat_${c}` as MessageKey;
export const formatKey = (f: Format) => `fmt_${f}` as MessageKey;

/** The working state and the publication as readable badges; the same fact is never shown twice. */
export function StatusBadges({ item }: { item: Pick<Item, 'status' | 'publication'> }) {
  const { t } = useApp();
  const showState = !(item.status === 'published' && item.publication !== 'none');
  return (
    <span class="badges">
      {showState && <span class={`badge state-${item.status}`}>{t(stateKey(item.status))}</span>}
      {item.publication !== 'none' && <span class={`badge pub-${item.publication}`}>{t(publicationKey(item.publication))}</span>}
    </span>
  );
}

export function formatsText(t: (k: MessageKey) => string, formats: readonly Format[]): string {
  return formats.map((f) => t(formatKey(f))).join(', ');
}

/** The DIP columns in the order of Perki 1/2010 (1 Nomor is the item's number), then the rest. */
export const CONTENT_ROWS: { field: keyof ItemContent; label: MessageKey; long?: boolean }[] = [
  { field: 'title', label: 'f_title' },
  { field: 'summary', label: 'f_summary', long: true },
  { field: 'holder', label: 'f_holder' },
  { field: 'responsible', label: 'f_responsible' },
  { field: 'createdWhen', label: 'f_created_when' },
  { field: 'createdWhere', label: 'f_created_where' },
  { field: 'formats', label: 'f_formats' },
  { field: 'retention', label: 'f_retention' },
  { field: 'category', label: 'f_category' },
  { field: 'year', label: 'f_year' },
  { field: 'tags', label: 'f_tags' },
];

/** One content value as people read it. */
export function ContentValue({ content, field }: { content: ItemContent; field: keyof ItemContent }): ComponentChildren {
  const { t } = useApp();
  switch (field) {
    case 'formats':
      return formatsText(t, content.formats);
    case 'category':
      return t(categoryKey(content.category));
    case 'tags':
      return content.tags.length ? (
        <span class="tags">
          {content.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        </span>
      ) : (
        '—'
      );
    case 'summary':
      return <span class="pre-line">{content.summary}</span>;
    default:
      return String(content[field]);
  }
}

export const sameValue = (a: ItemContent, b: ItemContent, field: keyof ItemContent) => JSON.stringify(a[field]) === JSON.stringify(b[field]);

/**
 * Seconds until a deadline (negative when late), kept current. `timeLeftSeconds` from the server,
 * read at `fetchedAt`, is preferred over the browser's clock.
 */
export function useTimeLeft(deadline: ItemDeadline, timeLeftSeconds?: number, fetchedAt?: number): number {
  const now = useNow(30_000);
  return timeLeftSeconds !== undefined && fetchedAt !== undefined ? timeLeftSeconds - (now - fetchedAt) / 1000 : (Date.parse(deadline.at) - now) / 1000;
}

/**
 * The time left, or how late, as one statement: "3 hari 4 jam lagi"; late, one flag that says by how
 * much: "Terlambat 3 hari kerja" (when the deadline counts working days and one has passed) or
 * "Terlambat 5 menit" / "3 working days overdue", "5 minutes overdue". Every list and inbox uses it.
 */
export function TimeLeft({ seconds, workingDaysLate }: { seconds: number; workingDaysLate?: number }) {
  const { t, lang } = useApp();
  if (seconds >= 0) return <span class="time-left">{formatTimeLeft(lang, seconds)}</span>;
  const late =
    workingDaysLate && workingDaysLate >= 1
      ? workingDaysLate === 1
        ? t('overdue_wd_one')
        : t('overdue_wd', { n: workingDaysLate })
      : t('overdue_by', { d: formatDuration(lang, seconds, 60) });
  return (
    <span class="time-left overdue">
      <strong class="overdue-flag">{late}</strong>
    </span>
  );
}

/** The deadline in the agency's own time zone, with how it was computed in a disclosure. */
export function DeadlineWhen({ deadline, agencyId }: { deadline: ItemDeadline; agencyId: string }) {
  const { t, lang, pick, agencyTimeZone } = useApp();
  return (
    <>
      <time class="deadline-when" dateTime={deadline.at}>
        {formatDateTime(lang, deadline.at, agencyTimeZone(agencyId), true)}
      </time>
      <details>
        <summary>{t('deadline_how')}</summary>
        <p class="explanation">{pick(deadline.explanation)}</p>
      </details>
    </>
  );
}

/** A deadline, the time left (or how late), and how it was computed. */
export function Deadline({ deadline, agencyId }: { deadline: ItemDeadline; agencyId: string }) {
  const left = useTimeLeft(deadline);
  return (
    <div class={left < 0 ? 'deadline-box overdue' : 'deadline-box'}>
      <p>
        <TimeLeft seconds={left} />
      </p>
      <DeadlineWhen deadline={deadline} agencyId={agencyId} />
    </div>
  );
}

/** The filter fields the item list and the DIP share: agency, category and year (all optional). */
export type FilterField = 'agencyId' | 'category' | 'year';

/** The agency select of a filter form; `label` and `allLabel` name the field and the no-agency choice where a page says it otherwise. */
export function AgencyFilter({
  value,
  onChange,
  label,
  allLabel,
}: {
  value: string;
  onChange: (field: FilterField, value: string) => void;
  label?: string;
  allLabel?: string;
}) {
  const { t, agencies } = useApp();
  return (
    <Field label={label ?? t('f_agency')} name="agencyId">
      {(a) => (
        <select {...a} value={value} onChange={(e) => onChange('agencyId', e.currentTarget.value)}>
          <option value="">{allLabel ?? t('all_agencies')}</option>
          {sortAgencies(agencies).map((ag) => (
            <option key={ag.id} value={ag.id}>
              {ag.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CategoryYearFilters({ category, year, onChange }: { category: string; year: string; onChange: (field: FilterField, value: string) => void }) {
  const { t } = useApp();
  return (
    <>
      <Field label={t('f_category')} name="category">
        {(a) => (
          <select {...a} value={category} onChange={(e) => onChange('category', e.currentTarget.value)}>
            <option value="">{t('all_categories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(categoryKey(c))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('f_year')} name="year">
        {(a) => (
          <input
            {...a}
            class="narrow"
            type="number"
            min={1945}
            max={2100}
            inputMode="numeric"
            value={year}
            onInput={(e) => onChange('year', e.currentTarget.value)}
          />
        )}
      </Field>
    </>
  );
}
