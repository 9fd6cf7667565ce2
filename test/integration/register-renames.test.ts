/**
 * Renames reach the public register with no admin asking for a rebuild: renaming an agency or the
 * public body writes a `site` register event with the change and starts the register's update,
 * which finds the register built with other settings and rebuilds it (register-events.ts). What it
 * wrote is what a full rebuild writes.
 */
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, emulatorS3, startTestHost, until } from '../support/host.ts';

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

const page = (path: string) => fetch(`${host.url}/${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));

/** Every object of the register bucket and its bytes. */
async function site(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let token: string | undefined;
  do {
    const res = await s3.send(new ListObjectsV2Command({ Bucket: host.bucketNames.register, ContinuationToken: token }));
    for (const o of res.Contents ?? []) {
      const body = await s3.send(new GetObjectCommand({ Bucket: host.bucketNames.register, Key: o.Key! }));
      out.set(o.Key!, await body.Body!.transformToString('base64'));
    }
    token = res.NextContinuationToken;
  } while (token);
  return out;
}

const idle = () =>
  until(
    () => ![...host.stepFunctions.executions.values()].some((e) => e.name.startsWith('register') && e.status === 'RUNNING'),
    'the register updates done',
    60_000,
  );

describe('renames on the register', () => {
  it('an agency renamed by the admin is renamed on the register', async () => {
    await until(async () => (await page('dip/index.html')).status === 200, 'the register built', 60_000);
    const before = (await api('admin', 'GET', '/api/agencies/dinkes')).body;
    const renamed = 'Dinas Kesehatan Provinsi Kalimantan Barat';
    expect((await page('dip/index.html')).text).not.toContain(renamed);
    const res = await api('admin', 'PATCH', '/api/agencies/dinkes', { name: renamed, version: before.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await until(async () => (await page('dip/index.html')).text.includes(renamed), 'the new name on /dip/', 60_000);
    expect((await page('en/dip/index.html')).text).toContain(renamed);
  });

  it('the public body renamed by the admin is renamed on every page', async () => {
    const name = 'Pemerintah Provinsi Kalimantan Barat (uji ganti nama)';
    const res = await api('admin', 'PUT', '/api/settings/public-body', { name });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await until(async () => (await page('index.html')).text.includes(name), 'the new name on the home page', 60_000);
    expect((await page('dip/index.html')).text).toContain(name);
  });

  it('what the updates wrote is what a full rebuild writes', async () => {
    await idle();
    const updated = await site();
    const res = await api('admin', 'POST', '/api/register/rebuild');
    expect(res.status).toBe(201);
    await until(
      async () => [...host.stepFunctions.executions.values()].find((e) => e.name === res.body.started && e.status === 'SUCCEEDED'),
      'the rebuild',
      60_000,
    );
    const rebuilt = await site();
    expect([...rebuilt.keys()].sort()).toEqual([...updated.keys()].sort());
    const differ = [...rebuilt.keys()].filter((k) => rebuilt.get(k) !== updated.get(k));
    // Only what is stamped with the time of the build may differ (exports and the catalogue carry it).
    expect(differ.filter((k) => !/^(data\/|en\/data\/|catalog|sitemap)/.test(k))).toEqual([]);
  });
});
