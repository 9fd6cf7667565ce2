/**
 * The report menu in real time (SOP 001 step 2, "memilih menu laporan … dan mencetak laporan"): one
 * report of a chosen kind and period, for one SKPD or the whole body, as JSON (the staff app's screen
 * and print stylesheet) or as a PDF, CSV or XLSX file.
 *
 * Who: PPID Utama, the admin and the Atasan PPID open every report, any SKPD's or consolidated; a
 * PPID Pelaksana its own SKPD's only (without `agencyId` it gets its SKPD's; another SKPD's is
 * refused with a message, never silently narrowed). Files go to the private document bucket under
 * `exports/reports/`, a fresh unguessable key each time, reached through a short-lived link, and each
 * file export is audited (who, which report, which period, the format, the key), like the books.
 */
import type { Role } from '../../../infra/system.ts';
import type { Principal } from '../access.ts';
import { ppidUtamaOf } from '../agencies.ts';
import { auditEvent } from '../audit.ts';
import { fail, forbidden } from '../errors.ts';
import type { Context } from '../ports.ts';
import type { Lang } from '../tabular/table.ts';
import { buildReport } from './data.ts';
import type { MenuKind, ReportData } from './model.ts';
import { reportCsv, reportPdf, reportXlsx } from './render.ts';

export const REPORT_FORMATS = ['json', 'pdf', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** Roles that open the report menu; the first three for the whole body. */
export const REPORT_ROLES: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid', 'ppid_pelaksana'];
const BODY_WIDE: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];
/** The longest period one report covers (a year, leap day included). */
export const MAX_REPORT_DAYS = 366;
export const REPORT_LINK_SECONDS = 300;

const CONTENT_TYPE: Record<Exclude<ReportFormat, 'json'>, string> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportQuery {
  kind: MenuKind;
  from: string;
  to: string;
  agencyId?: string;
  format: ReportFormat;
}

export interface ReportResult {
  /** JSON: the report itself. */
  report?: ReportData;
  /** PDF, CSV, XLSX: the file through a short-lived link. */
  file?: { url: string; fileName: string; contentType: string; expiresInSeconds: number };
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

export async function openReport(ctx: Context, actor: Principal, q: ReportQuery, lang: Lang): Promise<ReportResult> {
  if (!REPORT_ROLES.includes(actor.role)) forbidden('forbidden_role', { role: actor.role });
  const bodyWide = BODY_WIDE.includes(actor.role);
  if (!bodyWide && q.agencyId && q.agencyId !== actor.agencyId) forbidden('report_agency_forbidden', { agencyId: actor.agencyId });
  const agencyId = bodyWide ? q.agencyId : actor.agencyId;
  if (q.kind !== 'dip' && q.kind !== 'dik' && days(q.from, q.to) > MAX_REPORT_DAYS) fail('validation', 'report_period_too_long', { days: MAX_REPORT_DAYS });
  const spec = { kind: q.kind, from: q.from, to: q.to, ...(agencyId ? { agencyId } : {}) };
  const data = await buildReport(ctx, spec);
  if (q.format === 'json') return { report: data };

  if (!ctx.files) throw new Error('openReport: no file store in the context');
  const bytes =
    q.format === 'pdf' ? await reportPdf(ctx, data) : q.format === 'csv' ? new TextEncoder().encode(reportCsv(data, lang)) : await reportXlsx(data, lang);
  const stamp = ctx.now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  const scope = agencyId ?? (lang === 'id' ? 'gabungan' : 'consolidated');
  const fileName = `${lang === 'id' ? 'Laporan' : 'Report'}-${q.kind}-${q.from}_${q.to}-${scope}-${stamp}.${q.format}`;
  // A fresh, unguessable key per export: the link is the only way to it.
  const key = `exports/reports/${q.kind}/${agencyId ?? 'all'}/${crypto.randomUUID()}/${fileName}`;
  await ctx.files.put(key, bytes, CONTENT_TYPE[q.format]);
  const file = {
    url: await ctx.files.downloadUrl(key, fileName, CONTENT_TYPE[q.format]),
    fileName,
    contentType: CONTENT_TYPE[q.format],
    expiresInSeconds: REPORT_LINK_SECONDS,
  };

  const utama = ppidUtamaOf(await ctx.store.listAgencies());
  await ctx.store.commit(
    [],
    auditEvent({
      actor,
      action: 'report.export',
      entity: { type: 'report_export', id: `${q.kind}-${q.from}-${q.to}-${agencyId ?? 'all'}` },
      agencyId: agencyId ?? utama?.id ?? actor.agencyId,
      after: { kind: q.kind, from: q.from, to: q.to, agencyId: agencyId ?? null, format: q.format, key, asOf: data.asOf, size: bytes.byteLength },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return { file };
}
