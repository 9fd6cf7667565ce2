/**
 * Browser-style uploads against the real S3 emulator (s3rver) of the local host: a presigned POST
 * with a multipart form, exactly as the staff app sends it, then the server-side verification.
 *
 * The local S3 emulator enforces the POST policy as S3 does (infra/local/post-policy.ts; its own
 * tests are in test/integration/s3-post-policy.test.ts): a form with more bytes than the
 * content-length-range or another Content-Type than the ticket named is refused. The server-side
 * verification is still what counts on both hosts: these tests also put such objects straight into
 * the bucket (as a store that checked nothing would keep them) and show that `verifyUpload` refuses
 * and removes them.
 */
import { createHash } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { s3 } from '../../functions/adapters/s3.ts';
import { createUploadTicket, deleteObject, type UploadTicket, verifyUpload } from '../../functions/adapters/uploads.ts';
import { ALLOWED, SNIFF_BYTES } from '../../functions/core/documents.ts';
import { DomainError } from '../../functions/core/errors.ts';
import { startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host?.cleanup();
});
const savedLimit = process.env.MAX_UPLOAD_BYTES;
afterEach(() => {
  if (savedLimit === undefined) delete process.env.MAX_UPLOAD_BYTES;
  else process.env.MAX_UPLOAD_BYTES = savedLimit;
});

const enc = new TextEncoder();
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pdf = (padding = 0) =>
  Buffer.concat([
    enc.encode('%PDF-1.4\n%'),
    Uint8Array.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a]),
    enc.encode('1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n'),
    enc.encode(`% ${'x'.repeat(padding)}\n`),
    enc.encode('trailer <</Root 1 0 R>>\n%%EOF\n'),
  ]);
const HTML = enc.encode('<!DOCTYPE html><html><body><script>fetch("/api/me")</script>Laporan</body></html>\n');

let n = 0;
const newKey = (name: string) => `uploads/test/${++n}/${name}`;

/** What the staff app does: the ticket's fields in order, then the file last, as multipart/form-data. */
async function post(ticket: UploadTicket, bytes: Uint8Array, fileName: string, override: Record<string, string> = {}): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...ticket.fields, ...override })) form.append(k, v);
  form.append('file', new Blob([Buffer.from(bytes)]), fileName);
  return fetch(ticket.url, { method: 'POST', body: form });
}

/** An object stored with no policy in the way, as a store that checked nothing would keep a form's upload. */
async function putStraight(key: string, bytes: Uint8Array, contentType = 'application/pdf'): Promise<void> {
  await s3().send(new PutObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET, Key: key, Body: bytes, ContentType: contentType }));
}

async function exists(key: string): Promise<boolean> {
  try {
    await s3().send(new HeadObjectCommand({ Bucket: process.env.DOCUMENTS_BUCKET, Key: key }));
    return true;
  } catch (e) {
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw e;
  }
}

describe('upload ticket', () => {
  it('is a presigned POST bound to one key, one Content-Type and 1..declared size, for 15 minutes', async () => {
    const key = newKey('laporan.pdf');
    const before = Date.now();
    const ticket = await createUploadTicket(key, 'application/pdf', 1234);
    expect(ticket.url).toBe(`${process.env.AWS_ENDPOINT_URL_S3}/${process.env.DOCUMENTS_BUCKET}`);
    expect(ticket.key).toBe(key);
    expect(ticket.maxBytes).toBe(1234);
    expect(ticket.fields).toMatchObject({ key, 'Content-Type': 'application/pdf', 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' });
    expect(ticket.fields['X-Amz-Signature']).toMatch(/^[0-9a-f]{64}$/);
    const expires = Date.parse(ticket.expiresAt) - before;
    expect(expires).toBeGreaterThan(14 * 60_000);
    expect(expires).toBeLessThanOrEqual(15 * 60_000 + 1000);

    const policy = JSON.parse(Buffer.from(ticket.fields.Policy!, 'base64').toString('utf8'));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([['content-length-range', 1, 1234], { key }, { 'Content-Type': 'application/pdf' }, { bucket: process.env.DOCUMENTS_BUCKET }]),
    );
    // No "starts-with" condition: nothing else in the form may vary.
    expect(policy.conditions.some((c: unknown) => Array.isArray(c) && c[0] === 'starts-with')).toBe(false);
    expect(Math.abs(Date.parse(policy.expiration) - Date.parse(ticket.expiresAt))).toBeLessThan(2000);
  });

  it('is refused above the limit and for a type that is not accepted', async () => {
    process.env.MAX_UPLOAD_BYTES = '1000';
    const tooLarge = await createUploadTicket(newKey('a.pdf'), 'application/pdf', 1001).catch((e) => e);
    expect(tooLarge).toBeInstanceOf(DomainError);
    expect(tooLarge).toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(tooLarge.text.en).toMatch(/1001 byte, over the limit of 1000 byte/);
    const html = await createUploadTicket(newKey('a.html'), 'text/html', 10).catch((e) => e);
    expect(html).toMatchObject({ code: 'unsupported_media_type', status: 415 });
    expect(html.text.id).toMatch(/text\/html/);
  });
});

describe('verifyUpload', () => {
  it('accepts the declared file: size and SHA-256 match, the object stays', async () => {
    const bytes = pdf();
    const key = newKey('Laporan Tahunan.pdf');
    const ticket = await createUploadTicket(key, ALLOWED.pdf.contentType, bytes.length);
    const res = await post(ticket, bytes, 'Laporan Tahunan.pdf');
    expect(res.status).toBe(204);

    const result = await verifyUpload(key, { size: bytes.length, sha256: sha256(bytes), kind: 'pdf' });
    expect(result).toEqual({ ok: true, size: bytes.length, sha256: sha256(bytes), contentType: 'application/pdf' });
    expect(await exists(key)).toBe(true);
  });

  it('streams files larger than the sniffed head (3 MB PDF)', async () => {
    const bytes = pdf(3 * 1024 * 1024);
    expect(bytes.length).toBeGreaterThan(SNIFF_BYTES);
    const key = newKey('besar.pdf');
    await post(await createUploadTicket(key, 'application/pdf', bytes.length), bytes, 'besar.pdf');
    const result = await verifyUpload(key, { size: bytes.length, sha256: sha256(bytes), kind: 'pdf' });
    expect(result).toMatchObject({ ok: true, size: bytes.length, sha256: sha256(bytes) });
  });

  it('refuses an HTML page sent under a PDF ticket (type by content) and deletes it', async () => {
    const key = newKey('laporan.pdf');
    const ticket = await createUploadTicket(key, 'application/pdf', HTML.length);
    expect((await post(ticket, HTML, 'laporan.pdf')).status).toBe(204);
    expect(await exists(key)).toBe(true);

    const result = await verifyUpload(key, { size: HTML.length, sha256: sha256(HTML), kind: 'pdf' });
    expect(result).toEqual({
      ok: false,
      reason: 'type_mismatch',
      message: {
        id: 'Isi berkas bukan dokumen PDF seperti yang dinyatakan, melainkan halaman web (HTML). Simpan berkas sebagai dokumen PDF lalu unggah lagi.',
        en: 'The file content is not a PDF document as declared but a web page (HTML). Save the file as a PDF document and upload it again.',
      },
    });
    expect(await exists(key)).toBe(false);
  });

  it('refuses a large file of the wrong type after its first bytes, and deletes it', async () => {
    const big = Buffer.concat([HTML, Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const key = newKey('besar.pdf');
    await post(await createUploadTicket(key, 'application/pdf', big.length), big, 'besar.pdf');
    const result = await verifyUpload(key, { size: big.length, sha256: sha256(big), kind: 'pdf' });
    expect(result).toMatchObject({ ok: false, reason: 'type_mismatch' });
    expect(await exists(key)).toBe(false);
  });

  it('refuses an object stored under another Content-Type than the ticket named (S3 would refuse the POST)', async () => {
    const bytes = pdf();
    const key = newKey('laporan.pdf');
    const ticket = await createUploadTicket(key, 'application/pdf', bytes.length);
    // The emulator refuses the form as S3 does; a store that did not would keep it under text/html.
    const refused = await post(ticket, bytes, 'laporan.pdf', { 'Content-Type': 'text/html' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Policy Condition failed');
    expect(await exists(key)).toBe(false);
    await putStraight(key, bytes, 'text/html');
    const result = await verifyUpload(key, { size: bytes.length, sha256: sha256(bytes), kind: 'pdf' });
    expect(result).toMatchObject({ ok: false, reason: 'type_mismatch' });
    if (!result.ok)
      expect(result.message.en).toBe('The file content is not a PDF document as declared but text/html. Save the file as a PDF document and upload it again.');
    expect(await exists(key)).toBe(false);
  });

  it('refuses a file over the limit (s3rver ignores content-length-range) and deletes it', async () => {
    process.env.MAX_UPLOAD_BYTES = '4096';
    const small = pdf();
    const big = pdf(10_000);
    const key = newKey('laporan.pdf');
    const ticket = await createUploadTicket(key, 'application/pdf', small.length);
    // S3 (and the emulator) answer 400 EntityTooLarge; a store that did not would keep it.
    const refused = await post(ticket, big, 'laporan.pdf');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('<Code>EntityTooLarge</Code>');
    await putStraight(key, big);
    const result = await verifyUpload(key, { size: small.length, sha256: sha256(small), kind: 'pdf' });
    expect(result).toEqual({
      ok: false,
      reason: 'too_large',
      message: {
        id: `Berkas berukuran ${(big.length / 1024).toFixed(1).replace('.', ',')} KB, melebihi batas 4 KB. Perkecil berkas (misalnya kompres PDF atau pecah menjadi beberapa berkas) lalu unggah lagi.`,
        en: `The file is ${(big.length / 1024).toFixed(1)} KB, over the limit of 4 KB. Make it smaller (for example compress the PDF or split it into several files) and upload it again.`,
      },
    });
    expect(await exists(key)).toBe(false);
  });

  it('refuses a file whose size differs from the declared size, either way, and deletes it', async () => {
    const declared = pdf(100);
    for (const sent of [pdf(150), pdf(50)]) {
      const key = newKey('laporan.pdf');
      // Fewer bytes pass the policy's range; more are refused by it: either way the check finds them.
      const status = (await post(await createUploadTicket(key, 'application/pdf', declared.length), sent, 'laporan.pdf')).status;
      expect(status).toBe(sent.length > declared.length ? 400 : 204);
      if (status !== 204) await putStraight(key, sent);
      const result = await verifyUpload(key, { size: declared.length, sha256: sha256(declared), kind: 'pdf' });
      expect(result).toEqual({
        ok: false,
        reason: 'size_mismatch',
        message: {
          id: `Ukuran berkas yang diterima (${sent.length} byte) tidak sama dengan ukuran yang dinyatakan (${declared.length} byte). Unggahan mungkin terputus; unggah berkas lagi.`,
          en: `The file received is ${sent.length} bytes, not the ${declared.length} bytes declared. The upload may have been cut off; upload the file again.`,
        },
      });
      expect(await exists(key)).toBe(false);
    }
  });

  it('refuses tampered content (same size and type, other bytes than the declared SHA-256) and deletes it', async () => {
    const original = pdf(64);
    const tampered = Buffer.from(original);
    tampered[tampered.length - 20] ^= 0x01;
    const key = newKey('laporan.pdf');
    await post(await createUploadTicket(key, 'application/pdf', original.length), tampered, 'laporan.pdf');
    const result = await verifyUpload(key, { size: original.length, sha256: sha256(original), kind: 'pdf' });
    expect(result).toMatchObject({ ok: false, reason: 'hash_mismatch' });
    if (!result.ok) {
      expect(result.message.en).toContain(`(${sha256(tampered)}) differs from the one declared (${sha256(original)})`);
      expect(result.message.id).toContain('Sidik SHA-256');
    }
    expect(await exists(key)).toBe(false);
  });

  it('reports a missing object', async () => {
    const result = await verifyUpload(newKey('tidak-ada.pdf'), { size: 10, sha256: 'a'.repeat(64), kind: 'pdf' });
    expect(result).toEqual({
      ok: false,
      reason: 'missing',
      message: {
        id: 'Berkas yang diunggah tidak ditemukan di penyimpanan. Unggah berkas lagi sebelum tautan unggah kedaluwarsa (15 menit).',
        en: 'The uploaded file was not found in storage. Upload the file again before the upload link expires (15 minutes).',
      },
    });
  });

  it('deleteObject removes an object', async () => {
    const bytes = pdf();
    const key = newKey('hapus.pdf');
    await post(await createUploadTicket(key, 'application/pdf', bytes.length), bytes, 'hapus.pdf');
    expect(await exists(key)).toBe(true);
    await deleteObject(key);
    expect(await exists(key)).toBe(false);
  });
});
