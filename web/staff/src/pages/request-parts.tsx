/**
 * Pieces the request screens share: the names of states, channels, forms and decisions, the state
 * badge, instants and dates in words, the working days left before a deadline (counted with the
 * body's working week and holiday calendar, as the server counts them), and the rupiah.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { useApp } from '../context.ts';
import { formatTimeLeft, locale } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import type { Agency, Decision, Holiday, InfoRequest, Lang, RequestDeadline } from '../types.ts';
import { useNow } from '../ui.tsx';
import { TimeLeft } from './item-parts.tsx';

export const requestStateKey = (s: InfoRequest['state']) => `rq_state_${s}` as MessageKey;
export const channelKey = (c: InfoRequest['channel']) => `rq_channel_${c}` as MessageKey;
export const obtainKey = (o: InfoRequest['content']['obtainForm']) => `rq_obtain_${o}` as MessageKey;
export const deliveryMethodKey = (m: InfoRequest['content']['deliveryMethod']) => `rq_delivery_${m}` as MessageKey;
export const decisionKey = (d: Decision) => `rq_decision_${d}` as MessageKey;
export const requesterKindKey = (k: InfoRequest['requesterKind']) => `rq_kind_${k}` as MessageKey;
export const eventKey = (type: InfoRequest['timeline'][number]['type']) => `rq_ev_${type}` as MessageKey;

export function RequestStateBadge({ r }: { r: Pick<InfoRequest, 'state' | 'closed'> }) {
  const { t } = useApp();
  return (
    <span class={`badge rq-state-${r.state}`}>
      {t(requestStateKey(r.state))}
      {r.closed && r.closed.reason !== 'delivered' && ` · ${t(`rq_closed_${r.closed.reason}` as MessageKey)}`}
    </span>
  );
}

/** An instant in words, e.g. "Senin, 6 Juli 2026 pukul 14.05 WIB", in the given zone (the user's). */
export function whenInWords(lang: Lang, iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    ...(timeZone ? { timeZone } : {}),
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(d);
}

/** "Rp15.000" / "IDR 15,000"; "Gratis" / "Free" for nothing. */
export function rupiah(lang: Lang, amount: number, t: (k: MessageKey) => string): string {
  if (amount === 0) return t('rq_free');
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(amount);
}

/** Today as YYYY-MM-DD in a time zone. */
export function todayIn(timeZone: string | undefined): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The public body's own unit (PPID Utama): its calendar and zone count the statutory deadline. */
export const bodyAgencyOf = (agencies: Agency[]) => agencies.find((a) => a.kind === 'ppid_utama');

// ─── working days left ──────────────────────────────────────────────────────────────────────────

/** Holidays by year, read once per page load (they change rarely; a changed one moves the deadline on the server anyway). */
const holidayCache = new Map<number, Promise<Holiday[]>>();

function holidaysOf(api: Api, year: number): Promise<Holiday[]> {
  let p = holidayCache.get(year);
  if (!p) {
    p = api.get<{ items: Holiday[] }>(`/calendar/${year}`).then(
      (r) => r.items,
      () => {
        holidayCache.delete(year);
        return [];
      },
    );
    holidayCache.set(year, p);
  }
  return p;
}

/** The holiday dates of this year and the next (a deadline near the year's end runs into the next). */
export function useHolidayDates(): Set<string> | undefined {
  const { api } = useApp();
  const [dates, setDates] = useState<Set<string> | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const year = new Date().getFullYear();
    Promise.all([holidaysOf(api, year - 1), holidaysOf(api, year), holidaysOf(api, year + 1)]).then((lists) => {
      if (live) setDates(new Set(lists.flat().map((h) => h.date)));
    });
    return () => {
      live = false;
    };
  }, [api]);
  return dates;
}

const isoWeekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/**
 * Working days from `today` to `last` (the deadline's local date): the days after today up to and
 * including `last` that are working days; negative (the working days since) when `last` has passed.
 */
export function workingDaysBetween(today: string, last: string, holidays: Set<string>, workWeek: readonly number[]): number {
  const working = (d: string) => workWeek.includes(isoWeekday(d)) && !holidays.has(d);
  let n = 0;
  if (last >= today) {
    for (let d = addDays(today, 1); d <= last; d = addDays(d, 1)) if (working(d)) n++;
    return n;
  }
  for (let d = addDays(last, 1); d <= today; d = addDays(d, 1)) if (working(d)) n--;
  return n;
}

/**
 * Working days from today to a statutory deadline's local date (negative: the working days since),
 * with the body's calendar; undefined until the calendar is read.
 */
export function useWorkingDaysTo(local: string): number | undefined {
  const { agencies } = useApp();
  const holidays = useHolidayDates();
  const body = bodyAgencyOf(agencies);
  return holidays && body ? workingDaysBetween(todayIn(body.timezone), local.slice(0, 10), holidays, body.workWeek) : undefined;
}

/**
 * The countdown to a request's deadline in working days and in words: "3 hari kerja lagi · 4 hari
 * 2 jam lagi", "Hari kerja terakhir"; late, one statement (item-parts.tsx TimeLeft): "Terlambat
 * 2 hari kerja", or "Terlambat 5 menit" on the day itself.
 */
export function WorkingDaysLeft({ deadline }: { deadline: Pick<RequestDeadline, 'at' | 'local'> }) {
  const { t, lang } = useApp();
  const now = useNow(60_000);
  const seconds = (Date.parse(deadline.at) - now) / 1000;
  const n = useWorkingDaysTo(deadline.local);
  if (seconds < 0) return <TimeLeft seconds={seconds} workingDaysLate={n !== undefined && n < 0 ? -n : undefined} />;
  const days = n === undefined ? undefined : n === 0 ? t('rq_wd_last_day') : t(n === 1 ? 'rq_wd_left_one' : 'rq_wd_left', { n });
  return (
    <span class="time-left">
      {days && <strong>{days}</strong>}
      {days && ' · '}
      {formatTimeLeft(lang, seconds)}
    </span>
  );
}
