/**
 * Aturan tenggat: every workflow's time rules, each beside its standard (functions/core/rule-standards.ts):
 * the SOPs' Mutu Baku (SOP 000, SOP 002) and the limits of UU 14/2008. The admin changes the
 * configurable ones; the statutory periods the system applies as they are are listed read-only.
 *
 * While the admin types, the page runs the server's own comparison (functions/core/rule-check.ts):
 * a rule looser than its statutory limit is marked as one the server will refuse, a departure from
 * the Mutu Baku is warned about (it may be saved, and the audit trail records it).
 */
import { useState } from 'preact/hooks';
import { breaksLimit, ruleWords, sopDeparture } from '../../../../functions/core/rule-check.ts';
import type { RuleFinding, RuleStandard, Workflow } from '../../../../functions/core/rule-standards.ts';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import type { DeadlineRule, DeadlineUnit, Text } from '../types.ts';
import { ErrorMessage, ErrorSummary, Field, Loading, PageHeader, RequiredNote, useLoad, useSubmit } from '../ui.tsx';

type Rules = Record<string, unknown>;
interface Standards {
  workflows: Record<Workflow, Text>;
  standards: RuleStandard[];
  warnings: RuleFinding[];
}

const WORKFLOW_ORDER: Workflow[] = ['sop000', 'sop002', 'sop004', 'requests', 'objections'];
const UNITS: DeadlineUnit[] = ['workingDays', 'calendarDays', 'minutes'];
/** The API's upper bounds per unit (functions/api/settings.ts). */
const MAX: Record<DeadlineUnit, number> = { minutes: 525_600, calendarDays: 366, workingDays: 250 };

export function RulesPage() {
  const { t, api } = useApp();
  const loaded = useLoad(async () => {
    const [rules, standards] = await Promise.all([api.get<Rules>('/settings/rules'), api.get<Standards>('/settings/rules/standards')]);
    return { rules, standards };
  }, [api]);
  return (
    <>
      <PageHeader title={t('nav_rules')} intro={t('rules_intro')} />
      <ErrorMessage error={loaded.error} />
      {loaded.loading && !loaded.data ? (
        <Loading />
      ) : (
        loaded.data && (
          <RulesForm
            key={JSON.stringify(loaded.data.rules)}
            rules={loaded.data.rules}
            standards={loaded.data.standards}
            onSaved={(rules, warnings) => loaded.setData({ rules, standards: { ...loaded.data!.standards, warnings } })}
          />
        )
      )}
    </>
  );
}

/** How each configurable rule is counted (the standard beside it comes from the server). */
const HINTS: Partial<Record<string, MessageKey>> = {
  publicationApproval: 'rule_publicationApproval_hint',
  approvalReminder: 'rule_approvalReminder_hint',
  exclusionDecision: 'rule_exclusionDecision_hint',
  exclusionDecree: 'rule_exclusionDecree_hint',
  documentationList: 'rule_documentationList_hint',
  documentationReview: 'rule_documentationReview_hint',
  documentationDelivery: 'rule_documentationDelivery_hint',
  documentationCheck: 'rule_documentationCheck_hint',
  documentationUpload: 'rule_documentationUpload_hint',
  requestPart: 'rule_requestPart_hint',
  requestReminder: 'rule_requestReminder_hint',
};

type Draft = Record<string, { unit: DeadlineUnit; amount: string }>;

const asRule = (d: { unit: DeadlineUnit; amount: string }): DeadlineRule | undefined => {
  const amount = Number(d.amount);
  return d.amount.trim() !== '' && Number.isInteger(amount) && amount >= 0 && amount <= MAX[d.unit] ? { unit: d.unit, amount } : undefined;
};

function RulesForm({ rules, standards, onSaved }: { rules: Rules; standards: Standards; onSaved: (r: Rules, w: RuleFinding[]) => void }) {
  const { t, lang, api, isAdmin, announce, pick } = useApp();
  const configurable = standards.standards.filter((s) => s.configurable && rules[s.key]);
  const keys = configurable.map((s) => s.key);
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(
      configurable.map((s) => {
        const r = rules[s.key] as DeadlineRule;
        return [s.key, { unit: r.unit, amount: String(r.amount) }];
      }),
    ),
  );
  const [savedWarnings, setSavedWarnings] = useState<RuleFinding[] | undefined>(undefined);
  const submit = useSubmit(keys);
  // An edit makes the last refusal stale; the page's own check speaks for the rule being typed.
  const set = (key: string, patch: Partial<{ unit: DeadlineUnit; amount: string }>) => {
    submit.reset();
    setDraft((d) => ({ ...d, [key]: { ...d[key]!, ...patch } }));
  };

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      const body = Object.fromEntries(
        keys.map((k) => [k, { unit: draft[k]!.unit, amount: draft[k]!.amount.trim() === '' ? undefined : Number(draft[k]!.amount) } as Partial<DeadlineRule>]),
      );
      const { warnings, ...saved } = await api.send<Rules & { warnings: RuleFinding[] }>('PUT', '/settings/rules', body);
      setSavedWarnings(warnings);
      announce(warnings.length ? t('rules_saved_with_warnings', { n: warnings.length }) : t('rules_saved'));
      onSaved(saved, warnings);
    });
  };

  const fixedRow = (s: RuleStandard) => (
    <tr key={s.key}>
      <th scope="row">{pick(s.label)}</th>
      <td>{s.fixed ? pick(ruleWords(s.fixed)) : '—'}</td>
      <td>{pick(s.law?.text ?? s.sop?.text ?? s.note ?? { id: '—', en: '—' })}</td>
    </tr>
  );

  return (
    <section class="panel form-panel" aria-label={t('nav_rules')}>
      {isAdmin ? <RequiredNote /> : <p class="notice">{t('rules_readonly')}</p>}
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      {(savedWarnings ?? standards.warnings).length > 0 && (
        <div class="callout warn" aria-live="polite">
          <p>{t('rules_departures')}</p>
          <ul>
            {(savedWarnings ?? standards.warnings).map((w) => (
              <li key={w.key}>{pick(w.message)}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate>
        {WORKFLOW_ORDER.map((wf) => {
          const mine = standards.standards.filter((s) => s.workflow === wf);
          const editable = mine.filter((s) => s.configurable && draft[s.key]);
          const fixed = mine.filter((s) => !s.configurable);
          if (!mine.length) return null;
          return (
            <section key={wf} class="rule-workflow" aria-labelledby={`rules-${wf}`}>
              <h2 id={`rules-${wf}`}>{pick(standards.workflows[wf])}</h2>
              {editable.map((s) => {
                const d = draft[s.key]!;
                const rule = asRule(d);
                const refused = rule && s.law && breaksLimit(rule, s.law);
                const departs = rule && s.sop ? sopDeparture(rule, s.sop) : undefined;
                const hint = HINTS[s.key] && t(HINTS[s.key]!);
                const serverError = submit.ownError(s.key);
                const checkId = `rule-${s.key}-check`;
                return (
                  <fieldset key={s.key} class="rule" aria-describedby={`rule-${s.key}-standard ${checkId}`}>
                    <legend>{pick(s.label)}</legend>
                    {hint && <p class="hint">{hint}</p>}
                    <p class="rule-standard" id={`rule-${s.key}-standard`}>
                      <strong>{t('rules_standard')}:</strong> {pick(s.law?.text ?? s.sop?.text ?? s.note ?? { id: '—', en: '—' })}
                    </p>
                    <div class="rule-row">
                      <Field
                        label={t('f_amount')}
                        name={`${s.key}.amount`}
                        required
                        error={
                          submit.fieldError(`${s.key}.amount`)
                            ? t('err_amount', { max: MAX[d.unit].toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB') })
                            : undefined
                        }
                      >
                        {(a) => (
                          <input
                            {...a}
                            class="narrow"
                            type="number"
                            min={0}
                            max={MAX[d.unit]}
                            inputMode="numeric"
                            value={d.amount}
                            readOnly={!isAdmin}
                            onInput={(e) => set(s.key, { amount: e.currentTarget.value })}
                          />
                        )}
                      </Field>
                      <Field label={t('f_unit')} name={`${s.key}.unit`} required error={submit.fieldError(`${s.key}.unit`)}>
                        {(a) => (
                          <select {...a} value={d.unit} disabled={!isAdmin} onChange={(e) => set(s.key, { unit: e.currentTarget.value as DeadlineUnit })}>
                            {UNITS.map((u) => (
                              <option key={u} value={u}>
                                {t(`unit_${u}` as MessageKey)}
                              </option>
                            ))}
                          </select>
                        )}
                      </Field>
                    </div>
                    <div id={checkId} aria-live="polite">
                      {serverError ? (
                        <p class="field-error">{serverError}</p>
                      ) : refused ? (
                        <p class="field-error">{t(s.law!.mustBeBefore ? 'rules_law_before' : 'rules_law_refused', { law: pick(s.law!.text) })}</p>
                      ) : departs ? (
                        <p class="rule-warning">{t(departs === 'looser' ? 'rules_sop_looser' : 'rules_sop_stricter', { sop: pick(s.sop!.text) })}</p>
                      ) : null}
                    </div>
                  </fieldset>
                );
              })}
              {fixed.length > 0 && (
                <div class="table-wrap">
                  <table>
                    <caption>{t('rules_fixed_caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('rules_col_rule')}</th>
                        <th scope="col">{t('rules_col_period')}</th>
                        <th scope="col">{t('rules_col_basis')}</th>
                      </tr>
                    </thead>
                    <tbody>{fixed.map(fixedRow)}</tbody>
                  </table>
                </div>
              )}
            </section>
          );
        })}
        {isAdmin && (
          <div class="form-actions">
            <button type="submit" class="primary" disabled={submit.busy}>
              {submit.busy ? t('saving') : t('save')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
