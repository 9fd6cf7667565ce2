/**
 * API Gateway HTTP API (payload 2.0) on the local host: the same route table (infra/system.ts), the
 * same event shape, the same JWT check as the Cognito authorizer (signature, issuer, audience,
 * expiry; claims passed as strings, arrays as "[a b]" like API Gateway does), the same handler
 * modules called in-process.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { handlerExport, handlerModule, type RouteDecl, routes } from '../system.ts';
import type { LocalIdp } from './idp.ts';
import { SlidingWindow } from './rate-limit.ts';

type Handler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

interface CompiledRoute {
  decl: RouteDecl;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = routes.map((decl) => {
  const names: string[] = [];
  const source = decl.path.replaceAll('.', '\\.').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { decl, pattern: new RegExp(`^${source}$`), names };
});

export function matchRoute(method: string, path: string): { decl: RouteDecl; params: Record<string, string> } | 'method' | 'malformed' | undefined {
  let pathMatched = false;
  for (const r of compiled) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    pathMatched = true;
    if (r.decl.method !== method) continue;
    const params: Record<string, string> = {};
    try {
      r.names.forEach((n, i) => {
        params[n] = decodeURIComponent(m[i + 1]);
      });
    } catch {
      return 'malformed';
    }
    return { decl: r.decl, params };
  }
  return pathMatched ? 'method' : undefined;
}

const loaded = new Map<string, Handler>();

/** Loads handler modules from source (the local host runs under tsx), once each (as a warm Lambda keeps its module). */
export async function loadHandler(handler: string): Promise<Handler> {
  const known = loaded.get(handler);
  if (known) return known;
  const file = pathToFileURL(join(import.meta.dirname, '../../functions', `${handlerModule(handler)}.ts`)).href;
  const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
  const fn = mod[handlerExport(handler)];
  if (typeof fn !== 'function') throw new Error(`Handler ${handler} is not exported`);
  loaded.set(handler, fn as Handler);
  return fn as Handler;
}

let store: Promise<InvokeStoreBase> | undefined;

/**
 * Runs one invocation in its own invocation scope, as the Lambda Node.js runtime does where one
 * environment serves several invocations at once (AWS_LAMBDA_MAX_CONCURRENCY, set by the local
 * host): the local host serves every request and task in one process, and Powertools keeps each
 * invocation's log keys (correlation id) and metrics in that scope, so concurrent ones stay apart.
 */
export async function invoke<T>(requestId: string, run: () => Promise<T>): Promise<T> {
  return (await invocationScopes()).run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: requestId }, run);
}

/** Made once, before any handler runs (Powertools asks for it as soon as AWS_LAMBDA_MAX_CONCURRENCY is set). */
export function invocationScopes(): Promise<InvokeStoreBase> {
  store ??= InvokeStore.getInstanceAsync(true);
  return store;
}

export function lambdaContext(name: string, requestId: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${name}`,
    memoryLimitInMB: '1024',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

function claimStrings(payload: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : String(v);
  return out;
}

export interface GatewayRequest {
  method: string;
  path: string;
  rawQuery: string;
  headers: Record<string, string>;
  body: Buffer;
  sourceIp: string;
}

const unauthorized: APIGatewayProxyStructuredResultV2 = {
  statusCode: 401,
  headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' },
  body: JSON.stringify({
    message: 'Unauthorized',
    error: {
      code: 'unauthenticated',
      message: 'Anda belum masuk atau sesi Anda telah berakhir. Silakan masuk kembali.',
      messages: {
        id: 'Anda belum masuk atau sesi Anda telah berakhir. Silakan masuk kembali.',
        en: 'You are not signed in or your session has expired. Please sign in again.',
      },
    },
  }),
};

const malformedPath: APIGatewayProxyStructuredResultV2 = {
  statusCode: 400,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    message: 'Bad Request',
    error: {
      code: 'validation',
      message: 'Alamat permintaan tidak sah: kode persen (%) di dalamnya tidak dapat dibaca. Periksa alamatnya.',
      messages: {
        id: 'Alamat permintaan tidak sah: kode persen (%) di dalamnya tidak dapat dibaca. Periksa alamatnya.',
        en: 'The request path is not valid: its percent-encoding (%) cannot be read. Check the address.',
      },
      details: [],
    },
  }),
};

/**
 * Public submissions (a write without sign-in: a request, a status lookup) per client address: 100 in
 * 5 minutes, as the WAF rate rule on /api/public/ (infra/aws/waf.ts). `PUBLIC_WRITE_LIMIT` raises it
 * for a load benchmark from one address.
 */
export const publicWrites = new SlidingWindow(Number(process.env.PUBLIC_WRITE_LIMIT ?? 100), 5 * 60_000);

function tooManyRequests(waitMs: number): APIGatewayProxyStructuredResultV2 {
  const seconds = Math.ceil(waitMs / 1000);
  const id = `Terlalu banyak permintaan dari alamat Anda. Coba lagi dalam ${seconds} detik.`;
  const en = `Too many requests from your address. Try again in ${seconds} seconds.`;
  return {
    statusCode: 429,
    headers: { 'content-type': 'application/json', 'retry-after': String(seconds) },
    body: JSON.stringify({ message: 'Too Many Requests', error: { code: 'too_many_requests', message: id, messages: { id, en }, details: [] } }),
  };
}

export async function invokeApi(req: GatewayRequest, idp: LocalIdp): Promise<APIGatewayProxyStructuredResultV2> {
  const match = matchRoute(req.method, req.path);
  if (match === 'malformed') return malformedPath;
  if (typeof match === 'object' && match.decl.roles === 'public' && req.method !== 'GET') {
    const wait = publicWrites.take(req.sourceIp);
    if (wait > 0) return tooManyRequests(wait);
  }
  if (!match || match === 'method') {
    return {
      statusCode: match ? 405 : 404,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: match ? 'Method Not Allowed' : 'Not Found' }),
    };
  }
  const { decl, params } = match;
  let claims: Record<string, string> | undefined;
  if (decl.roles !== 'public') {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const payload = token ? await idp.verify(token) : undefined;
    if (!payload) return unauthorized;
    claims = claimStrings(payload as Record<string, unknown>);
  }
  const query = new URLSearchParams(req.rawQuery);
  const qsp: Record<string, string> = {};
  for (const key of new Set(query.keys())) qsp[key] = query.getAll(key).join(',');
  const textual = /^(application\/(json|x-www-form-urlencoded)|text\/)/.test(req.headers['content-type'] ?? 'application/json');
  const requestId = randomUUID();
  const event: APIGatewayProxyEventV2WithJWTAuthorizer = {
    version: '2.0',
    routeKey: `${decl.method} ${decl.path}`,
    rawPath: req.path,
    rawQueryString: req.rawQuery,
    headers: req.headers,
    ...(Object.keys(qsp).length ? { queryStringParameters: qsp } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    ...(req.body.length ? { body: textual ? req.body.toString('utf8') : req.body.toString('base64') } : {}),
    isBase64Encoded: req.body.length > 0 && !textual,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: req.headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: { method: req.method, path: req.path, protocol: 'HTTP/1.1', sourceIp: req.sourceIp, userAgent: req.headers['user-agent'] ?? '' },
      requestId,
      routeKey: `${decl.method} ${decl.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: claims ?? {}, scopes: [] } },
    },
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
  if (decl.roles === 'public') delete (event.requestContext as { authorizer?: unknown }).authorizer;
  const fn = await loadHandler(decl.handler);
  const res = await invoke(requestId, () => fn(event, lambdaContext(decl.handler.replace(/[/.]/g, '-'), requestId)));
  // As API Gateway does: the request id (the logs' correlation id) in every answer.
  return { ...res, headers: { ...res.headers, 'apigw-requestid': requestId } };
}
