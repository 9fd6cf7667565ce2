/**
 * The whole-register exports, rewritten on a schedule instead of by every change (issue 14).
 *
 * A change to the DIP rewrites only its own part of the open data (`data/dip/<agency>/<year>.json`
 * and `.csv`, exports.ts `partJson`, `partCsv`) and the index of parts (`data/dip/index.json`, the
 * register's summary), and marks the whole-register files behind (`RegisterStore.markExportsDue`).
 * Harvesters still expect `/data/dip.json`, `/data/dip.csv` and the DCAT catalogue
 * `/data/catalog.jsonld`: this job writes them, started every 10 minutes by one schedule
 * (infra/system.ts `RegisterExports`), which serves both ends of the rule "at most 10 minutes after a
 * change, and nightly":
 *
 * - when the mark is set (`dueSince`), it writes them at the next tick: a burst of publications costs
 *   one rewrite, not one per change;
 * - when nothing is due but they were last written more than NIGHTLY_AFTER_MS ago (or never), it
 *   writes them anyway: a nightly rewrite that repairs whatever a lost mark or a failed run left
 *   behind;
 * - otherwise it reads one record and stops.
 *
 * What it reads: the summary from the register (the parts in DIP order, and what the catalogue says
 * of the DIP), the register's input without items (`loadBase`: the body, agencies, DIK, answered
 * requests and annual reports, which the catalogue describes too), then each part's items, one
 * partition at a time (`partitionItems`), rendered into rows at once and dropped: it never holds more
 * than one partition's items. The parts are the summary's, i.e. what the register shows; an item
 * published since, whose register update has not run yet, comes with the next run (its update marks
 * the exports due again).
 *
 * What it does not do yet: stream the bytes to the bucket. The JSON and CSV bodies are assembled in
 * memory (as UTF-8 bytes, one chunk per part, so no single JavaScript string has to hold the whole
 * DIP) before one PutObject each, because PutObject wants the length up front and the register
 * site's port takes whole files. Writing them part by part to S3 would need a multipart upload
 * (`@aws-sdk/lib-storage`'s `Upload`, not a dependency today, or CreateMultipartUpload/UploadPart
 * with parts of at least 5 MiB) behind a streaming `RegisterSite` method; the pieces it would write
 * are already separate (exports.ts `dipJsonHead`, `dipJsonRows`, `jsonTail`, `dipCsvHead`,
 * `dipCsvRows`). At the size the design names (5,000 items, a few MB) memory is not the limit.
 *
 * It takes the register's lease (the one `updateRegister` takes), so it never writes while an update
 * or a rebuild does, and throws RegisterBusy when it cannot: the workflow retries. It clears the mark
 * only if no newer change moved it meanwhile (`exportsWritten(at, dueSince)` is conditioned on the
 * `dueSince` it started from), so a change that lands during a run keeps the exports due.
 */
import { catalogJsonLd, concatBytes, dipCsvHead, dipCsvRows, dipJsonHead, dipJsonRows, EXPORT_PATHS, jsonTail } from './register/exports.ts';
import type { SiteFile } from './register/input.ts';
import { buildModel } from './register/model.ts';
import { type PartitionKey, parseSummary, partitionId, SUMMARY_PATH } from './register/summary.ts';
import { type RegisterSite, type RegisterStore, withLease } from './register-update.ts';

/** Exports older than this are rewritten even with nothing due: the nightly run (a little under a day, so a 10-minute schedule never skips a night). */
export const NIGHTLY_AFTER_MS = 23 * 3_600_000;

/** The content types the register serves its files with (web/register/render.ts `CONTENT_TYPES`; the core does not import the site). */
export interface ExportContentTypes {
  json: string;
  csv: string;
  jsonld: string;
}

export type ExportsStore = Pick<RegisterStore, 'exportsState' | 'exportsWritten' | 'loadBase' | 'partitionItems' | 'lock' | 'renew' | 'unlock'>;

export interface ExportsRefresh {
  /** Why the exports were written; undefined: they were not (nothing due, or no summary on the register yet). */
  reason?: 'due' | 'nightly' | 'forced';
  /** Parts and items written into `/data/dip.json` and `.csv`. */
  parts: number;
  items: number;
  files: number;
  invalidated: number;
}

const NOTHING: ExportsRefresh = { parts: 0, items: 0, files: 0, invalidated: 0 };

const whyNow = (state: { dueSince?: string; writtenAt?: string }, now: Date, force: boolean): ExportsRefresh['reason'] => {
  if (force) return 'forced';
  if (state.dueSince) return 'due';
  if (!state.writtenAt || now.getTime() - Date.parse(state.writtenAt) > NIGHTLY_AFTER_MS) return 'nightly';
  return undefined;
};

/**
 * Rewrites `/data/dip.json`, `/data/dip.csv` (stamped with `now`) and `/data/catalog.jsonld` from the
 * register's summary and its partitions when they are due (see the module's comment); `force`: even
 * when they are not.
 */
export async function refreshExports(
  store: ExportsStore,
  site: Pick<RegisterSite, 'read' | 'apply' | 'invalidate'>,
  types: ExportContentTypes,
  opts: { now?: Date; force?: boolean } = {},
): Promise<ExportsRefresh> {
  const now = opts.now ?? new Date();
  // Checked before the lease, so that the usual tick (nothing due) takes nothing from an update.
  if (!whyNow(await store.exportsState(), now, opts.force === true)) return NOTHING;
  return withLease(store, 'the exports job', async ({ confirm }) => {
    // Read again under the lease: another run may have written them meanwhile.
    const state = await store.exportsState();
    const reason = whyNow(state, now, opts.force === true);
    if (!reason) return NOTHING;
    const summaryBody = (await site.read([SUMMARY_PATH])).get(SUMMARY_PATH);
    // A register not yet built with its summary (a new installation, or one built by an older
    // renderer): its next update rebuilds it in full, exports included; the mark stays until then.
    if (summaryBody === undefined) return NOTHING;
    const summary = parseSummary(summaryBody);
    const m = buildModel(await store.loadBase(now, { with: { requests: true, annualReports: true } }));

    const encoder = new TextEncoder();
    const json: Uint8Array[] = [];
    const csv: Uint8Array[] = [encoder.encode(dipCsvHead())];
    let items = 0;
    const read = (k: PartitionKey) => store.partitionItems([k]).then((found) => found.get(partitionId(k)) ?? []);
    // One partition in memory at a time, the next one read while this one renders.
    let next = summary.parts[0] ? read(summary.parts[0]) : undefined;
    for (let i = 0; next; i++) {
      const rows = (await next).sort((a, b) => a.sequence - b.sequence);
      const following = summary.parts[i + 1];
      next = following ? read(following) : undefined;
      json.push(encoder.encode(dipJsonRows(m, rows, items === 0)));
      csv.push(encoder.encode(dipCsvRows(m, rows)));
      items += rows.length;
    }
    const at = now.toISOString();
    json.unshift(encoder.encode(dipJsonHead(m, at, items)));
    json.push(encoder.encode(jsonTail(items)));

    const files: SiteFile[] = [
      { path: EXPORT_PATHS.json, body: concatBytes(json), contentType: types.json },
      { path: EXPORT_PATHS.csv, body: concatBytes(csv), contentType: types.csv },
      { path: EXPORT_PATHS.catalog, body: catalogJsonLd(m, summary), contentType: types.jsonld },
    ];
    await confirm();
    const paths = await site.apply({ put: files, delete: [], copies: [], removeCopies: [] });
    await confirm();
    await store.exportsWritten(at, state.dueSince);
    return { reason, parts: summary.parts.length, items, files: paths.length, invalidated: await site.invalidate(paths) };
  });
}
