import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { weekdayName } from '../format.ts';
import { type MessageKey, translateDynamic } from '../i18n.ts';
import { type Agency, type AgencyKind, type Lang, TIME_ZONES } from '../types.ts';
import { Email, ErrorMessage, ErrorSummary, Field, Loading, PageHeader, RequiredNote, useLoad, useSubmit } from '../ui.tsx';
import { PublicBodyPanel } from './public-body.tsx';

/** PPID Utama first, then the SKPDs by name. */
export function sortAgencies(items: Agency[]): Agency[] {
  return [...items].sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'id') : a.kind === 'ppid_utama' ? -1 : 1));
}

/** [1,2,3,4,5] → "Sen–Jum"; [1,2,3,4,5,6] → "Sen–Sab"; [1,3] → "Sen, Rab". */
export function workWeekText(lang: Lang, days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && last.at(-1) === d - 1) last.push(d);
    else runs.push([d]);
  }
  return runs
    .map((r) => (r.length >= 3 ? `${weekdayName(lang, r[0]!)}–${weekdayName(lang, r.at(-1)!)}` : r.map((d) => weekdayName(lang, d)).join(', ')))
    .join(', ');
}

type Mode = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; agency: Agency };

export function AgenciesPage() {
  const { t, lang, api, isAdmin, reloadAgencies } = useApp();
  const list = useLoad(() => api.get<{ items: Agency[] }>('/agencies'), [api]);
  const [mode, setMode] = useState<Mode>({ kind: 'closed' });
  const addButton = useRef<HTMLButtonElement>(null);
  const items = sortAgencies(list.data?.items ?? []);

  const close = () => {
    setMode({ kind: 'closed' });
    setTimeout(() => (addButton.current ?? document.querySelector<HTMLElement>('#main h1'))?.focus(), 0);
  };
  const saved = () => {
    close();
    list.reload();
    void reloadAgencies();
  };

  return (
    <>
      <PageHeader title={t('nav_agencies')} intro={t('agencies_intro')}>
        {isAdmin && mode.kind === 'closed' && (
          <button type="button" class="primary" ref={addButton} onClick={() => setMode({ kind: 'new' })}>
            {t('agency_add')}
          </button>
        )}
      </PageHeader>
      {isAdmin && mode.kind !== 'closed' && (
        <AgencyForm
          key={mode.kind === 'edit' ? mode.agency.id : 'new'}
          agency={mode.kind === 'edit' ? mode.agency : undefined}
          onDone={saved}
          onCancel={close}
        />
      )}
      <ErrorMessage error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table>
            <caption>
              {t('agencies_caption')} · {t('shown_count', { n: items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('f_agency_id')}</th>
                <th scope="col">{t('f_name')}</th>
                <th scope="col">{t('f_kind')}</th>
                <th scope="col">{t('f_timezone')}</th>
                <th scope="col">{t('f_work_week')}</th>
                <th scope="col">{t('f_email')}</th>
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
                  <td colSpan={isAdmin ? 7 : 6}>{t('empty')}</td>
                </tr>
              )}
              {items.map((a) => (
                <tr key={a.id} data-kind={a.kind} class={a.kind === 'ppid_utama' ? 'row-emphasis' : undefined}>
                  <td>
                    <code>{a.id}</code>
                  </td>
                  <th scope="row">
                    {a.name}
                    {a.shortName && <span class="muted"> ({a.shortName})</span>}
                    {a.address && <span class="sub-line">{a.address}</span>}
                  </th>
                  <td>{t(`kind_${a.kind}` as MessageKey)}</td>
                  <td>{translateDynamic(lang, `tz_${a.timezone.replace('/', '_')}`, a.timezone)}</td>
                  <td>{workWeekText(lang, a.workWeek)}</td>
                  <td>
                    <Email address={a.email} />
                  </td>
                  {isAdmin && (
                    <td class="no-print">
                      <button type="button" class="link" aria-label={t('edit_named', { name: a.name })} onClick={() => setMode({ kind: 'edit', agency: a })}>
                        {t('edit')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isAdmin && <PublicBodyPanel />}
    </>
  );
}

const FIELDS = ['id', 'kind', 'name', 'shortName', 'timezone', 'workWeek', 'email', 'address', 'city', 'phone', 'website'] as const;

function AgencyForm({ agency, onDone, onCancel }: { agency?: Agency; onDone: () => void; onCancel: () => void }) {
  const { t, lang, api, announce } = useApp();
  const [id, setId] = useState(agency?.id ?? '');
  const [kind, setKind] = useState<AgencyKind>(agency?.kind ?? 'skpd');
  const [name, setName] = useState(agency?.name ?? '');
  const [shortName, setShortName] = useState(agency?.shortName ?? '');
  const [timezone, setTimezone] = useState(agency?.timezone ?? 'Asia/Jakarta');
  const [workWeek, setWorkWeek] = useState<number[]>(agency?.workWeek ?? [1, 2, 3, 4, 5]);
  const [email, setEmail] = useState(agency?.email ?? '');
  const [address, setAddress] = useState(agency?.address ?? '');
  const [city, setCity] = useState(agency?.city ?? '');
  const [phone, setPhone] = useState(agency?.phone ?? '');
  const [website, setWebsite] = useState(agency?.website ?? '');
  const submit = useSubmit(FIELDS);
  const heading = useRef<HTMLHeadingElement>(null);
  const title = agency ? t('agency_edit_title', { name: agency.name }) : t('agency_add');

  // Land on the form's heading when it opens.
  useEffect(() => heading.current?.focus(), []);

  const onSubmit = (e: Event) => {
    e.preventDefault();
    const optional = (v: string) => (v.trim() ? v.trim() : undefined);
    void submit.run(async () => {
      if (!agency) {
        const created = await api.send<Agency>('POST', '/agencies', {
          id: id.trim(),
          kind,
          name,
          shortName: optional(shortName),
          timezone,
          workWeek,
          email: optional(email),
          address: optional(address),
          city: optional(city),
          phone: optional(phone),
          website: optional(website),
        });
        announce(t('agency_created', { name: created.name }));
      } else {
        const patch: Record<string, unknown> = { version: agency.version };
        if (name !== agency.name) patch.name = name;
        if (optional(shortName) !== agency.shortName && optional(shortName)) patch.shortName = optional(shortName);
        if (timezone !== agency.timezone) patch.timezone = timezone;
        if (workWeek.join() !== agency.workWeek.join()) patch.workWeek = workWeek;
        if (optional(email) !== agency.email && optional(email)) patch.email = optional(email);
        if (optional(address) !== agency.address && optional(address)) patch.address = optional(address);
        if (optional(city) !== agency.city && optional(city)) patch.city = optional(city);
        if (optional(phone) !== agency.phone && optional(phone)) patch.phone = optional(phone);
        if (optional(website) !== agency.website && optional(website)) patch.website = optional(website);
        const updated = await api.send<Agency>('PATCH', `/agencies/${encodeURIComponent(agency.id)}`, patch);
        announce(t('agency_updated', { name: updated.name }));
      }
      onDone();
    });
  };

  const toggleDay = (d: number, on: boolean) => setWorkWeek((w) => (on ? [...w, d].sort((a, b) => a - b) : w.filter((x) => x !== d)));
  const workWeekError = submit.fieldError('workWeek');

  return (
    <section class="panel form-panel" aria-labelledby="agency-form-h">
      <h2 id="agency-form-h" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <RequiredNote />
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form onSubmit={onSubmit} noValidate>
        <div class="grid">
          <Field label={t('f_agency_id')} name="id" required={!agency} hint={agency ? undefined : t('f_agency_id_hint')} error={submit.fieldError('id')}>
            {(a) => (
              <input {...a} type="text" value={id} readOnly={!!agency} autoComplete="off" spellcheck={false} onInput={(e) => setId(e.currentTarget.value)} />
            )}
          </Field>
          <Field label={t('f_kind')} name="kind" required={!agency} error={submit.fieldError('kind')}>
            {(a) => (
              <select {...a} value={kind} disabled={!!agency} onChange={(e) => setKind(e.currentTarget.value as AgencyKind)}>
                <option value="skpd">{t('kind_skpd')}</option>
                <option value="ppid_utama">{t('kind_ppid_utama')}</option>
              </select>
            )}
          </Field>
          <Field label={t('f_agency_name')} name="name" required error={submit.fieldError('name')}>
            {(a) => <input {...a} type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_short_name')} name="shortName" error={submit.fieldError('shortName')}>
            {(a) => <input {...a} type="text" value={shortName} onInput={(e) => setShortName(e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_timezone')} name="timezone" required error={submit.fieldError('timezone')}>
            {(a) => (
              <select {...a} value={timezone} onChange={(e) => setTimezone(e.currentTarget.value)}>
                {TIME_ZONES.map((z) => (
                  <option key={z} value={z}>
                    {t(`tz_${z.replace('/', '_')}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('f_email')} name="email" error={submit.fieldError('email')}>
            {(a) => <input {...a} type="email" value={email} autoComplete="off" onInput={(e) => setEmail(e.currentTarget.value)} />}
          </Field>
        </div>
        <fieldset class={workWeekError ? 'field has-error' : 'field'} aria-describedby={workWeekError ? 'workweek-error' : undefined}>
          <legend>
            {t('f_work_week')}
            <span class="req" aria-hidden="true">
              {' '}
              *
            </span>
          </legend>
          {workWeekError && (
            <p id="workweek-error" class="field-error">
              {workWeekError}
            </p>
          )}
          <div class="checks">
            {[1, 2, 3, 4, 5, 6, 7].map((d) => (
              <label key={d} class="check">
                <input
                  type="checkbox"
                  name="workWeek"
                  value={String(d)}
                  checked={workWeek.includes(d)}
                  onChange={(e) => toggleDay(d, e.currentTarget.checked)}
                />
                {weekdayName(lang, d, 'long')}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="field">
          <legend>{t('f_letterhead_legend')}</legend>
          <Field label={t('f_address')} name="address" error={submit.fieldError('address')}>
            {(a) => <textarea {...a} rows={2} value={address} onInput={(e) => setAddress(e.currentTarget.value)} />}
          </Field>
          <div class="grid">
            <Field label={t('f_city')} name="city" error={submit.fieldError('city')}>
              {(a) => <input {...a} type="text" value={city} autoComplete="off" onInput={(e) => setCity(e.currentTarget.value)} />}
            </Field>
            <Field label={t('f_phone')} name="phone" error={submit.fieldError('phone')}>
              {(a) => <input {...a} type="tel" value={phone} autoComplete="off" onInput={(e) => setPhone(e.currentTarget.value)} />}
            </Field>
            <Field label={t('f_website')} name="website" error={submit.fieldError('website')}>
              {(a) => <input {...a} type="text" value={website} autoComplete="off" spellcheck={false} onInput={(e) => setWebsite(e.currentTarget.value)} />}
            </Field>
          </div>
        </fieldset>
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
