/**
 * The holiday calendar as data an admin maintains (DOMAIN.md: "The holiday calendar is data that an
 * admin maintains; changing it must recompute every open deadline, with an audit entry").
 * Open deadlines arrive with the request and publication workflows; each of them recomputes from
 * this calendar when it changes.
 */
import * as z from 'zod';
import { assertRole, type Principal } from './access.ts';
import { auditEvent } from './audit.ts';
import type { Holiday } from './calendar.ts';
import { recomputeOpenDeadlines } from './deadlines.ts';
import { fail, notFound } from './errors.ts';
import { SHIPPED_HOLIDAYS } from './holidays.ts';
import { agencyId } from './model.ts';
import type { Context } from './ports.ts';

export const HolidayInput = z.strictObject({
  name: z.string().trim().min(3).max(120),
  kind: z.enum(['national', 'cuti_bersama']),
  provisional: z.boolean().optional(),
});
export type HolidayInput = z.infer<typeof HolidayInput>;

export const DeadlineRequest = z.strictObject({
  start: z.iso.datetime({ offset: true }).meta({ description: 'When the clock starts (receipt), ISO-8601 with offset' }),
  rule: z.discriminatedUnion('unit', [
    z.object({ unit: z.literal('minutes'), amount: z.number().int().min(0).max(525_600) }),
    z.object({ unit: z.literal('calendarDays'), amount: z.number().int().min(0).max(366) }),
    z.object({ unit: z.literal('workingDays'), amount: z.number().int().min(0).max(250) }),
  ]),
  agencyId: agencyId.optional().meta({ description: "Whose time zone and work week to use; default: the caller's agency" }),
});
export type DeadlineRequest = z.infer<typeof DeadlineRequest>;

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function assertRealDate(date: string): void {
  const d = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    fail('validation', 'invalid_date', { date });
  }
}

/** Adds or changes a holiday, then recomputes every open deadline (unless told not to: loading a calendar). */
export async function putHoliday(ctx: Context, actor: Principal, date: string, input: HolidayInput, opts: { recompute?: boolean } = {}): Promise<Holiday> {
  assertRole(actor, ['admin']);
  assertRealDate(date);
  const [before] = (await ctx.store.listHolidays([yearOf(date)])).filter((h) => h.date === date);
  const after: Holiday = { date, ...input };
  await ctx.store.commit(
    [{ entity: 'holiday', value: after }],
    auditEvent({
      actor,
      action: before ? 'holiday.update' : 'holiday.create',
      entity: { type: 'holiday', id: date },
      agencyId: actor.agencyId,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  if (opts.recompute !== false) await recomputeOpenDeadlines(ctx, actor);
  return after;
}

export async function removeHoliday(ctx: Context, actor: Principal, date: string): Promise<void> {
  assertRole(actor, ['admin']);
  assertRealDate(date);
  const [before] = (await ctx.store.listHolidays([yearOf(date)])).filter((h) => h.date === date);
  if (!before) notFound('holiday_not_found', { date });
  await ctx.store.commit(
    [{ entity: 'holiday', delete: date }],
    auditEvent({
      actor,
      action: 'holiday.delete',
      entity: { type: 'holiday', id: date },
      agencyId: actor.agencyId,
      before,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  await recomputeOpenDeadlines(ctx, actor);
}

export interface CalendarCoverage {
  year: number;
  holidays: number;
  provisional: number;
  needsAttention: boolean;
  reason: string;
}

/** Whether next year's calendar is usable: present, and no longer provisional once the year is near. */
export function coverage(nextYear: number, holidays: Holiday[], today: string): CalendarCoverage {
  const ofYear = holidays.filter((h) => yearOf(h.date) === nextYear);
  const provisional = ofYear.filter((h) => h.provisional).length;
  const lateInYear = today >= `${nextYear - 1}-10-01`;
  let reason = 'ok';
  if (ofYear.length === 0) reason = 'missing';
  else if (provisional > 0 && lateInYear) reason = 'provisional';
  return { year: nextYear, holidays: ofYear.length, provisional, needsAttention: reason !== 'ok', reason };
}

/**
 * Loads the shipped national holidays and cuti bersama (functions/core/holidays.ts) for every year
 * whose calendar is still empty; a year an admin has already filled is never touched. Each holiday
 * is written with its audit event. Returns how many were written.
 */
export async function loadShippedHolidays(ctx: Context, actor: Principal): Promise<number> {
  let written = 0;
  const years = [...new Set(SHIPPED_HOLIDAYS.map((h) => yearOf(h.date)))];
  for (const year of years) {
    if ((await ctx.store.listHolidays([year])).length) continue;
    for (const { date, ...holiday } of SHIPPED_HOLIDAYS.filter((h) => yearOf(h.date) === year)) {
      await putHoliday(ctx, actor, date, holiday, { recompute: false });
      written++;
    }
  }
  return written;
}
