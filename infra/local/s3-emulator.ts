/**
 * The local S3 emulator as a process of its own, run under infra/local/guard.ts:
 *
 *   node infra/local/s3-emulator.ts <directory> <port>
 *
 * s3rver keeps the objects; in front of it, on the public port, this process does what s3rver does
 * not and S3 does (see `infra/local/post-policy.ts`):
 * - a browser form POST (presigned POST) is checked against its policy: signature, expiry, every
 *   condition (exact key or prefix, Content-Type, content-length-range) and no field outside them;
 * - a key with a `.` or `..` segment, or a path that is not valid percent-encoding, is refused, so
 *   no request can reach another bucket or a file outside the emulator's directory;
 * - a request that names no key pair of the local host is refused (the buckets are private).
 * Everything else is passed to s3rver unchanged. It stops cleanly on SIGTERM (the guard's).
 */
import { createServer, type IncomingMessage, request } from 'node:http';
import S3rver from 's3rver';
import { checkPostPolicy, LOCAL_CREDENTIALS, s3Error, unsafeKey } from './post-policy.ts';

const [directory, port] = process.argv.slice(2);
const backend = new S3rver({ port: 0, address: '127.0.0.1', directory, silent: true, allowMismatchedSignatures: true });
const { port: backendPort } = (await backend.run()) as { port: number };

/** Reads the whole body (form uploads are bounded by the policy's content-length-range anyway). */
function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/**
 * S3 replaces an object atomically: a reader gets the old bytes or the new ones. s3rver writes the
 * object's file in place, so a GET during a PUT of the same key could read a file being rewritten (a
 * length that no longer matches: the client then waits for bytes that never come). The front keeps a
 * readers–writer lock per object path: reads of a key share it, a write (PUT, DELETE, POST completing
 * an upload) has it alone, in arrival order; each holds it until its response has ended.
 */
const locks = new Map<string, { readers: number; writer: boolean; queue: { write: boolean; go: () => void }[] }>();

function lockPath(path: string, write: boolean): Promise<() => void> {
  let lock = locks.get(path);
  if (!lock) {
    lock = { readers: 0, writer: false, queue: [] };
    locks.set(path, lock);
  }
  const l = lock;
  const release = () => {
    if (write) l.writer = false;
    else l.readers--;
    pump();
  };
  const pump = () => {
    while (l.queue.length && !l.writer) {
      const next = l.queue[0]!;
      if (next.write && l.readers > 0) break;
      l.queue.shift();
      if (next.write) l.writer = true;
      else l.readers++;
      next.go();
      if (next.write) break;
    }
    if (!l.writer && l.readers === 0 && l.queue.length === 0) locks.delete(path);
  };
  return new Promise((ok) => {
    l.queue.push({ write, go: () => ok(once(release)) });
    pump();
  });
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      f();
    }
  };
}

const front = createServer(async (req, res) => {
  const answer = (status: number, code: string, message: string) => {
    const origin = req.headers.origin;
    res.writeHead(status, {
      'content-type': 'application/xml',
      ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}),
    });
    res.end(s3Error(code, message));
  };
  try {
    const path = (req.url ?? '/').split('?')[0];
    const unsafe = unsafeKey(path);
    if (unsafe) return answer(400, 'InvalidArgument', unsafe);
    let body: Buffer | undefined;
    const type = String(req.headers['content-type'] ?? '');
    const isForm = req.method === 'POST' && /^\/[^/]+\/?$/.test(path) && type.toLowerCase().startsWith('multipart/form-data');
    // The buckets are private, as in AWS: a request names the local key pair (in its Authorization
    // header or a presigned URL), or it is a form upload with a policy, or a CORS preflight.
    const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
    const credential = /Credential=([^/,\s]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? query.get('X-Amz-Credential')?.split('/')[0];
    if (!isForm && req.method !== 'OPTIONS' && !(credential && credential in LOCAL_CREDENTIALS)) return answer(403, 'AccessDenied', 'Access Denied');
    // A browser-based upload: POST of a multipart form to the bucket itself.
    if (isForm) {
      body = await readAll(req);
      const refused = checkPostPolicy({ bucket: decodeURIComponent(path.replaceAll('/', '')), contentType: type, body, credentials: LOCAL_CREDENTIALS });
      if (refused) return answer(refused.status, refused.code, refused.message);
    }
    // An object path (bucket and key): reads share its lock, writes hold it alone until answered.
    if (/^\/[^/]+\/.+/.test(path) && req.method !== 'OPTIONS') {
      const release = await lockPath(path, req.method !== 'GET' && req.method !== 'HEAD');
      res.on('close', release);
    }
    const upstream = request({ host: '127.0.0.1', port: backendPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (e) => {
      if (!res.headersSent) answer(500, 'InternalError', e.message);
      else res.destroy();
    });
    if (body) upstream.end(body);
    else req.pipe(upstream);
  } catch (e) {
    if (!res.headersSent) answer(500, 'InternalError', (e as Error).message);
  }
});
await new Promise<void>((ok) => front.listen(Number(port), '127.0.0.1', ok));
console.log(`S3 emulator listening on 127.0.0.1:${port}`);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  front.close();
  await backend.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void close());
process.on('SIGINT', () => void close());
