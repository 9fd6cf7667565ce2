/**
 * Pieces the objection screens share: the grounds of UU 14/2008 Pasal 35(1) with their text, the
 * state badge, the names of timeline events, the body's time zone for instants in words, and the
 * short-lived links to an objection's files.
 */
import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import type { Objection, ObjectionGround, ObjectionTimelineEvent, Text } from '../types.ts';
import { bodyAgencyOf } from './request-parts.tsx';

/**
 * The grounds as the law words them: a copy of functions/core/objections/model.ts GROUND_TEXT (the
 * browser bundle takes no server code; test/e2e/objection-staff.test.ts checks that the two agree).
 */
export const OBJECTION_GROUND_TEXT: Record<ObjectionGround, Text> = {
  a: { id: 'Penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)', en: 'The request was refused under an exclusion (Pasal 17)' },
  b: { id: 'Tidak disediakannya informasi berkala (Pasal 9)', en: 'Periodic information (Pasal 9) was not provided' },
  c: { id: 'Tidak ditanggapinya permintaan informasi', en: 'The request was not answered' },
  d: { id: 'Permintaan informasi ditanggapi tidak sebagaimana yang diminta', en: 'The request was answered otherwise than asked' },
  e: { id: 'Tidak dipenuhinya permintaan informasi', en: 'The request was not fulfilled' },
  f: { id: 'Pengenaan biaya yang tidak wajar', en: 'Unreasonable fees were charged' },
  g: { id: 'Penyampaian informasi yang melebihi waktu yang diatur dalam Undang-Undang', en: 'The information was delivered later than the law allows' },
};

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

/** A person named on the objection by username: their name (the API sends the names), "the system", or the username. */
export function usePeopleOf(o: Objection) {
  const { t } = useApp();
  return (username?: string) =>
    !username
      ? ''
      : username === 'system'
        ? t('rq_by_system')
        : username === 'pemohon'
          ? t('obj_by_objector')
          : (o.people?.[username] ?? o.request?.people?.[username] ?? username);
}

/** Opens a file through its short-lived link: `/objections/{id}/files/…` or `/requests/{id}/files/…`. */
export function useFileLink() {
  const { api } = useApp();
  const [error, setError] = useState<unknown>(null);
  const open = async (path: string) => {
    setError(null);
    try {
      const { url } = await api.get<{ url: string }>(path);
      window.location.assign(url);
    } catch (e) {
      setError(e);
    }
  };
  return { open, error };
}

/**
 * The server's explanation of a deadline for people: the exact instants it adds in parentheses for
 * the record ("(2027-01-18T23:59:59+07:00; UTC …)") are left out, the day and time are in words.
 */
export const readableExplanation = (text: string) => text.replace(/\s*\(\d{4}-\d{2}-\d{2}T[^)]*\)/g, '');

export const objectionPath = (o: Pick<Objection, 'objectionId'>, tail = '') => `/objections/${encodeURIComponent(o.objectionId)}${tail}`;
