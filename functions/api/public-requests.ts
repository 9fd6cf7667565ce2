/**
 * Information requests, the public side (no account): file a request on the register's form, see
 * its status with the registration number and tracking code, answer a clarification, and download
 * the notices and released documents through short-lived links.
 *
 * Abuse: each route takes a small body; the form carries a honeypot field and a submission id (a
 * double click or a resent form files one request); the hosts rate-limit per client address (local:
 * infra/local/api-gateway.ts; AWS: API Gateway throttling and a WAF rate-based rule on /api/public/).
 * A plain form post (no JavaScript) may leave the submission id empty: see form-submission.ts.
 */
import * as z from 'zod';
import { requestStatusHtml } from '../../web/register/request-status-html.tsx';
import { config } from '../adapters/config.ts';
import { itemUploads } from '../adapters/item-uploads.ts';
import { mailer } from '../adapters/mail.ts';
import { workflows } from '../adapters/workflow.ts';
import { UploadRequest } from '../core/documents.ts';
import { fail } from '../core/errors.ts';
import { objectorView } from '../core/objections/model.ts';
import { groundOptions } from '../core/objections/objections.ts';
import { requesterFileLink } from '../core/requests/documents.ts';
import { ClarificationReply, requesterView } from '../core/requests/model.ts';
import { checkedPowerOfAttorney, startPowerOfAttorneyUpload } from '../core/requests/power-of-attorney.ts';
import * as requests from '../core/requests/requests.ts';
import { PublicRequestBody, submissionIdOf } from './form-submission.ts';
import { endpoint } from './http.ts';
import { Lookup, PublicUploadSchema } from './schemas.ts';

/** A request form is text only; 32 KB is far more than the longest honest one. */
const FORM_BYTES = 32 * 1024;

const StatusSchema = z.object({ number: z.string(), state: z.string() }).loose();

export const create = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'File an information request (no account): registration number, date of receipt, statutory deadline and a tracking code shown once',
    description:
      'JSON, or a plain HTML form post (fields named requester.fullName, content.information, …) answered with 303 to the status page. The same submissionId files one request.',
    body: PublicRequestBody,
    response: z.object({ number: z.string(), receivedAt: z.string(), deadline: z.object({}).loose(), trackingCode: z.string(), status: StatusSchema }),
    status: 201,
    maxBodyBytes: FORM_BYTES,
    // Only a plain form post (no JavaScript) is redirected: to the status page the API renders.
    formRedirect: (r) => statusPagePath(r.number, r.trackingCode, true),
  }),
  async ({ ctx, body, event }) => {
    // A field people never see: whatever fills it is a robot.
    if (body.website) fail('validation', 'request_honeypot');
    const submissionId = submissionIdOf(event, body);
    const uploadId = body.powerOfAttorneyUploadId;
    const filed = await requests.fileRequest(
      { ...ctx, workflows, mailer: mailer(), registerUrl: config.registerUrl() },
      {
        requester: body.requester,
        content: body.content,
        submissionId,
        ...(uploadId ? { powerOfAttorney: () => checkedPowerOfAttorney(ctx, itemUploads, uploadId) } : {}),
      },
    );
    const view = requesterView(filed.request);
    return { number: view.number, receivedAt: view.receivedAt, deadline: view.deadline, trackingCode: filed.trackingCode, status: view };
  },
);

export const powerOfAttorney = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Declare the power of attorney (PDF, JPEG or PNG, at most 10 MB) and get an upload ticket; then file with its uploadId',
    description:
      'POST the file as multipart/form-data to `upload.url` with `upload.fields` first and the file last as `file`; the server checks it when the request is filed.',
    body: UploadRequest,
    response: PublicUploadSchema,
    status: 201,
    maxBodyBytes: 2048,
  }),
  ({ ctx, body }) => startPowerOfAttorneyUpload(ctx, itemUploads, body),
);

export const status = /* @__PURE__ */ endpoint(
  () => ({ summary: "A request's status by registration number and tracking code", body: Lookup, response: StatusSchema, maxBodyBytes: 1024 }),
  async ({ ctx, body }) => {
    const r = await requests.byTracking(ctx, body.number, body.code);
    // Its objections, and the grounds the requester may object on now (those the system knows first).
    const [objections, grounds] = await Promise.all([ctx.store.listObjectionsOfRequest(r.requestId), groundOptions(ctx, r, ctx.now)]);
    return { ...requesterView(r), objections: objections.map(objectorView), objectionGrounds: grounds };
  },
);

export const clarify = /* @__PURE__ */ endpoint(
  () => ({
    summary: "The requester answers the PPID's request for clarification",
    body: ClarificationReply,
    response: StatusSchema,
    maxBodyBytes: 8 * 1024,
    formRedirect: (_r, body) => statusPagePath(body.number, body.code, false),
  }),
  async ({ ctx, body }) => requesterView(await requests.answerClarification(ctx, body)),
);

export const download = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'A short-lived link to the notice, the notice of extension, or a released document (the requester only)',
    body: Lookup.extend({ file: z.union([z.enum(['notice', 'extension']), z.uuid()], 'berkas tidak dikenal / unknown file') }),
    response: z.object({ url: z.string(), expiresInSeconds: z.number() }),
    maxBodyBytes: 1024,
    formRedirect: (r) => r.url,
  }),
  ({ ctx, body }) => requesterFileLink(ctx, itemUploads, body),
);

const statusPagePath = (number: string, code: string, fresh: boolean) =>
  `/api/public/requests/status-page?nomor=${encodeURIComponent(number)}&kode=${encodeURIComponent(code)}${fresh ? '&baru=1' : ''}`;

export const statusPage = /* @__PURE__ */ endpoint(
  () => ({
    summary: "The status page for people without JavaScript (HTML): the same view as the register's status page, with forms to download and answer",
    query: z.strictObject({
      nomor: z.string().trim().max(32, 'nomor pendaftaran tidak valid / the registration number is not valid'),
      kode: z.string().trim().max(32, 'kode pelacakan tidak valid / the tracking code is not valid'),
      baru: z.literal('1').optional(),
    }),
    response: z.string(),
    html: true,
  }),
  async ({ ctx, query, lang }) => {
    const r = await requests.byTracking(ctx, query.nomor, query.kode);
    const [agencies, body, objections, grounds] = await Promise.all([
      ctx.store.listAgencies(),
      ctx.store.getSettings<{ name: string }>('publicBody'),
      ctx.store.listObjectionsOfRequest(r.requestId),
      groundOptions(ctx, r, ctx.now),
    ]);
    const utama = agencies.find((a) => a.kind === 'ppid_utama');
    return requestStatusHtml({
      view: requesterView(r),
      code: query.kode,
      lang,
      fresh: query.baru === '1',
      timeZone: utama?.timezone ?? 'Asia/Jakarta',
      agencies: Object.fromEntries(agencies.map((a) => [a.id, a.name])),
      bodyName: body?.name ?? 'PPID',
      objections: objections.map(objectorView),
      grounds,
      // The objection form's: one objection per page shown (the page is never cached).
      submissionId: crypto.randomUUID(),
    });
  },
);
