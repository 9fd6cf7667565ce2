/**
 * The register of objections (register keberatan) through the API: two requests registered at the
 * desk (their requesters are the objectors), then objections written straight into the table: one on
 * the first request (Dinas Kesehatan) granted in part by the Atasan PPID, one on the second
 * (Disdikbud) still waiting, one on ground b with no request (its own personal record, rejected),
 * one whose objector's identity was erased, and one of last year. Then the register as JSON, CSV and
 * XLSX, per SKPD and consolidated; the files come through a short-lived link to the private document
 * bucket; the Atasan PPID opens it, a PPID Pelaksana only its SKPD's; the roles that may not read
 * the objectors' personal data get 403 with a message; every export is audited with its number of rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { auditEvent, SYSTEM_ACTOR } from '../../functions/core/audit.ts';
import type { Dispute } from '../../functions/core/objections/disputes.ts';
import type { Objection } from '../../functions/core/objections/model.ts';
import { parseCsv } from '../support/csv.ts';
import { localDay, PEOPLE } from '../support/fixtures.ts';
import { apiClient, startTestHost } from '../support/host.ts';
import { unzip } from '../support/zip.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

const YEAR = Number(localDay().slice(0, 4));

const REQUESTERS = { dinkes: PEOPLE.individual, disdikbud: PEOPLE.legalEntity } as const;

const PERIODIC_OBJECTOR = PEOPLE.phoneOnly;

const RESPONDER = { name: 'Dr. H. Harisson, M.Kes.', position: 'Sekretaris Daerah Provinsi Kalimantan Barat', nip: '196604101994031009' };
const LONG_REASONS = `Rekapitulasi jumlah kasus per kabupaten/kota tidak memuat identitas pasien. ${'Pertimbangan ini diuraikan panjang lebar. '.repeat(12)}`;

const numbers: Record<string, string> = {};

async function registerRequest(requester: object, information: string) {
  const res = await api('ppid.utama', 'POST', '/api/requests', {
    requester,
    content: { information, purpose: 'Bahan penelitian dan advokasi kebijakan publik', obtainForm: 'copy_softcopy', deliveryMethod: 'collect' },
    channel: 'in_person',
    receivedOn: localDay(),
    submissionId: crypto.randomUUID(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.request as { requestId: string; number: string };
}

function objection(year: number, sequence: number, o: Partial<Objection> & Pick<Objection, 'agencyIds' | 'grounds' | 'information'>): Objection {
  const id = `${year}-${String(sequence).padStart(4, '0')}`;
  const now = new Date().toISOString();
  return {
    objectionId: id,
    number: `KBR/${year}/${String(sequence).padStart(4, '0')}`,
    year,
    sequence,
    state: 'registered',
    windows: [],
    case: 'Permohonan saya tidak dipenuhi sebagaimana mestinya, mohon Atasan PPID meninjau kembali.',
    channel: 'in_person',
    receivedAt: now,
    receivedOn: year === YEAR ? localDay() : `${year}-11-02`,
    registeredAt: now,
    registeredBy: 'ppid.utama',
    deadline: {
      at: '2099-01-01T16:59:59.000Z',
      local: year === YEAR ? `${YEAR + 1}-01-15T23:59:59+07:00` : `${year}-12-15T23:59:59+07:00`,
      explanation: { id: '30 hari kerja', en: '30 working days' },
      rule: { unit: 'workingDays', amount: 30 },
    },
    escalations: 0,
    attachments: [],
    inbox: [],
    timeline: [],
    createdAt: now,
    updatedAt: now,
    version: 1,
    ...o,
  };
}

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  const a = await registerRequest(REQUESTERS.dinkes, 'Rekapitulasi kasus demam berdarah per kecamatan tahun 2025');
  const b = await registerRequest(REQUESTERS.disdikbud, 'Daftar sekolah menengah atas negeri penerima dana BOS daerah tahun 2025');
  numbers.requestA = a.number;
  numbers.requestB = b.number;
  const respondedAt = new Date().toISOString();
  const records: Objection[] = [
    objection(YEAR, 1, {
      requestId: a.requestId,
      requestNumber: a.number,
      agencyIds: ['dinkes'],
      grounds: ['a', 'g'],
      information: 'Rekapitulasi kasus demam berdarah per kecamatan tahun 2025',
      state: 'granted',
      response: {
        decision: 'granted',
        scope: 'partial',
        provideBy: localDay(10),
        reasons: LONG_REASONS,
        at: respondedAt,
        by: 'atasan.ppid',
        responder: RESPONDER,
      },
    }),
    objection(YEAR, 2, {
      requestId: b.requestId,
      requestNumber: b.number,
      agencyIds: ['disdikbud'],
      grounds: ['c'],
      information: 'Daftar sekolah menengah atas negeri penerima dana BOS daerah tahun 2025',
    }),
    objection(YEAR, 3, {
      agencyIds: ['dinkes'],
      grounds: ['b'],
      information: 'Laporan realisasi anggaran semester I Dinas Kesehatan',
      trackingHash: 'c'.repeat(64),
      state: 'rejected',
      response: {
        decision: 'rejected',
        reasons: 'Laporan realisasi anggaran semester I telah diumumkan di laman PPID sejak Juli.',
        at: respondedAt,
        by: 'atasan.ppid',
        responder: RESPONDER,
      },
    }),
    // Ground b whose objector's identity was erased after the retention period.
    objection(YEAR, 4, {
      agencyIds: ['bappeda'],
      grounds: ['b'],
      information: 'Rencana kerja tahunan Bappeda yang belum diumumkan',
      trackingHash: 'd'.repeat(64),
    }),
    objection(YEAR - 1, 1, {
      requestId: a.requestId,
      requestNumber: 'PMH/LAMA/00001',
      agencyIds: ['dinkes'],
      grounds: ['e'],
      information: 'Permohonan tahun lalu',
    }),
  ];
  for (const value of records)
    await dynamoStore.commit(
      [{ entity: 'objection', value, expectedVersion: null }],
      auditEvent({
        actor: SYSTEM_ACTOR,
        action: 'objection.registered',
        entity: { type: 'objection', id: value.objectionId },
        agencyId: 'diskominfo',
        requestId: 'test',
        now: new Date(),
      }),
    );
  // A dispute at the Komisi Informasi on the first objection, decided, then taken to the PTUN.
  const now = new Date().toISOString();
  const dispute: Dispute = {
    disputeId: `${YEAR}-0001`,
    number: `SKI/${YEAR}/0001`,
    year: YEAR,
    sequence: 1,
    state: 'appeal',
    kiRegisterNumber: `012/REG-PSI/${YEAR}`,
    filedOn: localDay(),
    claim: 'Pemohon meminta rekapitulasi kasus diberikan seluruhnya, bukan sebagian.',
    against: { requestId: a.requestId, requestNumber: a.number, objectionId: `${YEAR}-0001`, objectionNumber: `KBR/${YEAR}/0001` },
    agencyId: 'diskominfo',
    stages: [],
    outcome: { kind: 'partly_upheld', decidedOn: localDay(), receivedOn: localDay(), note: 'Dikabulkan sebagian.', at: now, by: 'ppid.utama' },
    appeal: { court: 'ptun', filedOn: localDay(), caseNumber: `45/G/KI/${YEAR}/PTUN.PTK`, appellant: 'body', hearings: [], at: now, by: 'ppid.utama' },
    documents: [],
    inbox: [],
    timeline: [],
    recordedBy: 'ppid.utama',
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await dynamoStore.commit(
    [{ entity: 'dispute', value: dispute, expectedVersion: null }],
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'dispute.recorded',
      entity: { type: 'dispute', id: dispute.disputeId },
      agencyId: 'diskominfo',
      requestId: 'test',
      now: new Date(),
    }),
  );
  await dynamoStore.commit(
    [{ entity: 'objectionPersonal', value: { objectionId: `${YEAR}-0003`, objector: PERIODIC_OBJECTOR, version: 1 } }],
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'objection.personal',
      entity: { type: 'objection', id: `${YEAR}-0003` },
      agencyId: 'diskominfo',
      requestId: 'test',
      now: new Date(),
    }),
  );
}, 120_000);

afterAll(async () => {
  await host?.cleanup();
});

const register = (user: string, query: string, headers: Record<string, string> = {}) =>
  api(user, 'GET', `/api/objections/register?${query}`, undefined, headers);

describe('register keberatan', () => {
  it('consolidated, as JSON: one row per objection of the year in order of receipt, with every column', async () => {
    const res = await register('ppid.utama', `year=${YEAR}&format=json`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ year: YEAR, count: 4, title: `Register Keberatan ${YEAR} · Gabungan` });
    expect(res.body.columns.map((c: any) => c.key)).toEqual([
      'number',
      'receivedOn',
      'requestNumber',
      'name',
      'address',
      'contact',
      'information',
      'grounds',
      'deadline',
      'state',
      'decision',
      'provideBy',
      'respondedOn',
      'reasons',
      'responder',
      'dispute',
    ]);
    const rows = res.body.rows as Record<string, unknown>[];
    expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4].map((n) => `KBR/${YEAR}/000${n}`));
    expect(rows[0]).toMatchObject({
      receivedOn: localDay(),
      requestNumber: numbers.requestA,
      name: REQUESTERS.dinkes.fullName,
      address: REQUESTERS.dinkes.address,
      contact: `Telp. ${REQUESTERS.dinkes.phone}; ${REQUESTERS.dinkes.email}`,
      grounds:
        'a. Penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17); g. Penyampaian informasi yang melebihi waktu yang diatur dalam Undang-Undang',
      deadline: `${YEAR + 1}-01-15`,
      state: 'Diterima',
      decision: 'Keberatan diterima: informasi diberikan sebagian',
      provideBy: localDay(10),
      respondedOn: localDay(),
      responder: `${RESPONDER.name}, ${RESPONDER.position}`,
      dispute: `Diajukan ${localDay()} (register KI 012/REG-PSI/${YEAR}); permohonan sengketa dikabulkan sebagian (${localDay()}); keberatan ke PTUN 45/G/KI/${YEAR}/PTUN.PTK: dalam proses`,
    });
    // The reasons in brief: at most 280 characters, cut with an ellipsis.
    expect(LONG_REASONS.length).toBeGreaterThan(400);
    expect(String(rows[0]!.reasons).length).toBeLessThanOrEqual(280);
    expect(String(rows[0]!.reasons).length).toBeGreaterThan(270);
    expect(String(rows[0]!.reasons)).toMatch(/^Rekapitulasi jumlah kasus .*…$/);
    expect(rows[1]).toMatchObject({
      requestNumber: numbers.requestB,
      name: REQUESTERS.disdikbud.fullName,
      contact: REQUESTERS.disdikbud.email,
      grounds: 'c. Tidak ditanggapinya permintaan informasi',
      state: 'Menunggu tanggapan Atasan PPID',
      decision: null,
      respondedOn: null,
      reasons: null,
      responder: null,
      dispute: null,
    });
    // Ground b with no request: the objector from the objection's own personal record.
    expect(rows[2]).toMatchObject({
      requestNumber: null,
      name: PERIODIC_OBJECTOR.fullName,
      address: PERIODIC_OBJECTOR.address,
      contact: `Telp. ${PERIODIC_OBJECTOR.phone}`,
      grounds: 'b. Tidak disediakannya informasi berkala (Pasal 9)',
      state: 'Ditolak',
      decision: 'Keberatan ditolak',
      provideBy: null,
      reasons: 'Laporan realisasi anggaran semester I telah diumumkan di laman PPID sejak Juli.',
    });
    // Erased: a note in the name, no address, no contact.
    expect(rows[3]).toMatchObject({ name: '(data pribadi dihapus setelah masa retensi)', address: null, contact: null });
    // The NIK is no column of the register; last year's objection is not in this year's.
    expect(JSON.stringify(res.body)).not.toContain(REQUESTERS.dinkes.nik);
    expect(JSON.stringify(res.body)).not.toContain('PMH/LAMA');

    const last = await register('ppid.utama', `year=${YEAR - 1}`);
    expect(last.body.rows.map((r: any) => [r.number, r.requestNumber])).toEqual([[`KBR/${YEAR - 1}/0001`, 'PMH/LAMA/00001']]);
  });

  it('as CSV: a file in the private document bucket, through a short-lived link, with the same rows', async () => {
    const res = await register('atasan.ppid', `year=${YEAR}&format=csv`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows).toBeUndefined();
    const { file } = res.body;
    expect(file.fileName).toMatch(new RegExp(`^Register-Keberatan-${YEAR}-gabungan-\\d{8}T\\d{6}\\.csv$`));
    expect(file.expiresInSeconds).toBe(300);
    const url = new URL(file.url);
    expect(url.pathname).toContain(`/${host.bucketNames.documents}/exports/objection-book/${YEAR}/all/`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    const download = await fetch(file.url);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual([
      'Nomor registrasi keberatan',
      'Tanggal keberatan diterima',
      'Nomor pendaftaran permohonan',
      'Nama pengaju keberatan',
      'Alamat',
      'Nomor kontak / surel',
      'Informasi yang diminta',
      'Alasan keberatan (Pasal 35 ayat (1))',
      'Batas waktu tanggapan',
      'Status',
      'Keputusan Atasan PPID',
      'Informasi diberikan paling lambat',
      'Tanggal tanggapan',
      'Pertimbangan (ringkas)',
      'Nama dan jabatan Atasan PPID',
      'Sengketa informasi (Komisi Informasi) dan putusannya',
    ]);
    expect(rows).toHaveLength(5);
    expect(rows[1]!.slice(0, 6)).toEqual([
      `KBR/${YEAR}/0001`,
      localDay(),
      numbers.requestA,
      REQUESTERS.dinkes.fullName,
      REQUESTERS.dinkes.address,
      `Telp. ${REQUESTERS.dinkes.phone}; ${REQUESTERS.dinkes.email}`,
    ]);
    expect(rows[1]!.slice(10, 13)).toEqual(['Keberatan diterima: informasi diberikan sebagian', localDay(10), localDay()]);
    expect(rows[3]![3]).toBe(PERIODIC_OBJECTOR.fullName);
    expect(rows[3]![2]).toBe('');
  });

  it('as XLSX, in English: the workbook holds the title, the headers and the personal columns', async () => {
    const res = await register('admin', `year=${YEAR}&format=xlsx`, { 'accept-language': 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.file.fileName).toMatch(new RegExp(`^Register-of-Objections-${YEAR}-consolidated-.*\\.xlsx$`));
    const download = await fetch(res.body.file.url);
    expect(download.status).toBe(200);
    const files = unzip(new Uint8Array(await download.arrayBuffer()));
    const sheet = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(files.get('xl/workbook.xml')!.toString('utf8')).toContain(`name="Register ${YEAR}"`);
    for (const text of [
      `Register of Objections ${YEAR} · Consolidated`,
      'Objection number',
      "Objector's name",
      'Grounds (Pasal 35(1))',
      "The Atasan PPID's decision",
      `KBR/${YEAR}/0003`,
      REQUESTERS.dinkes.fullName,
      REQUESTERS.disdikbud.address,
      `Tel. ${PERIODIC_OBJECTOR.phone}`,
      'g. The information was delivered later than the law allows',
      'Objection granted: the information to be given in part',
      'Awaiting the Atasan PPID',
      `Filed ${localDay()} (KI register 012/REG-PSI/${YEAR}); the claim was partly upheld (${localDay()}); appeal to PTUN 45/G/KI/${YEAR}/PTUN.PTK: pending`,
      '(personal data erased after retention)',
    ])
      expect(sheet).toContain(text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;'));
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
  });

  it("an SKPD's PPID Pelaksana gets only the objections on requests routed to its SKPD; never another SKPD's register", async () => {
    const own = await register('kepala.dinkes', `year=${YEAR}`);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ agencyId: 'dinkes', count: 2 });
    expect(own.body.title).toBe(`Register Keberatan ${YEAR} · Dinas Kesehatan`);
    expect(own.body.rows.map((r: any) => r.number)).toEqual([`KBR/${YEAR}/0001`, `KBR/${YEAR}/0003`]);
    const csv = await register('kepala.dinkes', `year=${YEAR}&format=csv&agencyId=dinkes`);
    expect(csv.status).toBe(200);
    expect(new URL(csv.body.file.url).pathname).toContain(`/exports/objection-book/${YEAR}/dinkes/`);
    const text = await (await fetch(csv.body.file.url)).text();
    expect(text).toContain(REQUESTERS.dinkes.fullName);
    expect(text).toContain(PERIODIC_OBJECTOR.fullName);
    for (const other of [REQUESTERS.disdikbud.fullName, REQUESTERS.disdikbud.address, `KBR/${YEAR}/0004`]) expect(text).not.toContain(other);

    const disdikbud = await register('kepala.disdikbud', `year=${YEAR}&format=json`);
    expect(disdikbud.body.rows.map((r: any) => [r.number, r.name])).toEqual([[`KBR/${YEAR}/0002`, REQUESTERS.disdikbud.fullName]]);

    const other = await register('kepala.dinkes', `year=${YEAR}&agencyId=disdikbud`);
    expect(other.status).toBe(403);
    expect(other.body.error.messages.id).toContain('Register keberatan memuat data pribadi');
    expect(other.body.error.messages.en).toContain('register of objections');
    expect(JSON.stringify(other.body)).not.toContain(REQUESTERS.disdikbud.fullName);
    // The Atasan PPID and PPID Utama open any SKPD's register.
    for (const user of ['atasan.ppid', 'ppid.utama']) {
      const res = await register(user, `year=${YEAR}&agencyId=disdikbud`);
      expect(res.status, user).toBe(200);
      expect(res.body.rows.map((r: any) => r.number)).toEqual([`KBR/${YEAR}/0002`]);
    }
  });

  it('roles that may not read the personal data get 403 with a message: petugas, Pejabat PID', async () => {
    for (const user of ['petugas.dinkes', 'pejabat.pid']) {
      const res = await register(user, `year=${YEAR}&format=csv`);
      expect(res.status, user).toBe(403);
      expect(res.body.error.messages.id, user).toMatch(/\S/);
      expect(res.body.error.messages.en, user).toMatch(/\S/);
      expect(JSON.stringify(res.body)).not.toContain(REQUESTERS.dinkes.fullName);
    }
  });

  it('refuses a bad format or year with a message per field', async () => {
    const res = await register('ppid.utama', 'year=1900&format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path).sort()).toEqual(['query.format', 'query.year']);
  });

  it('every export is audited: who, which register, the format and the number of rows; never the personal data', async () => {
    const all = (await api('admin', 'GET', `/api/audit?entityType=objection_book&entityId=${YEAR}-all&limit=100`)).body.items as any[];
    const csv = all.find((e) => e.after.format === 'csv' && e.actor.username === 'atasan.ppid');
    expect(csv).toMatchObject({ action: 'objection.book_export', actor: { role: 'atasan_ppid' }, after: { year: YEAR, agencyId: null, rows: 4 } });
    expect(csv.after.key).toMatch(new RegExp(`^exports/objection-book/${YEAR}/all/`));
    expect(Date.now() - Date.parse(csv.at)).toBeLessThan(120_000);
    expect(all.some((e) => e.after.format === 'xlsx' && e.actor.username === 'admin')).toBe(true);
    const dinkes = (await api('admin', 'GET', `/api/audit?entityType=objection_book&entityId=${YEAR}-dinkes&limit=100`)).body.items as any[];
    expect(dinkes.filter((e) => e.actor.username === 'kepala.dinkes').map((e) => e.after.rows)).toEqual([2, 2]);
    expect(JSON.stringify([...all, ...dinkes])).not.toContain(REQUESTERS.dinkes.fullName);
  });
});
