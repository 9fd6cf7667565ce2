/**
 * The local host of the API benchmark (bench/api.bench.ts), in a process of its own: started with
 * `fork()`, it starts a local host on a free port, answers `{ url, tableName, dynamodb, token, username }` over
 * IPC, and stops when told to (or when its parent goes). Its stdout (the handlers' EMF metric lines,
 * on as in `npm start`) is dropped by the parent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalHost } from '../infra/local/host.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-bench-api-'));
const host = await startLocalHost({ port: 0, dataDir, quiet: true });
const stop = async () => {
  await host.stop();
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('message', (m) => {
  if (m === 'stop') void stop();
});
process.on('disconnect', () => void stop());
const username = 'petugas.dinkes';
process.send?.({ url: host.url, tableName: host.tableName, dynamodb: host.endpoints.dynamodb, token: await host.tokenFor(username), username });
