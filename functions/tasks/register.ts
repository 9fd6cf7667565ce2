/**
 * The register builder's task: after every publication (the last step of the Publication workflow)
 * and every withdrawal (the RegisterUpdate workflow), and `{ full: true }` for a full rebuild.
 */

import { registerRenderer } from '../../web/register/render.ts';
import { applyPlan, invalidate } from '../adapters/register-site.ts';
import { registerStore } from '../adapters/register-store.ts';
import { updateRegister } from '../core/register-update.ts';
import { count } from '../observability.ts';
import { task } from './task.ts';

export const update = /* @__PURE__ */ task('tasks/register.update', async (input: { full?: boolean } = {}) => {
  const done = await updateRegister(registerStore, { apply: applyPlan, invalidate }, registerRenderer, { full: input?.full === true });
  count('RegisterFilesWritten', done.files);
  return done;
});
