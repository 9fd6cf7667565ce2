/**
 * Indonesian national holidays (libur nasional) and cuti bersama shipped with the system.
 *
 * 2026: SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB) Nomor 1497 Tahun 2025,
 * Nomor 2 Tahun 2025, Nomor 5 Tahun 2025: 17 days of libur nasional and 8 days of cuti bersama.
 *
 * 2027: the SKB is not known yet. Every 2027 entry is `provisional: true` and MUST be checked by an
 * admin against the SKB 3 Menteri for 2027 once it is published. Fixed-date holidays and the
 * Easter-based ones are computed; the Islamic, Chinese, Saka and Buddhist dates are astronomical
 * estimates (Islamic months from the conjunction and the MABIMS visibility criterion used by
 * Kemenag, so they may move by a day after sidang isbat). No cuti bersama is shipped for 2027:
 * it is decided only by the SKB and cannot be estimated.
 */
import type { Holiday } from './calendar.ts';

/** Easter Sunday (Gregorian computus, Meeus/Jones/Butcher) as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const national = (date: string, name: string): Holiday => ({ date, name, kind: 'national' });
const cutiBersama = (date: string, name: string): Holiday => ({ date, name, kind: 'cuti_bersama' });
const provisional = (date: string, name: string): Holiday => ({ date, name, kind: 'national', provisional: true });

const HOLIDAYS_2026: Holiday[] = [
  national('2026-01-01', 'Tahun Baru 2026 Masehi'),
  national('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  cutiBersama('2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'),
  national('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  cutiBersama('2026-03-18', 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  national('2026-03-19', 'Hari Suci Nyepi (Tahun Baru Saka 1948)'),
  cutiBersama('2026-03-20', 'Cuti Bersama Idul Fitri 1447 H'),
  national('2026-03-21', 'Idul Fitri 1447 H'),
  national('2026-03-22', 'Idul Fitri 1447 H'),
  cutiBersama('2026-03-23', 'Cuti Bersama Idul Fitri 1447 H'),
  cutiBersama('2026-03-24', 'Cuti Bersama Idul Fitri 1447 H'),
  national('2026-04-03', 'Wafat Yesus Kristus'),
  national('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  national('2026-05-01', 'Hari Buruh Internasional'),
  national('2026-05-14', 'Kenaikan Yesus Kristus'),
  cutiBersama('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'),
  national('2026-05-27', 'Idul Adha 1447 H'),
  cutiBersama('2026-05-28', 'Cuti Bersama Idul Adha 1447 H'),
  national('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  national('2026-06-01', 'Hari Lahir Pancasila'),
  national('2026-06-16', '1 Muharam Tahun Baru Islam 1448 H'),
  national('2026-08-17', 'Proklamasi Kemerdekaan'),
  national('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  cutiBersama('2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'),
  national('2026-12-25', 'Kelahiran Yesus Kristus'),
];

// PROVISIONAL: to be checked against the SKB 3 Menteri for 2027 by an admin. No cuti bersama (unknown).
const EASTER_2027 = easterSunday(2027); // 2027-03-28
const HOLIDAYS_2027: Holiday[] = [
  provisional('2027-01-01', 'Tahun Baru 2027 Masehi'),
  provisional('2027-01-06', 'Isra Mikraj Nabi Muhammad SAW'), // 27 Rajab 1448 (Umm al-Qura: 01-05)
  provisional('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'),
  provisional('2027-03-09', 'Hari Suci Nyepi (Tahun Baru Saka 1949)'), // day after Tilem Kesanga
  provisional('2027-03-10', 'Idul Fitri 1448 H'), // conjunction 8 Mar 16:29 WIB, too young at sunset
  provisional('2027-03-11', 'Idul Fitri 1448 H'),
  provisional(addDays(EASTER_2027, -2), 'Wafat Yesus Kristus'),
  provisional(EASTER_2027, 'Kebangkitan Yesus Kristus (Paskah)'),
  provisional('2027-05-01', 'Hari Buruh Internasional'),
  provisional(addDays(EASTER_2027, 39), 'Kenaikan Yesus Kristus'),
  provisional('2027-05-17', 'Idul Adha 1448 H'), // 10 Zulhijah; conjunction 6 May after sunset in WIB
  provisional('2027-05-20', 'Hari Raya Waisak 2571 BE'), // full moon 20 May 2027
  provisional('2027-06-01', 'Hari Lahir Pancasila'),
  provisional('2027-06-06', '1 Muharam Tahun Baru Islam 1449 H'),
  provisional('2027-08-15', 'Maulid Nabi Muhammad SAW'), // 12 Rabiulawal 1449
  provisional('2027-08-17', 'Proklamasi Kemerdekaan'),
  provisional('2027-12-25', 'Kelahiran Yesus Kristus'),
];

function freezeSorted(list: Holiday[]): readonly Holiday[] {
  return Object.freeze(list.map((h) => Object.freeze(h)).sort((a, b) => a.date.localeCompare(b.date)));
}

export const SHIPPED_HOLIDAYS: readonly Holiday[] = freezeSorted([...HOLIDAYS_2026, ...HOLIDAYS_2027]);

/** Shipped holidays of the given years (copies, sorted by date). Years not shipped give nothing. */
export function holidaysFor(years: number[]): Holiday[] {
  const wanted = new Set(years.map(String));
  return SHIPPED_HOLIDAYS.filter((h) => wanted.has(h.date.slice(0, 4))).map((h) => ({ ...h }));
}
