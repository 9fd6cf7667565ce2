/**
 * statemachines/publication.asl.json (SOP 000 steps 3-4) in the local engine with its real tasks,
 * driven through the API as the people in the SOP would: approve, return, timeout-escalate,
 * stale version, double decision, a callback on a timed-out token, new versions and withdrawal.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { expectCountersMatchRecount } from '../support/counters.ts';
import { apiClient, dipContent, startTestHost, until } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(async () => {
  await host?.cleanup();
});
afterEach(async () => {
  await api('admin', 'PUT', '/api/settings/rules', {
    publicationApproval: { unit: 'calendarDays', amount: 7 },
    approvalReminder: { unit: 'workingDays', amount: 1 },
  });
});

async function createAndSubmit(title: string, as = 'petugas.dinkes') {
  const created = await api(as, 'POST', '/api/items', { content: dipContent({ title }) });
  expect(created.status).toBe(201);
  const submitted = await api(as, 'POST', `/api/items/${created.body.itemId}/submit`, { version: created.body.version });
  expect(submitted.status).toBe(200);
  return submitted.body;
}

const inboxOf = async (user: string) => (await api(user, 'GET', '/api/inbox')).body.items as any[];
const waitingIn = (user: string, itemId: string) =>
  until(async () => (await inboxOf(user)).find((e) => e.itemId === itemId && e.deadline), `${itemId} in ${user}'s inbox`);
const item = async (itemId: string) => (await api('ppid.utama', 'GET', `/api/items/${itemId}`)).body;
const audit = async (itemId: string) => (await api('admin', 'GET', `/api/audit?entityType=item&entityId=${itemId}&limit=100`)).body.items as any[];
const tokenWaiting = (itemId: string) => until(async () => (await dynamoStore.getItem(itemId))?.current.taskToken, 'a task token');

describe('SOP 000 publication workflow', () => {
  it('refuses an item with a missing or short DIP column, naming the column in both languages', async () => {
    const res = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: 'ab', formats: [] }) });
    expect(res.status).toBe(400);
    const title = res.body.error.details.find((d: any) => d.path === 'body.content.title');
    expect(title.messages).toEqual({ id: 'body.content.title: judul: minimal 3 karakter', en: 'body.content.title: title: at least 3 characters' });
    expect(res.body.error.details.find((d: any) => d.path === 'body.content.formats').messages.en).toMatch(/softcopy and\/or hardcopy/);
  });

  it('numbers items per agency and year without gaps', async () => {
    const a = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: 'Nomor A' }) });
    const b = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: 'Nomor B' }) });
    const year = a.body.regYear;
    expect(a.body.number).toMatch(new RegExp(`^DINKES/${year}/\\d{4}$`));
    expect(b.body.sequence).toBe(a.body.sequence + 1);
    const other = await api('petugas.disdikbud', 'POST', '/api/items', { content: dipContent({ title: 'Nomor C' }) });
    expect(other.body.number).toBe(`DISDIKBUD/${year}/0001`);
  });

  it('approve: the Kepala PPID sees it with deadline and explanation, approves, and it is published into PPID Utama’s DIP', async () => {
    const submitted = await createAndSubmit('Rencana Strategis Dinas Kesehatan 2025-2029');
    const entry = await waitingIn('kepala.dinkes', submitted.itemId);
    expect(entry.overdue).toBe(false);
    expect(entry.timeLeftSeconds).toBeGreaterThan(6 * 86400);
    expect(entry.deadline.explanation.id).toMatch(/hari kalender|hari/);
    expect(entry.deadline.local).toMatch(/T23:59:59\+07:00$/);
    // Another SKPD's Kepala PPID sees nothing of it and may not decide.
    expect((await inboxOf('kepala.disdikbud')).some((e) => e.itemId === submitted.itemId)).toBe(false);
    expect((await api('kepala.disdikbud', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 })).status).toBe(403);
    expect((await api('petugas.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 })).status).toBe(403);

    await tokenWaiting(submitted.itemId);
    const approved = await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 });
    expect(approved.status).toBe(200);
    const published = await until(async () => ((await item(submitted.itemId)).publication === 'published' ? item(submitted.itemId) : undefined), 'publication');
    expect(published.current.state).toBe('published');
    const steps = Object.fromEntries(published.current.steps.map((s: any) => [s.step, s]));
    expect(steps.input).toMatchObject({ sopStep: 2, standardText: '1 Menit' });
    expect(steps.approval).toMatchObject({ sopStep: 3, standardText: '1 Minggu', withinStandard: true, by: 'kepala.dinkes' });
    expect(steps.publication).toMatchObject({ sopStep: 4, withinStandard: true });
    const dip = await api('petugas.disdikbud', 'GET', '/api/dip?agencyId=dinkes');
    expect(dip.body.items.map((d: any) => d.itemId)).toContain(submitted.itemId);
    expect((await inboxOf('kepala.dinkes')).some((e) => e.itemId === submitted.itemId)).toBe(false);
    expect((await audit(submitted.itemId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['item.create', 'item.submit', 'item.approve', 'item.publish']),
    );
  });

  it('return: back to the petugas as a draft with the reason; a reason is required', async () => {
    const submitted = await createAndSubmit('Laporan Keuangan 2025');
    await waitingIn('kepala.dinkes', submitted.itemId);
    const noReason = await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'return', versionNo: 1 });
    expect(noReason.status).toBe(400);
    const res = await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, {
      decision: 'return',
      versionNo: 1,
      reason: 'Lampirkan dokumen PDF laporan yang sudah ditandatangani.',
    });
    expect(res.status).toBe(200);
    const returned = await until(async () => (await inboxOf('petugas.dinkes')).find((e) => e.itemId === submitted.itemId), 'returned entry');
    expect(returned.reason).toMatch(/ditandatangani/);
    const now = await item(submitted.itemId);
    expect(now.current).toMatchObject({ state: 'returned', returnReason: 'Lampirkan dokumen PDF laporan yang sudah ditandatangani.' });
    expect(now.publication).toBe('none');
    // The petugas fixes and resubmits the same version number; the workflow starts again.
    const edited = await api('petugas.dinkes', 'PUT', `/api/items/${submitted.itemId}`, {
      content: dipContent({ title: 'Laporan Keuangan 2025 (revisi)' }),
      version: now.version,
    });
    expect(edited.status).toBe(200);
    expect((await api('petugas.dinkes', 'POST', `/api/items/${submitted.itemId}/submit`, { version: edited.body.version })).status).toBe(200);
    await waitingIn('kepala.dinkes', submitted.itemId);
  });

  it('stale version and double decision get 409 with a message; only one decision is recorded and it publishes once', async () => {
    const submitted = await createAndSubmit('Daftar Puskesmas 2026');
    await tokenWaiting(submitted.itemId);
    const stale = await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 2 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.messages.en).toMatch(/version 2/);
    expect((await api('petugas.dinkes', 'PUT', `/api/items/${submitted.itemId}`, { content: dipContent(), version: submitted.version })).status).toBe(409);

    const both = await Promise.all([
      api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 }),
      api('ppid.utama', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    await until(async () => (await item(submitted.itemId)).publication === 'published', 'publication');
    const again = await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'return', versionNo: 1, reason: 'Terlambat' });
    expect(again.status).toBe(409);
    expect(again.body.error.messages.id).toMatch(/hanya dapat diberikan sekali/);
    const actions = await until(async () => {
      const all = (await audit(submitted.itemId)).map((e) => e.action);
      return all.includes('item.publish') ? all : undefined;
    }, 'the publish audit event');
    expect(actions.filter((a) => a === 'item.approve')).toHaveLength(1);
    expect(actions.filter((a) => a === 'item.publish')).toHaveLength(1);
  });

  it('timeout: reminds the Kepala PPID, escalates to PPID Utama, keeps waiting; a timed-out token is refused, the decision still lands once', async () => {
    await api('admin', 'PUT', '/api/settings/rules', { publicationApproval: { unit: 'minutes', amount: 0 }, approvalReminder: { unit: 'minutes', amount: 1 } });
    const submitted = await createAndSubmit('Data Stunting Balita 2025');
    const firstToken = await tokenWaiting(submitted.itemId);
    const escalated = await until(async () => (await inboxOf('ppid.utama')).find((e) => e.itemId === submitted.itemId), 'escalation', 20_000);
    expect(escalated).toMatchObject({ box: { kind: 'escalated' }, reminders: 1, overdue: true });
    expect((await inboxOf('kepala.dinkes')).find((e) => e.itemId === submitted.itemId)).toMatchObject({ reminders: 1, overdue: true });
    const now = await item(submitted.itemId);
    expect(now.current.reminders).toBe(1);
    expect(now.current.state).toBe('submitted');
    // The mail goes out just after the escalation is recorded.
    const mails = await until(() => {
      const found = readdirSync(join(host.dataDir, 'outbox')).filter((f) => f.startsWith(`approval-reminder-${submitted.itemId}`));
      return found.length ? found : undefined;
    }, 'the reminder mail');
    expect(mails).toHaveLength(1);
    expect((await audit(submitted.itemId)).some((e) => e.action === 'item.approval_escalated')).toBe(true);

    const sfn = new SFNClient({ endpoint: host.endpoints.stepfunctions, region: 'ap-southeast-3', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: firstToken, output: '{"decision":"approve"}' }))).rejects.toMatchObject({
      name: 'TaskTimedOut',
    });
    sfn.destroy();

    await until(async () => {
      const t = (await dynamoStore.getItem(submitted.itemId))?.current.taskToken;
      return t && t !== firstToken;
    }, 'the wait after escalation');
    const approved = await api('ppid.utama', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 });
    expect(approved.status).toBe(200);
    const done = await until(async () => ((await item(submitted.itemId)).publication === 'published' ? item(submitted.itemId) : undefined), 'publication');
    expect(done.current.steps.find((s: any) => s.step === 'approval')).toMatchObject({ by: 'ppid.utama' });
    expect((await inboxOf('ppid.utama')).some((e) => e.itemId === submitted.itemId)).toBe(false);
  }, 40_000);

  it('a decision recorded while no token waits is picked up by the next wait', async () => {
    await api('admin', 'PUT', '/api/settings/rules', { publicationApproval: { unit: 'minutes', amount: 0 }, approvalReminder: { unit: 'minutes', amount: 0 } });
    const submitted = await createAndSubmit('Informasi Serta-merta Banjir');
    await until(async () => (await item(submitted.itemId)).current.reminders >= 1, 'a reminder');
    const res = await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 });
    expect(res.status).toBe(200);
    await until(async () => (await item(submitted.itemId)).publication === 'published', 'publication', 20_000);
  }, 40_000);

  it('editing a published item makes a new version; the public keeps the old one until it is approved; withdrawal unpublishes', async () => {
    const submitted = await createAndSubmit('Standar Pelayanan Rumah Sakit');
    await tokenWaiting(submitted.itemId);
    await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 });
    const v1 = await until(async () => ((await item(submitted.itemId)).publication === 'published' ? item(submitted.itemId) : undefined), 'v1 published');

    const edit = await api('petugas.dinkes', 'PUT', `/api/items/${submitted.itemId}`, {
      content: dipContent({ title: 'Standar Pelayanan Rumah Sakit (perubahan)' }),
      version: v1.version,
    });
    expect(edit.status).toBe(200);
    expect(edit.body.current).toMatchObject({ versionNo: 2, state: 'draft' });
    const publicNow = async () =>
      (await api('ppid.utama', 'GET', '/api/dip?agencyId=dinkes&limit=100')).body.items.find((d: any) => d.itemId === submitted.itemId);
    expect((await publicNow()).content.title).toBe('Standar Pelayanan Rumah Sakit');
    await api('petugas.dinkes', 'POST', `/api/items/${submitted.itemId}/submit`, { version: edit.body.version });
    await tokenWaiting(submitted.itemId);
    expect((await publicNow()).versionNo).toBe(1);
    expect((await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 1 })).status).toBe(409);
    expect((await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/decision`, { decision: 'approve', versionNo: 2 })).status).toBe(200);
    await until(async () => (await publicNow())?.versionNo === 2, 'v2 public');
    expect((await publicNow()).content.title).toBe('Standar Pelayanan Rumah Sakit (perubahan)');

    expect((await api('petugas.dinkes', 'POST', `/api/items/${submitted.itemId}/withdraw`, { reason: 'Sudah tidak berlaku' })).status).toBe(403);
    const withdrawn = await api('kepala.dinkes', 'POST', `/api/items/${submitted.itemId}/withdraw`, { reason: 'Diganti peraturan baru' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ publication: 'withdrawn', withdrawn: { by: 'kepala.dinkes', reason: 'Diganti peraturan baru' } });
    expect(await publicNow()).toBeUndefined();
    const events = (await audit(submitted.itemId)).map((e) => e.action);
    expect(events).toContain('item.withdraw');
    expect(events.filter((a) => a === 'item.publish')).toHaveLength(2);
  }, 40_000);

  it('a holiday added by the admin moves an open approval deadline (audited) and the workflow waits for the new one', async () => {
    await api('admin', 'PUT', '/api/settings/rules', {
      publicationApproval: { unit: 'workingDays', amount: 1 },
      approvalReminder: { unit: 'workingDays', amount: 1 },
    });
    const submitted = await createAndSubmit('Jadwal Imunisasi');
    const entry = await waitingIn('kepala.dinkes', submitted.itemId);
    const firstToken = await tokenWaiting(submitted.itemId);
    const day = entry.deadline.local.slice(0, 10);
    const put = await api('admin', 'PUT', `/api/calendar/holidays/${day}`, { name: 'Libur Daerah Uji', kind: 'national' });
    expect(put.status).toBe(200);
    const moved = (await item(submitted.itemId)).current.deadline;
    expect(moved.local > entry.deadline.local).toBe(true);
    expect(moved.explanation.id).toMatch(/Libur Daerah Uji/);
    expect((await inboxOf('kepala.dinkes')).find((e) => e.itemId === submitted.itemId).deadline.local).toBe(moved.local);
    const recomputed = (await audit(submitted.itemId)).find((e) => e.action === 'item.deadline_recomputed');
    expect(recomputed).toMatchObject({ actor: { username: 'admin' }, before: { deadline: entry.deadline.local }, after: { deadline: moved.local } });
    await until(async () => {
      const t = (await dynamoStore.getItem(submitted.itemId))?.current.taskToken;
      return t && t !== firstToken;
    }, 'the wait for the new deadline');
    expect((await api('admin', 'DELETE', `/api/calendar/holidays/${day}`)).status).toBe(204);
    expect((await item(submitted.itemId)).current.deadline.local).toBe(entry.deadline.local);
  });

  it('lists page with cursors and filter by agency, status, category and year', async () => {
    const first = await api('kepala.dinkes', 'GET', '/api/items?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeDefined();
    const second = await api('kepala.dinkes', 'GET', `/api/items?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].itemId).not.toBe(first.body.items[0].itemId);
    const published = await api('kepala.dinkes', 'GET', '/api/items?publication=published&category=berkala&year=2025&limit=100');
    expect(published.body.items.length).toBeGreaterThan(0);
    expect(published.body.items.every((i: any) => i.publication === 'published' && i.agencyId === 'dinkes')).toBe(true);
    expect((await api('kepala.dinkes', 'GET', '/api/items?agencyId=disdikbud')).status).toBe(403);
    const pipeline = await api('ppid.utama', 'GET', '/api/items?status=published&limit=100');
    expect(new Set(pipeline.body.items.map((i: any) => i.agencyId)).has('dinkes')).toBe(true);
    // With neither agency nor status: every agency's items (test/integration/items-list.test.ts pages through them).
    const everything = await api('ppid.utama', 'GET', '/api/items?limit=100');
    expect(everything.status).toBe(200);
    expect(new Set(everything.body.items.map((i: any) => i.agencyId)).has('dinkes')).toBe(true);
  });

  // After everything above: the dashboard's counters, kept in each transaction, equal a recount.
  it('the dashboard counters equal a recount from the records', async () => {
    await expectCountersMatchRecount();
  }, 60_000);
});
