/**
 * Tasks of statemachines/reports.asl.json (the ReportJobs state machine), started every morning by
 * the DailyReportJobs schedule with `{ scheduledTime }`. The use cases are in
 * functions/core/reports/jobs.ts; each task takes its clock from the schedule's time (not the
 * machine's), so a retried or replayed run is the same run.
 */
import type { JobUnit } from '../core/reports/jobs.ts';
import { annualJob, issueUnit, mailUnits, planJobs } from '../core/reports/jobs.ts';
import { count } from '../observability.ts';
import { taskContext } from './context.ts';
import { task } from './task.ts';

export interface ScheduledInput {
  scheduledTime?: string;
}

/** The context with the run's clock: the scheduled time, when it is a valid instant. */
function runContext(input: ScheduledInput) {
  const ctx = taskContext();
  const at = input?.scheduledTime ? new Date(input.scheduledTime) : undefined;
  if (!at || Number.isNaN(at.getTime())) throw new Error(`scheduledTime is missing or not an instant: ${String(input?.scheduledTime)}`);
  return { ...ctx, now: at, requestId: `report-jobs-${input.scheduledTime}` };
}

export const plan = /* @__PURE__ */ task('tasks/reports.plan', (input: ScheduledInput) => planJobs(runContext(input)));

export const issue = /* @__PURE__ */ task('tasks/reports.issue', async (input: ScheduledInput & { unit: JobUnit }) => {
  const issued = await issueUnit(runContext(input), input.unit);
  count('ReportsIssued', issued.created ? 1 : 0);
  return issued;
});

export const mail = /* @__PURE__ */ task('tasks/reports.mail', (input: ScheduledInput & { units: JobUnit[] }) =>
  mailUnits(runContext(input), input.units ?? []),
);

export const annual = /* @__PURE__ */ task('tasks/reports.annual', (input: ScheduledInput) => annualJob(runContext(input)));
