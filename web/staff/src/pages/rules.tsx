/** Aturan tenggat: the two deadline rules of the SOP 000 workflow (admin changes them). */
import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import type { DeadlineRule, DeadlineUnit, PublicationRules } from '../types.ts';
import { ErrorMessage, ErrorSummary, Field, Loading, PageHeader, RequiredNote, useLoad, useSubmit } from '../ui.tsx';

const RULES = ['publicationApproval', 'approvalReminder'] as const;
const UNITS: DeadlineUnit[] = ['workingDays', 'calendarDays', 'minutes'];
/** The API's upper bounds per unit (functions/api/settings.ts). */
const MAX: Record<DeadlineUnit, number> = { minutes: 525_600, calendarDays: 366, workingDays: 250 };

export function RulesPage() {
  const { t, api } = useApp();
  const loaded = useLoad(() => api.get<PublicationRules>('/settings/rules'), [api]);
  return (
    <>
      <PageHeader title={t('nav_rules')} intro={t('rules_intro')} />
      <ErrorMessage error={loaded.error} />
      {loaded.loading && !loaded.data ? (
        <Loading />
      ) : (
        loaded.data && <RulesForm key={JSON.stringify(loaded.data)} rules={loaded.data} onSaved={loaded.setData} />
      )}
    </>
  );
}

function RulesForm({ rules, onSaved }: { rules: PublicationRules; onSaved: (r: PublicationRules) => void }) {
  const { t, lang, api, isAdmin, announce } = useApp();
  const [draft, setDraft] = useState<Record<(typeof RULES)[number], { unit: DeadlineUnit; amount: string }>>({
    publicationApproval: { unit: rules.publicationApproval.unit, amount: String(rules.publicationApproval.amount) },
    approvalReminder: { unit: rules.approvalReminder.unit, amount: String(rules.approvalReminder.amount) },
  });
  const submit = useSubmit([...RULES]);
  const set = (rule: (typeof RULES)[number], patch: Partial<{ unit: DeadlineUnit; amount: string }>) =>
    setDraft((d) => ({ ...d, [rule]: { ...d[rule], ...patch } }));

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      const body = Object.fromEntries(
        RULES.map((r) => [r, { unit: draft[r].unit, amount: draft[r].amount.trim() === '' ? undefined : Number(draft[r].amount) } as Partial<DeadlineRule>]),
      );
      const saved = await api.send<PublicationRules>('PUT', '/settings/rules', body);
      announce(t('rules_saved'));
      onSaved(saved);
    });
  };

  return (
    <section class="panel form-panel" aria-label={t('nav_rules')}>
      {isAdmin ? <RequiredNote /> : <p class="notice">{t('rules_readonly')}</p>}
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form onSubmit={onSubmit} noValidate>
        {RULES.map((r) => (
          <fieldset key={r} class="rule">
            <legend>{t(`rule_${r}` as MessageKey)}</legend>
            <p class="hint">{t(`rule_${r}_hint` as MessageKey)}</p>
            <div class="rule-row">
              <Field
                label={t('f_amount')}
                name={`${r}.amount`}
                required
                error={
                  submit.fieldError(`${r}.amount`) ? t('err_amount', { max: MAX[draft[r].unit].toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB') }) : undefined
                }
              >
                {(a) => (
                  <input
                    {...a}
                    class="narrow"
                    type="number"
                    min={0}
                    max={MAX[draft[r].unit]}
                    inputMode="numeric"
                    value={draft[r].amount}
                    readOnly={!isAdmin}
                    onInput={(e) => set(r, { amount: e.currentTarget.value })}
                  />
                )}
              </Field>
              <Field label={t('f_unit')} name={`${r}.unit`} required error={submit.fieldError(`${r}.unit`)}>
                {(a) => (
                  <select {...a} value={draft[r].unit} disabled={!isAdmin} onChange={(e) => set(r, { unit: e.currentTarget.value as DeadlineUnit })}>
                    {UNITS.map((u) => (
                      <option key={u} value={u}>
                        {t(`unit_${u}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </fieldset>
        ))}
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
