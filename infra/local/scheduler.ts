/**
 * The local EventBridge Scheduler: the same schedules (infra/system.ts) on a timer, each tick
 * starting its state machine with `{ scheduledTime }`, as the AWS schedule target does.
 * Expressions: `rate(N minute|minutes|hour|hours|day|days)` and
 * `cron(minutes hours day-of-month month day-of-week year)` with *, ?, lists, ranges and steps,
 * evaluated in the schedule's time zone. (L, W and # are not used by this system and are refused.)
 */
import { wallClock } from '../../functions/core/calendar.ts';
import type { ScheduleDecl } from '../system.ts';

const DOW: Record<string, number> = { SUN: 1, MON: 2, TUE: 3, WED: 4, THU: 5, FRI: 6, SAT: 7 };
const MON: Record<string, number> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };

function field(spec: string, min: number, max: number, names: Record<string, number> = {}): Set<number> | 'any' {
  if (spec === '*' || spec === '?') return 'any';
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    if (/[LW#]/.test(part)) throw new Error(`cron field "${spec}" is not supported locally`);
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    const value = (t: string) => names[t.toUpperCase()] ?? Number(t);
    let [lo, hi] = range === '*' ? [min, max] : range.split('-').map(value);
    hi ??= stepText ? max : lo;
    if ([lo, hi, step].some((n) => !Number.isInteger(n)) || lo < min || hi > max || step < 1) throw new Error(`cron field "${spec}" is out of range`);
    for (let v = lo; v <= hi; v += step) out.add(v);
  }
  return out;
}

const has = (f: Set<number> | 'any', v: number) => f === 'any' || f.has(v);

/** The local fields of an instant that a cron expression names; `dow` as cron counts (SUN = 1). */
function localParts(at: Date, timeZone: string) {
  const w = wallClock(at.getTime(), timeZone);
  return { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, dow: new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 1 };
}

/** The first time strictly after `after` that the expression fires. */
export function nextFire(expression: string, timeZone: string, after: Date): Date {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const unit = rate[2].startsWith('minute') ? 60_000 : rate[2].startsWith('hour') ? 3_600_000 : 86_400_000;
    return new Date(after.getTime() + Number(rate[1]) * unit);
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (!cron) throw new Error(`Unsupported schedule expression: ${expression}`);
  const f = cron[1].trim().split(/\s+/);
  if (f.length !== 6) throw new Error(`cron needs 6 fields: ${expression}`);
  const [mi, ho, dom, mo, dow, yr] = [
    field(f[0], 0, 59),
    field(f[1], 0, 23),
    field(f[2], 1, 31),
    field(f[3], 1, 12, MON),
    field(f[4], 1, 7, DOW),
    field(f[5], 1970, 2199),
  ];
  let t = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
  const limit = t + 366 * 86_400_000 * 2;
  for (; t < limit; t += 60_000) {
    const p = localParts(new Date(t), timeZone);
    if (!has(mo, p.month) || !has(yr, p.year) || !has(dom, p.day) || !has(dow, p.dow)) {
      t += (23 * 60 + (59 - p.minute)) * 60_000 - p.hour * 3_600_000; // jump to the local day's end
      continue;
    }
    if (has(ho, p.hour) && has(mi, p.minute)) return new Date(t);
  }
  throw new Error(`${expression} never fires in the next two years`);
}

export class LocalScheduler {
  private timers = new Map<string, NodeJS.Timeout>();
  readonly next = new Map<string, Date>();

  constructor(
    private readonly schedules: readonly ScheduleDecl[],
    private readonly fire: (s: ScheduleDecl, scheduledTime: Date) => void,
  ) {}

  /** Schedules as this host runs them, for the parity test: `<id>:<stateMachineId>`. */
  surface(): string[] {
    return this.schedules.map((s) => `${s.id}:${s.target.stateMachine}`);
  }

  start(now = new Date()): void {
    for (const s of this.schedules) this.arm(s, now);
  }

  private arm(s: ScheduleDecl, after: Date): void {
    const at = nextFire(s.expression, s.timezone, after);
    this.next.set(s.id, at);
    // setTimeout holds at most ~24.8 days; re-arm in steps for longer waits.
    const delay = Math.min(at.getTime() - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(
      () => {
        if (Date.now() >= at.getTime()) {
          this.fire(s, at);
          this.arm(s, at);
        } else this.arm(s, new Date(at.getTime() - 60_000));
      },
      Math.max(0, delay),
    );
    timer.unref();
    this.timers.set(s.id, timer);
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
