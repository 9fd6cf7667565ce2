/** Dates and times for people: Intl with 'id-ID' or 'en-GB'. */
import type { Lang } from './types.ts';

export const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

/** A local calendar date 'YYYY-MM-DD', e.g. "Senin, 17 Agustus 2026". */
export function formatDate(lang: Lang, date: string, withWeekday = true): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: 'UTC',
    ...(withWeekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

/** Indonesia's zones by their own names (Intl's English says "GMT+7"). */
const ZONE_NAME: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Ujung_Pandang': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/**
 * An instant for people, in the given time zone (default: the browser's), with the zone's name:
 * "8 Des 2026, 23.59 WIB"; `long` in words: "Selasa, 8 Desember 2026 pukul 23.59 WIB" /
 * "Tuesday, 8 December 2026 at 23:59 WIB". The ISO instant stays for machines (`<time dateTime>`).
 */
export function formatDateTime(lang: Lang, iso: string, timeZone?: string, long = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const format = new Intl.DateTimeFormat(locale(lang), {
    ...(timeZone ? { timeZone } : {}),
    ...(long ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: long ? 'long' : 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const zone = ZONE_NAME[format.resolvedOptions().timeZone];
  return format
    .formatToParts(d)
    .map((p) => (p.type === 'timeZoneName' && zone ? zone : p.value))
    .join('');
}

/** ISO weekday numbers (1 = Monday) as short local names, e.g. "Sen–Jum" style list "Sen, Sel, Rab". */
export function weekdayName(lang: Lang, isoDay: number, style: 'short' | 'long' = 'short'): string {
  // 2024-01-01 was a Monday.
  const d = new Date(Date.UTC(2024, 0, isoDay));
  return new Intl.DateTimeFormat(locale(lang), { weekday: style, timeZone: 'UTC' }).format(d);
}

export function formatMonth(lang: Lang, month: string): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return month;
  return new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** The current month as YYYY-MM in the browser's time zone. */
export function thisMonth(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Fixed UTC offsets of Indonesia's zones (no daylight saving). */
const ZONE_OFFSET: Record<string, string> = {
  'Asia/Jakarta': '+07:00',
  'Asia/Pontianak': '+07:00',
  'Asia/Makassar': '+08:00',
  'Asia/Jayapura': '+09:00',
};

/** `YYYY-MM-DDTHH:mm` wall time in a zone → ISO-8601 with that zone's offset. */
export function wallTimeToIso(local: string, timeZone: string): string {
  let offset = ZONE_OFFSET[timeZone];
  if (!offset) {
    const minutes = -new Date(local).getTimezoneOffset();
    const abs = Math.abs(minutes);
    offset = `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  }
  return `${local.length === 16 ? `${local}:00` : local}${offset}`;
}

/** Now as `YYYY-MM-DDTHH:mm` wall time in a zone (for a datetime-local input). */
export function nowWallTime(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '00';
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}

const UNITS: { seconds: number; id: string; en: [string, string] }[] = [
  { seconds: 86_400, id: 'hari', en: ['day', 'days'] },
  { seconds: 3_600, id: 'jam', en: ['hour', 'hours'] },
  { seconds: 60, id: 'menit', en: ['minute', 'minutes'] },
  { seconds: 1, id: 'detik', en: ['second', 'seconds'] },
];

/**
 * A length of time in its two largest units: "3 hari 4 jam", "1 menit 5 detik" / "3 days 4 hours".
 * `minUnit` drops the smaller units (e.g. 60 for "time left", where seconds are noise).
 */
export function formatDuration(lang: Lang, totalSeconds: number, minUnit = 1): string {
  let rest = Math.floor(Math.abs(totalSeconds));
  const parts: string[] = [];
  const label = (n: number, u: (typeof UNITS)[number]) => (lang === 'id' ? `${n} ${u.id}` : `${n} ${u.en[n === 1 ? 0 : 1]}`);
  for (const u of UNITS) {
    if (u.seconds < minUnit) break;
    const n = Math.floor(rest / u.seconds);
    rest -= n * u.seconds;
    if (parts.length === 0) {
      if (n > 0) parts.push(label(n, u));
      continue;
    }
    // Only the unit next to the largest: "2 hari 5 menit" would read as more precise than it is.
    if (n > 0) parts.push(label(n, u));
    break;
  }
  if (parts.length === 0) {
    const u = UNITS.find((x) => x.seconds === minUnit) ?? UNITS[3]!;
    return lang === 'id' ? `kurang dari 1 ${u.id}` : `less than 1 ${u.en[0]}`;
  }
  return parts.join(' ');
}

/** "3 hari 4 jam lagi" / "terlambat 2 jam" (and the English equivalents). */
export function formatTimeLeft(lang: Lang, seconds: number): string {
  const d = formatDuration(lang, seconds, 60);
  if (seconds >= 0) return lang === 'id' ? `${d} lagi` : `${d} left`;
  return lang === 'id' ? `terlambat ${d}` : `${d} overdue`;
}

/** "25 MB", "1,5 MB" / "1.5 MB", "900 KB", "12 byte" (as functions/core/documents.ts formatBytes). */
export function formatBytes(lang: Lang, n: number): string {
  const [value, unit] = n >= 1024 * 1024 ? [n / (1024 * 1024), 'MB'] : n >= 1024 ? [n / 1024, 'KB'] : [n, lang === 'id' ? 'byte' : n === 1 ? 'byte' : 'bytes'];
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${lang === 'id' ? text.replace('.', ',') : text} ${unit}`;
}
