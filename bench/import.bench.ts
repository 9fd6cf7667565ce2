/**
 * Benchmark of the spreadsheet import (issue 13, SOP 004): a 10,000-row XLSX with the DIP columns
 * imported as draft items through the local host, as a person does it (declare, upload with the
 * ticket, check every row, run the ItemImport state machine to the end), its time and peak memory.
 * BASELINE, in the same run and process: reading the same file with exceljs alone (load the workbook
 * and read every cell's text), the least any import of it must do. Each figure is printed with its
 * ratio to the baseline.
 *
 * Memory is the peak of the JavaScript heap plus array buffers above the level where the phase began
 * (sampled every 5 ms, after a full collection when the runtime lets us ask for one), so the
 * baseline and the import are measured the same way in one process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { DIP_IMPORT_COLUMNS } from '../functions/core/documentation/import.ts';
import { importSpreadsheet } from '../test/support/fixtures.ts';
import { apiClient, sha256hex, until, uploadWithTicket } from '../test/support/host.ts';
import type { Row } from './register.bench.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('typeof gc === "function" ? gc : undefined') as (() => void) | undefined;

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

/** Runs `work`, sampling memory; its time and peak memory above where it began. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakBytes: number }> {
  gc?.();
  const start = used();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 5);
  const t = performance.now();
  try {
    const result = await work();
    const ms = performance.now() - t;
    peak = Math.max(peak, used());
    return { result, ms, peakBytes: peak - start };
  } finally {
    clearInterval(timer);
  }
}

/** BASELINE: the workbook loaded by exceljs and every cell read as text. */
async function readWithLibrary(bytes: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let cells = 0;
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.text !== undefined) cells++;
      }),
    ),
  );
  return cells;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function importBench(n = 10_000): Promise<Row[]> {
  const bytes = await importSpreadsheet(n, 'bench');
  // BASELINE three times (the first also warms exceljs up); its median time and largest peak.
  const base = [];
  for (let i = 0; i < 3; i++) base.push(await measured(() => readWithLibrary(bytes)));
  const baseMs = median(base.map((b) => b.ms));
  const basePeak = Math.max(...base.map((b) => b.peakBytes));
  if (base[0]!.result !== (n + 1) * DIP_IMPORT_COLUMNS.length) throw new Error(`the baseline read ${base[0]!.result} cells`);

  const { startLocalHost } = await import('../infra/local/host.ts');
  const dataDir = mkdtempSync(join(tmpdir(), 'sip-ppid-bench-import-'));
  const host = await startLocalHost({ port: 0, dataDir, quiet: true });
  try {
    const api = apiClient(host);
    const as = 'ppid.utama';
    await api(as, 'GET', '/api/imports/template'); // warm-up: the handlers loaded, the token issued
    let checkMs = 0;
    const run = await measured(async () => {
      const declared = await api(as, 'POST', '/api/imports', {
        agencyId: 'disdikbud',
        file: { fileName: 'dip-10000.xlsx', contentType: XLSX, size: bytes.length, sha256: sha256hex(bytes) },
      });
      if (declared.status !== 201) throw new Error(`declare: ${declared.status} ${JSON.stringify(declared.body)}`);
      const status = await uploadWithTicket(declared.body.upload, bytes, XLSX);
      if (status >= 300) throw new Error(`upload: ${status}`);
      const importId = declared.body.import.importId as string;
      const t = performance.now();
      const checked = await api(as, 'POST', `/api/imports/${importId}/check`);
      checkMs = performance.now() - t;
      if (checked.status !== 200 || checked.body.import.check.goodRows !== n)
        throw new Error(`check: ${checked.status} ${JSON.stringify(checked.body).slice(0, 300)}`);
      const started = await api(as, 'POST', `/api/imports/${importId}/run`, { mode: 'all' });
      if (started.status !== 200) throw new Error(`run: ${started.status} ${JSON.stringify(started.body)}`);
      return until(
        async () => {
          const r = await api(as, 'GET', `/api/imports/${importId}`);
          return r.body.state === 'done' || r.body.state === 'failed' ? r.body : undefined;
        },
        'the import done',
        600_000,
      );
    });
    if (run.result.state !== 'done' || run.result.progress.created !== n) throw new Error(`the import ended ${JSON.stringify(run.result).slice(0, 300)}`);

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
    return [
      { metric: `XLSX rows (${(bytes.length / 1024).toFixed(0)} KB file)`, value: String(n) },
      { metric: 'import: upload, check, 10,000 drafts written (time)', value: `${s(run.ms)} (${ratio(run.ms, baseMs)} baseline)` },
      { metric: 'import: of which the check of every row (time)', value: `${s(checkMs)} (${ratio(checkMs, baseMs)} baseline)` },
      { metric: 'import: rows written per second', value: (n / ((run.ms - checkMs) / 1000)).toFixed(0) },
      { metric: 'import: peak memory (heap + buffers)', value: `${mb(run.peakBytes)} (${ratio(run.peakBytes, basePeak)} baseline)` },
      { metric: 'BASELINE exceljs load + read every cell (time, median of 3)', value: s(baseMs) },
      { metric: 'BASELINE exceljs load + read every cell (peak memory)', value: mb(basePeak) },
    ];
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
