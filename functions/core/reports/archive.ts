/**
 * The archive of issued reports: SOP 001 step 3, "Mendokumentasikan laporan dalam bentuk hardfile".
 *
 * Issuing a report reads the numbers once (data.ts `buildReport`), renders the same `ReportData` as
 * PDF (signed through the official documents when the context has a signer), CSV, XLSX and JSON,
 * stores each file in the private document bucket and writes one REPORT record: the SHA-256, size
 * and key of every file, who issued it and when, the spec and period, the data's as-of instant, and
 * a number `LAP/<year>/<nnnn>` from a gap-free counter moved in the same transaction, with the audit
 * event. The year of the number is the year of issue in the body's time zone.
 *
 * Immutable: a file's key is `reports/<reportId>/<sha256>/<fileName>`, so a key always holds the same
 * bytes, and an issue never overwrites another (a new issue gets a new id). A download later gives
 * exactly the archived bytes (their SHA-256 is in the record), however the data changed since.
 * The record itself changes once at most: the annual report's approval (annual.ts).
 *
 * Who: PPID Utama and the administrator issue and read every report; the Atasan PPID reads them; a
 * PPID Pelaksana issues and reads its own SKPD's reports only (never the consolidated ones); the
 * Pejabat PID reads the documentation cycles' closing summaries (SOP 004) only.
 */
import { createHash } from 'node:crypto';
import type { Role } from '../../../infra/system.ts';
import { actsForWholeBody, assertAgencyScope, assertRole, type Principal } from '../access.ts';
import { ppidUtamaOf } from '../agencies.ts';
import { type AuditEvent, auditEvent, SYSTEM_ACTOR } from '../audit.ts';
import { localDateOf } from '../calendar.ts';
import { DomainError, fail, forbidden, notFound } from '../errors.ts';
import { REGISTER_WORKFLOW } from '../items.ts';
import { ROLE_NAMES } from '../messages.ts';
import { officialOf } from '../official-documents/people.ts';
import type { VerificationRecord } from '../official-documents/verification.ts';
import type { Context, Page, Write } from '../ports.ts';
import { type AnnualNarrative, REPORT_KINDS, type ReportData, type ReportKind, ReportSpec, type Text } from './model.ts';

/** Who issues reports (a PPID Pelaksana: its own SKPD's only). */
export const REPORT_ISSUERS: readonly Role[] = ['ppid_utama', 'admin', 'ppid_pelaksana'];
/** Who reads the archive (a PPID Pelaksana: its own SKPD's only). */
export const REPORT_READERS: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid', 'ppid_pelaksana', 'pejabat_pid'];
/** The Pejabat PID runs SOP 004's cycles: it reads their closing summaries, and no other report. */
const SUMMARY_KIND = 'documentation_cycle' satisfies ReportKind;
/** Roles that read every agency's reports and the consolidated ones. */
const BODY_WIDE_READERS: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];

export const REPORT_FORMATS = ['pdf', 'csv', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export interface ArchivedFile {
  format: ReportFormat;
  /** `reports/<reportId>/<sha256>/<fileName>` in the private document bucket. */
  key: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** How the report came to be issued (`documentation`: a documentation cycle's closing summary, SOP 004). */
export type ReportSource = 'manual' | 'scheduled' | 'annual' | 'documentation';

export interface ArchivedReport {
  reportId: string;
  /** `LAP/<year>/<nnnn>`: gap-free per year of issue. */
  number: string;
  /** The year and sequence of the number. */
  year: number;
  sequence: number;
  kind: ReportKind;
  spec: ReportSpec;
  /** The year the period starts in (the archive's year filter). */
  periodYear: number;
  /** The SKPD; absent for a consolidated report. */
  agencyId?: string;
  agencyName?: string;
  title: Text;
  periodText: Text;
  /** When the numbers were read (ISO) and in words. */
  asOf: string;
  asOfText: Text;
  issuedAt: string;
  issuedBy: { username: string; name: string; role: Role | 'system' };
  source: ReportSource;
  files: ArchivedFile[];
  /** The code the PDF prints: its verification page on the register (`verifikasi/<code>/`). */
  verificationCode: string;
  /** The annual report, approved by PPID Utama and published on the register (annual.ts). */
  approved?: { at: string; by: string; name: string };
  version: number;
}

export type Issuer = Principal | typeof SYSTEM_ACTOR;

const isPrincipal = (a: Issuer): a is Principal => a.role !== 'system';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The stored file's name (kind, scope, period); a download is named by the number instead. */
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60) || 'laporan';

function storedName(spec: ReportSpec, format: ReportFormat): string {
  const who = spec.agencyId ?? 'konsolidasi';
  return `${slug(`laporan-${spec.kind}-${who}-${spec.from}-${spec.to}`)}.${format}`;
}

/** Checks that the actor may issue a report of this scope. */
export function assertMayIssue(actor: Principal, spec: ReportSpec): void {
  assertRole(actor, REPORT_ISSUERS);
  if (spec.agencyId) assertAgencyScope(actor, spec.agencyId);
  else if (!actsForWholeBody(actor)) forbidden('report_consolidated_only_body');
}

function assertMayRead(actor: Principal, r: Pick<ArchivedReport, 'agencyId' | 'kind'>): void {
  assertRole(actor, REPORT_READERS);
  if (BODY_WIDE_READERS.includes(actor.role)) return;
  if (actor.role === 'pejabat_pid') {
    if (r.kind !== SUMMARY_KIND) forbidden('forbidden_role', { role: actor.role });
    return;
  }
  if (!r.agencyId || r.agencyId !== actor.agencyId) forbidden('forbidden_agency');
}

export interface IssueOptions {
  /** The annual report's narrative (annual.ts). */
  narrative?: AnnualNarrative;
  /** A scheduled job's deterministic id: issued once, whatever retries or replays follow. */
  reportId?: string;
  source?: ReportSource;
  /** More records and audit events written in the issue's own transaction (the annual draft's state). */
  alsoWrite?: (report: ArchivedReport) => { writes: Write[]; audit: AuditEvent[] };
}

/**
 * Issues and archives one report. With `opts.reportId` (a scheduled job) it is idempotent: an id
 * already archived is returned as it is (`created: false`) and nothing is rendered or stored again.
 */
export async function issueReport(
  ctx: Context,
  actor: Issuer,
  specInput: ReportSpec,
  opts: IssueOptions = {},
): Promise<{ report: ArchivedReport; created: boolean }> {
  const spec = ReportSpec.parse(specInput);
  if (isPrincipal(actor)) assertMayIssue(actor, spec);
  if (!ctx.files) throw new Error('issueReport needs the document bucket (ctx.files)');
  if (spec.agencyId && !(await ctx.store.getAgency(spec.agencyId))) notFound('agency_not_found', { agencyId: spec.agencyId });
  if (opts.reportId) {
    const existing = await ctx.store.getReport(opts.reportId);
    if (existing) return { report: existing, created: false };
  }
  const reportId = opts.reportId ?? crypto.randomUUID();
  const files = ctx.files;
  // The queries and the renderers (PDF, XLSX) at the first issue: the archive's reads and downloads need neither.
  const [{ buildReport }, { reportCsv, reportPdf, reportVerificationCode, reportXlsx }] = await Promise.all([import('./data.ts'), import('./render.ts')]);
  const data: ReportData = await buildReport(ctx, spec, opts.narrative ? { narrative: opts.narrative } : undefined);
  const encoder = new TextEncoder();
  const store = async (format: ReportFormat, bytes: Uint8Array): Promise<ArchivedFile> => {
    const hash = sha256(bytes);
    const fileName = storedName(spec, format);
    const key = `reports/${reportId}/${hash}/${fileName}`;
    await files.put(key, bytes, CONTENT_TYPES[format]);
    return { format, key, fileName, contentType: CONTENT_TYPES[format], size: bytes.byteLength, sha256: hash };
  };
  // The tables carry no number: stored once. The PDF prints its number and verification code, so it
  // is rendered for the number it is committed with (again if another issue took that number first).
  const tables = [
    await store('csv', encoder.encode(reportCsv(data, 'id'))),
    await store('xlsx', await reportXlsx(data, 'id')),
    await store('json', encoder.encode(`${JSON.stringify(data, null, 2)}\n`)),
  ];
  const agencies = await ctx.store.listAgencies();
  const utama = ppidUtamaOf(agencies);
  const zone = utama?.timezone ?? 'Asia/Jakarta';
  const bodyName = (await ctx.store.getSettings<{ name?: string }>('publicBody'))?.name ?? data.body;
  const year = Number(localDateOf(ctx.now, zone).slice(0, 4));
  const counter = `reports#${year}`;
  const at = ctx.now.toISOString();
  const issuedBy = isPrincipal(actor)
    ? { username: actor.username, name: actor.name, role: actor.role }
    : { username: SYSTEM_ACTOR.username, name: 'SIP PPID (terjadwal)', role: 'system' as const };
  const signatory = isPrincipal(actor)
    ? officialOf((await ctx.store.getUser(actor.username)) ?? { name: actor.name }, ROLE_NAMES[actor.role]?.id ?? actor.role)
    : { name: 'SIP PPID', position: 'Penerbitan terjadwal atas nama PPID Utama' };
  // The number is taken in the commit's transaction: a writer who moved the counter first makes
  // this one read it again (a gap-free sequence); a replay that lost the race finds its id taken.
  for (let attempt = 1; ; attempt++) {
    const previous = await ctx.store.getCounter(counter);
    const sequence = previous + 1;
    const number = `LAP/${year}/${String(sequence).padStart(4, '0')}`;
    const code = reportVerificationCode(data, `${reportId}/${crypto.randomUUID()}`);
    const pdf = await store('pdf', await reportPdf(ctx, data, { number, code }));
    const report: ArchivedReport = {
      reportId,
      number,
      year,
      sequence,
      kind: spec.kind,
      spec,
      periodYear: Number(spec.from.slice(0, 4)),
      ...(spec.agencyId ? { agencyId: spec.agencyId } : {}),
      ...(data.agencyName ? { agencyName: data.agencyName } : {}),
      title: data.title,
      periodText: data.periodText,
      asOf: data.asOf,
      asOfText: data.asOfText,
      issuedAt: at,
      issuedBy,
      source: opts.source ?? 'manual',
      files: [pdf, ...tables],
      verificationCode: code,
      version: 1,
    };
    // The printed verification code's page on the register (official-documents/verification.ts).
    const verification: VerificationRecord = {
      code,
      type: 'service_report',
      number,
      date: localDateOf(ctx.now, zone),
      unit: spec.agencyId
        ? { agencyId: spec.agencyId, name: data.agencyName ?? spec.agencyId }
        : { agencyId: utama?.id ?? '-', name: utama?.name ?? 'PPID Utama' },
      bodyName,
      signatory: { name: signatory.name, position: signatory.position },
      sha256: pdf.sha256,
      size: pdf.size,
      issuedAt: at,
      status: 'valid',
    };
    const also = opts.alsoWrite?.(report) ?? { writes: [], audit: [] };
    try {
      await ctx.store.commit(
        [
          { entity: 'counter', name: counter, from: previous, to: sequence },
          { entity: 'report', value: report, expectedVersion: null },
          { entity: 'verification', value: verification },
          {
            entity: 'registerEvent',
            value: { eventId: crypto.randomUUID(), at, type: 'verification', itemId: code, agencyId: verification.unit.agencyId, versionNo: 1 },
          },
          ...also.writes,
        ],
        [
          auditEvent({
            actor,
            action: 'report.issue',
            entity: { type: 'report', id: reportId },
            agencyId: spec.agencyId ?? utama?.id ?? '-',
            after: { number, spec, asOf: report.asOf, files: report.files.map((f) => ({ format: f.format, sha256: f.sha256, size: f.size })) },
            requestId: ctx.requestId,
            now: ctx.now,
          }),
          ...also.audit,
        ],
      );
      await ctx.workflows?.start(REGISTER_WORKFLOW, `register-report-${code}`, { full: false });
      return { report, created: true };
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
      // Another writer changed what `alsoWrite` conditions on (the annual draft): theirs stands.
      if (also.writes.length) throw e;
      if (opts.reportId) {
        const raced = await ctx.store.getReport(reportId);
        if (raced) return { report: raced, created: false };
      }
      if (attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * attempt)));
    }
  }
}

export async function getReport(ctx: Context, actor: Principal, reportId: string): Promise<ArchivedReport> {
  assertRole(actor, REPORT_READERS);
  return reportFor(actor, reportId, await ctx.store.getReport(reportId));
}

/** The read report as the actor may see it (pure): 403 for a role that reads no reports, 404, 403 outside their agency. */
export function reportFor(actor: Principal, reportId: string, r: ArchivedReport | undefined): ArchivedReport {
  assertRole(actor, REPORT_READERS);
  if (!r) return notFound('report_not_found', { reportId });
  assertMayRead(actor, r);
  return r;
}

export interface ReportQuery {
  kind?: ReportKind;
  year?: number;
  agencyId?: string;
  cursor?: string;
  limit: number;
}

/**
 * The archive, newest period first (then newest issue): body-wide readers see every report (or one
 * SKPD's with `agencyId`); a PPID Pelaksana sees its own SKPD's, and asking for another is refused.
 */
export async function listReports(ctx: Context, actor: Principal, q: ReportQuery): Promise<Page<ArchivedReport>> {
  assertRole(actor, REPORT_READERS);
  let agencyId = q.agencyId;
  if (actor.role === 'pejabat_pid') {
    if (q.kind && q.kind !== SUMMARY_KIND) forbidden('forbidden_role', { role: actor.role });
    return ctx.store.listReports({ ...q, kind: SUMMARY_KIND });
  }
  if (!BODY_WIDE_READERS.includes(actor.role)) {
    if (agencyId && agencyId !== actor.agencyId) forbidden('forbidden_agency');
    agencyId = actor.agencyId;
  }
  if (q.kind && !REPORT_KINDS.includes(q.kind)) fail('validation', 'validation_failed');
  return ctx.store.listReports({ ...q, ...(agencyId ? { agencyId } : {}) });
}

/**
 * A short-lived link to one archived file: the stored bytes, never a new rendering. The file name
 * carries the number ("LAP-2026-0007.pdf").
 */
export async function downloadReport(
  ctx: Context,
  actor: Principal,
  reportId: string,
  format: ReportFormat,
): Promise<{ url: string; fileName: string; contentType: string; size: number; sha256: string }> {
  const r = await getReport(ctx, actor, reportId);
  const f = r.files.find((x) => x.format === format);
  if (!f) return notFound('report_file_not_found', { number: r.number, format });
  if (!ctx.files) throw new Error('downloadReport needs the document bucket (ctx.files)');
  const fileName = `${r.number.replaceAll('/', '-')}.${format}`;
  return { url: await ctx.files.downloadUrl(f.key, fileName, f.contentType), fileName, contentType: f.contentType, size: f.size, sha256: f.sha256 };
}

/** What the API answers for a report (the keys stay on the server). */
export function reportView(r: ArchivedReport) {
  return { ...r, files: r.files.map(({ key: _key, ...f }) => f) };
}
