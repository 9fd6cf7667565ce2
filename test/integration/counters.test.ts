/**
 * The dashboard's counters (SOP 001): kept in the same transaction as each change, so after a mixed
 * run of items, requests, an objection and exclusions they equal a recount from the records; a
 * refused write moves none; the dashboard's numbers are the ones the run made; the rebuild writes
 * the recount back over counters that went wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { rebuildCounters } from '../../functions/core/reports/recount.ts';
import { expectCountersMatchRecount, storeContext, storedCounters } from '../support/counters.ts';
import { localDay, requestContent, requester } from '../support/fixtures.ts';
import { apiClient, consequenceTest, dipContent, exclusionThroughSop002, publishItem, routeRequest, startTestHost, until } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(async () => {
  await host?.cleanup();
});

const MONTH = localDay().slice(0, 7);
const idOf = (number: string) => number.replace(/^PMH\/(\d{4})\/(\d+)$/, '$1-$2');

async function fileRequest() {
  const res = await api(null, 'POST', '/api/public/requests', {
    requester: requester({ email: 'budi.santoso@example.org' }),
    content: requestContent(),
    submissionId: crypto.randomUUID(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return idOf(res.body.number);
}

async function routeTo(id: string, agencies: string[]) {
  const res = await routeRequest(api, id, { held: true, agencies });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  for (const a of agencies) await until(async () => (await dynamoStore.getRequest(id))?.parts.find((p) => p.agencyId === a)?.taskToken, `the ${a} part wait`);
}

async function answer(id: string, agencyId: string, user: string, decision: 'granted' | 'refused', exclusionIds: string[] = [], last = true) {
  const r = (await api('ppid.utama', 'GET', `/api/requests/${id}`)).body;
  const res = await api(user, 'POST', `/api/requests/${id}/parts/${agencyId}/answer`, {
    decision,
    exclusionIds,
    form: 'Salinan elektronik (PDF)',
    cost: 0,
    deliveryTime: 'Saat pemberitahuan ini diterima',
    version: r.version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  if (!last) return undefined;
  return until(
    async () => {
      const after = await dynamoStore.getRequest(id);
      return after?.notice ? after : undefined;
    },
    'the notice',
    30_000,
  );
}

const dashboard = async (user: string, query = '') => {
  const res = await api(user, 'GET', `/api/dashboard${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('the dashboard counters', () => {
  it('equal a recount from the records after a mixed run, and the dashboard shows what the run did', async () => {
    await publishItem(api, dipContent({ title: 'Rencana Strategis Dinas Kesehatan 2026–2030', category: 'berkala' }));
    const second = await publishItem(api, dipContent({ title: 'Profil Kesehatan Provinsi 2025', category: 'setiap_saat' }));
    await until(async () => ((await dynamoStore.getItem(second.itemId))?.publication === 'published' ? true : undefined), 'the second publication');
    // A draft submitted and waiting for the Kepala PPID.
    const waiting = await api('petugas.disdikbud', 'POST', '/api/items', { content: dipContent({ title: 'Data Pokok Pendidikan 2026' }) });
    expect((await api('petugas.disdikbud', 'POST', `/api/items/${waiting.body.itemId}/submit`, { version: waiting.body.version })).status).toBe(200);

    const granted = await fileRequest();
    await routeTo(granted, ['dinkes']);
    const answered = await answer(granted, 'dinkes', 'kepala.dinkes', 'granted');
    expect(answered?.outcome?.workingDays).toBe(0);

    const refused = await fileRequest();
    await routeTo(refused, ['dinkes', 'disdikbud']);
    const ex = await exclusionThroughSop002(api, consequenceTest({ period: { until: '2027-06-30' } }));
    await answer(refused, 'disdikbud', 'kepala.disdikbud', 'refused', [ex.exclusionId], false);
    await answer(refused, 'dinkes', 'kepala.dinkes', 'refused', [ex.exclusionId]);
    const open = await fileRequest();

    await expectCountersMatchRecount();

    const body = await dashboard('ppid.utama');
    expect(body.from).toBe(MONTH);
    expect(body.reads).toBe(3);
    const dinkes = body.rows.find((r: { agencyId: string }) => r.agencyId === 'dinkes');
    const disdikbud = body.rows.find((r: { agencyId: string }) => r.agencyId === 'disdikbud');
    expect(dinkes.dip.published).toMatchObject({ berkala: 1, setiap_saat: 1, total: 2 });
    expect(dinkes.dip.changedThisMonth).toBe(2);
    expect(dinkes.dip.stale).toBe(false);
    expect(disdikbud.dip).toMatchObject({ waiting: 1, stale: true });
    expect(dinkes.requests).toMatchObject({ received: 2, answered: 2, onTime: 2, late: 0, granted: 1, refused: 1 });
    expect(disdikbud.requests).toMatchObject({ received: 1, answered: 1, refused: 1 });
    expect(dinkes.dik).toMatchObject({ inForce: 1, endingWithin30Days: 0 });
    // The total counts a request routed to two SKPDs once, and the unrouted one.
    expect(body.total.requests).toMatchObject({ received: 3, answered: 2, inProgress: 1, granted: 1, refused: 1 });
    expect(body.total.requests.noticeDays).toMatchObject({ count: 2, median: 0, max: 0 });
    expect(body.trend).toEqual([{ month: MONTH, requestsReceived: 3, requestsAnswered: 2, dipPublications: 2, objectionsReceived: 0 }]);
    const approval = body.sop.find((s: { sop: string; step: string }) => s.sop === '000' && s.step === 'approval');
    expect(approval.total).toMatchObject({ done: 2, withStandard: 2, withinStandard: 2, share: 1 });

    // A PPID Pelaksana sees its SKPD only, and is refused another's.
    const own = await dashboard('kepala.dinkes');
    expect(own.rows.map((r: { agencyId: string }) => r.agencyId)).toEqual(['dinkes']);
    expect(own.total.requests.received).toBe(2);
    const other = await api('kepala.dinkes', 'GET', '/api/dashboard?agencyId=disdikbud');
    expect(other.status).toBe(403);
    expect(open).toBeTruthy();
  }, 180_000);

  it('a refused write moves no counter', async () => {
    const before = await storedCounters();
    const created = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: 'Laporan Keuangan Dinas Kesehatan 2025' }) });
    const afterCreate = await storedCounters();
    const submitted = await api('petugas.dinkes', 'POST', `/api/items/${created.body.itemId}/submit`, { version: created.body.version });
    expect(submitted.status).toBe(200);
    const counted = await storedCounters();
    expect(counted).not.toEqual(afterCreate);
    // The same submission again with the old version: 409, and the counters stay where they were.
    const stale = await api('petugas.dinkes', 'POST', `/api/items/${created.body.itemId}/submit`, { version: created.body.version });
    expect(stale.status).toBe(409);
    expect(await storedCounters()).toEqual(counted);
    expect(before).toBeDefined();
    await expectCountersMatchRecount();
  });

  it('refuses a bad period with a message in both languages', async () => {
    const bad = await api('ppid.utama', 'GET', '/api/dashboard?from=2026-13&to=2026-01');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/TTTT-BB/);
    const reversed = await api('ppid.utama', 'GET', '/api/dashboard?from=2026-06&to=2026-01');
    expect(reversed.status).toBe(400);
    expect(JSON.stringify(reversed.body)).toMatch(/bulan akhir sebelum bulan awal/);
  });

  it('the rebuild writes the recount over counters that went wrong', async () => {
    const ctx = storeContext();
    await dynamoStore.replaceCounters([{ month: '2019-01', agencyId: 'dinkes', metrics: { req_in: 7 } }]);
    expect(Object.keys(await storedCounters())).toEqual(['2019-01|dinkes']);
    const written = await rebuildCounters(ctx);
    expect(written).toBeGreaterThan(3);
    await expectCountersMatchRecount();
    expect((await dashboard('ppid.utama')).total.requests.received).toBe(3);
  });
});
