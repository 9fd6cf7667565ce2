/**
 * Dates in words, for people, in Bahasa Indonesia and English: "Selasa, 15 Desember 2026 pukul
 * 23.59 WIB" / "Tuesday, 15 December 2026 at 23:59 WIB". One source for the server and the browser
 * (the register's status page, in `/assets/permohonan.js`), like register/text.ts: plain ES2020
 * text, evaluated once here with `new Function` (our own constant, never input) and embedded
 * verbatim in the browser script, so both write a deadline the same way.
 *
 * The words are our own (not Intl's month and weekday names, which vary between ICU versions);
 * Intl only converts an instant to the wall clock of a time zone. Indonesia's zones print as a
 * letter prints them (WIB, WITA, WIT, Keppres 41/1987), any other as its offset ("UTC+05:30").
 * For the Indonesian text this is exactly requests/notice.ts `indonesianDateTime` (tested).
 */
export const DATE_WORDS_JS = String.raw`
const DATE_WORDS = {
  id: {
    days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
    months: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
    at: ' pukul ', sep: '.',
  },
  en: {
    days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    at: ' at ', sep: ':',
  },
};
const ZONE_NAMES = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
const WALL_CLOCKS = new Map();
function pad2(n) { return String(n).padStart(2, '0'); }
function wordsOf(lang) { return DATE_WORDS[lang === 'en' ? 'en' : 'id']; }
/** An instant (ms) as the wall clock of a time zone: {year, month, day, hour, minute, second}. */
function wallClock(ms, timeZone) {
  let f = WALL_CLOCKS.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    WALL_CLOCKS.set(timeZone, f);
  }
  const p = {};
  for (const part of f.formatToParts(ms)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return { year: p.year, month: p.month, day: p.day, hour: p.hour % 24, minute: p.minute, second: p.second };
}
function zoneName(ms, timeZone) {
  if (ZONE_NAMES[timeZone]) return ZONE_NAMES[timeZone];
  const w = wallClock(ms, timeZone);
  const offset = (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000) / 60000;
  const abs = Math.abs(offset);
  return 'UTC' + (offset < 0 ? '-' : '+') + pad2(Math.floor(abs / 60)) + ':' + pad2(abs % 60);
}
/** "2026-12-15" → "Selasa, 15 Desember 2026" (withDay false: "15 Desember 2026"); anything else as it is. */
function dateInWords(isoDate, lang, withDay) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(isoDate));
  if (!m) return String(isoDate);
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return String(isoDate);
  const w = wordsOf(lang);
  const text = d + ' ' + w.months[mo - 1] + ' ' + y;
  return withDay === false ? text : w.days[date.getUTCDay()] + ', ' + text;
}
/** The local date "YYYY-MM-DD" of an instant in a time zone; anything that is not an instant as it is. */
function localDate(instant, timeZone) {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return String(instant);
  const w = wallClock(ms, timeZone || 'Asia/Jakarta');
  return w.year + '-' + pad2(w.month) + '-' + pad2(w.day);
}
/** An instant in a zone: "Selasa, 15 Desember 2026 pukul 23.59 WIB"; anything else as it is. */
function dateTimeInWords(instant, timeZone, lang) {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return String(instant);
  const zone = timeZone || 'Asia/Jakarta';
  const w = wallClock(ms, zone);
  const words = wordsOf(lang);
  return dateInWords(w.year + '-' + pad2(w.month) + '-' + pad2(w.day), lang) + words.at + pad2(w.hour) + words.sep + pad2(w.minute) + ' ' + zoneName(ms, zone);
}
`;

type Lang = 'id' | 'en';

interface DateWordsFns {
  dateInWords(isoDate: string, lang: Lang, withDay?: boolean): string;
  dateTimeInWords(instant: string, timeZone: string | undefined, lang: Lang): string;
  localDate(instant: string, timeZone?: string): string;
}

// biome-ignore lint/complexity/noBannedTypes: evaluating our own constant source once
const fns = new (Function as unknown as new (body: string) => Function)(
  `${DATE_WORDS_JS}; return { dateInWords, dateTimeInWords, localDate };`,
)() as DateWordsFns;

export const { dateInWords, dateTimeInWords, localDate } = fns;
