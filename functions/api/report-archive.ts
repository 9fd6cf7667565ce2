/**
 * The archive of issued reports (SOP 001 step 3, the hard file) and the annual report's draft,
 * issue and approval. Use cases: functions/core/reports/archive.ts and annual.ts.
 */
import * as z from 'zod';
import { config } from '../adapters/config.ts';
import { generatedFiles } from '../adapters/generated-files.ts';
import { documentSigner } from '../adapters/signing.ts';
import { workflows } from '../adapters/workflow.ts';
import { fail } from '../core/errors.ts';
import { agencyId } from '../core/model.ts';
import type { Context } from '../core/ports.ts';
import * as annual from '../core/reports/annual.ts';
import * as archive from '../core/reports/archive.ts';
import { AnnualNarrative, REPORT_KINDS, ReportSpec } from '../core/reports/model.ts';
import { endpoint } from './http.ts';

/** Routes that read or write the archived files; those that issue a PDF also sign it. */
const withFiles = (ctx: Context): Context => ({ ...ctx, files: generatedFiles });
const issuing = (ctx: Context): Context => ({ ...ctx, files: generatedFiles, signer: documentSigner(), registerUrl: config.registerUrl() });

const reportId = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,100}$/, 'nomor arsip laporan tidak valid / the archived report id is not valid')
  .meta({ description: 'The archived report id (a UUID, or `auto-<job>-<yyyy-mm>[-<agency>]` for a scheduled one)' });
const year = z.coerce.number().int().min(2000).max(2100);
const version = z.number().int().min(0).meta({ description: 'The draft version you read (0: no draft yet); a newer one on the server gives 409' });

const TextSchema = z.object({ id: z.string(), en: z.string() });
const ReportSchema = z.object({
  reportId: z.string(),
  number: z.string(),
  kind: z.enum(REPORT_KINDS),
  spec: z.object({ kind: z.string(), from: z.string(), to: z.string(), agencyId: z.string().optional(), cycleId: z.string().optional() }),
  agencyId: z.string().optional(),
  agencyName: z.string().optional(),
  title: TextSchema,
  periodText: TextSchema,
  asOf: z.string(),
  asOfText: TextSchema,
  issuedAt: z.string(),
  issuedBy: z.object({ username: z.string(), name: z.string(), role: z.string() }),
  source: z.enum(['manual', 'scheduled', 'annual', 'documentation']),
  files: z.array(z.object({ format: z.enum(archive.REPORT_FORMATS), fileName: z.string(), contentType: z.string(), size: z.number(), sha256: z.string() })),
  approved: z.object({ at: z.string(), by: z.string(), name: z.string() }).optional(),
  year: z.number(),
  sequence: z.number(),
  periodYear: z.number(),
  version: z.number(),
});

const DraftSchema = z.object({
  year: z.number(),
  state: z.enum(['draft', 'issued', 'approved']),
  narrative: AnnualNarrative,
  dueOn: z.string(),
  issued: z.object({ reportId: z.string(), number: z.string(), at: z.string(), by: z.string() }).optional(),
  approved: z.object({ reportId: z.string(), number: z.string(), at: z.string(), by: z.string(), name: z.string() }).optional(),
  figures: z.array(z.object({ section: z.string(), key: z.string(), label: TextSchema, value: z.union([z.string(), z.number(), z.null()]) })).optional(),
  figuresAsOf: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  version: z.number(),
});

export const issue = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Issue a report and keep it in the archive: PDF (signed), CSV, XLSX and JSON, each with its SHA-256, under a number LAP/<year>/<nnnn>',
    description:
      'PPID Utama and the administrator issue any report; a PPID Pelaksana its own SKPD’s only. The consolidated annual report is issued from its draft (/api/reports/annual/{year}/issue).',
    body: ReportSpec,
    response: ReportSchema,
    status: 201,
  }),
  async ({ ctx, principal, body }) => {
    if (body.kind === 'annual' && !body.agencyId) fail('validation', 'report_annual_use_draft');
    const { report } = await archive.issueReport(issuing(ctx), principal, body);
    return archive.reportView(report);
  },
);

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The archive of issued reports, newest period first (a PPID Pelaksana sees its own SKPD’s)',
    query: z.strictObject({
      kind: z.enum(REPORT_KINDS).optional(),
      year: year.optional().meta({ description: 'The year the period starts in' }),
      agencyId: agencyId.optional(),
      cursor: z.string().max(2048).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
    }),
    response: z.object({ items: z.array(ReportSchema), nextCursor: z.string().optional() }),
  }),
  async ({ ctx, principal, query }) => {
    const page = await archive.listReports(ctx, principal, query);
    return { ...page, items: page.items.map(archive.reportView) };
  },
);

export const get = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'One archived report: who issued it, when, the period, the data’s as-of time and each file’s SHA-256',
    params: z.strictObject({ reportId }),
    response: ReportSchema,
    // Read with the caller's record; who may see it is decided on it once the caller is known.
    prefetch: ({ ctx, params }) => ctx.store.getReport(params.reportId),
  }),
  async ({ principal, params, prefetched }) => archive.reportView(archive.reportFor(principal, params.reportId, prefetched)),
);

export const file = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'A short-lived link to an archived file: the bytes as issued (their SHA-256 is in the record), whatever changed since',
    params: z.strictObject({
      reportId,
      format: z.enum(archive.REPORT_FORMATS, 'format: pdf, csv, xlsx atau json / format: pdf, csv, xlsx or json'),
    }),
    response: z.object({ url: z.string(), fileName: z.string(), contentType: z.string(), size: z.number(), sha256: z.string(), expiresInSeconds: z.number() }),
  }),
  async ({ ctx, principal, params }) => ({
    ...(await archive.downloadReport(withFiles(ctx), principal, params.reportId, params.format)),
    expiresInSeconds: 300,
  }),
);

export const getAnnual = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The annual report’s draft of a year (PPID Utama’s narrative) with the numbers as they are now',
    params: z.strictObject({ year }),
    response: z.object({
      draft: DraftSchema,
      data: z
        .object({ title: TextSchema, periodText: TextSchema, asOf: z.string(), asOfText: TextSchema, sections: z.array(z.unknown()) })
        .meta({ description: 'The report as it reads now (ReportData in functions/core/reports/model.ts)' }),
    }),
  }),
  ({ ctx, principal, params }) => annual.getAnnual(ctx, principal, params.year),
);

export const putAnnual = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Save PPID Utama’s narrative of the annual report (policy, facilities, staff, budget, obstacles, recommendations)',
    params: z.strictObject({ year }),
    body: z.strictObject({ narrative: AnnualNarrative, version }),
    response: DraftSchema,
  }),
  ({ ctx, principal, params, body }) => annual.saveNarrative(ctx, principal, params.year, body),
);

export const issueAnnual = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Issue the annual report from its draft: archived with a new number (the year must have ended)',
    params: z.strictObject({ year }),
    body: z.strictObject({ version }),
    response: z.object({ draft: DraftSchema, report: ReportSchema }),
    status: 201,
  }),
  async ({ ctx, principal, params, body }) => {
    const { draft, report } = await annual.issueAnnual(issuing(ctx), principal, params.year, body);
    return { draft, report: archive.reportView(report) };
  },
);

export const approveAnnual = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'PPID Utama approves the issued annual report: it is published on the public register (UU 14/2008 Pasal 11(1) h)',
    params: z.strictObject({ year }),
    body: z.strictObject({ version }),
    response: z.object({ draft: DraftSchema, report: ReportSchema }),
  }),
  async ({ ctx, principal, params, body }) => {
    const { draft, report } = await annual.approveAnnual({ ...ctx, workflows }, principal, params.year, body);
    return { draft, report: archive.reportView(report) };
  },
);
