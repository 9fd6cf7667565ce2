/**
 * Sign-in with OAuth 2.0 authorization code + PKCE (S256), the same protocol on both hosts:
 * the Cognito hosted UI on AWS, the local identity provider locally.
 * The ID token lives in sessionStorage only (gone when the tab closes).
 */
import type { AuthConfig } from './types.ts';

const SESSION_KEY = 'sip-ppid.session';
const PENDING_KEY = 'sip-ppid.pkce';

interface Session {
  idToken: string;
  expiresAt: number;
}

interface Pending {
  state: string;
  verifier: string;
  returnHash: string;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function readJson<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Expiry from the token itself when present, else from `expires_in`. */
function expiryOf(idToken: string, expiresIn: number | undefined): number {
  try {
    const payload = JSON.parse(atob(idToken.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: number };
    if (typeof payload.exp === 'number') return payload.exp * 1000;
  } catch {
    // not a readable JWT; fall back to expires_in
  }
  return Date.now() + (expiresIn ?? 3600) * 1000;
}

/** The ID token while it is still valid (with 30 s to spare), else undefined. */
export function currentToken(): string | undefined {
  const s = readJson<Session>(SESSION_KEY);
  if (!s || s.expiresAt - 30_000 <= Date.now()) return undefined;
  return s.idToken;
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

export async function beginLogin(auth: AuthConfig): Promise<void> {
  const pending: Pending = { state: randomString(16), verifier: randomString(32), returnHash: location.hash };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: 'openid email profile',
    state: pending.state,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
  });
  location.assign(`${auth.authorizeUrl}?${params.toString().replace(/%20/g, '+')}`);
}

export type CallbackResult = { kind: 'none' } | { kind: 'ok' } | { kind: 'error'; detail: string };

/** Finishes a sign-in when the page was opened as the redirect URI with `?code&state` (or `?error`). */
export async function completeLogin(auth: AuthConfig): Promise<CallbackResult> {
  const query = new URLSearchParams(location.search);
  const code = query.get('code');
  const error = query.get('error');
  if (!code && !error) return { kind: 'none' };
  const pending = readJson<Pending>(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', location.pathname + (pending?.returnHash ?? ''));
  if (error) return { kind: 'error', detail: query.get('error_description') ?? error };
  if (!pending || pending.state !== query.get('state')) return { kind: 'error', detail: 'state' };
  const res = await fetch(auth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code: code!,
      redirect_uri: auth.redirectUri,
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) return { kind: 'error', detail: `token ${res.status}` };
  const tokens = (await res.json()) as { id_token?: string; expires_in?: number };
  if (!tokens.id_token) return { kind: 'error', detail: 'id_token' };
  const session: Session = { idToken: tokens.id_token, expiresAt: expiryOf(tokens.id_token, tokens.expires_in) };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return { kind: 'ok' };
}

export function logout(auth: AuthConfig): void {
  clearSession();
  const params = new URLSearchParams({ client_id: auth.clientId, logout_uri: auth.redirectUri });
  location.assign(`${auth.logoutUrl}?${params}`);
}
