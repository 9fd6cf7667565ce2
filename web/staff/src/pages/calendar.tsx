import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, SessionExpired } from '../api.ts';
import { useApp } from '../context.ts';
import { formatDate, formatDateTime, nowWallTime, wallTimeToIso } from '../format.ts';
import { type MessageKey, translateDynamic } from '../i18n.ts';
import type { DeadlineResult, DeadlineUnit, Holiday, HolidayKind } from '../types.ts';
import { ErrorMessage, ErrorSummary, Field, Loading, PageHeader, RequiredNote, useLoad, useSubmit } from '../ui.tsx';
import { sortAgencies } from './agencies.tsx';

export function CalendarPage() {
  const { t, lang, pick, api, isAdmin, announce } = useApp();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [adding, setAdding] = useState(false);
  const [rowError, setRowError] = useState<unknown>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const list = useLoad(() => api.get<{ year: number; items: Holiday[] }>(`/calendar/${year}`), [api, year]);
  const items = [...(list.data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const years = Array.from({ length: 5 }, (_, i) => thisYear - 2 + i);
  if (!years.includes(year)) years.push(year);

  const close = () => {
    setAdding(false);
    setTimeout(() => (addButton.current ?? document.querySelector<HTMLElement>('#main h1'))?.focus(), 0);
  };

  const remove = async (h: Holiday) => {
    if (!window.confirm(t('holiday_remove_confirm', { name: h.name, date: formatDate(lang, h.date) }))) return;
    setRowError(null);
    try {
      await api.send<void>('DELETE', `/calendar/holidays/${h.date}`);
      announce(t('holiday_removed', { date: formatDate(lang, h.date, false) }));
      list.reload();
    } catch (e) {
      if (!(e instanceof SessionExpired)) setRowError(e);
    }
  };

  return (
    <>
      <PageHeader title={t('nav_calendar')} intro={t('calendar_intro')}>
        {isAdmin && !adding && (
          <button type="button" class="primary" ref={addButton} onClick={() => setAdding(true)}>
            {t('holiday_add')}
          </button>
        )}
      </PageHeader>
      {isAdmin && adding && (
        <HolidayForm
          onCancel={close}
          onDone={(h) => {
            close();
            if (Number(h.date.slice(0, 4)) === year) list.reload();
            else setYear(Number(h.date.slice(0, 4)));
          }}
        />
      )}
      <div class="filters no-print">
        <Field label={t('f_year')} name="year">
          {(a) => (
            <select {...a} value={String(year)} onChange={(e) => setYear(Number(e.currentTarget.value))}>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {y}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <ErrorMessage error={list.error} />
      {rowError instanceof ApiError && (
        <p class="error-summary" role="alert">
          {pick(rowError.messages)}
        </p>
      )}
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {t('holidays_caption', { year })} · {t('shown_count', { n: items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('f_date')}</th>
                <th scope="col">{t('f_holiday_name')}</th>
                <th scope="col">{t('f_kind')}</th>
                <th scope="col">{t('provisional')}</th>
                {isAdmin && (
                  <th scope="col" class="no-print">
                    {t('actions')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.length === 0 && (
                <tr>
                  <td colSpan={isAdmin ? 5 : 4}>{t('empty')}</td>
                </tr>
              )}
              {items.map((h) => (
                <tr key={h.date}>
                  <td class="nowrap">
                    <time dateTime={h.date}>{formatDate(lang, h.date)}</time>
                  </td>
                  <th scope="row">{h.name}</th>
                  <td>{t(`holiday_kind_${h.kind}` as MessageKey)}</td>
                  <td>{h.provisional ? t('yes') : '—'}</td>
                  {isAdmin && (
                    <td class="no-print">
                      <button
                        type="button"
                        class="link danger"
                        aria-label={t('holiday_remove_named', { name: `${h.name}, ${formatDate(lang, h.date)}` })}
                        onClick={() => void remove(h)}
                      >
                        {t('holiday_remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DeadlineCalculator />
    </>
  );
}

const HOLIDAY_FIELDS = ['date', 'name', 'kind', 'provisional'] as const;

function HolidayForm({ onDone, onCancel }: { onDone: (h: Holiday) => void; onCancel: () => void }) {
  const { t, lang, api, announce } = useApp();
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<HolidayKind>('national');
  const [provisional, setProvisional] = useState(false);
  const submit = useSubmit(HOLIDAY_FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    void submit.run(async () => {
      // The date is part of the path; an empty one would hit another route, so check it here.
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        const text = { id: 'Isi tanggal dengan format TTTT-BB-HH.', en: 'Enter the date as YYYY-MM-DD.' };
        throw new ApiError(400, 'validation', text, [{ field: 'date', messages: text }]);
      }
      const saved = await api.send<Holiday>('PUT', `/calendar/holidays/${date}`, { name, kind, ...(provisional ? { provisional: true } : {}) });
      announce(t('holiday_saved', { date: formatDate(lang, saved.date, false) }));
      onDone(saved);
    });
  };

  return (
    <section class="panel form-panel" aria-labelledby="holiday-form-h">
      <h2 id="holiday-form-h" tabIndex={-1} ref={heading}>
        {t('holiday_add')}
      </h2>
      <RequiredNote />
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form onSubmit={onSubmit} noValidate>
        <div class="grid">
          <Field label={t('f_date')} name="date" required error={submit.fieldError('date')}>
            {(a) => <input {...a} type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_holiday_name')} name="name" required error={submit.fieldError('name')}>
            {(a) => <input {...a} type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_kind')} name="kind" required error={submit.fieldError('kind')}>
            {(a) => (
              <select {...a} value={kind} onChange={(e) => setKind(e.currentTarget.value as HolidayKind)}>
                <option value="national">{t('holiday_kind_national')}</option>
                <option value="cuti_bersama">{t('holiday_kind_cuti_bersama')}</option>
              </select>
            )}
          </Field>
        </div>
        <div class="field">
          <label class="check">
            <input type="checkbox" name="provisional" checked={provisional} onChange={(e) => setProvisional(e.currentTarget.checked)} />
            {t('f_provisional')}
          </label>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('save')}
          </button>
          <button type="button" class="secondary" onClick={onCancel} disabled={submit.busy}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

const DEADLINE_FIELDS = ['start', 'rule.amount', 'rule.unit', 'rule', 'agencyId'] as const;
const UNITS: DeadlineUnit[] = ['workingDays', 'calendarDays', 'minutes'];

function DeadlineCalculator() {
  const { t, lang, pick, api, me, agencies, announce } = useApp();
  const [agencyId, setAgencyId] = useState(me.agencyId);
  const zone = agencies.find((a) => a.id === agencyId)?.timezone ?? 'Asia/Jakarta';
  const [start, setStart] = useState(() => nowWallTime(zone));
  const [amount, setAmount] = useState('10');
  const [unit, setUnit] = useState<DeadlineUnit>('workingDays');
  const [result, setResult] = useState<DeadlineResult | null>(null);
  const submit = useSubmit(DEADLINE_FIELDS);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    setResult(null);
    void submit.run(async () => {
      const r = await api.send<DeadlineResult>('POST', '/calendar/deadline', {
        start: start ? wallTimeToIso(start, zone) : '',
        rule: { unit, amount: Number(amount) },
        agencyId,
      });
      setResult(r);
      announce(t('deadline_done', { when: formatDateTime(lang, r.deadline, r.timezone, true) }));
    });
  };

  return (
    <section class="panel" aria-labelledby="deadline-h">
      <h2 id="deadline-h">{t('deadline_title')}</h2>
      <p class="hint">{t('deadline_intro')}</p>
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form class="no-print" onSubmit={onSubmit} noValidate>
        <div class="grid">
          <Field label={t('f_agency')} name="agencyId" required error={submit.fieldError('agencyId')}>
            {(a) => (
              <select {...a} value={agencyId} onChange={(e) => setAgencyId(e.currentTarget.value)}>
                {agencies.length === 0 && <option value={me.agencyId}>{me.agencyId}</option>}
                {sortAgencies(agencies).map((ag) => (
                  <option key={ag.id} value={ag.id}>
                    {ag.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('f_start')} name="start" required error={submit.fieldError('start')}>
            {(a) => <input {...a} type="datetime-local" value={start} onInput={(e) => setStart(e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_amount')} name="amount" required error={submit.fieldError('rule.amount')}>
            {(a) => <input {...a} type="number" inputMode="numeric" min={0} step={1} value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_unit')} name="unit" required error={submit.fieldError('rule.unit')}>
            {(a) => (
              <select {...a} value={unit} onChange={(e) => setUnit(e.currentTarget.value as DeadlineUnit)}>
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {t(`unit_${u}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('deadline_computing') : t('deadline_compute')}
          </button>
        </div>
      </form>
      {result && (
        <div class="result">
          <p class="deadline">
            {t('deadline_result')}:{' '}
            <strong>
              <time dateTime={result.localDeadline}>{formatDateTime(lang, result.deadline, result.timezone, true)}</time>
            </strong>
          </p>
          <p>{pick(result.explanation)}</p>
          {result.skipped.length > 0 && (
            <details>
              <summary>
                {t('skipped_days')} ({result.skipped.length})
              </summary>
              <ul>
                {result.skipped.map((s) => (
                  <li key={s.date}>
                    <time dateTime={s.date}>{formatDate(lang, s.date)}</time>: {translateDynamic(lang, `reason_${s.reason}`, s.reason)}
                    {s.reason !== 'weekend' && s.name ? ` (${s.name})` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
