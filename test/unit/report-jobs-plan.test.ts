import { describe, expect, it } from 'vitest';
import { annualPlanOn, planFor, previousMonth, previousSemester, unitReportId } from '../../functions/core/reports/jobs.ts';

const agencies = [
  { id: 'diskominfo', kind: 'ppid_utama' as const },
  { id: 'dinkes', kind: 'skpd' as const },
  { id: 'disdikbud', kind: 'skpd' as const },
];

describe('the report jobs’ plan (by the local date of the run)', () => {
  it('the month and half-year that ended, across year ends and February', () => {
    expect(previousMonth('2026-01-01')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(previousMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousMonth('2026-03-01')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousSemester('2027-01-01')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(previousSemester('2026-07-01')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
  });

  it('the 1st: a monthly recap per SKPD and consolidated (never the PPID Utama unit on its own), with deterministic ids', () => {
    const plan = planFor('2026-05-01', agencies);
    expect(plan.units).toEqual([
      { job: 'monthly', from: '2026-04-01', to: '2026-04-30', reportId: 'auto-monthly-2026-04' },
      { job: 'monthly', from: '2026-04-01', to: '2026-04-30', agencyId: 'dinkes', reportId: 'auto-monthly-2026-04-dinkes' },
      { job: 'monthly', from: '2026-04-01', to: '2026-04-30', agencyId: 'disdikbud', reportId: 'auto-monthly-2026-04-disdikbud' },
    ]);
    expect(planFor('2026-05-01', agencies)).toEqual(plan);
    expect(planFor('2026-05-02', agencies).units).toEqual([]);
  });

  it('1 January and 1 July add the half-year summary; no other month does', () => {
    const jan = planFor('2027-01-01', agencies).units;
    expect(jan.filter((u) => u.job === 'semester').map((u) => u.reportId)).toEqual([
      'auto-semester-2026-07',
      'auto-semester-2026-07-dinkes',
      'auto-semester-2026-07-disdikbud',
    ]);
    expect(jan.filter((u) => u.job === 'monthly')).toHaveLength(3);
    expect(planFor('2026-07-01', agencies).units.filter((u) => u.job === 'semester')[0]).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
    expect(planFor('2026-04-01', agencies).units.some((u) => u.job === 'semester')).toBe(false);
    // A semester's id and a monthly id of the same start month never meet.
    expect(unitReportId('semester', '2026-01-01')).not.toBe(unitReportId('monthly', '2026-01-01'));
  });

  it('the annual report: the draft on 2 January, reminders monthly and in the last two weeks before 31 March, then monthly while overdue', () => {
    expect(annualPlanOn('2027-01-02')).toEqual({ year: 2026, draft: true, remind: true });
    const days = ['2027-02-01', '2027-03-01', '2027-03-17', '2027-03-24', '2027-03-31', '2027-04-01', '2027-11-01', '2027-12-01'];
    for (const d of days) expect(annualPlanOn(d), d).toEqual({ year: 2026, draft: false, remind: true });
    for (const d of ['2027-01-01', '2027-01-03', '2027-02-02', '2027-03-16', '2027-03-30', '2027-04-02']) expect(annualPlanOn(d), d).toBeUndefined();
  });
});
