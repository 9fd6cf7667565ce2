/**
 * The one declaration of SIP PPID.
 *
 * Both hosts render this object: `infra/aws/` turns it into CloudFormation (CDK), `infra/local/`
 * turns it into a running process (`npm start`, tests). Nothing about tables, buckets, routes,
 * state machines or schedules is declared anywhere else; `test/infra/parity.test.ts` fails if the
 * two hosts disagree.
 *
 * Handlers are named `<module>.<export>`: `api/agencies.create` is the export `create` of
 * `functions/api/agencies.ts`. Each module is bundled once; each route is its own Lambda function.
 */

export const ROLES = ['admin', 'petugas', 'ppid_pelaksana', 'ppid_utama', 'pejabat_pid', 'atasan_ppid'] as const;
export type Role = (typeof ROLES)[number];

/** Every signed-in staff role. */
export const STAFF: readonly Role[] = ROLES;

/**
 * Single table. Access patterns (every read is GetItem, Query or BatchGet; never Scan):
 *
 * | entity        | pk                    | sk                      | gsi1pk / gsi1sk                    | gsi2pk / gsi2sk                 |
 * |---------------|-----------------------|-------------------------|------------------------------------|---------------------------------|
 * | agency        | AGENCY#<id>           | AGENCY                  | AGENCIES / <kind>#<name>#<id>      | AGENCY_CHILDREN#<parent> / name |
 * | user          | USER#<username>       | USER                    | USERS#<agencyId> / <username>      | USERS / <username>              |
 * | audit event   | AUDIT#<agencyId>      | <iso time>#<eventId>    | AUDIT#<yyyy-mm> / <iso>#<eventId>  | ENTITY#<type>#<id> / <iso>#<id> |
 * | holiday       | CALENDAR#<yyyy>       | <yyyy-mm-dd>            |                                    |                                 |
 * | settings      | SETTINGS              | <name>                  |                                    |                                 |
 * | idempotency   | IDEMPOTENCY#<key>     | IDEMPOTENCY             | (expiresAt TTL)                    |                                 |
 *
 * - list agencies: Query gsi1 AGENCIES (sorted by kind, then name)
 * - children of an agency: Query gsi2 AGENCY_CHILDREN#<id>
 * - users of one agency: Query gsi1 USERS#<agencyId>; all users: Query gsi2 USERS
 * - audit of an agency, newest first: Query pk AUDIT#<agencyId> ScanIndexForward=false
 * - audit across agencies by month: Query gsi1 AUDIT#<yyyy-mm>; history of one entity: Query gsi2
 * - holidays of a year: Query pk CALENDAR#<yyyy>
 */
export const table = {
  id: 'Main',
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
  timeToLiveAttribute: 'expiresAt',
} as const;

export const buckets = {
  /** Private documents: drafts, attachments, generated PDFs. Versioned, encrypted, never public. */
  documents: { id: 'Documents', env: 'DOCUMENTS_BUCKET', versioned: true },
  /** The public register site, served at `/` by CloudFront (and by the local host). */
  register: { id: 'Register', env: 'REGISTER_BUCKET', versioned: false },
  /** The staff app, served at `/app/`. */
  staffApp: { id: 'StaffApp', env: 'STAFF_APP_BUCKET', versioned: false },
} as const;
export type BucketName = keyof typeof buckets;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDecl {
  method: HttpMethod;
  /** API Gateway path syntax, e.g. `/api/agencies/{agencyId}`. */
  path: string;
  handler: string;
  /** Roles allowed to call; `public` routes have no authorizer. The handler still checks data scope. */
  roles: readonly Role[] | 'public';
  /** What the route reaches besides the table. */
  uses?: readonly ('documents' | 'register' | 'workflows' | 'mail' | 'identity')[];
}

export const routes: readonly RouteDecl[] = [
  { method: 'GET', path: '/api/health', handler: 'api/meta.health', roles: 'public' },
  { method: 'GET', path: '/api/openapi.json', handler: 'api/meta.openapi', roles: 'public' },
  { method: 'GET', path: '/api/me', handler: 'api/users.me', roles: STAFF },

  { method: 'GET', path: '/api/agencies', handler: 'api/agencies.list', roles: STAFF },
  { method: 'POST', path: '/api/agencies', handler: 'api/agencies.create', roles: ['admin'] },
  { method: 'GET', path: '/api/agencies/{agencyId}', handler: 'api/agencies.get', roles: STAFF },
  { method: 'PATCH', path: '/api/agencies/{agencyId}', handler: 'api/agencies.update', roles: ['admin'] },

  { method: 'GET', path: '/api/users', handler: 'api/users.list', roles: STAFF },
  { method: 'POST', path: '/api/users', handler: 'api/users.create', roles: ['admin'], uses: ['identity'] },
  { method: 'GET', path: '/api/users/{username}', handler: 'api/users.get', roles: STAFF },
  { method: 'PATCH', path: '/api/users/{username}', handler: 'api/users.update', roles: ['admin'], uses: ['identity'] },

  { method: 'GET', path: '/api/audit', handler: 'api/audit.list', roles: STAFF },

  { method: 'GET', path: '/api/calendar/{year}', handler: 'api/calendar.list', roles: STAFF },
  { method: 'PUT', path: '/api/calendar/holidays/{date}', handler: 'api/calendar.put', roles: ['admin'] },
  { method: 'DELETE', path: '/api/calendar/holidays/{date}', handler: 'api/calendar.remove', roles: ['admin'] },
  { method: 'POST', path: '/api/calendar/deadline', handler: 'api/calendar.deadline', roles: STAFF },
];

export interface TaskDecl {
  handler: string;
  /** The ASL Task uses `arn:aws:states:::lambda:invoke.waitForTaskToken` with this function. */
  waitForTaskToken?: boolean;
  uses?: RouteDecl['uses'];
}

export interface StateMachineDecl {
  id: string;
  /** File under `statemachines/`. */
  definition: string;
  /** ASL placeholder `${<Name>}` → the task handler whose function ARN fills it. */
  tasks: Record<string, TaskDecl>;
}

export const stateMachines: readonly StateMachineDecl[] = [
  {
    id: 'CalendarCheck',
    definition: 'calendar-check.asl.json',
    tasks: {
      CheckCalendarCoverageFunctionArn: { handler: 'tasks/calendar-check.checkCoverage' },
      NotifyAdminsFunctionArn: { handler: 'tasks/calendar-check.notifyAdmins', uses: ['mail'] },
    },
  },
];

export interface ScheduleDecl {
  id: string;
  /** EventBridge Scheduler expression: `rate(...)` or `cron(min hour dom month dow year)`. */
  expression: string;
  timezone: string;
  /** The state machine started on each tick (input `{ scheduledTime }`). */
  target: { stateMachine: string };
  description: string;
}

export const schedules: readonly ScheduleDecl[] = [
  {
    id: 'DailyCalendarCheck',
    expression: 'cron(0 7 * * ? *)',
    timezone: 'Asia/Jakarta',
    target: { stateMachine: 'CalendarCheck' },
    description: "Every morning: warn admins when next year's working-day calendar is missing or provisional",
  },
];

/** Environment variables every function gets (besides bucket variables). */
export const env = {
  table: 'TABLE_NAME',
  stateMachineArn: (id: string) => `STATE_MACHINE_${id.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}_ARN`,
  mailFrom: 'MAIL_FROM',
  userPoolId: 'USER_POOL_ID',
  appUrl: 'APP_URL',
} as const;

/** The module part of a handler reference: `api/agencies.create` → `api/agencies`. */
export function handlerModule(handler: string): string {
  return handler.slice(0, handler.lastIndexOf('.'));
}
/** The export part of a handler reference: `api/agencies.create` → `create`. */
export function handlerExport(handler: string): string {
  return handler.slice(handler.lastIndexOf('.') + 1);
}

/** Every handler module that either host must bundle or load. */
export function handlerModules(): string[] {
  const all = [
    ...routes.map((r) => r.handler),
    ...stateMachines.flatMap((m) => Object.values(m.tasks).map((t) => t.handler)),
  ];
  return [...new Set(all.map(handlerModule))].sort();
}

export const system = { table, buckets, routes, stateMachines, schedules, env } as const;
export type System = typeof system;
