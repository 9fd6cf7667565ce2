/**
 * Local build of every Lambda handler module: one esbuild run, no Docker.
 *
 * Each module `functions/<module>.ts` becomes `<outdir>/<module with / → ->/index.mjs` (plus its
 * source map), so each asset directory holds exactly one module. Every route and task of that module
 * is its own Lambda function over the same asset (`handler: index.<export>`); CDK hashes the
 * directory, so functions of one module share one uploaded asset.
 *
 * `lambdaBuildOptions()` is the one place the esbuild options live: the CDK stack and the bench
 * (bench/functions.bench.ts) both build through `bundleFunctions()`.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, buildSync } from 'esbuild';
import { handlerModule, handlerModules, routes, stateMachines } from '../system.ts';

/** Repository root (this file is `infra/aws/bundle.ts`). */
export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const LAMBDA_OUT = join(ROOT, '.build/lambda');

/** `api/agencies` → `api-agencies`: the asset directory name of a handler module. */
export const assetName = (module: string): string => module.replaceAll('/', '-');

/** Absolute path of a handler's asset directory, its module's (valid after `bundleFunctions()`). */
export const assetDir = (handler: string, outdir = LAMBDA_OUT): string => join(outdir, assetName(handlerModule(handler)));

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
  const result = buildSync({
    ...lambdaBuildOptions(),
    // `out` puts each entry straight into its own asset directory under outdir.
    entryPoints: modules.map((m) => ({ in: `functions/${m}.ts`, out: `${assetName(m)}/index` })),
    outdir,
  });
  copyDocumentAssets(result.metafile!);
  return new Map(functionHandlers().map((h) => [h, join(assetDir(h, outdir), 'index.mjs')]));
}

/**
 * Files the document module reads at run time, copied next to every bundle that contains it:
 * the DejaVu fonts (functions/core/official-documents/fonts.ts looks in `fonts/`) and pdfkit's sRGB
 * ICC profile for the PDF/A output intent (pdfkit reads `data/` beside its own module, here the bundle).
 */
function copyDocumentAssets(metafile: import('esbuild').Metafile): void {
  const require = createRequire(join(ROOT, 'package.json'));
  const files: [string, string][] = [
    [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), 'fonts/DejaVuSans.ttf'],
    [require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'), 'fonts/DejaVuSans-Bold.ttf'],
    [join(require.resolve('pdfkit').replace(/pdfkit\.js$/, ''), 'data/sRGB_IEC61966_2_1.icc'), 'data/sRGB_IEC61966_2_1.icc'],
  ];
  for (const [out, meta] of Object.entries(metafile.outputs)) {
    if (!out.endsWith('.mjs') || !Object.keys(meta.inputs).some((i) => i.includes('functions/core/official-documents/fonts.ts'))) continue;
    const dir = join(ROOT, out.slice(0, out.lastIndexOf('/')));
    for (const [from, to] of files) {
      mkdirSync(join(dir, to.slice(0, to.lastIndexOf('/'))), { recursive: true });
      copyFileSync(from, join(dir, to));
    }
  }
}
