/**
 * The end of an exclusion (SOP 002, the DIK), one rule for the workflow, the staff pages, the PDFs,
 * the register and its exports.
 *
 * An exclusion "sampai dengan 30 Juni 2027" is inclusive, as a reader of "sampai" expects: the
 * information stays excluded through the whole of 30 June 2027 in the agency's time zone, its last
 * excluded instant is 23.59.59 local time that day, and it leaves the DIK at 00.00 of the next day
 * (`endsAt`, the instant the workflow's Wait waits for). People read "berakhir setelah Selasa,
 * 30 Juni 2027 pukul 23.59 WIB"; machines read `endsAfter` as a local ISO time with its offset.
 *
 * Records set before this rule stored `dik.endsAt` as 00.00 at the start of the end date (a day too
 * early). Nothing reads the stored instant any more: the end is always computed from `until` and the
 * agency's zone (`currentEnd`), so an old record reads exactly like a new one.
 *
 * Pure and free of `date-words.ts` (whose `new Function` the staff app's CSP forbids): callers pass
 * their date writer — the server and the register the date-words helpers, the staff app its Intl
 * helpers in `format.ts`.
 */
import { endOfLocalDay, localIso } from './calendar.ts';

/** The last excluded instant: 23:59:59 local time on `until` (an ISO instant, UTC). */
export function lastExcludedInstant(until: string, timeZone: string): string {
  return endOfLocalDay(until, timeZone).toISOString();
}

/** The instant the exclusion ends and leaves the DIK: 00:00 local time on the day after `until`. */
export function exclusionEndsAt(until: string, timeZone: string): string {
  return new Date(endOfLocalDay(until, timeZone).getTime() + 1000).toISOString();
}

/** The last excluded instant as local time with offset, for machines: '2027-06-30T23:59:59+07:00'. */
export function exclusionEndsAfterLocal(until: string, timeZone: string): string {
  return localIso(endOfLocalDay(until, timeZone).getTime(), timeZone);
}

/** `dik` with `endsAt` computed from `until` and the zone (records set before the inclusive rule stored a day too early). */
export function currentEnd<T extends { until?: string; endsAt?: string }>(dik: T, timeZone: string): T {
  if (!dik.until) return dik;
  return { ...dik, endsAt: exclusionEndsAt(dik.until, timeZone) };
}

/** What each place says of the end, with `{date}` (the end date in words) and `{at}` (the last instant in words, with the zone). */
export const EXCLUSION_END_TEXT = {
  until: { id: 'sampai dengan {date}', en: 'up to and including {date}' },
  endsAfter: { id: 'berakhir setelah {at}', en: 'ends after {at}' },
  /** The PDFs' sentence on what follows the end. */
  afterwards: {
    id: 'sejak hari berikutnya informasi wajib dibuka kembali atau diuji ulang melalui uji konsekuensi',
    en: 'from the next day the information must be opened again or tested anew by a consequence test',
  },
} as const;

type Lang = 'id' | 'en';

/** How a caller writes dates: `date` a local date without the weekday ("30 Juni 2027"), `dateTime` an instant in words with the zone. */
export interface DateWriter {
  date(localDate: string, lang: Lang): string;
  dateTime(instant: string, timeZone: string, lang: Lang): string;
}

const fill = (s: string, vars: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

/** "sampai dengan 30 Juni 2027" / "up to and including 30 June 2027". */
export function untilWords(until: string, lang: Lang, w: DateWriter): string {
  return fill(EXCLUSION_END_TEXT.until[lang], { date: w.date(until, lang) });
}

/** "berakhir setelah Selasa, 30 Juni 2027 pukul 23.59 WIB" / "ends after Tuesday, 30 June 2027 at 23:59 WIB". */
export function endsAfterWords(until: string, timeZone: string, lang: Lang, w: DateWriter): string {
  return fill(EXCLUSION_END_TEXT.endsAfter[lang], { at: w.dateTime(lastExcludedInstant(until, timeZone), timeZone, lang) });
}
