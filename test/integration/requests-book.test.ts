/**
 * The register of requests (buku register permohonan informasi publik) through the API: three
 * requests (by letter received yesterday and answered in part citing a DIK entry, then handed over;
 * in person, granted with a cost; by phone, not held), then the book as JSON, CSV and XLSX, per SKPD
 * and consolidated. The files come through a short-lived link to the private document bucket; an
 * SKPD's PPID Pelaksana gets only the requests routed to its SKPD; the roles that may not read the
 * requesters' personal data get 403; every export is audited with its number of rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { parseCsv } from '../support/csv.ts';
import { localDay, PEOPLE } from '../support/fixtures.ts';
import { apiClient, consequenceTest, decree, startTestHost, until } from '../support/host.ts';
import { unzip } from '../support/zip.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

const YEAR = Number(localDay().slice(0, 4));

const REQUESTERS = { letter: PEOPLE.individual, desk: PEOPLE.legalEntity, phone: PEOPLE.phoneOnly } as const;

let dikNumber: string;
const ids: Record<'letter' | 'desk' | 'phone', string> = { letter: '', desk: '', phone: '' };
const numbers: Record<'letter' | 'desk' | 'phone', string> = { letter: '', desk: '', phone: '' };

const getRequest = async (id: string) => (await api('ppid.utama', 'GET', `/api/requests/${id}`)).body;

/** Posts with the version just read; the workflow may move the version meanwhile (its waits), so a 409 is read again. */
async function act(user: string, id: string, path: string, body: Record<string, unknown>) {
  for (let attempt = 0; ; attempt++) {
    const { version } = await getRequest(id);
    const res = await api(user, 'POST', `/api/requests/${id}${path}`, { ...body, version });
    if (res.status !== 409 || attempt >= 10) {
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    }
  }
}

async function register(user: string, requester: object, channel: string, receivedOn: string, information: string) {
  const res = await api(user, 'POST', '/api/requests', {
    requester,
    content: {
      information,
      purpose: 'Bahan penelitian dan advokasi kebijakan publik',
      obtainForm: 'copy_softcopy',
      deliveryMethod: 'collect',
    },
    channel,
    receivedOn,
    submissionId: crypto.randomUUID(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.request as { requestId: string; number: string };
}

/** Proposal → Ya → decree: a DIK entry of Dinas Kesehatan in force (as test/workflows/exclusion.test.ts). */
async function toDik(): Promise<string> {
  const proposed = await api('kepala.dinkes', 'POST', '/api/exclusions', { test: consequenceTest() });
  expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
  const id = proposed.body.exclusionId as string;
  const waiting = (phase: string) =>
    until(async () => {
      const wait = (await dynamoStore.getExclusion(id))?.wait;
      return wait?.phase === phase && wait.taskToken;
    }, `a task token (${phase})`);
  await waiting('decision');
  expect((await api('atasan.ppid', 'POST', `/api/exclusions/${id}/decision`, { decision: 'ya', note: 'Setuju.', round: 1 })).status).toBe(200);
  await waiting('decree');
  const ex = (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
  expect((await api('ppid.utama', 'POST', `/api/exclusions/${id}/decree`, { decree: decree(), version: ex.version })).status).toBe(200);
  const inForce = await until(async () => {
    const e = (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
    return e.state === 'in_force' && e;
  }, 'the exclusion in force');
  return inForce.exclusionId;
}

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  const exclusionId = await toDik();
  dikNumber = (await api('kepala.dinkes', 'GET', `/api/exclusions/${exclusionId}`)).body.dik.number;

  // A letter that arrived yesterday: routed to Dinas Kesehatan, answered in part (citing the DIK entry), handed over.
  const letter = await register(
    'petugas.dinkes',
    REQUESTERS.letter,
    'letter',
    localDay(-1),
    'Salinan rekapitulasi kasus demam berdarah per kecamatan tahun 2025 beserta rekam medis pasien',
  );
  // In person at the desk: routed to Dinas Pendidikan dan Kebudayaan, granted with a cost.
  const desk = await register(
    'ppid.utama',
    REQUESTERS.desk,
    'in_person',
    localDay(),
    'Daftar sekolah menengah atas negeri penerima dana BOS daerah tahun 2025',
  );
  // By phone: the body does not hold it.
  const phone = await register('petugas.dinkes', REQUESTERS.phone, 'phone', localDay(), 'Peta bidang tanah hak guna usaha perkebunan di Kabupaten Kubu Raya');
  Object.assign(ids, { letter: letter.requestId, desk: desk.requestId, phone: phone.requestId });
  Object.assign(numbers, { letter: letter.number, desk: desk.number, phone: phone.number });

  await act('ppid.utama', ids.letter, '/routing', { held: true, agencies: ['dinkes'] });
  await act('ppid.utama', ids.desk, '/routing', { held: true, agencies: ['disdikbud'] });
  await act('ppid.utama', ids.phone, '/routing', { held: false, otherBody: 'Kantor Pertanahan Kabupaten Kubu Raya' });

  await act('kepala.dinkes', ids.letter, '/parts/dinkes/answer', {
    decision: 'partial',
    exclusionIds: [exclusionId],
    form: 'Softcopy (PDF)',
    cost: 0,
    deliveryTime: 'Diambil langsung di loket, 3 hari kerja',
  });
  await act('kepala.disdikbud', ids.desk, '/parts/disdikbud/answer', {
    decision: 'granted',
    form: 'Hardcopy (fotokopi)',
    cost: 15000,
    howToPay: 'Tunai di loket PPID',
    deliveryTime: 'Diambil langsung di loket, 2 hari kerja',
  });
  // The workflow issues the notice once every part is answered; then the hand-over is recorded.
  await until(async () => (await getRequest(ids.letter)).notice, 'the notice on the letter request', 60_000);
  await act('petugas.dinkes', ids.letter, '/delivery', { deliveredOn: localDay(), how: 'Diserahkan langsung di loket' });
}, 120_000);

afterAll(async () => {
  await host?.cleanup();
});

const book = (user: string, query: string, headers: Record<string, string> = {}) => api(user, 'GET', `/api/requests/book?${query}`, undefined, headers);

describe('buku register permohonan', () => {
  it('consolidated, as JSON: one row per request in order of receipt, with every column', async () => {
    const res = await book('ppid.utama', `year=${YEAR}&format=json`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.count).toBe(3);
    expect(res.body.title).toBe(`Buku Register Permohonan Informasi Publik ${YEAR} · Gabungan`);
    expect(res.body.columns.map((c: any) => c.key)).toEqual([
      'number',
      'receivedOn',
      'name',
      'address',
      'contact',
      'information',
      'purpose',
      'held',
      'form',
      'kind',
      'channel',
      'decision',
      'grounds',
      'deliveredOn',
      'cost',
    ]);
    const rows = res.body.rows as Record<string, unknown>[];
    expect(rows.map((r) => r.number)).toEqual([numbers.letter, numbers.desk, numbers.phone]);
    expect(rows[0]).toMatchObject({
      receivedOn: localDay(-1),
      name: REQUESTERS.letter.fullName,
      address: REQUESTERS.letter.address,
      contact: `Telp. ${REQUESTERS.letter.phone}; ${REQUESTERS.letter.email}`,
      held: 'Dikuasai',
      form: 'Softcopy (PDF)',
      kind: 'Meminta salinan (softcopy)',
      channel: 'Surat',
      decision: 'Diberikan sebagian',
      deliveredOn: localDay(),
      cost: 0,
    });
    expect(rows[0]!.grounds).toMatch(new RegExp(`^${dikNumber.replace(/[/.]/g, '\\$&')}: UU 14/2008 Pasal 17 huruf h; Undang-Undang Nomor 17 Tahun 2023`));
    expect(rows[1]).toMatchObject({
      name: REQUESTERS.desk.fullName,
      contact: REQUESTERS.desk.email,
      channel: 'Langsung (loket)',
      decision: 'Diberikan seluruhnya',
      grounds: null,
      cost: 15000,
    });
    expect(rows[2]).toMatchObject({
      name: REQUESTERS.phone.fullName,
      contact: `Telp. ${REQUESTERS.phone.phone}`,
      channel: 'Telepon',
      held: 'Tidak dikuasai (dikuasai Kantor Pertanahan Kabupaten Kubu Raya)',
      decision: 'Tidak dikuasai',
      deliveredOn: null,
    });
    // The NIK is no column of the register.
    expect(JSON.stringify(res.body)).not.toContain(REQUESTERS.letter.nik);
  });

  it('as CSV: a file in the private document bucket, through a short-lived link, with the same rows', async () => {
    const res = await book('ppid.utama', `year=${YEAR}&format=csv`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows).toBeUndefined();
    const { file } = res.body;
    expect(file.fileName).toMatch(new RegExp(`^Buku-Register-Permohonan-${YEAR}-gabungan-\\d{8}T\\d{6}\\.csv$`));
    expect(file.expiresInSeconds).toBe(300);
    const url = new URL(file.url);
    expect(url.pathname).toContain(`/${host.bucketNames.documents}/exports/request-book/${YEAR}/all/`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    const download = await fetch(file.url);
    expect(download.status).toBe(200);
    const bytes = Buffer.from(await download.arrayBuffer());
    // UTF-8 with a byte-order mark, so that spreadsheet programs read it as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual([
      'Nomor pendaftaran',
      'Tanggal permohonan',
      'Nama pemohon',
      'Alamat',
      'Nomor kontak / surel',
      'Informasi yang diminta',
      'Tujuan penggunaan informasi',
      'Status informasi (dikuasai / tidak dikuasai)',
      'Bentuk informasi',
      'Jenis permohonan',
      'Cara permohonan diajukan',
      'Keputusan',
      'Alasan penolakan',
      'Tanggal pemberian informasi',
      'Biaya (Rp)',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[1]!.slice(0, 5)).toEqual([
      numbers.letter,
      localDay(-1),
      REQUESTERS.letter.fullName,
      REQUESTERS.letter.address,
      `Telp. ${REQUESTERS.letter.phone}; ${REQUESTERS.letter.email}`,
    ]);
    expect(rows[1]!.slice(11)).toEqual(['Diberikan sebagian', expect.stringContaining(dikNumber), localDay(), '0']);
    expect(rows[2]![14]).toBe('15000');
    expect(rows[3]![11]).toBe('Tidak dikuasai');
  });

  it('as XLSX, in English: the workbook holds the title, the headers and the personal columns', async () => {
    const res = await book('admin', `year=${YEAR}&format=xlsx`, { 'accept-language': 'en' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.file.fileName).toMatch(new RegExp(`^Register-of-Requests-${YEAR}-consolidated-.*\\.xlsx$`));
    const download = await fetch(res.body.file.url);
    expect(download.status).toBe(200);
    const files = unzip(new Uint8Array(await download.arrayBuffer()));
    const sheet = files.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(files.get('xl/workbook.xml')!.toString('utf8')).toContain(`name="Register ${YEAR}"`);
    for (const text of [
      `Register of Information Requests ${YEAR} · Consolidated`,
      'Registration number',
      "Requester's name",
      'Refusal grounds',
      numbers.letter,
      REQUESTERS.letter.fullName,
      REQUESTERS.desk.address,
      `Tel. ${REQUESTERS.phone.phone}`,
      'Granted in part',
      'Letter',
      dikNumber,
    ])
      expect(sheet).toContain(text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;'));
    // Landscape A4 (the writer's print setup) and the cost as a number.
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="landscape"/);
    expect(sheet).toMatch(/<c r="O\d+"[^>]*><v>15000<\/v><\/c>/);
  });

  it("an SKPD's PPID Pelaksana gets only the requests routed to its SKPD, with its own part; never another SKPD's book", async () => {
    const own = await book('kepala.dinkes', `year=${YEAR}`);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ agencyId: 'dinkes', count: 1 });
    expect(own.body.title).toContain('Dinas Kesehatan');
    expect(own.body.rows.map((r: any) => r.number)).toEqual([numbers.letter]);
    const csv = await book('kepala.dinkes', `year=${YEAR}&format=csv&agencyId=dinkes`);
    expect(csv.status).toBe(200);
    const text = await (await fetch(csv.body.file.url)).text();
    expect(text).toContain(REQUESTERS.letter.fullName);
    for (const other of [REQUESTERS.desk.fullName, REQUESTERS.phone.fullName, REQUESTERS.desk.address]) expect(text).not.toContain(other);

    const disdikbud = await book('kepala.disdikbud', `year=${YEAR}&format=json`);
    expect(disdikbud.body.rows.map((r: any) => [r.number, r.decision, r.cost])).toEqual([[numbers.desk, 'Diberikan seluruhnya', 15000]]);

    expect((await book('kepala.dinkes', `year=${YEAR}&agencyId=disdikbud`)).status).toBe(403);
    // PPID Utama opens any SKPD's book.
    const asUtama = await book('ppid.utama', `year=${YEAR}&agencyId=disdikbud`);
    expect(asUtama.body.rows.map((r: any) => r.number)).toEqual([numbers.desk]);
  });

  it('roles that may not read the personal data get 403: petugas, Atasan PPID, Pejabat PID', async () => {
    for (const user of ['petugas.dinkes', 'atasan.ppid', 'pejabat.pid']) {
      const res = await book(user, `year=${YEAR}&format=csv`);
      expect(res.status, user).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain(REQUESTERS.letter.fullName);
    }
  });

  it('refuses a bad format or year with a message per field', async () => {
    const res = await book('ppid.utama', 'year=1900&format=pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: any) => d.path).sort()).toEqual(['query.format', 'query.year']);
  });

  it('every export is audited: who, when, which book, the format and the number of rows; never the personal data', async () => {
    const all = (await api('admin', 'GET', `/api/audit?entityType=request_book&entityId=${YEAR}-all&limit=100`)).body.items as any[];
    const csv = all.find((e) => e.after.format === 'csv' && e.actor.username === 'ppid.utama');
    expect(csv).toMatchObject({ action: 'request.book_export', actor: { role: 'ppid_utama' }, after: { year: YEAR, agencyId: null, rows: 3 } });
    expect(csv.after.key).toMatch(new RegExp(`^exports/request-book/${YEAR}/all/`));
    expect(Date.now() - Date.parse(csv.at)).toBeLessThan(120_000);
    expect(all.some((e) => e.after.format === 'xlsx' && e.actor.username === 'admin')).toBe(true);
    const dinkes = (await api('admin', 'GET', `/api/audit?entityType=request_book&entityId=${YEAR}-dinkes&limit=100`)).body.items as any[];
    expect(dinkes.filter((e) => e.actor.username === 'kepala.dinkes').map((e) => e.after.rows)).toEqual([1, 1]);
    expect(JSON.stringify([...all, ...dinkes])).not.toContain(REQUESTERS.letter.fullName);
  });
});
