/** The SOP steps of a record as they happened, against their Mutu Baku (items: SOP 000; exclusions: SOP 002). */
import { useApp } from '../context.ts';
import { formatDateTime, formatDuration } from '../format.ts';
import type { StepTiming } from '../types.ts';

const STANDARD_EN: Record<string, string> = { Tentatif: 'Tentative', '1 Menit': '1 minute', '1 Minggu': '1 week' };

export function StepTimingSection(props: {
  /** The heading's id (the section is labelled by it). */
  id: string;
  title: string;
  caption: string;
  note: string;
  /** In the order to show them. */
  steps: readonly StepTiming[];
  timeZone?: string;
  stepLabel: (s: StepTiming) => string;
}) {
  const { t, lang } = useApp();
  const zone = props.timeZone;
  return (
    <section class="panel" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.steps.length === 0 ? (
        <p>{t('timing_empty')}</p>
      ) : (
        <div class="table-wrap">
          <table class="timing">
            <caption>{props.caption}</caption>
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
              {props.steps.map((s) => (
                <tr key={`${s.step}-${s.startedAt}`}>
                  <th scope="row">
                    {props.stepLabel(s)}
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
      <p class="hint">{props.note}</p>
    </section>
  );
}

function Met({ step }: { step: StepTiming }) {
  const { t } = useApp();
  if (!step.endedAt) return <span class="badge state-submitted">{t('met_running')}</span>;
  if (step.withinStandard === undefined) return <>—</>;
  return step.withinStandard ? <span class="badge ok">✓ {t('met_yes')}</span> : <span class="badge late">✗ {t('met_no')}</span>;
}
