/**
 * Pieces the objection screens share: the grounds of UU 14/2008 Pasal 35(1) as letters, the
 * state badge, the names of timeline events, the body's time zone for instants in words and people by name.
 */
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import { OBJECTION_GROUND_TEXT, type Objection, type ObjectionGround, type ObjectionTimelineEvent } from '../types.ts';
import { usePeople } from './case-parts.tsx';
import { bodyAgencyOf } from './request-parts.tsx';

export const objectionStateKey = (s: Objection['state']) => `obj_state_${s}` as MessageKey;
export const objectionEventKey = (type: ObjectionTimelineEvent['type']) => `obj_ev_${type}` as MessageKey;

export function ObjectionStateBadge({ o }: { o: Pick<Objection, 'state'> }) {
  const { t } = useApp();
  return <span class={`badge obj-state-${o.state}`}>{t(objectionStateKey(o.state))}</span>;
}

/** The grounds as letters, each with its text on hover and for screen readers (abbr title). */
export function GroundLetters({ grounds }: { grounds: readonly ObjectionGround[] }) {
  const { pick } = useApp();
  return (
    <span class="ground-letters">
      {grounds.map((g, i) => (
        <span key={g}>
          {i > 0 && ', '}
          <abbr title={pick(OBJECTION_GROUND_TEXT[g])}>{g}</abbr>
        </span>
      ))}
    </span>
  );
}

/** The public body's zone: the objection's deadlines are counted, and shown, in it. */
export function useBodyZone(): string | undefined {
  const { agencies, timeZone } = useApp();
  return bodyAgencyOf(agencies)?.timezone ?? timeZone;
}

/** A person named on the objection by username: their name (the API sends the names), "the system", "the objector", or the username. */
export function usePeopleOf(o: Objection) {
  const { t } = useApp();
  const people = usePeople(o.people, o.request?.people);
  return (username?: string) => (username === 'pemohon' ? t('obj_by_objector') : people(username));
}

export const objectionPath = (o: Pick<Objection, 'objectionId'>, tail = '') => `/objections/${encodeURIComponent(o.objectionId)}${tail}`;
