/**
 * The scheduled report jobs (statemachines/reports.asl.json, started every morning by the
 * DailyReportJobs schedule with `{ scheduledTime }`). The clock is the schedule's time, never the
 * machine's, so a replayed run does what the original did and tests set the clock.
 *
 * On the body's local date of the run:
 * - the 1st of each month: the monthly recap of the month that ended, for each SKPD and consolidated,
 *   archived and mailed (PPID Utama gets every one; each SKPD's PPID Pelaksana its own);
 * - 1 January and 1 July: the ringkasan akses informasi (kind `semester`) of the half-year that ended,
 *   the same way;
 * - 2 January: the draft of the annual report of the year that ended, with its numbers, and the
 *   first mail to PPID Utama; then reminders until it is issued (due 31 March, Perki 1/2021): on
 *   1 February, 1 March, in the last two weeks (17, 24 and 31 March), and on the 1st of each month
 *   after that while it is overdue.
 *
 * Idempotent: each report has a deterministic id from (job, period, agency) and is written with a
 * condition (archive.ts); each mail is claimed by a NOTICE record written with a condition before it
 * is sent (and released if sending fails, so a retry sends it). A retried or replayed run issues no
 * second report and sends no second mail.
 */
import { ppidUtamaOf } from '../agencies.ts';
import { SYSTEM_ACTOR } from '../audit.ts';
import { localDateOf } from '../calendar.ts';
import { DomainError } from '../errors.ts';
import { usersWithRole } from '../items.ts';
import { dayInWords, staffLink, staffMail } from '../mail-text.ts';
import type { Agency } from '../model.ts';
import type { Context } from '../ports.ts';
import { ensureAnnualDraft } from './annual.ts';
import { type ArchivedReport, issueReport } from './archive.ts';

export type PeriodicJob = 'monthly' | 'semester';

/** One report a run issues: its period, its SKPD (absent: consolidated) and its deterministic id. */
export interface JobUnit {
  job: PeriodicJob;
  from: string;
  to: string;
  agencyId?: string;
  reportId: string;
}

export interface AnnualPlan {
  year: number;
  /** 2 January: make the draft. */
  draft: boolean;
  /** A reminder day (the draft's own first mail on 2 January included). */
  remind: boolean;
}

export interface JobPlan {
  /** The body's local date of the run. */
  today: string;
  units: JobUnit[];
  annual?: AnnualPlan;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The month before `today`'s month: [first, last] day. */
export function previousMonth(today: string): { from: string; to: string } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
  return { from: `${py}-${pad(pm)}-01`, to: `${py}-${pad(pm)}-${pad(lastDay(py, pm))}` };
}

/** The half-year that ended before `today` (in January: July–December; in July: January–June). */
export function previousSemester(today: string): { from: string; to: string } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m <= 6 ? { from: `${y - 1}-07-01`, to: `${y - 1}-12-31` } : { from: `${y}-01-01`, to: `${y}-06-30` };
}

/** The deterministic id of one scheduled report: `auto-<job>-<yyyy-mm of the start>[-<agency>]`. */
export const unitReportId = (job: PeriodicJob, from: string, agencyId?: string) => `auto-${job}-${from.slice(0, 7)}${agencyId ? `-${agencyId}` : ''}`;

/** Days on which PPID Utama is reminded of the annual report of `today`'s previous year. */
export function annualPlanOn(today: string): AnnualPlan | undefined {
  const year = Number(today.slice(0, 4)) - 1;
  const md = today.slice(5);
  const draft = md === '01-02';
  const onTime = ['01-02', '02-01', '03-01', '03-17', '03-24', '03-31'].includes(md);
  const overdue = md > '03-31' && md.endsWith('-01');
  if (!draft && !onTime && !overdue) return undefined;
  return { year, draft, remind: true };
}

/** What a run on `today` does, for these agencies (pure: the plan task reads the agencies). */
export function planFor(today: string, agencies: readonly Pick<Agency, 'id' | 'kind'>[]): JobPlan {
  const skpd = agencies.filter((a) => a.kind === 'skpd').map((a) => a.id);
  const units: JobUnit[] = [];
  const add = (job: PeriodicJob, p: { from: string; to: string }) => {
    for (const agencyId of [undefined, ...skpd]) units.push({ job, ...p, ...(agencyId ? { agencyId } : {}), reportId: unitReportId(job, p.from, agencyId) });
  };
  if (today.endsWith('-01')) {
    add('monthly', previousMonth(today));
    if (today.slice(5, 7) === '01' || today.slice(5, 7) === '07') add('semester', previousSemester(today));
  }
  const annual = annualPlanOn(today);
  return { today, units, ...(annual ? { annual } : {}) };
}

async function bodyOf(ctx: Context): Promise<{ agencies: Agency[]; zone: string; today: string }> {
  const agencies = await ctx.store.listAgencies();
  const zone = ppidUtamaOf(agencies)?.timezone ?? 'Asia/Jakarta';
  return { agencies, zone, today: localDateOf(ctx.now, zone) };
}

/** Task PlanReportJobs. */
export async function planJobs(ctx: Context): Promise<JobPlan> {
  const { agencies, today } = await bodyOf(ctx);
  return planFor(today, agencies);
}

/** Task IssueReport (one unit of the Map): issued once, whatever retries follow. */
export async function issueUnit(ctx: Context, unit: JobUnit): Promise<{ reportId: string; number: string; created: boolean }> {
  if (unit.reportId !== unitReportId(unit.job, unit.from, unit.agencyId)) throw new Error(`unexpected report id ${unit.reportId}`);
  const { report, created } = await issueReport(
    ctx,
    SYSTEM_ACTOR,
    { kind: unit.job, from: unit.from, to: unit.to, ...(unit.agencyId ? { agencyId: unit.agencyId } : {}) },
    { reportId: unit.reportId, source: 'scheduled' },
  );
  return { reportId: report.reportId, number: report.number, created };
}

/**
 * Claims one mail: true if this run is the first to send it. The claim is a NOTICE record written
 * with a condition; `release` removes it when the mail could not be sent.
 */
async function claim(ctx: Context, key: string): Promise<boolean> {
  try {
    await ctx.store.commit([{ entity: 'notice', key, at: ctx.now.toISOString() }], []);
    return true;
  } catch (e) {
    if (e instanceof DomainError && e.code === 'conflict') return false;
    throw e;
  }
}

async function sendOnce(ctx: Context, key: string, mail: { to: string[]; subject: string; text: string }): Promise<boolean> {
  if (!ctx.mailer || mail.to.length === 0) return false;
  if (!(await claim(ctx, key))) return false;
  try {
    await ctx.mailer.send({ ...mail, idempotencyKey: key });
  } catch (e) {
    await ctx.store.commit([{ entity: 'notice', delete: key }], []);
    throw e;
  }
  return true;
}

const JOB_TEXT: Record<PeriodicJob, { id: string; en: string }> = {
  monthly: { id: 'Rekap bulanan layanan informasi', en: 'Monthly information service recap' },
  semester: { id: 'Ringkasan akses informasi semester', en: 'Half-yearly information access summary' },
};

function reportLine(r: ArchivedReport, lang: 'id' | 'en'): string {
  const who = r.agencyName ?? (lang === 'id' ? 'Konsolidasi seluruh SKPD' : 'Consolidated, every agency');
  const asOf = lang === 'id' ? `data per ${r.asOfText.id}` : `data as of ${r.asOfText.en}`;
  return `- ${r.number}: ${who}, ${r.periodText[lang]} (${asOf}): ${staffLink(`reports/archive/${r.reportId}`)}`;
}

/**
 * Task MailReports: the reports of this run, read from the table by their ids. PPID Utama gets one
 * mail per job with every report; each SKPD's PPID Pelaksana one with its own.
 */
export async function mailUnits(ctx: Context, units: readonly JobUnit[]): Promise<{ sent: number; skipped: number }> {
  let sent = 0;
  let skipped = 0;
  const reports = new Map<string, ArchivedReport>();
  for (const u of units) {
    const r = await ctx.store.getReport(u.reportId);
    if (r) reports.set(u.reportId, r);
  }
  for (const job of ['monthly', 'semester'] as const) {
    const mine = units.filter((u) => u.job === job && reports.has(u.reportId));
    if (mine.length === 0) continue;
    const first = reports.get(mine[0]!.reportId)!;
    const period = { id: first.periodText.id, en: first.periodText.en };
    const groups: { key: string; to: string[]; units: JobUnit[] }[] = [];
    const utama = await usersWithRole(ctx, undefined, 'ppid_utama');
    groups.push({ key: `reports-${job}-${mine[0]!.from}-utama`, to: utama.map((u) => u.email), units: mine });
    for (const u of mine.filter((x) => x.agencyId)) {
      const pelaksana = await usersWithRole(ctx, u.agencyId, 'ppid_pelaksana');
      groups.push({ key: `reports-${job}-${u.from}-${u.agencyId}`, to: pelaksana.map((p) => p.email), units: [u] });
    }
    for (const g of groups) {
      const list = g.units.map((u) => reports.get(u.reportId)!);
      const mail = staffMail({
        subject: { id: `${JOB_TEXT[job].id} ${period.id}`, en: `${JOB_TEXT[job].en} ${period.en}` },
        id: [
          `${JOB_TEXT[job].id} periode ${period.id} telah diterbitkan dan diarsipkan oleh SIP PPID (PDF, CSV dan XLSX, dengan sidik SHA-256):`,
          ...list.map((r) => reportLine(r, 'id')),
          '',
        ],
        en: [
          `The ${JOB_TEXT[job].en.toLowerCase()} for ${period.en} was issued and archived by SIP PPID (PDF, CSV and XLSX, with SHA-256 fingerprints):`,
          ...list.map((r) => reportLine(r, 'en')),
          '',
        ],
        link: staffLink('reports/archive'),
      });
      if (await sendOnce(ctx, g.key, { to: g.to, ...mail })) sent++;
      else skipped++;
    }
  }
  return { sent, skipped };
}

/**
 * Task AnnualReport: on 2 January the draft of the year that ended; on reminder days, a mail to
 * PPID Utama while the report is not issued (the draft is made then if it is missing).
 */
export async function annualJob(ctx: Context): Promise<{ year?: number; draft: 'created' | 'exists' | 'none'; reminder: 'sent' | 'skipped' | 'none' }> {
  const { today } = await bodyOf(ctx);
  const plan = annualPlanOn(today);
  if (!plan) return { draft: 'none', reminder: 'none' };
  const { created, draft } = await ensureAnnualDraft(ctx, plan.year);
  const result = { year: plan.year, draft: created ? ('created' as const) : ('exists' as const) };
  if (draft.issued || draft.approved) return { ...result, reminder: 'none' };
  const utama = await usersWithRole(ctx, undefined, 'ppid_utama');
  const due = dayInWords(draft.dueOn);
  const overdue = today > draft.dueOn;
  const link = staffLink(`reports/annual/${plan.year}`);
  const mail = staffMail({
    subject: overdue
      ? { id: `Laporan Layanan Informasi Publik ${plan.year} terlambat`, en: `Annual information service report ${plan.year} is overdue` }
      : { id: `Laporan Layanan Informasi Publik ${plan.year} menunggu diterbitkan`, en: `Annual information service report ${plan.year} awaits issue` },
    id: [
      plan.draft
        ? `Draf Laporan Layanan Informasi Publik tahun ${plan.year} telah disiapkan dengan angka dari SIP PPID.`
        : `Laporan Layanan Informasi Publik tahun ${plan.year} belum diterbitkan.`,
      `Batas waktu: ${due.id} (3 bulan setelah tahun berakhir, Perki 1/2021)${overdue ? ', telah terlewati' : ''}.`,
      'Lengkapi bagian naratif (kebijakan, sarana dan prasarana, SDM, anggaran, kendala, rekomendasi), lalu terbitkan dan setujui laporan; laporan yang disetujui diumumkan di register publik (UU 14/2008 Pasal 11 ayat (1) huruf h).',
      '',
    ],
    en: [
      plan.draft
        ? `The draft annual information service report for ${plan.year} is ready, with the numbers from SIP PPID.`
        : `The annual information service report for ${plan.year} has not been issued yet.`,
      `Due: ${due.en} (3 months after the year ends, Perki 1/2021)${overdue ? ', now passed' : ''}.`,
      'Complete the narrative parts (policy, facilities, staff, budget, obstacles, recommendations), then issue and approve the report; once approved it is published on the public register (UU 14/2008 Art. 11(1)(h)).',
      '',
    ],
    link,
  });
  const sentNow = await sendOnce(ctx, `annual-report-${plan.year}-${today}`, { to: utama.map((u) => u.email), ...mail });
  return { ...result, reminder: sentNow ? 'sent' : 'skipped' };
}
