/**
 * Every workflow's time rules beside their standard (functions/core/rule-standards.ts) through the
 * API, against DynamoDB Local: `GET /api/settings/rules/standards` lists SOP 000, SOP 002, SOP 004, the
 * request and the objection rules with their Mutu Baku or statutory limit; `PUT /api/settings/rules`
 * refuses a rule looser than UU 14/2008 (400, in Indonesian and English, naming the law, nothing
 * saved or audited) and saves a departure from the Mutu Baku with a warning, in the response, in the
 * list of standards and in the audit event's reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(async () => {
  await host?.cleanup();
});

/** The two rules every PUT carries (the API requires them), at their defaults. */
const REQUIRED = { publicationApproval: { unit: 'calendarDays', amount: 7 }, approvalReminder: { unit: 'workingDays', amount: 1 } };
const put = (user: string, rules: Record<string, unknown>) => api(user, 'PUT', '/api/settings/rules', { ...REQUIRED, ...rules });

const rulesAudit = async () =>
  ((await api('admin', 'GET', '/api/audit?entityType=settings&entityId=rules&limit=100')).body.items as any[]).filter((e) => e.action === 'settings.rules');

describe('the rules beside their standards', () => {
  it('lists every workflow, each configurable rule with its SOP or statutory standard, and the fixed statutory periods', async () => {
    const res = await api('petugas.dinkes', 'GET', '/api/settings/rules/standards');
    expect(res.status).toBe(200);
    const { workflows, standards, warnings } = res.body;
    expect(Object.keys(workflows).sort()).toEqual(['objections', 'requests', 'sop000', 'sop002', 'sop004']);
    const by = (key: string) => standards.find((s: any) => s.key === key);
    expect(by('publicationApproval').sop.text.id).toBe('Mutu Baku SOP 000 langkah 3: 1 Minggu');
    expect(by('exclusionDecision').sop.text.id).toMatch(/^Mutu Baku SOP 002 langkah 2: 1 Menit/);
    expect(by('exclusionDecree').sop.text.id).toBe('Mutu Baku SOP 002 langkah 3: 1 Minggu');
    expect(by('documentationList').sop.text.id).toBe('Mutu Baku SOP 004 langkah 1: 1 hari kerja');
    expect(by('documentationDelivery').sop.text.id).toBe('Mutu Baku SOP 004 langkah 3: 10 hari kerja');
    expect(by('documentationUpload').sop.text.en).toBe('Mutu Baku (time standard) of SOP 004 step 5: 1 hari kerja');
    expect(by('requestPart').law.text.id).toMatch(/^UU 14\/2008 Pasal 22 ayat \(7\): 10 hari kerja/);
    expect(by('requestPart').law.text.en).toMatch(/^Law 14\/2008 Article 22\(7\): 10 working days/);
    // Every rule in the settings has its entry, and every configurable entry a standard or a note.
    const settings = (await api('petugas.dinkes', 'GET', '/api/settings/rules')).body;
    for (const s of standards.filter((x: any) => x.configurable)) {
      expect(settings[s.key], s.key).toBeDefined();
      expect(s.sop ?? s.law ?? s.note, s.key).toBeDefined();
    }
    expect(standards.filter((s: any) => !s.configurable).map((s: any) => s.law?.text.id ?? s.note.id)).toEqual(
      expect.arrayContaining([
        'UU 14/2008 Pasal 22 ayat (7): 10 hari kerja',
        'UU 14/2008 Pasal 36 ayat (1): 30 hari kerja',
        'UU 14/2008 Pasal 36 ayat (2): 30 hari kerja',
        'UU 14/2008 Pasal 37 ayat (2): 14 hari kerja',
        'UU 14/2008 Pasal 38 ayat (2): 100 hari kerja',
      ]),
    );
    // The defaults depart from nothing.
    expect(warnings).toEqual([]);
  });

  it('refuses a rule looser than the law, naming the law in Indonesian and English, and saves nothing', async () => {
    const auditsBefore = (await rulesAudit()).length;
    const before = (await api('admin', 'GET', '/api/settings/rules')).body;

    const tooLong = await put('admin', { requestPart: { unit: 'workingDays', amount: 11 } });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.messages.id).toMatch(/UU 14\/2008/);
    expect(tooLong.body.error.messages.en).toMatch(/Law 14\/2008/);
    const detail = tooLong.body.error.details.find((d: any) => d.path === 'requestPart');
    expect(detail.messages.id).toMatch(/11 hari kerja dapat melampaui batas UU 14\/2008 Pasal 22 ayat \(7\): 10 hari kerja/);
    expect(detail.messages.en).toMatch(/11 working days can run past the limit of Law 14\/2008 Article 22\(7\): 10 working days/);

    // Calendar days are counted against working days with the calendar: 13 calendar days can end
    // after the tenth working day (a request received on a Sunday), 12 cannot.
    const thirteen = await put('admin', { requestPart: { unit: 'calendarDays', amount: 13 } });
    expect(thirteen.status).toBe(400);
    expect(thirteen.body.error.details.map((d: any) => d.path)).toEqual(['requestPart']);
    // A reminder must come before the notice deadline, not on it.
    const late = await put('admin', { requestReminder: { unit: 'workingDays', amount: 10 } });
    expect(late.status).toBe(400);
    expect(late.body.error.details[0]).toMatchObject({ path: 'requestReminder' });
    expect(late.body.error.details[0].messages.id).toMatch(/tidak jatuh sebelum batas UU 14\/2008 Pasal 22 ayat \(7\)/);

    expect((await api('admin', 'GET', '/api/settings/rules')).body).toEqual(before);
    expect((await rulesAudit()).length).toBe(auditsBefore);

    const ok = await put('admin', {
      requestPart: { unit: 'calendarDays', amount: 12 },
      requestReminder: { unit: 'workingDays', amount: 9 },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.requestPart).toEqual({ unit: 'calendarDays', amount: 12 });
    expect(ok.body.warnings).toEqual([]);
    expect((await rulesAudit()).length).toBe(auditsBefore + 1);
    await put('admin', {
      requestPart: { unit: 'workingDays', amount: 5 },
      requestReminder: { unit: 'workingDays', amount: 7 },
    });
  });

  it('saves a departure from the Mutu Baku with a warning, in the response, the standards and the audit reason', async () => {
    const res = await put('admin', {
      publicationApproval: { unit: 'calendarDays', amount: 30 },
      // SOP 002 step 2: 1 minute is the Mutu Baku itself, up to 1 working day the grace; neither is a departure.
      exclusionDecision: { unit: 'minutes', amount: 1 },
      exclusionDecree: { unit: 'calendarDays', amount: 3 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.publicationApproval).toEqual({ unit: 'calendarDays', amount: 30 });
    const w = Object.fromEntries(res.body.warnings.map((x: any) => [x.key, x.message]));
    expect(Object.keys(w).sort()).toEqual(['exclusionDecree', 'publicationApproval']);
    expect(w.publicationApproval.id).toBe(
      'Persetujuan Kepala PPID (SOP 000 langkah 3): 30 hari kalender lebih longgar dari Mutu Baku SOP 000 langkah 3: 1 Minggu.',
    );
    expect(w.publicationApproval.en).toMatch(/30 calendar days is looser than the Mutu Baku \(time standard\) of SOP 000 step 3: 1 Minggu/);
    expect(w.exclusionDecree.id).toMatch(/3 hari kalender lebih ketat dari Mutu Baku SOP 002 langkah 3: 1 Minggu/);

    const listed = (await api('petugas.dinkes', 'GET', '/api/settings/rules/standards')).body.warnings;
    expect(listed.map((x: any) => x.key).sort()).toEqual(['exclusionDecree', 'publicationApproval']);
    const audit = (await rulesAudit())[0];
    expect(audit.after.publicationApproval).toEqual({ unit: 'calendarDays', amount: 30 });
    expect(audit.reason).toContain('Menyimpang dari Mutu Baku SOP');
    expect(audit.reason).toContain('30 hari kalender lebih longgar dari Mutu Baku SOP 000 langkah 3: 1 Minggu');

    // Longer than the grace of SOP 002 step 2 departs.
    const slow = await put('admin', { exclusionDecision: { unit: 'workingDays', amount: 3 } });
    expect(slow.status).toBe(200);
    expect(slow.body.warnings.find((x: any) => x.key === 'exclusionDecision').message.id).toMatch(
      /3 hari kerja lebih longgar dari Mutu Baku SOP 002 langkah 2/,
    );

    const back = await put('admin', {
      publicationApproval: { unit: 'calendarDays', amount: 7 },
      exclusionDecision: { unit: 'workingDays', amount: 1 },
      exclusionDecree: { unit: 'calendarDays', amount: 7 },
    });
    expect(back.body.warnings).toEqual([]);
    expect((await rulesAudit())[0].reason).toBeUndefined();
  });

  it("SOP 004: a step's rule set on the rules page is the one its deadlines are computed with; a departure is warned about", async () => {
    const res = await put('admin', { documentationDelivery: { unit: 'workingDays', amount: 15 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.warnings.map((w: any) => w.key)).toContain('documentationDelivery');
    const { documentationRules } = await import('../../functions/core/documentation/cycle.ts');
    const { dynamoStore } = await import('../../functions/adapters/dynamodb.ts');
    const rules = await documentationRules({ store: dynamoStore } as Parameters<typeof documentationRules>[0]);
    expect(rules).toMatchObject({ 1: { unit: 'workingDays', amount: 1 }, 3: { unit: 'workingDays', amount: 15 } });
    expect((await put('admin', { documentationDelivery: { unit: 'workingDays', amount: 10 } })).body.warnings).toEqual([]);
  });

  it('lets only the admin change the rules', async () => {
    expect((await put('ppid.utama', { requestPart: { unit: 'workingDays', amount: 4 } })).status).toBe(403);
  });
});
