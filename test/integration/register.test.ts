/**
 * The register builder against the S3 emulator, driven by the real workflows: publishing writes the
 * item's page, its public documents and the exports into the register bucket; withdrawing removes
 * them everywhere; drafts never reach the register; the sitemap, robots.txt, the pages' heads and
 * the DCAT catalogue are absolute on the host's address; a full rebuild gives the same site.
 */
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerStore } from '../../functions/adapters/register-store.ts';
import { LEASE_SECONDS, RegisterBusy } from '../../functions/core/register-update.ts';
import { apiClient, itemWithPdf as createItemWithPdf, emulatorS3, runScheduled, sha256hex, startTestHost, TINY_PDF, until } from '../support/host.ts';
import { catalogQuads, irisOf, isAbsoluteIri, pageHead, sitemapIndex, sitemapUrls } from '../support/register-checks.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let s3: S3Client;

const PDF = TINY_PDF;
const sha = sha256hex;

beforeAll(async () => {
  host = await startTestHost();
  // The exports job is run by hand here (runExportsJob); the schedule's own tick would take the lease.
  host.scheduler.stop();
  api = apiClient(host);
  s3 = emulatorS3(host);
});
afterAll(async () => {
  s3?.destroy();
  await host?.cleanup();
});

async function registerKeys(prefix = ''): Promise<string[]> {
  const res = await s3.send(new ListObjectsV2Command({ Bucket: host.bucketNames.register, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!);
}

const itemWithPdf = (title: string) => createItemWithPdf(api, title);

const page = (path: string) => fetch(`${host.url}/${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));

/** What the exports' schedule does on a tick (infra/system.ts FrequentRegisterExports): the RegisterExports workflow, to its end. */
async function runExportsJob(): Promise<void> {
  const done = await runScheduled(host, 'RegisterExports');
  expect(done.status, JSON.stringify(done)).toBe('SUCCEEDED');
}

describe('public register', () => {
  let published: Awaited<ReturnType<typeof itemWithPdf>>;
  let draft: Awaited<ReturnType<typeof itemWithPdf>>;
  const itemPage = () => `informasi/dinkes/${published.regYear}/${published.sequence}.html`;

  it('publishing writes the item page, its public document and the exports; drafts stay out', async () => {
    published = await itemWithPdf('Laporan Akuntabilitas Kinerja Dinas Kesehatan <2025> & "Lampiran"');
    draft = await itemWithPdf('Draf yang belum diajukan');
    expect((await api('petugas.dinkes', 'POST', `/api/items/${published.itemId}/submit`, { version: published.version })).status).toBe(200);
    expect((await api('kepala.dinkes', 'POST', `/api/items/${published.itemId}/decision`, { decision: 'approve', versionNo: 1 })).status).toBe(200);

    const html = await until(
      async () => {
        const p = await page(itemPage());
        return p.status === 200 ? p.text : undefined;
      },
      'the item page on the register',
      30_000,
    );
    // Escaped by construction (preact-render-to-string leaves a lone `>` in text, which is harmless).
    expect(html).toMatch(/Laporan Akuntabilitas Kinerja Dinas Kesehatan &lt;2025(&gt;|>) &amp; (&quot;|")Lampiran(&quot;|")/);
    expect(html).not.toContain('<2025>');
    const file = await fetch(`${host.url}/berkas/${published.itemId}/${published.docId}/lampiran.pdf`);
    expect(file.status).toBe(200);
    expect(sha(Buffer.from(await file.arrayBuffer()))).toBe(sha(PDF));
    // The agency's part of the open data at once; the whole-register exports with their job.
    const part = `data/dip/dinkes/${published.regYear}`;
    expect((await page(`${part}.json`)).text).toContain(published.itemId);
    expect((await page(`${part}.csv`)).text).toContain('Laporan Akuntabilitas Kinerja');
    expect((await page('data/dip.json')).text).not.toContain(published.itemId);
    expect((await page('data/dip/index.json')).text).toContain(`"agencyId":"dinkes","year":${published.regYear}`);
    await runExportsJob();
    const json = JSON.parse((await page('data/dip.json')).text);
    expect(JSON.stringify(json)).toContain(published.itemId);
    expect((await page('data/dip.csv')).text).toContain('Laporan Akuntabilitas Kinerja');
    expect((await page('data/catalog.jsonld')).text).toContain(`${part}.json`);
    expect((await page('index.html')).status).toBe(200);
    expect(await registerKeys(`berkas/${draft.itemId}`)).toEqual([]);
    expect(JSON.stringify(json)).not.toContain(draft.itemId);
    expect((await page(`${part}.json`)).text).not.toContain(draft.itemId);
  });

  it('lists the new item in the sitemap in both languages, and the pages, robots.txt and the catalogue are absolute on the host', async () => {
    const base = host.url; // the local host's REGISTER_URL: the register's base URL when the body sets none
    const item = `${base}/${itemPage()}`;
    const itemEn = `${base}/en/${itemPage()}`;
    expect((await page('robots.txt')).text).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap.xml\n`);
    const part = `sitemap/dip/dinkes/${published.regYear}-1.xml`;
    expect(sitemapIndex((await page('sitemap.xml')).text).map((p) => p.loc)).toEqual(expect.arrayContaining([`${base}/sitemap/umum.xml`, `${base}/${part}`]));
    // Written by the incremental update of this publication (the register was built in full before it).
    const urls = sitemapUrls((await page(part)).text);
    expect(urls.find((u) => u.loc === item)).toEqual({
      loc: item,
      lastmod: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      alternates: { id: item, en: itemEn, 'x-default': item },
    });
    expect(urls.some((u) => u.loc === itemEn)).toBe(true);
    for (const [path, canonical] of [
      ['', `${base}/`],
      ['dip/', `${base}/dip/`],
      ['dik/', `${base}/dik/`],
      ['cari/', `${base}/cari/`],
      [itemPage(), item],
    ] as const) {
      for (const lang of ['id', 'en'] as const) {
        const url = lang === 'id' ? canonical : canonical.replace(base, `${base}/en`);
        const res = await page(lang === 'id' ? path : `en/${path}`);
        expect(res.status, url).toBe(200);
        const head = pageHead(res.text);
        expect(head.canonical, url).toBe(url);
        expect(head.description?.length ?? 0, url).toBeGreaterThan(40);
        expect(head.alternates, url).toEqual({ id: canonical, en: canonical.replace(base, `${base}/en`), 'x-default': canonical });
      }
    }
    const { quads } = await catalogQuads((await page('data/catalog.jsonld')).text);
    for (const iri of quads.flatMap(irisOf)) expect(isAbsoluteIri(iri), iri).toBe(true);
    expect(quads.join('\n')).toContain(`<${base}/data/dik.csv>`);
    expect(quads.join('\n')).toContain('<https://creativecommons.org/licenses/by/4.0/>');
    expect(quads.join('\n')).toContain('<mailto:ppid@kalbarprov.go.id>');
    expect((await page('data/dip.csv')).text).toContain(item);
  });

  it('withdrawal removes the page, the document and the export rows', async () => {
    expect((await api('kepala.dinkes', 'POST', `/api/items/${published.itemId}/withdraw`, { reason: 'Salah unggah dokumen' })).status).toBe(200);
    await until(async () => (await page(itemPage())).status === 404, 'the item page gone', 30_000);
    expect(await registerKeys(`berkas/${published.itemId}`)).toEqual([]);
    expect((await page(`data/dip/dinkes/${published.regYear}.json`)).text).not.toContain(published.itemId);
    expect((await page('data/dip.json')).text).toContain(published.itemId);
    await runExportsJob();
    expect((await page('data/dip.json')).text).not.toContain(published.itemId);
    expect((await page('data/dip.csv')).text).not.toContain('Laporan Akuntabilitas Kinerja');
  });

  it('a full rebuild (admin) gives the same site', async () => {
    const before = (await registerKeys()).sort();
    expect((await api('ppid.utama', 'POST', '/api/register/rebuild')).status).toBe(403);
    const res = await api('admin', 'POST', '/api/register/rebuild');
    expect(res.status).toBe(201);
    await until(
      async () => [...host.stepFunctions.executions.values()].find((e) => e.name === res.body.started && e.status === 'SUCCEEDED'),
      'the rebuild',
      30_000,
    );
    expect((await registerKeys()).sort()).toEqual(before);
  });

  it('an update that died holding the lease (a crash half-way) holds the register for at most the short lease: the next one applies within 30 s', async () => {
    // A holder that took the lease and died: it never renews it and never gives it back.
    expect(await registerStore.lock('crashed-update', LEASE_SECONDS)).toBe(true);
    const died = Date.now();
    const item = await itemWithPdf('Laporan Penyelenggaraan Pelayanan Publik Dinas Kesehatan');
    expect((await api('petugas.dinkes', 'POST', `/api/items/${item.itemId}/submit`, { version: item.version })).status).toBe(200);
    expect((await api('kepala.dinkes', 'POST', `/api/items/${item.itemId}/decision`, { decision: 'approve', versionNo: 1 })).status).toBe(200);
    await until(async () => (await page(`informasi/dinkes/${item.regYear}/${item.sequence}.html`)).status === 200, 'the page after the dead lease', 40_000);
    expect(Date.now() - died).toBeLessThan(30_000 + 5_000);
  }, 60_000);

  it('the fence: a holder that lost its lease cannot record what the register shows', async () => {
    // (An update of the test before may still hold it for a moment.)
    await until(() => registerStore.lock('slow-holder', LEASE_SECONDS), 'the lease', 30_000);
    // Its lease passes to another holder (as after expiry) ...
    await registerStore.unlock('slow-holder');
    expect(await registerStore.lock('next-holder', LEASE_SECONDS)).toBe(true);
    try {
      // ... so the slow one can neither renew it nor write its snapshot.
      expect(await registerStore.renew('slow-holder', LEASE_SECONDS)).toBe(false);
      await expect(registerStore.markRendered('no-such-item', undefined, [], 'slow-holder')).rejects.toBeInstanceOf(RegisterBusy);
      expect(await registerStore.renew('next-holder', LEASE_SECONDS)).toBe(true);
    } finally {
      await registerStore.unlock('next-holder');
    }
  });

  it('one update at a time: an update that finds the register busy is retried by its workflow, then applies', async () => {
    // (An update of the test before may still hold it for a moment.)
    await until(() => registerStore.lock('test-holder', 60), 'the lease', 30_000);
    try {
      const again = await itemWithPdf('Rencana Kerja Bidang Kesehatan Masyarakat');
      expect((await api('petugas.dinkes', 'POST', `/api/items/${again.itemId}/submit`, { version: again.version })).status).toBe(200);
      expect((await api('kepala.dinkes', 'POST', `/api/items/${again.itemId}/decision`, { decision: 'approve', versionNo: 1 })).status).toBe(200);
      await until(async () => (await api('ppid.utama', 'GET', `/api/items/${again.itemId}`)).body.publication === 'published', 'published');
      // Published in the table, but the register update waits for the lease (the workflow retries it).
      await new Promise((r) => setTimeout(r, 2500));
      expect((await page(`informasi/dinkes/${again.regYear}/${again.sequence}.html`)).status).toBe(404);
      await registerStore.unlock('test-holder');
      await until(async () => (await page(`informasi/dinkes/${again.regYear}/${again.sequence}.html`)).status === 200, 'the page after the lease', 30_000);
    } finally {
      await registerStore.unlock('test-holder');
    }
  }, 60_000);
});
