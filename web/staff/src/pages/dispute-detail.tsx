/**
 * Detail sengketa: the dispute at the Komisi Informasi and in court — its claim and what it is about,
 * the statutory periods (Pasal 37(2), 38(1), 38(2), 48(1), 50) with their last day in words in the
 * body's time zone, how each was counted and whether it was met; the stages with their hearings, the
 * KI's outcome, the court appeal and the kasasi; the documents; the history; and for PPID Utama and
 * the admin the forms that record what happened next, each refusal next to its field.
 */
import { useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatBytes, formatDate } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import { ErrorMessage, ErrorSummary, Field, Loading, PageHeader, useLoad, useSubmit } from '../ui.tsx';
import {
  COURT_OUTCOMES,
  DISPUTE_WRITERS,
  type DisputeItem,
  DOCUMENT_CATEGORIES,
  DueStatus,
  type Hearing,
  HearingWhen,
  KI_OUTCOMES,
  STAGE_KINDS,
} from './dispute-parts.tsx';
import { errorTexts, UploadForm } from './item-documents.tsx';
import { whenInWords } from './request-parts.tsx';

export function DisputeDetailPage({ disputeId }: { disputeId: string }) {
  const { t, api, me } = useApp();
  const loaded = useLoad(() => api.get<DisputeItem>(`/disputes/${encodeURIComponent(disputeId)}`), [api, disputeId]);
  const d = loaded.data;
  const writer = DISPUTE_WRITERS.includes(me.role);
  return (
    <>
      {d && <PrintLetterhead />}
      <p class="breadcrumb no-print">
        <a href="#/disputes">{t('dp_back')}</a>
        {d && ` › ${d.number}`}
      </p>
      <PageHeader title={d ? t('dp_title', { number: d.number }) : t('nav_disputes')} />
      <ErrorMessage error={loaded.error} />
      {!d ? (
        loaded.loading && <Loading />
      ) : (
        <div class="dispute-detail">
          <Meta d={d} />
          <DueSection d={d} />
          <StagesSection d={d} writer={writer} reload={loaded.reload} />
          {d.outcome && <OutcomeSection d={d} />}
          {d.appeal && <CourtSection d={d} writer={writer} reload={loaded.reload} />}
          {writer && <Actions d={d} reload={loaded.reload} />}
          <DocumentsSection d={d} writer={writer} reload={loaded.reload} />
          <TimelineSection d={d} />
          <p class="no-print">
            <a href={`#/audit?entityType=dispute&entityId=${encodeURIComponent(d.disputeId)}`}>{t('dp_audit_link')}</a>
          </p>
          <PrintSignature />
        </div>
      )}
    </>
  );
}

function Meta({ d }: { d: DisputeItem }) {
  const { t, lang } = useApp();
  return (
    <section class="panel" aria-labelledby="dp-claim-h">
      <p class="item-meta">
        <span class={`badge dispute-${d.state}`}>{t(`dp_state_${d.state}` as MessageKey)}</span> ·{' '}
        {t('dp_meta', { ki: d.kiRegisterNumber, date: formatDate(lang, d.filedOn) })}
        {d.against.requestId && (
          <>
            {' · '}
            <a href={`#/requests/${d.against.requestId}`}>{t('dp_request_link', { number: d.against.requestNumber ?? '' })}</a>
          </>
        )}
        {d.against.objectionId && (
          <>
            {' · '}
            <a href={`#/objections/${d.against.objectionId}`}>{t('dp_objection_link', { number: d.against.objectionNumber ?? '' })}</a>
          </>
        )}
        {!d.against.requestId && !d.against.objectionId && ` · ${t('dp_against_none')}`}
      </p>
      <h2 id="dp-claim-h">{t('dp_claim_title')}</h2>
      <p class="pre-line">{d.claim}</p>
    </section>
  );
}

function DueSection({ d }: { d: DisputeItem }) {
  const { t, pick } = useApp();
  if (d.due.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="dp-due-h">
      <h2 id="dp-due-h">{t('dp_due_title')}</h2>
      <div class="table-wrap">
        <table>
          <caption>{t('dp_due_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dp_due_what')}</th>
              <th scope="col">{t('dp_due_basis')}</th>
              <th scope="col">{t('dp_due_when')}</th>
              <th scope="col">{t('dp_due_status')}</th>
            </tr>
          </thead>
          <tbody>
            {d.due.map((x) => (
              <tr key={x.key}>
                <th scope="row">{pick(x.what)}</th>
                <td>{pick(x.basis)}</td>
                <td class="deadline-cell">
                  <time dateTime={x.at}>{pick(x.words)}</time>
                  <details>
                    <summary>{t('deadline_how')}</summary>
                    <p class="explanation">{pick(x.explanation)}</p>
                  </details>
                </td>
                <td>
                  <DueStatus due={x} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const stageKey = (k: string) => `dp_stage_${k}` as MessageKey;

function StagesSection({ d, writer, reload }: { d: DisputeItem; writer: boolean; reload: () => void }) {
  const { t, lang } = useApp();
  return (
    <section class="panel" aria-labelledby="dp-stages-h">
      <h2 id="dp-stages-h">{t('dp_stages_title')}</h2>
      {d.stages.length === 0 && <p class="muted">{t('dp_no_stage')}</p>}
      {d.stages.map((s, i) => (
        <section key={s.kind} aria-labelledby={`dp-stage-${i}`}>
          <h3 id={`dp-stage-${i}`}>{t(stageKey(s.kind))}</h3>
          <p>
            {s.endedOn
              ? t('dp_stage_span_ended', { from: formatDate(lang, s.startedOn), to: formatDate(lang, s.endedOn) })
              : t('dp_stage_span', { from: formatDate(lang, s.startedOn) })}
          </p>
          {s.result && <p class="pre-line">{s.result}</p>}
          <Hearings d={d} hearings={s.hearings} open={!s.endedOn && !d.outcome} label={t(stageKey(s.kind))} writer={writer} reload={reload} />
        </section>
      ))}
    </section>
  );
}

function Hearings(props: { d: DisputeItem; hearings: Hearing[]; open: boolean; label: string; writer: boolean; reload: () => void }) {
  const { t } = useApp();
  const { d, hearings, open, label, writer, reload } = props;
  if (hearings.length === 0) return null;
  return (
    <div class="table-wrap">
      <table>
        <caption>
          {t('dp_hearings_caption')} · {label}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('dp_col_hearing_on')}</th>
            <th scope="col">{t('dp_col_agenda')}</th>
            <th scope="col">{t('dp_col_result')}</th>
          </tr>
        </thead>
        <tbody>
          {hearings.map((h) => (
            <tr key={h.hearingId}>
              <td>
                <HearingWhen h={h} />
              </td>
              <th scope="row">{h.agenda}</th>
              <td>
                {h.result ? (
                  <span class="pre-line">{h.result.text}</span>
                ) : open ? (
                  writer ? (
                    <HearingResultForm d={d} h={h} reload={reload} />
                  ) : (
                    <span class="muted">{t('dp_hearing_waiting')}</span>
                  )
                ) : (
                  <span class="muted">{t('dp_hearing_closed')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HearingResultForm({ d, h, reload }: { d: DisputeItem; h: Hearing; reload: () => void }) {
  const { t, lang } = useApp();
  return (
    <ActionForm
      id={`dp-result-${h.hearingId.slice(0, 8)}`}
      d={d}
      path={`/hearings/${h.hearingId}/result`}
      button="dp_result_save"
      fields={[{ name: 'result', label: t('dp_result_for', { date: formatDate(lang, h.on) }), kind: 'textarea', required: true }]}
      reload={reload}
      compact
    />
  );
}

function OutcomeSection({ d }: { d: DisputeItem }) {
  const { t, lang } = useApp();
  const o = d.outcome!;
  return (
    <section class="panel" aria-labelledby="dp-outcome-h">
      <h2 id="dp-outcome-h">{t('dp_outcome_title')}</h2>
      <p>
        <strong>{t(`dp_outcome_${o.kind}` as MessageKey)}</strong>
        {o.decisionNumber && ` · ${o.decisionNumber}`}
      </p>
      <p>{t('dp_decided_detail', { decided: formatDate(lang, o.decidedOn), received: formatDate(lang, o.receivedOn) })}</p>
      <p class="pre-line">{o.note}</p>
    </section>
  );
}

function CourtSection({ d, writer, reload }: { d: DisputeItem; writer: boolean; reload: () => void }) {
  const { t, lang } = useApp();
  const a = d.appeal!;
  const by = (x: string) => t(`dp_appellant_${x}` as MessageKey);
  return (
    <section class="panel" aria-labelledby="dp-court-h">
      <h2 id="dp-court-h">{t('dp_appeal_title')}</h2>
      <p>
        {t('dp_appeal_detail', { court: t(`dp_court_${a.court}` as MessageKey), case: a.caseNumber, date: formatDate(lang, a.filedOn), by: by(a.appellant) })}
      </p>
      <Hearings d={d} hearings={a.hearings} open={!a.outcome} label={t('dp_stage_court')} writer={writer} reload={reload} />
      {a.outcome && (
        <>
          <h3>{t('dp_appeal_outcome_title')}</h3>
          <p>
            <strong>{t(`dp_court_outcome_${a.outcome.kind}` as MessageKey)}</strong>
            {a.outcome.decisionNumber && ` · ${a.outcome.decisionNumber}`}
          </p>
          <p>{t('dp_decided_detail', { decided: formatDate(lang, a.outcome.decidedOn), received: formatDate(lang, a.outcome.receivedOn) })}</p>
          <p class="pre-line">{a.outcome.note}</p>
        </>
      )}
      {a.cassation && (
        <>
          <h3>{t('dp_cassation_title')}</h3>
          <p>
            {t('dp_cassation_detail', { date: formatDate(lang, a.cassation.filedOn), by: by(a.cassation.appellant) })}
            {a.cassation.caseNumber && ` · ${a.cassation.caseNumber}`}
          </p>
          {a.cassation.outcome && (
            <>
              <h4>{t('dp_cassation_outcome_title')}</h4>
              <p>
                <strong>{t(`dp_court_outcome_${a.cassation.outcome.kind}` as MessageKey)}</strong>
                {' · '}
                {t('dp_decided_detail', {
                  decided: formatDate(lang, a.cassation.outcome.decidedOn),
                  received: formatDate(lang, a.cassation.outcome.receivedOn),
                })}
              </p>
              <p class="pre-line">{a.cassation.outcome.note}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}

// ─── recording what happened ────────────────────────────────────────────────────────────────────

interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'date' | 'time' | 'textarea' | 'select';
  required?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
  max?: number;
}

/** One small form that posts its fields with the dispute's version; refusals are shown next to each field. */
function ActionForm(props: {
  id: string;
  d: DisputeItem;
  path: string;
  title?: string;
  hint?: string;
  button: MessageKey;
  fields: FieldSpec[];
  reload: () => void;
  compact?: boolean;
}) {
  const { t, api, announce } = useApp();
  const { id, d, path, fields, reload } = props;
  const initial = () => Object.fromEntries(fields.map((f) => [f.name, f.kind === 'select' ? (f.options?.[0]?.value ?? '') : '']));
  const [values, setValues] = useState<Record<string, string>>(initial);
  const submit = useSubmit(fields.map((f) => f.name));
  const headingId = `${id}-h`;
  const content = (
    <form
      class={props.compact ? 'form compact' : 'form'}
      noValidate
      aria-labelledby={props.title ? headingId : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run(async () => {
          const body: Record<string, unknown> = { version: d.version };
          for (const f of fields) if (values[f.name]!.trim()) body[f.name] = values[f.name]!.trim();
          await api.send('POST', `/disputes/${encodeURIComponent(d.disputeId)}${path}`, body);
          setValues(initial());
          announce(t('dp_saved'));
          reload();
        });
      }}
    >
      {props.title && <h3 id={headingId}>{props.title}</h3>}
      {props.hint && <p class="hint">{props.hint}</p>}
      <ErrorSummary error={submit.error} others={submit.otherErrors} />
      {fields.map((f) => (
        <Field key={f.name} id={`${id}-${f.name}`} label={f.label} name={f.name} required={f.required} hint={f.hint} error={submit.fieldError(f.name)}>
          {(a) =>
            f.kind === 'textarea' ? (
              <textarea
                {...a}
                rows={3}
                maxLength={f.max ?? 4000}
                value={values[f.name]}
                onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
              />
            ) : f.kind === 'select' ? (
              <select {...a} value={values[f.name]} onChange={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : f.kind === 'text' ? (
              <input
                {...a}
                type="text"
                maxLength={f.max ?? 300}
                value={values[f.name]}
                onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
              />
            ) : (
              <input {...a} class="medium" type={f.kind} value={values[f.name]} onInput={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })} />
            )
          }
        </Field>
      ))}
      <div class="form-actions">
        <button type="submit" class={props.compact ? 'secondary' : 'primary'} disabled={submit.busy}>
          {t(props.button)}
        </button>
      </div>
    </form>
  );
  return props.compact ? content : <div class="action-box">{content}</div>;
}

function Actions({ d, reload }: { d: DisputeItem; reload: () => void }) {
  const { t } = useApp();
  const open = d.stages.find((s) => !s.endedOn);
  const a = d.appeal;
  const kinds = STAGE_KINDS.filter((k) => !d.stages.some((s) => s.kind === k) && (k === 'adjudication' || d.stages.length === 0));
  const decision = (prefix: 'dp_outcome' | 'dp_court_outcome', list: readonly string[]): FieldSpec[] => [
    {
      name: 'kind',
      label: t('f_dp_outcome'),
      kind: 'select',
      required: true,
      options: list.map((k) => ({ value: k, label: t(`${prefix}_${k}` as MessageKey) })),
    },
    { name: 'decidedOn', label: t('f_dp_decided'), kind: 'date', required: true },
    { name: 'receivedOn', label: t('f_dp_received'), kind: 'date', required: true, hint: t('f_dp_received_hint') },
    { name: 'decisionNumber', label: t('f_dp_decision_number'), kind: 'text', max: 120 },
    { name: 'note', label: t('f_dp_summary'), kind: 'textarea', required: true },
  ];
  const hearing: FieldSpec[] = [
    { name: 'on', label: t('f_dp_hearing_on'), kind: 'date', required: true },
    { name: 'time', label: t('f_dp_hearing_time'), kind: 'time' },
    { name: 'place', label: t('f_dp_place'), kind: 'text' },
    { name: 'agenda', label: t('f_dp_agenda'), kind: 'text', required: true, max: 500 },
  ];
  const appellant: FieldSpec = {
    name: 'appellant',
    label: t('f_dp_appellant'),
    kind: 'select',
    required: true,
    options: ['body', 'applicant'].map((x) => ({ value: x, label: t(`dp_appellant_${x}` as MessageKey) })),
  };
  const forms = [
    !d.outcome && !open && kinds.length > 0 && (
      <ActionForm
        key="stage"
        id="dp-stage"
        d={d}
        path="/stages"
        title={t('dp_stage_start_title')}
        button="dp_stage_start_button"
        fields={[
          { name: 'kind', label: t('f_dp_stage_kind'), kind: 'select', required: true, options: kinds.map((k) => ({ value: k, label: t(stageKey(k)) })) },
          { name: 'startedOn', label: t('f_dp_started'), kind: 'date', required: true },
        ]}
        reload={reload}
      />
    ),
    !d.outcome && open && (
      <ActionForm
        key="hearing"
        id="dp-hearing"
        d={d}
        path="/hearings"
        title={t('dp_hearing_title')}
        hint={t('dp_hearing_hint')}
        button="dp_hearing_button"
        fields={hearing}
        reload={reload}
      />
    ),
    !d.outcome && open && (
      <ActionForm
        key="end"
        id="dp-end"
        d={d}
        path="/stages/end"
        title={t('dp_stage_end_title')}
        button="dp_stage_end_button"
        fields={[
          { name: 'endedOn', label: t('f_dp_ended'), kind: 'date', required: true },
          { name: 'result', label: t('f_dp_stage_result'), kind: 'textarea', required: true, hint: t('f_dp_stage_result_hint'), max: 2000 },
        ]}
        reload={reload}
      />
    ),
    !d.outcome && (
      <ActionForm
        key="outcome"
        id="dp-outcome"
        d={d}
        path="/outcome"
        title={t('dp_outcome_title')}
        button="dp_outcome_button"
        fields={decision('dp_outcome', KI_OUTCOMES)}
        reload={reload}
      />
    ),
    d.outcome && ['upheld', 'partly_upheld', 'rejected'].includes(d.outcome.kind) && !a && (
      <ActionForm
        key="appeal"
        id="dp-appeal"
        d={d}
        path="/appeal"
        title={t('dp_appeal_title')}
        button="dp_appeal_button"
        fields={[
          {
            name: 'court',
            label: t('f_dp_court'),
            kind: 'select',
            required: true,
            options: ['ptun', 'pn'].map((c) => ({ value: c, label: t(`dp_court_${c}` as MessageKey) })),
          },
          { name: 'filedOn', label: t('f_dp_appeal_filed'), kind: 'date', required: true },
          { name: 'caseNumber', label: t('f_dp_case'), kind: 'text', required: true, max: 120 },
          appellant,
        ]}
        reload={reload}
      />
    ),
    a && !a.outcome && (
      <ActionForm
        key="court-hearing"
        id="dp-court-hearing"
        d={d}
        path="/hearings"
        title={t('dp_hearing_court_title')}
        hint={t('dp_hearing_hint')}
        button="dp_hearing_button"
        fields={hearing}
        reload={reload}
      />
    ),
    a && !a.outcome && (
      <ActionForm
        key="appeal-outcome"
        id="dp-appeal-outcome"
        d={d}
        path="/appeal/outcome"
        title={t('dp_appeal_outcome_title')}
        button="dp_outcome_button"
        fields={decision('dp_court_outcome', COURT_OUTCOMES)}
        reload={reload}
      />
    ),
    a?.outcome && a.outcome.kind !== 'withdrawn' && !a.cassation && (
      <ActionForm
        key="cassation"
        id="dp-cassation"
        d={d}
        path="/cassation"
        title={t('dp_cassation_title')}
        button="dp_appeal_button"
        fields={[
          { name: 'filedOn', label: t('f_dp_appeal_filed'), kind: 'date', required: true },
          { name: 'caseNumber', label: t('f_dp_case'), kind: 'text', max: 120 },
          appellant,
        ]}
        reload={reload}
      />
    ),
    a?.cassation && !a.cassation.outcome && (
      <ActionForm
        key="cassation-outcome"
        id="dp-cassation-outcome"
        d={d}
        path="/cassation/outcome"
        title={t('dp_cassation_outcome_title')}
        button="dp_outcome_button"
        fields={decision('dp_court_outcome', COURT_OUTCOMES)}
        reload={reload}
      />
    ),
  ].filter(Boolean);
  if (forms.length === 0) return null;
  return (
    <section class="panel no-print" aria-labelledby="dp-actions-h">
      <h2 id="dp-actions-h">{t('dp_actions_title')}</h2>
      {forms}
    </section>
  );
}

// ─── documents and history ──────────────────────────────────────────────────────────────────────

function DocumentsSection({ d, writer, reload }: { d: DisputeItem; writer: boolean; reload: () => void }) {
  const { t, lang, pick, api } = useApp();
  const [category, setCategory] = useState<string>('decision');
  const [rowError, setRowError] = useState<unknown>(null);
  const base = `/disputes/${encodeURIComponent(d.disputeId)}/documents`;
  const download = async (docId: string) => {
    setRowError(null);
    try {
      const { url } = await api.get<{ url: string }>(`${base}/${docId}`);
      window.location.assign(url);
    } catch (e) {
      setRowError(e);
    }
  };
  const errors = errorTexts(rowError, pick);
  return (
    <section class="panel" aria-labelledby="dp-docs-h">
      <h2 id="dp-docs-h">{t('dp_documents_title')}</h2>
      <p class="hint">{t('dp_documents_intro')}</p>
      {errors.length > 0 && (
        <div class="error-summary" role="alert">
          {errors.map((x) => (
            <p key={x}>{x}</p>
          ))}
        </div>
      )}
      {d.documents.length === 0 ? (
        <p class="muted">{t('dp_documents_empty')}</p>
      ) : (
        <ul class="documents">
          {d.documents.map((doc) => (
            <li key={doc.docId}>
              <span class="badge">{t(`dp_doc_${doc.category}` as MessageKey)}</span>{' '}
              {doc.status === 'verified' ? (
                <button type="button" class="link" onClick={() => void download(doc.docId)}>
                  {t('dp_download', { name: doc.fileName })}
                </button>
              ) : (
                <>
                  {doc.fileName} <span class="muted">({t('dp_doc_pending')})</span>
                </>
              )}{' '}
              <span class="muted">
                {formatBytes(lang, doc.size)}
                {doc.description && ` · ${doc.description}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {writer && (
        <UploadForm base={base} idPrefix="dp-upload-" title="dp_upload_title" canRemove={false} onChanged={reload} extra={{ category }}>
          <Field id="dp-upload-category" label={t('f_dp_doc_category')} name="category" required>
            {(a) => (
              <select {...a} value={category} onChange={(e) => setCategory(e.currentTarget.value)}>
                {DOCUMENT_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`dp_doc_${c}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </UploadForm>
      )}
    </section>
  );
}

function TimelineSection({ d }: { d: DisputeItem }) {
  const { t, lang, timeZone } = useApp();
  const who = (u: string) => d.people?.[u] ?? u;
  return (
    <section class="panel" aria-labelledby="dp-timeline-h">
      <h2 id="dp-timeline-h">{t('dp_timeline_title')}</h2>
      <ol class="timeline">
        {d.timeline.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            <time dateTime={e.at}>{whenInWords(lang, e.at, timeZone)}</time> — <strong>{t(`dp_ev_${e.type}` as MessageKey)}</strong> · {who(e.by)}
            {e.note && <span class="sub-line pre-line">{e.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
