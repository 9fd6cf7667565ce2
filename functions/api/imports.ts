/**
 * The bulk import of draft items from a spreadsheet (functions/core/documentation/item-import.ts):
 * the template, declaring the file (upload ticket), checking it (every bad row with its line and
 * field; nothing imported), running it (the ItemImport workflow) and following its progress.
 */
import { createHash } from 'node:crypto';
import * as z from 'zod';
import { generatedFiles } from '../adapters/generated-files.ts';
import { itemUploads } from '../adapters/item-uploads.ts';
import { workflows } from '../adapters/workflow.ts';
import { assertRole } from '../core/access.ts';
import { importTemplateCsv, importTemplateXlsx } from '../core/documentation/import.ts';
import { checkImport, declareImport, getImport, type ItemImport, runImport } from '../core/documentation/item-import.ts';
import { UploadRequest } from '../core/documents.ts';
import { agencyId } from '../core/model.ts';
import { endpoint } from './http.ts';
import { UploadTicketSchema } from './schemas.ts';

const Params = z.strictObject({ importId: z.uuid() });
const Text = z.object({ id: z.string(), en: z.string() });

/** An import as stored (functions/core/documentation/item-import.ts `ItemImport`), described loosely. */
const ImportSchema = z
  .object({
    importId: z.string(),
    agencyId: z.string(),
    fileName: z.string(),
    sha256: z.string(),
    state: z.enum(['declared', 'checked', 'refused', 'running', 'done', 'failed']),
    check: z
      .object({ rows: z.number(), goodRows: z.number(), badRows: z.number(), problems: z.number(), unknownHeaders: z.array(z.string()) })
      .loose()
      .optional(),
    progress: z
      .object({ rowsToImport: z.number(), batches: z.number(), batchesDone: z.number(), created: z.number(), existing: z.number() })
      .loose()
      .optional(),
    refusal: Text.optional(),
    version: z.number(),
  })
  .loose();

/** What clients see of an import: everything but the storage key. */
const view = ({ key: _key, ...imp }: ItemImport) => imp;

const TEMPLATE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export const template = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The import template (headers in Bahasa Indonesia, one example row; the XLSX has a notes sheet) through a short-lived link',
    query: z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    response: z.object({ file: z.object({ url: z.string(), fileName: z.string(), contentType: z.string(), expiresInSeconds: z.number() }) }),
  }),
  async ({ principal, query }) => {
    // The Pejabat PID's list of SOP 004 step 1 has the same columns.
    assertRole(principal, ['petugas', 'ppid_pelaksana', 'ppid_utama', 'pejabat_pid']);
    const bytes = query.format === 'xlsx' ? await importTemplateXlsx() : new TextEncoder().encode(importTemplateCsv());
    // Keyed by content: the same template is stored once, a changed one under a new key.
    const sha = createHash('sha256').update(bytes).digest('hex');
    const fileName = `templat-impor-daftar-informasi.${query.format}`;
    const key = `templates/item-import/${sha}/${fileName}`;
    const contentType = TEMPLATE_TYPES[query.format];
    await generatedFiles.put(key, bytes, contentType);
    return { file: { url: await generatedFiles.downloadUrl(key, fileName, contentType), fileName, contentType, expiresInSeconds: 300 } };
  },
);

export const declare = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Declare a CSV or XLSX file of DIP rows (name, type, size, SHA-256) and get its upload ticket; the same file imported before is named instead',
    description:
      'POST the file to `upload.url` with `upload.fields` first and the file last as `file`, then call …/check. When the same bytes were already imported for the agency, the answer has `duplicateOf` (that import) and no ticket. Petugas and Kepala PPID Pelaksana: their own agency; PPID Utama: any (`agencyId`).',
    body: z.strictObject({ agencyId: agencyId.optional(), file: UploadRequest }),
    response: z.object({ import: ImportSchema, upload: UploadTicketSchema.optional(), duplicateOf: ImportSchema.optional() }),
    status: 201,
  }),
  async ({ ctx, principal, body }) => {
    const r = await declareImport(ctx, itemUploads, principal, body);
    return { ...r, import: view(r.import), ...(r.duplicateOf ? { duplicateOf: view(r.duplicateOf) } : {}) };
  },
);

export const get = /* @__PURE__ */ endpoint(
  () => ({ summary: 'One import: its state, the check’s counts and the run’s progress', params: Params, response: ImportSchema }),
  async ({ ctx, principal, params }) => view(await getImport(ctx, principal, params.importId)),
);

export const check = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Check the uploaded file (size, type by content, SHA-256) and validate every row with the item form’s schema; imports nothing',
    description: `Answers the counts and every bad field of every bad row with its spreadsheet line (header = line 1), its column and a message in both languages (at most 5,000 listed; \`import.check.problems\` counts them all). A file that cannot be read is refused with what is missing.`,
    params: Params,
    response: z.object({
      import: ImportSchema,
      problems: z.array(z.object({ line: z.number(), field: z.string(), header: z.string(), message: Text })),
      problemsListed: z.number(),
      duplicateOf: ImportSchema.optional(),
    }),
  }),
  async ({ ctx, principal, params }) => {
    const r = await checkImport({ ...ctx, files: generatedFiles }, itemUploads, principal, params.importId);
    return { ...r, import: view(r.import), ...(r.duplicateOf ? { duplicateOf: view(r.duplicateOf) } : {}) };
  },
);

export const run = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Import the checked file as draft items: `all` (only when every row is good) or `good_only`; runs in the ItemImport workflow',
    description:
      'Follow the progress with GET /api/imports/{importId}. A failed import may be run again: it goes on where it stopped, and no row is written twice.',
    params: Params,
    body: z.strictObject({ mode: z.enum(['all', 'good_only']) }),
    response: ImportSchema,
  }),
  async ({ ctx, principal, params, body }) => view(await runImport({ ...ctx, workflows }, principal, params.importId, body)),
);
