/**
 * The register builder's task: after every publication (the last step of the Publication workflow)
 * and every withdrawal (the RegisterUpdate workflow), and `{ full: true }` for a full rebuild.
 */

import { registerRenderer } from '../../web/register/render.ts';
import { applyPlan, invalidate } from '../adapters/register-site.ts';
import { registerStore } from '../adapters/register-store.ts';
import { updateRegister } from '../core/register-update.ts';

export const update = (input: { full?: boolean } = {}) =>
  updateRegister(registerStore, { apply: applyPlan, invalidate }, registerRenderer, { full: input?.full === true });
