/**
 * Objections, the public side (no account): the requester objects from the request's status page
 * (number and tracking code); an objection about periodic information not provided (ground b) may be
 * filed with no request and gets its own tracking code; the status of an objection and short-lived
 * links to the response and to what the follow-up provided.
 *
 * Abuse: as for requests (public-requests.ts): small bodies, a honeypot, a submission id, rate limits.
 */
import * as z from 'zod';
import { config } from '../adapters/config.ts';
import { itemUploads } from '../adapters/item-uploads.ts';
import { mailer } from '../adapters/mail.ts';
import { workflows } from '../adapters/workflow.ts';
import { UploadRequest } from '../core/documents.ts';
import { fail } from '../core/errors.ts';
import { objectorView, PeriodicObjectionForm, PublicObjectionForm } from '../core/objections/model.ts';
import * as objections from '../core/objections/objections.ts';
import type { Context } from '../core/ports.ts';
import { checkedPublicUpload, startPublicUpload } from '../core/requests/power-of-attorney.ts';
import { endpoint } from './http.ts';
import { Lookup, PublicUploadSchema } from './schemas.ts';

const FORM_BYTES = 32 * 1024;

const ObjectorSchema = z.object({ number: z.string(), state: z.string() }).loose();

const withWorkflows = (ctx: Context): Context => ({ ...ctx, workflows, mailer: mailer(), registerUrl: config.registerUrl() });

const attachments = (ctx: Context, uploadIds: string[]) =>
  objections.attachmentsOf(
    (id, path) =>
      checkedPublicUpload(ctx, itemUploads, id, 'objections/attachments', path, {
        id: 'Unggahan lampiran tidak ditemukan atau kedaluwarsa; unggah lagi.',
        en: 'The attachment upload was not found or has expired; upload it again.',
      }),
    uploadIds,
  );

const statusPagePath = (number: string, code: string) =>
  `/api/public/requests/status-page?nomor=${encodeURIComponent(number)}&kode=${encodeURIComponent(code)}`;

export const create = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Object to the Atasan PPID on a request (its number and tracking code): the grounds (Pasal 35(1) a–g), the case, optional attachments',
    description:
      'Each ground must apply and be within 30 working days after it arose (Pasal 36(1)); a late one is refused with the date its period ended. The answer: the registration number (KBR/<year>/<nnnn>) and the Atasan PPID’s deadline (30 working days). The same submissionId files one objection.',
    body: PublicObjectionForm,
    response: z.object({ objection: ObjectorSchema }),
    status: 201,
    maxBodyBytes: FORM_BYTES,
    formRedirect: (_r, body) => statusPagePath(body.number, body.code),
  }),
  async ({ ctx, body }) => {
    if (body.website) fail('validation', 'request_honeypot');
    const filed = await objections.fileObjection(withWorkflows(ctx), {
      number: body.number,
      code: body.code,
      grounds: body.grounds,
      case: body.case,
      submissionId: body.submissionId,
      ...(body.attachmentUploadIds.length ? { attachments: attachments(ctx, body.attachmentUploadIds) } : {}),
    });
    return { objection: objectorView(filed.objection) };
  },
);

export const createPeriodic = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'Object that periodic information (Pasal 9) was not provided (ground b), with no earlier request: a registration number and a tracking code shown once',
    body: PeriodicObjectionForm,
    response: z.object({ objection: ObjectorSchema, trackingCode: z.string() }),
    status: 201,
    maxBodyBytes: FORM_BYTES,
  }),
  async ({ ctx, body }) => {
    if (body.website) fail('validation', 'request_honeypot');
    const filed = await objections.filePeriodicObjection(withWorkflows(ctx), {
      objector: body.objector,
      information: body.information,
      case: body.case,
      submissionId: body.submissionId,
      ...(body.attachmentUploadIds.length ? { attachments: attachments(ctx, body.attachmentUploadIds) } : {}),
    });
    return { objection: objectorView(filed.objection), trackingCode: filed.trackingCode ?? '' };
  },
);

export const attachment = /* @__PURE__ */ endpoint(
  () => ({
    summary: "Declare an objection's attachment (PDF, JPEG or PNG, at most 10 MB) and get an upload ticket; then file with its uploadId",
    body: UploadRequest,
    response: PublicUploadSchema,
    status: 201,
    maxBodyBytes: 2048,
  }),
  ({ ctx, body }) => startPublicUpload(ctx, itemUploads, body, { type: 'objection_attachment_type', size: 'objection_attachment_size' }),
);

export const status = /* @__PURE__ */ endpoint(
  () => ({
    summary: "An objection's status by its number and tracking code (an objection with no request), or a request's objections by the request's number and code",
    body: Lookup,
    response: z.object({ objections: z.array(ObjectorSchema) }),
    maxBodyBytes: 1024,
  }),
  async ({ ctx, body }) => ({ objections: (await objections.objectionsForTracking(ctx, body.number, body.code)).objections.map(objectorView) }),
);

export const download = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'A short-lived link to the response to an objection, or to a document its follow-up provided (the objector only)',
    body: Lookup.extend({
      objection: z.string().trim().max(32),
      file: z.union([z.literal('response'), z.uuid()], 'berkas tidak dikenal / unknown file'),
    }),
    response: z.object({ url: z.string(), expiresInSeconds: z.number() }),
    maxBodyBytes: 1024,
    formRedirect: (r) => r.url,
  }),
  ({ ctx, body }) => objections.objectorFileLink(ctx, itemUploads, body),
);
