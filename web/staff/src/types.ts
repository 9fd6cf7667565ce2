/** Shapes the staff app reads from `config.json` and the API (see functions/core/model.ts). */

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
  entity: { type: string; id: string };
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
