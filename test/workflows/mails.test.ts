/**
 * Every workflow mail gives the reader a way in (issue 16, point 2): it names the case by its number
 * (and title), states instants in the agency's time zone in words, never an ISO instant, names the
 * rule as configured, and links to the page where the person acts (staff: the staff app's page;
 * requesters and objectors: their status page). Drives the publication reminder and escalation with
 * a short configured rule, an exclusion's reminder, a request by letter and an objection overdue,
 * then reads every mail in the local outbox.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { apiClient, consequenceTest, decree, dipContent, routeRequest, startTestHost, until } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(async () => {
  await host?.cleanup();
});

interface Mail {
  to: string[];
  subject: string;
  text: string;
}
const outbox = (): Mail[] => {
  const dir = join(host.dataDir, 'outbox');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
  } catch {
    return [];
  }
};
/** Changes some rules, keeping the others. */
async function setRules(rules: Record<string, unknown>) {
  const before = (await api('admin', 'GET', '/api/settings/rules')).body;
  const set = await api('admin', 'PUT', '/api/settings/rules', { ...before, ...rules });
  expect(set.status, JSON.stringify(set.body)).toBe(200);
}
const mailsOf = (number: string) => outbox().filter((m) => m.subject.includes(number) || m.text.includes(number));

const requester = {
  kind: 'individual',
  fullName: 'Siti Aminah',
  nik: '6171014506900002',
  address: 'Jl. Gajah Mada No. 5, Pontianak',
  email: 'siti.aminah@example.org',
};
/** The local date `days` calendar days ago in WIB. */
const daysAgo = (days: number) => new Date(Date.now() + 7 * 3600_000 - days * 86_400_000).toISOString().slice(0, 10);

const LOCAL_TIME = /pukul \d{2}\.\d{2} WI(B|TA|T)/;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}/;
const STAFF_LINK = /https?:\/\/\S+\/app\/#\/\S+/;
const STATUS_LINK = /https?:\/\/\S+\/permohonan\/status\/\?nomor=\S+/;
/** Words that state a deadline, in either language. */
const DEADLINE = /tenggat|batas waktu|deadline|paling lambat/i;

/** Every mail: a link, no ISO instant, the case's number, and a local time in words where a deadline is stated. */
function expectWayIn(m: Mail, number: string) {
  const all = `${m.subject}\n${m.text}`;
  expect(all, m.subject).toContain(number);
  expect(m.text, m.subject).toMatch(new RegExp(`${STAFF_LINK.source}|${STATUS_LINK.source}`));
  expect(all, m.subject).not.toMatch(ISO_INSTANT);
  expect(m.text, m.subject).not.toMatch(/\/app\/app\//);
  if (DEADLINE.test(m.text) && !/paling lambat \w+, \d{1,2} \w+ \d{4}/.test(m.text)) expect(m.text, m.subject).toMatch(LOCAL_TIME);
}

describe('workflow mails', () => {
  const numbers: string[] = [];

  it('publication: the reminder and escalation name the item, the configured rule, local times, and link to the item', async () => {
    await setRules({ publicationApproval: { unit: 'minutes', amount: 0 }, approvalReminder: { unit: 'minutes', amount: 1 } });
    const created = await api('petugas.dinkes', 'POST', '/api/items', {
      content: dipContent({ title: 'Profil Kesehatan Kalimantan Barat 2025', formats: ['hardcopy'] }),
    });
    expect(created.status).toBe(201);
    const { itemId, number } = created.body;
    numbers.push(number);
    expect((await api('petugas.dinkes', 'POST', `/api/items/${itemId}/submit`, { version: created.body.version })).status).toBe(200);
    const mail = await until(() => mailsOf(number).find((m) => m.subject.includes('Pengingat 1')), 'the reminder mail', 30_000);
    expect(mail.to).toContain('ppid.utama@kalbarprov.go.id');
    expect(mail.text).toContain(`/app/#/items/${itemId}`);
    expect(mail.text).toContain('Profil Kesehatan Kalimantan Barat 2025');
    expect(mail.text).toContain('ketentuan: 0 menit');
    expect(mail.text).toContain('rule: 0 minutes');
    expect(mail.text).not.toMatch(/1 Minggu|1 week/);
    expect(mail.text).toMatch(/sejak \w+, \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
    expect(mail.text).toMatch(/since \w+, \d{1,2} \w+ \d{4} at \d{2}:\d{2} WIB/);
    expectWayIn(mail, number);

    // Approved after the escalation, so the exclusion below concerns a published item.
    await until(async () => {
      const i = await dynamoStore.getItem(itemId);
      return i?.current.escalatedAt && i.current.taskToken;
    }, 'the wait after escalation');
    expect((await api('kepala.dinkes', 'POST', `/api/items/${itemId}/decision`, { decision: 'approve', versionNo: 1 })).status).toBe(200);
    await until(async () => (await api('ppid.utama', 'GET', `/api/items/${itemId}`)).body.publication === 'published', 'publication', 20_000);

    await setRules({ exclusionDecision: { unit: 'minutes', amount: 0 } });
    const proposed = await api('kepala.dinkes', 'POST', '/api/exclusions', { itemId, test: consequenceTest({ title: 'Profil Kesehatan: data pasien' }) });
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    const id = proposed.body.exclusionId;
    const reminder = await until(() => outbox().find((m) => m.text.includes(`/app/#/exclusions/${id}`)), 'the exclusion reminder', 30_000);
    expect(reminder.text).toContain('ketentuan: 0 menit');
    expect(reminder.text).toContain('Profil Kesehatan: data pasien');
    expectWayIn(reminder, number);
    await setRules({
      publicationApproval: { unit: 'calendarDays', amount: 7 },
      approvalReminder: { unit: 'workingDays', amount: 1 },
      exclusionDecision: { unit: 'workingDays', amount: 1 },
    });

    // Ya, the decree, then revoked: PPID Utama hears of the end with the DIK and item numbers and the page.
    await until(async () => {
      const e = await dynamoStore.getExclusion(id);
      return e?.wait?.escalatedAt && e.wait.taskToken;
    }, 'the wait after escalation');
    expect((await api('atasan.ppid', 'POST', `/api/exclusions/${id}/decision`, { decision: 'ya', note: 'Setuju.', round: 1 })).status).toBe(200);
    await until(async () => {
      const e = await dynamoStore.getExclusion(id);
      return e?.wait?.phase === 'decree' && e.wait.taskToken;
    }, 'the decree wait');
    const toDecree = (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
    const decreed = await api('ppid.utama', 'POST', `/api/exclusions/${id}/decree`, { decree: decree(), version: toDecree.version });
    expect(decreed.status, JSON.stringify(decreed.body)).toBe(200);
    const inForce = await until(
      async () => {
        const e = (await api('ppid.utama', 'GET', `/api/exclusions/${id}`)).body;
        return e.state === 'in_force' && e;
      },
      'in force',
      30_000,
    );
    const revoked = await api('atasan.ppid', 'POST', `/api/exclusions/${id}/revoke`, { reason: 'Tidak lagi membahayakan.', version: inForce.version });
    expect(revoked.status, JSON.stringify(revoked.body)).toBe(200);
    const ended = await until(() => mailsOf(inForce.dik.number).find((m) => m.subject.includes('dicabut')), 'the mail on the end');
    expect(ended.text).toContain(`/app/#/exclusions/${id}`);
    expect(ended.text).toMatch(LOCAL_TIME);
    expectWayIn(ended, number);
  }, 120_000);

  it('a request by letter: the requester gets their status link, the unit its page, the overdue notice both', async () => {
    const res = await api('ppid.utama', 'POST', '/api/requests', {
      requester,
      content: { information: 'Data jumlah puskesmas per kabupaten 2025', purpose: 'Penelitian', obtainForm: 'copy_softcopy', deliveryMethod: 'email' },
      channel: 'letter',
      receivedOn: daysAgo(20),
      submissionId: crypto.randomUUID(),
      note: 'Surat tiba di loket, baru dicatat.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { requestId, number } = res.body.request;
    numbers.push(number);
    expect((await routeRequest(api, requestId)).status).toBe(200);
    const filed = await until(() => mailsOf(number).find((m) => m.to.includes(requester.email)), 'the requester mail');
    expect(filed.text).toMatch(/Tanggal diterima: \w+, \d{1,2} \w+ \d{4}\./);
    await until(() => mailsOf(number).find((m) => m.text.includes(`/app/#/requests/${requestId}`)), 'a staff mail');
    const mails = mailsOf(number);
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const m of mails) expectWayIn(m, number);
  }, 60_000);

  it('an objection overdue: the Atasan, PPID Utama and the objector each get a way in', async () => {
    const res = await api('petugas.dinkes', 'POST', '/api/objections', {
      objector: { ...requester, email: 'siti.keberatan@example.org' },
      information: 'Laporan keuangan semester I tahun 2026 Dinas Kesehatan',
      grounds: ['b'],
      case: 'Laporan keuangan berkala tidak diumumkan di situs PPID sampai hari ini.',
      channel: 'letter',
      receivedOn: daysAgo(50),
      submissionId: crypto.randomUUID(),
      note: 'Surat keberatan baru dicatat.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { objectionId, number } = res.body.objection;
    numbers.push(number);
    await until(() => mailsOf(number).find((m) => m.subject.includes('melewati batas waktu')), 'the overdue mail', 30_000);
    await until(() => mailsOf(number).find((m) => m.subject.includes('belum ditanggapi')), 'the objector is told', 30_000);
    const mails = mailsOf(number);
    expect(mails.some((m) => m.text.includes(`/app/#/objections/${objectionId}`))).toBe(true);
    for (const m of mails) expectWayIn(m, number);
  }, 60_000);

  it('every mail in the outbox has a way in', () => {
    const all = outbox();
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const m of all) expectWayIn(m, numbers.find((n) => `${m.subject}\n${m.text}`.includes(n)) ?? `(one of ${numbers.join(', ')})`);
  });
});
