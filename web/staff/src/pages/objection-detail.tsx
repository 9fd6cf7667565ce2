/**
 * Detail keberatan: where the objection stands (the Atasan PPID's deadline with its explanation, the
 * response with its signed letter, the dispute window, the follow-up), what the Atasan PPID or the
 * SKPD may do now (objection-actions.tsx), the case with its grounds (Pasal 35(1)), the request
 * objected to with its notice, every document of the case, the objector's identity on demand (each
 * read audited) and the timeline with dates in words and people by name.
 */
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { formatBytes, formatDate } from '../format.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import { OBJECTION_GROUND_TEXT, type Objection, type Requester } from '../types.ts';
import { ErrorMessage, Loading, PageHeader, useLoad } from '../ui.tsx';
import { TimelineSection, useFileLink, usePollWhile } from './case-parts.tsx';
import { FollowUpPanel, ResponsePanel } from './objection-actions.tsx';
import { ObjectionStateBadge, objectionEventKey, objectionPath, useBodyZone, usePeopleOf } from './objection-parts.tsx';
import { channelKey, decisionKey, RequestStateBadge, requesterKindKey, WorkingDaysLeft, whenInWords } from './request-parts.tsx';

export function ObjectionDetailPage({ objectionId }: { objectionId: string }) {
  const { t, api, me } = useApp();
  const loaded = useLoad(() => api.get<Objection>(`/objections/${encodeURIComponent(objectionId)}`), [api, objectionId]);
  const o = loaded.data;
  usePolling(o, loaded.reload);
  const canRespond = !!o && me.role === 'atasan_ppid' && !o.response;
  const canFollowUp =
    !!o &&
    !!o.followUp &&
    !o.followUp.fulfilled &&
    !!o.requestId &&
    (me.role === 'ppid_utama' || (me.role === 'ppid_pelaksana' && o.agencyIds.includes(me.agencyId)));

  return (
    <>
      {o && <PrintLetterhead />}
      <p class="breadcrumb no-print">
        <a href="#/objections">{t('obj_back_to_list')}</a>
        {o && ` › ${o.number}`}
      </p>
      <PageHeader title={o ? t('obj_title', { number: o.number }) : t('nav_objections')} />
      <ErrorMessage error={loaded.error} />
      {!o ? (
        loaded.loading && <Loading />
      ) : (
        <div class="request-detail objection-detail">
          <Meta o={o} />
          <StatusPanel o={o} />
          {canRespond && <ResponsePanel o={o} reload={loaded.reload} />}
          {canFollowUp && <FollowUpPanel o={o} reload={loaded.reload} />}
          <CaseSection o={o} />
          <PersonalSection o={o} />
          <RequestSection o={o} />
          <DocumentsSection o={o} />
          <Timeline o={o} />
          <p class="no-print">
            <a href={`#/audit?entityType=objection&entityId=${encodeURIComponent(o.objectionId)}`}>{t('obj_audit_link')}</a>
          </p>
          <PrintSignature />
        </div>
      )}
    </>
  );
}

/** While the workflow issues the response letter, look again every few seconds. */
const usePolling = (o: Objection | undefined, reload: () => void) => usePollWhile(!!o?.response && !o.responseDocument, 80, reload);

function Meta({ o }: { o: Objection }) {
  const { t, lang } = useApp();
  const zone = useBodyZone();
  const who = usePeopleOf(o);
  return (
    <p class="item-meta">
      <ObjectionStateBadge o={o} /> · {t('obj_meta_received', { date: formatDate(lang, o.receivedOn), channel: t(channelKey(o.channel)) })} ·{' '}
      {t('obj_meta_registered', { by: who(o.registeredBy), at: whenInWords(lang, o.registeredAt, zone) })}
    </p>
  );
}

// ─── where it stands ────────────────────────────────────────────────────────────────────────────

function StatusPanel({ o }: { o: Objection }) {
  const { t, lang, pick } = useApp();
  const zone = useBodyZone();
  const when = (iso: string) => whenInWords(lang, iso, zone);
  const overdue = !o.response && Date.parse(o.deadline.at) < Date.now();
  if (!o.response) {
    return (
      <section class={overdue ? 'callout warn' : 'callout'} aria-labelledby="obj-status-h">
        <h2 id="obj-status-h" tabIndex={-1}>
          {t('obj_waiting_title')}
        </h2>
        <h3>{t('obj_deadline_title')}</h3>
        <div class="deadline-box">
          <p>
            <WorkingDaysLeft deadline={o.deadline} />
          </p>
          <p>
            <time class="deadline-when" dateTime={o.deadline.at}>
              {when(o.deadline.at)}
            </time>
          </p>
          <p class="explanation">{pick(o.deadline.explanation)}</p>
        </div>
        <p class="hint">{t('obj_deadline_law')}</p>
        {o.escalatedAt && <p class="field-error">{t('obj_escalated_note', { at: when(o.escalatedAt), n: o.escalations })}</p>}
        {o.reminderAt && !o.remindedAt && <p class="muted">{t('obj_reminder_at', { at: when(o.reminderAt) })}</p>}
        {o.disputeWindow && (
          <p>{t(o.disputeWindow.from === 'response' ? 'obj_dispute_response' : 'obj_dispute_no_response', { date: when(o.disputeWindow.at) })}</p>
        )}
      </section>
    );
  }
  const r = o.response;
  const granted = r.decision === 'granted';
  return (
    <section class={granted ? 'callout ok' : 'callout danger'} aria-labelledby="obj-status-h">
      <h2 id="obj-status-h" tabIndex={-1}>
        {t(granted ? 'obj_response_granted' : 'obj_response_rejected')}
      </h2>
      {granted && r.scope && (
        <p>
          <strong>{t(r.scope === 'partial' ? 'obj_scope_partial' : 'obj_scope_full')}</strong>
          {r.provideBy && <> · {t('obj_response_provide_by', { date: formatDate(lang, r.provideBy) })}</>}
        </p>
      )}
      <p>{t('obj_response_by', { name: r.responder.name, position: r.responder.position, at: when(r.at) })}</p>
      <h3>{t('obj_response_reasons')}</h3>
      <p class="pre-line">{r.reasons}</p>
      <ResponseLetter o={o} />
      {o.disputeWindow && (
        <p>{t(o.disputeWindow.from === 'response' ? 'obj_dispute_response' : 'obj_dispute_no_response', { date: when(o.disputeWindow.at) })}</p>
      )}
      {o.followUp && <FollowUpState o={o} />}
    </section>
  );
}

function ResponseLetter({ o }: { o: Objection }) {
  const { t, lang } = useApp();
  const zone = useBodyZone();
  const link = useFileLink();
  if (!o.responseDocument) {
    return (
      // biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>)
      <p class="muted" role="status">
        {t('obj_response_pending')}
      </p>
    );
  }
  const d = o.responseDocument;
  return (
    <>
      <ErrorMessage error={link.error} />
      <ul class="file-links">
        <li>
          <button type="button" class="link" onClick={() => void link.open(objectionPath(o, '/files/response'))}>
            {t('obj_response_download', { number: d.number })}
          </button>
          <span class="sub-line">{t('obj_response_meta', { at: whenInWords(lang, d.issuedAt, zone), code: d.verificationCode })}</span>
        </li>
      </ul>
    </>
  );
}

function FollowUpState({ o }: { o: Objection }) {
  const { t, lang, pick, agencyName } = useApp();
  const zone = useBodyZone();
  const who = usePeopleOf(o);
  const f = o.followUp!;
  const when = (iso: string) => whenInWords(lang, iso, zone);
  const units = o.agencyIds.map(agencyName).join(', ');
  return (
    <div class="followup">
      <h3>{t('obj_followup_title')}</h3>
      {f.fulfilled ? (
        <>
          <p>
            <strong>{t('obj_followup_done', { at: when(f.fulfilled.at), by: who(f.fulfilled.by) })}</strong>
            {f.fulfilled.at > f.deadline.at && ` ${t('obj_followup_late')}`}
          </p>
          <p class="pre-line">
            {t('obj_followup_note')}: {f.fulfilled.note}
          </p>
        </>
      ) : (
        <>
          <p>{t('obj_followup_open', { who: units || agencyName(o.agencyIds[0] ?? '') })}</p>
          <h4>{t('obj_followup_deadline')}</h4>
          <div class="deadline-box">
            <p>
              <WorkingDaysLeft deadline={f.deadline} />
            </p>
            <p>
              <time class="deadline-when" dateTime={f.deadline.at}>
                {when(f.deadline.at)}
              </time>
            </p>
            <p class="explanation">{pick(f.deadline.explanation)}</p>
          </div>
          {f.escalatedAt && <p class="field-error">{t('obj_followup_escalated', { at: when(f.escalatedAt) })}</p>}
          {f.reminders > 0 && <p class="muted">{t('obj_followup_reminders', { n: f.reminders })}</p>}
        </>
      )}
    </div>
  );
}

// ─── the case ───────────────────────────────────────────────────────────────────────────────────

function CaseSection({ o }: { o: Objection }) {
  const { t, lang, pick } = useApp();
  const zone = useBodyZone();
  return (
    <section class="panel" aria-labelledby="obj-case-h">
      <h2 id="obj-case-h">{t('obj_case_title')}</h2>
      <dl class="facts">
        <dt>{t('obj_information')}</dt>
        <dd class="pre-line">{o.information}</dd>
        <dt>{t('obj_grounds')}</dt>
        <dd>
          <ul class="grounds objection-grounds">
            {o.grounds.map((g) => {
              const w = o.windows.find((x) => x.ground === g);
              return (
                <li key={g}>
                  <strong>{t('obj_ground_letter', { letter: g, text: pick(OBJECTION_GROUND_TEXT[g]) })}</strong>
                  {w?.arose && w.until.at && (
                    <span class="sub-line">
                      {t('obj_ground_window', { arose: whenInWords(lang, w.arose, zone), until: whenInWords(lang, w.until.at, zone) })}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </dd>
        <dt>{t('obj_case')}</dt>
        <dd class="pre-line">{o.case}</dd>
        <dt>{t('obj_channel')}</dt>
        <dd>
          {t(channelKey(o.channel))} · {formatDate(lang, o.receivedOn)}
        </dd>
      </dl>
    </section>
  );
}

// ─── the objector, on demand ────────────────────────────────────────────────────────────────────

type PersonalState = { kind: 'closed' } | { kind: 'loading' } | { kind: 'shown'; objector: Requester } | { kind: 'refused'; message: string };

function PersonalSection({ o }: { o: Objection }) {
  const { t, pick, api } = useApp();
  const [state, setState] = useState<PersonalState>({ kind: 'closed' });
  const [error, setError] = useState<unknown>(null);
  const shownRef = useRef<HTMLDListElement>(null);
  const show = async () => {
    setError(null);
    setState({ kind: 'loading' });
    try {
      const { objector } = await api.get<{ objector: Requester }>(objectionPath(o, '/personal'));
      setState({ kind: 'shown', objector });
      setTimeout(() => shownRef.current?.focus(), 0);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 403 || e.status === 404))
        setState({ kind: 'refused', message: e.status === 403 ? t('obj_personal_hidden') : pick(e.messages) });
      else {
        setState({ kind: 'closed' });
        setError(e);
      }
    }
  };
  return (
    <section class="panel personal" aria-labelledby="obj-personal-h">
      <h2 id="obj-personal-h">{t('obj_personal_title')}</h2>
      <ErrorMessage error={error} />
      {state.kind === 'shown' ? (
        <>
          <p class="hint">{t('obj_personal_recorded')}</p>
          <dl class="facts" tabIndex={-1} ref={shownRef} aria-label={t('obj_personal_title')}>
            <dt>{t('f_rq_kind')}</dt>
            <dd>{t(requesterKindKey(state.objector.kind))}</dd>
            <dt>{t('f_rq_full_name')}</dt>
            <dd>{state.objector.fullName}</dd>
            {state.objector.nik && (
              <>
                <dt>{t('f_rq_nik')}</dt>
                <dd>
                  <code>{state.objector.nik}</code>
                </dd>
              </>
            )}
            {state.objector.legalEntityDecree && (
              <>
                <dt>{t('f_rq_decree')}</dt>
                <dd>{state.objector.legalEntityDecree}</dd>
              </>
            )}
            <dt>{t('f_rq_address')}</dt>
            <dd class="pre-line">{state.objector.address}</dd>
            <dt>{t('f_rq_phone')}</dt>
            <dd>{state.objector.phone ?? '—'}</dd>
            <dt>{t('f_rq_email')}</dt>
            <dd>{state.objector.email ?? '—'}</dd>
            {state.objector.onBehalfOf && (
              <>
                <dt>{t('f_rq_on_behalf')}</dt>
                <dd>{state.objector.onBehalfOf}</dd>
              </>
            )}
          </dl>
        </>
      ) : state.kind === 'refused' ? (
        <p class="notice">{state.message}</p>
      ) : (
        <>
          <p class="hint" id="obj-personal-note">
            {t('obj_personal_intro')}
          </p>
          <p class="no-print">
            <button type="button" class="secondary" aria-describedby="obj-personal-note" disabled={state.kind === 'loading'} onClick={() => void show()}>
              {state.kind === 'loading' ? t('loading') : t('obj_personal_show')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}

// ─── the request objected to ────────────────────────────────────────────────────────────────────

function RequestSection({ o }: { o: Objection }) {
  const { t, lang, agencyName } = useApp();
  const zone = useBodyZone();
  const link = useFileLink();
  const r = o.request;
  return (
    <section class="panel" aria-labelledby="obj-request-h">
      <h2 id="obj-request-h">{t('obj_request_title')}</h2>
      {!o.requestId ? (
        <p>{t('obj_request_none')}</p>
      ) : (
        <>
          <p>
            <a href={`#/requests/${o.requestId}`}>{t('obj_request_open', { number: o.requestNumber ?? '' })}</a>
          </p>
          {r && (
            <dl class="facts">
              <dt>{t('obj_request_state')}</dt>
              <dd>
                <RequestStateBadge r={r} /> · {t('rq_meta_received', { date: formatDate(lang, r.receivedOn), channel: t(channelKey(r.channel)) })}
              </dd>
              <dt>{t('f_rq_information')}</dt>
              <dd class="pre-line">{r.content.information}</dd>
              <dt>{t('f_rq_purpose')}</dt>
              <dd class="pre-line">{r.content.purpose}</dd>
              <dt>{t('obj_request_deadline')}</dt>
              <dd>{whenInWords(lang, r.deadline.at, zone)}</dd>
              <dt>{t('obj_request_notice')}</dt>
              <dd>
                {r.notice ? (
                  <>
                    <ErrorMessage error={link.error} />
                    <button type="button" class="link" onClick={() => void link.open(`/requests/${encodeURIComponent(r.requestId)}/files/notice`)}>
                      {t('rq_notice_download', { number: r.notice.number })}
                    </button>
                    <span class="sub-line">{t('rq_notice_meta', { at: whenInWords(lang, r.notice.issuedAt, zone), code: r.notice.verificationCode })}</span>
                    {r.outcome?.decision && <span class="sub-line">{t(decisionKey(r.outcome.decision))}</span>}
                  </>
                ) : (
                  t('obj_request_no_notice')
                )}
              </dd>
              {r.parts.length > 0 && (
                <>
                  <dt>{t('obj_request_parts')}</dt>
                  <dd>
                    <ul class="plain-list">
                      {r.parts.map((p) => (
                        <li key={p.agencyId}>
                          {p.answer
                            ? t('obj_request_part_answer', {
                                agency: agencyName(p.agencyId),
                                decision: t(decisionKey(p.answer.decision)),
                                at: whenInWords(lang, p.answer.answeredAt, zone),
                              })
                            : t('obj_request_part_open', { agency: agencyName(p.agencyId) })}
                          {p.answer?.note && <span class="sub-line pre-line">{p.answer.note}</span>}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
            </dl>
          )}
        </>
      )}
    </section>
  );
}

// ─── every document of the case ─────────────────────────────────────────────────────────────────

function DocumentsSection({ o }: { o: Objection }) {
  const { t, lang, agencyName } = useApp();
  const zone = useBodyZone();
  const link = useFileLink();
  const r = o.request;
  const released = new Set((r?.parts ?? []).flatMap((p) => p.answer?.documents ?? []).map((d) => d.docId));
  const provided = o.followUp?.fulfilled?.documents ?? [];
  const who = usePeopleOf(o);
  return (
    <section class="panel" aria-labelledby="obj-docs-h">
      <h2 id="obj-docs-h">{t('obj_docs_title')}</h2>
      <ErrorMessage error={link.error} />
      {r && (
        <>
          <h3>{t('obj_docs_request')}</h3>
          {r.documents.length === 0 ? (
            <p>{t('obj_docs_none')}</p>
          ) : (
            <ul class="file-links">
              {r.documents.map((d) => (
                <li key={d.docId}>
                  {d.status === 'verified' ? (
                    <button
                      type="button"
                      class="link"
                      onClick={() => void link.open(`/requests/${encodeURIComponent(r.requestId)}/files/${encodeURIComponent(d.docId)}`)}
                    >
                      {t('doc_download_named', { name: d.fileName })}
                    </button>
                  ) : (
                    d.fileName
                  )}{' '}
                  ({formatBytes(lang, d.size)}){d.status !== 'verified' && ` · ${t('obj_doc_pending')}`}
                  {released.has(d.docId) && ` · ${t('obj_doc_released')}`}
                  <span class="sub-line">
                    {agencyName(d.agencyId)} · {t('rq_by_at', { by: who(d.uploadedBy), at: whenInWords(lang, d.uploadedAt, zone) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <h3>{t('obj_docs_attachments')}</h3>
      {o.attachments.length === 0 ? (
        <p>{t('obj_docs_none')}</p>
      ) : (
        <ul class="file-links">
          {o.attachments.map((a) => (
            <li key={a.docId}>
              <button type="button" class="link" onClick={() => void link.open(objectionPath(o, `/files/${encodeURIComponent(a.docId)}`))}>
                {t('doc_download_named', { name: a.fileName })}
              </button>{' '}
              ({formatBytes(lang, a.size)})
            </li>
          ))}
        </ul>
      )}
      {o.followUp && (
        <>
          <h3>{t('obj_docs_followup')}</h3>
          {provided.length === 0 ? (
            <p>{t('obj_docs_none')}</p>
          ) : (
            <ul class="file-links">
              {provided.map((d) => (
                <li key={d.docId}>
                  <button type="button" class="link" onClick={() => void link.open(objectionPath(o, `/files/${encodeURIComponent(d.docId)}`))}>
                    {t('doc_download_named', { name: d.fileName })}
                  </button>{' '}
                  ({formatBytes(lang, d.size)})
                  {d.redaction && <span class="sub-line">{t('rq_redaction_detail', { what: d.redaction.what, ground: d.redaction.ground })}</span>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

// ─── the timeline ───────────────────────────────────────────────────────────────────────────────

function Timeline({ o }: { o: Objection }) {
  const { t } = useApp();
  const zone = useBodyZone();
  const who = usePeopleOf(o);
  const noteOf = (e: Objection['timeline'][number]): string | undefined => {
    if (!e.note) return undefined;
    switch (e.type) {
      case 'received':
        return t(channelKey(e.note as Objection['channel']));
      case 'responded':
        return e.note === 'granted' ? t('obj_response_granted') : e.note === 'rejected' ? t('obj_response_rejected') : e.note;
      case 'escalated':
      case 'followup_escalated':
        return t('rq_escalation_n', { n: e.note });
      default:
        return e.note;
    }
  };
  return (
    <TimelineSection prefix="obj" title={t('obj_timeline_title')} events={o.timeline} zone={zone} eventKey={objectionEventKey} noteOf={noteOf} who={who} />
  );
}
