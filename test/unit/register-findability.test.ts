/**
 * The register's open data, SEO and findability (issue 16, points 17–19):
 * - the DCAT-AP 3 catalogue read by a strict JSON-LD processor (safe mode: a relative IRI or an
 *   undefined term is an error), every IRI absolute, licence on every resource, the PPID's contact,
 *   formats and media types as IRIs, the recommended properties, every dataset of /data/;
 * - the CSV exports' links absolute;
 * - every page's meta description, canonical URL and hreflang alternates, absolute;
 * - robots.txt and the sitemap (index and parts, strict XML) listing every page in both languages
 *   with alternates and lastmod, and an incremental change rewriting only the parts it touches.
 */
import { describe, expect, it } from 'vitest';
import type { ItemContent } from '../../functions/core/item-model.ts';
import { PublicBodyPatch } from '../../functions/core/public-body.ts';
import type { PublicAnnualReport } from '../../functions/core/register/annual.ts';
import { FILE_TYPE, THEME_GOVERNMENT, telUri } from '../../functions/core/register/exports.ts';
import { fileText, type PublishedEntry, type RegisterInput, type SitePlan } from '../../functions/core/register/input.ts';
import { allPages, buildModel, href, LANGS, localPath, pagePath } from '../../functions/core/register/model.ts';
import type { PublicRequestEntry } from '../../functions/core/register/requests.ts';
import { PART_SEQUENCES } from '../../functions/core/register/sitemap.ts';
import { siteKey } from '../../functions/core/register-update.ts';
import { renderDik, renderFull } from '../../web/register/render.ts';
import { parseCsv } from '../support/csv.ts';
import { agencyRecord, publishedEntry } from '../support/fixtures.ts';
import { catalogQuads, irisOf, isAbsoluteIri, pageHead, sitemapIndex, sitemapUrls } from '../support/register-checks.ts';
import { changeThrough } from '../support/register-memory.ts';

const BASE = 'https://ppid.kalbarprov.go.id';
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const VCARD = 'http://www.w3.org/2006/vcard/ns#';
const CC_BY = 'https://creativecommons.org/licenses/by/4.0/';

const AGENCIES = [
  agencyRecord('diskominfo', 'Dinas Komunikasi dan Informatika', 'ppid_utama', {
    email: 'ppid@kalbarprov.go.id',
    phone: '(0561) 736541',
    address: 'Jl. Ahmad Yani, Pontianak',
  }),
  agencyRecord('dinkes', 'Dinas Kesehatan', 'skpd', { parentId: 'diskominfo' }),
];

function entry(agencyId: string, regYear: number, sequence: number, content: Partial<ItemContent> & { title: string }, publishedAt: string): PublishedEntry {
  const e = publishedEntry(agencyId, regYear, sequence, {
    publishedAt,
    content: { summary: `Ringkasan ${content.title} yang disediakan bagi masyarakat.`, year: regYear - 1, ...content },
  });
  return {
    ...e,
    documents: [
      {
        docId: 'd1',
        fileName: 'berkas utama.pdf',
        contentType: 'application/pdf',
        kind: 'pdf',
        size: 2048,
        sha256: 'b'.repeat(64),
        key: `items/${e.itemId}/d1/berkas utama.pdf`,
        status: 'verified',
        uploadedBy: 'petugas',
        uploadedAt: publishedAt,
      },
    ],
  };
}

const ITEMS = [
  entry('diskominfo', 2026, 1, { title: 'Daftar Informasi Publik 2026', category: 'setiap_saat' }, '2026-02-02T03:00:00.000Z'),
  entry(
    'dinkes',
    2025,
    1,
    { title: 'Profil Kesehatan 2024', summary: 'Gambaran derajat kesehatan masyarakat Kalimantan Barat tahun 2024.' },
    '2025-05-01T02:00:00.000Z',
  ),
  entry('dinkes', 2026, 1, { title: 'Laporan Keuangan Dinas Kesehatan 2025' }, '2026-02-10T02:00:00.000Z'),
];

const DIK_ENTRY = {
  exclusionId: 'ex-1',
  number: 'DIK/2026/0001',
  year: 2026,
  sequence: 1,
  agencyId: 'dinkes',
  title: 'Rekam medis pasien',
  legalBasis: { pasal17: ['h' as const], otherLaws: [] },
  consequence: { ifOpened: 'Membuka rahasia pribadi.', publicInterest: 'Perlindungan data pribadi.' },
  period: { from: '2026-01-15', until: '2031-01-14' },
  decree: { number: '473/1/PPID', date: '2026-01-15', place: 'Pontianak', official: 'Kepala Dinas' },
  setAt: '2026-01-15T04:00:00.000Z',
};

const REQUEST: PublicRequestEntry = {
  requestId: '2026-00001',
  number: 'PMH/2026/00001',
  year: 2026,
  information: 'Data cakupan imunisasi 2025',
  receivedOn: '2026-02-02',
  answeredAt: '2026-02-09T03:00:00.000Z',
  held: true,
  decision: 'granted',
  extended: false,
  parts: [],
};

const ANNUAL: PublicAnnualReport = {
  reportId: 'r-2025',
  year: 2025,
  number: 'LAP/2025/0001',
  title: { id: 'Laporan Layanan Informasi Publik 2025', en: 'Public Information Service Report 2025' },
  periodText: { id: '1 Januari–31 Desember 2025', en: '1 January–31 December 2025' },
  asOf: '2026-01-31T16:59:59.000Z',
  asOfText: { id: '31 Januari 2026', en: '31 January 2026' },
  issuedAt: '2026-02-03T03:00:00.000Z',
  approvedAt: '2026-02-04T03:00:00.000Z',
  pdf: { key: 'reports/r-2025.pdf', size: 40_960, sha256: 'c'.repeat(64) },
  data: { key: 'reports/r-2025.json', size: 8_192, sha256: 'd'.repeat(64) },
};

const input = (items = ITEMS, over: Partial<RegisterInput> = {}): RegisterInput => ({
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat' },
  agencies: AGENCIES,
  items,
  dik: [DIK_ENTRY],
  requests: [REQUEST],
  annualReports: [ANNUAL],
  generatedAt: '2026-03-01T00:00:00.000Z',
  siteUrl: `${BASE}/`,
  ...over,
});

const siteOf = (plan: SitePlan) => new Map(plan.put.map((f) => [f.path, fileText(f)]));

// --- point 17: open data --------------------------------------------------------------------------------

type Node = Record<string, unknown[]>;
const ids = (n: Node | undefined, p: string) => ((n?.[p] ?? []) as { '@id'?: string }[]).map((v) => v['@id']).filter((v): v is string => !!v);
const values = (n: Node | undefined, p: string) => ((n?.[p] ?? []) as { '@value'?: string }[]).map((v) => v['@value']);

describe('the DCAT catalogue', () => {
  const site = siteOf(renderFull(input()));
  const catalogText = site.get('data/catalog.jsonld')!;

  it('is read by a strict JSON-LD processor, and every IRI in it is absolute', async () => {
    const { quads } = await catalogQuads(catalogText);
    expect(quads.length).toBeGreaterThan(150);
    const iris = quads.flatMap(irisOf);
    for (const iri of iris) expect(isAbsoluteIri(iri), iri).toBe(true);
    // The register's own IRIs are on its base URL.
    expect(iris).toContain(`${BASE}/data/catalog.jsonld`);
    expect(iris).toContain(`${BASE}/data/dik.csv`);
  });

  it('is refused by the same check when the register has no base URL (the check can fail)', async () => {
    const relative = siteOf(renderFull(input(ITEMS, { siteUrl: '' }))).get('data/catalog.jsonld')!;
    await expect(catalogQuads(relative)).rejects.toThrow(/Safe mode validation error/);
  });

  it('names the licence on the catalogue, every dataset and every distribution, and the PPID as contact', async () => {
    const { expanded } = await catalogQuads(catalogText);
    const [catalog] = expanded as Node[];
    expect(catalog!['@type']).toEqual([`${DCAT}Catalog`]);
    expect(ids(catalog, `${DCT}license`)).toEqual([CC_BY]);
    const datasets = catalog![`${DCAT}dataset`] as Node[];
    expect(datasets.map((d) => values(d, `${DCT}identifier`)[0])).toEqual(['dip', 'dik', 'permohonan', 'laporan-tahunan']);
    for (const d of [catalog!, ...datasets]) {
      const contact = (d[`${DCAT}contactPoint`] as Node[])[0]!;
      expect(contact['@type']).toEqual([`${VCARD}Organization`]);
      expect(values(contact, `${VCARD}fn`)).toEqual(['PPID Dinas Komunikasi dan Informatika']);
      expect(ids(contact, `${VCARD}hasEmail`)).toEqual(['mailto:ppid@kalbarprov.go.id']);
      expect(ids(contact, `${VCARD}hasTelephone`)).toEqual(['tel:+62561736541']);
    }
    const distributions = datasets.flatMap((d) => d[`${DCAT}distribution`] as Node[]);
    // DIP, DIK and the request log: JSON and CSV each; the annual reports: the index, and the year's PDF
    // and data; the DIP's index of parts, and each part (an agency's registration year) as JSON and CSV.
    const parts = new Set(ITEMS.map((e) => `${e.agencyId}/${e.regYear}`)).size;
    expect(parts).toBeGreaterThan(1);
    expect(distributions).toHaveLength(9 + 1 + 2 * parts);
    for (const d of [...datasets, ...distributions]) expect(ids(d, `${DCT}license`), JSON.stringify(d['@id'])).toEqual([CC_BY]);
  });

  it('takes the licence and the region from the body’s settings', async () => {
    const own = siteOf(
      renderFull(
        input(ITEMS, {
          publicBody: {
            name: 'Pemerintah Provinsi Kalimantan Barat',
            openDataLicense: 'https://creativecommons.org/publicdomain/zero/1.0/',
            region: { name: 'Kalimantan Barat', iri: 'http://www.wikidata.org/entity/Q3916' },
          },
        }),
      ),
    ).get('data/catalog.jsonld')!;
    const { expanded } = await catalogQuads(own);
    const [catalog] = expanded as Node[];
    const datasets = catalog![`${DCAT}dataset`] as Node[];
    for (const d of [catalog!, ...datasets]) {
      expect(ids(d, `${DCT}license`)).toEqual(['https://creativecommons.org/publicdomain/zero/1.0/']);
      expect(ids(d, `${DCT}spatial`)).toEqual(['http://www.wikidata.org/entity/Q3916']);
    }
  });

  it('follows DCAT-AP 3: formats and media types as IRIs, theme, spatial, temporal, and a description on each distribution', async () => {
    const { expanded } = await catalogQuads(catalogText);
    const datasets = (expanded[0] as Node)[`${DCAT}dataset`] as Node[];
    for (const d of datasets) {
      const name = values(d, `${DCT}identifier`)[0];
      expect(ids(d, `${DCAT}theme`), name).toEqual([THEME_GOVERNMENT]);
      expect(ids(d, `${DCT}spatial`), name).toEqual(['http://publications.europa.eu/resource/authority/country/IDN']);
      const period = (d[`${DCT}temporal`] as Node[] | undefined)?.[0];
      expect(values(period, `${DCAT}startDate`)[0], name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(ids(d, `${DCAT}landingPage`)[0], name).toMatch(new RegExp(`^${BASE}/`));
      expect(values(d, `${DCT}description`).length, name).toBe(2);
      for (const dist of d[`${DCAT}distribution`] as Node[]) {
        const at = String(dist['@id']);
        expect(dist[`${DCT}format`], at).toHaveLength(1);
        expect(Object.values(FILE_TYPE), at).toContain(ids(dist, `${DCT}format`)[0]);
        expect(ids(dist, `${DCAT}mediaType`)[0], at).toMatch(/^https:\/\/www\.iana\.org\/assignments\/media-types\/(text|application)\/(csv|json|pdf)$/);
        expect(values(dist, `${DCT}description`).length, at).toBe(2);
        expect(ids(dist, `${DCAT}downloadURL`), at).toEqual([at]);
      }
    }
    const dip = datasets[0]!;
    const period = (dip[`${DCT}temporal`] as Node[])[0];
    // The DIP's information years (2024 and 2025 in the fixture).
    expect([values(period, `${DCAT}startDate`)[0], values(period, `${DCAT}endDate`)[0]]).toEqual(['2024-01-01', '2025-12-31']);
    const annual = datasets[3]!;
    expect((annual[`${DCAT}distribution`] as Node[]).map((x) => x['@id'])).toEqual([
      `${BASE}/data/laporan-tahunan.json`,
      `${BASE}/laporan/2025/LAP-2025-0001.pdf`,
      `${BASE}/data/laporan-tahunan/2025.json`,
    ]);
  });

  it('takes the settings through the public body’s PATCH: a licence IRI and a region, both checked', () => {
    const ok = PublicBodyPatch.parse({
      openDataLicense: 'https://creativecommons.org/licenses/by-sa/4.0/',
      region: { name: 'Kalimantan Barat', iri: 'http://www.wikidata.org/entity/Q3916' },
    });
    expect(ok.region?.name).toBe('Kalimantan Barat');
    expect(PublicBodyPatch.safeParse({ openDataLicense: 'CC BY 4.0' }).success).toBe(false);
    expect(PublicBodyPatch.safeParse({ region: { name: 'K', iri: 'wilayah' } }).success).toBe(false);
    expect(PublicBodyPatch.safeParse({ region: { name: 'Kalbar', extra: 1 } }).success).toBe(false);
  });

  it('writes phone numbers as global tel: URIs', () => {
    expect(telUri('(0561) 736541')).toBe('tel:+62561736541');
    expect(telUri('+62 561 736541')).toBe('tel:+62561736541');
    expect(telUri('0812-3456-7890')).toBe('tel:+6281234567890');
    expect(telUri('12')).toBeUndefined();
  });

  it('is rewritten by a DIK change, with the DIK’s new date', () => {
    const later = { ...DIK_ENTRY, exclusionId: 'ex-2', number: 'DIK/2026/0002', sequence: 2, setAt: '2026-02-20T04:00:00.000Z' };
    const files = new Map(renderDik(input(ITEMS, { dik: [DIK_ENTRY, later] })).map((f) => [f.path, fileText(f)]));
    const dik = JSON.parse(files.get('data/catalog.jsonld')!)['dcat:dataset'].find((d: { 'dct:identifier': string }) => d['dct:identifier'] === 'dik');
    expect(dik['dct:modified']['@value']).toBe('2026-02-20T04:00:00.000Z');
  });
});

describe('the CSV exports', () => {
  const site = siteOf(renderFull(input()));

  it('link every page and document absolutely', () => {
    const [head, ...rows] = parseCsv(site.get('data/dip.csv')!.replace(/^\uFEFF/, ''));
    const link = head!.indexOf('Tautan');
    const docs = head!.indexOf('Dokumen');
    expect(rows).toHaveLength(ITEMS.length);
    for (const row of rows) {
      expect(row[link]).toMatch(new RegExp(`^${BASE}/informasi/[a-z]+/\\d{4}/\\d+\\.html$`));
      expect(row[docs]).toMatch(new RegExp(`^${BASE}/berkas/`));
    }
    const [dikHead, ...dikRows] = parseCsv(site.get('data/dik.csv')!.replace(/^\uFEFF/, ''));
    expect(dikRows[0]![dikHead!.indexOf('Tautan')]).toBe(`${BASE}/dik/#dik-2026-1`);
  });
});

// --- point 18: SEO ------------------------------------------------------------------------------------

describe('every page’s head', () => {
  const site = siteOf(renderFull(input()));
  const m = buildModel(input());

  it('has a description from its content, and absolute canonical and hreflang links', () => {
    let pages = 0;
    for (const ref of allPages(m)) {
      for (const lang of LANGS) {
        const path = localPath(pagePath(ref), lang);
        const head = pageHead(site.get(path)!);
        expect(head.description?.length ?? 0, path).toBeGreaterThan(40);
        expect(head.description!.length, path).toBeLessThanOrEqual(200);
        expect(head.canonical, path).toBe(`${BASE}${href(pagePath(ref), lang)}`);
        expect(head.alternates, path).toEqual({
          id: `${BASE}${href(pagePath(ref), 'id')}`,
          en: `${BASE}${href(pagePath(ref), 'en')}`,
          'x-default': `${BASE}${href(pagePath(ref), 'id')}`,
        });
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(40);
  });

  it('describes a page by what it shows: the item’s summary, the DIP’s counts, the DIK’s', () => {
    expect(pageHead(site.get('informasi/dinkes/2025/1.html')!).description).toBe('Gambaran derajat kesehatan masyarakat Kalimantan Barat tahun 2024.');
    expect(pageHead(site.get('dip/index.html')!).description).toBe(
      'DIP konsolidasi Pemerintah Provinsi Kalimantan Barat: 3 informasi (berkala 2, serta-merta 0, tersedia setiap saat 1) dari 2 perangkat daerah, tahun registrasi 2025–2026.',
    );
    expect(pageHead(site.get('en/dip/index.html')!).description).toMatch(/^Consolidated DIP of Pemerintah Provinsi Kalimantan Barat: 3 items \(/);
    expect(pageHead(site.get('dik/index.html')!).description).toMatch(/: 1 informasi dikecualikan berlaku,/);
    expect(pageHead(site.get('cari/index.html')!).description).toMatch(/^Cari informasi publik/);
    // A long summary is cut at a word, within 200 characters.
    const long = entry('dinkes', 2026, 2, { title: 'Panjang', summary: `${'kata '.repeat(80)}akhir` }, '2026-02-11T00:00:00.000Z');
    const d = pageHead(siteOf(renderFull(input([...ITEMS, long]))).get('informasi/dinkes/2026/2.html')!).description!;
    expect(d.length).toBeLessThanOrEqual(200);
    expect(d).toMatch(/kata…$/);
  });
});

// --- point 19: robots.txt and the sitemap -------------------------------------------------------------

describe('robots.txt and the sitemap', () => {
  const plan = renderFull(input());
  const site = siteOf(plan);
  const m = buildModel(input());

  it('allows every crawler and names the sitemap index by its absolute URL', () => {
    expect(site.get('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${BASE}/sitemap.xml\n`);
    expect(plan.put.find((f) => f.path === 'robots.txt')?.contentType).toBe('text/plain; charset=utf-8');
    expect(plan.put.find((f) => f.path === 'sitemap.xml')?.contentType).toBe('application/xml; charset=utf-8');
  });

  it('lists every page once per language, with its three alternates, in parts the index names', () => {
    const parts = sitemapIndex(site.get('sitemap.xml')!);
    expect(parts.map((p) => p.loc)).toEqual([
      `${BASE}/sitemap/umum.xml`,
      `${BASE}/sitemap/dip/diskominfo/2026-1.xml`,
      `${BASE}/sitemap/dip/dinkes/2025-1.xml`,
      `${BASE}/sitemap/dip/dinkes/2026-1.xml`,
    ]);
    const urls = parts.flatMap((p) => sitemapUrls(site.get(p.loc.slice(BASE.length + 1))!));
    const expected = [...allPages(m)].flatMap((ref) => LANGS.map((lang) => `${BASE}${href(pagePath(ref), lang)}`));
    expect(urls.map((u) => u.loc).sort()).toEqual(expected.sort());
    for (const u of urls) {
      const id = u.alternates.id!;
      expect(u.alternates, u.loc).toEqual({ id, en: id.replace(BASE, `${BASE}/en`), 'x-default': id });
      expect([u.alternates.id, u.alternates.en], u.loc).toContain(u.loc);
    }
    // Every file of the sitemap is strict XML (sitemapUrls throws otherwise), and within the protocol's limits.
    for (const p of parts) expect(site.get(p.loc.slice(BASE.length + 1))!.length).toBeLessThan(50 * 1024 * 1024);
    expect(PART_SEQUENCES).toBeLessThanOrEqual(20_000);
  });

  it('dates each page by its content, or by the last full build when it has none', () => {
    const built = siteOf(renderFull(input(ITEMS, { builtAt: '2026-01-01T00:00:00.000Z' })));
    const urls = sitemapUrls(built.get('sitemap/dip/dinkes/2026-1.xml')!);
    expect(urls.find((u) => u.loc === `${BASE}/informasi/dinkes/2026/1.html`)?.lastmod).toBe('2026-02-10T02:00:00Z');
    const shared = sitemapUrls(built.get('sitemap/umum.xml')!);
    expect(shared.find((u) => u.loc === `${BASE}/`)?.lastmod).toBe('2026-02-10T02:00:00Z');
    expect(shared.find((u) => u.loc === `${BASE}/dik/`)?.lastmod).toBe('2026-01-15T04:00:00Z');
    expect(shared.find((u) => u.loc === `${BASE}/permohonan/daftar/`)?.lastmod).toBe('2026-02-09T03:00:00Z');
    expect(shared.find((u) => u.loc === `${BASE}/cari/`)?.lastmod).toBe('2026-01-01T00:00:00Z');
    // A build after the content: every page was written then.
    const rebuilt = sitemapUrls(siteOf(renderFull(input(ITEMS, { builtAt: '2026-03-01T00:00:00.000Z' }))).get('sitemap/umum.xml')!);
    expect(new Set(rebuilt.map((u) => u.lastmod))).toEqual(new Set(['2026-03-01T00:00:00Z']));
  });

  it('a publication rewrites the index, the shared part and its own part, nothing else of the sitemap', async () => {
    const added = entry('dinkes', 2026, 2, { title: 'Rencana Kerja Dinas Kesehatan 2027' }, '2026-02-20T01:00:00.000Z');
    const { items: _i, generatedAt: _g, ...base } = input();
    const times = { builtAt: '2025-01-01T00:00:00.000Z', now: '2026-02-20T02:00:00.000Z' };
    const before = siteOf(renderFull(input(ITEMS, { builtAt: times.builtAt })));
    const after = siteOf(renderFull(input([...ITEMS, added], { builtAt: times.builtAt })));
    const { plan } = await changeThrough(base, ITEMS, [...ITEMS, added], [{ itemId: added.itemId, after: added }], times);
    const written = plan.put.map((f) => f.path).filter((p) => p.startsWith('sitemap') || p === 'robots.txt');
    expect(written.sort()).toEqual(['sitemap.xml', 'sitemap/dip/dinkes/2026-1.xml', 'sitemap/umum.xml']);
    for (const f of plan.put.filter((x) => written.includes(x.path))) expect(fileText(f), f.path).toBe(after.get(f.path));
    // What it did not write is what a full render leaves unchanged.
    for (const p of ['sitemap/dip/dinkes/2025-1.xml', 'sitemap/dip/diskominfo/2026-1.xml', 'robots.txt']) expect(after.get(p)).toBe(before.get(p));
    const urls = sitemapUrls(after.get('sitemap/dip/dinkes/2026-1.xml')!);
    const page = urls.find((u) => u.loc === `${BASE}/informasi/dinkes/2026/2.html`);
    expect(page).toEqual({
      loc: `${BASE}/informasi/dinkes/2026/2.html`,
      lastmod: '2026-02-20T01:00:00Z',
      alternates: { id: page!.loc, en: `${BASE}/en/informasi/dinkes/2026/2.html`, 'x-default': page!.loc },
    });
    expect(urls.some((u) => u.loc === `${BASE}/en/informasi/dinkes/2026/2.html`)).toBe(true);
    // The withdrawal of an agency's only item of a year deletes its part and takes it out of the index.
    const { plan: gone } = await changeThrough(
      base,
      ITEMS,
      ITEMS.filter((e) => e.itemId !== 'dinkes-2025-1'),
      [{ itemId: 'dinkes-2025-1', before: ITEMS[1]! }],
      times,
    );
    expect(gone.delete).toContain('sitemap/dip/dinkes/2025-1.xml');
    const index = gone.put.find((f) => f.path === 'sitemap.xml')!;
    expect(sitemapIndex(fileText(index)).map((p) => p.loc)).not.toContain(`${BASE}/sitemap/dip/dinkes/2025-1.xml`);
  });

  it('a change of the base URL or of the body’s settings asks for a full rebuild (siteKey)', () => {
    const a = siteKey(input());
    expect(siteKey(input(ITEMS, { siteUrl: BASE }))).toBe(a);
    expect(siteKey(input(ITEMS, { siteUrl: 'https://d111111abcdef8.cloudfront.net' }))).not.toBe(a);
    expect(siteKey(input(ITEMS, { publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat', openDataLicense: CC_BY } }))).not.toBe(a);
  });
});
