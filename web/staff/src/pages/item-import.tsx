/**
 * Impor informasi dari lembar kerja (#/items/import): the template, the file (uploaded with a ticket
 * and checked by the server), every bad row in a table with its line, column and problem, "import
 * all" (only when every row is good) or "import only the good rows" after the confirmation dialog,
 * then the progress of the ItemImport workflow and a link to the drafts it made.
 * API: functions/api/imports.ts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.ts';
import { useConfirm } from '../confirm.tsx';
import { useApp } from '../context.ts';
import type { MessageKey } from '../i18n.ts';
import type { Text } from '../types.ts';
import { Field, PageHeader } from '../ui.tsx';
import { contentTypeFor, postToStorage, sha256Hex, type UploadTicket } from '../upload.ts';
import { sortAgencies } from './agencies.tsx';
import { errorTexts } from './item-documents.tsx';

type ImportState = 'declared' | 'checked' | 'refused' | 'running' | 'done' | 'failed';

interface ItemImport {
  importId: string;
  agencyId: string;
  fileName: string;
  state: ImportState;
  check?: {
    rows: number;
    goodRows: number;
    badRows: number;
    problems: number;
    unknownHeaders: string[];
    sheet?: string;
    headerLine: number;
  };
  progress?: { rowsToImport: number; batches: number; batchesDone: number; created: number; existing: number; firstNumber?: string; lastNumber?: string };
  failure?: string;
}

interface Problem {
  line: number;
  field: string;
  header: string;
  message: Text;
}

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'checking' }
  | { kind: 'duplicate'; previous: ItemImport }
  | { kind: 'checked'; imp: ItemImport; problems: Problem[] }
  | { kind: 'running'; imp: ItemImport; problems: Problem[] };

const ACCEPT_IMPORT = '.csv,.xlsx';

export function ItemImportPage() {
  const { t, pick, api, me, bodyWide, agencies, agencyName, announce } = useApp();
  const confirm = useConfirm();
  const [agencyId, setAgencyId] = useState(me.agencyId);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const template = async (format: 'xlsx' | 'csv') => {
    setError(null);
    try {
      const { file: f } = await api.get<{ file: { url: string } }>('/imports/template', { format });
      window.location.assign(f.url);
    } catch (e) {
      setError(e);
    }
  };

  const check = async () => {
    setError(null);
    if (!file) {
      setError(new ApiError(400, 'validation', { id: t('im_choose_file'), en: t('im_choose_file') }));
      fileInput.current?.focus();
      return;
    }
    try {
      setPhase({ kind: 'uploading', percent: 0 });
      const declared = await api.send<{ import: ItemImport; upload?: UploadTicket; duplicateOf?: ItemImport }>('POST', '/imports', {
        ...(bodyWide ? { agencyId } : {}),
        file: { fileName: file.name, contentType: contentTypeFor(file), size: file.size, sha256: await sha256Hex(file) },
      });
      if (declared.duplicateOf || !declared.upload) {
        const previous = declared.duplicateOf ?? declared.import;
        setPhase({ kind: 'duplicate', previous });
        announce(t('im_duplicate', { state: t(`im_state_${previous.state}` as MessageKey) }), 'success');
        return;
      }
      await postToStorage(declared.upload, file, (f) => setPhase({ kind: 'uploading', percent: Math.round(f * 100) }));
      setPhase({ kind: 'checking' });
      const checked = await api.send<{ import: ItemImport; problems: Problem[]; duplicateOf?: ItemImport }>(
        'POST',
        `/imports/${declared.import.importId}/check`,
      );
      if (checked.duplicateOf) {
        setPhase({ kind: 'duplicate', previous: checked.duplicateOf });
        announce(t('im_duplicate', { state: t(`im_state_${checked.duplicateOf.state}` as MessageKey) }), 'success');
        return;
      }
      setPhase({ kind: 'checked', imp: checked.import, problems: checked.problems });
      const c = checked.import.check!;
      announce(
        c.badRows
          ? `${t('im_counts', { rows: c.rows, good: c.goodRows, bad: c.badRows })} ${t('im_nothing_yet')}`
          : t('im_counts', { rows: c.rows, good: c.goodRows, bad: c.badRows }),
        c.badRows ? 'error' : 'success',
      );
    } catch (e) {
      setPhase({ kind: 'idle' });
      setError(e);
    }
  };

  const run = async (imp: ItemImport, problems: Problem[], mode: 'all' | 'good_only') => {
    setError(null);
    try {
      const started = await api.send<ItemImport>('POST', `/imports/${imp.importId}/run`, { mode });
      setPhase({ kind: 'running', imp: started, problems });
    } catch (e) {
      setError(e);
    }
  };

  // While the workflow runs, its progress every second; the end is announced once.
  const running = phase.kind === 'running' ? phase.imp : undefined;
  useEffect(() => {
    if (!running || running.state === 'done' || running.state === 'failed') return;
    const timer = setTimeout(async () => {
      try {
        const now = await api.get<ItemImport>(`/imports/${running.importId}`);
        setPhase((p) => (p.kind === 'running' ? { ...p, imp: now } : p));
        if (now.state === 'done') announce(doneText(now), 'success');
        if (now.state === 'failed') announce(t('im_failed', { reason: now.failure ?? '' }), 'error');
      } catch (e) {
        setError(e);
      }
    }, 1000);
    return () => clearTimeout(timer);
  });

  useEffect(() => {
    if (phase.kind === 'checked' || phase.kind === 'duplicate') resultHeading.current?.focus();
  }, [phase.kind]);

  const doneText = (imp: ItemImport) =>
    t('im_done', { created: imp.progress?.created ?? 0, first: imp.progress?.firstNumber ?? '–', last: imp.progress?.lastNumber ?? '–' });
  const draftsLink = (a: string) => (bodyWide ? `#/items?agencyId=${encodeURIComponent(a)}&status=draft` : '#/items?status=draft');
  const busy = phase.kind === 'uploading' || phase.kind === 'checking' || (phase.kind === 'running' && phase.imp.state === 'running');
  const errors = errorTexts(error, pick);

  return (
    <>
      <PageHeader title={t('im_title')} intro={t('im_intro')} />
      {errors.length > 0 && (
        <div class="error-summary" role="alert">
          {errors.map((x) => (
            <p key={x}>{x}</p>
          ))}
        </div>
      )}
      <section class="panel" aria-labelledby="im-template-h">
        <h2 id="im-template-h">{t('im_template_h')}</h2>
        <p>{t('im_template_text')}</p>
        <div class="form-actions">
          <button type="button" class="secondary" onClick={() => template('xlsx')}>
            {t('im_template_xlsx')}
          </button>
          <button type="button" class="secondary" onClick={() => template('csv')}>
            {t('im_template_csv')}
          </button>
        </div>
      </section>

      <section class="panel" aria-labelledby="im-file-h">
        <h2 id="im-file-h">{t('im_file_h')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          {bodyWide && (
            <Field label={t('im_agency')} name="agencyId" required>
              {(a) => (
                <select {...a} value={agencyId} disabled={busy} onChange={(e) => setAgencyId(e.currentTarget.value)}>
                  {sortAgencies(agencies).map((ag) => (
                    <option key={ag.id} value={ag.id}>
                      {ag.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <Field label={t('im_file')} name="file" hint={t('im_file_hint')} required>
            {(a) => (
              <input
                {...a}
                ref={fileInput}
                type="file"
                accept={ACCEPT_IMPORT}
                disabled={busy}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  setPhase({ kind: 'idle' });
                }}
              />
            )}
          </Field>
          <div class="form-actions">
            <button type="submit" class="primary" disabled={busy}>
              {t('im_check')}
            </button>
          </div>
        </form>
        {/* biome-ignore lint/a11y/useSemanticElements: a live status line, not the result of a calculation (<output>) */}
        <p role="status" aria-live="polite">
          {phase.kind === 'uploading' && t('im_uploading', { percent: phase.percent })}
          {phase.kind === 'checking' && t('im_checking')}
        </p>
      </section>

      {phase.kind === 'duplicate' && (
        <section class="panel" aria-labelledby="im-result-h">
          <h2 id="im-result-h" tabIndex={-1} ref={resultHeading}>
            {t('im_result_h')}
          </h2>
          <p class="notice">{t('im_duplicate', { state: t(`im_state_${phase.previous.state}` as MessageKey) })}</p>
          {phase.previous.progress && phase.previous.state === 'done' && <p>{doneText(phase.previous)}</p>}
          <p>
            <a href={draftsLink(phase.previous.agencyId)}>{t('im_open_drafts')}</a>
          </p>
        </section>
      )}

      {(phase.kind === 'checked' || phase.kind === 'running') && (
        <CheckResult
          imp={phase.imp}
          problems={phase.problems}
          headingRef={resultHeading}
          actions={
            phase.kind === 'checked' && (
              <div class="form-actions">
                {phase.imp.check!.badRows === 0 ? (
                  <button
                    type="button"
                    class="primary"
                    onClick={() =>
                      confirm.ask({
                        title: t('im_all_q', { n: phase.imp.check!.goodRows }),
                        what: t('im_all_what', { agency: agencyName(phase.imp.agencyId) }),
                        yes: t('im_all_yes'),
                        onYes: () => run(phase.imp, phase.problems, 'all'),
                      })
                    }
                  >
                    {t('im_all', { n: phase.imp.check!.goodRows })}
                  </button>
                ) : (
                  <>
                    <p>
                      <strong>{t('im_nothing_yet')}</strong> {t('im_fix_or_choose')}
                    </p>
                    {phase.imp.check!.goodRows > 0 && (
                      <button
                        type="button"
                        class="primary"
                        onClick={() =>
                          confirm.ask({
                            title: t('im_good_q', { n: phase.imp.check!.goodRows }),
                            what: t('im_good_what', { n: phase.imp.check!.goodRows, bad: phase.imp.check!.badRows, agency: agencyName(phase.imp.agencyId) }),
                            yes: t('im_good_yes'),
                            onYes: () => run(phase.imp, phase.problems, 'good_only'),
                          })
                        }
                      >
                        {t('im_good', { n: phase.imp.check!.goodRows })}
                      </button>
                    )}
                  </>
                )}
              </div>
            )
          }
        />
      )}

      {phase.kind === 'running' && (
        <section class="panel" aria-labelledby="im-progress-h">
          <h2 id="im-progress-h">{t('im_progress_h')}</h2>
          {phase.imp.state === 'running' && (
            <>
              <progress
                max={phase.imp.progress?.rowsToImport ?? 1}
                value={(phase.imp.progress?.created ?? 0) + (phase.imp.progress?.existing ?? 0)}
                aria-label={t('im_progress_h')}
              />
              <p>
                {phase.imp.progress
                  ? t('im_running', { done: phase.imp.progress.created + phase.imp.progress.existing, all: phase.imp.progress.rowsToImport })
                  : t('im_starting')}
              </p>
            </>
          )}
          {phase.imp.state === 'done' && (
            <>
              <p class="notice">{doneText(phase.imp)}</p>
              {(phase.imp.progress?.existing ?? 0) > 0 && <p>{t('im_done_existing', { n: phase.imp.progress!.existing })}</p>}
              <p>
                <a class="button primary" href={draftsLink(phase.imp.agencyId)}>
                  {t('im_open_drafts')}
                </a>
              </p>
            </>
          )}
          {phase.imp.state === 'failed' && (
            <>
              <p class="error-summary">{t('im_failed', { reason: phase.imp.failure ?? '' })}</p>
              <button type="button" class="primary" onClick={() => run(phase.imp, phase.problems, 'good_only')}>
                {t('im_retry')}
              </button>
            </>
          )}
        </section>
      )}
      {confirm.dialog}
    </>
  );
}

function CheckResult({
  imp,
  problems,
  actions,
  headingRef,
}: {
  imp: ItemImport;
  problems: Problem[];
  actions: preact.ComponentChildren;
  headingRef: preact.RefObject<HTMLHeadingElement | null>;
}) {
  const { t, pick } = useApp();
  const c = imp.check!;
  return (
    <section class="panel" aria-labelledby="im-result-h">
      <h2 id="im-result-h" tabIndex={-1} ref={headingRef}>
        {t('im_result_h')}
      </h2>
      <p>
        <strong>{t('im_counts', { rows: c.rows, good: c.goodRows, bad: c.badRows })}</strong>
      </p>
      <p>{c.sheet ? t('im_sheet', { sheet: c.sheet, line: c.headerLine }) : t('im_header_line', { line: c.headerLine })}</p>
      {c.unknownHeaders.length > 0 && <p>{t('im_unknown', { headers: c.unknownHeaders.map((h) => `"${h}"`).join(', ') })}</p>}
      {problems.length > 0 && (
        <div class="table-wrap">
          <table>
            <caption>{t('im_problems_caption', { n: c.problems })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('im_col_line')}</th>
                <th scope="col">{t('im_col_column')}</th>
                <th scope="col">{t('im_col_problem')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={`${p.line}-${p.field}`}>
                  <td class="num">{p.line}</td>
                  <td>{p.header}</td>
                  <td>{pick(p.message)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {problems.length < c.problems && <p>{t('im_problems_more', { listed: problems.length, all: c.problems })}</p>}
      {actions}
    </section>
  );
}
