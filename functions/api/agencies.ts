import * as z from 'zod';
import { workflows } from '../adapters/workflow.ts';
import { agencyFound, createAgency, updateAgency } from '../core/agencies.ts';
import { Agency, AgencyPatch, agencyId, NewAgency } from '../core/model.ts';
import { endpoint } from './http.ts';

const withWorkflows = <T extends object>(ctx: T) => ({ ...ctx, workflows });

const AgencyParams = z.strictObject({ agencyId });

/** The agency directory (names, kinds, time zones) is not secret; every staff user may read it. */
export const list = /* @__PURE__ */ endpoint(
  () => ({ summary: 'List agencies: the PPID Utama unit first, then every SKPD by name', response: z.object({ items: z.array(Agency) }) }),
  async ({ ctx }) => ({ items: await ctx.store.listAgencies() }),
);

export const get = /* @__PURE__ */ endpoint(
  // Read with the caller's record (an agency is no secret to any staff user).
  () => ({ summary: 'Read one agency', params: AgencyParams, response: Agency, prefetch: ({ ctx, params }) => ctx.store.getAgency(params.agencyId) }),
  async ({ params, prefetched }) => agencyFound(params.agencyId, prefetched),
);

export const create = /* @__PURE__ */ endpoint(
  () => ({ summary: 'Create an agency (admin): the one PPID Utama unit, or an SKPD under it', body: NewAgency, response: Agency, status: 201 }),
  ({ ctx, principal, body }) => createAgency(withWorkflows(ctx), principal, body),
);

export const update = /* @__PURE__ */ endpoint(
  () => ({ summary: 'Change an agency (admin), with the version you read', params: AgencyParams, body: AgencyPatch, response: Agency }),
  ({ ctx, principal, params, body }) => updateAgency(withWorkflows(ctx), principal, params.agencyId, body),
);
