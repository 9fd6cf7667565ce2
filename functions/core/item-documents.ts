/**
 * Documents of an information item. The browser uploads straight to the private document bucket
 * with a ticket bound to one key, one content type and the declared size; the server then moves the
 * object to a key only the server writes and checks it there (size, type by content, SHA-256), so
 * nothing can be swapped after the check. Anything that fails is removed, item and bucket alike.
 */
import { assertAgencyScope, type Principal } from './access.ts';
import { allowedList, type DocumentKind, kindForUpload, safeFileName, type UploadRequest } from './documents.ts';
import { conflict, DomainError, fail, notFound } from './errors.ts';
import type { DocumentRef } from './item-model.ts';
import { changeDocuments, getItem } from './items.ts';
import { message } from './messages.ts';
import type { Context } from './ports.ts';

export const MAX_DOCUMENTS = 20;

export interface UploadsPort {
  ticket(
    key: string,
    contentType: string,
    size: number,
  ): Promise<{ url: string; fields: Record<string, string>; key: string; expiresAt: string; maxBytes: number }>;
  /** Moves the uploaded object to the server-only key; false when nothing was uploaded. */
  promote(uploadKey: string, finalKey: string): Promise<boolean>;
  verify(
    key: string,
    expected: { size: number; sha256: string; kind: DocumentKind },
  ): Promise<{ ok: true } | { ok: false; reason: string; message: { id: string; en: string } }>;
  remove(key: string): Promise<void>;
  downloadUrl(key: string, fileName: string, contentType: string): Promise<string>;
}

/** Minutes an upload ticket lasts (adapters/uploads.ts TICKET_SECONDS), for the "upload again" message. */
const TICKET_MINUTES = 15;

/**
 * Moves an upload to the key only the server writes and checks it there (size, type by content,
 * SHA-256). Refused: `missing` when nothing was uploaded (or it was moved already), else the check's
 * refusal, as the 4xx a person can act on; a file that fails the check is already gone from the bucket.
 */
export async function promoteAndCheck(
  uploads: UploadsPort,
  from: string,
  to: string,
  expected: { size: number; sha256: string; kind: DocumentKind },
): Promise<{ ok: true } | { ok: false; missing: boolean; reason: string; error: DomainError }> {
  if (!(await uploads.promote(from, to)))
    return { ok: false, missing: true, reason: 'missing', error: new DomainError('validation', message('upload_missing', { minutes: TICKET_MINUTES })) };
  const result = await uploads.verify(to, expected);
  if (result.ok) return { ok: true };
  const code = result.reason === 'too_large' ? 'payload_too_large' : result.reason === 'type_mismatch' ? 'unsupported_media_type' : 'validation';
  return { ok: false, missing: false, reason: result.reason, error: new DomainError(code, result.message) };
}

const uploadKey = (itemId: string, docId: string, name: string) => `uploads/${itemId}/${docId}/${name}`;
const finalKey = (itemId: string, docId: string, name: string) => `items/${itemId}/${docId}/${name}`;

export async function addDocument(ctx: Context, uploads: UploadsPort, actor: Principal, itemId: string, req: UploadRequest) {
  const kind = kindForUpload(req.fileName, req.contentType);
  if (!kind) return fail('unsupported_media_type', 'upload_type_not_allowed', { fileName: req.fileName, contentType: req.contentType, allowed: allowedList() });
  const docId = crypto.randomUUID();
  const fileName = safeFileName(req.fileName);
  const doc: DocumentRef = {
    docId,
    fileName,
    contentType: req.contentType,
    kind,
    size: req.size,
    sha256: req.sha256,
    key: finalKey(itemId, docId, fileName),
    status: 'pending',
    uploadedBy: actor.username,
    uploadedAt: ctx.now.toISOString(),
  };
  const ticket = await uploads.ticket(uploadKey(itemId, docId, fileName), req.contentType, req.size);
  const item = await changeDocuments(
    ctx,
    actor,
    itemId,
    'item.document_add',
    (docs) => {
      if (docs.length >= MAX_DOCUMENTS) fail('validation', 'too_many_documents', { max: MAX_DOCUMENTS });
      return [...docs, doc];
    },
    { docId, fileName, size: req.size, sha256: req.sha256 },
  );
  return { document: doc, upload: ticket, itemVersion: item.version };
}

function findDoc(docs: DocumentRef[], docId: string): DocumentRef {
  return docs.find((d) => d.docId === docId) ?? notFound('document_not_found', { docId });
}

export async function verifyDocument(ctx: Context, uploads: UploadsPort, actor: Principal, itemId: string, docId: string) {
  const item = await getItem(ctx, actor, itemId);
  const doc = findDoc(item.current.documents, docId);
  if (doc.status === 'verified') return { document: doc, itemVersion: item.version };
  const checked = await promoteAndCheck(uploads, uploadKey(itemId, docId, doc.fileName), doc.key, {
    size: doc.size,
    sha256: doc.sha256,
    kind: doc.kind as DocumentKind,
  });
  if (checked.ok) {
    const after = await changeDocuments(
      ctx,
      actor,
      itemId,
      'item.document_verified',
      (docs) => docs.map((d) => (d.docId === docId ? { ...d, status: 'verified' as const } : d)),
      { docId, sha256: doc.sha256 },
    );
    return { document: { ...doc, status: 'verified' as const }, itemVersion: after.version };
  }
  if (checked.missing) throw checked.error;
  // The object is already gone (verify deletes what fails); the item forgets the document too.
  await changeDocuments(ctx, actor, itemId, 'item.document_rejected', (docs) => docs.filter((d) => d.docId !== docId), {
    docId,
    reason: checked.reason,
  });
  throw checked.error;
}

export async function removeDocument(ctx: Context, uploads: UploadsPort, actor: Principal, itemId: string, docId: string) {
  const item = await getItem(ctx, actor, itemId);
  const doc = findDoc(item.current.documents, docId);
  const after = await changeDocuments(ctx, actor, itemId, 'item.document_remove', (docs) => docs.filter((d) => d.docId !== docId), {
    docId,
    fileName: doc.fileName,
  });
  // A verified file may belong to the published version too; only never-checked uploads are deleted.
  if (doc.status === 'pending') {
    await uploads.remove(uploadKey(itemId, docId, doc.fileName));
    await uploads.remove(doc.key);
  }
  return { itemVersion: after.version };
}

export async function documentDownload(ctx: Context, uploads: UploadsPort, actor: Principal, itemId: string, docId: string) {
  const item = await getItem(ctx, actor, itemId);
  assertAgencyScope(actor, item.agencyId);
  const doc = findDoc(item.current.documents, docId);
  if (doc.status !== 'verified') conflict('document_not_verified', { fileName: doc.fileName });
  return { url: await uploads.downloadUrl(doc.key, doc.fileName, doc.contentType), expiresInSeconds: 300 };
}
