/**
 * The OpenAPI 3.1 document of the API, generated from the zod schemas of every route (served by
 * `api/meta.openapi`, functions/api/meta.ts). Its own module, imported by that route at its first
 * request: it names every handler module of the API, so a static import would put every route of the
 * API, and what they use, into the cold start of `api/meta.health` and `api/meta.openapi`.
 */
import * as z from 'zod';
import { handlerExport, handlerModule, routes } from '../../infra/system.ts';
import * as agencies from './agencies.ts';
import * as audit from './audit.ts';
import * as calendar from './calendar.ts';
import * as dashboard from './dashboard.ts';
import * as disputes from './disputes.ts';
import * as documentation from './documentation.ts';
import * as documents from './documents.ts';
import * as exclusions from './exclusions.ts';
import type { EndpointHandler } from './http.ts';
import * as imports from './imports.ts';
import * as items from './items.ts';
import * as meta from './meta.ts';
import * as objectionBook from './objection-book.ts';
import * as objections from './objections.ts';
import * as publicObjections from './public-objections.ts';
import * as publicRequests from './public-requests.ts';
import * as reportArchive from './report-archive.ts';
import * as reports from './reports.ts';
import * as requests from './requests.ts';
import * as settings from './settings.ts';
import * as users from './users.ts';

/** Filled in at build time by esbuild (`define`), from package.json; `dev` when run from source. */
declare const __APP_VERSION__: string | undefined;
const appVersion = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** Every handler module by name (a function: meta.ts and this module import each other). */
const modules = (): Record<string, Record<string, unknown>> => ({
  'api/agencies': agencies,
  'api/audit': audit,
  'api/calendar': calendar,
  'api/dashboard': dashboard,
  'api/disputes': disputes,
  'api/documents': documents,
  'api/documentation': documentation,
  'api/exclusions': exclusions,
  'api/imports': imports,
  'api/items': items,
  'api/objection-book': objectionBook,
  'api/objections': objections,
  'api/public-objections': publicObjections,
  'api/public-requests': publicRequests,
  'api/report-archive': reportArchive,
  'api/reports': reports,
  'api/requests': requests,
  'api/settings': settings,
  'api/meta': { health: meta.health, openapi: undefined },
  'api/users': users,
});

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

/**
 * The operations' tags: one per handler module, each declared with what it covers (Bahasa Indonesia,
 * then English). A module missing here gets its own name as tag, undeclared, and the OpenAPI lint
 * test (test/unit/openapi-lint.test.ts) fails until it is described here.
 */
export const API_TAGS: Record<string, { name: string; description: string }> = {
  'api/meta': { name: 'Layanan', description: 'Pemeriksaan kesehatan layanan dan dokumen OpenAPI ini. / Service health and this OpenAPI document.' },
  'api/agencies': {
    name: 'Perangkat daerah',
    description:
      'Unit PPID Utama dan setiap SKPD/OPD dengan PPID Pelaksananya: nama, zona waktu, hari kerja, kop surat. / Agencies: the PPID Utama unit and each SKPD with its PPID Pelaksana: names, time zone, working week, letterhead.',
  },
  'api/users': {
    name: 'Pengguna',
    description:
      'Akun petugas: satu peran di satu perangkat daerah; akun baru menerima undangan masuk. / Staff accounts: one role in one agency; a new account is sent a sign-in invitation.',
  },
  'api/audit': {
    name: 'Jejak audit',
    description: 'Siapa melakukan apa, kapan dan mengapa, untuk setiap perubahan. / The audit trail: who did what, when and why, for every change.',
  },
  'api/calendar': {
    name: 'Kalender kerja',
    description:
      'Hari libur dan cuti bersama, dan penghitung tenggat dengan penjelasannya. / Working-day calendar: holidays, and the deadline calculator with its explanation.',
  },
  'api/settings': {
    name: 'Pengaturan',
    description:
      'Aturan tenggat setiap SOP, dan data badan publik (nama, alamat register, kepala badan publik, lambang daerah). / Settings: the deadline rules of each SOP, and the public body (name, register address, head, coat of arms).',
  },
  'api/items': {
    name: 'Informasi publik (DIP)',
    description:
      'Informasi berkala, serta-merta dan setiap saat: penyusunan, persetujuan dan pengumuman di register (SOP 000), dan Daftar Informasi Publik. / Public information items: drafting, approval and publication on the register (SOP 000), and the Public Information List (DIP).',
  },
  'api/documents': {
    name: 'Dokumen informasi',
    description:
      'Berkas setiap informasi: unggah langsung ke penyimpanan, pemeriksaan (ukuran, jenis, SHA-256), unduh. / Item documents: direct upload, server check (size, type, SHA-256), download.',
  },
  'api/exclusions': {
    name: 'Pengecualian (DIK)',
    description:
      'Uji konsekuensi, penetapan dan Daftar Informasi yang Dikecualikan (SOP 002, UU 14/2008 Pasal 17 dan 19). / Exclusions: the consequence test, the decree and the list of excluded information, DIK (SOP 002).',
  },
  'api/requests': {
    name: 'Permohonan',
    description:
      'Permohonan informasi di sisi petugas: registrasi, penerusan ke SKPD, pemberitahuan tertulis, perpanjangan, penyerahan, buku register permohonan (UU 14/2008 Pasal 21–22). / Information requests, staff side: routing, written notice, extension, delivery and the request register.',
  },
  'api/public-requests': {
    name: 'Permohonan (publik)',
    description:
      'Sisi publik permohonan, tanpa akun: mengajukan, melihat status dengan nomor dan kode, menjawab klarifikasi, mengunduh jawaban. / Information requests, public side (no account): file, status by number and code, clarification, downloads.',
  },
  'api/objections': {
    name: 'Keberatan',
    description:
      'Keberatan di sisi petugas: tanggapan Atasan PPID dalam 30 hari kerja dan tindak lanjutnya (UU 14/2008 Pasal 35–36). / Objections, staff side: the PPID Superior’s response within 30 working days and its follow-up.',
  },
  'api/objection-book': {
    name: 'Register keberatan',
    description: 'Register keberatan per tahun, per SKPD atau gabungan, JSON/CSV/XLSX. / The objections register by year, per SKPD or consolidated.',
  },
  'api/public-objections': {
    name: 'Keberatan (publik)',
    description:
      'Sisi publik keberatan, tanpa akun: mengajukan (termasuk atas informasi berkala), melampirkan berkas, melihat status, mengunduh tanggapan. / Objections, public side (no account): file, attach, status, download the response.',
  },
  'api/disputes': {
    name: 'Sengketa informasi',
    description:
      'Sengketa di Komisi Informasi (mediasi, ajudikasi), banding ke PTUN/PN dan kasasi ke MA, dengan sidang dan dokumennya (UU 14/2008 Pasal 37–50). / Information disputes before the Information Commission, appeals and cassation, with hearings and documents.',
  },
  'api/dashboard': {
    name: 'Dasbor',
    description:
      'Angka layanan per SKPD dan periode, kepatuhan SOP terhadap Mutu Baku, dan trennya (SOP 001). / Dashboard: service figures per SKPD and period, SOP compliance and trend (SOP 001).',
  },
  'api/reports': {
    name: 'Laporan',
    description:
      'Laporan layanan informasi (tahunan, semester, rekap bulanan, register, kepatuhan SOP, DIP, DIK) sebagai JSON, PDF, CSV atau XLSX (SOP 001). / Service reports of every kind as JSON, PDF, CSV or XLSX (SOP 001).',
  },
  'api/report-archive': {
    name: 'Arsip laporan',
    description:
      'Laporan yang diterbitkan (bernomor, ditandatangani, tidak berubah) dan laporan tahunan: narasi, penerbitan, persetujuan. / The archive of issued reports (numbered, signed, immutable) and the annual report: narrative, issue, approval.',
  },
  'api/documentation': {
    name: 'Pendokumentasian (SOP 004)',
    description:
      'Siklus pendokumentasian informasi publik: daftar data dan informasi setiap OPD dari Pejabat PID, telaah PPID Utama, kiriman PPID Pendukung, pemeriksaan dan unggah ke website PPID (SOP 004). / The documentation cycle: each OPD’s list from the Pejabat PID, PPID Utama’s review, the OPD’s delivery, the check and the upload to the PPID website (SOP 004).',
  },
  'api/imports': {
    name: 'Impor daftar informasi',
    description:
      'Impor draf informasi dari lembar kerja CSV/XLSX: templat, unggahan yang diperiksa, pemeriksaan setiap baris (baris dan kolom yang salah), impor bertahap tanpa duplikat. / Import draft items from a CSV/XLSX spreadsheet: template, checked upload, every row validated (bad rows by line and field), batched import without duplicates.',
  },
};

/**
 * What a path or query parameter means, where its zod schema carries no description of its own (a
 * `.meta({ description })` on the schema wins). A name means one thing across the API; where it means
 * something else on one route, the key `<METHOD> <path> <name>` says so.
 */
const PARAMETER_TEXT: Record<string, string> = {
  cursor: 'Penanda halaman berikutnya: `nextCursor` dari jawaban sebelumnya. / The next page: `nextCursor` from the previous answer.',
  limit: 'Jumlah baris per halaman. / Rows per page.',
  agencyId: 'Kode perangkat daerah, mis. `dinkes`. / The agency’s code, e.g. `dinkes`.',
  username: 'Nama pengguna (huruf kecil). / The username (lower case).',
  itemId: 'ID informasi (UUID). / The information item’s id (UUID).',
  docId: 'ID dokumen (UUID). / The document’s id (UUID).',
  exclusionId: 'ID pengecualian (UUID). / The exclusion’s id (UUID).',
  requestId: 'Nomor registrasi permohonan, `tahun-nomor`, mis. `2026-00012`. / The request’s registration number, `year-sequence`.',
  objectionId: 'Nomor registrasi keberatan, `tahun-nomor`, mis. `2026-0003`. / The objection’s registration number, `year-sequence`.',
  disputeId: 'Nomor sengketa, `tahun-nomor`. / The dispute’s number, `year-sequence`.',
  hearingId: 'ID sidang (UUID). / The hearing’s id (UUID).',
  importId: 'ID impor (UUID). / The import’s id (UUID).',
  date: 'Tanggal (YYYY-MM-DD). / The date (YYYY-MM-DD).',
  category:
    'Kategori informasi: berkala (Pasal 9), serta-merta (Pasal 10), setiap saat (Pasal 11). / Information category: periodic, immediate, available at any time.',
  status: 'Status alur persetujuan versi kerja. / The working version’s approval state.',
  publication: 'Status di register: belum diumumkan, diumumkan, ditarik. / State on the register: never published, published, withdrawn.',
  state: 'Tahap pengecualian. / The exclusion’s stage.',
  entityType: 'Jenis entitas yang diubah, mis. `item`, `user`. / The kind of entity changed, e.g. `item`, `user`.',
  entityId: 'ID entitas yang diubah (bersama `entityType`). / The id of the entity changed (with `entityType`).',
  kind: 'Jenis laporan. / The report kind.',
  format: 'Format berkas: JSON, PDF, CSV atau XLSX. / The file format.',
  file: 'Berkas yang diminta. / The file asked for.',
  year: 'Tahun. / The year.',
  nomor: 'Nomor registrasi permohonan. / The request’s registration number.',
  kode: 'Kode akses yang diterima pemohon saat mengajukan. / The access code the requester got when filing.',
  baru: '`1` tepat setelah mengajukan: halaman menampilkan nomor dan kode untuk disimpan. / `1` right after filing: the page shows the number and code to keep.',
  'GET /api/calendar/{year} year': 'Tahun kalender. / The calendar year.',
  cycleId: 'ID siklus pendokumentasian (UUID). / The documentation cycle’s id (UUID).',
  'GET /api/items year': 'Tahun informasi. / The year the information concerns.',
  'GET /api/dip year': 'Tahun informasi. / The year the information concerns.',
  'GET /api/requests year': 'Tahun registrasi permohonan. / The year the requests were registered.',
  'GET /api/objections year': 'Tahun registrasi keberatan. / The year the objections were registered.',
  'GET /api/reports/{kind} from': 'Tanggal awal periode (YYYY-MM-DD). / First day of the period.',
  'GET /api/reports/{kind} to': 'Tanggal akhir periode, termasuk (YYYY-MM-DD). / Last day of the period, inclusive.',
  'GET /api/exclusions/{exclusionId}/files/{file} file':
    'Lembar uji konsekuensi (`testSheet`) atau penetapan (`decree`). / The consequence test sheet or the decree.',
  'GET /api/objections/{objectionId}/files/{file} file': 'Tanggapan (`response`) atau ID lampiran (UUID). / The response, or an attachment’s id.',
  'GET /api/requests/{requestId}/files/{file} file':
    'Pemberitahuan tertulis (`notice`), perpanjangan (`extension`), surat kuasa (`power-of-attorney`) atau ID dokumen jawaban (UUID). / The written notice, the extension, the power of attorney, or an answer document’s id.',
};

function paramList(schema: z.ZodType | undefined, where: 'path' | 'query', route: string) {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, { description: own, ...sch }]) => {
    const description = own ?? PARAMETER_TEXT[`${route} ${name}`] ?? PARAMETER_TEXT[name];
    return {
      name,
      in: where,
      ...(description ? { description } : {}),
      required: where === 'path' || (s.required ?? []).includes(name),
      schema: sch,
    };
  });
}

const ErrorSchema = jsonSchema(
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string().meta({ description: 'In the language of Accept-Language (id default, en)' }),
      messages: z.object({ id: z.string(), en: z.string() }),
      details: z.array(z.object({ path: z.string(), message: z.string(), messages: z.object({ id: z.string(), en: z.string() }) })).optional(),
    }),
  }),
  'output',
);

/** Who answers for the API: the PPID (the PPID Utama unit's name, mail and the register's address). */
export interface ApiContact {
  name: string;
  email?: string;
  url?: string;
}

const DESCRIPTION = [
  'Layanan informasi publik menurut UU 14/2008 untuk badan publik dan PPID-nya. Bagian-bagiannya:',
  '- **Informasi publik (DIP)**: penyusunan, persetujuan dan pengumuman informasi berkala, serta-merta dan setiap saat di register publik (SOP 000);',
  '- **Pengecualian (DIK)**: uji konsekuensi, penetapan dan Daftar Informasi yang Dikecualikan, sampai berakhirnya (SOP 002);',
  '- **Permohonan informasi** (Pasal 21–22): sisi publik di `/api/public/` tanpa akun, sisi petugas di `/api/requests`, dengan buku register;',
  '- **Keberatan** (Pasal 35–36) dan **sengketa informasi** di Komisi Informasi, banding dan kasasi (Pasal 37–50);',
  '- **Laporan** dan **arsip laporan** (SOP 001), dan **dasbor** per SKPD dan periode;',
  '- perangkat daerah, pengguna, jejak audit, kalender hari kerja dan pengaturan aturan tenggat.',
  '',
  'Rute petugas memerlukan token ID Cognito (`Authorization: Bearer`); `x-roles` menyebut peran yang boleh memakainya. Pesan galat dalam Bahasa Indonesia dan Inggris (`Accept-Language`).',
  '',
  'Public-information service under UU 14/2008 for a public body and its PPID:',
  '- **Public information (DIP)**: drafting, approval and publication of periodic, immediate and any-time information on the public register (SOP 000);',
  '- **Exclusions (DIK)**: the consequence test, the decree and the list of excluded information, until it ends (SOP 002);',
  '- **Information requests** (Art. 21–22): the public side under `/api/public/` with no account, the staff side under `/api/requests`, with the request register;',
  '- **Objections** (Art. 35–36) and **information disputes** before the Information Commission, appeals and cassation (Art. 37–50);',
  '- **Reports** and the **report archive** (SOP 001), and the **dashboard** per SKPD and period;',
  '- agencies, users, the audit trail, the working-day calendar and the deadline rules.',
  '',
  'Staff routes need a Cognito ID token (`Authorization: Bearer`); `x-roles` names the roles that may call them. Error messages come in Bahasa Indonesia and English (`Accept-Language`).',
].join('\n');

/**
 * OpenAPI 3.1 (JSON Schema 2020-12) generated from every route's zod schemas, with a declared tag for
 * each handler module and a description on every parameter.
 *
 * No `info.license`: the project states no licence (no LICENSE file, no `license` in package.json),
 * and this document must not claim one that nobody chose. Add it here when the owners choose one.
 */
export function openApiDocument(about: { contact?: ApiContact } = {}): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const used = new Set<string>();
  for (const r of routes) {
    const mod = handlerModule(r.handler);
    const name = handlerExport(r.handler);
    const h = (r.handler === 'api/meta.openapi' ? meta.openapi : modules()[mod]?.[name]) as EndpointHandler | undefined;
    if (!h?.spec) throw new Error(`No endpoint spec for ${r.handler}`);
    const { spec } = h;
    const status = String(spec.status ?? 200);
    const tag = API_TAGS[mod]?.name ?? mod;
    used.add(mod);
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      operationId: r.handler.replace(/[/.]/g, '_'),
      summary: spec.summary,
      tags: [tag],
      ...(spec.description ? { description: spec.description } : {}),
      ...(r.roles === 'public' ? { security: [] } : { 'x-roles': r.roles }),
      parameters: [...paramList(spec.params, 'path', `${r.method} ${r.path}`), ...paramList(spec.query, 'query', `${r.method} ${r.path}`)],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: jsonSchema(spec.body, 'input') },
                // A plain HTML form (no JavaScript): the same fields, nested by dots in their names.
                ...(spec.formRedirect ? { 'application/x-www-form-urlencoded': { schema: jsonSchema(spec.body, 'input') } } : {}),
              },
            },
          }
        : {}),
      responses: {
        [status]:
          status === '204'
            ? { description: 'Done' }
            : spec.html
              ? { description: 'A page for people (HTML)', content: { 'text/html': { schema: { type: 'string' } } } }
              : { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } },
        ...(spec.formRedirect ? { '303': { description: 'A plain form post: see the page that answers it (Location)' } } : {}),
        '4XX': {
          description: 'A problem with the request, explained in Bahasa Indonesia and English',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SIP PPID API',
      version: appVersion,
      description: DESCRIPTION,
      ...(about.contact ? { contact: about.contact } : {}),
    },
    servers: [{ url: '/' }],
    tags: Object.entries(API_TAGS)
      .filter(([mod]) => used.has(mod))
      .map(([, t]) => t),
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token (local host: token from `npm run token`)' },
      },
      schemas: { Error: ErrorSchema },
    },
    security: [{ cognito: [] }],
    paths,
  };
}
