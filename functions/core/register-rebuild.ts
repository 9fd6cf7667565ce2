/**
 * The full rebuild of the public register as a distributed job (issue 14): the same site as
 * `updateRegister(…, { full: true })` (web/register/render.ts `renderFull`), written in steps that
 * each hold one partition (one agency's registration year) or the shared pages, never the whole
 * site. The RegisterRebuild state machine (statemachines/register-rebuild.asl.json) runs them:
 *
 *   Plan        takes the register's lease for the whole rebuild (owner: the execution's name),
 *               lists the partitions, reads them one at a time to make the register's summary
 *               (summary.ts), writes it first and notes its time on the bucket: the rebuild's stamp
 *   Partitions  a Map over the partitions (Distributed in AWS: each one a Lambda, many at once; the
 *               local host runs them one after another through the same ASL): each writes its
 *               tables, item pages, result cards, sitemap part, open-data part and documents, from
 *               its own items and the summary, and records what the register now shows of its items
 *   Shared      the shared pages, exports and assets from the summary; the search shards and the
 *               whole-register DIP exports from every partition, read one at a time
 *   Finish      removes every object of the bucket older than the stamp (written before this rebuild
 *               and by none of its steps), drops the snapshots no step recorded and the register
 *               events queued before the rebuild began, records the build and releases the lease
 *   (Release    on a failure the workflow releases the lease at once instead of letting it lapse)
 *
 * Every step may run again (a Retry, a redriven execution): each writes what its part is, from the
 * state as it reads it, under the lease the plan took (renewed, conditioned on the owner).
 *
 * Consistency with changes that land during a rebuild: the register events queued after the plan
 * began stay queued, and the incremental update that follows the rebuild handles them (it recomputes
 * the summary of the partitions they touch from their items), so a publication during a rebuild is
 * on the register once that update ran, as after `full`.
 */
import { concatBytes, dipCsvHead, dipCsvRows, dipJsonHead, dipJsonRows, EXPORT_PATHS, jsonTail } from './register/exports.ts';
import { gzipFile, type PublishedEntry, type RegisterInput, type SiteFile } from './register/input.ts';
import { agencyRank, buildModel } from './register/model.ts';
import {
  type LatestKey,
  latestKey,
  newestKeys,
  type PartitionKey,
  type PartitionSummary,
  parseSummary,
  partitionId,
  partitionSummary,
  type RegisterSummary,
  SUMMARY_PATH,
  serializeSummary,
  sortParts,
} from './register/summary.ts';
import { RegisterBusy, type RegisterSite, type RegisterStore, siteKey } from './register-update.ts';

export interface RebuildStore extends Pick<RegisterStore, 'loadBase' | 'partitionItems' | 'published' | 'lock' | 'renew' | 'unlock' | 'built'> {
  /** Every partition with a published item, in any order (read by keys only, not by items). */
  partitions(): Promise<PartitionKey[]>;
  /** Records what the register now shows of one partition's items (their snapshots), stamped with the rebuild's owner; conditioned on its lease. */
  partitionRendered(shown: readonly PublishedEntry[], owner: string): Promise<void>;
  /**
   * After every step: drops the snapshots this rebuild (`owner`) did not record and the register
   * events queued before `eventsBefore`, and records the build. Returns how many events it dropped.
   */
  rebuilt(owner: string, eventsBefore: string, built: { at: string; renderer: number; site: string }): Promise<number>;
}

export interface RebuildSite extends RegisterSite {
  /** When the object at `path` was last written, by the bucket's clock (ISO); undefined: none. */
  writtenAt(path: string): Promise<string | undefined>;
  /** Deletes every object last written before `stamp` (the bucket's clock); returns their paths. */
  pruneBefore(stamp: string): Promise<string[]>;
}

/** The renderer's parts for a rebuild (web/register/render.ts), asked for like the update's renderer. */
export interface RebuildRenderer {
  version: number;
  contentTypes: { json: string; csv: string };
  partitionFiles(input: RegisterInput): Iterable<SiteFile>;
  partitionCopies(input: RegisterInput): { from: string; to: string }[];
  sharedFiles(input: RegisterInput): Iterable<SiteFile>;
  sharedCopies(input: RegisterInput): { from: string; to: string }[];
  /** What the search shards keep of an item (its place and terms). */
  posting(e: PublishedEntry): unknown;
  searchShards(postings: readonly unknown[]): SiteFile[];
}

/** What the plan hands every later step (through the workflow's state). */
export interface RebuildRun {
  /** The lease's owner: the execution's name. */
  owner: string;
  /** When the rebuild began: the exports' stamp and the register events it covers. */
  now: string;
  /** The build's time (the sitemap's lastmod of pages that change only with a build). */
  at: string;
  /** When the summary was written, by the bucket's clock: whatever is older when the rebuild ends is no part of it. */
  stamp: string;
}

/**
 * A step may wait minutes for the next (a Distributed Map starting its child executions, a Retry's
 * back-off): the lease lasts a Lambda's longest run, and every step renews it. A rebuild that fails
 * releases it (the workflow's Release); one whose workflow died holds it at most this long.
 */
export const REBUILD_LEASE_SECONDS = 15 * 60;

async function holdLease(store: Pick<RebuildStore, 'renew'>, owner: string): Promise<void> {
  if (!(await store.renew(owner, REBUILD_LEASE_SECONDS))) throw new RegisterBusy('The register rebuild lost its lease (another update took it).');
}

const readPartition = (store: Pick<RebuildStore, 'partitionItems'>, k: PartitionKey) =>
  store.partitionItems([k]).then((found) => (found.get(partitionId(k)) ?? []).sort((a, b) => a.sequence - b.sequence));

/** Each partition's items in turn, the next one read while this one is handled: one partition in memory at a time. */
async function eachPartition(
  store: Pick<RebuildStore, 'partitionItems'>,
  keys: readonly PartitionKey[],
  work: (items: PublishedEntry[], key: PartitionKey) => void,
) {
  let next = keys[0] ? readPartition(store, keys[0]) : undefined;
  for (let i = 0; next; i++) {
    const items = await next;
    next = keys[i + 1] ? readPartition(store, keys[i + 1]!) : undefined;
    work(items, keys[i]!);
  }
}

const EMPTY = { delete: [], copies: [], removeCopies: [] };

export async function rebuildPlan(
  store: RebuildStore,
  site: RebuildSite,
  renderer: Pick<RebuildRenderer, 'version' | 'contentTypes'>,
  opts: { owner: string; now?: Date },
): Promise<{ run: RebuildRun; partitions: PartitionKey[] }> {
  const now = opts.now ?? new Date();
  const { owner } = opts;
  // A retried plan finds the lease already its own.
  if (!(await store.lock(owner, REBUILD_LEASE_SECONDS)) && !(await store.renew(owner, REBUILD_LEASE_SECONDS)))
    throw new RegisterBusy('Another register update is running; the rebuild will be retried.');
  const leased = Date.now();
  const [built, base, keys] = await Promise.all([store.built(), store.loadBase(now), store.partitions()]);
  const key = siteKey(base);
  // As `full` does: a recovery with the same renderer and settings keeps the sitemap's dates.
  const at = built && built.renderer === renderer.version && built.site === key ? built.at : now.toISOString();
  const parts: PartitionSummary[] = [];
  let latest: LatestKey[] = [];
  await eachPartition(store, keys, (items, k) => {
    const p = partitionSummary(k, items);
    if (p) parts.push(p);
    latest = newestKeys([...latest, ...items.map(latestKey)]);
  });
  const rank = agencyRank(base, { parts, latest });
  const summary: RegisterSummary = { parts: sortParts(parts, rank), latest };
  // The stamp must be later than anything written before the lease was taken: the bucket's
  // LastModified has a resolution of one second.
  await new Promise((r) => setTimeout(r, Math.max(0, leased + 1100 - Date.now())));
  await holdLease(store, owner);
  await site.apply({ put: [gzipFile(SUMMARY_PATH, serializeSummary(summary), renderer.contentTypes.json)], ...EMPTY });
  const stamp = await site.writtenAt(SUMMARY_PATH);
  if (!stamp) throw new Error(`The register bucket has no ${SUMMARY_PATH} just written`);
  return {
    run: { owner, now: now.toISOString(), at, stamp },
    partitions: summary.parts.map((p) => ({ agencyId: p.agencyId, year: p.year })),
  };
}

async function summaryOnSite(site: RebuildSite): Promise<RegisterSummary> {
  const body = (await site.read([SUMMARY_PATH])).get(SUMMARY_PATH);
  if (body === undefined) throw new Error(`The register bucket has no ${SUMMARY_PATH}: the rebuild's plan writes it first`);
  return parseSummary(body);
}

/** One partition's files and documents, and the snapshots of its items. */
export async function rebuildPartition(
  store: RebuildStore,
  site: RebuildSite,
  renderer: RebuildRenderer,
  opts: { run: RebuildRun; partition: PartitionKey },
): Promise<{ items: number; files: number }> {
  const { run, partition } = opts;
  await holdLease(store, run.owner);
  const [summary, base, items] = await Promise.all([summaryOnSite(site), store.loadBase(new Date(run.now)), readPartition(store, partition)]);
  // The partition's pages show no newest publications: `latest` stays empty.
  const input: RegisterInput = { ...base, builtAt: run.at, items, summary: { summary, latest: [] } };
  const put = [...renderer.partitionFiles(input)];
  await holdLease(store, run.owner);
  const paths = await site.apply({ put, delete: [], copies: renderer.partitionCopies(input), removeCopies: [] });
  await store.partitionRendered(items, run.owner);
  return { items: items.length, files: paths.length };
}

/**
 * The shared files, the search shards and the whole-register DIP exports. The shards and the
 * exports need every item: the partitions are read one at a time in DIP order, and of each item this
 * keeps only its posting (its place and its search terms, a few hundred bytes) for the shards, and
 * its rows of dip.json and dip.csv as UTF-8 bytes (as register-exports.ts does); the items themselves
 * are dropped with their partition. At a million items that is still the postings of every term and
 * the two exports (hundreds of MB): the bound of this step, which a shard-by-shard split would lift.
 */
export async function rebuildShared(
  store: RebuildStore,
  site: RebuildSite,
  renderer: RebuildRenderer,
  opts: { run: RebuildRun },
): Promise<{ items: number; files: number }> {
  const { run } = opts;
  await holdLease(store, run.owner);
  const now = new Date(run.now);
  const [summary, base] = await Promise.all([summaryOnSite(site), store.loadBase(now, { with: { verifications: true, requests: true, annualReports: true } })]);
  const ids = summary.latest.map((k) => k[1]);
  const found = ids.length ? await store.published(ids) : new Map<string, PublishedEntry | undefined>();
  const latest = ids.flatMap((id) => found.get(id) ?? []);
  const input: RegisterInput = { ...base, builtAt: run.at, items: [], summary: { summary, latest } };

  const m = buildModel(input);
  const encoder = new TextEncoder();
  const json: Uint8Array[] = [];
  const csv: Uint8Array[] = [encoder.encode(dipCsvHead())];
  const postings: unknown[] = [];
  let count = 0;
  await eachPartition(
    store,
    summary.parts.map((p) => ({ agencyId: p.agencyId, year: p.year })),
    (items) => {
      json.push(encoder.encode(dipJsonRows(m, items, count === 0)));
      csv.push(encoder.encode(dipCsvRows(m, items)));
      for (const e of items) postings.push(renderer.posting(e));
      count += items.length;
    },
  );
  json.unshift(encoder.encode(dipJsonHead(m, input.generatedAt, count)));
  json.push(encoder.encode(jsonTail(count)));
  const put: SiteFile[] = [
    ...renderer.sharedFiles(input),
    ...renderer.searchShards(postings),
    { path: EXPORT_PATHS.json, body: concatBytes(json), contentType: renderer.contentTypes.json },
    { path: EXPORT_PATHS.csv, body: concatBytes(csv), contentType: renderer.contentTypes.csv },
  ];
  await holdLease(store, run.owner);
  const paths = await site.apply({ put, delete: [], copies: renderer.sharedCopies(input), removeCopies: [] });
  return { items: count, files: paths.length };
}

/** Removes what this rebuild did not write, records the build and releases the lease. */
export async function rebuildFinish(
  store: RebuildStore,
  site: RebuildSite,
  renderer: Pick<RebuildRenderer, 'version'>,
  opts: { run: RebuildRun },
): Promise<{ removed: number; events: number; invalidated: number }> {
  const { run } = opts;
  await holdLease(store, run.owner);
  const base = await store.loadBase(new Date(run.now));
  const removed = await site.pruneBefore(run.stamp);
  await holdLease(store, run.owner);
  const events = await store.rebuilt(run.owner, run.now, { at: run.at, renderer: renderer.version, site: siteKey(base) });
  await store.unlock(run.owner);
  // Every path changed: one wildcard (register-site.ts).
  return { removed: removed.length, events, invalidated: await site.invalidate(['*']) };
}

/** A rebuild that failed releases the register at once (its next update or rebuild starts over). */
export async function rebuildRelease(store: Pick<RebuildStore, 'unlock'>, opts: { owner: string }): Promise<void> {
  await store.unlock(opts.owner);
}
