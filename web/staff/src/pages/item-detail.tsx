/**
 * Detail informasi: status, the decision and other actions by state and role, the DIP columns of the
 * working and the published version, documents, the SOP 000 timing, and the audit trail link.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Api } from '../api.ts';
import { useConfirm } from '../confirm.tsx';
import { useApp } from '../context.ts';
import { formatDateTime } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { APPROVERS, EDITORS, EXCLUSION_PROPOSERS, type Item, type Page, type PublishedVersion } from '../types.ts';
import { ErrorMessage, ErrorSummary, Field, Loading, PageHeader, useLoad, useSubmit } from '../ui.tsx';
import { usePollWhile } from './case-parts.tsx';
import { DocumentsSection } from './item-documents.tsx';
import { CONTENT_ROWS, ContentValue, Deadline, StatusBadges, sameValue } from './item-parts.tsx';
import { StepTimingSection } from './step-timing.tsx';

/** States in which staff may change the content or the documents (a published one opens a new version). */
const EDITABLE = ['draft', 'returned', 'published'];

export function ItemDetailPage({ itemId }: { itemId: string }) {
  const { t, api, me, agencyName } = useApp();
  const loaded = useLoad(() => api.get<Item>(`/items/${encodeURIComponent(itemId)}`), [api, itemId]);
  const item = loaded.data;
  usePolling(item, loaded.reload);
  const published = usePublishedVersion(api, item);
  const isEditor = EDITORS.includes(me.role);
  const mayEdit = !!item && isEditor && EDITABLE.includes(item.current.state);
  // A submission refused for the documents (a softcopy with no checked file) is said at the documents.
  const [documentsProblem, setDocumentsProblem] = useState<string | undefined>();

  return (
    <>
      <p class="breadcrumb no-print">
        <a href="#/items">{t('back_to_list')}</a>
        {item && ` › ${item.number}`}
      </p>
      <PageHeader title={item ? item.current.content.title : t('nav_items')}>
        {mayEdit && (
          <a class="button secondary" href={`#/items/${item.itemId}/edit`}>
            {t('act_edit')}
          </a>
        )}
      </PageHeader>
      <ErrorMessage error={loaded.error} />
      {!item ? (
        loaded.loading && <Loading />
      ) : (
        <>
          <p class="item-meta">
            <code>{item.number}</code> · {agencyName(item.agencyId)} · {t('version_n', { n: item.current.versionNo })} <StatusBadges item={item} />
          </p>
          <StatusPanel item={item} />
          <ExclusionLink item={item} />
          <Actions item={item} onItem={(i) => loaded.setData(i)} onDocumentsProblem={setDocumentsProblem} />
          <VersionsSection item={item} published={published} />
          <DocumentsSection
            item={item}
            editable={mayEdit}
            problem={documentsProblem}
            onChanged={() => {
              setDocumentsProblem(undefined);
              loaded.reload();
            }}
          />
          <TimingSection item={item} />
          <p class="no-print">
            <a href={`#/audit?entityType=item&entityId=${encodeURIComponent(item.itemId)}`}>{t('audit_link')}</a>
          </p>
        </>
      )}
    </>
  );
}

/** While the workflow works (computing the deadline, publishing), look again every few seconds. */
function usePolling(item: Item | undefined, reload: () => void) {
  usePollWhile(!!item && (item.current.state === 'approved' || (item.current.state === 'submitted' && !item.current.deadline)), 40, reload);
}

/**
 * The published version when it differs from the working one. The API gives it in the DIP only, in
 * the order agency → registration year → sequence, so the agency's part is read until it passes.
 */
function usePublishedVersion(api: Api, item: Item | undefined): { version?: PublishedVersion; missing?: boolean } {
  const [found, setFound] = useState<{ key: string; version?: PublishedVersion; missing?: boolean }>({ key: '' });
  const needed = !!item?.published && item.publication === 'published' && item.published.versionNo !== item.current.versionNo;
  const key = needed ? `${item!.itemId}#${item!.published!.versionNo}` : '';
  useEffect(() => {
    if (!needed || found.key === key) return;
    let live = true;
    (async () => {
      let cursor: string | undefined;
      for (let round = 0; round < 50; round++) {
        const page = await api.get<Page<PublishedVersion>>('/dip', { agencyId: item!.agencyId, cursor, limit: '100' });
        const hit = page.items.find((p) => p.itemId === item!.itemId);
        const passed = page.items.some((p) => p.regYear > item!.regYear || (p.regYear === item!.regYear && p.sequence > item!.sequence));
        if (hit || passed || !page.nextCursor) return hit;
        cursor = page.nextCursor;
      }
      return undefined;
    })().then(
      (version) => live && setFound({ key, version, missing: !version }),
      () => live && setFound({ key, missing: true }),
    );
    return () => {
      live = false;
    };
  }, [api, key]);
  return found.key === key ? found : {};
}

function StatusPanel({ item }: { item: Item }) {
  const { t, lang, agencyTimeZone } = useApp();
  const v = item.current;
  const zone = agencyTimeZone(item.agencyId);
  const when = (iso: string) => formatDateTime(lang, iso, zone);
  return (
    <div class="status-area">
      {v.state === 'returned' && (
        <section class="callout danger" aria-labelledby="returned-h">
          <h2 id="returned-h" tabIndex={-1}>
            {t('returned_title')}
          </h2>
          <p class="reason pre-line">{v.returnReason ?? v.decision?.reason}</p>
          {v.decision && <p class="muted">{t('returned_by', { by: v.decision.by, at: when(v.decision.at) })}</p>}
          <p>{t('returned_next')}</p>
        </section>
      )}
      {v.state === 'draft' && <p class="notice">{t('draft_next')}</p>}
      {v.state === 'submitted' && (
        <section class={v.escalatedAt ? 'callout warn' : 'callout'} aria-labelledby="waiting-h">
          <h2 id="waiting-h" tabIndex={-1}>
            {t('waiting_title')}
          </h2>
          {v.submittedAt && <p>{t('waiting_since', { by: v.submittedBy ?? '—', at: when(v.submittedAt) })}</p>}
          <h3>{t('deadline_label')}</h3>
          {v.deadline ? (
            <Deadline deadline={v.deadline} agencyId={item.agencyId} />
          ) : (
            // biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>)
            <p class="loading" role="status">
              {t('deadline_pending')}
            </p>
          )}
          {v.escalatedAt && <p class="field-error">{t('escalated_note', { n: v.reminders, at: when(v.escalatedAt) })}</p>}
        </section>
      )}
      {v.state === 'approved' && (
        <section class="callout" aria-labelledby="approved-h">
          <h2 id="approved-h" tabIndex={-1}>
            {t('approved_title')}
          </h2>
          {v.decision && <p>{t('decided_by', { by: v.decision.by, at: when(v.decision.at) })}</p>}
        </section>
      )}
      {item.publication === 'published' && item.published && (
        <section class="callout ok" aria-labelledby="published-h">
          <h2 id="published-h" tabIndex={-1}>
            {t('published_title')}
          </h2>
          <p>{t('published_since', { n: item.published.versionNo, at: when(item.published.publishedAt) })}</p>
          {v.versionNo !== item.published.versionNo && <p>{t('new_version_note', { n: v.versionNo, published: item.published.versionNo })}</p>}
        </section>
      )}
      {item.publication === 'withdrawn' && item.withdrawn && (
        <section class="callout muted-box" aria-labelledby="withdrawn-h">
          <h2 id="withdrawn-h" tabIndex={-1}>
            {t('withdrawn_title')}
          </h2>
          <p class="pre-line">{t('withdrawn_detail', { by: item.withdrawn.by, at: when(item.withdrawn.at), reason: item.withdrawn.reason })}</p>
        </section>
      )}
    </div>
  );
}

/**
 * SOP 002 from an item: its exclusion, when one is open or in force, or (for PPID Pelaksana and
 * PPID Utama) the way to propose one. Not while the item waits for a publication decision.
 */
function ExclusionLink({ item }: { item: Item }) {
  const { t, me } = useApp();
  const marker = item.exclusion;
  if (marker) {
    return (
      <p class="notice">
        {t('item_exclusion_state', { state: t(`ex_state_${marker.state}` as MessageKey) })}{' '}
        <a href={`#/exclusions/${encodeURIComponent(marker.exclusionId)}`}>{t('item_exclusion_open')}</a>
      </p>
    );
  }
  const inPublication = item.current.state === 'submitted' || item.current.state === 'approved';
  if (!EXCLUSION_PROPOSERS.includes(me.role) || inPublication) return null;
  return (
    <p class="no-print">
      <a class="button secondary" href={`#/exclusions/new?itemId=${encodeURIComponent(item.itemId)}`}>
        {t('item_exclusion_propose')}
      </a>
    </p>
  );
}

type Open = 'none' | 'return' | 'withdraw';

function Actions({ item, onItem, onDocumentsProblem }: { item: Item; onItem: (i: Item) => void; onDocumentsProblem: (text: string | undefined) => void }) {
  const { t, api, me, announce, agencyName } = useApp();
  const confirm = useConfirm();
  const [open, setOpen] = useState<Open>('none');
  const [reason, setReason] = useState('');
  const submit = useSubmit(['reason', 'documents']);
  const documentsProblem = submit.fieldError('documents');
  // Refused only for the documents: the message stands once, in the documents section.
  const documentsOnly = !!submit.error && submit.error.fields.length > 0 && submit.error.fields.every((f) => f.field === 'documents');
  useEffect(() => onDocumentsProblem(documentsProblem), [documentsProblem]);
  const v = item.current;
  const base = `/items/${item.itemId}`;
  const mayEdit = EDITORS.includes(me.role);
  const mayDecide = APPROVERS.includes(me.role);
  const canSubmit = mayEdit && (v.state === 'draft' || v.state === 'returned');
  const canDecide = mayDecide && v.state === 'submitted';
  const canWithdraw = mayDecide && item.publication === 'published';
  if (!canSubmit && !canDecide && !canWithdraw) return null;

  const about = { number: item.number, title: v.content.title, n: v.versionNo, agency: agencyName(item.agencyId) };
  const act = (fn: () => Promise<Item>, message: (i: Item) => string) =>
    submit.run(async () => {
      const next = await fn();
      setOpen('none');
      setReason('');
      onItem(next);
      announce(message(next));
      // The buttons just used may be gone: continue from the new status.
      setTimeout(() => document.querySelector<HTMLElement>('.status-area h2')?.focus(), 0);
    });
  const toggle = (which: Open) => {
    submit.reset();
    setReason('');
    const closing = open === which;
    setOpen(closing ? 'none' : which);
    // Back to the button that opened the form.
    if (closing) setTimeout(() => document.getElementById(`open-${which}`)?.focus(), 0);
  };

  return (
    <section class="panel actions-panel no-print" aria-labelledby="actions-h">
      <h2 id="actions-h">{canDecide ? t('decision_title') : t('actions')}</h2>
      {canDecide && <p>{t('decision_intro', { n: v.versionNo })}</p>}
      {canSubmit && <p class="hint">{t('submit_hint')}</p>}
      {!documentsOnly && <ErrorSummary error={submit.error} others={submit.otherErrors} />}
      <div class="form-actions">
        {canSubmit && (
          <button
            type="button"
            class="primary"
            disabled={submit.busy}
            onClick={() =>
              confirm.ask({
                title: t('cf_submit_title', about),
                what: t('cf_submit_what', about),
                note: t('cf_submit_note'),
                yes: t('cf_submit_yes'),
                onYes: () =>
                  void act(
                    () => api.send<Item>('POST', `${base}/submit`, { version: item.version }),
                    (i) => t('item_submitted', { number: i.number }),
                  ),
              })
            }
          >
            {submit.busy ? t('act_submitting') : t('act_submit')}
          </button>
        )}
        {canDecide && (
          <>
            <button
              type="button"
              class="primary"
              disabled={submit.busy}
              onClick={() =>
                confirm.ask({
                  title: t('cf_approve_title', about),
                  what: t('cf_approve_what', about),
                  ...(item.publication === 'published' && item.published && item.published.versionNo !== v.versionNo
                    ? { note: t('cf_approve_replaces', { published: item.published.versionNo }) }
                    : {}),
                  yes: t('cf_approve_yes'),
                  onYes: () =>
                    void act(
                      () => api.send<Item>('POST', `${base}/decision`, { decision: 'approve', versionNo: v.versionNo }),
                      (i) => t('item_approved', { number: i.number }),
                    ),
                })
              }
            >
              {t('act_approve')}
            </button>
            <button type="button" id="open-return" class="secondary" aria-expanded={open === 'return'} disabled={submit.busy} onClick={() => toggle('return')}>
              {t('act_return')}
            </button>
          </>
        )}
        {canWithdraw && (
          <button
            type="button"
            id="open-withdraw"
            class="secondary danger"
            aria-expanded={open === 'withdraw'}
            disabled={submit.busy}
            onClick={() => toggle('withdraw')}
          >
            {t('act_withdraw')}
          </button>
        )}
      </div>
      {open !== 'none' && (
        <ReasonForm
          which={open}
          reason={reason}
          setReason={setReason}
          busy={submit.busy}
          error={submit.fieldError('reason')}
          onCancel={() => toggle(open)}
          onSend={() =>
            void (open === 'return'
              ? act(
                  () => api.send<Item>('POST', `${base}/decision`, { decision: 'return', versionNo: v.versionNo, reason }),
                  (i) => t('item_returned_msg', { number: i.number }),
                )
              : confirm.ask({
                  title: t('cf_withdraw_title', about),
                  what: t('cf_withdraw_what', about),
                  yes: t('cf_withdraw_yes'),
                  danger: true,
                  onYes: () =>
                    void act(
                      () => api.send<Item>('POST', `${base}/withdraw`, { reason }),
                      (i) => t('item_withdrawn_msg', { number: i.number }),
                    ),
                }))
          }
        />
      )}
      {confirm.dialog}
    </section>
  );
}

function ReasonForm(props: {
  which: 'return' | 'withdraw';
  reason: string;
  setReason: (s: string) => void;
  busy: boolean;
  error?: string;
  onCancel: () => void;
  onSend: () => void;
}) {
  const { t } = useApp();
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => area.current?.focus(), []);
  const isReturn = props.which === 'return';
  return (
    <form
      class="reason-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        props.onSend();
      }}
    >
      {!isReturn && <p>{t('withdraw_intro')}</p>}
      <Field
        label={isReturn ? t('f_return_reason') : t('f_withdraw_reason')}
        name="reason"
        required
        hint={isReturn ? t('f_return_reason_hint') : t('f_withdraw_reason_hint')}
        error={props.error}
      >
        {(a) => <textarea {...a} ref={area} rows={4} maxLength={2000} value={props.reason} onInput={(e) => props.setReason(e.currentTarget.value)} />}
      </Field>
      <div class="form-actions">
        <button type="submit" class={isReturn ? 'primary' : 'primary danger'} disabled={props.busy}>
          {isReturn ? t('act_return_send') : t('act_withdraw_send')}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel} disabled={props.busy}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

function VersionsSection({ item, published }: { item: Item; published: { version?: PublishedVersion; missing?: boolean } }) {
  const { t } = useApp();
  const v = item.current;
  const other = published.version;
  const samePublished = item.publication === 'published' && item.published?.versionNo === v.versionNo;
  return (
    <section class="panel" aria-labelledby="versions-h">
      <h2 id="versions-h">{t('versions_caption')}</h2>
      {samePublished && <p class="hint">{t('versions_same')}</p>}
      {published.missing && <p class="hint">{t('published_unavailable')}</p>}
      <div class="table-wrap">
        <table class="versions">
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">{t('diff_field')}</span>
              </th>
              <th scope="col">{t('working_version', { n: v.versionNo })}</th>
              {other && <th scope="col">{t('published_version', { n: other.versionNo })}</th>}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('f_number')}</th>
              <td colSpan={other ? 2 : 1}>
                <code>{item.number}</code>
              </td>
            </tr>
            {CONTENT_ROWS.map((r) => {
              const changed = other && !sameValue(v.content, other.content, r.field);
              return (
                <tr key={r.field} class={changed ? 'changed' : undefined}>
                  <th scope="row">
                    {t(r.label)}
                    {changed && <span class="badge change">{t('changed')}</span>}
                  </th>
                  <td>
                    <ContentValue content={v.content} field={r.field} />
                  </td>
                  {other && (
                    <td>
                      <ContentValue content={other.content} field={r.field} />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function TimingSection({ item }: { item: Item }) {
  const { t, agencyTimeZone } = useApp();
  return (
    <StepTimingSection
      id="timing-h"
      title={t('timing_title')}
      caption={t('timing_caption', { n: item.current.versionNo })}
      note={t('timing_note')}
      steps={[...item.current.steps].sort((a, b) => a.sopStep - b.sopStep || a.startedAt.localeCompare(b.startedAt))}
      timeZone={agencyTimeZone(item.agencyId)}
      stepLabel={(s) => t(`step_${s.step}` as MessageKey)}
    />
  );
}
