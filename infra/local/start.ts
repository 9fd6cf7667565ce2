/**
 * `npm start`: the whole system on this machine. Ctrl-C stops everything; data stays in `.data/`.
 */
import { MissingJavaError } from './emulators.ts';
import { launchLocalHost, PortInUseError, StartAborted } from './host.ts';
import { DEMO_PASSWORD } from './idp.ts';
import { DEMO_USERS, PUBLIC_BODY } from './seed.ts';

const ROLE_NAMES: Record<string, string> = {
  admin: 'Administrator',
  petugas: 'Petugas PPID',
  ppid_pelaksana: 'Kepala PPID Pelaksana (SKPD)',
  ppid_utama: 'PPID Utama',
  pejabat_pid: 'Pejabat PID',
  atasan_ppid: 'Atasan PPID',
};

/** Everything stops within this time of Ctrl-C or SIGTERM, whatever it was doing. */
const STOP_DEADLINE_MS = 9000;

console.log('Starting SIP PPID on the local host …');
const launch = launchLocalHost({ port: Number(process.env.PORT ?? 3000), dataDir: process.env.DATA_DIR ?? '.data', demoItems: true });

// From the first instant (also while the demo data is written): Ctrl-C, SIGTERM or a closed terminal
// stop the parts in dependency order, and the process ends within the deadline whatever happens.
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping …`);
  setTimeout(() => {
    console.error(`Not stopped within ${STOP_DEADLINE_MS / 1000} s; exiting anyway.`);
    process.exit(1);
  }, STOP_DEADLINE_MS).unref();
  await launch.stop();
  console.log('Stopped. Data kept in', process.env.DATA_DIR ?? '.data');
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));

try {
  const host = await launch.ready;
  const users = DEMO_USERS.map((u) => `    ${u.username.padEnd(18)} ${ROLE_NAMES[u.role].padEnd(30)} ${u.agencyId}`).join('\n');
  console.log(`
SIP PPID is running — ${PUBLIC_BODY} (demo data)

  Register (public)   ${host.url}/
  Staff app           ${host.url}/app/
  API                 ${host.url}/api/health   (OpenAPI: ${host.url}/api/openapi.json)
  Mail outbox         ${host.url}/outbox/
  DynamoDB Local      ${host.endpoints.dynamodb}
  S3 emulator         ${host.endpoints.s3}
  Step Functions      ${host.endpoints.stepfunctions}
  Data                ${host.dataDir}

Demo users (password for every one: ${DEMO_PASSWORD}):
${users}

A token for curl:  npm run token -- admin
Press Ctrl-C to stop.`);
} catch (e) {
  if (e instanceof StartAborted) {
    // The signal handler is stopping the host and will exit.
  } else if (e instanceof MissingJavaError || e instanceof PortInUseError) {
    console.error(`\n${e.message}\n`);
    process.exit(1);
  } else {
    throw e;
  }
}
