import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { config } from '../adapters/config.ts';
import { documentClient } from '../adapters/dynamodb.ts';
import { s3 } from '../adapters/s3.ts';
import type { Context } from '../core/ports.ts';
import { getPublicBody } from '../core/public-body.ts';
import type { EndpointHandler } from './http.ts';
import { endpoint } from './http.ts';
import type { ApiContact } from './openapi.ts';

/** Filled in at build time by esbuild (`define`), from package.json; `dev` when run from source. */
declare const __APP_VERSION__: string | undefined;
const appVersion = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

const Part = z.object({ name: z.string(), version: z.string(), status: z.enum(['ok', 'unreachable']), detail: z.string().optional() });
const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  service: z.string(),
  version: z.string(),
  host: z.string(),
  runtime: z.string(),
  checkedAt: z.string().meta({ description: 'When the parts were last asked (the deep check is kept for 5 s)' }),
  parts: z.array(Part),
});

async function probe(name: string, version: string, check: () => Promise<string | undefined>): Promise<z.infer<typeof Part>> {
  try {
    const detail = await check();
    return { name, version, status: 'ok', ...(detail ? { detail } : {}) };
  } catch (e) {
    return { name, version, status: 'unreachable', detail: (e as Error).name };
  }
}

/**
 * The deep check (DynamoDB and S3 asked) is kept for a few seconds: a public endpoint polled many
 * times a second must not turn every call into calls on the store. Each answer says how old it is.
 */
const DEEP_CHECK_MS = 5000;
let lastCheck: { at: number; where: string; parts: Promise<z.infer<typeof Part>[]> } | undefined;

export const health = /* @__PURE__ */ endpoint(
  () => ({ summary: 'Liveness and the versions of the parts the API talks to (checked at most every 5 s)', response: Health }),
  async () => {
    const now = Date.now();
    const where = `${process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''}|${config.tableName()}`;
    if (!lastCheck || lastCheck.where !== where || now - lastCheck.at > DEEP_CHECK_MS) lastCheck = { at: now, where, parts: deepCheck() };
    const parts = await lastCheck.parts;
    return {
      status: parts.every((p) => p.status === 'ok') ? ('ok' as const) : ('degraded' as const),
      service: 'sip-ppid',
      version: appVersion,
      host: config.host(),
      runtime: `node ${process.version}`,
      checkedAt: new Date(lastCheck.at).toISOString(),
      parts,
    };
  },
);

async function deepCheck() {
  const local = config.host() === 'local';
  const parts = await Promise.all([
    probe('dynamodb', process.env.DYNAMODB_VERSION ?? (local ? 'DynamoDB Local' : 'Amazon DynamoDB'), async () => {
      const t = await documentClient().send(new DescribeTableCommand({ TableName: config.tableName() }));
      return t.Table?.TableStatus;
    }),
    probe('s3', process.env.S3_VERSION ?? (local ? 'S3 emulator' : 'Amazon S3'), async () => {
      await s3().send(new HeadBucketCommand({ Bucket: config.bucket('documents') }));
      return undefined;
    }),
  ]);
  parts.push({ name: 'stepfunctions', version: process.env.SFN_VERSION ?? (local ? 'aws-local-stepfunctions' : 'AWS Step Functions'), status: 'ok' });
  return parts;
}

/**
 * The PPID as the API's contact: the body's name, the PPID Utama unit's mail and the register's
 * address. Read at most once a minute (a public route must not turn every call into reads).
 */
let lastContact: { at: number; where: string; contact: Promise<ApiContact> } | undefined;
async function ppidContact(ctx: Context): Promise<ApiContact> {
  const [body, agencies] = await Promise.all([getPublicBody(ctx), ctx.store.listAgencies()]);
  const ppid = agencies.find((a) => a.kind === 'ppid_utama');
  const url = body.registerUrl ?? config.registerUrl();
  return {
    name: `PPID ${body.name}`,
    ...(ppid?.email ? { email: ppid.email } : {}),
    ...(/^https?:\/\//.test(url) ? { url } : {}),
  };
}

export const openapi: EndpointHandler = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'This API described as OpenAPI 3.1, generated from the zod schemas of every route, with the PPID as contact',
    response: z.record(z.string(), z.unknown()),
  }),
  async ({ ctx }) => {
    const now = Date.now();
    const where = `${process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''}|${config.tableName()}`;
    if (!lastContact || lastContact.where !== where || now - lastContact.at > 60_000) {
      lastContact = { at: now, where, contact: ppidContact(ctx) };
      lastContact.contact.catch(() => {
        lastContact = undefined;
      });
    }
    // The document's module names every route of the API: imported here, at the first request, not at the cold start.
    const { openApiDocument } = await import('./openapi.ts');
    return openApiDocument({ contact: await lastContact.contact }) as Record<string, unknown>;
  },
);
