/**
 * The dashboard (SOP 001 step 1): one row per agency and a total row from the counters kept in the
 * same transaction as each change (functions/core/reports/dashboard.ts). PPID Utama, the admin and the
 * Atasan PPID see every agency; a PPID Pelaksana and the Petugas see their own SKPD.
 */
import * as z from 'zod';
import { DashboardQuery, dashboard } from '../core/reports/dashboard.ts';
import { endpoint } from './http.ts';

const Text = z.object({ id: z.string(), en: z.string() });
const Summary = z.object({
  count: z.number(),
  median: z.number().optional(),
  p90: z.number().optional(),
  max: z.number().optional(),
  mean: z.number().optional(),
});
const Row = z.object({
  agencyId: z.string(),
  name: z.string(),
  dip: z.object({
    published: z.object({ berkala: z.number(), serta_merta: z.number(), setiap_saat: z.number(), total: z.number() }),
    changedThisMonth: z.number(),
    changesInPeriod: z.number(),
    lastChange: z.string().optional(),
    stale: z.boolean().meta({ description: 'No DIP change for more than a month (the DIP must be updated at least monthly)' }),
    waiting: z.number(),
    waitingOverdue: z.number(),
  }),
  requests: z.object({
    received: z.number(),
    inProgress: z.number(),
    answered: z.number(),
    onTime: z.number(),
    late: z.number(),
    overdueNow: z.number(),
    granted: z.number(),
    partial: z.number(),
    refused: z.number(),
    notHeld: z.number(),
    noticeDays: Summary.meta({ description: 'Working days from receipt to the written notice' }),
  }),
  objections: z.object({ received: z.number(), answered: z.number(), open: z.number(), overdueNow: z.number() }),
  disputes: z.object({ filed: z.number(), open: z.number() }),
  dik: z.object({ inForce: z.number(), endingWithin30Days: z.number() }),
});
const Compliance = z.object({
  done: z.number(),
  withStandard: z.number(),
  withinStandard: z.number(),
  share: z.number().optional(),
  medianMinutes: z.number().optional(),
});

export const DashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  periodText: Text,
  agencyId: z.string().optional(),
  asOf: z.string(),
  today: z.string(),
  rows: z.array(Row),
  total: Row,
  trend: z.array(
    z.object({ month: z.string(), requestsReceived: z.number(), requestsAnswered: z.number(), dipPublications: z.number(), objectionsReceived: z.number() }),
  ),
  sop: z.array(
    z.object({
      sop: z.string(),
      step: z.string(),
      sopStep: z.number(),
      name: Text,
      standardText: z.string(),
      rows: z.array(Compliance.extend({ agencyId: z.string() })),
      total: Compliance,
    }),
  ),
  reads: z.number().meta({ description: 'DynamoDB Queries made: one per month of the period, plus the gauges and the last two months' }),
});

export const get = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The dashboard: per agency and in total, for a period of months (SOP 001)',
    description:
      'Read from the counters kept in the same transaction as each change: the cost is one Query per month, whatever the number of items and requests. Times are working days on the body calendar.',
    query: DashboardQuery,
    response: DashboardSchema,
  }),
  ({ ctx, principal, query }) => dashboard(ctx, principal, query),
);
