/**
 * Detail pengecualian: every element of the consequence test, the state and who it waits for (with
 * the deadline in the agency's time zone), the Atasan PPID's Ya/Tidak, the decree, the DIK entry
 * and its two PDFs, the SOP 002 timing, and the actions each role may take in each state.
 * Printed, it is the consequence-test sheet as seen on screen.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { untilWords } from '../../../../functions/core/exclusion-end.ts';
import { useConfirm } from '../confirm.tsx';
import { useApp } from '../context.ts';
import { formatBytes, formatDate, formatDateTime } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import { type Decree, EXCLUSION_REVOKERS, type Exclusion } from '../types.ts';
import { ErrorMessage, ErrorSummary, Field, Loading, PageHeader, useLoad } from '../ui.tsx';
import { usePollWhile, useRecordAction } from './case-parts.tsx';
import { ExclusionBadge, ExclusionTiming, endsAfterText, LegalBasisList, staffDates, UntilText, UntilWords } from './exclusion-parts.tsx';
import { Deadline } from './item-parts.tsx';

export function ExclusionDetailPage({ exclusionId }: { exclusionId: string }) {
  const { t, api, agencyName } = useApp();
  const loaded = useLoad(() => api.get<Exclusion>(`/exclusions/${encodeURIComponent(exclusionId)}`), [api, exclusionId]);
  const ex = loaded.data;
  usePolling(ex, loaded.reload);

  return (
    <>
      {ex && <PrintLetterhead agencyId={ex.agencyId} />}
      <p class="breadcrumb no-print">
        <a href="#/exclusions">{t('back_to_exclusions')}</a>
        {ex && ` › ${ex.dik?.number ?? ex.test.title}`}
      </p>
      <PageHeader title={ex ? ex.test.title : t('nav_exclusions')} />
      <ErrorMessage error={loaded.error} />
      {!ex ? (
        loaded.loading && <Loading />
      ) : (
        <div class="exclusion-detail">
          <p class="item-meta">
            {ex.dik ? <code>{ex.dik.number}</code> : '—'} · {agencyName(ex.agencyId)} · {t('round_n', { n: ex.round })} <ExclusionBadge ex={ex} />
          </p>
          <StatusPanel ex={ex} />
          <Actions ex={ex} onEx={(next) => loaded.setData(next)} reload={loaded.reload} />
          <TestSheet ex={ex} />
          <DecisionSection ex={ex} />
          <DecreeSection ex={ex} />
          <DikSection ex={ex} />
          <ExclusionTiming ex={ex} />
          <p class="no-print">
            <a href={`#/audit?entityType=exclusion&entityId=${encodeURIComponent(ex.exclusionId)}`}>{t('ex_audit_link')}</a>
          </p>
          <PrintSignature agencyId={ex.agencyId} />
        </div>
      )}
    </>
  );
}

/** While the workflow works (computing a deadline, setting the DIK), look again every few seconds. */
function usePolling(ex: Exclusion | undefined, reload: () => void) {
  const waiting = !!ex && ((ex.state === 'proposed' && !ex.wait?.deadline) || (ex.state === 'approved' && (!!ex.decree || !ex.wait?.deadline)));
  usePollWhile(waiting, 60, reload);
}

// ─── where it stands ────────────────────────────────────────────────────────────────────────────

function StatusPanel({ ex }: { ex: Exclusion }) {
  const { t, lang, agencyTimeZone } = useApp();
  const when = (iso: string) => formatDateTime(lang, iso, agencyTimeZone(ex.agencyId));
  const day = (date: string) => formatDate(lang, date, false);
  return (
    <div class="status-area">
      {ex.state === 'proposed' && (
        <section class={ex.wait?.escalatedAt ? 'callout warn' : 'callout'} aria-labelledby="ex-status-h">
          <h2 id="ex-status-h" tabIndex={-1}>
            {t('ex_state_proposed')}
          </h2>
          <p>{t('ex_proposed_by', { by: ex.proposedBy, at: when(ex.proposedAt) })}</p>
          <Wait ex={ex} />
        </section>
      )}
      {ex.state === 'approved' && !ex.decree && (
        <section class={ex.wait?.escalatedAt ? 'callout warn' : 'callout'} aria-labelledby="ex-status-h">
          <h2 id="ex-status-h" tabIndex={-1}>
            {t('ex_waiting_decree_title')}
          </h2>
          <Wait ex={ex} />
        </section>
      )}
      {ex.state === 'approved' && ex.decree && (
        <section class="callout" aria-labelledby="ex-status-h">
          <h2 id="ex-status-h" tabIndex={-1}>
            {t('ex_setting_dik_title')}
          </h2>
        </section>
      )}
      {ex.state === 'returned' && (
        <section class="callout danger" aria-labelledby="ex-status-h">
          <h2 id="ex-status-h" tabIndex={-1}>
            {t('ex_returned_title')}
          </h2>
          {ex.decision?.note && <p class="reason pre-line">{ex.decision.note}</p>}
          {ex.decision && <p class="muted">{t('returned_by', { by: ex.decision.by, at: when(ex.decision.at) })}</p>}
          <p>{t('ex_returned_next')}</p>
        </section>
      )}
      {ex.state === 'approved' && ex.issueFailure && (
        <p class="error-summary" role="alert">
          {t('ex_issue_failed', { at: when(ex.issueFailure.at), reason: ex.issueFailure.reason })}
        </p>
      )}
      {ex.state === 'in_force' && ex.dik && (
        <section class="callout ok" aria-labelledby="ex-status-h">
          <h2 id="ex-status-h" tabIndex={-1}>
            {t('ex_in_force_title', { number: ex.dik.number })}
          </h2>
          <p>
            {ex.dik.until
              ? t('ex_in_force_until', { from: day(ex.decree?.date ?? ex.dik.setAt.slice(0, 10)), until: untilWords(ex.dik.until, lang, staffDates) })
              : t('ex_in_force_no_limit', { from: day(ex.decree?.date ?? ex.dik.setAt.slice(0, 10)) })}
          </p>
          {/* From the end date and the zone, never the stored instant (old records hold a day too early). */}
          {ex.dik.until && <p>{t('ex_ends_at', { ends: endsAfterText(ex.dik.until, agencyTimeZone(ex.agencyId) ?? 'Asia/Jakarta', lang) })}</p>}
        </section>
      )}
      {(ex.state === 'expired' || ex.state === 'revoked') && (
        <section class="callout muted-box" aria-labelledby="ex-status-h">
          <h2 id="ex-status-h" tabIndex={-1}>
            {ex.state === 'expired' ? t('ex_expired_title') : t('ex_revoked_title')}
          </h2>
          {ex.ended && <p>{t('ex_ended_detail', { at: when(ex.ended.at), by: ex.ended.by })}</p>}
          {ex.ended?.note && <p class="pre-line">{t('reason_label', { reason: ex.ended.note })}</p>}
          <p>{t('ex_ended_next')}</p>
          {ex.reopened && <p>{t('ex_reopened', { by: ex.reopened.by, at: when(ex.reopened.at) })}</p>}
          {ex.renewedBy && (
            <p>
              {t('ex_renewed_by')} <a href={`#/exclusions/${ex.renewedBy}`}>{t('ex_renewed_link')}</a>
            </p>
          )}
        </section>
      )}
      {ex.itemId && (
        <p class="related">
          <strong>{t('ex_item_label')}:</strong> <a href={`#/items/${ex.itemId}`}>{ex.itemNumber ?? ex.itemId}</a>
        </p>
      )}
      {ex.requestId && (
        <p class="related">
          <strong>{t('ex_request_label')}:</strong> <a href={`#/requests/${ex.requestId}`}>{ex.requestId.replace(/^(\d{4})-/, 'PMH/$1/')}</a>
        </p>
      )}
    </div>
  );
}

/** Who it waits for, since when, the deadline in the agency's time zone (and how it was computed), reminders. */
function Wait({ ex }: { ex: Exclusion }) {
  const { t, lang, agencyTimeZone } = useApp();
  const w = ex.wait;
  if (!w) return null;
  const when = (iso: string) => formatDateTime(lang, iso, agencyTimeZone(ex.agencyId));
  return (
    <>
      <p>
        <strong>{w.phase === 'decision' ? t('ex_wait_who_decision') : t('ex_wait_who_decree')}</strong> {t('ex_wait_since', { at: when(w.since) })}
      </p>
      <h3>{t('col_deadline')}</h3>
      {w.deadline ? (
        <Deadline deadline={w.deadline} agencyId={ex.agencyId} />
      ) : (
        // biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>)
        <p class="loading" role="status">
          {t('deadline_pending')}
        </p>
      )}
      {w.escalatedAt && <p class="field-error">{t('ex_escalated_note', { n: w.reminders, at: when(w.escalatedAt) })}</p>}
      {w.escalatedAt && w.nextReminderAt && <p>{t('ex_next_reminder', { at: when(w.nextReminderAt) })}</p>}
    </>
  );
}

// ─── what the signed-in person may do now ───────────────────────────────────────────────────────

type Open = 'none' | 'revoke';

function Actions({ ex, onEx, reload }: { ex: Exclusion; onEx: (ex: Exclusion) => void; reload: () => void }) {
  const { me } = useApp();
  const role = me.role;
  const ended = ex.state === 'expired' || ex.state === 'revoked';
  const canDecide = role === 'atasan_ppid' && ex.state === 'proposed';
  const canDecree = role === 'ppid_utama' && ex.state === 'approved' && !ex.decree;
  const canRevoke = EXCLUSION_REVOKERS.includes(role) && ex.state === 'in_force';
  const canResubmit = ex.state === 'returned' && (role === 'ppid_utama' || (role === 'ppid_pelaksana' && me.agencyId === ex.agencyId));
  const canRepublish = role === 'ppid_utama' && ended && !!ex.itemId && !ex.reopened;
  const canRenew = role === 'ppid_utama' && ended && !ex.renewedBy;
  if (!canDecide && !canDecree && !canRevoke && !canResubmit && !canRepublish && !canRenew) return null;
  if (canDecide) return <DecideForm ex={ex} onEx={onEx} reload={reload} />;
  if (canDecree) return <DecreeForm ex={ex} onEx={onEx} reload={reload} />;
  return <OtherActions ex={ex} onEx={onEx} reload={reload} can={{ revoke: canRevoke, resubmit: canResubmit, republish: canRepublish, renew: canRenew }} />;
}

/** How a confirmation names the exclusion's information: "DINKES/2026/0003 (Data rekam medis)", or its title. */
function aboutOf(ex: Exclusion) {
  const title = ex.test.title;
  return { number: ex.itemNumber ?? title, what: ex.itemNumber ? `${ex.itemNumber} (${title})` : `“${title}”` };
}

/** Runs an action (case-parts.tsx useRecordAction): on success the new exclusion and a message. */
function useAction(onEx: (ex: Exclusion) => void, reload: () => void, known: readonly string[]) {
  const { submit, act } = useRecordAction(known, 'ex-status-h', reload);
  const run = (fn: () => Promise<Exclusion>, message: (ex: Exclusion) => string) =>
    act(async () => {
      const next = await fn();
      onEx(next);
      return message(next);
    });
  return { submit, act: run };
}

function DecideForm({ ex, onEx, reload }: { ex: Exclusion; onEx: (ex: Exclusion) => void; reload: () => void }) {
  const { t, api } = useApp();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const { submit, act } = useAction(onEx, reload, ['note', 'decision', 'round']);
  const confirm = useConfirm();
  const about = aboutOf(ex);
  const decide = (decision: 'ya' | 'tidak') => {
    setNoteError(undefined);
    submit.reset();
    if (decision === 'tidak' && !note.trim()) {
      setNoteError(t('err_note_required'));
      setTimeout(() => document.getElementById('ex-note')?.focus(), 0);
      return;
    }
    confirm.ask({
      title: t(decision === 'ya' ? 'cf_ya_title' : 'cf_tidak_title', about),
      what: t(decision === 'ya' ? 'cf_ya_what' : 'cf_tidak_what', about),
      yes: t(decision === 'ya' ? 'cf_ya_yes' : 'cf_tidak_yes'),
      danger: decision === 'tidak',
      onYes: () =>
        void act(
          () => api.send<Exclusion>('POST', `/exclusions/${ex.exclusionId}/decision`, { decision, round: ex.round, ...(note.trim() ? { note } : {}) }),
          () => (decision === 'ya' ? t('ex_ya_msg') : t('ex_tidak_msg')),
        ),
    });
  };
  return (
    <section class="panel actions-panel no-print" aria-labelledby="ex-actions-h">
      <h2 id="ex-actions-h">{t('ex_decide_title')}</h2>
      <p>{t('ex_decide_intro', { n: ex.round })}</p>
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form
        class="reason-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          decide('ya');
        }}
      >
        <Field id="ex-note" label={t('f_decision_note')} name="note" hint={t('f_decision_note_hint')} error={noteError ?? submit.fieldError('note')}>
          {(a) => <textarea {...a} rows={4} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {t('ex_act_ya')}
          </button>
          <button type="button" class="secondary danger" disabled={submit.busy} onClick={() => decide('tidak')}>
            {t('ex_act_tidak')}
          </button>
        </div>
      </form>
      {confirm.dialog}
    </section>
  );
}

const DECREE_FIELDS = ['decree.number', 'decree.date', 'decree.place', 'decree.official'] as const;

function DecreeForm({ ex, onEx, reload }: { ex: Exclusion; onEx: (ex: Exclusion) => void; reload: () => void }) {
  const { t, api, me, agencyTimeZone } = useApp();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: agencyTimeZone(ex.agencyId), year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  // The date stays "today in the agency's zone" until edited (the zone is known once the agencies are loaded).
  const [d, setD] = useState({ number: '', date: '', place: '', name: me.name, position: '', rank: '', nip: '' });
  const date = d.date || today;
  const set = (k: keyof typeof d, v: string) => setD((old) => ({ ...old, [k]: v }));
  const { submit, act } = useAction(onEx, reload, DECREE_FIELDS);
  const confirm = useConfirm();
  const send = (e: Event) => {
    e.preventDefault();
    const decree: Decree = {
      number: d.number,
      date,
      place: d.place,
      official: {
        name: d.name,
        position: d.position,
        ...(d.rank.trim() ? { rank: d.rank.trim() } : {}),
        ...(d.nip.trim() ? { nip: d.nip.trim() } : {}),
      },
    };
    confirm.ask({
      title: t('cf_decree_title'),
      what: t('cf_decree_what', { ...aboutOf(ex), decree: decree.number.trim() || '—' }),
      yes: t('cf_decree_yes'),
      onYes: () =>
        void act(
          () => api.send<Exclusion>('POST', `/exclusions/${ex.exclusionId}/decree`, { decree, version: ex.version }),
          () => t('ex_decree_msg'),
        ),
    });
  };
  return (
    <section class="panel actions-panel no-print" aria-labelledby="ex-actions-h">
      <h2 id="ex-actions-h">{t('ex_act_decree_title')}</h2>
      <p>{t('ex_act_decree_intro')}</p>
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <form noValidate onSubmit={send}>
        <div class="grid two">
          <Field label={t('f_decree_number')} name="decreeNumber" required error={submit.fieldError('decree.number')}>
            {(a) => <input {...a} type="text" maxLength={120} value={d.number} onInput={(e) => set('number', e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_decree_date')} name="decreeDate" required hint={t('f_decree_date_hint')} error={submit.fieldError('decree.date')}>
            {(a) => <input {...a} class="date" type="date" max={today} value={date} onInput={(e) => set('date', e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_decree_place')} name="decreePlace" required error={submit.fieldError('decree.place')}>
            {(a) => <input {...a} type="text" maxLength={100} value={d.place} onInput={(e) => set('place', e.currentTarget.value)} />}
          </Field>
        </div>
        <div class="grid two">
          <Field label={t('f_official_name')} name="officialName" required error={submit.fieldError('decree.official.name')}>
            {(a) => <input {...a} type="text" maxLength={200} value={d.name} onInput={(e) => set('name', e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_official_position')} name="officialPosition" required error={submit.fieldError('decree.official.position')}>
            {(a) => <input {...a} type="text" maxLength={200} value={d.position} onInput={(e) => set('position', e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_official_nip')} name="officialNip" hint={t('f_official_nip_hint')} error={submit.fieldError('decree.official.nip')}>
            {(a) => <input {...a} type="text" inputMode="numeric" maxLength={21} value={d.nip} onInput={(e) => set('nip', e.currentTarget.value)} />}
          </Field>
          <Field label={t('f_rank')} name="officialRank" hint={t('f_rank_hint')} error={submit.fieldError('decree.official.rank')}>
            {(a) => <input {...a} type="text" maxLength={100} value={d.rank} onInput={(e) => set('rank', e.currentTarget.value)} />}
          </Field>
        </div>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={submit.busy}>
            {submit.busy ? t('saving') : t('ex_act_decree_send')}
          </button>
        </div>
      </form>
      {confirm.dialog}
    </section>
  );
}

function OtherActions(props: {
  ex: Exclusion;
  onEx: (ex: Exclusion) => void;
  reload: () => void;
  can: { revoke: boolean; resubmit: boolean; republish: boolean; renew: boolean };
}) {
  const { ex, can } = props;
  const { t, api } = useApp();
  const [open, setOpen] = useState<Open>('none');
  const [reason, setReason] = useState('');
  const { submit, act } = useAction(props.onEx, props.reload, ['reason']);
  const confirm = useConfirm();
  const about = aboutOf(ex);
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open === 'revoke') area.current?.focus();
  }, [open]);
  const toggle = () => {
    submit.reset();
    setReason('');
    const closing = open === 'revoke';
    setOpen(closing ? 'none' : 'revoke');
    if (closing) setTimeout(() => document.getElementById('ex-open-revoke')?.focus(), 0);
  };
  return (
    <section class="panel actions-panel no-print" aria-labelledby="ex-actions-h">
      <h2 id="ex-actions-h">{t('ex_actions_title')}</h2>
      {can.republish && <p class="hint">{t('ex_republish_hint', { number: ex.itemNumber ?? '' })}</p>}
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      <div class="form-actions">
        {can.resubmit && (
          <a class="button primary" href={`#/exclusions/${ex.exclusionId}/edit`}>
            {t('ex_act_resubmit')}
          </a>
        )}
        {can.republish && (
          <button
            type="button"
            class="primary"
            disabled={submit.busy}
            onClick={() =>
              confirm.ask({
                title: t('cf_republish_title', about),
                what: t('cf_republish_what', about),
                yes: t('cf_republish_yes'),
                onYes: () =>
                  void act(
                    () => api.send<Exclusion>('POST', `/exclusions/${ex.exclusionId}/republish`, { version: ex.version }),
                    () => t('ex_republished_msg', { number: ex.itemNumber ?? '' }),
                  ),
              })
            }
          >
            {t('ex_act_republish')}
          </button>
        )}
        {can.renew && (
          <a class="button secondary" href={`#/exclusions/new?renews=${encodeURIComponent(ex.exclusionId)}`}>
            {t('ex_act_renew')}
          </a>
        )}
        {can.revoke && (
          <button type="button" id="ex-open-revoke" class="secondary danger" aria-expanded={open === 'revoke'} disabled={submit.busy} onClick={toggle}>
            {t('ex_act_revoke')}
          </button>
        )}
      </div>
      {open === 'revoke' && (
        <form
          class="reason-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            confirm.ask({
              title: t('cf_revoke_title', { number: ex.dik?.number ?? about.number }),
              what: t('cf_revoke_what', { number: ex.dik?.number ?? '', what: ex.test.title }),
              yes: t('cf_revoke_yes'),
              danger: true,
              onYes: () =>
                void act(
                  () => api.send<Exclusion>('POST', `/exclusions/${ex.exclusionId}/revoke`, { reason, version: ex.version }),
                  (next) => t('ex_revoked_msg', { number: next.dik?.number ?? '' }),
                ),
            });
          }}
        >
          <Field label={t('f_revoke_reason')} name="reason" required hint={t('f_revoke_reason_hint')} error={submit.fieldError('reason')}>
            {(a) => <textarea {...a} ref={area} rows={4} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
          </Field>
          <div class="form-actions">
            <button type="submit" class="primary danger" disabled={submit.busy}>
              {t('ex_act_revoke_send')}
            </button>
            <button type="button" class="secondary" onClick={toggle} disabled={submit.busy}>
              {t('cancel')}
            </button>
          </div>
        </form>
      )}
      {confirm.dialog}
    </section>
  );
}

// ─── the record ─────────────────────────────────────────────────────────────────────────────────

/** The consequence test, element by element, in the order of the form (and of the PDF). */
function TestSheet({ ex }: { ex: Exclusion }) {
  const { t, lang, agencyTimeZone } = useApp();
  const test = ex.test;
  const row = (label: MessageKey, value: ComponentChildren) => (
    <tr>
      <th scope="row">{t(label)}</th>
      <td>{value}</td>
    </tr>
  );
  return (
    <section class="panel test-sheet" aria-labelledby="ex-test-h">
      <h2 id="ex-test-h">{t('ex_test_title')}</h2>
      <p class="muted">{t('ex_proposed_by', { by: ex.proposedBy, at: formatDateTime(lang, ex.proposedAt, agencyTimeZone(ex.agencyId)) })}</p>
      <div class="table-wrap">
        <table class="versions sheet">
          <caption>{t('ex_test_caption', { n: ex.round })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ex_field')}</th>
              <th scope="col">{t('ex_value')}</th>
            </tr>
          </thead>
          <tbody>
            {row(
              'ex_row_documents',
              <ol class="plain-list numbered">
                {test.documents.map((d, i) => (
                  <li key={i}>
                    {d.title}
                    {d.reference && <span class="muted"> ({d.reference})</span>}
                  </li>
                ))}
              </ol>,
            )}
            {row(
              'ex_row_information',
              <>
                <strong class="sheet-title">{test.title}</strong>
                <span class="pre-line">{test.description}</span>
              </>,
            )}
            {row('ex_row_legal', <LegalBasisList basis={test.legalBasis} />)}
            {row('ex_row_consequence', <span class="pre-line">{test.consequence.ifOpened}</span>)}
            {row('ex_row_public_interest', <span class="pre-line">{test.consequence.publicInterest}</span>)}
            {row('ex_row_period', test.period.until ? <UntilWords until={test.period.until} /> : t('no_time_limit'))}
            {row(
              'ex_row_participants',
              <ol class="plain-list numbered">
                {test.participants.map((p, i) => (
                  <li key={i}>
                    {p.name}, {p.position}
                  </li>
                ))}
              </ol>,
            )}
            {row('ex_row_tested_on', formatDate(lang, test.testedOn ?? ex.proposedAt.slice(0, 10), false))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DecisionSection({ ex }: { ex: Exclusion }) {
  const { t, lang, agencyTimeZone } = useApp();
  const d = ex.decision;
  return (
    <section class="panel" aria-labelledby="ex-decision-h">
      <h2 id="ex-decision-h">{t('ex_decision_title')}</h2>
      {!d ? (
        <p class="muted">{t('ex_decision_none')}</p>
      ) : (
        <dl class="facts">
          <dt>{t('f_decision')}</dt>
          <dd>
            <strong class={d.decision === 'ya' ? 'decision-ya' : 'decision-tidak'}>{d.decision === 'ya' ? t('ex_decision_ya') : t('ex_decision_tidak')}</strong>
          </dd>
          <dt>{t('f_by')}</dt>
          <dd>
            {d.by} <span class="muted">({t(`role_${d.role}` as MessageKey)})</span>
          </dd>
          <dt>{t('f_at')}</dt>
          <dd>
            <time dateTime={d.at}>{formatDateTime(lang, d.at, agencyTimeZone(ex.agencyId))}</time>
          </dd>
          <dt>{t('f_note')}</dt>
          <dd class="pre-line">{d.note ?? '—'}</dd>
        </dl>
      )}
    </section>
  );
}

function DecreeSection({ ex }: { ex: Exclusion }) {
  const { t, lang, agencyTimeZone } = useApp();
  const d = ex.decree;
  return (
    <section class="panel" aria-labelledby="ex-decree-h">
      <h2 id="ex-decree-h">{t('ex_decree_title')}</h2>
      {!d ? (
        <p class="muted">{t('ex_decree_none')}</p>
      ) : (
        <>
          <dl class="facts">
            <dt>{t('f_decree_number')}</dt>
            <dd>{d.number}</dd>
            <dt>{t('f_decree_date')}</dt>
            <dd>
              <time dateTime={d.date}>{formatDate(lang, d.date, false)}</time>
            </dd>
            <dt>{t('f_decree_place')}</dt>
            <dd>{d.place}</dd>
            <dt>{t('f_official_name')}</dt>
            <dd>
              {d.official.name}, {d.official.position}
              {d.official.nip && <span class="sub-line">NIP {d.official.nip}</span>}
            </dd>
          </dl>
          <p class="hint">{t('ex_recorded_by', { by: d.recordedBy, at: formatDateTime(lang, d.recordedAt, agencyTimeZone(ex.agencyId)) })}</p>
        </>
      )}
    </section>
  );
}

function DikSection({ ex }: { ex: Exclusion }) {
  const { t, lang, agencyTimeZone } = useApp();
  const k = ex.dik;
  return (
    <section class="panel" aria-labelledby="ex-dik-h">
      <h2 id="ex-dik-h">{t('ex_dik_title')}</h2>
      {!k ? (
        <p class="muted">{t('ex_dik_none')}</p>
      ) : (
        <>
          <dl class="facts">
            <dt>{t('f_dik_number')}</dt>
            <dd>
              <code class="dik-number">{k.number}</code>
            </dd>
            <dt>{t('f_in_force_since')}</dt>
            <dd>{ex.decree ? <time dateTime={ex.decree.date}>{formatDate(lang, ex.decree.date, false)}</time> : '—'}</dd>
            <dt>{t('f_until')}</dt>
            <dd>
              <UntilText ex={ex} />
            </dd>
            <dt>{t('f_set_at')}</dt>
            <dd>
              <time dateTime={k.setAt}>{formatDateTime(lang, k.setAt, agencyTimeZone(ex.agencyId))}</time>
            </dd>
          </dl>
          <Files ex={ex} />
        </>
      )}
    </section>
  );
}

/** The two generated PDFs: a short-lived link is asked for on click and opened in a new tab. */
function Files({ ex }: { ex: Exclusion }) {
  const { t, lang, api } = useApp();
  const [ready, setReady] = useState<{ url: string; name: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const files = (['testSheet', 'decree'] as const).filter((f) => ex.files?.[f]);
  if (!files.length) return null;
  const open = async (file: 'testSheet' | 'decree') => {
    setError(null);
    setReady(null);
    // Opened now, while the click still counts as the person's: a window opened after the request
    // would be taken for a pop-up.
    const tab = window.open('', '_blank');
    try {
      const { url } = await api.get<{ url: string }>(`/exclusions/${ex.exclusionId}/files/${file}`);
      if (tab) {
        tab.opener = null;
        tab.location.href = url;
      } else setReady({ url, name: ex.files![file]!.fileName });
    } catch (e) {
      tab?.close();
      setError(e);
    }
  };
  return (
    <>
      <h3>{t('ex_files')}</h3>
      <ul class="plain-list file-links">
        {files.map((f) => {
          const file = ex.files![f]!;
          return (
            <li key={f}>
              <button type="button" class="link" onClick={() => void open(f)}>
                {t(`ex_file_${f}` as MessageKey)}
              </button>
              <span class="muted">
                {' '}
                {file.fileName} · {formatBytes(lang, file.size)}
              </span>
            </li>
          );
        })}
      </ul>
      {ready && (
        <p>
          {t('ex_file_ready')}{' '}
          <a href={ready.url} target="_blank" rel="noopener">
            {ready.name}
          </a>
        </p>
      )}
      <ErrorMessage error={error} />
    </>
  );
}
