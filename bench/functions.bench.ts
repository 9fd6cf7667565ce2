/**
 * Benchmark of the Lambda functions' module initialisation (issue 14): every function bundled exactly
 * as the CDK stack bundles it (`bundleFunctions()` of infra/aws/bundle.ts, into .build/lambda as a synth does),
 * then each bundle imported by fresh Node processes (this Node, 24). BASELINE: a hello-world handler
 * bundled with the same esbuild options, measured the same way, interleaved with each function (one
 * hello-world process, one function process, 5 times), so drift in the machine's load hits both alike.
 *
 * THE INIT RATIO is the whole cold start a Lambda runtime pays for the module: node's own clock at the
 * end of `await import(bundle)`, i.e. `performance.now()` counted from the process's `timeOrigin` (node
 * starting, then the bundle read, compiled and evaluated), the function's median over the hello-world's
 * median of the same rounds. This is what the issue measured (hello-world ≈ 40 ms, ratios 3.8× to 8.6×
 * at 0.5–1.6 MB). Node's own start is part of every cold start and the same for every function, so it
 * belongs in the denominator: a hello-world's bare `import()` (≈ 10 ms here) leaves it out and turns a
 * few milliseconds of module evaluation into ratios of 20× to 150× that say more about the
 * denominator than about the bundle. The import alone is printed too (`import`), as a secondary
 * figure: it is where a regression in a bundle shows first. Spawning and exiting the process are left
 * out (they are the OS's, not the bundle's, and only add noise).
 *
 * Each function's row: its JavaScript (entry and every chunk it may load; `static` is what the import
 * evaluates), the medians and the ratio; then the least, median and largest ratio. Before them the
 * FLOORS (below): the same measurement of bundles holding only what the stack brings.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleFunctions, lambdaBuildOptions, ROOT, staticFiles } from '../infra/aws/bundle.ts';
import type { Row } from './register.bench.ts';

const RUNS = 5;

/** The DynamoDB client and document client, with the commands the adapters send (functions/adapters/). */
const DYNAMODB = [
  "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
  "import { BatchGetCommand, BatchWriteCommand, DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';",
  // Every command kept in the bundle, as in the adapters'.
  'export const commands = [BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand];',
];
/**
 * FLOORS, measured like every function: bundles of only what the fixed stack brings before any code
 * of ours. `dynamodb`: the SDK's DynamoDB client and document client with the commands the adapters
 * send (every function that reads or writes the table imports it). `api`: that, plus what every API
 * route imports around its own code: middy, the Powertools Logger and Metrics with their middlewares
 * (functions/observability.ts; the Tracer is loaded at the first traced invocation) and zod. No
 * function that uses the table can start faster than the first; no API route faster than the second.
 */
const FLOORS: { name: string; label: string; source: string }[] = [
  {
    name: 'floor-dynamodb',
    label: "the SDK's DynamoDB (document) client alone",
    source: [
      ...DYNAMODB,
      'export const handler = async (e: { key: string }) => DynamoDBDocumentClient.from(new DynamoDBClient({})).send(new GetCommand({ TableName: e.key, Key: {} }));',
    ].join('\n'),
  },
  {
    name: 'floor-api',
    label: 'DynamoDB client, middy, Powertools Logger and Metrics, zod',
    source: [
      ...DYNAMODB,
      "import { Logger } from '@aws-lambda-powertools/logger';",
      "import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';",
      "import { Metrics } from '@aws-lambda-powertools/metrics';",
      "import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';",
      "import middy from '@middy/core';",
      "import * as z from 'zod';",
      'const logger = new Logger();',
      'const metrics = new Metrics();',
      'export const handler = middy(async (e: unknown) => DynamoDBDocumentClient.from(new DynamoDBClient({})).send(new GetCommand({ TableName: z.object({ key: z.string() }).parse(e).key, Key: {} })))',
      '  .use(injectLambdaContext(logger))',
      '  .use(logMetrics(metrics));',
    ].join('\n'),
  },
];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** A fresh Node process importing `file`: ms since the process's time origin at the end of the import, and ms of the import alone. */
function initMs(file: string): { total: number; load: number } {
  const script = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); const e = performance.now(); process.stdout.write(JSON.stringify([e, e - t]));`;
  // What a Lambda function's environment gives every module at import time (no AWS call is made).
  const env = { ...process.env, AWS_REGION: 'ap-southeast-3', AWS_LAMBDA_FUNCTION_NAME: 'bench', NODE_OPTIONS: '' };
  const [total, load] = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' })) as [number, number];
  return { total, load };
}

/** KB of JavaScript in a function's directory: its entry and every chunk it may load (maps and fonts aside). */
const bundleKb = (file: string) => {
  const dir = file.slice(0, file.lastIndexOf('/'));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .reduce((kb, f) => kb + statSync(join(dir, f)).size / 1024, 0);
};

/** KB of JavaScript the import itself evaluates: the entry and the chunks it imports statically, transitively. */
const staticKb = (file: string) => staticFiles(file).reduce((kb, f) => kb + statSync(f).size / 1024, 0);

/** `RUNS` rounds of one hello-world process then one process of the function: each side's medians. */
function measure(file: string, hello: string) {
  const h: { total: number; load: number }[] = [];
  const f: { total: number; load: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    h.push(initMs(hello));
    f.push(initMs(file));
  }
  const med = (xs: { total: number; load: number }[]) => ({ total: median(xs.map((x) => x.total)), load: median(xs.map((x) => x.load)) });
  return { hello: med(h), fn: med(f) };
}

export async function functionsBench(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sip-fn-bench-'));
  try {
    const hello = join(dir, 'hello-world.ts');
    writeFileSync(hello, "export const handler = async () => ({ statusCode: 200, body: 'hello world' });\n");
    await build({ ...lambdaBuildOptions(), entryPoints: [{ in: hello, out: 'hello-world/index' }], outdir: dir });
    const helloBundle = join(dir, 'hello-world/index.mjs');
    // The floors: what the stack itself loads before any of our code, bundled and measured the same way.
    const floors: { label: string; bundle: string }[] = [];
    for (const { name, label, source } of FLOORS) {
      const bundle = join(dir, `${name}/index.mjs`);
      // From the project's root, where the packages resolve.
      await build({ ...lambdaBuildOptions(), stdin: { contents: source, resolveDir: ROOT, loader: 'ts', sourcefile: `${name}.ts` }, outfile: bundle });
      floors.push({ label, bundle });
    }

    // What the CDK stack deploys (.build/lambda): built, or kept where no input changed since (bundle.ts).
    const t0 = performance.now();
    const bundles = bundleFunctions();
    const buildS = (performance.now() - t0) / 1000;

    // Functions sharing one bundle (one asset) are measured once, named together.
    const byBundle = new Map<string, string[]>();
    for (const [handler, file] of bundles) byBundle.set(file, [...(byBundle.get(file) ?? []), handler]);

    initMs(helloBundle); // warm the file cache
    const measured = [...byBundle].map(([file, handlers]) => ({ handlers, kb: bundleKb(file), staticKb: staticKb(file), ...measure(file, helloBundle) }));
    const base = { total: median(measured.map((m) => m.hello.total)), load: median(measured.map((m) => m.hello.load)) };

    const rows: Row[] = [
      {
        metric: `bundles (${bundles.size} functions in ${byBundle.size} bundles)`,
        value: `${buildS.toFixed(1)} s to build or find current (each function built on its own)`,
      },
      {
        metric: 'BASELINE hello-world handler: init (import)',
        value: `${base.total.toFixed(1)} ms (${base.load.toFixed(1)} ms), ${statSync(helloBundle).size} B`,
      },
    ];
    for (const f of floors) {
      const m = measure(f.bundle, helloBundle);
      rows.push({
        metric: `FLOOR ${f.label}`,
        value: `${staticKb(f.bundle).toFixed(0)} KB, init ${m.fn.total.toFixed(1)} ms ${(m.fn.total / m.hello.total).toFixed(2)}× (import ${m.fn.load.toFixed(1)} ms)`,
      });
    }
    const ratios: number[] = [];
    const withRatio = measured.map((m) => ({ ...m, ratio: m.fn.total / m.hello.total, loadRatio: m.fn.load / m.hello.load }));
    for (const m of withRatio.sort((a, b) => b.ratio - a.ratio)) {
      ratios.push(...m.handlers.map(() => m.ratio));
      const name = m.handlers.length > 1 ? `${m.handlers[0]!.slice(0, m.handlers[0]!.lastIndexOf('.'))}.* (${m.handlers.length} functions)` : m.handlers[0]!;
      rows.push({
        metric: name,
        value: `${m.kb.toFixed(0)} KB (static ${m.staticKb.toFixed(0)} KB), init ${m.fn.total.toFixed(1)} ms ${m.ratio.toFixed(2)}× (import ${m.fn.load.toFixed(1)} ms ${m.loadRatio.toFixed(1)}×)`,
      });
    }
    const over = ratios.filter((r) => r > 3).length;
    rows.push(
      {
        metric: 'init ratio per function: min / median / max',
        value: `${Math.min(...ratios).toFixed(2)}× / ${median(ratios).toFixed(2)}× / ${Math.max(...ratios).toFixed(2)}×`,
      },
      { metric: 'functions above 3×', value: `${over} of ${ratios.length}` },
    );
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
