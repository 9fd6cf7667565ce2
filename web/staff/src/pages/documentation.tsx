/**
 * Pendokumentasian (SOP 004): the cycles (`#/documentation`, the Pejabat PID opens one), the cycle
 * board (`#/documentation/:cycleId`: OPD × step, each cell with its state, deadline in words, time
 * used against the Mutu Baku and who acted; filters; printable on A4 landscape) and one OPD's list
 * (`#/documentation/:cycleId/:agencyId`) with the action of whoever it waits for.
 */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DocCycle } from '../../../../functions/core/documentation/model.ts';
import { ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { formatDateTime, formatDuration } from '../format.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import type { ItemContent, Page } from '../types.ts';
import { ErrorMessage, Field, Loading, PageHeader, useLoad } from '../ui.tsx';
import { CONTENT_FIELDS, type ContentField, contentErrorKey, contentOf, draftOf, focusField, ItemContentFields, type ItemDraft } from './item-fields.tsx';
import { CONTENT_ROWS } from './item-parts.tsx';
import { openFileInNewTab } from './report-parts.tsx';

const STEPS = [1, 2, 3, 4, 5] as const;
type Step = (typeof STEPS)[number];
const STEP_NAME: Record<Step, string> = { 1: 'list', 2: 'review', 3: 'delivery', 4: 'check', 5: 'upload' };
const STEP_ROLE: Record<Step, string> = { 1: 'pejabat_pid', 2: 'ppid_utama', 3: 'ppid_pelaksana', 4: 'ppid_utama', 5: 'pejabat_pid' };
const stepKey = (s: Step) => `doc_step_${s}` as const;
const ACTION_LABEL = { 1: 'doc_send_1', 2: 'doc_send_2', 3: 'doc_deliver', 4: 'doc_pass', 5: 'doc_upload' } as const satisfies Record<Step, string>;

interface Deadline {
  at: string;
  local: string;
  explanation: { id: string; en: string };
}
interface Timing {
  step: string;
  sopStep: number;
  startedAt: string;
  endedAt?: string;
  seconds?: number;
  standardText: string;
  withinStandard?: boolean;
  by?: string;
  deadline?: string;
}
interface Row {
  rowId: string;
  line?: number;
  content: ItemContent;
  review?: { decision: Decision; note?: string; by: string };
  itemId?: string;
  itemNumber?: string;
  publishedAt?: string;
}
type Decision = 'accept' | 'correct' | 'reject';
/** PPID Utama's choice for a row at step 2, as entered: a correction keeps its DIP columns as typed. */
interface RowChoice {
  decision: Decision;
  note: string;
  draft?: ItemDraft;
}
/** What a row's review was refused for: its decision as a whole, its note, or one of its corrected columns. */
type RowErrorKey = 'review' | 'note' | ContentField;
type RowErrors = Record<string, Partial<Record<RowErrorKey, string>>>;
const ROW_ERROR_ORDER: readonly RowErrorKey[] = ['review', 'note', ...CONTENT_FIELDS];
const isContentField = (f: string | undefined): f is ContentField => CONTENT_FIELDS.some((c) => c === f);

interface Lane {
  cycleId: string;
  agencyId: string;
  cycleName: string;
  period: string;
  state: 'waiting' | 'uploaded' | 'published';
  step: Step;
  rows: Row[];
  wait?: { step: Step; since: string; deadline?: Deadline; reminders: number; escalatedAt?: string };
  returns: number;
  handOvers: { from: Step; to: Step | 'published'; kind: 'forward' | 'return'; note?: string; by: string; at: string }[];
  steps: Timing[];
  version: number;
}
/** A cycle as the API answers it (the core's record; a type only: the bundle takes no server code). */
type Cycle = DocCycle;

/** The closed cycle's summary (on time, late, missing), archived as a signed PDF: its number and a download. */
function CycleSummary({ cycle }: { cycle: Cycle }) {
  const { t, lang, api, timeZone } = useApp();
  const [error, setError] = useState<unknown>(undefined);
  if (cycle.state !== 'closed') return null;
  const summary = cycle.summary;
  const download = () => {
    setError(undefined);
    openFileInNewTab(async () => {
      const link = await api.get<{ url: string }>(`/reports/archive/${encodeURIComponent(summary!.reportId)}/files/pdf`);
      return link.url;
    }).catch(setError);
  };
  return (
    <section class="callout no-print" aria-labelledby="doc-summary-h">
      <h2 id="doc-summary-h">{t('doc_summary_title')}</h2>
      <p>{t('doc_summary_closed', { when: cycle.closedAt ? formatDateTime(lang, cycle.closedAt, timeZone) : '—' })}</p>
      {summary ? (
        <p>
          {t('doc_summary_archived', { number: summary.number })}{' '}
          <button type="button" class="secondary" onClick={download}>
            {t('doc_summary_download')}
          </button>
        </p>
      ) : (
        <p aria-live="polite">{t('doc_summary_pending')}</p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}

/** While the board is shown, printing uses A4 landscape (app.css `body.print-landscape`). */
function useLandscapePrint() {
  useEffect(() => {
    document.body.classList.add('print-landscape');
    return () => document.body.classList.remove('print-landscape');
  }, []);
}

// ─── the cycles ──────────────────────────────────────────────────────────────────────────────────

export function DocumentationCyclesPage() {
  const { t, lang, api, me, agencies, agencyName, timeZone, go } = useApp();
  const cycles = useLoad(() => api.get<Page<Cycle>>('/documentation/cycles', { limit: '50' }), [api]);
  const [name, setName] = useState('');
  const [period, setPeriod] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const skpd = agencies.filter((a) => a.kind === 'skpd');

  async function open(e: Event) {
    e.preventDefault();
    setError(null);
    try {
      const r = await api.send<{ cycle: Cycle }>('POST', '/documentation/cycles', { name, period, ...(chosen.length ? { agencyIds: chosen } : {}) });
      go(`/documentation/${r.cycle.cycleId}`, t('doc_opened'));
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <PageHeader title={t('nav_documentation')} intro={t('doc_intro')} />
      {me.role === 'pejabat_pid' && (
        <form class="panel form-panel" onSubmit={open} aria-labelledby="doc-open-h">
          <h2 id="doc-open-h">{t('doc_open_h')}</h2>
          <ActionError error={error} />
          <Field label={t('doc_name')} name="name" required>
            {(a) => <input {...a} type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field label={t('doc_period')} name="period" required hint={t('doc_period_hint')}>
            {(a) => <input {...a} type="text" value={period} onInput={(e) => setPeriod(e.currentTarget.value)} />}
          </Field>
          <fieldset class="field" aria-describedby="doc-opds-hint">
            <legend>{t('doc_opds')}</legend>
            <p class="hint" id="doc-opds-hint">
              {t('doc_opds_hint')}
            </p>
            <div class="choices">
              {skpd.map((a) => (
                <label key={a.id} class="choice">
                  <input
                    type="checkbox"
                    checked={chosen.includes(a.id)}
                    onChange={(e) => setChosen(e.currentTarget.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))}
                  />{' '}
                  {a.name}
                </label>
              ))}
            </div>
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="primary">
              {t('doc_open')}
            </button>
          </div>
        </form>
      )}
      {cycles.loading ? (
        <Loading />
      ) : cycles.error ? (
        <ErrorMessage error={cycles.error} />
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('doc_cycles_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('doc_col_cycle')}</th>
                <th scope="col">{t('doc_period')}</th>
                <th scope="col">{t('doc_col_opened')}</th>
                <th scope="col">{t('doc_col_opds')}</th>
                <th scope="col">{t('doc_filter_state')}</th>
              </tr>
            </thead>
            <tbody>
              {cycles.data?.items.map((c) => (
                <tr key={c.cycleId}>
                  <th scope="row">
                    <a href={`#/documentation/${c.cycleId}`}>{c.name}</a>
                  </th>
                  <td>{c.period}</td>
                  <td>{formatDateTime(lang, c.openedAt, timeZone, true)}</td>
                  <td>{c.agencyIds.length === 1 ? agencyName(c.agencyIds[0]!) : c.agencyIds.length}</td>
                  <td>{t(`doc_cycle_${c.state}`)}</td>
                </tr>
              ))}
              {cycles.data?.items.length === 0 && (
                <tr>
                  <td colSpan={5}>{t('doc_cycles_empty')}</td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

// ─── the board ───────────────────────────────────────────────────────────────────────────────────

/** One cell of the board: the step's state, its deadline in words, time used against the Mutu Baku, who acted. */
function StepCell({ lane, step }: { lane: Lane; step: Step }) {
  const { t, lang, agencyTimeZone } = useApp();
  const zone = agencyTimeZone(lane.agencyId);
  const runs = lane.steps.filter((s) => s.step === STEP_NAME[step]);
  const last = runs.at(-1);
  const waiting = lane.state === 'waiting' && lane.step === step;
  if (!last) return <td class="doc-cell">—</td>;
  const overdue = waiting && lane.wait?.deadline && Date.parse(lane.wait.deadline.at) < Date.now();
  return (
    <td class={`doc-cell${overdue || last.withinStandard === false ? ' overdue-row' : ''}`}>
      <strong>
        {waiting ? (overdue ? t('doc_cell_overdue') : t('doc_cell_waiting')) : last.withinStandard === false ? t('doc_cell_late') : t('doc_cell_done')}
      </strong>
      {waiting && lane.wait?.deadline && (
        <span class="sub-line">{t('doc_cell_deadline', { when: formatDateTime(lang, lane.wait.deadline.at, zone, true) })}</span>
      )}
      {last.seconds !== undefined && (
        <span class="sub-line">{t('doc_cell_used', { used: formatDuration(lang, last.seconds, 60), standard: last.standardText })}</span>
      )}
      {last.by && <span class="sub-line">{t('doc_cell_by', { who: last.by })}</span>}
    </td>
  );
}

export function DocumentationBoardPage({ cycleId, query }: { cycleId: string; query: URLSearchParams }) {
  const { t, api, agencyName, go } = useApp();
  useLandscapePrint();
  const board = useLoad(() => api.get<{ cycle: Cycle; lanes: Lane[] }>(`/documentation/cycles/${cycleId}`), [api, cycleId]);
  const state = query.get('state') ?? '';
  const step = query.get('step') ?? '';
  // While a list is being published, or the closed cycle's summary is being issued, the board reads itself again.
  const b = board.data;
  const following = !!b && (b.lanes.some((l) => l.state === 'uploaded') || (b.cycle.state === 'closed' && !b.cycle.summary));
  const { reload } = board;
  useEffect(() => {
    if (!following || board.loading) return;
    const timer = setTimeout(reload, FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [following, board.loading, reload]);
  // Kept on screen while it is read again.
  if (!board.data) return board.loading ? <Loading /> : <ErrorMessage error={board.error} />;
  const { cycle, lanes } = board.data;
  const shown = lanes.filter((l) => (!state || l.state === state) && (!step || (l.state === 'waiting' && String(l.step) === step)));
  const filter = (k: string, v: string) => {
    const q = new URLSearchParams(query);
    if (v) q.set(k, v);
    else q.delete(k);
    go(`/documentation/${cycleId}?${q.toString()}`);
  };
  return (
    <>
      <PrintLetterhead />
      <PageHeader title={cycle.name} intro={`${cycle.period} · SOP 004`}>
        <a href="#/documentation">{t('doc_back_to_cycles')}</a>
      </PageHeader>
      <CycleSummary cycle={cycle} />
      <div class="filters no-print">
        <Field label={t('doc_filter_state')} name="state">
          {(a) => (
            <select {...a} value={state} onChange={(e) => filter('state', e.currentTarget.value)}>
              <option value="">{t('doc_all')}</option>
              {(['waiting', 'uploaded', 'published'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`doc_state_${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('doc_filter_step')} name="step">
          {(a) => (
            <select {...a} value={step} onChange={(e) => filter('step', e.currentTarget.value)}>
              <option value="">{t('doc_all')}</option>
              {STEPS.map((s) => (
                <option key={s} value={String(s)}>
                  {t(stepKey(s))}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div class="table-wrap">
        <table class="dip doc-board">
          <caption>
            {t('doc_board_caption')} · {cycle.period}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('doc_col_opd')}</th>
              {STEPS.map((s) => (
                <th key={s} scope="col">
                  {t(stepKey(s))}
                </th>
              ))}
              <th scope="col">{t('doc_col_returns')}</th>
              <th scope="col">{t('doc_filter_state')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l) => (
              <tr key={l.agencyId}>
                <th scope="row">
                  <a href={`#/documentation/${cycleId}/${l.agencyId}`}>{agencyName(l.agencyId)}</a>
                </th>
                {STEPS.map((s) => (
                  <StepCell key={s} lane={l} step={s} />
                ))}
                <td>{l.returns}</td>
                <td>{t(`doc_state_${l.state}`)}</td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <td colSpan={8}>{t('doc_board_none')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <PrintSignature />
    </>
  );
}

// ─── one OPD's list ──────────────────────────────────────────────────────────────────────────────

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** A refusal with each thing the server named (a spreadsheet's bad rows by line and column, the rows not ready, a field too short). */
function ActionError({ error, items }: { error: unknown; items?: string[] }) {
  const { pick } = useApp();
  if (!error) return null;
  if (!(error instanceof ApiError)) return <ErrorMessage error={error} />;
  const list = items ?? error.fields.map((f) => pick(f.messages));
  return (
    <div class="error-summary" role="alert">
      <p>{pick(error.messages)}</p>
      {list.length > 0 && (
        <ul>
          {[...new Set(list)].map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** While the list waits for the workflow (the OPD's draft items being made, the publication running), it is read again this often. */
const FOLLOW_MS = 2000;

export function DocumentationLanePage({ cycleId, agencyId }: { cycleId: string; agencyId: string }) {
  const { t, lang, api, me, agencyName, agencyTimeZone, announce, pick } = useApp();
  const path = `/documentation/cycles/${cycleId}/lanes/${agencyId}`;
  const lane = useLoad(() => api.get<Lane>(path), [api, cycleId, agencyId]);
  const [reviews, setReviews] = useState<Record<string, RowChoice>>({});
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  /** Step 2: what each row's review was refused for (found before sending, or by the server), and the server's other refusals. */
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  /** The field to move the focus to once the refusal is on screen (its message then read with it). */
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (!focusId) return;
    focusField(focusId);
    setFocusId(null);
  }, [focusId]);
  const l = lane.data;
  // The workflow makes the accepted rows' draft items at step 3 and publishes after step 5: until then the page reads the list again.
  const preparing = !!l && l.state === 'waiting' && l.step === 3 && l.rows.some((r) => r.review && r.review.decision !== 'reject' && !r.itemId);
  const following = preparing || l?.state === 'uploaded';
  const { reload } = lane;
  useEffect(() => {
    if (!following || lane.loading) return;
    const timer = setTimeout(reload, FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [following, lane.loading, reload]);
  // Kept on screen while it is read again (after an action, while following the workflow).
  if (!l) return lane.loading ? <Loading /> : <ErrorMessage error={lane.error} />;
  const mine = l.state === 'waiting' && STEP_ROLE[l.step] === me.role && (l.step !== 3 || me.agencyId === agencyId);
  const zone = agencyTimeZone(agencyId);

  /**
   * Acts at the step shown. The workflow also writes on the list (the step's deadline, its wait),
   * which changes its version but not where it is: when the answer is 409 and the list still waits
   * at the same step since the same moment (nobody acted), the action is sent again on the version
   * read now; otherwise the error is shown with the list as it now is.
   */
  async function send(body: Record<string, unknown>): Promise<unknown> {
    if (!l || busy) return undefined;
    setError(null);
    setBusy(true);
    try {
      let version = l.version;
      for (let attempt = 1; ; attempt++) {
        try {
          await api.send('POST', `${path}/actions`, { step: l.step, version, ...body });
          break;
        } catch (e) {
          if (!(e instanceof ApiError && e.status === 409) || attempt >= 4) throw e;
          const now = await api.get<Lane>(path);
          if (now.state !== l.state || now.step !== l.step || now.wait?.since !== l.wait?.since) {
            lane.setData(now);
            throw e;
          }
          version = now.version;
        }
      }
      announce(t('doc_done'), 'success');
      setNote('');
      setFile(null);
      lane.reload();
      return undefined;
    } catch (e) {
      setError(e);
      return e;
    } finally {
      setBusy(false);
    }
  }
  const choiceOf = (r: Row): RowChoice => reviews[r.rowId] ?? { decision: 'accept', note: '' };
  const choose = (rowId: string, change: (c: RowChoice) => RowChoice) =>
    setReviews((old) => ({ ...old, [rowId]: change(old[rowId] ?? { decision: 'accept', note: '' }) }));
  /** The control a row's refusal points at. */
  const fieldId = (rowId: string, k: RowErrorKey) => `doc-${rowId}-${k}`;
  /** Shows the refusals found at their fields and moves the focus to the first; false when there is none. */
  function refuse(found: RowErrors, summary?: string): boolean {
    setRowErrors(found);
    for (const r of l!.rows) {
      const k = ROW_ERROR_ORDER.find((key) => found[r.rowId]?.[key]);
      if (!k) continue;
      if (summary) setError(new ApiError(400, 'validation', { id: summary, en: summary }));
      setFocusId(fieldId(r.rowId, k));
      return true;
    }
    return false;
  }
  /**
   * The server's refusals of step 2 by row: the body's paths name a review by its place in the list
   * sent (`reviews.1.content.title`), the workflow's by the row (`reviews.r2.note`). A corrected column
   * gets the item form's message, which names the rule to follow.
   */
  function serverRowErrors(e: ApiError, sent: string[]): { rows: RowErrors; other: string[] } {
    const rows: RowErrors = {};
    const other: string[] = [];
    for (const f of e.fields) {
      const m = /^reviews\.([^.]+)(?:\.([^.]+))?(?:\.([^.]+))?/.exec(f.field);
      const rowId = m && (/^\d+$/.test(m[1]!) ? sent[Number(m[1])] : m[1]);
      const row = rowId ? l!.rows.find((r) => r.rowId === rowId) : undefined;
      if (!m || !row) {
        other.push(pick(f.messages));
        continue;
      }
      const v = choiceOf(row);
      const key: RowErrorKey = m[2] === 'note' ? 'note' : m[2] === 'content' && isContentField(m[3]) ? m[3] : 'review';
      const text = isContentField(key)
        ? t(contentErrorKey(key))
        : key === 'note' && v.decision === 'reject' && !v.note.trim()
          ? t('doc_reject_note_needed')
          : pick(f.messages);
      const found = rows[row.rowId] ?? {};
      found[key] ??= text;
      rows[row.rowId] = found;
    }
    return { rows, other };
  }
  /** The refusals in the summary above the action, each naming its row and field. */
  const noteLabel = (d: Decision) => (d === 'reject' ? t('doc_review_note_reject') : d === 'correct' ? t('doc_review_note_correct') : t('doc_review_note'));
  const reviewItems = [
    ...l.rows.flatMap((r) =>
      ROW_ERROR_ORDER.flatMap((k) => {
        const text = rowErrors[r.rowId]?.[k];
        if (!text) return [];
        const field = k === 'review' ? t('doc_col_review') : k === 'note' ? noteLabel(choiceOf(r).decision) : t(CONTENT_ROWS.find((c) => c.field === k)!.label);
        return [t('doc_row_field_error', { title: r.content.title, field, message: text })];
      }),
    ),
    ...otherErrors,
  ];

  async function forward(e: Event) {
    e.preventDefault();
    if (!l) return;
    if (l.step === 1) {
      if (!file && !l.rows.length) {
        setError(new ApiError(400, 'validation', { id: t('doc_spreadsheet_needed'), en: t('doc_spreadsheet_needed') }));
        document.getElementById('doc-spreadsheet')?.focus();
        return;
      }
      await send({ action: 'send', ...(file ? { spreadsheet: { fileName: file.name, contentBase64: await toBase64(file) } } : {}) });
    } else if (l.step === 2) {
      // Before sending: a rejection needs its note, a correction a year (without one the server could not say which field).
      const found: RowErrors = {};
      for (const r of l.rows) {
        const v = choiceOf(r);
        if (v.decision === 'reject' && !v.note.trim()) found[r.rowId] = { note: t('doc_reject_note_needed') };
        if (v.decision === 'correct' && v.draft && !/^\d{1,4}$/.test(v.draft.year.trim())) found[r.rowId] = { year: t(contentErrorKey('year')) };
      }
      setOtherErrors([]);
      if (refuse(found, Object.values(found).every((e) => e.note) ? t('doc_reject_notes_needed') : t('doc_review_fix'))) return;
      const sent = l.rows.map((r) => {
        const v = choiceOf(r);
        return {
          rowId: r.rowId,
          decision: v.decision,
          ...(v.note.trim() ? { note: v.note.trim() } : {}),
          ...(v.decision === 'correct' && v.draft ? { content: contentOf(v.draft) } : {}),
        };
      });
      const e = await send({ action: 'send', reviews: sent });
      if (e instanceof ApiError && e.fields.length) {
        const { rows, other } = serverRowErrors(
          e,
          sent.map((x) => x.rowId),
        );
        setOtherErrors(other);
        refuse(rows);
      } else setRowErrors({});
    } else await send({ action: l.step === 3 ? 'deliver' : l.step === 4 ? 'pass' : 'upload' });
  }

  /** A row's control: "Telaah" on screen (under the column's heading), "Telaah: <the row's title>" to a screen reader. */
  const label = (text: string, title: string) => (
    <>
      <span aria-hidden="true">{text}</span>
      <span class="visually-hidden">{t('doc_row_control', { control: text, title })}</span>
    </>
  );
  const laneHeading = t('doc_lane_title', { cycle: l.cycleName, opd: agencyName(agencyId) });

  return (
    <>
      <PageHeader title={laneHeading} intro={`${l.period} · SOP 004`}>
        <a href={`#/documentation/${cycleId}`}>{t('doc_back_to_board')}</a>
      </PageHeader>
      <p class="doc-where">
        <strong>{l.state === 'waiting' ? t('doc_waiting_at', { step: t(stepKey(l.step)) }) : t(`doc_state_${l.state}`)}</strong>
        {l.state === 'waiting' && l.wait?.deadline && (
          <>
            {' · '}
            {t('doc_cell_deadline', { when: formatDateTime(lang, l.wait.deadline.at, zone, true) })}
          </>
        )}
      </p>
      {l.state === 'waiting' && l.wait?.deadline && (
        <details>
          <summary>{t('deadline_how')}</summary>
          <p class="explanation">{pick(l.wait.deadline.explanation)}</p>
        </details>
      )}
      {!mine && <ActionError error={error} />}
      {/* biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>) */}
      <p role="status" aria-live="polite" class="hint">
        {preparing ? t('doc_items_preparing') : l.state === 'uploaded' ? t('doc_publishing') : ''}
      </p>
      <div class="table-wrap">
        <table>
          <caption>{t('doc_rows_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('doc_col_title')}</th>
              <th scope="col">{t('doc_col_review')}</th>
              <th scope="col">{t('doc_col_item')}</th>
            </tr>
          </thead>
          <tbody>
            {l.rows.length === 0 && (
              <tr>
                <td colSpan={3}>{t('doc_rows_empty')}</td>
              </tr>
            )}
            {l.rows.map((r) => {
              const v = choiceOf(r);
              const errs = rowErrors[r.rowId] ?? {};
              const noteError = errs.note;
              const reviewError = errs.review;
              const id = `doc-${r.rowId}`;
              const correcting = mine && l.step === 2 && v.decision === 'correct' && v.draft;
              return (
                <Fragment key={r.rowId}>
                  <tr>
                    <th scope="row">
                      {r.content.title}
                      <span class="sub-line">{r.content.summary}</span>
                    </th>
                    <td>
                      {mine && l.step === 2 ? (
                        <>
                          <div class={reviewError ? 'field has-error' : 'field'}>
                            <label for={`${id}-review`}>{label(t('doc_col_review'), r.content.title)}</label>
                            {reviewError && (
                              <p id={`${id}-review-error`} class="field-error">
                                {reviewError}
                              </p>
                            )}
                            <select
                              id={`${id}-review`}
                              value={v.decision}
                              {...(reviewError ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-review-error` } : {})}
                              onChange={(e) => {
                                const decision = e.currentTarget.value as Decision;
                                // Choosing "Koreksi" opens the row's DIP columns below it, filled with its values (kept if chosen again).
                                choose(r.rowId, (c) => ({ ...c, decision, ...(decision === 'correct' && !c.draft ? { draft: draftOf(r.content) } : {}) }));
                              }}
                            >
                              <option value="accept">{t('doc_review_accept')}</option>
                              <option value="correct">{t('doc_review_correct')}</option>
                              <option value="reject">{t('doc_review_reject')}</option>
                            </select>
                          </div>
                          <div class={noteError ? 'field has-error' : 'field'}>
                            <label for={`${id}-note`}>{label(noteLabel(v.decision), r.content.title)}</label>
                            {noteError && (
                              <p id={`${id}-note-error`} class="field-error">
                                {noteError}
                              </p>
                            )}
                            <input
                              type="text"
                              id={`${id}-note`}
                              value={v.note}
                              {...(noteError ? { 'aria-invalid': 'true', 'aria-describedby': `${id}-note-error` } : {})}
                              onInput={(e) => {
                                const text = e.currentTarget.value;
                                choose(r.rowId, (c) => ({ ...c, note: text }));
                              }}
                            />
                          </div>
                        </>
                      ) : r.review ? (
                        <>
                          {t(`doc_review_${r.review.decision}`)}
                          {r.review.note && <span class="sub-line">{r.review.note}</span>}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {r.itemId ? (
                        <a href={`#/items/${r.itemId}`}>{r.itemNumber}</a>
                      ) : r.review && r.review.decision !== 'reject' && l.state === 'waiting' && l.step === 3 ? (
                        t('doc_item_preparing')
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                  {correcting && (
                    <tr class="doc-correct-row">
                      <td colSpan={3}>
                        <fieldset class="form-section" id={`${id}-correct`} aria-describedby={`${id}-correct-hint`}>
                          <legend>{t('doc_correct_legend', { title: r.content.title })}</legend>
                          <p class="hint" id={`${id}-correct-hint`}>
                            {t('doc_correct_hint')}
                          </p>
                          <ItemContentFields
                            draft={v.draft!}
                            set={(k, value) => choose(r.rowId, (c) => ({ ...c, draft: { ...(c.draft ?? draftOf(r.content)), [k]: value } }))}
                            error={(f) => errs[f]}
                            idPrefix={id}
                            label={(text) => label(text, r.content.title)}
                          />
                        </fieldset>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {mine && (
        <form class="panel form-panel" onSubmit={forward} aria-labelledby="doc-action-h">
          <h2 id="doc-action-h">{t('doc_action_h', { step: l.step })}</h2>
          <ActionError error={error} {...(l.step === 2 ? { items: reviewItems } : {})} />
          {l.step === 1 && (
            <Field id="doc-spreadsheet" label={t('doc_spreadsheet')} name="spreadsheet" required={!l.rows.length} hint={t('doc_spreadsheet_hint')}>
              {(a) => <input {...a} type="file" accept=".csv,.xlsx" disabled={busy} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />}
            </Field>
          )}
          {l.step === 3 && <p class="hint">{t('doc_deliver_hint')}</p>}
          <div class="form-actions">
            <button type="submit" class="primary" disabled={busy}>
              {t(ACTION_LABEL[l.step])}
            </button>
          </div>
          {l.step > 1 && (
            <details class="return-box">
              <summary>{t('doc_return_h', { step: l.step - 1 })}</summary>
              <Field label={t('doc_return_note')} name="return-note">
                {(a) => <textarea {...a} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
              </Field>
              <div class="form-actions">
                <button type="button" class="secondary" disabled={busy} onClick={() => send({ action: 'return', note })}>
                  {t('doc_return', { step: l.step - 1 })}
                </button>
              </div>
            </details>
          )}
        </form>
      )}
      {l.handOvers.length > 0 && (
        <table>
          <caption>{t('doc_history_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('doc_col_when')}</th>
              <th scope="col">{t('doc_history_caption')}</th>
            </tr>
          </thead>
          <tbody>
            {l.handOvers.map((h) => (
              <tr key={h.at}>
                <td>{formatDateTime(lang, h.at, zone, true)}</td>
                <td>
                  {t('doc_handover', { from: t(stepKey(h.from)), to: h.to === 'published' ? t('doc_state_published') : t(stepKey(h.to)), who: h.by })}
                  {h.note && <span class="sub-line">{h.note}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
