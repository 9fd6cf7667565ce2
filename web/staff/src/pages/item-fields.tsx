/**
 * The DIP columns of an information item as form fields (ItemContent: title, summary, holder,
 * responsible, when and where made, formats, retention, category, year, tags), shared by the item
 * form (Tambah / Ubah informasi) and PPID Utama's row correction in SOP 004's review.
 */
import type { ComponentChildren } from 'preact';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import { CATEGORIES, type Category, FORMATS, type Format, type ItemContent } from '../types.ts';
import { ChoiceGroup, Field } from '../ui.tsx';
import { categoryKey, formatKey } from './item-parts.tsx';

export const CONTENT_FIELDS = [
  'title',
  'summary',
  'holder',
  'responsible',
  'createdWhen',
  'createdWhere',
  'formats',
  'retention',
  'category',
  'year',
  'tags',
] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

/** The catalogue's message for a refused field: it names the rule to follow. */
export const contentErrorKey = (f: ContentField) => `err_${f}` as MessageKey;

/** The form's values: text as typed, turned into ItemContent only when sent. */
export interface ItemDraft {
  title: string;
  summary: string;
  holder: string;
  responsible: string;
  createdWhen: string;
  createdWhere: string;
  formats: Format[];
  retention: string;
  category: Category | '';
  year: string;
  tags: string;
}

export function draftOf(c?: ItemContent): ItemDraft {
  return {
    title: c?.title ?? '',
    summary: c?.summary ?? '',
    holder: c?.holder ?? '',
    responsible: c?.responsible ?? '',
    createdWhen: c?.createdWhen ?? '',
    createdWhere: c?.createdWhere ?? '',
    formats: c?.formats ?? [],
    retention: c?.retention ?? '',
    category: c?.category ?? '',
    year: c ? String(c.year) : String(new Date().getFullYear()),
    tags: c?.tags.join(', ') ?? '',
  };
}

/** What the API gets; empty values are left out so that it names each missing column. */
export function contentOf(d: ItemDraft): Partial<ItemContent> {
  const year = d.year.trim();
  return {
    title: d.title,
    summary: d.summary,
    holder: d.holder,
    responsible: d.responsible,
    createdWhen: d.createdWhen,
    createdWhere: d.createdWhere,
    formats: FORMATS.filter((f) => d.formats.includes(f)),
    retention: d.retention,
    ...(d.category ? { category: d.category } : {}),
    ...(year ? { year: Number(year) } : {}),
    tags: [
      ...new Set(
        d.tags
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ],
  };
}

interface ItemContentFieldsProps {
  draft: ItemDraft;
  set: <K extends keyof ItemDraft>(k: K, v: ItemDraft[K]) => void;
  /** The message shown at a field the API (or the page) refused. */
  error: (f: ContentField) => string | undefined;
  /** The two section headings (h2) of the item form; left out where the fields sit under another heading. */
  sections?: boolean;
  /**
   * Several editors on one page: each control gets the id `${idPrefix}-${field}` (the fieldset's for
   * formats and category, so that a page can move the focus to it) and the checkboxes and radio buttons
   * their own names.
   */
  idPrefix?: string;
  /** What each label and legend shows, e.g. the field's name on screen and the row it belongs to for a screen reader. */
  label?: (text: string) => ComponentChildren;
}

/** Every DIP column as a labelled field, with its hint and error. */
export function ItemContentFields({ draft: d, set, error: err, sections, idPrefix, label = (text) => text }: ItemContentFieldsProps) {
  const { t } = useApp();
  const id = (f: ContentField) => (idPrefix ? `${idPrefix}-${f}` : undefined);
  const name = (f: ContentField) => (idPrefix ? `${idPrefix}-${f}` : f);
  return (
    <>
      {sections && <h2 class="form-section">{t('section_dip_columns')}</h2>}
      <Field id={id('title')} label={label(t('f_title'))} name={name('title')} required error={err('title')}>
        {(a) => <input {...a} type="text" maxLength={300} value={d.title} onInput={(e) => set('title', e.currentTarget.value)} />}
      </Field>
      <Field id={id('summary')} label={label(t('f_summary'))} name={name('summary')} required hint={t('f_summary_hint')} error={err('summary')}>
        {(a) => <textarea {...a} rows={5} maxLength={4000} value={d.summary} onInput={(e) => set('summary', e.currentTarget.value)} />}
      </Field>
      <div class="grid two">
        <Field id={id('holder')} label={label(t('f_holder'))} name={name('holder')} required hint={t('f_holder_hint')} error={err('holder')}>
          {(a) => <input {...a} type="text" maxLength={200} value={d.holder} onInput={(e) => set('holder', e.currentTarget.value)} />}
        </Field>
        <Field
          id={id('responsible')}
          label={label(t('f_responsible'))}
          name={name('responsible')}
          required
          hint={t('f_responsible_hint')}
          error={err('responsible')}
        >
          {(a) => <input {...a} type="text" maxLength={200} value={d.responsible} onInput={(e) => set('responsible', e.currentTarget.value)} />}
        </Field>
        <Field
          id={id('createdWhen')}
          label={label(t('f_created_when'))}
          name={name('createdWhen')}
          required
          hint={t('f_created_when_hint')}
          error={err('createdWhen')}
        >
          {(a) => <input {...a} type="text" maxLength={100} value={d.createdWhen} onInput={(e) => set('createdWhen', e.currentTarget.value)} />}
        </Field>
        <Field
          id={id('createdWhere')}
          label={label(t('f_created_where'))}
          name={name('createdWhere')}
          required
          hint={t('f_created_where_hint')}
          error={err('createdWhere')}
        >
          {(a) => <input {...a} type="text" maxLength={200} value={d.createdWhere} onInput={(e) => set('createdWhere', e.currentTarget.value)} />}
        </Field>
      </div>
      <div class="grid two">
        <ChoiceGroup id={id('formats')} legend={label(t('f_formats'))} required hint={t('f_formats_hint')} error={err('formats')}>
          {FORMATS.map((f) => (
            <label key={f} class="check">
              <input
                type="checkbox"
                name={name('formats')}
                value={f}
                checked={d.formats.includes(f)}
                onChange={(e) => set('formats', e.currentTarget.checked ? [...d.formats, f] : d.formats.filter((x) => x !== f))}
              />
              <span>
                {t(formatKey(f))} <span class="muted">({t(`fmt_${f}_hint` as MessageKey)})</span>
              </span>
            </label>
          ))}
        </ChoiceGroup>
        <Field id={id('retention')} label={label(t('f_retention'))} name={name('retention')} required hint={t('f_retention_hint')} error={err('retention')}>
          {(a) => <input {...a} type="text" maxLength={100} value={d.retention} onInput={(e) => set('retention', e.currentTarget.value)} />}
        </Field>
      </div>
      {sections && <h2 class="form-section">{t('section_classification')}</h2>}
      <ChoiceGroup id={id('category')} legend={label(t('f_category'))} required error={err('category')} layout="column">
        {CATEGORIES.map((c) => (
          <label key={c} class="choice">
            <input type="radio" name={name('category')} value={c} checked={d.category === c} onChange={() => set('category', c)} />
            <span>
              <strong>{t(categoryKey(c))}</strong>
              <span class="choice-hint">{t(`cat_${c}_hint` as MessageKey)}</span>
            </span>
          </label>
        ))}
      </ChoiceGroup>
      <div class="grid two">
        <Field id={id('year')} label={label(t('f_year'))} name={name('year')} required hint={t('f_year_hint')} error={err('year')}>
          {(a) => (
            <input
              {...a}
              class="narrow"
              type="number"
              min={1945}
              max={2100}
              inputMode="numeric"
              value={d.year}
              onInput={(e) => set('year', e.currentTarget.value)}
            />
          )}
        </Field>
        <Field id={id('tags')} label={label(t('f_tags'))} name={name('tags')} hint={t('f_tags_hint')} error={err('tags')}>
          {(a) => <input {...a} type="text" value={d.tags} onInput={(e) => set('tags', e.currentTarget.value)} />}
        </Field>
      </div>
    </>
  );
}

/** Moves the focus to a field by id; for a fieldset (formats, category), to its first control. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  const target = el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input, select, textarea') : el;
  target?.focus();
}
