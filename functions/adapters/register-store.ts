/**
 * DynamoDB side of the register update (functions/core/register-update.ts).
 *
 * | record              | pk             | sk           | gsi1pk / gsi1sk          |
 * |---------------------|----------------|--------------|--------------------------|
 * | what the register   | ITEM#<itemId>  | REGISTERED   | REGISTERED / <itemId>    |
 * | shows for an item   |                |              |                          |
 * | register event      | REGISTER_QUEUE | <at>#<id>    |                          |
 * | update lease        | REGISTER_LOCK  | LOCK         |                          |
 *
 * The public log of answered requests is read with Query gsi2 REQUESTS_ANSWERED (the request records,
 * projected at once: see answeredRequests), with the objections filed on them (Query gsi1 OBJECTIONS
 * once, tens a year, projected with `publicObjectionEntry`). Approved annual reports: Query gsi1
 * ANNUAL_REPORTS, then GetItem REPORT#<id> of each approved one (register/annual.ts).
 */
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RegisterEvent } from '../core/item-model.ts';
import type { Objection } from '../core/objections/model.ts';
import type { VerificationRecord } from '../core/official-documents/verification.ts';
import type { PublicBody } from '../core/public-body.ts';
import { type PublicAnnualReport, publicAnnualReport } from '../core/register/annual.ts';
import type { PublishedEntry } from '../core/register/input.ts';
import { type PublicRequestEntry, publicLogEntryWith } from '../core/register/requests.ts';
import { RegisterBusy, type RegisterStore } from '../core/register-update.ts';
import type { Request } from '../core/requests/model.ts';
import { config } from './config.ts';
import { documentClient, dynamoStore, keys, queryAll, strip } from './dynamodb.ts';

const registeredKey = (itemId: string) => ({ pk: `ITEM#${itemId}`, sk: 'REGISTERED' });
/** The register's lease: one update at a time (`expiresAt` is also the table's TTL attribute). */
const LOCK_KEY = { pk: 'REGISTER_LOCK', sk: 'LOCK' };

async function batchWrite(requests: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Record<string, unknown>[] | undefined = requests.slice(i, i + 25);
    for (let attempt = 0; pending?.length; attempt++) {
      const res = await documentClient().send(new BatchWriteCommand({ RequestItems: { [config.tableName()]: pending as never } }));
      pending = res.UnprocessedItems?.[config.tableName()] as Record<string, unknown>[] | undefined;
      if (pending?.length) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    }
  }
}

/**
 * The public log of answered requests (Query gsi2 REQUESTS_ANSWERED), each projected at once to what
 * the public may see (no personal data reaches the renderer). `fresh`: requests read by GetItem
 * (strongly consistent), for those just answered that the index may not show yet.
 */
async function answeredRequests(fresh: readonly string[]): Promise<PublicRequestEntry[]> {
  const objections = await objectionsOnRequests();
  const byId = new Map<string, PublicRequestEntry>();
  const add = (r: Request | undefined) => {
    const e = r && publicLogEntryWith(r, objections.get(r.requestId) ?? []);
    if (e) byId.set(e.requestId, e);
  };
  let cursor: string | undefined;
  do {
    const page = await dynamoStore.listAnsweredRequests({ limit: 500, ...(cursor ? { cursor } : {}) });
    for (const r of page.items) add(r);
    cursor = page.nextCursor;
  } while (cursor);
  for (const r of await Promise.all(fresh.map((id) => dynamoStore.getRequest(id)))) add(r);
  return [...byId.values()];
}

/** Every objection filed on a request, by the request's id (an objection with no request, ground b, is in no request's row). */
async function objectionsOnRequests(): Promise<Map<string, Objection[]>> {
  const out = new Map<string, Objection[]>();
  let cursor: string | undefined;
  do {
    const page = await dynamoStore.listObjections({ limit: 500, ...(cursor ? { cursor } : {}) });
    for (const o of page.items) if (o.requestId) out.set(o.requestId, [...(out.get(o.requestId) ?? []), o]);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Approved annual reports: the drafts of every year (Query gsi1 ANNUAL_REPORTS, one a year), then the
 * approved ones' archived records (GetItem, strongly consistent), projected at once for the public.
 */
async function approvedAnnualReports(): Promise<PublicAnnualReport[]> {
  const drafts = (await dynamoStore.listAnnualDrafts()).filter((d) => d.approved);
  const reports = await Promise.all(drafts.map((d) => dynamoStore.getReport(d.approved!.reportId)));
  return reports.flatMap((r) => {
    const p = r && publicAnnualReport(r);
    return p ? [p] : [];
  });
}

export const registerStore: RegisterStore = {
  async loadInput(now, opts = {}) {
    const [agencies, items, body, dik, verifications, requests, annualReports] = await Promise.all([
      dynamoStore.listAgencies(),
      queryAll<PublishedEntry>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'DIP' } }),
      dynamoStore.getSettings<PublicBody>('publicBody'),
      dynamoStore.listDik(),
      queryAll<VerificationRecord>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'VERIFICATIONS' } }),
      answeredRequests(opts.requestIds ?? []),
      approvedAnnualReports(),
    ]);
    return {
      publicBody: {
        name: body?.name ?? 'Badan Publik',
        ...(body?.openDataLicense ? { openDataLicense: body.openDataLicense } : {}),
        ...(body?.region ? { region: body.region } : {}),
      },
      // The register's base URL: the body's setting, else this deployment's own (the CloudFront
      // domain in AWS, the host's address locally).
      siteUrl: body?.registerUrl || config.registerUrl(),
      agencies,
      items: items.map((i) => ({ ...i, history: i.history ?? [{ versionNo: i.versionNo, publishedAt: i.publishedAt }] })),
      dik,
      verifications,
      requests,
      annualReports,
      generatedAt: now.toISOString(),
    };
  },
  async queue(limit) {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: config.tableName(),
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': 'REGISTER_QUEUE' },
        Limit: limit,
      }),
    );
    return (res.Items ?? []).map((i) => strip<RegisterEvent>(i));
  },
  async registered(itemId) {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: registeredKey(itemId) }));
    return res.Item ? strip<PublishedEntry>(res.Item) : undefined;
  },
  async markRendered(itemId, shown, events, fence) {
    const TableName = config.tableName();
    await documentClient()
      .send(
        new TransactWriteCommand({
          TransactItems: [
            // The fence: written only while this update still holds the register's lease.
            ...(fence
              ? [
                  {
                    ConditionCheck: {
                      TableName,
                      Key: LOCK_KEY,
                      ConditionExpression: '#owner = :o',
                      ExpressionAttributeNames: { '#owner': 'owner' },
                      ExpressionAttributeValues: { ':o': fence },
                    },
                  },
                ]
              : []),
            shown
              ? { Put: { TableName, Item: { ...registeredKey(itemId), gsi1pk: 'REGISTERED', gsi1sk: itemId, ...shown } } }
              : { Delete: { TableName, Key: registeredKey(itemId) } },
            ...events.map((e) => ({ Delete: { TableName, Key: keys.registerEvent(e) } })),
          ],
        }),
      )
      .catch((e: { name?: string; CancellationReasons?: { Code?: string }[] }) => {
        if (fence && e.name === 'TransactionCanceledException' && e.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed')
          throw new RegisterBusy('This register update lost its lease; it will be retried.');
        throw e;
      });
  },
  async lock(owner, seconds) {
    const now = Math.floor(Date.now() / 1000);
    try {
      await documentClient().send(
        new PutCommand({
          TableName: config.tableName(),
          Item: { ...LOCK_KEY, owner, expiresAt: now + seconds },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  },
  async renew(owner, seconds) {
    try {
      await documentClient().send(
        new UpdateCommand({
          TableName: config.tableName(),
          Key: LOCK_KEY,
          UpdateExpression: 'SET expiresAt = :e',
          ConditionExpression: '#owner = :o',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':o': owner, ':e': Math.floor(Date.now() / 1000) + seconds },
        }),
      );
      return true;
    } catch (e) {
      if ((e as Error).name === 'ConditionalCheckFailedException') return false;
      throw e;
    }
  },
  async unlock(owner) {
    try {
      await documentClient().send(
        new DeleteCommand({
          TableName: config.tableName(),
          Key: LOCK_KEY,
          ConditionExpression: '#owner = :o',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':o': owner },
        }),
      );
    } catch (e) {
      if ((e as Error).name !== 'ConditionalCheckFailedException') throw e;
    }
  },
  async built() {
    const s = await dynamoStore.getSettings<{ builtAt: string; renderer?: number; site?: string }>('register');
    return s ? { at: s.builtAt, ...(s.renderer !== undefined ? { renderer: s.renderer } : {}), ...(s.site !== undefined ? { site: s.site } : {}) } : undefined;
  },
  async dropEvents(events) {
    await batchWrite(events.map((e) => ({ DeleteRequest: { Key: keys.registerEvent(e) } })));
  },
  async resetRendered(shown, events, built) {
    const published = new Set(shown.map((s) => s.itemId));
    const stale = (
      await queryAll<{ itemId: string }>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'REGISTERED' } })
    ).filter((r) => !published.has(r.itemId));
    await batchWrite([
      ...shown.map((s) => ({ PutRequest: { Item: { ...registeredKey(s.itemId), gsi1pk: 'REGISTERED', gsi1sk: s.itemId, ...s } } })),
      ...stale.map((r) => ({ DeleteRequest: { Key: registeredKey(r.itemId) } })),
      ...events.map((e) => ({ DeleteRequest: { Key: keys.registerEvent(e) } })),
      { PutRequest: { Item: { ...keys.settings('register'), builtAt: built.at, renderer: built.renderer, site: built.site } } },
    ]);
  },
};
