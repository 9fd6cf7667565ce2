/**
 * The archive of issued reports (SOP 001 step 3, the hard file) and the annual report, over the API
 * of a local host: issue, list, download (the same bytes after the data changed), the annual draft →
 * issue → approve → on the register with its PDF and its figures in /data/, and who may do what.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDay, requestContent, requester } from '../support/fixtures.ts';
import { apiClient, startTestHost, until } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
}, 120_000);
afterAll(async () => {
  await host?.cleanup();
});

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const today = localDay();
const monthStart = `${today.slice(0, 8)}01`;
/** The last year that has ended: the annual report may be issued for it. */
const lastYear = Number(today.slice(0, 4)) - 1;

async function download(as: string, reportId: string, format: string): Promise<{ bytes: Uint8Array; sha256: string; fileName: string }> {
  const res = await api(as, 'GET', `/api/reports/archive/${reportId}/files/${format}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const file = await fetch(res.body.url);
  expect(file.status).toBe(200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { bytes, sha256: res.body.sha256, fileName: res.body.fileName };
}

/** The report's figures and tables without the instant they were read. */
const numbersOf = (json: Uint8Array) => {
  const { asOf: _a, asOfText: _t, ...rest } = JSON.parse(new TextDecoder().decode(json));
  return JSON.stringify(rest);
};

async function fileRequest() {
  const res = await api('ppid.utama', 'POST', '/api/requests', {
    requester: requester({ email: 'budi.santoso@example.com' }),
    content: requestContent(),
    channel: 'in_person',
    receivedOn: today,
    submissionId: crypto.randomUUID(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

describe('the archive of issued reports', () => {
  let first: any;

  it('PPID Utama issues a consolidated monthly recap: numbered, four files with their SHA-256, who, when, the period and the as-of time', async () => {
    const res = await api('ppid.utama', 'POST', '/api/reports/archive', { kind: 'monthly', from: monthStart, to: today });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    first = res.body;
    expect(first.number).toMatch(new RegExp(`^LAP/${today.slice(0, 4)}/0001$`));
    expect(first.issuedBy).toMatchObject({ username: 'ppid.utama', role: 'ppid_utama' });
    expect(first.spec).toEqual({ kind: 'monthly', from: monthStart, to: today });
    expect(first.agencyId).toBeUndefined();
    expect(Date.parse(first.asOf)).not.toBeNaN();
    expect(first.files.map((f: any) => f.format).sort()).toEqual(['csv', 'json', 'pdf', 'xlsx']);
    for (const f of first.files) {
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.size).toBeGreaterThan(0);
      expect(f.key).toBeUndefined();
    }
    // Each stored file is the one the record names.
    for (const format of ['pdf', 'csv', 'xlsx', 'json']) {
      const d = await download('ppid.utama', first.reportId, format);
      expect(sha256(d.bytes)).toBe(first.files.find((f: any) => f.format === format).sha256);
      expect(d.fileName).toBe(`${first.number.replaceAll('/', '-')}.${format}`);
    }
    const pdf = await download('ppid.utama', first.reportId, 'pdf');
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    const xlsx = await download('ppid.utama', first.reportId, 'xlsx');
    expect([...xlsx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('a later download gives the same bytes after the data changed; a new issue shows the change under the next number', async () => {
    const before = await download('ppid.utama', first.reportId, 'json');
    const beforePdf = await download('ppid.utama', first.reportId, 'pdf');
    await fileRequest();
    const after = await download('ppid.utama', first.reportId, 'json');
    const afterPdf = await download('ppid.utama', first.reportId, 'pdf');
    expect(sha256(after.bytes)).toBe(sha256(before.bytes));
    expect(sha256(afterPdf.bytes)).toBe(sha256(beforePdf.bytes));
    expect(sha256(afterPdf.bytes)).toBe(first.files.find((f: any) => f.format === 'pdf').sha256);

    const again = await api('ppid.utama', 'POST', '/api/reports/archive', { kind: 'monthly', from: monthStart, to: today });
    expect(again.status).toBe(201);
    expect(again.body.reportId).not.toBe(first.reportId);
    expect(again.body.number).toMatch(/\/0002$/);
    const fresh = await download('ppid.utama', again.body.reportId, 'json');
    // The numbers themselves changed (a request received), not only the as-of time.
    expect(numbersOf(fresh.bytes)).not.toBe(numbersOf(before.bytes));
  });

  it('a PPID Pelaksana issues and reads its own SKPD’s reports only', async () => {
    const own = await api('kepala.dinkes', 'POST', '/api/reports/archive', { kind: 'requests_register', from: monthStart, to: today, agencyId: 'dinkes' });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.agencyId).toBe('dinkes');
    expect(own.body.number).toMatch(/\/0003$/);

    const other = await api('kepala.dinkes', 'POST', '/api/reports/archive', { kind: 'monthly', from: monthStart, to: today, agencyId: 'disdikbud' });
    expect(other.status).toBe(403);
    expect(other.body.error.messages.id).toMatch(/perangkat daerah lain/);
    const consolidated = await api('kepala.dinkes', 'POST', '/api/reports/archive', { kind: 'monthly', from: monthStart, to: today });
    expect(consolidated.status).toBe(403);
    expect(consolidated.body.error.messages.en).toMatch(/consolidated/);

    const mine = await api('kepala.dinkes', 'GET', '/api/reports/archive');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: any) => r.reportId)).toEqual([own.body.reportId]);
    expect((await api('kepala.dinkes', 'GET', '/api/reports/archive?agencyId=disdikbud')).status).toBe(403);
    expect((await api('kepala.dinkes', 'GET', `/api/reports/archive/${first.reportId}`)).status).toBe(403);
    expect((await api('kepala.dinkes', 'GET', `/api/reports/archive/${first.reportId}/files/pdf`)).status).toBe(403);
    expect((await api('kepala.dinkes', 'GET', `/api/reports/archive/${own.body.reportId}/files/csv`)).status).toBe(200);
    // Another SKPD's head does not see it either.
    expect((await api('kepala.disdikbud', 'GET', `/api/reports/archive/${own.body.reportId}`)).status).toBe(403);
  });

  it('lists newest first with filters; the Atasan PPID reads; other roles are refused in both languages', async () => {
    const all = await api('atasan.ppid', 'GET', '/api/reports/archive');
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(3);
    const issued = all.body.items.map((r: any) => r.issuedAt);
    expect([...issued].sort().reverse()).toEqual(issued);
    const monthly = await api('ppid.utama', 'GET', `/api/reports/archive?kind=monthly&year=${today.slice(0, 4)}`);
    expect(monthly.body.items.map((r: any) => r.number).sort()).toEqual([first.number, first.number.replace(/0001$/, '0002')]);
    const dinkes = await api('admin', 'GET', '/api/reports/archive?agencyId=dinkes');
    expect(dinkes.body.items).toHaveLength(1);
    expect((await api('ppid.utama', 'GET', `/api/reports/archive?year=${lastYear - 5}`)).body.items).toEqual([]);
    const paged = await api('ppid.utama', 'GET', '/api/reports/archive?limit=2');
    expect(paged.body.items).toHaveLength(2);
    const rest = await api('ppid.utama', 'GET', `/api/reports/archive?limit=2&cursor=${paged.body.nextCursor}`);
    expect(rest.body.items).toHaveLength(1);

    const refused = async (user: string, path: string) => {
      const res = await api(user, 'GET', path);
      expect(res.status).toBe(403);
      expect(res.body.error.messages.id).toMatch(/tidak berwenang/);
      expect(res.body.error.messages.en).toMatch(/may not use/);
    };
    await refused('petugas.dinkes', '/api/reports/archive');
    // The Pejabat PID reads the documentation cycles' summaries (SOP 004) and no other report.
    await refused('pejabat.pid', '/api/reports/archive?kind=monthly');
    await refused('pejabat.pid', `/api/reports/archive/${paged.body.items[0].reportId}`);
    const pejabat = await api('pejabat.pid', 'GET', '/api/reports/archive');
    expect(pejabat.status).toBe(200);
    expect(pejabat.body.items.filter((r: { kind: string }) => r.kind !== 'documentation_cycle')).toEqual([]);
    expect((await api('atasan.ppid', 'POST', '/api/reports/archive', { kind: 'monthly', from: monthStart, to: today })).status).toBe(403);
    const bad = await api('ppid.utama', 'POST', '/api/reports/archive', { kind: 'monthly', from: today, to: monthStart === today ? '2000-01-01' : monthStart });
    expect(bad.status).toBe(400);
    expect((await api('ppid.utama', 'POST', '/api/reports/archive', { kind: 'nope', from: monthStart, to: today })).status).toBe(400);
    expect((await api('ppid.utama', 'GET', `/api/reports/archive/${first.reportId}/files/docx`)).status).toBe(400);
    const missing = await api('ppid.utama', 'GET', '/api/reports/archive/does-not-exist');
    expect(missing.status).toBe(404);
    expect(missing.body.error.messages).toMatchObject({ id: expect.stringMatching(/tidak ditemukan/), en: expect.stringMatching(/not found/) });
    // The consolidated annual report is issued from its draft, with PPID Utama's narrative.
    const annual = await api('ppid.utama', 'POST', '/api/reports/archive', { kind: 'annual', from: `${lastYear}-01-01`, to: `${lastYear}-12-31` });
    expect(annual.status).toBe(400);
    expect(annual.body.error.messages.id).toMatch(/draf/);
  });
});

describe('the annual report: draft, issue, approve, published on the register', () => {
  const narrative = {
    policy: 'Kebijakan layanan informasi mengikuti Peraturan Gubernur Nomor 22 Tahun 2016.',
    facilities: 'Meja layanan informasi di setiap SKPD dan laman SIP PPID.',
    staff: 'Satu PPID Utama dan PPID Pelaksana di setiap SKPD.',
    budget: 'Rp 150.000.000 dari APBD.',
    obstacles: 'Sebagian SKPD belum memperbarui DIP setiap bulan.',
    recommendations: 'Pelatihan petugas PPID pelaksana dan pemutakhiran DIP bulanan.',
  };
  let approved: any;

  it('PPID Utama writes the narrative under optimistic locking; the Atasan PPID reads it; others may not write', async () => {
    const empty = await api('ppid.utama', 'GET', `/api/reports/annual/${lastYear}`);
    expect(empty.status, JSON.stringify(empty.body)).toBe(200);
    expect(empty.body.draft).toMatchObject({ year: lastYear, state: 'draft', version: 0, dueOn: `${lastYear + 1}-03-31` });
    expect(empty.body.data.title.id).toBeTruthy();

    const saved = await api('ppid.utama', 'PUT', `/api/reports/annual/${lastYear}`, { narrative, version: 0 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, state: 'draft', narrative });
    const stale = await api('ppid.utama', 'PUT', `/api/reports/annual/${lastYear}`, { narrative: { ...narrative, budget: 'Lain.' }, version: 0 });
    expect(stale.status).toBe(409);
    expect((await api('atasan.ppid', 'PUT', `/api/reports/annual/${lastYear}`, { narrative, version: 1 })).status).toBe(403);
    expect((await api('kepala.dinkes', 'GET', `/api/reports/annual/${lastYear}`)).status).toBe(403);
    const read = await api('atasan.ppid', 'GET', `/api/reports/annual/${lastYear}`);
    expect(read.body.draft.narrative).toEqual(narrative);
    // The narrative is in the report's own text.
    expect(JSON.stringify(read.body.data)).toContain('Peraturan Gubernur Nomor 22 Tahun 2016');
    expect((await api('ppid.utama', 'PUT', `/api/reports/annual/${lastYear}`, { narrative: { policy: 'x'.repeat(20_001) }, version: 1 })).status).toBe(400);
  });

  it('approving before issuing is refused; issuing archives it with the narrative; approval publishes it', async () => {
    const early = await api('ppid.utama', 'POST', `/api/reports/annual/${lastYear}/approve`, { version: 1 });
    expect(early.status).toBe(409);
    expect(early.body.error.messages.id).toMatch(/belum diterbitkan/);
    const thisYear = await api('ppid.utama', 'POST', `/api/reports/annual/${lastYear + 1}/issue`, { version: 0 });
    expect(thisYear.status).toBe(400);

    const issued = await api('ppid.utama', 'POST', `/api/reports/annual/${lastYear}/issue`, { version: 1 });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    expect(issued.body.draft).toMatchObject({ state: 'issued', version: 2, issued: { number: issued.body.report.number } });
    expect(issued.body.report).toMatchObject({ kind: 'annual', source: 'annual', spec: { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` } });
    const json = await download('atasan.ppid', issued.body.report.reportId, 'json');
    expect(new TextDecoder().decode(json.bytes)).toContain('Pelatihan petugas PPID pelaksana');

    expect((await api('admin', 'POST', `/api/reports/annual/${lastYear}/approve`, { version: 2 })).status).toBe(403);
    const ok = await api('ppid.utama', 'POST', `/api/reports/annual/${lastYear}/approve`, { version: 2 });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.draft).toMatchObject({ state: 'approved', approved: { reportId: issued.body.report.reportId, by: 'ppid.utama' } });
    expect(ok.body.report.approved).toMatchObject({ by: 'ppid.utama', name: 'Rina Kusumawati' });
    approved = ok.body.report;

    // Final: no more edits, no new issue.
    const edit = await api('ppid.utama', 'PUT', `/api/reports/annual/${lastYear}`, { narrative, version: 3 });
    expect(edit.status).toBe(409);
    expect(edit.body.error.messages.en).toMatch(/already approved/);
    expect((await api('ppid.utama', 'POST', `/api/reports/annual/${lastYear}/issue`, { version: 3 })).status).toBe(409);
  });

  it('the register lists it with the archived PDF (same SHA-256) and its figures in /data/', async () => {
    const page = await until(
      async () => {
        const res = await fetch(`${host.url}/laporan/`);
        const text = res.status === 200 ? await res.text() : '';
        return text.includes(approved.number) && text;
      },
      'the annual reports page',
      60_000,
    );
    expect(page).toContain('Laporan Layanan Informasi Publik');
    expect(page).toContain(String(lastYear));
    const en = await (await fetch(`${host.url}/en/laporan/`)).text();
    expect(en).toContain('Annual information service reports');
    // The main menu of every page links to it.
    expect(await (await fetch(`${host.url}/`)).text()).toContain('href="/laporan/"');

    const index = await (await fetch(`${host.url}/data/laporan-tahunan.json`)).json();
    expect(index.count).toBe(1);
    const entry = index.reports[0];
    expect(entry).toMatchObject({ year: lastYear, number: approved.number });
    const pdfFile = approved.files.find((f: any) => f.format === 'pdf');
    const jsonFile = approved.files.find((f: any) => f.format === 'json');
    expect(entry.pdf.sha256).toBe(pdfFile.sha256);
    const pdfPath = new URL(entry.pdf.url, host.url).pathname;
    expect(page).toContain(`href="${pdfPath}"`);
    const pdf = new Uint8Array(await (await fetch(`${host.url}${pdfPath}`)).arrayBuffer());
    expect(sha256(pdf)).toBe(pdfFile.sha256);
    const figures = await fetch(`${host.url}${new URL(entry.data.url, host.url).pathname}`);
    expect(figures.status).toBe(200);
    const bytes = new Uint8Array(await figures.arrayBuffer());
    expect(sha256(bytes)).toBe(jsonFile.sha256);
    const data = JSON.parse(new TextDecoder().decode(bytes));
    expect(data.spec).toMatchObject({ kind: 'annual', from: `${lastYear}-01-01` });
    expect(data.sections.length).toBeGreaterThan(0);
  });
});
