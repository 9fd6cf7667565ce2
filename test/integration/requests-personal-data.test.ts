/**
 * The requester's personal data (UU 27/2022) against DynamoDB Local and the S3 emulator: after a
 * full lifecycle no NIK, email, phone, address or name of the test requester is in any object of the
 * register bucket or in the register's exports; after the retention period the scheduled job erases
 * it (audited, by number only) and the request's non-personal record stays for the statistics.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { eraseExpired } from '../../functions/tasks/request.ts';
import { apiClient, emulatorS3, routeRequest, startTestHost, until } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let s3: S3Client;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  s3 = emulatorS3(host);
});
afterAll(async () => {
  s3?.destroy();
  await host?.cleanup();
});

const PERSONAL = {
  kind: 'individual',
  fullName: 'Yohana Marselina Sitorus',
  nik: '6171054407910002',
  address: 'Gang Mawar Merah No. 77, Kelurahan Sungai Bangkong, Pontianak',
  email: 'yohana.sitorus.uji@example.org',
  phone: '+62 813 4567 8910',
};
const SECRETS = [PERSONAL.fullName, PERSONAL.nik, PERSONAL.address, 'Mawar Merah', PERSONAL.email, '4567 8910', '81345678910'];

async function registerBodies(): Promise<{ key: string; body: string }[]> {
  const out: { key: string; body: string }[] = [];
  let token: string | undefined;
  do {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: host.bucketNames.register, ContinuationToken: token }));
    for (const o of res.Contents ?? []) {
      const obj = await s3.send(new GetObjectCommand({ Bucket: host.bucketNames.register, Key: o.Key! }));
      out.push({ key: o.Key!, body: Buffer.from(await obj.Body!.transformToByteArray()).toString('latin1') });
    }
    token = res.NextContinuationToken;
  } while (token);
  return out;
}

describe('requester personal data', () => {
  it('never reaches the register bucket or its exports, and is erased after the retention period', async () => {
    await api('admin', 'PUT', '/api/settings/rules', {
      publicationApproval: { unit: 'calendarDays', amount: 7 },
      approvalReminder: { unit: 'workingDays', amount: 1 },
      personalDataRetentionYears: 0,
    });
    const filed = await api(null, 'POST', '/api/public/requests', {
      requester: PERSONAL,
      content: {
        information: 'Daftar penerima beasiswa daerah tahun 2025 per kabupaten',
        purpose: 'Pengawasan anggaran pendidikan oleh masyarakat',
        obtainForm: 'copy_softcopy',
        deliveryMethod: 'email',
      },
      submissionId: crypto.randomUUID(),
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = (filed.body.number as string).replace(/^PMH\/(\d{4})\/(\d+)$/, '$1-$2');
    expect((await routeRequest(api, id, { held: true, agencies: ['disdikbud'] })).status).toBe(200);
    await until(async () => (await dynamoStore.getRequest(id))?.parts[0]?.taskToken, 'the part wait');
    const r2 = (await api('ppid.utama', 'GET', `/api/requests/${id}`)).body;
    const answered = await api('kepala.disdikbud', 'POST', `/api/requests/${id}/parts/disdikbud/answer`, {
      decision: 'granted',
      form: 'Salinan elektronik (PDF)',
      cost: 0,
      deliveryTime: 'Bersama pemberitahuan ini',
      version: r2.version,
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    const closed = await until(
      async () => {
        const x = await dynamoStore.getRequest(id);
        return x?.state === 'closed' ? x : undefined;
      },
      'the closed request',
      30_000,
    );
    expect(closed.notice).toBeTruthy();

    // Wait for the register to take in the notice's verification page, then read every object.
    await until(async () => (await fetch(`${host.url}/verifikasi/${closed.notice!.verificationCode}/`)).status === 200, 'the verification page', 30_000);
    const objects = await registerBodies();
    expect(objects.length).toBeGreaterThan(5);
    for (const { key, body } of objects) for (const secret of SECRETS) expect(body.includes(secret), `${secret} in ${key}`).toBe(false);

    // The personal record is due now (retention 0 years): the nightly job erases it, once.
    expect((await dynamoStore.getRequestPersonal(id))?.eraseAfter).toBeTruthy();
    const first = await eraseExpired();
    expect(first.erased).toBeGreaterThanOrEqual(1);
    expect(await dynamoStore.getRequestPersonal(id)).toBeUndefined();
    expect((await eraseExpired()).erased).toBe(0);
    const after = await dynamoStore.getRequest(id);
    expect(after).toMatchObject({ state: 'closed', number: filed.body.number, personalErasedAt: expect.any(String) });
    expect(after?.content.information).toMatch(/beasiswa/);
    const gone = await api('ppid.utama', 'GET', `/api/requests/${id}/personal`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.messages.id).toMatch(/dihapus setelah masa retensi/);
    const audit = (await api('admin', 'GET', `/api/audit?entityType=request&entityId=${id}&limit=100`)).body.items as any[];
    expect(audit.some((e) => e.action === 'request.personal_data_erased')).toBe(true);
    for (const secret of SECRETS) expect(JSON.stringify(audit)).not.toContain(secret);
  });
});
