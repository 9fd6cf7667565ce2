/**
 * Open data: the whole DIP as `/data/dip.json` and `/data/dip.csv`, and a DCAT catalogue in JSON-LD
 * (`/data/catalog.jsonld`) that describes them and the public log of answered requests
 * (`/data/permohonan.json`, `.csv`, see requests.ts). The log's entry carries no size or date of its
 * own, so that the catalogue depends on the DIP alone and an answered request does not rewrite it.
 *
 * CSV: RFC 4180 (CRLF, fields with `"`, `,`, CR or LF quoted, quotes doubled), UTF-8 with a BOM so
 * that spreadsheet programs read it as UTF-8. A cell that starts with `=`, `+`, `-`, `@`, tab or CR
 * gets a leading apostrophe, so that no spreadsheet runs it as a formula (CSV injection). The field
 * writing is the shared one of tabular/table.ts (csvCell).
 */
import { CATEGORIES, type Category } from '../item-model.ts';
import { csvCell } from '../tabular/table.ts';
import type { PublishedEntry } from './index.ts';
import { documentHref, firstPublishedAt, href, itemRef, type Model, pagePath } from './model.ts';
import { REQUEST_EXPORT_PATHS, requestLogPath } from './requests.ts';

export const EXPORT_PATHS = { json: 'data/dip.json', csv: 'data/dip.csv', catalog: 'data/catalog.jsonld' } as const;
/** The DIK's own exports (see dik.ts); the DCAT catalogue describes the DIP only. */
export const DIK_EXPORT_PATHS = { json: 'data/dik.json', csv: 'data/dik.csv' } as const;

const CATEGORY_NAME: Record<Category, string> = { berkala: 'Berkala', serta_merta: 'Serta-merta', setiap_saat: 'Tersedia setiap saat' };

const url = (m: Model, path: string) => `${m.siteUrl}${path}`;
const itemUrl = (m: Model, e: PublishedEntry) => url(m, href(pagePath(itemRef(e))));
const publicDocs = (e: PublishedEntry) => e.documents.filter((d) => d.status === 'verified');

// --- JSON ---------------------------------------------------------------------------------------------

export function dipJson(m: Model, generatedAt: string): string {
  const rows = m.items.map((e) => {
    const c = e.content;
    const agency = m.agency(e.agencyId);
    return JSON.stringify({
      itemId: e.itemId,
      number: e.number,
      title: c.title,
      summary: c.summary,
      holder: c.holder,
      responsible: c.responsible,
      createdWhen: c.createdWhen,
      createdWhere: c.createdWhere,
      formats: c.formats,
      retention: c.retention,
      category: c.category,
      year: c.year,
      tags: c.tags,
      agency: { id: agency.id, name: agency.name },
      regYear: e.regYear,
      sequence: e.sequence,
      versionNo: e.versionNo,
      publishedAt: e.publishedAt,
      firstPublishedAt: firstPublishedAt(e),
      history: e.history,
      url: itemUrl(m, e),
      documents: publicDocs(e).map((d) => ({
        fileName: d.fileName,
        contentType: d.contentType,
        size: d.size,
        sha256: d.sha256,
        url: url(m, documentHref(e.itemId, d.docId, d.fileName)),
      })),
    });
  });
  const head = JSON.stringify({ publicBody: m.publicBody.name, generatedAt, count: m.items.length, categories: CATEGORIES });
  // One item per line: readable, and diffable between two exports.
  return `${head.slice(0, -1)},"items":[${rows.length ? `\n${rows.join(',\n')}\n` : ''}]}\n`;
}

// --- CSV ----------------------------------------------------------------------------------------------

export const CSV_COLUMNS = [
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
  'Tahun informasi',
  'Kode instansi',
  'Instansi',
  'Versi',
  'Tanggal terbit',
  'Pertama terbit',
  'Tautan',
  'Dokumen',
] as const;

/** One CSV field (shared with every other table export): neutralised against formulas, then quoted. */
export { csvCell };

export function dipCsv(m: Model): string {
  const lines = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const e of m.items) {
    const c = e.content;
    lines.push(
      [
        e.number,
        c.title,
        c.summary,
        c.holder,
        c.responsible,
        c.createdWhen,
        c.createdWhere,
        c.formats.join(', '),
        c.retention,
        CATEGORY_NAME[c.category],
        c.year,
        e.agencyId,
        m.agency(e.agencyId).name,
        e.versionNo,
        e.publishedAt,
        firstPublishedAt(e),
        itemUrl(m, e),
        publicDocs(e)
          .map((d) => url(m, documentHref(e.itemId, d.docId, d.fileName)))
          .join('\n'),
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// --- DCAT catalogue (JSON-LD) -------------------------------------------------------------------------

/** UTF-8 length of a (well-formed) string without encoding it: ASCII costs nothing to count. */
export function utf8Length(s: string): number {
  let n = s.length;
  // 2 bytes below U+0800, 3 above; a surrogate pair (two units) is 4.
  for (const [c] of s.matchAll(/[\u0080-\uffff]/g)) n += c.charCodeAt(0) < 0x800 || (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) ? 1 : 2;
  return n;
}

export function catalogJsonLd(m: Model, generatedAt: string, sizes: { json: number; csv: number }): string {
  const both = (id: string, en: string) => [
    { '@value': id, '@language': 'id' },
    { '@value': en, '@language': 'en' },
  ];
  const dateTime = (v: string) => ({ '@value': v, '@type': 'xsd:dateTime' });
  const publisher = { '@type': 'foaf:Organization', 'foaf:name': m.publicBody.name };
  const language = { '@id': 'http://id.loc.gov/vocabulary/iso639-1/id' };
  const issued = m.items.reduce<string | undefined>((min, e) => (min === undefined || firstPublishedAt(e) < min ? firstPublishedAt(e) : min), undefined);
  const distribution = (path: string, mediaType: string, format: string, byteSize: number | undefined, title: [string, string]) => ({
    '@id': url(m, `/${path}`),
    '@type': 'dcat:Distribution',
    'dct:title': both(...title),
    'dcat:accessURL': { '@id': url(m, `/${path}`) },
    'dcat:downloadURL': { '@id': url(m, `/${path}`) },
    'dcat:mediaType': { '@id': `https://www.iana.org/assignments/media-types/${mediaType}` },
    'dct:format': format,
    ...(byteSize !== undefined
      ? { 'dcat:byteSize': { '@value': String(byteSize), '@type': 'xsd:nonNegativeInteger' }, 'dct:modified': dateTime(generatedAt) }
      : {}),
    'dct:language': language,
  });
  const catalog = {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': url(m, `/${EXPORT_PATHS.catalog}`),
    '@type': 'dcat:Catalog',
    'dct:title': both(`Katalog data terbuka ${m.publicBody.name}`, `Open data catalogue of ${m.publicBody.name}`),
    'dct:description': both(
      'Data terbuka Daftar Informasi Publik menurut UU 14/2008 tentang Keterbukaan Informasi Publik.',
      'Open data of the Public Information List under Law 14/2008 on Public Information Disclosure.',
    ),
    'dct:publisher': publisher,
    'dct:language': language,
    'dct:modified': dateTime(generatedAt),
    'foaf:homepage': { '@id': url(m, '/') },
    'dcat:dataset': [
      {
        '@id': url(m, '/data/dip'),
        '@type': 'dcat:Dataset',
        'dct:identifier': 'dip',
        'dct:title': both(`Daftar Informasi Publik ${m.publicBody.name}`, `Public Information List of ${m.publicBody.name}`),
        'dct:description': both(
          'Daftar Informasi Publik (DIP) konsolidasi PPID Utama dengan kolom Perki 1/2010 dan 1/2021: nomor, ringkasan isi informasi, pejabat atau unit yang menguasai, penanggung jawab, waktu dan tempat pembuatan, bentuk informasi, jangka waktu penyimpanan, dan kategori.',
          'The consolidated Public Information List (DIP) of the PPID Utama with the columns of Information Commission Regulations 1/2010 and 1/2021.',
        ),
        'dcat:keyword': ['daftar informasi publik', 'keterbukaan informasi publik', 'PPID', 'DIP'],
        'dct:publisher': publisher,
        'dct:language': language,
        ...(issued ? { 'dct:issued': dateTime(issued) } : {}),
        'dct:modified': dateTime(generatedAt),
        'dcat:landingPage': { '@id': url(m, href('dip/index.html')) },
        ...(m.ppid?.email
          ? { 'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': m.ppid.name, 'vcard:hasEmail': { '@id': `mailto:${m.ppid.email}` } } }
          : {}),
        'dcat:distribution': [
          distribution(EXPORT_PATHS.json, 'application/json', 'JSON', sizes.json, ['DIP dalam JSON', 'DIP as JSON']),
          distribution(EXPORT_PATHS.csv, 'text/csv', 'CSV', sizes.csv, ['DIP dalam CSV (UTF-8)', 'DIP as CSV (UTF-8)']),
        ],
      },
      {
        '@id': url(m, '/data/permohonan'),
        '@type': 'dcat:Dataset',
        'dct:identifier': 'permohonan',
        'dct:title': both(
          `Daftar permohonan informasi publik yang telah dijawab ${m.publicBody.name}`,
          `Answered public-information requests of ${m.publicBody.name}`,
        ),
        'dct:description': both(
          'Permohonan informasi publik (UU 14/2008 Pasal 21–22) yang telah dijawab dengan pemberitahuan tertulis, tanpa data pribadi pemohon: informasi yang diminta, SKPD, tanggal diterima dan dijawab, keputusan, alasan penolakan (dasar hukum), dan dokumen yang dibuka untuk umum.',
          'Public-information requests (Law 14/2008 Articles 21–22) answered with a written notice, without any personal data of the requesters: the information requested, the agency, the dates received and answered, the decision, the grounds of a refusal (legal basis), and the documents released to everyone.',
        ),
        'dcat:keyword': ['permohonan informasi publik', 'keterbukaan informasi publik', 'PPID'],
        'dct:publisher': publisher,
        'dct:language': language,
        'dct:accrualPeriodicity': { '@id': 'http://purl.org/cld/freq/continuous' },
        'dcat:landingPage': { '@id': url(m, href(requestLogPath())) },
        ...(m.ppid?.email
          ? { 'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': m.ppid.name, 'vcard:hasEmail': { '@id': `mailto:${m.ppid.email}` } } }
          : {}),
        'dcat:distribution': [
          distribution(REQUEST_EXPORT_PATHS.json, 'application/json', 'JSON', undefined, [
            'Permohonan yang telah dijawab dalam JSON',
            'Answered requests as JSON',
          ]),
          distribution(REQUEST_EXPORT_PATHS.csv, 'text/csv', 'CSV', undefined, [
            'Permohonan yang telah dijawab dalam CSV (UTF-8)',
            'Answered requests as CSV (UTF-8)',
          ]),
        ],
      },
    ],
  };
  return `${JSON.stringify(catalog, null, 2)}\n`;
}
