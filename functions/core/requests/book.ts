/**
 * The register of requests (buku register permohonan informasi publik, Perki 1/2010 and 1/2021):
 * one row per request with the number, the date of receipt, the requester's name, address and
 * contact, the information requested and its purpose, whether the body holds it, the form, the kind
 * of request (how the information is to be obtained) and the channel, the decision, the refusal
 * grounds, the date of delivery and the cost. Per SKPD (the requests routed to it, with its own part
 * of the answer) or consolidated (the whole body's decision).
 *
 * The book holds personal data (UU 27/2022): only those who may read a request's personal data get
 * it (requests.ts `mayReadPersonal`), and among them only the roles that handle requests: PPID Utama
 * and the admin for every request, a PPID Pelaksana for its SKPD's. Every export is audited (who,
 * when, which book, how many rows), and the CSV and XLSX files go to the private document bucket
 * under `exports/`, reached through a short-lived link, never to the register bucket.
 */
import type { Principal } from '../access.ts';
import { ppidUtamaOf } from '../agencies.ts';
import { auditEvent } from '../audit.ts';
import { localDateOf } from '../calendar.ts';
import { fail, forbidden } from '../errors.ts';
import type { Context } from '../ports.ts';
import { type CellValue, type Column, cellOf, display, type Lang, toCsv } from '../tabular/table.ts';
import { toXlsx } from '../tabular/xlsx.ts';
import type { Decision, Request, RequestPart, RequestPersonal } from './model.ts';
import { mayReadPersonal } from './requests.ts';

export const BOOK_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type BookFormat = (typeof BOOK_FORMATS)[number];

/** Roles that open the book (each row is further checked with `mayReadPersonal`). */
export const BOOK_ROLES = ['admin', 'ppid_utama', 'ppid_pelaksana'] as const;
const BODY_WIDE = ['admin', 'ppid_utama'];

/** Rows sent in a JSON answer (the printable page); the files hold every row. */
export const BOOK_JSON_MAX_ROWS = 1000;
/** How long the download link lives. */
export const BOOK_LINK_SECONDS = 300;

/** One row: the request, its personal record (absent once erased), and the SKPD's part in an SKPD's book. */
export interface BookRow {
  request: Request;
  personal?: RequestPersonal;
  /** Set in an SKPD's book: that SKPD's part of the answer. */
  part?: RequestPart;
  /** The SKPD's book, or the consolidated one. */
  scope: 'agency' | 'body';
}

type Bi = { id: string; en: string };

const OBTAIN: Record<Request['content']['obtainForm'], Bi> = {
  view: { id: 'Melihat/membaca/mendengarkan/mencatat', en: 'See/read/hear/note' },
  copy_softcopy: { id: 'Meminta salinan (softcopy)', en: 'A copy (softcopy)' },
  copy_hardcopy: { id: 'Meminta salinan (hardcopy)', en: 'A copy (hardcopy)' },
};
const CHANNEL: Record<Request['channel'], Bi> = {
  online: { id: 'Daring (formulir situs)', en: 'Online (website form)' },
  in_person: { id: 'Langsung (loket)', en: 'In person (desk)' },
  phone: { id: 'Telepon', en: 'Phone' },
  letter: { id: 'Surat', en: 'Letter' },
  email: { id: 'Surel', en: 'Email' },
};
const DECISION: Record<Decision, Bi> = {
  granted: { id: 'Diberikan seluruhnya', en: 'Granted in full' },
  partial: { id: 'Diberikan sebagian', en: 'Granted in part' },
  refused: { id: 'Ditolak', en: 'Refused' },
};
const ERASED: Bi = { id: '(data pribadi dihapus setelah masa retensi)', en: '(personal data erased after retention)' };

const answers = (row: BookRow) => (row.scope === 'agency' ? [row.part?.answer] : row.request.parts.map((p) => p.answer)).filter((a) => !!a);

function held(row: BookRow, lang: Lang): string {
  const routing = row.request.routing;
  if (!routing) return lang === 'id' ? 'Belum diputuskan' : 'Not decided yet';
  if (routing.held) return lang === 'id' ? 'Dikuasai' : 'Held';
  const other = routing.otherBody ? ` (${lang === 'id' ? 'dikuasai' : 'held by'} ${routing.otherBody})` : '';
  return `${lang === 'id' ? 'Tidak dikuasai' : 'Not held'}${other}`;
}

function decision(row: BookRow, lang: Lang): string | undefined {
  if (row.request.routing && !row.request.routing.held) return lang === 'id' ? 'Tidak dikuasai' : 'Not held';
  const d = row.scope === 'agency' ? row.part?.answer?.decision : row.request.outcome?.decision;
  return d ? DECISION[d][lang] : undefined;
}

function grounds(row: BookRow): string | undefined {
  const seen = new Set<string>();
  const texts: string[] = [];
  for (const a of answers(row))
    for (const g of a.grounds) {
      if (seen.has(g.exclusionId)) continue;
      seen.add(g.exclusionId);
      texts.push(g.dikNumber ? `${g.dikNumber}: ${g.legalBasis}` : g.legalBasis);
    }
  return texts.join('; ') || undefined;
}

function cost(row: BookRow): number | undefined {
  if (row.scope === 'body' && row.request.outcome) return row.request.outcome.cost;
  const given = answers(row).filter((a) => a.decision !== 'refused');
  return given.length ? given.reduce((s, a) => s + a.cost, 0) : undefined;
}

function requesterName(row: BookRow, lang: Lang): string {
  const r = row.personal?.requester;
  if (!r) return ERASED[lang];
  return r.onBehalfOf ? `${r.fullName} (${lang === 'id' ? 'kuasa dari' : 'on behalf of'} ${r.onBehalfOf})` : r.fullName;
}

/** "Telp. +62 …; nama@contoh.id": the label also keeps a phone number that starts with + from reading as a formula. */
function contact(row: BookRow, lang: Lang): CellValue {
  const r = row.personal?.requester;
  return [r?.phone ? `${lang === 'id' ? 'Telp.' : 'Tel.'} ${r.phone}` : undefined, r?.email].filter(Boolean).join('; ') || undefined;
}

/** The book's columns, in the order of the register (Perki 1/2010 Lampiran), in one language. */
export function bookColumns(lang: Lang): Column<BookRow>[] {
  const col = (key: string, id: string, en: string, value: (row: BookRow) => CellValue, extra: Partial<Column<BookRow>> = {}): Column<BookRow> => ({
    key,
    header: { id, en },
    value,
    ...extra,
  });
  return [
    col('number', 'Nomor pendaftaran', 'Registration number', (r) => r.request.number, { width: 16, kind: 'text' }),
    col('receivedOn', 'Tanggal permohonan', 'Date of request', (r) => r.request.receivedOn, { width: 12, kind: 'date' }),
    col('name', 'Nama pemohon', "Requester's name", (r) => requesterName(r, lang), { width: 24, kind: 'text' }),
    col('address', 'Alamat', 'Address', (r) => r.personal?.requester.address, { width: 30, kind: 'text' }),
    col('contact', 'Nomor kontak / surel', 'Phone / email', (r) => contact(r, lang), { width: 24, kind: 'text' }),
    col('information', 'Informasi yang diminta', 'Information requested', (r) => r.request.content.information, { width: 40, kind: 'text' }),
    col('purpose', 'Tujuan penggunaan informasi', 'Purpose', (r) => r.request.content.purpose, { width: 30, kind: 'text' }),
    col('held', 'Status informasi (dikuasai / tidak dikuasai)', 'Held by the body', (r) => held(r, lang), { width: 18, kind: 'text' }),
    col('form', 'Bentuk informasi', 'Form of the information', (r) => [...new Set(answers(r).map((a) => a.form))].join('; ') || undefined, {
      width: 18,
      kind: 'text',
    }),
    col('kind', 'Jenis permohonan', 'Kind of request', (r) => OBTAIN[r.request.content.obtainForm][lang], { width: 20, kind: 'text' }),
    col('channel', 'Cara permohonan diajukan', 'Channel', (r) => CHANNEL[r.request.channel][lang], { width: 16, kind: 'text' }),
    col('decision', 'Keputusan', 'Decision', (r) => decision(r, lang), { width: 18, kind: 'text' }),
    col('grounds', 'Alasan penolakan', 'Refusal grounds', grounds, { width: 36, kind: 'text' }),
    col('deliveredOn', 'Tanggal pemberian informasi', 'Date of delivery', (r) => r.request.delivery?.deliveredOn, { width: 12, kind: 'date' }),
    col('cost', 'Biaya (Rp)', 'Cost (IDR)', cost, { width: 12, kind: 'number' }),
  ];
}

export function bookTitle(year: number, agencyName: string | undefined, lang: Lang): string {
  return lang === 'id'
    ? `Buku Register Permohonan Informasi Publik ${year}${agencyName ? ` · ${agencyName}` : ' · Gabungan'}`
    : `Register of Information Requests ${year}${agencyName ? ` · ${agencyName}` : ' · Consolidated'}`;
}

export interface BookQuery {
  year?: number;
  /** An SKPD's book; without it the consolidated one (PPID Utama, admin). */
  agencyId?: string;
  format: BookFormat;
}

/** A cell as the JSON answer carries it: text, a number, or a date as YYYY-MM-DD. */
type JsonCell = string | number | null;

export interface BookResult {
  year: number;
  agencyId?: string;
  title: string;
  count: number;
  columns: { key: string; header: Bi; kind?: 'text' | 'number' | 'date' }[];
  /** JSON only, at most BOOK_JSON_MAX_ROWS. */
  rows?: Record<string, JsonCell>[];
  truncated?: boolean;
  /** CSV and XLSX: the file, through a short-lived link. */
  file?: { url: string; fileName: string; contentType: string; expiresInSeconds: number };
}

const CONTENT_TYPE: Record<Exclude<BookFormat, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Every request of the year in the scope, newest number first (as the list), with its personal record. */
async function bookRows(ctx: Context, actor: Principal, year: number, agencyId: string | undefined): Promise<BookRow[]> {
  const requests: Request[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listRequests({ year, agencyId, cursor, limit: 100 });
    requests.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  // Defence in depth: a row whose personal data this person may not read is not in their book.
  const readable = requests.filter((r) => r.year === year && mayReadPersonal(actor, r));
  const rows: BookRow[] = [];
  for (let i = 0; i < readable.length; i += 25) {
    const chunk = readable.slice(i, i + 25);
    const personal = await Promise.all(chunk.map((r) => ctx.store.getRequestPersonal(r.requestId)));
    chunk.forEach((request, j) => {
      const part = agencyId ? request.parts.find((p) => p.agencyId === agencyId) : undefined;
      rows.push({ request, ...(personal[j] ? { personal: personal[j] } : {}), ...(part ? { part } : {}), scope: agencyId ? 'agency' : 'body' });
    });
  }
  // The register reads in order of receipt: oldest number first.
  return rows.sort((a, b) => a.request.sequence - b.request.sequence);
}

function jsonCell(column: Column<BookRow>, row: BookRow): JsonCell {
  const cell = cellOf(column, row);
  if (!cell) return null;
  return cell.type === 'number' ? cell.value : display(cell);
}

/**
 * The book of one year, per SKPD or consolidated, as JSON rows (the printable page) or as a CSV or
 * XLSX file in the document bucket with a short-lived link. Audited in every format.
 */
export async function requestBook(ctx: Context, actor: Principal, q: BookQuery, lang: Lang): Promise<BookResult> {
  if (!(BOOK_ROLES as readonly string[]).includes(actor.role)) forbidden('request_book_forbidden');
  const bodyWide = BODY_WIDE.includes(actor.role);
  if (!bodyWide && q.agencyId && q.agencyId !== actor.agencyId) forbidden('request_book_forbidden');
  const agencyId = bodyWide ? q.agencyId : actor.agencyId;
  const agencies = await ctx.store.listAgencies();
  const body = ppidUtamaOf(agencies) ?? fail('validation', 'ppid_utama_missing');
  const agency = agencyId ? agencies.find((a) => a.id === agencyId) : undefined;
  if (agencyId && !agency) fail('not_found', 'agency_not_found', { agencyId });
  const year = q.year ?? Number(localDateOf(ctx.now, body.timezone).slice(0, 4));

  const rows = await bookRows(ctx, actor, year, agencyId);
  const columns = bookColumns(lang);
  const title = bookTitle(year, agency?.name, lang);
  const result: BookResult = {
    year,
    ...(agencyId ? { agencyId } : {}),
    title,
    count: rows.length,
    columns: columns.map((c) => ({ key: c.key, header: c.header, ...(c.kind ? { kind: c.kind } : {}) })),
  };

  let fileKey: string | undefined;
  if (q.format === 'json') {
    result.rows = rows.slice(0, BOOK_JSON_MAX_ROWS).map((row) => Object.fromEntries(columns.map((c) => [c.key, jsonCell(c, row)])));
    if (rows.length > BOOK_JSON_MAX_ROWS) result.truncated = true;
  } else {
    if (!ctx.files) throw new Error('requestBook: no file store in the context');
    const bytes =
      q.format === 'csv' ? new TextEncoder().encode(toCsv(columns, rows, lang)) : toXlsx([{ name: `Register ${year}`, title, columns, rows, lang }]);
    const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
    const fileName = `${lang === 'id' ? 'Buku-Register-Permohonan' : 'Register-of-Requests'}-${year}-${agencyId ?? (lang === 'id' ? 'gabungan' : 'consolidated')}-${stamp}.${q.format}`;
    // A fresh, unguessable key per export: the link is the only way to it.
    fileKey = `exports/request-book/${year}/${agencyId ?? 'all'}/${crypto.randomUUID()}/${fileName}`;
    await ctx.files.put(fileKey, bytes, CONTENT_TYPE[q.format]);
    result.file = {
      url: await ctx.files.downloadUrl(fileKey, fileName, CONTENT_TYPE[q.format]),
      fileName,
      contentType: CONTENT_TYPE[q.format],
      expiresInSeconds: BOOK_LINK_SECONDS,
    };
  }

  await ctx.store.commit(
    [],
    auditEvent({
      actor,
      action: 'request.book_export',
      entity: { type: 'request_book', id: `${year}-${agencyId ?? 'all'}` },
      agencyId: agencyId ?? body.id,
      // Which book, in which format, how many rows (the personal data itself is never in the audit trail).
      after: { year, agencyId: agencyId ?? null, format: q.format, rows: rows.length, ...(fileKey ? { key: fileKey } : {}) },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return result;
}
