/** Kotak masuk: what waits for the signed-in person, with deadlines in the agency's own time zone. */
import { useApp } from '../context.ts';
import { formatDateTime } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import type { InboxItem, ItemDeadline, Role } from '../types.ts';
import { ErrorMessage, Loading, PageHeader, useLoad } from '../ui.tsx';
import { DeadlineWhen, TimeLeft, useTimeLeft } from './item-parts.tsx';
import { useWorkingDaysTo } from './request-parts.tsx';

const INTRO: Partial<Record<Role, MessageKey>> = {
  ppid_pelaksana: 'inbox_intro_ppid_pelaksana',
  petugas: 'inbox_intro_petugas',
  ppid_utama: 'inbox_intro_ppid_utama',
  atasan_ppid: 'inbox_intro_atasan_ppid',
};

/** Where an entry leads: an information item, an exclusion, a request, an objection or a dispute (then `itemId` is its id). */
const hrefOf = (e: InboxItem) =>
  e.entity === 'exclusion'
    ? `#/exclusions/${e.itemId}`
    : e.entity === 'request'
      ? `#/requests/${e.itemId}`
      : e.entity === 'objection'
        ? `#/objections/${e.itemId}`
        : e.entity === 'dispute'
          ? `#/disputes/${e.itemId}`
          : e.entity === 'documentation'
            ? `#/documentation/${e.itemId.replace('#', '/')}`
            : `#/items/${e.itemId}`;
/** Boxes whose entries get a deadline from the workflow (shown as "being computed" until then). */
const TIMED: readonly InboxItem['box']['kind'][] = [
  'approval',
  'exclusion_decision',
  'exclusion_decree',
  'request_new',
  'request_part',
  'objection',
  'objection_followup',
];

/** The inbox with the moment it was read (time left is counted from the server's answer). */
export function useInbox() {
  const { api } = useApp();
  return useLoad(async () => {
    const { items } = await api.get<{ items: InboxItem[] }>('/inbox');
    // Overdue first, then the nearest deadline, then the oldest.
    const order = (e: InboxItem) => e.timeLeftSeconds ?? Number.POSITIVE_INFINITY;
    items.sort((a, b) => order(a) - order(b) || a.since.localeCompare(b.since));
    return { items, fetchedAt: Date.now() };
  }, [api]);
}

export function InboxPage() {
  const { t, lang, me, agencyName, agencyTimeZone, bodyWide } = useApp();
  const inbox = useInbox();
  const items = inbox.data?.items ?? [];
  const overdue = items.filter((e) => e.overdue).length;
  return (
    <>
      <PageHeader title={t('nav_inbox')} intro={t(INTRO[me.role] ?? 'inbox_intro_other')}>
        <button type="button" class="secondary" onClick={inbox.reload} disabled={inbox.loading}>
          {t('inbox_reload')}
        </button>
      </PageHeader>
      <ErrorMessage error={inbox.error} />
      {inbox.loading && !inbox.data ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table class="inbox">
            <caption>
              {t('inbox_caption')} · {t('shown_count', { n: items.length })}
              {overdue > 0 && ` · ${t('home_inbox_overdue', { n: overdue })}`}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('col_number')}</th>
                <th scope="col">{t('col_title')}</th>
                <th scope="col">{t('col_since')}</th>
                <th scope="col">{t('col_deadline')}</th>
                <th scope="col">{t('col_time_left')}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('inbox_empty')}</td>
                </tr>
              )}
              {items.map((e) => (
                <tr key={`${e.box.kind}-${e.entity ?? 'item'}-${e.itemId}`} class={e.overdue ? 'overdue-row' : undefined}>
                  <td class="nowrap" data-label={t('col_number')}>
                    <code>{e.number}</code>
                    {e.entity !== 'request' && e.entity !== 'objection' && e.entity !== 'dispute' && (
                      <span class="sub-line">{e.entity === 'exclusion' ? t('round_n', { n: e.versionNo }) : t('version_n', { n: e.versionNo })}</span>
                    )}
                  </td>
                  <th scope="row">
                    <a href={hrefOf(e)}>{e.title}</a>
                    <span class="sub-line">
                      <span class={`badge box-${e.box.kind}`}>{t(`box_${e.box.kind}` as MessageKey)}</span>
                      {e.entity === 'exclusion' && e.box.kind === 'escalated' && <span class="badge box-exclusion">{t('entity_exclusion')}</span>}
                      {e.entity === 'request' && e.box.kind === 'escalated' && <span class="badge box-request">{t('entity_request')}</span>}
                      {e.entity === 'objection' && e.box.kind === 'escalated' && <span class="badge box-objection">{t('entity_objection')}</span>}
                      {(bodyWide || e.agencyId !== me.agencyId) && ` ${agencyName(e.agencyId)}`}
                    </span>
                    {e.reason && <span class="sub-line reason-line">{t('reason_label', { reason: e.reason })}</span>}
                    {!!e.reminders && <span class="sub-line reason-line">{t('reminders_sent', { n: e.reminders })}</span>}
                  </th>
                  <td data-label={t('col_since')}>
                    <time dateTime={e.since}>{formatDateTime(lang, e.since, agencyTimeZone(e.agencyId))}</time>
                  </td>
                  {e.deadline ? (
                    <DeadlineCells entry={e} deadline={e.deadline} fetchedAt={inbox.data?.fetchedAt} />
                  ) : (
                    <td colSpan={2} class="muted" data-label={t('col_deadline')}>
                      {TIMED.includes(e.box.kind) ? t('deadline_pending') : t('no_deadline')}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function DeadlineCells({ entry, deadline, fetchedAt }: { entry: InboxItem; deadline: ItemDeadline; fetchedAt?: number }) {
  const { t } = useApp();
  const left = useTimeLeft(deadline, entry.timeLeftSeconds, fetchedAt);
  // Statutory deadlines (requests, objections) count working days: "Terlambat 3 hari kerja".
  const days = useWorkingDaysTo(deadline.local);
  const statutory = entry.entity === 'request' || entry.entity === 'objection';
  return (
    <>
      <td class="deadline-cell" data-label={t('col_deadline')}>
        <DeadlineWhen deadline={deadline} agencyId={entry.agencyId} />
      </td>
      <td class="nowrap" data-label={t('col_time_left')}>
        <TimeLeft seconds={left} workingDaysLate={statutory && days !== undefined && days < 0 ? -days : undefined} />
      </td>
    </>
  );
}
