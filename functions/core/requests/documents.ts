/**
 * Files of a request: the documents an SKPD releases with its answer (the same checked-upload path
 * as information items: a ticket bound to one key, type and size; then moved to a server-only key and
 * checked by size, type by content and SHA-256), and the short-lived links through which staff and
 * the requester download the notice, the notice of extension and the released documents.
 */
import type { Principal } from '../access.ts';
import { auditEvent } from '../audit.ts';
import { allowedList, type DocumentKind, kindForUpload, safeFileName, type UploadRequest } from '../documents.ts';
import { conflict, fail, forbidden, notFound } from '../errors.ts';
import { promoteAndCheck, type UploadsPort } from '../item-documents.ts';
import { retryOnRace } from '../items.ts';
import type { Context } from '../ports.ts';
import type { Request, RequestDocument } from './model.ts';
import { byTracking, getPersonal, getRequest } from './requests.ts';

export const MAX_REQUEST_DOCUMENTS = 40;
/** How long a download link lives. */
export const LINK_SECONDS = 300;

const uploadKey = (requestId: string, docId: string, name: string) => `uploads/requests/${requestId}/${docId}/${name}`;
const finalKey = (requestId: string, docId: string, name: string) => `requests/${requestId}/released/${docId}/${name}`;

async function changeDocuments(
  ctx: Context,
  actor: Principal,
  requestId: string,
  action: string,
  change: (docs: RequestDocument[], r: Request) => RequestDocument[],
  after: unknown,
) {
  return retryOnRace(async () => {
    const r = await getRequest(ctx, actor, requestId);
    const next: Request = { ...r, documents: change(r.documents, r), updatedAt: ctx.now.toISOString(), version: r.version + 1 };
    await ctx.store.commit(
      [{ entity: 'request', value: next, expectedVersion: r.version }],
      auditEvent({ actor, action, entity: { type: 'request', id: requestId }, agencyId: actor.agencyId, after, requestId: ctx.requestId, now: ctx.now }),
    );
    return next;
  });
}

/** Documents are added while the SKPD answers, or later while a granted objection orders the information provided. */
function assertAnswering(actor: Principal, r: Request, followUpOpen: boolean): void {
  if (actor.role !== 'ppid_utama' && !r.parts.some((p) => p.agencyId === actor.agencyId)) forbidden('forbidden_agency');
  if (r.notice && !followUpOpen) conflict('request_notice_issued', { number: r.number });
}

const followUpOpen = async (ctx: Context, requestId: string) =>
  (await ctx.store.listObjectionsOfRequest(requestId)).some((o) => o.followUp && !o.followUp.fulfilled);

/** An SKPD declares a file for its answer and gets an upload ticket. */
export async function addRequestDocument(ctx: Context, uploads: UploadsPort, actor: Principal, requestId: string, req: UploadRequest) {
  const kind = kindForUpload(req.fileName, req.contentType);
  if (!kind) return fail('unsupported_media_type', 'upload_type_not_allowed', { fileName: req.fileName, contentType: req.contentType, allowed: allowedList() });
  const docId = crypto.randomUUID();
  const fileName = safeFileName(req.fileName);
  const doc: RequestDocument = {
    docId,
    agencyId: actor.agencyId,
    fileName,
    contentType: req.contentType,
    kind,
    size: req.size,
    sha256: req.sha256,
    key: finalKey(requestId, docId, fileName),
    status: 'pending',
    uploadedBy: actor.username,
    uploadedAt: ctx.now.toISOString(),
  };
  const ticket = await uploads.ticket(uploadKey(requestId, docId, fileName), req.contentType, req.size);
  const open = await followUpOpen(ctx, requestId);
  const r = await changeDocuments(
    ctx,
    actor,
    requestId,
    'request.document_add',
    (docs, r) => {
      assertAnswering(actor, r, open);
      if (docs.length >= MAX_REQUEST_DOCUMENTS) fail('validation', 'too_many_documents', { max: MAX_REQUEST_DOCUMENTS });
      return [...docs, doc];
    },
    { docId, fileName, size: req.size, sha256: req.sha256 },
  );
  return { document: doc, upload: ticket, requestVersion: r.version };
}

export async function verifyRequestDocument(ctx: Context, uploads: UploadsPort, actor: Principal, requestId: string, docId: string) {
  const r = await getRequest(ctx, actor, requestId);
  const doc = r.documents.find((d) => d.docId === docId) ?? notFound('document_not_found', { docId });
  if (doc.agencyId !== actor.agencyId && actor.role !== 'ppid_utama') forbidden('forbidden_agency');
  if (doc.status === 'verified') return { document: doc, requestVersion: r.version };
  const checked = await promoteAndCheck(uploads, uploadKey(requestId, docId, doc.fileName), doc.key, {
    size: doc.size,
    sha256: doc.sha256,
    kind: doc.kind as DocumentKind,
  });
  if (checked.ok) {
    const after = await changeDocuments(
      ctx,
      actor,
      requestId,
      'request.document_verified',
      (docs) => docs.map((d) => (d.docId === docId ? { ...d, status: 'verified' as const } : d)),
      {
        docId,
        sha256: doc.sha256,
      },
    );
    return { document: { ...doc, status: 'verified' as const }, requestVersion: after.version };
  }
  if (checked.missing) throw checked.error;
  await changeDocuments(ctx, actor, requestId, 'request.document_rejected', (docs) => docs.filter((d) => d.docId !== docId), { docId });
  throw checked.error;
}

type FileRef = { key: string; fileName: string; contentType: string };

/** A file of the request by name: `notice`, `extension`, or a document id. */
function fileOf(r: Request, file: string, releasedOnly: boolean): FileRef {
  if (file === 'notice') {
    const f = r.notice?.file ?? notFound('request_notice_missing');
    return { key: f.key, fileName: f.fileName, contentType: 'application/pdf' };
  }
  if (file === 'extension') {
    const f = r.extensionNotice?.file ?? notFound('request_notice_missing');
    return { key: f.key, fileName: f.fileName, contentType: 'application/pdf' };
  }
  if (releasedOnly) {
    // The requester gets what the notice released, nothing else, and only once it is issued.
    const released = r.notice ? r.parts.flatMap((p) => p.answer?.documents ?? []).find((d) => d.docId === file) : undefined;
    return released ?? notFound('request_document_not_released');
  }
  const doc = r.documents.find((d) => d.docId === file) ?? notFound('document_not_found', { docId: file });
  if (doc.status !== 'verified') conflict('document_not_verified', { fileName: doc.fileName });
  return doc;
}

export async function staffFileLink(ctx: Context, uploads: UploadsPort, actor: Principal, requestId: string, file: string) {
  if (file === 'power-of-attorney') {
    // Personal data: only those who may read the requester's record.
    const personal = await getPersonal(ctx, actor, requestId);
    const f = personal.powerOfAttorney ?? notFound('document_not_found', { docId: file });
    return { url: await uploads.downloadUrl(f.key, f.fileName, f.contentType), expiresInSeconds: LINK_SECONDS };
  }
  const r = await getRequest(ctx, actor, requestId);
  const f = fileOf(r, file, false);
  return { url: await uploads.downloadUrl(f.key, f.fileName, f.contentType), expiresInSeconds: LINK_SECONDS };
}

/** The requester's link, by number and tracking code. */
export async function requesterFileLink(ctx: Context, uploads: UploadsPort, input: { number: string; code: string; file: string }) {
  const r = await byTracking(ctx, input.number, input.code);
  const f = fileOf(r, input.file, true);
  return { url: await uploads.downloadUrl(f.key, f.fileName, f.contentType), expiresInSeconds: LINK_SECONDS };
}
