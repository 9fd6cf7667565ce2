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
 * The dispute column: the disputes recorded at the Komisi Informasi on each objection
 * (objections/disputes.ts, `against.objectionId`), filed in the register's year or the next (a dispute
 * is filed within 14 working days after the response, itself due 30 working days after receipt), with
 * the KI's outcome and any appeal and cassation; a caller may pass its own `disputes`.
 */
import type { Principal } from '../access.ts';
import { type BookQuery, type BookResult, exportBook, openBook } from '../book-export.ts';
import { localDateOf } from '../calendar.ts';
import { nameAndPosition } from '../official-documents/people.ts';
import type { Context } from '../ports.ts';
import { requesterContact, requesterName } from '../requests/book.ts';
import type { Requester } from '../requests/model.ts';
import type { CellValue, Column, Lang } from '../tabular/table.ts';
import type { CourtOutcome, Dispute, KiOutcome } from './disputes.ts';
import { GROUND_TEXT, type Objection, type ObjectionState } from './model.ts';

/** Who opens the register of objections. */
export const OBJECTION_BOOK_ROLES = ['admin', 'ppid_utama', 'atasan_ppid', 'ppid_pelaksana'] as const;
const ACCESS = { roles: OBJECTION_BOOK_ROLES, bodyWide: ['admin', 'ppid_utama', 'atasan_ppid'], forbidden: 'objection_book_forbidden' } as const;

/** The reasons as the register shows them: at most this many characters. */
export const REASONS_BRIEF = 280;

/**
 * The dispute column's text of each objection (by objectionId): whether a dispute followed at the
 * Komisi Informasi and its outcome, in `lang`. Absent: no dispute recorded.
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

const KI_OUTCOME: Record<KiOutcome, Bi> = {
  mediation_agreement: { id: 'selesai dengan kesepakatan mediasi', en: 'settled by a mediation agreement' },
  upheld: { id: 'permohonan sengketa dikabulkan', en: 'the claim was upheld' },
  partly_upheld: { id: 'permohonan sengketa dikabulkan sebagian', en: 'the claim was partly upheld' },
  rejected: { id: 'permohonan sengketa ditolak', en: 'the claim was rejected' },
  withdrawn: { id: 'permohonan sengketa dicabut', en: 'the claim was withdrawn' },
};
const COURT_OUTCOME: Record<CourtOutcome, Bi> = {
  granted: { id: 'dikabulkan', en: 'granted' },
  partly_granted: { id: 'dikabulkan sebagian', en: 'partly granted' },
  rejected: { id: 'ditolak', en: 'rejected' },
  not_accepted: { id: 'tidak dapat diterima', en: 'not accepted' },
  withdrawn: { id: 'dicabut', en: 'withdrawn' },
};

/** "Diajukan 2026-03-02 (register KI 012/REG-PSI/III/2026); permohonan sengketa ditolak (2026-05-04); keberatan ke PTUN …: dalam proses". */
export function disputeText(d: Dispute, lang: Lang): string {
  const pending = lang === 'id' ? 'dalam proses' : 'pending';
  const parts = [
    `${lang === 'id' ? 'Diajukan' : 'Filed'} ${d.filedOn} (${lang === 'id' ? 'register KI' : 'KI register'} ${d.kiRegisterNumber})`,
    d.outcome ? `${KI_OUTCOME[d.outcome.kind][lang]} (${d.outcome.decidedOn})` : pending,
  ];
  if (d.appeal) {
    const a = d.appeal;
    parts.push(
      `${lang === 'id' ? 'keberatan ke' : 'appeal to'} ${a.court.toUpperCase()} ${a.caseNumber}: ${a.outcome ? `${COURT_OUTCOME[a.outcome.kind][lang]} (${a.outcome.decidedOn})` : pending}`,
    );
    const c = a.cassation;
    if (c) parts.push(`${lang === 'id' ? 'kasasi' : 'cassation'}: ${c.outcome ? `${COURT_OUTCOME[c.outcome.kind][lang]} (${c.outcome.decidedOn})` : pending}`);
  }
  return parts.join('; ');
}

/** The dispute column from the disputes recorded in the register's year and the next. */
function disputesFromStore(ctx: Context, year: number): DisputeColumn {
  return async (objections, lang) => {
    const wanted = new Set(objections.map((o) => o.objectionId));
    const found: Dispute[] = [];
    for (const y of [year, year + 1]) {
      let cursor: string | undefined;
      do {
        const page = await ctx.store.listDisputes({ year: y, cursor, limit: 100 });
        found.push(...page.items.filter((d) => d.against.objectionId && wanted.has(d.against.objectionId)));
        cursor = page.nextCursor;
      } while (cursor);
    }
    const texts = new Map<string, string>();
    // Oldest first within a cell.
    for (const d of found.sort((x, y) => x.year - y.year || x.sequence - y.sequence)) {
      const id = d.against.objectionId!;
      const t = disputeText(d, lang);
      texts.set(id, texts.has(id) ? `${texts.get(id)} | ${t}` : t);
    }
    return texts;
  };
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
  const disputeCells = await (disputes ?? disputesFromStore(ctx, year))(inScope, lang);
  const rows: ObjectionBookRow[] = [];
  for (let i = 0; i < inScope.length; i += 25) {
    const chunk = inScope.slice(i, i + 25);
    const identities = await Promise.all(
      chunk.map(async (o) =>
        o.requestId ? (await ctx.store.getRequestPersonal(o.requestId))?.requester : (await ctx.store.getObjectionPersonal(o.objectionId))?.objector,
      ),
    );
    chunk.forEach((objection, j) => {
      const dispute = disputeCells.get(objection.objectionId);
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
