/**
 * The bulk import of draft items (SOP 000 step 2 from a spreadsheet): an SKPD's Petugas or Kepala
 * PPID Pelaksana for its own agency, PPID Utama for any agency.
 *
 *   POST /imports (declare: name, type, size, SHA-256) ─▶ upload with the ticket (presigned POST)
 *     ─▶ POST /imports/{id}/check: the server moves the object to a key only it writes, checks it
 *        (size, type by content, SHA-256), reads every row (import.ts) and validates it with the
 *        item form's schema; nothing is imported, every bad row is reported with its line and field
 *     ─▶ POST /imports/{id}/run { mode: 'all' | 'good_only' } ─▶ the ItemImport workflow
 *        (statemachines/item-import.asl.json): PrepareImport splits the rows into batches,
 *        WriteImportBatch writes one batch per task, FinishImport closes the import.
 *
 * No duplicates: each row's item id is derived from (agency, the file's SHA-256, the row's line) and
 * written with attribute_not_exists, so a retried batch or a rerun skips rows already written; the
 * import record counts the batches done in the same transaction as the batch's items (a batch is
 * recorded exactly once); and the file itself is marked per agency by its SHA-256 when it runs, so
 * the same bytes uploaded again are recognised and named with the import that took them.
 *
 * A batch is one transaction: its items as drafts (the records the form creates), its numbers taken
 * from the agency's gap-free counter (moved from→to in the same transaction, in line order), the
 * import's progress, and one audit event. BATCH_ROWS keeps the transaction under DynamoDB's 100
 * items with room for the counter, the import record, the dashboard's counter updates and the audit.
 * Batches run one after another: they share the agency's counter.
 */
import { createHash } from 'node:crypto';
import { assertAgencyScope, assertRole, type Principal } from '../access.ts';
import { getAgency } from '../agencies.ts';
import { auditEvent, SYSTEM_ACTOR } from '../audit.ts';
import { localDateOf } from '../calendar.ts';
import { kindForUpload, safeFileName, type UploadRequest } from '../documents.ts';
import { conflict, DomainError, fail, notFound } from '../errors.ts';
import { promoteAndCheck, type UploadsPort } from '../item-documents.ts';
import type { ItemContent } from '../item-model.ts';
import { draftItem, itemCounter, retryOnRace } from '../items.ts';
import type { Text } from '../messages.ts';
import type { Context, GeneratedFiles, Write } from '../ports.ts';
import { type BadField, type ImportField, ImportFileError, importFormat, parseSpreadsheet, validateRows } from './import.ts';

export const ITEM_IMPORT_WORKFLOW = 'ItemImport';
/** Rows per batch (one transaction): + counter + import record + audit + a few dashboard counters < 100. */
export const BATCH_ROWS = 90;
/** Problems returned by a check (each bad field of each bad row); more are counted, not listed. */
export const MAX_PROBLEMS_LISTED = 5_000;
/** Who imports: the roles that create items (infra/system.ts EDITORS). */
const IMPORTERS = ['petugas', 'ppid_pelaksana', 'ppid_utama'] as const;

export type ImportState = 'declared' | 'checked' | 'refused' | 'running' | 'done' | 'failed';
export type ImportMode = 'all' | 'good_only';

export interface ItemImport {
  importId: string;
  agencyId: string;
  fileName: string;
  contentType: string;
  format: 'csv' | 'xlsx';
  size: number;
  sha256: string;
  /** Where the checked file is kept (a key only the server writes). */
  key: string;
  /** The upload passed the server's check (size, type by content, SHA-256). */
  verified: boolean;
  state: ImportState;
  createdAt: string;
  createdBy: string;
  /** Why the file could not be read (state `refused`). */
  refusal?: Text;
  check?: {
    at: string;
    by: string;
    sheet?: string;
    headerLine: number;
    columns: { field: ImportField; header: string }[];
    unknownHeaders: string[];
    rows: number;
    goodRows: number;
    badRows: number;
    /** Bad fields in all (a bad row has one or more). */
    problems: number;
  };
  run?: { mode: ImportMode; at: string; by: Principal; attempt: number; executionName: string };
  progress?: {
    /** Rows the run imports (all of them, or the good ones). */
    rowsToImport: number;
    batches: number;
    batchesDone: number;
    /** Items written by this import's batches, and rows found already written (a rerun). */
    created: number;
    existing: number;
    /** The numbers given, first and last. */
    firstNumber?: string;
    lastNumber?: string;
  };
  finishedAt?: string;
  failure?: string;
  updatedAt: string;
  version: number;
}

/** The file of an import, per agency: the same bytes are imported once. */
export interface ImportMarker {
  agencyId: string;
  sha256: string;
  importId: string;
  at: string;
}

interface BatchRow {
  line: number;
  content: ItemContent;
}

const uploadKey = (i: Pick<ItemImport, 'importId' | 'fileName'>) => `uploads/imports/${i.importId}/${i.fileName}`;
const fileKey = (importId: string, fileName: string) => `imports/${importId}/${fileName}`;
const batchKey = (importId: string, batch: number) => `imports/${importId}/batches/${String(batch).padStart(5, '0')}.json`;

/**
 * The item id of one row: a UUID (version 8, RFC 9562) from SHA-256 of the agency, the file's
 * SHA-256 and the line, so the same row of the same file is the same item however often it runs.
 */
export function importedItemId(agencyId: string, fileSha256: string, line: number): string {
  const h = createHash('sha256').update(`item-import\n${agencyId}\n${fileSha256.toLowerCase()}\n${line}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function assertMayImport(actor: Principal, agencyId: string): void {
  assertRole(actor, IMPORTERS);
  assertAgencyScope(actor, agencyId);
}

async function loadImport(ctx: Context, importId: string): Promise<ItemImport> {
  return (await ctx.store.getImport(importId)) ?? notFound('import_not_found', { importId });
}

export async function getImport(ctx: Context, actor: Principal, importId: string): Promise<ItemImport> {
  const imp = await loadImport(ctx, importId);
  assertMayImport(actor, imp.agencyId);
  return imp;
}

function files(ctx: Context): GeneratedFiles {
  if (!ctx.files) throw new Error('The import needs the private document files (ctx.files)');
  return ctx.files;
}

function save(
  ctx: Context,
  before: ItemImport | null,
  after: ItemImport,
  actor: Principal | typeof SYSTEM_ACTOR,
  action: string,
  detail: unknown,
  extra: Write[] = [],
) {
  return ctx.store.commit(
    [{ entity: 'itemImport', value: after, expectedVersion: before ? before.version : null }, ...extra],
    auditEvent({
      actor,
      action,
      entity: { type: 'import', id: after.importId },
      agencyId: after.agencyId,
      after: detail,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
}

/** The import a file was already taken by, for this agency. */
async function previousImportOf(ctx: Context, agencyId: string, sha256: string, except?: string): Promise<ItemImport | undefined> {
  const marker = await ctx.store.getImportMarker(agencyId, sha256);
  if (!marker || marker.importId === except) return undefined;
  return ctx.store.getImport(marker.importId);
}

/**
 * Declares the file (CSV or XLSX) and returns its upload ticket, or, when the same bytes were
 * already imported for this agency, the import that took them (and no ticket).
 */
export async function declareImport(
  ctx: Context,
  uploads: UploadsPort,
  actor: Principal,
  input: { agencyId?: string; file: UploadRequest },
): Promise<{ import: ItemImport; upload?: Awaited<ReturnType<UploadsPort['ticket']>>; duplicateOf?: ItemImport }> {
  const agencyId = input.agencyId ?? actor.agencyId;
  assertMayImport(actor, agencyId);
  await getAgency(ctx, agencyId);
  const kind = kindForUpload(input.file.fileName, input.file.contentType);
  const format = importFormat(input.file.fileName);
  if (!format || kind !== format) return fail('unsupported_media_type', 'import_type_not_allowed', { fileName: input.file.fileName });
  const duplicate = await previousImportOf(ctx, agencyId, input.file.sha256);
  if (duplicate) return { import: duplicate, duplicateOf: duplicate };
  const at = ctx.now.toISOString();
  const importId = crypto.randomUUID();
  const fileName = safeFileName(input.file.fileName);
  const imp: ItemImport = {
    importId,
    agencyId,
    fileName,
    contentType: input.file.contentType,
    format,
    size: input.file.size,
    sha256: input.file.sha256,
    key: fileKey(importId, fileName),
    verified: false,
    state: 'declared',
    createdAt: at,
    createdBy: actor.username,
    updatedAt: at,
    version: 1,
  };
  const upload = await uploads.ticket(uploadKey(imp), input.file.contentType, input.file.size);
  await save(ctx, null, imp, actor, 'import.declare', { fileName, size: imp.size, sha256: imp.sha256 });
  return { import: imp, upload };
}

export interface CheckResult {
  import: ItemImport;
  /** Every bad field of every bad row (up to MAX_PROBLEMS_LISTED), in line order. */
  problems: BadField[];
  problemsListed: number;
  /** The same file was already imported for this agency: that import. */
  duplicateOf?: ItemImport;
}

/** The file's rows, read and validated (the same on every call: the file is immutable once checked). */
async function readRows(ctx: Context, imp: ItemImport) {
  const bytes = await files(ctx).get(imp.key);
  if (!bytes) throw new Error(`The checked file of import ${imp.importId} is missing at ${imp.key}`);
  const parsed = await parseSpreadsheet(bytes, imp.fileName);
  return { parsed, ...validateRows(parsed) };
}

/**
 * Checks the upload (once) and reads every row: counts, and every bad field of every bad row with
 * its line. Imports nothing. A file that cannot be read is refused with what is missing.
 */
export async function checkImport(ctx: Context, uploads: UploadsPort, actor: Principal, importId: string): Promise<CheckResult> {
  let imp = await getImport(ctx, actor, importId);
  if (imp.state === 'running' || imp.state === 'done') conflict('import_in_state', { state: imp.state });
  if (!imp.verified) {
    const checked = await promoteAndCheck(uploads, uploadKey(imp), imp.key, { size: imp.size, sha256: imp.sha256, kind: imp.format });
    if (!checked.ok) throw checked.error;
    const after = { ...imp, verified: true, updatedAt: ctx.now.toISOString(), version: imp.version + 1 };
    await save(ctx, imp, after, actor, 'import.upload_verified', { sha256: imp.sha256 });
    imp = after;
  }
  let read: Awaited<ReturnType<typeof readRows>>;
  try {
    read = await readRows(ctx, imp);
  } catch (e) {
    if (!(e instanceof ImportFileError)) throw e;
    const after: ItemImport = { ...imp, state: 'refused', refusal: e.text, updatedAt: ctx.now.toISOString(), version: imp.version + 1 };
    await save(ctx, imp, after, actor, 'import.refused', { reason: e.text.en });
    throw new DomainError('validation', e.text);
  }
  const { parsed, good, bad } = read;
  const badLines = new Set(bad.map((b) => b.line));
  const at = ctx.now.toISOString();
  const after: ItemImport = {
    ...imp,
    state: 'checked',
    check: {
      at,
      by: actor.username,
      ...(parsed.sheet ? { sheet: parsed.sheet } : {}),
      headerLine: parsed.headerLine,
      columns: parsed.columns.map((c) => ({ field: c.field, header: c.header })),
      unknownHeaders: parsed.unknownHeaders,
      rows: parsed.rows.length,
      goodRows: good.length,
      badRows: badLines.size,
      problems: bad.length,
    },
    updatedAt: at,
    version: imp.version + 1,
  };
  delete after.refusal;
  await save(ctx, imp, after, actor, 'import.check', { rows: parsed.rows.length, goodRows: good.length, badRows: badLines.size });
  const duplicate = await previousImportOf(ctx, imp.agencyId, imp.sha256, imp.importId);
  const problems = bad.slice(0, MAX_PROBLEMS_LISTED);
  return { import: after, problems, problemsListed: problems.length, ...(duplicate ? { duplicateOf: duplicate } : {}) };
}

/**
 * Starts the import: `all` only when every row is good; `good_only` imports the good rows and leaves
 * the bad ones out. The file is marked as imported for the agency in the same transaction (refused
 * if another import took the same bytes). A failed run may be run again: it goes on where it stopped.
 */
export async function runImport(ctx: Context, actor: Principal, importId: string, input: { mode: ImportMode }): Promise<ItemImport> {
  const before = await getImport(ctx, actor, importId);
  if (before.state === 'running') return before;
  if (before.state === 'done') conflict('import_in_state', { state: before.state });
  if ((before.state !== 'checked' && before.state !== 'failed') || !before.check) return fail('validation', 'import_not_checked');
  if (input.mode === 'all' && before.check.badRows > 0) return fail('validation', 'import_has_bad_rows', { bad: before.check.badRows });
  if (before.check.goodRows === 0) return fail('validation', 'import_nothing_to_import');
  const other = await previousImportOf(ctx, before.agencyId, before.sha256, before.importId);
  if (other) conflict('import_already_imported', { sha256: before.sha256.slice(0, 12), importId: other.importId });
  const at = ctx.now.toISOString();
  const attempt = (before.run?.attempt ?? 0) + 1;
  const executionName = `item-import-${before.importId}-${attempt}`;
  const after: ItemImport = {
    ...before,
    state: 'running',
    // A rerun keeps the mode of the first run: its batches are the same rows.
    run: { mode: before.run?.mode ?? input.mode, at, by: actor, attempt, executionName },
    updatedAt: at,
    version: before.version + 1,
  };
  delete after.failure;
  await save(ctx, before, after, actor, 'import.run', { mode: after.run!.mode, attempt }, [
    { entity: 'importMarker', value: { agencyId: before.agencyId, sha256: before.sha256, importId: before.importId, at } },
  ]);
  try {
    await ctx.workflows!.start(ITEM_IMPORT_WORKFLOW, executionName, { importId });
  } catch (e) {
    await markFailed(ctx, { importId, cause: (e as Error).message });
    throw e;
  }
  return after;
}

// ─── the workflow's tasks ────────────────────────────────────────────────────────────────────────

export interface BatchPlan {
  batches: number;
  /** The next batch to write. */
  next: number;
  done: boolean;
}

const planOf = (imp: ItemImport): BatchPlan => {
  const batches = imp.progress?.batches ?? 0;
  const next = imp.progress?.batchesDone ?? 0;
  return { batches, next, done: imp.state !== 'running' || next >= batches };
};

/**
 * Task PrepareImport: reads the checked file again (the truth, not the check's summary), splits the
 * rows to import into batches of BATCH_ROWS kept beside the file, and records the plan. Run again
 * (a restart), it writes the same batches and keeps the progress made.
 */
export async function prepareImport(ctx: Context, input: { importId: string }): Promise<BatchPlan> {
  const imp = await loadImport(ctx, input.importId);
  if (imp.state !== 'running' || !imp.run) return planOf(imp);
  const { good, bad } = await readRows(ctx, imp);
  if (imp.run.mode === 'all' && bad.length) throw new Error(`Import ${imp.importId}: the file has bad rows, and mode 'all' was chosen`);
  const rows: BatchRow[] = good.map((g) => ({ line: g.line, content: g.content }));
  const batches = Math.ceil(rows.length / BATCH_ROWS);
  const done = imp.progress?.batchesDone ?? 0;
  const pending = Array.from({ length: batches - done }, (_, i) => done + i);
  // A few at a time: S3 takes them in parallel, the local emulator in turn.
  for (let i = 0; i < pending.length; i += 16) {
    await Promise.all(
      pending.slice(i, i + 16).map((b) => {
        const body = new TextEncoder().encode(JSON.stringify(rows.slice(b * BATCH_ROWS, (b + 1) * BATCH_ROWS)));
        return files(ctx).put(batchKey(imp.importId, b), body, 'application/json');
      }),
    );
  }
  if (imp.progress) return planOf(imp);
  const after: ItemImport = {
    ...imp,
    progress: { rowsToImport: rows.length, batches, batchesDone: 0, created: 0, existing: 0 },
    updatedAt: ctx.now.toISOString(),
    version: imp.version + 1,
  };
  await save(ctx, imp, after, SYSTEM_ACTOR, 'import.prepare', { rowsToImport: rows.length, batches, batchRows: BATCH_ROWS });
  return planOf(after);
}

/**
 * Task WriteImportBatch: one batch in one transaction. Rows whose item exists already are skipped;
 * the others become draft items numbered from the agency's counter in line order. A batch already
 * recorded (a retried task) does nothing.
 */
export function writeImportBatch(ctx: Context, input: { importId: string; batch: number }): Promise<BatchPlan> {
  return retryOnRace(() => writeBatchOnce(ctx, input), 20);
}

async function writeBatchOnce(ctx: Context, input: { importId: string; batch: number }): Promise<BatchPlan> {
  const imp = await loadImport(ctx, input.importId);
  const plan = planOf(imp);
  if (plan.done || plan.next > input.batch) return plan;
  if (plan.next < input.batch) throw new Error(`Import ${imp.importId}: batch ${input.batch} before batch ${plan.next}`);
  const bytes = await files(ctx).get(batchKey(imp.importId, input.batch));
  if (!bytes) throw new Error(`Import ${imp.importId}: batch ${input.batch} is missing`);
  const rows = JSON.parse(new TextDecoder().decode(bytes)) as BatchRow[];
  const ids = rows.map((r) => importedItemId(imp.agencyId, imp.sha256, r.line));
  const existing = new Set((await ctx.store.getItems(ids)).map((i) => i.itemId));
  const toWrite = rows.map((r, i) => ({ ...r, itemId: ids[i]! })).filter((r) => !existing.has(r.itemId));
  const agency = await getAgency(ctx, imp.agencyId);
  const at = ctx.now.toISOString();
  const regYear = Number(localDateOf(ctx.now, agency.timezone).slice(0, 4));
  const counter = itemCounter(imp.agencyId, regYear);
  const previous = toWrite.length ? await ctx.store.getCounter(counter) : 0;
  const by = imp.run!.by;
  const items = toWrite.map((r, i) =>
    draftItem({
      itemId: r.itemId,
      agencyId: imp.agencyId,
      regYear,
      sequence: previous + i + 1,
      content: r.content,
      at,
      by: by.username,
      imported: { importId: imp.importId, line: r.line },
    }),
  );
  const progress = imp.progress!;
  const after: ItemImport = {
    ...imp,
    progress: {
      ...progress,
      batchesDone: input.batch + 1,
      created: progress.created + items.length,
      existing: progress.existing + (rows.length - items.length),
      ...(items.length ? { firstNumber: progress.firstNumber ?? items[0]!.number, lastNumber: items.at(-1)!.number } : {}),
    },
    updatedAt: at,
    version: imp.version + 1,
  };
  await ctx.store.commit(
    [
      ...(items.length ? [{ entity: 'counter' as const, name: counter, from: previous, to: previous + items.length }] : []),
      ...items.map((item): Write => ({ entity: 'item', value: item, expectedVersion: null })),
      { entity: 'itemImport', value: after, expectedVersion: imp.version },
    ],
    // The person who ran the import created these drafts; one event per batch names its lines and numbers.
    auditEvent({
      actor: by,
      action: 'item.import_batch',
      entity: { type: 'import', id: imp.importId },
      agencyId: imp.agencyId,
      after: {
        batch: input.batch,
        lines: rows.length ? [rows[0]!.line, rows.at(-1)!.line] : [],
        created: items.length,
        existing: rows.length - items.length,
        numbers: items.length ? [items[0]!.number, items.at(-1)!.number] : [],
      },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return planOf(after);
}

/** Task FinishImport: the import is done; its counts stay on the record. */
export async function finishImport(ctx: Context, input: { importId: string }): Promise<{ state: ImportState; created: number; existing: number }> {
  return retryOnRace(async () => {
    const imp = await loadImport(ctx, input.importId);
    const p = imp.progress;
    if (imp.state !== 'running' || !p || p.batchesDone < p.batches) return { state: imp.state, created: p?.created ?? 0, existing: p?.existing ?? 0 };
    const at = ctx.now.toISOString();
    const after: ItemImport = { ...imp, state: 'done', finishedAt: at, updatedAt: at, version: imp.version + 1 };
    await save(ctx, imp, after, SYSTEM_ACTOR, 'import.done', {
      created: p.created,
      existing: p.existing,
      firstNumber: p.firstNumber,
      lastNumber: p.lastNumber,
    });
    return { state: after.state, created: p.created, existing: p.existing };
  });
}

/** Task MarkImportFailed (the workflow's Catch), and a run whose workflow could not start. */
export async function markFailed(ctx: Context, input: { importId: string; cause?: string }): Promise<{ state: ImportState }> {
  return retryOnRace(async () => {
    const imp = await loadImport(ctx, input.importId);
    if (imp.state !== 'running') return { state: imp.state };
    const at = ctx.now.toISOString();
    const failure = (input.cause ?? 'unknown').slice(0, 1000);
    const after: ItemImport = { ...imp, state: 'failed', failure, updatedAt: at, version: imp.version + 1 };
    await save(ctx, imp, after, SYSTEM_ACTOR, 'import.failed', { failure, progress: imp.progress });
    return { state: after.state };
  });
}
