/**
 * Public information items and their DIP columns (Perki 1/2010, carried into Perki 1/2021):
 * 1 Nomor · 2 Ringkasan isi informasi · 3 Pejabat atau unit yang menguasai informasi ·
 * 4 Penanggung jawab pembuatan atau penerbitan · 5 Waktu dan tempat pembuatan ·
 * 6 Bentuk informasi yang tersedia · 7 Jangka waktu penyimpanan / retensi arsip · plus the category.
 *
 * An item has one working version (what staff edit and submit) and, once approved, a published
 * version (what the public sees). Editing a published item opens a new working version; the public
 * keeps the last published one until the new one is approved.
 */
import * as z from 'zod';
import { CATEGORIES } from './categories.ts';
import { agencyId } from './model.ts';

export { CATEGORIES } from './categories.ts';

/** An item's number: its agency, registration year and sequence (`DINKES/2026/0007`). */
export const itemNumber = (agencyId: string, regYear: number, sequence: number) => `${agencyId.toUpperCase()}/${regYear}/${String(sequence).padStart(4, '0')}`;
export const Category = z.enum(CATEGORIES).meta({
  description: 'berkala (UU 14/2008 Pasal 9), serta-merta (Pasal 10), tersedia setiap saat (Pasal 11)',
});
export type Category = z.infer<typeof Category>;

/** A trimmed text field whose messages name the DIP column in both languages ("id / en" is split by the API). */
const text = (min: number, max: number, what: { id: string; en: string }) =>
  z
    .string()
    .trim()
    .min(min, `${what.id}: minimal ${min} karakter / ${what.en}: at least ${min} characters`)
    .max(max, `${what.id}: maksimal ${max} karakter / ${what.en}: at most ${max} characters`);

export const ItemContent = z.strictObject({
  title: text(3, 300, { id: 'judul', en: 'title' }).meta({ description: 'Judul informasi' }),
  summary: text(10, 4000, { id: 'ringkasan isi', en: 'summary' }).meta({ description: 'Kolom 2: ringkasan isi informasi' }),
  holder: text(3, 200, { id: 'pejabat/unit yang menguasai', en: 'holder' }).meta({ description: 'Kolom 3: pejabat atau unit yang menguasai informasi' }),
  responsible: text(3, 200, { id: 'penanggung jawab', en: 'responsible' }).meta({ description: 'Kolom 4: penanggung jawab pembuatan atau penerbitan' }),
  createdWhen: text(4, 100, { id: 'waktu pembuatan', en: 'when made' }).meta({ description: 'Kolom 5: waktu pembuatan, e.g. "Januari 2026" or "2026-01-15"' }),
  createdWhere: text(3, 200, { id: 'tempat pembuatan', en: 'where made' }).meta({ description: 'Kolom 5: tempat pembuatan' }),
  formats: z
    .array(z.enum(['softcopy', 'hardcopy']))
    .min(1, 'pilih softcopy dan/atau hardcopy / choose softcopy and/or hardcopy')
    .refine((f) => new Set(f).size === f.length, 'bentuk tidak boleh berulang / formats must not repeat')
    .meta({ description: 'Kolom 6: bentuk informasi yang tersedia' }),
  retention: text(2, 100, { id: 'jangka waktu penyimpanan', en: 'retention' }).meta({
    description: 'Kolom 7: jangka waktu penyimpanan atau retensi arsip, e.g. "5 tahun"',
  }),
  category: Category,
  year: z.number().int().min(1945).max(2100).meta({ description: 'The year the information concerns' }),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});
export type ItemContent = z.infer<typeof ItemContent>;

export const DocumentRef = z.object({
  docId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  kind: z.string(),
  size: z.number(),
  sha256: z.string(),
  key: z.string(),
  /** `pending` until the server has checked the uploaded object. */
  status: z.enum(['pending', 'verified']),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type DocumentRef = z.infer<typeof DocumentRef>;

/** A step of SOP 000 as it happened, against its time standard. */
export interface StepTiming {
  /** SOP 000: input, approval, publication; SOP 002: proposal, decision, decree, publication; SOP 004: list, review, delivery, check, upload. */
  step: 'input' | 'approval' | 'publication' | 'proposal' | 'decision' | 'decree' | 'list' | 'review' | 'delivery' | 'check' | 'upload';
  sopStep: number;
  startedAt: string;
  endedAt?: string;
  seconds?: number;
  standardText: string;
  /** true/false once ended, against the standard; undefined while running. */
  withinStandard?: boolean;
  by?: string;
}

export type WorkingState = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

export interface WorkingVersion {
  versionNo: number;
  state: WorkingState;
  content: ItemContent;
  documents: DocumentRef[];
  submittedAt?: string;
  submittedBy?: string;
  /** The approval deadline and how it was computed (set when the workflow starts waiting). */
  deadline?: { at: string; local: string; explanation: { id: string; en: string }; rule: unknown };
  decision?: { decision: 'approve' | 'return'; by: string; role: string; at: string; reason?: string };
  returnReason?: string;
  reminders: number;
  escalatedAt?: string;
  nextReminderAt?: string;
  /** Set by the workflow while it waits for the Kepala PPID; never sent to clients. */
  taskToken?: string;
  executionName?: string;
  steps: StepTiming[];
}

export interface PublishedVersion {
  itemId: string;
  agencyId: string;
  number: string;
  versionNo: number;
  content: ItemContent;
  documents: DocumentRef[];
  approvedBy: string;
  publishedAt: string;
  /** Registration year and sequence: the DIP's order. */
  regYear: number;
  sequence: number;
  /** Every publication of this item so far, this one last: the versions' publication dates. */
  history: { versionNo: number; publishedAt: string }[];
}

export interface Item {
  itemId: string;
  agencyId: string;
  /** Nomor: per agency and registration year, gap-free, e.g. `DINKES/2026/0007`. */
  number: string;
  regYear: number;
  sequence: number;
  status: WorkingState;
  publication: 'none' | 'published' | 'withdrawn';
  current: WorkingVersion;
  /** The version the public sees: its category is kept here for the dashboard's counters (absent on records published before). */
  published?: { versionNo: number; publishedAt: string; category?: Category };
  /** Every publication so far (kept across withdrawals). */
  publications?: { versionNo: number; publishedAt: string }[];
  withdrawn?: { at: string; by: string; reason: string };
  /** The inbox entries this item has now (so they can be removed when it moves on). */
  inbox: InboxEntry[];
  /**
   * An exclusion (SOP 002) that concerns this item and is still open or in force: the item cannot be
   * submitted for publication meanwhile, and while it is in force it is off the DIP.
   */
  exclusion?: { exclusionId: string; state: 'proposed' | 'approved' | 'in_force' };
  /** Created by a spreadsheet import (documentation/item-import.ts): which import, which line of its file. */
  imported?: { importId: string; line: number };
  /** Made for an accepted row of an OPD's list in a documentation cycle (SOP 004): published by that cycle, not submitted through SOP 000. */
  documentation?: { cycleId: string; rowId: string };
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Optimistic lock. */
  version: number;
}

/** Inboxes kept per agency. */
export type AgencyBox =
  | 'approval'
  | 'returned'
  | 'exclusion_returned'
  | 'request_part'
  | 'objection_followup'
  /** SOP 004 step 3: the OPD's list waits for its PPID Pendukung's delivery. */
  | 'documentation_delivery';
/**
 * Inboxes of the whole public body: escalations (PPID Utama), exclusions waiting for the Atasan
 * PPID's Ya/Tidak, for PPID Utama's decree, and ended exclusions to reopen or test again.
 */
export type BodyBox =
  | 'escalated'
  | 'exclusion_decision'
  | 'exclusion_decree'
  | 'exclusion_ended'
  | 'request_new'
  | 'request_delivery'
  /** Objections waiting for the Atasan PPID's response. */
  | 'objection'
  /** Hearings of disputes at the Komisi Informasi and in court (PPID Utama). */
  | 'dispute_hearing'
  /** SOP 004: OPD lists waiting for the Pejabat PID (steps 1 and 5) and for PPID Utama (steps 2 and 4). */
  | 'documentation_pejabat'
  | 'documentation_utama';

/** What an inbox shows: one thing waiting for someone, with its deadline and its explanation. */
export interface InboxEntry {
  box: { kind: AgencyBox; agencyId: string } | { kind: BodyBox };
  /** What waits: an information item (default), an exclusion or a request (then `itemId` is its id). */
  entity?: 'item' | 'exclusion' | 'request' | 'objection' | 'dispute' | 'documentation';
  itemId: string;
  agencyId: string;
  number: string;
  title: string;
  versionNo: number;
  since: string;
  deadline?: WorkingVersion['deadline'];
  reason?: string;
  /** Reminders sent since the deadline passed. */
  reminders?: number;
}

/** For the register builder (issue: the public register): what changed and which version to show. */
export interface RegisterEvent {
  eventId: string;
  at: string;
  /**
   * `dik`: the DIK changed (then `itemId` is the exclusion's id); `verification`: a document's verification page (`itemId` is its code);
   * `annualReport`: an annual report approved (`itemId` is the archived report's id, `versionNo` its year);
   * `site`: the public body's settings or an agency changed (`itemId` is `publicBody` or `agency#<id>`; register-events.ts).
   */
  type: 'published' | 'withdrawn' | 'dik' | 'verification' | 'request' | 'annualReport' | 'site';
  itemId: string;
  agencyId: string;
  versionNo: number;
}

/** One ended SOP step, kept for the service reports (SLA compliance per step). */
export interface StepRecord extends StepTiming {
  sop: string;
  /** The item (SOP 000), the exclusion (SOP 002) or the documentation lane `<cycleId>#<agencyId>` (SOP 004). */
  itemId: string;
  agencyId: string;
  versionNo: number;
}

export const ItemQuery = z.strictObject({
  agencyId: agencyId.optional(),
  status: z.enum(['draft', 'submitted', 'returned', 'approved', 'published']).optional(),
  publication: z.enum(['none', 'published', 'withdrawn']).optional(),
  category: Category.optional(),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type ItemQuery = z.infer<typeof ItemQuery>;

/** What clients see of an item: the task token stays on the server. */
export function publicView(item: Item) {
  const { taskToken: _token, executionName: _execution, ...current } = item.current;
  return { ...item, current };
}
