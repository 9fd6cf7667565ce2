/**
 * Detail permohonan: what was asked and how it is to be given, the statutory deadline with its
 * explanation (and the extension), the requester's personal data (only for those who handle the
 * request: PPID Utama, the admin and the SKPDs it was routed to; hidden text otherwise), each SKPD's
 * part of the answer, the written notice and the notice of extension (download links), the
 * clarifications, the timeline as typed events with dates in words and people by name, and the
 * actions the signed-in person may take now (request-actions.tsx).
 */
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { formatBytes, formatDate } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import type { InfoRequest, RequestPart, RequestPersonalView } from '../types.ts';
import { ErrorMessage, Loading, PageHeader, useLoad } from '../ui.tsx';
import { TimelineSection, useFileLink, usePeople, usePollWhile } from './case-parts.tsx';
import { DeadlineWhen } from './item-parts.tsx';
import { RequestActions } from './request-actions.tsx';
import {
  bodyAgencyOf,
  channelKey,
  decisionKey,
  deliveryMethodKey,
  eventKey,
  obtainKey,
  RequestStateBadge,
  requesterKindKey,
  rupiah,
  WorkingDaysLeft,
  whenInWords,
} from './request-parts.tsx';
import { waitingText } from './requests.tsx';

export function RequestDetailPage({ requestId }: { requestId: string }) {
  const { t, api } = useApp();
  const loaded = useLoad(() => api.get<InfoRequest>(`/requests/${encodeURIComponent(requestId)}`), [api, requestId]);
  const r = loaded.data;
  usePolling(r, loaded.reload);

  return (
    <>
      {r && <PrintLetterhead />}
      <p class="breadcrumb no-print">
        <a href="#/requests">{t('rq_back_to_list')}</a>
        {r && ` › ${r.number}`}
      </p>
      <PageHeader title={r ? t('rq_title', { number: r.number }) : t('nav_requests')} />
      <ErrorMessage error={loaded.error} />
      {!r ? (
        loaded.loading && <Loading />
      ) : (
        <div class="request-detail">
          <Meta r={r} />
          <StatusPanel r={r} />
          <RequestActions r={r} reload={loaded.reload} />
          <ContentSection r={r} />
          <PersonalSection r={r} />
          <PartsSection r={r} />
          <NoticesSection r={r} />
          {r.clarifications.length > 0 && <ClarificationsSection r={r} />}
          <Timeline r={r} />
          <p class="no-print">
            <a href={`#/audit?entityType=request&entityId=${encodeURIComponent(r.requestId)}`}>{t('rq_audit_link')}</a>
          </p>
          <PrintSignature />
        </div>
      )}
    </>
  );
}

/** While the workflow works (issuing the notice or the notice of extension), look again every few seconds. */
function usePolling(r: InfoRequest | undefined, reload: () => void) {
  const noticeDue = !!r && !r.notice && !!r.routing && (!r.routing.held || (r.parts.length > 0 && r.parts.every((p) => p.answer)));
  usePollWhile(!!r && (noticeDue || (!!r.extension && !r.extensionNotice)), 80, reload);
}

function Meta({ r }: { r: InfoRequest }) {
  const { t, lang, timeZone } = useApp();
  const who = usePeople(r.people);
  return (
    <p class="item-meta">
      <RequestStateBadge r={r} /> · {t('rq_meta_received', { date: formatDate(lang, r.receivedOn), channel: t(channelKey(r.channel)) })} ·{' '}
      {t('rq_meta_registered', { by: who(r.registeredBy), at: whenInWords(lang, r.registeredAt, timeZone) })}
    </p>
  );
}

// ─── where it stands ────────────────────────────────────────────────────────────────────────────

function StatusPanel({ r }: { r: InfoRequest }) {
  const { t, lang, agencies, agencyName, timeZone } = useApp();
  const who = usePeople(r.people);
  const body = bodyAgencyOf(agencies);
  const when = (iso: string) => whenInWords(lang, iso, timeZone);
  if (r.notice) {
    const outcome = r.outcome;
    return (
      <section class={outcome?.decision === 'refused' ? 'callout danger' : 'callout ok'} aria-labelledby="rq-status-h">
        <h2 id="rq-status-h" tabIndex={-1}>
          {t('rq_notice_issued_title', { number: r.notice.number })}
        </h2>
        <p>
          {t('rq_notice_issued_at', { at: when(r.notice.issuedAt) })}{' '}
          {outcome &&
            (outcome.held
              ? outcome.decision && <strong>{t(decisionKey(outcome.decision))}</strong>
              : t('rq_outcome_not_held', { other: r.routing?.otherBody ?? '' }))}
          {outcome?.held && outcome.decision !== 'refused' && ` · ${t('rq_cost_label')}: ${rupiah(lang, outcome.cost, t)}`}
        </p>
        {r.state === 'answered' && <p>{t('rq_waiting_delivery')}</p>}
        {r.delivery && (
          <p>
            {t('rq_delivered_detail', {
              date: formatDate(lang, r.delivery.deliveredOn),
              how: r.delivery.how === 'email' ? t('rq_delivery_email') : r.delivery.how,
              by: who(r.delivery.by),
            })}
          </p>
        )}
        {r.closed && <p>{t('rq_closed_detail', { at: when(r.closed.at), reason: t(`rq_closed_${r.closed.reason}` as MessageKey) })}</p>}
      </section>
    );
  }
  return (
    <section class={Date.parse(r.deadline.at) < Date.now() ? 'callout warn' : 'callout'} aria-labelledby="rq-status-h">
      <h2 id="rq-status-h" tabIndex={-1}>
        {r.routing && !r.routing.held ? t('rq_notice_pending') : r.routing ? waitingText(r, agencyName, t) : t('rq_waiting_routing')}
      </h2>
      <h3>{t('rq_deadline_title')}</h3>
      <div class="deadline-box">
        <p>
          <WorkingDaysLeft deadline={r.deadline} />
        </p>
        <DeadlineWhen deadline={r.deadline} agencyId={body?.id ?? ''} />
      </div>
      <p class="hint">{t('rq_deadline_law')}</p>
      {r.extension && (
        <div class="extension-note">
          <p>
            <strong>{t('rq_extended_title')}</strong>{' '}
            {t('rq_extended_detail', {
              at: when(r.extension.at),
              by: who(r.extension.by),
              previous: whenInWords(lang, r.extension.previousDeadline, body?.timezone),
            })}
          </p>
          <p class="pre-line">{t('reason_label', { reason: r.extension.reasons })}</p>
        </div>
      )}
      {r.escalatedAt && <p class="field-error">{t('rq_escalated_note', { at: when(r.escalatedAt), n: r.escalations })}</p>}
      {r.reminderAt && !r.remindedAt && <p class="muted">{t('rq_reminder_at', { at: when(r.reminderAt) })}</p>}
    </section>
  );
}

// ─── what was asked ─────────────────────────────────────────────────────────────────────────────

function ContentSection({ r }: { r: InfoRequest }) {
  const { t } = useApp();
  return (
    <section class="panel" aria-labelledby="rq-content-h">
      <h2 id="rq-content-h">{t('rq_content_title')}</h2>
      <dl class="facts">
        <dt>{t('f_rq_information')}</dt>
        <dd class="pre-line">{r.content.information}</dd>
        <dt>{t('f_rq_purpose')}</dt>
        <dd class="pre-line">{r.content.purpose}</dd>
        <dt>{t('f_rq_obtain')}</dt>
        <dd>{t(obtainKey(r.content.obtainForm))}</dd>
        <dt>{t('f_rq_delivery_method')}</dt>
        <dd>{t(deliveryMethodKey(r.content.deliveryMethod))}</dd>
        <dt>{t('f_rq_kind')}</dt>
        <dd>
          {t(requesterKindKey(r.requesterKind))}
          {r.onBehalf && ` · ${t('rq_on_behalf_yes')}`}
        </dd>
        <dt>{t('f_rq_channel')}</dt>
        <dd>{t(channelKey(r.channel))}</dd>
      </dl>
    </section>
  );
}

type PersonalState = { kind: 'shown'; data: RequestPersonalView } | { kind: 'hidden' } | { kind: 'gone'; message: string };

/** The requester's identity and contact, only when the API gives them (UU 27/2022). */
function PersonalSection({ r }: { r: InfoRequest }) {
  const { t, lang, pick, api, timeZone } = useApp();
  // Routing gives the SKPDs access: read again when the parts change.
  const routedTo = r.parts.map((p) => p.agencyId).join(',');
  const loaded = useLoad<PersonalState>(async () => {
    try {
      return { kind: 'shown', data: await api.get<RequestPersonalView>(`/requests/${encodeURIComponent(r.requestId)}/personal`) };
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) return { kind: 'hidden' };
      if (e instanceof ApiError && e.status === 404) return { kind: 'gone', message: pick(e.messages) };
      throw e;
    }
  }, [api, r.requestId, routedTo, r.personalErasedAt]);
  const p = loaded.data;
  const download = useDownload(r);
  return (
    <section class="panel personal" aria-labelledby="rq-personal-h">
      <h2 id="rq-personal-h">{t('rq_personal_title')}</h2>
      <ErrorMessage error={loaded.error} />
      {!p ? (
        loaded.loading && <Loading />
      ) : p.kind === 'hidden' ? (
        <p class="notice">{t('rq_personal_hidden')}</p>
      ) : p.kind === 'gone' ? (
        <p class="notice">{p.message}</p>
      ) : (
        <>
          <p class="hint">{t('rq_personal_note')}</p>
          <dl class="facts">
            <dt>{t('f_rq_full_name')}</dt>
            <dd>{p.data.requester.fullName}</dd>
            {p.data.requester.nik && (
              <>
                <dt>{t('f_rq_nik')}</dt>
                <dd>
                  <code>{p.data.requester.nik}</code>
                </dd>
              </>
            )}
            {p.data.requester.legalEntityDecree && (
              <>
                <dt>{t('f_rq_decree')}</dt>
                <dd>{p.data.requester.legalEntityDecree}</dd>
              </>
            )}
            <dt>{t('f_rq_address')}</dt>
            <dd class="pre-line">{p.data.requester.address}</dd>
            <dt>{t('f_rq_phone')}</dt>
            <dd>{p.data.requester.phone ?? '—'}</dd>
            <dt>{t('f_rq_email')}</dt>
            <dd>{p.data.requester.email ?? '—'}</dd>
            {p.data.requester.onBehalfOf && (
              <>
                <dt>{t('f_rq_on_behalf')}</dt>
                <dd>{p.data.requester.onBehalfOf}</dd>
              </>
            )}
            {p.data.powerOfAttorney && (
              <>
                <dt>{t('rq_power_of_attorney')}</dt>
                <dd>
                  <button type="button" class="link" onClick={() => void download.open('power-of-attorney')}>
                    {t('doc_download_named', { name: p.data.powerOfAttorney.fileName })}
                  </button>{' '}
                  ({formatBytes(lang, p.data.powerOfAttorney.size)})
                  <ErrorMessage error={download.error} />
                </dd>
              </>
            )}
            {p.data.eraseAfter && (
              <>
                <dt>{t('rq_erase_after')}</dt>
                <dd>{whenInWords(lang, p.data.eraseAfter, timeZone)}</dd>
              </>
            )}
          </dl>
        </>
      )}
    </section>
  );
}

// ─── each SKPD's part ───────────────────────────────────────────────────────────────────────────

function PartsSection({ r }: { r: InfoRequest }) {
  const { t } = useApp();
  return (
    <section class="panel" aria-labelledby="rq-parts-h">
      <h2 id="rq-parts-h">{t('rq_parts_title')}</h2>
      {!r.routing ? (
        <p>{t('rq_parts_none')}</p>
      ) : !r.routing.held ? (
        <p>{t('rq_outcome_not_held', { other: r.routing.otherBody ?? '' })}</p>
      ) : (
        r.parts.map((p) => <PartView key={p.agencyId} r={r} part={p} />)
      )}
      {r.routing?.note && <p class="pre-line">{t('rq_routing_note', { note: r.routing.note })}</p>}
    </section>
  );
}

type PartOf = Omit<RequestPart, 'taskToken'>;

function PartView({ r, part }: { r: InfoRequest; part: PartOf }) {
  const { t, lang, agencyName, timeZone } = useApp();
  const who = usePeople(r.people);
  const a = part.answer;
  const id = `rq-part-${part.agencyId}-h`;
  return (
    <section class="part" aria-labelledby={id}>
      <h3 id={id}>{agencyName(part.agencyId)}</h3>
      <dl class="facts">
        <dt>{t('rq_part_routed')}</dt>
        <dd>{whenInWords(lang, part.routedAt, timeZone)}</dd>
        {!a && (
          <>
            <dt>{t('rq_part_deadline')}</dt>
            <dd>
              <WorkingDaysLeft deadline={part.deadline} />
              <DeadlineWhen deadline={part.deadline} agencyId={part.agencyId} />
            </dd>
          </>
        )}
        {a && (
          <>
            <dt>{t('rq_decision')}</dt>
            <dd>
              <strong class={a.decision === 'refused' ? 'decision-tidak' : a.decision === 'granted' ? 'decision-ya' : undefined}>
                {t(decisionKey(a.decision))}
              </strong>
            </dd>
            <dt>{t('f_rq_form')}</dt>
            <dd>{a.form}</dd>
            <dt>{t('rq_cost_label')}</dt>
            <dd>{rupiah(lang, a.cost, t)}</dd>
            {a.howToPay && (
              <>
                <dt>{t('f_rq_how_to_pay')}</dt>
                <dd class="pre-line">{a.howToPay}</dd>
              </>
            )}
            <dt>{t('f_rq_delivery_time')}</dt>
            <dd>{a.deliveryTime}</dd>
            {a.grounds.length > 0 && (
              <>
                <dt>{t('rq_grounds')}</dt>
                <dd>
                  <ul class="grounds">
                    {a.grounds.map((g) => (
                      <li key={g.exclusionId}>
                        <a href={`#/exclusions/${g.exclusionId}`}>{g.dikNumber ?? t('rq_ground_test')}</a>: {g.legalBasis}
                        <span class="sub-line">{t('rq_ground_consequence', { text: g.consequence.ifOpened })}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{t('rq_released_docs')}</dt>
            <dd>{a.documents.length === 0 ? t('rq_no_documents') : <ReleasedList r={r} docs={a.documents} />}</dd>
            {a.note && (
              <>
                <dt>{t('f_rq_answer_note')}</dt>
                <dd class="pre-line">{a.note}</dd>
              </>
            )}
            <dt>{t('rq_answered_by')}</dt>
            <dd>{t('rq_by_at', { by: who(a.answeredBy), at: whenInWords(lang, a.answeredAt, timeZone) })}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function ReleasedList({ r, docs }: { r: InfoRequest; docs: NonNullable<PartOf['answer']>['documents'] }) {
  const { t, lang } = useApp();
  const download = useDownload(r);
  return (
    <>
      <ErrorMessage error={download.error} />
      <ul class="file-links">
        {docs.map((d) => (
          <li key={d.docId}>
            <button type="button" class="link" onClick={() => void download.open(d.docId)}>
              {t('doc_download_named', { name: d.fileName })}
            </button>{' '}
            ({formatBytes(lang, d.size)}){d.public && ` · ${t('rq_doc_public')}`}
            {d.redaction && <span class="sub-line">{t('rq_redaction_detail', { what: d.redaction.what, ground: d.redaction.ground })}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Opens a file of the request through its short-lived link (notice, extension, or a document id). */
function useDownload(r: InfoRequest) {
  const link = useFileLink();
  return { open: (file: string) => link.open(`/requests/${encodeURIComponent(r.requestId)}/files/${encodeURIComponent(file)}`), error: link.error };
}

// ─── the notices ────────────────────────────────────────────────────────────────────────────────

function NoticesSection({ r }: { r: InfoRequest }) {
  const { t, lang, timeZone } = useApp();
  const download = useDownload(r);
  return (
    <section class="panel" aria-labelledby="rq-notices-h">
      <h2 id="rq-notices-h">{t('rq_notices_title')}</h2>
      <ErrorMessage error={download.error} />
      {!r.notice && !r.extensionNotice ? (
        <p>{t('rq_notices_none')}</p>
      ) : (
        <ul class="file-links">
          {r.notice && (
            <li>
              <button type="button" class="link" onClick={() => void download.open('notice')}>
                {t('rq_notice_download', { number: r.notice.number })}
              </button>
              <span class="sub-line">{t('rq_notice_meta', { at: whenInWords(lang, r.notice.issuedAt, timeZone), code: r.notice.verificationCode })}</span>
            </li>
          )}
          {r.extensionNotice && (
            <li>
              <button type="button" class="link" onClick={() => void download.open('extension')}>
                {t('rq_extension_download', { number: r.extensionNotice.number })}
              </button>
              <span class="sub-line">
                {t('rq_notice_meta', { at: whenInWords(lang, r.extensionNotice.issuedAt, timeZone), code: r.extensionNotice.verificationCode })}
              </span>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

function ClarificationsSection({ r }: { r: InfoRequest }) {
  const { t, lang, timeZone } = useApp();
  const who = usePeople(r.people);
  return (
    <section class="panel" aria-labelledby="rq-clar-h">
      <h2 id="rq-clar-h">{t('rq_clarifications_title')}</h2>
      <ol class="clarifications">
        {r.clarifications.map((c) => (
          <li key={c.askedAt}>
            <p class="pre-line">
              <strong>{t('rq_clar_question')}</strong> {c.question}
            </p>
            <p class="muted">{t('rq_by_at', { by: who(c.askedBy), at: whenInWords(lang, c.askedAt, timeZone) })}</p>
            {c.answeredAt ? (
              <p class="pre-line">
                <strong>{t('rq_clar_answer', { at: whenInWords(lang, c.answeredAt, timeZone) })}</strong> {c.answer}
              </p>
            ) : (
              <p>{t('rq_clar_waiting')}</p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

// ─── the timeline ───────────────────────────────────────────────────────────────────────────────

function Timeline({ r }: { r: InfoRequest }) {
  const { t, timeZone } = useApp();
  const who = usePeople(r.people);
  const noteOf = (e: InfoRequest['timeline'][number]): string | undefined => {
    if (!e.note) return undefined;
    switch (e.type) {
      case 'received':
        return t(channelKey(e.note as InfoRequest['channel']));
      case 'part_answered':
      case 'notice_issued':
        return e.note === 'not_held' ? t('rq_not_held_short') : t(decisionKey(e.note as 'granted'));
      case 'escalated':
        return t('rq_escalation_n', { n: e.note });
      case 'delivered':
        return e.note === 'email' ? t('rq_delivery_email') : e.note;
      default:
        return e.note;
    }
  };
  return <TimelineSection prefix="rq" title={t('rq_timeline_title')} events={r.timeline} zone={timeZone} eventKey={eventKey} noteOf={noteOf} who={who} />;
}
