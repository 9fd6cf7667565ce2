/**
 * Excluded information (SOP 002): proposals with their consequence test, the Atasan PPID's
 * Ya/Tidak, PPID Utama's decree, revocation, republication, and the generated PDFs.
 */
import * as z from 'zod';
import { generatedFiles } from '../adapters/generated-files.ts';
import { mailer } from '../adapters/mail.ts';
import { workflows } from '../adapters/workflow.ts';
import { ConsequenceTest, Decree, EXCLUSION_STATES, exclusionView } from '../core/exclusion-model.ts';
import * as exclusions from '../core/exclusions.ts';
import { agencyId } from '../core/model.ts';
import type { Context } from '../core/ports.ts';
import { endpoint } from './http.ts';

const Params = z.strictObject({ exclusionId: z.uuid() });
const version = z.number().int().min(1).meta({ description: 'The exclusion version you read; a newer one on the server gives 409' });

/** Exclusion responses are described loosely here; the shape is `Exclusion` in functions/core/exclusion-model.ts. */
const ExclusionSchema = z
  .object({
    exclusionId: z.string(),
    agencyId: z.string(),
    itemId: z.string().optional(),
    state: z.enum(EXCLUSION_STATES as [string, ...string[]]),
    round: z.number(),
    test: ConsequenceTest,
    version: z.number(),
  })
  .loose();

const withWorkflows = (ctx: Context): Context => ({ ...ctx, workflows, mailer: mailer() });

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'List exclusions, newest first: by agency, or across the body (PPID Utama, Atasan PPID, admin); optionally one state',
    query: z.strictObject({
      agencyId: agencyId.optional(),
      state: z.enum(EXCLUSION_STATES as [string, ...string[]]).optional(),
      cursor: z.string().max(2048).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
    }),
    response: z.object({ items: z.array(ExclusionSchema), nextCursor: z.string().optional() }),
  }),
  async ({ ctx, principal, query }) => {
    const page = await exclusions.listExclusions(ctx, principal, query as Parameters<typeof exclusions.listExclusions>[2]);
    return { ...page, items: page.items.map(exclusionView) };
  },
);

export const propose = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Propose that information be excluded, with its consequence test (SOP 002 step 1); starts the wait for the Atasan PPID',
    description:
      'Every element of the test is required: documents, description, legal basis (Pasal 17 a–j and/or another law), consequence and public interest, period (an end date; none only for Pasal 17 g/h), participants.',
    body: z.strictObject({
      agencyId: agencyId.optional(),
      itemId: z.uuid().optional().meta({ description: 'An existing item this concerns (withdrawn from the DIP while the exclusion is in force)' }),
      renews: z.uuid().optional().meta({ description: 'An ended exclusion this proposal tests again' }),
      requestId: z
        .string()
        .regex(/^\d{4}-\d{5,}$/)
        .optional()
        .meta({ description: 'The information request this consequence test is for (a refusal of it may cite the exclusion once decided Ya)' }),
      test: ConsequenceTest,
    }),
    response: ExclusionSchema,
    status: 201,
  }),
  async ({ ctx, principal, body }) => exclusionView(await exclusions.propose(withWorkflows(ctx), principal, body)),
);

export const get = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Read one exclusion: the test, the decision, the decree, the DIK entry, its files and step timing',
    params: Params,
    response: ExclusionSchema,
  }),
  async ({ ctx, principal, params }) => exclusionView(await exclusions.getExclusion(ctx, principal, params.exclusionId)),
);

export const resubmit = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Revise a returned (Tidak) proposal and propose it again (a new round)',
    params: Params,
    body: z.strictObject({ test: ConsequenceTest, version }),
    response: ExclusionSchema,
  }),
  async ({ ctx, principal, params, body }) => exclusionView(await exclusions.resubmit(withWorkflows(ctx), principal, params.exclusionId, body)),
);

export const decide = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The Atasan PPID decides Ya or Tidak with a note (SOP 002 step 2); recorded exactly once',
    params: Params,
    body: z.strictObject({
      decision: z.enum(['ya', 'tidak'], 'keputusan harus "ya" atau "tidak" / the decision must be "ya" or "tidak"'),
      note: z.string().trim().max(2000, 'catatan maksimal 2000 karakter / the note has at most 2000 characters').optional(),
      round: z.number().int().min(1).meta({ description: 'The round of the proposal you reviewed' }),
    }),
    response: ExclusionSchema,
  }),
  async ({ ctx, principal, params, body }) => exclusionView(await exclusions.decide(withWorkflows(ctx), principal, params.exclusionId, body)),
);

export const decree = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'PPID Utama records the decree that sets the DIK (SOP 002 step 3): number, date, place, the PPID official',
    params: Params,
    body: z.strictObject({ decree: Decree, version }),
    response: ExclusionSchema,
  }),
  async ({ ctx, principal, params, body }) => exclusionView(await exclusions.recordDecree(withWorkflows(ctx), principal, params.exclusionId, body)),
);

export const revoke = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Revoke an exclusion in force: it leaves the DIK at once and PPID Utama is asked to republish or test again',
    params: Params,
    body: z.strictObject({ reason: z.string().trim().min(5, 'alasan minimal 5 karakter / the reason needs at least 5 characters').max(2000), version }),
    response: ExclusionSchema,
  }),
  async ({ ctx, principal, params, body }) => exclusionView(await exclusions.revoke(withWorkflows(ctx), principal, params.exclusionId, body)),
);

export const republish = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'After an exclusion ended: publish the item it concerned again, as last approved (PPID Utama)',
    params: Params,
    body: z.strictObject({ version }),
    response: ExclusionSchema,
  }),
  async ({ ctx, principal, params, body }) => exclusionView(await exclusions.republish(withWorkflows(ctx), principal, params.exclusionId, body)),
);

export const file = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'A short-lived link to the consequence-test sheet or the decree (PDF), for staff who may see the exclusion',
    params: z.strictObject({ exclusionId: z.uuid(), file: z.enum(['testSheet', 'decree'], 'berkas: testSheet atau decree / file: testSheet or decree') }),
    response: z.object({ url: z.string(), expiresInSeconds: z.number() }),
  }),
  ({ ctx, principal, params }) => exclusions.fileDownload({ ...ctx, files: generatedFiles }, principal, params.exclusionId, params.file),
);
