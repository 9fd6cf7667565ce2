/**
 * The register of objections (register keberatan, Perki 1/2021): one row per objection with its
 * number, the date of receipt, the request's number, the objector's name, address and contact, the
 * information requested, the grounds (Pasal 35(1) a–g), the Atasan PPID's deadline, the response
 * (decision, the date to provide by, its date, the reasons in brief, the Atasan's name and
 * position), and the dispute at the Komisi Informasi. Per SKPD (the objections whose request was
 * routed to it, `agencyIds`) or consolidated, one year at a time. It feeds the annual report's
 * "objections and disputes" (Perki 1/2021 Pasal 56).
 *
 * The objector is the requester: their identity comes from the request's personal record, or for
 * an objection with no request (ground b) from the objection's own (`ObjectionPersonal`); once it
 * is erased the row says so, with no personal data.
 *
 * Personal data (UU 27/2022): PPID Utama, the admin and the Atasan PPID (who decides objections)
 * open any SKPD's book and the consolidated one; a PPID Pelaksana its own SKPD's only. Every export
 * is audited, and the CSV and XLSX files go to the private document bucket under
 * `exports/objection-book/`, reached through a short-lived link (book-export.ts, shared with the
 * register of requests).
 *
 * The dispute column is filled by the caller's `disputes` (objections/disputes.ts, built apart):
 * without it the column stays empty.
 */
import type { Principal } from '../access.ts';
import { type BookQuery, type BookResult, exportBook, openBook } from '../book-export.ts';
import { localDateOf } from '../calendar.ts';
import { nameAndPosition } from '../official-documents/people.ts';
import type { Context } from '../ports.ts';
import { requesterContact, requesterName } from '../requests/book.ts';
import type { Requester } from '../requests/model.ts';
import type { CellValue, Column, Lang } from '../tabular/table.ts';
import { GROUND_TEXT, type Objection, type ObjectionState } from './model.ts';

/** Who opens the register of objections. */
export const OBJECTION_BOOK_ROLES = ['admin', 'ppid_utama', 'atasan_ppid', 'ppid_pelaksana'] as const;
const ACCESS = { roles: OBJECTION_BOOK_ROLES, bodyWide: ['admin', 'ppid_utama', 'atasan_ppid'], forbidden: 'objection_book_forbidden' } as const;

/** The reasons as the register shows them: at most this many characters. */
export const REASONS_BRIEF = 280;

/**
 * The dispute column's text of each objection (by objectionId): whether a dispute followed at the
 * Komisi Informasi and its outcome, in `lang`. Absent: no dispute known.
 */
export type DisputeColumn = (objections: Objection[], lang: Lang) => Promise<Map<string, string>> | Map<string, string>;

export interface ObjectionBookRow {
  objection: Objection;
  /** From the request's personal record or the objection's own; absent once erased. */
  objector?: Requester;
  /** The body's time zone: the response's date as a local date. */
  timeZone: string;
  dispute?: string;
}

type Bi = { id: string; en: string };

const STATE: Record<ObjectionState, Bi> = {
  registered: { id: 'Menunggu tanggapan Atasan PPID', en: 'Awaiting the Atasan PPID' },
  granted: { id: 'Diterima', en: 'Granted' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  closed: { id: 'Selesai', en: 'Closed' },
};

function decision(o: Objection, lang: Lang): string | undefined {
  const r = o.response;
  if (!r) return undefined;
  if (r.decision === 'rejected') return lang === 'id' ? 'Keberatan ditolak' : 'Objection rejected';
  const scope = r.scope === 'partial' ? (lang === 'id' ? 'sebagian' : 'in part') : lang === 'id' ? 'seluruhnya' : 'in full';
  return lang === 'id' ? `Keberatan diterima: informasi diberikan ${scope}` : `Objection granted: the information to be given ${scope}`;
}

/** "a. Penolakan …; g. Penyampaian …": each ground by its letter of Pasal 35(1). */
const grounds = (o: Objection, lang: Lang) => o.grounds.map((g) => `${g}. ${GROUND_TEXT[g][lang]}`).join('; ');

function brief(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= REASONS_BRIEF ? t : `${t.slice(0, REASONS_BRIEF - 1).trimEnd()}…`;
}

/** The register's columns, in one language. */
export function objectionBookColumns(lang: Lang): Column<ObjectionBookRow>[] {
  const col = (key: string, id: string, en: string, value: (row: ObjectionBookRow) => CellValue, extra: Partial<Column<ObjectionBookRow>> = {}) => ({
    key,
    header: { id, en },
    value,
    ...extra,
  });
  return [
    col('number', 'Nomor registrasi keberatan', 'Objection number', (r) => r.objection.number, { width: 16, kind: 'text' }),
    col('receivedOn', 'Tanggal keberatan diterima', 'Date received', (r) => r.objection.receivedOn, { width: 12, kind: 'date' }),
    col('requestNumber', 'Nomor pendaftaran permohonan', 'Request number', (r) => r.objection.requestNumber, { width: 16, kind: 'text' }),
    col('name', 'Nama pengaju keberatan', "Objector's name", (r) => requesterName(r.objector, lang), { width: 24, kind: 'text' }),
    col('address', 'Alamat', 'Address', (r) => r.objector?.address, { width: 30, kind: 'text' }),
    col('contact', 'Nomor kontak / surel', 'Phone / email', (r) => requesterContact(r.objector, lang), { width: 24, kind: 'text' }),
    col('information', 'Informasi yang diminta', 'Information requested', (r) => r.objection.information, { width: 40, kind: 'text' }),
    col('grounds', 'Alasan keberatan (Pasal 35 ayat (1))', 'Grounds (Pasal 35(1))', (r) => grounds(r.objection, lang), { width: 40, kind: 'text' }),
    col('deadline', 'Batas waktu tanggapan', 'Response due', (r) => r.objection.deadline.local.slice(0, 10), { width: 12, kind: 'date' }),
    col('state', 'Status', 'State', (r) => STATE[r.objection.state][lang], { width: 16, kind: 'text' }),
    col('decision', 'Keputusan Atasan PPID', "The Atasan PPID's decision", (r) => decision(r.objection, lang), { width: 24, kind: 'text' }),
    col('provideBy', 'Informasi diberikan paling lambat', 'Information due by', (r) => r.objection.response?.provideBy, { width: 12, kind: 'date' }),
    col(
      'respondedOn',
      'Tanggal tanggapan',
      'Date of the response',
      (r) => (r.objection.response ? localDateOf(new Date(r.objection.response.at), r.timeZone) : undefined),
      { width: 12, kind: 'date' },
    ),
    col('reasons', 'Pertimbangan (ringkas)', 'Reasons (in brief)', (r) => brief(r.objection.response?.reasons), { width: 40, kind: 'text' }),
    col(
      'responder',
      'Nama dan jabatan Atasan PPID',
      'The Atasan PPID (name, position)',
      (r) => (r.objection.response ? nameAndPosition(r.objection.response.responder) : undefined),
      { width: 28, kind: 'text' },
    ),
    col('dispute', 'Sengketa informasi (Komisi Informasi) dan putusannya', 'Dispute (Komisi Informasi) and its outcome', (r) => r.dispute, {
      width: 28,
      kind: 'text',
    }),
  ];
}

export function objectionBookTitle(year: number, agencyName: string | undefined, lang: Lang): string {
  return lang === 'id'
    ? `Register Keberatan ${year}${agencyName ? ` · ${agencyName}` : ' · Gabungan'}`
    : `Register of Objections ${year}${agencyName ? ` · ${agencyName}` : ' · Consolidated'}`;
}

/** Every objection of the year in the scope, in order of receipt, with the objector's identity. */
async function objectionRows(ctx: Context, year: number, agencyId: string | undefined, timeZone: string, lang: Lang, disputes?: DisputeColumn) {
  const objections: Objection[] = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listObjections({ year, cursor, limit: 100 });
    objections.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const inScope = objections.filter((o) => o.year === year && (!agencyId || o.agencyIds.includes(agencyId)));
  const disputeText = disputes ? await disputes(inScope, lang) : new Map<string, string>();
  const rows: ObjectionBookRow[] = [];
  for (let i = 0; i < inScope.length; i += 25) {
    const chunk = inScope.slice(i, i + 25);
    const identities = await Promise.all(
      chunk.map(async (o) =>
        o.requestId ? (await ctx.store.getRequestPersonal(o.requestId))?.requester : (await ctx.store.getObjectionPersonal(o.objectionId))?.objector,
      ),
    );
    chunk.forEach((objection, j) => {
      const dispute = disputeText.get(objection.objectionId);
      rows.push({ objection, ...(identities[j] ? { objector: identities[j] } : {}), timeZone, ...(dispute ? { dispute } : {}) });
    });
  }
  return rows.sort((a, b) => a.objection.sequence - b.objection.sequence);
}

/**
 * The register of objections of one year, per SKPD or consolidated, as JSON rows (the printable
 * page) or as a CSV or XLSX file in the document bucket with a short-lived link. Audited in every
 * format (`objection.book_export`, entity `objection_book` `<year>-<agencyId|all>`).
 */
export async function objectionBook(ctx: Context, actor: Principal, q: BookQuery, lang: Lang, disputes?: DisputeColumn): Promise<BookResult> {
  const book = await openBook(ctx, actor, q, ACCESS);
  const rows = await objectionRows(ctx, book.year, book.agencyId, book.body.timezone, lang, disputes);
  return exportBook(ctx, actor, {
    book,
    format: q.format,
    lang,
    title: objectionBookTitle(book.year, book.agency?.name, lang),
    columns: objectionBookColumns(lang),
    rows,
    fileStem: { id: 'Register-Keberatan', en: 'Register-of-Objections' },
    keyFolder: 'objection-book',
    entityType: 'objection_book',
    action: 'objection.book_export',
  });
}
