/**
 * Keberatan: the objections to the Atasan PPID, newest number first, with the request objected to,
 * the date received, the grounds (Pasal 35(1) letters, their text on hover), the state and the
 * countdown to the Atasan PPID's written response (30 working days, Pasal 36(2)) in working days and
 * in words, overdue flagged. Body-wide readers filter by SKPD; an SKPD sees the objections on
 * requests routed to it.
 */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import { OBJECTION_BODY_READERS, OBJECTION_REGISTRARS, type Objection, type Page } from '../types.ts';
import { ErrorMessage, Field, Loading, LoadMore, PageHeader, usePaged } from '../ui.tsx';
import { AgencyFilter } from './item-parts.tsx';
import { GroundLetters, ObjectionStateBadge, useBodyZone } from './objection-parts.tsx';
import { channelKey, WorkingDaysLeft, whenInWords } from './request-parts.tsx';

const FILTERS = ['agencyId', 'year'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const filtersOf = (query: URLSearchParams): Filters => Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ''])) as Filters;

function toQuery(f: Filters): string {
  const q = new URLSearchParams();
  for (const k of FILTERS) if (f[k]) q.set(k, f[k]);
  return q.toString();
}

export function ObjectionsPage({ query }: { query: URLSearchParams }) {
  const { t, lang, api, me, agencyName, go } = useApp();
  const zone = useBodyZone();
  const bodyWide = OBJECTION_BODY_READERS.includes(me.role);
  const filter = filtersOf(query);
  const key = toQuery(filter);
  const [draft, setDraft] = useState<Filters>(filter);
  useEffect(() => setDraft(filter), [key]);
  const paged = usePaged(
    (cursor) =>
      api.get<Page<Objection>>('/objections', {
        agencyId: bodyWide ? filter.agencyId || undefined : undefined,
        year: filter.year || undefined,
        cursor,
        limit: '25',
      }),
    [api, key],
  );
  const set = (k: keyof Filters, v: string) => setDraft({ ...draft, [k]: v });
  const scope = bodyWide ? (filter.agencyId ? agencyName(filter.agencyId) : t('all_agencies')) : agencyName(me.agencyId);

  return (
    <>
      <PageHeader title={t('nav_objections')} intro={t(bodyWide ? 'obj_list_intro_body' : 'obj_list_intro_agency')}>
        {OBJECTION_REGISTRARS.includes(me.role) && (
          <a class="button primary" href="#/objections/new">
            {t('obj_register')}
          </a>
        )}
      </PageHeader>
      <form
        class="filters no-print"
        onSubmit={(e) => {
          e.preventDefault();
          go(`/objections?${toQuery(draft) || 'all=1'}`);
        }}
      >
        {bodyWide && <AgencyFilter value={draft.agencyId} onChange={(_, v) => set('agencyId', v)} />}
        <Field label={t('f_year')} name="year" hint={t('obj_year_hint')}>
          {(a) => (
            <input
              {...a}
              class="narrow"
              type="number"
              min={2000}
              max={2100}
              inputMode="numeric"
              value={draft.year}
              onInput={(e) => set('year', e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="secondary">
          {t('show')}
        </button>
      </form>
      <ErrorMessage error={paged.error} />
      {paged.loading && paged.items.length === 0 ? (
        <Loading />
      ) : (
        <div class="table-wrap">
          <table class="objections-table">
            <caption>
              {t('obj_list_caption')} · {scope}
              {filter.year ? ` · ${filter.year}` : ''} · {t('shown_count', { n: paged.items.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('col_number')}</th>
                <th scope="col">{t('obj_information')}</th>
                <th scope="col">{t('obj_col_received')}</th>
                <th scope="col">{t('obj_col_grounds')}</th>
                <th scope="col">{t('f_status')}</th>
                <th scope="col">{t('obj_col_deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {paged.items.length === 0 && (
                <tr>
                  <td colSpan={6}>{paged.hasMore ? t('page_empty_more') : t('empty')}</td>
                </tr>
              )}
              {paged.items.map((o) => {
                const overdue = !o.response && Date.parse(o.deadline.at) < Date.now();
                return (
                  <tr key={o.objectionId} class={overdue ? 'overdue-row' : undefined}>
                    <td class="nowrap" data-label={t('col_number')}>
                      <code>{o.number}</code>
                      <span class="sub-line">
                        {o.requestNumber ? (
                          <>
                            {t('obj_col_request')} <code>{o.requestNumber}</code>
                          </>
                        ) : (
                          t('obj_no_request')
                        )}
                      </span>
                    </td>
                    <th scope="row">
                      <a href={`#/objections/${o.objectionId}`}>{o.information.length > 160 ? `${o.information.slice(0, 157)}…` : o.information}</a>
                    </th>
                    <td data-label={t('obj_col_received')}>
                      <time dateTime={o.receivedOn}>{formatDate(lang, o.receivedOn)}</time>
                      <span class="sub-line">{t(channelKey(o.channel))}</span>
                    </td>
                    <td data-label={t('obj_col_grounds')}>
                      <GroundLetters grounds={o.grounds} />
                    </td>
                    <td data-label={t('f_status')}>
                      <ObjectionStateBadge o={o} />
                      {o.followUp && !o.followUp.fulfilled && (
                        <span class="sub-line">{t('obj_followup_due', { date: whenInWords(lang, o.followUp.deadline.at, zone) })}</span>
                      )}
                    </td>
                    <td data-label={t('obj_col_deadline')}>
                      {o.response ? (
                        <span class="muted">{t('obj_responded_on', { at: whenInWords(lang, o.response.at, zone) })}</span>
                      ) : (
                        <>
                          <time dateTime={o.deadline.at}>{whenInWords(lang, o.deadline.at, zone)}</time>
                          <span class="sub-line">
                            <WorkingDaysLeft deadline={o.deadline} />
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <LoadMore paged={paged} />
    </>
  );
}
