/** Tambah / Ubah informasi: every DIP column of an information item. */
import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import { CATEGORIES, type Category, FORMATS, type Format, type Item, type ItemContent } from '../types.ts';
import { ChoiceGroup, ErrorMessage, ErrorSummary, Field, Loading, PageHeader, RequiredNote, useLoad, useSubmit } from '../ui.tsx';
import { sortAgencies } from './agencies.tsx';
import { categoryKey, formatKey, stateKey } from './item-parts.tsx';

const CONTENT_FIELDS = [
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
const KNOWN = ['agencyId', ...CONTENT_FIELDS.map((f) => `content.${f}`)];

/** The form's values: text as typed, turned into ItemContent only when sent. */
interface Draft {
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

function draftOf(c?: ItemContent): Draft {
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
function contentOf(d: Draft): Partial<ItemContent> {
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

export function ItemFormPage({ itemId }: { itemId?: string }) {
  const { t, api } = useApp();
  const loaded = useLoad(() => (itemId ? api.get<Item>(`/items/${encodeURIComponent(itemId)}`) : Promise.resolve(undefined)), [api, itemId]);
  const item = loaded.data;
  const title = item ? t('item_edit_title', { number: item.number }) : itemId ? t('act_edit') : t('item_add');
  return (
    <>
      <p class="breadcrumb no-print">
        <a href="#/items">{t('back_to_list')}</a>
        {item && (
          <>
            {' › '}
            <a href={`#/items/${item.itemId}`}>{item.number}</a>
          </>
        )}
      </p>
      <PageHeader title={title} intro={t('item_form_intro')} />
      <ErrorMessage error={loaded.error} />
      {itemId && loaded.loading && !item ? <Loading /> : !itemId || item ? <ItemForm key={item?.version ?? 'new'} item={item} /> : null}
    </>
  );
}

function ItemForm({ item }: { item?: Item }) {
  const { t, api, me, bodyWide, agencies, agencyName, go } = useApp();
  const [d, setD] = useState<Draft>(() => draftOf(item?.current.content));
  const [agencyId, setAgencyId] = useState(item?.agencyId ?? me.agencyId);
  const submit = useSubmit(KNOWN);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((old) => ({ ...old, [k]: v }));
  // Which fields the API refused; the text is the catalogue's, which names the rule to follow.
  const err = (f: (typeof CONTENT_FIELDS)[number]) => (submit.fieldError(`content.${f}`) ? t(`err_${f}` as MessageKey) : undefined);
  const state = item?.current.state;

  if (state === 'submitted' || state === 'approved') {
    return (
      <p class="notice">
        {t('item_not_editable_note', { state: t(stateKey(state)) })} <a href={`#/items/${item!.itemId}`}>{item!.number}</a>
      </p>
    );
  }

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      const content = contentOf(d);
      if (!item) {
        const created = await api.send<Item>('POST', '/items', { ...(bodyWide && agencyId !== me.agencyId ? { agencyId } : {}), content });
        go(`/items/${created.itemId}`, t('item_created', { number: created.number }));
      } else {
        const saved = await api.send<Item>('PUT', `/items/${item.itemId}`, { content, version: item.version });
        go(`/items/${saved.itemId}`, t('item_saved', { number: saved.number }));
      }
    });
  };

  return (
    <section class="panel form-panel" aria-label={item ? t('item_edit_title', { number: item.number }) : t('item_add')}>
      {item && state === 'published' && (
        <p class="notice warn">
          {t('item_edit_published_note', { published: item.published?.versionNo ?? item.current.versionNo, next: item.current.versionNo + 1 })}
        </p>
      )}
      {item && state === 'returned' && item.current.returnReason && (
        <div class="notice danger">
          <p>
            <strong>{t('returned_title')}:</strong> <span class="pre-line">{item.current.returnReason}</span>
          </p>
        </div>
      )}
      <RequiredNote />
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form onSubmit={onSubmit} noValidate>
        {bodyWide && !item && (
          <Field label={t('f_agency')} name="agencyId" required hint={t('f_item_agency_hint')} error={submit.fieldError('agencyId')}>
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
        )}
        {item && (
          <p>
            <strong>{t('f_agency')}:</strong> {agencyName(item.agencyId)}
          </p>
        )}
        <h2 class="form-section">{t('section_dip_columns')}</h2>
        <Field label={t('f_title')} name="title" required error={err('title')}>
          {(a) => <input {...a} type="text" maxLength={300} value={d.title} onInput={(e) => set('title', e.currentTarget.value)} />}
        </Field>
        <Field label={t('f_summary')} name="summary" required hint={t('f_summary_hint')} error={err('summary')}>
          {(a) => <textarea {...a} rows={5} maxLength={4000} value={d.summary} onInput={(e) => set('summary', e.currentTarget.value)} />}
        </Field>
        <div class="grid two">
          <Field label={t('f_holder')} name="holder" required hint={t('f_holder_hint')} error={err('holder')}>
            {(a) => <input {...a} type="text" maxLength={200} value={d.holder} onInput={(e) => set('holder', e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_responsible')} name="responsible" required hint={t('f_responsible_hint')} error={err('responsible')}>
            {(a) => <input {...a} type="text" maxLength={200} value={d.responsible} onInput={(e) => set('responsible', e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_created_when')} name="createdWhen" required hint={t('f_created_when_hint')} error={err('createdWhen')}>
            {(a) => <input {...a} type="text" maxLength={100} value={d.createdWhen} onInput={(e) => set('createdWhen', e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_created_where')} name="createdWhere" required hint={t('f_created_where_hint')} error={err('createdWhere')}>
            {(a) => <input {...a} type="text" maxLength={200} value={d.createdWhere} onInput={(e) => set('createdWhere', e.currentTarget.value)} />}
          </Field>
        </div>
        <div class="grid two">
          <ChoiceGroup legend={t('f_formats')} required hint={t('f_formats_hint')} error={err('formats')}>
            {FORMATS.map((f) => (
              <label key={f} class="check">
                <input
                  type="checkbox"
                  name="formats"
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
          <Field label={t('f_retention')} name="retention" required hint={t('f_retention_hint')} error={err('retention')}>
            {(a) => <input {...a} type="text" maxLength={100} value={d.retention} onInput={(e) => set('retention', e.currentTarget.value)} />}
          </Field>
        </div>
        <h2 class="form-section">{t('section_classification')}</h2>
        <ChoiceGroup legend={t('f_category')} required error={err('category')} layout="column">
          {CATEGORIES.map((c) => (
            <label key={c} class="choice">
              <input type="radio" name="category" value={c} checked={d.category === c} onChange={() => set('category', c)} />
              <span>
                <strong>{t(categoryKey(c))}</strong>
                <span class="choice-hint">{t(`cat_${c}_hint` as MessageKey)}</span>
              </span>
            </label>
          ))}
        </ChoiceGroup>
        <div class="grid two">
          <Field label={t('f_year')} name="year" required hint={t('f_year_hint')} error={err('year')}>
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
          <Field label={t('f_tags')} name="tags" hint={t('f_tags_hint')} error={err('tags')}>
            {(a) => <input {...a} type="text" value={d.tags} onInput={(e) => set('tags', e.currentTarget.value)} />}
          </Field>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('save')}
          </button>
          <a class="button secondary" href={item ? `#/items/${item.itemId}` : '#/items'}>
            {t('cancel')}
          </a>
        </div>
      </form>
    </section>
  );
}
