/**
 * What the core asks of the outside world. Adapters in `functions/adapters/` implement these.
 */
import type { AuditEvent } from './audit.ts';
import type { DeadlineRule, Holiday } from './calendar.ts';
import type { ImportMarker, ItemImport } from './documentation/item-import.ts';
import type { DocCycle, DocLane } from './documentation/model.ts';
import type { DikEntry, Exclusion, ExclusionState } from './exclusion-model.ts';
import type { InboxEntry, Item, ItemQuery, PublishedVersion, RegisterEvent, StepRecord } from './item-model.ts';
import type { Agency, User } from './model.ts';
import type { Dispute } from './objections/disputes.ts';
import type { Objection, ObjectionPersonal } from './objections/model.ts';
import type { DocumentSigner } from './official-documents/signing-error.ts';
import type { VerificationRecord } from './official-documents/verification.ts';
import type { AnnualDraft } from './reports/annual.ts';
import type { ArchivedReport } from './reports/archive.ts';
import type { CounterRecord } from './reports/counters.ts';
import type { Request, RequestPersonal } from './requests/model.ts';
import type { UploadIntent } from './requests/power-of-attorney.ts';
import type { SignInSetup } from './user-invitation.ts';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * One record to write. `expectedVersion` is the optimistic lock: `null` means the record must not
 * exist yet; a number means the stored version must still be that number. `delete` removes it.
 */
export type Write =
  | { entity: 'agency'; value: Agency; expectedVersion: number | null }
  | { entity: 'user'; value: User; expectedVersion: number | null }
  | { entity: 'holiday'; value: Holiday; expectedVersion?: undefined }
  | { entity: 'holiday'; delete: string; expectedVersion?: undefined }
  | { entity: 'item'; value: Item; expectedVersion: number | null }
  /** The version the public sees; one per item. */
  | { entity: 'published'; value: PublishedVersion }
  | { entity: 'published'; delete: string }
  /** Every publication, kept: the versions' publication dates. */
  | { entity: 'publicationHistory'; value: PublishedVersion }
  | { entity: 'exclusion'; value: Exclusion; expectedVersion: number | null }
  /** A row of the published DIK (one per exclusion in force). */
  | { entity: 'dik'; value: DikEntry }
  | { entity: 'dik'; delete: string }
  | { entity: 'inbox'; value: InboxEntry }
  | { entity: 'inbox'; delete: InboxEntry }
  | { entity: 'registerEvent'; value: RegisterEvent }
  | { entity: 'stepRecord'; value: StepRecord }
  /** What the verification page of an issued document shows (official-documents/verification.ts). */
  | { entity: 'verification'; value: VerificationRecord }
  /** A gap-free counter moved from `from` to `to` (refused if someone moved it first). */
  | { entity: 'counter'; name: string; from: number; to: number }
  | { entity: 'settings'; name: string; value: Record<string, unknown>; expectedVersion?: undefined }
  | { entity: 'request'; value: Request; expectedVersion: number | null }
  /** The requester's personal data (UU 27/2022): its own record, erased after the retention period. */
  | { entity: 'requestPersonal'; value: RequestPersonal }
  | { entity: 'requestPersonal'; delete: string }
  /** The request closed: its personal data may be erased from `eraseAfter` on. */
  | { entity: 'requestPersonalRetention'; requestId: string; eraseAfter: string }
  /** One per SKPD a request was routed to: that SKPD's list of requests. */
  | { entity: 'requestRoute'; value: { requestId: string; agencyId: string; year: number; sequence: number } }
  /** A form submission's result, remembered for a day (a double click files one request). */
  | { entity: 'submission'; value: Submission & { expiresAt: number } }
  | { entity: 'objection'; value: Objection; expectedVersion: number | null }
  /** The objector's identity when the objection has no request (ground b). */
  | { entity: 'objectionPersonal'; value: ObjectionPersonal }
  | { entity: 'objectionPersonal'; delete: string }
  /** The objection with no request closed: its objector's data may be erased from `eraseAfter` on. */
  | { entity: 'objectionPersonalRetention'; objectionId: string; eraseAfter: string }
  /** A dispute at the Komisi Informasi and in court (objections/disputes.ts). */
  | { entity: 'dispute'; value: Dispute; expectedVersion: number | null }
  /** A public upload declared before its filing (the power of attorney), kept a day. */
  | { entity: 'uploadIntent'; value: UploadIntent }
  /** An issued report in the archive (reports/archive.ts): written once; later only the annual report's approval. */
  | { entity: 'report'; value: ArchivedReport; expectedVersion: number | null }
  /** The annual report's draft of one year (reports/annual.ts). */
  | { entity: 'annualDraft'; value: AnnualDraft; expectedVersion: number | null }
  /** A scheduled mail claimed once (refused if it exists), or released when it could not be sent. */
  | { entity: 'notice'; key: string; at: string }
  | { entity: 'notice'; delete: string }
  /** A spreadsheet import of draft items (documentation/item-import.ts). */
  | { entity: 'itemImport'; value: ItemImport; expectedVersion: number | null }
  /** The file of an import, by agency and SHA-256: written once, so the same file is never imported twice. */
  | { entity: 'importMarker'; value: ImportMarker }
  /** A documentation cycle (SOP 004) and one OPD's lane of it (documentation/model.ts). */
  | { entity: 'docCycle'; value: DocCycle; expectedVersion: number | null }
  | { entity: 'docLane'; value: DocLane; expectedVersion: number | null };

/** A form submission's result: the request it filed (and the objection, for an objection form). */
export interface Submission {
  submissionId: string;
  requestId: string;
  trackingCode: string;
  objectionId?: string;
}

export interface Store {
  getAgency(id: string): Promise<Agency | undefined>;
  listAgencies(): Promise<Agency[]>;
  getUser(username: string): Promise<User | undefined>;
  listUsers(q: { agencyId?: string; cursor?: string; limit: number }): Promise<Page<User>>;
  listAudit(q: { agencyId?: string; month?: string; entity?: { type: string; id: string }; cursor?: string; limit: number }): Promise<Page<AuditEvent>>;
  listHolidays(years: number[]): Promise<Holiday[]>;
  getItem(itemId: string): Promise<Item | undefined>;
  /** The items of these ids that exist (one BatchGet per 100; any order). */
  getItems(itemIds: string[]): Promise<Item[]>;
  listItems(q: ItemQuery): Promise<Page<Item>>;
  listPublished(q: { agencyId?: string; category?: string; year?: number; cursor?: string; limit: number }): Promise<Page<PublishedVersion>>;
  getExclusion(exclusionId: string): Promise<Exclusion | undefined>;
  listExclusions(q: { agencyId?: string; state?: ExclusionState; cursor?: string; limit: number }): Promise<Page<Exclusion>>;
  /** The DIK in force, in DIK order. */
  listDik(): Promise<DikEntry[]>;
  listInbox(box: InboxEntry['box'], q: { cursor?: string; limit: number }): Promise<Page<InboxEntry>>;
  getCounter(name: string): Promise<number>;
  getVerification(code: string): Promise<VerificationRecord | undefined>;
  getSettings<T extends Record<string, unknown>>(name: string): Promise<T | undefined>;
  getRequest(requestId: string): Promise<Request | undefined>;
  getRequestPersonal(requestId: string): Promise<RequestPersonal | undefined>;
  /** Newest number first; with `agencyId`, the requests routed to that SKPD. */
  listRequests(q: { agencyId?: string; year?: number; cursor?: string; limit: number }): Promise<Page<Request>>;
  /**
   * Requests whose notice was issued, newest first (the register's public log); with `between`, those
   * whose notice was issued between two ISO instants (inclusive): the reports' "answered in the period".
   */
  listAnsweredRequests(q: { cursor?: string; limit: number; between?: { from: string; to: string } }): Promise<Page<Request>>;
  /** SOP step timings (`sop` '000', '002', …) whose end instant falls in the UTC month `yyyy-mm`, oldest first (the reports). */
  listStepRecords(sop: string, month: string, q: { cursor?: string; limit: number }): Promise<Page<StepRecord>>;
  /** Every publication of one item (its published versions as they were), oldest first. */
  listPublicationHistory(itemId: string): Promise<PublishedVersion[]>;
  /** Personal records whose retention period ended before `before`. */
  listErasablePersonal(before: string, limit: number): Promise<(RequestPersonal | ObjectionPersonal)[]>;
  getUploadIntent(uploadId: string): Promise<UploadIntent | undefined>;
  getSubmission(submissionId: string): Promise<Submission | undefined>;
  getObjection(objectionId: string): Promise<Objection | undefined>;
  getObjectionPersonal(objectionId: string): Promise<ObjectionPersonal | undefined>;
  /** Newest number first; with `year`, that year's. */
  listObjections(q: { year?: number; cursor?: string; limit: number }): Promise<Page<Objection>>;
  /** The objections filed on one request, oldest first. */
  listObjectionsOfRequest(requestId: string): Promise<Objection[]>;
  getDispute(disputeId: string): Promise<Dispute | undefined>;
  /** Newest number first; with `year`, the disputes filed that year. */
  listDisputes(q: { year?: number; cursor?: string; limit: number }): Promise<Page<Dispute>>;
  /** An archived report (reports/archive.ts). */
  getReport(reportId: string): Promise<ArchivedReport | undefined>;
  /** The archive, newest period first; with `agencyId`, that SKPD's; `kind` filters. */
  listReports(q: { agencyId?: string; kind?: string; year?: number; cursor?: string; limit: number }): Promise<Page<ArchivedReport>>;
  getAnnualDraft(year: number): Promise<AnnualDraft | undefined>;
  /** Every year's annual draft, oldest first (tens: one a year). */
  listAnnualDrafts(): Promise<AnnualDraft[]>;
  /** Every agency's counter record of one month (`yyyy-mm`), or the gauges (`now`): reports/counters.ts. */
  listCounters(month: string): Promise<CounterRecord[]>;
  /** Every counter record replaced by these (the rebuild: reports/recount.ts); the others deleted. */
  replaceCounters(records: CounterRecord[]): Promise<void>;
  /** Every ended step of one SOP in one agency (the counters' rebuild). */
  listStepRecordsOfAgency(sop: string, agencyId: string): Promise<StepRecord[]>;
  getImport(importId: string): Promise<ItemImport | undefined>;
  /** The import that took this file (agency, SHA-256), if one did. */
  getImportMarker(agencyId: string, sha256: string): Promise<ImportMarker | undefined>;
  getDocCycle(cycleId: string): Promise<DocCycle | undefined>;
  /** The documentation cycles, newest first. */
  listDocCycles(q: { cursor?: string; limit: number }): Promise<Page<DocCycle>>;
  getDocLane(cycleId: string, agencyId: string): Promise<DocLane | undefined>;
  /** Every OPD's lane of one cycle (one Query). */
  listDocLanes(cycleId: string): Promise<DocLane[]>;
  /** The lanes waiting at a step, across cycles (a sparse index): holiday changes recompute their deadlines. */
  listWaitingDocLanes(): Promise<DocLane[]>;
  /**
   * Writes every record and the audit event(s) in one transaction, or nothing; the dashboard's
   * counters (reports/counters.ts) move in the same transaction.
   */
  commit(writes: Write[], audit: AuditEvent | AuditEvent[]): Promise<void>;
}

/** The identity provider (Cognito in AWS; the local one signs tokens from the table). */
export interface IdentityDirectory {
  /**
   * Makes the sign-in account of a new user and says how its first sign-in works: Cognito mails its
   * invitation (a temporary password) itself; the local host mails nothing, and the core puts the
   * invitation in the outbox (users.ts).
   */
  createUser(user: User): Promise<SignInSetup>;
  /** Brings an existing account in line with the user record (name, e-mail, agency, role, enabled). */
  upsertUser(user: User): Promise<void>;
}

export interface Mailer {
  send(mail: { to: string[]; subject: string; text: string; html?: string; idempotencyKey: string }): Promise<void>;
}

export interface Clock {
  now(): Date;
}

/** Step Functions as the core needs it. */
export interface Workflows {
  start(stateMachineId: string, name: string, input: Record<string, unknown>): Promise<void>;
  /** Completes a waiting task. Returns false when the token is no longer waiting (timed out, done). */
  complete(taskToken: string, output: Record<string, unknown>): Promise<boolean>;
}

/** Files the system itself makes (the exclusion PDFs), kept in the private document bucket. */
export interface GeneratedFiles {
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** A stored file's bytes (the coat of arms for letterheads), or undefined if there is none. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** A short-lived link to download one. */
  downloadUrl(key: string, fileName: string, contentType: string): Promise<string>;
}

export type { DeadlineRule };

export interface Context {
  store: Store;
  identity: IdentityDirectory;
  workflows?: Workflows;
  mailer?: Mailer;
  files?: GeneratedFiles;
  /** Signs issued documents (adapters/signing.ts): present in the tasks that issue documents. */
  signer?: DocumentSigner;
  /** The public register's address for verification links, when the body has not set its own. */
  registerUrl?: string;
  requestId: string;
  now: Date;
}
