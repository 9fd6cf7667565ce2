/**
 * Tasks of statemachines/item-import.asl.json (the ItemImport state machine), started by
 * `POST /api/imports/{importId}/run` with `{ importId }`. The use cases are in
 * functions/core/documentation/item-import.ts; each is idempotent and reads its truth from the table,
 * so a retried task or a restarted execution writes nothing twice.
 */
import { finishImport, markFailed, prepareImport, writeImportBatch } from '../core/documentation/item-import.ts';
import { taskContext } from './context.ts';
import { task } from './task.ts';

export const prepare = /* @__PURE__ */ task('tasks/item-import.prepare', (input: { importId: string }) => prepareImport(taskContext(), input));

export const writeBatch = /* @__PURE__ */ task('tasks/item-import.writeBatch', (input: { importId: string; batch: number }) =>
  writeImportBatch(taskContext(), input),
);

export const finish = /* @__PURE__ */ task('tasks/item-import.finish', (input: { importId: string }) => finishImport(taskContext(), input));

/** After a Catch: `error` is the States error ({ Error, Cause }). */
export const fail = /* @__PURE__ */ task('tasks/item-import.fail', (input: { importId: string; error?: { Error?: string; Cause?: string } }) =>
  markFailed(taskContext(), { importId: input.importId, cause: [input.error?.Error, input.error?.Cause].filter(Boolean).join(': ') }),
);
