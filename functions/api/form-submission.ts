/**
 * The submission id of a request form sent without JavaScript.
 *
 * Every filing carries a submission id: one per form shown, so that a double click or a resent form
 * files one request (functions/core/requests/requests.ts keeps each id's answer for a day). The
 * register's form is a static page: its script sets a fresh `crypto.randomUUID()` on load, but the page
 * itself cannot carry one per view. One written into the page at build time would be shared by
 * everyone who loads that build, and the second person to file would be answered with the first one's
 * request, number and tracking code.
 *
 * So a plain HTML form post (application/x-www-form-urlencoded) may leave the field empty, and the id
 * is derived from the post itself: a hash of the client's address and browser and of every field sent.
 * The same post sent twice (a double click, a resend after a lost answer) files one request; two
 * people's posts, or one person's two different requests, never share an id. Someone who knew every
 * field of another person's request, word for word, would still need to post it from the same address
 * and browser within the day to be answered with it. A JSON client must send its own id.
 */
import { createHash } from 'node:crypto';
import type * as z from 'zod';
import { DomainError } from '../core/errors.ts';
import { message } from '../core/messages.ts';
import { PublicRequestForm } from '../core/requests/model.ts';

/** PublicRequestForm, with the submission id left to the server for a plain form post. */
export const PublicRequestBody = PublicRequestForm.extend({
  submissionId: PublicRequestForm.shape.submissionId.optional().meta({
    description: 'A fresh uuid per form shown. Required for JSON; a plain HTML form post may leave it empty (it is then derived from the post).',
  }),
});
export type PublicRequestBody = z.infer<typeof PublicRequestBody>;

/** What the derivation reads of an API Gateway (v2) event. */
export interface SubmissionEvent {
  headers?: Record<string, string | undefined>;
  requestContext: { http?: { sourceIp?: string } };
}

const isFormPost = (event: SubmissionEvent) => (event.headers?.['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');

/** A version-8 (custom) uuid from a hash of the client and the form's fields: the same post, the same id. */
export function formSubmissionId(event: SubmissionEvent, body: { requester: unknown; content: unknown }): string {
  const h = createHash('sha256')
    // Behind CloudFront the source address is the edge's; the viewer's is in X-Forwarded-For.
    .update(
      JSON.stringify([
        event.headers?.['x-forwarded-for'] ?? '',
        event.requestContext.http?.sourceIp ?? '',
        event.headers?.['user-agent'] ?? '',
        body.requester,
        body.content,
      ]),
    )
    .digest();
  h[6] = (h[6]! & 0x0f) | 0x80;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The id the client sent; derived for a plain form post without one; refused (400, on the field) for JSON without one. */
export function submissionIdOf(event: SubmissionEvent, body: PublicRequestBody): string {
  if (body.submissionId) return body.submissionId;
  if (isFormPost(event)) return formSubmissionId(event, body);
  throw new DomainError('validation', message('validation_failed'), [
    {
      path: 'body.submissionId',
      message: { id: 'body.submissionId: formulir kedaluwarsa; muat ulang halaman', en: 'body.submissionId: the form has expired; reload the page' },
    },
  ]);
}
