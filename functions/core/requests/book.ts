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
import { type BookQuery, type BookResult, exportBook, openBook } from '../book-export.ts';
import type { Context } from '../ports.ts';
import type { CellValue, Column, Lang } from '../tabular/table.ts';
import type { Decision, Request, Requester, RequestPart, RequestPersonal } from './model.ts';
import { mayReadPersonal } from './requests.ts';

export { BOOK_FORMATS, BOOK_JSON_MAX_ROWS, BOOK_LINK_SECONDS, type BookFormat, type BookQuery, type BookResult } from '../book-export.ts';

/** Roles that open the book (each row is further checked with `mayReadPersonal`). */
export const BOOK_ROLES = ['admin', 'ppid_utama', 'ppid_pelaksana'] as const;
const BOOK_ACCESS = { roles: BOOK_ROLES, bodyWide: ['admin', 'ppid_utama'], forbidden: 'request_book_forbidden' } as const;

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

/** The requester's (or objector's) name as a register prints it; once erased, a note that it was. */
export function requesterName(r: Requester | undefined, lang: Lang): string {
  if (!r) return ERASED[lang];
  return r.onBehalfOf ? `${r.fullName} (${lang === 'id' ? 'kuasa dari' : 'on behalf of'} ${r.onBehalfOf})` : r.fullName;
}

/** "Telp. +62 …; nama@contoh.id": the label also keeps a phone number that starts with + from reading as a formula. */
export function requesterContact(r: Requester | undefined, lang: Lang): CellValue {
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
    col('name', 'Nama pemohon', "Requester's name", (r) => requesterName(r.personal?.requester, lang), { width: 24, kind: 'text' }),
    col('address', 'Alamat', 'Address', (r) => r.personal?.requester.address, { width: 30, kind: 'text' }),
    col('contact', 'Nomor kontak / surel', 'Phone / email', (r) => requesterContact(r.personal?.requester, lang), { width: 24, kind: 'text' }),
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

/**
 * The book of one year, per SKPD or consolidated, as JSON rows (the printable page) or as a CSV or
 * XLSX file in the document bucket with a short-lived link. Audited in every format.
 */
export async function requestBook(ctx: Context, actor: Principal, q: BookQuery, lang: Lang): Promise<BookResult> {
  const book = await openBook(ctx, actor, q, BOOK_ACCESS);
  const rows = await bookRows(ctx, actor, book.year, book.agencyId);
  return exportBook(ctx, actor, {
    book,
    format: q.format,
    lang,
    title: bookTitle(book.year, book.agency?.name, lang),
    columns: bookColumns(lang),
    rows,
    fileStem: { id: 'Buku-Register-Permohonan', en: 'Register-of-Requests' },
    keyFolder: 'request-book',
    entityType: 'request_book',
    action: 'request.book_export',
  });
}
