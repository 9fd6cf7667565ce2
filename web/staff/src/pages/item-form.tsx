/** Tambah / Ubah informasi: every DIP column of an information item. */
import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import type { Item } from '../types.ts';
import { ErrorMessage, ErrorSummary, Field, Loading, PageHeader, RequiredNote, useLoad, useSubmit } from '../ui.tsx';
import { sortAgencies } from './agencies.tsx';
import { CONTENT_FIELDS, type ContentField, contentErrorKey, contentOf, draftOf, ItemContentFields, type ItemDraft } from './item-fields.tsx';
import { stateKey } from './item-parts.tsx';

const KNOWN = ['agencyId', ...CONTENT_FIELDS.map((f) => `content.${f}`)];

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
  const [d, setD] = useState<ItemDraft>(() => draftOf(item?.current.content));
  const [agencyId, setAgencyId] = useState(item?.agencyId ?? me.agencyId);
  const submit = useSubmit(KNOWN);
  const set = <K extends keyof ItemDraft>(k: K, v: ItemDraft[K]) => setD((old) => ({ ...old, [k]: v }));
  // Which fields the API refused; the text is the catalogue's, which names the rule to follow.
  const err = (f: ContentField) => (submit.fieldError(`content.${f}`) ? t(contentErrorKey(f)) : undefined);
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
        <ItemContentFields draft={d} set={set} error={err} sections />
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
