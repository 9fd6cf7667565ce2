/**
 * Which pages a role may open. The API's route table (infra/system.ts `routes`, with the roles each
 * route allows) decides: every page names the API operation it is built on, and the app shows a page,
 * its menu entry and the links to it only to the roles that may call that operation. A few pages are
 * shown to fewer roles than their API allows (the product's choice: e.g. the requests list to the
 * roles that work on requests); those say so with `roles`.
 *
 * infra/system.ts is a declaration with no imports: the bundle takes its route list, not server code.
 */
import { type HttpMethod, routes } from '../../../infra/system.ts';
import { EXCLUSION_NAV, INBOX_ROLES, OBJECTION_NAV, REQUEST_NAV, type Role } from './types.ts';

/** An operation of the API as infra/system.ts declares it, e.g. `POST /api/items`. */
export type ApiOperation = `${HttpMethod} /api/${string}`;

/** Whether the route table lets `role` call `op` (an unknown operation: no). */
export function mayCall(role: Role, op: ApiOperation): boolean {
  const [method, path] = op.split(' ') as [HttpMethod, string];
  const decl = routes.find((r) => r.method === method && r.path === path);
  if (!decl) return false;
  return decl.roles === 'public' || decl.roles.includes(role);
}

interface PageRule {
  /** The API operation the page is built on. */
  needs?: ApiOperation;
  /** Shown to these roles only (all the API allows when omitted). */
  roles?: readonly Role[];
}

/** Every page of the app by its route pattern (app.tsx ROUTES). */
export const PAGES: Record<string, PageRule> = {
  '/': {},
  '/inbox': { needs: 'GET /api/inbox', roles: INBOX_ROLES },
  '/dashboard': { needs: 'GET /api/dashboard' },
  '/reports': { needs: 'GET /api/reports/{kind}' },
  '/reports/archive': { needs: 'GET /api/reports/archive' },
  '/reports/annual/:year': { needs: 'GET /api/reports/annual/{year}' },
  '/requests': { needs: 'GET /api/requests', roles: REQUEST_NAV },
  '/requests/new': { needs: 'POST /api/requests', roles: REQUEST_NAV },
  '/requests/book': { needs: 'GET /api/requests/book', roles: REQUEST_NAV },
  '/requests/:requestId': { needs: 'GET /api/requests/{requestId}', roles: REQUEST_NAV },
  '/objections': { needs: 'GET /api/objections', roles: OBJECTION_NAV },
  '/objections/new': { needs: 'POST /api/objections', roles: OBJECTION_NAV },
  '/objections/register': { needs: 'GET /api/objections/register', roles: OBJECTION_NAV },
  '/objections/:objectionId': { needs: 'GET /api/objections/{objectionId}', roles: OBJECTION_NAV },
  '/disputes': { needs: 'GET /api/disputes' },
  '/disputes/new': { needs: 'POST /api/disputes' },
  '/disputes/:disputeId': { needs: 'GET /api/disputes/{disputeId}' },
  '/items': { needs: 'GET /api/items' },
  '/items/new': { needs: 'POST /api/items' },
  '/items/import': { needs: 'POST /api/imports' },
  '/items/:itemId/edit': { needs: 'PUT /api/items/{itemId}' },
  '/items/:itemId': { needs: 'GET /api/items/{itemId}' },
  '/dip': { needs: 'GET /api/dip' },
  '/exclusions': { needs: 'GET /api/exclusions', roles: EXCLUSION_NAV },
  '/exclusions/new': { needs: 'POST /api/exclusions', roles: EXCLUSION_NAV },
  '/exclusions/:exclusionId/edit': { needs: 'POST /api/exclusions/{exclusionId}/resubmit', roles: EXCLUSION_NAV },
  '/exclusions/:exclusionId': { needs: 'GET /api/exclusions/{exclusionId}', roles: EXCLUSION_NAV },
  '/documentation': { needs: 'GET /api/documentation/cycles' },
  '/documentation/:cycleId': { needs: 'GET /api/documentation/cycles/{cycleId}' },
  '/documentation/:cycleId/:agencyId': { needs: 'GET /api/documentation/cycles/{cycleId}/lanes/{agencyId}' },
  '/agencies': { needs: 'GET /api/agencies' },
  '/users': { needs: 'GET /api/users' },
  '/audit': { needs: 'GET /api/audit' },
  '/calendar': { needs: 'GET /api/calendar/{year}' },
  '/rules': { needs: 'PUT /api/settings/rules' },
};

/** Whether `role` may open the page of this route pattern (a pattern not in PAGES: yes, it is no page of a role). */
export function pageAvailable(role: Role, pattern: string): boolean {
  const rule = PAGES[pattern];
  if (!rule) return true;
  if (rule.roles && !rule.roles.includes(role)) return false;
  return !rule.needs || mayCall(role, rule.needs);
}
