/**
 * The dashboard's counters as pure functions: what a record contributes, how a change moves the
 * counters (after − before, merged per counter record), the recount, and the histograms' summaries.
 */
import { describe, expect, it } from 'vitest';
import { BODY, contributions, counterDeltas, NOW, recount, zonesOf } from '../../functions/core/reports/counters.ts';
import { histogramSummary, monthsBetween } from '../../functions/core/reports/dashboard.ts';
import type { Request } from '../../functions/core/requests/model.ts';
import { agencyRecord } from '../support/fixtures.ts';

const zones = zonesOf([
  agencyRecord('diskominfo', 'Diskominfo', 'ppid_utama'),
  agencyRecord('dinkes', 'Dinkes'),
  agencyRecord('papua', 'Dinas Papua', 'skpd', { timezone: 'Asia/Jayapura' }),
]);

const request = (over: Partial<Request> = {}): Request =>
  ({
    requestId: '2026-00001',
    number: 'PMH/2026/00001',
    year: 2026,
    sequence: 1,
    state: 'registered',
    receivedOn: '2026-03-31',
    receivedAt: '2026-03-31T09:00:00.000Z',
    deadline: {
      at: '2026-04-14T16:59:59.000Z',
      local: '2026-04-14T23:59:59+07:00',
      explanation: { id: '', en: '' },
      rule: { unit: 'workingDays', amount: 10 },
    },
    escalations: 0,
    parts: [],
    clarifications: [],
    inbox: [],
    documents: [],
    timeline: [],
    version: 1,
    ...over,
  }) as Request;

const cell = (cells: ReturnType<typeof contributions>, month: string, agency: string) => Object.fromEntries(cells.get(`${month}|${agency}`) ?? []);

describe('counters', () => {
  it('a request counts once for the body and once for each SKPD it was routed to, in the body zone', () => {
    const routed = request({ parts: [{ agencyId: 'dinkes' }, { agencyId: 'papua' }] as Request['parts'] });
    const c = contributions({ entity: 'request', value: routed }, zones);
    expect(cell(c, '2026-03', BODY)).toEqual({ req_in: 1 });
    expect(cell(c, '2026-03', 'dinkes')).toEqual({ req_in: 1 });
    expect(cell(c, '2026-03', 'papua')).toEqual({ req_in: 1 });
    expect(cell(c, NOW, BODY)).toEqual({ req_open: 1 });
    // Answered at 23.30 WIB on 30 April (16.30 UTC): April in the body's zone, whatever the SKPD's zone.
    const answered = request({
      ...routed,
      escalatedAt: '2026-04-15T01:00:00.000Z',
      outcome: { held: true, decision: 'partial', cost: 0, answeredAt: '2026-04-30T16:30:00.000Z', workingDays: 13 },
    });
    const a = contributions({ entity: 'request', value: answered }, zones);
    expect(cell(a, '2026-04', 'papua')).toEqual({ req_ans: 1, req_late: 1, req_partial: 1, req_wd_13: 1 });
    expect(a.has(`${NOW}|${BODY}`)).toBe(false);
  });

  it('a change moves the counters by after − before, merged per counter record, zeros dropped', () => {
    const before = request({ parts: [{ agencyId: 'dinkes' }] as Request['parts'], escalatedAt: '2026-04-15T01:00:00.000Z' });
    const after = request({ ...before, outcome: { held: true, decision: 'granted', cost: 0, answeredAt: '2026-04-10T03:00:00.000Z', workingDays: 7 } });
    const deltas = counterDeltas([{ before: { entity: 'request', value: before }, after: { entity: 'request', value: after } }], zones);
    expect(deltas).toEqual([
      { month: '2026-04', agencyId: BODY, increments: { req_ans: 1, req_ontime: 1, req_granted: 1, req_wd_7: 1 } },
      { month: '2026-04', agencyId: 'dinkes', increments: { req_ans: 1, req_ontime: 1, req_granted: 1, req_wd_7: 1 } },
      { month: NOW, agencyId: BODY, increments: { req_open: -1, req_overdue: -1 } },
      { month: NOW, agencyId: 'dinkes', increments: { req_open: -1, req_overdue: -1 } },
    ]);
    // An unchanged record moves nothing.
    expect(counterDeltas([{ before: { entity: 'request', value: after }, after: { entity: 'request', value: after } }], zones)).toEqual([]);
  });

  it('the recount is the sum of the contributions, and equals the moves applied from nothing', () => {
    const a = request();
    const b = request({ requestId: '2026-00002', receivedOn: '2026-05-02', parts: [{ agencyId: 'dinkes' }] as Request['parts'] });
    const fromMoves = counterDeltas([{ after: { entity: 'request', value: a } }, { after: { entity: 'request', value: b } }], zones);
    expect(
      recount(
        [
          { entity: 'request', value: a },
          { entity: 'request', value: b },
        ],
        zones,
      ),
    ).toEqual(fromMoves);
  });

  it('summarises a histogram as the samples it counts: median of an even count, nearest-rank p90, max', () => {
    expect(histogramSummary(new Map())).toEqual({ count: 0 });
    expect(
      histogramSummary(
        new Map([
          [2, 1],
          [4, 1],
          [9, 2],
        ]),
      ),
    ).toMatchObject({ count: 4, median: 6.5, p90: 9, max: 9 });
    expect(
      histogramSummary(
        new Map([
          [0, 9],
          [10, 1],
        ]),
      ),
    ).toMatchObject({ count: 10, median: 0, p90: 0, max: 10 });
    expect(histogramSummary(new Map([[3, 5]]))).toMatchObject({ count: 5, median: 3, p90: 3, max: 3 });
  });

  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
