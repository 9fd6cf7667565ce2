/**
 * The report menu in real time (SOP 001 step 2): `GET /api/reports/{kind}` with the period, one SKPD
 * or the whole body, as JSON (the screen and its print stylesheet) or as a PDF, CSV or XLSX file
 * through a short-lived link (functions/core/reports/menu.ts).
 */
import * as z from 'zod';
import { generatedFiles } from '../adapters/generated-files.ts';
import { agencyId } from '../core/model.ts';
import { openReport, REPORT_FORMATS } from '../core/reports/menu.ts';
import { MENU_KINDS, REPORT_KINDS } from '../core/reports/model.ts';
import { endpoint } from './http.ts';

const date = (what: { id: string; en: string }) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${what.id}: tulis TTTT-BB-HH / ${what.en}: write YYYY-MM-DD`);

const Text = z.object({ id: z.string(), en: z.string() });
const Cell = z.union([z.string(), z.number(), z.null()]);
const ReportDataSchema = z.object({
  spec: z.object({ kind: z.enum(REPORT_KINDS), from: z.string(), to: z.string(), agencyId: z.string().optional(), cycleId: z.string().optional() }),
  title: Text,
  body: z.string(),
  agencyName: z.string().optional(),
  periodText: Text,
  asOf: z.string(),
  asOfText: Text,
  sections: z.array(
    z.object({
      key: z.string(),
      heading: Text,
      paragraphs: z.array(z.string()).optional(),
      figures: z.array(z.object({ key: z.string(), label: Text, value: Cell, note: Text.optional() })).optional(),
      tables: z
        .array(
          z.object({
            key: z.string(),
            caption: Text,
            columns: z.array(z.object({ key: z.string(), label: Text, numeric: z.boolean().optional() })),
            rows: z.array(z.array(Cell)),
            total: z.array(Cell).optional(),
          }),
        )
        .optional(),
    }),
  ),
});

export const report = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'One report of the report menu (SOP 001) for a period, per SKPD or consolidated: JSON, or a PDF, CSV or XLSX file through a short-lived link',
    description:
      'Kinds: annual (Laporan Layanan Informasi Publik, Perki 1/2021), semester (ringkasan akses informasi), monthly (recap per SKPD), requests_register, objections_register, sop_compliance, dip and dik (as of `to`). PPID Utama, the admin and the Atasan PPID open any SKPD’s or the consolidated report; a PPID Pelaksana its own SKPD’s only. The numbers equal the dashboard’s. File exports are audited.',
    params: z.strictObject({ kind: z.enum(MENU_KINDS, 'jenis laporan tidak dikenal / unknown report kind') }),
    query: z.strictObject({
      from: date({ id: 'tanggal awal', en: 'start date' }),
      to: date({ id: 'tanggal akhir', en: 'end date' }),
      agencyId: agencyId.optional().meta({ description: "One SKPD; without it the consolidated report (a PPID Pelaksana gets its own SKPD's)" }),
      format: z.enum(REPORT_FORMATS).default('json'),
      lang: z.enum(['id', 'en']).optional().meta({ description: "The file's language (labels); default from Accept-Language" }),
    }),
    response: z.object({
      report: ReportDataSchema.optional(),
      file: z.object({ url: z.string(), fileName: z.string(), contentType: z.string(), expiresInSeconds: z.number() }).optional(),
    }),
  }),
  ({ ctx, principal, params, query, lang }) => {
    const { lang: asked, ...q } = query;
    return openReport({ ...ctx, files: generatedFiles }, principal, { kind: params.kind, ...q }, asked ?? lang);
  },
);
