/**
 * Writes the public register: applies a rendered plan (web/register/render.ts) to the register
 * bucket, copies the public documents of published items from the private document bucket, and in
 * AWS invalidates exactly the changed paths in CloudFront. Drafts never reach this bucket: only the
 * documents a published version lists are copied.
 */
import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CopyObjectCommand, DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { fileText } from '../core/register/input.ts';
import { config } from './config.ts';
import { s3 } from './s3.ts';

export interface PlanFile {
  path: string;
  body: string | Uint8Array;
  contentType: string;
  /** `gzip`: the body is compressed, stored with `Content-Encoding: gzip` (core/register/input.ts SiteFile). */
  encoding?: 'gzip';
}
export interface Plan {
  put: PlanFile[];
  delete: string[];
  copies: { from: string; to: string }[];
  removeCopies: string[];
}

const cacheControl = (path: string) =>
  path.startsWith('assets/') ? 'public, max-age=3600' : path.startsWith('berkas/') ? 'public, max-age=86400' : 'public, max-age=60';

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

async function deleteKeys(Bucket: string, keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 1000) {
    const Objects = keys.slice(i, i + 1000).map((Key) => ({ Key }));
    if (Objects.length) await s3().send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
  }
}

async function listPrefix(Bucket: string, Prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3().send(new ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return keys;
}

/**
 * The register's files at these paths as they are now (undefined: none): what an incremental update
 * patches instead of reading every item again (the summary, search shards and their manifest).
 */
export async function readFiles(paths: readonly string[]): Promise<Map<string, string | undefined>> {
  const Bucket = config.bucket('register');
  const out = new Map<string, string | undefined>();
  await pool([...paths], 16, async (Key) => {
    try {
      const res = await s3().send(new GetObjectCommand({ Bucket, Key }));
      const body = await res.Body!.transformToByteArray();
      out.set(Key, fileText({ body, encoding: res.ContentEncoding === 'gzip' ? 'gzip' : undefined }));
    } catch (e) {
      if ((e as Error).name !== 'NoSuchKey' && (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw e;
      out.set(Key, undefined);
    }
  });
  return out;
}

/** Applies the plan; returns the site paths that changed (for the CDN). */
export async function applyPlan(plan: Plan, opts: { prune?: boolean } = {}): Promise<string[]> {
  const Bucket = config.bucket('register');
  const documents = config.bucket('documents');
  // Documents first, then the pages that link to them, so a link never points at nothing.
  await pool(plan.copies, 8, (c) =>
    s3().send(
      new CopyObjectCommand({
        Bucket,
        Key: c.to,
        CopySource: `${documents}/${encodeURIComponent(c.from).replaceAll('%2F', '/')}`,
        CacheControl: cacheControl(c.to),
        MetadataDirective: 'COPY',
      }),
    ),
  );
  await pool(plan.put, 16, (f) =>
    s3().send(
      new PutObjectCommand({ Bucket, Key: f.path, Body: f.body, ContentType: f.contentType, ContentEncoding: f.encoding, CacheControl: cacheControl(f.path) }),
    ),
  );
  const removed = (await Promise.all(plan.removeCopies.map((p) => listPrefix(Bucket, p)))).flat();
  if (opts.prune) {
    // A full rebuild names every file the site has: whatever else is in the bucket goes.
    const keep = new Set([...plan.put.map((f) => f.path), ...plan.copies.map((c) => c.to)]);
    removed.push(...(await listPrefix(Bucket, '')).filter((k) => !keep.has(k)));
  }
  await deleteKeys(Bucket, [...plan.delete, ...removed]);
  return [...plan.put.map((f) => f.path), ...plan.copies.map((c) => c.to), ...plan.delete, ...removed];
}

let cloudfront: CloudFrontClient | undefined;

/**
 * Invalidates the changed paths (and, for `…/index.html`, the directory URL people use). More than
 * a thousand paths means a full rebuild: one wildcard then. The CloudFront SDK (about 140 KB of
 * JavaScript, an eighth of the register tasks' import) is imported here, at the first invalidation:
 * only in AWS (the local host has no distribution), and not at all in the rebuild's plan, partition
 * and shared tasks, which write files and leave the invalidation to its finish.
 */
export async function invalidate(paths: string[]): Promise<number> {
  const DistributionId = process.env.REGISTER_DISTRIBUTION_ID;
  if (!DistributionId || paths.length === 0) return 0;
  // Keys hold raw file names (spaces and all); CloudFront wants the URL paths people request.
  const urls = [...new Set(paths.flatMap((p) => (p.endsWith('index.html') ? [`/${p}`, `/${p.slice(0, -'index.html'.length)}`] : [`/${p}`])))].map((u) =>
    encodeURI(u),
  );
  const Items = urls.length > 1000 ? ['/*'] : urls;
  const { CloudFrontClient, CreateInvalidationCommand } = await import('@aws-sdk/client-cloudfront');
  cloudfront ??= new CloudFrontClient({});
  await cloudfront.send(
    new CreateInvalidationCommand({
      DistributionId,
      InvalidationBatch: { CallerReference: `register-${Date.now()}-${Math.random().toString(36).slice(2)}`, Paths: { Quantity: Items.length, Items } },
    }),
  );
  return Items.length;
}

/** When the object at `path` was last written, by the bucket's clock; undefined: none (the rebuild's stamp). */
export async function writtenAt(path: string): Promise<string | undefined> {
  try {
    const res = await s3().send(new HeadObjectCommand({ Bucket: config.bucket('register'), Key: path }));
    return res.LastModified?.toISOString();
  } catch (e) {
    if ((e as Error).name === 'NotFound' || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
    throw e;
  }
}

/**
 * Deletes every object last written before `stamp` (what a rebuild that began then did not write),
 * a page of the listing at a time; returns their paths.
 */
export async function pruneBefore(stamp: string): Promise<string[]> {
  const Bucket = config.bucket('register');
  const before = Date.parse(stamp);
  const removed: string[] = [];
  let ContinuationToken: string | undefined;
  do {
    const page = await s3().send(new ListObjectsV2Command({ Bucket, ContinuationToken }));
    const old = (page.Contents ?? []).filter((o) => o.Key && o.LastModified && o.LastModified.getTime() < before).map((o) => o.Key!);
    await deleteKeys(Bucket, old);
    removed.push(...old);
    ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (ContinuationToken);
  return removed;
}
