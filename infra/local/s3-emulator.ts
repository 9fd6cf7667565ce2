/**
 * The local S3 emulator (s3rver) as a process of its own, run under infra/local/guard.ts:
 *
 *   node infra/local/s3-emulator.ts <directory> <port>
 *
 * It stops cleanly on SIGTERM (the guard's), so the last writes reach the disk.
 */
import S3rver from 's3rver';

const [directory, port] = process.argv.slice(2);
const server = new S3rver({ port: Number(port), address: '127.0.0.1', directory, silent: true, allowMismatchedSignatures: true });
await server.run();
console.log(`s3rver listening on 127.0.0.1:${port}`);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void close());
process.on('SIGINT', () => void close());
