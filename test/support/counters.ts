/**
 * The dashboard's counters against a recount from the records (functions/core/reports/recount.ts):
 * every counter record stored equals the sum of the records' contributions, and none is left over.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { expect } from 'vitest';
import { config } from '../../functions/adapters/config.ts';
import { documentClient, dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { localIdentity } from '../../functions/adapters/identity.ts';
import type { Context } from '../../functions/core/ports.ts';
import { expectedCounters } from '../../functions/core/reports/recount.ts';

export const storeContext = (now = new Date()): Context => ({ store: dynamoStore, identity: localIdentity, requestId: 'test', now });

/** Every counter record in the table, as `<month>|<agency>` → metrics (zeros dropped). */
export async function storedCounters(): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  let start: Record<string, unknown> | undefined;
  do {
    const res = await documentClient().send(
      new QueryCommand({
        TableName: config.tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': 'STATS' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of res.Items ?? []) {
      const { pk, sk, gsi1pk: _g, gsi1sk: _s, ...metrics } = item as Record<string, unknown>;
      const nonZero = Object.fromEntries(Object.entries(metrics as Record<string, number>).filter(([, n]) => n !== 0));
      if (Object.keys(nonZero).length) out[`${String(pk).slice('STATS#'.length)}|${String(sk)}`] = nonZero;
    }
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}

export async function recountedCounters(): Promise<Record<string, Record<string, number>>> {
  const expected = await expectedCounters(storeContext());
  return Object.fromEntries(expected.map((r) => [`${r.month}|${r.agencyId}`, r.metrics]));
}

/** The counters kept in the transactions equal a recount from the records. */
export async function expectCountersMatchRecount(): Promise<void> {
  const [stored, recounted] = await Promise.all([storedCounters(), recountedCounters()]);
  expect(stored).toEqual(recounted);
}
