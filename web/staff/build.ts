/**
 * Builds the staff app: one bundled, minified `app.js` (Preact) plus the static `index.html`,
 * `app.css` and the icon (`favicon.svg`, `favicon.ico`, shared with the register). The output is served under `/app/` (CloudFront on AWS, the local host's site server),
 * next to a `config.json` that the host writes.
 *
 *   node --import tsx web/staff/build.ts [outDir]     (default .build/staff-app)
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { FAVICON_FILES } from '../shared/favicon.ts';

const here = dirname(fileURLToPath(import.meta.url));

export async function buildStaffApp(outDir: string): Promise<void> {
  const out = resolve(outDir);
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: [join(here, 'src', 'main.tsx')],
    outfile: join(out, 'app.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await Promise.all([
    copyFile(join(here, 'index.html'), join(out, 'index.html')),
    copyFile(join(here, 'app.css'), join(out, 'app.css')),
    ...FAVICON_FILES.map((f) => writeFile(join(out, f.name), f.body())),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ?? '.build/staff-app';
  const started = performance.now();
  await buildStaffApp(outDir);
  console.log(`staff app built to ${outDir} in ${Math.round(performance.now() - started)} ms`);
}
