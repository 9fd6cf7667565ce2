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
/** Who enters and edits information items (SOP 000 step 2); PPID Utama may act for any agency. */
export const EDITORS: readonly Role[] = ['petugas', 'ppid_pelaksana', 'ppid_utama'];
/** Who approves, returns and withdraws them (SOP 000 step 3); also who answers requests. */
export const APPROVERS: readonly Role[] = ['ppid_pelaksana', 'ppid_utama'];
/** Who registers requests received at the desk, asks for clarification and records delivery. */
export const REQUEST_DESK: readonly Role[] = ['petugas', 'ppid_pelaksana', 'ppid_utama', 'admin'];
/** Who registers an objection received on paper, by mail or in person (the Atasan PPID may receive one too). */
export const OBJECTION_DESK: readonly Role[] = [...REQUEST_DESK, 'atasan_ppid'];

/** Who records disputes at the Komisi Informasi and in court, and who reads them. */
export const DISPUTE_WRITERS: readonly Role[] = ['ppid_utama', 'admin'];
export const DISPUTE_READERS: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];

/** Who issues reports into the archive (a PPID Pelaksana: its own SKPD's), and who reads the archive. */
export const REPORT_ISSUERS: readonly Role[] = ['ppid_utama', 'admin', 'ppid_pelaksana'];
/** Who reads the report archive (the Pejabat PID: the documentation cycles' summaries only; reports/archive.ts). */
export const REPORT_READERS: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid', 'ppid_pelaksana', 'pejabat_pid'];
/** The annual report: who reads its draft, who writes the narrative and approves it, who issues it. */
export const ANNUAL_READERS: readonly Role[] = ['ppid_utama', 'admin', 'atasan_ppid'];
export const ANNUAL_WRITERS: readonly Role[] = ['ppid_utama'];
export const ANNUAL_ISSUERS: readonly Role[] = ['ppid_utama', 'admin'];

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
 * | item          | ITEM#<itemId>         | ITEM                    | ITEMS#<agency> / <regYear>#<seq>   | ITEMSTATUS#<status> / <agency>#<regYear>#<seq> |
 * | published     | ITEM#<itemId>         | PUBLISHED               | DIP / <agency>#<regYear>#<seq>     | DIP#<category> / <agency>#…     |
 * | pub. history  | ITEM#<itemId>         | PUB#<versionNo>         |                                    |                                 |
 * | inbox entry   | INBOX#<kind>#<agency> | <since>#<itemId>        | (escalated: pk INBOX#escalated)    |                                 |
 * | register evt  | REGISTER_QUEUE        | <at>#<eventId>          |                                    |                                 |
 * | step record   | STEPS#<sop>#<yyyy-mm> | <endedAt>#<item>#v#step | STEPS#<sop>#<agency> / <endedAt>…  |                                 |
 * | exclusion     | EXCLUSION#<id>        | EXCLUSION               | EXCLUSIONS#<agency> / <created>#id | EXCLUSIONS / <created>#<id>     |
 * | DIK row       | EXCLUSION#<id>        | DIK                     | DIK / <year>#<seq>                 |                                 |
 * | counter       | COUNTER#<name>        | COUNTER                 |                                    |                                 |
 * | verification  | VERIFY#<code>         | DOCUMENT                | VERIFICATIONS / <code>             |                                 |
 * | idempotency   | IDEMPOTENCY#<key>     | IDEMPOTENCY             | (expiresAt TTL)                    |                                 |
 * | request       | REQUEST#<id>          | REQUEST                 | REQUESTS / <year>#<seq>            | REQUESTS_ANSWERED / <noticeAt>#id (once answered) |
 * | requester     | REQUEST#<id>          | PERSONAL                | PERSONAL_ERASE / <eraseAfter>#<id> (once closed) |                   |
 * | request route | REQUEST#<id>          | ROUTE#<agencyId>        | REQUESTS#<agencyId> / <year>#<seq> |                                 |
 * | submission    | SUBMISSION#<id>       | SUBMISSION              | (expiresAt TTL: a day)             |                                 |
 * | upload intent | UPLOAD#<id>           | UPLOAD                  | (expiresAt TTL: a day)             |                                 |
 * | objection     | OBJECTION#<id>        | OBJECTION               | OBJECTIONS / <year>#<seq>          | OBJECTIONS_OF#<requestId> / <year>#<seq> |
 * | objector      | OBJECTION#<id>        | PERSONAL                | (only for an objection with no request) |                            |
 * | dispute       | DISPUTE#<id>          | DISPUTE                 | DISPUTES / <year>#<seq>            |                                 |
 * | report        | REPORT#<id>           | REPORT                  | REPORTS / <periodYear>#<issuedAt>#<id> | REPORTS#<agency or -> / <periodYear>#<issuedAt>#<id> |
 * | annual draft  | ANNUAL_REPORT#<year>  | DRAFT                   | ANNUAL_REPORTS / <year>            |                                 |
 * | notice        | NOTICE#<key>          | NOTICE                  | (a scheduled mail claimed once)    |                                 |
 * | counters      | STATS#<yyyy-mm>|now    | <agencyId>|_body        |                                    |                                 |
 * | item import   | IMPORT#<importId>     | IMPORT                  |                                    |                                 |
 * | import file   | IMPORTFILE#<agency>#<sha256> | IMPORTFILE       |                                    |                                 |
 * | doc. cycle    | DOCCYCLE#<cycleId>    | CYCLE                   | DOCCYCLES / <openedAt>#<cycleId>   |                                 |
 * | doc. lane     | DOCCYCLE#<cycleId>    | LANE#<agencyId>         |                                    | DOCLANES_WAITING / <cycleId>#<agency> (while waiting at a step) |
 *
 * - list agencies: Query gsi1 AGENCIES (sorted by kind, then name)
 * - children of an agency: Query gsi2 AGENCY_CHILDREN#<id>
 * - users of one agency: Query gsi1 USERS#<agencyId>; all users: Query gsi2 USERS
 * - audit of an agency, newest first: Query pk AUDIT#<agencyId> ScanIndexForward=false
 * - audit across agencies by month: Query gsi1 AUDIT#<yyyy-mm>; history of one entity: Query gsi2
 * - holidays of a year: Query pk CALENDAR#<yyyy>
 * - an agency's items, newest number first (filters: status, category, year): Query gsi1 ITEMS#<agency>
 * - items in one status across agencies (PPID Utama's pipeline): Query gsi2 ITEMSTATUS#<status>
 * - every item of the body (PPID Utama, admin; filters: publication, category, year), in the DIP's order
 *   <agency>#<regYear>#<seq>: Query gsi2 ITEMSTATUS#<status> for each of the five statuses with
 *   gsi2sk > the cursor, merged (a partition that stopped early bounds the page, so none is skipped);
 *   the cursor is the last gsi2sk returned. Every item is in exactly one status partition, so the
 *   item's existing keys serve: no new attribute, and records written before need no backfill
 * - the consolidated DIP, optionally one agency's: Query gsi1 DIP (begins_with <agency>#); by category: gsi2
 * - the register's incremental update (core/register-update.ts): the changed items' published records,
 *   BatchGet ITEM#<id>/PUBLISHED (strongly consistent); each touched partition (an agency's registration
 *   year) whole, Query gsi1 DIP begins_with <agency>#<regYear>#; what the register shows of each changed
 *   item, GetItem ITEM#<id>/REGISTERED; the newest publications of untouched partitions that the home
 *   page lists, BatchGet. The counts, blocks and dates of the other partitions come from the register's
 *   summary (data/dip/index.json in the register bucket), never from the table: one update reads the
 *   same whatever the register's size. The whole-register exports: SETTINGS/registerExports (dueSince,
 *   writtenAt), then the partitions one at a time
 * - an inbox: Query pk INBOX#… (agency boxes INBOX#<kind>#<agency>, body-wide INBOX#<kind>); the register builder's queue: Query pk REGISTER_QUEUE
 * - exclusions of an agency, newest first: Query gsi1 EXCLUSIONS#<agency>; of the whole body: gsi2 EXCLUSIONS
 *   (a state filter is a FilterExpression: exclusions are tens a year, not thousands)
 * - the DIK in force, in DIK order: Query gsi1 DIK
 * - an issued document's verification record: GetItem VERIFY#<code>; all of them (register rebuild): Query gsi1 VERIFICATIONS
 * - SOP step timings for the reports: Query pk STEPS#<sop>#<month> (the UTC month of the end; a report of
 *   local dates reads the month before too) or gsi1 STEPS#<sop>#<agency>
 * - one item's publications as they were (the DIP as of a date, for an item republished since): Query pk
 *   ITEM#<itemId> begins_with PUB#
 * - information requests, newest number first: Query gsi1 REQUESTS (begins_with <year>#); those routed to
 *   an SKPD: Query gsi1 REQUESTS#<agency> then BatchGet; a request by its number: GetItem (the id is the
 *   number's year and sequence); the register's public log: Query gsi2 REQUESTS_ANSWERED; those answered in
 *   a period (the reports): the same Query with gsi2sk BETWEEN <from instant> AND <to instant>#~
 * - the requester's personal data: GetItem REQUEST#<id>/PERSONAL (never on any index but the erase
 *   queue, which holds only keys); due for erasure: Query gsi1 PERSONAL_ERASE with sk <= now
 * - objections, newest number first: Query gsi1 OBJECTIONS (begins_with <year>#); an SKPD's are a
 *   FilterExpression-free filter in memory on `agencyIds` (objections are tens a year); an objection by
 *   its number: GetItem (the id is the number's year and sequence); the objections of one request (its
 *   status page, the follow-up's uploads): Query gsi2 OBJECTIONS_OF#<requestId>
 * - an objector with no request: GetItem OBJECTION#<id>/PERSONAL (on no index)
 * - disputes at the Komisi Informasi and in court, newest number first: Query gsi1 DISPUTES (begins_with
 *   <year>#, the year filed); a dispute: GetItem DISPUTE#<id> (the id is the number's year and sequence);
 *   a KI register number recorded once: Query gsi1 DISPUTES begins_with <year># (tens a year); hearings
 *   waiting for their result: the body-wide inbox INBOX#dispute_hearing
 * - the dashboard's counters (functions/core/reports/counters.ts): Query pk STATS#<yyyy-mm> gives every
 *   agency's counts of one month (sk the agency, `_body` the whole body), pk STATS#now the gauges
 *   (published, waiting, open, overdue, in force). One ADD update per touched (month, agency) record,
 *   in the same transaction as the change; the dashboard costs one Query per month, O(agencies × months)
 * - the archive of issued reports (reports/archive.ts), newest period first then newest issue: Query gsi1
 *   REPORTS (begins_with <year># for a year's); one SKPD's: Query gsi2 REPORTS#<agency> (consolidated
 *   ones: REPORTS#-); a kind is a FilterExpression (hundreds of reports a year); a report: GetItem
 *   REPORT#<id> (a scheduled report's id is deterministic, `auto-<job>-<yyyy-mm>[-<agency>]`, and is
 *   written with attribute_not_exists, so a replayed job finds it and issues nothing); its number
 *   LAP/<year>/<nnnn> from COUNTER#reports#<year> in the same transaction
 * - the annual report's draft of a year: GetItem ANNUAL_REPORT#<year>; every year's (the register's
 *   approved annual reports): Query gsi1 ANNUAL_REPORTS
 * - a scheduled mail sent once (the report jobs): Put NOTICE#<key> with attribute_not_exists before sending
 * - a spreadsheet import of draft items (documentation/item-import.ts): GetItem IMPORT#<id> (consistent; its
 *   state, counts and progress, updated with its version in each batch's transaction); the same file imported
 *   before for the agency: GetItem IMPORTFILE#<agency>#<sha256> (Put with attribute_not_exists OR the same
 *   importId when an import runs, in the same transaction as its state); the rows of one batch already
 *   written: BatchGet ITEM#<id> (ids derived from agency, file SHA-256 and line; consistent), then each item
 *   Put with attribute_not_exists and the agency's COUNTER#items#<agency>#<year> moved in the same transaction
 * - documentation cycles (SOP 004, documentation/): the cycles, newest first: Query gsi1 DOCCYCLES; a cycle:
 *   GetItem DOCCYCLE#<id>/CYCLE; its board (every OPD's lane): Query pk DOCCYCLE#<id> begins_with LANE#; one
 *   OPD's lane: GetItem DOCCYCLE#<id>/LANE#<agency> (consistent; every action Puts it with its version); the
 *   lanes waiting at a step, whose deadlines a holiday change recomputes: Query gsi2 DOCLANES_WAITING (sparse);
 *   an accepted row's draft item: GetItem ITEM#<id> (the id derived from cycle, OPD and row, Put with
 *   attribute_not_exists with the agency's item counter moved in the same transaction)
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
  uses?: readonly ('documents' | 'register' | 'workflows' | 'mail' | 'identity' | 'signing')[];
}

export const routes: readonly RouteDecl[] = [
  { method: 'GET', path: '/api/health', handler: 'api/meta.health', roles: 'public' },
  { method: 'GET', path: '/api/openapi.json', handler: 'api/meta.openapi', roles: 'public' },
  { method: 'GET', path: '/api/me', handler: 'api/users.me', roles: STAFF },

  { method: 'GET', path: '/api/agencies', handler: 'api/agencies.list', roles: STAFF },
  // An agency created or renamed starts the register's update (register-events.ts).
  { method: 'POST', path: '/api/agencies', handler: 'api/agencies.create', roles: ['admin'], uses: ['workflows'] },
  { method: 'GET', path: '/api/agencies/{agencyId}', handler: 'api/agencies.get', roles: STAFF },
  { method: 'PATCH', path: '/api/agencies/{agencyId}', handler: 'api/agencies.update', roles: ['admin'], uses: ['workflows'] },

  { method: 'GET', path: '/api/users', handler: 'api/users.list', roles: STAFF },
  { method: 'POST', path: '/api/users', handler: 'api/users.create', roles: ['admin'], uses: ['identity'] },
  { method: 'GET', path: '/api/users/{username}', handler: 'api/users.get', roles: STAFF },
  { method: 'PATCH', path: '/api/users/{username}', handler: 'api/users.update', roles: ['admin'], uses: ['identity'] },

  { method: 'GET', path: '/api/audit', handler: 'api/audit.list', roles: STAFF },

  // SOP 001: the dashboard (counters kept in the same transaction as each change).
  { method: 'GET', path: '/api/dashboard', handler: 'api/dashboard.get', roles: ['ppid_utama', 'admin', 'atasan_ppid', 'ppid_pelaksana', 'petugas'] },

  { method: 'GET', path: '/api/calendar/{year}', handler: 'api/calendar.list', roles: STAFF },
  { method: 'PUT', path: '/api/calendar/holidays/{date}', handler: 'api/calendar.put', roles: ['admin'], uses: ['workflows'] },
  { method: 'DELETE', path: '/api/calendar/holidays/{date}', handler: 'api/calendar.remove', roles: ['admin'], uses: ['workflows'] },
  { method: 'POST', path: '/api/calendar/deadline', handler: 'api/calendar.deadline', roles: STAFF },

  { method: 'GET', path: '/api/settings/rules', handler: 'api/settings.getRules', roles: STAFF },
  { method: 'PUT', path: '/api/settings/rules', handler: 'api/settings.putRules', roles: ['admin'] },
  { method: 'GET', path: '/api/settings/rules/standards', handler: 'api/settings.getRuleStandards', roles: STAFF },
  { method: 'GET', path: '/api/settings/public-body', handler: 'api/settings.getBody', roles: STAFF },
  { method: 'PUT', path: '/api/settings/public-body', handler: 'api/settings.putBody', roles: ['admin'], uses: ['workflows'] },
  {
    method: 'POST',
    path: '/api/settings/public-body/coat-of-arms',
    handler: 'api/settings.coatOfArmsUpload',
    roles: ['admin'],
    uses: ['documents'],
  },
  {
    method: 'POST',
    path: '/api/settings/public-body/coat-of-arms/verify',
    handler: 'api/settings.coatOfArmsVerify',
    roles: ['admin'],
    uses: ['documents', 'workflows'],
  },

  { method: 'GET', path: '/api/items', handler: 'api/items.list', roles: STAFF },
  { method: 'POST', path: '/api/items', handler: 'api/items.create', roles: EDITORS },
  { method: 'GET', path: '/api/items/{itemId}', handler: 'api/items.get', roles: STAFF },
  { method: 'PUT', path: '/api/items/{itemId}', handler: 'api/items.update', roles: EDITORS },
  { method: 'POST', path: '/api/items/{itemId}/submit', handler: 'api/items.submit', roles: EDITORS, uses: ['workflows'] },
  { method: 'POST', path: '/api/items/{itemId}/decision', handler: 'api/items.decision', roles: APPROVERS, uses: ['workflows'] },
  { method: 'POST', path: '/api/items/{itemId}/withdraw', handler: 'api/items.withdrawItem', roles: APPROVERS, uses: ['workflows'] },
  { method: 'POST', path: '/api/register/rebuild', handler: 'api/items.rebuildRegister', roles: ['admin'], uses: ['workflows'] },
  { method: 'POST', path: '/api/items/{itemId}/documents', handler: 'api/documents.create', roles: EDITORS, uses: ['documents'] },
  { method: 'POST', path: '/api/items/{itemId}/documents/{docId}/verify', handler: 'api/documents.verify', roles: EDITORS, uses: ['documents'] },
  { method: 'GET', path: '/api/items/{itemId}/documents/{docId}', handler: 'api/documents.download', roles: STAFF, uses: ['documents'] },
  { method: 'DELETE', path: '/api/items/{itemId}/documents/{docId}', handler: 'api/documents.remove', roles: EDITORS, uses: ['documents'] },
  { method: 'GET', path: '/api/inbox', handler: 'api/items.inbox', roles: STAFF },

  // The bulk import of draft items from a spreadsheet (SOP 000 step 2; SOP 004's list uses the same reading).
  // The template before /api/imports/{importId}: the local gateway takes the first route that matches.
  // The template also serves the Pejabat PID's list of SOP 004 step 1 (the same DIP columns).
  { method: 'GET', path: '/api/imports/template', handler: 'api/imports.template', roles: [...EDITORS, 'pejabat_pid'], uses: ['documents'] },
  { method: 'POST', path: '/api/imports', handler: 'api/imports.declare', roles: EDITORS, uses: ['documents'] },
  { method: 'GET', path: '/api/imports/{importId}', handler: 'api/imports.get', roles: EDITORS },
  { method: 'POST', path: '/api/imports/{importId}/check', handler: 'api/imports.check', roles: EDITORS, uses: ['documents'] },
  { method: 'POST', path: '/api/imports/{importId}/run', handler: 'api/imports.run', roles: EDITORS, uses: ['workflows'] },

  // The documentation cycle (SOP 004): the Pejabat PID opens it; each role acts on an OPD's list at its step.
  {
    method: 'GET',
    path: '/api/documentation/cycles',
    handler: 'api/documentation.list',
    roles: ['admin', 'ppid_utama', 'pejabat_pid', 'atasan_ppid', 'ppid_pelaksana'],
  },
  { method: 'POST', path: '/api/documentation/cycles', handler: 'api/documentation.open', roles: ['pejabat_pid'], uses: ['workflows'] },
  {
    method: 'GET',
    path: '/api/documentation/cycles/{cycleId}',
    handler: 'api/documentation.board',
    roles: ['admin', 'ppid_utama', 'pejabat_pid', 'atasan_ppid', 'ppid_pelaksana'],
    // Reading the board starts a lane's execution that a crash after opening the cycle left unstarted.
    uses: ['workflows'],
  },
  {
    method: 'GET',
    path: '/api/documentation/cycles/{cycleId}/lanes/{agencyId}',
    handler: 'api/documentation.lane',
    roles: ['admin', 'ppid_utama', 'pejabat_pid', 'atasan_ppid', 'ppid_pelaksana'],
  },
  {
    method: 'POST',
    path: '/api/documentation/cycles/{cycleId}/lanes/{agencyId}/actions',
    handler: 'api/documentation.act',
    roles: ['ppid_utama', 'pejabat_pid', 'ppid_pelaksana'],
    uses: ['workflows'],
  },

  { method: 'GET', path: '/api/exclusions', handler: 'api/exclusions.list', roles: STAFF },
  { method: 'POST', path: '/api/exclusions', handler: 'api/exclusions.propose', roles: APPROVERS, uses: ['workflows'] },
  { method: 'GET', path: '/api/exclusions/{exclusionId}', handler: 'api/exclusions.get', roles: STAFF },
  { method: 'POST', path: '/api/exclusions/{exclusionId}/resubmit', handler: 'api/exclusions.resubmit', roles: APPROVERS, uses: ['workflows'] },
  { method: 'POST', path: '/api/exclusions/{exclusionId}/decision', handler: 'api/exclusions.decide', roles: ['atasan_ppid'], uses: ['workflows'] },
  { method: 'POST', path: '/api/exclusions/{exclusionId}/decree', handler: 'api/exclusions.decree', roles: ['ppid_utama'], uses: ['workflows'] },
  {
    method: 'POST',
    path: '/api/exclusions/{exclusionId}/revoke',
    handler: 'api/exclusions.revoke',
    roles: ['ppid_utama', 'atasan_ppid'],
    uses: ['workflows', 'mail'],
  },
  { method: 'POST', path: '/api/exclusions/{exclusionId}/republish', handler: 'api/exclusions.republish', roles: ['ppid_utama'], uses: ['workflows'] },
  { method: 'GET', path: '/api/exclusions/{exclusionId}/files/{file}', handler: 'api/exclusions.file', roles: STAFF, uses: ['documents'] },
  { method: 'GET', path: '/api/dip', handler: 'api/items.dip', roles: STAFF },

  // Information requests (UU 14/2008 Pasal 21–22): staff side.
  { method: 'GET', path: '/api/requests', handler: 'api/requests.list', roles: STAFF },
  { method: 'POST', path: '/api/requests', handler: 'api/requests.register', roles: REQUEST_DESK, uses: ['workflows', 'mail'] },
  // Before /api/requests/{requestId}: the local gateway takes the first route that matches.
  { method: 'GET', path: '/api/requests/book', handler: 'api/requests.book', roles: ['ppid_utama', 'admin', 'ppid_pelaksana'], uses: ['documents'] },
  { method: 'GET', path: '/api/requests/{requestId}', handler: 'api/requests.get', roles: STAFF },
  { method: 'GET', path: '/api/requests/{requestId}/personal', handler: 'api/requests.personal', roles: STAFF },
  { method: 'POST', path: '/api/requests/{requestId}/routing', handler: 'api/requests.route', roles: ['ppid_utama', 'admin'], uses: ['workflows', 'mail'] },
  {
    method: 'POST',
    path: '/api/requests/{requestId}/parts/{agencyId}/answer',
    handler: 'api/requests.answer',
    roles: APPROVERS,
    uses: ['workflows'],
  },
  {
    method: 'POST',
    path: '/api/requests/{requestId}/extension',
    handler: 'api/requests.extend',
    roles: APPROVERS,
    uses: ['workflows', 'mail', 'documents', 'signing'],
  },
  { method: 'POST', path: '/api/requests/{requestId}/clarifications', handler: 'api/requests.clarify', roles: REQUEST_DESK, uses: ['mail'] },
  { method: 'POST', path: '/api/requests/{requestId}/delivery', handler: 'api/requests.deliver', roles: REQUEST_DESK },
  { method: 'POST', path: '/api/requests/{requestId}/documents', handler: 'api/requests.upload', roles: APPROVERS, uses: ['documents'] },
  {
    method: 'POST',
    path: '/api/requests/{requestId}/documents/{docId}/verify',
    handler: 'api/requests.verifyUpload',
    roles: APPROVERS,
    uses: ['documents'],
  },
  { method: 'GET', path: '/api/requests/{requestId}/files/{file}', handler: 'api/requests.file', roles: STAFF, uses: ['documents'] },

  // Disputes at the Komisi Informasi and in court (UU 14/2008 Pasal 37–50): PPID Utama records, the Atasan PPID reads.
  { method: 'GET', path: '/api/disputes', handler: 'api/disputes.list', roles: DISPUTE_READERS },
  { method: 'POST', path: '/api/disputes', handler: 'api/disputes.create', roles: DISPUTE_WRITERS },
  { method: 'GET', path: '/api/disputes/{disputeId}', handler: 'api/disputes.get', roles: DISPUTE_READERS },
  { method: 'POST', path: '/api/disputes/{disputeId}/stages', handler: 'api/disputes.stage', roles: DISPUTE_WRITERS },
  { method: 'POST', path: '/api/disputes/{disputeId}/stages/end', handler: 'api/disputes.stageEnd', roles: DISPUTE_WRITERS },
  { method: 'POST', path: '/api/disputes/{disputeId}/hearings', handler: 'api/disputes.hearing', roles: DISPUTE_WRITERS },
  {
    method: 'POST',
    path: '/api/disputes/{disputeId}/hearings/{hearingId}/result',
    handler: 'api/disputes.hearingResult',
    roles: DISPUTE_WRITERS,
  },
  { method: 'POST', path: '/api/disputes/{disputeId}/outcome', handler: 'api/disputes.outcome', roles: DISPUTE_WRITERS },
  { method: 'POST', path: '/api/disputes/{disputeId}/appeal', handler: 'api/disputes.appeal', roles: DISPUTE_WRITERS },
  { method: 'POST', path: '/api/disputes/{disputeId}/appeal/outcome', handler: 'api/disputes.appealOutcome', roles: DISPUTE_WRITERS },
  { method: 'POST', path: '/api/disputes/{disputeId}/cassation', handler: 'api/disputes.cassation', roles: DISPUTE_WRITERS },
  { method: 'POST', path: '/api/disputes/{disputeId}/cassation/outcome', handler: 'api/disputes.cassationOutcome', roles: DISPUTE_WRITERS },
  { method: 'POST', path: '/api/disputes/{disputeId}/documents', handler: 'api/disputes.upload', roles: DISPUTE_WRITERS, uses: ['documents'] },
  {
    method: 'POST',
    path: '/api/disputes/{disputeId}/documents/{docId}/verify',
    handler: 'api/disputes.verifyUpload',
    roles: DISPUTE_WRITERS,
    uses: ['documents'],
  },
  { method: 'GET', path: '/api/disputes/{disputeId}/documents/{docId}', handler: 'api/disputes.download', roles: DISPUTE_READERS, uses: ['documents'] },

  // Information requests: the public side (no account; rate-limited, size-limited, honeypot, idempotent).
  { method: 'POST', path: '/api/public/requests', handler: 'api/public-requests.create', roles: 'public', uses: ['workflows', 'mail', 'documents'] },
  {
    method: 'POST',
    path: '/api/public/requests/power-of-attorney',
    handler: 'api/public-requests.powerOfAttorney',
    roles: 'public',
    uses: ['documents'],
  },
  { method: 'POST', path: '/api/public/requests/status', handler: 'api/public-requests.status', roles: 'public' },
  { method: 'GET', path: '/api/public/requests/status-page', handler: 'api/public-requests.statusPage', roles: 'public' },
  { method: 'POST', path: '/api/public/requests/clarification', handler: 'api/public-requests.clarify', roles: 'public' },
  { method: 'POST', path: '/api/public/requests/files', handler: 'api/public-requests.download', roles: 'public', uses: ['documents'] },

  // Objections (keberatan, UU 14/2008 Pasal 35–36): staff side. The Atasan PPID responds.
  { method: 'GET', path: '/api/objections', handler: 'api/objections.list', roles: STAFF },
  { method: 'POST', path: '/api/objections', handler: 'api/objections.register', roles: OBJECTION_DESK, uses: ['workflows', 'mail'] },
  // Before /api/objections/{objectionId}: the local gateway takes the first route that matches.
  {
    method: 'GET',
    path: '/api/objections/register',
    handler: 'api/objection-book.book',
    roles: ['ppid_utama', 'admin', 'ppid_pelaksana', 'atasan_ppid'],
    uses: ['documents'],
  },
  { method: 'GET', path: '/api/objections/{objectionId}', handler: 'api/objections.get', roles: STAFF },
  { method: 'GET', path: '/api/objections/{objectionId}/personal', handler: 'api/objections.personal', roles: STAFF },
  { method: 'POST', path: '/api/objections/{objectionId}/response', handler: 'api/objections.respond', roles: ['atasan_ppid'], uses: ['workflows'] },
  { method: 'POST', path: '/api/objections/{objectionId}/follow-up', handler: 'api/objections.fulfil', roles: APPROVERS, uses: ['workflows', 'mail'] },
  { method: 'GET', path: '/api/objections/{objectionId}/files/{file}', handler: 'api/objections.file', roles: STAFF, uses: ['documents'] },

  // Objections: the public side (from the request's status page; ground b with no request).
  { method: 'POST', path: '/api/public/objections', handler: 'api/public-objections.create', roles: 'public', uses: ['workflows', 'mail', 'documents'] },
  {
    method: 'POST',
    path: '/api/public/objections/periodic',
    handler: 'api/public-objections.createPeriodic',
    roles: 'public',
    uses: ['workflows', 'mail', 'documents'],
  },
  { method: 'POST', path: '/api/public/objections/attachments', handler: 'api/public-objections.attachment', roles: 'public', uses: ['documents'] },
  { method: 'POST', path: '/api/public/objections/status', handler: 'api/public-objections.status', roles: 'public' },
  { method: 'POST', path: '/api/public/objections/files', handler: 'api/public-objections.download', roles: 'public', uses: ['documents'] },

  // The archive of issued reports (SOP 001 step 3) and the annual report (Perki 1/2021 Pasal 56; UU 14/2008 Pasal 11(1) h).
  { method: 'POST', path: '/api/reports/archive', handler: 'api/report-archive.issue', roles: REPORT_ISSUERS, uses: ['documents', 'signing'] },
  { method: 'GET', path: '/api/reports/archive', handler: 'api/report-archive.list', roles: REPORT_READERS },
  { method: 'GET', path: '/api/reports/archive/{reportId}', handler: 'api/report-archive.get', roles: REPORT_READERS },
  { method: 'GET', path: '/api/reports/archive/{reportId}/files/{format}', handler: 'api/report-archive.file', roles: REPORT_READERS, uses: ['documents'] },
  { method: 'GET', path: '/api/reports/annual/{year}', handler: 'api/report-archive.getAnnual', roles: ANNUAL_READERS },
  { method: 'PUT', path: '/api/reports/annual/{year}', handler: 'api/report-archive.putAnnual', roles: ANNUAL_WRITERS },
  {
    method: 'POST',
    path: '/api/reports/annual/{year}/issue',
    handler: 'api/report-archive.issueAnnual',
    roles: ANNUAL_ISSUERS,
    uses: ['documents', 'signing'],
  },
  { method: 'POST', path: '/api/reports/annual/{year}/approve', handler: 'api/report-archive.approveAnnual', roles: ANNUAL_WRITERS, uses: ['workflows'] },

  // The report menu in real time (SOP 001 step 2). Last: after /api/reports/archive and /api/reports/annual/…,
  // since the local gateway takes the first route that matches.
  {
    method: 'GET',
    path: '/api/reports/{kind}',
    handler: 'api/reports.report',
    roles: ['ppid_utama', 'admin', 'atasan_ppid', 'ppid_pelaksana'],
    uses: ['documents'],
  },
];

export interface TaskDecl {
  handler: string;
  /** The ASL Task uses `arn:aws:states:::lambda:invoke.waitForTaskToken` with this function. */
  waitForTaskToken?: boolean;
  uses?: RouteDecl['uses'];
  /** The function's timeout in AWS, in minutes (default 1): the register rebuild's steps read whole partitions. */
  timeoutMinutes?: number;
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
    id: 'Publication',
    definition: 'publication.asl.json',
    tasks: {
      PrepareApprovalFunctionArn: { handler: 'tasks/publication.prepareApproval' },
      AwaitApprovalFunctionArn: { handler: 'tasks/publication.awaitApproval', waitForTaskToken: true, uses: ['workflows'] },
      RemindAndEscalateFunctionArn: { handler: 'tasks/publication.remindAndEscalate', uses: ['mail'] },
      PublishFunctionArn: { handler: 'tasks/publication.publish' },
      UpdateRegisterFunctionArn: { handler: 'tasks/register.update', uses: ['register', 'documents'] },
    },
  },
  {
    id: 'Exclusion',
    definition: 'exclusion.asl.json',
    tasks: {
      PrepareWaitFunctionArn: { handler: 'tasks/exclusion.prepareWait' },
      AwaitPersonFunctionArn: { handler: 'tasks/exclusion.awaitPerson', waitForTaskToken: true, uses: ['workflows'] },
      RemindAndEscalateFunctionArn: { handler: 'tasks/exclusion.remindAndEscalate', uses: ['mail'] },
      SetDikFunctionArn: { handler: 'tasks/exclusion.setDik', uses: ['documents', 'signing'] },
      UpdateRegisterFunctionArn: { handler: 'tasks/register.update', uses: ['register', 'documents'] },
      PlanExpiryFunctionArn: { handler: 'tasks/exclusion.planExpiry' },
      ExpireFunctionArn: { handler: 'tasks/exclusion.expire', uses: ['mail'] },
      ContinueLaterFunctionArn: { handler: 'tasks/exclusion.continueLater', uses: ['workflows'] },
    },
  },
  {
    id: 'RegisterUpdate',
    definition: 'register-update.asl.json',
    tasks: {
      UpdateRegisterFunctionArn: { handler: 'tasks/register.update', uses: ['register', 'documents'] },
    },
  },
  {
    // The whole-register exports, rewritten at most every 10 minutes after a DIP change and nightly
    // (functions/core/register-exports.ts); a change rewrites only its own part of the open data.
    id: 'RegisterExports',
    definition: 'register-exports.asl.json',
    tasks: {
      RefreshExportsFunctionArn: { handler: 'tasks/register.exports', uses: ['register'] },
    },
  },
  {
    // The full rebuild as a distributed job (functions/core/register-rebuild.ts): a Distributed Map
    // over the partitions (agency × registration year) between a plan and the shared pages.
    id: 'RegisterRebuild',
    definition: 'register-rebuild.asl.json',
    tasks: {
      RebuildPlanFunctionArn: { handler: 'tasks/register.rebuildPlan', timeoutMinutes: 15, uses: ['register'] },
      RebuildPartitionFunctionArn: { handler: 'tasks/register.rebuildPartition', timeoutMinutes: 15, uses: ['register', 'documents'] },
      RebuildSharedFunctionArn: { handler: 'tasks/register.rebuildShared', timeoutMinutes: 15, uses: ['register', 'documents'] },
      RebuildFinishFunctionArn: { handler: 'tasks/register.rebuildFinish', timeoutMinutes: 15, uses: ['register'] },
      RebuildReleaseFunctionArn: { handler: 'tasks/register.rebuildRelease' },
    },
  },
  {
    id: 'Request',
    definition: 'request.asl.json',
    tasks: {
      PrepareWaitFunctionArn: { handler: 'tasks/request.prepareWait' },
      AwaitPersonFunctionArn: { handler: 'tasks/request.awaitPerson', waitForTaskToken: true, uses: ['workflows'] },
      RemindAndEscalateFunctionArn: { handler: 'tasks/request.remindAndEscalate', uses: ['mail'] },
      ListPartsFunctionArn: { handler: 'tasks/request.listParts' },
      IssueNoticeFunctionArn: { handler: 'tasks/request.issueNotice', uses: ['documents', 'signing', 'mail'] },
      UpdateRegisterFunctionArn: { handler: 'tasks/register.update', uses: ['register', 'documents'] },
    },
  },
  {
    id: 'Objection',
    definition: 'objection.asl.json',
    tasks: {
      PrepareWaitFunctionArn: { handler: 'tasks/objection.prepareWait' },
      AwaitPersonFunctionArn: { handler: 'tasks/objection.awaitPerson', waitForTaskToken: true, uses: ['workflows'] },
      RemindAndEscalateFunctionArn: { handler: 'tasks/objection.remindAndEscalate', uses: ['mail'] },
      IssueResponseFunctionArn: { handler: 'tasks/objection.issueResponse', uses: ['documents', 'signing', 'mail'] },
      UpdateRegisterFunctionArn: { handler: 'tasks/register.update', uses: ['register', 'documents'] },
    },
  },
  {
    id: 'PersonalDataRetention',
    definition: 'personal-data-retention.asl.json',
    tasks: {
      ErasePersonalDataFunctionArn: { handler: 'tasks/request.eraseExpired', uses: ['documents'] },
    },
  },
  {
    id: 'CalendarCheck',
    definition: 'calendar-check.asl.json',
    tasks: {
      CheckCalendarCoverageFunctionArn: { handler: 'tasks/calendar-check.checkCoverage' },
      NotifyAdminsFunctionArn: { handler: 'tasks/calendar-check.notifyAdmins', uses: ['mail'] },
    },
  },
  {
    id: 'Documentation',
    definition: 'documentation.asl.json',
    tasks: {
      PrepareWaitFunctionArn: { handler: 'tasks/documentation.prepareWait', uses: ['mail'] },
      AwaitPersonFunctionArn: { handler: 'tasks/documentation.awaitPerson', waitForTaskToken: true, uses: ['workflows'] },
      RemindAndEscalateFunctionArn: { handler: 'tasks/documentation.remindAndEscalate', uses: ['mail'] },
      PublishFunctionArn: { handler: 'tasks/documentation.publish', uses: ['documents', 'signing'] },
      UpdateRegisterFunctionArn: { handler: 'tasks/register.update', uses: ['register', 'documents'] },
    },
  },
  {
    id: 'ItemImport',
    definition: 'item-import.asl.json',
    tasks: {
      PrepareImportFunctionArn: { handler: 'tasks/item-import.prepare', uses: ['documents'] },
      WriteImportBatchFunctionArn: { handler: 'tasks/item-import.writeBatch', uses: ['documents'] },
      FinishImportFunctionArn: { handler: 'tasks/item-import.finish' },
      MarkImportFailedFunctionArn: { handler: 'tasks/item-import.fail' },
    },
  },
  {
    id: 'ReportJobs',
    definition: 'reports.asl.json',
    tasks: {
      PlanReportJobsFunctionArn: { handler: 'tasks/reports.plan' },
      IssueReportFunctionArn: { handler: 'tasks/reports.issue', uses: ['documents', 'signing'] },
      MailReportsFunctionArn: { handler: 'tasks/reports.mail', uses: ['mail'] },
      AnnualReportFunctionArn: { handler: 'tasks/reports.annual', uses: ['mail'] },
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
    id: 'DailyPersonalDataRetention',
    expression: 'cron(30 2 * * ? *)',
    timezone: 'Asia/Jakarta',
    target: { stateMachine: 'PersonalDataRetention' },
    description: "Every night: erase requesters' personal data whose retention period ended (UU 27/2022)",
  },
  {
    id: 'DailyCalendarCheck',
    expression: 'cron(0 7 * * ? *)',
    timezone: 'Asia/Jakarta',
    target: { stateMachine: 'CalendarCheck' },
    description: "Every morning: warn admins when next year's working-day calendar is missing or provisional",
  },
  {
    // One schedule for the debounce and the nightly rewrite. Its cost at idle: 4,320 executions a
    // month of a one-Task Standard machine (a few thousand state transitions beyond the free tier's
    // 4,000: cents) and as many short Lambda invocations (inside the free tier), each reading one record.
    id: 'FrequentRegisterExports',
    expression: 'rate(10 minutes)',
    timezone: 'Asia/Jakarta',
    target: { stateMachine: 'RegisterExports' },
    description:
      'Every 10 minutes: rewrite the whole-register exports (dip.json, dip.csv, the DCAT catalogue) if a DIP change marked them due, or if they were last written more than 23 hours ago (the nightly rewrite)',
  },
  {
    id: 'DailyReportJobs',
    expression: 'cron(15 6 * * ? *)',
    timezone: 'Asia/Jakarta',
    target: { stateMachine: 'ReportJobs' },
    description:
      'Every morning, by its date: monthly recaps on the 1st, the half-year summary on 1 January and 1 July, the annual report draft on 2 January and its reminders',
  },
];

/** Environment variables every function gets (besides bucket variables). */
export const env = {
  table: 'TABLE_NAME',
  stateMachineArn: (id: string) => `STATE_MACHINE_${id.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}_ARN`,
  mailFrom: 'MAIL_FROM',
  userPoolId: 'USER_POOL_ID',
  appUrl: 'APP_URL',
  /** The public register's origin, printed in every document's verification link (unless the body set its own). */
  registerUrl: 'REGISTER_URL',
  /** Functions that issue documents (`uses: ['signing']`): the Secrets Manager secret with the body's PKCS#12. */
  signingSecretArn: 'SIGNING_SECRET_ARN',
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
  const all = [...routes.map((r) => r.handler), ...stateMachines.flatMap((m) => Object.values(m.tasks).map((t) => t.handler))];
  return [...new Set(all.map(handlerModule))].sort();
}

export const system = { table, buckets, routes, stateMachines, schedules, env } as const;
export type System = typeof system;
