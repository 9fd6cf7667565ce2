/**
 * Comparing a deadline rule with a standard (an SOP's Mutu Baku or a statutory limit), for the rules
 * page and for `PUT /api/settings/rules` (rule-standards.ts). Pure, and free of `date-words.ts`, so
 * the staff app runs the same comparison as the server while the admin types.
 *
 * Rules in different units are compared by counting both with the deadline calculator itself
 * (calendar.ts) from the same starts: every day of one week, at the start and at the end of the
 * day, on a calendar of weekends only. Holidays only lengthen working-day periods, so a rule that
 * may end after a working-day limit on that calendar may end after it in some real week too: the
 * check never lets through a rule that could overrun the limit.
 */
import { type DeadlineRule, deadline, endOfLocalDay } from './calendar.ts';

const ZONE = 'Asia/Jakarta';
const WEEKENDS_ONLY = { holidays: [] };
let starts: readonly Date[] | undefined;
/**
 * One week of starts (2026-01-05 is a Monday), each at 00:00:00 and at 23:59:59 local time; made at
 * the first comparison across units, not at import (the zone's first formatter loads ICU's data).
 */
function STARTS(): readonly Date[] {
  starts ??= Array.from({ length: 7 }, (_, i) => `2026-01-${String(5 + i).padStart(2, '0')}`).flatMap((day) => {
    const end = endOfLocalDay(day, ZONE);
    return [new Date(end.getTime() - 86_399_000), end];
  });
  return starts;
}

const endMs = (start: Date, rule: DeadlineRule) => Date.parse(deadline(start, rule, WEEKENDS_ONLY, ZONE).deadline);
const same = (a: DeadlineRule, b: DeadlineRule) => a.unit === b.unit && a.amount === b.amount;

/**
 * Whether `rule` may end later than `limit` from some start (`orAtSameTime`: or at the same
 * instant, for a reminder that must come before the limit).
 */
export function mayEndLater(rule: DeadlineRule, limit: DeadlineRule, orAtSameTime = false): boolean {
  if (rule.unit === limit.unit) return orAtSameTime ? rule.amount >= limit.amount : rule.amount > limit.amount;
  return STARTS().some((s) => {
    const a = endMs(s, rule);
    const b = endMs(s, limit);
    return orAtSameTime ? a >= b : a > b;
  });
}

/** How a rule stands against a standard: the same, looser (it may end later), or stricter. */
export function compareRule(rule: DeadlineRule, standard: DeadlineRule): 'same' | 'looser' | 'stricter' {
  if (same(rule, standard)) return 'same';
  return mayEndLater(rule, standard) ? 'looser' : 'stricter';
}

/**
 * How a rule departs from an SOP's Mutu Baku, if it does. `compareWith` is the Mutu Baku itself, or
 * the grace the system allows where the Mutu Baku is the act alone (SOP 002 step 2, "1 Menit":
 * reminders start after 1 working day): between the Mutu Baku and the grace is no departure.
 */
export function sopDeparture(rule: DeadlineRule, sop: { rule: DeadlineRule; compareWith: DeadlineRule }): 'looser' | 'stricter' | undefined {
  if (same(rule, sop.rule)) return undefined;
  const how = compareRule(rule, sop.compareWith);
  if (how === 'same' || (how === 'stricter' && !same(sop.compareWith, sop.rule))) return undefined;
  return how;
}

/** Whether a rule is looser than a statutory limit (`mustBeBefore`: a reminder that must come before it). */
export function breaksLimit(rule: DeadlineRule, limit: { rule: DeadlineRule; mustBeBefore?: boolean }): boolean {
  return mayEndLater(rule, limit.rule, limit.mustBeBefore);
}

/** "10 hari kerja" / "10 working days". */
export function ruleWords(rule: DeadlineRule): { id: string; en: string } {
  const [id, en] =
    rule.unit === 'minutes' ? ['menit', 'minute'] : rule.unit === 'calendarDays' ? ['hari kalender', 'calendar day'] : ['hari kerja', 'working day'];
  return { id: `${rule.amount} ${id}`, en: `${rule.amount} ${en}${rule.amount === 1 ? '' : 's'}` };
}
