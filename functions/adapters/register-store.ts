/**
 * DynamoDB side of the register update (functions/core/register-update.ts).
 *
 * | record              | pk             | sk           | gsi1pk / gsi1sk          |
 * |---------------------|----------------|--------------|--------------------------|
 * | what the register   | ITEM#<itemId>  | REGISTERED   | REGISTERED / <itemId>    |
 * | shows for an item   |                |              |                          |
 * | register event      | REGISTER_QUEUE | <at>#<id>    |                          |
 * | update lease        | REGISTER_LOCK  | LOCK         |                          |
 * | exports' state      | SETTINGS       | registerExports |                       |
 *
 * The incremental update reads the changed items (BatchGet ITEM#<id>/PUBLISHED, strongly consistent)
 * and each partition they touch, whole (Query gsi1 DIP begins_with `<agency>#<regYear>#`): never the
 * whole DIP. A full rebuild reads it all (Query gsi1 DIP).
 *
 * The public log of answered requests is read with Query gsi2 REQUESTS_ANSWERED (the request records,
 * projected at once: see answeredRequests), with the objections filed on them (Query gsi1 OBJECTIONS
 * once, tens a year, projected with `publicObjectionEntry`). Approved annual reports: Query gsi1
 * ANNUAL_REPORTS, then GetItem REPORT#<id> of each approved one (register/annual.ts).
 */

import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RegisterEvent } from '../core/item-model.ts';
import type { Objection } from '../core/objections/model.ts';
import type { VerificationRecord } from '../core/official-documents/verification.ts';
import type { PublicBody } from '../core/public-body.ts';
import { type PublicAnnualReport, publicAnnualReport } from '../core/register/annual.ts';
import type { PublishedEntry, RegisterInput } from '../core/register/input.ts';
import { type PublicRequestEntry, publicLogEntryWith } from '../core/register/requests.ts';
import { type PartitionKey, partitionId } from '../core/register/summary.ts';
import type { RebuildStore } from '../core/register-rebuild.ts';
import { RegisterBusy, type RegisterStore } from '../core/register-update.ts';
import type { Request } from '../core/requests/model.ts';
import { config } from './config.ts';
import { batchGet, documentClient, dynamoStore, keys, queryAll, strip } from './dynamodb.ts';

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

/** A published record as the register reads it (records written before `history` existed show their one publication). */
const entryOf = (i: PublishedEntry): PublishedEntry => ({ ...i, history: i.history ?? [{ versionNo: i.versionNo, publishedAt: i.publishedAt }] });

/** Settings record of the whole-register exports: since when they are behind, and when last written. */
const EXPORTS_SETTINGS = 'registerExports';

async function loadWith(
  now: Date,
  items: () => Promise<PublishedEntry[]>,
  opts: { requestIds?: string[]; with?: { verifications?: boolean; requests?: boolean; annualReports?: boolean } },
): Promise<RegisterInput> {
  const none = async () => [];
  const [agencies, published, body, dik, verifications, requests, annualReports] = await Promise.all([
    dynamoStore.listAgencies(),
    items(),
    dynamoStore.getSettings<PublicBody>('publicBody'),
    dynamoStore.listDik(),
    opts.with?.verifications
      ? queryAll<VerificationRecord>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'VERIFICATIONS' } })
      : none(),
    opts.with?.requests ? answeredRequests(opts.requestIds ?? []) : none(),
    opts.with?.annualReports ? approvedAnnualReports() : none(),
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
    items: published.map(entryOf),
    dik,
    verifications,
    requests,
    annualReports,
    generatedAt: now.toISOString(),
  };
}

export const registerStore: RegisterStore = {
  loadInput: (now, opts = {}) =>
    loadWith(now, () => queryAll<PublishedEntry>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': 'DIP' } }), {
      ...opts,
      with: { verifications: true, requests: true, annualReports: true },
    }),
  loadBase: (now, opts = {}) => loadWith(now, async () => [], opts),
  async partitionItems(keyList) {
    const out = new Map<string, PublishedEntry[]>();
    await Promise.all(
      keyList.map(async (k) => {
        const items = await queryAll<PublishedEntry>({
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :s)',
          ExpressionAttributeValues: { ':p': 'DIP', ':s': `${k.agencyId}#${k.year}#` },
        });
        out.set(partitionId(k), items.map(entryOf));
      }),
    );
    return out;
  },
  async published(itemIds) {
    const found = await batchGet<PublishedEntry>(
      itemIds.map((id) => ({ pk: `ITEM#${id}`, sk: 'PUBLISHED' })),
      true,
    );
    const byId = new Map(found.map((e) => [e.itemId, entryOf(e)]));
    return new Map(itemIds.map((id) => [id, byId.get(id)]));
  },
  async markExportsDue(at) {
    await documentClient().send(
      new UpdateCommand({
        TableName: config.tableName(),
        Key: keys.settings(EXPORTS_SETTINGS),
        UpdateExpression: 'SET dueSince = if_not_exists(dueSince, :at)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  },
  async exportsState() {
    const res = await documentClient().send(new GetCommand({ TableName: config.tableName(), Key: keys.settings(EXPORTS_SETTINGS), ConsistentRead: true }));
    const s = res.Item as { dueSince?: string; writtenAt?: string } | undefined;
    return { ...(s?.dueSince ? { dueSince: s.dueSince } : {}), ...(s?.writtenAt ? { writtenAt: s.writtenAt } : {}) };
  },
  async exportsWritten(at, dueSince) {
    // The mark goes only if no change came after the one the exports were written for.
    await documentClient()
      .send(
        new UpdateCommand({
          TableName: config.tableName(),
          Key: keys.settings(EXPORTS_SETTINGS),
          UpdateExpression: dueSince ? 'SET writtenAt = :at REMOVE dueSince' : 'SET writtenAt = :at',
          ...(dueSince ? { ConditionExpression: 'dueSince = :d' } : {}),
          ExpressionAttributeValues: { ':at': at, ...(dueSince ? { ':d': dueSince } : {}) },
        }),
      )
      .catch(async (e: Error) => {
        if (e.name !== 'ConditionalCheckFailedException') throw e;
        await documentClient().send(
          new UpdateCommand({
            TableName: config.tableName(),
            Key: keys.settings(EXPORTS_SETTINGS),
            UpdateExpression: 'SET writtenAt = :at',
            ExpressionAttributeValues: { ':at': at },
          }),
        );
      });
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
    if (!res.Item) return undefined;
    // The rebuild's stamp (rebuildStore.partitionRendered) is no part of the entry.
    const { rebuiltBy: _, ...entry } = strip<PublishedEntry & { rebuiltBy?: string }>(res.Item);
    return entry;
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

/** Query pages, one at a time (the caller handles each before the next is read). */
async function* queryPages(input: Omit<QueryCommandInput, 'TableName'>): AsyncGenerator<Record<string, unknown>[]> {
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(new QueryCommand({ TableName: config.tableName(), ...input, ExclusiveStartKey: start }));
    yield res.Items ?? [];
    start = res.LastEvaluatedKey;
  } while (start);
}

/**
 * The register store with what the distributed rebuild needs besides (functions/core/register-rebuild.ts).
 * The snapshots a rebuild records carry `rebuiltBy` (its owner), so that its last step can drop the
 * ones it did not record while reading them a page at a time.
 */
export const rebuildStore: RebuildStore = {
  ...registerStore,
  /**
   * The partitions, by a skip scan of gsi1 DIP (sort key `<agency>#<year>#<sequence>`): the first
   * key, then the first key after that partition's (`<agency>#<year>$`, '$' sorting right after '#'),
   * and so on: one one-item query per partition, whatever the partitions' sizes.
   */
  async partitions() {
    const out: PartitionKey[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await documentClient().send(
        new QueryCommand({
          TableName: config.tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: after ? 'gsi1pk = :p AND gsi1sk >= :s' : 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': 'DIP', ...(after ? { ':s': after } : {}) },
          ProjectionExpression: 'gsi1sk',
          Limit: 1,
        }),
      );
      const sk = res.Items?.[0]?.gsi1sk as string | undefined;
      if (!sk) return out;
      const [agencyId, year] = sk.split('#') as [string, string];
      out.push({ agencyId, year: Number(year) });
      after = `${agencyId}#${year}$`;
    }
  },
  async partitionRendered(shown, owner) {
    await batchWrite(
      shown.map((s) => ({ PutRequest: { Item: { ...registeredKey(s.itemId), gsi1pk: 'REGISTERED', gsi1sk: s.itemId, ...s, rebuiltBy: owner } } })),
    );
  },
  async rebuilt(owner, eventsBefore, built) {
    for await (const page of queryPages({
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': 'REGISTERED' },
      ProjectionExpression: 'pk, sk, rebuiltBy',
    })) {
      const stale = page.filter((r) => r.rebuiltBy !== owner);
      await batchWrite(stale.map((r) => ({ DeleteRequest: { Key: { pk: r.pk, sk: r.sk } } })));
    }
    // The events queued before the rebuild began (their sort key starts with their time); later ones stay for the next update.
    let events = 0;
    for await (const page of queryPages({
      KeyConditionExpression: 'pk = :p AND sk < :t',
      ExpressionAttributeValues: { ':p': 'REGISTER_QUEUE', ':t': `${eventsBefore}$` },
      ProjectionExpression: 'pk, sk',
    })) {
      await batchWrite(page.map((r) => ({ DeleteRequest: { Key: { pk: r.pk, sk: r.sk } } })));
      events += page.length;
    }
    await batchWrite([{ PutRequest: { Item: { ...keys.settings('register'), builtAt: built.at, renderer: built.renderer, site: built.site } } }]);
    return events;
  },
};
