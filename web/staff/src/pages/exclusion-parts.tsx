/** Pieces the exclusion screens (SOP 002, the DIK) share: state labels, the legal basis, the period, the timing table. */
import { type DateWriter, endsAfterWords, untilWords } from '../../../../functions/core/exclusion-end.ts';
import { useApp } from '../context.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { type MessageKey, PASAL_17_TEXT } from '../i18n.ts';
import type { Exclusion, ExclusionState, LegalBasis } from '../types.ts';
import { StepTimingSection } from './step-timing.tsx';

export const exStateKey = (s: ExclusionState) => `ex_state_${s}` as MessageKey;

/** The state as a readable badge; `approved` with a decree is the short moment SetDik runs. */
export function ExclusionBadge({ ex }: { ex: Pick<Exclusion, 'state'> }) {
  const { t } = useApp();
  return <span class={`badge ex-${ex.state.replace('_', '-')}`}>{t(exStateKey(ex.state))}</span>;
}

/** The end date of an exclusion: the DIK's once set, else the proposed one; none for Pasal 17 g/h. */
export function untilOf(ex: Exclusion): string | undefined {
  return ex.dik ? ex.dik.until : ex.test.period.until;
}

/**
 * The staff app's dates for the end of an exclusion (functions/core/exclusion-end.ts, inclusive):
 * the same texts as the PDFs and the register, "sampai dengan 30 Juni 2027" and "berakhir setelah
 * Selasa, 30 Juni 2027 pukul 23.59 WIB", written with this app's Intl helpers.
 */
export const staffDates: DateWriter = {
  date: (date, lang) => formatDate(lang, date, false),
  dateTime: (instant, timeZone, lang) => formatDateTime(lang, instant, timeZone, true),
};

/** "sampai dengan 30 Juni 2027" / "up to and including 30 June 2027". */
export function UntilWords({ until }: { until: string }) {
  const { lang } = useApp();
  return <time dateTime={until}>{untilWords(until, lang, staffDates)}</time>;
}

/** "berakhir setelah Selasa, 30 Juni 2027 pukul 23.59 WIB", in the agency's zone. */
export function endsAfterText(until: string, timeZone: string, lang: 'id' | 'en'): string {
  return endsAfterWords(until, timeZone, lang, staffDates);
}

/** The end date alone (under a heading that says "sampai dengan"), or "no time limit". */
export function UntilText({ ex }: { ex: Exclusion }) {
  const { t, lang } = useApp();
  const until = untilOf(ex);
  return until ? <time dateTime={until}>{formatDate(lang, until, false)}</time> : t('no_time_limit');
}

/** The legal basis as a list: each Pasal 17 letter with its ground, then each other law. */
export function LegalBasisList({ basis }: { basis: LegalBasis }) {
  const { t, pick } = useApp();
  return (
    <ul class="plain-list">
      {basis.pasal17.map((l) => (
        <li key={l}>{t('ex_pasal17_line', { l, text: pick(PASAL_17_TEXT[l]) })}</li>
      ))}
      {basis.otherLaws.map((o) => (
        <li key={`${o.law}|${o.article}`}>
          {o.law}, {o.article}
        </li>
      ))}
    </ul>
  );
}

/** SOP 002 steps as they happened, against the Mutu Baku (as the item page shows SOP 000). */
export function ExclusionTiming({ ex }: { ex: Exclusion }) {
  const { t, agencyTimeZone } = useApp();
  return (
    <StepTimingSection
      id="ex-timing-h"
      title={t('ex_timing_title')}
      caption={t('ex_timing_caption')}
      note={t('ex_timing_note')}
      steps={[...ex.steps].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.sopStep - b.sopStep)}
      timeZone={agencyTimeZone(ex.agencyId)}
      stepLabel={(s) => t(`ex_step_${s.step}` as MessageKey)}
    />
  );
}
