/**
 * The S3 SDK and client for the adapters that only some requests and tasks use (documents, uploads,
 * generated files): imported at their first use, not at the cold start of every function that may
 * need them (the S3 client and its XML protocol are about a sixth of a function's JavaScript).
 * The register's own adapter (register-site.ts), whose every run writes to S3, imports ./s3.ts.
 */
import type { S3Client } from '@aws-sdk/client-s3';

type S3Sdk = typeof import('@aws-sdk/client-s3');

let loading: Promise<S3Sdk> | undefined;

/** The SDK's module and this process's client (./s3.ts `s3()`: one per endpoint). */
export async function s3Sdk(): Promise<{ client: S3Client; sdk: S3Sdk }> {
  loading ??= import('@aws-sdk/client-s3');
  const [{ s3 }, sdk] = await Promise.all([import('./s3.ts'), loading]);
  return { client: s3(), sdk };
}

/** S3's "no such key", whichever way the SDK reports it. */
export const isNoSuchKey = (e: unknown) => (e as { name?: string }).name === 'NoSuchKey';
