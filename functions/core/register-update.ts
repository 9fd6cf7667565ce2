/**
 * Keeping the public register in step with publications (SOP 000 step 5, SOP 002 step 4).
 *
 * Publication and withdrawal write a register event in the same transaction as the change (see
 * items.ts). This use case drains those events: for each item it compares what the register shows
 * (the `registered` snapshot) with what is published now, renders only what that change touches,
 * writes it, records the new snapshot and removes the events. Running it twice does nothing more;
 * a crash half-way leaves the events in place for the next run. `full` re-renders everything
 * (recovery) and resets every snapshot.
 */
import type { RegisterEvent } from './item-model.ts';
import type { PublishedEntry, RegisterChange, RegisterInput, SiteFile, SitePlan } from './register/input.ts';
import { agencyRank } from './register/model.ts';
import { type LatestKey, type PartitionKey, parseSummary, partitionId, partitionOf, SUMMARY_PATH, updateSummary } from './register/summary.ts';

/**
 * What every page of the register shows besides its own data: the base URL (canonical, hreflang,
 * sitemap, catalogue) and the body's name, licence and region. When it differs from what the
 * register was built with, the next update rebuilds the register in full, like a new renderer.
 */
export const siteKey = (input: Pick<RegisterInput, 'siteUrl' | 'publicBody'>) =>
  JSON.stringify({ siteUrl: (input.siteUrl ?? '').replace(/\/+$/, ''), publicBody: input.publicBody });

export interface RegisterStore {
  /**
   * The register's input. `requestIds`: requests whose answer is to be shown now (their events),
   * read directly (strongly consistent) so that an index that has not caught up yet does not miss them.
   */
  loadInput(now: Date, opts?: { requestIds?: string[] }): Promise<RegisterInput>;
  /**
   * The register's input without its items (`items` empty): the body, agencies and DIK, and only
   * what `with` names of the rest (each read whole, so an update that does not show them does not
   * read them). What an incremental update reads besides the partitions it touches.
   */
  loadBase(
    now: Date,
    opts?: { requestIds?: string[]; with?: { verifications?: boolean; requests?: boolean; annualReports?: boolean } },
  ): Promise<RegisterInput>;
  /** The published items of these partitions (agency × registration year), each read whole (Query gsi1 DIP begins_with `<agency>#<year>#`). */
  partitionItems(keys: readonly PartitionKey[]): Promise<Map<string, PublishedEntry[]>>;
  /** These items as published now, read strongly consistent (GetItem); undefined: not published. */
  published(itemIds: readonly string[]): Promise<Map<string, PublishedEntry | undefined>>;
  /** Records that the whole-register exports are behind (a DIP change), unless already recorded. */
  markExportsDue(at: string): Promise<void>;
  /** Since when the whole-register exports are behind, and when they were last written; undefined values: never. */
  exportsState(): Promise<{ dueSince?: string; writtenAt?: string }>;
  /** After writing the whole-register exports from the state as of `dueSince`: clears the mark unless a newer change set it again. */
  exportsWritten(at: string, dueSince: string | undefined): Promise<void>;
  queue(limit: number): Promise<RegisterEvent[]>;
  registered(itemId: string): Promise<PublishedEntry | undefined>;
  /** Records what the register now shows for an item (undefined: nothing) and drops its events. */
  markRendered(itemId: string, shown: PublishedEntry | undefined, events: RegisterEvent[], fence?: string): Promise<void>;
  /** Drops handled events that carry no per-item snapshot (DIK changes, verification pages, answered requests, annual reports). */
  dropEvents(events: RegisterEvent[]): Promise<void>;
  /** After a full rebuild: every snapshot equals the published set, the queue is empty, and the build is recorded (`site`: its siteKey). */
  resetRendered(shown: PublishedEntry[], events: RegisterEvent[], built: { at: string; renderer: number; site: string }): Promise<void>;
  /**
   * Takes the register's lease for `seconds` (false if another update holds it): two updates at once
   * would each render from their own reading, and the one that read first could write last.
   */
  lock(owner: string, seconds: number): Promise<boolean>;
  /** Extends the lease this owner holds; false if it has lost it (expired and taken by another). */
  renew(owner: string, seconds: number): Promise<boolean>;
  unlock(owner: string): Promise<void>;
  /** When the register was last built in full, by which renderer and with which siteKey; undefined if never (a new installation). */
  built(): Promise<{ at: string; renderer?: number; site?: string } | undefined>;
}

/**
 * The renderer: pure functions from the register's input to files (web/register/render.ts
 * `registerRenderer`, beside the pages it renders). The core asks for it like for the store and the
 * site, so that it imports nothing of the pages (test/unit/import-direction.test.ts).
 */
export interface RegisterRenderer {
  /**
   * The shape of the rendered site (web/register/render.ts `RENDERER_VERSION`): a register built
   * by another version is rebuilt in full once, by the next update.
   */
  version: number;
  renderFull(input: RegisterInput): SitePlan;
  /** The register's files a batch of publications and withdrawals patches (search shards and their manifest), to read for renderChanges. */
  changeReads(changes: readonly RegisterChange[]): string[];
  /**
   * A batch of publications and withdrawals: `before` and `after` hold the partitions it touches (whole) and the summary
   * before and after; `files` what changeReads named.
   */
  renderChanges(
    ctx: { before: RegisterInput; after: RegisterInput; files: ReadonlyMap<string, string | undefined> },
    changes: readonly RegisterChange[],
  ): SitePlan;
  renderDik(input: RegisterInput): SiteFile[];
  renderVerifications(input: RegisterInput, codes: ReadonlySet<string>): SiteFile[];
  renderRequests(input: RegisterInput, requestIds: ReadonlySet<string>): SitePlan;
  renderAnnualReports(input: RegisterInput): SitePlan;
}

export interface RegisterSite {
  /** The register's files at these paths as they are now (undefined: none): the summary, search shards. */
  read(paths: readonly string[]): Promise<Map<string, string | undefined>>;
  /** Writes the plan; with `prune`, also deletes every object the plan does not name (full rebuild). */
  apply(plan: SitePlan, opts?: { prune?: boolean }): Promise<string[]>;
  invalidate(paths: string[]): Promise<number>;
}

export interface RegisterUpdate {
  events: number;
  files: number;
  invalidated: number;
}

/** Another update holds the register; the workflow retries the task (its Retry names this error). */
export class RegisterBusy extends Error {
  override name = 'RegisterBusy';
}

/**
 * The lease is short and renewed while the update runs, so an update that died (a crashed host, a
 * killed Lambda) holds the register for at most this long. The holder checks that it still holds
 * the lease (renewing it) before each write, and the snapshot writes are conditioned on it (the fence): a holder
 * that lost it stops instead of overwriting what the next holder wrote.
 */
export const LEASE_SECONDS = 20;
const RENEW_EVERY_MS = 5000;

/**
 * The lease as the update sees it. `confirm()` renews it at once and throws RegisterBusy if it was
 * lost: a long synchronous render (a full rebuild) can outlast the lease with no timer firing, and
 * a lease that lapsed but was not taken is still ours to renew (the renewal is conditioned on the
 * owner, so a lease another update took cannot be renewed).
 */
export interface Lease {
  owner: string;
  confirm(): Promise<void>;
}

/** The partitions a batch touches (an item never moves between them). */
function partitionsOf(changes: readonly RegisterChange[]): PartitionKey[] {
  const out = new Map<string, PartitionKey>();
  for (const c of changes) for (const e of [c.before, c.after]) if (e) out.set(partitionId(partitionOf(e)), partitionOf(e));
  return [...out.values()];
}

/**
 * The register's lease around `work`: taken (RegisterBusy when another holder has it), renewed while
 * the work waits on I/O (a failed renewal is tried again at the next tick), and released after it.
 * The work calls `lease.confirm()` before each write. `who` names the holder in the busy messages.
 */
export async function withLease<T>(store: Pick<RegisterStore, 'lock' | 'renew' | 'unlock'>, who: string, work: (lease: Lease) => Promise<T>): Promise<T> {
  const owner = crypto.randomUUID();
  if (!(await store.lock(owner, LEASE_SECONDS))) throw new RegisterBusy(`The register is busy with another update; ${who} will be retried.`);
  let lost = false;
  const renew = async () => {
    if (!(await store.renew(owner, LEASE_SECONDS))) lost = true;
  };
  const timer = setInterval(() => void renew().catch(() => undefined), RENEW_EVERY_MS);
  const lease: Lease = {
    owner,
    async confirm() {
      if (!lost) await renew();
      if (lost) throw new RegisterBusy(`${who} lost the register's lease; it will be retried.`);
    },
  };
  try {
    return await work(lease);
  } finally {
    clearInterval(timer);
    await store.unlock(owner);
  }
}

export function updateRegister(
  store: RegisterStore,
  site: RegisterSite,
  renderer: RegisterRenderer,
  opts: { full?: boolean; now?: Date } = {},
): Promise<RegisterUpdate> {
  return withLease(store, 'this register update', (lease) => updateLocked(store, site, renderer, opts, lease));
}

async function updateLocked(
  store: RegisterStore,
  site: RegisterSite,
  renderer: RegisterRenderer,
  opts: { full?: boolean; now?: Date },
  lease: Lease,
): Promise<RegisterUpdate> {
  const now = opts.now ?? new Date();
  // A register never built has no home page, assets or lists for a change to update: build it whole.
  // So is one built by an older renderer, whose unchanged pages would otherwise keep the old shape.
  // So is one built with another base URL or body settings (siteKey), seen once the input is read.
  const built = await store.built();
  // The queue is read before the input, so that every event dropped here is reflected in what is rendered.
  const full = async () => {
    const events = await store.queue(10_000);
    const fresh = await store.loadInput(now);
    const key = siteKey(fresh);
    // A recovery with the same renderer and settings rewrites the same pages: their sitemap dates stay.
    const at = built && built.renderer === renderer.version && built.site === key ? built.at : now.toISOString();
    await lease.confirm();
    const paths = await site.apply(renderer.renderFull({ ...fresh, builtAt: at }), { prune: true });
    await lease.confirm();
    await store.resetRendered(fresh.items, events, { at, renderer: renderer.version, site: key });
    return { events: events.length, files: paths.length, invalidated: await site.invalidate(paths) };
  };
  if (opts.full || !built || built.renderer !== renderer.version) return full();
  const events = await store.queue(100);
  if (events.length === 0) return { events: 0, files: 0, invalidated: 0 };
  // The body or an agency changed (a rename, a new agency): every page may name it, so it is rebuilt whole (register-events.ts).
  if (events.some((e) => e.type === 'site')) return full();
  // The register's summary as it is now; a register without one (never finished a build) is built whole.
  const summaryFile = (await site.read([SUMMARY_PATH])).get(SUMMARY_PATH);
  if (summaryFile === undefined) return full();
  const summaryBefore = parseSummary(summaryFile);
  const requestEvents = events.filter((e) => e.type === 'request');
  const verificationEvents = events.filter((e) => e.type === 'verification');
  // The shared part of the sitemap dates the request log's and annual reports' pages: read them (their size is not the DIP's).
  const base = await store.loadBase(now, {
    ...(requestEvents.length ? { requestIds: [...new Set(requestEvents.map((e) => e.itemId))] } : {}),
    with: { requests: true, annualReports: true, verifications: verificationEvents.length > 0 },
  });
  if (siteKey(base) !== built.site) return full();
  const dikEvents = events.filter((e) => e.type === 'dik');
  const annualEvents = events.filter((e) => e.type === 'annualReport');
  const byItem = new Map<string, RegisterEvent[]>();
  for (const e of events) if (e.type === 'published' || e.type === 'withdrawn') byItem.set(e.itemId, [...(byItem.get(e.itemId) ?? []), e]);

  // The items changed: as the register shows them and as published now; their partitions, whole.
  const ids = [...byItem.keys()];
  const [registered, published] = await Promise.all([Promise.all(ids.map((id) => store.registered(id))), store.published(ids)]);
  const changes: RegisterChange[] = ids.map((itemId, i) => ({
    itemId,
    ...(registered[i] ? { before: registered[i] } : {}),
    ...(published.get(itemId) ? { after: published.get(itemId)! } : {}),
  }));
  const rank = agencyRank(base, summaryBefore);
  const fresh = await store.partitionItems(partitionsOf(changes));
  // The index behind the partition query may lag: each changed item is as read directly.
  const changedIds = new Set(ids);
  for (const [id, items] of fresh)
    fresh.set(
      id,
      items.filter((e) => !changedIds.has(e.itemId)),
    );
  for (const c of changes) if (c.after) fresh.get(partitionId(partitionOf(c.after)))?.push(c.after);
  let { summary: summaryAfter, more } = updateSummary(summaryBefore, fresh, rank);
  while (more.length) {
    // Withdrawals emptied the newest publications: the partitions that may fill them are read too (summary.ts).
    for (const [id, items] of await store.partitionItems(more)) fresh.set(id, items);
    ({ summary: summaryAfter, more } = updateSummary(summaryBefore, fresh, rank));
  }
  const partitionItems = [...fresh.values()].flat();
  const beforeItems = [
    ...partitionItems.filter((e) => !changedIds.has(e.itemId)),
    ...changes.flatMap((c) => (c.before && fresh.has(partitionId(partitionOf(c.before))) ? [c.before] : [])),
  ];
  // The newest publications the shared pages list: those of other partitions, read directly (at most LATEST each).
  const inHand = new Map<string, PublishedEntry>(partitionItems.map((e) => [e.itemId, e]));
  const wanted = [...new Set([...summaryBefore.latest, ...summaryAfter.latest].map((k) => k[1]))].filter((id) => !inHand.has(id));
  const others = wanted.length ? await store.published(wanted) : new Map<string, PublishedEntry | undefined>();
  const entry = (id: string) => inHand.get(id) ?? others.get(id);
  const beforeById = new Map(beforeItems.map((e) => [e.itemId, e]));
  const latestOf = (keys: readonly LatestKey[], own: (id: string) => PublishedEntry | undefined) =>
    keys.flatMap((k) => {
      const e = own(k[1]);
      return e ? [e] : [];
    });
  const input: RegisterInput = {
    ...base,
    builtAt: built.at,
    items: partitionItems,
    summary: { summary: summaryAfter, latest: latestOf(summaryAfter.latest, entry) },
  };
  const inputBefore: RegisterInput = {
    ...input,
    items: beforeItems,
    summary: { summary: summaryBefore, latest: latestOf(summaryBefore.latest, (id) => beforeById.get(id) ?? others.get(id)) },
  };

  // One plan for the whole batch: the pages are rendered once, however many events.
  const files = changes.length ? await site.read(renderer.changeReads(changes)) : new Map<string, string | undefined>();
  const plan: SitePlan = changes.length
    ? renderer.renderChanges({ before: inputBefore, after: input, files }, changes)
    : { put: [], delete: [], copies: [], removeCopies: [] };
  if (dikEvents.length) {
    // The DIK is small (tens of rows): its page, home and its exports are rendered whole.
    const dik = renderer.renderDik(input);
    const paths = new Set(dik.map((f) => f.path));
    plan.put = [...plan.put.filter((f) => !paths.has(f.path)), ...dik];
  }
  if (verificationEvents.length) {
    // A document issued, withdrawn or replaced: its verification pages, both languages.
    const pages = renderer.renderVerifications(input, new Set(verificationEvents.map((e) => e.itemId)));
    const paths = new Set(pages.map((f) => f.path));
    plan.put = [...plan.put.filter((f) => !paths.has(f.path)), ...pages];
  }
  if (requestEvents.length) {
    // A written notice issued: the public log's index, the request's year page, the log's exports
    // and the documents the answer released to everyone.
    const log = renderer.renderRequests(input, new Set(requestEvents.map((e) => e.itemId)));
    const paths = new Set(log.put.map((f) => f.path));
    plan.put = [...plan.put.filter((f) => !paths.has(f.path)), ...log.put];
    plan.copies = [...plan.copies, ...log.copies];
  }
  if (annualEvents.length) {
    // An annual report approved: its page, the index in /data/, and its PDF and figures copied as archived.
    const annual = renderer.renderAnnualReports(input);
    const paths = new Set(annual.put.map((f) => f.path));
    plan.put = [...plan.put.filter((f) => !paths.has(f.path)), ...annual.put];
    plan.copies = [...plan.copies, ...annual.copies];
  }
  // The whole-register exports and the catalogue follow on the debounced job (register-exports.ts).
  if (changes.length || dikEvents.length || requestEvents.length || annualEvents.length) await store.markExportsDue(now.toISOString());
  await lease.confirm();
  const changed = await site.apply(plan);
  await lease.confirm();
  for (const c of changes) await store.markRendered(c.itemId, c.after, byItem.get(c.itemId) ?? [], lease.owner);
  const dropped = [...dikEvents, ...verificationEvents, ...requestEvents, ...annualEvents];
  if (dropped.length) await store.dropEvents(dropped);
  return { events: events.length, files: changed.length, invalidated: await site.invalidate([...new Set(changed)]) };
}
