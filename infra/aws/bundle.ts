/**
 * Local build of the Lambda functions: esbuild, no Docker.
 *
 * Every route and task is built on its own: a generated file (`<outdir>/.entries/<asset>.ts`)
 * re-exports only that handler's export of its module, so esbuild's tree shaking drops the module's
 * other handlers and whatever only they use (the project's modules declare no import-time side
 * effects: `"sideEffects": false` in package.json). `api/items.list` gets `<outdir>/api-items-list/`
 * with its entry as `index.mjs` and the chunks it loads at first use (`await import()`), each with
 * its source map (`handler: index.list`).
 *
 * One build per function, not one build of all of them with shared chunks: esbuild gives each
 * source file to one chunk, and a file reached by several functions takes along everything it
 * imports for any of them (a handler module's every handler, a core module's every dependency), so
 * with a shared build `tasks/register.rebuildRelease` loaded 1,115 KB at import, alone 451 KB. The
 * builds take minutes, so each function's directory records what its build read
 * (`<asset>.inputs.json`) and is kept while none of it changed; `npm test` builds first (pretest).
 *
 * `lambdaBuildOptions()` is the one place the esbuild options live: the CDK stack and the bench
 * (`bench/functions.bench.ts`) both build through `bundleFunctions()`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, version as esbuildVersion, type Plugin } from 'esbuild';
import { handlerExport, handlerModule, handlerModules, routes, stateMachines } from '../system.ts';

/** Repository root (this file is `infra/aws/bundle.ts`). */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const LAMBDA_OUT = join(ROOT, '.build/lambda');

/** `api/agencies.create` → `api-agencies-create`: the asset directory name of a function. */
export const assetName = (handler: string): string => `${handlerModule(handler)}-${handlerExport(handler)}`.replaceAll('/', '-');

/** Absolute path of a function's asset directory (valid after `bundleFunctions()`). */
export const assetDir = (handler: string, outdir = LAMBDA_OUT): string => join(outdir, assetName(handler));

/** Every handler a Lambda function runs: each route's and each workflow task's, once. */
export function functionHandlers(): string[] {
  const all = [...routes.map((r) => r.handler), ...stateMachines.flatMap((m) => Object.values(m.tasks).map((t) => t.handler))];
  return [...new Set(all)].sort();
}

/**
 * ESM bundles have no `require`, but some bundled CommonJS dependencies call it for Node built-ins.
 * The banner gives them one (plus `__filename`/`__dirname`, which the same libraries sometimes use).
 */
const banner = [
  "import { createRequire as __sipCreateRequire } from 'node:module';",
  "import { fileURLToPath as __sipFileURLToPath } from 'node:url';",
  'const require = __sipCreateRequire(import.meta.url);',
  'const __filename = __sipFileURLToPath(import.meta.url);',
  "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
].join('\n');

/**
 * Node built-ins whose ESM import costs far more than their `require`: importing `node:http` as an
 * ES module makes Node build its namespace from every export, which reads the lazy `WebSocket`,
 * `MessageEvent` and `CloseEvent` getters and so loads undici, about 55 ms of every cold start here
 * (`require('node:http')` about 5 ms); `node:process` about 8 ms against 1 ms. esbuild turns the SDK's
 * `require('http')` into `import … from "node:http"` in an ESM bundle, so every function paid it.
 */
const REQUIRED_BUILTINS = /^(node:)?(http|process)$/;

/**
 * Gives those built-ins to the bundle through `require` instead: a small module per built-in that
 * re-exports its plain (non-getter) properties by name. A name it does not re-export fails the build
 * ("No matching export"), never the function. The version in the name is part of each build's key.
 */
const builtinsThroughRequire: Plugin = {
  name: 'builtins-through-require@1',
  setup(b) {
    b.onResolve({ filter: REQUIRED_BUILTINS }, (args) => ({ path: args.path.replace(/^node:/, ''), namespace: 'builtin-through-require' }));
    b.onLoad({ filter: /.*/, namespace: 'builtin-through-require' }, (args) => {
      const mod = createRequire(import.meta.url)(`node:${args.path}`) as Record<string, unknown>;
      const names = Object.keys(mod).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default' && !Object.getOwnPropertyDescriptor(mod, k)?.get);
      const contents = [
        "import { createRequire } from 'node:module';",
        `const m = createRequire(import.meta.url)('node:${args.path}');`,
        'export default m;',
        ...names.map((n) => `export const ${n} = m.${n};`),
      ].join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/** The esbuild options of every Lambda bundle (entry points and output directory aside). */
export function lambdaBuildOptions(): BuildOptions {
  return {
    metafile: true,
    absWorkingDir: ROOT,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Nothing is external, not even `@aws-sdk/*`: the SDK inside the Lambda runtime lags behind the
    // version we test against and changes without notice; bundling pins exactly what the tests ran.
    // Prefer the ESM entry points so the SDK tree-shakes.
    mainFields: ['module', 'main'],
    platform: 'node',
    format: 'esm',
    target: 'node24',
    minify: true,
    // Mappings only: enough for `--enable-source-maps` stack traces, without shipping the sources.
    sourcemap: true,
    sourcesContent: false,
    legalComments: 'none',
    banner: { js: banner },
    plugins: [builtinsThroughRequire],
    logLevel: 'warning',
  };
}

/** Bundles every function into `outdir`; returns handler → its bundle (`<asset dir>/index.mjs`). */
export function bundleFunctions(outdir = LAMBDA_OUT): Map<string, string> {
  const modules = handlerModules();
  const missing = modules.filter((m) => !existsSync(join(ROOT, 'functions', `${m}.ts`)));
  if (missing.length) {
    throw new Error(`handler modules declared in infra/system.ts are missing: ${missing.map((m) => `functions/${m}.ts`).join(', ')}`);
  }
  // esbuild's async API builds side by side; CDK construction is synchronous, so a child process
  // runs them and bundleFunctions waits for it (as app-builder.ts does for the staff app).
  const script = `const { buildFunctions } = await import(${JSON.stringify(import.meta.url)}); await buildFunctions(${JSON.stringify(outdir)});`;
  try {
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: 'pipe', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stderr?: Buffer; stdout?: Buffer };
    throw new Error(`bundling the Lambda functions failed:\n${err.stderr ?? ''}${err.stdout ?? ''}`);
  }
  return new Map(functionHandlers().map((h) => [h, join(assetDir(h, outdir), 'index.mjs')]));
}

/** What a function's last build read: the build's key and each input file's hash (beside its asset directory, not in it). */
interface BuildRecord {
  key: string;
  inputs: Record<string, string>;
}
const recordPath = (final: string) => `${final}.inputs.json`;

/** The files (repository-relative) a function's last build read, static imports and chunks loaded at first use alike. */
export const builtInputs = (handler: string, outdir = LAMBDA_OUT): string[] =>
  Object.keys((JSON.parse(readFileSync(recordPath(assetDir(handler, outdir)), 'utf8')) as BuildRecord).inputs);

/**
 * What importing a bundle evaluates: its entry (`file`, a function's `index.mjs`) and the chunks it
 * imports statically, transitively, as paths; the chunks it loads at first use (`import()`) are not.
 */
export function staticFiles(file: string): string[] {
  const dir = file.slice(0, file.lastIndexOf('/'));
  const seen = new Set([file.slice(dir.length + 1)]);
  for (const f of seen) {
    const text = readFileSync(join(dir, f), 'utf8');
    // esbuild's static chunk imports: `import{a as b}from"./chunk-X.mjs";` or `import"./chunk-X.mjs";`
    for (const m of text.matchAll(/(?:^|[;\n}])import\s*(?:[^"'()]*?from\s*)?["']\.\/(chunk-[\w-]+\.mjs)["']/g)) seen.add(m[1]!);
  }
  return [...seen].map((f) => join(dir, f));
}
const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('hex');

/**
 * Builds every function on its own (see the module's comment), several at a time, into
 * `<outdir>/<asset>/`. A function whose last build read exactly the files it would read now (same
 * options, same entry, same content of every input) keeps its directory: a synth after a change
 * rebuilds only the functions that change reaches. One process at a time per `outdir` (a lock
 * directory); the others wait, then find the directories current.
 */
export async function buildFunctions(outdir: string): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  const lock = join(outdir, '.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A holder that died leaves its lock: taken over after ten minutes.
      if (Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    const run = `${process.pid}-${Date.now().toString(36)}`;
    const entries = join(outdir, '.entries');
    mkdirSync(entries, { recursive: true });
    const hashes = new Map<string, string | undefined>();
    const hashOf = (input: string) => {
      if (!hashes.has(input)) {
        const file = resolve(ROOT, input);
        hashes.set(input, existsSync(file) ? sha1(readFileSync(file)) : undefined);
      }
      return hashes.get(input);
    };
    const handlers = functionHandlers();
    let next = 0;
    const buildOne = async (h: string) => {
      const file = join(entries, `${assetName(h)}.ts`);
      const from = relative(entries, join(ROOT, 'functions', `${handlerModule(h)}.ts`)).replaceAll('\\', '/');
      const entry = `export { ${handlerExport(h)} } from '${from.startsWith('.') ? from : `./${from}`}';\n`;
      if (!existsSync(file) || readFileSync(file, 'utf8') !== entry) {
        writeFileSync(`${file}.${run}`, entry);
        renameSync(`${file}.${run}`, file);
      }
      const final = assetDir(h, outdir);
      const options = { ...lambdaBuildOptions(), entryPoints: [{ in: file, out: 'index' }], splitting: true, chunkNames: 'chunk-[hash]' };
      const key = sha1(JSON.stringify([esbuildVersion, options, entry]));
      if (existsSync(join(final, 'index.mjs')) && existsSync(recordPath(final))) {
        const record = JSON.parse(readFileSync(recordPath(final), 'utf8')) as BuildRecord;
        if (record.key === key && Object.entries(record.inputs).every(([input, hash]) => hashOf(input) === hash)) return;
      }
      // Written beside, then put in place with renames, so a synth reading it never sees a half-written directory.
      const dir = `${final}.${run}`;
      const { metafile } = await build({ ...options, outdir: dir });
      // Files only: a plugin's modules (`builtin-through-require:http`) are part of the key, by the plugin's name.
      const inputs = Object.keys(metafile!.inputs).filter((i) => !/^[\w-]+:/.test(i));
      if (inputs.some((i) => i.includes('functions/core/official-documents/fonts.ts'))) copyDocumentAssets(dir);
      rmSync(recordPath(final), { force: true });
      putInPlace(dir, final, run);
      const record: BuildRecord = { key, inputs: Object.fromEntries(inputs.map((i) => [i, hashOf(i) ?? ''])) };
      writeFileSync(recordPath(final), JSON.stringify(record));
    };
    await Promise.all(
      Array.from({ length: Math.max(2, availableParallelism()) }, async () => {
        while (next < handlers.length) await buildOne(handlers[next++]!);
      }),
    );
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The same function built twice: chunks are named by their content's hash, so the same names and the
 * same entry file make the same directory.
 */
function sameBuild(a: string, b: string): boolean {
  if (!existsSync(b)) return false;
  const names = (d: string) => readdirSync(d).sort().join('\n');
  return names(a) === names(b) && readFileSync(join(a, 'index.mjs')).equals(readFileSync(join(b, 'index.mjs')));
}

/**
 * Replaces directory `final` by `dir` with two renames (another build may be doing the same: retried);
 * left as it is when it already holds this build (a build or a synth reading it is not disturbed).
 */
function putInPlace(dir: string, final: string, run: string): void {
  if (sameBuild(dir, final)) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const olds: string[] = [];
  for (let attempt = 0; ; attempt++) {
    const old = `${final}.old-${run}-${attempt}`;
    try {
      if (existsSync(final)) renameSync(final, old);
      olds.push(old);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    try {
      renameSync(dir, final);
      break;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'ENOTEMPTY' && code !== 'EEXIST')) throw e;
    }
  }
  for (const old of olds) rmSync(old, { recursive: true, force: true });
}

/**
 * Files the document module reads at run time, copied into every function's directory that contains it:
 * the DejaVu fonts (functions/core/official-documents/fonts.ts looks in `fonts/`) and pdfkit's sRGB
 * ICC profile for the PDF/A output intent (pdfkit reads `data/` beside its own module, here the bundle).
 */
function copyDocumentAssets(dir: string): void {
  const require = createRequire(join(ROOT, 'package.json'));
  const files: [string, string][] = [
    [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), 'fonts/DejaVuSans.ttf'],
    [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), 'fonts/DejaVuSans-Bold.ttf'],
    [join(require.resolve('pdfkit').replace(/pdfkit\.js$/, ''), 'data/sRGB_IEC61966_2_1.icc'), 'data/sRGB_IEC61966_2_1.icc'],
  ];
  for (const [from, to] of files) {
    mkdirSync(join(dir, to.slice(0, to.lastIndexOf('/'))), { recursive: true });
    copyFileSync(from, join(dir, to));
  }
}

// `node --import tsx infra/aws/bundle.ts`: every function built or found current (npm test's pretest,
// so that the infra tests' synths find them built).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const built = bundleFunctions();
  console.log(`Lambda functions: ${built.size} bundles current in ${((performance.now() - started) / 1000).toFixed(1)} s (${relative(ROOT, LAMBDA_OUT)}/)`);
}
