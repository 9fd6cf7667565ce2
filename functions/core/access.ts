/**
 * Who may see and change what. Pure rules, used by every handler through `functions/api/http.ts`.
 *
 * - `admin` and `ppid_utama` act for the whole public body: every agency's data, audited.
 * - Every other role acts for its own agency only: a user of one SKPD never reads or changes another
 *   SKPD's non-public data (DOMAIN.md, "Who is who").
 */
import type { Role } from '../../infra/system.ts';
import { forbidden } from './errors.ts';

export interface Principal {
  username: string;
  name: string;
  role: Role;
  agencyId: string;
}

const BODY_WIDE: readonly Role[] = ['admin', 'ppid_utama'];

export function actsForWholeBody(p: Principal): boolean {
  return BODY_WIDE.includes(p.role);
}

export function canReachAgency(p: Principal, agencyId: string): boolean {
  return actsForWholeBody(p) || p.agencyId === agencyId;
}

/** Throws 403 unless the principal may reach this agency's non-public data. */
export function assertAgencyScope(p: Principal, agencyId: string): void {
  if (!canReachAgency(p, agencyId)) forbidden('forbidden_agency');
}

export function assertRole(p: Principal, roles: readonly Role[]): void {
  if (!roles.includes(p.role)) forbidden('forbidden_role', { role: p.role });
}

/**
 * The agency a list query is limited to: body-wide roles may ask for any agency or all (undefined);
 * everyone else gets their own agency, and asking for another one is refused, not silently narrowed.
 */
export function listScope(p: Principal, requested: string | undefined): string | undefined {
  if (actsForWholeBody(p)) return requested;
  if (requested && requested !== p.agencyId) forbidden('forbidden_agency');
  return p.agencyId;
}

/**
 * Like listScope, for a feature with its own body-wide roles (exclusions: the Atasan PPID also sees
 * every agency's). Also used to check that a principal may act for one agency.
 */
export function listScopeFor(p: Principal, requested: string | undefined, bodyWide: readonly Role[]): string | undefined {
  if (bodyWide.includes(p.role)) return requested;
  if (requested && requested !== p.agencyId) forbidden('forbidden_agency');
  return p.agencyId;
}
