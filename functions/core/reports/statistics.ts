/**
 * The statistics the reports print (and the dashboard's median): pure functions of integer samples.
 *
 * Times are counted in working days on the body's calendar (`workingDaysBetween` in calendar.ts: the
 * day of receipt is day 0, so a request received on Monday and answered on Wednesday took 2 working
 * days). The issue asks for the median, the p90 and the maximum, never the mean alone, and for the
 * time the body waited on the requester (clarification) to be shown apart from the time it took.
 *
 * - median: the middle sample of the sorted list; with an even count, the mean of the two middle ones
 *   (so it may end in .5).
 * - p90: nearest rank: the sample at rank ⌈0.9 × n⌉ of the sorted list (1-based): always a sample,
 *   never interpolated, so "90% of the requests took at most this many working days" is literally true.
 * - max, mean (rounded to one decimal), count.
 * Every statistic of an empty list is `undefined` (the reports print "–"), except the count (0).
 */
import { localDateOf, type WorkCalendar, workingDaysBetween } from '../calendar.ts';

export interface Summary {
  count: number;
  median?: number;
  p90?: number;
  max?: number;
  mean?: number;
}

const sorted = (samples: readonly number[]) => [...samples].sort((a, b) => a - b);

function assertSamples(samples: readonly number[]): void {
  for (const s of samples) if (!Number.isFinite(s)) throw new RangeError(`statistics: not a finite number: ${s}`);
}

export function median(samples: readonly number[]): number | undefined {
  assertSamples(samples);
  if (samples.length === 0) return undefined;
  const s = sorted(samples);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** The nearest-rank percentile `p` (0 < p ≤ 100): the sample at rank ⌈p/100 × n⌉. */
export function percentile(samples: readonly number[], p: number): number | undefined {
  assertSamples(samples);
  if (!(p > 0 && p <= 100)) throw new RangeError(`statistics: percentile must be in (0, 100]: ${p}`);
  if (samples.length === 0) return undefined;
  const s = sorted(samples);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!;
}

export const p90 = (samples: readonly number[]) => percentile(samples, 90);

export function max(samples: readonly number[]): number | undefined {
  assertSamples(samples);
  return samples.length === 0 ? undefined : samples.reduce((m, x) => (x > m ? x : m), samples[0]!);
}

/** The mean, rounded to one decimal. */
export function mean(samples: readonly number[]): number | undefined {
  assertSamples(samples);
  if (samples.length === 0) return undefined;
  return Math.round((samples.reduce((s, x) => s + x, 0) / samples.length) * 10) / 10;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { count: 0 };
  return { count: samples.length, median: median(samples), p90: p90(samples), max: max(samples), mean: mean(samples) };
}

/** The share `part / whole` in percent with one decimal, or undefined when `whole` is 0. */
export function share(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : Math.round((part / whole) * 1000) / 10;
}

/**
 * Working days the body waited on the requester: for each clarification, from the local date it was
 * asked (day 0) to the local date it was answered, or, if it never was, to `until` (the notice, or
 * the report's as-of instant). Overlapping questions are counted once per working day.
 */
export function clarificationWorkingDays(
  clarifications: readonly { askedAt: string; answeredAt?: string }[],
  until: string,
  timeZone: string,
  calendar: WorkCalendar,
): number {
  const spans = clarifications
    .map((c) => {
      const from = localDateOf(new Date(c.askedAt), timeZone);
      const end = c.answeredAt && c.answeredAt < until ? c.answeredAt : until;
      return [from, localDateOf(new Date(end), timeZone)] as const;
    })
    .filter(([from, to]) => to > from)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  // Merge overlapping spans so a day is not counted twice.
  let total = 0;
  let current: [string, string] | undefined;
  for (const [from, to] of spans) {
    if (current && from <= current[1]) {
      if (to > current[1]) current[1] = to;
      continue;
    }
    if (current) total += workingDaysBetween(current[0], current[1], calendar);
    current = [from, to];
  }
  if (current) total += workingDaysBetween(current[0], current[1], calendar);
  return total;
}
