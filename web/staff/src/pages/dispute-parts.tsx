/** Shapes and small pieces the dispute pages share (functions/core/objections/disputes.ts). */
import type { DisputeView, DueDate, Hearing } from '../../../../functions/core/objections/disputes.ts';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import type { Role } from '../types.ts';

/** GET /api/disputes/{id}: the view with its due dates and the names of the staff who acted on it. */
export type DisputeItem = DisputeView & { people?: Record<string, string> };
export type { DueDate, Hearing };

/** infra/system.ts DISPUTE_WRITERS / DISPUTE_READERS (the bundle takes no server code). */
export const DISPUTE_WRITERS: readonly Role[] = ['ppid_utama', 'admin'];
export const DISPUTE_READERS: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];

/** Copies of the server's lists, checked against its types. */
export const STAGE_KINDS = ['mediation', 'adjudication'] as const satisfies readonly DisputeItem['stages'][number]['kind'][];
export const KI_OUTCOMES = ['mediation_agreement', 'upheld', 'partly_upheld', 'rejected', 'withdrawn'] as const satisfies readonly NonNullable<
  DisputeItem['outcome']
>['kind'][];
export const COURT_OUTCOMES = ['granted', 'partly_granted', 'rejected', 'not_accepted', 'withdrawn'] as const satisfies readonly NonNullable<
  NonNullable<DisputeItem['appeal']>['outcome']
>['kind'][];
export const DOCUMENT_CATEGORIES = [
  'application',
  'summons',
  'minutes',
  'agreement',
  'decision',
  'appeal',
  'court_decision',
  'cassation',
  'other',
] as const satisfies readonly DisputeItem['documents'][number]['category'][];

/** The status of a period, in words. */
export function DueStatus({ due }: { due: DueDate }) {
  const { t, lang } = useApp();
  const on = due.on ? formatDate(lang, due.on) : '';
  const text =
    due.status === 'met' ? t('dp_due_met', { date: on }) : due.status === 'late' ? t('dp_due_late', { date: on }) : t(`dp_due_${due.status}` as MessageKey);
  return <span class={due.status === 'late' || due.status === 'overdue' ? 'field-error' : due.status === 'met' ? 'ok' : undefined}>{text}</span>;
}

/** "Selasa, 10 Maret 2026 pukul 09:00 di Ruang Sidang …" */
export function HearingWhen({ h }: { h: Pick<Hearing, 'on' | 'time' | 'place'> }) {
  const { lang } = useApp();
  return (
    <>
      <time dateTime={h.time ? `${h.on}T${h.time}` : h.on}>
        {formatDate(lang, h.on)}
        {h.time && (lang === 'id' ? ` pukul ${h.time.replace(':', '.')}` : ` at ${h.time}`)}
      </time>
      {h.place && <span class="sub-line">{h.place}</span>}
    </>
  );
}
