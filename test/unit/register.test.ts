/**
 * The public register renderer (web/register/render.ts): the files of a small register, incremental
 * changes checked against two full renders, open data (CSV round trip, JSON-LD), escaping of hostile
 * content, columns without JavaScript, languages, and search run end to end (the emitted search.js
 * against the emitted shards, in a VM with a minimal DOM).
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { DocumentRef, ItemContent } from '../../functions/core/item-model.ts';
import {
  agencyRank,
  catalogJsonLd,
  DIK_EXPORT_PATHS,
  dipCsv,
  dipCsvHead,
  dipCsvOfParts,
  dipCsvRows,
  dipJson,
  dipJsonHead,
  dipJsonOfParts,
  dipJsonRows,
  EXPORT_PATHS,
  jsonTail,
  partCsv,
  partJson,
} from '../../functions/core/register/exports.ts';
import { fileText, type PublishedEntry, type RegisterChange, type RegisterInput, type SitePlan } from '../../functions/core/register/input.ts';
import { buildModel } from '../../functions/core/register/model.ts';
import { partExportPaths, partitionId, partitionOf, summaryOf } from '../../functions/core/register/summary.ts';
import { stem, terms } from '../../functions/core/register/text.ts';
import { DEMO_ITEMS } from '../../infra/local/seed.ts';
import { renderExports, renderFull } from '../../web/register/render.ts';
import { parseCsv } from '../support/csv.ts';
import { agencyRecord } from '../support/fixtures.ts';
import { changeThrough } from '../support/register-memory.ts';

// --- fixture ------------------------------------------------------------------------------------------

const AGENCIES = [
  agencyRecord('diskominfo', 'Dinas Komunikasi dan Informatika (PPID Utama)', 'ppid_utama', {
    address: 'Jl. Ahmad Yani, Pontianak',
    email: 'ppid@kalbarprov.go.id',
  }),
  agencyRecord('dinkes', 'Dinas Kesehatan', 'skpd', { parentId: 'diskominfo' }),
  agencyRecord('disdikbud', 'Dinas Pendidikan dan Kebudayaan', 'skpd', { parentId: 'diskominfo' }),
];

const HOSTILE_TITLE = `<script>alert(1)</script> "kutip" & 'apos' <img src=x onerror=alert(2)>`;
const FORMULA = `=cmd|' /C calc'!A0`;

const doc = (itemId: string, docId: string, fileName: string): DocumentRef => ({
  docId,
  fileName,
  contentType: 'application/pdf',
  kind: 'pdf',
  size: 123_456,
  sha256: 'a'.repeat(64),
  key: `items/${itemId}/${docId}/${fileName}`,
  status: 'verified',
  uploadedBy: 'petugas',
  uploadedAt: '2026-01-02T00:00:00.000Z',
});

function entry(
  agencyId: string,
  regYear: number,
  sequence: number,
  content: Partial<ItemContent> & { title: string },
  opts: { versions?: string[]; documents?: DocumentRef[]; itemId?: string } = {},
): PublishedEntry {
  const versions = opts.versions ?? [`${regYear}-02-${String((sequence % 27) + 1).padStart(2, '0')}T03:00:00.000Z`];
  const itemId = opts.itemId ?? `${agencyId}-${regYear}-${sequence}`;
  return {
    itemId,
    agencyId,
    number: `${agencyId.toUpperCase()}/${regYear}/${String(sequence).padStart(4, '0')}`,
    versionNo: versions.length,
    regYear,
    sequence,
    approvedBy: 'kepala',
    publishedAt: versions.at(-1)!,
    history: versions.map((publishedAt, i) => ({ versionNo: i + 1, publishedAt })),
    documents: opts.documents ?? [],
    content: {
      summary: `Ringkasan ${content.title} untuk masyarakat.`,
      holder: 'Sekretariat',
      responsible: 'Kepala Dinas',
      createdWhen: `Januari ${regYear}`,
      createdWhere: 'Pontianak',
      formats: ['softcopy', 'hardcopy'],
      retention: '5 tahun',
      category: 'berkala',
      year: regYear,
      tags: [],
      ...content,
    },
  };
}

const ITEMS: PublishedEntry[] = [
  entry(
    'diskominfo',
    2026,
    1,
    { title: 'Daftar Informasi Publik Tahun 2026', category: 'setiap_saat' },
    { documents: [doc('diskominfo-2026-1', 'd1', 'DIP 2026.pdf')] },
  ),
  entry('diskominfo', 2026, 2, { title: 'Laporan Layanan Informasi Publik 2025' }),
  entry(
    'dinkes',
    2025,
    1,
    { title: 'Profil Kesehatan Provinsi Kalimantan Barat Tahun 2025', summary: 'Gambaran derajat kesehatan masyarakat dan capaian pelayanan kesehatan.' },
    { versions: ['2025-03-01T02:00:00.000Z', '2025-09-01T02:00:00.000Z'] },
  ),
  entry(
    'dinkes',
    2026,
    1,
    { title: 'Kewaspadaan Demam Berdarah Dengue Musim Hujan', category: 'serta_merta' },
    { documents: [doc('dinkes-2026-1', 'd2', 'Leaflet DBD.pdf')] },
  ),
  entry('dinkes', 2026, 2, {
    title: 'Laporan Keuangan Dinas Kesehatan 2025',
    summary: 'Laporan realisasi anggaran dan neraca dinas kesehatan tahun anggaran 2025.',
  }),
  entry('dinkes', 2026, 3, {
    title: HOSTILE_TITLE,
    summary: `${FORMULA} ringkasan, dengan koma "kutip"\nbaris baru`,
    holder: '+SUM(A1:A9)',
    responsible: '@import',
    retention: '-5 tahun',
    createdWhere: '\tTab',
    category: 'setiap_saat',
  }),
  entry('disdikbud', 2025, 4, { title: 'Data Pokok Pendidikan Jenjang Menengah 2025' }),
  entry('disdikbud', 2026, 1, { title: 'Petunjuk Teknis Penerimaan Murid Baru SMA/SMK 2026', category: 'setiap_saat' }),
  entry('disdikbud', 2026, 2, { title: 'Laporan Realisasi Anggaran Semester I' }),
  entry('disdikbud', 2026, 100, { title: 'Rencana Strategis Dinas Pendidikan 2025–2029', category: 'setiap_saat' }),
];

const input = (items: PublishedEntry[], generatedAt = '2026-03-01T00:00:00.000Z'): RegisterInput => ({
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat' },
  agencies: AGENCIES,
  items,
  dik: [],
  generatedAt,
});

// --- helpers ------------------------------------------------------------------------------------------

const siteOf = (plan: SitePlan) => new Map(plan.put.map((f) => [f.path, fileText(f)]));

/** What changes between two full renders: the files put with new content, and the files gone. */
function diff(before: Map<string, string>, after: Map<string, string>) {
  const changed = [...after].filter(([p, body]) => before.get(p) !== body).map(([p]) => p);
  const deleted = [...before.keys()].filter((p) => !after.has(p));
  return { changed: changed.sort(), deleted: deleted.sort() };
}

/** The whole-register exports and the catalogue: written by the debounced job (register-exports.ts), never by a change. */
const DEBOUNCED = new Set(['data/dip.json', 'data/dip.csv', 'data/catalog.jsonld']);
/** Before the fixture's publications, so that the sitemap's dates are theirs. */
const BUILT_AT = '2025-01-01T00:00:00.000Z';

/**
 * The register update (register-update.ts, with this renderer and its ports in memory) must put
 * exactly what two full renders say changed, with the same bytes, reading only the partitions the
 * change touches; the whole-register exports and the catalogue wait for their job.
 */
async function checkChange(itemsBefore: PublishedEntry[], itemsAfter: PublishedEntry[], change: RegisterChange | RegisterChange[]) {
  const changes = Array.isArray(change) ? change : [change];
  const { items: _i, generatedAt: _g, ...base } = input([]);
  const { reg, plan } = await changeThrough(base, itemsBefore, itemsAfter, changes, { builtAt: BUILT_AT, now: '2026-03-02T00:00:00.000Z' });
  const before = siteOf(renderFull({ ...input(itemsBefore, BUILT_AT), builtAt: BUILT_AT }));
  expect(reg.queue).toEqual([]);
  expect(reg.exports.dueSince).toBe('2026-03-02T00:00:00.000Z');
  const after = siteOf(renderFull({ ...input(itemsAfter, '2026-03-02T00:00:00.000Z'), builtAt: BUILT_AT }));
  // dik.json is stamped with the time of a DIK change and written by renderDik, never by a DIP change
  // (register-dik.test.ts): only the stamp of two full renders at different times differs there.
  for (const site of [before, after]) site.delete(DIK_EXPORT_PATHS.json);
  const expected = diff(before, after);
  expected.changed = expected.changed.filter((p) => !DEBOUNCED.has(p));
  expect(plan.put.map((f) => f.path).sort()).toEqual(expected.changed);
  expect([...plan.delete].sort()).toEqual(expected.deleted);
  for (const f of plan.put) expect(fileText(f), f.path).toBe(after.get(f.path));
  // Applying the change to the old site gives the new site, but for the debounced files.
  const applied = new Map(reg.files);
  applied.delete(DIK_EXPORT_PATHS.json);
  for (const p of DEBOUNCED) {
    applied.delete(p);
    after.delete(p);
  }
  expect(applied).toEqual(after);
  expect(reg.registered).toEqual(new Map(itemsAfter.map((e) => [e.itemId, e])));
  return { plan, paths: expected.changed, deleted: expected.deleted };
}

/** The site's pages (not 404.html: the not-found page has no menu or twin, and its own test). */
const htmlFiles = (site: Map<string, string>) => [...site].filter(([p]) => p.endsWith('.html') && p !== '404.html');

// --- tests --------------------------------------------------------------------------------------------

describe('full render of a small register', () => {
  const plan = renderFull(input(ITEMS));
  const site = siteOf(plan);

  it('writes the pages, the chunks, the index, the exports and the assets, in both languages', () => {
    const expected = [
      'index.html',
      'dip/index.html',
      'cari/index.html',
      'dip/2025/index.html',
      'dip/2026/index.html',
      'kategori/berkala/index.html',
      'kategori/serta-merta/index.html',
      'kategori/setiap-saat/index.html',
      'kategori/berkala/2026/index.html',
      'instansi/diskominfo/index.html',
      'instansi/dinkes/index.html',
      'instansi/disdikbud/index.html',
      'dip/2026/dinkes/1.html',
      'dip/2026/dinkes/berkala/1.html',
      'dip/2026/dinkes/serta-merta/1.html',
      'dip/2026/dinkes/setiap-saat/1.html',
      'dip/2025/disdikbud/1.html',
      'informasi/dinkes/2026/3.html',
      'informasi/disdikbud/2026/100.html',
    ];
    for (const p of expected) {
      expect(site.has(p), p).toBe(true);
      expect(site.has(`en/${p}`), `en/${p}`).toBe(true);
    }
    // 10 items → 10 item pages per language; no category chunk without rows.
    expect([...site.keys()].filter((p) => p.startsWith('informasi/'))).toHaveLength(10);
    expect(site.has('dip/2025/disdikbud/setiap-saat/1.html')).toBe(false);
    // A category's year page only where the category has items that year.
    expect(site.has('kategori/setiap-saat/2025/index.html')).toBe(false);
    for (const p of ['assets/register.css', 'assets/search.js', 'data/dip.json', 'data/dip.csv', 'data/catalog.jsonld', 'search/doc/2026/dinkes/1.json'])
      expect(site.has(p), p).toBe(true);
    expect([...site.keys()].some((p) => /^search\/[a-z0-9_]+\.json$/.test(p))).toBe(true);
    // Every path is relative, unique, and typed.
    expect(new Set(plan.put.map((f) => f.path)).size).toBe(plan.put.length);
    for (const f of plan.put) {
      expect(f.path.startsWith('/')).toBe(false);
      if (f.path !== 'favicon.ico') expect(f.contentType).toMatch(/charset=utf-8/);
    }
    expect(plan.put.find((f) => f.path === 'data/catalog.jsonld')?.contentType).toMatch(/^application\/ld\+json/);
  });

  it('writes the icon (SVG and a valid 32×32 favicon.ico) and links it from every page instead of an empty data: URL', () => {
    const svg = plan.put.find((f) => f.path === 'favicon.svg')!;
    expect(svg.contentType).toMatch(/^image\/svg\+xml/);
    expect(String(svg.body)).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 32 32"/);
    const ico = plan.put.find((f) => f.path === 'favicon.ico')!;
    expect(ico.contentType).toBe('image/x-icon');
    const bytes = ico.body as Uint8Array;
    const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // ICONDIR: reserved 0, type 1 (icon), one image; its entry: 32×32, 32 bpp, size and offset that fit the file.
    expect([v.getUint16(0, true), v.getUint16(2, true), v.getUint16(4, true)]).toEqual([0, 1, 1]);
    expect([bytes[6], bytes[7], v.getUint16(12, true)]).toEqual([32, 32, 32]);
    const size = v.getUint32(14, true);
    const offset = v.getUint32(18, true);
    expect(offset + size).toBe(bytes.length);
    // The bitmap header: 40 bytes, 32 wide, 64 high (image and mask), 32 bpp; the centre is white, a corner transparent.
    expect([v.getUint32(offset, true), v.getInt32(offset + 4, true), v.getInt32(offset + 8, true), v.getUint16(offset + 14, true)]).toEqual([40, 32, 64, 32]);
    const pixel = (x: number, y: number) => [...bytes.subarray(offset + 40 + ((31 - y) * 32 + x) * 4, offset + 40 + ((31 - y) * 32 + x) * 4 + 4)];
    expect(pixel(15, 20)).toEqual([255, 255, 255, 255]);
    expect(pixel(2, 20)).toEqual([0x6e, 0x3a, 0x0b, 255]);
    expect(pixel(0, 0)[3]).toBe(0);
    const pages = [...site.keys()].filter((p) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    for (const p of pages) {
      const page = site.get(p)!;
      expect(page, p).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>');
      expect(page, p).toContain('<link rel="icon" href="/favicon.ico" sizes="32x32"/>');
      expect(page, p).not.toContain('data:,');
    }
  });

  it('writes one not-found page for both hosts, showing the half in the language of the path asked for', () => {
    const page = site.get('404.html')!;
    expect(plan.put.find((f) => f.path === '404.html')?.contentType).toMatch(/^text\/html/);
    expect(site.has('en/404.html')).toBe(false); // CloudFront's error page is one file for every path
    expect(page).toContain('<meta name="robots" content="noindex"/>');
    expect(page).toContain('<section lang="id" data-lang="id"><h1>Halaman tidak ditemukan</h1>');
    expect(page).toContain('<section lang="en" data-lang="en"><h1>Page not found</h1>');
    expect(page).toContain('<a href="/en/cari/">Search public information</a>');
    for (const [path, lang, title] of [
      ['/en/informasi/dinkes/2026/999.html', 'en', 'Page not found'],
      ['/en', 'en', 'Page not found'],
      ['/informasi/dinkes/2026/999.html', 'id', 'Halaman tidak ditemukan'],
      ['/english/', 'id', 'Halaman tidak ditemukan'],
    ] as const) {
      const shown = runNotFound(site, path);
      expect(shown, path).toEqual({
        lang,
        shown: [lang],
        title: `${title} – ${lang === 'id' ? 'Daftar Informasi Publik' : 'Public Information List'} – Pemerintah Provinsi Kalimantan Barat`,
      });
    }
  });

  it('copies the public documents to berkas/<itemId>/<docId>/<fileName>', () => {
    expect(plan.copies).toEqual(
      expect.arrayContaining([
        { from: 'items/diskominfo-2026-1/d1/DIP 2026.pdf', to: 'berkas/diskominfo-2026-1/d1/DIP 2026.pdf' },
        { from: 'items/dinkes-2026-1/d2/Leaflet DBD.pdf', to: 'berkas/dinkes-2026-1/d2/Leaflet DBD.pdf' },
      ]),
    );
    expect(plan.copies).toHaveLength(2);
    const page = site.get('informasi/dinkes/2026/1.html')!;
    expect(page).toContain('href="/berkas/dinkes-2026-1/d2/Leaflet%20DBD.pdf"');
    expect(page).toContain('120,6 KB');
  });

  it('shows every DIP column on the table and item pages, without JavaScript', () => {
    const columns = [
      'Ringkasan isi informasi',
      'Pejabat atau unit yang menguasai informasi',
      'Penanggung jawab pembuatan atau penerbitan',
      'Waktu dan tempat pembuatan',
      'Bentuk informasi yang tersedia',
      'Jangka waktu penyimpanan',
      'Kategori',
    ];
    const table = site.get('dip/2026/dinkes/1.html')!;
    const item = site.get('informasi/dinkes/2025/1.html')!;
    for (const page of [table, item]) {
      expect(page).toContain('>No.</th>');
      for (const c of columns) expect(page).toContain(`>${c}</th>`);
    }
    const e = ITEMS[2]!;
    for (const v of [
      e.number,
      e.content.summary,
      e.content.holder,
      e.content.responsible,
      `${e.content.createdWhen}, ${e.content.createdWhere}`,
      'Softcopy, Hardcopy',
      e.content.retention,
      'Berkala',
    ]) {
      expect(item).toContain(v);
    }
    // Both versions with their dates; the table rows in DIP order.
    expect(item).toContain('Versi 2: diterbitkan <time datetime="2025-09-01T02:00:00.000Z">1 September 2025</time> (berlaku)');
    expect(item).toContain('Versi 1: diterbitkan <time datetime="2025-03-01T02:00:00.000Z">1 Maret 2025</time>');
    expect(table.indexOf('DINKES/2026/0001')).toBeLessThan(table.indexOf('DINKES/2026/0002'));
    expect(site.get('en/dip/2026/dinkes/1.html')).toContain('>Official or unit holding the information</th>');
  });

  it('lists the body, its PPID, category counts, the latest publications and every agency on the home page', () => {
    const home = site.get('index.html')!;
    expect(home).toContain('Pemerintah Provinsi Kalimantan Barat');
    expect(home).toContain('Dinas Komunikasi dan Informatika (PPID Utama)');
    expect(home).toContain('Jl. Ahmad Yani, Pontianak');
    expect(home).toMatch(/Berkala<\/span><span class="card-count">5 informasi/);
    expect(home).toMatch(/Serta-merta<\/span><span class="card-count">1 informasi/);
    expect(home).toMatch(/Tersedia setiap saat<\/span><span class="card-count">4 informasi/);
    for (const a of AGENCIES) expect(home).toContain(`href="/instansi/${a.id}/"`);
    expect(home).toContain('Unduh data terbuka');
    expect(home).toContain('Undang-Undang Nomor 14 Tahun 2008');
    // The newest first: the second version of the 2025 profile is older than every 2026 item.
    const latest = home.slice(home.indexOf('class="latest"'), home.indexOf('</ol>', home.indexOf('class="latest"')));
    expect(latest.match(/<li>/g)).toHaveLength(10);
    expect(latest.indexOf('Rencana Strategis')).toBeLessThan(latest.indexOf('Profil Kesehatan'));
  });

  it('lists the newest publications on /dip/ (number, title linked to its page, agency, date in words), in both languages', () => {
    for (const [path, lang, heading, date] of [
      ['dip/index.html', 'id', 'Informasi terbaru', /^\d{1,2} (Januari|Februari|Maret|September) 202[56]$/],
      ['en/dip/index.html', 'en', 'Latest information', /^\d{1,2} (January|February|March|September) 202[56]$/],
    ] as const) {
      const dip = site.get(path)!;
      expect(dip, path).toContain(`<h2 id="terbaru">${heading}</h2>`);
      const table = dip.slice(dip.indexOf('<table class="newest"'), dip.indexOf('</table>', dip.indexOf('<table class="newest"')));
      expect(table, path).toContain('aria-labelledby="terbaru terbaru-cap"');
      const rows = [
        ...table.matchAll(
          /<tr><th scope="row" class="no">([^<]+)<\/th><td[^>]*><a href="([^"]+)">([^<]+)<\/a><\/td><td data-label="[^"]+">([^<]+)<\/td><td class="date" data-label="[^"]+"><time datetime="[^"]+">([^<]+)<\/time>/g,
        ),
      ];
      expect(rows, path).toHaveLength(10);
      const prefix = lang === 'en' ? '/en' : '';
      for (const [, no, link, , agency, when] of rows) {
        const e = ITEMS.find((i) => i.number === no)!;
        expect(link, no).toBe(`${prefix}/informasi/${e.agencyId}/${e.regYear}/${e.sequence}.html`);
        expect(agency).toBe(AGENCIES.find((a) => a.id === e.agencyId)!.name);
        expect(when).toMatch(date);
      }
      expect(rows[0]![3]).toContain('Rencana Strategis');
    }
  });

  it('names each table by the heading above it, never repeating a heading as a caption', () => {
    const plain = (html: string) =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    let tables = 0;
    for (const [path, html] of htmlFiles(site)) {
      const headings = [...html.matchAll(/<h([12])[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => plain(m[2]!));
      for (const [, caption] of html.matchAll(/<caption[^>]*>([\s\S]*?)<\/caption>/g)) {
        for (const h of headings) expect(plain(caption!).startsWith(h), `${path}: caption "${plain(caption!)}" repeats the heading "${h}"`).toBe(false);
      }
      for (const [table] of html.matchAll(/<table[^>]*>/g)) {
        tables++;
        const ids = table!.match(/aria-labelledby="([^"]+)"/)?.[1]?.split(' ') ?? [];
        // Named: by ids that exist on the page, or by its own caption.
        if (ids.length) for (const id of ids) expect(html, `${path}: ${table} names #${id}`).toContain(`id="${id}"`);
        else expect(html.slice(html.indexOf(table!)).match(/^<table[^>]*><caption/), `${path}: ${table}`).not.toBeNull();
      }
    }
    expect(tables).toBeGreaterThan(20);
  });

  it('marks languages: html lang, hreflang twins that exist, Indonesian content on English pages, a skip link', () => {
    for (const [path, body] of htmlFiles(site)) {
      const en = path.startsWith('en/');
      expect(body.startsWith(`<!doctype html>\n<html lang="${en ? 'en' : 'id'}">`), path).toBe(true);
      const twin = en ? path.slice(3) : `en/${path}`;
      expect(site.has(twin), twin).toBe(true);
      const url = (p: string) => `/${p}`.replace(/(^|\/)index\.html$/, '$1');
      expect(body).toContain(`<link rel="alternate" hreflang="id" href="${url(en ? twin : path)}"/>`);
      expect(body).toContain(`<link rel="alternate" hreflang="en" href="${url(en ? path : twin)}"/>`);
      expect(body).toContain(`hreflang="${en ? 'id' : 'en'}" lang="${en ? 'id' : 'en'}"`);
      expect(body).toContain('<a class="skip" href="#isi">');
      expect(body).toContain('<main id="isi"');
    }
    expect(site.get('en/informasi/dinkes/2025/1.html')).toContain('<h1 lang="id">Profil Kesehatan');
    expect(site.get('informasi/dinkes/2025/1.html')).toContain('<h1>Profil Kesehatan');
  });

  it('links only to pages that exist', () => {
    for (const [path, body] of htmlFiles(site)) {
      for (const [, target] of body.matchAll(/href="(\/[^"#]*)/g)) {
        const key = decodeURIComponent(target!.slice(1));
        if (key.startsWith('berkas/')) continue; // copied by the adapter
        const file = key === '' || key.endsWith('/') ? `${key}index.html` : key;
        expect(site.has(file), `${path} → ${target}`).toBe(true);
      }
    }
  });

  it('never turns content into markup, and has no inline script, style or handler', () => {
    for (const [path, body] of htmlFiles(site)) {
      expect(body, path).not.toContain('<script>alert');
      expect(body, path).not.toContain('<img src=x');
      // Inside real tags (content is escaped, so its "<" never opens one): no handler, no style.
      for (const [tag] of body.matchAll(/<[a-z][^<>]*>/gi)) expect(tag, path).not.toMatch(/\s(on[a-z]+|style)=/i);
      expect(body, path).not.toMatch(/<style/i);
      // search.js everywhere; the request pages and the objection page also their own script file.
      const scripts = [...body.matchAll(/<script[^>]*>/g)].map(([tag]) => tag);
      expect(scripts, path).toEqual(
        /^(en\/)?(permohonan\/(status\/)?|keberatan\/)index\.html$/.test(path)
          ? ['<script src="/assets/search.js" defer>', '<script src="/assets/permohonan.js" defer>']
          : ['<script src="/assets/search.js" defer>'],
      );
    }
    const page = site.get('informasi/dinkes/2026/3.html')!;
    expect(page).toContain(`&lt;script>alert(1)&lt;/script> &quot;kutip&quot; &amp; 'apos' &lt;img src=x onerror=alert(2)>`);
    expect(page).toContain(`<title>DINKES/2026/0003 &lt;script>alert(1)&lt;/script>`);
    // JSON stays JSON: the title is a string value, not code.
    const json = JSON.parse(site.get('data/dip.json')!);
    expect(json.items.find((i: { number: string }) => i.number === 'DINKES/2026/0003').title).toBe(HOSTILE_TITLE);
  });

  it('writes the DIP as CSV: BOM, RFC 4180 quoting, formulas neutralised', () => {
    const file = plan.put.find((f) => f.path === 'data/dip.csv')!;
    const bytes = new TextEncoder().encode(fileText(file));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(fileText(file).slice(1));
    expect(rows[0]?.slice(0, 10)).toEqual([
      'Nomor',
      'Judul',
      'Ringkasan isi informasi',
      'Pejabat atau unit yang menguasai informasi',
      'Penanggung jawab pembuatan atau penerbitan',
      'Waktu pembuatan',
      'Tempat pembuatan',
      'Bentuk informasi yang tersedia',
      'Jangka waktu penyimpanan',
      'Kategori',
    ]);
    expect(rows).toHaveLength(ITEMS.length + 1);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    const hostile = rows.find((r) => r[0] === 'DINKES/2026/0003')!;
    expect(hostile[1]).toBe(HOSTILE_TITLE); // quotes, commas survive
    expect(hostile[2]).toBe(`'${FORMULA} ringkasan, dengan koma "kutip"\nbaris baru`); // newline survives, formula neutralised
    expect(hostile[3]).toBe("'+SUM(A1:A9)");
    expect(hostile[4]).toBe("'@import");
    expect(hostile[6]).toBe("'\tTab");
    expect(hostile[8]).toBe("'-5 tahun");
    // No cell of the file starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const doc = rows.find((r) => r[0] === 'DINKES/2026/0001')!;
    expect(doc.at(-1)).toBe('/berkas/dinkes-2026-1/d2/Leaflet%20DBD.pdf');
    expect(doc.at(-2)).toBe('/informasi/dinkes/2026/1.html');
  });

  it('writes the DIP as JSON in DIP order', () => {
    const json = JSON.parse(site.get('data/dip.json')!);
    expect(json.count).toBe(ITEMS.length);
    expect(json.items.map((i: { number: string }) => i.number).slice(0, 3)).toEqual(['DISKOMINFO/2026/0001', 'DISKOMINFO/2026/0002', 'DINKES/2025/0001']);
    const profile = json.items.find((i: { number: string }) => i.number === 'DINKES/2025/0001');
    expect(profile).toMatchObject({ versionNo: 2, firstPublishedAt: '2025-03-01T02:00:00.000Z', agency: { id: 'dinkes', name: 'Dinas Kesehatan' } });
  });

  it('describes the exports in a DCAT catalogue (JSON-LD)', () => {
    const catalog = JSON.parse(site.get('data/catalog.jsonld')!);
    expect(catalog['@context']).toMatchObject({ dcat: 'http://www.w3.org/ns/dcat#', dct: 'http://purl.org/dc/terms/' });
    expect(catalog['@type']).toBe('dcat:Catalog');
    expect(catalog['dct:publisher']).toMatchObject({ '@type': 'foaf:Organization', 'foaf:name': 'Pemerintah Provinsi Kalimantan Barat' });
    expect(catalog['dct:language']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/language/IND' });
    const [dataset] = catalog['dcat:dataset'];
    expect(dataset['@type']).toBe('dcat:Dataset');
    // Dated by its data (the newest publication), not by the render: the same DIP gives the same catalogue.
    expect(dataset['dct:modified']).toEqual({
      '@value': ITEMS.map((e) => e.publishedAt)
        .sort()
        .at(-1),
      '@type': 'xsd:dateTime',
    });
    expect(dataset['dct:title']).toContainEqual({ '@value': 'Daftar Informasi Publik Pemerintah Provinsi Kalimantan Barat', '@language': 'id' });
    const dists = dataset['dcat:distribution'];
    expect(dists.every((d: Record<string, unknown>) => d['@type'] === 'dcat:Distribution')).toBe(true);
    // The whole DIP, the index of parts, then every part (agency × registration year) in DIP order, JSON and CSV.
    expect(dists.map((d: { 'dcat:downloadURL': { '@id': string } }) => d['dcat:downloadURL']['@id'])).toEqual([
      '/data/dip.json',
      '/data/dip.csv',
      '/data/dip/index.json',
      ...['diskominfo/2026', 'dinkes/2025', 'dinkes/2026', 'disdikbud/2025', 'disdikbud/2026'].flatMap((p) => [`/data/dip/${p}.json`, `/data/dip/${p}.csv`]),
    ]);
    expect(dists[1]['dcat:mediaType']).toEqual({ '@id': 'https://www.iana.org/assignments/media-types/text/csv' });
    expect(dists[1]['dct:format']).toEqual({ '@id': 'http://publications.europa.eu/resource/authority/file-type/CSV' });
    expect(siteOf(renderFull(input(ITEMS, '2027-01-01T00:00:00.000Z'))).get('data/catalog.jsonld')).toBe(site.get('data/catalog.jsonld'));
    // Absolute URLs when the site's origin is known.
    const withUrl = siteOf(renderFull({ ...input(ITEMS), siteUrl: 'https://ppid.example.go.id/' }));
    expect(JSON.parse(withUrl.get('data/catalog.jsonld')!)['dcat:dataset'][0]['dcat:distribution'][1]['dcat:downloadURL']['@id']).toBe(
      'https://ppid.example.go.id/data/dip.csv',
    );
  });
});

describe('open data in parts (one agency, one registration year)', () => {
  const m = buildModel(input(ITEMS));
  const parts = new Map<string, PublishedEntry[]>();
  for (const e of m.items) parts.set(partitionId(partitionOf(e)), [...(parts.get(partitionId(partitionOf(e))) ?? []), e]);
  const jsonLines = (body: string) => body.split('\n').slice(1, -2);
  const csvLines = (body: string) => body.split('\r\n').slice(1, -1);

  it("writes each part with the whole DIP's own rows, byte for byte, and a head that is not stamped", () => {
    const whole = dipJson(m, '2026-03-01T00:00:00.000Z');
    const wholeCsv = dipCsv(m);
    const wholeRows = jsonLines(whole).map((l) => l.replace(/,$/, ''));
    const wholeCsvRows = new Set(csvLines(wholeCsv));
    expect(parts.size).toBe(5);
    let seen = 0;
    for (const rows of parts.values()) {
      const body = partJson(m, rows);
      const lines = jsonLines(body).map((l) => l.replace(/,$/, ''));
      expect(lines).toEqual(wholeRows.slice(seen, seen + rows.length));
      seen += rows.length;
      const json = JSON.parse(body);
      const newest = rows
        .map((e) => e.publishedAt)
        .sort()
        .at(-1);
      expect(json).toMatchObject({ publicBody: m.publicBody.name, license: m.license, year: rows[0]!.regYear, count: rows.length, modified: newest });
      expect(json.agency).toEqual({ id: rows[0]!.agencyId, name: m.agency(rows[0]!.agencyId).name });
      expect(json).not.toHaveProperty('generatedAt');
      // The same rows give the same bytes, whoever writes them.
      expect(partJson(buildModel(input(ITEMS, '2027-01-01T00:00:00.000Z')), rows)).toBe(body);

      const csv = partCsv(m, rows);
      expect(csv.startsWith(wholeCsv.slice(0, wholeCsv.indexOf('\r\n') + 2))).toBe(true);
      expect(csvLines(csv)).toHaveLength(rows.length);
      for (const line of csvLines(csv)) expect(wholeCsvRows.has(line)).toBe(true);
    }
    expect(seen).toBe(ITEMS.length);
    // The rows match the whole DIP's when parsed too (the CSV's quoting aside).
    expect(parseCsv(partCsv(m, parts.get('dinkes#2026')!).slice(1)).slice(1)).toEqual(
      parseCsv(wholeCsv.slice(1))
        .slice(1)
        .filter((r) => r[11] === 'dinkes' && r[0]!.includes('/2026/')),
    );
    expect(partExportPaths({ agencyId: 'dinkes', year: 2026 })).toEqual({ json: 'data/dip/dinkes/2026.json', csv: 'data/dip/dinkes/2026.csv' });
  });

  it('writes the whole DIP part by part, equal to writing it at once', () => {
    const at = '2026-03-01T00:00:00.000Z';
    let json = dipJsonHead(m, at, ITEMS.length);
    let csv = dipCsvHead();
    let first = true;
    for (const rows of parts.values()) {
      json += dipJsonRows(m, rows, first);
      csv += dipCsvRows(m, rows);
      first = false;
    }
    expect(json + jsonTail(ITEMS.length)).toBe(dipJson(m, at));
    expect(csv).toBe(dipCsv(m));
    // Joined from each part's own rows, as the full render writes them (each row made once).
    const partRows = [...parts.values()];
    expect(
      dipJsonOfParts(
        m,
        at,
        ITEMS.length,
        partRows.map((rows) => dipJsonRows(m, rows, true)),
      ),
    ).toBe(dipJson(m, at));
    expect(dipCsvOfParts(partRows.map((rows) => dipCsvRows(m, rows)))).toBe(dipCsv(m));
    const full = siteOf(renderFull(input(ITEMS, at)));
    expect(full.get(EXPORT_PATHS.json)).toBe(dipJson(m, at));
    expect(full.get(EXPORT_PATHS.csv)).toBe(dipCsv(m));
    const empty = buildModel(input([]));
    expect(dipJsonOfParts(empty, at, 0, [])).toBe(dipJson(empty, at));
    expect(dipCsvOfParts([])).toBe(dipCsv(empty));
    expect(dipJsonHead(empty, at, 0) + dipJsonRows(empty, [], true) + jsonTail(0)).toBe(dipJson(empty, at));
    expect(JSON.parse(dipJson(empty, at)).items).toEqual([]);
  });

  it('lists every part in the catalogue with its newest publication, and dates the DIP from the summary as from the items', () => {
    const full = siteOf(renderFull(input(ITEMS))).get('data/catalog.jsonld')!;
    // What the exports job has: the model without items, and the summary of parts.
    const base = buildModel(input([]));
    const summary = summaryOf(ITEMS, agencyRank(m));
    expect(catalogJsonLd(base, summary)).toBe(full);
    expect(catalogJsonLd(m)).toBe(full);

    const dataset = JSON.parse(full)['dcat:dataset'][0];
    // The DIP's fields as they were computed from the items.
    const dates = (xs: string[]) => [...xs].sort();
    expect(dataset['dct:modified']).toEqual({ '@value': dates(ITEMS.map((e) => e.publishedAt)).at(-1), '@type': 'xsd:dateTime' });
    expect(dataset['dct:issued']).toEqual({ '@value': dates(ITEMS.map((e) => e.history[0]!.publishedAt))[0], '@type': 'xsd:dateTime' });
    const years = ITEMS.map((e) => e.content.year);
    expect(dataset['dct:temporal']).toEqual({
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': { '@value': `${Math.min(...years)}-01-01`, '@type': 'xsd:date' },
      'dcat:endDate': { '@value': `${Math.max(...years)}-12-31`, '@type': 'xsd:date' },
    });

    const dists: { '@id': string; 'dct:title': { '@value': string }[]; 'dct:modified'?: { '@value': string }; 'dct:format': { '@id': string } }[] =
      dataset['dcat:distribution'];
    const index = dists.find((d) => d['@id'] === '/data/dip/index.json')!;
    expect(index['dct:modified']?.['@value']).toBe(dataset['dct:modified']['@value']);
    for (const rows of parts.values()) {
      const paths = partExportPaths(partitionOf(rows[0]!));
      const newest = dates(rows.map((e) => e.publishedAt)).at(-1);
      const name = `${m.agency(rows[0]!.agencyId).name} ${rows[0]!.regYear}`;
      for (const path of [paths.json, paths.csv]) {
        const d = dists.find((x) => x['@id'] === `/${path}`)!;
        expect(d, path).toBeDefined();
        expect(d['dct:modified']).toEqual({ '@value': newest, '@type': 'xsd:dateTime' });
        expect(d['dct:title'].map((t) => t['@value']).every((t) => t.includes(name))).toBe(true);
        expect(d['dct:format']['@id']).toMatch(path.endsWith('.json') ? /JSON$/ : /CSV$/);
      }
    }
    // No items: no period, no dates, no parts.
    const none = JSON.parse(catalogJsonLd(base, { parts: [], latest: [] }))['dcat:dataset'][0];
    expect(none).not.toHaveProperty('dct:temporal');
    expect(none).not.toHaveProperty('dct:modified');
    expect(none).not.toHaveProperty('dct:issued');
    expect(none['dcat:distribution']).toHaveLength(3);
  });
});

describe('incremental changes equal the difference of two full renders', () => {
  const added = entry('dinkes', 2026, 4, {
    title: 'Rencana Kerja Dinas Kesehatan 2027',
    summary: 'Program dan kegiatan prioritas bidang kesehatan tahun 2027.',
  });

  it('publishing a new item writes its pages, its chunks, the counts, the shards of its words and the exports', async () => {
    const { plan, paths } = await checkChange(ITEMS, [...ITEMS, added], { itemId: added.itemId, after: added });
    const pages = paths.filter((p) => p.endsWith('.html') && !p.startsWith('en/'));
    expect(pages.sort()).toEqual(
      [
        'index.html',
        'dip/index.html',
        'dip/2026/index.html',
        'instansi/dinkes/index.html',
        'kategori/berkala/index.html',
        'kategori/berkala/2026/index.html',
        'dip/2026/dinkes/1.html',
        'dip/2026/dinkes/berkala/1.html',
        // the siblings' category filter shows the new count of "all" and "berkala"
        'dip/2026/dinkes/serta-merta/1.html',
        'dip/2026/dinkes/setiap-saat/1.html',
        'informasi/dinkes/2026/4.html',
      ].sort(),
    );
    expect(paths).toEqual(
      expect.arrayContaining(['data/dip/dinkes/2026.json', 'data/dip/dinkes/2026.csv', 'search/doc/2026/dinkes/1.json', 'search/ren.json']),
    );
    // Of the sitemap: the index, the shared pages' part and the agency's part of that year; no other agency's part.
    expect(paths.filter((p) => p.startsWith('sitemap')).sort()).toEqual(['sitemap.xml', 'sitemap/dip/dinkes/2026-1.xml', 'sitemap/umum.xml']);
    // The summary (the index of parts) has the part's new count and date; the catalogue waits for its job.
    expect(paths).toContain('data/dip/index.json');
    expect(paths).not.toContain('data/catalog.jsonld');
    expect(plan.delete).toEqual([]);
    expect(plan.copies).toEqual([]);
    expect(plan.removeCopies).toEqual([]);
  });

  it('publishing the first item of a new block also updates the pager of the block before', async () => {
    const next = entry('disdikbud', 2026, 101, { title: 'Laporan Kinerja Instansi Pemerintah 2026', category: 'setiap_saat' });
    const { paths } = await checkChange(ITEMS, [...ITEMS, next], { itemId: next.itemId, after: next });
    expect(paths).toEqual(
      expect.arrayContaining([
        'dip/2026/disdikbud/2.html',
        'dip/2026/disdikbud/1.html',
        'dip/2026/disdikbud/setiap-saat/1.html',
        'dip/2026/disdikbud/setiap-saat/2.html',
      ]),
    );
    // block 1 lost nothing but its pager now links to block 2
    expect(renderFull(input([...ITEMS, next])).put.find((f) => f.path === 'dip/2026/disdikbud/1.html')?.body).toContain(
      'rel="next" href="/dip/2026/disdikbud/2.html"',
    );
  });

  it('a new version (summary, category and a new document) rewrites what shows it', async () => {
    const old = ITEMS[4]!;
    const edited: PublishedEntry = {
      ...old,
      versionNo: 2,
      publishedAt: '2026-03-02T01:00:00.000Z',
      history: [...old.history, { versionNo: 2, publishedAt: '2026-03-02T01:00:00.000Z' }],
      content: { ...old.content, summary: 'Laporan keuangan audited beserta catatan atas laporan keuangan.', category: 'setiap_saat' },
      documents: [doc(old.itemId, 'd9', 'LK 2025.pdf')],
    };
    const items = ITEMS.map((e) => (e.itemId === old.itemId ? edited : e));
    const { plan, paths, deleted } = await checkChange(ITEMS, items, { itemId: old.itemId, before: old, after: edited });
    expect(paths).toEqual(
      expect.arrayContaining(['informasi/dinkes/2026/2.html', 'dip/2026/dinkes/1.html', 'dip/2026/dinkes/setiap-saat/1.html', 'kategori/berkala/index.html']),
    );
    // It was the agency's only "berkala" item of 2026: that table is gone.
    expect(deleted).toEqual(['dip/2026/dinkes/berkala/1.html', 'en/dip/2026/dinkes/berkala/1.html', 'search/ner.json']); // and the word "neraca"
    expect(paths).not.toContain('instansi/diskominfo/index.html');
    expect(paths).not.toContain('dip/2025/index.html');
    expect(plan.copies).toEqual([{ from: `items/${old.itemId}/d9/LK 2025.pdf`, to: `berkas/${old.itemId}/d9/LK 2025.pdf` }]);
    expect(plan.removeCopies).toEqual([]);
  });

  it('a new version that changes nothing shown writes only the exports and what shows its date', async () => {
    const old = ITEMS[8]!;
    const same: PublishedEntry = {
      ...old,
      versionNo: 2,
      publishedAt: '2026-03-02T01:00:00.000Z',
      history: [...old.history, { versionNo: 2, publishedAt: '2026-03-02T01:00:00.000Z' }],
    };
    const { paths } = await checkChange(
      ITEMS,
      ITEMS.map((e) => (e.itemId === old.itemId ? same : e)),
      { itemId: old.itemId, before: old, after: same },
    );
    expect(paths.filter((p) => !p.startsWith('en/')).sort()).toEqual([
      'data/dip/disdikbud/2026.csv',
      'data/dip/disdikbud/2026.json',
      'data/dip/index.json',
      'dip/index.html',
      'index.html',
      'informasi/disdikbud/2026/2.html',
      'sitemap.xml',
      'sitemap/dip/disdikbud/2026-1.xml',
      'sitemap/umum.xml',
    ]);
  });

  it('withdrawing deletes the item page, removes its documents and leaves no trace in pages, index or exports', async () => {
    const gone = ITEMS[3]!; // dinkes 2026/1, the only serta-merta item, with a document
    const items = ITEMS.filter((e) => e !== gone);
    const { plan, deleted, paths } = await checkChange(ITEMS, items, { itemId: gone.itemId, before: gone });
    // Its words alone had some shards: they are deleted and leave the manifest (which checkChange
    // has compared byte for byte with a full render).
    const shardsIn = (site: Map<string, string>) => (JSON.parse(site.get('search/shards.json')!) as { s: string[] }).s;
    const vanished = shardsIn(siteOf(renderFull(input(ITEMS)))).filter((x) => !shardsIn(siteOf(renderFull(input(items)))).includes(x));
    expect(vanished.length).toBeGreaterThan(0);
    expect(paths).toContain('search/shards.json');
    for (const x of vanished) expect(deleted).toContain(`search/${x}.json`);
    expect(deleted).toEqual(
      expect.arrayContaining([
        'informasi/dinkes/2026/1.html',
        'en/informasi/dinkes/2026/1.html',
        'dip/2026/dinkes/serta-merta/1.html',
        'en/dip/2026/dinkes/serta-merta/1.html',
      ]),
    );
    expect(plan.removeCopies).toEqual([`berkas/${gone.itemId}/`]);
    expect(plan.copies).toEqual([]);
    const site = siteOf(renderFull(input(items)));
    for (const [path, body] of site) expect(body, path).not.toContain('Kewaspadaan Demam Berdarah');
    for (const [path, body] of site)
      if (/^search\/[^/]+\.json$/.test(path) && path !== 'search/shards.json') expect(postings(body), path).not.toContain('dinkes/2026/1');
    expect(site.get('search/doc/2026/dinkes/1.json')).not.toContain('"1":');
  });

  it('withdrawing the last item of a year removes the year', async () => {
    const lone = entry('dinkes', 2024, 9, { title: 'Arsip Lama Dinas Kesehatan' });
    const { deleted } = await checkChange([...ITEMS, lone], ITEMS, { itemId: lone.itemId, before: lone });
    expect(deleted).toEqual(
      expect.arrayContaining([
        'dip/2024/index.html',
        'dip/2024/dinkes/1.html',
        'dip/2024/dinkes/berkala/1.html',
        'search/doc/2024/dinkes/1.json',
        'search/ars.json',
      ]),
    );
  });

  it('a batch (publish, edit, withdraw) is one plan, equal to the difference of two full renders', async () => {
    const edited: PublishedEntry = { ...ITEMS[6]!, versionNo: 2, content: { ...ITEMS[6]!.content, title: 'Data Pokok Pendidikan Menengah 2025 (revisi)' } };
    const gone = ITEMS[0]!;
    const after = [...ITEMS.filter((e) => e !== gone && e !== ITEMS[6]), edited, added];
    const { plan } = await checkChange(ITEMS, after, [
      { itemId: added.itemId, after: added },
      { itemId: edited.itemId, before: ITEMS[6], after: edited },
      { itemId: gone.itemId, before: gone },
    ]);
    expect(plan.put.filter((f) => f.path === 'data/dip/dinkes/2026.csv')).toHaveLength(1);
    expect(plan.removeCopies).toEqual([`berkas/${gone.itemId}/`]);
  });

  it('leaves the whole-register exports and the catalogue to their debounced job, which writes what a full render does', async () => {
    const { plan } = await checkChange(ITEMS, [...ITEMS, added], { itemId: added.itemId, after: added });
    expect(plan.put.filter((f) => DEBOUNCED.has(f.path))).toEqual([]);
    expect(plan.put.some((f) => f.path === 'informasi/dinkes/2026/4.html')).toBe(true);
    const exports = renderExports(input([...ITEMS, added]));
    expect(exports.map((f) => f.path)).toEqual(['data/dip.json', 'data/dip.csv', 'data/catalog.jsonld']);
    const full = siteOf(renderFull(input([...ITEMS, added])));
    for (const f of exports) expect(fileText(f)).toBe(full.get(f.path));
  });

  it('republishing after a withdrawal copies the documents again', async () => {
    const back = ITEMS[0]!;
    const { plan } = await checkChange(
      ITEMS.filter((e) => e !== back),
      ITEMS,
      { itemId: back.itemId, after: back },
    );
    expect(plan.copies).toEqual([{ from: 'items/diskominfo-2026-1/d1/DIP 2026.pdf', to: 'berkas/diskominfo-2026-1/d1/DIP 2026.pdf' }]);
  });
});

describe('search', () => {
  it('cuts Indonesian words into the same terms for documents and queries', () => {
    expect(['melaporkan', 'laporan', 'pelaporan'].map(stem)).toEqual(['lapor', 'lapor', 'lapor']);
    expect(['kesehatan', 'keterbukaan', 'pembangunan', 'informasi', 'dinas'].map(stem)).toEqual(['sehat', 'buka', 'bangun', 'informasi', 'dinas']);
    expect(terms('Évaluasi kinerja dan laporan TAHUN 2026')).toEqual(['evaluasi', 'kinerja', 'lapor', 'tahun', '2026']);
  });

  const site = siteOf(renderFull(input(ITEMS)));

  it('finds items by words of the title and summary, titles first, AND across words', async () => {
    const r = await runSearch(site, 'laporan');
    expect(r.status).toBe('3 informasi ditemukan.');
    expect(r.results.map((x) => x.href)).toEqual(
      expect.arrayContaining(['/informasi/dinkes/2026/2.html', '/informasi/disdikbud/2026/2.html', '/informasi/diskominfo/2026/2.html']),
    );
    expect(r.results[0]!.title).toMatch(/^Laporan/);
    expect(r.results[0]!.meta).toMatch(/ · Berkala$/);
    const both = await runSearch(site, 'Laporan keuangan');
    expect(both.results.map((x) => x.href)).toEqual(['/informasi/dinkes/2026/2.html']);
    const inflected = await runSearch(site, 'pelaporan KEUANGANNYA');
    expect(inflected.results.map((x) => x.href)).toEqual(['/informasi/dinkes/2026/2.html']);
    expect((await runSearch(site, 'tidakadakatainiadadimanapun')).status).toBe('Tidak ada informasi yang cocok.');
  });

  it('fetches the shard manifest, one shard per word and the result cards of the results shown', async () => {
    const r = await runSearch(site, 'anggaran');
    expect(r.fetched.filter((u) => /^\/search\/[^/]+\.json$/.test(u))).toEqual(['/search/shards.json', '/search/ang.json']);
    expect(r.fetched.every((u) => u.startsWith('/search/'))).toBe(true);
    expect(r.missing).toEqual([]);
  });

  it('lists exactly the shards that exist in search/shards.json, and never asks for a missing one', async () => {
    const manifest = JSON.parse(site.get('search/shards.json')!) as { s: string[] };
    const shards = [...site.keys()].filter((p) => /^search\/[^/]+\.json$/.test(p) && p !== 'search/shards.json').map((p) => p.slice(7, -5));
    expect(manifest.s).toEqual([...shards].sort());
    expect(manifest.s).toContain('ang');
    expect(manifest.s).not.toContain('zzz');
    // "zzzebra" lives in shard zzz, which no item has: no result, and no request that could fail.
    const none = await runSearch(site, 'zzzebra');
    expect(none.status).toBe('Tidak ada informasi yang cocok.');
    expect(none.fetched).toEqual(['/search/shards.json']);
    // With a word that exists too, the missing one still empties the AND without a request for it.
    const mixed = await runSearch(site, 'anggaran zzzebra');
    expect(mixed.status).toBe('Tidak ada informasi yang cocok.');
    expect(mixed.fetched).toEqual(['/search/shards.json', '/search/ang.json']);
    expect([...none.missing, ...mixed.missing]).toEqual([]);
  });

  it("finds the hint's own example in the demo data of the local host", async () => {
    const demo = DEMO_ITEMS.map((d, i) => entry(d.agencyId, 2026, i + 1, d.content));
    const demoSite = siteOf(renderFull(input(demo)));
    for (const lang of ['id', 'en'] as const) {
      const page = demoSite.get(lang === 'id' ? 'cari/index.html' : 'en/cari/index.html')!;
      const example = page.match(/(?:Contoh|Example): ([^<.]+)\./)?.[1];
      expect(example, lang).toBeTruthy();
      const r = await runSearch(demoSite, example!, lang);
      expect(r.results.length, `${lang}: ${example}`).toBeGreaterThan(0);
    }
  });

  it('renders hostile titles as text, and links English results to English pages', async () => {
    const r = await runSearch(site, 'kutip', 'en');
    expect(r.results).toEqual([expect.objectContaining({ href: '/en/informasi/dinkes/2026/3.html', title: HOSTILE_TITLE })]);
    expect(r.status).toBe('1 item found.');
  });
});

/** Every `agency/year/sequence` a shard lists. */
function postings(shard: string): string[] {
  const { a, t } = JSON.parse(shard) as { a: string[]; t: Record<string, [string, string]> };
  const out: string[] = [];
  for (const lists of Object.values(t))
    for (const list of lists)
      for (const group of list ? list.split(';') : []) {
        const [i, year, seqs] = group.split(':');
        let seq = 0;
        for (const d of seqs!.split(',')) {
          seq += Number.parseInt(d, 36);
          out.push(`${a[Number(i)]}/${year}/${seq}`);
        }
      }
  return out;
}

// --- a small RFC 4180 parser --------------------------------------------------------------------------

// --- search.js in a VM with a minimal DOM -------------------------------------------------------------

class FakeElement {
  children: FakeElement[] = [];
  dataset: Record<string, string> = {};
  hidden = false;
  textContent = '';
  value = '';
  href = '';
  lang = '';
  className = '';
  listeners: Record<string, () => void> = {};
  append(...c: FakeElement[]) {
    this.children.push(...c);
  }
  appendChild(c: FakeElement) {
    this.children.push(c);
    return c;
  }
  addEventListener(type: string, f: () => void) {
    this.listeners[type] = f;
  }
  querySelector(): FakeElement | null {
    return null;
  }
}

/** Runs the emitted search.js on the emitted 404.html, as if it answered `path`: the language shown. */
function runNotFound(site: Map<string, string>, path: string) {
  const page = site.get('404.html')!;
  const bodyTag = page.match(/<body([^>]*)>/)![1]!;
  const attrs = Object.fromEntries([...bodyTag.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)].map(([, k, v]) => [k!, (v ?? '').replaceAll('&amp;', '&')]));
  const halves = [...page.matchAll(/<section lang="([a-z]+)" data-lang="\1">/g)].map(([, lang]) => ({
    lang: lang!,
    hidden: false,
    getAttribute: (name: string) => (name === 'data-lang' ? lang! : null),
  }));
  const document = {
    title: page.match(/<title>([^<]*)<\/title>/)![1]!,
    documentElement: { lang: 'id' },
    body: { hasAttribute: (name: string) => name in attrs, getAttribute: (name: string) => attrs[name] ?? null },
    querySelectorAll: (sel: string) => (sel === '[data-lang]' ? halves : []),
    getElementById: () => null,
  };
  vm.runInNewContext(site.get('assets/search.js')!, { document, location: { pathname: path, search: '' }, window: {}, URLSearchParams });
  return { lang: document.documentElement.lang, shown: halves.filter((h) => !h.hidden).map((h) => h.lang), title: document.title };
}

/** Runs the emitted search.js on the emitted cari page's form, with the site as the network. */
async function runSearch(site: Map<string, string>, q: string, lang: 'id' | 'en' = 'id') {
  const page = site.get(lang === 'id' ? 'cari/index.html' : 'en/cari/index.html')!;
  const formTag = page.match(/<form[^>]*id="search-form"[^>]*>/)![0];
  const unescapeHtml = (v: string) =>
    v.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
  const form = new FakeElement();
  for (const [, name, value] of formTag.matchAll(/data-([a-z-]+)="([^"]*)"/g))
    form.dataset[name!.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = unescapeHtml(value!);
  const input = new FakeElement();
  form.querySelector = () => input;
  const elements: Record<string, FakeElement> = {
    'search-form': form,
    'search-results': new FakeElement(),
    'search-status': new FakeElement(),
    'search-more': new FakeElement(),
  };
  const fetched: string[] = [];
  /** Requests that would answer 404 (a console error in a browser). */
  const missing: string[] = [];
  const context = {
    document: {
      getElementById: (id: string) => elements[id] ?? null,
      querySelectorAll: () => [],
      createElement: () => new FakeElement(),
      documentElement: { lang },
    },
    location: { search: `?q=${encodeURIComponent(q)}` },
    window: { print() {} },
    URLSearchParams,
    fetch: async (url: string) => {
      fetched.push(url);
      const body = site.get(url.slice(1));
      if (body === undefined) missing.push(url);
      return body === undefined ? { ok: false, status: 404 } : { ok: true, status: 200, json: async () => JSON.parse(body) };
    },
  };
  vm.runInNewContext(site.get('assets/search.js')!, context);
  for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  return {
    status: elements['search-status']!.textContent,
    results: elements['search-results']!.children.map((li) => ({
      href: li.children[0]!.href,
      title: li.children[0]!.textContent,
      meta: li.children[1]!.textContent,
    })),
    fetched,
    missing,
  };
}
