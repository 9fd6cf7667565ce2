/**
 * Local build of the Lambda functions: one esbuild run, no Docker.
 *
 * Every route and task is its own entry: a generated file (`<outdir>/.entries/<asset>.ts`) re-exports
 * only that handler's export of its module, so esbuild's tree shaking drops the module's other
 * handlers and whatever only they use (the project's modules declare no import-time side effects:
 * `"sideEffects": false` in package.json). One build with code splitting; then `api/items.list` gets
 * `<outdir>/api-items-list/` with its entry as `index.mjs` and exactly the chunks it imports,
 * statically or at first use (`await import()`), each with its source map (`handler: index.list`).
 *
 * `lambdaBuildOptions()` is the one place the esbuild options live: the CDK stack and the bench
 * (`bench/functions.bench.ts`) both build through `bundleFunctions()`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync } from 'esbuild';
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
  const handlers = functionHandlers();
  // One build with code splitting (fast: every module parsed, linked and minified once), then each
  // function's asset directory gets its entry as `index.mjs` and exactly the chunks it reaches.
  // Beside the asset directories, at their depth, so the source maps' relative paths hold after the copy;
  // named for this build, as the infra test files (and a synth) may bundle into the same outdir at once.
  // The entry files keep one place (the source maps name them), each replaced whole by a rename.
  const run = `${process.pid}-${Date.now().toString(36)}`;
  const out = join(outdir, `.split-${run}`);
  const entries = join(outdir, '.entries');
  mkdirSync(entries, { recursive: true });
  const entryPoints = handlers.map((h) => {
    const file = join(entries, `${assetName(h)}.ts`);
    const from = relative(entries, join(ROOT, 'functions', `${handlerModule(h)}.ts`)).replaceAll('\\', '/');
    writeFileSync(`${file}.${run}`, `export { ${handlerExport(h)} } from '${from.startsWith('.') ? from : `./${from}`}';\n`);
    renameSync(`${file}.${run}`, file);
    return { in: file, out: assetName(h) };
  });
  const { metafile } = buildSync({ ...lambdaBuildOptions(), entryPoints, outdir: out, splitting: true, chunkNames: 'chunk-[hash]' });
  const outputs = metafile!.outputs;
  const byEntry = new Map(Object.entries(outputs).flatMap(([file, o]) => (o.entryPoint ? [[resolve(ROOT, o.entryPoint), file] as const] : [])));
  const result = new Map<string, string>();
  for (const h of handlers) {
    const entryOut = byEntry.get(join(entries, `${assetName(h)}.ts`));
    if (!entryOut) throw new Error(`esbuild wrote no bundle for ${h}`);
    // The entry and every chunk it imports, statically or dynamically.
    const files = new Set([entryOut]);
    for (const f of files) for (const i of outputs[f]?.imports ?? []) if (!i.external && outputs[i.path]) files.add(i.path);
    // Written beside, then put in place with renames, so a build running at the same time never
    // sees (or leaves) a half-written asset directory.
    const final = assetDir(h, outdir);
    const dir = `${final}.${run}`;
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      const name = f === entryOut ? 'index.mjs' : f.slice(f.lastIndexOf('/') + 1);
      copyFileSync(resolve(ROOT, f), join(dir, name));
      // Source maps keep the name the bundle's sourceMappingURL comment gives them.
      copyFileSync(resolve(ROOT, `${f}.map`), join(dir, `${f.slice(f.lastIndexOf('/') + 1)}.map`));
    }
    if ([...files].some((f) => Object.keys(outputs[f]!.inputs).some((i) => i.includes('functions/core/official-documents/fonts.ts')))) copyDocumentAssets(dir);
    putInPlace(dir, final, run);
    result.set(h, join(final, 'index.mjs'));
  }
  rmSync(out, { recursive: true, force: true });
  return result;
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
