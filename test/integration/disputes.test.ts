/**
 * Disputes (sengketa informasi) at the Komisi Informasi and in court, through the API: a dispute that
 * follows an objection on periodic information (ground b, no request) recorded through a failed
 * mediation, an adjudication with its hearings and a decision received, an appeal to the PTUN with
 * its hearings (reminded in PPID Utama's and the Atasan PPID's inbox until their result is recorded),
 * its decision and a kasasi; the statutory periods counted with the body's 2026 calendar (Nyepi, Idul
 * Fitri, Good Friday, Independence Day, Maulid skipped) with their explanation; the decision's PDF
 * through the checked-upload path; a dispute with no objection (and one on a request entered at the
 * desk); refusals with their field and their message in both languages.
 *
 * The objection is written straight to the table: the dispute reads only its number, its date of
 * receipt and its `disputeWindow` (what the objections module keeps once the Atasan PPID responded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { auditEvent, SYSTEM_ACTOR } from '../../functions/core/audit.ts';
import type { Objection } from '../../functions/core/objections/model.ts';
import { localDay } from '../support/fixtures.ts';
import { apiClient, sha256hex, startTestHost, TINY_PDF, uploadWithTicket } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

const OBJECTION_NUMBER = 'KBR/2026/9001';

/** Ground b (periodic information not provided), answered by the Atasan PPID on Friday 20 February 2026. */
function periodicObjection(): Objection {
  const at = '2026-02-20T03:00:00.000Z';
  return {
    objectionId: '2026-9001',
    number: OBJECTION_NUMBER,
    year: 2026,
    sequence: 9001,
    state: 'rejected',
    agencyIds: ['bappeda'],
    information: 'Laporan realisasi anggaran pembangunan daerah semester II tahun 2025',
    grounds: ['b'],
    windows: [],
    case: 'Laporan realisasi anggaran yang wajib diumumkan secara berkala tidak tersedia di laman PPID.',
    channel: 'letter',
    receivedAt: '2026-01-19T02:00:00.000Z',
    receivedOn: '2026-01-19',
    registeredAt: '2026-01-19T02:00:00.000Z',
    registeredBy: 'ppid.utama',
    deadline: {
      at: '2026-03-03T16:59:59.000Z',
      local: '2026-03-03T23:59:59+07:00',
      explanation: { id: '30 hari kerja', en: '30 working days' },
      rule: { unit: 'workingDays', amount: 30 },
    },
    escalations: 0,
    response: {
      decision: 'rejected',
      reasons: 'Laporan realisasi anggaran semester II belum diaudit sehingga belum dapat diumumkan.',
      at,
      by: 'atasan.ppid',
      responder: { name: 'Dr. H. Ahmad Fauzi, M.Si.', position: 'Sekretaris Daerah' },
    },
    // 14 working days after the response (Pasal 37(2)): Thursday 12 March 2026.
    disputeWindow: { from: 'response', at: '2026-03-12T16:59:59.000Z', local: '2026-03-12T23:59:59+07:00' },
    attachments: [],
    inbox: [],
    timeline: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** Posts with the dispute's version just read. */
async function act(path: string, id: string, body: Record<string, unknown>, user = 'ppid.utama') {
  const { version } = (await api(user, 'GET', `/api/disputes/${id}`)).body;
  return api(user, 'POST', `/api/disputes/${id}${path}`, { ...body, version });
}
async function ok(path: string, id: string, body: Record<string, unknown>, user = 'ppid.utama') {
  const res = await act(path, id, body, user);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const dueOf = (d: { due: { key: string }[] }, key: string) => d.due.find((x) => x.key === key) as any;
const inboxOf = async (user: string) =>
  ((await api(user, 'GET', '/api/inbox')).body.items as any[]).filter((e) => e.box.kind === 'dispute_hearing' && e.entity === 'dispute');

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  await dynamoStore.commit(
    [{ entity: 'objection', value: periodicObjection(), expectedVersion: null }],
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'test.objection',
      entity: { type: 'objection', id: '2026-9001' },
      agencyId: 'diskominfo',
      requestId: 'test',
      now: new Date(),
    }),
  );
});

afterAll(async () => {
  await host?.cleanup();
});

describe('a dispute through mediation and adjudication to a court appeal', () => {
  let id = '';

  it('is recorded against the objection, numbered, with its periods counted over the holidays', async () => {
    const res = await api('ppid.utama', 'POST', '/api/disputes', {
      kiRegisterNumber: '012/III/KI-KALBAR-PS/2026',
      filedOn: '2026-03-10',
      claim: 'Pemohon meminta Komisi Informasi memerintahkan badan publik memberikan laporan realisasi anggaran semester II tahun 2025.',
      objectionNumber: OBJECTION_NUMBER,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const d = res.body;
    id = d.disputeId;
    expect(d.number).toMatch(/^SKI\/2026\/\d{4}$/);
    expect(d.disputeId).toBe(`2026-${d.number.slice(-4)}`);
    expect(d.state).toBe('filed');
    expect(d.against).toEqual({ objectionId: '2026-9001', objectionNumber: OBJECTION_NUMBER });

    // Filed within the 14 working days after the response (Friday 20 February → Thursday 12 March).
    const filing = dueOf(d, 'filing');
    expect(filing).toMatchObject({ local: '2026-03-12T23:59:59+07:00', status: 'met', on: '2026-03-10', from: '2026-02-20' });
    expect(filing.basis.id).toContain('Pasal 37 ayat (2)');
    expect(filing.explanation.id).toContain('20 Februari 2026');

    // Pasal 38(1): 14 working days from Tuesday 10 March skip cuti bersama Nyepi (18), Nyepi (19),
    // cuti bersama Idul Fitri (20, 23, 24), Idul Fitri (21–22) and Good Friday (3 April): Tuesday 7 April.
    const start = dueOf(d, 'ki_start');
    expect(start).toMatchObject({
      from: '2026-03-10',
      local: '2026-04-07T23:59:59+07:00',
      at: '2026-04-07T16:59:59.000Z',
      rule: { unit: 'workingDays', amount: 14 },
    });
    expect(start.status).toBe('overdue');
    expect(start.words).toEqual({ id: 'Selasa, 7 April 2026 pukul 23.59 WIB', en: 'Tuesday, 7 April 2026 at 23:59 WIB' });
    expect(start.explanation.id).toContain('Hari Suci Nyepi');
    expect(start.explanation.id).toContain('Wafat Yesus Kristus');
    expect(start.explanation.en).toContain('Deadline: end of Tuesday 7 April 2026');
    // Pasal 38(2): 100 working days, past Labour Day, Ascension, Idul Adha, Waisak, Pancasila Day, 1 Muharam.
    const finish = dueOf(d, 'ki_finish');
    expect(finish).toMatchObject({ local: '2026-08-14T23:59:59+07:00', status: 'overdue' });
    expect(finish.explanation.id).toContain('Idul Adha');
    expect(dueOf(d, 'appeal')).toBeUndefined();
  });

  it('goes through a mediation that fails (one hearing) into adjudication (two hearings) and its decision', async () => {
    let d = await ok('/stages', id, { kind: 'mediation', startedOn: '2026-03-31' });
    expect(d.state).toBe('mediation');
    expect(dueOf(d, 'ki_start')).toMatchObject({ status: 'met', on: '2026-03-31' });
    d = await ok('/hearings', id, {
      on: '2026-03-31',
      time: '09:00',
      place: 'Ruang Sidang Komisi Informasi Provinsi Kalimantan Barat',
      agenda: 'Mediasi pertama',
    });
    const mediationHearing = d.stages[0].hearings[0];
    d = await ok(`/hearings/${mediationHearing.hearingId}/result`, id, { result: 'Para pihak tidak mencapai kesepakatan.' });
    // Adjudication cannot start while the mediation is open.
    const early = await act('/stages', id, { kind: 'adjudication', startedOn: '2026-04-21' });
    expect(early.status).toBe(409);
    expect(early.body.error.messages.id).toContain('mediasi masih berjalan');
    d = await ok('/stages/end', id, { endedOn: '2026-04-14', result: 'Mediasi gagal; sengketa dilanjutkan ke ajudikasi nonlitigasi.' });
    expect(d.stages[0]).toMatchObject({ kind: 'mediation', endedOn: '2026-04-14' });
    // A second mediation is refused, and adjudication may not start before the mediation ended.
    expect((await act('/stages', id, { kind: 'mediation', startedOn: '2026-04-20' })).status).toBe(409);
    const before = await act('/stages', id, { kind: 'adjudication', startedOn: '2026-04-10' });
    expect(before.status).toBe(400);
    expect(before.body.error.details[0]).toMatchObject({ path: 'body.startedOn' });
    expect(before.body.error.details[0].messages.id).toContain('14 April 2026');

    d = await ok('/stages', id, { kind: 'adjudication', startedOn: '2026-04-21' });
    expect(d.state).toBe('adjudication');
    d = await ok('/hearings', id, { on: '2026-05-05', agenda: 'Pemeriksaan awal' });
    d = await ok('/hearings', id, { on: '2026-06-02', time: '13:30', agenda: 'Pembuktian dan keterangan saksi' });
    for (const h of d.stages[1].hearings) d = await ok(`/hearings/${h.hearingId}/result`, id, { result: `Sidang ${h.agenda} selesai; dilanjutkan.` });
    expect(d.stages[1].hearings.every((h: any) => h.result)).toBe(true);

    // A decision upholding the claim needs the adjudication, which there is; the open stage ends with it.
    d = await ok('/outcome', id, {
      kind: 'partly_upheld',
      decidedOn: '2026-08-03',
      receivedOn: '2026-08-05',
      decisionNumber: '012/III/KI-KALBAR-PS-A/2026',
      note: 'Majelis mengabulkan sebagian: laporan realisasi anggaran diberikan tanpa lampiran yang belum diaudit.',
    });
    expect(d.state).toBe('decided');
    expect(d.stages[1]).toMatchObject({ endedOn: '2026-08-03' });
    expect(dueOf(d, 'ki_finish')).toMatchObject({ status: 'met', on: '2026-08-03' });
    // Pasal 48(1): 14 working days after Wednesday 5 August, past Independence Day (17) and Maulid (25): Thursday 27 August.
    const appeal = dueOf(d, 'appeal');
    expect(appeal).toMatchObject({ from: '2026-08-05', local: '2026-08-27T23:59:59+07:00', status: 'lapsed' });
    expect(appeal.explanation.id).toContain('Proklamasi Kemerdekaan');
    expect(appeal.explanation.id).toContain('Maulid Nabi');
    // No second outcome.
    const again = await act('/outcome', id, { kind: 'rejected', decidedOn: '2026-08-03', receivedOn: '2026-08-05', note: 'Dua kali.' });
    expect(again.status).toBe(409);
  });

  it('keeps the decision as a checked document', async () => {
    const declared = await api('ppid.utama', 'POST', `/api/disputes/${id}/documents`, {
      fileName: 'putusan-ki-012-2026.pdf',
      contentType: 'application/pdf',
      size: TINY_PDF.length,
      sha256: sha256hex(TINY_PDF),
      category: 'decision',
      description: 'Salinan putusan Komisi Informasi',
    });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    const docId = declared.body.document.docId;
    // Not downloadable before it is checked.
    expect((await api('ppid.utama', 'GET', `/api/disputes/${id}/documents/${docId}`)).status).toBe(409);
    expect(await uploadWithTicket(declared.body.upload, TINY_PDF)).toBeLessThan(300);
    const checked = await api('ppid.utama', 'POST', `/api/disputes/${id}/documents/${docId}/verify`);
    expect(checked.status, JSON.stringify(checked.body)).toBe(200);
    expect(checked.body.document.status).toBe('verified');
    // The Atasan PPID reads it too.
    const link = await api('atasan.ppid', 'GET', `/api/disputes/${id}/documents/${docId}`);
    expect(link.status).toBe(200);
    expect(Buffer.from(await (await fetch(link.body.url)).arrayBuffer()).equals(TINY_PDF)).toBe(true);
  });

  it('goes to the PTUN: its hearings wait in the inbox until their result is recorded', async () => {
    // Before the decision was received: refused next to the field.
    const early = await act('/appeal', id, { court: 'ptun', filedOn: '2026-08-04', caseNumber: '45/G/KI/2026/PTUN.PTK', appellant: 'body' });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].path).toBe('body.filedOn');

    let d = await ok('/appeal', id, { court: 'ptun', filedOn: '2026-08-19', caseNumber: '45/G/KI/2026/PTUN.PTK', appellant: 'body' });
    expect(d.state).toBe('appeal');
    expect(dueOf(d, 'appeal')).toMatchObject({ status: 'met', on: '2026-08-19' });

    const today = localDay();
    const nextWeek = localDay(7);
    d = await ok('/hearings', id, { on: nextWeek, time: '10:00', place: 'PTUN Pontianak', agenda: 'Pembacaan putusan' });
    d = await ok('/hearings', id, { on: today, agenda: 'Pemeriksaan berkas perkara' });
    expect(d.appeal.hearings).toHaveLength(2);
    expect(d.upcomingHearings.map((h: any) => h.on)).toEqual([today, nextWeek]);

    for (const user of ['ppid.utama', 'atasan.ppid']) {
      const entries = (await inboxOf(user)).filter((e) => e.itemId === id);
      expect(entries, user).toHaveLength(2);
      const later = entries.find((e) => e.deadline.local.startsWith(nextWeek));
      expect(later).toMatchObject({ number: d.number, deadline: { local: `${nextWeek}T10:00:00+07:00` }, overdue: false });
      expect(later.deadline.explanation.id).toContain('PTUN Pontianak');
      expect(later.deadline.explanation.id).toContain('pukul 10.00');
    }
    // An SKPD sees no dispute hearings.
    expect((await inboxOf('kepala.dinkes')).length).toBe(0);

    const [todays, coming] = [d.appeal.hearings[1], d.appeal.hearings[0]];
    // Not before its day.
    const tooSoon = await act(`/hearings/${coming.hearingId}/result`, id, { result: 'Putusan dibacakan.' });
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.error.messages.en).toContain('scheduled for');

    d = await ok(`/hearings/${todays.hearingId}/result`, id, { result: 'Berkas lengkap; sidang ditunda ke pembacaan putusan.' });
    let entries = (await inboxOf('ppid.utama')).filter((e) => e.itemId === id);
    expect(entries).toHaveLength(1);
    expect(entries[0].deadline.local.startsWith(nextWeek)).toBe(true);
    expect((await act(`/hearings/${todays.hearingId}/result`, id, { result: 'Lagi.' })).status).toBe(409);

    // The court decides: the hearing still scheduled leaves the inbox with the appeal.
    d = await ok('/appeal/outcome', id, {
      kind: 'rejected',
      decidedOn: today,
      receivedOn: today,
      decisionNumber: '45/G/KI/2026/PTUN.PTK',
      note: 'Keberatan badan publik ditolak; putusan Komisi Informasi dikuatkan.',
    });
    expect(d.state).toBe('appeal_decided');
    expect(d.upcomingHearings).toEqual([]);
    entries = (await inboxOf('ppid.utama')).filter((e) => e.itemId === id);
    expect(entries).toHaveLength(0);
    expect(dueOf(d, 'cassation')).toMatchObject({ from: today, status: 'open', rule: { unit: 'workingDays', amount: 14 } });
    expect(dueOf(d, 'cassation').basis.id).toContain('Pasal 50');

    d = await ok('/cassation', id, { filedOn: today, appellant: 'body', caseNumber: '120 K/TUN/KI/2026' });
    expect(d.state).toBe('cassation');
    expect(dueOf(d, 'cassation')).toMatchObject({ status: 'met', on: today });
    d = await ok('/cassation/outcome', id, { kind: 'rejected', decidedOn: today, receivedOn: today, note: 'Permohonan kasasi ditolak.' });
    expect(d.state).toBe('closed');
  });

  it('keeps a timeline with names and an audit entry for every change', async () => {
    const d = (await api('atasan.ppid', 'GET', `/api/disputes/${id}`)).body;
    expect(d.timeline.map((e: any) => e.type)).toEqual(
      expect.arrayContaining([
        'recorded',
        'stage_started',
        'hearing_scheduled',
        'hearing_result',
        'stage_ended',
        'decided',
        'document_verified',
        'appealed',
        'appeal_decided',
        'cassation_filed',
        'cassation_decided',
      ]),
    );
    expect(d.people).toMatchObject({ 'ppid.utama': 'Rina Kusumawati' });
    const audit = await api('admin', 'GET', `/api/audit?entityType=dispute&entityId=${id}&limit=100`);
    expect(audit.status, JSON.stringify(audit.body)).toBe(200);
    const actions = audit.body.items.map((e: any) => e.action);
    expect(actions.filter((a: string) => a === 'dispute.hearing_result')).toHaveLength(4);
    expect(actions).toEqual(
      expect.arrayContaining([
        'dispute.record',
        'dispute.stage_start',
        'dispute.stage_end',
        'dispute.decided',
        'dispute.appealed',
        'dispute.cassation_decided',
      ]),
    );
    expect(actions.length).toBe(d.timeline.length);
  });
});

describe('a dispute with no objection in the system', () => {
  it('is recorded with neither request nor objection, and withdrawn', async () => {
    const filedOn = localDay(-3);
    const res = await api('admin', 'POST', '/api/disputes', {
      kiRegisterNumber: '031/XI/KI-KALBAR-PS/2026',
      filedOn,
      claim: 'Pemohon meminta salinan kontrak pengadaan alat kesehatan tahun 2025 beserta adendumnya.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    let d = res.body;
    expect(d.against).toEqual({});
    expect(dueOf(d, 'filing')).toBeUndefined();
    expect(dueOf(d, 'ki_start')).toMatchObject({ from: filedOn, status: 'open' });
    // A decision upholding the claim needs an adjudication.
    const upheld = await act('/outcome', d.disputeId, { kind: 'upheld', decidedOn: filedOn, receivedOn: filedOn, note: 'Dikabulkan seluruhnya.' });
    expect(upheld.status).toBe(400);
    expect(upheld.body.error.details[0]).toMatchObject({ path: 'body.kind' });
    expect(upheld.body.error.details[0].messages.id).toContain('ajudikasi');
    d = await ok(
      '/outcome',
      d.disputeId,
      { kind: 'withdrawn', decidedOn: localDay(), receivedOn: localDay(), note: 'Pemohon mencabut permohonan sengketa.' },
      'admin',
    );
    expect(d.state).toBe('closed');
    expect(d.due).toEqual([]);
    // A withdrawn dispute cannot go to court.
    const appeal = await act('/appeal', d.disputeId, { court: 'pn', filedOn: localDay(), caseNumber: '1/Pdt.G/2026', appellant: 'applicant' });
    expect(appeal.status).toBe(409);
    expect(appeal.body.error.messages.id).toContain('Pasal 39');

    const list = await api('atasan.ppid', 'GET', '/api/disputes?year=2026');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: any) => x.kiRegisterNumber)).toEqual(expect.arrayContaining(['031/XI/KI-KALBAR-PS/2026', '012/III/KI-KALBAR-PS/2026']));
    expect(list.body.items[0].due).toBeInstanceOf(Array);
  });

  it('is recorded on a request entered at the desk', async () => {
    const request = await api('ppid.utama', 'POST', '/api/requests', {
      requester: {
        kind: 'individual',
        fullName: 'Siti Rahmawati',
        nik: '6171015507900003',
        address: 'Jalan Imam Bonjol Nomor 3, Pontianak',
        email: 'siti@example.org',
      },
      content: {
        information: 'Dokumen analisis dampak lingkungan pembangunan jalan lingkar Pontianak',
        purpose: 'Kajian akademik',
        obtainForm: 'copy_softcopy',
        deliveryMethod: 'email',
      },
      channel: 'in_person',
      receivedOn: localDay(),
      submissionId: crypto.randomUUID(),
    });
    expect(request.status, JSON.stringify(request.body)).toBe(201);
    const { requestId, number } = request.body.request;
    const base = { kiRegisterNumber: '040/XII/KI-KALBAR-PS/2026', claim: 'Pemohon meminta dokumen AMDAL pembangunan jalan lingkar diberikan seluruhnya.' };
    // Not before the request was received.
    const early = await api('ppid.utama', 'POST', '/api/disputes', { ...base, filedOn: localDay(-1), requestNumber: number });
    expect(early.status).toBe(400);
    expect(early.body.error.details[0].path).toBe('body.filedOn');
    const res = await api('ppid.utama', 'POST', '/api/disputes', { ...base, filedOn: localDay(), requestNumber: number });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.against).toEqual({ requestId, requestNumber: number });
  });
});

describe('refusals', () => {
  it('answers bad input with 4xx and a message in both languages', async () => {
    const empty = await api('ppid.utama', 'POST', '/api/disputes', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.messages.id).toContain('tidak valid');
    expect(empty.body.error.details.map((x: any) => x.path).sort()).toEqual(['body.claim', 'body.filedOn', 'body.kiRegisterNumber']);
    expect(empty.body.error.details.find((x: any) => x.path === 'body.claim').messages.en).toContain('the claim is required');

    const claim = 'Pemohon meminta informasi yang ditolak diberikan seluruhnya kepada pemohon.';
    const future = await api('ppid.utama', 'POST', '/api/disputes', { kiRegisterNumber: '099/XII/KI/2026', filedOn: localDay(2), claim });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0]).toMatchObject({ path: 'body.filedOn' });
    expect(future.body.error.details[0].messages.id).toContain('setelah hari ini');

    const unknown = await api('ppid.utama', 'POST', '/api/disputes', {
      kiRegisterNumber: '099/XII/KI/2026',
      filedOn: localDay(),
      claim,
      requestNumber: 'PMH/2026/99999',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toMatchObject({ path: 'body.requestNumber' });
    const noObjection = await api('ppid.utama', 'POST', '/api/disputes', {
      kiRegisterNumber: '099/XII/KI/2026',
      filedOn: localDay(),
      claim,
      objectionNumber: 'KBR/2026/8888',
    });
    expect(noObjection.status).toBe(400);
    expect(noObjection.body.error.details[0].messages.en).toContain('KBR/2026/8888');

    // The same KI register number twice.
    const twice = await api('ppid.utama', 'POST', '/api/disputes', { kiRegisterNumber: '012/III/KI-KALBAR-PS/2026', filedOn: '2026-03-10', claim });
    expect(twice.status).toBe(409);
    expect(twice.body.error.messages.en).toContain('already recorded');

    // Roles: an SKPD neither reads nor writes; the Atasan PPID reads only.
    expect((await api('kepala.dinkes', 'GET', '/api/disputes')).status).toBe(403);
    expect((await api('atasan.ppid', 'POST', '/api/disputes', { kiRegisterNumber: '1/KI/2026', filedOn: localDay(), claim })).status).toBe(403);

    const list = (await api('ppid.utama', 'GET', '/api/disputes')).body.items;
    const open = list.find((x: any) => x.state === 'filed' || x.state === 'mediation');
    // A stale version is refused; an unknown hearing is 404; a bad time 400; an unknown dispute 404.
    const stale = await api('ppid.utama', 'POST', `/api/disputes/${open.disputeId}/stages`, {
      kind: 'mediation',
      startedOn: localDay(),
      version: open.version + 5,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.messages.id).toContain('Muat ulang');
    expect((await act(`/hearings/${crypto.randomUUID()}/result`, open.disputeId, { result: 'Selesai.' })).status).toBe(404);
    const badTime = await act('/hearings', open.disputeId, { on: localDay(), time: '25:00', agenda: 'Sidang' });
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.details[0].messages.id).toContain('JJ:MM');
    expect((await api('ppid.utama', 'GET', '/api/disputes/2026-7777')).status).toBe(404);
    expect((await api('ppid.utama', 'GET', '/api/disputes/not-an-id')).status).toBe(400);
  });
});
