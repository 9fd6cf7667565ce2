/**
 * What the core asks of the outside world. Adapters in `functions/adapters/` implement these.
 */
import type { AuditEvent } from './audit.ts';
import type { Holiday } from './calendar.ts';
import type { Agency, User } from './model.ts';

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
  | { entity: 'holiday'; delete: string; expectedVersion?: undefined };

export interface Store {
  getAgency(id: string): Promise<Agency | undefined>;
  listAgencies(): Promise<Agency[]>;
  getUser(username: string): Promise<User | undefined>;
  listUsers(q: { agencyId?: string; cursor?: string; limit: number }): Promise<Page<User>>;
  listAudit(q: { agencyId?: string; month?: string; entity?: { type: string; id: string }; cursor?: string; limit: number }): Promise<Page<AuditEvent>>;
  listHolidays(years: number[]): Promise<Holiday[]>;
  /** Writes every record and the audit event in one transaction, or nothing. */
  commit(writes: Write[], audit: AuditEvent): Promise<void>;
}

/** The identity provider (Cognito in AWS; the local one signs tokens from the table). */
export interface IdentityDirectory {
  upsertUser(user: User): Promise<void>;
}

export interface Mailer {
  send(mail: { to: string[]; subject: string; text: string; html?: string; idempotencyKey: string }): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Context {
  store: Store;
  identity: IdentityDirectory;
  requestId: string;
  now: Date;
}
