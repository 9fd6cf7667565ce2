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
  const promoted = await uploads.promote(uploadKey(itemId, docId, doc.fileName), doc.key);
  const result = promoted ? await uploads.verify(doc.key, { size: doc.size, sha256: doc.sha256, kind: doc.kind as DocumentKind }) : undefined;
  if (result?.ok) {
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
  if (!promoted) fail('validation', 'upload_missing', { minutes: 15 });
  // The object is already gone (verify deletes what fails); the item forgets the document too.
  await changeDocuments(ctx, actor, itemId, 'item.document_rejected', (docs) => docs.filter((d) => d.docId !== docId), {
    docId,
    reason: result!.ok ? '' : result!.reason,
  });
  const failed = result as { ok: false; reason: string; message: { id: string; en: string } };
  throw new DomainError(
    failed.reason === 'too_large' ? 'payload_too_large' : failed.reason === 'type_mismatch' ? 'unsupported_media_type' : 'validation',
    failed.message,
  );
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
