import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate, formatDateTime, formatMonth, thisMonth } from '../format.ts';
import { type MessageKey, translateDynamic } from '../i18n.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import type { AuditEvent, Lang, Page } from '../types.ts';
import { ErrorMessage, Field, Loading, LoadMore, PageHeader, usePaged } from '../ui.tsx';
import { sortAgencies, workWeekText } from './agencies.tsx';
import { FilterForm } from './list-parts.tsx';

const FIELD_LABEL: Record<string, MessageKey> = {
  id: 'f_agency_id',
  kind: 'f_kind',
  name: 'f_name',
  shortName: 'f_short_name',
  timezone: 'f_timezone',
  workWeek: 'f_work_week',
  email: 'f_email',
  address: 'f_address',
  username: 'f_username',
  role: 'f_role',
  agencyId: 'f_agency',
  enabled: 'f_enabled',
  date: 'f_date',
  provisional: 'provisional',
  parentId: 'f_parent',
  version: 'f_version',
  createdAt: 'f_created_at',
  updatedAt: 'f_updated_at',
  title: 'f_title',
  summary: 'f_summary',
  holder: 'f_holder',
  responsible: 'f_responsible',
  createdWhen: 'f_created_when',
  createdWhere: 'f_created_where',
  formats: 'f_formats',
  retention: 'f_retention',
  category: 'f_category',
  year: 'f_year',
  tags: 'f_tags',
  versionNo: 'f_version_no',
  state: 'f_state',
  publication: 'f_publication',
  fileName: 'f_file_name',
  size: 'f_size',
  reason: 'f_reason',
  deadline: 'deadline_label',
};

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The fields whose values differ between `before` and `after` (every field on create or delete). */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, before: b[k], after: a[k] }));
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where a record of the audit trail is opened in the app. */
const ENTITY_PAGE: Record<string, string> = {
  item: 'items',
  exclusion: 'exclusions',
  request: 'requests',
  objection: 'objections',
  dispute: 'disputes',
};

/**
 * How people read an audited record: its number and title (the API's label), a holiday by its date,
 * a readable id as it is; never a bare uuid.
 */
export function entityText(lang: Lang, entity: AuditEvent['entity']): string {
  if (entity.label) return entity.label;
  if (entity.type === 'holiday' && /^\d{4}-\d{2}-\d{2}$/.test(entity.id)) return formatDate(lang, entity.id);
  return UUID.test(entity.id) ? '' : entity.id;
}

function valueText(lang: Lang, field: string, v: unknown, timeZone: string | undefined): string {
  if (v === undefined || v === null || v === '') return translateDynamic(lang, 'empty_value', '—');
  if (typeof v === 'string' && ISO_INSTANT.test(v)) return formatDateTime(lang, v, timeZone, true);
  if (field === 'workWeek' && Array.isArray(v)) return workWeekText(lang, v as number[]);
  if (field.endsWith('At') && typeof v === 'string') return formatDateTime(lang, v, timeZone, true);
  if (typeof v === 'boolean') return translateDynamic(lang, v ? 'yes' : 'no', String(v));
  if (field === 'role' && typeof v === 'string') return translateDynamic(lang, `role_${v}`, v);
  if (field === 'state' && typeof v === 'string') return translateDynamic(lang, `state_${v}`, v);
  if (field === 'publication' && typeof v === 'string') return translateDynamic(lang, `pub_${v}`, v);
  if (field === 'category' && typeof v === 'string') return translateDynamic(lang, `cat_${v}`, v);
  if (field === 'formats' && Array.isArray(v)) return v.map((f) => translateDynamic(lang, `fmt_${f}`, String(f))).join(', ');
  if (field === 'deadline' && isRecord(v) && typeof v.at === 'string') return formatDateTime(lang, v.at, timeZone, true);
  if (field === 'kind' && typeof v === 'string') return translateDynamic(lang, `kind_${v}`, translateDynamic(lang, `holiday_kind_${v}`, v));
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function Changes({ event }: { event: AuditEvent }) {
  const { t, lang, timeZone } = useApp();
  const rows = diffRows(event.before, event.after);
  if (rows.length === 0) return <span class="muted">{t('no_changes')}</span>;
  return (
    <details>
      <summary>{t('show_changes', { n: rows.length })}</summary>
      <table class="diff">
        <thead>
          <tr>
            <th scope="col">{t('diff_field')}</th>
            <th scope="col">{t('diff_before')}</th>
            <th scope="col">{t('diff_after')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.field}>
              <th scope="row">{FIELD_LABEL[r.field] ? t(FIELD_LABEL[r.field]!) : r.field}</th>
              <td>
                <del>{valueText(lang, r.field, r.before, timeZone)}</del>
              </td>
              <td>
                <ins>{valueText(lang, r.field, r.after, timeZone)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">
        {t('request_id')}: <code>{event.requestId}</code>
      </p>
    </details>
  );
}

export function AuditPage({ query }: { query?: URLSearchParams }) {
  const { t, lang, api, me, bodyWide, agencies, agencyName, timeZone } = useApp();
  const [draft, setDraft] = useState({ agencyId: '', month: thisMonth() });
  const [filter, setFilter] = useState(draft);
  // `#/audit?entityType=item&entityId=…`: the history of one record (linked from its page).
  const entityType = query?.get('entityType') ?? '';
  const entityId = query?.get('entityId') ?? '';
  const byEntity = !!(entityType && entityId);
  const paged = usePaged(
    (cursor) =>
      api.get<Page<AuditEvent>>(
        '/audit',
        byEntity
          ? { entityType, entityId, cursor, limit: '25' }
          : { agencyId: filter.agencyId || undefined, month: filter.month || undefined, cursor, limit: '25' },
      ),
    [api, byEntity, entityType, entityId, filter.agencyId, filter.month],
  );
  const entityName = translateDynamic(lang, `entity_${entityType}`, entityType);
  // The record's name as the API labels it (any of its events carries it).
  const entityLabel = paged.items.find((e) => e.entity.label)?.entity.label ?? entityText(lang, { type: entityType, id: entityId });

  const printUnit = byEntity ? undefined : bodyWide ? filter.agencyId || undefined : me.agencyId;

  return (
    <>
      <PrintLetterhead agencyId={printUnit} />
      <PageHeader title={t('nav_audit')} intro={t('audit_intro')} />
      {byEntity && (
        <p class="notice">
          {t('audit_entity_filter', { entity: entityName, id: entityLabel })}{' '}
          {ENTITY_PAGE[entityType] && (
            <>
              <a href={`#/${ENTITY_PAGE[entityType]}/${encodeURIComponent(entityId)}`}>{t('audit_open_record')}</a> ·{' '}
            </>
          )}
          <a href="#/audit">{t('audit_entity_clear')}</a>
        </p>
      )}
      {!byEntity && (
        <FilterForm
          onSubmit={() => setFilter({ ...draft, month: draft.month || (draft.agencyId || !bodyWide ? '' : thisMonth()) })}
          after={bodyWide && <p class="hint filters-note">{t('audit_month_hint')}</p>}
        >
          {bodyWide && (
            <Field label={t('f_agency')} name="agencyId">
              {(a) => (
                <select {...a} value={draft.agencyId} onChange={(e) => setDraft({ ...draft, agencyId: e.currentTarget.value })}>
                  <option value="">{t('all_agencies')}</option>
                  {sortAgencies(agencies).map((ag) => (
                    <option key={ag.id} value={ag.id}>
                      {ag.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={t('f_month')} name="month">
            {(a) => (
              <input {...a} type="month" value={draft.month} placeholder="YYYY-MM" onInput={(e) => setDraft({ ...draft, month: e.currentTarget.value })} />
            )}
          </Field>
        </FilterForm>
      )}
      <ErrorMessage error={paged.error} />
      {paged.loading && paged.items.length === 0 ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {t('audit_caption')} ·{' '}
              {byEntity
                ? `${entityName} ${entityLabel}`
                : bodyWide
                  ? filter.agencyId
                    ? agencyName(filter.agencyId)
                    : t('all_agencies')
                  : agencyName(me.agencyId)}
              {!byEntity && filter.month ? ` · ${formatMonth(lang, filter.month)}` : ''} · {t('shown_count', { n: paged.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('col_time')}</th>
                <th scope="col">{t('col_actor')}</th>
                <th scope="col">{t('col_action')}</th>
                <th scope="col">{t('col_entity')}</th>
                <th scope="col">{t('f_agency')}</th>
                <th scope="col">{t('col_changes')}</th>
              </tr>
            </thead>
            <tbody>
              {paged.items.length === 0 && (
                <tr>
                  <td colSpan={6}>{t('empty')}</td>
                </tr>
              )}
              {paged.items.map((ev) => (
                <tr key={ev.eventId}>
                  <td class="nowrap">
                    <time dateTime={ev.at}>{formatDateTime(lang, ev.at, timeZone, true)}</time>
                  </td>
                  <td>
                    <code>{ev.actor.username}</code>
                    <span class="sub-line">{translateDynamic(lang, `role_${ev.actor.role}`, ev.actor.role)}</span>
                  </td>
                  <td>{translateDynamic(lang, `action_${ev.action.replace(/\./g, '_')}`, ev.action)}</td>
                  <td>
                    {translateDynamic(lang, `entity_${ev.entity.type}`, ev.entity.type)}
                    <span class="sub-line">
                      {ENTITY_PAGE[ev.entity.type] && !byEntity ? (
                        <a href={`#/${ENTITY_PAGE[ev.entity.type]}/${encodeURIComponent(ev.entity.id)}`}>
                          {entityText(lang, ev.entity) || t('audit_open_record')}
                        </a>
                      ) : (
                        entityText(lang, ev.entity)
                      )}
                    </span>
                  </td>
                  <td>{agencyName(ev.agencyId)}</td>
                  <td>
                    <Changes event={ev} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore paged={paged} />
      <PrintSignature agencyId={printUnit} />
    </>
  );
}
