/**
 * The one way an HTTP handler is written: middy + zod, API Gateway HTTP API (v2) events.
 *
 *   export const create = endpoint(() => ({ summary, body: NewAgency, response: Agency, status: 201 }),
 *     ({ ctx, principal, body }) => createAgency(ctx, principal, body));
 *
 * The spec is given as a function, called once when the endpoint is made: so an endpoint's whole
 * declaration is free of side effects, and a function's bundle (infra/aws/bundle.ts builds one per
 * route) drops the module's other endpoints with everything only they import. A spec written in
 * place (`endpoint({ params: z.strictObject(…) }, …)`) calls zod at import, which esbuild must keep,
 * and with it the statement and every module its handler names.
 *
 * The pipeline (the same on AWS and on the local host, which builds the same events):
 * 1. find the route's declaration in infra/system.ts by `event.routeKey`;
 * 2. for non-public routes, read the caller from the JWT claims the authorizer passed (Cognito ID
 *    token shape), load that user from the table (role, agency and `enabled` are read from the table
 *    on every request, strongly consistent, never cached, so a change by an admin takes effect on the
 *    very next request), and check the route's roles;
 * 3. validate path parameters, query string and JSON body with zod: 400 with one message per field,
 *    in Bahasa Indonesia and English;
 * 4. call the use case; map DomainError to its 4xx, anything else to a 500 that names the request id.
 * Around all of it, Powertools' middlewares (functions/observability.ts): log lines with the request id
 * as correlation id, a `Requests` metric by status class, the X-Ray trace on AWS.
 *
 * A read route may declare `prefetch`: the read it needs whoever asks (the record named in its path),
 * started together with the read of the caller's user record, so the request waits for one round trip
 * of the table instead of two: one BatchGetItem when the prefetch reads an item (./first-reads.ts),
 * two reads at once otherwise. It is a read of the table and nothing else (no write, no side effect),
 * and it is given no principal, so it cannot depend on the caller. Its result, or its error, reaches
 * the handler only after step 2 has passed: a caller refused in step 2 gets the same 401/403 as
 * before, and nothing of what was read.
 */

import { MetricUnit } from '@aws-lambda-powertools/metrics';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import type * as z from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodId from 'zod/v4/locales/id.js';
import { type RouteDecl, routes } from '../../infra/system.ts';
import { dynamoStore } from '../adapters/dynamodb.ts';
import { identityDirectory } from '../adapters/identity.ts';
import type { Principal } from '../core/access.ts';
import { DomainError, type ErrorDetail, fail } from '../core/errors.ts';
import { message, type Text } from '../core/messages.ts';
import type { Context } from '../core/ports.ts';
import { logger, metrics, observed } from '../observability.ts';
import { firstReads } from './first-reads.ts';

export { logger };

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type AnyObject = z.ZodType<Record<string, unknown>>;

export interface EndpointSpec<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType, F = undefined> {
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  /** Success status; 204 sends no body. */
  status?: 200 | 201 | 204;
  /** Maximum body size in bytes (public routes: small, so a flood costs little). */
  maxBodyBytes?: number;
  /**
   * Plain HTML form posts (`application/x-www-form-urlencoded`, no JavaScript): fields named with
   * dots (`requester.fullName`) are nested, and success answers `303 See Other` to this location.
   */
  formRedirect?: (result: z.infer<R>, body: z.infer<B>) => string;
  /** The handler returns a whole HTML page (a page for people without JavaScript); errors are pages too. */
  html?: boolean;
  /**
   * Read routes only: a pure read of what the route needs whoever asks (from the path and query, never
   * from the caller), run at the same time as the read of the caller's user record. The handler gets
   * it as `prefetched` once the caller is known and allowed on the route, and authorizes on it.
   */
  prefetch?: (req: { params: z.infer<P>; query: z.infer<Q>; ctx: Context }) => Promise<F>;
}

export interface Request<P, Q, B, F = undefined> {
  params: P;
  query: Q;
  body: B;
  /** Present on every non-public route. */
  principal: Principal;
  ctx: Context;
  event: Event;
  lang: 'id' | 'en';
  /** What the spec's `prefetch` read (undefined without one). */
  prefetched: F;
}

export type EndpointHandler = ((event: Event, context: LambdaContext) => Promise<APIGatewayProxyStructuredResultV2>) & {
  spec: EndpointSpec<AnyObject, AnyObject, z.ZodType, z.ZodType>;
};

export function languageOf(event: Pick<Event, 'headers'>): 'id' | 'en' {
  const accept = (event.headers?.['accept-language'] ?? '').toLowerCase();
  return accept.startsWith('en') ? 'en' : 'id';
}

export function json(status: number, body: unknown, extra: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

export function errorBody(lang: 'id' | 'en', code: string, text: Text, details: ErrorDetail[] = [], requestId?: string) {
  return {
    error: {
      code,
      message: text[lang],
      messages: text,
      ...(details.length ? { details: details.map((d) => ({ path: d.path, message: d.message[lang], messages: d.message })) } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}

// The two locales' own modules: `z.locales` would put every language zod knows into every bundle.
const localeId = zodId().localeError;
const localeEn = zodEn().localeError;

/** One bilingual message per invalid field. A custom message written as "id / en" is split. */
export function zodDetails(error: z.ZodError, where: string): ErrorDetail[] {
  return error.issues.map((issue) => {
    const path = [where, ...issue.path.map(String)].filter(Boolean).join('.');
    const custom = issue.message.includes(' / ') ? issue.message.split(' / ') : undefined;
    const raw = issue as unknown as Parameters<typeof localeId>[0];
    const id = custom?.[0] ?? (localeId(raw) as string | undefined) ?? issue.message;
    const en = custom?.[1] ?? (localeEn(raw) as string | undefined) ?? issue.message;
    return { path, message: { id: `${path}: ${id}`, en: `${path}: ${en}` } };
  });
}

function parse<T extends z.ZodType>(schema: T | undefined, value: unknown, where: string): z.infer<T> {
  if (!schema) return undefined as z.infer<T>;
  const result = schema.safeParse(value);
  if (!result.success) throw new DomainError('validation', message('validation_failed'), zodDetails(result.error, where));
  return result.data;
}

function routeOf(event: Event): RouteDecl {
  const decl = routes.find((r) => `${r.method} ${r.path}` === event.routeKey);
  return decl ?? fail('not_found', 'route_not_found', { path: event.rawPath ?? event.routeKey });
}

function claim(event: Event, name: string): string | undefined {
  const v = event.requestContext.authorizer?.jwt?.claims?.[name];
  return v === undefined ? undefined : String(v);
}

/** The caller's username from the token's claims; 401 without one (checked before anything is read). */
function usernameOf(event: Event): string {
  return claim(event, 'cognito:username') ?? claim(event, 'username') ?? fail('unauthenticated', 'unauthenticated');
}

async function principalOf(username: string, ctx: Context, decl: RouteDecl): Promise<Principal> {
  const user = await ctx.store.getUser(username);
  if (!user || !user.enabled) fail('forbidden', 'user_not_registered', { username });
  const principal: Principal = { username: user.username, name: user.name, role: user.role, agencyId: user.agencyId };
  if (decl.roles !== 'public' && !decl.roles.includes(principal.role)) fail('forbidden', 'forbidden_role', { role: principal.role });
  return principal;
}

/** Pages for people: never cached, never indexed, and their address (it may hold a tracking code) never sent on. */
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
};

const escapeHtml = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer to a refused plain form post: the message and each field's problem, in the reader's
 * language first, and a way back to the form (the browser keeps what was typed on Back).
 */
function formErrorPage(e: DomainError, lang: 'id' | 'en', referer: string | undefined): APIGatewayProxyStructuredResultV2 {
  const other = lang === 'id' ? 'en' : 'id';
  const back = referer && /^\/|^https?:\/\//.test(referer) ? new URL(referer, 'http://x').pathname : '/';
  const items = e.details.map((d) => `<li>${escapeHtml(d.message[lang])}<br><span lang="${other}">${escapeHtml(d.message[other])}</span></li>`).join('');
  const title = lang === 'id' ? 'Formulir belum dapat diterima' : 'The form could not be accepted';
  const backText =
    lang === 'id'
      ? 'Kembali ke formulir (isian Anda tetap ada dengan tombol Kembali pada peramban)'
      : 'Back to the form (your entries stay with the browser’s Back button)';
  const body = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${title}</title><link rel="stylesheet" href="/assets/register.css"></head><body><main id="isi"><h1>${title}</h1><p role="alert">${escapeHtml(e.text[lang])}<br><span lang="${other}">${escapeHtml(e.text[other])}</span></p>${items ? `<ul>${items}</ul>` : ''}<p><a href="${escapeHtml(back)}">${backText}</a></p></main></body></html>`;
  return { statusCode: e.status, headers: HTML_HEADERS, body };
}

const isFormPost = (event: Pick<Event, 'headers'>) => (event.headers?.['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded');

/**
 * `a.b=1&a.c=2&n=3` → `{ a: { b: '1', c: '2' }, n: '3' }`; empty fields are left out (as a JSON client
 * would). A field named in `arrays` (its dotted path: an array field of the body's schema, e.g. the
 * checkboxes `grounds=a&grounds=c`) is always an array, even when the form sent it once; any other
 * field sent twice keeps its last value.
 */
export function formFields(text: string, arrays: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (value === '') continue;
    const path = name.split('.');
    if (path.some((p) => !/^[A-Za-z][A-Za-z0-9]*$/.test(p))) continue;
    let at = out;
    for (const part of path.slice(0, -1)) {
      if (typeof at[part] !== 'object' || at[part] === null || Array.isArray(at[part])) at[part] = {};
      at = at[part] as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    if (arrays.has(name)) {
      const list = Array.isArray(at[last]) ? (at[last] as unknown[]) : [];
      list.push(value);
      at[last] = list;
    } else at[last] = value;
  }
  return out;
}

/** Wrappers whose inner schema decides the field's shape (`.optional()`, `.default()`, `.transform()`, …). */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'nonoptional', 'readonly', 'catch', 'lazy']);

/** The dotted paths of a body schema's array fields (objects within objects; not inside arrays): how a form post's repeated fields are read. */
export function arrayFieldsOf(schema: z.ZodType | undefined, prefix = '', out = new Set<string>()): Set<string> {
  type Def = { type: string; in?: z.ZodType; innerType?: z.ZodType; getter?: () => z.ZodType; shape?: Record<string, z.ZodType> };
  let s = schema as (z.ZodType & { _zod: { def: Def } }) | undefined;
  for (let i = 0; s && i < 20; i++) {
    const def: Def = s._zod.def;
    const next = def.type === 'pipe' ? def.in : def.type === 'lazy' ? def.getter?.() : WRAPPERS.has(def.type) ? def.innerType : undefined;
    if (!next) break;
    s = next as typeof s;
  }
  if (!s) return out;
  const def: Def = s._zod.def;
  if (def.type === 'array' && prefix) out.add(prefix);
  else if (def.type === 'object' && def.shape) for (const [k, v] of Object.entries(def.shape)) arrayFieldsOf(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

function bodyOf(event: Event, arrays: ReadonlySet<string>): unknown {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (isFormPost(event)) return formFields(text, arrays);
  try {
    return JSON.parse(text);
  } catch {
    return fail('validation', 'invalid_json');
  }
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `read` now and keeps its outcome, thrown or returned, for later (never an unhandled rejection). */
function started<T>(read: () => Promise<T>): Promise<Settled<T>> {
  try {
    return read().then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error }),
    );
  } catch (error) {
    return Promise.resolve({ ok: false, error });
  }
}

function outcome<T>(s: Settled<T>): T {
  if (!s.ok) throw s.error;
  return s.value;
}

export function endpoint<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType, F = undefined>(
  specOf: () => EndpointSpec<P, Q, B, R, F>,
  fn: (req: Request<z.infer<P>, z.infer<Q>, z.infer<B>, F>) => Promise<z.input<R> | undefined>,
): EndpointHandler {
  const spec = specOf();
  // A plain form post's repeated fields (checkboxes) are read as the schema's arrays.
  const arrays = spec.formRedirect ? arrayFieldsOf(spec.body) : new Set<string>();
  const handler = middy<Event, APIGatewayProxyStructuredResultV2>()
    // Logs with the request id as correlation id, one EMF line of metrics per request, the trace.
    .use(
      observed<Event, APIGatewayProxyStructuredResultV2>({
        correlationId: (event) => event.requestContext?.requestId,
        measure: (event, { response }) => {
          const status = response?.statusCode ?? 500;
          metrics.addMetadata('route', event.routeKey);
          metrics.addMetadata('status', String(status));
          metrics.addDimensions({ statusClass: `${Math.floor(status / 100)}xx` });
          metrics.addMetric('Requests', MetricUnit.Count, 1);
        },
      }),
    )
    // Inside the above: a DomainError becomes its 4xx (measured as such), anything else a 500.
    .use({
      onError: async (request) => {
        const lang = languageOf(request.event);
        const e = request.error;
        const requestId = request.event.requestContext?.requestId;
        if (e instanceof DomainError) {
          // A plain HTML form post (no JavaScript) gets a page a person can read, not JSON.
          request.response =
            (spec.formRedirect && isFormPost(request.event)) || spec.html
              ? formErrorPage(e, lang, request.event.headers?.referer)
              : json(e.status, errorBody(lang, e.code, e.text, e.details));
          return;
        }
        logger.error('unhandled error', { error: e as Error, requestId });
        request.response = json(
          500,
          errorBody(
            lang,
            'internal',
            {
              id: 'Terjadi kesalahan pada server. Sebutkan kode permintaan ini saat melapor.',
              en: 'Something went wrong on the server. Quote this request id when you report it.',
            },
            [],
            requestId,
          ),
        );
      },
    })
    .handler(async (event) => {
      const decl = routeOf(event);
      const username = decl.roles === 'public' ? undefined : usernameOf(event);
      // With a caller and a prefetch, both first reads go out as one BatchGetItem (./first-reads.ts).
      const store = username !== undefined && spec.prefetch ? firstReads(dynamoStore) : dynamoStore;
      const ctx: Context = { store, identity: identityDirectory(), requestId: event.requestContext.requestId, now: new Date() };
      // The caller's record and the route's own read go out together; nothing of the second is used
      // (not even its error) before the caller is known and allowed.
      const caller = username === undefined ? undefined : principalOf(username, ctx, decl);
      const { prefetch } = spec;
      const early =
        prefetch &&
        started(() =>
          prefetch({
            params: parse(spec.params, event.pathParameters ?? {}, 'path'),
            query: parse(spec.query, event.queryStringParameters ?? {}, 'query'),
            ctx,
          }),
        );
      const principal = caller ? await caller : (undefined as unknown as Principal);
      if (spec.maxBodyBytes && (event.body?.length ?? 0) > spec.maxBodyBytes * (event.isBase64Encoded ? 4 / 3 : 1))
        fail('payload_too_large', 'body_too_large', { max: Math.round(spec.maxBodyBytes / 1024) });
      const params = parse(spec.params, event.pathParameters ?? {}, 'path');
      const query = parse(spec.query, event.queryStringParameters ?? {}, 'query');
      const body = parse(spec.body, spec.body ? (bodyOf(event, arrays) ?? {}) : undefined, 'body');
      const prefetched = (early ? outcome(await early) : undefined) as F;
      const result = await fn({ params, query, body, principal, ctx, event, lang: languageOf(event), prefetched });
      if (spec.formRedirect && isFormPost(event))
        return {
          statusCode: 303,
          headers: { location: spec.formRedirect(result as z.infer<R>, body), 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' },
          body: '',
        };
      if (spec.html) return { statusCode: 200, headers: HTML_HEADERS, body: String(result) };
      const status = spec.status ?? 200;
      return json(status, status === 204 ? undefined : result);
    });
  return Object.assign(handler as unknown as EndpointHandler, { spec: spec as unknown as EndpointHandler['spec'] });
}
