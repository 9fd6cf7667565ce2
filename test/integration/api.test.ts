/**
 * The API against DynamoDB Local and the S3 emulator, through the local API Gateway emulation, with
 * real signed tokens for each demo role.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../infra/system.ts';
import { apiClient, outboxOf, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(async () => {
  await host?.cleanup();
});

async function auditFor(entityType: string, entityId: string) {
  const res = await api('admin', 'GET', `/api/audit?entityType=${entityType}&entityId=${encodeURIComponent(entityId)}`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
}

describe('public routes', () => {
  it('GET /api/health names the parts and their versions', async () => {
    const res = await api(null, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.parts.map((p: any) => p.name)).toEqual(['dynamodb', 's3', 'stepfunctions']);
    expect(res.body.parts[0].version).toMatch(/DynamoDB Local/);
    expect(res.body.parts.every((p: any) => p.status === 'ok')).toBe(true);
  });

  it('GET /api/openapi.json is OpenAPI 3.1 covering every declared route', async () => {
    const { routes } = await import('../../infra/system.ts');
    const res = await api(null, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    for (const r of routes) expect(res.body.paths[r.path]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    const create = res.body.paths['/api/agencies'].post;
    expect(create.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['id', 'kind', 'name']));
    expect(create['x-roles']).toEqual(['admin']);
    // The PPID answers for it: the body's name, the PPID Utama unit's mail, the register's address.
    expect(res.body.info.contact).toEqual({ name: 'PPID Pemerintah Provinsi Kalimantan Barat', email: 'ppid@kalbarprov.go.id', url: host.url });
    expect(create.tags).toEqual(['Perangkat daerah']);
  });

  it('refuses a staff route without a token, or with a forged one', async () => {
    expect((await api(null, 'GET', '/api/agencies')).status).toBe(401);
    const forged = await fetch(`${host.url}/api/agencies`, {
      headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJjb2duaXRvOnVzZXJuYW1lIjoiYWRtaW4ifQ.' },
    });
    expect(forged.status).toBe(401);
  });

  it('answers an unknown API path with 404 and a wrong method with 405', async () => {
    expect((await api(null, 'GET', '/api/nothing-here')).status).toBe(404);
    expect((await api('admin', 'DELETE', '/api/agencies')).status).toBe(405);
  });
});

describe('every demo role signs in', () => {
  it.each(ROLES)('%s reads /api/me', async (role) => {
    const usernames: Record<string, string> = {
      admin: 'admin',
      petugas: 'petugas.dinkes',
      ppid_pelaksana: 'kepala.dinkes',
      ppid_utama: 'ppid.utama',
      pejabat_pid: 'pejabat.pid',
      atasan_ppid: 'atasan.ppid',
    };
    const res = await api(usernames[role], 'GET', '/api/me');
    expect(res.status).toBe(200);
    expect(res.body.role).toBe(role);
  });
});

describe('agencies', () => {
  it('lists the PPID Utama unit first and at least three SKPD', async () => {
    const res = await api('petugas.dinkes', 'GET', '/api/agencies');
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ id: 'diskominfo', kind: 'ppid_utama' });
    expect(res.body.items.filter((a: any) => a.kind === 'skpd').length).toBeGreaterThanOrEqual(3);
  });

  it('admin creates an SKPD under PPID Utama, and the change is audited in the same write', async () => {
    const res = await api('admin', 'POST', '/api/agencies', { id: 'dishub', kind: 'skpd', name: 'Dinas Perhubungan' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ id: 'dishub', parentId: 'diskominfo', timezone: 'Asia/Jakarta', workWeek: [1, 2, 3, 4, 5], version: 1 });
    const [event] = await auditFor('agency', 'dishub');
    expect(event).toMatchObject({
      action: 'agency.create',
      actor: { username: 'admin', role: 'admin', agencyId: 'diskominfo' },
      agencyId: 'dishub',
      before: null,
    });
    expect(event.after.name).toBe('Dinas Perhubungan');
    expect(event.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a second PPID Utama unit with 409 and a message in both languages', async () => {
    const res = await api('admin', 'POST', '/api/agencies', { id: 'utama-dua', kind: 'ppid_utama', name: 'PPID Utama Kedua' });
    expect(res.status).toBe(409);
    expect(res.body.error.messages.id).toMatch(/hanya boleh ada satu/);
    expect(res.body.error.messages.en).toMatch(/only one/);
  });

  it('refuses invalid input with one message per field, and writes nothing', async () => {
    const res = await api('admin', 'POST', '/api/agencies', { id: 'Bad Id!', kind: 'province', name: 'x', email: 'not-an-email' }, { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('The data sent is not valid. Check the fields listed.');
    const paths = res.body.error.details.map((d: any) => d.path).sort();
    expect(paths).toEqual(['body.email', 'body.id', 'body.kind', 'body.name']);
    expect(res.body.error.details.every((d: any) => d.messages.id && d.messages.en)).toBe(true);
    expect((await api('admin', 'GET', '/api/agencies/bad-id')).status).toBe(404);
  });

  it('refuses a body that is not JSON with 400, not 500', async () => {
    const res = await api('admin', 'POST', '/api/agencies', '{"id": "x",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation');
  });

  it('updates with optimistic locking: a stale version gets 409 and changes nothing', async () => {
    const first = await api('admin', 'PATCH', '/api/agencies/bappeda', { address: 'Jl. Ahmad Yani No. 1', version: 1 });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await api('admin', 'PATCH', '/api/agencies/bappeda', { address: 'Elsewhere', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.messages.en).toMatch(/version 2/);
    expect((await api('admin', 'GET', '/api/agencies/bappeda')).body.address).toBe('Jl. Ahmad Yani No. 1');
    const events = await auditFor('agency', 'bappeda');
    expect(events[0]).toMatchObject({ action: 'agency.update' });
    expect(events[0].before.address).toBeUndefined();
    expect(events[0].after.address).toBe('Jl. Ahmad Yani No. 1');
  });

  it('only admin may create or change agencies', async () => {
    for (const user of ['ppid.utama', 'kepala.dinkes', 'petugas.dinkes']) {
      const res = await api(user, 'POST', '/api/agencies', { id: `x-${user.replace('.', '-')}`, kind: 'skpd', name: 'Dinas Uji' });
      expect(res.status, user).toBe(403);
    }
    expect((await api('kepala.dinkes', 'PATCH', '/api/agencies/dinkes', { name: 'Dinas Kesehatan Baru', version: 1 })).status).toBe(403);
  });
});

describe('users and agency boundaries', () => {
  it('admin creates a user; the role must fit the agency', async () => {
    const ok = await api('admin', 'POST', '/api/users', {
      username: 'petugas.bappeda',
      name: 'Budi Santoso',
      email: 'budi@bappeda.go.id',
      role: 'petugas',
      agencyId: 'bappeda',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ enabled: true, version: 1 });
    // The invitation is in the outbox: the username, the honest local sign-in rule and the app's link.
    const appUrl = `${host.url}/app/#/`;
    const invitation = outboxOf(host).find((m) => m.to.includes('budi@bappeda.go.id'));
    expect(invitation?.subject).toBe('[SIP PPID] Undangan masuk ke aplikasi petugas / Your invitation to the staff app');
    expect(invitation.text).toContain('Nama pengguna: petugas.bappeda');
    expect(invitation.text).toContain('Username: petugas.bappeda');
    expect(invitation.text).toContain('kata sandi lokal bersama "demo12345"');
    expect(invitation.text).toContain(`Buka: ${appUrl}`);
    expect(invitation.html).toContain(`<a href="${appUrl}">`);
    expect(ok.body.signIn).toMatchObject({ via: 'shared_local_password', mailedTo: 'budi@bappeda.go.id', appUrl });
    expect(ok.body.signIn.text.id).toContain('kotak keluar (/outbox/)');
    // ... and the rule is true: the new user signs in with it.
    const signIn = await fetch(`${host.url}/auth/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', client_id: 'staff-app', username: 'petugas.bappeda', password: 'demo12345' }),
    });
    expect(signIn.status).toBe(200);
    // The seeded demo users got none (the README describes them).
    expect(outboxOf(host).filter((m) => m.subject.includes('Undangan masuk'))).toHaveLength(1);
    const wrong = await api('admin', 'POST', '/api/users', {
      username: 'utama.salah',
      name: 'Salah Tempat',
      email: 'x@y.go.id',
      role: 'ppid_utama',
      agencyId: 'dinkes',
    });
    expect(wrong.status).toBe(400);
    const dup = await api('admin', 'POST', '/api/users', {
      username: 'petugas.bappeda',
      name: 'Budi Lagi',
      email: 'budi2@bappeda.go.id',
      role: 'petugas',
      agencyId: 'bappeda',
    });
    expect(dup.status).toBe(409);
    expect((await auditFor('user', 'petugas.bappeda'))[0].action).toBe('user.create');
  });

  it('an SKPD user sees only its own agency’s users', async () => {
    const own = await api('petugas.dinkes', 'GET', '/api/users');
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((u: any) => u.agencyId === 'dinkes')).toBe(true);
    expect((await api('petugas.dinkes', 'GET', '/api/users?agencyId=disdikbud')).status).toBe(403);
    expect((await api('petugas.dinkes', 'GET', '/api/users/petugas.disdikbud')).status).toBe(403);
    expect((await api('kepala.disdikbud', 'GET', '/api/users/kepala.dinkes')).status).toBe(403);
  });

  it('PPID Utama and admin see every agency’s users, page by page with a cursor', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await api('ppid.utama', 'GET', `/api/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      for (const u of res.body.items) seen.add(u.username);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThan(2);
    expect(seen.has('petugas.dinkes') && seen.has('petugas.disdikbud') && seen.has('admin')).toBe(true);
  });

  it('refuses a tampered cursor with 400', async () => {
    const foreign = Buffer.from(JSON.stringify({ gsi1pk: 'USERS#disdikbud', gsi1sk: 'a', pk: 'USER#a', sk: 'USER' })).toString('base64url');
    expect((await api('petugas.dinkes', 'GET', `/api/users?cursor=${foreign}`)).status).toBe(400);
    expect((await api('admin', 'GET', '/api/users?cursor=%%%not-base64')).status).toBe(400);
  });

  it('a disabled user is refused at once, even with a token that is still valid', async () => {
    const token = await host.tokenFor('petugas.bappeda');
    const user = await api('admin', 'GET', '/api/users/petugas.bappeda');
    const off = await api('admin', 'PATCH', '/api/users/petugas.bappeda', { enabled: false, version: user.body.version });
    expect(off.status).toBe(200);
    const res = await fetch(`${host.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
    const events = await auditFor('user', 'petugas.bappeda');
    expect(events[0]).toMatchObject({ action: 'user.update', before: { enabled: true }, after: { enabled: false } });
  });

  it('an admin cannot disable or demote their own account', async () => {
    const me = await api('admin', 'GET', '/api/me');
    const res = await api('admin', 'PATCH', '/api/users/admin', { role: 'petugas', version: me.body.version });
    expect(res.status).toBe(400);
  });
});

describe('audit trail access', () => {
  it('an SKPD user reads its own agency’s events and is refused another’s', async () => {
    const own = await api('kepala.dinkes', 'GET', '/api/audit');
    expect(own.status).toBe(200);
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((e: any) => e.agencyId === 'dinkes')).toBe(true);
    expect((await api('kepala.dinkes', 'GET', '/api/audit?agencyId=disdikbud')).status).toBe(403);
    const history = await api('kepala.dinkes', 'GET', '/api/audit?entityType=user&entityId=petugas.disdikbud');
    expect(history.body.items).toEqual([]);
  });

  it('PPID Utama reads events across agencies by month, newest first', async () => {
    const month = new Date().toISOString().slice(0, 7);
    const res = await api('ppid.utama', 'GET', `/api/audit?month=${month}&limit=100`);
    expect(res.status).toBe(200);
    const agencies = new Set(res.body.items.map((e: any) => e.agencyId));
    expect(agencies.size).toBeGreaterThan(2);
    const times = res.body.items.map((e: any) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe('working-day calendar', () => {
  it('ships 2026 and 2027 holidays, readable by staff', async () => {
    const y2026 = await api('petugas.dinkes', 'GET', '/api/calendar/2026');
    expect(y2026.status).toBe(200);
    expect(y2026.body.items.find((h: any) => h.date === '2026-08-17')).toMatchObject({ kind: 'national' });
    expect(y2026.body.items.filter((h: any) => h.kind === 'cuti_bersama').length).toBeGreaterThan(0);
    expect((await api('petugas.dinkes', 'GET', '/api/calendar/2027')).body.items.length).toBeGreaterThan(0);
  });

  it('computes a deadline across the Idul Fitri 2026 run, with its explanation', async () => {
    const res = await api('kepala.dinkes', 'POST', '/api/calendar/deadline', { start: '2026-03-17T09:00:00+07:00', rule: { unit: 'workingDays', amount: 10 } });
    expect(res.status).toBe(200);
    expect(res.body.localDeadline).toBe('2026-04-08T23:59:59+07:00');
    expect(res.body.timezone).toBe('Asia/Pontianak');
    expect(res.body.skipped.map((d: any) => d.date)).toContain('2026-03-21');
    expect(res.body.explanation.id).toMatch(/Idul Fitri/);
  });

  it('admin adds a holiday (audited) and the next deadline moves; others may not', async () => {
    const before = await api('admin', 'POST', '/api/calendar/deadline', {
      start: '2026-11-23T09:00:00+07:00',
      rule: { unit: 'workingDays', amount: 1 },
      agencyId: 'dinkes',
    });
    expect(before.body.localDeadline).toBe('2026-11-24T23:59:59+07:00');
    expect((await api('ppid.utama', 'PUT', '/api/calendar/holidays/2026-11-24', { name: 'Libur Uji', kind: 'national' })).status).toBe(403);
    const put = await api('admin', 'PUT', '/api/calendar/holidays/2026-11-24', { name: 'Hari Libur Daerah', kind: 'national' });
    expect(put.status).toBe(200);
    const after = await api('admin', 'POST', '/api/calendar/deadline', {
      start: '2026-11-23T09:00:00+07:00',
      rule: { unit: 'workingDays', amount: 1 },
      agencyId: 'dinkes',
    });
    expect(after.body.localDeadline).toBe('2026-11-25T23:59:59+07:00');
    expect((await auditFor('holiday', '2026-11-24'))[0]).toMatchObject({ action: 'holiday.create', after: { name: 'Hari Libur Daerah' } });
    expect((await api('admin', 'DELETE', '/api/calendar/holidays/2026-11-24')).status).toBe(204);
    expect((await api('admin', 'DELETE', '/api/calendar/holidays/2026-11-24')).status).toBe(404);
    expect((await api('admin', 'PUT', '/api/calendar/holidays/2026-02-30', { name: 'Tidak Ada', kind: 'national' })).status).toBe(400);
  });
});
