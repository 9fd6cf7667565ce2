/**
 * statemachines/documentation.asl.json (SOP 004) in the local engine with its real tasks, driven
 * through the API as the people in the SOP would: the Pejabat PID opens a cycle with three OPDs and
 * sends each list (the form, and a spreadsheet through the import's parser), PPID Utama reviews row
 * by row, the OPDs deliver (documents through the items' checked upload), one of them late (timeout,
 * reminder, escalation) and one returned once, PPID Utama checks, the Pejabat PID uploads, and the
 * accepted rows are on the register. Then a holiday moving an open deadline, and a restart of the
 * host during a cycle.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { auditEvent, SYSTEM_ACTOR } from '../../functions/core/audit.ts';
import type { DeadlineRule } from '../../functions/core/calendar.ts';
import { DOC_RULE_KEYS } from '../../functions/core/documentation/cycle.ts';
import { DIP_IMPORT_COLUMNS } from '../../functions/core/documentation/import.ts';
import { type LocalHost, startLocalHost } from '../../infra/local/host.ts';
import { expectCountersMatchRecount } from '../support/counters.ts';
import { apiClient, dipContent, outboxOf, sha256hex, TINY_PDF, until, uploadWithTicket } from '../support/host.ts';
import { flat, pdfText } from '../support/pdf.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-documentation-'));
let host: LocalHost;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startLocalHost({ port: 0, dataDir, quiet: process.env.HOST_LOG !== '1' });
  api = apiClient(host);
  // The third OPD's PPID Pendukung (the demo data has none for Bappeda).
  const user = await api('admin', 'POST', '/api/users', {
    username: 'kepala.bappeda',
    name: 'Rudi Hartono',
    email: 'ppid@bappeda.kalbarprov.go.id',
    role: 'ppid_pelaksana',
    agencyId: 'bappeda',
  });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
}, 120_000);
afterAll(async () => {
  await host?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The deadlines' rules (settings `rules`, as the rules page writes them); absent steps keep the SOP's Mutu Baku. */
async function setRules(rules: Partial<Record<'1' | '2' | '3' | '4' | '5', DeadlineRule>>) {
  const now = new Date();
  const current = (await dynamoStore.getSettings<Record<string, unknown>>('rules')) ?? {};
  const keys = Object.values(DOC_RULE_KEYS);
  const value = Object.fromEntries(Object.entries(current).filter(([k]) => !(keys as string[]).includes(k)));
  for (const [step, rule] of Object.entries(rules)) value[DOC_RULE_KEYS[Number(step) as 1 | 2 | 3 | 4 | 5]] = rule;
  await dynamoStore.commit(
    [{ entity: 'settings', name: 'rules', value }],
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'settings.rules',
      entity: { type: 'settings', id: 'rules' },
      agencyId: 'diskominfo',
      after: rules,
      requestId: 'test',
      now,
    }),
  );
}

const lanePath = (cycleId: string, agencyId: string) => `/api/documentation/cycles/${cycleId}/lanes/${agencyId}`;
const lane = async (cycleId: string, agencyId: string) => (await api('pejabat.pid', 'GET', lanePath(cycleId, agencyId))).body;
const inboxOf = async (user: string) => (await api(user, 'GET', '/api/inbox')).body.items as any[];
const audit = async (cycleId: string, agencyId: string) =>
  (await api('admin', 'GET', `/api/audit?entityType=documentation&entityId=${encodeURIComponent(`${cycleId}#${agencyId}`)}&limit=100`)).body.items as any[];

/** The lane waiting at `step` with its deadline computed and the execution waiting on a token. */
const waitingAt = (cycleId: string, agencyId: string, step: number) =>
  until(async () => {
    const l = await dynamoStore.getDocLane(cycleId, agencyId);
    return l?.state === 'waiting' && l.step === step && l.wait?.deadline && l.wait.taskToken ? l : undefined;
  }, `${agencyId} waiting at step ${step}`);

async function act(as: string, cycleId: string, agencyId: string, body: Record<string, unknown>) {
  const l = await lane(cycleId, agencyId);
  return api(as, 'POST', `${lanePath(cycleId, agencyId)}/actions`, { version: l.version, ...body });
}

/** Uploads and checks a PDF on a row's item, as the OPD does through the items' upload path. */
async function attachPdf(as: string, itemId: string) {
  const doc = await api(as, 'POST', `/api/items/${itemId}/documents`, {
    fileName: 'dokumen.pdf',
    contentType: 'application/pdf',
    size: TINY_PDF.length,
    sha256: sha256hex(TINY_PDF),
  });
  expect(doc.status, JSON.stringify(doc.body)).toBe(201);
  expect(await uploadWithTicket(doc.body.upload, TINY_PDF)).toBe(204);
  expect((await api(as, 'POST', `/api/items/${itemId}/documents/${doc.body.document.docId}/verify`)).status).toBe(200);
}

const csvField = (v: string) => (/[",;\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
function csv(rows: Record<string, string>[]): string {
  const header = DIP_IMPORT_COLUMNS.map((c) => csvField(c.header)).join(',');
  return [header, ...rows.map((r) => DIP_IMPORT_COLUMNS.map((c) => csvField(r[c.field] ?? '')).join(','))].join('\r\n');
}
const csvRow = (title: string, extra: Record<string, string> = {}) => ({
  title,
  summary: 'Rekapitulasi data pendidikan dasar dan menengah per kabupaten/kota tahun 2025.',
  holder: 'Bidang Pendidikan Dasar',
  responsible: 'Kepala Dinas Pendidikan dan Kebudayaan',
  createdWhen: 'Januari 2026',
  createdWhere: 'Pontianak',
  formats: 'hardcopy',
  retention: '5 tahun',
  category: 'berkala',
  year: '2025',
  tags: 'pendidikan',
  ...extra,
});
const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('SOP 004 documentation cycle', () => {
  let cycleId: string;

  it('only the Pejabat PID opens a cycle; one list per OPD waits at step 1 with its deadline, in the inbox and by mail', async () => {
    expect((await api('ppid.utama', 'POST', '/api/documentation/cycles', { name: 'Siklus uji', period: 'Semester I 2026' })).status).toBe(403);
    const unknown = await api('pejabat.pid', 'POST', '/api/documentation/cycles', { name: 'Siklus uji', period: 'Semester I 2026', agencyIds: ['diskominfo'] });
    expect(unknown.status).toBe(400);
    const opened = await api('pejabat.pid', 'POST', '/api/documentation/cycles', {
      name: 'Pendokumentasian DIP Semester I 2026',
      period: 'Semester I 2026',
      agencyIds: ['dinkes', 'disdikbud', 'bappeda'],
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    cycleId = opened.body.cycle.cycleId;
    expect(opened.body.lanes.map((l: any) => [l.agencyId, l.step, l.state])).toEqual([
      ['dinkes', 1, 'waiting'],
      ['disdikbud', 1, 'waiting'],
      ['bappeda', 1, 'waiting'],
    ]);
    for (const a of ['dinkes', 'disdikbud', 'bappeda']) await waitingAt(cycleId, a, 1);
    const entries = (await inboxOf('pejabat.pid')).filter((e) => e.itemId.startsWith(cycleId));
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ entity: 'documentation', box: { kind: 'documentation_pejabat' }, overdue: false });
    expect(entries[0].deadline.explanation.id).toMatch(/hari kerja/);
    const mail = await until(
      () => outboxOf(host).find((m) => m.subject.includes('SOP 004 langkah 1') && m.subject.includes('Dinas Kesehatan')),
      'the hand-over mail of step 1',
    );
    expect(mail.to).toContain('pejabat.pid@kalbarprov.go.id');
    expect(mail.text).toMatch(/Tenggat: \w+, \d+ \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
    expect(mail.text).toContain(`#/documentation/${cycleId}/dinkes`);
    // The board lists every OPD; a PPID Pelaksana sees only its own.
    expect((await api('ppid.utama', 'GET', `/api/documentation/cycles/${cycleId}`)).body.lanes).toHaveLength(3);
    expect((await api('kepala.dinkes', 'GET', `/api/documentation/cycles/${cycleId}`)).body.lanes.map((l: any) => l.agencyId)).toEqual(['dinkes']);
    expect((await api('kepala.dinkes', 'GET', lanePath(cycleId, 'disdikbud'))).status).toBe(403);
  });

  it('step 1: the list from the form or a spreadsheet (bad rows refused with line and field, nothing saved); only the step’s role acts', async () => {
    const softcopy = dipContent({ title: 'Profil Kesehatan Kalbar 2025', formats: ['softcopy'] });
    const hardcopy = dipContent({ title: 'Rencana Strategis Dinas Kesehatan 2025–2029' });
    expect((await act('ppid.utama', cycleId, 'dinkes', { step: 1, action: 'send', rows: [softcopy] })).status).toBe(403);
    const sent = await act('pejabat.pid', cycleId, 'dinkes', { step: 1, action: 'send', rows: [softcopy, hardcopy] });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(sent.body).toMatchObject({ step: 2, state: 'waiting' });
    // Exactly once: the same action again is refused.
    expect((await api('pejabat.pid', 'POST', `${lanePath(cycleId, 'dinkes')}/actions`, { step: 1, action: 'send', version: 1, rows: [softcopy] })).status).toBe(
      409,
    );

    const bad = await act('pejabat.pid', cycleId, 'disdikbud', {
      step: 1,
      action: 'send',
      spreadsheet: { fileName: 'daftar-disdikbud.csv', contentBase64: base64(csv([csvRow('Data Pokok Pendidikan 2025'), csvRow('Da', { year: 'dua ribu' })])) },
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.map((d: any) => d.path);
    expect(paths).toContain('spreadsheet.line3.title');
    expect(paths).toContain('spreadsheet.line3.year');
    expect((await lane(cycleId, 'disdikbud')).rows).toEqual([]);
    const good = await act('pejabat.pid', cycleId, 'disdikbud', {
      step: 1,
      action: 'send',
      spreadsheet: { fileName: 'daftar-disdikbud.csv', contentBase64: base64(csv([csvRow('Data Pokok Pendidikan 2025')])) },
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body.rows.map((r: any) => [r.line, r.content.title])).toEqual([[2, 'Data Pokok Pendidikan 2025']]);

    const bappeda = await act('pejabat.pid', cycleId, 'bappeda', {
      step: 1,
      action: 'send',
      rows: [dipContent({ title: 'RPJMD Provinsi Kalimantan Barat 2025–2029' }), dipContent({ title: 'Catatan rapat internal' })],
    });
    expect(bappeda.status).toBe(200);
    for (const a of ['dinkes', 'disdikbud', 'bappeda']) await waitingAt(cycleId, a, 2);
    const records = await dynamoStore.listStepRecordsOfAgency('004', 'dinkes');
    expect(records.find((r) => r.step === 'list')).toMatchObject({
      sop: '004',
      sopStep: 1,
      standardText: '1 hari kerja',
      withinStandard: true,
      by: 'pejabat.pid',
    });
  });

  it('step 2: PPID Utama reviews every row (accept, correct, reject with a note) and sends it to the OPD, whose items are made', async () => {
    const dinkes = await lane(cycleId, 'dinkes');
    const missing = await act('ppid.utama', cycleId, 'dinkes', { step: 2, action: 'send', reviews: [{ rowId: 'r1', decision: 'accept' }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].messages.id).toMatch(/belum ditelaah/);
    const corrected = { ...dinkes.rows[1].content, summary: 'Rencana strategis lima tahunan Dinas Kesehatan, dikoreksi PPID Utama.' };
    const sent = await act('ppid.utama', cycleId, 'dinkes', {
      step: 2,
      action: 'send',
      reviews: [
        { rowId: 'r1', decision: 'accept' },
        { rowId: 'r2', decision: 'correct', content: corrected },
      ],
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const atThree = await waitingAt(cycleId, 'dinkes', 3);
    expect(atThree.rows.every((r) => r.itemId && r.itemNumber?.startsWith('DINKES/'))).toBe(true);
    expect((await inboxOf('kepala.dinkes')).find((e) => e.itemId === `${cycleId}#dinkes`)).toMatchObject({
      box: { kind: 'documentation_delivery', agencyId: 'dinkes' },
    });
    // Ten working days for the delivery.
    expect(Date.parse(atThree.wait!.deadline!.at) - Date.now()).toBeGreaterThan(9 * 86_400_000);
    const item = (await api('kepala.dinkes', 'GET', `/api/items/${atThree.rows[1]!.itemId}`)).body;
    expect(item.current.content.summary).toBe(corrected.summary);
    const mail = await until(
      () => outboxOf(host).find((m) => m.subject.includes('SOP 004 langkah 3') && m.subject.includes('Dinas Kesehatan')),
      'the mail to the OPD',
    );
    expect(mail.to).toEqual(['ppid@dinkes.kalbarprov.go.id']);
  });

  it('late: the delivery times out, the OPD and PPID Utama are reminded, it is escalated, and the late delivery still lands once', async () => {
    await api('admin', 'PUT', '/api/settings/rules', {
      publicationApproval: { unit: 'calendarDays', amount: 7 },
      approvalReminder: { unit: 'minutes', amount: 1 },
    });
    await setRules({ '3': { unit: 'minutes', amount: 0 } });
    expect((await act('ppid.utama', cycleId, 'disdikbud', { step: 2, action: 'send', reviews: [{ rowId: 'r1', decision: 'accept' }] })).status).toBe(200);
    const key = `${cycleId}#disdikbud`;
    const escalated = await until(async () => (await inboxOf('ppid.utama')).find((e) => e.itemId === key && e.box.kind === 'escalated'), 'escalation', 20_000);
    expect(escalated).toMatchObject({ entity: 'documentation', reminders: 1, overdue: true });
    expect((await inboxOf('kepala.disdikbud')).find((e) => e.itemId === key)).toMatchObject({ reminders: 1, overdue: true });
    const reminder = await until(
      () => outboxOf(host).find((m) => m.subject.includes('Pengingat 1: SOP 004 langkah 3') && m.subject.includes('Pendidikan')),
      'the reminder',
    );
    expect(reminder.to).toEqual(expect.arrayContaining(['ppid@disdikbud.kalbarprov.go.id', 'ppid.utama@kalbarprov.go.id']));
    expect((await audit(cycleId, 'disdikbud')).some((e) => e.action === 'documentation.step3_escalated')).toBe(true);
    await setRules({});
    await until(async () => {
      const l = await dynamoStore.getDocLane(cycleId, 'disdikbud');
      return l?.wait?.escalatedAt && l.wait.taskToken;
    }, 'the wait after escalation');
    const delivered = await act('kepala.disdikbud', cycleId, 'disdikbud', { step: 3, action: 'deliver' });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    await waitingAt(cycleId, 'disdikbud', 4);
    expect((await inboxOf('ppid.utama')).some((e) => e.itemId === key && e.box.kind === 'escalated')).toBe(false);
    const late = (await dynamoStore.listStepRecordsOfAgency('004', 'disdikbud')).find((r) => r.step === 'delivery');
    expect(late).toMatchObject({ sopStep: 3, standardText: '10 hari kerja', withinStandard: false, by: 'kepala.disdikbud' });
  }, 60_000);

  it('on time: the OPD uploads the documents through the items’ checked upload and delivers; one OPD is returned once with a note', async () => {
    const dinkes = await lane(cycleId, 'dinkes');
    // Another OPD cannot deliver for Dinkes; a softcopy row without its document is refused.
    expect((await act('kepala.disdikbud', cycleId, 'dinkes', { step: 3, action: 'deliver' })).status).toBe(403);
    const early = await act('kepala.dinkes', cycleId, 'dinkes', { step: 3, action: 'deliver' });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].messages.en).toMatch(/upload its document first/);
    await attachPdf('kepala.dinkes', dinkes.rows[0].itemId);
    // The row's item is published by the cycle, not submitted on its own through SOP 000.
    const own = (await api('kepala.dinkes', 'GET', `/api/items/${dinkes.rows[0].itemId}`)).body;
    expect((await api('kepala.dinkes', 'POST', `/api/items/${own.itemId}/submit`, { version: own.version })).status).toBe(409);
    expect((await act('kepala.dinkes', cycleId, 'dinkes', { step: 3, action: 'deliver' })).status).toBe(200);
    const onTime = (await dynamoStore.listStepRecordsOfAgency('004', 'dinkes')).find((r) => r.step === 'delivery');
    expect(onTime).toMatchObject({ withinStandard: true, by: 'kepala.dinkes' });

    expect(
      (
        await act('ppid.utama', cycleId, 'bappeda', {
          step: 2,
          action: 'send',
          reviews: [
            { rowId: 'r1', decision: 'accept' },
            { rowId: 'r2', decision: 'reject' },
          ],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await act('ppid.utama', cycleId, 'bappeda', {
          step: 2,
          action: 'send',
          reviews: [
            { rowId: 'r1', decision: 'accept' },
            { rowId: 'r2', decision: 'reject', note: 'Catatan rapat internal bukan informasi publik.' },
          ],
        })
      ).status,
    ).toBe(200);
    const atThree = await waitingAt(cycleId, 'bappeda', 3);
    expect(atThree.rows.map((r) => Boolean(r.itemId))).toEqual([true, false]);
    expect((await act('kepala.bappeda', cycleId, 'bappeda', { step: 3, action: 'deliver' })).status).toBe(200);
    await waitingAt(cycleId, 'bappeda', 4);
    expect((await act('ppid.utama', cycleId, 'bappeda', { step: 4, action: 'return', note: '' })).status).toBe(400);
    const returned = await act('ppid.utama', cycleId, 'bappeda', { step: 4, action: 'return', note: 'Lampiran RPJMD belum lengkap, mohon dilengkapi.' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ step: 3, returns: 1, returnsFrom: { 4: 1 } });
    const again = await waitingAt(cycleId, 'bappeda', 3);
    // The step it returned to starts its clock again: a new deadline from the return.
    expect(Date.parse(again.wait!.since)).toBeGreaterThan(Date.parse(atThree.wait!.since));
    expect(again.wait!.deadline!.at >= atThree.wait!.deadline!.at).toBe(true);
    expect(again.steps.filter((s) => s.step === 'delivery').map((s) => Boolean(s.endedAt))).toEqual([true, false]);
    expect((await inboxOf('kepala.bappeda')).find((e) => e.itemId === `${cycleId}#bappeda`)).toMatchObject({
      reason: 'Lampiran RPJMD belum lengkap, mohon dilengkapi.',
    });
    await until(
      () => outboxOf(host).find((m) => m.subject.startsWith('[SIP PPID] Dikembalikan SOP 004 langkah 3') && m.text.includes('Lampiran RPJMD')),
      'the return mail',
    );
    expect((await act('kepala.bappeda', cycleId, 'bappeda', { step: 3, action: 'deliver' })).status).toBe(200);
    const deliveries = (await dynamoStore.listStepRecordsOfAgency('004', 'bappeda')).filter((r) => r.step === 'delivery');
    expect(deliveries.map((r) => r.versionNo).sort()).toEqual([1, 2]);
  });

  it('steps 4 and 5: PPID Utama passes each list on, the Pejabat PID uploads, and the accepted rows are published DIP items on the register', async () => {
    for (const a of ['dinkes', 'disdikbud', 'bappeda']) {
      await waitingAt(cycleId, a, 4);
      expect((await act('ppid.utama', cycleId, a, { step: 4, action: 'pass' })).status).toBe(200);
      await waitingAt(cycleId, a, 5);
      expect((await act('pejabat.pid', cycleId, a, { step: 5, action: 'upload' })).status).toBe(200);
    }
    expect((await act('pejabat.pid', cycleId, 'dinkes', { step: 5, action: 'upload' })).status).toBe(409);
    for (const a of ['dinkes', 'disdikbud', 'bappeda'])
      await until(async () => (await dynamoStore.getDocLane(cycleId, a))?.state === 'published', `${a} published`, 30_000);

    const dinkes = await lane(cycleId, 'dinkes');
    const dip = (await api('ppid.utama', 'GET', '/api/dip?agencyId=dinkes')).body.items as any[];
    for (const row of dinkes.rows) expect(dip.find((d) => d.itemId === row.itemId)).toMatchObject({ approvedBy: 'ppid.utama', versionNo: 1 });
    const bappeda = await lane(cycleId, 'bappeda');
    const bappedaDip = (await api('ppid.utama', 'GET', '/api/dip?agencyId=bappeda')).body.items as any[];
    expect(bappedaDip.map((d) => d.content.title)).toEqual(['RPJMD Provinsi Kalimantan Barat 2025–2029']);
    expect(bappeda.rows[1].publishedAt).toBeUndefined();

    // The register: the incremental update wrote the new items' pages and their agencies' parts of the
    // open data (the whole-register export follows on its own schedule, register-exports.ts).
    await until(
      async () => {
        const index = (await (await fetch(`${host.url}/data/dip/index.json`)).json()) as { parts: { agencyId: string; year: number }[] };
        const parts = await Promise.all(index.parts.map(async (p) => (await fetch(`${host.url}/data/dip/${p.agencyId}/${p.year}.csv`)).text()));
        const text = parts.join('\n');
        return text.includes('Rencana Strategis Dinas Kesehatan') && text.includes('Data Pokok Pendidikan 2025') && text.includes('RPJMD Provinsi');
      },
      'the items in the register export',
      30_000,
    );
    const item = (await api('ppid.utama', 'GET', `/api/items/${dinkes.rows[0].itemId}`)).body;
    const page = await fetch(`${host.url}/informasi/dinkes/${item.regYear}/${item.sequence}.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Profil Kesehatan Kalbar 2025');

    // Every step of every list has its record against the Mutu Baku.
    const steps = (await dynamoStore.listStepRecordsOfAgency('004', 'dinkes')).map((r) => [r.sopStep, r.step, r.withinStandard]);
    expect(steps.sort()).toEqual([
      [1, 'list', true],
      [2, 'review', true],
      [3, 'delivery', true],
      [4, 'check', true],
      [5, 'upload', true],
    ]);
    expect((await inboxOf('pejabat.pid')).some((e) => e.itemId.startsWith(cycleId))).toBe(false);
    // Every list is on the website: the cycle closed.
    const board = await until(async () => {
      const b = (await api('ppid.utama', 'GET', `/api/documentation/cycles/${cycleId}`)).body;
      return b.cycle.state === 'closed' && b;
    }, 'the cycle closed');
    expect(board.cycle.closedAt).toBeDefined();
    expect(board.lanes.map((l: any) => [l.agencyId, l.state, l.returns])).toEqual([
      ['bappeda', 'published', 1],
      ['dinkes', 'published', 0],
      ['disdikbud', 'published', 0],
    ]);

    // The closing summary is in the report archive: on time, late, missing; signed PDF with CSV, XLSX, JSON.
    const closed = await until(async () => {
      const b = (await api('ppid.utama', 'GET', `/api/documentation/cycles/${cycleId}`)).body;
      return b.cycle.summary && b;
    }, 'the closing summary archived');
    const report = (await api('ppid.utama', 'GET', `/api/reports/archive/${closed.cycle.summary.reportId}`)).body;
    expect(report).toMatchObject({ kind: 'documentation_cycle', source: 'documentation', number: closed.cycle.summary.number, spec: { cycleId } });
    expect(report.files.map((f: any) => f.format).sort()).toEqual(['csv', 'json', 'pdf', 'xlsx']);
    const file = async (format: string) => {
      const link = await api('ppid.utama', 'GET', `/api/reports/archive/${report.reportId}/files/${format}`);
      expect(link.status, JSON.stringify(link.body)).toBe(200);
      return new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
    };
    const data = JSON.parse(new TextDecoder().decode(await file('json')));
    const figures = Object.fromEntries(data.sections[0].figures.map((f: any) => [f.key, f.value]));
    expect(figures).toMatchObject({ opd: 3, on_time: 2, late: 1, missing: 0, published_lanes: 3, returns: 1 });
    const lanesTable = data.sections[0].tables.find((x: any) => x.key === 'lanes');
    expect(lanesTable.rows.map((r: any[]) => [r[0], r[6], r[9]])).toEqual([
      ['Badan Perencanaan Pembangunan Daerah', 'Tepat waktu', 1],
      ['Dinas Kesehatan', 'Tepat waktu', 0],
      ['Dinas Pendidikan dan Kebudayaan', 'Terlambat', 0],
    ]);
    const pdf = flat((await pdfText(await file('pdf'))).text);
    expect(pdf).toContain('Ringkasan Siklus Pendokumentasian Informasi Publik');
    // No column breaks a word while the words fit (render.ts fitWidths).
    for (const word of ['Terlambat', 'Dipublikasikan', 'Diterima', 'Ditolak', 'Penyerahan']) expect(pdf).toContain(` ${word} `);
    // The Pejabat PID reads the cycles' summaries, and no other report.
    expect((await api('pejabat.pid', 'GET', `/api/reports/archive/${report.reportId}`)).status).toBe(200);
    const seen = (await api('pejabat.pid', 'GET', '/api/reports/archive?limit=100')).body.items as any[];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.kind === 'documentation_cycle')).toBe(true);
    expect((await api('pejabat.pid', 'GET', '/api/reports/archive?kind=monthly')).status).toBe(403);
    expect((await api('pejabat.pid', 'GET', '/api/imports/template?format=csv')).status).toBe(200);
    // A rerun of the last lane's Publish issues nothing twice.
    const { publish } = await import('../../functions/tasks/documentation.ts');
    await publish({ cycleId, agencyId: 'dinkes' });
    const archived = (await api('ppid.utama', 'GET', `/api/reports/archive?kind=documentation_cycle&limit=100`)).body.items as any[];
    expect(archived.filter((r) => r.spec.cycleId === cycleId)).toHaveLength(1);
  }, 120_000);

  it('a holiday added by the admin moves an open deadline (audited) and the workflow waits for the new one', async () => {
    const opened = await api('pejabat.pid', 'POST', '/api/documentation/cycles', {
      name: 'Siklus hari libur',
      period: 'Semester II 2026',
      agencyIds: ['banhub'],
    });
    expect(opened.status).toBe(201);
    const id = opened.body.cycle.cycleId;
    const first = await waitingAt(id, 'banhub', 1);
    const day = first.wait!.deadline!.local.slice(0, 10);
    expect((await api('admin', 'PUT', `/api/calendar/holidays/${day}`, { name: 'Libur Daerah Uji SOP 004', kind: 'national' })).status).toBe(200);
    const moved = (await dynamoStore.getDocLane(id, 'banhub'))!.wait!.deadline!;
    expect(moved.local > first.wait!.deadline!.local).toBe(true);
    expect(moved.explanation.id).toMatch(/Libur Daerah Uji SOP 004/);
    expect((await inboxOf('pejabat.pid')).find((e) => e.itemId === `${id}#banhub`).deadline.local).toBe(moved.local);
    expect((await audit(id, 'banhub')).find((e) => e.action === 'documentation.deadline_recomputed')).toMatchObject({ actor: { username: 'admin' } });
    await until(async () => {
      const t = (await dynamoStore.getDocLane(id, 'banhub'))?.wait?.taskToken;
      return t && t !== first.wait!.taskToken;
    }, 'the wait for the new deadline');
    expect((await api('admin', 'DELETE', `/api/calendar/holidays/${day}`)).status).toBe(204);
  });

  it('a crash after the lanes were written but before their executions started: reading the board starts them, once', async () => {
    const { openCycle } = await import('../../functions/core/documentation/cycle.ts');
    const { taskContext } = await import('../../functions/tasks/context.ts');
    const pejabat = { username: 'pejabat.pid', name: 'Dewi Lestari', role: 'pejabat_pid' as const, agencyId: 'diskominfo' };
    // The fault a real part cannot produce on demand: the process dies at the first StartExecution.
    const crashing = { ...taskContext(), workflows: { start: () => Promise.reject(new Error('host killed')), complete: () => Promise.resolve(false) } };
    const cycleId = crypto.randomUUID();
    await expect(openCycle(crashing, pejabat, { name: 'Siklus terputus', period: 'Tahun 2026', agencyIds: ['banhub', 'dinkes'] }, { cycleId })).rejects.toThrow(
      'host killed',
    );
    const names = [`documentation-${cycleId}-banhub`, `documentation-${cycleId}-dinkes`];
    const executions = () => [...host.stepFunctions.executions.values()].filter((e) => names.includes(e.name));
    expect(executions()).toHaveLength(0);
    expect((await dynamoStore.listDocLanes(cycleId)).map((l) => [l.agencyId, l.state, l.step])).toEqual([
      ['banhub', 'waiting', 1],
      ['dinkes', 'waiting', 1],
    ]);
    // The Pejabat PID opens the board: both lanes get their execution, and wait at step 1 with a deadline.
    expect((await api('pejabat.pid', 'GET', `/api/documentation/cycles/${cycleId}`)).status).toBe(200);
    await waitingAt(cycleId, 'banhub', 1);
    await waitingAt(cycleId, 'dinkes', 1);
    // Reading again starts nothing more.
    expect((await api('ppid.utama', 'GET', `/api/documentation/cycles/${cycleId}`)).status).toBe(200);
    expect(
      executions()
        .map((e) => [e.name, e.status])
        .sort(),
    ).toEqual(names.map((n) => [n, 'RUNNING']));
  });

  it('a restart of the host during a cycle: the execution resumes, keeps its deadline, and the list goes on', async () => {
    const opened = await api('pejabat.pid', 'POST', '/api/documentation/cycles', { name: 'Siklus mulai ulang', period: 'Tahun 2026', agencyIds: ['dinkes'] });
    const id = opened.body.cycle.cycleId;
    await waitingAt(id, 'dinkes', 1);
    expect((await act('pejabat.pid', id, 'dinkes', { step: 1, action: 'send', rows: [dipContent({ title: 'Laporan Keuangan Dinkes 2025' })] })).status).toBe(
      200,
    );
    const before = await waitingAt(id, 'dinkes', 2);
    await host.stop();
    host = await startLocalHost({ port: 0, dataDir, quiet: process.env.HOST_LOG !== '1' });
    api = apiClient(host);
    const running = [...host.stepFunctions.executions.values()].filter((e) => e.status === 'RUNNING').map((e) => e.name);
    expect(running).toContain(`documentation-${id}-dinkes`);
    const after = await until(
      async () => {
        const l = await dynamoStore.getDocLane(id, 'dinkes');
        return l?.wait?.taskToken && l.wait.taskToken !== before.wait!.taskToken ? l : undefined;
      },
      'the wait after the restart',
      30_000,
    );
    // The deadline was computed once, from the step's start, not again from the restart.
    expect(after.wait!.deadline).toEqual(before.wait!.deadline);
    expect((await act('ppid.utama', id, 'dinkes', { step: 2, action: 'return', note: 'Mohon lengkapi ringkasan laporan keuangan.' })).status).toBe(200);
    const back = await waitingAt(id, 'dinkes', 1);
    expect(back.returns).toBe(1);
    expect(
      (await dynamoStore.listStepRecordsOfAgency('004', 'dinkes'))
        .filter((r) => r.itemId === `${id}#dinkes`)
        .map((r) => r.step)
        .sort(),
    ).toEqual(['list', 'review']);
  }, 120_000);

  it('the dashboard counters equal a recount from the records', () => expectCountersMatchRecount());
});
