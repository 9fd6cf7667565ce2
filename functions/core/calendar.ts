/**
 * Working-day deadline calculator for public-information requests (UU 14/2008).
 *
 * Counting rule (UU 14/2008 Pasal 22 ayat (7); see DOMAIN.md): the day the request is received is
 * day zero. A deadline of N working days ends at 23:59:59 local time, in the agency's time zone, of
 * the Nth working day after it. Working days are the days of `workWeek` (Monday–Friday by default)
 * that are neither a national holiday (libur nasional) nor cuti bersama, per the SKB 3 Menteri.
 * Calendar-day rules count every day; minute rules add exact minutes to the instant of receipt.
 *
 * "End of day" is the instant 23:59:59.000 local time (milliseconds are zero by design, so the
 * stored instant and the ISO string shown to people agree to the second).
 *
 * Pure: no I/O, no dependencies beyond Intl. Offsets come from Intl.DateTimeFormat, so any IANA
 * zone works (Indonesian zones have no DST, but nothing here assumes that).
 */

export type HolidayKind = 'national' | 'cuti_bersama';

export interface Holiday {
  /** Local date, YYYY-MM-DD. */
  date: string;
  /** Indonesian name, as in the SKB 3 Menteri. */
  name: string;
  kind: HolidayKind;
  /** True when the date is an estimate not yet confirmed by the SKB. */
  provisional?: boolean;
}

export type DeadlineRule = { unit: 'minutes'; amount: number } | { unit: 'calendarDays'; amount: number } | { unit: 'workingDays'; amount: number };

export interface WorkCalendar {
  holidays: readonly Holiday[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are working days. Default [1, 2, 3, 4, 5]. */
  workWeek?: readonly number[];
}

export interface SkippedDay {
  date: string;
  reason: 'weekend' | HolidayKind;
  /** Indonesian weekday name ('Sabtu', 'Minggu', …) for weekends, else the holiday name. */
  name: string;
  /** Set when the holiday that caused the skip is provisional. */
  provisional?: boolean;
}

export interface DeadlineResult {
  /** ISO-8601 UTC instant. */
  deadline: string;
  /** Same instant as local wall time with offset, e.g. '2026-04-07T23:59:59+07:00'. */
  localDeadline: string;
  timezone: string;
  rule: DeadlineRule;
  startLocalDate: string;
  /** Local dates counted as day 1..N (empty for minutes). */
  countedDays: string[];
  /** Days passed over while counting (only between start and deadline). */
  skipped: SkippedDay[];
  explanation: { id: string; en: string };
}

export const TIME_ZONES: readonly string[] = Object.freeze(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);

/** Upper bound on days scanned by one calculation (about ten years). */
const MAX_SCAN_DAYS = 3660;
const DAY_MS = 86_400_000;
const DEFAULT_WORK_WEEK: readonly number[] = [1, 2, 3, 4, 5];
const WEEKDAY_ID = ['', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const WEEKDAY_EN = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const REASON_ID: Record<SkippedDay['reason'], string> = {
  weekend: 'akhir pekan',
  national: 'libur nasional',
  cuti_bersama: 'cuti bersama',
};
const REASON_EN: Record<SkippedDay['reason'], string> = {
  weekend: 'weekend',
  national: 'national holiday',
  cuti_bersama: 'cuti bersama, collective leave',
};
// Made at first use: a DateTimeFormat's first construction loads its locale's ICU data, which cost
// every function reaching this module tens of milliseconds at import (issue 14).
let dateId_: Intl.DateTimeFormat | undefined;
let dateEn_: Intl.DateTimeFormat | undefined;
function DATE_ID(): Intl.DateTimeFormat {
  dateId_ ??= new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: 'UTC' });
  return dateId_;
}
function DATE_EN(): Intl.DateTimeFormat {
  dateEn_ ??= new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });
  return dateEn_;
}

// ---- time zones -------------------------------------------------------------------------------

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
    }
    zoneFormatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields of an instant (ms) in a time zone (one formatter per zone, kept). */
export function wallClock(instantMs: number, timeZone: string): WallClock {
  const p: Record<string, number> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { year: p.year ?? 0, month: p.month ?? 1, day: p.day ?? 1, hour: (p.hour ?? 0) % 24, minute: p.minute ?? 0, second: p.second ?? 0 };
}

/** Local wall-clock fields of an instant, as a UTC timestamp (ms) of that wall time. */
function wallClockMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

function checkInstant(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError('Invalid instant: expected a valid Date');
  return ms;
}

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const ms = checkInstant(instant);
  return dayToIso(Math.floor(wallClockMs(ms, timeZone) / DAY_MS));
}

/**
 * The instant of 23:59:59.000 local time on a local date. If that wall time occurs twice (a DST
 * fall-back at midnight) the later instant is returned; if it does not exist, the earlier offset
 * is used, which lands before the gap on the same date.
 */
export function endOfLocalDay(localDate: string, timeZone: string): Date {
  return new Date(endOfDayMs(parseLocalDate(localDate), timeZone));
}

function endOfDayMs(day: number, timeZone: string): number {
  const wall = day * DAY_MS + DAY_MS - 1000;
  const before = wall - offsetMs(wall - DAY_MS, timeZone);
  const after = wall - offsetMs(wall + DAY_MS, timeZone);
  const valid = [before, after].filter((t) => t + offsetMs(t, timeZone) === wall);
  return valid.length > 0 ? Math.max(...valid) : after;
}

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.abs(ms) / 1000;
  const hh = pad2(Math.floor(total / 3600));
  const mm = pad2(Math.floor((total % 3600) / 60));
  const ss = total % 60;
  return `${sign}${hh}:${mm}${ss ? `:${pad2(ss)}` : ''}`;
}

/** An instant as local wall time with offset, e.g. '2026-04-07T23:59:59+07:00'. */
export function localIso(instantMs: number, timeZone: string): string {
  const off = offsetMs(instantMs, timeZone);
  const millis = ((instantMs % 1000) + 1000) % 1000;
  const wall = new Date(instantMs - millis + off).toISOString().slice(0, 19);
  return `${wall}${millis ? `.${String(millis).padStart(3, '0')}` : ''}${formatOffset(off)}`;
}

// ---- local dates as day numbers (days since 1970-01-01) ----------------------------------------

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dayToIso(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function parseLocalDate(localDate: string): number {
  const m = typeof localDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate) : null;
  const day = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : Number.NaN;
  if (!m || Number.isNaN(day) || dayToIso(day) !== localDate) {
    throw new RangeError(`Invalid local date ${JSON.stringify(localDate)}: expected an existing YYYY-MM-DD date`);
  }
  return day;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

// ---- calendar ---------------------------------------------------------------------------------

type Classifier = (day: number) => SkippedDay | undefined;

/** Builds a day → skip-reason function; holidays take precedence over weekends. */
function classifier(calendar: WorkCalendar): Classifier {
  const week = calendar.workWeek ?? DEFAULT_WORK_WEEK;
  for (const d of week) {
    if (!Number.isInteger(d) || d < 1 || d > 7) {
      throw new RangeError(`Invalid workWeek entry ${String(d)}: expected ISO weekdays 1 (Monday) to 7 (Sunday)`);
    }
  }
  const working = new Set(week);
  const holidays = new Map<string, Holiday>();
  for (const h of calendar.holidays) if (!holidays.has(h.date)) holidays.set(h.date, h);
  return (day) => {
    const date = dayToIso(day);
    const h = holidays.get(date);
    if (h) return { date, reason: h.kind, name: h.name, ...(h.provisional ? { provisional: true } : {}) };
    const wd = isoWeekday(day);
    return working.has(wd) ? undefined : { date, reason: 'weekend', name: WEEKDAY_ID[wd] ?? '' };
  };
}

/** Whether a local date is a working day under the calendar, and if not, why. */
export function isWorkingDay(localDate: string, calendar: WorkCalendar): { working: boolean; reason?: SkippedDay } {
  const reason = classifier(calendar)(parseLocalDate(localDate));
  return reason ? { working: false, reason } : { working: true };
}

function parseStart(start: Date | string): number {
  if (typeof start === 'string') {
    // An explicit offset is required: a bare local time would depend on the server's zone.
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(start)) {
      throw new RangeError(`Invalid start ${JSON.stringify(start)}: expected an ISO-8601 instant with Z or an offset`);
    }
    return checkInstant(new Date(start));
  }
  return checkInstant(start);
}

/** Computes the deadline for a request received at `start`. */
export function deadline(start: Date | string, rule: DeadlineRule, calendar: WorkCalendar, timeZone = 'Asia/Jakarta'): DeadlineResult {
  const startMs = parseStart(start);
  const zone = zoneFormatter(timeZone).resolvedOptions().timeZone;
  const { unit, amount } = (rule ?? {}) as Partial<DeadlineRule>;
  if (unit !== 'minutes' && unit !== 'calendarDays' && unit !== 'workingDays') {
    throw new RangeError(`Invalid rule unit ${JSON.stringify(unit)}: expected minutes, calendarDays or workingDays`);
  }
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`Invalid rule amount ${String(amount)}: expected a non-negative integer`);
  }
  const startDay = Math.floor(wallClockMs(startMs, zone) / DAY_MS);
  const countedDays: string[] = [];
  const skipped: SkippedDay[] = [];
  let endMs: number;

  if (unit === 'minutes') {
    endMs = startMs + amount * 60_000;
    if (!Number.isFinite(new Date(endMs).getTime())) throw new RangeError(`Rule amount ${amount} minutes is out of range`);
  } else {
    const classify: Classifier | undefined = unit === 'workingDays' ? classifier(calendar) : undefined;
    let day = startDay;
    for (let scanned = 0; countedDays.length < amount; ) {
      if (++scanned > MAX_SCAN_DAYS) {
        throw new RangeError(`Deadline needs more than ${MAX_SCAN_DAYS} days to count ${amount} ${unit}; check the calendar's workWeek`);
      }
      day++;
      const skip = classify?.(day);
      if (skip) skipped.push(skip);
      else countedDays.push(dayToIso(day));
    }
    endMs = endOfDayMs(day, zone);
  }

  const result: Omit<DeadlineResult, 'explanation'> = {
    deadline: new Date(endMs).toISOString(),
    localDeadline: localIso(endMs, zone),
    timezone: zone,
    rule: { unit, amount },
    startLocalDate: dayToIso(startDay),
    countedDays,
    skipped,
  };
  return { ...result, explanation: explain(result, startMs, startDay, Math.floor(wallClockMs(endMs, zone) / DAY_MS)) };
}

// ---- explanation ------------------------------------------------------------------------------

function dateId(day: number): string {
  return `${WEEKDAY_ID[isoWeekday(day)]} ${DATE_ID().format(day * DAY_MS)}`;
}

function dateEn(day: number): string {
  return `${WEEKDAY_EN[isoWeekday(day)]} ${DATE_EN().format(day * DAY_MS)}`;
}

/** The zone as people in Indonesia name it. */
const ZONE_NAME: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

/**
 * How a deadline was counted, for people: the day of receipt, the rule, the holidays passed over (the
 * weekends as a number), and the deadline as a date and a local time in words. The instants for
 * machines are in the result's `deadline` and `localDeadline`, not here.
 */
function explain(r: Omit<DeadlineResult, 'explanation'>, startMs: number, startDay: number, endDay: number): { id: string; en: string } {
  const { unit, amount } = r.rule;
  const zone = ZONE_NAME[r.timezone] ?? r.timezone;
  const ruleId = `${amount} ${unit === 'minutes' ? 'menit' : unit === 'calendarDays' ? 'hari kalender' : 'hari kerja'}`;
  const ruleEn = `${amount} ${unit === 'minutes' ? 'minute' : unit === 'calendarDays' ? 'calendar day' : 'working day'}${amount === 1 ? '' : 's'}`;

  if (unit === 'minutes') {
    const at = localIso(startMs, r.timezone).slice(11, 16);
    const end = r.localDeadline.slice(11, 16);
    return {
      id: `Diterima ${dateId(startDay)} pukul ${at.replace(':', '.')} ${zone}. Ketentuan: ${ruleId} sejak penerimaan. Batas waktu: ${dateId(endDay)} pukul ${end.replace(':', '.')} ${zone}.`,
      en: `Received ${dateEn(startDay)} at ${at} ${zone}. Rule: ${ruleEn} from receipt. Deadline: ${dateEn(endDay)} at ${end} ${zone}.`,
    };
  }

  const skipId: string[] = [];
  const skipEn: string[] = [];
  const weekends = r.skipped.filter((s) => s.reason === 'weekend').length;
  if (weekends) {
    skipId.push(`${weekends} hari akhir pekan`);
    skipEn.push(`${weekends} weekend day${weekends === 1 ? '' : 's'}`);
  }
  for (const s of r.skipped) {
    if (s.reason === 'weekend') continue;
    const day = parseLocalDate(s.date);
    const provisionalId = s.provisional ? ', perkiraan, belum ditetapkan SKB' : '';
    const provisionalEn = s.provisional ? ', provisional, not yet confirmed by the SKB' : '';
    skipId.push(`${dateId(day)}: ${s.name} (${REASON_ID[s.reason]}${provisionalId})`);
    skipEn.push(`${dateEn(day)}: ${s.name} (${REASON_EN[s.reason]}${provisionalEn})`);
  }
  const skippedId = skipId.length ? `Tidak dihitung: ${skipId.join('; ')}.` : 'Tidak ada hari yang dilewati.';
  const skippedEn = skipEn.length ? `Not counted: ${skipEn.join('; ')}.` : 'No days were skipped.';
  return {
    id: `Tanggal penerimaan (hari ke-0): ${dateId(startDay)}. Ketentuan: ${ruleId}. ${skippedId} Batas waktu: akhir hari ${dateId(endDay)}, pukul 23.59 ${zone}.`,
    en: `Date of receipt (day zero): ${dateEn(startDay)}. Rule: ${ruleEn}. ${skippedEn} Deadline: end of ${dateEn(endDay)}, 23:59 ${zone}.`,
  };
}

/**
 * Working days from `from` (day 0) to `to`: the working days after `from` up to and including `to`,
 * on the calendar. 0 when `to` is `from` or earlier. The reports count times in working days with it
 * (a request received on Monday and answered on Wednesday took 2 working days).
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  const classify = classifier(calendar);
  const end = parseLocalDate(to);
  let n = 0;
  for (let day = parseLocalDate(from) + 1; day <= end; day++) if (!classify(day)) n++;
  return n;
}
