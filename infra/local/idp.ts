/**
 * The local identity provider: speaks the part of Cognito's hosted-UI OAuth2 protocol the staff app
 * uses (authorization code + PKCE, token, logout, JWKS), and signs ID tokens shaped like Cognito's
 * (`cognito:username`, `cognito:groups`, `custom:agency`) for the users in the table. The signing key
 * is kept under the data directory, so tokens survive a restart.
 *
 * Every active user signs in with the local password (default `demo12345`, `LOCAL_PASSWORD` to
 * change). This is a development host: there is no password store here; Cognito has it in AWS. A new
 * user's invitation (outbox) says so (functions/core/user-invitation.ts).
 *
 * For curl and scripts: `POST /auth/oauth2/token` also takes `grant_type=password` (Cognito's
 * equivalent is `aws cognito-idp initiate-auth --auth-flow USER_PASSWORD_AUTH`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { User } from '../../functions/core/model.ts';
import { DEFAULT_LOCAL_PASSWORD } from '../../functions/core/user-invitation.ts';
import { FailureThrottle } from './rate-limit.ts';

export const CLIENT_ID = 'staff-app';
export const DEMO_PASSWORD = process.env.LOCAL_PASSWORD ?? DEFAULT_LOCAL_PASSWORD;
const TOKEN_SECONDS = 3600;

export interface LocalIdp {
  issuer: string;
  jwks: { keys: JWK[] };
  issueIdToken(user: User): Promise<string>;
  /** Verifies signature, issuer, audience and expiry; returns the claims or undefined. */
  verify(token: string): Promise<JWTPayload | undefined>;
  handle(req: IdpRequest): Promise<IdpResponse | undefined>;
}

export interface IdpRequest {
  method: string;
  path: string;
  /** The client's address, for the sign-in throttle. */
  clientIp?: string;
  query: URLSearchParams;
  form: URLSearchParams;
}
export interface IdpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface PendingCode {
  username: string;
  redirectUri: string;
  challenge: string;
  expires: number;
}

async function loadKey(dataDir: string) {
  const file = join(dataDir, 'idp-signing-key.json');
  if (existsSync(file)) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
    return { privateKey: await importJWK(jwk, 'RS256'), publicJwk: pub as JWK };
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const priv = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  writeFileSync(file, JSON.stringify(priv), { mode: 0o600 });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** Escapes text for HTML (the local host's few hand-written pages). */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(params: URLSearchParams, error?: string): string {
  const hidden = [...params.entries()].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Masuk – SIP PPID (lokal)</title><link rel="stylesheet" href="/auth/login.css"></head><body>
<main><h1>SIP PPID</h1><p>Masuk ke aplikasi petugas <span lang="en">/ Sign in to the staff app</span></p>
${error ? `<p role="alert" class="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/auth/oauth2/authorize">${hidden}
<label for="username">Nama pengguna <span lang="en">/ Username</span></label><input id="username" name="username" autocomplete="username" required autofocus>
<label for="password">Kata sandi <span lang="en">/ Password</span></label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Masuk</button></form>
<p class="note">Penyedia identitas lokal untuk pengembangan; di AWS, login memakai Amazon Cognito. <span lang="en">Local identity provider for development; on AWS, sign-in uses Amazon Cognito.</span></p>
</main></body></html>`;
}

export const LOGIN_CSS = `body{font-family:system-ui,sans-serif;background:#f4f6f9;color:#1a1a1a;margin:0}main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;border-top:4px solid #0b3d91;box-shadow:0 1px 3px #0002}h1{color:#0b3d91;margin-top:0}label{display:block;margin-top:1rem;font-weight:600}input{width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem;border:1px solid #767676}input:focus,button:focus{outline:3px solid #f2a900;outline-offset:2px}button{margin-top:1.5rem;background:#0b3d91;color:#fff;border:0;padding:.6rem 1.5rem;font-size:1rem;cursor:pointer}.error{background:#fde8e8;border-left:4px solid #b00020;padding:.5rem}.note{font-size:.85rem;color:#444}`;

export async function createLocalIdp(opts: {
  dataDir: string;
  issuer: string;
  findUser: (username: string) => Promise<User | undefined>;
  /**
   * The app client's callback and sign-out URLs, matched exactly as Cognito matches them: a sign-in
   * or sign-out never sends the browser anywhere else (no open redirect).
   */
  callbackUrls: string[];
}): Promise<LocalIdp> {
  const registered = new Set(opts.callbackUrls);
  const { privateKey, publicJwk } = await loadKey(opts.dataDir);
  const jwks = { keys: [publicJwk] };
  const keySet = createLocalJWKSet(jwks);
  /** Tokens already verified, oldest first (a bounded set: a client signs in again after an hour). */
  const verified = new Map<string, JWTPayload>();
  const VERIFIED_KEPT = 1000;
  const codes = new Map<string, PendingCode>();

  const issueIdToken = (user: User) =>
    new SignJWT({
      'cognito:username': user.username,
      'cognito:groups': [user.role],
      'custom:agency': user.agencyId,
      email: user.email,
      name: user.name,
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid })
      .setSubject(createHash('sha256').update(user.username).digest('hex').slice(0, 32))
      .setIssuer(opts.issuer)
      .setAudience(CLIENT_ID)
      .setIssuedAt()
      .setExpirationTime(`${TOKEN_SECONDS}s`)
      .sign(privateKey);

  // Guessing passwords: growing delays per username (after 5 failures) and per client address (after
  // 20), from 1 s doubling up to 15 minutes.
  const byUser = new FailureThrottle({ threshold: 5, baseMs: 1000, maxMs: 15 * 60_000, forgetMs: 60 * 60_000 });
  const byClient = new FailureThrottle({ threshold: 20, baseMs: 1000, maxMs: 15 * 60_000, forgetMs: 60 * 60_000 });

  /** The user if the password is right; 'wait' with the seconds to wait while the throttle holds. */
  async function signIn(username: string, password: string, clientIp: string): Promise<User | undefined | { wait: number }> {
    const name = username.trim().toLowerCase();
    const wait = Math.max(byUser.wait(name), byClient.wait(clientIp));
    if (wait > 0) return { wait: Math.ceil(wait / 1000) };
    const user = await opts.findUser(name);
    if (user?.enabled && password === DEMO_PASSWORD) {
      byUser.succeed(name);
      byClient.succeed(clientIp);
      return user;
    }
    byUser.fail(name);
    byClient.fail(clientIp);
    return undefined;
  }
  const tooMany = (seconds: number) => ({
    id: `Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${seconds} detik.`,
    en: `Too many failed sign-in attempts. Try again in ${seconds} seconds.`,
  });

  const html = (status: number, body: string): IdpResponse => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    body,
  });
  const json = (status: number, body: unknown): IdpResponse => ({
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  });
  const tokenResponse = async (user: User) =>
    json(200, { id_token: await issueIdToken(user), access_token: await issueIdToken(user), token_type: 'Bearer', expires_in: TOKEN_SECONDS });

  return {
    issuer: opts.issuer,
    jwks,
    issueIdToken,
    async verify(token) {
      // A token whose signature, issuer and audience were checked before is the same bytes: only its
      // times are checked again (the keys never change while the host runs). It saves an RSA
      // verification on every request; the caller's role is read from the table either way.
      const known = verified.get(token);
      if (known) {
        const now = Date.now() / 1000;
        if (now < (known.exp ?? 0) && now >= (known.nbf ?? 0)) return known;
        verified.delete(token);
        return undefined;
      }
      try {
        // As the Cognito authorizer: signature, issuer, audience, and an expiry that has not passed (a token without one is refused).
        const { payload } = await jwtVerify(token, keySet, { issuer: opts.issuer, audience: CLIENT_ID, requiredClaims: ['exp', 'iat'] });
        if (verified.size >= VERIFIED_KEPT) verified.delete(verified.keys().next().value!);
        verified.set(token, payload);
        return payload;
      } catch {
        return undefined;
      }
    },
    async handle({ method, path, query, form, clientIp = 'unknown' }) {
      if (path === '/auth/.well-known/jwks.json') return json(200, jwks);
      if (path === '/auth/login.css') return { status: 200, headers: { 'content-type': 'text/css' }, body: LOGIN_CSS };
      if (path === '/auth/oauth2/authorize' && method === 'GET') {
        if (
          query.get('client_id') !== CLIENT_ID ||
          query.get('response_type') !== 'code' ||
          !registered.has(query.get('redirect_uri') ?? '') ||
          query.get('code_challenge_method') !== 'S256' ||
          !query.get('code_challenge')
        ) {
          return html(
            400,
            '<!doctype html><html lang="id"><title>Permintaan masuk tidak valid</title><p>Permintaan masuk tidak valid (client_id, redirect_uri, PKCE S256). <span lang="en">Invalid sign-in request.</span></p></html>',
          );
        }
        return html(200, loginPage(query));
      }
      if (path === '/auth/oauth2/authorize' && method === 'POST') {
        if (form.get('client_id') !== CLIENT_ID || !registered.has(form.get('redirect_uri') ?? ''))
          return html(
            400,
            '<!doctype html><html lang="id"><title>Permintaan masuk tidak valid</title><p>Alamat kembali (redirect_uri) tidak terdaftar untuk aplikasi ini. <span lang="en">The redirect_uri is not registered for this app.</span></p></html>',
          );
        const user = await signIn(form.get('username') ?? '', form.get('password') ?? '', clientIp);
        const params = new URLSearchParams(form);
        params.delete('username');
        params.delete('password');
        if (user && 'wait' in user) {
          const text = tooMany(user.wait);
          const page = html(429, loginPage(params, `${text.id} / ${text.en}`));
          return { ...page, headers: { ...page.headers, 'retry-after': String(user.wait) } };
        }
        if (!user)
          return html(
            401,
            loginPage(params, 'Nama pengguna atau kata sandi salah, atau akun dinonaktifkan. / Wrong username or password, or the account is disabled.'),
          );
        const code = randomBytes(24).toString('base64url');
        codes.set(code, {
          username: user.username,
          redirectUri: form.get('redirect_uri') ?? '',
          challenge: form.get('code_challenge') ?? '',
          expires: Date.now() + 120_000,
        });
        const target = new URL(form.get('redirect_uri') ?? '');
        target.searchParams.set('code', code);
        if (form.get('state')) target.searchParams.set('state', form.get('state') ?? '');
        return { status: 302, headers: { location: target.toString(), 'cache-control': 'no-store' }, body: '' };
      }
      if (path === '/auth/oauth2/token' && method === 'POST') {
        if (form.get('client_id') !== CLIENT_ID) return json(400, { error: 'invalid_client' });
        if (form.get('grant_type') === 'password') {
          const user = await signIn(form.get('username') ?? '', form.get('password') ?? '', clientIp);
          if (user && 'wait' in user) {
            const text = tooMany(user.wait);
            const out = json(429, { error: 'too_many_requests', error_description: text.en, messages: text });
            return { ...out, headers: { ...out.headers, 'retry-after': String(user.wait) } };
          }
          return user
            ? tokenResponse(user)
            : json(400, { error: 'invalid_grant', error_description: 'Wrong username or password, or the account is disabled' });
        }
        if (form.get('grant_type') !== 'authorization_code') return json(400, { error: 'unsupported_grant_type' });
        const pending = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = createHash('sha256').update(verifier).digest('base64url');
        if (!pending || pending.expires < Date.now() || pending.redirectUri !== form.get('redirect_uri') || pending.challenge !== challenge) {
          return json(400, { error: 'invalid_grant' });
        }
        const user = await opts.findUser(pending.username);
        return user?.enabled ? tokenResponse(user) : json(400, { error: 'invalid_grant' });
      }
      if (path === '/auth/logout') {
        // Only a registered sign-out URL, matched exactly; anything else lands on the app.
        const to = query.get('logout_uri') ?? '';
        return { status: 302, headers: { location: registered.has(to) ? to : '/app/' }, body: '' };
      }
      return undefined;
    },
  };
}
