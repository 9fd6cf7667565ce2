import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { handlerExport, handlerModule, routes } from '../../infra/system.ts';
import { config } from '../adapters/config.ts';
import { documentClient } from '../adapters/dynamodb.ts';
import { s3 } from '../adapters/s3.ts';
import * as agencies from './agencies.ts';
import * as audit from './audit.ts';
import * as calendar from './calendar.ts';
import * as dashboard from './dashboard.ts';
import * as disputes from './disputes.ts';
import * as documents from './documents.ts';
import * as exclusions from './exclusions.ts';
import type { EndpointHandler } from './http.ts';
import { endpoint } from './http.ts';
import * as items from './items.ts';
import * as objectionBook from './objection-book.ts';
import * as objections from './objections.ts';
import * as publicObjections from './public-objections.ts';
import * as publicRequests from './public-requests.ts';
import * as reportArchive from './report-archive.ts';
import * as reports from './reports.ts';
import * as requests from './requests.ts';
import * as settings from './settings.ts';
import * as users from './users.ts';

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

export const health = endpoint(
  { summary: 'Liveness and the versions of the parts the API talks to (checked at most every 5 s)', response: Health },
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

const modules: Record<string, Record<string, unknown>> = {
  'api/agencies': agencies,
  'api/audit': audit,
  'api/calendar': calendar,
  'api/dashboard': dashboard,
  'api/disputes': disputes,
  'api/documents': documents,
  'api/exclusions': exclusions,
  'api/items': items,
  'api/objection-book': objectionBook,
  'api/objections': objections,
  'api/public-objections': publicObjections,
  'api/public-requests': publicRequests,
  'api/report-archive': reportArchive,
  'api/reports': reports,
  'api/requests': requests,
  'api/settings': settings,
  'api/meta': { health, openapi: undefined },
  'api/users': users,
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

function paramList(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, sch]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: sch,
  }));
}

const ErrorSchema = jsonSchema(
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string().meta({ description: 'In the language of Accept-Language (id default, en)' }),
      messages: z.object({ id: z.string(), en: z.string() }),
      details: z.array(z.object({ path: z.string(), message: z.string(), messages: z.object({ id: z.string(), en: z.string() }) })).optional(),
    }),
  }),
  'output',
);

/** OpenAPI 3.1 (JSON Schema 2020-12) generated from every route's zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const mod = handlerModule(r.handler);
    const name = handlerExport(r.handler);
    const h = (r.handler === 'api/meta.openapi' ? openapi : modules[mod]?.[name]) as EndpointHandler | undefined;
    if (!h?.spec) throw new Error(`No endpoint spec for ${r.handler}`);
    const { spec } = h;
    const status = String(spec.status ?? 200);
    paths[r.path] ??= {};
    paths[r.path][r.method.toLowerCase()] = {
      operationId: r.handler.replace(/[/.]/g, '_'),
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      ...(r.roles === 'public' ? { security: [] } : { 'x-roles': r.roles }),
      parameters: [...paramList(spec.params, 'path'), ...paramList(spec.query, 'query')],
      ...(spec.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': { schema: jsonSchema(spec.body, 'input') },
                // A plain HTML form (no JavaScript): the same fields, nested by dots in their names.
                ...(spec.formRedirect ? { 'application/x-www-form-urlencoded': { schema: jsonSchema(spec.body, 'input') } } : {}),
              },
            },
          }
        : {}),
      responses: {
        [status]:
          status === '204'
            ? { description: 'Done' }
            : spec.html
              ? { description: 'A page for people (HTML)', content: { 'text/html': { schema: { type: 'string' } } } }
              : { description: 'OK', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } },
        ...(spec.formRedirect ? { '303': { description: 'A plain form post: see the page that answers it (Location)' } } : {}),
        '4XX': {
          description: 'A problem with the request, explained in Bahasa Indonesia and English',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'SIP PPID API',
      version: appVersion,
      description:
        'Public-information service under UU 14/2008: agencies, users, audit trail, working-day calendar, information items and their publication (SOP 000), excluded information and the DIK (SOP 002), and information requests (Pasal 21–22): the public side under /api/public/ (no account) and the staff side under /api/requests.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token (local host: token from `npm run token`)' },
      },
      schemas: { Error: ErrorSchema },
    },
    security: [{ cognito: [] }],
    paths,
  };
}

export const openapi: EndpointHandler = endpoint(
  { summary: 'This API described as OpenAPI 3.1, generated from the zod schemas of every route', response: z.record(z.string(), z.unknown()) },
  async () => openApiDocument() as Record<string, unknown>,
);
