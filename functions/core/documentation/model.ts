/**
 * SOP 004, "Pendokumentasian Informasi Publik" (seed 004, Pontianak Diskominfo 2020): the
 * documentation cycle, from each OPD's list of data and information to the PPID website.
 *
 *   1 the Pejabat PID collects the OPD's list (draft) and sends it to PPID Utama      1 hari kerja
 *   2 PPID Utama reviews it row by row (accept, correct, reject with a note) and
 *     sends it to the OPD's PPID Pendukung (its `ppid_pelaksana`)                    1 hari kerja
 *   3 the OPD delivers: a document per row (the items' checked-upload path), the
 *     DIP columns completed                                                            10 hari kerja
 *   4 PPID Utama checks what arrived and passes it to the Pejabat PID                 1 hari kerja
 *   5 the Pejabat PID uploads it to the PPID website: the accepted rows become the
 *     OPD's published DIP items                                                        1 hari kerja
 *
 * A cycle (name, period, the OPDs taking part) holds one lane per OPD; each lane is one execution
 * of statemachines/documentation.asl.json. Any step but the first may send the list back one step
 * with a note: the step it returns to starts its clock again, and the return is counted.
 */
import * as z from 'zod';
import type { InboxEntry, ItemContent, StepTiming } from '../item-model.ts';
import { ItemContent as ItemContentSchema } from '../item-model.ts';
import { agencyId } from '../model.ts';

export const DOC_STEPS = [1, 2, 3, 4, 5] as const;
export type DocStep = (typeof DOC_STEPS)[number];

/** The step names in StepTiming/StepRecord (`sop: '004'`). */
export const DOC_STEP_NAMES = { 1: 'list', 2: 'review', 3: 'delivery', 4: 'check', 5: 'upload' } as const satisfies Record<DocStep, StepTiming['step']>;

/** Who acts at each step. */
export const DOC_STEP_ROLE = { 1: 'pejabat_pid', 2: 'ppid_utama', 3: 'ppid_pelaksana', 4: 'ppid_utama', 5: 'pejabat_pid' } as const satisfies Record<
  DocStep,
  string
>;

/** A list holds at most this many rows (an OPD's DIP is tens of rows; the lane is one table record). */
export const MAX_LIST_ROWS = 150;

export const CycleInput = z.strictObject({
  name: z
    .string('nama siklus wajib diisi / the cycle name is required')
    .trim()
    .min(3, 'nama siklus: minimal 3 karakter / cycle name: at least 3 characters')
    .max(200, 'nama siklus: maksimal 200 karakter / cycle name: at most 200 characters')
    .meta({ description: 'e.g. "Pendokumentasian DIP Semester I 2026"' }),
  period: z
    .string('periode wajib diisi / the period is required')
    .trim()
    .min(3, 'periode: minimal 3 karakter / period: at least 3 characters')
    .max(100, 'periode: maksimal 100 karakter / period: at most 100 characters')
    .meta({ description: 'e.g. "Semester I 2026"' }),
  agencyIds: z
    .array(agencyId)
    .min(1, 'pilih minimal satu OPD / choose at least one OPD')
    .max(200)
    .refine((a) => new Set(a).size === a.length, 'OPD tidak boleh berulang / OPDs must not repeat')
    .optional()
    .meta({ description: 'The OPDs (SKPD) taking part; every SKPD when absent' }),
});
export type CycleInput = z.infer<typeof CycleInput>;

export const RowReview = z.strictObject({
  rowId: z.string().min(1).max(64),
  decision: z.enum(['accept', 'correct', 'reject'], 'telaah: accept, correct atau reject / review: accept, correct or reject'),
  note: z.string().trim().max(2000, 'catatan maksimal 2000 karakter / the note has at most 2000 characters').optional(),
  /** The corrected DIP columns (decision `correct`). */
  content: ItemContentSchema.optional(),
});
export type RowReview = z.infer<typeof RowReview>;

export interface DocRow {
  rowId: string;
  /** The spreadsheet line it came from, when imported. */
  line?: number;
  content: ItemContent;
  review?: { decision: RowReview['decision']; note?: string; by: string; at: string };
  /** The OPD's draft item made for an accepted row (step 3): documents are uploaded to it. */
  itemId?: string;
  itemNumber?: string;
  /** Set when the row was published (step 5). */
  publishedAt?: string;
}

/** A hand-over between steps, forward or back, with its note. */
export interface HandOver {
  from: DocStep;
  to: DocStep | 'published';
  kind: 'forward' | 'return';
  note?: string;
  by: string;
  role: string;
  at: string;
}

export interface LaneWait {
  step: DocStep;
  since: string;
  deadline?: { at: string; local: string; explanation: { id: string; en: string }; rule: unknown };
  reminders: number;
  escalatedAt?: string;
  nextReminderAt?: string;
  /** Set while the workflow waits; never sent to clients. */
  taskToken?: string;
}

/** One OPD's part of a cycle. */
export interface DocLane {
  cycleId: string;
  agencyId: string;
  cycleName: string;
  period: string;
  /** Where the list is: waiting at a step, uploaded (publication running), or published. */
  state: 'waiting' | 'uploaded' | 'published';
  step: DocStep;
  rows: DocRow[];
  wait?: LaneWait;
  /** How many times the list was sent back (per step it was sent back from). */
  returns: number;
  returnsFrom: Partial<Record<DocStep, number>>;
  handOvers: HandOver[];
  /** SOP 004 steps as they happened, against the Mutu Baku. */
  steps: (StepTiming & { deadline?: string })[];
  inbox: InboxEntry[];
  executionName?: string;
  publishedAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface DocCycle {
  cycleId: string;
  name: string;
  period: string;
  agencyIds: string[];
  state: 'open' | 'closed';
  openedBy: string;
  openedAt: string;
  closedAt?: string;
  /** The closing summary in the report archive (issued when the cycle closes). */
  summary?: { reportId: string; number: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What clients see of a lane: the task token stays on the server. */
export function laneView(lane: DocLane) {
  const { wait, executionName: _e, ...rest } = lane;
  const rows = rest.rows.map((r) => ({ ...r }));
  if (!wait) return { ...rest, rows };
  const { taskToken: _t, ...visible } = wait;
  return { ...rest, rows, wait: visible };
}
