/**
 * Benchmark of the Lambda functions' module initialisation (issue 14): every function bundled exactly
 * as the CDK stack bundles it (`bundleFunctions()` of infra/aws/bundle.ts, into a temporary directory),
 * then each bundle imported by a fresh Node process (this Node, 24), `performance.now()` around
 * `await import(bundle)`, the median of 5 processes. BASELINE, in the same run and measured the same
 * way: a hello-world handler bundled with the same esbuild options. Each function's row: its bundle
 * size, its init time and the ratio to the baseline; then the least, median and largest ratio.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { bundleFunctions, lambdaBuildOptions } from '../infra/aws/bundle.ts';
import type { Row } from './register.bench.ts';

const RUNS = 5;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Milliseconds a fresh Node process takes to import `file` (module evaluation included). */
function initMs(file: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`;
  // What a Lambda function's environment gives every module at import time (no AWS call is made).
  const env = { ...process.env, AWS_REGION: 'ap-southeast-3', AWS_LAMBDA_FUNCTION_NAME: 'bench', NODE_OPTIONS: '' };
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
  return Number(out);
}

/** KB of JavaScript in a function's directory: its entry and every chunk it may load (maps and fonts aside). */
const bundleKb = (file: string) => {
  const dir = file.slice(0, file.lastIndexOf('/'));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .reduce((kb, f) => kb + statSync(join(dir, f)).size / 1024, 0);
};

const medianInit = (file: string) => median(Array.from({ length: RUNS }, () => initMs(file)));

export async function functionsBench(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sip-fn-bench-'));
  try {
    const hello = join(dir, 'hello-world.ts');
    writeFileSync(hello, "export const handler = async () => ({ statusCode: 200, body: 'hello world' });\n");
    buildSync({ ...lambdaBuildOptions(), entryPoints: [{ in: hello, out: 'hello-world/index' }], outdir: dir });
    const helloBundle = join(dir, 'hello-world/index.mjs');

    const t0 = performance.now();
    const bundles = bundleFunctions(join(dir, 'lambda'));
    const buildS = (performance.now() - t0) / 1000;

    // Functions sharing one bundle (one asset) are measured once, named together.
    const byBundle = new Map<string, string[]>();
    for (const [handler, file] of bundles) byBundle.set(file, [...(byBundle.get(file) ?? []), handler]);

    // The baseline before, between and after, so drift in the machine's load shows in it.
    const base: number[] = [medianInit(helloBundle)];
    const measured: { handlers: string[]; kb: number; ms: number }[] = [];
    for (const [file, handlers] of byBundle) {
      measured.push({ handlers, kb: bundleKb(file), ms: medianInit(file) });
      if (measured.length % 20 === 0) base.push(medianInit(helloBundle));
    }
    base.push(medianInit(helloBundle));
    const baseMs = median(base);

    const rows: Row[] = [
      { metric: `bundles built (${bundles.size} functions in ${byBundle.size} bundles)`, value: `${buildS.toFixed(1)} s` },
      { metric: 'BASELINE hello-world handler: init', value: `${baseMs.toFixed(1)} ms (${statSync(helloBundle).size} B)` },
    ];
    const ratios: number[] = [];
    for (const m of measured.sort((a, b) => b.ms - a.ms)) {
      const ratio = m.ms / baseMs;
      ratios.push(...m.handlers.map(() => ratio));
      const name = m.handlers.length > 1 ? `${m.handlers[0]!.slice(0, m.handlers[0]!.lastIndexOf('.'))}.* (${m.handlers.length} functions)` : m.handlers[0]!;
      rows.push({ metric: name, value: `${m.kb.toFixed(0)} KB, ${m.ms.toFixed(1)} ms, ${ratio.toFixed(1)}×` });
    }
    const over = ratios.filter((r) => r > 3).length;
    rows.push(
      {
        metric: 'init ratio per function: min / median / max',
        value: `${Math.min(...ratios).toFixed(1)}× / ${median(ratios).toFixed(1)}× / ${Math.max(...ratios).toFixed(1)}×`,
      },
      { metric: 'functions above 3×', value: `${over} of ${ratios.length}` },
    );
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
