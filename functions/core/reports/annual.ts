/**
 * The annual Laporan Layanan Informasi Publik (Perki 1/2021 Pasal 56), due within 3 months after the
 * year ends, and public information itself once approved (UU 14/2008 Pasal 11 ayat (1) huruf h).
 *
 * One draft record per year holds the parts PPID Utama writes (`AnnualNarrative`), edited under
 * optimistic locking. Its life:
 *
 *   draft ──issue──▶ issued ──approve──▶ approved (published on the register)
 *     ▲                │
 *     └──── edit ──────┘   (editing an issued draft makes it a draft again; the issued report stays
 *                           archived, and the next issue archives a new one with a new number)
 *
 * `issue` archives the report with the narrative (archive.ts `issueReport`, consolidated, the whole
 * year); `approve` (PPID Utama only) marks that archived report approved and writes a register event
 * in the same transaction, so the register's page of annual reports (register/annual.ts) shows it
 * with its PDF and its figures in `/data/`. An approved year is final.
 *
 * The scheduled job (jobs.ts) makes the draft on 2 January with the year's numbers as they were read
 * then (`figures`), and reminds PPID Utama until the report is issued.
 */
import type { Role } from '../../../infra/system.ts';
import { assertRole, type Principal } from '../access.ts';
import { ppidUtamaOf } from '../agencies.ts';
import { auditEvent, SYSTEM_ACTOR } from '../audit.ts';
import { localDateOf } from '../calendar.ts';
import { conflict, DomainError, fail } from '../errors.ts';
import { REGISTER_WORKFLOW } from '../items.ts';
import type { Context } from '../ports.ts';
import { type ArchivedReport, issueReport } from './archive.ts';
import { buildReport } from './data.ts';
import { AnnualNarrative, type Cell, type ReportData, type Text } from './model.ts';

/** Who reads the draft (the Atasan PPID too); who writes the narrative and approves; who issues. */
export const ANNUAL_READERS: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];
export const ANNUAL_WRITERS: readonly Role[] = ['ppid_utama'];
export const ANNUAL_ISSUERS: readonly Role[] = ['ppid_utama', 'admin'];

export type AnnualState = 'draft' | 'issued' | 'approved';

/** One number of the report as it was when the draft was made (section, key, label, value). */
export interface DraftFigure {
  section: string;
  key: string;
  label: Text;
  value: Cell;
}

export interface AnnualDraft {
  year: number;
  state: AnnualState;
  narrative: AnnualNarrative;
  /** The last day to issue it: 31 March of the next year (3 months after the year ends). */
  dueOn: string;
  /** The numbers read when the draft was made (the scheduled job), and when. */
  figures?: DraftFigure[];
  figuresAsOf?: string;
  /** The latest archived issue of this year's report. */
  issued?: { reportId: string; number: string; at: string; by: string };
  approved?: { reportId: string; number: string; at: string; by: string; name: string };
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export const dueOnOf = (year: number) => `${year + 1}-03-31`;
export const annualSpec = (year: number) => ({ kind: 'annual' as const, from: `${year}-01-01`, to: `${year}-12-31` });

const emptyNarrative = (): AnnualNarrative => AnnualNarrative.parse({});

/** The figures of a report, flat (what the draft keeps of the numbers it was made with). */
export function figuresOf(data: ReportData): DraftFigure[] {
  return data.sections.flatMap((s) => (s.figures ?? []).map((f) => ({ section: s.key, key: f.key, label: f.label, value: f.value })));
}

function newDraft(year: number, at: string, by: string): AnnualDraft {
  return {
    year,
    state: 'draft',
    narrative: emptyNarrative(),
    dueOn: dueOnOf(year),
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    updatedBy: by,
    version: 0,
  };
}

async function bodyAgencyId(ctx: Context): Promise<string> {
  return ppidUtamaOf(await ctx.store.listAgencies())?.id ?? '-';
}

function assertYear(ctx: Context, year: number): void {
  // A year that has started (a draft may be written during the year, issued after it ends).
  if (year > ctx.now.getUTCFullYear() + 1 || year < 2000) fail('validation', 'annual_year_invalid', { year });
}

/**
 * The draft of a year with the numbers as they are now (`data`, with the narrative): a year with no
 * draft yet answers an empty one (version 0), which the first save creates.
 */
export async function getAnnual(ctx: Context, actor: Principal, year: number): Promise<{ draft: AnnualDraft; data: ReportData }> {
  assertRole(actor, ANNUAL_READERS);
  assertYear(ctx, year);
  const draft = (await ctx.store.getAnnualDraft(year)) ?? newDraft(year, ctx.now.toISOString(), actor.username);
  const data = await buildReport(ctx, annualSpec(year), { narrative: draft.narrative });
  return { draft, data };
}

/** Saves PPID Utama's narrative (optimistic lock: `version` as read; 0 for a year with no draft). */
export async function saveNarrative(
  ctx: Context,
  actor: Principal,
  year: number,
  input: { narrative: AnnualNarrative; version: number },
): Promise<AnnualDraft> {
  assertRole(actor, ANNUAL_WRITERS);
  assertYear(ctx, year);
  const at = ctx.now.toISOString();
  const before = await ctx.store.getAnnualDraft(year);
  if ((before?.version ?? 0) !== input.version) conflict('concurrent_change');
  if (before?.state === 'approved') conflict('annual_approved', { year });
  const base = before ?? newDraft(year, at, actor.username);
  const after: AnnualDraft = {
    ...base,
    narrative: AnnualNarrative.parse(input.narrative),
    // Changed after it was issued: the issued report no longer says what the draft says.
    state: 'draft',
    updatedAt: at,
    updatedBy: actor.username,
    version: base.version + 1,
  };
  await ctx.store.commit(
    [{ entity: 'annualDraft', value: after, expectedVersion: before ? before.version : null }],
    auditEvent({
      actor,
      action: 'report.annual.save',
      entity: { type: 'annual_report', id: String(year) },
      agencyId: await bodyAgencyId(ctx),
      before: before ? { state: before.state, narrative: before.narrative } : null,
      after: { state: after.state, narrative: after.narrative },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return after;
}

/**
 * Archives the year's report with the draft's narrative (a new number each time) and records it on
 * the draft. `version` is the draft as the person read it: a narrative changed since is not issued
 * unseen. The year must have ended.
 */
export async function issueAnnual(
  ctx: Context,
  actor: Principal,
  year: number,
  input: { version: number },
): Promise<{ draft: AnnualDraft; report: ArchivedReport }> {
  assertRole(actor, ANNUAL_ISSUERS);
  assertYear(ctx, year);
  const zone = ppidUtamaOf(await ctx.store.listAgencies())?.timezone ?? 'Asia/Jakarta';
  if (`${year}-12-31` >= localDateOf(ctx.now, zone)) fail('validation', 'annual_year_not_ended', { year });
  const before = await ctx.store.getAnnualDraft(year);
  if (!before) return fail('not_found', 'annual_draft_not_found', { year });
  if (before.version !== input.version) conflict('concurrent_change');
  if (before.state === 'approved') conflict('annual_approved', { year });
  const at = ctx.now.toISOString();
  const agencyId = await bodyAgencyId(ctx);
  const draftAfter = (r: Pick<ArchivedReport, 'reportId' | 'number'>): AnnualDraft => ({
    ...before,
    state: 'issued',
    issued: { reportId: r.reportId, number: r.number, at, by: actor.username },
    updatedAt: at,
    updatedBy: actor.username,
    version: before.version + 1,
  });
  // The archived report and the draft's new state are one transaction: a draft changed meanwhile
  // refuses both (409), and no report is archived that the draft does not name.
  const { report } = await issueReport(ctx, actor, annualSpec(year), {
    narrative: before.narrative,
    source: 'annual',
    alsoWrite: (r) => {
      const after = draftAfter(r);
      return {
        writes: [{ entity: 'annualDraft', value: after, expectedVersion: before.version }],
        audit: [
          auditEvent({
            actor,
            action: 'report.annual.issue',
            entity: { type: 'annual_report', id: String(year) },
            agencyId,
            before: { state: before.state, issued: before.issued ?? null },
            after: { state: after.state, issued: after.issued },
            requestId: ctx.requestId,
            now: ctx.now,
          }),
        ],
      };
    },
  });
  return { draft: draftAfter(report), report };
}

/**
 * PPID Utama approves the issued report: the archived record is marked approved and a register
 * event is written in the same transaction; the register update then publishes it (its page, the
 * PDF and the figures in `/data/`).
 */
export async function approveAnnual(
  ctx: Context,
  actor: Principal,
  year: number,
  input: { version: number },
): Promise<{ draft: AnnualDraft; report: ArchivedReport }> {
  assertRole(actor, ANNUAL_WRITERS);
  const before = await ctx.store.getAnnualDraft(year);
  if (!before) return fail('not_found', 'annual_draft_not_found', { year });
  if (before.version !== input.version) conflict('concurrent_change');
  if (before.state === 'approved') conflict('annual_approved', { year });
  if (before.state !== 'issued' || !before.issued) return conflict('annual_not_issued', { year });
  const report = await ctx.store.getReport(before.issued.reportId);
  if (!report) return fail('not_found', 'report_not_found', { reportId: before.issued.reportId });
  const at = ctx.now.toISOString();
  const approved = { at, by: actor.username, name: actor.name };
  const afterReport: ArchivedReport = { ...report, approved, version: report.version + 1 };
  const after: AnnualDraft = {
    ...before,
    state: 'approved',
    approved: { reportId: report.reportId, number: report.number, ...approved },
    updatedAt: at,
    updatedBy: actor.username,
    version: before.version + 1,
  };
  const agencyId = await bodyAgencyId(ctx);
  await ctx.store.commit(
    [
      { entity: 'annualDraft', value: after, expectedVersion: before.version },
      { entity: 'report', value: afterReport, expectedVersion: report.version },
      { entity: 'registerEvent', value: { eventId: crypto.randomUUID(), at, type: 'annualReport', itemId: report.reportId, agencyId, versionNo: year } },
    ],
    auditEvent({
      actor,
      action: 'report.annual.approve',
      entity: { type: 'annual_report', id: String(year) },
      agencyId,
      before: { state: before.state },
      after: { state: 'approved', reportId: report.reportId, number: report.number },
      reason: 'UU 14/2008 Pasal 11 ayat (1) huruf h',
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  await ctx.workflows?.start(REGISTER_WORKFLOW, `register-annual-${year}-${Date.parse(at)}`, { full: false });
  return { draft: after, report: afterReport };
}

/**
 * The scheduled job's draft of a year that ended: made once with the numbers as they are now
 * (idempotent: a year with a draft is left as it is, whoever made it).
 */
export async function ensureAnnualDraft(ctx: Context, year: number): Promise<{ created: boolean; draft: AnnualDraft }> {
  const existing = await ctx.store.getAnnualDraft(year);
  if (existing) return { created: false, draft: existing };
  const data = await buildReport(ctx, annualSpec(year));
  const at = ctx.now.toISOString();
  const draft: AnnualDraft = { ...newDraft(year, at, SYSTEM_ACTOR.username), figures: figuresOf(data), figuresAsOf: data.asOf, version: 1 };
  try {
    await ctx.store.commit(
      [{ entity: 'annualDraft', value: draft, expectedVersion: null }],
      auditEvent({
        actor: SYSTEM_ACTOR,
        action: 'report.annual.draft',
        entity: { type: 'annual_report', id: String(year) },
        agencyId: await bodyAgencyId(ctx),
        after: { state: 'draft', dueOn: draft.dueOn, figuresAsOf: draft.figuresAsOf },
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    );
  } catch (e) {
    // Someone (PPID Utama's first save, or a replay) made it first: theirs stands.
    if (e instanceof DomainError && e.code === 'conflict') return { created: false, draft: (await ctx.store.getAnnualDraft(year))! };
    throw e;
  }
  return { created: true, draft };
}
