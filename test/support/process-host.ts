/**
 * The local host as `npm start` runs it: `infra/local/start.ts` in a process of its own, in a process
 * group of its own, so a test can do what a terminal does (Ctrl-C to the whole group) or what a
 * crash does (kill -9 of the whole group).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface HostProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves when a line matching `re` has been printed. */
  printed(re: RegExp, timeoutMs?: number): Promise<void>;
  /** Sends a signal to its whole process group, as a terminal's Ctrl-C (SIGINT) does. */
  signalGroup(signal: NodeJS.Signals): void;
  /** Resolves with its exit code or signal when it has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function spawnHost(dataDir: string, port: number): HostProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'infra/local/start.ts')], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const collect = (d: Buffer) => {
    out += d.toString();
    for (const l of listeners) l();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) => child.once('exit', (code, signal) => ok({ code, signal })));
  return {
    child,
    url: `http://localhost:${port}`,
    output: () => out,
    printed(re, timeoutMs = 90_000) {
      return new Promise((ok, fail) => {
        const check = () => {
          if (!re.test(out)) return;
          cleanup();
          ok();
        };
        const timer = setTimeout(() => {
          cleanup();
          fail(new Error(`The host did not print ${re} within ${timeoutMs / 1000} s. It printed:\n${out}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
    signalGroup(signal) {
      process.kill(-child.pid!, signal);
    },
    exited,
  };
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

/** Whether something can listen on the port again. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
}

/** Every process on the machine whose command line names the data directory (the host's parts do). */
export function processesOf(dataDir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const env = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (cmd.includes(dataDir) || env.includes(`DATA_DIR=${dataDir}\0`)) found.push(`${pid} ${cmd.trim()}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Polls until no process of the data directory is left; returns how long that took. */
export async function allGone(dataDir: string, timeoutMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    const left = processesOf(dataDir);
    if (left.length === 0) return Date.now() - start;
    if (Date.now() - start > timeoutMs) throw new Error(`Still running after ${timeoutMs / 1000} s:\n${left.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An ID token from the host's identity provider (password grant, as `npm run token` does). */
export async function tokenFrom(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/auth/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'staff-app', username, password: 'demo12345' }),
  });
  const body = (await res.json()) as { id_token?: string };
  if (!body.id_token) throw new Error(`no token for ${username}: ${JSON.stringify(body)}`);
  return body.id_token;
}

/**
 * A JSON file of the register, or undefined while it cannot be read whole: the S3 emulator (unlike
 * S3) can serve an object while it is still writing it, so callers poll.
 */
/**
 * Every item of the register's open data as the incremental update keeps it: the parts listed by the
 * summary (`data/dip/index.json`), each agency's registration year (the whole-register `dip.json`
 * follows on its own schedule, up to 10 minutes later). Undefined while there is no summary.
 */
export async function registerDipItems<T>(baseUrl: string): Promise<{ items: T[] } | undefined> {
  const index = await registerJson<{ parts: { agencyId: string; year: number }[] }>(`${baseUrl}/data/dip/index.json`);
  if (!index) return undefined;
  const parts = await Promise.all(index.parts.map((p) => registerJson<{ items: T[] }>(`${baseUrl}/data/dip/${encodeURIComponent(p.agencyId)}/${p.year}.json`)));
  if (parts.some((p) => !p)) return undefined;
  return { items: parts.flatMap((p) => p!.items) };
}

export async function registerJson<T>(url: string): Promise<T | undefined> {
  const res = await fetch(url);
  if (!res.ok) return undefined;
  try {
    return JSON.parse(await res.text()) as T;
  } catch {
    return undefined;
  }
}
