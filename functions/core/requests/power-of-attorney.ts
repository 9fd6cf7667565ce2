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
import { message } from '../messages.ts';
import type { Context } from '../ports.ts';
import type { RequestPersonal } from './model.ts';

/** A scan or a PDF. */
const KINDS: readonly DocumentKind[] = ['pdf', 'jpeg', 'png'];
export const POWER_OF_ATTORNEY_MAX_BYTES = 10 * 1024 * 1024;
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
const finalKey = (i: Pick<UploadIntent, 'uploadId' | 'fileName'>) => `requests/power-of-attorney/${i.uploadId}/${i.fileName}`;

export async function startPowerOfAttorneyUpload(ctx: Context, uploads: UploadsPort, req: UploadRequest) {
  const kind = kindForUpload(req.fileName, req.contentType);
  if (!kind || !KINDS.includes(kind)) return fail('unsupported_media_type', 'request_power_of_attorney_type');
  if (req.size > POWER_OF_ATTORNEY_MAX_BYTES) return fail('payload_too_large', 'request_power_of_attorney_size', { max: 10 });
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
  const intent = await ctx.store.getUploadIntent(uploadId);
  if (!intent || intent.expiresAt * 1000 < ctx.now.getTime())
    throw new DomainError('validation', message('validation_failed'), [
      {
        path: 'body.powerOfAttorneyUploadId',
        message: {
          id: 'Unggahan surat kuasa tidak ditemukan atau kedaluwarsa; unggah lagi.',
          en: 'The power of attorney upload was not found or has expired; upload it again.',
        },
      },
    ]);
  const key = finalKey(intent);
  const checked = await promoteAndCheck(uploads, uploadKey(intent), key, { size: intent.size, sha256: intent.sha256, kind: intent.kind });
  if (!checked.ok) throw checked.error;
  return { key, fileName: intent.fileName, contentType: intent.contentType, size: intent.size, sha256: intent.sha256 };
}
