/**
 * A request's first reads in one round trip of the table: the caller's user record (functions/api/
 * http.ts, step 2) and the record the route prefetches (its `prefetch`, e.g. the item of
 * `GET /api/items/{itemId}`) are asked for in the same tick, and go out as one BatchGetItem instead
 * of two GetItems. The table is one table, so the batch is strongly consistent as a whole
 * (ConsistentRead is set per table): the user record must be (an admin's change holds from the
 * next request), and the other record is read no less fresh than before.
 *
 * Only the reads made before the first batch leaves are batched; whatever the handler reads later
 * goes to the store as usual. Each read still answers or fails on its own terms: a record that is
 * not there is `undefined`, and if the batch fails every read in it fails with its error.
 */
import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../adapters/config.ts';
import { documentClient, strip } from '../adapters/dynamodb.ts';
import type { Store } from '../core/ports.ts';

/** The keys of the records batched here, as functions/adapters/dynamodb.ts writes them. */
const userKey = (username: string) => ({ pk: `USER#${username}`, sk: 'USER' });
const itemKey = (itemId: string) => ({ pk: `ITEM#${itemId}`, sk: 'ITEM' });

type Key = { pk: string; sk: string };
interface Wanted {
  key: Key;
  resolve: (v: Record<string, unknown> | undefined) => void;
  reject: (e: unknown) => void;
}

/** The store of one request, its first getUser/getItem calls batched. */
export function firstReads(store: Store): Store {
  let open = true;
  let wanted: Wanted[] = [];

  async function flush(): Promise<void> {
    open = false;
    const batch = wanted;
    wanted = [];
    try {
      const table = config.tableName();
      const found = new Map<string, Record<string, unknown>>();
      let pending: Key[] = [...new Map(batch.map((w) => [`${w.key.pk}\n${w.key.sk}`, w.key])).values()];
      for (let attempt = 0; pending.length; attempt++) {
        if (attempt > 0) {
          if (attempt >= 8) throw new Error('BatchGetItem: keys still unprocessed after 8 attempts');
          await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
        }
        const res = await documentClient().send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
        for (const item of res.Responses?.[table] ?? []) found.set(`${item.pk}\n${item.sk}`, item);
        pending = (res.UnprocessedKeys?.[table]?.Keys as Key[] | undefined) ?? [];
      }
      for (const w of batch) {
        const item = found.get(`${w.key.pk}\n${w.key.sk}`);
        w.resolve(item ? strip(item) : undefined);
      }
    } catch (e) {
      for (const w of batch) w.reject(e);
    }
  }

  function read<T>(key: Key): Promise<T | undefined> {
    return new Promise<Record<string, unknown> | undefined>((resolve, reject) => {
      if (wanted.length === 0) queueMicrotask(() => void flush());
      wanted.push({ key, resolve, reject });
    }) as Promise<T | undefined>;
  }

  return Object.assign(Object.create(store) as Store, {
    getUser: (username: string) => (open ? read<Awaited<ReturnType<Store['getUser']>>>(userKey(username)) : store.getUser(username)),
    getItem: (itemId: string) => (open ? read<Awaited<ReturnType<Store['getItem']>>>(itemKey(itemId)) : store.getItem(itemId)),
  });
}
