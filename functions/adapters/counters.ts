/**
 * The dashboard's counters in DynamoDB (functions/core/reports/counters.ts says what they count).
 *
 * `counterUpdates` turns the writes of one commit into the counter updates that go into the same
 * transaction: it reads the records the writes replace (one consistent BatchGet; the writes' version
 * conditions guarantee that what was read is what is replaced, or the transaction fails and no counter
 * moves), computes the moves, and returns one `ADD` update per counter record.
 *
 * Key: pk `STATS#<month>` (`yyyy-mm`, or `now` for the gauges), sk `<agencyId>` (`_body` for the
 * whole body); each metric a top-level number attribute. The dashboard reads a month with one Query.
 * gsi1 `STATS` / `<month>#<agencyId>` lists every counter record (the rebuild replaces them all).
 */
import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient, QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Agency } from '../core/model.ts';
import type { Write } from '../core/ports.ts';
import { COUNTED_ENTITIES, type CountedRecord, type CounterDelta, type CounterRecord, counterDeltas, type Zones, zonesOf } from '../core/reports/counters.ts';
import { config } from './config.ts';

type TxItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type Key = { pk: string; sk: string };
type Counted = Extract<Write, { entity: (typeof COUNTED_ENTITIES)[number] }> & { value: { version?: number } };

export const statsKey = (month: string, agencyId: string): Key => ({ pk: `STATS#${month}`, sk: agencyId });

/** The stored record a versioned write replaces. */
function previousKey(w: Counted): Key | undefined {
  if (w.entity === 'stepRecord' || w.expectedVersion === null) return undefined;
  switch (w.entity) {
    case 'item':
      return { pk: `ITEM#${w.value.itemId}`, sk: 'ITEM' };
    case 'request':
      return { pk: `REQUEST#${w.value.requestId}`, sk: 'REQUEST' };
    case 'objection':
      return { pk: `OBJECTION#${w.value.objectionId}`, sk: 'OBJECTION' };
    case 'exclusion':
      return { pk: `EXCLUSION#${w.value.exclusionId}`, sk: 'EXCLUSION' };
    case 'dispute':
      return { pk: `DISPUTE#${w.value.disputeId}`, sk: 'DISPUTE' };
  }
}

const isCounted = (w: Write): w is Counted => (COUNTED_ENTITIES as readonly string[]).includes(w.entity) && 'value' in w;

let zoneCache: { at: number; zones: Zones } | undefined;
/** The agencies' zones, kept five minutes (a zone changes once in an agency's life, if ever). */
async function zones(listAgencies: () => Promise<Agency[]>): Promise<Zones> {
  if (!zoneCache || Date.now() - zoneCache.at > 300_000) zoneCache = { at: Date.now(), zones: zonesOf(await listAgencies()) };
  return zoneCache.zones;
}

/** The counter updates of one commit, to go into its transaction. */
export async function counterUpdates(
  send: (
    c: BatchGetCommand,
  ) => Promise<{ Responses?: Record<string, Record<string, unknown>[]>; UnprocessedKeys?: Record<string, { Keys?: Record<string, unknown>[] }> }>,
  writes: readonly Write[],
  listAgencies: () => Promise<Agency[]>,
): Promise<TxItem[]> {
  const counted = writes.filter(isCounted);
  if (counted.length === 0) return [];
  const wanted = counted.map(previousKey).filter((k): k is Key => !!k);
  const previous = new Map<string, Record<string, unknown>>();
  let pending: Key[] = wanted;
  for (let attempt = 0; pending.length && attempt < 8; attempt++) {
    const TableName = config.tableName();
    const res = await send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of res.Responses?.[TableName] ?? []) previous.set(`${item.pk}|${item.sk}`, item);
    pending = (res.UnprocessedKeys?.[TableName]?.Keys as Key[] | undefined) ?? [];
    if (pending.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
  }
  const changes = counted.map((w) => {
    const key = previousKey(w);
    const before = key ? previous.get(`${key.pk}|${key.sk}`) : undefined;
    return {
      ...(before ? { before: { entity: w.entity, value: before } as unknown as CountedRecord } : {}),
      after: { entity: w.entity, value: w.value } as CountedRecord,
    };
  });
  return counterDeltas(changes, await zones(listAgencies)).map(counterUpdate);
}

/** One `ADD` per counter record (DynamoDB creates the record and the attributes as needed). */
export function counterUpdate(d: CounterDelta): TxItem {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const adds = Object.entries(d.increments).map(([metric, n], i) => {
    names[`#m${i}`] = metric;
    values[`:m${i}`] = n;
    return `#m${i} :m${i}`;
  });
  return {
    Update: {
      TableName: config.tableName(),
      Key: statsKey(d.month, d.agencyId),
      UpdateExpression: `ADD ${adds.join(', ')} SET gsi1pk = :g, gsi1sk = :s`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ...values, ':g': 'STATS', ':s': `${d.month}#${d.agencyId}` },
    },
  };
}

/** Every agency's counter record of one month (`now` for the gauges): one Query. */
export async function readCounterMonth(
  send: (c: QueryCommand) => Promise<{ Items?: Record<string, unknown>[]; LastEvaluatedKey?: Record<string, unknown> }>,
  month: string,
): Promise<CounterRecord[]> {
  const out: CounterRecord[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await send(
      new QueryCommand({
        TableName: config.tableName(),
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `STATS#${month}` },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) {
      const { pk: _pk, sk, gsi1pk: _g, gsi1sk: _s, ...metrics } = item as Record<string, number> & { pk: string; sk: string; gsi1pk?: string; gsi1sk?: string };
      out.push({ month, agencyId: sk, metrics });
    }
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

/** The rebuild: every counter record overwritten by `records`, and the ones not among them deleted. */
export async function replaceCounterRecords(client: DynamoDBDocumentClient, records: readonly CounterRecord[]): Promise<void> {
  const TableName = config.tableName();
  const existing: Key[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res = await client.send(
      new QueryCommand({
        TableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'STATS' },
        ProjectionExpression: 'pk, sk',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) existing.push({ pk: String(item.pk), sk: String(item.sk) });
    start = res.LastEvaluatedKey;
  } while (start);
  const keep = new Set(records.map((r) => `STATS#${r.month}|${r.agencyId}`));
  const requests = [
    ...records.map((r) => ({ PutRequest: { Item: { ...statsKey(r.month, r.agencyId), gsi1pk: 'STATS', gsi1sk: `${r.month}#${r.agencyId}`, ...r.metrics } } })),
    ...existing.filter((k) => !keep.has(`${k.pk}|${k.sk}`)).map((k) => ({ DeleteRequest: { Key: k } })),
  ];
  for (let i = 0; i < requests.length; i += 25) {
    let pending: unknown[] = requests.slice(i, i + 25);
    for (let attempt = 0; pending.length && attempt < 8; attempt++) {
      const res = await client.send(new BatchWriteCommand({ RequestItems: { [TableName]: pending as never } }));
      pending = res.UnprocessedItems?.[TableName] ?? [];
      if (pending.length) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
    }
  }
}
