import * as z from 'zod';
import { actsForWholeBody, listScope } from '../core/access.ts';
import { withEntityLabels } from '../core/audit.ts';
import { agencyId, PageQuery, page } from '../core/model.ts';
import { endpoint } from './http.ts';

const AuditEventSchema = z.object({
  eventId: z.string(),
  at: z.string(),
  actor: z.object({ username: z.string(), role: z.string(), agencyId: z.string() }),
  action: z.string(),
  entity: z.object({
    type: z.string(),
    id: z.string(),
    label: z.string().optional().meta({ description: "What people read for the record: number and title, a user's or agency's name" }),
  }),
  agencyId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string(),
  reason: z.string().optional(),
});

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'bulan dalam format TTTT-BB / month as YYYY-MM');

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Read the audit trail, newest first',
    description:
      "Admin and PPID Utama read every agency's events (by agency, by month across agencies, or by entity); every other role reads its own agency's events only.",
    query: PageQuery.extend({
      agencyId: agencyId.optional(),
      month: month.optional().meta({ description: 'YYYY-MM; without agencyId, default the current month' }),
      entityType: z.string().max(40).optional(),
      entityId: z.string().max(200).optional(),
    }),
    response: page(AuditEventSchema),
  }),
  async ({ ctx, principal, query }) => {
    const { entityType, entityId, ...rest } = query;
    if (entityType && entityId) {
      // An entity's history mixes agencies only for body-wide readers; others see their agency's part.
      const result = await ctx.store.listAudit({ entity: { type: entityType, id: entityId }, cursor: rest.cursor, limit: rest.limit });
      const items = actsForWholeBody(principal) ? result.items : result.items.filter((e) => e.agencyId === principal.agencyId);
      return { ...result, items: await withEntityLabels(ctx.store, items) };
    }
    const scoped = listScope(principal, rest.agencyId);
    const result = await ctx.store.listAudit({ ...rest, agencyId: scoped, month: rest.month ?? (scoped ? undefined : ctx.now.toISOString().slice(0, 7)) });
    return { ...result, items: await withEntityLabels(ctx.store, result.items) };
  },
);
