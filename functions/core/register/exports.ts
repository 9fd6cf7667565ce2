/**
 * Open data: the DIP in parts, one per partition (one agency's registration year, summary.ts):
 * `/data/dip/<agency>/<year>.json` and `.csv` (`partJson`, `partCsv`), which a change rewrites only
 * for the partition it touches, with the index of parts `/data/dip/index.json` (the register's
 * summary, summary.ts); the whole DIP as `/data/dip.json` and `/data/dip.csv`, which harvesters
 * expect and which a debounced job rewrites (register-exports.ts) rather than every change; and a
 * DCAT-AP 3 catalogue in JSON-LD (`/data/catalog.jsonld`) that describes all of them, the DIK's exports, the public log of answered
 * requests (`/data/permohonan.json`, `.csv`, see requests.ts) and the approved annual reports (see
 * `catalogJsonLd`). Every link is absolute when the register has its base URL (`siteUrl`, which the
 * register store always sets: the body's `registerUrl`, else the host's address).
 *
 * CSV: RFC 4180 (CRLF, fields with `"`, `,`, CR or LF quoted, quotes doubled), UTF-8 with a BOM so
 * that spreadsheet programs read it as UTF-8. A cell that starts with `=`, `+`, `-`, `@`, tab or CR
 * gets a leading apostrophe, so that no spreadsheet runs it as a formula (CSV injection). The field
 * writing is the shared one of tabular/table.ts (csvCell).
 *
 * A part and the whole DIP share their row functions (`jsonRow`, `csvRow`): a part's rows are byte
 * for byte the whole DIP's rows of that partition. The whole DIP's JSON and CSV come in pieces
 * (`dipJsonHead`, `dipJsonRows`, `jsonTail`; `dipCsvHead`, `dipCsvRows`) so that a job can write
 * them partition by partition, holding one partition's items at a time.
 */
import { CATEGORIES } from '../categories.ts';
import type { Category } from '../item-model.ts';
import { csvCell } from '../tabular/table.ts';
import { ANNUAL_INDEX_PATH, ANNUAL_PAGE_PATH, annualDataPath, annualPdfPath } from './annual.ts';
import type { PublishedEntry } from './input.ts';
import { documentHref, firstPublishedAt, href, itemRef, type Model, pagePath } from './model.ts';
import { REQUEST_EXPORT_PATHS, requestLogPath } from './requests.ts';
import { newestOfPart, type PartitionKey, partExportPaths, partitionOf, type RegisterSummary, SUMMARY_PATH, summaryOf } from './summary.ts';

export const EXPORT_PATHS = { json: 'data/dip.json', csv: 'data/dip.csv', catalog: 'data/catalog.jsonld' } as const;
/** The DIK's own exports (see dik.ts), described in the DCAT catalogue too. */
export const DIK_EXPORT_PATHS = { json: 'data/dik.json', csv: 'data/dik.csv' } as const;

const CATEGORY_NAME: Record<Category, string> = { berkala: 'Berkala', serta_merta: 'Serta-merta', setiap_saat: 'Tersedia setiap saat' };

const url = (m: Model, path: string) => `${m.siteUrl}${path}`;
/** An agency's place in DIP order (the model's agency order): what summary.ts sorts parts by. */
export const agencyRank = (m: Model) => {
  const rank = new Map(m.agencies.map((a, i) => [a.id, i]));
  return (agencyId: string) => rank.get(agencyId) ?? m.agencies.length;
};
const itemUrl = (m: Model, e: PublishedEntry) => url(m, href(pagePath(itemRef(e))));
const publicDocs = (e: PublishedEntry) => e.documents.filter((d) => d.status === 'verified');

// --- JSON ---------------------------------------------------------------------------------------------

/** One item as a line of the JSON exports (the whole DIP's and each part's). */
function jsonRow(m: Model, e: PublishedEntry): string {
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
}

/*
 * A JSON export is `<head>,"items":[` + rows + `]}` + LF, one item per line (readable, and diffable
 * between two exports): `{…,"items":[` LF row `,` LF row LF `]}` LF, or `{…,"items":[]}` LF when empty.
 * The pieces below let a job write the whole DIP part by part (`dipJsonHead`, then `dipJsonRows` for
 * each part in DIP order, then `jsonTail`) without holding every item at once.
 */
const jsonHead = (head: object) => `${JSON.stringify(head).slice(0, -1)},"items":[`;
/** The rows of some items, each on its own line; `first`: these are the export's first rows (no comma before them). */
export const dipJsonRows = (m: Model, rows: readonly PublishedEntry[], first: boolean): string =>
  rows.map((e, i) => `${i === 0 && first ? '' : ','}\n${jsonRow(m, e)}`).join('');
/** The end of a JSON export of `count` rows. */
export const jsonTail = (count: number) => `${count ? '\n' : ''}]}\n`;

/** The whole DIP's head, stamped with the time it was written (`generatedAt`). */
export const dipJsonHead = (m: Model, generatedAt: string, count: number) =>
  jsonHead({ publicBody: m.publicBody.name, license: m.license, generatedAt, count, categories: CATEGORIES });

/** `/data/dip.json`: every item in DIP order (`m.items`), stamped with `generatedAt`. */
export function dipJson(m: Model, generatedAt: string): string {
  return `${dipJsonHead(m, generatedAt, m.items.length)}${dipJsonRows(m, m.items, true)}${jsonTail(m.items.length)}`;
}

/** The newest publication among some rows (a part's `modified`). */
const newestPublication = (rows: readonly PublishedEntry[]) => rows.reduce((a, e) => (e.publishedAt > a ? e.publishedAt : a), '');

/**
 * One part of the DIP's open data (summary.ts `partExportPaths`: one agency's registration year),
 * `rows` its items in DIP order (`key`: the partition, needed only when `rows` is empty), with the
 * same rows as `/data/dip.json`. Not stamped with a build
 * time: its head says what it holds (the agency, the year, the count) and when that last changed
 * (`modified`: the newest publication among its rows), so a part renders byte for byte the same
 * whether a change or a rebuild writes it, and a harvester can tell from `modified` alone.
 */
export function partJson(
  m: Model,
  rows: readonly PublishedEntry[],
  key: PartitionKey = partitionOf(rows[0]!),
  rowsText: string = dipJsonRows(m, rows, true),
): string {
  const agency = m.agency(key.agencyId);
  const head = {
    publicBody: m.publicBody.name,
    license: m.license,
    agency: { id: agency.id, name: agency.name },
    year: key.year,
    count: rows.length,
    modified: newestPublication(rows),
  };
  return `${jsonHead(head)}${rowsText}${jsonTail(rows.length)}`;
}

/**
 * `/data/dip.json` from its parts' rows (each part's `dipJsonRows(m, rows, true)`, the parts in DIP
 * order): byte for byte `dipJson`, without making every row a second time. A part's rows begin with
 * a line break, so the parts join with a comma.
 */
export const dipJsonOfParts = (m: Model, generatedAt: string, count: number, partRows: readonly string[]): string =>
  `${dipJsonHead(m, generatedAt, count)}${partRows.filter(Boolean).join(',')}${jsonTail(count)}`;

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

function csvRow(m: Model, e: PublishedEntry): string {
  const c = e.content;
  return [
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
    .join(',');
}

/**
 * A CSV export is `dipCsvHead()` (the BOM and the header line) and then each row with its CRLF
 * (`dipCsvRows`), so the whole DIP can be written part by part like the JSON. Not stamped: the same
 * rows give the same bytes.
 */
export const dipCsvHead = () => `\uFEFF${CSV_COLUMNS.map(csvCell).join(',')}\r\n`;
export const dipCsvRows = (m: Model, rows: readonly PublishedEntry[]) => rows.map((e) => `${csvRow(m, e)}\r\n`).join('');

/** `/data/dip.csv`: every item in DIP order. */
export const dipCsv = (m: Model): string => `${dipCsvHead()}${dipCsvRows(m, m.items)}`;

/** One part of the DIP as CSV (see `partJson`): the same columns and rows as `/data/dip.csv`. */
export const partCsv = (m: Model, rows: readonly PublishedEntry[], rowsText: string = dipCsvRows(m, rows)): string => `${dipCsvHead()}${rowsText}`;

/** `/data/dip.csv` from its parts' rows (each part's `dipCsvRows`, in DIP order): byte for byte `dipCsv`. */
export const dipCsvOfParts = (partRows: readonly string[]): string => `${dipCsvHead()}${partRows.join('')}`;

// --- DCAT catalogue (JSON-LD) -------------------------------------------------------------------------

/** UTF-8 length of a (well-formed) string without encoding it: ASCII costs nothing to count. */
export function utf8Length(s: string): number {
  let n = s.length;
  // 2 bytes below U+0800, 3 above; a surrogate pair (two units) is 4.
  for (const [c] of s.matchAll(/[\u0080-\uffff]/g)) n += c.charCodeAt(0) < 0x800 || (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) ? 1 : 2;
  return n;
}

/** The EU's controlled vocabularies that DCAT-AP 3 names (file types, data themes, frequencies, access rights, countries). */
const EU = 'http://publications.europa.eu/resource/authority';
export const FILE_TYPE = { csv: `${EU}/file-type/CSV`, json: `${EU}/file-type/JSON`, pdf: `${EU}/file-type/PDF` } as const;
const MEDIA_TYPE = {
  csv: 'https://www.iana.org/assignments/media-types/text/csv',
  json: 'https://www.iana.org/assignments/media-types/application/json',
  pdf: 'https://www.iana.org/assignments/media-types/application/pdf',
} as const;
/** Data theme "Government and public sector". */
export const THEME_GOVERNMENT = `${EU}/data-theme/GOVE`;
/** The body's region when it sets none: Indonesia. */
export const COUNTRY_INDONESIA = `${EU}/country/IDN`;

/** A phone number as a `tel:` URI in global form (RFC 3966): an Indonesian trunk prefix 0 becomes +62. */
export function telUri(phone: string): string | undefined {
  const digits = phone.replace(/[^0-9]/g, '');
  if (digits.length < 5) return undefined;
  if (phone.trim().startsWith('+')) return `tel:+${digits}`;
  return `tel:+${digits.startsWith('0') ? `62${digits.slice(1)}` : digits.startsWith('62') ? digits : `62${digits}`}`;
}

/** The newest of some ISO instants (string order is time order for instants in UTC). */
const newestOf = (xs: Iterable<string | undefined>) => {
  let max: string | undefined;
  for (const x of xs) if (x && (max === undefined || x > max)) max = x;
  return max;
};
const oldestOf = (xs: Iterable<string | undefined>) => {
  let min: string | undefined;
  for (const x of xs) if (x && (min === undefined || x < min)) min = x;
  return min;
};

type Format = keyof typeof FILE_TYPE;

/**
 * `/data/catalog.jsonld`: a DCAT catalogue following DCAT-AP 3 (the profile that national open-data
 * portals and CKAN's DCAT harvester read), in JSON-LD with every IRI absolute (from the register's
 * base URL, `siteUrl`). It describes four datasets: the DIP (`dip.json`, `dip.csv`, the index of
 * parts `dip/index.json`, and every part `dip/<agency>/<year>.json` and `.csv`, titled with the
 * agency's name and the year, each with its `dct:modified`: the part's newest publication), the DIK
 * (`dik.json`, `dik.csv`), the public log of answered requests (`permohonan.json`, `.csv`) and the
 * approved annual reports (the index `laporan-tahunan.json`, and each year's PDF and data).
 *
 * Each resource (catalogue, dataset, distribution) carries the licence (`dct:license`, the body's
 * setting, CC BY 4.0 by default); the catalogue and each dataset the publisher and its contact
 * point (the PPID Utama as a vCard: name, e-mail, telephone, the register's address); each dataset
 * the recommended properties: `dcat:theme` (the EU data theme GOVE), `dct:spatial` (the body's
 * region, Indonesia by default), `dct:temporal` (the period its data covers) and `dct:modified`;
 * each distribution its `dct:format` (an EU file-type IRI), `dcat:mediaType` (an IANA IRI) and a
 * description.
 *
 * The DIP's dates and period come from the register's summary (`summary`: the newest publication,
 * the oldest first publication and the information years of every part), not from its items, so the
 * job that rewrites the catalogue reads no item; a caller that holds every item (a full rebuild, the
 * tests) may leave it out and get the summary of `m.items`, which gives the same catalogue.
 *
 * Deterministic and stamped with no build time: every date comes from the data (the newest
 * publication, DIK entry, answer or approval), so the catalogue changes only when what it describes
 * changes. It grows with the number of parts (agencies × years: two distributions each), still
 * small beside the DIP, and is rewritten whole by a change outside the DIP (a DIK change, an answered
 * request, an approved annual report) and by the exports job after a DIP change. It gives no byte
 * size of the DIP's exports (optional in DCAT-AP): that would need the whole DIP or the touched part
 * rendered whenever a request is answered.
 */
export function catalogJsonLd(m: Model, summary: RegisterSummary = summaryOf(m.items, agencyRank(m))): string {
  const url = (path: string) => `${m.siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
  const catalogIri = url(EXPORT_PATHS.catalog);
  const both = (id: string, en: string) => [
    { '@value': id, '@language': 'id' },
    { '@value': en, '@language': 'en' },
  ];
  const dateTime = (v: string) => ({ '@value': v, '@type': 'xsd:dateTime' });
  const date = (v: string) => ({ '@value': v.slice(0, 10), '@type': 'xsd:date' });
  const license = { '@id': m.license, '@type': 'dct:LicenseDocument' };
  const language = { '@id': 'http://publications.europa.eu/resource/authority/language/IND' };
  const publisher = {
    '@type': 'foaf:Organization',
    'foaf:name': m.publicBody.name,
    'foaf:homepage': { '@id': url('/') },
  };
  const ppid = m.ppid;
  const tel = ppid?.phone ? telUri(ppid.phone) : undefined;
  const contactPoint = {
    '@type': 'vcard:Organization',
    'vcard:fn': ppid ? `PPID ${ppid.name}` : `PPID ${m.publicBody.name}`,
    ...(ppid?.email ? { 'vcard:hasEmail': { '@id': `mailto:${ppid.email}` } } : {}),
    ...(tel ? { 'vcard:hasTelephone': { '@id': tel } } : {}),
    'vcard:hasURL': { '@id': url(href('permohonan/index.html')) },
  };
  const region = m.publicBody.region;
  const spatial = region
    ? { ...(region.iri ? { '@id': region.iri } : {}), '@type': 'dct:Location', 'skos:prefLabel': region.name }
    : { '@id': COUNTRY_INDONESIA, '@type': 'dct:Location', 'skos:prefLabel': both('Indonesia', 'Indonesia') };
  const temporal = (start: string | undefined, end?: string) =>
    start ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': date(start), ...(end ? { 'dcat:endDate': date(end) } : {}) } } : {};
  const modified = (v: string | undefined) => (v ? { 'dct:modified': dateTime(v) } : {});
  const distribution = (
    path: string,
    format: Format,
    title: [string, string],
    description: [string, string],
    extra: { size?: number; sha256?: string; modified?: string } = {},
  ) => ({
    '@id': url(path),
    '@type': 'dcat:Distribution',
    'dct:title': both(...title),
    'dct:description': both(...description),
    'dcat:accessURL': { '@id': url(path) },
    'dcat:downloadURL': { '@id': url(path) },
    'dct:format': { '@id': FILE_TYPE[format] },
    'dcat:mediaType': { '@id': MEDIA_TYPE[format] },
    'dct:license': license,
    ...(extra.size !== undefined ? { 'dcat:byteSize': { '@value': String(extra.size), '@type': 'xsd:nonNegativeInteger' } } : {}),
    ...(extra.sha256
      ? {
          'spdx:checksum': {
            '@type': 'spdx:Checksum',
            'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
            'spdx:checksumValue': { '@value': extra.sha256, '@type': 'xsd:hexBinary' },
          },
        }
      : {}),
    ...modified(extra.modified),
  });
  const dataset = (
    id: string,
    fields: {
      title: [string, string];
      description: [string, string];
      keywords: string[];
      landingPage: string;
      frequency: string;
      modified?: string;
      issued?: string;
      temporal: object;
      distributions: object[];
    },
  ) => ({
    '@id': `${catalogIri}#${id}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': id,
    'dct:title': both(...fields.title),
    'dct:description': both(...fields.description),
    'dcat:keyword': fields.keywords,
    'dcat:theme': { '@id': THEME_GOVERNMENT },
    'dct:publisher': publisher,
    'dcat:contactPoint': contactPoint,
    'dct:language': language,
    'dct:spatial': spatial,
    ...fields.temporal,
    'dct:accessRights': { '@id': `${EU}/access-right/PUBLIC` },
    'dct:license': license,
    'dct:accrualPeriodicity': { '@id': `${EU}/frequency/${fields.frequency}` },
    ...(fields.issued ? { 'dct:issued': dateTime(fields.issued) } : {}),
    ...modified(fields.modified),
    'dcat:landingPage': { '@id': url(href(fields.landingPage)) },
    'dcat:distribution': fields.distributions,
  });

  const body = m.publicBody.name;
  // The DIP's dates and period from its summary (summary.ts), not from its items: a job that writes
  // the catalogue holds no items, and both give the same values for the same register.
  const parts = summary.parts;
  const dipModified = newestOf(parts.map(newestOfPart));
  const dipIssued = oldestOf(parts.map((p) => p.issued));
  const firstYear = Math.min(...parts.map((p) => p.years[0]));
  const lastYear = Math.max(...parts.map((p) => p.years[1]));
  const dikModified = newestOf(m.dik.map((e) => e.setAt));
  const requestsModified = newestOf(m.requests.map((r) => r.answeredAt));
  const annualModified = newestOf(m.annualReports.map((r) => r.approvedAt));
  const annualYears = m.annualReports.map((r) => r.year);
  const dikOpen = m.dik.some((e) => !e.period.until);

  const datasets = [
    dataset('dip', {
      title: [`Daftar Informasi Publik ${body}`, `Public Information List of ${body}`],
      description: [
        'Daftar Informasi Publik (DIP) konsolidasi PPID Utama dengan kolom Perki 1/2010 dan 1/2021: nomor, ringkasan isi informasi, pejabat atau unit yang menguasai, penanggung jawab, waktu dan tempat pembuatan, bentuk informasi, jangka waktu penyimpanan, dan kategori.',
        'The consolidated Public Information List (DIP) of the PPID Utama with the columns of Information Commission Regulations 1/2010 and 1/2021.',
      ],
      keywords: ['daftar informasi publik', 'keterbukaan informasi publik', 'PPID', 'DIP'],
      landingPage: 'dip/index.html',
      frequency: 'UPDATE_CONT',
      ...(dipModified ? { modified: dipModified } : {}),
      ...(dipIssued ? { issued: dipIssued } : {}),
      temporal: parts.length ? temporal(`${firstYear}-01-01`, `${lastYear}-12-31`) : {},
      distributions: [
        distribution(
          EXPORT_PATHS.json,
          'json',
          ['DIP dalam JSON', 'DIP as JSON'],
          [
            'Seluruh DIP dalam satu berkas JSON (UTF-8), satu informasi per baris, dengan tautan ke halaman dan dokumen publiknya.',
            'The whole DIP in one JSON file (UTF-8), one item per line, with links to its page and public documents.',
          ],
        ),
        distribution(
          EXPORT_PATHS.csv,
          'csv',
          ['DIP dalam CSV (UTF-8)', 'DIP as CSV (UTF-8)'],
          [
            'Seluruh DIP sebagai tabel CSV (RFC 4180, UTF-8 dengan BOM), satu baris per informasi dengan kolom Perki dan tautan absolut.',
            'The whole DIP as a CSV table (RFC 4180, UTF-8 with a BOM), one row per item with the regulation columns and absolute links.',
          ],
        ),
        distribution(
          SUMMARY_PATH,
          'json',
          ['Indeks bagian DIP (JSON)', 'Index of the DIP’s parts (JSON)'],
          [
            'Setiap bagian DIP (satu instansi, satu tahun registrasi) dengan jumlah informasi per kategori dan tanggal terbit terbarunya.',
            'Every part of the DIP (one agency, one registration year) with its counts by category and its newest publication dates.',
          ],
          { ...(dipModified ? { modified: dipModified } : {}) },
        ),
        ...parts.flatMap((p) => {
          const paths = partExportPaths(p);
          const name = `${m.agency(p.agencyId).name} ${p.year}`;
          const modified = newestOfPart(p);
          return [
            distribution(
              paths.json,
              'json',
              [`DIP ${name} dalam JSON`, `DIP of ${name} as JSON`],
              [
                `Informasi yang diregistrasi oleh ${m.agency(p.agencyId).name} pada tahun ${p.year}, dalam JSON (UTF-8) dengan baris yang sama seperti seluruh DIP.`,
                `The items registered by ${m.agency(p.agencyId).name} in ${p.year}, as JSON (UTF-8) with the same rows as the whole DIP.`,
              ],
              { modified },
            ),
            distribution(
              paths.csv,
              'csv',
              [`DIP ${name} dalam CSV (UTF-8)`, `DIP of ${name} as CSV (UTF-8)`],
              [
                `Informasi yang diregistrasi oleh ${m.agency(p.agencyId).name} pada tahun ${p.year}, sebagai tabel CSV (RFC 4180, UTF-8 dengan BOM) dengan kolom yang sama seperti seluruh DIP.`,
                `The items registered by ${m.agency(p.agencyId).name} in ${p.year}, as a CSV table (RFC 4180, UTF-8 with a BOM) with the same columns as the whole DIP.`,
              ],
              { modified },
            ),
          ];
        }),
      ],
    }),
    dataset('dik', {
      title: [`Daftar Informasi yang Dikecualikan ${body}`, `List of Excluded Information of ${body}`],
      description: [
        'Daftar Informasi yang Dikecualikan (DIK) yang berlaku: informasi yang dikecualikan, dasar hukum (UU 14/2008 Pasal 17), konsekuensi bila dibuka dan kepentingan publik yang dilindungi, jangka waktu pengecualian, dan surat keputusan penetapannya.',
        'The List of Excluded Information (DIK) in force: the information excluded, its legal basis (Law 14/2008 Article 17), the consequence test, the period of the exclusion and the decree that set it.',
      ],
      keywords: ['daftar informasi yang dikecualikan', 'uji konsekuensi', 'PPID', 'DIK'],
      landingPage: 'dik/index.html',
      frequency: 'UPDATE_CONT',
      ...(dikModified ? { modified: dikModified } : {}),
      temporal: m.dik.length ? temporal(oldestOf(m.dik.map((e) => e.period.from)), dikOpen ? undefined : newestOf(m.dik.map((e) => e.period.until))) : {},
      distributions: [
        distribution(
          DIK_EXPORT_PATHS.json,
          'json',
          ['DIK dalam JSON', 'DIK as JSON'],
          ['Setiap entri DIK yang berlaku dalam JSON (UTF-8).', 'Every DIK entry in force as JSON (UTF-8).'],
        ),
        distribution(
          DIK_EXPORT_PATHS.csv,
          'csv',
          ['DIK dalam CSV (UTF-8)', 'DIK as CSV (UTF-8)'],
          [
            'Setiap entri DIK yang berlaku sebagai tabel CSV (RFC 4180, UTF-8 dengan BOM).',
            'Every DIK entry in force as a CSV table (RFC 4180, UTF-8 with a BOM).',
          ],
        ),
      ],
    }),
    dataset('permohonan', {
      title: [`Daftar permohonan informasi publik yang telah dijawab ${body}`, `Answered public-information requests of ${body}`],
      description: [
        'Permohonan informasi publik (UU 14/2008 Pasal 21–22) yang telah dijawab dengan pemberitahuan tertulis, tanpa data pribadi pemohon: informasi yang diminta, SKPD, tanggal diterima dan dijawab, keputusan, alasan penolakan (dasar hukum), dan dokumen yang dibuka untuk umum.',
        'Public-information requests (Law 14/2008 Articles 21–22) answered with a written notice, without any personal data of the requesters: the information requested, the agency, the dates received and answered, the decision, the grounds of a refusal (legal basis), and the documents released to everyone.',
      ],
      keywords: ['permohonan informasi publik', 'keterbukaan informasi publik', 'PPID'],
      landingPage: requestLogPath(),
      frequency: 'UPDATE_CONT',
      ...(requestsModified ? { modified: requestsModified } : {}),
      temporal: m.requests.length ? temporal(oldestOf(m.requests.map((r) => r.receivedOn)), requestsModified) : {},
      distributions: [
        distribution(
          REQUEST_EXPORT_PATHS.json,
          'json',
          ['Permohonan yang telah dijawab dalam JSON', 'Answered requests as JSON'],
          ['Setiap permohonan yang telah dijawab dalam JSON (UTF-8), tanpa data pribadi.', 'Every answered request as JSON (UTF-8), without personal data.'],
        ),
        distribution(
          REQUEST_EXPORT_PATHS.csv,
          'csv',
          ['Permohonan yang telah dijawab dalam CSV (UTF-8)', 'Answered requests as CSV (UTF-8)'],
          [
            'Setiap permohonan yang telah dijawab sebagai tabel CSV (RFC 4180, UTF-8 dengan BOM), tanpa data pribadi.',
            'Every answered request as a CSV table (RFC 4180, UTF-8 with a BOM), without personal data.',
          ],
        ),
      ],
    }),
    dataset('laporan-tahunan', {
      title: [`Laporan tahunan layanan informasi publik ${body}`, `Annual public-information service reports of ${body}`],
      description: [
        'Laporan Layanan Informasi Publik yang telah disetujui (UU 14/2008 Pasal 11 ayat (1) huruf h; Perki 1/2021): PDF yang diterbitkan dan data angka setiap laporan.',
        'The approved annual public-information service reports (Law 14/2008 Article 11(1)(h); Information Commission Regulation 1/2021): the issued PDF and the figures of each report.',
      ],
      keywords: ['laporan layanan informasi publik', 'laporan tahunan', 'PPID'],
      landingPage: ANNUAL_PAGE_PATH,
      frequency: 'ANNUAL',
      ...(annualModified ? { modified: annualModified } : {}),
      temporal: annualYears.length ? temporal(`${Math.min(...annualYears)}-01-01`, `${Math.max(...annualYears)}-12-31`) : {},
      distributions: [
        distribution(
          ANNUAL_INDEX_PATH,
          'json',
          ['Indeks laporan tahunan (JSON)', 'Index of annual reports (JSON)'],
          ['Setiap laporan tahunan yang disetujui dengan tautan dan SHA-256 berkasnya.', 'Every approved annual report with its files’ links and SHA-256.'],
        ),
        ...m.annualReports.flatMap((r) => [
          distribution(
            annualPdfPath(r),
            'pdf',
            [`${r.title.id} (PDF)`, `${r.title.en} (PDF)`],
            [`Laporan ${r.number} sebagaimana diterbitkan dan ditandatangani.`, `Report ${r.number} as issued and signed.`],
            { size: r.pdf.size, sha256: r.pdf.sha256 },
          ),
          distribution(
            annualDataPath(r),
            'json',
            [`${r.title.id} (data JSON)`, `${r.title.en} (JSON data)`],
            [`Seluruh bagian, angka dan tabel laporan ${r.number}.`, `Every section, figure and table of report ${r.number}.`],
            { size: r.data.size, sha256: r.data.sha256 },
          ),
        ]),
      ],
    }),
  ];

  const catalog = {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      skos: 'http://www.w3.org/2004/02/skos/core#',
      spdx: 'http://spdx.org/rdf/terms#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': catalogIri,
    '@type': 'dcat:Catalog',
    'dct:title': both(`Katalog data terbuka ${body}`, `Open data catalogue of ${body}`),
    'dct:description': both(
      'Data terbuka Daftar Informasi Publik menurut UU 14/2008 tentang Keterbukaan Informasi Publik.',
      'Open data of the Public Information List under Law 14/2008 on Public Information Disclosure.',
    ),
    'dct:publisher': publisher,
    'dcat:contactPoint': contactPoint,
    'dct:language': language,
    'dct:license': license,
    'dct:spatial': spatial,
    'dcat:themeTaxonomy': { '@id': `${EU}/data-theme` },
    ...modified(newestOf([dipModified, dikModified, requestsModified, annualModified])),
    'foaf:homepage': { '@id': url('/') },
    'dcat:dataset': datasets,
  };
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

/** The whole-register exports are made part by part: their bytes joined into one body. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
