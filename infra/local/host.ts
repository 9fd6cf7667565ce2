/**
 * The embedded local host: everything `npm start` runs, and what tests start on free ports.
 *
 *   DynamoDB Local ─┐
 *   S3 emulator ────┤  one HTTP server on PORT (default 3000):
 *   Step Functions ─┤    /api/*   API Gateway HTTP API emulation → the handler modules
 *   Scheduler ──────┤    /auth/*  local identity provider (OAuth2 code + PKCE, JWKS)
 *   Mail outbox ────┘    /app/*   the staff app, from the staff-app bucket
 *                        /outbox/ the mail outbox
 *                        /*       the public register, from the register bucket
 *
 * Data lives under `dataDir` (default `.data/`) and survives restarts.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, NoSuchKey, PutBucketCorsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { identityDirectory } from '../../functions/adapters/identity.ts';
import type { OutboxMessage } from '../../functions/adapters/mail.ts';
import { mailer } from '../../functions/adapters/mail.ts';
import { workflows } from '../../functions/adapters/workflow.ts';
import { ensureCounters } from '../../functions/core/reports/recount.ts';
import { buildStaffApp } from '../../web/staff/build.ts';
import { buckets, env, routes, schedules, stateMachines } from '../system.ts';
import { invocationScopes, invokeApi, loadHandler } from './api-gateway.ts';
import { type Running, startDynamoDbLocal, startS3 } from './emulators.ts';
import { CLIENT_ID, createLocalIdp, escapeHtml, type LocalIdp } from './idp.ts';
import { ensureBuckets, ensureTable } from './resources.ts';
import { LocalScheduler } from './scheduler.ts';
import { seedDemoData } from './seed.ts';
import { ensureLocalSigning } from './signing.ts';
import { ApiError, LocalStepFunctions, machineArn } from './stepfunctions.ts';

export class PortInUseError extends Error {}

export const ROOT = resolve(import.meta.dirname, '../..');
export const REGION = 'ap-southeast-3';

export interface LocalHostOptions {
  /** HTTP port; 0 picks a free one. Default: PORT or 3000. */
  port?: number;
  dataDir?: string;
  /** Write the demo data if missing (default true). */
  seed?: boolean;
  /** Also publish a few demo items through the real workflow (npm start does; tests start empty). */
  demoItems?: boolean;
  quiet?: boolean;
  /** Milliseconds to wait instead of each named Wait state's own time (tests). */
  waitTimeOverrides?: Record<string, number>;
}

export interface LocalHost {
  url: string;
  port: number;
  dataDir: string;
  tableName: string;
  bucketNames: Record<keyof typeof buckets, string>;
  endpoints: { dynamodb: string; s3: string; stepfunctions: string };
  stepFunctions: LocalStepFunctions;
  scheduler: LocalScheduler;
  idp: LocalIdp;
  /** A signed ID token for a user in the table, as the sign-in page would issue. */
  tokenFor(username: string): Promise<string>;
  stop(): Promise<void>;
}

/** Security headers as CloudFront sends them in AWS (infra/aws). */
export const SITE_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

/** Added to the staff app and the API only (the staff distribution's policy in AWS): search engines keep out. */
export const STAFF_ONLY_HEADERS: Record<string, string> = { 'x-robots-tag': 'noindex, nofollow' };

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json',
  map: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  csv: 'text/csv; charset=utf-8',
  jsonld: 'application/ld+json',
  pdf: 'application/pdf',
  txt: 'text/plain; charset=utf-8',
};
export const contentTypeOf = (key: string) => CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';

const MAX_BODY = 10 * 1024 * 1024; // API Gateway's payload limit

function readBody(req: IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => ok(size > MAX_BODY ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function outboxPage(dir: string): string {
  let messages: OutboxMessage[] = [];
  try {
    messages = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as OutboxMessage)
      .sort((a, b) => b.at.localeCompare(a.at));
  } catch {
    messages = [];
  }
  const rows = messages
    .map(
      (m) =>
        `<article><h2>${escapeHtml(m.subject)}</h2><p class="meta">${escapeHtml(new Date(m.at).toLocaleString('id-ID', { timeZone: 'Asia/Jakarta' }))} · Kepada / To: ${escapeHtml(m.to.join(', '))}</p><pre>${escapeHtml(m.text)}</pre></article>`,
    )
    .join('');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Kotak keluar surel – SIP PPID (lokal)</title><link rel="stylesheet" href="/auth/login.css"></head><body><main style="max-width:60rem"><h1>Kotak keluar surel <span lang="en">/ Mail outbox</span></h1><p>Surel yang dikirim host lokal (di AWS: Amazon SES). <span lang="en">Mail sent by the local host (on AWS: Amazon SES).</span></p>${rows || '<p>Belum ada surel. <span lang="en">No mail yet.</span></p>'}</main></body></html>`;
}

/** The names the local host answers to (any port): it is for this machine only. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/** The register's not-found page (web/register/not-found.tsx), also CloudFront's error response in AWS. */
const REGISTER_NOT_FOUND = '404.html';

const isNoSuchKey = (e: unknown) => e instanceof NoSuchKey || (e as { name?: string }).name === 'NoSuchKey';

const NOT_FOUND =
  '<!doctype html><html lang="id"><title>Tidak ditemukan</title><p>Halaman tidak ditemukan. <span lang="en">Page not found.</span> <a href="/">Beranda / Home</a></p></html>';

const BAD_PATH =
  '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Alamat tidak sah</title></head><body><main><h1>Alamat tidak sah</h1><p>Alamat halaman ini tidak dapat dibaca (kode persen tidak sah). <span lang="en">This address cannot be read (invalid percent-encoding).</span> <a href="/">Beranda / Home</a></p></main></body></html>';

/**
 * The object key a site path names, decoded once. 'malformed' for invalid percent-encoding;
 * 'outside' for a path that could leave the bucket (a `.` or `..` segment, also when its slashes
 * were encoded, a backslash or NUL): the sites serve their own bucket and nothing else.
 */
export function siteKey(path: string): string | 'malformed' | 'outside' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return 'malformed';
  }
  if (/[\\\0]/.test(decoded) || decoded.split('/').some((seg) => seg === '.' || seg === '..')) return 'outside';
  return decoded.replace(/^\/+/, '');
}

const NO_REGISTER = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Daftar Informasi Publik – SIP PPID</title><link rel="stylesheet" href="/auth/login.css"></head><body><main><h1>Daftar Informasi Publik</h1><p>Daftar Informasi Publik belum diterbitkan. <span lang="en">The public information register has not been published yet.</span></p><p><a href="/app/">Aplikasi petugas <span lang="en">/ Staff app</span></a></p></main></body></html>`;

/** A host being started: `ready` once it answers, `stop()` at any moment, even half-way through. */
export interface LocalHostLaunch {
  ready: Promise<LocalHost>;
  /** Stops whatever has started, in dependency order, each part within a bounded time. */
  stop(): Promise<void>;
}

export class StartAborted extends Error {
  constructor() {
    super('The local host was stopped while it was starting');
  }
}

/** Starts the host; rejects (having stopped what it started) if anything fails. */
export function startLocalHost(opts: LocalHostOptions = {}): Promise<LocalHost> {
  return launchLocalHost(opts).ready;
}

/** How long each part may take to stop before the next one is stopped anyway. */
const STOP_LIMIT_MS = { engine: 3000, server: 1000, emulators: 6000 };

const within = (ms: number, work: Promise<unknown>) => Promise.race([work.catch(() => undefined), new Promise<void>((ok) => setTimeout(ok, ms).unref())]);

/**
 * Starts the local host in this order, and stops it in the reverse dependency order:
 *  1. the handler modules loaded and the Step Functions engine constructed (its record of executions
 *     read), before the port opens, since loading code blocks the event loop;
 *  2. the HTTP port (it answers 503 with Retry-After from the first instant, until the host is ready);
 *  3. DynamoDB Local and the S3 emulator, each a process in a group of its own (infra/local/guard.ts);
 *  4. the table, buckets, staff app, identity provider and scheduler;
 *  5. the waiting workflows resumed, then the demo data.
 * Stopping: scheduler, Step Functions engine (running executions kept for resume), HTTP server, then
 * the emulators last, so nothing that still runs loses its database under it.
 */
export function launchLocalHost(opts: LocalHostOptions = {}): LocalHostLaunch {
  const log = (msg: string) => {
    if (!opts.quiet) console.log(msg);
  };
  const dataDir = resolve(opts.dataDir ?? join(ROOT, '.data'));
  mkdirSync(dataDir, { recursive: true });
  const parts: Parts = { emulators: [] };
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      parts.aborted = true;
      parts.scheduler?.stop();
      if (parts.engine) await within(STOP_LIMIT_MS.engine, parts.engine.close());
      if (parts.server) {
        const server = parts.server;
        server.closeAllConnections();
        await within(STOP_LIMIT_MS.server, new Promise<void>((ok) => server.close(() => ok())));
      }
      for (const c of parts.clients ?? []) c.destroy();
      await within(STOP_LIMIT_MS.emulators, Promise.allSettled(parts.emulators.map((r) => r.stop())));
    })();
    return stopping;
  };
  const ready = startParts(opts, dataDir, parts, log, () => stop()).catch(async (e) => {
    const aborted = parts.aborted;
    await stop();
    throw aborted && !(e instanceof PortInUseError) ? new StartAborted() : e;
  });
  return { ready, stop };
}

interface Parts {
  aborted?: boolean;
  server?: Server;
  emulators: Running[];
  engine?: LocalStepFunctions;
  scheduler?: LocalScheduler;
  clients?: { destroy(): void }[];
}

/** What the host says while it starts or stops, in both languages. */
function unavailableText(stopping: boolean) {
  const [id, en] = stopping
    ? ['SIP PPID sedang berhenti.', 'SIP PPID is stopping.']
    : ['SIP PPID sedang dimulai; coba lagi sebentar lagi.', 'SIP PPID is starting; try again in a moment.'];
  return { code: stopping ? 'stopping' : 'starting', id, en };
}

function unavailableBody(stopping: boolean): string {
  const { code, id, en } = unavailableText(stopping);
  return JSON.stringify({ status: code, error: { code, message: id, messages: { id, en } } });
}

function unavailablePage(stopping: boolean): string {
  const { id, en } = unavailableText(stopping);
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><meta name="viewport" content="width=device-width,initial-scale=1"><title>SIP PPID</title></head><body><main><h1>SIP PPID</h1><p>${id}</p><p lang="en">${en}</p></main></body></html>`;
}

async function startParts(opts: LocalHostOptions, dataDir: string, parts: Parts, log: (m: string) => void, stop: () => Promise<void>): Promise<LocalHost> {
  const checkpoint = () => {
    if (parts.aborted) throw new StartAborted();
  };
  // Powertools as on AWS (infra/aws/functions.ts), set before the handlers' modules load (their
  // logger and metrics read it then), but no X-Ray here: the tracer is never loaded. The metrics'
  // EMF lines go to stdout, as the log; a quiet host (tests, benches) writes none unless asked to
  // (POWERTOOLS_METRICS_DISABLED=false). Invocations are scoped as on a Lambda runtime serving
  // several at once (`invoke` in ./api-gateway.ts), so concurrent ones keep their metrics apart.
  Object.assign(process.env, {
    POWERTOOLS_SERVICE_NAME: 'sip-ppid',
    POWERTOOLS_METRICS_NAMESPACE: 'SipPpid',
    POWERTOOLS_TRACE_ENABLED: 'false',
    AWS_LAMBDA_MAX_CONCURRENCY: '64',
    ...(opts.quiet ? { POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true' } : {}),
  });
  await invocationScopes();
  // Code is loaded before the port opens: loading and compiling modules blocks the event loop for
  // seconds on a busy machine, and from the moment the port opens every request gets an answer.
  await Promise.all([...new Set([...routes, ...stateMachines.flatMap((m) => Object.values(m.tasks))].map((h) => h.handler))].map(loadHandler));
  const stepFunctions = new LocalStepFunctions({ dataDir, root: ROOT, waitTimeOverrides: opts.waitTimeOverrides, log });
  parts.engine = stepFunctions;
  checkpoint();

  // The port opens next and answers at once: 503 until the host is ready, then the real answers.
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (handle && !parts.aborted) return handle(req, res);
    req.resume();
    // A person's browser gets a page that reloads itself; every other client the JSON error.
    const page = !(req.url ?? '').startsWith('/api/') && String(req.headers.accept ?? '').includes('text/html');
    res.writeHead(503, {
      ...SITE_HEADERS,
      'content-type': page ? 'text/html; charset=utf-8' : 'application/json',
      'retry-after': '2',
      'cache-control': 'no-store',
      connection: 'close',
    });
    res.end(page ? unavailablePage(Boolean(parts.aborted)) : unavailableBody(Boolean(parts.aborted)));
  });
  const wanted = opts.port ?? Number(process.env.PORT ?? 3000);
  await new Promise<void>((ok, fail) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      fail(
        e.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${wanted} is in use (is SIP PPID already running?). Stop the other program or choose another port: PORT=3001 npm start`)
          : e,
      ),
    );
    server.listen(wanted, '127.0.0.1', ok);
  });
  parts.server = server;
  const port = (server.address() as { port: number }).port;
  const url = `http://localhost:${port}`;
  checkpoint();

  const starting = [startDynamoDbLocal(join(dataDir, 'dynamodb')), startS3(join(dataDir, 's3'))];
  // Whatever started is stopped, also when the other one failed.
  for (const r of await Promise.allSettled(starting)) if (r.status === 'fulfilled') parts.emulators.push(r.value);
  const [dynamo, s3rv] = await Promise.all(starting);
  checkpoint();

  const tableName = 'sip-ppid';
  const bucketNames = { documents: 'sip-ppid-documents', register: 'sip-ppid-register', staffApp: 'sip-ppid-staff-app' };
  const outboxDir = join(dataDir, 'outbox');
  mkdirSync(outboxDir, { recursive: true });
  const sfnEndpoint = `${url}/_local/stepfunctions`;

  // The same variables CDK sets on every function, plus where the emulators are.
  Object.assign(process.env, {
    SIP_PPID_HOST: 'local',
    AWS_REGION: REGION,
    // s3rver accepts only its own key pair; DynamoDB Local accepts any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3rv.endpoint,
    AWS_ENDPOINT_URL_SFN: sfnEndpoint,
    S3_FORCE_PATH_STYLE: '1',
    DYNAMODB_VERSION: dynamo.version,
    S3_VERSION: s3rv.version,
    SFN_VERSION: 'aws-local-stepfunctions 3',
    MAIL_OUTBOX_DIR: outboxDir,
    [env.table]: tableName,
    [env.appUrl]: `${url}/app/`,
    [env.registerUrl]: url,
    [env.mailFrom]: 'ppid@kalbarprov.go.id',
    // The local signing certificate (generated on first start under the data dir).
    ...ensureLocalSigning(dataDir),
    ...Object.fromEntries(Object.entries(buckets).map(([k, b]) => [b.env, bucketNames[k as keyof typeof buckets]])),
  });
  for (const m of stateMachines) process.env[env.stateMachineArn(m.id)] = machineArn(m.id);

  const ddb = new DynamoDBClient({ endpoint: dynamo.endpoint, region: REGION });
  const s3 = new S3Client({ endpoint: s3rv.endpoint, region: REGION, forcePathStyle: true });
  parts.clients = [ddb, s3];
  await ensureTable(ddb, tableName);
  await ensureBuckets(s3, bucketNames);
  // The staff app and the register's request form (this origin, both) upload straight to the
  // emulator on another loopback port, as they do to the documents bucket in AWS (whose CORS rule is
  // in infra/aws/stateful-stack.ts).
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: bucketNames.documents,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [url, `http://127.0.0.1:${port}`],
            AllowedMethods: ['POST', 'PUT'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 3000,
          },
        ],
      },
    }),
  );
  // ... and their pages may connect there (in AWS the bucket's own domain is allowed the same way,
  // in each distribution's response headers policy). The register's pages get only that: the
  // request form's power of attorney goes there (web/register/request.tsx).
  const uploadCsp = SITE_HEADERS['content-security-policy'].replace("connect-src 'self'", `connect-src 'self' ${s3rv.endpoint}`);
  const registerHeaders = { ...SITE_HEADERS, 'content-security-policy': uploadCsp };
  const staffHeaders = { ...SITE_HEADERS, 'content-security-policy': uploadCsp, ...STAFF_ONLY_HEADERS };

  // The staff app goes into its bucket, as BucketDeployment does in AWS.
  const appDir = join(dataDir, 'staff-app-build');
  await buildStaffApp(appDir);
  for (const file of readdirSync(appDir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const full = join(file.parentPath, file.name);
    const key = `app/${full.slice(appDir.length + 1).replaceAll('\\', '/')}`;
    await s3.send(new PutObjectCommand({ Bucket: bucketNames.staffApp, Key: key, Body: readFileSync(full), ContentType: contentTypeOf(key) }));
  }

  checkpoint();
  const idp = await createLocalIdp({
    dataDir,
    issuer: `${url}/auth`,
    findUser: (u) => dynamoStore.getUser(u),
    // config.json names the origin the browser used, localhost or 127.0.0.1.
    callbackUrls: [`${url}/app/`, `http://127.0.0.1:${port}/app/`],
  });
  const scheduler = new LocalScheduler(schedules, (s, at) => {
    try {
      stepFunctions.startExecution(
        machineArn(s.target.stateMachine),
        JSON.stringify({ scheduledTime: at.toISOString() }),
        `${s.id}-${at.toISOString().replace(/[:.]/g, '-')}`,
      );
    } catch (e) {
      log(`schedule ${s.id}: ${(e as Error).message}`);
    }
  });

  async function serveObject(res: ServerResponse, bucket: string, key: string, fallback?: string): Promise<void> {
    const headers = bucket === bucketNames.staffApp ? staffHeaders : bucket === bucketNames.register ? registerHeaders : SITE_HEADERS;
    try {
      const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = Buffer.from(await obj.Body!.transformToByteArray());
      res.writeHead(200, {
        ...headers,
        'content-type': obj.ContentType ?? contentTypeOf(key),
        // Stored compressed (the register's search shards, summary and sitemap), served as S3 and CloudFront serve them.
        ...(obj.ContentEncoding ? { 'content-encoding': obj.ContentEncoding } : {}),
        'cache-control': key.endsWith('.html') ? 'no-cache' : 'public, max-age=300',
      });
      res.end(body);
    } catch (e) {
      if (!isNoSuchKey(e)) throw e;
      if (fallback) {
        res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' });
        res.end(fallback);
        return;
      }
      // The register's own not-found page (both languages, the path's shown), as CloudFront's error
      // response serves it in AWS; the built-in one before the register is first built.
      let page = NOT_FOUND;
      if (bucket === bucketNames.register) {
        try {
          const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: REGISTER_NOT_FOUND }));
          page = Buffer.from(await obj.Body!.transformToByteArray()).toString('utf8');
        } catch (e2) {
          if (!isNoSuchKey(e2)) throw e2;
        }
      }
      res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      res.end(page);
    }
  }

  handle = async (req, res) => {
    try {
      // Loopback only, by address (the server listens on 127.0.0.1) and by name: a page elsewhere
      // whose name was pointed at 127.0.0.1 (DNS rebinding) cannot read the outbox, the engine's API
      // or anything else here.
      if (!LOOPBACK_HOST.test(req.headers.host ?? '')) {
        res.writeHead(421, { ...SITE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
        res.end('Host lokal hanya untuk localhost / The local host answers only to localhost or 127.0.0.1.');
        return;
      }
      const u = new URL(req.url ?? '/', url);
      const path = u.pathname;
      const method = req.method ?? 'GET';
      if (path.startsWith('/api/')) {
        const body = await readBody(req);
        if (body === 'too_large') {
          res.writeHead(413, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'Request Entity Too Large' }));
          return;
        }
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
        const out = await invokeApi({ method, path, rawQuery: u.search.slice(1), headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' }, idp);
        // The headers CloudFront adds to /api/* in AWS (the staff distribution's policy).
        res.writeHead(out.statusCode ?? 200, { ...staffHeaders, ...(out.headers as Record<string, string>) });
        res.end(out.body ? Buffer.from(out.body, out.isBase64Encoded ? 'base64' : 'utf8') : undefined);
        return;
      }
      if (path.startsWith('/auth/')) {
        const body = method === 'POST' ? await readBody(req) : Buffer.alloc(0);
        const form = new URLSearchParams(body === 'too_large' ? '' : body.toString('utf8'));
        const out = await idp.handle({ method, path, query: u.searchParams, form, clientIp: req.socket.remoteAddress ?? 'unknown' });
        if (out) {
          res.writeHead(out.status, { ...SITE_HEADERS, ...out.headers });
          res.end(out.body);
          return;
        }
      }
      if (path === '/_local/stepfunctions' || path === '/_local/stepfunctions/') {
        const body = await readBody(req);
        const target = String(req.headers['x-amz-target'] ?? '');
        try {
          const out = await stepFunctions.handleApi(target, JSON.parse(body === 'too_large' ? '{}' : body.toString('utf8') || '{}'));
          res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(JSON.stringify(out));
        } catch (e) {
          const type = e instanceof ApiError ? e.type : 'InternalFailure';
          res.writeHead(e instanceof ApiError ? 400 : 500, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': type });
          res.end(JSON.stringify({ __type: type, message: (e as Error).message }));
        }
        return;
      }
      if (path === '/outbox' || path === '/outbox/') {
        res.writeHead(200, { ...SITE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
        res.end(outboxPage(outboxDir));
        return;
      }
      if (path === '/app') {
        res.writeHead(301, { location: '/app/' });
        res.end();
        return;
      }
      if (path === '/app/config.json') {
        // In AWS the deployment writes config.json into the bucket; here it follows the Host header,
        // so signing in works whether the browser says localhost or 127.0.0.1.
        const origin = `http://${req.headers.host ?? `localhost:${port}`}`;
        res.writeHead(200, { ...staffHeaders, 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(
          JSON.stringify({
            apiBase: '/api',
            auth: {
              kind: 'local',
              authorizeUrl: '/auth/oauth2/authorize',
              tokenUrl: '/auth/oauth2/token',
              logoutUrl: '/auth/logout',
              clientId: CLIENT_ID,
              redirectUri: `${origin}/app/`,
            },
          }),
        );
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') {
        res.writeHead(405, SITE_HEADERS);
        res.end();
        return;
      }
      const key = siteKey(path);
      if (key === 'malformed') {
        res.writeHead(400, { ...SITE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
        res.end(BAD_PATH);
        return;
      }
      // A path that would leave the site's own bucket is a page that does not exist.
      if (key === 'outside') {
        res.writeHead(404, { ...SITE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
        res.end(NOT_FOUND);
        return;
      }
      if (path.startsWith('/app/')) return await serveObject(res, bucketNames.staffApp, key.endsWith('/') ? `${key}index.html` : key);
      const registerKey = key === '' || key.endsWith('/') ? `${key}index.html` : key;
      return await serveObject(res, bucketNames.register, registerKey, registerKey === 'index.html' ? NO_REGISTER : undefined);
    } catch (e) {
      log(`local host error: ${(e as Error).stack}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Internal error');
    }
  };

  // Workflows that were waiting when the host last stopped go on first; the demo data then only
  // adds what is missing (a start interrupted half-way completes on the next one).
  // Data kept before the dashboard's counters existed is recounted once, before any workflow writes.
  const recounted = await ensureCounters({ store: dynamoStore, identity: identityDirectory(), requestId: 'counters', now: new Date() });
  if (recounted) log(`Recounted the dashboard's counters (${recounted} records).`);
  const resumed = stepFunctions.resume();
  if (resumed) log(`Resumed ${resumed} waiting workflow execution(s).`);
  checkpoint();
  if (opts.seed !== false) {
    const seeded = await seedDemoData(
      { store: dynamoStore, identity: identityDirectory(), workflows, mailer: mailer(), requestId: 'seed', now: new Date() },
      { items: opts.demoItems, log, aborted: () => Boolean(parts.aborted) },
    );
    if (seeded) log(`Seeded ${seeded} demo records.`);
  }
  checkpoint();
  parts.scheduler = scheduler;
  scheduler.start();

  return {
    url,
    port,
    dataDir,
    tableName,
    bucketNames,
    endpoints: { dynamodb: dynamo.endpoint, s3: s3rv.endpoint, stepfunctions: sfnEndpoint },
    stepFunctions,
    scheduler,
    idp,
    async tokenFor(username) {
      const user = await dynamoStore.getUser(username);
      if (!user) throw new Error(`No user ${username}`);
      return idp.issueIdToken(user);
    },
    stop,
  };
}
