import { describe, expect, it } from 'vitest';
import { type DeadlineRule, deadline, endOfLocalDay, isWorkingDay, localDateOf, TIME_ZONES, type WorkCalendar } from '../../functions/core/calendar.ts';
import { easterSunday, holidaysFor, SHIPPED_HOLIDAYS } from '../../functions/core/holidays.ts';

const ID: WorkCalendar = { holidays: SHIPPED_HOLIDAYS };
const NONE: WorkCalendar = { holidays: [] };
const days = (amount: number): DeadlineRule => ({ unit: 'workingDays', amount });

describe('deadline: working days', () => {
  it('skips a weekend', () => {
    // Received Friday 10 April 2026 10:00 WIB (day zero). Days 1..5: Mon 13 .. Fri 17 April.
    const r = deadline('2026-04-10T03:00:00Z', days(5), ID);
    expect(r.startLocalDate).toBe('2026-04-10');
    expect(r.countedDays).toEqual(['2026-04-13', '2026-04-14', '2026-04-15', '2026-04-16', '2026-04-17']);
    expect(r.skipped).toEqual([
      { date: '2026-04-11', reason: 'weekend', name: 'Sabtu' },
      { date: '2026-04-12', reason: 'weekend', name: 'Minggu' },
    ]);
    expect(r.localDeadline).toBe('2026-04-17T23:59:59+07:00');
    expect(r.deadline).toBe('2026-04-17T16:59:59.000Z');
    expect(r.timezone).toBe('Asia/Jakarta');
  });

  it('skips the whole Nyepi / Idul Fitri 2026 run and Easter', () => {
    // Received Tuesday 17 March 2026 (day zero), Asia/Jakarta, 10 working days.
    //   skip Wed 18 Mar cuti bersama Nyepi, Thu 19 Nyepi, Fri 20 cuti bersama Idul Fitri,
    //        Sat 21 + Sun 22 Idul Fitri (holiday wins over weekend), Mon 23 + Tue 24 cuti bersama
    //   day 1 Wed 25, 2 Thu 26, 3 Fri 27; skip Sat 28, Sun 29 weekend
    //   day 4 Mon 30, 5 Tue 31, 6 Wed 1 Apr, 7 Thu 2 Apr
    //   skip Fri 3 Apr Wafat Yesus Kristus, Sat 4 weekend, Sun 5 Paskah
    //   day 8 Mon 6, 9 Tue 7, 10 Wed 8 April -> 2026-04-08T23:59:59+07:00 = 16:59:59Z
    const r = deadline('2026-03-17T09:15:00+07:00', days(10), ID, 'Asia/Jakarta');
    expect(r.countedDays).toEqual([
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
      '2026-04-06',
      '2026-04-07',
      '2026-04-08',
    ]);
    expect(r.skipped.map((s) => [s.date, s.reason])).toEqual([
      ['2026-03-18', 'cuti_bersama'],
      ['2026-03-19', 'national'],
      ['2026-03-20', 'cuti_bersama'],
      ['2026-03-21', 'national'],
      ['2026-03-22', 'national'],
      ['2026-03-23', 'cuti_bersama'],
      ['2026-03-24', 'cuti_bersama'],
      ['2026-03-28', 'weekend'],
      ['2026-03-29', 'weekend'],
      ['2026-04-03', 'national'],
      ['2026-04-04', 'weekend'],
      ['2026-04-05', 'national'],
    ]);
    expect(r.localDeadline).toBe('2026-04-08T23:59:59+07:00');
    expect(r.deadline).toBe('2026-04-08T16:59:59.000Z');
  });

  it('uses the local date of receipt, not the UTC date (Asia/Jayapura)', () => {
    // Monday 13 April 2026 07:30 WIT is still Sunday 12 April in UTC. Day zero is Monday,
    // so 1 working day ends Tuesday 14 April 23:59:59 WIT (UTC would have given Monday).
    const r = deadline('2026-04-12T22:30:00Z', days(1), ID, 'Asia/Jayapura');
    expect(r.startLocalDate).toBe('2026-04-13');
    expect(r.countedDays).toEqual(['2026-04-14']);
    expect(r.localDeadline).toBe('2026-04-14T23:59:59+09:00');
    expect(r.deadline).toBe('2026-04-14T14:59:59.000Z');

    // Friday 10 April 2026 23:30 WIT counts Friday as day zero: day 1 is Monday 13 April.
    const fri = deadline('2026-04-10T23:30:00+09:00', days(1), ID, 'Asia/Jayapura');
    expect(fri.startLocalDate).toBe('2026-04-10');
    expect(fri.skipped.map((s) => s.name)).toEqual(['Sabtu', 'Minggu']);
    expect(fri.localDeadline).toBe('2026-04-13T23:59:59+09:00');
  });

  it('a late-evening receipt west of UTC counts its local day (America/New_York, DST)', () => {
    // Thursday 9 April 2026 23:30 EDT is Friday 03:30 UTC; day 1 is Friday 10 April (EDT, -04:00).
    const r = deadline('2026-04-10T03:30:00Z', days(1), NONE, 'America/New_York');
    expect(r.startLocalDate).toBe('2026-04-09');
    expect(r.localDeadline).toBe('2026-04-10T23:59:59-04:00');
    // In winter the same zone is -05:00: offsets come from Intl, not a constant.
    expect(deadline('2026-01-08T15:00:00Z', days(1), NONE, 'America/New_York').localDeadline).toBe('2026-01-09T23:59:59-05:00');
  });

  it('Asia/Pontianak and Asia/Jayapura give different UTC instants for the same rule', () => {
    const start = '2026-04-10T03:00:00Z'; // Friday in both zones
    const wib = deadline(start, days(5), ID, 'Asia/Pontianak');
    const wit = deadline(start, days(5), ID, 'Asia/Jayapura');
    expect(wib.countedDays).toEqual(wit.countedDays);
    expect(wib.deadline).toBe('2026-04-17T16:59:59.000Z');
    expect(wit.deadline).toBe('2026-04-17T14:59:59.000Z');
    expect(Date.parse(wib.deadline) - Date.parse(wit.deadline)).toBe(2 * 3600_000);
  });

  it('counts Saturday when the workWeek includes it', () => {
    const sixDays: WorkCalendar = { holidays: SHIPPED_HOLIDAYS, workWeek: [1, 2, 3, 4, 5, 6] };
    const r = deadline('2026-04-10T03:00:00Z', days(2), sixDays);
    expect(r.countedDays).toEqual(['2026-04-11', '2026-04-13']);
    expect(r.skipped).toEqual([{ date: '2026-04-12', reason: 'weekend', name: 'Minggu' }]);
    expect(r.localDeadline).toBe('2026-04-13T23:59:59+07:00');
  });

  it('amount 0 is the end of the day of receipt, even on a holiday', () => {
    const r = deadline('2026-03-21T02:00:00Z', days(0), ID);
    expect(r.startLocalDate).toBe('2026-03-21');
    expect(r.countedDays).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.localDeadline).toBe('2026-03-21T23:59:59+07:00');
    expect(deadline('2026-03-21T02:00:00Z', { unit: 'calendarDays', amount: 0 }, ID).deadline).toBe(r.deadline);
  });
});

describe('deadline: calendar days and minutes', () => {
  it("calendarDays 7 ('1 minggu') does not skip holidays or weekends", () => {
    const r = deadline('2026-03-17T03:00:00Z', { unit: 'calendarDays', amount: 7 }, ID);
    expect(r.countedDays).toEqual(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);
    expect(r.skipped).toEqual([]);
    expect(r.localDeadline).toBe('2026-03-24T23:59:59+07:00');
    expect(r.deadline).toBe('2026-03-24T16:59:59.000Z');
  });

  it('minutes 1 is exactly one minute later', () => {
    const r = deadline(new Date('2026-03-17T03:00:00Z'), { unit: 'minutes', amount: 1 }, ID);
    expect(r.deadline).toBe('2026-03-17T03:01:00.000Z');
    expect(r.localDeadline).toBe('2026-03-17T10:01:00+07:00');
    expect(r.countedDays).toEqual([]);
    expect(r.skipped).toEqual([]);
    expect(r.explanation.id).toContain('1 menit');
    expect(r.explanation.en).toContain('1 minute');
  });
});

describe('deadline: explanation', () => {
  it('lists every holiday passed over with its reason and counts the weekends, in Indonesian and English, with the deadline in words', () => {
    const r = deadline('2026-03-17T09:15:00+07:00', days(10), ID);
    const { id, en } = r.explanation;
    expect(id).toContain('Selasa 17 Maret 2026');
    expect(id).toContain('10 hari kerja');
    expect(id).toContain('Rabu 18 Maret 2026: Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948) (cuti bersama)');
    expect(id).toContain('Kamis 19 Maret 2026: Hari Suci Nyepi (Tahun Baru Saka 1948) (libur nasional)');
    expect(id).toContain('Sabtu 21 Maret 2026: Idul Fitri 1447 H (libur nasional)');
    expect(id).toContain('Jumat 3 April 2026: Wafat Yesus Kristus (libur nasional)');
    const weekends = r.skipped.filter((s) => s.reason === 'weekend').length;
    expect(id).toContain(`Tidak dihitung: ${weekends} hari akhir pekan;`);
    expect(id).toContain('Batas waktu: akhir hari Rabu 8 April 2026, pukul 23.59 WIB.');
    // The instants are for machines (the result's fields), not for the people who read this.
    expect(id).not.toMatch(/\d{4}-\d{2}-\d{2}T|UTC/);
    expect(en).not.toMatch(/\d{4}-\d{2}-\d{2}T|UTC/);
    expect(en).toContain('Tuesday 17 March 2026');
    expect(en).toContain('10 working days');
    expect(en).toContain('Wednesday 18 March 2026: Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948) (cuti bersama, collective leave)');
    expect(en).toContain('Friday 3 April 2026: Wafat Yesus Kristus (national holiday)');
    expect(en).toContain(`Not counted: ${weekends} weekend days;`);
    expect(en).toContain('Deadline: end of Wednesday 8 April 2026, 23:59 WIB.');
    // One entry per holiday and one for the weekends, in both languages.
    const holidays = r.skipped.length - weekends + 1;
    expect(id.split('Tidak dihitung: ')[1]?.split('. Batas')[0]?.split('; ')).toHaveLength(holidays);
    expect(en.split('Not counted: ')[1]?.split('. Deadline')[0]?.split('; ')).toHaveLength(holidays);
    // Nothing outside the counting window (after day zero, up to the deadline) is listed.
    expect(id).not.toContain('Minggu 15 Maret 2026');
    expect(id).not.toContain('Sabtu 11 April 2026');
  });

  it('marks provisional holidays', () => {
    // Wednesday 5 May 2027; Thursday 6 May 2027 is Ascension (provisional).
    const r = deadline('2027-05-05T03:00:00Z', days(1), ID);
    expect(r.skipped).toEqual([{ date: '2027-05-06', reason: 'national', name: 'Kenaikan Yesus Kristus', provisional: true }]);
    expect(r.countedDays).toEqual(['2027-05-07']);
    expect(r.explanation.id).toContain('perkiraan');
    expect(r.explanation.en).toContain('provisional');
  });
});

describe('deadline: validation', () => {
  const start = '2026-04-10T03:00:00Z';
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects amount %s', (amount) => {
    expect(() => deadline(start, days(amount), ID)).toThrow(RangeError);
    expect(() => deadline(start, { unit: 'minutes', amount }, ID)).toThrow(/non-negative integer/);
  });

  it('rejects an unknown unit, time zone, start or workWeek', () => {
    expect(() => deadline(start, { unit: 'weeks', amount: 1 } as unknown as DeadlineRule, ID)).toThrow(RangeError);
    expect(() => deadline(start, days(1), ID, 'Mars/Olympus')).toThrow(/Unknown time zone/);
    expect(() => deadline('not a date', days(1), ID)).toThrow(RangeError);
    expect(() => deadline('2026-04-10T10:00:00', days(1), ID)).toThrow(RangeError); // no offset
    expect(() => deadline(new Date(Number.NaN), days(1), ID)).toThrow(RangeError);
    expect(() => deadline(start, days(1), { holidays: [], workWeek: [0, 1] })).toThrow(RangeError);
    expect(() => isWorkingDay('2026-02-30', ID)).toThrow(RangeError);
    expect(() => endOfLocalDay('2026-4-1', 'Asia/Jakarta')).toThrow(RangeError);
  });

  it('an empty workWeek throws instead of looping forever', () => {
    const t0 = performance.now();
    expect(() => deadline(start, days(1), { holidays: [], workWeek: [] })).toThrow(/3660/);
    expect(() => deadline(start, { unit: 'calendarDays', amount: 100_000 }, ID)).toThrow(RangeError);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('helpers', () => {
  it('isWorkingDay explains non-working days', () => {
    expect(isWorkingDay('2026-04-06', ID)).toEqual({ working: true });
    expect(isWorkingDay('2026-04-04', ID)).toEqual({
      working: false,
      reason: { date: '2026-04-04', reason: 'weekend', name: 'Sabtu' },
    });
    expect(isWorkingDay('2026-12-24', ID).reason?.reason).toBe('cuti_bersama');
    expect(isWorkingDay('2026-04-04', { holidays: [], workWeek: [6] }).working).toBe(true);
  });

  it('localDateOf and endOfLocalDay', () => {
    const instant = new Date('2026-04-12T22:30:00Z');
    expect(localDateOf(instant, 'Asia/Jakarta')).toBe('2026-04-13');
    expect(localDateOf(instant, 'UTC')).toBe('2026-04-12');
    expect(endOfLocalDay('2026-04-13', 'Asia/Makassar').toISOString()).toBe('2026-04-13T15:59:59.000Z');
    expect(endOfLocalDay('2026-04-13', 'Asia/Jayapura').toISOString()).toBe('2026-04-13T14:59:59.000Z');
    expect(TIME_ZONES).toEqual(['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura']);
  });
});

describe('SHIPPED_HOLIDAYS', () => {
  it('has no duplicate dates and valid entries', () => {
    const dates = SHIPPED_HOLIDAYS.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    for (const h of SHIPPED_HOLIDAYS) {
      expect(() => isWorkingDay(h.date, NONE)).not.toThrow();
      expect(h.name.length).toBeGreaterThan(0);
    }
  });

  it('2026 matches the SKB: 17 national days and 8 cuti bersama', () => {
    const y2026 = holidaysFor([2026]);
    expect(y2026.filter((h) => h.kind === 'national')).toHaveLength(17);
    expect(y2026.filter((h) => h.kind === 'cuti_bersama')).toHaveLength(8);
    expect(y2026.some((h) => h.provisional)).toBe(false);
  });

  it('all 2027 entries are provisional, with no cuti bersama', () => {
    const y2027 = holidaysFor([2027]);
    expect(y2027.length).toBeGreaterThan(0);
    expect(y2027.every((h) => h.provisional === true && h.kind === 'national')).toBe(true);
  });

  it('Easter-based dates are computed correctly', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    const byName = (name: string) => holidaysFor([2027]).find((h) => h.name === name)?.date;
    expect(byName('Kebangkitan Yesus Kristus (Paskah)')).toBe('2027-03-28');
    expect(byName('Wafat Yesus Kristus')).toBe('2027-03-26');
    expect(byName('Kenaikan Yesus Kristus')).toBe('2027-05-06');
  });

  it('holidaysFor returns copies for the requested years only', () => {
    expect(holidaysFor([2025])).toEqual([]);
    expect(holidaysFor([2026, 2027])).toHaveLength(SHIPPED_HOLIDAYS.length);
    const copy = holidaysFor([2026])[0];
    expect(copy).toBeDefined();
    if (copy) copy.name = 'changed';
    expect(SHIPPED_HOLIDAYS[0]?.name).toBe('Tahun Baru 2026 Masehi');
  });
});
