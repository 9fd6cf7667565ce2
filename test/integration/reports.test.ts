/**
 * The report menu (SOP 001 step 2) through the API, on a mixed April 2026 written straight into the
 * table (the body's zone is Asia/Pontianak, UTC+7):
 *   items: A (Dinkes) published 6 April (v1) and 20 April (v2); B (Disdikbud) published 31 March
 *     18:00 UTC = 1 April 01:00 local; C (Dinkes) published in May; D (Dinkes) published 8 April,
 *     withdrawn 15 April;
 *   requests: R1 granted on time (Dinkes), R2 to Dinkes and Disdikbud granted in part late with a
 *     clarification (no kept working days: counted from the calendar), R3 refused (Disdikbud), R4 not
 *     held, R5 in progress, R6 received in March answered 1 April, R7 received 30 April answered
 *     30 April 17:30 UTC = 1 May local;
 *   exclusions X1 (Pasal 17 a + UU Kesehatan, in force) and X2 (Pasal 17 h, revoked in May), cited by
 *     R2 and R3; objections O1 (received and rejected in April) and O2 (received in March, granted in
 *     part in April); a dispute on O1 decided and taken to the PTUN; SOP step records, one ending
 *     31 March 17:00 UTC (1 April local, stored under the UTC month 2026-03).
 * Then each report kind: figures right, equal to the dashboard's counters; the PDF opens with every
 * section heading; the XLSX read back with exceljs equals the data; the CSV parses and equals it;
 * who may open which report; bad periods refused with a message; file exports audited.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { auditEvent, SYSTEM_ACTOR } from '../../functions/core/audit.ts';
import type { Exclusion } from '../../functions/core/exclusion-model.ts';
import type { Item, PublishedVersion, StepRecord } from '../../functions/core/item-model.ts';
import type { Dispute } from '../../functions/core/objections/disputes.ts';
import type { Objection } from '../../functions/core/objections/model.ts';
import type { Write } from '../../functions/core/ports.ts';
import type { ReportData, ReportSection, ReportTable } from '../../functions/core/reports/model.ts';
import type { Request } from '../../functions/core/requests/model.ts';
import { parseCsv } from '../support/csv.ts';
import { apiClient, dipContent, startTestHost } from '../support/host.ts';
import { flat, pdfText } from '../support/pdf.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

const APRIL = 'from=2026-04-01&to=2026-04-30';
const NOW = '2026-06-01T00:00:00.000Z';
const file = (key: string) => ({ key, fileName: 'x.pdf', size: 1, sha256: '0'.repeat(64), generatedAt: NOW });

async function put(writes: Write[]) {
  await dynamoStore.commit(
    writes,
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'test.seed',
      entity: { type: 'test', id: 'reports' },
      agencyId: 'diskominfo',
      requestId: 'test',
      now: new Date(),
    }),
  );
}

function item(id: string, agencyId: string, seq: number, pubs: string[], extra: Partial<Item> = {}): Item {
  const versionNo = pubs.length;
  return {
    itemId: id,
    agencyId,
    number: `${agencyId.toUpperCase()}/2026/${String(seq).padStart(4, '0')}`,
    regYear: 2026,
    sequence: 900 + seq,
    status: 'published',
    publication: 'published',
    current: {
      versionNo,
      state: 'published',
      content: dipContent({ title: `Informasi ${id} versi ${versionNo}` }) as Item['current']['content'],
      documents: [],
      reminders: 0,
      steps: [],
    },
    published: { versionNo, publishedAt: pubs.at(-1)! },
    publications: pubs.map((publishedAt, i) => ({ versionNo: i + 1, publishedAt })),
    inbox: [],
    createdAt: pubs[0]!,
    createdBy: 'test',
    updatedAt: pubs.at(-1)!,
    version: 1,
    ...extra,
  };
}

const deadline = (at: string) => ({
  at,
  local: at,
  explanation: { id: '10 hari kerja', en: '10 working days' },
  rule: { unit: 'workingDays' as const, amount: 10 },
});

function request(seq: number, receivedOn: string, agencies: string[], deadlineAt: string, outcome?: Request['outcome'], extra: Partial<Request> = {}): Request {
  const number = `PMH/2026/${String(800 + seq).padStart(5, '0')}`;
  const at = `${receivedOn}T02:00:00.000Z`;
  return {
    requestId: `2026-${String(800 + seq).padStart(5, '0')}`,
    number,
    year: 2026,
    sequence: 800 + seq,
    state: outcome ? 'answered' : 'routed',
    channel: 'in_person',
    requesterKind: 'individual',
    onBehalf: false,
    content: { information: `Informasi yang diminta nomor ${seq}`, purpose: 'Penelitian', obtainForm: 'copy_softcopy', deliveryMethod: 'email' },
    receivedAt: at,
    receivedOn,
    registeredAt: at,
    registeredBy: 'ppid.utama',
    trackingHash: 'a'.repeat(64),
    deadline: deadline(deadlineAt),
    escalations: 0,
    routing: { at, by: 'ppid.utama', held: agencies.length > 0, agencies, ...(agencies.length ? {} : { otherBody: 'Kementerian Kesehatan' }) },
    parts: agencies.map((agencyId) => ({ agencyId, routedAt: at, deadline: deadline(deadlineAt), reminders: 0 })),
    clarifications: [],
    ...(outcome
      ? { outcome, notice: { number: `PTT/2026/${800 + seq}`, file: file(`n/${seq}`), issuedAt: outcome.answeredAt, verificationCode: `CODE${seq}` } }
      : {}),
    inbox: [],
    documents: [],
    timeline: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...extra,
  };
}

const answer = (decision: 'granted' | 'partial' | 'refused', grounds: { exclusionId: string; dikNumber: string; legalBasis: string }[] = []) => ({
  decision,
  grounds: grounds.map((g) => ({ ...g, consequence: { ifOpened: 'x', publicInterest: 'y' } })),
  form: 'Softcopy',
  cost: 0,
  deliveryTime: 'Segera',
  documents: [],
  answeredAt: NOW,
  answeredBy: 'kepala.dinkes',
});

function exclusion(
  id: string,
  agencyId: string,
  seq: number,
  pasal17: ('a' | 'h')[],
  setAt: string,
  until: string | undefined,
  extra: Partial<Exclusion> = {},
): Exclusion {
  return {
    exclusionId: id,
    agencyId,
    state: 'in_force',
    round: 1,
    test: {
      title: `Informasi dikecualikan ${seq}`,
      documents: [{ title: 'Dokumen' }],
      description: 'Uraian informasi yang dikecualikan secara rinci untuk pengujian.',
      legalBasis: {
        pasal17,
        otherLaws: pasal17.includes('a') ? [{ law: 'Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan', article: 'Pasal 57 ayat (1)' }] : [],
      },
      consequence: { ifOpened: 'Konsekuensi bila dibuka cukup berat bagi pihak terkait.', publicInterest: 'Kepentingan publik yang lebih besar dilindungi.' },
      period: until ? { until } : {},
      participants: [{ name: 'Peserta Uji', position: 'Kepala Bidang' }],
    },
    proposedAt: setAt,
    proposedBy: 'kepala.dinkes',
    proposedRole: 'ppid_pelaksana',
    decree: {
      number: `KEP/${seq}/2026`,
      date: setAt.slice(0, 10),
      place: 'Pontianak',
      official: { name: 'Rina Kusumawati', position: 'PPID Utama' },
      recordedBy: 'ppid.utama',
      recordedAt: setAt,
    },
    dik: { number: `DIK/2026/09${seq}`, sequence: 90 + seq, year: 2026, setAt, ...(until ? { until } : {}) },
    steps: [],
    inbox: [],
    createdAt: setAt,
    updatedAt: setAt,
    version: 1,
    ...extra,
  };
}

function objection(seq: number, receivedOn: string, agencyIds: string[], response: Objection['response'], extra: Partial<Objection> = {}): Objection {
  const at = `${receivedOn}T02:00:00.000Z`;
  return {
    objectionId: `2026-${String(80 + seq).padStart(4, '0')}`,
    number: `KBR/2026/${String(80 + seq).padStart(4, '0')}`,
    year: 2026,
    sequence: 80 + seq,
    state: response ? (response.decision === 'granted' ? 'granted' : 'rejected') : 'registered',
    agencyIds,
    information: 'Informasi yang diminta',
    grounds: ['a'],
    windows: [],
    case: 'Permohonan saya ditolak tanpa alasan yang jelas, mohon ditinjau kembali.',
    channel: 'in_person',
    receivedAt: at,
    receivedOn,
    registeredAt: at,
    registeredBy: 'ppid.utama',
    deadline: deadline('2026-06-30T16:59:59.000Z'),
    escalations: 0,
    ...(response ? { response } : {}),
    attachments: [],
    inbox: [],
    timeline: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...extra,
  };
}

const RESPONDER = { name: 'Samuel Hutapea', position: 'Sekretaris Daerah' };

function step(
  sop: string,
  stepName: StepRecord['step'],
  sopStep: number,
  agencyId: string,
  itemId: string,
  endedAt: string,
  seconds: number,
  within?: boolean,
): StepRecord {
  return {
    sop,
    step: stepName,
    sopStep,
    itemId,
    agencyId,
    versionNo: 1,
    startedAt: new Date(Date.parse(endedAt) - seconds * 1000).toISOString(),
    endedAt,
    seconds,
    standardText: 'x',
    ...(within !== undefined ? { withinStandard: within } : {}),
    by: 'test',
  };
}

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  const A = item('rpt-item-a', 'dinkes', 1, ['2026-04-06T03:00:00.000Z', '2026-04-20T03:00:00.000Z']);
  const historyA: PublishedVersion = {
    itemId: A.itemId,
    agencyId: 'dinkes',
    number: A.number,
    versionNo: 1,
    content: dipContent({ title: 'Informasi A judul lama' }) as PublishedVersion['content'],
    documents: [],
    approvedBy: 'kepala.dinkes',
    publishedAt: '2026-04-06T03:00:00.000Z',
    regYear: 2026,
    sequence: A.sequence,
    history: [{ versionNo: 1, publishedAt: '2026-04-06T03:00:00.000Z' }],
  };
  await put([
    { entity: 'item', value: A, expectedVersion: null },
    { entity: 'publicationHistory', value: historyA },
    { entity: 'item', value: item('rpt-item-b', 'disdikbud', 2, ['2026-03-31T18:00:00.000Z']), expectedVersion: null },
    { entity: 'item', value: item('rpt-item-c', 'dinkes', 3, ['2026-05-04T03:00:00.000Z']), expectedVersion: null },
    {
      entity: 'item',
      value: item('rpt-item-d', 'dinkes', 4, ['2026-04-08T03:00:00.000Z'], {
        publication: 'withdrawn',
        withdrawn: { at: '2026-04-15T03:00:00.000Z', by: 'kepala.dinkes', reason: 'Data keliru' },
      }),
      expectedVersion: null,
    },
  ]);
  const X1 = exclusion('rpt-x1', 'dinkes', 1, ['a'], '2026-04-01T03:00:00.000Z', '2027-04-01');
  const X2 = exclusion('rpt-x2', 'disdikbud', 2, ['h'], '2026-04-10T03:00:00.000Z', undefined, {
    state: 'revoked',
    ended: { at: '2026-05-05T03:00:00.000Z', reason: 'revoked', by: 'ppid.utama' },
  });
  await put([
    { entity: 'exclusion', value: X1, expectedVersion: null },
    { entity: 'exclusion', value: X2, expectedVersion: null },
  ]);
  const g1 = [{ exclusionId: 'rpt-x1', dikNumber: 'DIK/2026/091', legalBasis: 'UU 14/2008 Pasal 17 huruf a' }];
  const g2 = [{ exclusionId: 'rpt-x2', dikNumber: 'DIK/2026/092', legalBasis: 'UU 14/2008 Pasal 17 huruf h' }];
  const requests: Request[] = [
    request(1, '2026-04-06', ['dinkes'], '2026-04-20T16:59:59.000Z', {
      held: true,
      decision: 'granted',
      cost: 0,
      answeredAt: '2026-04-08T03:00:00.000Z',
      workingDays: 2,
    }),
    request(
      2,
      '2026-04-13',
      ['dinkes', 'disdikbud'],
      '2026-04-27T16:59:59.000Z',
      { held: true, decision: 'partial', cost: 0, answeredAt: '2026-04-30T03:00:00.000Z' },
      {
        clarifications: [
          {
            askedAt: '2026-04-14T02:00:00.000Z',
            askedBy: 'petugas.dinkes',
            question: 'Mohon rinci',
            answeredAt: '2026-04-16T02:00:00.000Z',
            answer: 'Per kecamatan',
          },
        ],
      },
    ),
    request(3, '2026-04-20', ['disdikbud'], '2026-05-04T16:59:59.000Z', {
      held: true,
      decision: 'refused',
      cost: 0,
      answeredAt: '2026-04-22T03:00:00.000Z',
      workingDays: 2,
    }),
    request(4, '2026-04-27', [], '2026-05-11T16:59:59.000Z', { held: false, cost: 0, answeredAt: '2026-04-28T03:00:00.000Z', workingDays: 1 }),
    request(5, '2026-04-29', ['dinkes'], '2026-05-13T16:59:59.000Z'),
    request(6, '2026-03-25', ['dinkes'], '2026-04-08T16:59:59.000Z', {
      held: true,
      decision: 'granted',
      cost: 0,
      answeredAt: '2026-04-01T02:00:00.000Z',
      workingDays: 5,
    }),
    request(7, '2026-04-30', ['disdikbud'], '2026-05-14T16:59:59.000Z', {
      held: true,
      decision: 'granted',
      cost: 0,
      answeredAt: '2026-04-30T17:30:00.000Z',
      workingDays: 1,
    }),
  ];
  requests[1]!.parts[0]!.answer = answer('partial', g1);
  requests[1]!.parts[1]!.answer = answer('granted');
  requests[2]!.parts[0]!.answer = answer('refused', g2);
  for (const r of requests) {
    await put([
      { entity: 'request', value: r, expectedVersion: null },
      ...r.parts.map((p): Write => ({ entity: 'requestRoute', value: { requestId: r.requestId, agencyId: p.agencyId, year: r.year, sequence: r.sequence } })),
    ]);
  }
  const O1 = objection(1, '2026-04-21', ['disdikbud'], {
    decision: 'rejected',
    reasons: 'Informasi tersebut dikecualikan berdasarkan Pasal 17 huruf h.',
    at: '2026-04-28T03:00:00.000Z',
    by: 'atasan.ppid',
    responder: RESPONDER,
  });
  const O2 = objection(2, '2026-03-30', ['dinkes'], {
    decision: 'granted',
    scope: 'partial',
    provideBy: '2026-04-10',
    reasons: 'Sebagian informasi dapat diberikan setelah dihitamkan.',
    at: '2026-04-02T03:00:00.000Z',
    by: 'atasan.ppid',
    responder: RESPONDER,
  });
  const dispute: Dispute = {
    disputeId: '2026-0081',
    number: 'SKI/2026/0081',
    year: 2026,
    sequence: 81,
    state: 'appeal',
    kiRegisterNumber: '081/REG-PSI/IV/2026',
    filedOn: '2026-04-29',
    claim: 'Pemohon meminta informasi diberikan seluruhnya.',
    against: { objectionId: O1.objectionId, objectionNumber: O1.number, requestNumber: 'PMH/2026/00803' },
    agencyId: 'diskominfo',
    stages: [],
    outcome: { kind: 'rejected', decidedOn: '2026-04-29', receivedOn: '2026-04-29', note: 'Ditolak.', at: NOW, by: 'ppid.utama' },
    appeal: { court: 'ptun', filedOn: '2026-04-30', caseNumber: '12/G/KI/2026/PTUN.PTK', appellant: 'applicant', hearings: [], at: NOW, by: 'ppid.utama' },
    documents: [],
    inbox: [],
    timeline: [],
    recordedBy: 'ppid.utama',
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
  };
  await put([
    { entity: 'objection', value: O1, expectedVersion: null },
    { entity: 'objection', value: O2, expectedVersion: null },
    { entity: 'dispute', value: dispute, expectedVersion: null },
  ]);
  await put([
    { entity: 'stepRecord', value: step('000', 'approval', 3, 'dinkes', 'rpt-item-a', '2026-04-03T03:00:00.000Z', 172_800, true) },
    { entity: 'stepRecord', value: step('000', 'approval', 3, 'dinkes', 'rpt-item-d', '2026-04-10T03:00:00.000Z', 777_600, false) },
    // 1 April 00:00:30 local, stored under the UTC month 2026-03.
    { entity: 'stepRecord', value: step('000', 'input', 2, 'disdikbud', 'rpt-item-b', '2026-03-31T17:00:30.000Z', 30, true) },
    { entity: 'stepRecord', value: step('002', 'decision', 2, 'dinkes', 'rpt-x1', '2026-04-01T02:00:00.000Z', 120, false) },
    { entity: 'stepRecord', value: step('002', 'proposal', 1, 'dinkes', 'rpt-x1', '2026-04-01T01:00:00.000Z', 3600) },
  ]);
}, 120_000);

afterAll(async () => {
  await host?.cleanup();
});

const get = (user: string, kind: string, query: string, headers: Record<string, string> = {}) =>
  api(user, 'GET', `/api/reports/${kind}?${query}`, undefined, headers);
async function report(kind: string, query: string, user = 'ppid.utama'): Promise<ReportData> {
  const res = await get(user, kind, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.report as ReportData;
}
const section = (data: ReportData, key: string) => data.sections.find((s) => s.key === key) as ReportSection;
const figures = (s: ReportSection) => Object.fromEntries((s.figures ?? []).map((f) => [f.key, f.value]));
const table = (s: ReportSection, key: string) => (s.tables ?? []).find((t) => t.key === key) as ReportTable;
const column = (t: ReportTable, key: string) => t.rows.map((r) => r[t.columns.findIndex((c) => c.key === key)]);
async function download(kind: string, query: string, format: string, user = 'ppid.utama') {
  const res = await get(user, kind, `${query}&format=${format}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const f = await fetch(res.body.file.url);
  expect(f.status).toBe(200);
  return { bytes: new Uint8Array(await f.arrayBuffer()), file: res.body.file };
}

describe('service details (annual, semester)', () => {
  it('counts requests received and answered in April by the body-zone dates, with median, p90 and max in working days', async () => {
    const data = await report('semester', APRIL);
    const f = figures(section(data, 'service'));
    expect(f).toMatchObject({
      req_in: 6,
      req_ans: 5,
      req_ontime: 4,
      req_late: 1,
      req_granted: 2,
      req_partial: 1,
      req_refused: 1,
      req_notheld: 1,
      req_open: 1,
      // [1, 2, 2, 5, 13]: R2 counted from the calendar (13 April → 30 April: 13 working days).
      wd_median: 2,
      wd_p90: 13,
      wd_max: 13,
      wd_mean: 4.6,
      clar_n: 1,
      clar_median: 2,
      clar_max: 2,
    });
    const times = table(section(data, 'service'), 'times');
    expect(column(times, 'number')).toEqual(['PMH/2026/00801', 'PMH/2026/00802', 'PMH/2026/00803', 'PMH/2026/00804', 'PMH/2026/00806']);
    expect(column(times, 'workingDays')).toEqual([2, 13, 2, 1, 5]);
    expect(column(times, 'clarification')).toEqual([0, 2, 0, 0, 0]);
    expect(column(times, 'receivedOn')[0]).toBe('6 April 2026');
    expect(data.periodText.id).toBe('Rabu, 1 April 2026 s.d. Kamis, 30 April 2026');
  });

  it('refusal grounds by Pasal 17 letter and other law, from the exclusions the answers cite', async () => {
    const data = await report('annual', APRIL);
    const grounds = table(section(data, 'service'), 'refusal_grounds');
    const row = (label: string) => grounds.rows.find((r) => String(r[0]).startsWith(label));
    expect(row('Pasal 17 huruf a')).toEqual([expect.any(String), 0, 1]);
    expect(row('Pasal 17 huruf h')).toEqual([expect.any(String), 1, 0]);
    expect(row('Pasal 17 huruf c')).toEqual([expect.any(String), 0, 0]);
    expect(row('Undang-Undang Nomor 36 Tahun 2009')).toEqual(['Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan Pasal 57 ayat (1)', 0, 1]);
    expect(grounds.total).toEqual(['Jumlah permohonan', 1, 1]);
  });

  it('annual: narrative parts empty as "(belum diisi)"; objections, Atasan responses, disputes and court cases', async () => {
    const data = await report('annual', APRIL);
    expect(data.sections.map((s) => s.key)).toEqual(['policy', 'facilities', 'staff', 'budget', 'service', 'objections', 'obstacles', 'recommendations']);
    expect(section(data, 'policy').paragraphs).toEqual(['(belum diisi)']);
    expect(figures(section(data, 'objections'))).toMatchObject({
      obj_in: 1,
      obj_ans: 2,
      obj_granted_full: 0,
      obj_granted_partial: 1,
      obj_rejected: 1,
      obj_ontime: 2,
      obj_open: 0,
      dsp_in: 1,
      dsp_rejected: 1,
      dsp_pending: 0,
      court_in: 1,
      court_cassation: 0,
    });
    const court = table(section(data, 'objections'), 'court');
    expect(court.rows).toEqual([['SKI/2026/0081', '30 April 2026', 'PTUN 12/G/KI/2026/PTUN.PTK: dalam proses']]);
  });
});

describe('monthly recap per SKPD', () => {
  it('rows per SKPD and a total that counts a request routed to two SKPDs once', async () => {
    const data = await report('monthly', APRIL);
    const recap = table(section(data, 'recap'), 'recap');
    const row = (name: string) => recap.rows.find((r) => r[0] === name)!.slice(1);
    //                              dip in ans ontime late granted partial refused notheld objIn objAns
    expect(row('Dinas Kesehatan')).toEqual([3, 3, 3, 2, 1, 2, 1, 0, 0, 0, 1]);
    expect(row('Dinas Pendidikan dan Kebudayaan')).toEqual([1, 3, 2, 1, 1, 0, 1, 1, 0, 1, 1]);
    expect(recap.total!.slice(1)).toEqual([4, 6, 5, 4, 1, 2, 1, 1, 1, 1, 2]);
    // The lists behind the numbers.
    const pubs = table(section(data, 'publications'), 'publications');
    expect(column(pubs, 'number')).toEqual(['DISDIKBUD/2026/0002', 'DINKES/2026/0001', 'DINKES/2026/0004', 'DINKES/2026/0001']);
    expect(column(pubs, 'publishedOn')[0]).toBe('1 April 2026');
  });

  it('equals the dashboard counters of April 2026 (the body and each SKPD)', async () => {
    const data = await report('monthly', APRIL);
    const recap = table(section(data, 'recap'), 'recap');
    const counters = await dynamoStore.listCounters('2026-04');
    const metrics = (agencyId: string) => counters.find((c) => c.agencyId === agencyId)?.metrics ?? {};
    const keys = ['dip_pub', 'req_in', 'req_ans', 'req_ontime', 'req_late', 'req_granted', 'req_partial', 'req_refused', 'req_notheld', 'obj_in', 'obj_ans'];
    const fromCounters = (agencyId: string) => keys.map((k) => metrics(agencyId)[k] ?? 0);
    expect(recap.total!.slice(1)).toEqual(fromCounters('_body'));
    expect(recap.rows.find((r) => r[0] === 'Dinas Kesehatan')!.slice(1)).toEqual(fromCounters('dinkes'));
    expect(recap.rows.find((r) => r[0] === 'Dinas Pendidikan dan Kebudayaan')!.slice(1)).toEqual(fromCounters('disdikbud'));
  });

  it('one SKPD: its row only', async () => {
    const data = await report('monthly', `${APRIL}&agencyId=dinkes`);
    expect(data.agencyName).toBe('Dinas Kesehatan');
    const recap = table(section(data, 'recap'), 'recap');
    expect(recap.rows.map((r) => r[0])).toEqual(['Dinas Kesehatan']);
    expect(recap.total!.slice(1)).toEqual([3, 3, 3, 2, 1, 2, 1, 0, 0, 0, 1]);
  });
});

describe('registers, SOP compliance, DIP and DIK', () => {
  it('register of requests: the book’s columns without the personal data, the requests received in April', async () => {
    const data = await report('requests_register', APRIL);
    const t = table(section(data, 'register'), 'requests');
    expect(t.columns.map((c) => c.key)).not.toContain('name');
    expect(t.columns.map((c) => c.key)).not.toContain('address');
    expect(t.columns.map((c) => c.key)).toContain('decision');
    expect(column(t, 'number')).toEqual(['PMH/2026/00801', 'PMH/2026/00802', 'PMH/2026/00803', 'PMH/2026/00804', 'PMH/2026/00805', 'PMH/2026/00807']);
    expect(column(t, 'receivedOn')[0]).toBe('6 April 2026');
    expect(figures(section(data, 'register')).req_in).toBe(6);
  });

  it('register of objections: with the dispute and its outcome', async () => {
    const data = await report('objections_register', APRIL);
    const t = table(section(data, 'register'), 'objections');
    expect(column(t, 'number')).toEqual(['KBR/2026/0081']);
    expect(String(column(t, 'dispute')[0])).toContain('081/REG-PSI/IV/2026');
    expect(t.columns.map((c) => c.key)).not.toContain('contact');
  });

  it('SOP compliance: each step against its Mutu Baku, a step ending 1 April local kept though stored under March', async () => {
    const data = await report('sop_compliance', APRIL);
    const s = section(data, 'sop');
    expect(figures(s)).toMatchObject({ steps_done: 5, steps_measured: 4, steps_within: 2, steps_share: 50 });
    const steps = table(s, 'steps');
    const approval = steps.rows.find((r) => r[0] === 'SOP 000' && r[1] === 3)!;
    // done, measured, within, share, median (2 and 9 days: 5 days 12 hours), p90, max
    expect(approval.slice(4)).toEqual([2, 2, 1, 50, '5 hari 12 jam', '9 hari', '9 hari']);
    const perAgency = table(s, 'steps_per_agency');
    expect(perAgency.rows.find((r) => r[0] === 'Dinas Pendidikan dan Kebudayaan')!.slice(5, 9)).toEqual([1, 1, 1, 100]);
  });

  it('DIP as of a date: the version in force then, withdrawn and later items left out', async () => {
    const end = await report('dip', 'from=2026-04-30&to=2026-04-30');
    const t = table(section(end, 'dip'), 'dip');
    expect(column(t, 'number')).toEqual(['DINKES/2026/0001', 'DISDIKBUD/2026/0002']);
    expect(column(t, 'title')[0]).toBe('Informasi rpt-item-a versi 2');
    const early = await report('dip', 'from=2026-04-10&to=2026-04-10');
    const te = table(section(early, 'dip'), 'dip');
    expect(column(te, 'number')).toEqual(['DINKES/2026/0001', 'DINKES/2026/0004', 'DISDIKBUD/2026/0002']);
    // Version 1's title, from the publication history.
    expect(column(te, 'title')[0]).toBe('Informasi A judul lama');
    expect(early.periodText.id).toBe('per Jumat, 10 April 2026');
  });

  it('DIK as of a date: in force then', async () => {
    const april = await report('dik', 'from=2026-04-30&to=2026-04-30');
    expect(column(table(section(april, 'dik'), 'dik'), 'number')).toEqual(['DIK/2026/091', 'DIK/2026/092']);
    const may = await report('dik', 'from=2026-05-31&to=2026-05-31');
    expect(column(table(section(may, 'dik'), 'dik'), 'number')).toEqual(['DIK/2026/091']);
    const march = await report('dik', 'from=2026-03-31&to=2026-03-31');
    expect(figures(section(march, 'dik')).dik_total).toBe(0);
  });
});

describe('files', () => {
  it('PDF: opens, every section heading and the figures are in it', async () => {
    const { bytes, file } = await download('annual', APRIL, 'pdf');
    expect(file.contentType).toBe('application/pdf');
    const { text, pages } = await pdfText(bytes);
    const all = flat(text);
    expect(pages).toBeGreaterThan(1);
    for (const heading of [
      'Gambaran Umum Kebijakan Pelayanan Informasi Publik',
      'Sarana dan Prasarana Pelayanan Informasi',
      'Sumber Daya Manusia',
      'Anggaran Pelayanan Informasi',
      'Rincian Layanan Informasi Publik',
      'Keberatan dan Sengketa Informasi',
      'Kendala Eksternal dan Internal',
      'Rekomendasi dan Rencana Tindak Lanjut',
    ])
      expect(all).toContain(heading);
    expect(all).toContain('LAPORAN LAYANAN INFORMASI PUBLIK');
    expect(all).toMatch(/Jumlah permohonan diterima\s*:?\s*6/);
    expect(all).toContain('PMH/2026/00802');
  });

  it('XLSX read back with exceljs equals the data', async () => {
    const data = await report('monthly', APRIL);
    const { bytes } = await download('monthly', APRIL, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Sampul',
      '1 Rekapitulasi per SKPD',
      '2 Publikasi DIP dalam Periode',
      '3 Permohonan dalam Periode',
      '4 Keberatan dalam Periode',
    ]);
    const values = (ws: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      ws.eachRow({ includeEmpty: true }, (row) => {
        out.push((row.values as unknown[]).slice(1).map((v) => v ?? null));
      });
      return out;
    };
    const cover = values(wb.worksheets[0]!);
    expect(cover[0]![0]).toBe(data.title.id);
    expect(cover.find((r) => r[0] === 'Periode')![1]).toBe(data.periodText.id);
    expect(cover.find((r) => r[1] === 'Permohonan diterima')![2]).toBe(6);
    data.sections.forEach((s, i) => {
      const rows = values(wb.worksheets[i + 1]!);
      for (const t of s.tables ?? []) {
        const at = rows.findIndex((r) => r[0] === t.caption.id);
        expect(at, t.caption.id).toBeGreaterThan(0);
        expect(rows[at + 1]).toEqual(t.columns.map((c) => c.label.id));
        const body = rows.slice(at + 2, at + 2 + t.rows.length).map((r) => t.columns.map((_, j) => r[j] ?? null));
        expect(body).toEqual(t.rows);
        if (t.total) expect(rows[at + 2 + t.rows.length]).toEqual(t.total);
      }
    });
  });

  it('CSV parses, a heading line per table, rows equal to the data', async () => {
    const data = await report('annual', APRIL);
    const { bytes } = await download('annual', APRIL, 'csv');
    // UTF-8 with a BOM (spreadsheet programs read it as UTF-8).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual([data.title.id]);
    for (const s of data.sections)
      for (const t of s.tables ?? []) {
        const at = rows.findIndex((r) => r.length === 1 && r[0] === t.caption.id);
        expect(at, t.caption.id).toBeGreaterThan(0);
        expect(rows[at + 1]).toEqual(t.columns.map((c) => c.label.id));
        expect(rows.slice(at + 2, at + 2 + t.rows.length)).toEqual(t.rows.map((r) => r.map((c) => (c === null ? '' : String(c)))));
      }
    // English labels on request.
    const en = new TextDecoder().decode((await download('annual', `${APRIL}&lang=en`, 'csv')).bytes);
    expect(parseCsv(en)[0]).toEqual([data.title.en]);
  });

  it('file exports are audited', async () => {
    await download('dik', 'from=2026-04-30&to=2026-04-30', 'csv');
    const page = await dynamoStore.listAudit({ entity: { type: 'report_export', id: 'dik-2026-04-30-2026-04-30-all' }, limit: 10 });
    expect(page.items[0]).toMatchObject({ action: 'report.export', actor: { username: 'ppid.utama' } });
    expect(page.items[0]!.after).toMatchObject({ kind: 'dik', format: 'csv' });
  });
});

describe('who may open which report, and bad input', () => {
  it('a PPID Pelaksana: its own SKPD (by default), another SKPD refused with a message in both languages', async () => {
    const own = await report('monthly', APRIL, 'kepala.dinkes');
    expect(own.spec.agencyId).toBe('dinkes');
    const other = await get('kepala.dinkes', 'monthly', `${APRIL}&agencyId=disdikbud`);
    expect(other.status).toBe(403);
    expect(other.body.error.messages.id).toContain('SKPD Anda sendiri');
    expect(other.body.error.messages.en).toContain('your own SKPD');
  });

  it('the Atasan PPID reads everything; a Petugas may not open the menu', async () => {
    expect((await get('atasan.ppid', 'annual', `${APRIL}&agencyId=disdikbud`)).status).toBe(200);
    const petugas = await get('petugas.dinkes', 'monthly', APRIL);
    expect(petugas.status).toBe(403);
    expect(petugas.body.error.messages.id).toContain('Petugas PPID');
  });

  it('refuses a period that is reversed, too long, or not a date, and an unknown kind or SKPD', async () => {
    const reversed = await get('ppid.utama', 'monthly', 'from=2026-04-30&to=2026-04-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.messages.id).toContain('tanggal awal');
    const long = await get('ppid.utama', 'monthly', 'from=2025-01-01&to=2026-04-30');
    expect(long.status).toBe(400);
    expect(long.body.error.messages.en).toContain('366 days');
    expect((await get('ppid.utama', 'monthly', 'from=2026-02-30&to=2026-03-01')).status).toBe(400);
    expect((await get('ppid.utama', 'weekly', APRIL)).status).toBe(400);
    expect((await get('ppid.utama', 'monthly', `${APRIL}&agencyId=tidak-ada`)).status).toBe(404);
  });
});
