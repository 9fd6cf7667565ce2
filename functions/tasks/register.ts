/**
 * The register builder's task: after every publication (the last step of the Publication workflow)
 * and every withdrawal (the RegisterUpdate workflow), and `{ full: true }` for a full rebuild; and
 * the whole-register exports' job (the RegisterExports workflow, on a schedule).
 */

import { CONTENT_TYPES, registerRenderer } from '../../web/register/render.ts';
import { applyPlan, invalidate, readFiles } from '../adapters/register-site.ts';
import { registerStore } from '../adapters/register-store.ts';
import { refreshExports } from '../core/register-exports.ts';
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
