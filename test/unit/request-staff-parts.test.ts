/**
 * The staff app's request screens: the working days left before a deadline counted as the server
 * counts them (weekends, holidays, the day of the deadline itself), the lists the bundle copies
 * from the server, and a message in both languages for every key the screens build at run time.
 */
import { describe, expect, it } from 'vitest';
import { deadline } from '../../functions/core/calendar.ts';
import { CHANNELS, DECISIONS, DELIVERY_METHODS, OBTAIN_FORMS, REQUEST_STATES, REQUESTER_KINDS } from '../../functions/core/requests/model.ts';
import { messages } from '../../web/staff/src/i18n.ts';
import { workingDaysBetween } from '../../web/staff/src/pages/request-parts.tsx';
import * as web from '../../web/staff/src/types.ts';

const WEEK = [1, 2, 3, 4, 5];

describe('working days left', () => {
  it('counts the working days after today up to the deadline day, skipping weekends and holidays', () => {
    // Friday 2026-08-14 → the deadline Friday 2026-08-21; Monday 17 August is a national holiday.
    expect(workingDaysBetween('2026-08-14', '2026-08-21', new Set(['2026-08-17']), WEEK)).toBe(4);
    expect(workingDaysBetween('2026-08-14', '2026-08-21', new Set(), WEEK)).toBe(5);
    expect(workingDaysBetween('2026-08-21', '2026-08-21', new Set(), WEEK)).toBe(0);
    // Past: the working days since the deadline day, negative.
    expect(workingDaysBetween('2026-08-25', '2026-08-21', new Set(), WEEK)).toBe(-2);
  });

  it('agrees with the server: on the day of receipt, 10 working days are left', () => {
    const holidays = [{ date: '2026-08-17', name: 'Hari Kemerdekaan', kind: 'national' as const }];
    const d = deadline(new Date('2026-08-12T03:00:00Z'), { unit: 'workingDays', amount: 10 }, { holidays, workWeek: WEEK }, 'Asia/Pontianak');
    expect(workingDaysBetween('2026-08-12', d.localDeadline.slice(0, 10), new Set(['2026-08-17']), WEEK)).toBe(10);
  });
});

describe('the lists the bundle copies from the server', () => {
  it('are the same', () => {
    expect([...web.REQUEST_STATES]).toEqual([...REQUEST_STATES]);
    expect([...web.REQUESTER_KINDS]).toEqual([...REQUESTER_KINDS]);
    expect([...web.OBTAIN_FORMS]).toEqual([...OBTAIN_FORMS]);
    expect([...web.DELIVERY_METHODS]).toEqual([...DELIVERY_METHODS]);
    expect([...web.DECISIONS]).toEqual([...DECISIONS]);
    expect(CHANNELS.filter((c) => c !== 'online')).toEqual([...web.DESK_CHANNELS]);
  });
});

describe('messages built at run time', () => {
  it('exist in Bahasa Indonesia and English', () => {
    const events = [
      'received',
      'registered',
      'routed',
      'not_held',
      'part_answered',
      'extended',
      'clarification_asked',
      'clarification_answered',
      'notice_issued',
      'reminded',
      'escalated',
      'delivered',
      'closed',
      'personal_data_erased',
    ];
    const keys = [
      ...REQUEST_STATES.map((s) => `rq_state_${s}`),
      ...CHANNELS.map((c) => `rq_channel_${c}`),
      ...OBTAIN_FORMS.map((o) => `rq_obtain_${o}`),
      ...DELIVERY_METHODS.map((m) => `rq_delivery_${m}`),
      ...DECISIONS.flatMap((d) => [`rq_decision_${d}`, `rq_decision_${d}_hint`]),
      ...REQUESTER_KINDS.map((k) => `rq_kind_${k}`),
      ...events.map((e) => `rq_ev_${e}`),
      ...['delivered', 'refused', 'not_held'].map((r) => `rq_closed_${r}`),
      ...['request_new', 'request_part', 'request_delivery'].map((b) => `box_${b}`),
    ];
    const table = messages as Record<string, { id: string; en: string }>;
    const missing = keys.filter((k) => !table[k]?.id || !table[k]?.en);
    expect(missing).toEqual([]);
  });
});
