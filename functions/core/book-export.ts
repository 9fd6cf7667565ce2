/**
 * The registers that hold personal data (buku register permohonan, register keberatan): what they
 * share once their rows are known.
 *
 *   - `openBook`: who may open which book (the roles, the SKPD's own book for the others), the body
 *     (PPID Utama's unit) and the year (default: this year in the body's time zone);
 *   - `exportBook`: the JSON rows for the printable page (at most BOOK_JSON_MAX_ROWS), or a CSV or
 *     XLSX file (tabular/) in the private document bucket under `exports/<book>/`, a fresh
 *     unguessable key per export, reached through a short-lived link; and in every format the audit
 *     event (who, when, which book, the format, the number of rows, the key: never the personal data).
 */
import type { Principal } from './access.ts';
import { ppidUtamaOf } from './agencies.ts';
import { auditEvent } from './audit.ts';
import { localDateOf } from './calendar.ts';
import { fail, forbidden } from './errors.ts';
import type { MessageKey } from './messages.ts';
import type { Agency } from './model.ts';
import type { Context } from './ports.ts';
import { type Column, cellOf, display, type Lang, toCsv } from './tabular/table.ts';
import { toXlsx } from './tabular/xlsx.ts';

export const BOOK_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type BookFormat = (typeof BOOK_FORMATS)[number];

/** Rows sent in a JSON answer (the printable page); the files hold every row. */
export const BOOK_JSON_MAX_ROWS = 1000;
/** How long the download link lives. */
export const BOOK_LINK_SECONDS = 300;

type Bi = { id: string; en: string };

export interface BookQuery {
  year?: number;
  /** An SKPD's book; without it the consolidated one (the body-wide roles). */
  agencyId?: string;
  format: BookFormat;
}

/** A cell as the JSON answer carries it: text, a number, or a date as YYYY-MM-DD. */
export type JsonCell = string | number | null;

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

export interface BookAccess {
  /** Roles that open the book at all. */
  roles: readonly string[];
  /** Among them, those that open any SKPD's book and the consolidated one; the others open their own SKPD's. */
  bodyWide: readonly string[];
  /** The 403 message. */
  forbidden: MessageKey;
}

export interface OpenedBook {
  year: number;
  /** The SKPD's book, or undefined for the consolidated one. */
  agencyId?: string;
  agency?: Agency;
  /** PPID Utama's unit: the body's time zone and the audit trail's agency for the consolidated book. */
  body: Agency;
}

/** Checks who may open which book and resolves the SKPD, the body and the year. */
export async function openBook(ctx: Context, actor: Principal, q: Pick<BookQuery, 'year' | 'agencyId'>, access: BookAccess): Promise<OpenedBook> {
  if (!access.roles.includes(actor.role)) forbidden(access.forbidden);
  const bodyWide = access.bodyWide.includes(actor.role);
  if (!bodyWide && q.agencyId && q.agencyId !== actor.agencyId) forbidden(access.forbidden);
  const agencyId = bodyWide ? q.agencyId : actor.agencyId;
  const agencies = await ctx.store.listAgencies();
  const body = ppidUtamaOf(agencies) ?? fail('validation', 'ppid_utama_missing');
  const agency = agencyId ? agencies.find((a) => a.id === agencyId) : undefined;
  if (agencyId && !agency) fail('not_found', 'agency_not_found', { agencyId });
  const year = q.year ?? Number(localDateOf(ctx.now, body.timezone).slice(0, 4));
  return { year, ...(agencyId ? { agencyId } : {}), ...(agency ? { agency } : {}), body };
}

function jsonCell<T>(column: Column<T>, row: T): JsonCell {
  const cell = cellOf(column, row);
  if (!cell) return null;
  return cell.type === 'number' ? cell.value : display(cell);
}

export interface BookExport<T> {
  book: OpenedBook;
  format: BookFormat;
  lang: Lang;
  title: string;
  columns: Column<T>[];
  rows: T[];
  /** The file name's stem in each language, e.g. `Buku-Register-Permohonan` / `Register-of-Requests`. */
  fileStem: Bi;
  /** The key's folder under `exports/` (`request-book`) and the audit entity's type (`request_book`). */
  keyFolder: string;
  entityType: string;
  /** The audit action, e.g. `request.book_export`. */
  action: string;
}

/**
 * The book as JSON rows, or as a CSV or XLSX file in the document bucket with a short-lived link;
 * audited in every format.
 */
export async function exportBook<T>(ctx: Context, actor: Principal, x: BookExport<T>): Promise<BookResult> {
  const { book, format, lang, title, columns, rows } = x;
  const { year, agencyId } = book;
  const result: BookResult = {
    year,
    ...(agencyId ? { agencyId } : {}),
    title,
    count: rows.length,
    columns: columns.map((c) => ({ key: c.key, header: c.header, ...(c.kind ? { kind: c.kind } : {}) })),
  };

  let fileKey: string | undefined;
  if (format === 'json') {
    result.rows = rows.slice(0, BOOK_JSON_MAX_ROWS).map((row) => Object.fromEntries(columns.map((c) => [c.key, jsonCell(c, row)])));
    if (rows.length > BOOK_JSON_MAX_ROWS) result.truncated = true;
  } else {
    if (!ctx.files) throw new Error(`${x.action}: no file store in the context`);
    const bytes = format === 'csv' ? new TextEncoder().encode(toCsv(columns, rows, lang)) : toXlsx([{ name: `Register ${year}`, title, columns, rows, lang }]);
    const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
    const fileName = `${x.fileStem[lang]}-${year}-${agencyId ?? (lang === 'id' ? 'gabungan' : 'consolidated')}-${stamp}.${format}`;
    // A fresh, unguessable key per export: the link is the only way to it.
    fileKey = `exports/${x.keyFolder}/${year}/${agencyId ?? 'all'}/${crypto.randomUUID()}/${fileName}`;
    await ctx.files.put(fileKey, bytes, CONTENT_TYPE[format]);
    result.file = {
      url: await ctx.files.downloadUrl(fileKey, fileName, CONTENT_TYPE[format]),
      fileName,
      contentType: CONTENT_TYPE[format],
      expiresInSeconds: BOOK_LINK_SECONDS,
    };
  }

  await ctx.store.commit(
    [],
    auditEvent({
      actor,
      action: x.action,
      entity: { type: x.entityType, id: `${year}-${agencyId ?? 'all'}` },
      agencyId: agencyId ?? book.body.id,
      // Which book, in which format, how many rows (the personal data itself is never in the audit trail).
      after: { year, agencyId: agencyId ?? null, format, rows: rows.length, ...(fileKey ? { key: fileKey } : {}) },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return result;
}
