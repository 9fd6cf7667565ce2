/** Pieces the exclusion screens (SOP 002, the DIK) share: state labels, the legal basis, the period, the timing table. */
import { useApp } from '../context.ts';
import { formatDate, formatDateTime, formatDuration } from '../format.ts';
import { type MessageKey, PASAL_17_TEXT } from '../i18n.ts';
import type { Exclusion, ExclusionState, LegalBasis, StepTiming } from '../types.ts';

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

const STANDARD_EN: Record<string, string> = { Tentatif: 'Tentative', '1 Menit': '1 minute', '1 Minggu': '1 week' };

/** SOP 002 steps as they happened, against the Mutu Baku (as the item page shows SOP 000). */
export function ExclusionTiming({ ex }: { ex: Exclusion }) {
  const { t, lang, agencyTimeZone } = useApp();
  const zone = agencyTimeZone(ex.agencyId);
  const steps = [...ex.steps].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.sopStep - b.sopStep);
  return (
    <section class="panel" aria-labelledby="ex-timing-h">
      <h2 id="ex-timing-h">{t('ex_timing_title')}</h2>
      {steps.length === 0 ? (
        <p>{t('timing_empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="timing">
            <caption>{t('ex_timing_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('col_step')}</th>
                <th scope="col">{t('col_start')}</th>
                <th scope="col">{t('col_end')}</th>
                <th scope="col">{t('col_duration')}</th>
                <th scope="col">{t('col_standard')}</th>
                <th scope="col">{t('col_met')}</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={`${s.step}-${s.startedAt}`}>
                  <th scope="row">
                    {t(`ex_step_${s.step}` as MessageKey)}
                    {s.by && <span class="sub-line">{s.by}</span>}
                  </th>
                  <td>
                    <time dateTime={s.startedAt}>{formatDateTime(lang, s.startedAt, zone)}</time>
                  </td>
                  <td>{s.endedAt ? <time dateTime={s.endedAt}>{formatDateTime(lang, s.endedAt, zone)}</time> : '—'}</td>
                  <td class="nowrap">{s.seconds !== undefined ? formatDuration(lang, s.seconds) : '—'}</td>
                  <td class="nowrap">{lang === 'en' ? (STANDARD_EN[s.standardText] ?? s.standardText) : s.standardText}</td>
                  <td>
                    <Met step={s} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hint">{t('ex_timing_note')}</p>
    </section>
  );
}

function Met({ step }: { step: StepTiming }) {
  const { t } = useApp();
  if (!step.endedAt) return <span class="badge state-submitted">{t('met_running')}</span>;
  if (step.withinStandard === undefined) return <>—</>;
  return step.withinStandard ? <span class="badge ok">✓ {t('met_yes')}</span> : <span class="badge late">✗ {t('met_no')}</span>;
}
