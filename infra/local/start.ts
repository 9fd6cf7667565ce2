/**
 * `npm start`: the whole system on this machine. Ctrl-C stops everything; data stays in `.data/`.
 */
import { MissingJavaError } from './emulators.ts';
import { PortInUseError, startLocalHost } from './host.ts';
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

try {
  console.log('Starting SIP PPID on the local host …');
  const host = await startLocalHost({ port: Number(process.env.PORT ?? 3000), dataDir: process.env.DATA_DIR ?? '.data', demoItems: true });
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
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping …`);
    await host.stop();
    console.log('Stopped. Data kept in', host.dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (e) {
  if (e instanceof MissingJavaError || e instanceof PortInUseError) {
    console.error(`\n${e.message}\n`);
    process.exit(1);
  }
  throw e;
}
