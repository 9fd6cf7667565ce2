/**
 * Objections, staff side: register an objection received on paper, by mail or in person; the Atasan
 * PPID's written response; the PPID's follow-up on a granted objection; reading them, the objector's
 * identity (audited) and their files.
 */
import * as z from 'zod';
import { config } from '../adapters/config.ts';
import { itemUploads } from '../adapters/item-uploads.ts';
import { mailer } from '../adapters/mail.ts';
import { workflows } from '../adapters/workflow.ts';
import { agencyId } from '../core/model.ts';
import { FollowUpFulfilment, type Objection, ObjectionResponse, objectionView, StaffObjectionForm } from '../core/objections/model.ts';
import * as objections from '../core/objections/objections.ts';
import type { Context } from '../core/ports.ts';
import { requestView } from '../core/requests/model.ts';
import { endpoint } from './http.ts';

const objectionIdParam = z.string().regex(/^\d{4}-\d{4,}$/, 'nomor keberatan tidak valid / the objection id is not valid');
const Params = z.strictObject({ objectionId: objectionIdParam });
/** Described loosely; the shape is `Objection` in functions/core/objections/model.ts (without the token). */
const ObjectionSchema = z.object({ objectionId: z.string(), number: z.string(), state: z.string(), version: z.number() }).loose();

const withWorkflows = (ctx: Context): Context => ({ ...ctx, workflows, mailer: mailer(), registerUrl: config.registerUrl() });

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'List objections, newest number first: every one (PPID Utama, Atasan PPID, admin) or those on requests routed to your SKPD',
    query: z.strictObject({
      agencyId: agencyId.optional(),
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      cursor: z.string().max(2048).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
    }),
    response: z.object({ items: z.array(ObjectionSchema), nextCursor: z.string().optional() }),
  }),
  async ({ ctx, principal, query }) => {
    const page = await objections.listObjections(ctx, principal, query);
    return { ...page, items: page.items.map(objectionView) };
  },
);

export const register = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'Register an objection received on paper, by mail or in person, with its real date of receipt (back-dating is audited); ground b may have no request',
    body: StaffObjectionForm,
    response: z.object({ objection: ObjectionSchema, trackingCode: z.string().optional() }),
    status: 201,
  }),
  async ({ ctx, principal, body }) => {
    const filed = await objections.registerObjection(withWorkflows(ctx), principal, body);
    return { objection: objectionView(filed.objection), ...(filed.trackingCode ? { trackingCode: filed.trackingCode } : {}) };
  },
);

/** The staff who acted on an objection, by name. */
async function peopleOf(ctx: Context, o: Objection): Promise<Record<string, string>> {
  const usernames = new Set(
    [o.registeredBy, o.response?.by, o.followUp?.fulfilled?.by, ...o.timeline.map((e) => e.by)].filter(
      (u): u is string => !!u && u !== 'system' && u !== 'pemohon',
    ),
  );
  const users = await Promise.all([...usernames].map((u) => ctx.store.getUser(u)));
  return Object.fromEntries(users.filter((u) => !!u).map((u) => [u.username, u.name]));
}

export const get = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Read one objection with its request (content, notice, parts, documents: no personal data) and the names of the staff who acted',
    params: Params,
    response: ObjectionSchema,
  }),
  async ({ ctx, principal, params }) => {
    const o = await objections.getObjection(ctx, principal, params.objectionId);
    const request = o.requestId ? await ctx.store.getRequest(o.requestId) : undefined;
    return { ...objectionView(o), ...(request ? { request: requestView(request) } : {}), people: await peopleOf(ctx, o) };
  },
);

export const personal = /* @__PURE__ */ endpoint(
  () => ({
    summary: "The objector's identity and contact (UU 27/2022): PPID Utama, the Atasan PPID, the admin and the SKPDs of the request; every read is audited",
    params: Params,
    response: z.object({ objector: z.object({}).loose() }),
  }),
  async ({ ctx, principal, params }) => ({ objector: await objections.getObjector(ctx, principal, params.objectionId) }),
);

export const respond = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      "The Atasan PPID's written response: granted (the PPID provides the information, in whole or in part, by a date) or rejected, with reasons; the signed response is issued and mailed",
    params: Params,
    body: ObjectionResponse,
    response: ObjectionSchema,
  }),
  async ({ ctx, principal, params, body }) => objectionView(await objections.respond(withWorkflows(ctx), principal, params.objectionId, body)),
);

export const fulfil = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The PPID records that it provided what the granted objection ordered (documents uploaded to the request and checked), and the objector is told',
    params: Params,
    body: FollowUpFulfilment,
    response: ObjectionSchema,
  }),
  async ({ ctx, principal, params, body }) => objectionView(await objections.fulfil(withWorkflows(ctx), principal, params.objectionId, body)),
);

export const file = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'A short-lived link to the response (PDF), an attachment, or a document the follow-up provided',
    params: z.strictObject({ objectionId: objectionIdParam, file: z.union([z.literal('response'), z.uuid()]) }),
    response: z.object({ url: z.string(), expiresInSeconds: z.number() }),
  }),
  ({ ctx, principal, params }) => objections.staffObjectionFile(ctx, itemUploads, principal, params.objectionId, params.file),
);
