/**
 * Document uploads: the browser sends the file straight to the documents bucket with a presigned
 * POST, then the API verifies what arrived before anything refers to it.
 *
 * The POST policy binds one key, one Content-Type and a size range, and S3 enforces it. The local
 * emulator (s3rver) ignores POST policies, and a policy can say nothing about what the bytes are, so
 * `verifyUpload` is the check that counts: size, type by content and SHA-256, on both hosts.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { GetObjectCommandOutput } from '@aws-sdk/client-s3';
import {
  ALLOWED,
  allowedList,
  checkEnd,
  type DocumentKind,
  describeDetected,
  formatBytes,
  maxUploadBytes,
  SNIFF_BYTES,
  sniff,
  TAIL_BYTES,
} from '../core/documents.ts';
import { DomainError, fail } from '../core/errors.ts';
import { type MessageKey, message, type Text } from '../core/messages.ts';
import { config } from './config.ts';
import { isNoSuchKey, s3Sdk } from './s3-lazy.ts';

/** How long an upload ticket can be used. */
export const TICKET_SECONDS = 15 * 60;

export interface UploadTicket {
  /** Where the browser POSTs a multipart/form-data body: `fields` first, then the file as `file`. */
  url: string;
  fields: Record<string, string>;
  key: string;
  expiresAt: string;
  maxBytes: number;
}

/**
 * A presigned POST bound to exactly this key, this Content-Type, and a content-length-range of 1 to
 * the declared size (which may not exceed the limit); valid for 15 minutes. Pass the canonical
 * `ALLOWED[kind].contentType` (not a browser's alias for it): `verifyUpload` expects that type stored.
 */
export async function createUploadTicket(key: string, contentType: string, size: number): Promise<UploadTicket> {
  const limit = maxUploadBytes();
  // Callers check an UploadRequest first; these guard the policy itself.
  if (!Object.values(ALLOWED).some((a) => a.contentType === contentType)) {
    fail('unsupported_media_type', 'upload_type_not_allowed', { fileName: key.slice(key.lastIndexOf('/') + 1), contentType, allowed: allowedList() });
  }
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`Upload size must be a positive integer, got ${size}`);
  // createPresignedPost turns a key ending in "${filename}" into a starts-with condition (any key).
  if (key.endsWith('$' + '{filename}')) throw new Error('An upload key must be exact');
  if (size > limit)
    throw new DomainError(
      'payload_too_large',
      perLanguage('upload_too_large', (lang) => ({ found: formatBytes(size, lang), limit: formatBytes(limit, lang) })),
    );

  const expiresAt = new Date(Date.now() + TICKET_SECONDS * 1000).toISOString();
  // The presigned-post module is imported at the first ticket, not at the cold start of every function that may give one.
  const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
  const { client } = await s3Sdk();
  const { url, fields } = await createPresignedPost(client, {
    Bucket: config.bucket('documents'),
    Key: key, // an exact key condition: the form cannot name another object
    Fields: { 'Content-Type': contentType }, // every field also becomes an exact condition
    Conditions: [['content-length-range', 1, size]],
    Expires: TICKET_SECONDS,
  });
  return { url, fields, key, expiresAt, maxBytes: size };
}

export type VerifyResult =
  | { ok: true; size: number; sha256: string; contentType: string /** The verified version (versioned bucket in AWS). */; versionId?: string }
  | { ok: false; reason: 'missing' | 'too_large' | 'size_mismatch' | 'type_mismatch' | 'hash_mismatch'; message: { id: string; en: string } };

/**
 * Reads the object once, streaming: it must exist, its size must equal the declared size and be
 * within the limit, its first bytes must be the declared kind, and its SHA-256 the declared hash.
 * Whatever fails is deleted (that very version, so a versioned bucket keeps nothing of it) and gets
 * a message in Bahasa Indonesia and English naming what was expected and what was found.
 *
 * Callers should refer to the returned `versionId` (AWS) or copy the object: the ticket stays valid
 * for its 15 minutes, so the same key could be written again after this check.
 */
export async function verifyUpload(key: string, expected: { size: number; sha256: string; kind: DocumentKind }): Promise<VerifyResult> {
  const Bucket = config.bucket('documents');
  const limit = maxUploadBytes();
  const want = ALLOWED[expected.kind];

  let object: GetObjectCommandOutput;
  const { client, sdk } = await s3Sdk();
  try {
    object = await client.send(new sdk.GetObjectCommand({ Bucket, Key: key }));
  } catch (e) {
    if (isNoSuchKey(e)) {
      return refused(
        'missing',
        perLanguage('upload_missing', () => ({ minutes: TICKET_SECONDS / 60 })),
      );
    }
    throw e;
  }
  const body = object.Body as Readable;
  const versionId = object.VersionId;
  const reject = async (reason: Exclude<VerifyResult, { ok: true }>['reason'], text: Text): Promise<VerifyResult> => {
    body.destroy(); // stop reading what is left of the object
    await discard(Bucket, key, versionId);
    return refused(reason, text);
  };

  // Size first, from the response headers, before reading a byte.
  const size = object.ContentLength ?? -1;
  if (size > limit)
    return reject(
      'too_large',
      perLanguage('upload_too_large', (lang) => ({ found: formatBytes(size, lang), limit: formatBytes(limit, lang) })),
    );
  if (size !== expected.size) return reject('size_mismatch', message('upload_size_mismatch', { found: size, expected: expected.size }));
  // The presigned POST binds the Content-Type in AWS; s3rver stores whatever the form said.
  const storedType = (object.ContentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (storedType !== want.contentType) {
    return reject(
      'type_mismatch',
      perLanguage('upload_type_mismatch', (lang) => ({ expected: want.label[lang], found: storedType || '?' })),
    );
  }

  // One pass: hash every chunk, keep only the first SNIFF_BYTES, sniff as soon as they are in.
  const hash = createHash('sha256');
  const head = new Uint8Array(Math.min(SNIFF_BYTES, size));
  let tail: Uint8Array = new Uint8Array(0);
  let read = 0;
  let sniffed = false;
  const checkType = () => {
    sniffed = true;
    return sniff(head.subarray(0, Math.min(read, head.length)), expected.kind);
  };
  for await (const chunk of body as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    if (read < head.length) head.set(chunk.subarray(0, head.length - read), read);
    tail = lastBytes(tail, chunk, TAIL_BYTES);
    read += chunk.length;
    if (read > size) break; // more bytes than the headers said: caught below
    if (!sniffed && read >= head.length) {
      const t = checkType();
      if (!t.ok) return reject('type_mismatch', typeMismatch(expected.kind, t.detected));
    }
  }
  if (read !== size) return reject('size_mismatch', message('upload_size_mismatch', { found: read, expected: expected.size }));
  if (!sniffed) {
    const t = checkType();
    if (!t.ok) return reject('type_mismatch', typeMismatch(expected.kind, t.detected));
  }
  const end = checkEnd(expected.kind, head.subarray(0, Math.min(read, head.length)), tail, size);
  if (!end.ok) return reject('type_mismatch', typeMismatch(expected.kind, end.detected));
  const sha256 = hash.digest('hex');
  if (sha256 !== expected.sha256.toLowerCase()) return reject('hash_mismatch', message('upload_hash_mismatch', { found: sha256, expected: expected.sha256 }));
  return { ok: true, size, sha256, contentType: want.contentType, ...(versionId ? { versionId } : {}) };
}

/** The last `n` bytes of what was seen so far and the next chunk. */
function lastBytes(kept: Uint8Array, chunk: Uint8Array, n: number): Uint8Array {
  if (chunk.length >= n) return chunk.slice(chunk.length - n);
  const out = new Uint8Array(Math.min(n, kept.length + chunk.length));
  const fromKept = out.length - chunk.length;
  out.set(kept.subarray(kept.length - fromKept), 0);
  out.set(chunk, fromKept);
  return out;
}

export async function deleteObject(key: string): Promise<void> {
  const { client, sdk } = await s3Sdk();
  await client.send(new sdk.DeleteObjectCommand({ Bucket: config.bucket('documents'), Key: key }));
}

/**
 * Deletes a refused object. With a version id (versioned bucket in AWS) the version itself goes, not
 * just behind a delete marker; that needs s3:DeleteObjectVersion (part of grantReadWrite's DeleteObject*).
 */
async function discard(Bucket: string, Key: string, VersionId: string | undefined): Promise<void> {
  const { client, sdk } = await s3Sdk();
  await client.send(new sdk.DeleteObjectCommand({ Bucket, Key, ...(VersionId ? { VersionId } : {}) }));
}

function refused(reason: Exclude<VerifyResult, { ok: true }>['reason'], text: Text): VerifyResult {
  return { ok: false, reason, message: text };
}

function typeMismatch(kind: DocumentKind, detected: string): Text {
  return perLanguage('upload_type_mismatch', (lang) => ({ expected: ALLOWED[kind].label[lang], found: describeDetected(detected)[lang] }));
}

/** A catalogue message whose values differ by language (labels, number formats). */
function perLanguage(key: MessageKey, vars: (lang: 'id' | 'en') => Record<string, string | number>): Text {
  return { id: message(key, vars('id')).id, en: message(key, vars('en')).en };
}
