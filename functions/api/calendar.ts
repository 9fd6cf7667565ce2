import * as z from 'zod';
import { workflows } from '../adapters/workflow.ts';
import { agencyDeadline } from '../core/agency-deadline.ts';
import { DeadlineRequest, HolidayInput, putHoliday, removeHoliday } from '../core/holiday-calendar.ts';
import { isoDate } from '../core/model.ts';
import { endpoint } from './http.ts';

const HolidaySchema = z.object({ date: z.string(), name: z.string(), kind: z.enum(['national', 'cuti_bersama']), provisional: z.boolean().optional() });

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Holidays of one year: national holidays (libur nasional) and cuti bersama',
    params: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: z.object({ year: z.number(), items: z.array(HolidaySchema) }),
  }),
  async ({ ctx, params }) => ({ year: params.year, items: await ctx.store.listHolidays([params.year]) }),
);

export const put = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Add or change a holiday (admin); every open deadline is recomputed; audited',
    params: z.strictObject({ date: isoDate }),
    body: HolidayInput,
    response: HolidaySchema,
  }),
  ({ ctx, principal, params, body }) => putHoliday({ ...ctx, workflows }, principal, params.date, body),
);

export const remove = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Remove a holiday (admin); every open deadline is recomputed; audited',
    params: z.strictObject({ date: isoDate }),
    response: z.null(),
    status: 204,
  }),
  async ({ ctx, principal, params }) => {
    await removeHoliday({ ...ctx, workflows }, principal, params.date);
    return undefined;
  },
);

export const deadline = /* @__PURE__ */ endpoint(
  () => ({
    summary: "Compute a deadline in an agency's time zone and work week, with the explanation of the days skipped",
    body: DeadlineRequest,
    response: z.object({
      deadline: z.string().meta({ description: 'UTC instant' }),
      localDeadline: z.string().meta({ description: "The same instant in the agency's time zone" }),
      timezone: z.string(),
      startLocalDate: z.string(),
      countedDays: z.array(z.string()),
      skipped: z.array(z.object({ date: z.string(), reason: z.string(), name: z.string(), provisional: z.boolean().optional() })),
      explanation: z.object({ id: z.string(), en: z.string() }),
    }),
  }),
  // An agency's time zone and work week are not secret: any staff user may compute for any agency.
  ({ ctx, principal, body }) => agencyDeadline(ctx, body.agencyId ?? principal.agencyId, new Date(body.start), body.rule),
);
