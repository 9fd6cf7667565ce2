/**
 * Runs the benchmarks and prints their results as a table (`npm run bench`).
 *   node --import tsx bench/run.ts [items] [agencies] [requests] [report requests] [import rows]   default 100000 300 1000 100000 10000
 *   npm run bench -- --only=import                                     one or more of register,requests,reports,import,api,functions
 */
import { apiBench } from './api.bench.ts';
import { functionsBench } from './functions.bench.ts';
import { importBench } from './import.bench.ts';
import { type Row, registerBench } from './register.bench.ts';
import { reportsBench } from './reports.bench.ts';
import { requestsBench } from './requests.bench.ts';

function table(title: string, rows: Row[]): string {
  const w = Math.max(...rows.map((r) => r.metric.length), 6);
  const v = Math.max(...rows.map((r) => r.value.length), 5);
  const line = `+${'-'.repeat(w + 2)}+${'-'.repeat(v + 2)}+`;
  return [
    title,
    line,
    `| ${'metric'.padEnd(w)} | ${'value'.padEnd(v)} |`,
    line,
    ...rows.map((r) => `| ${r.metric.padEnd(w)} | ${r.value.padEnd(v)} |`),
    line,
  ].join('\n');
}

// `--only=register,requests,reports,import,api,functions` runs some of them; the numbers are positional as before.
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (name: string) => !only || only.includes(name);
const [items = '100000', agencies = '300', requests = '1000', reportRequests = '100000', importRows = '10000'] = process.argv
  .slice(2)
  .filter((a) => !a.startsWith('--'));

if (runs('register')) {
  const t0 = performance.now();
  const rows = await registerBench(Number(items), Number(agencies));
  console.log(table(`Public register (node ${process.version}, ${((performance.now() - t0) / 1000).toFixed(1)} s in all)`, rows));
}

if (runs('requests')) {
  const t1 = performance.now();
  const requestRows = await requestsBench(Number(requests));
  console.log(table(`Public request submissions (node ${process.version}, ${((performance.now() - t1) / 1000).toFixed(1)} s in all)`, requestRows));
}

if (runs('reports')) {
  const t2 = performance.now();
  const reportRows = await reportsBench(Number(reportRequests));
  console.log(table(`SOP 001 dashboard and annual report (node ${process.version}, ${((performance.now() - t2) / 1000).toFixed(1)} s in all)`, reportRows));
}

if (runs('import')) {
  const t3 = performance.now();
  const importRowsOut = await importBench(Number(importRows));
  console.log(table(`SOP 004 spreadsheet import (node ${process.version}, ${((performance.now() - t3) / 1000).toFixed(1)} s in all)`, importRowsOut));
}

if (runs('api')) {
  const t4 = performance.now();
  const apiRows = await apiBench();
  console.log(table(`Authenticated item read through the API (node ${process.version}, ${((performance.now() - t4) / 1000).toFixed(1)} s in all)`, apiRows));
}

if (runs('functions')) {
  const t5 = performance.now();
  const fnRows = await functionsBench();
  console.log(
    table(
      `Lambda functions: bundle size and module initialisation (node ${process.version}, ${((performance.now() - t5) / 1000).toFixed(1)} s in all)`,
      fnRows,
    ),
  );
}
