/**
 * Information items through the API: a softcopy is submitted only with a checked document, and PPID
 * Utama and the admin list every agency's items (paged, filtered by status and agency) while an
 * SKPD's people see their own agency's only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, dipContent, itemWithPdf, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(async () => {
  await host?.cleanup();
});

async function create(as: string, title: string, formats = ['hardcopy']) {
  const res = await api(as, 'POST', '/api/items', { content: dipContent({ title, formats }) });
  expect(res.status).toBe(201);
  return res.body as { itemId: string; agencyId: string; version: number; number: string };
}

describe('a softcopy needs a checked document', () => {
  it('refuses to submit a softcopy with no document, with a message at the documents, and writes nothing', async () => {
    const item = await create('petugas.dinkes', 'Laporan Softcopy Tanpa Berkas', ['softcopy', 'hardcopy']);
    const res = await api('petugas.dinkes', 'POST', `/api/items/${item.itemId}/submit`, { version: item.version });
    expect(res.status).toBe(400);
    expect(res.body.error.messages.id).toMatch(/Softcopy.*dokumen/);
    expect(res.body.error.messages.en).toMatch(/Softcopy.*document/);
    expect(res.body.error.details).toEqual([{ path: 'documents', message: res.body.error.message, messages: res.body.error.messages }]);
    const english = await api('petugas.dinkes', 'POST', `/api/items/${item.itemId}/submit`, { version: item.version }, { 'accept-language': 'en' });
    expect(english.body.error.message).toBe(res.body.error.messages.en);
    const after = await api('petugas.dinkes', 'GET', `/api/items/${item.itemId}`);
    expect(after.body).toMatchObject({ status: 'draft', version: item.version });
  });

  it('submits a softcopy with a verified document, and a hardcopy with none', async () => {
    const withPdf = await itemWithPdf(api, 'Laporan Softcopy Dengan Berkas');
    const submitted = await api('petugas.dinkes', 'POST', `/api/items/${withPdf.itemId}/submit`, { version: withPdf.version });
    expect(submitted.status).toBe(200);
    expect(submitted.body.current.documents).toMatchObject([{ status: 'verified' }]);
    const paper = await create('petugas.dinkes', 'Laporan Cetak Saja');
    expect((await api('petugas.dinkes', 'POST', `/api/items/${paper.itemId}/submit`, { version: paper.version })).status).toBe(200);
  });
});

describe('every agency’s items', () => {
  const mine: { itemId: string; agencyId: string }[] = [];
  beforeAll(async () => {
    for (let i = 1; i <= 3; i++) mine.push(await create('petugas.dinkes', `Data Kesehatan Nomor ${i}`));
    for (let i = 1; i <= 3; i++) mine.push(await create('petugas.disdikbud', `Data Pendidikan Nomor ${i}`));
    mine.push(await create('ppid.utama', 'Data Layanan Informasi Diskominfo'));
    const bappeda = await api('ppid.utama', 'POST', '/api/items', {
      agencyId: 'bappeda',
      content: dipContent({ title: 'RKPD Bappeda', formats: ['hardcopy'] }),
    });
    expect(bappeda.status).toBe(201);
    mine.push(bappeda.body);
    // One of them waits for approval: the list holds every status.
    const first = mine[0]!;
    const v = (await api('petugas.dinkes', 'GET', `/api/items/${first.itemId}`)).body.version;
    expect((await api('petugas.dinkes', 'POST', `/api/items/${first.itemId}/submit`, { version: v })).status).toBe(200);
  });

  async function all(as: string, query = '', limit = 3) {
    const seen: any[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await api(as, 'GET', `/api/items?limit=${limit}${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    return { seen, pages };
  }

  for (const who of ['ppid.utama', 'admin']) {
    it(`${who} lists every agency’s items in any status, page by page, each once, in agency and number order`, async () => {
      const { seen, pages } = await all(who);
      expect(pages).toBeGreaterThan(2);
      const ids = seen.map((i) => i.itemId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const m of mine) expect(ids).toContain(m.itemId);
      expect(new Set(seen.map((i) => i.agencyId))).toEqual(new Set(['dinkes', 'disdikbud', 'diskominfo', 'bappeda']));
      expect(new Set(seen.map((i) => i.status))).toEqual(new Set(['draft', 'submitted']));
      const order = seen.map((i) => `${i.agencyId}#${i.regYear}#${String(i.sequence).padStart(6, '0')}`);
      expect(order).toEqual([...order].sort());
      // The whole list in one page says the same.
      expect((await all(who, '', 100)).seen.map((i) => i.itemId)).toEqual(ids);
    });
  }

  it('filters by status and by agency', async () => {
    const submitted = (await all('ppid.utama', '&status=submitted')).seen;
    expect(submitted.length).toBeGreaterThan(0);
    expect(submitted.every((i) => i.status === 'submitted')).toBe(true);
    expect(submitted.map((i) => i.itemId)).toContain(mine[0]!.itemId);
    const disdikbud = (await all('ppid.utama', '&agencyId=disdikbud')).seen;
    expect(disdikbud.map((i) => i.current.content.title).sort()).toEqual(['Data Pendidikan Nomor 1', 'Data Pendidikan Nomor 2', 'Data Pendidikan Nomor 3']);
    const drafts = (await all('admin', '&agencyId=dinkes&status=draft')).seen;
    expect(drafts.length).toBeGreaterThan(0);
    expect(drafts.every((i) => i.agencyId === 'dinkes' && i.status === 'draft')).toBe(true);
    const byYear = (await all('admin', '&year=2025&category=berkala')).seen;
    expect(byYear.length).toBe((await all('admin')).seen.length);
    expect((await all('admin', '&year=2024')).seen).toEqual([]);
  });

  it('an SKPD user sees only its own agency’s items, and is refused another agency’s with 403', async () => {
    const own = (await all('petugas.dinkes')).seen;
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((i) => i.agencyId === 'dinkes')).toBe(true);
    const other = await api('kepala.dinkes', 'GET', '/api/items?agencyId=disdikbud');
    expect(other.status).toBe(403);
    expect(other.body.error.messages.id).toBeTruthy();
  });

  it('refuses a tampered cursor with 400', async () => {
    const res = await api('ppid.utama', 'GET', `/api/items?cursor=${Buffer.from('{"pk":"x"}').toString('base64url')}`);
    expect(res.status).toBe(400);
  });
});
