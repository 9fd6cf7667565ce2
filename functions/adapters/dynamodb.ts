/**
 * The DynamoDB side of the core's `Store`. Key design and access patterns: infra/system.ts `table`.
 */
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '../core/audit.ts';
import type { Holiday } from '../core/calendar.ts';
import type { ImportMarker, ItemImport } from '../core/documentation/item-import.ts';
import type { DocCycle, DocLane } from '../core/documentation/model.ts';
import { DomainError, fail } from '../core/errors.ts';
import type { DikEntry, Exclusion } from '../core/exclusion-model.ts';
import type { InboxEntry, Item, ItemQuery, PublishedVersion, RegisterEvent, StepRecord } from '../core/item-model.ts';
import { message } from '../core/messages.ts';
import type { Agency, User } from '../core/model.ts';
import type { Dispute } from '../core/objections/disputes.ts';
import type { Objection, ObjectionPersonal } from '../core/objections/model.ts';
import type { VerificationRecord } from '../core/official-documents/verification.ts';
import type { Page, Store, Submission, Write } from '../core/ports.ts';
import type { AnnualDraft } from '../core/reports/annual.ts';
import type { ArchivedReport } from '../core/reports/archive.ts';
import type { Request, RequestPersonal } from '../core/requests/model.ts';
import type { UploadIntent } from '../core/requests/power-of-attorney.ts';
import { config } from './config.ts';
import { counterUpdates, readCounterMonth, replaceCounterRecords } from './counters.ts';

let client: DynamoDBDocumentClient | undefined;
let clientEndpoint: string | undefined;
export function documentClient(): DynamoDBDocumentClient {
  // One client per container; made again only if the local host moved DynamoDB Local (tests restart it).
  if (!client || clientEndpoint !== process.env.AWS_ENDPOINT_URL_DYNAMODB) {
    clientEndpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB;
    client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return client;
}

type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Key = Record<string, unknown>;

export const keys = {
  agency: (a: Pick<Agency, 'id' | 'kind' | 'name' | 'parentId'>) => ({
    pk: `AGENCY#${a.id}`,
    sk: 'AGENCY',
    gsi1pk: 'AGENCIES',
    gsi1sk: `${a.kind}#${a.name.toLowerCase()}#${a.id}`,
    ...(a.parentId ? { gsi2pk: `AGENCY_CHILDREN#${a.parentId}`, gsi2sk: a.name.toLowerCase() } : {}),
  }),
  user: (u: Pick<User, 'username' | 'agencyId'>) => ({
    pk: `USER#${u.username}`,
    sk: 'USER',
    gsi1pk: `USERS#${u.agencyId}`,
    gsi1sk: u.username,
    gsi2pk: 'USERS',
    gsi2sk: u.username,
  }),
  audit: (e: AuditEvent) => ({
    pk: `AUDIT#${e.agencyId}`,
    sk: `${e.at}#${e.eventId}`,
    gsi1pk: `AUDIT#${e.at.slice(0, 7)}`,
    gsi1sk: `${e.at}#${e.eventId}`,
    gsi2pk: `ENTITY#${e.entity.type}#${e.entity.id}`,
    gsi2sk: `${e.at}#${e.eventId}`,
  }),
  holiday: (date: string) => ({ pk: `CALENDAR#${date.slice(0, 4)}`, sk: date }),
  item: (i: Item) => {
    const order = `${i.regYear}#${String(i.sequence).padStart(6, '0')}`;
    return {
      pk: `ITEM#${i.itemId}`,
      sk: 'ITEM',
      gsi1pk: `ITEMS#${i.agencyId}`,
      gsi1sk: order,
      gsi2pk: `ITEMSTATUS#${i.status}`,
      gsi2sk: `${i.agencyId}#${order}`,
    };
  },
  published: (p: Pick<PublishedVersion, 'itemId' | 'agencyId' | 'regYear' | 'sequence' | 'content'>) => {
    const order = `${p.agencyId}#${p.regYear}#${String(p.sequence).padStart(6, '0')}`;
    return { pk: `ITEM#${p.itemId}`, sk: 'PUBLISHED', gsi1pk: 'DIP', gsi1sk: order, gsi2pk: `DIP#${p.content.category}`, gsi2sk: order };
  },
  publicationHistory: (p: PublishedVersion) => ({ pk: `ITEM#${p.itemId}`, sk: `PUB#${String(p.versionNo).padStart(4, '0')}` }),
  exclusion: (x: Exclusion) => ({
    pk: `EXCLUSION#${x.exclusionId}`,
    sk: 'EXCLUSION',
    gsi1pk: `EXCLUSIONS#${x.agencyId}`,
    gsi1sk: `${x.createdAt}#${x.exclusionId}`,
    gsi2pk: 'EXCLUSIONS',
    gsi2sk: `${x.createdAt}#${x.exclusionId}`,
  }),
  dik: (d: Pick<DikEntry, 'exclusionId' | 'year' | 'sequence'>) => ({
    pk: `EXCLUSION#${d.exclusionId}`,
    sk: 'DIK',
    gsi1pk: 'DIK',
    gsi1sk: `${d.year}#${String(d.sequence).padStart(6, '0')}`,
  }),
  inbox: (e: InboxEntry) => ({ pk: boxPk(e.box), sk: `${e.since}#${e.itemId}` }),
  registerEvent: (e: RegisterEvent) => ({ pk: 'REGISTER_QUEUE', sk: `${e.at}#${e.eventId}` }),
  stepRecord: (r: StepRecord) => ({
    pk: `STEPS#${r.sop}#${(r.endedAt ?? r.startedAt).slice(0, 7)}`,
    sk: `${r.endedAt ?? r.startedAt}#${r.itemId}#v${r.versionNo}#${r.step}`,
    gsi1pk: `STEPS#${r.sop}#${r.agencyId}`,
    gsi1sk: `${r.endedAt ?? r.startedAt}#${r.itemId}#v${r.versionNo}#${r.step}`,
  }),
  counter: (name: string) => ({ pk: `COUNTER#${name}`, sk: 'COUNTER' }),
  verification: (code: string) => ({ pk: `VERIFY#${code}`, sk: 'DOCUMENT', gsi1pk: 'VERIFICATIONS', gsi1sk: code }),
  settings: (name: string) => ({ pk: 'SETTINGS', sk: name }),
  request: (r: Request) => {
    const order = `${r.year}#${String(r.sequence).padStart(6, '0')}`;
    return {
      pk: `REQUEST#${r.requestId}`,
      sk: 'REQUEST',
      gsi1pk: 'REQUESTS',
      gsi1sk: order,
      // Answered requests, in the order they were answered: the register's public log.
      ...(r.notice ? { gsi2pk: 'REQUESTS_ANSWERED', gsi2sk: `${r.notice.issuedAt}#${r.requestId}` } : {}),
    };
  },
  requestPersonal: (requestId: string) => ({ pk: `REQUEST#${requestId}`, sk: 'PERSONAL' }),
  requestRoute: (x: { requestId: string; agencyId: string; year: number; sequence: number }) => ({
    pk: `REQUEST#${x.requestId}`,
    sk: `ROUTE#${x.agencyId}`,
    gsi1pk: `REQUESTS#${x.agencyId}`,
    gsi1sk: `${x.year}#${String(x.sequence).padStart(6, '0')}`,
  }),
  submission: (submissionId: string) => ({ pk: `SUBMISSION#${submissionId}`, sk: 'SUBMISSION' }),
  objection: (o: Objection) => ({
    pk: `OBJECTION#${o.objectionId}`,
    sk: 'OBJECTION',
    gsi1pk: 'OBJECTIONS',
    gsi1sk: `${o.year}#${String(o.sequence).padStart(6, '0')}`,
    // The objections of one request (its status page, the follow-up's uploads).
    ...(o.requestId ? { gsi2pk: `OBJECTIONS_OF#${o.requestId}`, gsi2sk: `${o.year}#${String(o.sequence).padStart(6, '0')}` } : {}),
  }),
  objectionPersonal: (objectionId: string) => ({ pk: `OBJECTION#${objectionId}`, sk: 'PERSONAL' }),
  report: (r: Pick<ArchivedReport, 'reportId' | 'periodYear' | 'issuedAt' | 'agencyId'>) => {
    // Newest period first, then newest issue: `<period year>#<issuedAt>#<id>`.
    const order = `${r.periodYear}#${r.issuedAt}#${r.reportId}`;
    return { pk: `REPORT#${r.reportId}`, sk: 'REPORT', gsi1pk: 'REPORTS', gsi1sk: order, gsi2pk: `REPORTS#${r.agencyId ?? '-'}`, gsi2sk: order };
  },
  annualDraft: (year: number) => ({ pk: `ANNUAL_REPORT#${year}`, sk: 'DRAFT', gsi1pk: 'ANNUAL_REPORTS', gsi1sk: String(year) }),
  notice: (key: string) => ({ pk: `NOTICE#${key}`, sk: 'NOTICE' }),
  itemImport: (importId: string) => ({ pk: `IMPORT#${importId}`, sk: 'IMPORT' }),
  importMarker: (agencyId: string, sha256: string) => ({ pk: `IMPORTFILE#${agencyId}#${sha256}`, sk: 'IMPORTFILE' }),
  docCycle: (c: Pick<DocCycle, 'cycleId' | 'openedAt'>) => ({
    pk: `DOCCYCLE#${c.cycleId}`,
    sk: 'CYCLE',
    gsi1pk: 'DOCCYCLES',
    gsi1sk: `${c.openedAt}#${c.cycleId}`,
  }),
  docLane: (l: Pick<DocLane, 'cycleId' | 'agencyId' | 'state'>) => ({
    pk: `DOCCYCLE#${l.cycleId}`,
    sk: `LANE#${l.agencyId}`,
    // Sparse: only lanes waiting at a step (their deadlines move with the holiday calendar).
    ...(l.state === 'waiting' ? { gsi2pk: 'DOCLANES_WAITING', gsi2sk: `${l.cycleId}#${l.agencyId}` } : {}),
  }),
  dispute: (d: Pick<Dispute, 'disputeId' | 'year' | 'sequence'>) => ({
    pk: `DISPUTE#${d.disputeId}`,
    sk: 'DISPUTE',
    gsi1pk: 'DISPUTES',
    gsi1sk: `${d.year}#${String(d.sequence).padStart(6, '0')}`,
  }),
};

/** Agency boxes are per agency (`INBOX#approval#dinkes`); body-wide boxes are one each (`INBOX#escalated`). */
function boxPk(box: InboxEntry['box']): string {
  return 'agencyId' in box ? `INBOX#${box.kind}#${box.agencyId}` : `INBOX#${box.kind}`;
}

/** The statuses an item's gsi2 partition can have (`ITEMSTATUS#<status>`): every item is in exactly one. */
const ITEM_STATUSES: Item['status'][] = ['draft', 'submitted', 'returned', 'approved', 'published'];
const ALL_ITEMS_CURSOR = { gsi2pk: 'ITEMSTATUS#*' };

/**
 * Every item of the body (PPID Utama, admin), in `<agency>#<regYear>#<seq>` order (the DIP's):
 * one Query per status partition of gsi2 after the cursor's key, merged. A partition that stopped
 * early (its Limit, or its filters' reads) bounds what may be returned, so nothing is skipped; the
 * next page starts after the last key returned. No attribute beyond the item's own keys: records
 * written before this list existed appear in it as they are.
 */
async function allItemsPage(q: ItemQuery): Promise<Page<Item>> {
  const { values, ...filter } = itemFilters(q, true);
  const after = decodeCursor(q.cursor, ALL_ITEMS_CURSOR, 'gsi2')?.gsi2sk as string | undefined;
  const parts = await Promise.all(
    ITEM_STATUSES.map(async (status) => {
      const res = await documentClient().send(
        new QueryCommand({
          TableName: config.tableName(),
          IndexName: 'gsi2',
          KeyConditionExpression: after ? 'gsi2pk = :p AND gsi2sk > :after' : 'gsi2pk = :p',
          ...filter,
          ExpressionAttributeValues: { ':p': `ITEMSTATUS#${status}`, ...(after ? { ':after': after } : {}), ...values },
          Limit: q.limit,
        }),
      );
      return { rows: res.Items ?? [], stoppedAt: res.LastEvaluatedKey?.gsi2sk as string | undefined };
    }),
  );
  const bounds = parts.flatMap((p) => (p.stoppedAt ? [p.stoppedAt] : []));
  const bound = bounds.length ? bounds.reduce((a, b) => (a < b ? a : b)) : undefined;
  const rows = parts
    .flatMap((p) => p.rows)
    .filter((r) => bound === undefined || (r.gsi2sk as string) <= bound)
    .sort((a, b) => ((a.gsi2sk as string) < (b.gsi2sk as string) ? -1 : 1));
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextSk = rows.length > q.limit ? (last!.gsi2sk as string) : bound;
  const nextCursor = nextSk ? encodeCursor({ pk: 'ITEMS', sk: 'ITEMS', ...ALL_ITEMS_CURSOR, gsi2sk: nextSk }) : undefined;
  return { items: page.map((r) => strip<Item>(r)), ...(nextCursor ? { nextCursor } : {}) };
}

/** FilterExpression parts for the item list's optional filters (after the key condition). */
function itemFilters(q: { status?: string; publication?: string; category?: string; year?: number }, byStatusIndex: boolean) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (q.status && !byStatusIndex) {
    parts.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = q.status;
  }
  if (q.publication) {
    parts.push('publication = :publication');
    values[':publication'] = q.publication;
  }
  if (q.category) {
    parts.push('#current.#content.category = :category');
    Object.assign(names, { '#current': 'current', '#content': 'content' });
    values[':category'] = q.category;
  }
  if (q.year) {
    parts.push('#current.#content.#year = :year');
    Object.assign(names, { '#current': 'current', '#content': 'content', '#year': 'year' });
    values[':year'] = q.year;
  }
  return parts.length ? { FilterExpression: parts.join(' AND '), ExpressionAttributeNames: names, values } : { values };
}

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'expiresAt'];
export function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.includes(k)) out[k] = v;
  return out as T;
}

/** Cursors are opaque to clients; they are checked to belong to the query they are used with. */
export function encodeCursor(key: Key | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}
/** The attributes of a start key: the table's keys, and the index's when the query reads an index. */
const startKeyAttrs = (indexName: string | undefined) => ['pk', 'sk', ...(indexName ? [`${indexName}pk`, `${indexName}sk`] : [])];

export function decodeCursor(cursor: string | undefined, expect: Record<string, string>, indexName?: string): Key | undefined {
  if (!cursor) return undefined;
  const needed = startKeyAttrs(indexName);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return fail('validation', 'invalid_cursor');
  }
  const ok =
    typeof key === 'object' &&
    key !== null &&
    !Array.isArray(key) &&
    // Exactly the start key's attributes, each a non-empty string (DynamoDB refuses anything else).
    Object.keys(key).length === needed.length &&
    needed.every((k) => typeof (key as Key)[k] === 'string' && ((key as Key)[k] as string).length > 0 && ((key as Key)[k] as string).length <= 1024) &&
    Object.entries(expect).every(([k, v]) => (key as Key)[k] === v);
  if (!ok) fail('validation', 'invalid_cursor');
  return key as Key;
}

export async function queryPage<T>(
  input: Omit<QueryCommandInput, 'TableName'>,
  expect: Record<string, string>,
  cursor: string | undefined,
  limit: number,
): Promise<Page<T>> {
  const res = await documentClient().send(
    new QueryCommand({ TableName: config.tableName(), ...input, Limit: limit, ExclusiveStartKey: decodeCursor(cursor, expect, input.IndexName) }),
  );
  const nextCursor = encodeCursor(res.LastEvaluatedKey);
  return { items: (res.Items ?? []).map((i) => strip<T>(i)), ...(nextCursor ? { nextCursor } : {}) };
}

/** BatchGetItem in chunks of 100, retrying unprocessed keys. Order is not kept: callers order by id. */
export async function batchGet<T>(keyList: Key[], consistent = false): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let pending: Key[] = keyList.slice(i, i + 100);
    for (let attempt = 0; pending.length && attempt < 8; attempt++) {
      const res = await documentClient().send(
        new BatchGetCommand({ RequestItems: { [config.tableName()]: { Keys: pending, ...(consistent ? { ConsistentRead: true } : {}) } } }),
      );
      for (const item of res.Responses?.[config.tableName()] ?? []) out.push(strip<T>(item));
      pending = (res.UnprocessedKeys?.[config.tableName()]?.Keys as Key[] | undefined) ?? [];
      if (pending.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
  return out;
}

export async function queryAll<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
  const items: T[] = [];
  let start: Key | undefined;
  do {
    const res = await documentClient().send(new QueryCommand({ TableName: config.tableName(), ...input, ExclusiveStartKey: start }));
    for (const i of res.Items ?? []) items.push(strip<T>(i));
    start = res.LastEvaluatedKey;
  } while (start);
  return items;
}

function versionCondition(expectedVersion: number | null): { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> } {
  return expectedVersion === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'version = :expected', ExpressionAttributeValues: { ':expected': expectedVersion } };
}

export function auditPut(e: AuditEvent): TxItem {
  return { Put: { TableName: config.tableName(), Item: { ...keys.audit(e), ...e }, ConditionExpression: 'attribute_not_exists(pk)' } };
}

function toTx(w: Write): TxItem {
  const TableName = config.tableName();
  switch (w.entity) {
    case 'agency':
      return { Put: { TableName, Item: { ...keys.agency(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'user':
      return { Put: { TableName, Item: { ...keys.user(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'holiday':
      return 'delete' in w
        ? { Delete: { TableName, Key: keys.holiday(w.delete) } }
        : { Put: { TableName, Item: { ...keys.holiday(w.value.date), ...w.value } } };
    case 'item':
      return { Put: { TableName, Item: { ...keys.item(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'published':
      return 'delete' in w
        ? { Delete: { TableName, Key: { pk: `ITEM#${w.delete}`, sk: 'PUBLISHED' } } }
        : { Put: { TableName, Item: { ...keys.published(w.value), ...w.value } } };
    case 'publicationHistory':
      return { Put: { TableName, Item: { ...keys.publicationHistory(w.value), ...w.value } } };
    case 'exclusion':
      return { Put: { TableName, Item: { ...keys.exclusion(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'dik':
      return 'delete' in w
        ? { Delete: { TableName, Key: { pk: `EXCLUSION#${w.delete}`, sk: 'DIK' } } }
        : { Put: { TableName, Item: { ...keys.dik(w.value), ...w.value } } };
    case 'inbox':
      if ('delete' in w) {
        const { pk, sk } = keys.inbox(w.delete);
        return { Delete: { TableName, Key: { pk, sk } } };
      }
      return { Put: { TableName, Item: { ...keys.inbox(w.value), ...w.value } } };
    case 'registerEvent':
      return { Put: { TableName, Item: { ...keys.registerEvent(w.value), ...w.value } } };
    case 'stepRecord':
      return { Put: { TableName, Item: { ...keys.stepRecord(w.value), ...w.value } } };
    case 'verification':
      return { Put: { TableName, Item: { ...keys.verification(w.value.code), ...w.value } } };
    case 'counter':
      return {
        Put: {
          TableName,
          Item: { ...keys.counter(w.name), value: w.to },
          ConditionExpression: w.from === 0 ? 'attribute_not_exists(pk) OR #v = :from' : '#v = :from',
          ExpressionAttributeNames: { '#v': 'value' },
          ExpressionAttributeValues: { ':from': w.from },
        },
      };
    case 'settings':
      return { Put: { TableName, Item: { ...keys.settings(w.name), ...w.value } } };
    case 'request':
      return { Put: { TableName, Item: { ...keys.request(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'requestPersonal':
      return 'delete' in w
        ? { Delete: { TableName, Key: keys.requestPersonal(w.delete) } }
        : { Put: { TableName, Item: { ...keys.requestPersonal(w.value.requestId), ...w.value } } };
    case 'requestPersonalRetention':
      // Erasable from `eraseAfter` on: the retention job finds it with a Query on gsi1 PERSONAL_ERASE.
      return {
        Update: {
          TableName,
          Key: keys.requestPersonal(w.requestId),
          UpdateExpression: 'SET eraseAfter = :e, gsi1pk = :p, gsi1sk = :s',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':e': w.eraseAfter, ':p': 'PERSONAL_ERASE', ':s': `${w.eraseAfter}#${w.requestId}` },
        },
      };
    case 'requestRoute':
      return { Put: { TableName, Item: { ...keys.requestRoute(w.value), ...w.value } } };
    case 'objection':
      return { Put: { TableName, Item: { ...keys.objection(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'objectionPersonal':
      return 'delete' in w
        ? { Delete: { TableName, Key: keys.objectionPersonal(w.delete) } }
        : { Put: { TableName, Item: { ...keys.objectionPersonal(w.value.objectionId), ...w.value } } };
    case 'objectionPersonalRetention':
      // The same erase queue as the requests' (retention.ts tells them apart by their id field).
      return {
        Update: {
          TableName,
          Key: keys.objectionPersonal(w.objectionId),
          UpdateExpression: 'SET eraseAfter = :e, gsi1pk = :p, gsi1sk = :s',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':e': w.eraseAfter, ':p': 'PERSONAL_ERASE', ':s': `${w.eraseAfter}#objection:${w.objectionId}` },
        },
      };
    case 'dispute':
      return { Put: { TableName, Item: { ...keys.dispute(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'uploadIntent':
      return { Put: { TableName, Item: { pk: `UPLOAD#${w.value.uploadId}`, sk: 'UPLOAD', ...w.value }, ConditionExpression: 'attribute_not_exists(pk)' } };
    case 'submission':
      return { Put: { TableName, Item: { ...keys.submission(w.value.submissionId), ...w.value }, ConditionExpression: 'attribute_not_exists(pk)' } };
    case 'report':
      return { Put: { TableName, Item: { ...keys.report(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'annualDraft':
      return { Put: { TableName, Item: { ...keys.annualDraft(w.value.year), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'notice':
      return 'delete' in w
        ? { Delete: { TableName, Key: keys.notice(w.delete) } }
        : { Put: { TableName, Item: { ...keys.notice(w.key), at: w.at }, ConditionExpression: 'attribute_not_exists(pk)' } };
    case 'itemImport':
      return { Put: { TableName, Item: { ...keys.itemImport(w.value.importId), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'docCycle':
      return { Put: { TableName, Item: { ...keys.docCycle(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'docLane':
      return { Put: { TableName, Item: { ...keys.docLane(w.value), ...w.value }, ...versionCondition(w.expectedVersion) } };
    case 'importMarker':
      // Once per file and agency; the same import may write it again (a run after a failed one).
      return {
        Put: {
          TableName,
          Item: { ...keys.importMarker(w.value.agencyId, w.value.sha256), ...w.value },
          ConditionExpression: 'attribute_not_exists(pk) OR importId = :id',
          ExpressionAttributeValues: { ':id': w.value.importId },
        },
      };
  }
}

/**
 * Runs one transaction of record writes plus their audit event. A failed condition means someone
 * changed the record between our read and our write: that is a 409 the person can resolve by
 * reloading, never a 500.
 */
export async function transact(items: TxItem[]): Promise<void> {
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (e) {
    if (e instanceof TransactionCanceledException && e.CancellationReasons?.some((r) => r.Code === 'ConditionalCheckFailed')) {
      throw new DomainError('conflict', message('concurrent_change'));
    }
    throw e;
  }
}

export const dynamoStore: Store = {
  async getAgency(id) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: { pk: `AGENCY#${id}`, sk: 'AGENCY' } }));
    return res.Item ? strip<Agency>(res.Item) : undefined;
  },
  listAgencies() {
    return queryAll<Agency>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'AGENCIES' } });
  },
  async getUser(username) {
    // Consistent: every request reads its caller's role, agency and `enabled` here, and an admin's
    // change must hold from the very next request on.
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `USER#${username}`, sk: 'USER' }, ConsistentRead: true }),
    );
    return res.Item ? strip<User>(res.Item) : undefined;
  },
  listUsers({ agencyId, cursor, limit }) {
    return agencyId
      ? queryPage<User>(
          { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `USERS#${agencyId}` } },
          { gsi1pk: `USERS#${agencyId}` },
          cursor,
          limit,
        )
      : queryPage<User>(
          { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': 'USERS' } },
          { gsi2pk: 'USERS' },
          cursor,
          limit,
        );
  },
  listAudit({ agencyId, month, entity, cursor, limit }) {
    const newestFirst = { ScanIndexForward: false };
    if (entity) {
      const p = `ENTITY#${entity.type}#${entity.id}`;
      return queryPage<AuditEvent>(
        { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': p }, ...newestFirst },
        { gsi2pk: p },
        cursor,
        limit,
      );
    }
    if (agencyId) {
      const p = `AUDIT#${agencyId}`;
      const monthCond = month
        ? { KeyConditionExpression: 'pk = :p AND begins_with(sk, :m)', ExpressionAttributeValues: { ':p': p, ':m': month } }
        : { KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': p } };
      return queryPage<AuditEvent>({ ...monthCond, ...newestFirst }, { pk: p }, cursor, limit);
    }
    const p = `AUDIT#${month}`;
    return queryPage<AuditEvent>(
      { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': p }, ...newestFirst },
      { gsi1pk: p },
      cursor,
      limit,
    );
  },
  async listHolidays(years) {
    const perYear = await Promise.all(
      years.map((y) => queryAll<Holiday>({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `CALENDAR#${y}` } })),
    );
    return perYear.flat();
  },
  async getItem(itemId) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: { pk: `ITEM#${itemId}`, sk: 'ITEM' } }));
    return res.Item ? strip<Item>(res.Item) : undefined;
  },
  async getItems(itemIds) {
    // Consistent: an import's batch reads what its own earlier attempt wrote.
    return batchGet<Item>(
      [...new Set(itemIds)].map((id) => ({ pk: `ITEM#${id}`, sk: 'ITEM' })),
      true,
    );
  },
  listItems(q) {
    const byStatusIndex = !q.agencyId;
    const { values, ...filter } = itemFilters(q, byStatusIndex);
    if (q.agencyId) {
      const p = `ITEMS#${q.agencyId}`;
      return queryPage<Item>(
        { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ...filter, ExpressionAttributeValues: { ':p': p, ...values }, ScanIndexForward: false },
        { gsi1pk: p },
        q.cursor,
        q.limit,
      );
    }
    if (!q.status) return allItemsPage(q);
    const p = `ITEMSTATUS#${q.status}`;
    return queryPage<Item>(
      { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ...filter, ExpressionAttributeValues: { ':p': p, ...values } },
      { gsi2pk: p },
      q.cursor,
      q.limit,
    );
  },
  listPublished({ agencyId, category, year, cursor, limit }) {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const filters: string[] = [];
    if (year) {
      filters.push('#content.#year = :year');
      Object.assign(names, { '#content': 'content', '#year': 'year' });
      values[':year'] = year;
    }
    const index = category ? 'gsi2' : 'gsi1';
    const p = category ? `DIP#${category}` : 'DIP';
    const keyCond = agencyId ? `${index}pk = :p AND begins_with(${index}sk, :a)` : `${index}pk = :p`;
    if (agencyId) values[':a'] = `${agencyId}#`;
    return queryPage<PublishedVersion>(
      {
        IndexName: index,
        KeyConditionExpression: keyCond,
        ...(filters.length ? { FilterExpression: filters.join(' AND '), ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: { ':p': p, ...values },
      },
      { [`${index}pk`]: p },
      cursor,
      limit,
    );
  },
  async getExclusion(exclusionId) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: { pk: `EXCLUSION#${exclusionId}`, sk: 'EXCLUSION' } }));
    return res.Item ? strip<Exclusion>(res.Item) : undefined;
  },
  listExclusions({ agencyId, state, cursor, limit }) {
    const index = agencyId ? 'gsi1' : 'gsi2';
    const p = agencyId ? `EXCLUSIONS#${agencyId}` : 'EXCLUSIONS';
    return queryPage<Exclusion>(
      {
        IndexName: index,
        KeyConditionExpression: `${index}pk = :p`,
        ...(state ? { FilterExpression: '#state = :state', ExpressionAttributeNames: { '#state': 'state' } } : {}),
        ExpressionAttributeValues: { ':p': p, ...(state ? { ':state': state } : {}) },
        ScanIndexForward: false,
      },
      { [`${index}pk`]: p },
      cursor,
      limit,
    );
  },
  listDik() {
    return queryAll<DikEntry>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'DIK' } });
  },
  listInbox(box, { cursor, limit }) {
    const p = boxPk(box);
    return queryPage<InboxEntry>({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': p } }, { pk: p }, cursor, limit);
  },
  async getCounter(name) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: keys.counter(name) }));
    return (res.Item?.value as number | undefined) ?? 0;
  },
  async getVerification(code) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: { pk: `VERIFY#${code}`, sk: 'DOCUMENT' } }));
    return res.Item ? strip<VerificationRecord>(res.Item) : undefined;
  },
  async getSettings(name) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: keys.settings(name) }));
    return res.Item ? strip(res.Item) : undefined;
  },
  async getRequest(requestId) {
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `REQUEST#${requestId}`, sk: 'REQUEST' }, ConsistentRead: true }),
    );
    return res.Item ? strip<Request>(res.Item) : undefined;
  },
  async getRequestPersonal(requestId) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: keys.requestPersonal(requestId), ConsistentRead: true }));
    return res.Item ? strip<RequestPersonal>(res.Item) : undefined;
  },
  async listRequests({ agencyId, year, cursor, limit }) {
    const p = agencyId ? `REQUESTS#${agencyId}` : 'REQUESTS';
    const page = await queryPage<Record<string, unknown>>(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: year ? 'gsi1pk = :p AND begins_with(gsi1sk, :y)' : 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': p, ...(year ? { ':y': `${year}#` } : {}) },
        ScanIndexForward: false,
      },
      { gsi1pk: p },
      cursor,
      limit,
    );
    if (!agencyId) return page as unknown as Page<Request>;
    // An SKPD's rows are route markers: the requests themselves come in one BatchGet, in order.
    const ids = page.items.map((x) => x.requestId as string);
    const found = await batchGet<Request>(ids.map((id) => ({ pk: `REQUEST#${id}`, sk: 'REQUEST' })));
    const byId = new Map(found.map((r) => [r.requestId, r]));
    return { ...page, items: ids.map((id) => byId.get(id)).filter((r): r is Request => !!r) };
  },
  listAnsweredRequests({ cursor, limit, between }) {
    // gsi2sk is `<notice.issuedAt>#<requestId>`: '#' sorts before any id character, '~' after them all.
    const range = between
      ? {
          KeyConditionExpression: 'gsi2pk = :p AND gsi2sk BETWEEN :f AND :t',
          ExpressionAttributeValues: { ':p': 'REQUESTS_ANSWERED', ':f': between.from, ':t': `${between.to}#~` },
        }
      : { KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': 'REQUESTS_ANSWERED' } };
    return queryPage<Request>({ IndexName: 'gsi2', ...range, ScanIndexForward: false }, { gsi2pk: 'REQUESTS_ANSWERED' }, cursor, limit);
  },
  listStepRecords(sop, month, { cursor, limit }) {
    const p = `STEPS#${sop}#${month}`;
    return queryPage<StepRecord>({ KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': p } }, { pk: p }, cursor, limit);
  },
  listPublicationHistory(itemId) {
    return queryAll<PublishedVersion>({
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': `ITEM#${itemId}`, ':s': 'PUB#' },
    });
  },
  listErasablePersonal(before, limit) {
    return queryPage<RequestPersonal | ObjectionPersonal>(
      { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p AND gsi1sk <= :b', ExpressionAttributeValues: { ':p': 'PERSONAL_ERASE', ':b': `${before}#~` } },
      { gsi1pk: 'PERSONAL_ERASE' },
      undefined,
      limit,
    ).then((p) => p.items);
  },
  async getUploadIntent(uploadId) {
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `UPLOAD#${uploadId}`, sk: 'UPLOAD' }, ConsistentRead: true }),
    );
    return res.Item ? strip<UploadIntent>(res.Item) : undefined;
  },
  async getSubmission(submissionId) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: keys.submission(submissionId), ConsistentRead: true }));
    return res.Item ? strip<Submission>(res.Item) : undefined;
  },
  async getObjection(objectionId) {
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `OBJECTION#${objectionId}`, sk: 'OBJECTION' }, ConsistentRead: true }),
    );
    return res.Item ? strip<Objection>(res.Item) : undefined;
  },
  async getObjectionPersonal(objectionId) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: keys.objectionPersonal(objectionId), ConsistentRead: true }));
    return res.Item ? strip<ObjectionPersonal>(res.Item) : undefined;
  },
  listObjections({ year, cursor, limit }) {
    return queryPage<Objection>(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: year ? 'gsi1pk = :p AND begins_with(gsi1sk, :y)' : 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'OBJECTIONS', ...(year ? { ':y': `${year}#` } : {}) },
        ScanIndexForward: false,
      },
      { gsi1pk: 'OBJECTIONS' },
      cursor,
      limit,
    );
  },
  async listObjectionsOfRequest(requestId) {
    const p = `OBJECTIONS_OF#${requestId}`;
    const page = await queryPage<Objection>(
      { IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': p } },
      { gsi2pk: p },
      undefined,
      100,
    );
    return page.items;
  },
  async getDispute(disputeId) {
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `DISPUTE#${disputeId}`, sk: 'DISPUTE' }, ConsistentRead: true }),
    );
    return res.Item ? strip<Dispute>(res.Item) : undefined;
  },
  listDisputes({ year, cursor, limit }) {
    return queryPage<Dispute>(
      {
        IndexName: 'gsi1',
        KeyConditionExpression: year ? 'gsi1pk = :p AND begins_with(gsi1sk, :y)' : 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'DISPUTES', ...(year ? { ':y': `${year}#` } : {}) },
        ScanIndexForward: false,
      },
      { gsi1pk: 'DISPUTES' },
      cursor,
      limit,
    );
  },
  async getReport(reportId) {
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `REPORT#${reportId}`, sk: 'REPORT' }, ConsistentRead: true }),
    );
    return res.Item ? strip<ArchivedReport>(res.Item) : undefined;
  },
  listReports({ agencyId, kind, year, cursor, limit }) {
    const index = agencyId ? 'gsi2' : 'gsi1';
    const p = agencyId ? `REPORTS#${agencyId}` : 'REPORTS';
    return queryPage<ArchivedReport>(
      {
        IndexName: index,
        KeyConditionExpression: year ? `${index}pk = :p AND begins_with(${index}sk, :y)` : `${index}pk = :p`,
        // Kind is a filter: an archive holds hundreds of reports a year, not thousands.
        ...(kind ? { FilterExpression: '#kind = :kind', ExpressionAttributeNames: { '#kind': 'kind' } } : {}),
        ExpressionAttributeValues: { ':p': p, ...(year ? { ':y': `${year}#` } : {}), ...(kind ? { ':kind': kind } : {}) },
        ScanIndexForward: false,
      },
      { [`${index}pk`]: p },
      cursor,
      limit,
    );
  },
  async getAnnualDraft(year) {
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `ANNUAL_REPORT#${year}`, sk: 'DRAFT' }, ConsistentRead: true }),
    );
    return res.Item ? strip<AnnualDraft>(res.Item) : undefined;
  },
  listAnnualDrafts() {
    return queryAll<AnnualDraft>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'ANNUAL_REPORTS' } });
  },
  async commit(writes, audit) {
    // The dashboard's counters move in the same transaction as the change (adapters/counters.ts).
    const counters = await counterUpdates(
      (c) => documentClient().send(c),
      writes,
      () => dynamoStore.listAgencies(),
    );
    await transact([...writes.map(toTx), ...counters, ...(Array.isArray(audit) ? audit : [audit]).map(auditPut)]);
  },
  listCounters(month) {
    return readCounterMonth((c) => documentClient().send(c), month);
  },
  replaceCounters(records) {
    return replaceCounterRecords(documentClient(), records);
  },
  async getImport(importId) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: keys.itemImport(importId), ConsistentRead: true }));
    return res.Item ? strip<ItemImport>(res.Item) : undefined;
  },
  async getImportMarker(agencyId, sha256) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: keys.importMarker(agencyId, sha256), ConsistentRead: true }));
    return res.Item ? strip<ImportMarker>(res.Item) : undefined;
  },
  async getDocCycle(cycleId) {
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `DOCCYCLE#${cycleId}`, sk: 'CYCLE' }, ConsistentRead: true }),
    );
    return res.Item ? strip<DocCycle>(res.Item) : undefined;
  },
  listDocCycles({ cursor, limit }) {
    return queryPage<DocCycle>(
      { IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'DOCCYCLES' }, ScanIndexForward: false },
      { gsi1pk: 'DOCCYCLES' },
      cursor,
      limit,
    );
  },
  async getDocLane(cycleId, agencyId) {
    const res = await documentClient().send(
      new GetCommand({ TableName: config.tableName(), Key: { pk: `DOCCYCLE#${cycleId}`, sk: `LANE#${agencyId}` }, ConsistentRead: true }),
    );
    return res.Item ? strip<DocLane>(res.Item) : undefined;
  },
  listDocLanes(cycleId) {
    return queryAll<DocLane>({
      KeyConditionExpression: 'pk = :p AND begins_with(sk, :s)',
      ExpressionAttributeValues: { ':p': `DOCCYCLE#${cycleId}`, ':s': 'LANE#' },
      ConsistentRead: true,
    });
  },
  listWaitingDocLanes() {
    return queryAll<DocLane>({ IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': 'DOCLANES_WAITING' } });
  },
  listStepRecordsOfAgency(sop, agencyId) {
    return queryAll<StepRecord>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': `STEPS#${sop}#${agencyId}` } });
  },
};
