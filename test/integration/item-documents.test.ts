/**
 * Documents of an item through the API and the S3 emulator: declare, upload with the ticket, have
 * the server check it; wrong type, wrong size and tampered content are refused with a message and
 * leave nothing behind, in the item or in the bucket.
 */
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, dipContent, emulatorS3, sha256hex, startTestHost, TINY_PDF, uploadWithTicket } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
let s3: S3Client;

const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
const PDF = TINY_PDF;
const sha = sha256hex;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
  s3 = emulatorS3(host);
});
afterAll(async () => {
  s3?.destroy();
  await host?.cleanup();
});

async function newItem() {
  const res = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent() });
  expect(res.status).toBe(201);
  return res.body.itemId as string;
}

async function upload(ticket: { url: string; fields: Record<string, string> }, bytes: Buffer, type = 'application/pdf') {
  expect(await uploadWithTicket(ticket, bytes, type)).toBeLessThan(300);
}

const exists = (key: string) =>
  s3.send(new HeadObjectCommand({ Bucket: host.bucketNames.documents, Key: key })).then(
    () => true,
    () => false,
  );

describe('item documents', () => {
  it('a real PDF is uploaded with its ticket, checked, downloadable, and the item can be submitted', async () => {
    const itemId = await newItem();
    const declared = await api('petugas.dinkes', 'POST', `/api/items/${itemId}/documents`, {
      fileName: 'Profil Kesehatan 2025.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha(PDF),
    });
    expect(declared.status).toBe(201);
    expect(declared.body.document.status).toBe('pending');
    const pending = await api('petugas.dinkes', 'GET', `/api/items/${itemId}`);
    expect((await api('petugas.dinkes', 'POST', `/api/items/${itemId}/submit`, { version: pending.body.version })).status).toBe(400);
    await upload(declared.body.upload, PDF);
    const checked = await api('petugas.dinkes', 'POST', `/api/items/${itemId}/documents/${declared.body.document.docId}/verify`);
    expect(checked.status).toBe(200);
    expect(checked.body.document).toMatchObject({ status: 'verified', sha256: sha(PDF), size: PDF.length });
    // The checked file sits where only the server writes; the upload key is empty again.
    expect(await exists(declared.body.upload.key)).toBe(false);
    expect(await exists(checked.body.document.key)).toBe(true);
    const link = await api('kepala.dinkes', 'GET', `/api/items/${itemId}/documents/${declared.body.document.docId}`);
    expect(link.status).toBe(200);
    const downloaded = Buffer.from(await (await fetch(link.body.url)).arrayBuffer());
    expect(sha(downloaded)).toBe(sha(PDF));
    expect((await api('petugas.disdikbud', 'GET', `/api/items/${itemId}/documents/${declared.body.document.docId}`)).status).toBe(403);
    expect((await api('petugas.dinkes', 'POST', `/api/items/${itemId}/submit`, { version: checked.body.itemVersion })).status).toBe(200);
  });

  it.each([
    ['an HTML page declared as PDF', HTML, HTML.length, sha(HTML), 415, /PDF/],
    ['a file of another size than declared', PDF, PDF.length + 10, sha(PDF), 400, /bytes declared/],
    ['content that is not the declared SHA-256 (tampered)', Buffer.concat([PDF, Buffer.from('% changed\n')]), PDF.length + 10, sha(PDF), 400, /SHA-256/],
  ])('refuses %s and keeps nothing of it', async (_what, bytes, size, hash, status, text) => {
    const itemId = await newItem();
    const declared = await api('petugas.dinkes', 'POST', `/api/items/${itemId}/documents`, {
      fileName: 'laporan.pdf',
      contentType: 'application/pdf',
      size,
      sha256: hash,
    });
    expect(declared.status).toBe(201);
    await upload(declared.body.upload, bytes);
    const checked = await api('petugas.dinkes', 'POST', `/api/items/${itemId}/documents/${declared.body.document.docId}/verify`, undefined, {
      'accept-language': 'en',
    });
    expect(checked.status).toBe(status);
    expect(checked.body.error.messages.id).toBeTruthy();
    expect(checked.body.error.message).toMatch(text);
    const item = await api('petugas.dinkes', 'GET', `/api/items/${itemId}`);
    expect(item.body.current.documents).toEqual([]);
    expect(await exists(declared.body.upload.key)).toBe(false);
    expect(await exists(declared.body.document.key)).toBe(false);
  });

  it('refuses a type that is not allowed, a file over the limit, and a verify before any upload', async () => {
    const itemId = await newItem();
    const exe = await api('petugas.dinkes', 'POST', `/api/items/${itemId}/documents`, {
      fileName: 'setup.exe',
      contentType: 'application/x-msdownload',
      size: 100,
      sha256: 'a'.repeat(64),
    });
    expect(exe.status).toBe(400);
    expect(exe.body.error.details[0].messages.en).toMatch(/not accepted/);
    const big = await api('petugas.dinkes', 'POST', `/api/items/${itemId}/documents`, {
      fileName: 'besar.pdf',
      contentType: 'application/pdf',
      size: 26 * 1024 * 1024,
      sha256: 'a'.repeat(64),
    });
    expect(big.status).toBe(400);
    expect(big.body.error.details[0].messages.id).toMatch(/25 MB/);
    const declared = await api('petugas.dinkes', 'POST', `/api/items/${itemId}/documents`, {
      fileName: 'nanti.pdf',
      contentType: 'application/pdf',
      size: 10,
      sha256: 'b'.repeat(64),
    });
    const early = await api('petugas.dinkes', 'POST', `/api/items/${itemId}/documents/${declared.body.document.docId}/verify`);
    expect(early.status).toBe(400);
    const removed = await api('petugas.dinkes', 'DELETE', `/api/items/${itemId}/documents/${declared.body.document.docId}`);
    expect(removed.status).toBe(200);
    expect((await api('petugas.dinkes', 'GET', `/api/items/${itemId}`)).body.current.documents).toEqual([]);
  });

  it('another agency may not add documents to an item', async () => {
    const itemId = await newItem();
    const res = await api('petugas.disdikbud', 'POST', `/api/items/${itemId}/documents`, {
      fileName: 'x.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha(PDF),
    });
    expect(res.status).toBe(403);
  });
});
