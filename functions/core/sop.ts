/**
 * The SOP steps the system times against their Mutu Baku (time standard), so that reports can show
 * compliance per step. Seed 000: Kalbar Diskominfo SOP 68/2024, "Pengumpulan, Pendokumentasian dan
 * Publikasi Informasi Secara Online Oleh SKPD dan PPID Utama".
 */
import type { DeadlineRule } from './calendar.ts';
import type { StepTiming } from './item-model.ts';

export interface SopStep {
  sop: string;
  step: number;
  name: { id: string; en: string };
  /** The Waktu column; `undefined` where the SOP says "Tentatif". */
  standard?: DeadlineRule;
  standardText: string;
}

export const SOP_000 = {
  input: {
    sop: '000',
    step: 2,
    name: { id: 'Menginput informasi dan dokumen ke aplikasi SIP PPID', en: 'Enter the information and documents into SIP PPID' },
    standard: { unit: 'minutes', amount: 1 },
    standardText: '1 Menit',
  },
  approval: {
    sop: '000',
    step: 3,
    name: { id: 'Kepala PPID memberi persetujuan untuk DIP SKPD', en: 'The Kepala PPID approves it for the SKPD’s DIP' },
    standard: { unit: 'calendarDays', amount: 7 },
    standardText: '1 Minggu',
  },
  publication: {
    sop: '000',
    step: 4,
    name: { id: 'Diunggah dan menjadi bagian DIP PPID Utama', en: 'Uploaded into PPID Utama’s DIP' },
    standard: { unit: 'minutes', amount: 1 },
    standardText: '1 Menit',
  },
} as const satisfies Record<string, SopStep>;

export type Sop000Step = keyof typeof SOP_000;

/** Seconds a rule allows when it is a fixed duration (minutes, calendar days); working days vary. */
export function nominalSeconds(rule: DeadlineRule | undefined): number | undefined {
  if (!rule) return undefined;
  if (rule.unit === 'minutes') return rule.amount * 60;
  if (rule.unit === 'calendarDays') return rule.amount * 86_400;
  return undefined;
}

/**
 * Seed 002: Kalteng Diskominfo SOP 473.2/583.2, "Pendokumentasian Informasi Yang Dikecualikan".
 * Step 1 (collect and inventory) is Tentatif; the proposal with its consequence test ends it.
 */
export const SOP_002 = {
  proposal: {
    sop: '002',
    step: 1,
    name: { id: 'Mengumpulkan dan menginventarisir informasi yang dikecualikan', en: 'Collect and inventory the information proposed for exclusion' },
    standardText: 'Tentatif',
  },
  decision: {
    sop: '002',
    step: 2,
    name: { id: 'Atasan PPID memberi persetujuan (Ya/Tidak)', en: 'The Atasan PPID approves (Ya/Tidak)' },
    standard: { unit: 'minutes', amount: 1 },
    standardText: '1 Menit',
  },
  decree: {
    sop: '002',
    step: 3,
    name: { id: 'Menetapkan Daftar Informasi yang Dikecualikan', en: 'Set the list of excluded information (DIK)' },
    standard: { unit: 'calendarDays', amount: 7 },
    standardText: '1 Minggu',
  },
  publication: {
    sop: '002',
    step: 4,
    name: { id: 'Mengunggah DIK ke website PPID', en: 'Upload the DIK to the PPID website' },
    standard: { unit: 'minutes', amount: 1 },
    standardText: '1 Menit',
  },
} as const satisfies Record<string, SopStep>;

export type Sop002Step = keyof typeof SOP_002;

/**
 * Seed 004: Pontianak Diskominfo 2020, "Pendokumentasian Informasi Publik" (documentation/model.ts).
 * Every Waktu is in working days, so `withinStandard` is judged against the step's deadline from the
 * agency calendar (`nominalSeconds` has no figure for working days).
 */
export const SOP_004 = {
  list: {
    sop: '004',
    step: 1,
    name: {
      id: 'Pejabat PID mengumpulkan daftar data dan informasi OPD dan menyampaikannya kepada PPID Utama',
      en: 'The Pejabat PID collects the OPD’s list and sends it to PPID Utama',
    },
    standard: { unit: 'workingDays', amount: 1 },
    standardText: '1 hari kerja',
  },
  review: {
    sop: '004',
    step: 2,
    name: {
      id: 'PPID Utama menelaah, mengoreksi dan menyampaikan daftar kepada PPID Pendukung',
      en: 'PPID Utama reviews, corrects and sends the list to the PPID Pendukung',
    },
    standard: { unit: 'workingDays', amount: 1 },
    standardText: '1 hari kerja',
  },
  delivery: {
    sop: '004',
    step: 3,
    name: {
      id: 'PPID Pendukung (OPD) menyampaikan data dan informasi kepada PPID Utama',
      en: 'The OPD’s PPID Pendukung delivers the data and information to PPID Utama',
    },
    standard: { unit: 'workingDays', amount: 10 },
    standardText: '10 hari kerja',
  },
  check: {
    sop: '004',
    step: 4,
    name: {
      id: 'PPID Utama memeriksa dan menyampaikan kepada Pejabat PID untuk diunggah',
      en: 'PPID Utama checks it and passes it to the Pejabat PID for upload',
    },
    standard: { unit: 'workingDays', amount: 1 },
    standardText: '1 hari kerja',
  },
  upload: {
    sop: '004',
    step: 5,
    name: { id: 'Pejabat PID mengunggah ke website PPID', en: 'The Pejabat PID uploads it to the PPID website' },
    standard: { unit: 'workingDays', amount: 1 },
    standardText: '1 hari kerja',
  },
} as const satisfies Record<string, SopStep>;

export type Sop004Step = keyof typeof SOP_004;

/**
 * Ends the running timing of `step` (who, when, how long, and whether within the standard when the
 * standard is a fixed duration); returns it, or undefined if that step was not running.
 */
export function endRunningStep(
  steps: StepTiming[],
  step: StepTiming['step'],
  at: string,
  by: string,
  standard: DeadlineRule | undefined,
): StepTiming | undefined {
  const running = steps.find((s) => s.step === step && !s.endedAt);
  if (!running) return undefined;
  running.endedAt = at;
  running.by = by;
  running.seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(running.startedAt)) / 1000));
  const allowed = nominalSeconds(standard);
  if (allowed !== undefined) running.withinStandard = running.seconds <= allowed;
  return running;
}
