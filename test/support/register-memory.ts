/**
 * The register update's ports in memory (functions/core/register-update.ts): a store holding the
 * published items, what the register shows, the queue and the lease, and a site holding the files.
 * For unit tests of the update's logic and for the bench; the DynamoDB and S3 adapters have their
 * own integration tests. Every read of a record is counted (`reads`), as DynamoDB would bill it.
 */
import type { RegisterEvent } from '../../functions/core/item-model.ts';
import { fileText, type PublishedEntry, type RegisterChange, type RegisterInput, type SitePlan } from '../../functions/core/register/input.ts';
import { partitionId, partitionOf } from '../../functions/core/register/summary.ts';
import { type RegisterSite, type RegisterStore, updateRegister } from '../../functions/core/register-update.ts';
import { registerRenderer } from '../../web/register/render.ts';

export interface MemoryRegister {
  store: RegisterStore;
  site: RegisterSite;
  /** The site's files (path → body). */
  files: Map<string, string>;
  /** Every plan applied, in order. */
  plans: SitePlan[];
  published: Map<string, PublishedEntry>;
  registered: Map<string, PublishedEntry>;
  queue: RegisterEvent[];
  /** Records read from the store so far (items, snapshots, events, agencies, DIK entries, settings). */
  reads: { count: number };
  exports: { dueSince?: string; writtenAt?: string };
}

/** `base`: the register's input without items (body, agencies, DIK, requests…); `items`: what is published. */
export function memoryRegister(base: Omit<RegisterInput, 'items' | 'generatedAt'>, items: readonly PublishedEntry[]): MemoryRegister {
  const m: MemoryRegister = {
    files: new Map(),
    plans: [],
    published: new Map(items.map((e) => [e.itemId, e])),
    registered: new Map(),
    queue: [],
    reads: { count: 0 },
    exports: {},
  } as unknown as MemoryRegister;
  let built: { at: string; renderer?: number; site?: string } | undefined;
  let lock: string | undefined;
  const baseReads = () => base.agencies.length + base.dik.length + 1 + (base.requests?.length ?? 0) + (base.annualReports?.length ?? 0);
  const load = (now: Date, list: PublishedEntry[], opts: { with?: { verifications?: boolean; requests?: boolean; annualReports?: boolean } } = {}) => {
    m.reads.count += baseReads() + list.length;
    return {
      ...base,
      verifications: opts.with?.verifications ? (base.verifications ?? []) : [],
      requests: opts.with?.requests ? (base.requests ?? []) : [],
      annualReports: opts.with?.annualReports ? (base.annualReports ?? []) : [],
      items: list,
      generatedAt: now.toISOString(),
    } as RegisterInput;
  };
  m.store = {
    loadInput: async (now) => load(now, [...m.published.values()], { with: { verifications: true, requests: true, annualReports: true } }),
    loadBase: async (now, opts = {}) => load(now, [], opts),
    async partitionItems(keys) {
      const wanted = new Set(keys.map(partitionId));
      const out = new Map(keys.map((k) => [partitionId(k), [] as PublishedEntry[]]));
      for (const e of m.published.values()) {
        const id = partitionId(partitionOf(e));
        if (wanted.has(id)) out.get(id)!.push(e);
      }
      for (const list of out.values()) m.reads.count += list.length;
      return out;
    },
    async published(ids) {
      m.reads.count += ids.length;
      return new Map(ids.map((id) => [id, m.published.get(id)]));
    },
    async markExportsDue(at) {
      m.exports.dueSince ??= at;
    },
    exportsState: async () => ({ ...m.exports }),
    async exportsWritten(at, dueSince) {
      m.exports.writtenAt = at;
      if (m.exports.dueSince === dueSince) delete m.exports.dueSince;
    },
    async queue(limit) {
      const events = m.queue.slice(0, limit);
      m.reads.count += events.length;
      return events;
    },
    async registered(itemId) {
      m.reads.count++;
      return m.registered.get(itemId);
    },
    async markRendered(itemId, shown, events) {
      if (shown) m.registered.set(itemId, shown);
      else m.registered.delete(itemId);
      m.queue = m.queue.filter((e) => !events.includes(e));
    },
    async dropEvents(events) {
      m.queue = m.queue.filter((e) => !events.includes(e));
    },
    async resetRendered(shown, events, b) {
      m.registered = new Map(shown.map((e) => [e.itemId, e]));
      m.queue = m.queue.filter((e) => !events.includes(e));
      built = b;
    },
    async lock(owner) {
      if (lock) return false;
      lock = owner;
      return true;
    },
    renew: async (owner) => lock === owner,
    async unlock(owner) {
      if (lock === owner) lock = undefined;
    },
    async built() {
      m.reads.count++;
      return built;
    },
  };
  m.site = {
    read: async (paths) => new Map(paths.map((p) => [p, m.files.get(p)])),
    async apply(plan, opts = {}) {
      m.plans.push(plan);
      if (opts.prune) m.files.clear();
      for (const p of plan.delete) m.files.delete(p);
      for (const f of plan.put) m.files.set(f.path, fileText(f));
      return [...plan.put.map((f) => f.path), ...plan.delete];
    },
    invalidate: async (paths) => paths.length,
  };
  return m;
}

/**
 * A register built whole from `itemsBefore` at `builtAt`, then the update run for `changes` (the
 * store then publishing `itemsAfter`) at `now`: the plan the update applied, and the register.
 */
export async function changeThrough(
  base: Omit<RegisterInput, 'items' | 'generatedAt'>,
  itemsBefore: readonly PublishedEntry[],
  itemsAfter: readonly PublishedEntry[],
  changes: readonly RegisterChange[],
  times: { builtAt: string; now: string },
): Promise<{ reg: MemoryRegister; plan: SitePlan }> {
  const reg = memoryRegister(base, itemsBefore);
  await updateRegister(reg.store, reg.site, registerRenderer, { full: true, now: new Date(times.builtAt) });
  reg.published = new Map(itemsAfter.map((e) => [e.itemId, e]));
  reg.queue.push(
    ...changes.map((c, i) => ({
      eventId: `e${i}`,
      at: times.now,
      type: c.after ? ('published' as const) : ('withdrawn' as const),
      itemId: c.itemId,
      agencyId: (c.after ?? c.before)!.agencyId,
      versionNo: (c.after ?? c.before)!.versionNo,
    })),
  );
  await updateRegister(reg.store, reg.site, registerRenderer, { now: new Date(times.now) });
  return { reg, plan: reg.plans.at(-1)! };
}
