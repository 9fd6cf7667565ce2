/**
 * Disputes (sengketa informasi) at the Komisi Informasi and in court, UU 14/2008 Pasal 37–50:
 * PPID Utama (and the admin) record the dispute, its stages and hearings, the KI's outcome, the court
 * appeal and the kasasi, with their documents; the Atasan PPID reads along. Every answer carries the
 * due dates, counted now with the body's calendar (functions/core/objections/disputes.ts).
 */
import * as z from 'zod';
import { itemUploads } from '../adapters/item-uploads.ts';
import type { Principal } from '../core/access.ts';
import { DocumentRef } from '../core/item-model.ts';
import {
  addDisputeDocument,
  addHearing,
  CourtDecision,
  type Dispute,
  DisputeUpload,
  disputeDocumentLink,
  disputeView,
  endStage,
  getDispute,
  HearingResult,
  KiDecision,
  listDisputeViews,
  NewAppeal,
  NewCassation,
  NewDispute,
  NewHearing,
  recordAppeal,
  recordAppealOutcome,
  recordCassation,
  recordCassationOutcome,
  recordDispute,
  recordHearingResult,
  recordOutcome,
  StageEnd,
  StageStart,
  startStage,
  verifyDisputeDocument,
} from '../core/objections/disputes.ts';
import type { Context } from '../core/ports.ts';
import { endpoint } from './http.ts';
import { UploadTicketSchema } from './schemas.ts';

const disputeId = z.string().regex(/^\d{4}-\d{4,}$/, 'nomor sengketa tidak valid / the dispute id is not valid');
const Params = z.strictObject({ disputeId });
/** Described loosely here; the shape is `DisputeView` in functions/core/objections/disputes.ts. */
const Text = z.object({ id: z.string(), en: z.string() });
const DueSchema = z.object({
  key: z.enum(['filing', 'ki_start', 'ki_finish', 'appeal', 'cassation']),
  basis: Text,
  what: Text,
  from: z.string().meta({ description: 'The local date counted from (day zero)' }),
  at: z.string(),
  local: z.string(),
  explanation: Text,
  rule: z.object({ unit: z.string(), amount: z.number() }),
  status: z.enum(['open', 'met', 'late', 'overdue', 'lapsed']),
  on: z.string().optional().meta({ description: 'The local date the step bounded by the period happened' }),
  words: Text.meta({ description: "The last instant in words, in the body's time zone" }),
});
const DisputeSchema = z
  .object({ disputeId: z.string(), number: z.string(), state: z.string(), kiRegisterNumber: z.string(), version: z.number(), due: z.array(DueSchema) })
  .loose();

/** The staff who acted on the dispute, by name. */
async function peopleOf(ctx: Context, d: Dispute): Promise<Record<string, string>> {
  const usernames = new Set([d.recordedBy, ...d.timeline.map((e) => e.by), ...d.documents.map((x) => x.uploadedBy)]);
  const users = await Promise.all([...usernames].map((u) => ctx.store.getUser(u)));
  return Object.fromEntries(users.filter((u) => !!u).map((u) => [u.username, u.name]));
}

const view = async (ctx: Context, d: Dispute) => ({ ...(await disputeView(ctx, d)), people: await peopleOf(ctx, d) });

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'List disputes at the Komisi Informasi and in court, newest number first, with their due dates',
    query: z.strictObject({
      year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: 'The year the disputes were filed at the KI' }),
      cursor: z.string().max(2048).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
    }),
    response: z.object({ items: z.array(DisputeSchema), nextCursor: z.string().optional() }),
  }),
  ({ ctx, principal, query }) => listDisputeViews(ctx, principal, query),
);

export const create = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'Record a dispute filed at the Komisi Informasi: its register number, the date it was filed, the claim, and the request or objection it is about when known',
    body: NewDispute,
    response: DisputeSchema,
    status: 201,
  }),
  async ({ ctx, principal, body }) => view(ctx, await recordDispute(ctx, principal, body)),
);

export const get = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Read one dispute: stages, hearings, outcome, court appeal and kasasi, documents, timeline, and the due dates with how they were counted',
    params: Params,
    response: DisputeSchema,
  }),
  async ({ ctx, principal, params }) => view(ctx, await getDispute(ctx, principal, params.disputeId)),
);

/** A change by the person who saw `version`: answered with the dispute as it is now. */
const write = <B extends z.ZodType>(summary: string, body: B, fn: (ctx: Context, p: Principal, id: string, b: z.infer<B>) => Promise<Dispute>) =>
  endpoint(
    () => ({ summary, params: Params, body, response: DisputeSchema }),
    async ({ ctx, principal, params, body: b }) => view(ctx, await fn(ctx, principal, params.disputeId, b)),
  );

export const stage = /* @__PURE__ */ write(
  'Record the start of mediation or of non-litigation adjudication at the Komisi Informasi (Pasal 38(1): within 14 working days of the application)',
  StageStart,
  startStage,
);
export const stageEnd = /* @__PURE__ */ write(
  'Record the end of the stage now open, with its result (a failed mediation, before adjudication starts)',
  StageEnd,
  endStage,
);
export const hearing = /* @__PURE__ */ write(
  'Schedule a hearing of the stage now open at the KI, or of the court appeal while it is pending; it waits in the dispute_hearing inbox until its result is recorded',
  NewHearing,
  addHearing,
);

export const hearingResult = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Record the result of a hearing (from its day on); its inbox reminder goes',
    params: z.strictObject({ disputeId, hearingId: z.uuid() }),
    body: HearingResult,
    response: DisputeSchema,
  }),
  async ({ ctx, principal, params, body }) => view(ctx, await recordHearingResult(ctx, principal, params.disputeId, params.hearingId, body)),
);

export const outcome = /* @__PURE__ */ write(
  'Record the Komisi Informasi outcome: mediation agreement, decision upholding in whole or in part or rejecting the claim, or withdrawal, and when the body received it',
  KiDecision,
  recordOutcome,
);
export const appeal = /* @__PURE__ */ write(
  'Record the appeal to the PTUN or the district court against the KI adjudication decision (Pasal 47–48: within 14 working days after it was received)',
  NewAppeal,
  recordAppeal,
);
export const appealOutcome = /* @__PURE__ */ write(
  'Record the court decision on the appeal, and when the body received it',
  CourtDecision,
  recordAppealOutcome,
);
export const cassation = /* @__PURE__ */ write(
  'Record the kasasi to the Mahkamah Agung (Pasal 50: within 14 working days after the court decision was received)',
  NewCassation,
  recordCassation,
);
export const cassationOutcome = /* @__PURE__ */ write('Record the Mahkamah Agung decision on the kasasi', CourtDecision, recordCassationOutcome);

const DocumentSchema = DocumentRef.extend({ category: z.string(), description: z.string().optional() });

export const upload = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'Declare a document of the dispute (application, summons, minutes, agreement, decision, appeal, court decision) and get an upload ticket; then upload and call …/verify',
    params: Params,
    body: DisputeUpload,
    response: z.object({ document: DocumentSchema, upload: UploadTicketSchema, disputeVersion: z.number() }),
    status: 201,
  }),
  ({ ctx, principal, params, body }) => addDisputeDocument(ctx, itemUploads, principal, params.disputeId, body),
);

export const verifyUpload = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Check the uploaded document (size, type by content, SHA-256); a file that fails is removed and the reason returned',
    params: z.strictObject({ disputeId, docId: z.uuid() }),
    response: z.object({ document: DocumentSchema, disputeVersion: z.number() }),
  }),
  ({ ctx, principal, params }) => verifyDisputeDocument(ctx, itemUploads, principal, params.disputeId, params.docId),
);

export const download = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'A short-lived link to a checked document of the dispute',
    params: z.strictObject({ disputeId, docId: z.uuid() }),
    response: z.object({ url: z.string(), expiresInSeconds: z.number() }),
  }),
  ({ ctx, principal, params }) => disputeDocumentLink(ctx, itemUploads, principal, params.disputeId, params.docId),
);
