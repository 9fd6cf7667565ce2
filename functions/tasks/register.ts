/**
 * The register builder's task: after every publication (the last step of the Publication workflow)
 * and every withdrawal (the RegisterUpdate workflow), and `{ full: true }` for a full rebuild; and
 * the whole-register exports' job (the RegisterExports workflow, on a schedule).
 */

import {
  CONTENT_TYPES,
  partitionCopies,
  RENDERER_VERSION,
  registerRenderer,
  renderPartitionFiles,
  renderSearchShards,
  renderSharedFiles,
  type SearchPosting,
  searchPosting,
  sharedCopies,
} from '../../web/register/render.ts';
import { applyPlan, invalidate, pruneBefore, readFiles, writtenAt } from '../adapters/register-site.ts';
import { rebuildStore, registerStore } from '../adapters/register-store.ts';
import type { PartitionKey } from '../core/register/summary.ts';
import { refreshExports } from '../core/register-exports.ts';
import type { RebuildRenderer, RebuildRun } from '../core/register-rebuild.ts';
import * as rebuild from '../core/register-rebuild.ts';
import { updateRegister } from '../core/register-update.ts';
import { count } from '../observability.ts';
import { task } from './task.ts';

export const update = /* @__PURE__ */ task('tasks/register.update', async (input: { full?: boolean } = {}) => {
  const done = await updateRegister(registerStore, { read: readFiles, apply: applyPlan, invalidate }, registerRenderer, { full: input?.full === true });
  count('RegisterFilesWritten', done.files);
  return done;
});

/**
 * The whole-register exports (`/data/dip.json`, `.csv` and the DCAT catalogue), started every 10
 * minutes by the RegisterExports schedule: written when a change marked them due, and nightly
 * (functions/core/register-exports.ts); `{ force: true }` writes them at once.
 */
export const exports = /* @__PURE__ */ task('tasks/register.exports', async (input: { force?: boolean; scheduledTime?: string } = {}) => {
  const done = await refreshExports(registerStore, { read: readFiles, apply: applyPlan, invalidate }, CONTENT_TYPES, { force: input?.force === true });
  count('RegisterFilesWritten', done.files);
  return done;
});

// The full rebuild as a distributed job: the RegisterRebuild workflow's steps (functions/core/register-rebuild.ts).

const rebuildSite = { read: readFiles, apply: applyPlan, invalidate, writtenAt, pruneBefore };
const rebuildRenderer: RebuildRenderer = {
  version: RENDERER_VERSION,
  contentTypes: CONTENT_TYPES,
  partitionFiles: renderPartitionFiles,
  partitionCopies,
  sharedFiles: renderSharedFiles,
  sharedCopies,
  posting: searchPosting,
  searchShards: (postings) => renderSearchShards(postings as SearchPosting[]),
};

/** What the plan and the finish ask of the renderer: its version and content types, not its pages (each function's bundle holds only what it uses). */
const rendererStamp = { version: RENDERER_VERSION, contentTypes: CONTENT_TYPES };

/** Takes the register's lease (owner: the execution's name), writes the summary, lists the partitions. */
export const rebuildPlan = /* @__PURE__ */ task('tasks/register.rebuildPlan', (input: { owner: string }) =>
  rebuild.rebuildPlan(rebuildStore, rebuildSite, rendererStamp, { owner: input.owner }),
);

/** One partition (an agency's registration year): its pages, cards, sitemap part, open-data part and documents. */
export const rebuildPartition = /* @__PURE__ */ task('tasks/register.rebuildPartition', async (input: { run: RebuildRun; partition: PartitionKey }) => {
  const done = await rebuild.rebuildPartition(rebuildStore, rebuildSite, rebuildRenderer, input);
  count('RegisterFilesWritten', done.files);
  return done;
});

/** The shared pages and exports, the search shards and the whole-register DIP exports. */
export const rebuildShared = /* @__PURE__ */ task('tasks/register.rebuildShared', async (input: { run: RebuildRun }) => {
  const done = await rebuild.rebuildShared(rebuildStore, rebuildSite, rebuildRenderer, input);
  count('RegisterFilesWritten', done.files);
  return done;
});

/** Removes what the rebuild did not write, records the build, releases the lease. */
export const rebuildFinish = /* @__PURE__ */ task('tasks/register.rebuildFinish', (input: { run: RebuildRun }) =>
  rebuild.rebuildFinish(rebuildStore, rebuildSite, rendererStamp, input),
);

/** A failed rebuild releases the register's lease. */
export const rebuildRelease = /* @__PURE__ */ task('tasks/register.rebuildRelease', async (input: { owner: string }) => {
  await rebuild.rebuildRelease(rebuildStore, input);
  return { released: true };
});
