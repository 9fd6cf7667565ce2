/**
 * The report menu's data (SOP 001 step 2): every report kind as one `ReportData`, read from the
 * records through the `Store` port (paginated Queries, never a Scan), so that the screen, the print,
 * the PDF, the CSV and the XLSX all show the same numbers.
 *
 * The numbers are the dashboard's (reports/counters.ts `contributions`), counted from the records
 * with the same definitions, so a report and the dashboard never disagree:
 * - the body's zone is the PPID Utama unit's (fallback Asia/Jakarta); requests, objections and
 *   disputes count by local dates in it; items, exclusions and SOP steps in their own agency's zone;
 * - a request is received in the period when `receivedOn` is in it, and counts for each SKPD it was
 *   routed to (its parts) and once in the body's total (so the total is not the sum of the rows when a
 *   request went to two SKPDs); it is answered in the period when the local date of
 *   `outcome.answeredAt` (the written notice) is in it: on time iff `answeredAt <= deadline.at`;
 *   granted / partial / refused from `outcome.decision`, or "not held" when `outcome.held === false`;
 * - the time to the notice in working days: `outcome.workingDays` (kept when the notice was issued),
 *   else counted now on the body's calendar (`workingDaysBetween`, day of receipt = day 0); the time
 *   waiting on the requester (clarification) is shown apart (statistics.ts);
 * - an objection is received when `receivedOn` is in the period, answered when the local date of
 *   `response.at` is; a dispute when `filedOn` is;
 * - a DIP publication is each entry of `item.publications` whose local date is in the period;
 * - an SOP step is each StepRecord whose `endedAt` local date is in the period; its duration in whole
 *   minutes (`round(seconds / 60)`), within the Mutu Baku as the record says (`withinStandard`).
 * Every number comes with the list it was counted from (a table), so it can be recounted by hand.
 *
 * Registers (requests, objections) reuse the books' columns (requests/book.ts, objections/book.ts)
 * without the personal-data columns (name, address, contact): a report is read by the Atasan PPID,
 * archived and mailed; the books with the personal data stay behind their own routes.
 *
 * Cells are Bahasa Indonesia; dates in words ("8 Desember 2026"); labels in both languages.
 */
import { ppidUtamaOf } from '../agencies.ts';
import { endOfLocalDay, type Holiday, localDateOf, type WorkCalendar, workingDaysBetween } from '../calendar.ts';
import { dateInWords, dateTimeInWords } from '../date-words.ts';
import { DOC_STEP_NAMES, DOC_STEPS, type DocLane } from '../documentation/model.ts';
import { fail, notFound } from '../errors.ts';
import { type DikEntry, dikEntry, type Exclusion, legalBasisText, PASAL_17, PASAL_17_TEXT } from '../exclusion-model.ts';
import type { Item, StepRecord } from '../item-model.ts';
import type { Agency } from '../model.ts';
import { disputeText, type ObjectionBookRow, objectionBookColumns } from '../objections/book.ts';
import { type CourtOutcome, type Dispute, KI_OUTCOMES, type KiOutcome } from '../objections/disputes.ts';
import { GROUND_TEXT, GROUNDS, type Objection } from '../objections/model.ts';
import type { Context } from '../ports.ts';
import { getPublicBody } from '../public-body.ts';
import { type BookRow, bookColumns } from '../requests/book.ts';
import type { Request } from '../requests/model.ts';
import { SOP_000, SOP_002, SOP_004, type SopStep } from '../sop.ts';
import type { Column } from '../tabular/table.ts';
import { type AnnualNarrative, type Cell, type ReportData, type ReportKind, type ReportSection, ReportSpec, type ReportTable, type Text } from './model.ts';
import { clarificationWorkingDays, share, summarize } from './statistics.ts';

// ─── small helpers ────────────────────────────────────────────────────────────────────────────────

const t = (id: string, en: string): Text => ({ id, en });
const col = (key: string, id: string, en: string, numeric?: boolean): ReportTable['columns'][number] => ({
  key,
  label: t(id, en),
  ...(numeric ? { numeric: true } : {}),
});
const fig = (key: string, id: string, en: string, value: Cell, note?: Text) => ({ key, label: t(id, en), value, ...(note ? { note } : {}) });
/** A local date in words without the weekday (tables): "8 Desember 2026". */
const day = (iso: string | undefined): Cell => (iso ? dateInWords(iso, 'id', false) : null);
const yes = (b: boolean): string => (b ? 'Ya' : 'Tidak');
const num = (n: number | undefined): Cell => (n === undefined ? null : n);
const EMPTY_NARRATIVE = '(belum diisi)';
/** Step catalogues with a Mutu Baku (sop.ts). */
const STEP_CATALOGUES: readonly Record<string, SopStep>[] = [SOP_000, SOP_002, SOP_004];
const PAGE = 100;

const DECISION: Record<'granted' | 'partial' | 'refused', string> = {
  granted: 'Diberikan seluruhnya',
  partial: 'Diberikan sebagian',
  refused: 'Ditolak',
};
const KI_OUTCOME_TEXT: Record<KiOutcome, Text> = {
  mediation_agreement: t('Kesepakatan mediasi', 'Mediation agreement'),
  upheld: t('Permohonan sengketa dikabulkan', 'Claim upheld'),
  partly_upheld: t('Dikabulkan sebagian', 'Claim partly upheld'),
  rejected: t('Permohonan sengketa ditolak', 'Claim rejected'),
  withdrawn: t('Dicabut', 'Withdrawn'),
};
const COURT_TEXT: Record<CourtOutcome, string> = {
  granted: 'dikabulkan',
  partly_granted: 'dikabulkan sebagian',
  rejected: 'ditolak',
  not_accepted: 'tidak dapat diterima',
  withdrawn: 'dicabut',
};
const CATEGORY_TEXT: Record<string, string> = {
  berkala: 'Berkala',
  serta_merta: 'Serta-merta',
  setiap_saat: 'Tersedia setiap saat',
};

const TITLES: Record<ReportKind, Text> = {
  annual: t('Laporan Layanan Informasi Publik', 'Public Information Service Report'),
  semester: t('Ringkasan Akses Informasi Publik', 'Summary of Access to Public Information'),
  monthly: t('Rekapitulasi Layanan Informasi per SKPD', 'Recap of Information Services per SKPD'),
  requests_register: t('Register Permohonan Informasi Publik', 'Register of Information Requests'),
  objections_register: t('Register Keberatan', 'Register of Objections'),
  sop_compliance: t('Kepatuhan Langkah SOP terhadap Mutu Baku', 'SOP Steps against their Time Standards'),
  dip: t('Daftar Informasi Publik (DIP)', 'List of Public Information (DIP)'),
  dik: t('Daftar Informasi yang Dikecualikan (DIK)', 'List of Excluded Information (DIK)'),
  documentation_cycle: t('Ringkasan Siklus Pendokumentasian Informasi Publik (SOP 004)', 'Summary of a Public Information Documentation Cycle (SOP 004)'),
};

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const prevDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const realDate = (iso: string) => !Number.isNaN(Date.parse(`${iso}T00:00:00Z`)) && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;

/** Every page of a paginated read. */
export async function all<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await page(cursor);
    out.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return out;
}

/** The UTC months `yyyy-mm` from `from` to `to` (inclusive). */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) return out;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
}

// ─── the context of one report ─────────────────────────────────────────────────────────────────

interface Scope {
  spec: ReportSpec;
  agencies: Agency[];
  /** The one SKPD, or undefined for the whole body. */
  agency?: Agency;
  bodyZone: string;
  calendar: WorkCalendar;
  zoneOf(agencyId: string): string;
  nameOf(agencyId: string): string;
  inPeriod(localDate: string): boolean;
  /** The local date of an instant in the body's zone. */
  bodyDate(instant: string): string;
  asOf: string;
}

const requestAgencies = (r: Request) => [...new Set(r.parts.map((p) => p.agencyId))];
const inAgency = (s: Scope, agencies: readonly string[]) => !s.agency || agencies.includes(s.agency.id);

// ─── reads ─────────────────────────────────────────────────────────────────────────────────────

/** Requests received in the period (by `receivedOn`): registered in the year of receipt or later. */
async function requestsReceived(ctx: Context, s: Scope): Promise<Request[]> {
  const fromYear = Number(s.spec.from.slice(0, 4));
  const lastYear = Math.min(Number(s.spec.to.slice(0, 4)) + 1, Number(s.bodyDate(s.asOf).slice(0, 4)));
  const out: Request[] = [];
  for (let year = fromYear; year <= lastYear; year++)
    out.push(...(await all((cursor) => ctx.store.listRequests({ year, cursor, limit: PAGE })).then((rs) => rs.filter((r) => s.inPeriod(r.receivedOn)))));
  return out.filter((r) => inAgency(s, requestAgencies(r))).sort((a, b) => a.year - b.year || a.sequence - b.sequence);
}

/** Requests whose written notice was issued in the period (one range Query on the answered index). */
async function requestsAnswered(ctx: Context, s: Scope): Promise<Request[]> {
  // A day's margin each side for the zone; the local date decides.
  const between = {
    from: endOfLocalDay(prevDay(prevDay(s.spec.from)), s.bodyZone).toISOString(),
    to: endOfLocalDay(nextDay(s.spec.to), s.bodyZone).toISOString(),
  };
  const found = await all((cursor) => ctx.store.listAnsweredRequests({ between, cursor, limit: PAGE }));
  return found
    .filter((r) => r.outcome && s.inPeriod(s.bodyDate(r.outcome.answeredAt)) && inAgency(s, requestAgencies(r)))
    .sort((a, b) => a.year - b.year || a.sequence - b.sequence);
}

const allObjections = (ctx: Context) => all((cursor) => ctx.store.listObjections({ cursor, limit: PAGE }));
const allDisputes = (ctx: Context) => all((cursor) => ctx.store.listDisputes({ cursor, limit: PAGE }));
const allExclusions = (ctx: Context, agencyId?: string) =>
  all((cursor) => ctx.store.listExclusions({ ...(agencyId ? { agencyId } : {}), cursor, limit: PAGE }));
const allItems = (ctx: Context, agencyId?: string) => all((cursor) => ctx.store.listItems({ ...(agencyId ? { agencyId } : {}), cursor, limit: PAGE }));

/** SOP step records that ended in the period, of every SOP with a catalogue, in their agency's zone. */
async function stepRecords(ctx: Context, s: Scope): Promise<StepRecord[]> {
  const sops = [...new Set(STEP_CATALOGUES.flatMap((c) => Object.values(c).map((x) => x.sop)))];
  // The key's month is the UTC month of the end: a local date in the period may sit in the month before.
  const months = monthsOf(prevDay(s.spec.from), nextDay(s.spec.to));
  const out: StepRecord[] = [];
  for (const sop of sops) for (const month of months) out.push(...(await all((cursor) => ctx.store.listStepRecords(sop, month, { cursor, limit: PAGE }))));
  return out.filter((r) => r.endedAt && s.inPeriod(localDateOf(new Date(r.endedAt), s.zoneOf(r.agencyId))) && inAgency(s, [r.agencyId]));
}

// ─── requests: the service details ───────────────────────────────────────────────────────────

interface Answered {
  request: Request;
  answeredOn: string;
  onTime: boolean;
  workingDays: number;
  clarification: number;
}

function answeredFacts(s: Scope, r: Request): Answered {
  const o = r.outcome!;
  const answeredOn = s.bodyDate(o.answeredAt);
  return {
    request: r,
    answeredOn,
    onTime: Date.parse(o.answeredAt) <= Date.parse(r.deadline.at),
    workingDays: o.workingDays ?? workingDaysBetween(r.receivedOn, answeredOn, s.calendar),
    clarification: clarificationWorkingDays(r.clarifications, o.answeredAt, s.bodyZone, s.calendar),
  };
}

const decisionText = (r: Request) => (r.outcome?.held === false ? 'Tidak dikuasai' : r.outcome?.decision ? DECISION[r.outcome.decision] : null);
const agencyNames = (s: Scope, ids: readonly string[]) => ids.map((id) => s.nameOf(id)).join('; ') || '—';

/** The grounds a request's answers cite, with the exclusion (its legal basis) when it is known. */
function groundsOf(r: Request, exclusions: Map<string, Exclusion>) {
  const seen = new Map<string, { exclusionId: string; dikNumber?: string; text: string; letters: string[]; laws: string[] }>();
  for (const p of r.parts)
    for (const g of p.answer?.grounds ?? []) {
      if (seen.has(g.exclusionId)) continue;
      const x = exclusions.get(g.exclusionId);
      seen.set(g.exclusionId, {
        exclusionId: g.exclusionId,
        ...(g.dikNumber ? { dikNumber: g.dikNumber } : {}),
        text: x ? legalBasisText(x.test.legalBasis) : g.legalBasis,
        letters: x ? [...x.test.legalBasis.pasal17] : [],
        laws: x ? x.test.legalBasis.otherLaws.map((l) => `${l.law} ${l.article}`) : [],
      });
    }
  return [...seen.values()];
}

/** How many samples took each value, smallest first: [value, count] rows. */
function distribution(samples: readonly number[]): Cell[][] {
  const counts = new Map<number, number>();
  for (const v of samples) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

function serviceSection(s: Scope, received: Request[], answered: Request[], exclusions: Map<string, Exclusion>, key = 'service'): ReportSection {
  const facts = answered.map((r) => answeredFacts(s, r));
  const count = (f: (a: Answered) => boolean) => facts.filter(f).length;
  const times = summarize(facts.map((f) => f.workingDays));
  const clarified = facts.filter((f) => f.request.clarifications.length > 0);
  const waits = summarize(clarified.map((f) => f.clarification));
  const open = received.filter((r) => !r.outcome).length;
  const refusedOrPartial = facts.filter(
    (f) => f.request.outcome?.held !== false && (f.request.outcome?.decision === 'refused' || f.request.outcome?.decision === 'partial'),
  );

  // Reasons: each Pasal 17 letter and each other law, by the refused (and the partly granted) requests citing it.
  const letterCount = new Map<string, { refused: number; partial: number }>();
  const lawCount = new Map<string, { refused: number; partial: number }>();
  const bump = (m: Map<string, { refused: number; partial: number }>, k: string, d: 'refused' | 'partial') => {
    const c = m.get(k) ?? { refused: 0, partial: 0 };
    c[d]++;
    m.set(k, c);
  };
  for (const f of refusedOrPartial) {
    const d = f.request.outcome!.decision as 'refused' | 'partial';
    const g = groundsOf(f.request, exclusions);
    for (const l of new Set(g.flatMap((x) => x.letters))) bump(letterCount, l, d);
    for (const l of new Set(g.flatMap((x) => x.laws))) bump(lawCount, l, d);
  }
  const refusedN = count((f) => f.request.outcome?.held !== false && f.request.outcome?.decision === 'refused');
  const partialN = count((f) => f.request.outcome?.held !== false && f.request.outcome?.decision === 'partial');

  return {
    key,
    heading: t('Rincian Layanan Informasi Publik', 'Details of the Information Service'),
    paragraphs: [
      'Waktu dihitung dalam hari kerja menurut kalender kerja badan publik: hari diterimanya permohonan adalah hari ke-0 (UU 14/2008 Pasal 22 ayat (7)). ' +
        'Waktu menunggu jawaban klarifikasi pemohon ditampilkan terpisah. Median adalah nilai tengah; p90 adalah nilai yang tidak dilampaui oleh 90% permohonan (peringkat terdekat).',
      'Permohonan yang diteruskan ke lebih dari satu SKPD dihitung pada setiap SKPD tersebut dan satu kali pada jumlah badan publik.',
    ],
    figures: [
      fig('req_in', 'Jumlah permohonan diterima', 'Requests received', received.length),
      fig('req_ans', 'Permohonan dijawab (pemberitahuan tertulis)', 'Requests answered (written notice)', facts.length),
      fig(
        'req_ontime',
        'Dijawab tepat waktu',
        'Answered on time',
        count((f) => f.onTime),
      ),
      fig(
        'req_late',
        'Dijawab terlambat',
        'Answered late',
        count((f) => !f.onTime),
      ),
      fig(
        'req_granted',
        'Diberikan seluruhnya',
        'Granted in full',
        count((f) => f.request.outcome?.held !== false && f.request.outcome?.decision === 'granted'),
      ),
      fig('req_partial', 'Diberikan sebagian', 'Granted in part', partialN),
      fig('req_refused', 'Ditolak', 'Refused', refusedN),
      fig(
        'req_notheld',
        'Informasi tidak dikuasai',
        'Information not held',
        count((f) => f.request.outcome?.held === false),
      ),
      fig('req_open', 'Diterima dalam periode dan masih diproses', 'Received in the period and still in progress', open),
      fig('wd_median', 'Median waktu sampai pemberitahuan (hari kerja)', 'Median time to the notice (working days)', num(times.median)),
      fig('wd_p90', 'p90 waktu sampai pemberitahuan (hari kerja)', 'p90 time to the notice (working days)', num(times.p90)),
      fig('wd_max', 'Waktu terlama sampai pemberitahuan (hari kerja)', 'Longest time to the notice (working days)', num(times.max)),
      fig('wd_mean', 'Rata-rata waktu sampai pemberitahuan (hari kerja)', 'Mean time to the notice (working days)', num(times.mean)),
      fig('clar_n', 'Permohonan dengan klarifikasi', 'Requests with a clarification', clarified.length),
      fig('clar_median', 'Median waktu menunggu klarifikasi (hari kerja)', 'Median time waiting on the requester (working days)', num(waits.median)),
      fig('clar_max', 'Waktu menunggu klarifikasi terlama (hari kerja)', 'Longest time waiting on the requester (working days)', num(waits.max)),
    ],
    tables: [
      {
        key: 'times_distribution',
        caption: t('Sebaran waktu sampai pemberitahuan tertulis (hari kerja)', 'Distribution of the time to the written notice (working days)'),
        columns: [col('workingDays', 'Hari kerja', 'Working days', true), col('requests', 'Jumlah permohonan', 'Requests', true)],
        rows: distribution(facts.map((f) => f.workingDays)),
        total: ['Jumlah', facts.length],
      },
      {
        key: 'times',
        detail: true,
        caption: t('Waktu pemenuhan setiap permohonan yang dijawab dalam periode', 'Time to fulfil each request answered in the period'),
        columns: [
          col('number', 'Nomor pendaftaran', 'Registration number'),
          col('receivedOn', 'Tanggal diterima', 'Received'),
          col('answeredOn', 'Tanggal pemberitahuan', 'Notice'),
          col('workingDays', 'Hari kerja sampai pemberitahuan', 'Working days to the notice', true),
          col('clarification', 'Hari kerja menunggu klarifikasi', 'Working days waiting on the requester', true),
          col('onTime', 'Tepat waktu', 'On time'),
          col('decision', 'Keputusan', 'Decision'),
          col('agencies', 'SKPD', 'SKPD'),
        ],
        rows: facts.map((f) => [
          f.request.number,
          day(f.request.receivedOn),
          day(f.answeredOn),
          f.workingDays,
          f.clarification,
          yes(f.onTime),
          decisionText(f.request),
          agencyNames(s, requestAgencies(f.request)),
        ]),
      },
      {
        key: 'refusal_grounds',
        caption: t(
          'Alasan penolakan menurut UU 14/2008 Pasal 17 dan undang-undang lain (permohonan yang ditolak atau diberikan sebagian)',
          'Refusal grounds by UU 14/2008 Pasal 17 letter and other law (requests refused or granted in part)',
        ),
        columns: [
          col('ground', 'Dasar pengecualian', 'Ground'),
          col('refused', 'Ditolak', 'Refused', true),
          col('partial', 'Diberikan sebagian', 'Granted in part', true),
        ],
        rows: [
          ...PASAL_17.map((l): Cell[] => [`Pasal 17 huruf ${l}: ${PASAL_17_TEXT[l].id}`, letterCount.get(l)?.refused ?? 0, letterCount.get(l)?.partial ?? 0]),
          ...[...lawCount.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([law, c]): Cell[] => [law, c.refused, c.partial]),
        ],
        total: ['Jumlah permohonan', refusedN, partialN],
      },
      {
        key: 'refusals',
        detail: true,
        caption: t('Permohonan yang ditolak atau diberikan sebagian, dengan alasannya', 'Requests refused or granted in part, with their grounds'),
        columns: [
          col('number', 'Nomor pendaftaran', 'Registration number'),
          col('decision', 'Keputusan', 'Decision'),
          col('dik', 'Nomor DIK', 'DIK number'),
          col('grounds', 'Dasar hukum', 'Legal basis'),
        ],
        rows: refusedOrPartial.map((f) => {
          const g = groundsOf(f.request, exclusions);
          return [
            f.request.number,
            decisionText(f.request),
            g
              .map((x) => x.dikNumber)
              .filter(Boolean)
              .join('; ') || null,
            g.map((x) => x.text).join('; ') || null,
          ];
        }),
      },
      {
        key: 'received',
        detail: true,
        caption: t('Permohonan yang diterima dalam periode', 'Requests received in the period'),
        columns: [
          col('number', 'Nomor pendaftaran', 'Registration number'),
          col('receivedOn', 'Tanggal diterima', 'Received'),
          col('agencies', 'SKPD', 'SKPD'),
          col('status', 'Keadaan per tanggal data', 'State as of the data'),
        ],
        rows: received.map((r) => [
          r.number,
          day(r.receivedOn),
          agencyNames(s, requestAgencies(r)),
          r.outcome ? `Dijawab ${day(s.bodyDate(r.outcome.answeredAt))}` : 'Diproses',
        ]),
      },
    ],
  };
}

// ─── objections and disputes ────────────────────────────────────────────────────────────────────

function objectionsSection(s: Scope, objections: Objection[], disputes: Dispute[]): ReportSection {
  const scoped = objections.filter((o) => inAgency(s, o.agencyIds));
  const received = scoped.filter((o) => s.inPeriod(o.receivedOn));
  const answered = scoped.filter((o) => o.response && s.inPeriod(s.bodyDate(o.response.at)));
  const onTime = (o: Objection) => Date.parse(o.response!.at) <= Date.parse(o.deadline.at);
  const decision = (o: Objection) =>
    !o.response
      ? 'Menunggu tanggapan'
      : o.response.decision === 'rejected'
        ? 'Ditolak'
        : o.response.scope === 'partial'
          ? 'Diterima sebagian'
          : 'Diterima seluruhnya';
  // Disputes are the body's (PPID Utama's); for one SKPD, those on its objections or requests.
  const objectionIds = new Set(scoped.map((o) => o.objectionId));
  const disputesInScope = disputes.filter(
    (d) =>
      !s.agency ||
      (d.against.objectionId && objectionIds.has(d.against.objectionId)) ||
      (d.against.requestId && scopedRequestIds(scoped).has(d.against.requestId)),
  );
  const filed = disputesInScope.filter((d) => s.inPeriod(d.filedOn)).sort((a, b) => a.year - b.year || a.sequence - b.sequence);
  const court = disputesInScope.filter((d) => d.appeal && s.inPeriod(d.appeal.filedOn)).sort((a, b) => a.year - b.year || a.sequence - b.sequence);
  const byGround = GROUNDS.map((g): Cell[] => [`${g}. ${GROUND_TEXT[g].id}`, received.filter((o) => o.grounds.includes(g)).length]);
  const courtText = (d: Dispute) => {
    const a = d.appeal!;
    const parts = [`${a.court.toUpperCase()} ${a.caseNumber}: ${a.outcome ? `${COURT_TEXT[a.outcome.kind]} (${day(a.outcome.decidedOn)})` : 'dalam proses'}`];
    if (a.cassation)
      parts.push(`kasasi: ${a.cassation.outcome ? `${COURT_TEXT[a.cassation.outcome.kind]} (${day(a.cassation.outcome.decidedOn)})` : 'dalam proses'}`);
    return parts.join('; ');
  };
  return {
    key: 'objections',
    heading: t('Keberatan dan Sengketa Informasi', 'Objections and Disputes'),
    paragraphs: [
      'Keberatan diajukan kepada Atasan PPID (UU 14/2008 Pasal 35–36); sengketa diajukan ke Komisi Informasi (Pasal 37) dan dapat berlanjut ke pengadilan (Pasal 47–50).',
    ],
    figures: [
      fig('obj_in', 'Keberatan diterima', 'Objections received', received.length),
      fig('obj_ans', 'Keberatan ditanggapi Atasan PPID', 'Objections answered by the Atasan PPID', answered.length),
      fig(
        'obj_granted_full',
        'Keberatan diterima seluruhnya',
        'Objections granted in full',
        answered.filter((o) => o.response!.decision === 'granted' && o.response!.scope !== 'partial').length,
      ),
      fig(
        'obj_granted_partial',
        'Keberatan diterima sebagian',
        'Objections granted in part',
        answered.filter((o) => o.response!.decision === 'granted' && o.response!.scope === 'partial').length,
      ),
      fig('obj_rejected', 'Keberatan ditolak', 'Objections rejected', answered.filter((o) => o.response!.decision === 'rejected').length),
      fig('obj_ontime', 'Ditanggapi dalam 30 hari kerja', 'Answered within 30 working days', answered.filter(onTime).length),
      fig('obj_late', 'Ditanggapi terlambat', 'Answered late', answered.filter((o) => !onTime(o)).length),
      fig('obj_open', 'Diterima dalam periode dan belum ditanggapi', 'Received in the period and not yet answered', received.filter((o) => !o.response).length),
      fig('dsp_in', 'Sengketa diajukan ke Komisi Informasi', 'Disputes filed at the Komisi Informasi', filed.length),
      ...KI_OUTCOMES.map((k) =>
        fig(`dsp_${k}`, `Sengketa: ${KI_OUTCOME_TEXT[k].id}`, `Disputes: ${KI_OUTCOME_TEXT[k].en}`, filed.filter((d) => d.outcome?.kind === k).length),
      ),
      fig('dsp_pending', 'Sengketa belum diputus Komisi Informasi', 'Disputes not yet decided by the Komisi Informasi', filed.filter((d) => !d.outcome).length),
      fig('court_in', 'Perkara di pengadilan (keberatan atas putusan KI)', 'Court cases (appeals against the KI decision)', court.length),
      fig('court_cassation', 'Perkara kasasi', 'Cassation cases', court.filter((d) => d.appeal?.cassation).length),
    ],
    tables: [
      {
        key: 'objections_received',
        caption: t('Keberatan yang diterima dalam periode', 'Objections received in the period'),
        columns: [
          col('number', 'Nomor keberatan', 'Objection number'),
          col('receivedOn', 'Tanggal diterima', 'Received'),
          col('request', 'Nomor permohonan', 'Request number'),
          col('grounds', 'Alasan (Pasal 35 ayat (1))', 'Grounds (Pasal 35(1))'),
          col('decision', 'Tanggapan Atasan PPID', "The Atasan PPID's response"),
          col('respondedOn', 'Tanggal tanggapan', 'Response date'),
        ],
        rows: received.map((o) => [
          o.number,
          day(o.receivedOn),
          o.requestNumber ?? '—',
          o.grounds.join(', '),
          decision(o),
          o.response ? day(s.bodyDate(o.response.at)) : null,
        ]),
      },
      {
        key: 'objections_answered',
        caption: t('Keberatan yang ditanggapi dalam periode', 'Objections answered in the period'),
        columns: [
          col('number', 'Nomor keberatan', 'Objection number'),
          col('receivedOn', 'Tanggal diterima', 'Received'),
          col('respondedOn', 'Tanggal tanggapan', 'Response date'),
          col('decision', 'Tanggapan Atasan PPID', "The Atasan PPID's response"),
          col('onTime', 'Dalam 30 hari kerja', 'Within 30 working days'),
        ],
        rows: answered.map((o) => [o.number, day(o.receivedOn), day(s.bodyDate(o.response!.at)), decision(o), yes(onTime(o))]),
      },
      {
        key: 'objection_grounds',
        caption: t('Keberatan yang diterima menurut alasannya', 'Objections received by ground'),
        columns: [col('ground', 'Alasan keberatan', 'Ground'), col('count', 'Jumlah', 'Count', true)],
        rows: byGround,
      },
      {
        key: 'disputes',
        caption: t('Sengketa informasi di Komisi Informasi yang diajukan dalam periode', 'Disputes filed at the Komisi Informasi in the period'),
        columns: [
          col('number', 'Nomor sengketa', 'Dispute number'),
          col('ki', 'Nomor register KI', 'KI register number'),
          col('filedOn', 'Tanggal diajukan', 'Filed'),
          col('against', 'Permohonan / keberatan', 'Request / objection'),
          col('outcome', 'Putusan Komisi Informasi', 'KI outcome'),
          col('decidedOn', 'Tanggal putusan', 'Decided'),
        ],
        rows: filed.map((d) => [
          d.number,
          d.kiRegisterNumber,
          day(d.filedOn),
          [d.against.requestNumber, d.against.objectionNumber].filter(Boolean).join(' / ') || '—',
          d.outcome ? KI_OUTCOME_TEXT[d.outcome.kind].id : 'Dalam proses',
          d.outcome ? day(d.outcome.decidedOn) : null,
        ]),
      },
      {
        key: 'court',
        caption: t('Perkara di pengadilan yang diajukan dalam periode', 'Court cases filed in the period'),
        columns: [
          col('number', 'Nomor sengketa', 'Dispute number'),
          col('filedOn', 'Tanggal diajukan ke pengadilan', 'Filed in court'),
          col('case', 'Perkara dan putusan', 'Case and decision'),
        ],
        rows: court.map((d) => [d.number, day(d.appeal!.filedOn), courtText(d)]),
      },
    ],
  };
}

const scopedRequestIds = (objections: Objection[]) => new Set(objections.map((o) => o.requestId).filter((x): x is string => !!x));

// ─── the annual report and the semester summary ──────────────────────────────────────────────

function narrativeSection(key: string, heading: Text, text: string | undefined): ReportSection {
  const paragraphs = (text ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { key, heading, paragraphs: paragraphs.length ? paragraphs : [EMPTY_NARRATIVE] };
}

async function annualSections(ctx: Context, s: Scope, narrative: AnnualNarrative | undefined): Promise<ReportSection[]> {
  const [received, answered, exclusions, objections, disputes] = await Promise.all([
    requestsReceived(ctx, s),
    requestsAnswered(ctx, s),
    allExclusions(ctx),
    allObjections(ctx),
    allDisputes(ctx),
  ]);
  const n = narrative;
  return [
    narrativeSection('policy', t('Gambaran Umum Kebijakan Pelayanan Informasi Publik', 'Service Policy'), n?.policy),
    narrativeSection('facilities', t('Sarana dan Prasarana Pelayanan Informasi', 'Facilities'), n?.facilities),
    narrativeSection('staff', t('Sumber Daya Manusia', 'Staff'), n?.staff),
    narrativeSection('budget', t('Anggaran Pelayanan Informasi', 'Budget'), n?.budget),
    serviceSection(s, received, answered, new Map(exclusions.map((x) => [x.exclusionId, x]))),
    objectionsSection(s, objections, disputes),
    narrativeSection('obstacles', t('Kendala Eksternal dan Internal', 'Obstacles'), n?.obstacles),
    narrativeSection('recommendations', t('Rekomendasi dan Rencana Tindak Lanjut', 'Recommendations'), n?.recommendations),
  ];
}

async function semesterSections(ctx: Context, s: Scope): Promise<ReportSection[]> {
  const [received, answered, exclusions] = await Promise.all([requestsReceived(ctx, s), requestsAnswered(ctx, s), allExclusions(ctx)]);
  return [serviceSection(s, received, answered, new Map(exclusions.map((x) => [x.exclusionId, x])))];
}

// ─── the recap per SKPD ────────────────────────────────────────────────────────────────────────

async function monthlySections(ctx: Context, s: Scope): Promise<ReportSection[]> {
  const [items, received, answered, objections] = await Promise.all([
    allItems(ctx, s.agency?.id),
    requestsReceived(ctx, s),
    requestsAnswered(ctx, s),
    allObjections(ctx),
  ]);
  const publications = items
    .flatMap((item) =>
      (item.publications ?? []).map((p) => ({
        item,
        versionNo: p.versionNo,
        on: localDateOf(new Date(p.publishedAt), s.zoneOf(item.agencyId)),
        at: p.publishedAt,
      })),
    )
    .filter((p) => s.inPeriod(p.on) && inAgency(s, [p.item.agencyId]))
    .sort((a, b) => a.at.localeCompare(b.at));
  const facts = answered.map((r) => answeredFacts(s, r));
  const objScoped = objections.filter((o) => inAgency(s, o.agencyIds));
  const objIn = objScoped.filter((o) => s.inPeriod(o.receivedOn));
  const objAns = objScoped.filter((o) => o.response && s.inPeriod(s.bodyDate(o.response.at)));
  const decided = (f: Answered, d: string) => f.request.outcome?.held !== false && f.request.outcome?.decision === d;

  const row = (label: string, has: (agencies: readonly string[]) => boolean): Cell[] => {
    const fs = facts.filter((f) => has(requestAgencies(f.request)));
    return [
      label,
      publications.filter((p) => has([p.item.agencyId])).length,
      received.filter((r) => has(requestAgencies(r))).length,
      fs.length,
      fs.filter((f) => f.onTime).length,
      fs.filter((f) => !f.onTime).length,
      fs.filter((f) => decided(f, 'granted')).length,
      fs.filter((f) => decided(f, 'partial')).length,
      fs.filter((f) => decided(f, 'refused')).length,
      fs.filter((f) => f.request.outcome?.held === false).length,
      objIn.filter((o) => has(o.agencyIds)).length,
      objAns.filter((o) => has(o.agencyIds)).length,
    ];
  };
  const rowsOf = s.agency ? [s.agency] : s.agencies;
  const total = row(s.agency ? 'Jumlah' : 'Jumlah badan publik', () => true);

  return [
    {
      key: 'recap',
      heading: t('Rekapitulasi per SKPD', 'Recap per SKPD'),
      paragraphs: [
        'Publikasi DIP dihitung menurut tanggal terbit di zona waktu SKPD; permohonan, keberatan dan sengketa menurut tanggal di zona waktu badan publik (PPID Utama). ' +
          'Permohonan yang diteruskan ke lebih dari satu SKPD dihitung pada setiap SKPD dan satu kali pada jumlah, sehingga jumlah dapat lebih kecil dari penjumlahan baris.',
      ],
      figures: [
        fig('dip_pub', 'Publikasi DIP', 'DIP publications', total[1]!),
        fig('req_in', 'Permohonan diterima', 'Requests received', total[2]!),
        fig('req_ans', 'Permohonan dijawab', 'Requests answered', total[3]!),
        fig('req_ontime', 'Dijawab tepat waktu', 'Answered on time', total[4]!),
        fig('req_late', 'Dijawab terlambat', 'Answered late', total[5]!),
        fig('obj_in', 'Keberatan diterima', 'Objections received', total[10]!),
        fig('obj_ans', 'Keberatan ditanggapi', 'Objections answered', total[11]!),
      ],
      tables: [
        {
          key: 'recap',
          caption: t('Rekapitulasi layanan informasi per SKPD', 'Information services per SKPD'),
          columns: [
            col('agency', 'SKPD', 'SKPD'),
            col('dip_pub', 'Publikasi DIP', 'DIP publications', true),
            col('req_in', 'Permohonan diterima', 'Requests received', true),
            col('req_ans', 'Dijawab', 'Answered', true),
            col('req_ontime', 'Tepat waktu', 'On time', true),
            col('req_late', 'Terlambat', 'Late', true),
            col('req_granted', 'Diberikan seluruhnya', 'Granted in full', true),
            col('req_partial', 'Diberikan sebagian', 'Granted in part', true),
            col('req_refused', 'Ditolak', 'Refused', true),
            col('req_notheld', 'Tidak dikuasai', 'Not held', true),
            col('obj_in', 'Keberatan diterima', 'Objections received', true),
            col('obj_ans', 'Keberatan ditanggapi', 'Objections answered', true),
          ],
          rows: rowsOf.map((a) => row(a.name, (ids) => ids.includes(a.id))),
          total,
        },
      ],
    },
    {
      key: 'publications',
      heading: t('Publikasi DIP dalam Periode', 'DIP Publications in the Period'),
      tables: [
        {
          key: 'publications',
          detail: true,
          caption: t('Setiap penerbitan informasi pada DIP (versi baru dihitung tersendiri)', 'Each publication on the DIP (a new version counts on its own)'),
          columns: [
            col('number', 'Nomor', 'Number'),
            col('title', 'Judul informasi', 'Title'),
            col('agency', 'SKPD', 'SKPD'),
            col('version', 'Versi', 'Version', true),
            col('publishedOn', 'Tanggal terbit', 'Published'),
          ],
          rows: publications.map((p) => [p.item.number, p.item.current.content.title, s.nameOf(p.item.agencyId), p.versionNo, day(p.on)]),
        },
      ],
    },
    {
      key: 'requests',
      heading: t('Permohonan dalam Periode', 'Requests in the Period'),
      tables: [
        {
          key: 'requests_received',
          detail: true,
          caption: t('Permohonan yang diterima dalam periode', 'Requests received in the period'),
          columns: [
            col('number', 'Nomor pendaftaran', 'Registration number'),
            col('receivedOn', 'Tanggal diterima', 'Received'),
            col('agencies', 'SKPD', 'SKPD'),
          ],
          rows: received.map((r) => [r.number, day(r.receivedOn), agencyNames(s, requestAgencies(r))]),
        },
        {
          key: 'requests_answered',
          detail: true,
          caption: t('Permohonan yang dijawab dalam periode', 'Requests answered in the period'),
          columns: [
            col('number', 'Nomor pendaftaran', 'Registration number'),
            col('answeredOn', 'Tanggal pemberitahuan', 'Notice'),
            col('onTime', 'Tepat waktu', 'On time'),
            col('decision', 'Keputusan', 'Decision'),
            col('agencies', 'SKPD', 'SKPD'),
          ],
          rows: facts.map((f) => [f.request.number, day(f.answeredOn), yes(f.onTime), decisionText(f.request), agencyNames(s, requestAgencies(f.request))]),
        },
      ],
    },
    {
      key: 'objections',
      heading: t('Keberatan dalam Periode', 'Objections in the Period'),
      tables: [
        {
          key: 'objections',
          caption: t('Keberatan yang diterima atau ditanggapi dalam periode', 'Objections received or answered in the period'),
          columns: [
            col('number', 'Nomor keberatan', 'Objection number'),
            col('receivedOn', 'Tanggal diterima', 'Received'),
            col('respondedOn', 'Tanggal tanggapan', 'Response date'),
            col('agencies', 'SKPD', 'SKPD'),
          ],
          rows: [...new Set([...objIn, ...objAns])]
            .sort((a, b) => a.year - b.year || a.sequence - b.sequence)
            .map((o) => [o.number, day(o.receivedOn), o.response ? day(s.bodyDate(o.response.at)) : null, agencyNames(s, o.agencyIds)]),
        },
      ],
    },
  ];
}

// ─── registers (the books' columns, without personal data) ───────────────────────────────────

/** The books' columns that hold the requester's or objector's personal data (UU 27/2022). */
const PERSONAL_COLUMNS = new Set(['name', 'address', 'contact']);

function bookTable<T>(key: string, caption: Text, columnsId: Column<T>[], columnsEn: Column<T>[], rows: T[]): ReportTable {
  const keep = columnsId.filter((c) => !PERSONAL_COLUMNS.has(c.key));
  const en = new Map(columnsEn.map((c) => [c.key, c]));
  return {
    key,
    caption,
    columns: keep.map((c) => ({
      key: c.key,
      label: { id: c.header.id, en: en.get(c.key)?.header.en ?? c.header.en },
      ...(c.kind === 'number' ? { numeric: true } : {}),
    })),
    rows: rows.map((row) =>
      keep.map((c): Cell => {
        const v = c.value(row);
        if (v === undefined || v === '') return null;
        if (v instanceof Date) return day(v.toISOString().slice(0, 10));
        if (c.kind === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return day(v);
        return v;
      }),
    ),
  };
}

async function requestsRegister(ctx: Context, s: Scope): Promise<ReportSection[]> {
  const received = await requestsReceived(ctx, s);
  const rows: BookRow[] = received.map((request) => {
    const part = s.agency ? request.parts.find((p) => p.agencyId === s.agency!.id) : undefined;
    return { request, ...(part ? { part } : {}), scope: s.agency ? 'agency' : 'body' };
  });
  return [
    {
      key: 'register',
      heading: t('Register Permohonan', 'Register of Requests'),
      paragraphs: [
        'Permohonan yang diterima dalam periode, dengan kolom buku register permohonan. Identitas dan kontak pemohon (data pribadi, UU 27/2022) tidak dimuat dalam laporan; lihat buku register permohonan.',
      ],
      figures: [fig('req_in', 'Jumlah permohonan diterima', 'Requests received', rows.length)],
      tables: [
        bookTable('requests', t('Permohonan yang diterima dalam periode', 'Requests received in the period'), bookColumns('id'), bookColumns('en'), rows),
      ],
    },
  ];
}

async function objectionsRegister(ctx: Context, s: Scope): Promise<ReportSection[]> {
  const [objections, disputes] = await Promise.all([allObjections(ctx), allDisputes(ctx)]);
  const received = objections.filter((o) => s.inPeriod(o.receivedOn) && inAgency(s, o.agencyIds)).sort((a, b) => a.year - b.year || a.sequence - b.sequence);
  const disputeCell = new Map<string, string>();
  for (const d of [...disputes].sort((x, y) => x.year - y.year || x.sequence - y.sequence)) {
    const id = d.against.objectionId;
    if (!id) continue;
    const text = disputeText(d, 'id');
    disputeCell.set(id, disputeCell.has(id) ? `${disputeCell.get(id)} | ${text}` : text);
  }
  const rows: ObjectionBookRow[] = received.map((objection) => {
    const dispute = disputeCell.get(objection.objectionId);
    return { objection, timeZone: s.bodyZone, ...(dispute ? { dispute } : {}) };
  });
  return [
    {
      key: 'register',
      heading: t('Register Keberatan', 'Register of Objections'),
      paragraphs: [
        'Keberatan yang diterima dalam periode, dengan kolom register keberatan. Identitas dan kontak pengaju keberatan (data pribadi, UU 27/2022) tidak dimuat dalam laporan; lihat register keberatan.',
      ],
      figures: [fig('obj_in', 'Jumlah keberatan diterima', 'Objections received', rows.length)],
      tables: [
        bookTable(
          'objections',
          t('Keberatan yang diterima dalam periode', 'Objections received in the period'),
          objectionBookColumns('id'),
          objectionBookColumns('en'),
          rows,
        ),
      ],
    },
  ];
}

// ─── SOP compliance ─────────────────────────────────────────────────────────────────────────────

function stepOf(r: Pick<StepRecord, 'sop' | 'step'>): SopStep | undefined {
  for (const c of STEP_CATALOGUES) {
    const s = (c as Record<string, SopStep>)[r.step];
    if (s && s.sop === r.sop) return s;
  }
  return undefined;
}

/** Minutes as people read them: "45 menit", "3 jam 5 menit", "2 hari 4 jam". */
export function minutesInWords(minutes: number | undefined): string | null {
  if (minutes === undefined) return null;
  const m = Math.round(minutes);
  if (m < 60) return `${m} menit`;
  if (m < 1440) return `${Math.floor(m / 60)} jam${m % 60 ? ` ${m % 60} menit` : ''}`;
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return `${d} hari${h ? ` ${h} jam` : ''}`;
}

async function sopSections(ctx: Context, s: Scope): Promise<ReportSection[]> {
  const records = await stepRecords(ctx, s);
  // Data-driven: every (sop, step) the records hold, with its Mutu Baku from the catalogue when there is one.
  const groups = new Map<string, StepRecord[]>();
  for (const r of records) {
    const k = `${r.sop}#${String(r.sopStep).padStart(2, '0')}#${r.step}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const keys = [...groups.keys()].sort();
  const minutes = (r: StepRecord) => Math.round((r.seconds ?? 0) / 60);
  const statsRow = (label: Cell[], rs: StepRecord[]): Cell[] => {
    const measured = rs.filter((r) => r.withinStandard !== undefined);
    const ok = rs.filter((r) => r.withinStandard === true).length;
    const m = summarize(rs.map(minutes));
    return [...label, rs.length, measured.length, ok, num(share(ok, measured.length)), minutesInWords(m.median), minutesInWords(m.p90), minutesInWords(m.max)];
  };
  const stepLabel = (k: string): Cell[] => {
    const r = groups.get(k)![0]!;
    const step = stepOf(r);
    return [`SOP ${r.sop}`, r.sopStep, step?.name.id ?? r.step, step?.standardText ?? r.standardText];
  };
  const statColumns = [
    col('done', 'Selesai', 'Done', true),
    col('measured', 'Diukur terhadap Mutu Baku', 'Measured against the standard', true),
    col('within', 'Dalam Mutu Baku', 'Within the standard', true),
    col('share', 'Persentase dalam Mutu Baku (%)', 'Share within the standard (%)', true),
    col('median', 'Median durasi', 'Median duration'),
    col('p90', 'p90 durasi', 'p90 duration'),
    col('max', 'Durasi terlama', 'Longest duration'),
  ];
  const stepColumns = [
    col('sop', 'SOP', 'SOP'),
    col('step', 'Langkah', 'Step', true),
    col('name', 'Kegiatan', 'Activity'),
    col('standard', 'Mutu Baku (waktu)', 'Time standard'),
  ];
  const agencyIds = [...new Set(records.map((r) => r.agencyId))].sort((a, b) => s.nameOf(a).localeCompare(s.nameOf(b)));
  const tables: ReportTable[] = [
    {
      key: 'steps',
      caption: t('Setiap langkah SOP terhadap Mutu Baku', 'Each SOP step against its time standard'),
      columns: [...stepColumns, ...statColumns],
      rows: keys.map((k) => statsRow(stepLabel(k), groups.get(k)!)),
    },
  ];
  if (!s.agency)
    tables.push({
      key: 'steps_per_agency',
      caption: t('Setiap langkah SOP per SKPD', 'Each SOP step per SKPD'),
      columns: [col('agency', 'SKPD', 'SKPD'), ...stepColumns, ...statColumns],
      rows: agencyIds.flatMap((a) =>
        keys.flatMap((k) => {
          const rs = groups.get(k)!.filter((r) => r.agencyId === a);
          return rs.length ? [statsRow([s.nameOf(a), ...stepLabel(k)], rs)] : [];
        }),
      ),
    });
  const sorted = [...records].sort((a, b) => (a.endedAt ?? '').localeCompare(b.endedAt ?? ''));
  tables.push({
    key: 'records',
    caption: t('Setiap langkah yang selesai dalam periode', 'Each step ended in the period'),
    columns: [
      col('sop', 'SOP', 'SOP'),
      col('step', 'Langkah', 'Step', true),
      col('agency', 'SKPD', 'SKPD'),
      col('item', 'Informasi / pengecualian', 'Item / exclusion'),
      col('version', 'Versi', 'Version', true),
      col('endedAt', 'Selesai', 'Ended'),
      col('minutes', 'Durasi (menit)', 'Duration (minutes)', true),
      col('within', 'Dalam Mutu Baku', 'Within the standard'),
    ],
    rows: sorted.map((r) => [
      `SOP ${r.sop}`,
      r.sopStep,
      s.nameOf(r.agencyId),
      r.itemId,
      r.versionNo,
      dateTimeInWords(r.endedAt!, s.zoneOf(r.agencyId), 'id'),
      minutes(r),
      r.withinStandard === undefined ? 'Tentatif' : yes(r.withinStandard),
    ]),
  });
  const measured = records.filter((r) => r.withinStandard !== undefined);
  const ok = records.filter((r) => r.withinStandard === true).length;
  return [
    {
      key: 'sop',
      heading: t('Kepatuhan terhadap Mutu Baku SOP', 'Compliance with the SOP Time Standards'),
      paragraphs: [
        'Durasi setiap langkah dari mulai sampai selesai, dibulatkan ke menit; "dalam Mutu Baku" menurut standar waktu langkah itu (SOP 000, SOP 002, SOP 004). Langkah yang Mutu Bakunya "Tentatif" dihitung tetapi tidak diukur.',
      ],
      figures: [
        fig('steps_done', 'Langkah selesai', 'Steps done', records.length),
        fig('steps_measured', 'Langkah diukur terhadap Mutu Baku', 'Steps measured against a standard', measured.length),
        fig('steps_within', 'Dalam Mutu Baku', 'Within the standard', ok),
        fig('steps_share', 'Persentase dalam Mutu Baku (%)', 'Share within the standard (%)', num(share(ok, measured.length))),
      ],
      tables,
    },
  ];
}

// ─── DIP and DIK as of a date ─────────────────────────────────────────────────────────────────

async function dipSections(ctx: Context, s: Scope): Promise<ReportSection[]> {
  const date = s.spec.to;
  const items = await allItems(ctx, s.agency?.id);
  const onDip: { item: Item; versionNo: number; publishedOn: string; firstOn: string }[] = [];
  for (const item of items) {
    const zone = s.zoneOf(item.agencyId);
    const pubs = (item.publications ?? [])
      .filter((p) => localDateOf(new Date(p.publishedAt), zone) <= date)
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    const last = pubs.at(-1);
    if (!last) continue;
    // Withdrawn (by staff, or while an exclusion is in force) on or before the date, after that publication.
    if (item.withdrawn && localDateOf(new Date(item.withdrawn.at), zone) <= date && item.withdrawn.at >= last.publishedAt) continue;
    onDip.push({
      item,
      versionNo: last.versionNo,
      publishedOn: localDateOf(new Date(last.publishedAt), zone),
      firstOn: localDateOf(new Date(pubs[0]!.publishedAt), zone),
    });
  }
  // The title as it was: the version published then (its record kept in the publication history) when the item has moved on since.
  const titles = new Map<string, { title: string; category: string }>();
  for (const e of onDip) {
    if (e.item.current.versionNo === e.versionNo) {
      titles.set(e.item.itemId, { title: e.item.current.content.title, category: e.item.current.content.category });
      continue;
    }
    const history = await ctx.store.listPublicationHistory(e.item.itemId);
    const v = history.find((h) => h.versionNo === e.versionNo);
    const content = v?.content ?? e.item.current.content;
    titles.set(e.item.itemId, { title: content.title, category: content.category });
  }
  onDip.sort((a, b) => a.item.agencyId.localeCompare(b.item.agencyId) || a.item.regYear - b.item.regYear || a.item.sequence - b.item.sequence);
  const byCategory = (c: string) => onDip.filter((e) => titles.get(e.item.itemId)!.category === c).length;
  return [
    {
      key: 'dip',
      heading: t('Daftar Informasi Publik', 'List of Public Information'),
      paragraphs: [`Informasi yang terbit pada DIP per ${dateInWords(date, 'id')}, dengan versi yang berlaku pada tanggal itu.`],
      figures: [
        fig('dip_total', 'Jumlah informasi pada DIP', 'Items on the DIP', onDip.length),
        fig('dip_berkala', 'Informasi berkala', 'Periodic information', byCategory('berkala')),
        fig('dip_serta_merta', 'Informasi serta-merta', 'Immediate information', byCategory('serta_merta')),
        fig('dip_setiap_saat', 'Informasi tersedia setiap saat', 'Information available at any time', byCategory('setiap_saat')),
      ],
      tables: [
        {
          key: 'dip',
          caption: t('Informasi pada DIP', 'Items on the DIP'),
          columns: [
            col('number', 'Nomor', 'Number'),
            col('title', 'Judul informasi', 'Title'),
            col('category', 'Kategori', 'Category'),
            col('agency', 'SKPD', 'SKPD'),
            col('version', 'Versi', 'Version', true),
            col('firstOn', 'Pertama terbit', 'First published'),
            col('publishedOn', 'Versi ini terbit', 'This version published'),
          ],
          rows: onDip.map((e) => {
            const x = titles.get(e.item.itemId)!;
            return [
              e.item.number,
              x.title,
              CATEGORY_TEXT[x.category] ?? x.category,
              s.nameOf(e.item.agencyId),
              e.versionNo,
              day(e.firstOn),
              day(e.publishedOn),
            ];
          }),
        },
      ],
    },
  ];
}

/** An exclusion in force on a local date: set on or before it, not ended on or before it, its period not over. */
function inForceOn(x: Exclusion, date: string, zone: string): boolean {
  if (!x.dik || !x.decree) return false;
  if (localDateOf(new Date(x.dik.setAt), zone) > date) return false;
  if (x.ended && localDateOf(new Date(x.ended.at), zone) <= date) return false;
  // Inclusive (exclusion-end.ts): in force through the whole of `until`.
  return !x.dik.until || x.dik.until >= date;
}

async function dikSections(ctx: Context, s: Scope): Promise<ReportSection[]> {
  const date = s.spec.to;
  const exclusions = await allExclusions(ctx, s.agency?.id);
  const entries: DikEntry[] = exclusions
    .filter((x) => inForceOn(x, date, s.zoneOf(x.agencyId)))
    .map(dikEntry)
    .sort((a, b) => a.year - b.year || a.sequence - b.sequence);
  const letters = PASAL_17.map((l): Cell[] => [`Pasal 17 huruf ${l}: ${PASAL_17_TEXT[l].id}`, entries.filter((e) => e.legalBasis.pasal17.includes(l)).length]);
  return [
    {
      key: 'dik',
      heading: t('Daftar Informasi yang Dikecualikan', 'List of Excluded Information'),
      paragraphs: [`Pengecualian yang berlaku per ${dateInWords(date, 'id')} (Perki 1/2017; UU 14/2008 Pasal 17).`],
      figures: [fig('dik_total', 'Jumlah informasi yang dikecualikan', 'Excluded information in force', entries.length)],
      tables: [
        {
          key: 'dik',
          caption: t('Informasi yang dikecualikan yang berlaku', 'Excluded information in force'),
          columns: [
            col('number', 'Nomor DIK', 'DIK number'),
            col('title', 'Informasi yang dikecualikan', 'Information excluded'),
            col('agency', 'SKPD', 'SKPD'),
            col('basis', 'Dasar hukum', 'Legal basis'),
            col('from', 'Berlaku sejak', 'From'),
            col('until', 'Berlaku sampai dengan', 'Up to and including'),
            col('decree', 'Nomor surat penetapan', 'Decree number'),
          ],
          rows: entries.map((e) => [
            e.number,
            e.title,
            s.nameOf(e.agencyId),
            legalBasisText(e.legalBasis),
            day(e.period.from),
            e.period.until ? day(e.period.until) : 'Tanpa batas waktu (Pasal 17 huruf g/h)',
            e.decree.number,
          ]),
        },
        {
          key: 'dik_grounds',
          caption: t('Informasi yang dikecualikan menurut huruf Pasal 17', 'Excluded information by Pasal 17 letter'),
          columns: [col('ground', 'Dasar pengecualian', 'Ground'), col('count', 'Jumlah', 'Count', true)],
          rows: letters,
        },
      ],
    },
  ];
}

// ─── a documentation cycle's closing summary (SOP 004) ─────────────────────────────────────────

/** How an OPD's delivery (step 3) stands: on time, late, or not yet delivered. */
export type DeliveryState = 'on_time' | 'late' | 'missing';

/**
 * The delivery of a lane: its last ended step 3 (after a return the OPD delivers again, on a fresh
 * clock) against that step's deadline; "missing" while the list has not left step 3 for good.
 */
export function deliveryOf(lane: DocLane): { state: DeliveryState; deadline?: string; deliveredAt?: string } {
  const delivered = lane.state !== 'waiting' || lane.step > 3;
  const last = [...lane.steps].reverse().find((x) => x.step === 'delivery' && x.endedAt);
  if (!delivered || !last?.endedAt) {
    const deadline = lane.wait?.step === 3 ? lane.wait.deadline?.at : undefined;
    return { state: 'missing', ...(deadline ? { deadline } : {}) };
  }
  return {
    state: last.withinStandard === false ? 'late' : 'on_time',
    ...(last.deadline ? { deadline: last.deadline } : {}),
    deliveredAt: last.endedAt,
  };
}

const DELIVERY_TEXT: Record<DeliveryState, string> = { on_time: 'Tepat waktu', late: 'Terlambat', missing: 'Belum diserahkan' };
const LANE_STATE_TEXT = (lane: DocLane) =>
  lane.state === 'published'
    ? 'Dipublikasikan'
    : lane.state === 'uploaded'
      ? 'Sedang dipublikasikan'
      : `Langkah ${lane.step}: ${SOP_004[DOC_STEP_NAMES[lane.step]].name.id}`;

async function documentationCycleSections(ctx: Context, s: Scope): Promise<ReportSection[]> {
  const cycleId = s.spec.cycleId ?? fail('validation', 'report_period_invalid');
  const cycle = (await ctx.store.getDocCycle(cycleId)) ?? notFound('doc_cycle_not_found', { cycleId });
  const lanes = (await ctx.store.listDocLanes(cycleId)).sort((a, b) => s.nameOf(a.agencyId).localeCompare(s.nameOf(b.agencyId)));
  const when = (iso: string | undefined, agencyId: string): Cell => (iso ? dateTimeInWords(iso, s.zoneOf(agencyId), 'id') : null);
  const deliveries = lanes.map((l) => ({ lane: l, delivery: deliveryOf(l) }));
  const count = (st: DeliveryState) => deliveries.filter((d) => d.delivery.state === st).length;
  const rowsOf = (l: DocLane) => ({
    listed: l.rows.length,
    accepted: l.rows.filter((r) => r.review && r.review.decision !== 'reject').length,
    rejected: l.rows.filter((r) => r.review?.decision === 'reject').length,
    published: l.rows.filter((r) => r.publishedAt).length,
  });
  const sum = (f: (l: DocLane) => number) => lanes.reduce((n, l) => n + f(l), 0);
  const ended = lanes.flatMap((l) => l.steps.filter((x) => x.endedAt).map((x) => ({ lane: l, timing: x })));
  const stepRows: Cell[][] = DOC_STEPS.map((step) => {
    const done = ended.filter((e) => e.timing.sopStep === step);
    const within = done.filter((e) => e.timing.withinStandard === true).length;
    const m = summarize(done.map((e) => Math.round((e.timing.seconds ?? 0) / 60)));
    const sop = SOP_004[DOC_STEP_NAMES[step]];
    return [
      step,
      sop.name.id,
      sop.standardText,
      done.length,
      within,
      num(share(within, done.length)),
      minutesInWords(m.median),
      minutesInWords(m.max),
      sum((l) => l.returnsFrom[step] ?? 0),
    ];
  });
  const closed = cycle.closedAt ? `ditutup ${dateTimeInWords(cycle.closedAt, s.bodyZone, 'id')}` : 'masih berjalan';
  return [
    {
      key: 'cycle',
      heading: t(`Siklus "${cycle.name}" (${cycle.period})`, `Cycle "${cycle.name}" (${cycle.period})`),
      paragraphs: [
        `Dibuka oleh ${cycle.openedBy} pada ${dateTimeInWords(cycle.openedAt, s.bodyZone, 'id')}; ${closed}. ` +
          'Penyerahan (langkah 3) tepat waktu bila selesai paling lambat pada batas waktu Mutu Baku menurut kalender kerja OPD; setelah daftar dikembalikan, OPD menyerahkan lagi dengan batas waktu baru, dan yang dinilai adalah penyerahan terakhir.',
      ],
      figures: [
        fig('opd', 'OPD yang ikut', 'OPDs taking part', lanes.length),
        fig('on_time', 'Diserahkan tepat waktu', 'Delivered on time', count('on_time')),
        fig('late', 'Diserahkan terlambat', 'Delivered late', count('late')),
        fig('missing', 'Belum diserahkan', 'Not delivered', count('missing')),
        fig('published_lanes', 'Daftar OPD yang sudah di website', "OPDs' lists on the website", lanes.filter((l) => l.state === 'published').length),
        fig(
          'rows',
          'Baris data diusulkan',
          'Rows listed',
          sum((l) => rowsOf(l).listed),
        ),
        fig(
          'rows_published',
          'Informasi dipublikasikan',
          'Items published',
          sum((l) => rowsOf(l).published),
        ),
        fig(
          'returns',
          'Pengembalian',
          'Returns',
          sum((l) => l.returns),
        ),
      ],
      tables: [
        {
          key: 'lanes',
          caption: t('Setiap OPD', 'Each OPD'),
          columns: [
            col('agency', 'OPD', 'OPD'),
            col('state', 'Posisi', 'Where it is'),
            col('listed', 'Baris diusulkan', 'Rows listed', true),
            col('accepted', 'Diterima', 'Accepted', true),
            col('rejected', 'Ditolak', 'Rejected', true),
            col('published', 'Dipublikasikan', 'Published', true),
            col('delivery', 'Penyerahan', 'Delivery'),
            col('deadline', 'Batas penyerahan', 'Delivery deadline'),
            col('delivered', 'Diserahkan', 'Delivered'),
            col('returns', 'Dikembalikan (kali)', 'Returned (times)', true),
          ],
          rows: deliveries.map(({ lane, delivery }) => {
            const r = rowsOf(lane);
            return [
              s.nameOf(lane.agencyId),
              LANE_STATE_TEXT(lane),
              r.listed,
              r.accepted,
              r.rejected,
              r.published,
              DELIVERY_TEXT[delivery.state],
              when(delivery.deadline, lane.agencyId),
              when(delivery.deliveredAt, lane.agencyId),
              lane.returns,
            ];
          }),
          total: [
            'Jumlah',
            null,
            sum((l) => rowsOf(l).listed),
            sum((l) => rowsOf(l).accepted),
            sum((l) => rowsOf(l).rejected),
            sum((l) => rowsOf(l).published),
            null,
            null,
            null,
            sum((l) => l.returns),
          ],
        },
        {
          key: 'steps',
          caption: t('Setiap langkah terhadap Mutu Baku', 'Each step against its time standard'),
          columns: [
            col('step', 'Langkah', 'Step', true),
            col('name', 'Kegiatan', 'Activity'),
            col('standard', 'Mutu Baku (waktu)', 'Time standard'),
            col('done', 'Selesai', 'Done', true),
            col('within', 'Dalam Mutu Baku', 'Within the standard', true),
            col('share', 'Persentase dalam Mutu Baku (%)', 'Share within the standard (%)', true),
            col('median', 'Median durasi', 'Median duration'),
            col('max', 'Durasi terlama', 'Longest duration'),
            col('returns', 'Dikembalikan dari langkah ini', 'Returned from this step', true),
          ],
          rows: stepRows,
        },
      ],
    },
  ];
}

// ─── the entry point ────────────────────────────────────────────────────────────────────────────

function periodTextOf(spec: ReportSpec): Text {
  if (spec.kind === 'dip' || spec.kind === 'dik') return { id: `per ${dateInWords(spec.to, 'id')}`, en: `as of ${dateInWords(spec.to, 'en')}` };
  return { id: `${dateInWords(spec.from, 'id')} s.d. ${dateInWords(spec.to, 'id')}`, en: `${dateInWords(spec.from, 'en')} to ${dateInWords(spec.to, 'en')}` };
}

function titleOf(spec: ReportSpec): Text {
  const base = TITLES[spec.kind];
  const fullYear = spec.from.endsWith('-01-01') && spec.to.endsWith('-12-31') && spec.from.slice(0, 4) === spec.to.slice(0, 4);
  if (spec.kind === 'annual' && fullYear) return { id: `${base.id} Tahun ${spec.from.slice(0, 4)}`, en: `${base.en} ${spec.from.slice(0, 4)}` };
  return base;
}

/**
 * One report of `spec` (every kind of REPORT_KINDS), read now. `opts.narrative`: the annual report's
 * parts PPID Utama writes (shown as "(belum diisi)" when empty).
 */
/** The sections of each kind of report. */
const SECTIONS: Record<ReportKind, (ctx: Context, s: Scope, narrative?: AnnualNarrative) => Promise<ReportSection[]>> = {
  annual: annualSections,
  semester: semesterSections,
  monthly: monthlySections,
  requests_register: requestsRegister,
  objections_register: objectionsRegister,
  sop_compliance: sopSections,
  dip: dipSections,
  dik: dikSections,
  documentation_cycle: documentationCycleSections,
};

export async function buildReport(ctx: Context, spec: ReportSpec, opts: { narrative?: AnnualNarrative } = {}): Promise<ReportData> {
  const parsed = ReportSpec.safeParse(spec);
  if (!parsed.success || !realDate(spec.from) || !realDate(spec.to)) fail('validation', 'report_period_invalid');
  const [agencies, body] = await Promise.all([ctx.store.listAgencies(), getPublicBody(ctx)]);
  const utama = ppidUtamaOf(agencies);
  const agency = spec.agencyId ? (agencies.find((a) => a.id === spec.agencyId) ?? notFound('agency_not_found', { agencyId: spec.agencyId })) : undefined;
  const bodyZone = utama?.timezone ?? 'Asia/Jakarta';
  const asOf = ctx.now.toISOString();
  const asOfYear = Number(localDateOf(ctx.now, bodyZone).slice(0, 4));
  const years: number[] = [];
  for (let y = Number(spec.from.slice(0, 4)) - 1; y <= Math.max(Number(spec.to.slice(0, 4)), asOfYear) + 1; y++) years.push(y);
  const holidays: Holiday[] = await ctx.store.listHolidays(years);
  const zones = new Map(agencies.map((a) => [a.id, a.timezone]));
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  const s: Scope = {
    spec,
    agencies,
    ...(agency ? { agency } : {}),
    bodyZone,
    calendar: { holidays, ...(utama ? { workWeek: utama.workWeek } : {}) },
    zoneOf: (id) => zones.get(id) ?? bodyZone,
    nameOf: (id) => names.get(id) ?? id,
    inPeriod: (d) => d >= spec.from && d <= spec.to,
    bodyDate: (instant) => localDateOf(new Date(instant), bodyZone),
    asOf,
  };

  const sections = await SECTIONS[spec.kind](ctx, s, opts.narrative);
  return {
    spec: { kind: spec.kind, from: spec.from, to: spec.to, ...(spec.agencyId ? { agencyId: spec.agencyId } : {}) },
    title: titleOf(spec),
    body: body.name,
    ...(agency ? { agencyName: agency.name } : {}),
    periodText: periodTextOf(spec),
    asOf,
    asOfText: { id: dateTimeInWords(asOf, bodyZone, 'id'), en: dateTimeInWords(asOf, bodyZone, 'en') },
    sections,
  };
}
