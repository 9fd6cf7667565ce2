/** Starts a local host on free ports with its own data directory, for one test file. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { type LocalHost, type LocalHostOptions, startLocalHost } from '../../infra/local/host.ts';
import { machineArn } from '../../infra/local/stepfunctions.ts';

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
  return async function api<T = any>(
    as: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResult<T>> {
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

/** Polls until `check` returns something truthy (workflows run in the background). */
export async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A complete, valid set of DIP columns for tests. */
export function dipContent(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Profil Kesehatan Provinsi Kalimantan Barat 2025',
    summary: 'Data dan informasi kesehatan provinsi: derajat kesehatan, sumber daya kesehatan, dan pelayanan kesehatan tahun 2025.',
    holder: 'Bidang Sumber Daya Kesehatan, Dinas Kesehatan',
    responsible: 'Kepala Dinas Kesehatan Provinsi Kalimantan Barat',
    createdWhen: 'Maret 2026',
    createdWhere: 'Pontianak',
    // A softcopy needs a checked document to be submitted (itemWithPdf declares one with its PDF).
    formats: ['hardcopy'],
    retention: '5 tahun',
    category: 'berkala',
    year: 2025,
    tags: ['kesehatan', 'profil'],
    ...overrides,
  };
}

/** A minimal valid PDF (the server checks the type by its content). */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
export const sha256hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** POSTs a file to S3 with an upload ticket from the API, as the browser does. */
export async function uploadWithTicket(ticket: { url: string; fields: Record<string, string> }, bytes: Buffer, type = 'application/pdf'): Promise<number> {
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), 'file');
  return (await fetch(ticket.url, { method: 'POST', body: form })).status;
}

/** The mails the host has sent so far (its outbox: one JSON file a mail). */
export function outboxOf(host: LocalHost): any[] {
  const dir = join(host.dataDir, 'outbox');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** An S3 client on the host's emulator. */
export function emulatorS3(host: LocalHost): S3Client {
  return new S3Client({
    endpoint: host.endpoints.s3,
    region: 'ap-southeast-3',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

type Api = ReturnType<typeof apiClient>;

/** A draft item of the agency with one checked PDF (uploaded with a ticket, as the browser does). */
export async function itemWithPdf(api: Api, title: string, as = 'petugas.dinkes') {
  const created = await api(as, 'POST', '/api/items', { content: dipContent({ title, formats: ['softcopy', 'hardcopy'] }) });
  const doc = await api(as, 'POST', `/api/items/${created.body.itemId}/documents`, {
    fileName: 'lampiran.pdf',
    contentType: 'application/pdf',
    size: TINY_PDF.length,
    sha256: sha256hex(TINY_PDF),
  });
  await uploadWithTicket(doc.body.upload, TINY_PDF);
  const verified = await api(as, 'POST', `/api/items/${created.body.itemId}/documents/${doc.body.document.docId}/verify`);
  if (verified.status !== 200) throw new Error(`verify: ${JSON.stringify(verified.body)}`);
  return {
    itemId: created.body.itemId as string,
    docId: doc.body.document.docId as string,
    version: verified.body.itemVersion as number,
    regYear: created.body.regYear as number,
    sequence: created.body.sequence as number,
  };
}

/** A DIP item created by Dinkes' petugas and approved by its kepala: its publication builds the register. */
export async function publishItem(api: Api, content: Record<string, unknown>) {
  const created = await api('petugas.dinkes', 'POST', '/api/items', { content });
  await api('petugas.dinkes', 'POST', `/api/items/${created.body.itemId}/submit`, { version: created.body.version });
  await api('kepala.dinkes', 'POST', `/api/items/${created.body.itemId}/decision`, { decision: 'approve', versionNo: 1 });
  return created.body as { itemId: string; regYear: number; sequence: number; version: number };
}

/**
 * PPID Utama routes a request once its workflow waits for the routing. A letter received days ago is
 * already overdue, so the workflow's first wait times out at once and the escalation then records a
 * new wait: a read and the write after it may straddle that step, and the API answers 409. A person
 * reloads and routes again; so does this.
 */
export async function routeRequest(api: Api, requestId: string, body: Record<string, unknown> = { held: true, agencies: ['dinkes'] }): Promise<ApiResult> {
  for (let attempt = 1; ; attempt++) {
    await until(async () => (await dynamoStore.getRequest(requestId))?.routingWait?.taskToken, 'the routing wait', 30_000);
    const r = (await api('ppid.utama', 'GET', `/api/requests/${requestId}`)).body;
    const routed = await api('ppid.utama', 'POST', `/api/requests/${requestId}/routing`, { ...body, version: r.version });
    if (routed.status !== 409 || attempt === 5) return routed;
  }
}

/** A PDF an SKPD declares for a request, uploads with its ticket and has checked (to give with an answer or a follow-up): its docId. */
export async function requestPdf(api: Api, requestId: string, as = 'kepala.dinkes', fileName = 'cakupan-imunisasi.pdf'): Promise<string> {
  const declared = await api(as, 'POST', `/api/requests/${requestId}/documents`, {
    fileName,
    contentType: 'application/pdf',
    size: TINY_PDF.length,
    sha256: sha256hex(TINY_PDF),
  });
  if (declared.status !== 201) throw new Error(`declare: ${declared.status} ${JSON.stringify(declared.body)}`);
  const uploaded = await uploadWithTicket(declared.body.upload, TINY_PDF);
  if (uploaded >= 300) throw new Error(`upload: ${uploaded}`);
  const docId = declared.body.document.docId as string;
  const verified = await api(as, 'POST', `/api/requests/${requestId}/documents/${docId}/verify`);
  if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.body)}`);
  return docId;
}

/** A complete consequence test (SOP 002 step 1) for tests: Pasal 17 h, personal medical records. */
export function consequenceTest(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Rekam medis pasien Rumah Sakit Jiwa Daerah',
    documents: [{ title: 'Berkas rekam medis pasien rawat inap', reference: 'RM/2026' }],
    description: 'Seluruh isi rekam medis pasien: identitas, diagnosis, riwayat pengobatan dan hasil pemeriksaan penunjang.',
    legalBasis: { pasal17: ['h'], otherLaws: [{ law: 'Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan', article: 'Pasal 4 ayat (1) huruf i' }] },
    consequence: {
      ifOpened: 'Membuka rekam medis mengungkap rahasia pribadi pasien dan kondisi kesehatannya kepada pihak yang tidak berhak.',
      publicInterest: 'Kepentingan publik lebih besar dilindungi dengan menjaga kerahasiaan pasien; statistik agregat tetap diumumkan.',
    },
    period: {},
    participants: [
      { name: 'dr. Rina Marlina', position: 'Kepala PPID Pelaksana Dinas Kesehatan' },
      { name: 'Budi Santoso, S.H.', position: 'Kepala Subbagian Hukum' },
    ],
    ...overrides,
  };
}

/** A decree for tests, dated today in Western Indonesia. */
export function decree(overrides: Record<string, unknown> = {}) {
  return {
    number: '045/PPID/2026',
    date: new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10),
    place: 'Pontianak',
    official: { name: 'Drs. H. Ahmad Fauzi', position: 'PPID Utama Provinsi Kalimantan Barat' },
    ...overrides,
  };
}

/**
 * An exclusion of Dinas Kesehatan taken through SOP 002 by the API, as the people would: proposed by
 * its PPID Pelaksana, decided Ya by the Atasan PPID and, unless `until: 'ya'`, decreed by PPID Utama
 * (in force, on the DIK). Returns the exclusion as it then is.
 */
export async function exclusionThroughSop002(api: Api, test: Record<string, unknown>, opts: { requestId?: string; until?: 'ya' | 'in_force' } = {}) {
  const proposed = await api('kepala.dinkes', 'POST', '/api/exclusions', { test, ...(opts.requestId ? { requestId: opts.requestId } : {}) });
  if (proposed.status !== 201) throw new Error(`proposal refused: ${JSON.stringify(proposed.body)}`);
  const id = proposed.body.exclusionId as string;
  const waiting = (phase: string) => until(() => exclusionWait(id, phase), `a task token (${phase})`);
  await waiting('decision');
  const decided = await api('atasan.ppid', 'POST', `/api/exclusions/${id}/decision`, { decision: 'ya', note: 'Setuju.', round: 1 });
  if (decided.status !== 200) throw new Error(`decision refused: ${JSON.stringify(decided.body)}`);
  if (opts.until === 'ya') return (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
  await waiting('decree');
  const ex = (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
  const set = await api('ppid.utama', 'POST', `/api/exclusions/${id}/decree`, { decree: decree(), version: ex.version });
  if (set.status !== 200) throw new Error(`decree refused: ${JSON.stringify(set.body)}`);
  return until(
    async () => {
      const e = (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
      return e.state === 'in_force' && e;
    },
    'the exclusion in force',
    30_000,
  );
}

/** The workflow waits for this phase's person (its task token is recorded). */
async function exclusionWait(id: string, phase: string): Promise<boolean> {
  const wait = (await dynamoStore.getExclusion(id))?.wait;
  return wait?.phase === phase && !!wait.taskToken;
}

/**
 * What the local scheduler does on a tick (infra/local/host.ts): starts the state machine with the
 * schedule's input, here now; resolves with the execution once it is no longer running.
 */
export async function runScheduled(host: LocalHost, stateMachine: string, timeoutMs = 60_000) {
  const { executionArn } = host.stepFunctions.startExecution(machineArn(stateMachine), JSON.stringify({ scheduledTime: new Date().toISOString() }));
  return until(
    () => {
      const e = host.stepFunctions.describe(executionArn);
      return e.status === 'RUNNING' ? undefined : e;
    },
    `the ${stateMachine} execution`,
    timeoutMs,
  );
}

/**
 * For a test that runs the register's update or rebuild itself: the scheduler stopped (the exports
 * job takes the register's lease on its tick) and whatever register updates the set-up started
 * (the seeded agencies start one each) finished, as they hold the lease while they run.
 */
export async function registerQuiet(host: LocalHost, timeoutMs = 120_000): Promise<void> {
  host.scheduler.stop();
  await until(
    () => ![...host.stepFunctions.executions.values()].some((e) => e.name.startsWith('register') && e.status === 'RUNNING'),
    'the register updates done',
    timeoutMs,
  );
}
