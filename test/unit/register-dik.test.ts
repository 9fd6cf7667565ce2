/**
 * The DIK (Daftar Informasi yang Dikecualikan) on the public register: its page in both languages,
 * the period column (an end date, or no time limit for Pasal 17 g/h), the exports (CSV round trip
 * and formula neutralising, JSON shape), escaping, the empty state, `renderDik` against a full
 * render, DIP changes that leave the DIK alone, and no document anywhere in the DIK's files.
 */
import { describe, expect, it } from 'vitest';
import type { DikEntry } from '../../functions/core/exclusion-model.ts';
import type { DocumentRef } from '../../functions/core/item-model.ts';
import { DIK_CSV_COLUMNS } from '../../functions/core/register/dik.ts';
import { DIK_EXPORT_PATHS } from '../../functions/core/register/exports.ts';
import { fileText, type PublishedEntry, type RegisterInput, type SiteFile } from '../../functions/core/register/input.ts';
import { allPages, buildModel } from '../../functions/core/register/model.ts';
import { renderDik, renderFull, renderFullFiles } from '../../web/register/render.ts';
import { parseCsv } from '../support/csv.ts';
import { agencyRecord } from '../support/fixtures.ts';
import { changeThrough } from '../support/register-memory.ts';

// --- fixture ------------------------------------------------------------------------------------------

const AGENCIES = [agencyRecord('diskominfo', 'Dinas Komunikasi dan Informatika', 'ppid_utama'), agencyRecord('dinkes', 'Dinas Kesehatan')];

const HOSTILE_TITLE = `<script>alert(1)</script> "kutip" & <img src=x onerror=alert(2)>`;
const FORMULA_TITLE = `=HYPERLINK("http://contoh.test","klik"), dengan koma`;

function dik(year: number, sequence: number, over: Partial<DikEntry> = {}): DikEntry {
  const decreeDate = `${year}-03-0${(sequence % 9) + 1}`;
  return {
    exclusionId: `ex-${year}-${sequence}`,
    number: `DIK/${year}/${String(sequence).padStart(4, '0')}`,
    year,
    sequence,
    agencyId: 'dinkes',
    title: `Informasi dikecualikan ${year}/${sequence}`,
    legalBasis: { pasal17: ['a'], otherLaws: [] },
    consequence: {
      ifOpened: 'Membuka informasi ini dapat menghambat proses penyidikan yang sedang berjalan.',
      publicInterest: 'Kepentingan penegakan hukum lebih besar daripada kepentingan membukanya saat ini.',
    },
    period: { from: decreeDate, until: `${year + 5}-01-01` },
    decree: { number: `473.2/${sequence}/PPID`, date: decreeDate, place: 'Pontianak', official: 'Dra. Siti Aminah, Kepala Dinas Komunikasi dan Informatika' },
    setAt: `${decreeDate}T03:00:00.000Z`,
    ...over,
  };
}

/** Personal secrets (h): no end date. */
const PERMANENT = dik(2026, 3, {
  title: 'Rekam medis pasien rumah sakit daerah',
  legalBasis: { pasal17: ['h'], otherLaws: [] },
  period: { from: '2026-03-04' },
});
/** Law enforcement and defence (a, c): ends on 1 January 2030. */
const ENDS = dik(2025, 7, { agencyId: 'diskominfo', legalBasis: { pasal17: ['a', 'c'], otherLaws: [] }, period: { from: '2025-03-08', until: '2030-01-01' } });
/** Another law (j) and a title that a spreadsheet would run as a formula. */
const OTHER_LAW = dik(2026, 1, {
  title: FORMULA_TITLE,
  legalBasis: { pasal17: ['j'], otherLaws: [{ law: 'Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan', article: 'Pasal 57 ayat (1)' }] },
});
/** Hostile text everywhere, from an agency the register does not know. */
const HOSTILE = dik(2026, 4, {
  agencyId: 'bpbd',
  title: HOSTILE_TITLE,
  consequence: { ifOpened: '+SUM(A1:A9) <b>tebal</b>', publicInterest: '@import "x"; -1' },
});
/** Given out of order: the register shows them by year, then sequence. */
const DIK = [PERMANENT, HOSTILE, ENDS, OTHER_LAW];
const ORDER = ['DIK/2025/0007', 'DIK/2026/0001', 'DIK/2026/0003', 'DIK/2026/0004'];

const doc = (itemId: string): DocumentRef => ({
  docId: 'd1',
  fileName: 'Laporan.pdf',
  contentType: 'application/pdf',
  kind: 'pdf',
  size: 1000,
  sha256: 'a'.repeat(64),
  key: `items/${itemId}/d1/Laporan.pdf`,
  status: 'verified',
  uploadedBy: 'petugas',
  uploadedAt: '2026-01-02T00:00:00.000Z',
});

function item(agencyId: string, sequence: number, title: string, documents: DocumentRef[] = []): PublishedEntry {
  const publishedAt = `2026-02-0${sequence}T03:00:00.000Z`;
  return {
    itemId: `${agencyId}-2026-${sequence}`,
    agencyId,
    number: `${agencyId.toUpperCase()}/2026/${String(sequence).padStart(4, '0')}`,
    versionNo: 1,
    regYear: 2026,
    sequence,
    approvedBy: 'kepala',
    publishedAt,
    history: [{ versionNo: 1, publishedAt }],
    documents,
    content: {
      title,
      summary: `Ringkasan ${title}.`,
      holder: 'Sekretariat',
      responsible: 'Kepala Dinas',
      createdWhen: 'Januari 2026',
      createdWhere: 'Pontianak',
      formats: ['softcopy'],
      retention: '5 tahun',
      category: 'berkala',
      year: 2026,
      tags: [],
    },
  };
}

const ITEMS = [item('dinkes', 1, 'Profil Kesehatan 2025', [doc('dinkes-2026-1')]), item('diskominfo', 1, 'Daftar Informasi Publik 2026')];

const input = (dikEntries: DikEntry[] = DIK, over: Partial<RegisterInput> = {}): RegisterInput => ({
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat' },
  agencies: AGENCIES,
  items: ITEMS,
  dik: dikEntries,
  generatedAt: '2026-03-10T00:00:00.000Z',
  ...over,
});

// --- helpers ------------------------------------------------------------------------------------------

const siteOf = (files: Iterable<SiteFile>) => new Map([...files].map((f) => [f.path, fileText(f)]));
const DIK_FILES = ['dik/index.html', 'en/dik/index.html', DIK_EXPORT_PATHS.json, DIK_EXPORT_PATHS.csv];

/** The row of one entry on a DIK page. */
function row(page: string, year: number, sequence: number): string {
  const start = page.indexOf(`<tr id="dik-${year}-${sequence}">`);
  expect(start, `row ${year}/${sequence}`).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf('</tr>', start) + 5);
}

// --- tests --------------------------------------------------------------------------------------------

describe('the DIK page', () => {
  const site = siteOf(renderFullFiles(input()));
  const id = site.get('dik/index.html')!;
  const en = site.get('en/dik/index.html')!;

  it('is one page per language, yielded by allPages after the DIP', () => {
    const refs = [...allPages(buildModel(input()))].map((r) => r.kind);
    expect(refs.slice(0, 3)).toEqual(['home', 'dip', 'dik']);
    expect(refs.filter((k) => k === 'dik')).toHaveLength(1);
    expect(id.startsWith('<!doctype html>\n<html lang="id">')).toBe(true);
    expect(en.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(id).toContain('<h1 id="judul">Daftar Informasi yang Dikecualikan</h1>');
    expect(en).toContain('<h1 id="judul">List of excluded information</h1>');
    expect(id).toContain('<link rel="alternate" hreflang="en" href="/en/dik/"/>');
    expect(en).toContain('<link rel="alternate" hreflang="id" href="/dik/"/>');
  });

  it('has a table named by the heading, its caption the count, with the six columns, in both languages', () => {
    const columns = {
      id: ['No.', 'Informasi yang dikecualikan', 'Dasar hukum', 'Konsekuensi', 'Jangka waktu pengecualian', 'Surat penetapan'],
      en: ['No.', 'Excluded information', 'Legal basis', 'Consequence', 'Exclusion period', 'Classification decree'],
    };
    for (const [page, cols] of [
      [id, columns.id],
      [en, columns.en],
    ] as const) {
      const head = page.slice(page.indexOf('<thead>'), page.indexOf('</thead>'));
      expect([...head.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1])).toEqual(cols);
      expect(page).toContain('<table class="dik" data-sortable aria-labelledby="judul dik-cap"><caption id="dik-cap">');
      expect(page.match(/<th scope="row" class="no">/g)).toHaveLength(DIK.length);
    }
    expect(id).toContain('<h1 id="judul">Daftar Informasi yang Dikecualikan</h1>');
    expect(id).toContain('<caption id="dik-cap">4 informasi dikecualikan berlaku</caption>');
  });

  it('orders the entries by year, then sequence', () => {
    for (const page of [id, en]) {
      const numbers = [...page.matchAll(/<th scope="row" class="no">([^<]*)<\/th>/g)].map((m) => m[1]);
      expect(numbers).toEqual(ORDER);
    }
  });

  it('cites UU 14/2008 Pasal 17 and Perki 1/2017, and says the documents are not published and how to object', () => {
    expect(id).toContain('Pasal 17 Undang-Undang Nomor 14 Tahun 2008');
    expect(id).toContain('Peraturan Komisi Informasi Nomor 1 Tahun 2017');
    expect(id).toContain('Dokumen yang dikecualikan tidak diumumkan');
    expect(id).toContain('keberatan');
    expect(en).toContain('Article 17 of Law No. 14 of 2008');
    expect(en).toContain('Perki 1/2017');
    expect(en).toContain('not published');
    expect(en).toContain('objection (keberatan)');
  });

  it('shows no time limit for a g/h entry without an end date', () => {
    expect(row(id, 2026, 3)).toContain('tanpa batas waktu (Pasal 17 huruf g/h)');
    expect(row(en, 2026, 3)).toContain('no time limit (Article 17 g/h)');
    expect(row(id, 2026, 3)).toContain('Sejak <time datetime="2026-03-04">4 Maret 2026</time>');
    expect(row(id, 2026, 3)).not.toContain('sampai');
  });

  it('shows the end date of an a–f entry, inclusive, with its last instant in words in the agency zone', () => {
    expect(row(id, 2025, 7)).toContain('Sejak <time datetime="2025-03-08">8 Maret 2025</time>');
    expect(row(id, 2025, 7)).toContain('<time datetime="2030-01-01">sampai dengan 1 Januari 2030</time>');
    expect(row(id, 2025, 7)).toContain('<time datetime="2030-01-01T23:59:59+07:00">berakhir setelah Selasa, 1 Januari 2030 pukul 23.59 WIB</time>');
    expect(row(en, 2025, 7)).toContain('<time datetime="2030-01-01">up to and including 1 January 2030</time>');
    expect(row(en, 2025, 7)).toContain('ends after Tuesday, 1 January 2030 at 23:59 WIB');
    for (const page of [id, en]) expect(row(page, 2025, 7)).not.toMatch(/tanpa batas|no time limit/);
  });

  it('gives each Pasal 17 letter its text in the page language, and each other law with its article', () => {
    const idRow = row(id, 2025, 7);
    expect(idRow).toContain('Pasal 17 huruf a UU 14/2008: menghambat proses penegakan hukum');
    expect(idRow).toContain('Pasal 17 huruf c UU 14/2008: membahayakan pertahanan dan keamanan negara');
    expect(row(en, 2025, 7)).toContain('Article 17(a) of UU 14/2008: would obstruct law enforcement');
    expect(row(en, 2025, 7)).toContain('Article 17(c) of UU 14/2008: would endanger national defence and security');
    expect(row(en, 2026, 1)).toContain('<li lang="id">Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan Pasal 57 ayat (1)</li>');
    expect(row(id, 2026, 1)).toContain('<li>Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan Pasal 57 ayat (1)</li>');
  });

  it('shows the title with its agency, the consequence and the decree; item content is marked Indonesian on English pages', () => {
    const r = row(en, 2025, 7);
    expect(r).toContain(`<div class="title" lang="id">${ENDS.title}</div><div class="meta">Dinas Komunikasi dan Informatika</div>`);
    expect(r).toContain(`<dt>If opened</dt><dd lang="id">${ENDS.consequence.ifOpened}</dd>`);
    expect(r).toContain(`<dt>Public interest weighed</dt><dd lang="id">${ENDS.consequence.publicInterest}</dd>`);
    expect(r).toContain(`<dd>${ENDS.decree.number}</dd>`);
    expect(r).toContain('<time datetime="2025-03-08">8 March 2025</time>');
    expect(r).toContain('<dd lang="id">Pontianak</dd>');
    expect(r).toContain(`<dd lang="id">${ENDS.decree.official}</dd>`);
    const ri = row(id, 2025, 7);
    expect(ri).toContain(`<div class="title">${ENDS.title}</div>`);
    expect(ri).toContain('<dt>Bila dibuka</dt><dd>');
    expect(ri).toContain('<dt>Nomor</dt>');
    expect(ri).toContain('<dt>Pejabat yang menetapkan</dt>');
    // An agency the register does not know shows under its id.
    expect(row(id, 2026, 4)).toContain('<div class="meta">bpbd</div>');
  });

  it('links the two exports, and prints (hint and print button without JavaScript hidden)', () => {
    for (const page of [id, en]) {
      expect(page).toContain('href="/data/dik.csv" type="text/csv" download="dik.csv"');
      expect(page).toContain('href="/data/dik.json" type="application/json"');
      expect(page).toContain('<p class="hint no-print">');
      expect(page).toContain('<button type="button" data-print hidden>');
    }
    expect(id).toContain('kertas A4 mendatar');
  });

  it('never turns content into markup, and has no inline script, style or handler', () => {
    for (const page of [id, en]) {
      expect(page).not.toContain('<script>alert');
      expect(page).not.toContain('<img src=x');
      expect(page).not.toContain('<b>tebal</b>');
      expect(page).toContain('&lt;script>alert(1)&lt;/script> &quot;kutip&quot; &amp; &lt;img src=x onerror=alert(2)>');
      for (const [tag] of page.matchAll(/<[a-z][^<>]*>/gi)) expect(tag).not.toMatch(/\s(on[a-z]+|style)=/i);
      expect(page).not.toMatch(/<style/i);
      for (const [tag] of page.matchAll(/<script[^>]*>/g)) expect(tag).toBe('<script src="/assets/search.js" defer>');
    }
  });

  it('links only to files of the site (no document)', () => {
    for (const page of [id, en]) {
      for (const [, target] of page.matchAll(/href="(\/[^"#]*)/g)) {
        const key = decodeURIComponent(target!.slice(1));
        const file = key === '' || key.endsWith('/') ? `${key}index.html` : key;
        expect(site.has(file), target).toBe(true);
      }
    }
  });
});

describe('navigation and home', () => {
  const site = siteOf(renderFullFiles(input()));

  it('puts the DIK in the main menu after the DIP, on every page', () => {
    for (const [path, body] of site) {
      if (!path.endsWith('.html') || path === '404.html') continue; // the not-found page has no menu (register.test.ts)
      const en = path.startsWith('en/');
      const menu = body.slice(body.indexOf('<nav class="wrap menu"'), body.indexOf('</nav>', body.indexOf('<nav class="wrap menu"')));
      const links = [...menu.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
      expect(links, path).toEqual(
        en
          ? ['/en/', '/en/dip/', '/en/dik/', '/en/cari/', '/en/permohonan/', '/en/keberatan/', '/en/laporan/', '/en/#data-terbuka']
          : ['/', '/dip/', '/dik/', '/cari/', '/permohonan/', '/keberatan/', '/laporan/', '/#data-terbuka'],
      );
    }
    expect(site.get('dik/index.html')).toContain('<a href="/dik/" aria-current="page">Daftar Informasi yang Dikecualikan</a>');
    expect(site.get('en/dik/index.html')).toContain('<a href="/en/dik/" aria-current="page">List of excluded information</a>');
  });

  it('shows on home how many entries are in force, and links the DIK exports with the open data', () => {
    const home = site.get('index.html')!;
    const homeEn = site.get('en/index.html')!;
    expect(home).toContain('<h2 id="dik-h">Daftar Informasi yang Dikecualikan</h2>');
    expect(home).toContain('<a href="/dik/">Daftar Informasi yang Dikecualikan (4 informasi dikecualikan berlaku)</a>');
    expect(homeEn).toContain('<a href="/en/dik/">List of excluded information (4 excluded entries in force)</a>');
    const openData = home.slice(home.indexOf('<section id="data-terbuka"'), home.indexOf('</section>', home.indexOf('<section id="data-terbuka"')));
    expect(openData).toContain('href="/data/dip.csv"');
    expect(openData).toContain('href="/data/dik.csv"');
    expect(openData).toContain('href="/data/dik.json"');
    expect(siteOf(renderFullFiles(input([ENDS]))).get('en/index.html')).toContain('(1 excluded entry in force)');
  });
});

describe('the DIK exports', () => {
  const site = siteOf(renderFullFiles(input()));

  it('writes dik.csv: BOM, CRLF, RFC 4180 quoting, an Indonesian header, formulas neutralised', () => {
    const csv = site.get(DIK_EXPORT_PATHS.csv)!;
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...DIK_CSV_COLUMNS]);
    expect(rows[0]?.slice(0, 2)).toEqual(['Nomor', 'Informasi yang dikecualikan']);
    expect(rows).toHaveLength(DIK.length + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual(ORDER);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([DIK_CSV_COLUMNS.length]));
    const col = (name: (typeof DIK_CSV_COLUMNS)[number]) => DIK_CSV_COLUMNS.indexOf(name);
    const byNo = (n: string) => rows.find((r) => r[0] === n)!;
    // Round trip: quotes, commas and the formula survive, the formula neutralised.
    expect(byNo('DIK/2026/0001')[col('Informasi yang dikecualikan')]).toBe(`'${FORMULA_TITLE}`);
    expect(byNo('DIK/2026/0001')[col('Dasar hukum')]).toBe(
      'UU 14/2008 Pasal 17 huruf j; Undang-Undang Nomor 36 Tahun 2009 tentang Kesehatan Pasal 57 ayat (1)',
    );
    expect(byNo('DIK/2026/0004')[col('Informasi yang dikecualikan')]).toBe(HOSTILE_TITLE);
    expect(byNo('DIK/2026/0004')[col('Konsekuensi bila dibuka')]).toBe("'+SUM(A1:A9) <b>tebal</b>");
    expect(byNo('DIK/2026/0004')[col('Pertimbangan kepentingan publik')]).toBe(`'@import "x"; -1`);
    expect(byNo('DIK/2026/0004')[col('Instansi')]).toBe('bpbd');
    expect(byNo('DIK/2025/0007')[col('Instansi')]).toBe('Dinas Komunikasi dan Informatika');
    expect(byNo('DIK/2025/0007')[col('Berlaku sejak')]).toBe('2025-03-08');
    expect(byNo('DIK/2025/0007')[col('Berlaku sampai dengan')]).toBe('2030-01-01');
    expect(byNo('DIK/2025/0007')[col('Berakhir setelah')]).toBe('2030-01-01T23:59:59+07:00');
    expect(byNo('DIK/2026/0003')[col('Berlaku sampai dengan')]).toBe('tanpa batas waktu (Pasal 17 huruf g/h)');
    expect(byNo('DIK/2026/0003')[col('Berakhir setelah')]).toBe('');
    expect(byNo('DIK/2025/0007')[col('Nomor surat penetapan')]).toBe(ENDS.decree.number);
    expect(byNo('DIK/2025/0007')[col('Pejabat yang menetapkan')]).toBe(ENDS.decree.official);
    expect(byNo('DIK/2025/0007')[col('Tautan')]).toBe('/dik/#dik-2025-7');
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes dik.json: generatedAt, count and one item per entry with exactly the published fields', () => {
    const json = JSON.parse(site.get(DIK_EXPORT_PATHS.json)!);
    expect(Object.keys(json)).toEqual(['generatedAt', 'count', 'items']);
    expect(json.generatedAt).toBe('2026-03-10T00:00:00.000Z');
    expect(json.count).toBe(DIK.length);
    expect(json.items).toHaveLength(DIK.length);
    expect(json.items.map((i: { number: string }) => i.number)).toEqual(ORDER);
    for (const i of json.items)
      expect(Object.keys(i)).toEqual([
        'number',
        'title',
        'agencyId',
        'agencyName',
        'legalBasis',
        'legalBasisText',
        'consequence',
        'period',
        'decree',
        'setAt',
        'url',
      ]);
    expect(json.items[0]).toEqual({
      number: 'DIK/2025/0007',
      title: ENDS.title,
      agencyId: 'diskominfo',
      agencyName: 'Dinas Komunikasi dan Informatika',
      legalBasis: { pasal17: ['a', 'c'], otherLaws: [] },
      legalBasisText: 'UU 14/2008 Pasal 17 huruf a, c',
      consequence: ENDS.consequence,
      period: { from: '2025-03-08', until: '2030-01-01', endsAfter: '2030-01-01T23:59:59+07:00' },
      decree: ENDS.decree,
      setAt: ENDS.setAt,
      url: '/dik/#dik-2025-7',
    });
    const permanent = json.items.find((i: { number: string }) => i.number === 'DIK/2026/0003');
    expect(permanent.period).toEqual({ from: '2026-03-04', until: null, endsAfter: null });
    const hostile = json.items.find((i: { number: string }) => i.number === 'DIK/2026/0004');
    expect(hostile.title).toBe(HOSTILE_TITLE);
    expect(hostile.agencyName).toBe('bpbd');
    // Absolute links when the site's origin is known.
    const abs = JSON.parse(fileText(renderDik(input(DIK, { siteUrl: 'https://ppid.example.go.id/' })).find((f) => f.path === DIK_EXPORT_PATHS.json)!));
    expect(abs.items[0].url).toBe('https://ppid.example.go.id/dik/#dik-2025-7');
  });

  it('types the files, and lists them in the DCAT catalogue as a dataset of their own', () => {
    const files = [...renderFullFiles(input())];
    expect(files.find((f) => f.path === DIK_EXPORT_PATHS.json)?.contentType).toBe('application/json; charset=utf-8');
    expect(files.find((f) => f.path === DIK_EXPORT_PATHS.csv)?.contentType).toBe('text/csv; charset=utf-8; header=present');
    const catalog = JSON.parse(site.get('data/catalog.jsonld')!);
    const dik = catalog['dcat:dataset'].find((d: { 'dct:identifier': string }) => d['dct:identifier'] === 'dik');
    expect(dik['dcat:landingPage']).toEqual({ '@id': '/dik/' });
    expect(dik['dcat:distribution'].map((d: { 'dcat:downloadURL': { '@id': string } }) => d['dcat:downloadURL']['@id'])).toEqual([
      '/data/dik.json',
      '/data/dik.csv',
    ]);
    // Dated by its newest entry; its period runs from the first decree to the last end (one entry has none: open).
    expect(dik['dct:modified']['@value']).toBe(
      DIK.map((e) => e.setAt)
        .sort()
        .at(-1),
    );
    expect(dik['dct:temporal']['dcat:startDate']['@value']).toBe(DIK.map((e) => e.period.from).sort()[0]);
    expect(dik['dct:temporal']['dcat:endDate']).toBeUndefined();
    expect(files.filter((f) => DIK_FILES.includes(f.path))).toHaveLength(DIK_FILES.length);
  });
});

describe('renderDik', () => {
  it('writes exactly the DIK page, home and the DIK exports, byte for byte as a full render', () => {
    const files = renderDik(input());
    expect(files.map((f) => f.path)).toEqual([
      'dik/index.html',
      'en/dik/index.html',
      'index.html',
      'en/index.html',
      'data/dik.json',
      'data/dik.csv',
      // the DIK's dates in the catalogue, and the lastmod of the DIK page and home in the sitemap
      'data/catalog.jsonld',
      'sitemap.xml',
      'sitemap/umum.xml',
    ]);
    const full = new Map([...renderFullFiles(input())].map((f) => [f.path, f]));
    for (const f of files) {
      expect(fileText(f), f.path).toBe(fileText(full.get(f.path)!));
      expect(f.contentType, f.path).toBe(full.get(f.path)!.contentType);
    }
  });

  it('after an entry is set, differs from the register before it exactly where a full render does', () => {
    const before = siteOf(renderFullFiles(input([ENDS, OTHER_LAW])));
    const after = siteOf(renderFullFiles(input([ENDS, OTHER_LAW, PERMANENT])));
    const changed = [...after].filter(([p, body]) => before.get(p) !== body).map(([p]) => p);
    expect(changed.sort()).toEqual(
      renderDik(input([ENDS, OTHER_LAW, PERMANENT]))
        .map((f) => f.path)
        .sort(),
    );
  });

  it('renders the empty state when there are no entries', () => {
    const site = siteOf(renderDik(input([])));
    expect(site.get('dik/index.html')).toContain('<p>Belum ada informasi yang ditetapkan sebagai informasi yang dikecualikan.</p>');
    expect(site.get('en/dik/index.html')).toContain('<p>No information has been classified as excluded.</p>');
    for (const p of ['dik/index.html', 'en/dik/index.html']) {
      expect(site.get(p)).not.toContain('<table');
      expect(site.get(p)).toContain('href="/data/dik.csv"');
    }
    expect(site.get('index.html')).toContain('(0 informasi dikecualikan berlaku)');
    expect(site.get('en/index.html')).toContain('(0 excluded entries in force)');
    expect(JSON.parse(site.get(DIK_EXPORT_PATHS.json)!)).toEqual({ generatedAt: '2026-03-10T00:00:00.000Z', count: 0, items: [] });
    expect(site.get(DIK_EXPORT_PATHS.csv)).toBe(`\uFEFF${DIK_CSV_COLUMNS.join(',')}\r\n`);
  });
});

describe('the DIK and the DIP apart', () => {
  it('carries and links no document: no berkas/ in the DIK files, even with a document smuggled into an entry', () => {
    const smuggled = { ...ENDS, documents: [{ key: 'exclusions/x/secret.pdf', url: '/berkas/x/secret.pdf' }] } as DikEntry;
    const plan = renderFull(input([smuggled, PERMANENT]));
    const site = siteOf(plan.put);
    expect(site.get('informasi/dinkes/2026/1.html')).toContain('/berkas/'); // the DIP's own documents are there
    for (const p of DIK_FILES) {
      expect(site.get(p), p).not.toContain('berkas/');
      expect(site.get(p), p).not.toContain('secret.pdf');
      expect(site.get(p), p).not.toContain('exclusions/x');
    }
    for (const f of renderDik(input([smuggled, PERMANENT]))) expect(fileText(f), f.path).not.toContain('berkas/');
    // Copies are the DIP's documents only.
    expect(plan.copies).toEqual([{ from: 'items/dinkes-2026-1/d1/Laporan.pdf', to: 'berkas/dinkes-2026-1/d1/Laporan.pdf' }]);
  });

  it('a DIP change writes no DIK file, and leaves home alone unless it shows the change', async () => {
    const added = item('dinkes', 2, 'Laporan Keuangan Dinas Kesehatan 2025');
    const { items: _i, generatedAt: _g, ...base } = input(DIK);
    const times = { builtAt: '2026-01-01T00:00:00.000Z', now: '2026-03-11T00:00:00.000Z' };
    const { plan } = await changeThrough(base, ITEMS, [...ITEMS, added], [{ itemId: added.itemId, after: added }], times);
    const paths = plan.put.map((f) => f.path);
    for (const p of DIK_FILES) expect(paths).not.toContain(p);
    expect(paths).toContain('index.html'); // it is among the latest
    // The DIK page does not depend on the DIP: the same with or without the new item.
    const withItem = siteOf(renderFullFiles(input(DIK, { items: [...ITEMS, added] })));
    const without = siteOf(renderFullFiles(input()));
    for (const p of ['dik/index.html', 'en/dik/index.html', DIK_EXPORT_PATHS.csv, DIK_EXPORT_PATHS.json]) expect(withItem.get(p), p).toBe(without.get(p));
  });
});
