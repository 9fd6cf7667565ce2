/**
 * The documentation cycle (SOP 004, functions/core/documentation/): the Pejabat PID opens a cycle,
 * the board shows every OPD's list at its step, and each role acts on a list at its own step (send,
 * review, deliver, check, upload, or send it back one step with a note).
 */
import * as z from 'zod';
import { mailer } from '../adapters/mail.ts';
import { workflows } from '../adapters/workflow.ts';
import { act as actOnLane, getBoard, getLane, type LaneAction, listCycles, openCycle } from '../core/documentation/cycle.ts';
import { CycleInput, laneView, MAX_LIST_ROWS, RowReview } from '../core/documentation/model.ts';
import { ItemContent } from '../core/item-model.ts';
import { agencyId } from '../core/model.ts';
import type { Context } from '../core/ports.ts';
import { endpoint } from './http.ts';

const withWorkflows = (ctx: Context): Context => ({ ...ctx, workflows, mailer: mailer() });

/** Cycles and lanes are described loosely; the shapes are `DocCycle` and `DocLane` in functions/core/documentation/model.ts. */
const CycleSchema = z
  .object({
    cycleId: z.string(),
    name: z.string(),
    period: z.string(),
    agencyIds: z.array(z.string()),
    state: z.enum(['open', 'closed']),
    summary: z
      .object({ reportId: z.string(), number: z.string() })
      .optional()
      .meta({ description: 'The closing summary in the report archive, once the cycle closed' }),
    version: z.number(),
  })
  .loose();
const LaneSchema = z
  .object({
    cycleId: z.string(),
    agencyId: z.string(),
    state: z.enum(['waiting', 'uploaded', 'published']),
    step: z.number(),
    rows: z.array(z.object({ rowId: z.string(), content: ItemContent }).loose()),
    returns: z.number(),
    version: z.number(),
  })
  .loose();

const CycleParams = z.strictObject({ cycleId: z.uuid() });
const LaneParams = z.strictObject({ cycleId: z.uuid(), agencyId });
const version = z.number().int().min(1).meta({ description: 'The lane version you read; a newer one on the server gives 409' });
const note = z
  .string('catatan wajib diisi / a note is required')
  .trim()
  .min(5, 'catatan minimal 5 karakter / the note needs at least 5 characters')
  .max(2000, 'catatan maksimal 2000 karakter / the note has at most 2000 characters');

/** A spreadsheet is small here (one OPD's list): sent inline, read with the import's parser. */
const MAX_SPREADSHEET_BASE64 = 2_800_000;

const Action = z.union([
  z.strictObject({
    step: z.literal(1),
    action: z.literal('send'),
    version,
    rows: z.array(ItemContent).min(1).max(MAX_LIST_ROWS).optional().meta({ description: 'The list entered in the form (DIP columns per row)' }),
    spreadsheet: z
      .strictObject({
        fileName: z
          .string()
          .trim()
          .min(5)
          .max(200)
          .regex(/\.(csv|xlsx)$/i, 'berkas harus .csv atau .xlsx / the file must be .csv or .xlsx'),
        contentBase64: z.string().min(4).max(MAX_SPREADSHEET_BASE64, 'berkas maksimal 2 MB / the file is at most 2 MB').base64(),
      })
      .optional()
      .meta({ description: 'The list as a CSV or XLSX file with the DIP columns (the import template), read by the spreadsheet import' }),
  }),
  z.strictObject({ step: z.literal(2), action: z.literal('send'), version, reviews: z.array(RowReview).min(1).max(MAX_LIST_ROWS) }),
  z.strictObject({ step: z.literal(3), action: z.literal('deliver'), version }),
  z.strictObject({ step: z.literal(4), action: z.literal('pass'), version }),
  z.strictObject({ step: z.literal(5), action: z.literal('upload'), version }),
  z.strictObject({ step: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)]), action: z.literal('return'), version, note }),
]);

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The documentation cycles (SOP 004), newest first; a PPID Pelaksana sees those its OPD takes part in',
    query: z.strictObject({ cursor: z.string().max(2048).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) }),
    response: z.object({ items: z.array(CycleSchema), nextCursor: z.string().optional() }),
  }),
  async ({ ctx, principal, query }) => {
    const page = await listCycles(ctx, principal, query);
    return { ...page, items: page.items.map((c) => ({ ...c })) };
  },
);

export const open = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'The Pejabat PID opens a documentation cycle (SOP 004): name, period, the OPDs taking part (every SKPD by default); one list per OPD waits at step 1',
    body: CycleInput,
    response: z.object({ cycle: CycleSchema, lanes: z.array(LaneSchema) }),
    status: 201,
  }),
  async ({ ctx, principal, body }) => {
    const r = await openCycle(withWorkflows(ctx), principal, body);
    return { cycle: { ...r.cycle }, lanes: r.lanes.map(laneView) };
  },
);

export const board = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The cycle board: every OPD’s list with its step, deadline, time used against the Mutu Baku and who acted',
    params: CycleParams,
    response: z.object({ cycle: CycleSchema, lanes: z.array(LaneSchema) }),
  }),
  async ({ ctx, principal, params }) => {
    const r = await getBoard({ ...ctx, workflows }, principal, params.cycleId);
    return { cycle: { ...r.cycle }, lanes: r.lanes.map(laneView) };
  },
);

export const lane = /* @__PURE__ */ endpoint(
  () => ({ summary: 'One OPD’s list in a cycle: its rows, reviews, items, hand-overs and step timings', params: LaneParams, response: LaneSchema }),
  async ({ ctx, principal, params }) => laneView(await getLane(ctx, principal, params.cycleId, params.agencyId)),
);

export const act = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'Act on an OPD’s list at its step (SOP 004): send (1), review and send (2), deliver (3), pass (4), upload (5), or return one step with a note; recorded exactly once',
    description:
      'Step 1 (Pejabat PID): `rows` from the form or `spreadsheet` (CSV/XLSX, base64) with the DIP columns. Step 2 (PPID Utama): a review of every row (accept, correct with the corrected columns, reject with a note). Step 3 (the OPD’s PPID Pelaksana): the documents are uploaded to each row’s item first. Steps 4 (PPID Utama) and 5 (Pejabat PID): pass and upload. `step` must be the step the list waits at and `version` the lane version read.',
    params: LaneParams,
    body: Action,
    response: LaneSchema,
  }),
  async ({ ctx, principal, params, body }) => {
    const input = (
      body.step === 1 && body.action === 'send' && body.spreadsheet
        ? { ...body, spreadsheet: { fileName: body.spreadsheet.fileName, bytes: new Uint8Array(Buffer.from(body.spreadsheet.contentBase64, 'base64')) } }
        : body
    ) as LaneAction;
    return laneView(await actOnLane(withWorkflows(ctx), principal, params.cycleId, params.agencyId, input));
  },
);
