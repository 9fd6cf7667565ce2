/** Shapes the staff app reads from `config.json` and the API (see functions/core/model.ts). */
import type { ExclusionState, ExclusionWait, Pasal17Letter, Exclusion as ServerExclusion } from '../../../functions/core/exclusion-model.ts';
import type { DocumentRef, ItemContent, StepTiming } from '../../../functions/core/item-model.ts';
import type { ObjectionView } from '../../../functions/core/objections/model.ts';
import type { RequestView, Requester as ServerRequester } from '../../../functions/core/requests/model.ts';

export type Lang = 'id' | 'en';
export interface Text {
  id: string;
  en: string;
}

export const ROLES = ['admin', 'petugas', 'ppid_pelaksana', 'ppid_utama', 'pejabat_pid', 'atasan_ppid'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for the whole public body (functions/core/access.ts). */
export const BODY_WIDE: readonly Role[] = ['admin', 'ppid_utama'];

export interface AuthConfig {
  kind: 'local' | 'cognito';
  authorizeUrl: string;
  tokenUrl: string;
  logoutUrl: string;
  clientId: string;
  redirectUri: string;
}

export interface AppConfig {
  apiBase: string;
  auth: AuthConfig;
}

export interface User {
  username: string;
  name: string;
  /** How documents name the person (full name with titles, jabatan, pangkat/golongan, NIP). */
  fullName?: string;
  position?: string;
  rank?: string;
  nip?: string;
  email: string;
  role: Role;
  agencyId: string;
  enabled: boolean;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export type AgencyKind = 'ppid_utama' | 'skpd';

export interface Agency {
  id: string;
  kind: AgencyKind;
  name: string;
  shortName?: string;
  parentId?: string;
  timezone: string;
  workWeek: number[];
  email?: string;
  address?: string;
  /** Letterhead: the city documents are signed in, phone, website. */
  city?: string;
  phone?: string;
  website?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface AuditEvent {
  eventId: string;
  at: string;
  actor: { username: string; role: string; agencyId: string };
  action: string;
  /** `label`: the record's number and title (or a user's, an agency's name), for people. */
  entity: { type: string; id: string; label?: string };
  agencyId: string;
  before?: unknown;
  after?: unknown;
  requestId: string;
  reason?: string;
}

export type HolidayKind = 'national' | 'cuti_bersama';

export interface Holiday {
  date: string;
  name: string;
  kind: HolidayKind;
  provisional?: boolean;
}

export type DeadlineUnit = 'workingDays' | 'calendarDays' | 'minutes';

export interface DeadlineResult {
  deadline: string;
  localDeadline: string;
  timezone: string;
  skipped: { date: string; reason: string; name: string }[];
  explanation: Text;
}

export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'] as const;

// ─── Information items (SOP 000; functions/core/item-model.ts) ───────────────────────────────────

export const CATEGORIES = ['berkala', 'serta_merta', 'setiap_saat'] as const;
export type Category = (typeof CATEGORIES)[number];
export const FORMATS = ['softcopy', 'hardcopy'] as const;
export type Format = (typeof FORMATS)[number];
export const WORKING_STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type WorkingState = (typeof WORKING_STATES)[number];
export const PUBLICATIONS = ['none', 'published', 'withdrawn'] as const;
export type Publication = (typeof PUBLICATIONS)[number];

export type SopStepName = 'input' | 'approval' | 'publication';

/**
 * The item shapes the API sends, declared once on the server (type-only: nothing of the server's
 * code reaches the bundle). ItemContent: every DIP column plus category, year and tags;
 * PublishedVersion: a version in PPID Utama's consolidated DIP (GET /api/dip).
 */
export type { DocumentRef, ItemContent, PublishedVersion, StepTiming } from '../../../functions/core/item-model.ts';

export interface ItemDeadline {
  at: string;
  local: string;
  explanation: Text;
  rule: unknown;
}

export interface WorkingVersion {
  versionNo: number;
  state: WorkingState;
  content: ItemContent;
  documents: DocumentRef[];
  submittedAt?: string;
  submittedBy?: string;
  deadline?: ItemDeadline;
  decision?: { decision: 'approve' | 'return'; by: string; role: string; at: string; reason?: string };
  returnReason?: string;
  reminders: number;
  escalatedAt?: string;
  nextReminderAt?: string;
  steps: StepTiming[];
}

export interface Item {
  itemId: string;
  agencyId: string;
  number: string;
  regYear: number;
  sequence: number;
  status: WorkingState;
  publication: Publication;
  current: WorkingVersion;
  published?: { versionNo: number; publishedAt: string };
  withdrawn?: { at: string; by: string; reason: string };
  /** An exclusion (SOP 002) of this item still open or in force (functions/core/item-model.ts). */
  exclusion?: { exclusionId: string; state: 'proposed' | 'approved' | 'in_force' };
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
}

export type InboxKind =
  | 'approval'
  | 'returned'
  | 'escalated'
  | 'exclusion_decision'
  | 'exclusion_decree'
  | 'exclusion_ended'
  | 'exclusion_returned'
  | 'request_new'
  | 'request_part'
  | 'request_delivery'
  | 'objection'
  | 'objection_followup'
  | 'dispute_hearing'
  | 'documentation_pejabat'
  | 'documentation_utama'
  | 'documentation_delivery';

/** One thing waiting for the signed-in person (GET /api/inbox). */
export interface InboxItem {
  box: { kind: InboxKind; agencyId?: string };
  /**
   * An information item (default), an exclusion (then `itemId` is the exclusion's id and `versionNo`
   * its round), an information request or an objection (then `itemId` is the request's or the
   * objection's id).
   */
  entity?: 'item' | 'exclusion' | 'request' | 'objection' | 'dispute' | 'documentation';
  itemId: string;
  agencyId: string;
  number: string;
  title: string;
  versionNo: number;
  since: string;
  deadline?: ItemDeadline;
  reason?: string;
  /** Reminders sent since the deadline passed (when the API reports it). */
  reminders?: number;
  timeLeftSeconds?: number;
  overdue: boolean;
}

export interface DeadlineRule {
  unit: DeadlineUnit;
  amount: number;
}

export interface PublicationRules {
  publicationApproval: DeadlineRule;
  approvalReminder: DeadlineRule;
}

/** Roles that enter and edit items, and that approve them (infra/system.ts EDITORS, APPROVERS). */
export const EDITORS: readonly Role[] = ['petugas', 'ppid_pelaksana', 'ppid_utama'];
export const APPROVERS: readonly Role[] = ['ppid_pelaksana', 'ppid_utama'];
/**
 * Roles whose inbox holds work they do (functions/core/items.ts boxesFor). The admin's box would
 * list escalations the admin cannot decide, so it is left out of the admin's menu.
 */
export const INBOX_ROLES: readonly Role[] = ['petugas', 'ppid_pelaksana', 'ppid_utama', 'atasan_ppid', 'pejabat_pid'];

// ─── Excluded information, the DIK (SOP 002; functions/core/exclusion-model.ts) ──────────────────

/**
 * The exclusion shapes, declared once on the server (type-only, as for items). Exclusion: the
 * proposal with its consequence test, the decision, the decree, the DIK entry, files and timing.
 */
export type {
  ConsequenceTest,
  Decree,
  ExclusionState,
  ExclusionWait,
  GeneratedFile,
  LegalBasis,
  OtherLaw,
  Pasal17Letter,
} from '../../../functions/core/exclusion-model.ts';

/** What the API sends of an exclusion (exclusionView): the workflow's task token stays on the server. */
export type Exclusion = Omit<ServerExclusion, 'wait'> & { wait?: Omit<ExclusionWait, 'taskToken'> };

export const EXCLUSION_STATES = ['proposed', 'returned', 'approved', 'in_force', 'expired', 'revoked'] as const satisfies readonly ExclusionState[];
/** UU 14/2008 Pasal 17 letters a–j (the texts are in i18n.ts, PASAL_17_TEXT). */
export const PASAL_17 = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const satisfies readonly Pasal17Letter[];
/** The only grounds that may be excluded without an end date (Pasal 17 g and h). */
export const PERMANENT_GROUNDS: readonly Pasal17Letter[] = ['g', 'h'];
/** Who proposes an exclusion (SOP 002 step 1). */
export const EXCLUSION_PROPOSERS: readonly Role[] = ['ppid_pelaksana', 'ppid_utama'];
/** Who sees every agency's exclusions (functions/core/exclusions.ts BODY_WIDE). */
export const EXCLUSION_BODY_WIDE: readonly Role[] = ['admin', 'ppid_utama', 'atasan_ppid'];
/** Who may revoke an exclusion in force (infra/system.ts). */
export const EXCLUSION_REVOKERS: readonly Role[] = ['ppid_utama', 'atasan_ppid'];
/** Who sees the DIK menu (the API lets every staff role read; these work with it). */
export const EXCLUSION_NAV: readonly Role[] = ['ppid_pelaksana', 'ppid_utama', 'atasan_ppid', 'admin', 'petugas'];

// ─── Information requests (UU 14/2008 Pasal 21–22; functions/core/requests/model.ts) ─────────────

export type {
  Deadline as RequestDeadline,
  Decision,
  RequestContent,
  RequestDocument,
  Requester,
  RequestPart,
  RequestState,
  TimelineEvent,
} from '../../../functions/core/requests/model.ts';

/**
 * What the API sends of a request (requestView: no task tokens, no personal data), with the names of
 * the staff who acted on it (GET /api/requests/{id} only).
 */
export type InfoRequest = RequestView & { people?: Record<string, string> };

/** GET /api/requests/{id}/personal: the requester's identity and contact (UU 27/2022). */
export interface RequestPersonalView {
  requestId: string;
  requester: ServerRequester;
  powerOfAttorney?: { fileName: string; size: number };
  eraseAfter?: string;
}

// ─── Objections to the Atasan PPID (UU 14/2008 Pasal 35–36; functions/core/objections/model.ts) ──

export type { Ground as ObjectionGround, ObjectionTimelineEvent } from '../../../functions/core/objections/model.ts';

/**
 * What the API sends of an objection (objectionView: no task token), and on GET /api/objections/{id}
 * its request (the staff view: content, notice, parts, documents, no personal data) and the names of
 * the staff who acted on it.
 */
export type Objection = ObjectionView & { request?: InfoRequest; people?: Record<string, string> };

/**
 * Pasal 35(1) a–g and their text as the law words them: the server's own, from a module that imports
 * nothing (so the browser bundle takes no other server code).
 */
export { GROUND_TEXT as OBJECTION_GROUND_TEXT, GROUNDS as OBJECTION_GROUNDS } from '../../../functions/core/objections/grounds.ts';
/** The channels staff register an objection from (`online` is the status page's own form). */
export const OBJECTION_DESK_CHANNELS = ['in_person', 'letter', 'email'] as const satisfies readonly Objection['channel'][];
/** Who sees the Keberatan menu (the API lets every staff role list: an SKPD sees those on requests routed to it). */
export const OBJECTION_NAV: readonly Role[] = ['petugas', 'ppid_pelaksana', 'ppid_utama', 'atasan_ppid', 'admin'];
/** Who registers an objection received on paper, by mail or in person (infra/system.ts OBJECTION_DESK). */
export const OBJECTION_REGISTRARS: readonly Role[] = ['petugas', 'ppid_pelaksana', 'ppid_utama', 'admin', 'atasan_ppid'];
/** Who lists every objection and reads every objector (functions/core/objections/objections.ts BODY_READERS). */
export const OBJECTION_BODY_READERS: readonly Role[] = ['admin', 'ppid_utama', 'atasan_ppid'];

/** Copies of the server's lists (the bundle takes no server code), checked against them by the type. */
export const REQUEST_STATES = ['registered', 'routed', 'answered', 'closed'] as const satisfies readonly InfoRequest['state'][];
export const REQUESTER_KINDS = ['individual', 'legal_entity'] as const satisfies readonly InfoRequest['requesterKind'][];
export const OBTAIN_FORMS = ['view', 'copy_softcopy', 'copy_hardcopy'] as const satisfies readonly InfoRequest['content']['obtainForm'][];
export const DELIVERY_METHODS = ['collect', 'courier', 'post', 'fax', 'email'] as const satisfies readonly InfoRequest['content']['deliveryMethod'][];
/** The channels staff register (`online` is the register's own form). */
export const DESK_CHANNELS = ['in_person', 'phone', 'letter', 'email'] as const satisfies readonly InfoRequest['channel'][];
export const DECISIONS = ['granted', 'partial', 'refused'] as const satisfies readonly NonNullable<InfoRequest['outcome']>['decision'][];

/** Who sees the Permohonan menu (the API lets every staff role list: an SKPD sees the requests routed to it). */
export const REQUEST_NAV: readonly Role[] = ['petugas', 'ppid_pelaksana', 'ppid_utama', 'atasan_ppid', 'admin'];
/** Who registers a request received at the desk, by phone, by letter or by email. */
export const REQUEST_REGISTRARS: readonly Role[] = ['petugas', 'ppid_utama'];
/** Who lists every SKPD's requests (functions/core/requests/requests.ts BODY_READERS). */
export const REQUEST_BODY_READERS: readonly Role[] = ['admin', 'ppid_utama', 'atasan_ppid'];
/** Who routes (infra/system.ts). */
export const REQUEST_ROUTERS: readonly Role[] = ['ppid_utama', 'admin'];
/** Who asks for clarification and records delivery (requests.ts askClarification, recordDelivery). */
export const REQUEST_CLARIFIERS: readonly Role[] = ['ppid_utama', 'ppid_pelaksana', 'petugas'];
/** Who extends the deadline (requests.ts extend). */
export const REQUEST_EXTENDERS: readonly Role[] = ['ppid_utama', 'ppid_pelaksana'];
/** Who opens the register of requests, which holds personal data (functions/core/requests/book.ts BOOK_ROLES). */
export const REQUEST_BOOK_ROLES: readonly Role[] = ['admin', 'ppid_utama', 'ppid_pelaksana'];

/** Who opens the register of objections (functions/core/objections/book.ts OBJECTION_BOOK_ROLES). */
export const OBJECTION_BOOK_ROLES: readonly Role[] = ['admin', 'ppid_utama', 'atasan_ppid', 'ppid_pelaksana'];
/** Who opens any SKPD's register of objections and the consolidated one. */
export const OBJECTION_BOOK_BODY_WIDE: readonly Role[] = ['admin', 'ppid_utama', 'atasan_ppid'];

/** GET /api/requests/book and /api/objections/register (functions/core/book-export.ts BookResult). */
export interface RegisterBookResult {
  year: number;
  agencyId?: string;
  title: string;
  count: number;
  columns: { key: string; header: Text; kind?: 'text' | 'number' | 'date' }[];
  rows?: Record<string, string | number | null>[];
  truncated?: boolean;
  file?: { url: string; fileName: string; contentType: string; expiresInSeconds: number };
}
