/**
 * The power of attorney (surat kuasa) of a request filed for someone else: the requester uploads it
 * from the register's form before filing, by the same checked-upload path as staff documents (a
 * ticket bound to one key, one type and the declared size). The upload intent lives a day (TTL); at
 * filing the server moves the object to a key only it writes and checks it (size, type by content,
 * SHA-256) before the request is written, so a bad file refuses the filing and nothing is left half.
 * The file is personal data: it is kept with the requester's record and erased with it.
 */
import { type DocumentKind, kindForUpload, safeFileName, type UploadRequest } from '../documents.ts';
import { DomainError, fail } from '../errors.ts';
import { promoteAndCheck, type UploadsPort } from '../item-documents.ts';
import { type MessageKey, message, type Text } from '../messages.ts';
import type { Context } from '../ports.ts';
import { POWER_OF_ATTORNEY_MAX_BYTES } from './forms.ts';
import type { RequestPersonal } from './model.ts';

/** A scan or a PDF. */
const KINDS: readonly DocumentKind[] = ['pdf', 'jpeg', 'png'];

export { POWER_OF_ATTORNEY_MAX_BYTES } from './forms.ts';

/** How long a declared upload may wait for its filing. */
const INTENT_SECONDS = 24 * 3600;

export interface UploadIntent {
  uploadId: string;
  fileName: string;
  contentType: string;
  kind: DocumentKind;
  size: number;
  sha256: string;
  expiresAt: number;
}

const uploadKey = (i: Pick<UploadIntent, 'uploadId' | 'fileName'>) => `uploads/public/${i.uploadId}/${i.fileName}`;

export function startPowerOfAttorneyUpload(ctx: Context, uploads: UploadsPort, req: UploadRequest) {
  return startPublicUpload(ctx, uploads, req, { type: 'request_power_of_attorney_type', size: 'request_power_of_attorney_size' });
}

/** A public upload (a scan or a PDF, at most 10 MB) declared before the filing that takes it: the power of attorney, an objection's attachment. */
export async function startPublicUpload(ctx: Context, uploads: UploadsPort, req: UploadRequest, refusals: { type: MessageKey; size: MessageKey }) {
  const kind = kindForUpload(req.fileName, req.contentType);
  if (!kind || !KINDS.includes(kind)) return fail('unsupported_media_type', refusals.type);
  if (req.size > POWER_OF_ATTORNEY_MAX_BYTES) return fail('payload_too_large', refusals.size, { max: 10 });
  const intent: UploadIntent = {
    uploadId: crypto.randomUUID(),
    fileName: safeFileName(req.fileName),
    contentType: req.contentType,
    kind,
    size: req.size,
    sha256: req.sha256,
    expiresAt: Math.floor(ctx.now.getTime() / 1000) + INTENT_SECONDS,
  };
  const upload = await uploads.ticket(uploadKey(intent), req.contentType, req.size);
  await ctx.store.commit([{ entity: 'uploadIntent', value: intent }], []);
  return { uploadId: intent.uploadId, upload };
}

/** At filing: the uploaded file, moved and checked; a 4xx the requester can act on otherwise. */
export async function checkedPowerOfAttorney(ctx: Context, uploads: UploadsPort, uploadId: string): Promise<NonNullable<RequestPersonal['powerOfAttorney']>> {
  return checkedPublicUpload(ctx, uploads, uploadId, 'requests/power-of-attorney', 'body.powerOfAttorneyUploadId', {
    id: 'Unggahan surat kuasa tidak ditemukan atau kedaluwarsa; unggah lagi.',
    en: 'The power of attorney upload was not found or has expired; upload it again.',
  });
}

/** A declared public upload, moved under `prefix` (a key only the server writes) and checked. */
export async function checkedPublicUpload(ctx: Context, uploads: UploadsPort, uploadId: string, prefix: string, path: string, missing: Text) {
  const intent = await ctx.store.getUploadIntent(uploadId);
  if (!intent || intent.expiresAt * 1000 < ctx.now.getTime()) throw new DomainError('validation', message('validation_failed'), [{ path, message: missing }]);
  const key = `${prefix}/${intent.uploadId}/${intent.fileName}`;
  const checked = await promoteAndCheck(uploads, uploadKey(intent), key, { size: intent.size, sha256: intent.sha256, kind: intent.kind });
  if (!checked.ok) throw checked.error;
  return { key, fileName: intent.fileName, contentType: intent.contentType, size: intent.size, sha256: intent.sha256 };
}
