/**
 * statemachines/request.asl.json (information requests, UU 14/2008 Pasal 21–22) in the local engine
 * with its real tasks, driven through the API as the requester and the staff would: filing, routing,
 * answers (in time, in part, refused), several SKPDs, the extension to 17 working days, clarification,
 * a refusal blocked without a DIK entry and allowed with one, reminders and escalation of a late
 * request (received by letter days ago), a holiday moving the deadline, and who may read the
 * requester's personal data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { expectCountersMatchRecount } from '../support/counters.ts';
import { requester as baseRequester, requestContent } from '../support/fixtures.ts';
import {
  apiClient,
  consequenceTest,
  exclusionThroughSop002,
  outboxOf,
  requestPdf,
  routeRequest,
  sha256hex,
  startTestHost,
  TINY_PDF,
  until,
  uploadWithTicket,
} from '../support/host.ts';
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

const requester = (overrides: Record<string, unknown> = {}) => baseRequester({ email: 'budi.santoso@example.org', phone: '+62 812 5555 0101', ...overrides });

async function file(overrides: { requester?: Record<string, unknown>; content?: Record<string, unknown> } = {}) {
  const res = await api(null, 'POST', '/api/public/requests', {
    requester: requester(overrides.requester),
    content: requestContent(overrides.content),
    submissionId: crypto.randomUUID(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { number: string; trackingCode: string; deadline: { at: string } };
}

const idOf = (number: string) => number.replace(/^PMH\/(\d{4})\/(\d+)$/, '$1-$2');
const get = async (id: string) => (await api('ppid.utama', 'GET', `/api/requests/${id}`)).body;
const status = async (number: string, code: string) => api(null, 'POST', '/api/public/requests/status', { number, code });
const routingWaits = (id: string) => until(async () => (await dynamoStore.getRequest(id))?.routingWait?.taskToken, 'the routing wait');
const partWaits = (id: string, agencyId: string) =>
  until(async () => (await dynamoStore.getRequest(id))?.parts.find((p) => p.agencyId === agencyId)?.taskToken, `the ${agencyId} part wait`);
const inState = (id: string, state: string) =>
  until(
    async () => {
      const r = await get(id);
      return r.state === state ? r : undefined;
    },
    `request ${state}`,
    30_000,
  );
/** The mails the local host sent (its outbox folder, one JSON file each). */
const outbox = async () => outboxOf(host);

async function route(id: string, agencies: string[]) {
  const res = await routeRequest(api, id, { held: true, agencies });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  for (const a of agencies) await partWaits(id, a);
  return res.body;
}

const releasedPdf = (id: string, as = 'kepala.dinkes') => requestPdf(api, id, as);

const answer = (decision: string, extra: Record<string, unknown> = {}) => ({
  decision,
  form: 'Salinan elektronik (PDF)',
  cost: 0,
  deliveryTime: 'Saat pemberitahuan ini diterima',
  ...extra,
});

async function answerAs(user: string, id: string, agencyId: string, body: Record<string, unknown>) {
  const r = await get(id);
  return api(user, 'POST', `/api/requests/${id}/parts/${agencyId}/answer`, { ...body, version: r.version });
}

/** An exclusion through SOP 002 (in force, or only decided Ya for a request). */
const dikEntry = async (opts: { requestId?: string; until?: 'ya' } = {}) => (await exclusionThroughSop002(api, consequenceTest(), opts)).exclusionId as string;

describe('information requests', () => {
  it('refuses a form field by field, in Bahasa Indonesia and English, and files nothing', async () => {
    const before = await dynamoStore.getCounter(`requests#${new Date().getUTCFullYear()}`);
    const res = await api(null, 'POST', '/api/public/requests', {
      requester: requester({ nik: '12345', email: 'bukan-surel', fullName: '' }),
      content: requestContent({ obtainForm: 'telepati' }),
      submissionId: crypto.randomUUID(),
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: any) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['body.requester.nik', 'body.requester.email', 'body.requester.fullName', 'body.content.obtainForm']));
    const nik = res.body.error.details.find((d: any) => d.path === 'body.requester.nik');
    expect(nik.messages.id).toMatch(/16 angka/);
    expect(nik.messages.en).toMatch(/16 digits/);
    const noContact = await api(null, 'POST', '/api/public/requests', {
      requester: requester({ email: undefined, phone: undefined }),
      content: requestContent(),
      submissionId: crypto.randomUUID(),
    });
    expect(noContact.status).toBe(400);
    expect(noContact.body.error.details[0].messages.en).toMatch(/phone number and\/or an email/);
    const bot = await api(null, 'POST', '/api/public/requests', {
      requester: requester(),
      content: requestContent(),
      submissionId: crypto.randomUUID(),
      website: 'http://spam',
    });
    expect(bot.status).toBe(400);
    expect(await dynamoStore.getCounter(`requests#${new Date().getUTCFullYear()}`)).toBe(before);
  });

  it('a plain form post (no JavaScript) that is refused gets a page to read, with each field and the way back', async () => {
    const form = new URLSearchParams({
      'requester.kind': 'individual',
      'requester.fullName': 'Budi Santoso',
      'requester.address': 'Jl. Ahmad Yani No. 12, Pontianak',
      'requester.email': 'budi.santoso@example.org',
      'content.information': 'Data cakupan imunisasi dasar lengkap per kabupaten',
      'content.purpose': 'Penelitian',
      'content.obtainForm': 'view',
      'content.deliveryMethod': 'email',
    });
    const res = await fetch(`${host.url}/api/public/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', referer: `${host.url}/permohonan/` },
      body: form.toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<h1>Formulir belum dapat diterima</h1>');
    expect(html).toMatch(/NIK wajib diisi untuk pemohon perorangan/);
    expect(html).toMatch(/the NIK is required for an individual/);
    expect(html).toContain('href="/permohonan/"');
  });

  it('files at once: a gap-free number, the deadline, a tracking code shown once; the same submission files once', async () => {
    const submissionId = crypto.randomUUID();
    const body = { requester: requester(), content: requestContent(), submissionId };
    const [a, b] = await Promise.all([api(null, 'POST', '/api/public/requests', body), api(null, 'POST', '/api/public/requests', body)]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.number).toBe(b.body.number);
    expect(a.body.trackingCode).toBe(b.body.trackingCode);
    expect(a.body.number).toMatch(/^PMH\/\d{4}\/\d{5}$/);
    expect(a.body.deadline.explanation.id).toMatch(/10 hari kerja/);
    const next = await file();
    expect(Number(next.number.slice(-5))).toBe(Number(a.body.number.slice(-5)) + 1);
    // The tracking code is not in the request record, and never shown to staff (only the requester's own mails carry it).
    const stored = JSON.stringify(await dynamoStore.getRequest(idOf(a.body.number)));
    expect(stored).not.toContain(a.body.trackingCode);
    expect(JSON.stringify((await api('ppid.utama', 'GET', `/api/requests/${idOf(a.body.number)}`)).body)).not.toContain('trackingHash');
    // Status with the pair; the same 404 for a wrong code and an unknown number.
    expect((await status(a.body.number, a.body.trackingCode)).body).toMatchObject({ number: a.body.number, state: 'registered' });
    const wrong = await status(a.body.number, 'AAAA-BBBB-CCCC');
    const unknown = await status('PMH/2026/99999', a.body.trackingCode);
    expect(wrong.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(wrong.body.error.messages).toEqual(unknown.body.error.messages);
    // The receipt mail carries the number, the code and the status link.
    const mail = await until(
      async () => (await outbox()).find((m) => m.to.includes('budi.santoso@example.org') && m.subject.includes(a.body.number)),
      'the receipt',
    );
    expect(mail.text).toContain(a.body.trackingCode);
    expect(mail.text).toContain('/permohonan/status/?nomor=');
  });

  it('answered in time: routed, granted with a released document, the notice issued, mailed and downloadable by the requester only', async () => {
    const filed = await file();
    const id = idOf(filed.number);
    expect((await api('ppid.utama', 'GET', '/api/inbox')).body.items.some((e: any) => e.itemId === id && e.box.kind === 'request_new')).toBe(true);
    await route(id, ['dinkes']);
    expect((await api('kepala.dinkes', 'GET', '/api/inbox')).body.items.some((e: any) => e.itemId === id && e.box.kind === 'request_part')).toBe(true);
    const docId = await releasedPdf(id);
    // Another SKPD cannot answer the part.
    expect((await answerAs('kepala.disdikbud', id, 'dinkes', answer('granted'))).status).toBe(403);
    const ok = await answerAs('kepala.dinkes', id, 'dinkes', answer('granted', { documents: [{ docId, public: true }] }));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const closed = await inState(id, 'closed');
    expect(closed.closed.reason).toBe('delivered');
    expect(closed.outcome).toMatchObject({ held: true, decision: 'granted' });
    expect(closed.notice.number).toMatch(/^PTT\//);
    expect(closed.timeline.map((e: any) => e.type)).toEqual(
      expect.arrayContaining(['received', 'registered', 'routed', 'part_answered', 'notice_issued', 'closed']),
    );
    const seen = (await status(filed.number, filed.trackingCode)).body;
    expect(seen.released).toEqual([expect.objectContaining({ docId, fileName: 'cakupan-imunisasi.pdf' })]);
    const link = await api(null, 'POST', '/api/public/requests/files', { number: filed.number, code: filed.trackingCode, file: 'notice' });
    expect(link.status).toBe(200);
    const pdf = new Uint8Array(await (await fetch(link.body.url)).arrayBuffer());
    const { text } = await pdfText(pdf);
    expect(text).toContain(filed.number);
    expect(text).toContain('Budi Santoso');
    expect(text).toMatch(/dikabulkan/i);
    const doc = await api(null, 'POST', '/api/public/requests/files', { number: filed.number, code: filed.trackingCode, file: docId });
    expect(doc.status).toBe(200);
    expect((await api(null, 'POST', '/api/public/requests/files', { number: filed.number, code: 'AAAA-BBBB-CCCC', file: docId })).status).toBe(404);
    const mail = await until(
      async () => (await outbox()).find((m) => m.subject.includes('Pemberitahuan tertulis') && m.subject.includes(filed.number)),
      'the notice mail',
    );
    expect(mail.to).toEqual(['budi.santoso@example.org']);
  });

  it('a refusal is blocked without a DIK entry, and by an exclusion not yet decided; allowed with one in force', async () => {
    const filed = await file({ content: { deliveryMethod: 'collect', obtainForm: 'copy_hardcopy' } });
    const id = idOf(filed.number);
    await route(id, ['dinkes']);
    const none = await answerAs('kepala.dinkes', id, 'dinkes', answer('refused'));
    expect(none.status).toBe(400);
    expect(none.body.error.details[0].path).toBe('body.exclusionIds');
    expect(none.body.error.details[0].messages.id).toMatch(/entri DIK/);
    // A consequence test started for this request, still waiting for the Atasan: not a ground yet.
    const proposed = await api('kepala.dinkes', 'POST', '/api/exclusions', { test: consequenceTest(), requestId: id });
    expect(proposed.status).toBe(201);
    const pending = await answerAs('kepala.dinkes', id, 'dinkes', answer('refused', { exclusionIds: [proposed.body.exclusionId] }));
    expect(pending.status).toBe(400);
    expect(pending.body.error.details[0].path).toBe('body.exclusionIds.0');
    const dik = await dikEntry();
    const refused = await answerAs('kepala.dinkes', id, 'dinkes', answer('refused', { exclusionIds: [dik] }));
    expect(refused.status, JSON.stringify(refused.body)).toBe(200);
    const closed = await inState(id, 'closed');
    expect(closed.closed.reason).toBe('refused');
    const link = await api(null, 'POST', '/api/public/requests/files', { number: filed.number, code: filed.trackingCode, file: 'notice' });
    const { text } = await pdfText(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()));
    expect(text).toMatch(/KEPUTUSAN PENOLAKAN/);
    expect(text).toMatch(/Pasal 17/);
    expect(text).toMatch(/30 \(tiga puluh\)\s+hari\s+kerja/);
  });

  it('an exclusion decided Ya for this very request grounds its refusal before the DIK is set', async () => {
    const filed = await file();
    const id = idOf(filed.number);
    await route(id, ['dinkes']);
    const ex = await dikEntry({ requestId: id, until: 'ya' });
    const res = await answerAs('kepala.dinkes', id, 'dinkes', answer('refused', { exclusionIds: [ex] }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await inState(id, 'closed');
  });

  it('several SKPDs: the notice waits for every part; granted in part needs the blacked-out copy noted', async () => {
    const filed = await file({ content: { deliveryMethod: 'post', obtainForm: 'copy_hardcopy' } });
    const id = idOf(filed.number);
    await route(id, ['dinkes', 'disdikbud']);
    expect((await answerAs('kepala.dinkes', id, 'dinkes', answer('granted'))).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await get(id)).notice).toBeUndefined();
    const dik = await dikEntry();
    const docId = await releasedPdf(id, 'kepala.disdikbud');
    const unmarked = await answerAs('kepala.disdikbud', id, 'disdikbud', answer('partial', { exclusionIds: [dik], documents: [{ docId, public: false }] }));
    expect(unmarked.status).toBe(400);
    expect(unmarked.body.error.details[0].path).toBe('body.documents.0.redaction');
    const marked = await answerAs(
      'kepala.disdikbud',
      id,
      'disdikbud',
      answer('partial', { exclusionIds: [dik], documents: [{ docId, public: false, redaction: { what: 'Nama dan NIK siswa', ground: 'Pasal 17 huruf h' } }] }),
    );
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const answered = await inState(id, 'answered');
    expect(answered.outcome.decision).toBe('partial');
    // Hardcopy by post: delivery is recorded by staff, and closes the request.
    expect((await api('ppid.utama', 'GET', '/api/inbox')).body.items.some((e: any) => e.itemId === id && e.box.kind === 'request_delivery')).toBe(true);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const delivered = await api('petugas.dinkes', 'POST', `/api/requests/${id}/delivery`, {
      deliveredOn: today,
      how: 'Pos tercatat RR123',
      version: answered.version,
    });
    expect(delivered.status, JSON.stringify(delivered.body)).toBe(200);
    expect(delivered.body).toMatchObject({ state: 'closed', closed: { reason: 'delivered' } });
  });

  it('extension: once, before the deadline, to 17 working days, with the notice of extension; the clock does not stop for clarification', async () => {
    const filed = await file();
    const id = idOf(filed.number);
    await routingWaits(id);
    const r = await get(id);
    const extended = await api('ppid.utama', 'POST', `/api/requests/${id}/extension`, {
      reasons: 'Informasi tersebar di beberapa bidang dan perlu dihimpun.',
      version: r.version,
    });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    expect(extended.body.deadline.explanation.id).toMatch(/17 hari kerja/);
    expect(Date.parse(extended.body.deadline.at)).toBeGreaterThan(Date.parse(filed.deadline.at));
    expect(extended.body.extensionNotice.number).toMatch(/^PPW\//);
    const again = await api('ppid.utama', 'POST', `/api/requests/${id}/extension`, {
      reasons: 'Sekali lagi, karena masih banyak.',
      version: extended.body.version,
    });
    expect(again.status).toBe(409);
    const link = await api(null, 'POST', '/api/public/requests/files', { number: filed.number, code: filed.trackingCode, file: 'extension' });
    const { text } = await pdfText(new Uint8Array(await (await fetch(link.body.url)).arrayBuffer()));
    expect(text).toMatch(/perlu dihimpun/);

    const asked = await api('ppid.utama', 'POST', `/api/requests/${id}/clarifications`, {
      question: 'Mohon sebutkan kabupaten yang Anda maksud.',
      version: (await get(id)).version,
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect(asked.body.deadline.at).toBe(extended.body.deadline.at);
    const seen = (await status(filed.number, filed.trackingCode)).body;
    expect(seen.clarifications[0]).toMatchObject({ question: 'Mohon sebutkan kabupaten yang Anda maksud.' });
    expect(seen.clarifications[0].askedBy).toBeUndefined();
    const replied = await api(null, 'POST', '/api/public/requests/clarification', {
      number: filed.number,
      code: filed.trackingCode,
      answer: 'Kabupaten Sambas dan Bengkayang.',
    });
    expect(replied.status, JSON.stringify(replied.body)).toBe(200);
    expect(replied.body.clarifications[0].answer).toBe('Kabupaten Sambas dan Bengkayang.');
  });

  it('a letter received days ago counts from its date (audited): the reminder and the escalation are due at once', async () => {
    const receivedOn = new Date(Date.now() + 7 * 3600_000 - 21 * 86_400_000).toISOString().slice(0, 10);
    const res = await api('petugas.dinkes', 'POST', '/api/requests', {
      requester: requester({ email: 'warga.surat@example.org' }),
      content: requestContent({ deliveryMethod: 'collect', obtainForm: 'view' }),
      channel: 'letter',
      receivedOn,
      submissionId: crypto.randomUUID(),
      note: 'Surat tiba di loket tiga minggu lalu, baru dicatat.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.request.requestId;
    expect(res.body.request.receivedOn).toBe(receivedOn);
    expect(Date.parse(res.body.request.deadline.at)).toBeLessThan(Date.now());
    const escalated = await until(
      async () => (await api('ppid.utama', 'GET', '/api/inbox')).body.items.find((e: any) => e.itemId === id && e.box.kind === 'escalated'),
      'the escalation',
      20_000,
    );
    expect(escalated).toMatchObject({ entity: 'request', overdue: true });
    // The Atasan PPID sees it too (only requests: the SOPs' internal escalations stay with PPID Utama).
    const atasan = (await api('atasan.ppid', 'GET', '/api/inbox')).body.items as any[];
    expect(atasan.some((e) => e.itemId === id && e.box.kind === 'escalated')).toBe(true);
    expect(atasan.filter((e) => e.box.kind === 'escalated').every((e) => e.entity === 'request')).toBe(true);
    const stored = await dynamoStore.getRequest(id);
    expect(stored?.remindedAt).toBeTruthy();
    expect(stored?.escalations).toBe(1);
    const audit = (await api('admin', 'GET', `/api/audit?entityType=request&entityId=${id}&limit=100`)).body.items as any[];
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['request.register', 'request.backdated', 'request.reminded']));
    // The audit keeps the requester only as a hash.
    expect(JSON.stringify(audit)).not.toContain('warga.surat@example.org');
    expect(JSON.stringify(audit)).not.toContain('6171011203850004');
    const mails = await until(async () => {
      const all = (await outbox()).filter((m) => m.subject.includes(res.body.request.number) && m.subject.includes('melewati batas waktu'));
      return all.length ? all : undefined;
    }, 'the overdue mail');
    expect(mails[0].to).toEqual(expect.arrayContaining(['ppid.utama@kalbarprov.go.id', 'atasan.ppid@kalbarprov.go.id']));
    // A refused back-date in the future names the field.
    const future = await api('petugas.dinkes', 'POST', '/api/requests', {
      requester: requester(),
      content: requestContent(),
      channel: 'letter',
      receivedOn: '2099-01-01',
      submissionId: crypto.randomUUID(),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].path).toBe('body.receivedOn');
  });

  it('a holiday added inside the period moves the deadline; the wait follows', async () => {
    const filed = await file();
    const id = idOf(filed.number);
    await routingWaits(id);
    const before = await get(id);
    const counted = before.deadline.explanation.id as string;
    expect(counted).toMatch(/10 hari kerja/);
    // The first working day after today becomes a holiday.
    const day = new Date(Date.parse(before.receivedAt) + 86_400_000);
    while ([0, 6].includes(new Date(day.getTime() + 7 * 3600_000).getUTCDay())) day.setTime(day.getTime() + 86_400_000);
    const date = new Date(day.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const put = await api('admin', 'PUT', `/api/calendar/holidays/${date}`, { name: 'Libur uji', kind: 'national' });
    expect(put.status, JSON.stringify(put.body)).toBeLessThan(300);
    try {
      const after = await until(async () => {
        const r = await get(id);
        return r.deadline.at !== before.deadline.at ? r : undefined;
      }, 'the moved deadline');
      expect(Date.parse(after.deadline.at)).toBeGreaterThan(Date.parse(before.deadline.at));
      const audit = (await api('admin', 'GET', `/api/audit?entityType=request&entityId=${id}&limit=100`)).body.items as any[];
      expect(audit.some((e) => e.action === 'request.deadline_recomputed')).toBe(true);
      await routingWaits(id);
    } finally {
      await api('admin', 'DELETE', `/api/calendar/holidays/${date}`);
    }
  });

  it('filing for someone else needs the power of attorney, uploaded first and checked at filing', async () => {
    const onBehalf = { requester: requester({ onBehalfOf: 'Siti Rahmawati' }), content: requestContent() };
    const missing = await api(null, 'POST', '/api/public/requests', { ...onBehalf, submissionId: crypto.randomUUID() });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].path).toBe('body.powerOfAttorneyUploadId');
    const notScan = await api(null, 'POST', '/api/public/requests/power-of-attorney', {
      fileName: 'kuasa.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      size: 1000,
      sha256: 'a'.repeat(64),
    });
    expect(notScan.status).toBe(415);
    // Declared with one hash, uploaded with other bytes: refused at filing, nothing filed.
    const wrong = await api(null, 'POST', '/api/public/requests/power-of-attorney', {
      fileName: 'kuasa.pdf',
      contentType: 'application/pdf',
      size: TINY_PDF.length,
      sha256: 'b'.repeat(64),
    });
    expect(wrong.status, JSON.stringify(wrong.body)).toBe(201);
    expect(await uploadWithTicket(wrong.body.upload, TINY_PDF)).toBeLessThan(300);
    const year = new Date().getUTCFullYear();
    const before = await dynamoStore.getCounter(`requests#${year}`);
    const refused = await api(null, 'POST', '/api/public/requests', {
      ...onBehalf,
      submissionId: crypto.randomUUID(),
      powerOfAttorneyUploadId: wrong.body.uploadId,
    });
    expect(refused.status).toBe(400);
    expect(await dynamoStore.getCounter(`requests#${year}`)).toBe(before);
    const declared = await api(null, 'POST', '/api/public/requests/power-of-attorney', {
      fileName: 'surat kuasa.pdf',
      contentType: 'application/pdf',
      size: TINY_PDF.length,
      sha256: sha256hex(TINY_PDF),
    });
    expect(await uploadWithTicket(declared.body.upload, TINY_PDF)).toBeLessThan(300);
    const filed = await api(null, 'POST', '/api/public/requests', {
      ...onBehalf,
      submissionId: crypto.randomUUID(),
      powerOfAttorneyUploadId: declared.body.uploadId,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = idOf(filed.body.number);
    const personal = await api('ppid.utama', 'GET', `/api/requests/${id}/personal`);
    expect(personal.body.powerOfAttorney).toMatchObject({ fileName: 'surat kuasa.pdf', size: TINY_PDF.length });
    const link = await api('ppid.utama', 'GET', `/api/requests/${id}/files/power-of-attorney`);
    expect(link.status).toBe(200);
    expect(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()).equals(TINY_PDF)).toBe(true);
    expect((await api('kepala.disdikbud', 'GET', `/api/requests/${id}/files/power-of-attorney`)).status).toBe(403);
  });

  it('personal data: PPID Utama and the routed SKPD read it; another SKPD and the Atasan cannot', async () => {
    const filed = await file();
    const id = idOf(filed.number);
    expect((await api('kepala.dinkes', 'GET', `/api/requests/${id}/personal`)).status).toBe(403);
    await route(id, ['dinkes']);
    const utama = await api('ppid.utama', 'GET', `/api/requests/${id}/personal`);
    expect(utama.status).toBe(200);
    expect(utama.body.requester.nik).toBe('6171011203850004');
    expect(JSON.stringify(utama.body)).not.toContain('trackingCode');
    expect((await api('kepala.dinkes', 'GET', `/api/requests/${id}/personal`)).status).toBe(200);
    expect((await api('kepala.disdikbud', 'GET', `/api/requests/${id}/personal`)).status).toBe(403);
    expect((await api('atasan.ppid', 'GET', `/api/requests/${id}/personal`)).status).toBe(403);
    expect((await api('kepala.disdikbud', 'GET', `/api/requests/${id}`)).status).toBe(403);
    // Every read is audited, by whom; the audit holds no personal data.
    const audit = (await api('admin', 'GET', `/api/audit?entityType=request&entityId=${id}&limit=100`)).body.items as any[];
    expect(audit.filter((e) => e.action === 'request.personal_read').map((e) => e.actor.username)).toEqual(
      expect.arrayContaining(['ppid.utama', 'kepala.dinkes']),
    );
    expect(JSON.stringify(audit)).not.toContain('6171011203850004');
    // The request record itself holds none of it.
    const record = JSON.stringify(await dynamoStore.getRequest(id));
    for (const value of ['6171011203850004', 'budi.santoso@example.org', 'Ahmad Yani', '5555 0101', 'Budi Santoso']) expect(record).not.toContain(value);
  });

  // After everything above: the dashboard's counters, kept in each transaction, equal a recount.
  it('the dashboard counters equal a recount from the records', async () => {
    await expectCountersMatchRecount();
  }, 60_000);
});
