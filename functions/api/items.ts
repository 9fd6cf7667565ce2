import * as z from 'zod';
import { mailer } from '../adapters/mail.ts';
import { workflows } from '../adapters/workflow.ts';
import { assertRole } from '../core/access.ts';
import { DocumentRef, ItemContent, ItemQuery, publicView } from '../core/item-model.ts';
import { createItem, decide, inbox as inboxUseCase, itemFor, listItems, submitItem, updateItem, withdraw } from '../core/items.ts';
import { agencyId } from '../core/model.ts';
import type { Context } from '../core/ports.ts';
import { REGISTER_REBUILD_WORKFLOW } from '../core/register-events.ts';
import { endpoint } from './http.ts';

const ItemParams = z.strictObject({ itemId: z.uuid() });
const version = z.number().int().min(1).meta({ description: 'The item version you read; a newer one on the server gives 409' });

/** Item responses are described loosely here; the shape is `Item` in functions/core/item-model.ts. */
const ItemSchema = z
  .object({
    itemId: z.string(),
    agencyId: z.string(),
    number: z.string(),
    status: z.string(),
    publication: z.string(),
    current: z.object({ versionNo: z.number(), state: z.string(), content: ItemContent }).loose(),
    version: z.number(),
  })
  .loose();

const withWorkflows = (ctx: Context): Context => ({ ...ctx, workflows, mailer: mailer() });

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'List information items: by agency (newest number first); PPID Utama and admin: every agency’s, or one status across agencies (agency, then number)',
    query: ItemQuery.extend({ agencyId: agencyId.optional() }),
    response: z.object({ items: z.array(ItemSchema), nextCursor: z.string().optional() }),
  }),
  async ({ ctx, principal, query }) => {
    const page = await listItems(ctx, principal, query);
    return { ...page, items: page.items.map(publicView) };
  },
);

export const create = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Create an information item with every DIP column (petugas, Kepala PPID, PPID Utama)',
    body: z.strictObject({ agencyId: agencyId.optional(), content: ItemContent }),
    response: ItemSchema,
    status: 201,
  }),
  async ({ ctx, principal, body }) => publicView(await createItem(ctx, principal, body)),
);

export const get = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Read one item: working version, published version, documents, timing',
    params: ItemParams,
    response: ItemSchema,
    // Read with the caller's record; the agency check runs on it once the caller is known.
    prefetch: ({ ctx, params }) => ctx.store.getItem(params.itemId),
  }),
  async ({ principal, params, prefetched }) => publicView(itemFor(principal, params.itemId, prefetched)),
);

export const update = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Change an item; a published item gets a new working version (the public keeps the published one until it is approved)',
    params: ItemParams,
    body: z.strictObject({ content: ItemContent, version }),
    response: ItemSchema,
  }),
  async ({ ctx, principal, params, body }) => publicView(await updateItem(ctx, principal, params.itemId, body)),
);

export const submit = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Submit the working version to the Kepala PPID (starts the publication workflow)',
    params: ItemParams,
    body: z.strictObject({ version }),
    response: ItemSchema,
  }),
  async ({ ctx, principal, params, body }) => publicView(await submitItem(withWorkflows(ctx), principal, params.itemId, body)),
);

export const decision = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The Kepala PPID (or PPID Utama) approves the submitted version or returns it with a reason; recorded exactly once',
    params: ItemParams,
    body: z.strictObject({
      decision: z.enum(['approve', 'return']),
      versionNo: z.number().int().min(1).meta({ description: 'The working version you reviewed' }),
      reason: z.string().trim().max(2000).optional(),
    }),
    response: ItemSchema,
  }),
  async ({ ctx, principal, params, body }) => publicView(await decide(withWorkflows(ctx), principal, params.itemId, body)),
);

export const withdrawItem = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Withdraw a published item from the DIP and the register, with a reason (Kepala PPID, PPID Utama)',
    params: ItemParams,
    body: z.strictObject({ reason: z.string().trim().min(5, 'alasan minimal 5 karakter / the reason needs at least 5 characters').max(2000) }),
    response: ItemSchema,
  }),
  async ({ ctx, principal, params, body }) => publicView(await withdraw(withWorkflows(ctx), principal, params.itemId, body)),
);

export const inbox = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'What waits for me: items to approve, returned drafts, escalations; with deadline, time left and how the deadline was computed',
    response: z.object({
      items: z.array(
        z
          .object({
            itemId: z.string(),
            number: z.string(),
            title: z.string(),
            since: z.string(),
            timeLeftSeconds: z.number().optional(),
            overdue: z.boolean(),
          })
          .loose(),
      ),
    }),
  }),
  async ({ ctx, principal }) => ({ items: await inboxUseCase(ctx, principal) }),
);

export const dip = /* @__PURE__ */ endpoint(
  () => ({
    summary: "PPID Utama's consolidated DIP (published versions), filtered by agency, category and year",
    query: z.strictObject({
      agencyId: agencyId.optional(),
      category: z.enum(['berkala', 'serta_merta', 'setiap_saat']).optional(),
      year: z.coerce.number().int().min(1945).max(2100).optional(),
      cursor: z.string().max(2048).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(50),
    }),
    response: z.object({
      items: z.array(
        z.object({
          itemId: z.string(),
          number: z.string(),
          agencyId: z.string(),
          versionNo: z.number(),
          publishedAt: z.string(),
          approvedBy: z.string(),
          regYear: z.number(),
          sequence: z.number(),
          content: ItemContent,
          documents: z.array(DocumentRef),
        }),
      ),
      nextCursor: z.string().optional(),
    }),
    prefetch: ({ ctx, query }) => ctx.store.listPublished(query),
  }),
  // The DIP is public information: every staff user may read all of it (read with the caller's record).
  async ({ prefetched }) => prefetched,
);

export const rebuildRegister = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Rebuild the whole public register from the published versions (admin; for recovery)',
    response: z.object({ started: z.string() }),
    status: 201,
  }),
  async ({ ctx, principal }) => {
    assertRole(principal, ['admin']);
    // The RegisterRebuild workflow: a Distributed Map over the partitions (core/register-rebuild.ts).
    const name = `register-rebuild-${ctx.now.getTime()}`;
    await workflows.start(REGISTER_REBUILD_WORKFLOW, name, {});
    return { started: name };
  },
);
