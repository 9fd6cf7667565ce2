/**
 * The counters recounted from the records (counters.ts `recount`): the check that they are right, and
 * the rebuild for data kept before counters existed (an upgraded local `.data/`, a deployed table).
 *
 * The rebuild reads every counted record (Queries on the indexes; no Scan) and overwrites the counter
 * records. Changes made while it runs may be counted twice or not at all, so it runs when the body is
 * quiet: the local host runs it once when its data predates the counters, an admin may run it after.
 */
import { auditEvent, SYSTEM_ACTOR } from '../audit.ts';
import type { Context } from '../ports.ts';
import { type CountedRecord, type CounterRecord, recount, zonesOf } from './counters.ts';
import { all } from './data.ts';

/** The SOPs whose steps are timed (sop.ts; SOP 004 once the documentation cycle records its steps). */
export const TIMED_SOPS = ['000', '002', '004'] as const;

/** Every record the counters count. */
export async function countedRecords(ctx: Context): Promise<CountedRecord[]> {
  const { store } = ctx;
  const agencies = await store.listAgencies();
  const [items, requests, objections, exclusions, disputes, steps] = await Promise.all([
    all((cursor) => store.listItems({ cursor, limit: 100 })),
    all((cursor) => store.listRequests({ cursor, limit: 100 })),
    all((cursor) => store.listObjections({ cursor, limit: 100 })),
    all((cursor) => store.listExclusions({ cursor, limit: 100 })),
    all((cursor) => store.listDisputes({ cursor, limit: 100 })),
    Promise.all(agencies.flatMap((a) => TIMED_SOPS.map((sop) => store.listStepRecordsOfAgency(sop, a.id)))).then((x) => x.flat()),
  ]);
  return [
    ...items.map((value) => ({ entity: 'item', value }) as const),
    ...requests.map((value) => ({ entity: 'request', value }) as const),
    ...objections.map((value) => ({ entity: 'objection', value }) as const),
    ...exclusions.map((value) => ({ entity: 'exclusion', value }) as const),
    ...disputes.map((value) => ({ entity: 'dispute', value }) as const),
    ...steps.map((value) => ({ entity: 'stepRecord', value }) as const),
  ];
}

/** The counter records as the records say they must be. */
export async function expectedCounters(ctx: Context): Promise<CounterRecord[]> {
  const zones = zonesOf(await ctx.store.listAgencies());
  return recount(await countedRecords(ctx), zones).map((d) => ({ month: d.month, agencyId: d.agencyId, metrics: d.increments }));
}

/** Overwrites every counter record with the recount; returns how many records it wrote. */
export async function rebuildCounters(ctx: Context): Promise<number> {
  const expected = await expectedCounters(ctx);
  await ctx.store.replaceCounters(expected);
  return expected.length;
}

/** Raised when what the counters count changes: data counted by an older version is recounted once. */
export const COUNTERS_VERSION = 1;
const COUNTERS_MARKER = 'counters';

/**
 * Recounts once when the data predates the counters (or their current version); otherwise reads one
 * setting and returns undefined. The local host calls it before resuming its workflows.
 */
export async function ensureCounters(ctx: Context): Promise<number | undefined> {
  const marker = await ctx.store.getSettings<{ version: number }>(COUNTERS_MARKER);
  if (marker && marker.version >= COUNTERS_VERSION) return undefined;
  const written = await rebuildCounters(ctx);
  await ctx.store.commit(
    [{ entity: 'settings', name: COUNTERS_MARKER, value: { version: COUNTERS_VERSION } }],
    auditEvent({
      actor: SYSTEM_ACTOR,
      action: 'counters.rebuild',
      entity: { type: 'settings', id: COUNTERS_MARKER },
      agencyId: SYSTEM_ACTOR.agencyId,
      after: { version: COUNTERS_VERSION, records: written },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return written;
}
