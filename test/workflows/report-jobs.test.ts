/**
 * statemachines/reports.asl.json (ReportJobs) in the local engine with its real tasks, started as the
 * DailyReportJobs schedule starts it, `{ scheduledTime }`, with the clock set by that time (not slept).
 * Every run is made twice (a retry or replay): no second report, no second mail.
 */
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { nextFire } from '../../infra/local/scheduler.ts';
import { machineArn } from '../../infra/local/stepfunctions.ts';
import { schedules } from '../../infra/system.ts';
import { apiClient, outboxOf, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let sfn: SFNClient;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  sfn = new SFNClient({ endpoint: host.endpoints.stepfunctions, region: 'ap-southeast-3', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
}, 120_000);
afterAll(async () => {
  sfn?.destroy();
  await host?.cleanup();
});

const SKPD = ['banhub', 'bappeda', 'dinkes', 'disdikbud'];
let runs = 0;

/** One execution as the schedule starts it (its own name: a retry of the schedule is another execution). */
async function run(scheduledTime: string) {
  const { executionArn } = await sfn.send(
    new StartExecutionCommand({ stateMachineArn: machineArn('ReportJobs'), name: `test-${++runs}`, input: JSON.stringify({ scheduledTime }) }),
  );
  await host.stepFunctions.idle();
  const done = await sfn.send(new DescribeExecutionCommand({ executionArn }));
  expect(done.status, done.output ?? '').toBe('SUCCEEDED');
  return JSON.parse(done.output ?? 'null');
}

/** The local time the schedule fires on a local date (06:15 WIB). */
const fireOn = (localDate: string) => {
  const s = schedules.find((x) => x.id === 'DailyReportJobs')!;
  return nextFire(s.expression, s.timezone, new Date(`${localDate}T00:00:00+07:00`)).toISOString();
};

async function archive(query: string) {
  const items: any[] = [];
  let cursor: string | undefined;
  do {
    const res = await api('ppid.utama', 'GET', `/api/reports/archive?limit=100${query}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}

const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('ReportJobs workflow', () => {
  it('the schedule fires every morning at 06:15 WIB', () => {
    expect(fireOn('2026-02-01')).toBe('2026-01-31T23:15:00.000Z');
  });

  it('an ordinary day issues nothing and mails no one', async () => {
    const out = await run(fireOn('2026-03-10'));
    expect(out.plan).toEqual({ today: '2026-03-10', units: [] });
    expect(out.annual).toEqual({ draft: 'none', reminder: 'none' });
    expect(await archive('')).toEqual([]);
    expect(outboxOf(host)).toEqual([]);
  });

  it('2 January: the draft of the year that ended with its numbers, and a mail to PPID Utama; a replay makes neither again', async () => {
    const first = await run(fireOn('2026-01-02'));
    expect(first.plan.units).toEqual([]);
    expect(first.annual).toEqual({ year: 2025, draft: 'created', reminder: 'sent' });
    const draft = await dynamoStore.getAnnualDraft(2025);
    expect(draft).toMatchObject({ year: 2025, state: 'draft', version: 1, dueOn: '2026-03-31', createdBy: 'system' });
    expect(draft!.figures!.length).toBeGreaterThan(0);
    expect(draft!.figuresAsOf).toBe('2026-01-01T23:15:00.000Z');
    const mails = outboxOf(host);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual(['ppid.utama@kalbarprov.go.id']);
    expect(mails[0].subject).toMatch(/Laporan Layanan Informasi Publik 2025/);
    expect(mails[0].text).toContain('Selasa, 31 Maret 2026');
    expect(mails[0].text).toContain('Tuesday, 31 March 2026');
    expect(mails[0].text).toMatch(/\/app\/#\/reports\/annual\/2025/);
    expect(mails[0].text).not.toMatch(ISO_INSTANT);

    const again = await run(fireOn('2026-01-02'));
    expect(again.annual).toEqual({ year: 2025, draft: 'exists', reminder: 'skipped' });
    expect(await dynamoStore.getAnnualDraft(2025)).toEqual(draft);
    expect(outboxOf(host)).toHaveLength(1);
  });

  it('the 1st of the month: the monthly recap of each SKPD and consolidated, archived and mailed once; the annual reminder too', async () => {
    const first = await run(fireOn('2026-02-01'));
    expect(first.plan.units.map((u: any) => u.agencyId ?? '-').sort()).toEqual(['-', ...SKPD]);
    expect(first.plan.units.every((u: any) => u.job === 'monthly' && u.from === '2026-01-01' && u.to === '2026-01-31')).toBe(true);
    expect(first.issued.every((i: any) => i.created)).toBe(true);
    // PPID Utama (all five) and the two SKPD with a PPID Pelaksana; bappeda and banhub have none.
    expect(first.mailed).toEqual({ sent: 3, skipped: 2 });
    expect(first.annual).toEqual({ year: 2025, draft: 'exists', reminder: 'sent' });

    const monthly = await archive('&kind=monthly&year=2026');
    expect(monthly).toHaveLength(5);
    expect(monthly.map((r) => r.agencyId ?? '-').sort()).toEqual(['-', ...SKPD]);
    for (const r of monthly) {
      expect(r).toMatchObject({
        source: 'scheduled',
        issuedBy: { username: 'system' },
        issuedAt: '2026-01-31T23:15:00.000Z',
        spec: { from: '2026-01-01', to: '2026-01-31' },
      });
      expect(r.files).toHaveLength(4);
    }
    expect(new Set(monthly.map((r) => r.number)).size).toBe(5);

    const mails = outboxOf(host).filter((m) => /Rekap bulanan/.test(m.subject));
    expect(mails.map((m) => m.to.join()).sort()).toEqual(['ppid.utama@kalbarprov.go.id', 'ppid@dinkes.kalbarprov.go.id', 'ppid@disdikbud.kalbarprov.go.id']);
    const utama = mails.find((m) => m.to.includes('ppid.utama@kalbarprov.go.id'))!;
    for (const r of monthly) {
      expect(utama.text).toContain(r.number);
      expect(utama.text).toContain(`/app/#/reports/archive/${r.reportId}`);
    }
    const dinkes = mails.find((m) => m.to.includes('ppid@dinkes.kalbarprov.go.id'))!;
    const own = monthly.find((r) => r.agencyId === 'dinkes')!;
    expect(dinkes.text).toContain(own.number);
    expect(dinkes.text.match(/LAP\/\d{4}\/\d{4}/g)).toEqual([own.number, own.number]);
    for (const m of mails) {
      expect(m.text).toContain('Januari 2026');
      expect(m.text).toContain('January 2026');
      expect(m.text).not.toMatch(ISO_INSTANT);
    }
    const count = outboxOf(host).length;
    expect(count).toBe(5); // the draft's mail, the three recaps and this month's reminder

    const again = await run(fireOn('2026-02-01'));
    expect(again.issued.every((i: any) => !i.created)).toBe(true);
    expect(again.issued.map((i: any) => i.number).sort()).toEqual(monthly.map((r) => r.number).sort());
    expect(again.mailed).toEqual({ sent: 0, skipped: 5 });
    expect(again.annual).toEqual({ year: 2025, draft: 'exists', reminder: 'skipped' });
    expect(await archive('&kind=monthly&year=2026')).toHaveLength(5);
    expect(outboxOf(host)).toHaveLength(count);
  });

  it('once the annual report is issued, the reminders stop', async () => {
    const draft = (await api('ppid.utama', 'GET', '/api/reports/annual/2025')).body.draft;
    const issued = await api('ppid.utama', 'POST', '/api/reports/annual/2025/issue', { version: draft.version });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const before = outboxOf(host).length;
    const out = await run(fireOn('2026-03-17'));
    expect(out.plan.units).toEqual([]);
    expect(out.annual).toEqual({ year: 2025, draft: 'exists', reminder: 'none' });
    expect(outboxOf(host)).toHaveLength(before);
  });

  it('1 July: the half-year summary (January–June) of each SKPD and consolidated besides June’s recap, once', async () => {
    const before = outboxOf(host).length;
    const first = await run(fireOn('2026-07-01'));
    const semester = first.plan.units.filter((u: any) => u.job === 'semester');
    expect(semester).toHaveLength(5);
    expect(semester.every((u: any) => u.from === '2026-01-01' && u.to === '2026-06-30')).toBe(true);
    expect(first.plan.units.filter((u: any) => u.job === 'monthly' && u.from === '2026-06-01')).toHaveLength(5);
    expect(first.mailed).toEqual({ sent: 6, skipped: 4 });
    const summaries = await archive('&kind=semester');
    expect(summaries).toHaveLength(5);
    const mails = outboxOf(host).filter((m) => /Ringkasan akses informasi/.test(m.subject));
    expect(mails).toHaveLength(3);
    expect(mails.every((m) => m.text.includes('Juni 2026') && !ISO_INSTANT.test(m.text))).toBe(true);
    expect(outboxOf(host)).toHaveLength(before + 6);

    const again = await run(fireOn('2026-07-01'));
    expect(again.issued.every((i: any) => !i.created)).toBe(true);
    expect(again.mailed).toEqual({ sent: 0, skipped: 10 });
    expect(await archive('&kind=semester')).toHaveLength(5);
    expect(outboxOf(host)).toHaveLength(before + 6);
  });
});
