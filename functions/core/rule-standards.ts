/**
 * Every workflow's time rules beside their standard: the SOPs' Mutu Baku (seed 000: SOP 000, seed
 * 002: SOP 002, seed 004: SOP 004) and the limits of UU 14/2008. What `GET /api/settings/rules` lists and what
 * `PUT /api/settings/rules` checks:
 *
 *   - a configurable rule looser than its statutory limit is refused (400, the law named);
 *   - one that departs from its SOP's Mutu Baku is allowed, with a warning on the page and in the
 *     audit event's reason;
 *   - the statutory periods the code applies as they are (the request's notice, the objection and
 *     the dispute periods) are listed, read-only, so the page shows every workflow's rules.
 *
 * SOP 002 step 2 (the Atasan PPID's Ya/Tidak) has a Mutu Baku of "1 Menit": the act itself in the
 * application, which the step timing is measured against. Nobody can be reminded after a minute,
 * so the rule (when reminders start) defaults to 1 working day and is compared with that grace:
 * longer departs from the SOP.
 */
import type { DeadlineRule } from './calendar.ts';
import type { Text } from './messages.ts';
import { APPEAL_RULE, CASSATION_RULE, KI_FINISH_RULE, KI_START_RULE } from './objections/disputes.ts';
import { DISPUTE_RULE, FILING_RULE, RESPONSE_REMINDER, RESPONSE_RULE } from './objections/objections.ts';
import { EXTENSION_RULE, NOTICE_RULE } from './requests/requests.ts';
import { breaksLimit, ruleWords, sopDeparture } from './rule-check.ts';
import { SOP_000, SOP_002, SOP_004 } from './sop.ts';

export type Workflow = 'sop000' | 'sop002' | 'sop004' | 'requests' | 'objections';

export const WORKFLOWS: Record<Workflow, Text> = {
  sop000: { id: 'SOP 000 — Publikasi informasi (DIP)', en: 'SOP 000 — Publishing information (DIP)' },
  sop002: { id: 'SOP 002 — Informasi yang dikecualikan (DIK)', en: 'SOP 002 — Excluded information (DIK)' },
  sop004: { id: 'SOP 004 — Pendokumentasian informasi publik', en: 'SOP 004 — Documenting public information' },
  requests: { id: 'Permohonan informasi', en: 'Information requests' },
  objections: { id: 'Keberatan dan sengketa informasi', en: 'Objections and information disputes' },
};

/** The keys of `settings/rules` that hold a deadline rule. */
export const CONFIGURABLE = [
  'publicationApproval',
  'approvalReminder',
  'exclusionDecision',
  'exclusionDecree',
  'documentationList',
  'documentationReview',
  'documentationDelivery',
  'documentationCheck',
  'documentationUpload',
  'requestPart',
  'requestReminder',
] as const;
export type ConfigurableRule = (typeof CONFIGURABLE)[number];

export interface RuleStandard {
  /** A settings key (configurable) or the name of a fixed rule. */
  key: string;
  workflow: Workflow;
  label: Text;
  configurable: boolean;
  /** The SOP's Mutu Baku: shown beside the rule; a configurable rule that departs from `compareWith` is warned about. */
  sop?: { text: Text; rule: DeadlineRule; compareWith: DeadlineRule };
  /** The statutory limit: shown beside the rule; a configurable rule looser than it is refused. */
  law?: { text: Text; rule: DeadlineRule; mustBeBefore?: boolean };
  /** Neither an SOP nor the law sets it (a default of the system). */
  note?: Text;
  /** For fixed rules: the rule applied. */
  fixed?: DeadlineRule;
}

const mutuBaku = (sop: '000' | '002' | '004', step: number, words: string): Text => ({
  id: `Mutu Baku SOP ${sop} langkah ${step}: ${words}`,
  en: `Mutu Baku (time standard) of SOP ${sop} step ${step}: ${words}`,
});
/** "UU 14/2008 Pasal 22 ayat (7): 10 hari kerja" / "Law 14/2008 Article 22(7): 10 working days". */
const law = (pasal: number, ayat: number | undefined, rule: DeadlineRule, extra?: Text): Text => ({
  id: `UU 14/2008 Pasal ${pasal}${ayat ? ` ayat (${ayat})` : ''}: ${ruleWords(rule).id}${extra ? ` ${extra.id}` : ''}`,
  en: `Law 14/2008 Article ${pasal}${ayat ? `(${ayat})` : ''}: ${ruleWords(rule).en}${extra ? ` ${extra.en}` : ''}`,
});

export const RULE_STANDARDS: readonly RuleStandard[] = [
  {
    key: 'publicationApproval',
    workflow: 'sop000',
    label: { id: 'Persetujuan Kepala PPID (SOP 000 langkah 3)', en: 'Kepala PPID approval (SOP 000 step 3)' },
    configurable: true,
    sop: { text: mutuBaku('000', 3, SOP_000.approval.standardText), rule: SOP_000.approval.standard, compareWith: SOP_000.approval.standard },
  },
  {
    key: 'approvalReminder',
    workflow: 'sop000',
    label: {
      id: 'Pengingat dan eskalasi setelah tenggat (semua alur persetujuan)',
      en: 'Reminders and escalation after a deadline (every approval workflow)',
    },
    configurable: true,
    note: {
      id: 'Tidak diatur SOP atau undang-undang; bawaan sistem 1 hari kerja.',
      en: 'Set by neither an SOP nor the law; the system default is 1 working day.',
    },
  },
  {
    key: 'exclusionDecision',
    workflow: 'sop002',
    label: { id: 'Keputusan Ya/Tidak Atasan PPID (SOP 002 langkah 2)', en: 'The Atasan PPID’s Ya/Tidak (SOP 002 step 2)' },
    configurable: true,
    sop: {
      text: {
        id: `${mutuBaku('002', 2, SOP_002.decision.standardText).id} (waktu langkah diukur terhadapnya; pengingat dimulai paling lambat setelah 1 hari kerja)`,
        en: `${mutuBaku('002', 2, SOP_002.decision.standardText).en} (the step is timed against it; reminders start after 1 working day at the latest)`,
      },
      rule: SOP_002.decision.standard,
      compareWith: { unit: 'workingDays', amount: 1 },
    },
  },
  {
    key: 'exclusionDecree',
    workflow: 'sop002',
    label: { id: 'Penetapan DIK oleh PPID Utama (SOP 002 langkah 3)', en: 'PPID Utama sets the DIK (SOP 002 step 3)' },
    configurable: true,
    sop: { text: mutuBaku('002', 3, SOP_002.decree.standardText), rule: SOP_002.decree.standard, compareWith: SOP_002.decree.standard },
  },
  {
    key: 'documentationList',
    workflow: 'sop004',
    label: {
      id: 'Daftar data dan informasi OPD disampaikan Pejabat PID kepada PPID Utama (SOP 004 langkah 1)',
      en: 'The Pejabat PID sends the OPD’s list to PPID Utama (SOP 004 step 1)',
    },
    configurable: true,
    sop: { text: mutuBaku('004', 1, SOP_004.list.standardText), rule: SOP_004.list.standard, compareWith: SOP_004.list.standard },
  },
  {
    key: 'documentationReview',
    workflow: 'sop004',
    label: { id: 'Telaah dan koreksi daftar oleh PPID Utama (SOP 004 langkah 2)', en: 'PPID Utama reviews and corrects the list (SOP 004 step 2)' },
    configurable: true,
    sop: { text: mutuBaku('004', 2, SOP_004.review.standardText), rule: SOP_004.review.standard, compareWith: SOP_004.review.standard },
  },
  {
    key: 'documentationDelivery',
    workflow: 'sop004',
    label: {
      id: 'Penyerahan data dan informasi oleh OPD (PPID Pendukung) (SOP 004 langkah 3)',
      en: 'The OPD (PPID Pendukung) delivers the data and information (SOP 004 step 3)',
    },
    configurable: true,
    sop: { text: mutuBaku('004', 3, SOP_004.delivery.standardText), rule: SOP_004.delivery.standard, compareWith: SOP_004.delivery.standard },
  },
  {
    key: 'documentationCheck',
    workflow: 'sop004',
    label: { id: 'Pemeriksaan oleh PPID Utama (SOP 004 langkah 4)', en: 'PPID Utama checks the delivery (SOP 004 step 4)' },
    configurable: true,
    sop: { text: mutuBaku('004', 4, SOP_004.check.standardText), rule: SOP_004.check.standard, compareWith: SOP_004.check.standard },
  },
  {
    key: 'documentationUpload',
    workflow: 'sop004',
    label: { id: 'Unggah ke website PPID oleh Pejabat PID (SOP 004 langkah 5)', en: 'The Pejabat PID uploads it to the PPID website (SOP 004 step 5)' },
    configurable: true,
    sop: { text: mutuBaku('004', 5, SOP_004.upload.standardText), rule: SOP_004.upload.standard, compareWith: SOP_004.upload.standard },
  },
  {
    key: 'requestPart',
    workflow: 'requests',
    label: { id: 'Tenggat bagian tiap SKPD', en: 'Each SKPD’s deadline for its part' },
    configurable: true,
    law: { text: law(22, 7, NOTICE_RULE, { id: '(pemberitahuan tertulis)', en: '(the written notice)' }), rule: NOTICE_RULE },
  },
  {
    key: 'requestReminder',
    workflow: 'requests',
    label: { id: 'Pengingat sebelum tenggat pemberitahuan', en: 'Reminder before the notice deadline' },
    configurable: true,
    law: {
      text: law(22, 7, NOTICE_RULE, { id: '(pengingat harus sebelum tenggat ini)', en: '(the reminder must come before it)' }),
      rule: NOTICE_RULE,
      mustBeBefore: true,
    },
  },
  {
    key: 'notice',
    workflow: 'requests',
    label: { id: 'Pemberitahuan tertulis kepada pemohon', en: 'The written notice to the requester' },
    configurable: false,
    law: { text: law(22, 7, NOTICE_RULE), rule: NOTICE_RULE },
    fixed: NOTICE_RULE,
  },
  {
    key: 'extension',
    workflow: 'requests',
    label: { id: 'Perpanjangan pemberitahuan (sekali)', en: 'Extension of the notice (once)' },
    configurable: false,
    law: {
      text: {
        id: 'UU 14/2008 Pasal 22 ayat (8): paling lama 7 hari kerja lagi (17 hari kerja)',
        en: 'Law 14/2008 Article 22(8): at most 7 more working days (17)',
      },
      rule: EXTENSION_RULE,
    },
    fixed: EXTENSION_RULE,
  },
  {
    key: 'objectionFiling',
    workflow: 'objections',
    label: { id: 'Pengajuan keberatan oleh pemohon', en: 'Filing an objection' },
    configurable: false,
    law: { text: law(36, 1, FILING_RULE), rule: FILING_RULE },
    fixed: FILING_RULE,
  },
  {
    key: 'objectionResponse',
    workflow: 'objections',
    label: { id: 'Tanggapan tertulis Atasan PPID', en: 'The Atasan PPID’s written response' },
    configurable: false,
    law: { text: law(36, 2, RESPONSE_RULE), rule: RESPONSE_RULE },
    fixed: RESPONSE_RULE,
  },
  {
    key: 'objectionReminder',
    workflow: 'objections',
    label: { id: 'Pengingat tanggapan keberatan', en: 'Reminder of the objection response' },
    configurable: false,
    note: {
      id: 'Bawaan sistem: pada hari kerja ke-20, sebelum batas 30 hari kerja Pasal 36 ayat (2).',
      en: 'System default: on working day 20, before the 30-working-day limit of Article 36(2).',
    },
    fixed: RESPONSE_REMINDER,
  },
  {
    key: 'disputeFiling',
    workflow: 'objections',
    label: { id: 'Pengajuan sengketa ke Komisi Informasi', en: 'Taking the dispute to the Information Commission' },
    configurable: false,
    law: { text: law(37, 2, DISPUTE_RULE), rule: DISPUTE_RULE },
    fixed: DISPUTE_RULE,
  },
  {
    key: 'kiStart',
    workflow: 'objections',
    label: { id: 'Komisi Informasi mulai menyelesaikan sengketa', en: 'The Commission starts on the dispute' },
    configurable: false,
    law: { text: law(38, 1, KI_START_RULE), rule: KI_START_RULE },
    fixed: KI_START_RULE,
  },
  {
    key: 'kiFinish',
    workflow: 'objections',
    label: { id: 'Komisi Informasi menyelesaikan sengketa', en: 'The Commission settles the dispute' },
    configurable: false,
    law: { text: law(38, 2, KI_FINISH_RULE), rule: KI_FINISH_RULE },
    fixed: KI_FINISH_RULE,
  },
  {
    key: 'appeal',
    workflow: 'objections',
    label: { id: 'Gugatan ke pengadilan atas putusan Komisi Informasi', en: 'Appeal to the court against the Commission’s decision' },
    configurable: false,
    law: { text: law(48, 1, APPEAL_RULE), rule: APPEAL_RULE },
    fixed: APPEAL_RULE,
  },
  {
    key: 'cassation',
    workflow: 'objections',
    label: { id: 'Kasasi ke Mahkamah Agung', en: 'Cassation at the Supreme Court' },
    configurable: false,
    law: { text: law(50, undefined, CASSATION_RULE), rule: CASSATION_RULE },
    fixed: CASSATION_RULE,
  },
];

const byKey = new Map(RULE_STANDARDS.map((s) => [s.key, s]));

export interface RuleFinding {
  key: string;
  message: Text;
}

/** Refusals: configurable rules looser than their statutory limit. */
export function statutoryViolations(rules: Partial<Record<ConfigurableRule, DeadlineRule>>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const key of CONFIGURABLE) {
    const rule = rules[key];
    const s = byKey.get(key);
    if (!rule || !s?.law || !breaksLimit(rule, s.law)) continue;
    const value = ruleWords(rule);
    out.push({
      key,
      message: s.law.mustBeBefore
        ? {
            id: `${s.label.id}: ${value.id} tidak jatuh sebelum batas ${s.law.text.id}. Aturan ini tidak boleh lebih longgar dari undang-undang.`,
            en: `${s.label.en}: ${value.en} does not fall before the limit of ${s.law.text.en}. This rule cannot be looser than the law.`,
          }
        : {
            id: `${s.label.id}: ${value.id} dapat melampaui batas ${s.law.text.id}. Aturan ini tidak boleh lebih longgar dari undang-undang.`,
            en: `${s.label.en}: ${value.en} can run past the limit of ${s.law.text.en}. This rule cannot be looser than the law.`,
          },
    });
  }
  return out;
}

/** Warnings: configurable rules that depart from their SOP's Mutu Baku (allowed). */
export function sopDepartures(rules: Partial<Record<ConfigurableRule, DeadlineRule>>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const key of CONFIGURABLE) {
    const rule = rules[key];
    const s = byKey.get(key);
    const how = rule && s?.sop ? sopDeparture(rule, s.sop) : undefined;
    if (!rule || !s?.sop || !how) continue;
    const value = ruleWords(rule);
    out.push({
      key,
      message:
        how === 'looser'
          ? { id: `${s.label.id}: ${value.id} lebih longgar dari ${s.sop.text.id}.`, en: `${s.label.en}: ${value.en} is looser than the ${s.sop.text.en}.` }
          : { id: `${s.label.id}: ${value.id} lebih ketat dari ${s.sop.text.id}.`, en: `${s.label.en}: ${value.en} is stricter than the ${s.sop.text.en}.` },
    });
  }
  return out;
}
