/**
 * Information requests, staff side: register a request received at the desk, route it (PPID Utama),
 * answer a part (the SKPD), extend, ask for clarification, record delivery, upload the documents to
 * release, and read the request, its personal data (only those who handle it) and its files.
 */
import * as z from 'zod';
import { config } from '../adapters/config.ts';
import { generatedFiles } from '../adapters/generated-files.ts';
import { itemUploads } from '../adapters/item-uploads.ts';
import { mailer } from '../adapters/mail.ts';
import { documentSigner } from '../adapters/signing.ts';
import { workflows } from '../adapters/workflow.ts';
import { UploadRequest } from '../core/documents.ts';
import { DocumentRef } from '../core/item-model.ts';
import { agencyId } from '../core/model.ts';
import type { Context } from '../core/ports.ts';
import { requestBook } from '../core/requests/book.ts';
import { addRequestDocument, staffFileLink, verifyRequestDocument } from '../core/requests/documents.ts';
import { ClarificationQuestion, Delivery, Extension, PartAnswer, type Request, Routing, requestView, StaffRequestForm } from '../core/requests/model.ts';
import * as requests from '../core/requests/requests.ts';
import { issueExtensionNotice } from '../core/requests/workflow.ts';
import { endpoint } from './http.ts';
import { BookSchema, bookQuery, UploadTicketSchema } from './schemas.ts';

const requestIdParam = z.string().regex(/^\d{4}-\d{5,}$/, 'nomor permohonan tidak valid / the request id is not valid');
const Params = z.strictObject({ requestId: requestIdParam });
/** Request responses are described loosely here; the shape is `Request` in functions/core/requests/model.ts (without tokens). */
const RequestSchema = z.object({ requestId: z.string(), number: z.string(), state: z.string(), version: z.number() }).loose();

const withWorkflows = (ctx: Context): Context => ({ ...ctx, workflows, mailer: mailer(), registerUrl: config.registerUrl() });

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'List requests, newest number first: every request (PPID Utama, Atasan PPID, admin) or those routed to your SKPD',
    query: z.strictObject({
      agencyId: agencyId.optional(),
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      cursor: z.string().max(2048).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(25),
    }),
    response: z.object({ items: z.array(RequestSchema), nextCursor: z.string().optional() }),
  }),
  async ({ ctx, principal, query }) => {
    const page = await requests.listRequests(ctx, principal, query);
    return { ...page, items: page.items.map(requestView) };
  },
);

export const register = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Register a request received in person, by phone, by letter or by email, with its real date of receipt (back-dating is audited)',
    body: StaffRequestForm,
    response: z.object({ request: RequestSchema, trackingCode: z.string() }),
    status: 201,
  }),
  async ({ ctx, principal, body }) => {
    const filed = await requests.registerRequest(withWorkflows(ctx), principal, body);
    return { request: requestView(filed.request), trackingCode: filed.trackingCode };
  },
);

/** The staff who acted on a request, by name (an SKPD's user cannot list PPID Utama's users, yet reads its timeline). */
async function peopleOf(ctx: Context, r: Request): Promise<Record<string, string>> {
  const usernames = new Set<string>(
    [
      r.registeredBy,
      ...r.timeline.map((e) => e.by),
      r.routing?.by,
      r.extension?.by,
      r.delivery?.by,
      r.closed?.by,
      ...r.clarifications.map((c) => c.askedBy),
      ...r.parts.map((p) => p.answer?.answeredBy),
      ...r.documents.map((d) => d.uploadedBy),
    ].filter((u): u is string => !!u && u !== 'system' && u !== 'pemohon'),
  );
  const users = await Promise.all([...usernames].map((u) => ctx.store.getUser(u)));
  return Object.fromEntries(users.filter((u) => !!u).map((u) => [u.username, u.name]));
}

export const get = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Read one request: content, deadline, routing, parts, notices, timeline (no personal data), and the names of the staff who acted on it',
    params: Params,
    response: RequestSchema,
  }),
  async ({ ctx, principal, params }) => {
    const r = await requests.getRequest(ctx, principal, params.requestId);
    return { ...requestView(r), people: await peopleOf(ctx, r) };
  },
);

export const book = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'The register of requests (buku register permohonan) of one year, per SKPD or consolidated: JSON rows for the printable page, or a CSV or XLSX file through a short-lived link',
    description:
      "It holds the requesters' names, addresses and contacts: PPID Utama and the admin (every request, any SKPD's book or the consolidated one) and a PPID Pelaksana (its SKPD's book) only. Every export is audited with the number of rows.",
    query: bookQuery("An SKPD's book (the requests routed to it); without it the consolidated book"),
    response: BookSchema,
  }),
  ({ ctx, principal, query, lang }) => requestBook({ ...ctx, files: generatedFiles }, principal, query, lang),
);

export const personal = /* @__PURE__ */ endpoint(
  () => ({
    summary: "The requester's personal data (UU 27/2022): PPID Utama, the admin and the SKPDs the request was routed to",
    params: Params,
    response: z.object({ requestId: z.string(), requester: z.object({}).loose(), eraseAfter: z.string().optional() }).loose(),
  }),
  async ({ ctx, principal, params }) => {
    const { powerOfAttorney, trackingCode: _code, ...p } = await requests.getPersonal(ctx, principal, params.requestId);
    return { ...p, ...(powerOfAttorney ? { powerOfAttorney: { fileName: powerOfAttorney.fileName, size: powerOfAttorney.size } } : {}) };
  },
);

export const route = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'PPID Utama routes the request to the SKPD(s) holding the information, or records that the body does not hold it',
    params: Params,
    body: Routing,
    response: RequestSchema,
  }),
  async ({ ctx, principal, params, body }) => requestView(await requests.route(withWorkflows(ctx), principal, params.requestId, body)),
);

export const answer = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'An SKPD answers its part: granted, in part or refused (a refusal cites a DIK entry in force or an exclusion decided Ya for this request)',
    params: z.strictObject({ requestId: requestIdParam, agencyId }),
    body: PartAnswer,
    response: RequestSchema,
  }),
  async ({ ctx, principal, params, body }) => requestView(await requests.answerPart(withWorkflows(ctx), principal, params.requestId, params.agencyId, body)),
);

export const extend = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Extend the deadline once by 7 working days with written reasons, before it passes (Pasal 22(8)); the requester gets the notice of extension',
    params: Params,
    body: Extension,
    response: RequestSchema,
  }),
  async ({ ctx, principal, params, body }) => {
    const full: Context = { ...withWorkflows(ctx), files: generatedFiles, signer: documentSigner() };
    const r = await requests.extend(full, principal, params.requestId, body);
    await issueExtensionNotice(full, { requestId: r.requestId });
    return requestView(await requests.getRequest(ctx, principal, params.requestId));
  },
);

export const clarify = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Ask the requester for clarification (email and status page); the clock does not stop',
    params: Params,
    body: ClarificationQuestion,
    response: RequestSchema,
  }),
  async ({ ctx, principal, params, body }) => requestView(await requests.askClarification(withWorkflows(ctx), principal, params.requestId, body)),
);

export const deliver = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Record the delivery of the information (hardcopy, in person, courier, post) with its date; the request closes',
    params: Params,
    body: Delivery,
    response: RequestSchema,
  }),
  async ({ ctx, principal, params, body }) => requestView(await requests.recordDelivery(ctx, principal, params.requestId, body)),
);

const RequestDocumentSchema = DocumentRef.extend({ agencyId: z.string() });

export const upload = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Declare a document to release with your answer and get an upload ticket (then upload and call …/verify)',
    params: Params,
    body: UploadRequest,
    response: z.object({ document: RequestDocumentSchema, upload: UploadTicketSchema, requestVersion: z.number() }),
    status: 201,
  }),
  ({ ctx, principal, params, body }) => addRequestDocument(ctx, itemUploads, principal, params.requestId, body),
);

export const verifyUpload = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Check the uploaded document (size, type by content, SHA-256); a file that fails is removed and the reason returned',
    params: z.strictObject({ requestId: requestIdParam, docId: z.uuid() }),
    response: z.object({ document: RequestDocumentSchema, requestVersion: z.number() }),
  }),
  ({ ctx, principal, params }) => verifyRequestDocument(ctx, itemUploads, principal, params.requestId, params.docId),
);

export const file = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'A short-lived link to the notice, the notice of extension, an uploaded document (by id), or the power of attorney (personal data)',
    params: z.strictObject({ requestId: requestIdParam, file: z.union([z.enum(['notice', 'extension', 'power-of-attorney']), z.uuid()]) }),
    response: z.object({ url: z.string(), expiresInSeconds: z.number() }),
  }),
  ({ ctx, principal, params }) => staffFileLink(ctx, itemUploads, principal, params.requestId, params.file),
);
