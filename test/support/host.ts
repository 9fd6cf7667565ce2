/** Starts a local host on free ports with its own data directory, for one test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LocalHost, type LocalHostOptions, startLocalHost } from '../../infra/local/host.ts';

export async function startTestHost(opts: LocalHostOptions = {}): Promise<LocalHost & { cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-test-'));
  const host = await startLocalHost({ port: 0, dataDir, quiet: process.env.HOST_LOG !== '1', ...opts });
  return Object.assign(host, {
    async cleanup() {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  });
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
}

/** Calls the local API as a user (a real signed token), or anonymously with `token: null`. */
export function apiClient(host: LocalHost) {
  const tokens = new Map<string, string>();
  return async function api<T = any>(as: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T>> {
    let token: string | undefined;
    if (as) {
      token = tokens.get(as) ?? (await host.tokenFor(as));
      tokens.set(as, token);
    }
    const res = await fetch(`${host.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}
