import { getAgency } from './agencies.ts';
import { type DeadlineResult, deadline } from './calendar.ts';
import { fail } from './errors.ts';
import type { Context, DeadlineRule } from './ports.ts';

/** Deadline for an agency: its time zone and work week, the body's holiday calendar. */
export async function agencyDeadline(ctx: Context, agencyId: string, start: Date, rule: DeadlineRule): Promise<DeadlineResult> {
  const agency = await getAgency(ctx, agencyId);
  const startYear = start.getUTCFullYear();
  // A year of working days can never run past the next year's end, so two years of holidays suffice.
  const holidays = await ctx.store.listHolidays([startYear - 1, startYear, startYear + 1, startYear + 2]);
  try {
    return deadline(start, rule, { holidays, workWeek: agency.workWeek }, agency.timezone);
  } catch (e) {
    if (e instanceof RangeError) fail('validation', 'deadline_invalid', { reason: e.message });
    throw e;
  }
}
