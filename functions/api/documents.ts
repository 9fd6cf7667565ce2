import * as z from 'zod';
import { itemUploads } from '../adapters/item-uploads.ts';
import { UploadRequest } from '../core/documents.ts';
import { addDocument, documentDownload, removeDocument, verifyDocument } from '../core/item-documents.ts';
import { DocumentRef } from '../core/item-model.ts';
import { endpoint } from './http.ts';
import { UploadTicketSchema } from './schemas.ts';

const DocParams = z.strictObject({ itemId: z.uuid(), docId: z.uuid() });

export const create = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Declare a document (name, type, size, SHA-256) and get an upload ticket: a presigned POST bound to one key, one content type and that size',
    description:
      'POST the file as multipart/form-data to `upload.url` with `upload.fields` first and the file last as `file`, then call …/verify. Allowed: PDF, office documents, images, CSV; 25 MB by default.',
    params: z.strictObject({ itemId: z.uuid() }),
    body: UploadRequest,
    response: z.object({
      document: DocumentRef,
      upload: UploadTicketSchema,
      itemVersion: z.number(),
    }),
    status: 201,
  }),
  ({ ctx, principal, params, body }) => addDocument(ctx, itemUploads, principal, params.itemId, body),
);

export const verify = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Check the uploaded file (size, type by content, SHA-256); a file that fails is removed and the reason returned',
    params: DocParams,
    response: z.object({ document: DocumentRef, itemVersion: z.number() }),
  }),
  ({ ctx, principal, params }) => verifyDocument(ctx, itemUploads, principal, params.itemId, params.docId),
);

export const remove = /* @__PURE__ */ endpoint(
  () => ({ summary: 'Remove a document from the working version', params: DocParams, response: z.object({ itemVersion: z.number() }) }),
  ({ ctx, principal, params }) => removeDocument(ctx, itemUploads, principal, params.itemId, params.docId),
);

export const download = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'A short-lived download link for a checked document (staff of the agency, PPID Utama)',
    params: DocParams,
    response: z.object({ url: z.string(), expiresInSeconds: z.number() }),
  }),
  ({ ctx, principal, params }) => documentDownload(ctx, itemUploads, principal, params.itemId, params.docId),
);
