/**
 * statemachines/objection.asl.json (objections to the Atasan PPID, UU 14/2008 Pasal 35–36) in the
 * local engine with its real tasks, driven through the API as the requester and the staff would:
 * ground c offered only once the notice deadline passed; a late objection refused with the date its
 * period ended; the response in time (granted with a follow-up that is then fulfilled, or rejected)
 * issued as a signed PDF; a response overdue reminded and escalated; a holiday moving the deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { remindAndEscalate } from '../../functions/core/objections/workflow.ts';
import { taskContext } from '../../functions/tasks/context.ts';
import { eraseExpired } from '../../functions/tasks/request.ts';
import { expectCountersMatchRecount } from '../support/counters.ts';
import { requester as baseRequester, requestContent } from '../support/fixtures.ts';
import { apiClient, outboxOf, requestPdf, routeRequest, startTestHost, TINY_PDF, until } from '../support/host.ts';
import { pdfText } from '../support/pdf.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(async () => {
  await host?.cleanup();
});

const requester = (overrides: Record<string, unknown> = {}) => baseRequester({ email: 'budi.keberatan@example.org', ...overrides });
const content = requestContent();
const CASE = 'Sampai batas waktu sepuluh hari kerja saya tidak menerima pemberitahuan tertulis apa pun.';

/** The local date `days` calendar days ago in WIB. */
const daysAgo = (days: number) => new Date(Date.now() + 7 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);
const inDays = (days: number) => daysAgo(-days);

/** A request received by letter `days` ago (staff registration), with its tracking code. */
async function letter(days: number, agencies?: string[]) {
  const res = await api('ppid.utama', 'POST', '/api/requests', {
    requester: requester(),
    content,
    channel: 'letter',
    receivedOn: daysAgo(days),
    submissionId: crypto.randomUUID(),
    note: 'Surat tiba di loket, baru dicatat.',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.request.requestId as string;
  if (agencies) {
    const routed = await routeRequest(api, id, { held: true, agencies });
    expect(routed.status, JSON.stringify(routed.body)).toBe(200);
  }
  return { id, number: res.body.request.number as string, code: res.body.trackingCode as string };
}

const status = async (number: string, code: string) => (await api(null, 'POST', '/api/public/requests/status', { number, code })).body;
const object = (r: { number: string; code: string }, grounds: string[], extra: Record<string, unknown> = {}) =>
  api(null, 'POST', '/api/public/objections', { number: r.number, code: r.code, grounds, case: CASE, submissionId: crypto.randomUUID(), ...extra });
const getObjection = async (id: string) => (await api('atasan.ppid', 'GET', `/api/objections/${id}`)).body;
const idOf = (number: string) => number.replace(/^KBR\/(\d{4})\/(\d+)$/, '$1-$2');
const waiting = (id: string) => until(async () => (await dynamoStore.getObjection(id))?.taskToken, 'the objection wait', 20_000);
const outbox = () => outboxOf(host);

async function respond(id: string, body: Record<string, unknown>) {
  await waiting(id);
  const o = await getObjection(id);
  return api('atasan.ppid', 'POST', `/api/objections/${id}/response`, { ...body, version: o.version });
}

describe('objections', () => {
  it('ground c is offered only once the notice deadline passed with no notice', async () => {
    const fresh = await letter(0);
    const before = await status(fresh.number, fresh.code);
    const c = before.objectionGrounds.find((g: any) => g.ground === 'c');
    expect(c).toMatchObject({ known: false, available: false });
    expect(c.note.id).toMatch(/Dapat dipilih bila sampai .* tidak ada pemberitahuan tertulis/);
    const refused = await object(fresh, ['c']);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0]).toMatchObject({ path: 'body.grounds' });
    expect(refused.body.error.details[0].messages.id).toMatch(/Alasan c tidak berlaku/);
    // Nothing was filed.
    expect((await status(fresh.number, fresh.code)).objections).toEqual([]);

    const late = await letter(21);
    const after = await status(late.number, late.code);
    expect(after.objectionGrounds.find((g: any) => g.ground === 'c')).toMatchObject({ known: true, available: true });
    // The others wait for the notice (b needs none).
    expect(after.objectionGrounds.filter((g: any) => g.available).map((g: any) => g.ground)).toEqual(['b', 'c']);
  });

  it('an objection filed more than 30 working days after its ground arose is refused with the date the period ended', async () => {
    const old = await letter(60);
    const grounds = (await status(old.number, old.code)).objectionGrounds;
    const c = grounds.find((g: any) => g.ground === 'c');
    expect(c).toMatchObject({ known: true, available: false });
    expect(Date.parse(c.until.at)).toBeLessThan(Date.now());
    const res = await object(old, ['c']);
    expect(res.status).toBe(400);
    const day = Number(c.until.local.slice(8, 10));
    expect(res.body.error.details[0].messages.id).toMatch(new RegExp(`berakhir pada \\w+, ${day} \\w+ \\d{4} \\(UU 14/2008 Pasal 36 ayat \\(1\\)\\)`));
    expect(res.body.error.details[0].messages.en).toMatch(new RegExp(`period ended on \\w+, ${day} \\w+ \\d{4}`));
  });

  it('granted in time: the Atasan orders the information, the response is issued, the SKPD provides it, the requester downloads it', async () => {
    const r = await letter(21, ['dinkes']);
    const filed = await object(r, ['c']);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const number = filed.body.objection.number as string;
    expect(number).toMatch(/^KBR\/\d{4}\/\d{4}$/);
    expect(filed.body.objection.deadline.explanation.id).toMatch(/30 hari kerja/);
    const id = idOf(number);
    const objection = await dynamoStore.getObjection(id);
    expect(objection?.agencyIds).toEqual(['dinkes']);
    // The Atasan PPID sees it in the inbox with the countdown; the mails link to where each acts.
    const entry = await until(
      async () => (await api('atasan.ppid', 'GET', '/api/inbox')).body.items.find((e: any) => e.itemId === id && e.box.kind === 'objection'),
      'the inbox entry',
    );
    expect(entry).toMatchObject({ entity: 'objection', number, overdue: false });
    expect(entry.timeLeftSeconds).toBeGreaterThan(0);
    const mails = outbox();
    expect(mails.find((m) => m.subject.includes(`Keberatan ${number} diterima`))?.to).toEqual(['budi.keberatan@example.org']);
    expect(mails.find((m) => m.subject.includes(`Keberatan ${number} menunggu`))?.text).toContain(`/app/#/objections/${id}`);

    // Only the Atasan PPID responds; a granted one needs the date.
    expect((await api('ppid.utama', 'POST', `/api/objections/${id}/response`, { decision: 'rejected', reasons: 'x'.repeat(30), version: 1 })).status).toBe(403);
    const noDate = await respond(id, { decision: 'granted', scope: 'full', reasons: 'Permohonan tidak dijawab dalam batas waktu undang-undang.' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details[0].path).toBe('body.provideBy');
    const granted = await respond(id, {
      decision: 'granted',
      scope: 'full',
      provideBy: inDays(5),
      reasons: 'Permohonan tidak dijawab dalam batas waktu undang-undang.',
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body).toMatchObject({ state: 'granted', response: { decision: 'granted', responder: { name: 'Drs. Samuel Hutapea, M.M.' } } });
    expect(granted.body.disputeWindow.from).toBe('response');
    // Decided once.
    expect((await respond(id, { decision: 'rejected', reasons: 'Alasan lain yang cukup panjang untuk diuji.' })).status).toBe(409);

    // The signed response, issued by the workflow, with the right to go to the Komisi Informasi.
    const issued = await until(async () => (await dynamoStore.getObjection(id))?.responseDocument, 'the response PDF', 30_000);
    expect(issued.number).toMatch(/^TKB\//);
    const link = await api('atasan.ppid', 'GET', `/api/objections/${id}/files/response`);
    expect(link.status).toBe(200);
    const { text } = await pdfText(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()));
    expect(text).toMatch(/TANGGAPAN ATAS KEBERATAN/);
    expect(text).toContain(number);
    expect(text).toMatch(/Komisi Informasi/);
    const responseMail = await until(() => outbox().find((m) => m.subject.includes(`Tanggapan atas keberatan ${number}`)), 'the response mail');
    expect(responseMail.text).toContain('DITERIMA');
    expect(responseMail.text).toContain(`kode=${encodeURIComponent(r.code)}`);

    // The follow-up: in the SKPD's inbox; it uploads the document to the request and records it.
    await until(
      async () => (await api('kepala.dinkes', 'GET', '/api/inbox')).body.items.find((e: any) => e.itemId === id && e.box.kind === 'objection_followup'),
      'the follow-up in the SKPD inbox',
    );
    await waiting(id);
    const docId = await requestPdf(api, r.id);
    const o = await getObjection(id);
    // Another SKPD cannot.
    expect(
      (await api('kepala.disdikbud', 'POST', `/api/objections/${id}/follow-up`, { documents: [], note: 'Bukan urusan kami.', version: o.version })).status,
    ).toBe(403);
    const done = await api('kepala.dinkes', 'POST', `/api/objections/${id}/follow-up`, {
      documents: [{ docId }],
      note: 'Data cakupan imunisasi dikirim sesuai tanggapan Atasan PPID.',
      version: o.version,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.state).toBe('closed');
    await until(async () => {
      const inbox = (await api('kepala.dinkes', 'GET', '/api/inbox')).body.items as any[];
      return !inbox.some((e) => e.itemId === id);
    }, 'the follow-up leaves the inbox');

    // The requester sees the response and downloads the information.
    const seen = await status(r.number, r.code);
    expect(seen.objections[0]).toMatchObject({ number, state: 'closed', response: { decision: 'granted' } });
    expect(seen.objections[0].followUp.fulfilled.documents[0].docId).toBe(docId);
    const file = await api(null, 'POST', '/api/public/objections/files', { number: r.number, code: r.code, objection: number, file: docId });
    expect(file.status, JSON.stringify(file.body)).toBe(200);
    expect(Buffer.from(await (await fetch(file.body.url)).arrayBuffer()).equals(TINY_PDF)).toBe(true);
    const wrongCode = await api(null, 'POST', '/api/public/objections/files', {
      number: r.number,
      code: 'AAAA-BBBB-CCCC',
      objection: number,
      file: 'response',
    });
    expect(wrongCode.status).toBe(404);
    // The workflow ends.
    await until(async () => {
      const res = await api('admin', 'GET', `/api/audit?entityType=objection&entityId=${id}&limit=100`);
      return (res.body.items as any[]).some((e) => e.action === 'objection.fulfilled');
    }, 'the audit of the follow-up');
  });

  it('rejected with reasons: the objection closes with the response and the dispute window', async () => {
    const r = await letter(21);
    const submissionId = crypto.randomUUID();
    const filed = await object(r, ['c'], { submissionId });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    // A double click files one objection.
    const again = await object(r, ['c'], { submissionId });
    expect(again.body.objection.number).toBe(filed.body.objection.number);
    expect((await status(r.number, r.code)).objections).toHaveLength(1);
    const id = idOf(filed.body.objection.number);
    const res = await respond(id, { decision: 'rejected', reasons: 'Pemberitahuan tertulis telah dikirim melalui pos pada waktunya.' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.state).toBe('rejected');
    expect(res.body.followUp).toBeUndefined();
    const issued = await until(async () => (await dynamoStore.getObjection(id))?.responseDocument, 'the response PDF', 30_000);
    expect(issued.file.fileName).toMatch(/^Tanggapan-KBR-/);
    const seen = (await status(r.number, r.code)).objections[0];
    expect(seen.response.decision).toBe('rejected');
    expect(Date.parse(seen.disputeWindow.at)).toBeGreaterThan(Date.now());
    const mail = await until(() => outbox().find((m) => m.subject.includes(`Tanggapan atas keberatan ${filed.body.objection.number}`)), 'the mail');
    expect(mail.text).toMatch(/DITOLAK/);
    expect(mail.text).toMatch(/Komisi Informasi paling lambat \w+, \d+ \w+ \d{4}/);
  });

  it('a response overdue: reminded, escalated to PPID Utama, the Atasan and the head of the body, and the dispute window opens (ground b on paper, no request)', async () => {
    const head = await api('admin', 'PUT', '/api/settings/public-body', {
      headOfBody: { name: 'H. Ria Norsan', position: 'Gubernur Kalimantan Barat', email: 'gubernur@kalbarprov.go.id' },
    });
    expect(head.status, JSON.stringify(head.body)).toBe(200);
    const res = await api('petugas.dinkes', 'POST', '/api/objections', {
      objector: requester({ email: 'warga.berkala@example.org' }),
      information: 'Laporan keuangan semester I tahun 2026 Dinas Kesehatan',
      grounds: ['b'],
      case: 'Laporan keuangan berkala tidak diumumkan di situs PPID sampai hari ini.',
      channel: 'letter',
      receivedOn: daysAgo(50),
      submissionId: crypto.randomUUID(),
      note: 'Surat keberatan baru dicatat.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.trackingCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const { objectionId: id, number } = res.body.objection;
    expect(Date.parse(res.body.objection.deadline.at)).toBeLessThan(Date.now());
    const escalated = await until(
      async () => (await api('ppid.utama', 'GET', '/api/inbox')).body.items.find((e: any) => e.itemId === id && e.box.kind === 'escalated'),
      'the escalation',
      20_000,
    );
    expect(escalated).toMatchObject({ entity: 'objection', overdue: true });
    const atasan = (await api('atasan.ppid', 'GET', '/api/inbox')).body.items as any[];
    expect(atasan.some((e) => e.itemId === id && e.box.kind === 'escalated')).toBe(true);
    const stored = await dynamoStore.getObjection(id);
    expect(stored).toMatchObject({ escalations: 1, disputeWindow: { from: 'no_response' } });
    expect(stored?.remindedAt).toBeTruthy();
    const mail = await until(() => outbox().find((m) => m.subject.includes(`Keberatan ${number} melewati batas waktu`)), 'the overdue mail');
    expect(mail.to).toEqual(expect.arrayContaining(['ppid.utama@kalbarprov.go.id', 'atasan.ppid@kalbarprov.go.id', 'gubernur@kalbarprov.go.id']));
    expect(mail.text).toContain(`/app/#/objections/${id}`);
    const told = await until(() => outbox().find((m) => m.subject.includes(`Keberatan ${number} belum ditanggapi`)), 'the objector is told');
    expect(told.to).toEqual(['warga.berkala@example.org']);
    // The objector follows it with the objection's own number and code.
    const own = await api(null, 'POST', '/api/public/objections/status', { number, code: res.body.trackingCode });
    expect(own.status).toBe(200);
    expect(own.body.objections[0]).toMatchObject({ number, grounds: ['b'], disputeWindow: { from: 'no_response' } });
    expect(JSON.stringify(own.body)).not.toContain('warga.berkala@example.org');
    // Back-dated and audited; the objector only as a hash.
    const audit = (await api('admin', 'GET', `/api/audit?entityType=objection&entityId=${id}&limit=100`)).body.items as any[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['objection.register', 'objection.backdated', 'objection.reminded']));
    expect(JSON.stringify(audit)).not.toContain('warga.berkala@example.org');
    // Another ground needs a request.
    const noRequest = await api('petugas.dinkes', 'POST', '/api/objections', {
      objector: requester(),
      grounds: ['a'],
      case: CASE,
      channel: 'letter',
      receivedOn: daysAgo(1),
      submissionId: crypto.randomUUID(),
    });
    expect(noRequest.status).toBe(400);
    expect(noRequest.body.error.details.map((d: any) => d.path)).toContain('body.requestNumber');
  });

  it('a holiday added inside the 30 working days moves the deadline; the wait follows', async () => {
    const r = await letter(21);
    const filed = await object(r, ['c']);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = idOf(filed.body.objection.number);
    const firstToken = await waiting(id);
    const before = await dynamoStore.getObjection(id);
    const day = new Date(Date.now() + 86_400_000);
    while ([0, 6].includes(new Date(day.getTime() + 7 * 3600_000).getUTCDay())) day.setTime(day.getTime() + 86_400_000);
    const date = new Date(day.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const put = await api('admin', 'PUT', `/api/calendar/holidays/${date}`, { name: 'Libur uji keberatan', kind: 'national' });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    try {
      const after = await until(async () => {
        const o = await dynamoStore.getObjection(id);
        return o && o.deadline.at !== before!.deadline.at ? o : undefined;
      }, 'the moved deadline');
      expect(Date.parse(after.deadline.at)).toBeGreaterThan(Date.parse(before!.deadline.at));
      const inbox = (await api('atasan.ppid', 'GET', '/api/inbox')).body.items.find((e: any) => e.itemId === id);
      expect(inbox.deadline.at).toBe(after.deadline.at);
      const audit = (await api('admin', 'GET', `/api/audit?entityType=objection&entityId=${id}&limit=100`)).body.items as any[];
      expect(audit.some((e) => e.action === 'objection.deadline_recomputed')).toBe(true);
      // The execution waits again, with a new token.
      await until(async () => {
        const t = (await dynamoStore.getObjection(id))?.taskToken;
        return t && t !== firstToken ? t : undefined;
      }, 'the new wait');
    } finally {
      await api('admin', 'DELETE', `/api/calendar/holidays/${date}`);
    }
  });

  it("a granted objection's follow-up past the Atasan's date is escalated to PPID Utama and the Atasan PPID", async () => {
    const r = await letter(21, ['disdikbud']);
    const filed = await object(r, ['c']);
    const id = idOf(filed.body.objection.number);
    const granted = await respond(id, {
      decision: 'granted',
      scope: 'partial',
      provideBy: inDays(0),
      reasons: 'Sebagian informasi dapat diberikan setelah penghitaman.',
    });
    expect(granted.status, JSON.stringify(granted.body)).toBe(200);
    expect(granted.body.followUp.deadline.explanation.id).toMatch(/paling lambat \w+, \d+ \w+ \d{4}/);
    await until(async () => (await dynamoStore.getObjection(id))?.responseDocument, 'the response PDF', 30_000);
    // The day passes (the task as the timeout would run it, an hour after the deadline).
    const later = new Date(Date.parse(granted.body.followUp.deadline.at) + 3600_000);
    const wait = await remindAndEscalate({ ...taskContext(), now: later }, { objectionId: id, target: 'followup' });
    expect(wait.outcome).toBeUndefined();
    const o = await dynamoStore.getObjection(id);
    expect(o?.followUp).toMatchObject({ reminders: 1, escalatedAt: later.toISOString() });
    expect(o?.inbox.map((e) => e.box.kind).sort()).toEqual(['escalated', 'objection_followup']);
    const mail = await until(
      () => outbox().find((m) => m.subject.includes(`Pemberian informasi atas keberatan ${filed.body.objection.number} terlambat`)),
      'the mail',
    );
    expect(mail.to).toEqual(expect.arrayContaining(['ppid.utama@kalbarprov.go.id', 'atasan.ppid@kalbarprov.go.id', 'ppid@disdikbud.kalbarprov.go.id']));
    // Run again at the same instant: nothing more is due, nothing is sent twice.
    await remindAndEscalate({ ...taskContext(), now: later }, { objectionId: id, target: 'followup' });
    expect((await dynamoStore.getObjection(id))?.followUp?.reminders).toBe(1);
  });

  it("an objection with no request keeps its objector's data until the retention period after it closed, then erases it", async () => {
    const rules = (await api('admin', 'GET', '/api/settings/rules')).body;
    const set = await api('admin', 'PUT', '/api/settings/rules', { ...rules, personalDataRetentionYears: 0 });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    try {
      const res = await api('atasan.ppid', 'POST', '/api/objections', {
        objector: requester({ email: 'warga.hapus@example.org', fullName: 'Warga Yang Dihapus' }),
        information: 'Rencana kerja dan anggaran tahun 2026',
        grounds: ['b'],
        case: 'Rencana kerja dan anggaran tidak diumumkan sebagai informasi berkala.',
        channel: 'in_person',
        receivedOn: daysAgo(0),
        submissionId: crypto.randomUUID(),
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const id = res.body.objection.objectionId;
      expect((await api('ppid.utama', 'GET', `/api/objections/${id}/personal`)).body.objector.fullName).toBe('Warga Yang Dihapus');
      const rejected = await respond(id, { decision: 'rejected', reasons: 'Rencana kerja telah diumumkan di situs PPID sejak Januari.' });
      expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
      expect((await dynamoStore.getObjectionPersonal(id))?.eraseAfter).toBeTruthy();
      await until(async () => (await dynamoStore.getObjection(id))?.responseDocument, 'the response PDF', 30_000);
      expect((await eraseExpired()).erased).toBeGreaterThanOrEqual(1);
      expect(await dynamoStore.getObjectionPersonal(id)).toBeUndefined();
      expect((await dynamoStore.getObjection(id))?.personalErasedAt).toBeTruthy();
      const gone = await api('ppid.utama', 'GET', `/api/objections/${id}/personal`);
      expect(gone.status).toBe(404);
      const audit = (await api('admin', 'GET', `/api/audit?entityType=objection&entityId=${id}&limit=100`)).body.items as any[];
      expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['objection.personal_read', 'objection.personal_data_erased']));
      expect(JSON.stringify(audit)).not.toContain('warga.hapus@example.org');
    } finally {
      await api('admin', 'PUT', '/api/settings/rules', rules);
    }
  });

  // After everything above: the dashboard's counters, kept in each transaction, equal a recount.
  it('the dashboard counters equal a recount from the records', async () => {
    await expectCountersMatchRecount();
  }, 60_000);
});
