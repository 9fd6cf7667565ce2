/**
 * Pendokumentasian (SOP 004): the cycles (`#/documentation`, the Pejabat PID opens one), the cycle
 * board (`#/documentation/:cycleId`: OPD × step, each cell with its state, deadline in words, time
 * used against the Mutu Baku and who acted; filters; printable on A4 landscape) and one OPD's list
 * (`#/documentation/:cycleId/:agencyId`) with the action of whoever it waits for.
 */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDateTime, formatDuration } from '../format.ts';
import type { Page } from '../types.ts';
import { ErrorMessage, Field, Loading, PageHeader, useLoad } from '../ui.tsx';

const STEPS = [1, 2, 3, 4, 5] as const;
type Step = (typeof STEPS)[number];
const STEP_NAME: Record<Step, string> = { 1: 'list', 2: 'review', 3: 'delivery', 4: 'check', 5: 'upload' };
const STEP_ROLE: Record<Step, string> = { 1: 'pejabat_pid', 2: 'ppid_utama', 3: 'ppid_pelaksana', 4: 'ppid_utama', 5: 'pejabat_pid' };
const stepKey = (s: Step) => `doc_step_${s}` as const;

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
  content: { title: string; summary: string; formats: string[] } & Record<string, unknown>;
  review?: { decision: 'accept' | 'correct' | 'reject'; note?: string; by: string };
  itemId?: string;
  itemNumber?: string;
  publishedAt?: string;
}
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
interface Cycle {
  cycleId: string;
  name: string;
  period: string;
  agencyIds: string[];
  state: 'open' | 'closed';
  openedBy: string;
  openedAt: string;
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
        <form class="card" onSubmit={open}>
          <h2>{t('doc_open_h')}</h2>
          <ErrorMessage error={error} />
          <Field label={t('doc_name')} name="name" required>
            {(a) => <input {...a} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
          </Field>
          <Field label={t('doc_period')} name="period" required hint={t('doc_period_hint')}>
            {(a) => <input {...a} value={period} onInput={(e) => setPeriod(e.currentTarget.value)} />}
          </Field>
          <fieldset>
            <legend>{t('doc_opds')}</legend>
            <p class="hint">{t('doc_opds_hint')}</p>
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
          </fieldset>
          <button type="submit" class="primary">
            {t('doc_open')}
          </button>
        </form>
      )}
      {cycles.loading ? (
        <Loading />
      ) : cycles.error ? (
        <ErrorMessage error={cycles.error} />
      ) : (
        <table>
          <caption>{t('doc_cycles_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('doc_col_cycle')}</th>
              <th scope="col">{t('doc_period')}</th>
              <th scope="col">{t('doc_col_opened')}</th>
              <th scope="col">{t('doc_col_opds')}</th>
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
              </tr>
            ))}
          </tbody>
        </table>
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
  if (board.loading) return <Loading />;
  if (board.error || !board.data) return <ErrorMessage error={board.error} />;
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
      <PageHeader title={cycle.name} intro={`${cycle.period} · SOP 004`}>
        <button type="button" onClick={() => window.print()}>
          {t('doc_print')}
        </button>
      </PageHeader>
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
        </tbody>
      </table>
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

export function DocumentationLanePage({ cycleId, agencyId }: { cycleId: string; agencyId: string }) {
  const { t, lang, api, me, agencyName, agencyTimeZone, announce, pick } = useApp();
  const lane = useLoad(() => api.get<Lane>(`/documentation/cycles/${cycleId}/lanes/${agencyId}`), [api, cycleId, agencyId]);
  const [reviews, setReviews] = useState<Record<string, { decision: 'accept' | 'reject'; note: string }>>({});
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (lane.loading) return <Loading />;
  if (lane.error || !lane.data) return <ErrorMessage error={lane.error} />;
  const l = lane.data;
  const mine = l.state === 'waiting' && STEP_ROLE[l.step] === me.role && (l.step !== 3 || me.agencyId === agencyId);
  const zone = agencyTimeZone(agencyId);

  async function send(body: Record<string, unknown>) {
    setError(null);
    try {
      await api.send('POST', `/documentation/cycles/${cycleId}/lanes/${agencyId}/actions`, { step: l.step, version: l.version, ...body });
      announce(t('doc_done'), 'success');
      setNote('');
      lane.reload();
    } catch (e) {
      setError(e);
    }
  }
  async function forward(e: Event) {
    e.preventDefault();
    if (l.step === 1) {
      await send({ action: 'send', ...(file ? { spreadsheet: { fileName: file.name, contentBase64: await toBase64(file) } } : {}) });
    } else if (l.step === 2) {
      await send({
        action: 'send',
        reviews: l.rows.map((r) => {
          const v = reviews[r.rowId] ?? { decision: 'accept', note: '' };
          return { rowId: r.rowId, decision: v.decision, ...(v.note.trim() ? { note: v.note.trim() } : {}) };
        }),
      });
    } else await send({ action: l.step === 3 ? 'deliver' : l.step === 4 ? 'pass' : 'upload' });
  }

  return (
    <>
      <PageHeader title={t('doc_lane_title', { cycle: l.cycleName, opd: agencyName(agencyId) })} intro={`${l.period} · ${t(`doc_state_${l.state}`)}`}>
        <a href={`#/documentation/${cycleId}`}>{t('doc_board_caption')}</a>
      </PageHeader>
      {l.wait?.deadline && (
        <p>
          <strong>{t(stepKey(l.step))}</strong> · {t('doc_cell_deadline', { when: formatDateTime(lang, l.wait.deadline.at, zone, true) })} (
          {pick(l.wait.deadline.explanation)})
        </p>
      )}
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
          {l.rows.map((r) => (
            <tr key={r.rowId}>
              <th scope="row">
                {r.content.title}
                <span class="sub-line">{r.content.summary}</span>
              </th>
              <td>
                {mine && l.step === 2 ? (
                  <>
                    <Field label={t('doc_col_review')} name={`review-${r.rowId}`}>
                      {(a) => (
                        <select
                          {...a}
                          value={reviews[r.rowId]?.decision ?? 'accept'}
                          onChange={(e) =>
                            setReviews({
                              ...reviews,
                              [r.rowId]: { note: reviews[r.rowId]?.note ?? '', decision: e.currentTarget.value as 'accept' | 'reject' },
                            })
                          }
                        >
                          <option value="accept">{t('doc_review_accept')}</option>
                          <option value="reject">{t('doc_review_reject')}</option>
                        </select>
                      )}
                    </Field>
                    <Field label={t('doc_review_note')} name={`note-${r.rowId}`}>
                      {(a) => (
                        <input
                          {...a}
                          value={reviews[r.rowId]?.note ?? ''}
                          onInput={(e) =>
                            setReviews({ ...reviews, [r.rowId]: { decision: reviews[r.rowId]?.decision ?? 'accept', note: e.currentTarget.value } })
                          }
                        />
                      )}
                    </Field>
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
              <td>{r.itemId ? <a href={`#/items/${r.itemId}`}>{r.itemNumber}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {mine && (
        <form class="card" onSubmit={forward}>
          <h2>{t('doc_action_h', { step: l.step })}</h2>
          <ErrorMessage error={error} />
          {l.step === 1 && (
            <Field label={t('doc_spreadsheet')} name="spreadsheet" required={!l.rows.length}>
              {(a) => <input {...a} type="file" accept=".csv,.xlsx" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />}
            </Field>
          )}
          {l.step === 3 && <p class="hint">{t('doc_deliver_hint')}</p>}
          <button type="submit" class="primary">
            {l.step === 1 ? t('doc_send_1') : l.step === 2 ? t('doc_send_2') : l.step === 3 ? t('doc_deliver') : l.step === 4 ? t('doc_pass') : t('doc_upload')}
          </button>
          {l.step > 1 && (
            <div class="return-box">
              <Field label={t('doc_return_note')} name="return-note">
                {(a) => <textarea {...a} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
              </Field>
              <button type="button" onClick={() => send({ action: 'return', note })}>
                {t('doc_return')}
              </button>
            </div>
          )}
        </form>
      )}
      {l.handOvers.length > 0 && (
        <table>
          <caption>{t('doc_history_caption')}</caption>
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
