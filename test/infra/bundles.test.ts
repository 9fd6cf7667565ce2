/**
 * The Lambda bundles themselves (infra/aws/bundle.ts), as the CDK stack uploads them: every function's
 * `index.mjs` loads in a fresh Node process and exports its handler, and a bundle that sends an SDK
 * request over `node:http` (which the bundles get through `require`, see `builtinsThroughRequire`)
 * gets its answer. The local host runs the handlers from source, so nothing else runs the bundles.
 */
import { execFile } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { assetDir, builtInputs, bundleFunctions, lambdaBuildOptions, staticFiles } from '../../infra/aws/bundle.ts';
import { handlerExport } from '../../infra/system.ts';
import { removeTempDirs, tempDir } from '../support/temp-dir.ts';

afterAll(removeTempDirs);

const run = promisify(execFile);
/** What a Lambda environment gives every module (no AWS call is made at import). */
const lambdaEnv = { ...process.env, AWS_REGION: 'ap-southeast-3', AWS_LAMBDA_FUNCTION_NAME: 'bundle-test', NODE_OPTIONS: '' };

describe('Lambda bundles', () => {
  it('every function loads in a fresh Node process and exports its handler', { timeout: 600_000 }, async () => {
    const bundles = [...bundleFunctions()].map(([handler, file]) => ({ handler, url: pathToFileURL(file).href, name: handlerExport(handler) }));
    // One process imports them one after the other (each bundle is a module graph of its own).
    const script = `
      const bundles = ${JSON.stringify(bundles)};
      const wrong = [];
      for (const b of bundles) {
        try {
          const mod = await import(b.url);
          if (typeof mod[b.name] !== 'function') wrong.push(b.handler + ': no function ' + b.name);
        } catch (e) {
          wrong.push(b.handler + ': ' + (e && e.message));
        }
      }
      process.stdout.write(JSON.stringify(wrong));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: lambdaEnv, maxBuffer: 16 * 1024 * 1024 });
    expect(JSON.parse(stdout)).toEqual([]);
    expect(bundles.length).toBeGreaterThan(100);
  });

  it('a second build keeps every function whose inputs did not change (none is built again)', { timeout: 600_000 }, () => {
    const first = bundleFunctions();
    const mtimes = new Map([...first.values()].map((f) => [f, statSync(f).mtimeMs]));
    const again = bundleFunctions();
    expect([...again.values()].filter((f) => statSync(f).mtimeMs !== mtimes.get(f))).toEqual([]);
  });

  it("loads at import only what its route needs: not the module's other routes' imports, nor what it imports at first use", () => {
    bundleFunctions();
    // The sources of what importing a function's bundle evaluates (bundle.ts `staticFiles`), read from their maps.
    const atImport = (handler: string) =>
      staticFiles(join(assetDir(handler), 'index.mjs')).flatMap((f) =>
        (JSON.parse(readFileSync(`${f}.map`, 'utf8')) as { sources: string[] }).sources.map((x) => x.replace(/^(\.\.\/)+/, '')),
      );
    const reports = (sources: string[]) => sources.filter((i) => /core\/reports\/(annual|data|render)\.ts$/.test(i)).sort();
    // Reading an archived report: neither the annual report's use cases (the module's other routes)
    // nor the report queries and renderers, which only issuing needs.
    const get = atImport('api/report-archive.get');
    expect(get).toContain('functions/core/reports/archive.ts');
    expect(reports(get)).toEqual([]);
    // The annual report's draft reads the numbers (data.ts) at import; issuing a report loads them at its first issue.
    expect(reports(atImport('api/report-archive.getAnnual'))).toContain('functions/core/reports/annual.ts');
    expect(reports(atImport('api/report-archive.issue'))).toEqual([]);
    expect(builtInputs('api/report-archive.issue')).toEqual(expect.arrayContaining(['functions/core/reports/data.ts', 'functions/core/reports/render.ts']));
    // The register's tasks take the categories, the Pasal 17 texts and the forms' choices from plain
    // modules, so they build none of the zod models those come from (about 45 ms of schemas at import).
    const models = (sources: string[]) => sources.filter((i) => /core\/(model|item-model|exclusion-model|requests\/model|objections\/model)\.ts$/.test(i));
    for (const task of ['tasks/register.update', 'tasks/register.rebuildPartition', 'tasks/register.rebuildPlan']) {
      const sources = atImport(task);
      expect(sources).toContain('functions/core/categories.ts');
      expect(models(sources), task).toEqual([]);
    }
  });

  it('a bundled SDK client sends its request over node:http and reads the answer', async () => {
    const seen: { target?: string; body?: string } = {};
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString('utf8');
      });
      req.on('end', () => {
        Object.assign(seen, { target: req.headers['x-amz-target'], body });
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ Item: { pk: { S: 'ITEM#1' }, title: { S: 'Laporan Keuangan' } } }));
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const dir = tempDir('sip-bundle-sdk-');
      const entry = join(dir, 'entry.ts');
      writeFileSync(
        entry,
        [
          "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
          "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
          'const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.ENDPOINT }));',
          "const out = await client.send(new GetCommand({ TableName: 't', Key: { pk: 'ITEM#1' } }));",
          'process.stdout.write(JSON.stringify(out.Item));',
        ].join('\n'),
      );
      await build({
        ...lambdaBuildOptions(),
        entryPoints: [{ in: entry, out: 'index' }],
        outdir: join(dir, 'out'),
        nodePaths: [join(process.cwd(), 'node_modules')],
      });
      const { port } = server.address() as { port: number };
      const { stdout } = await run(process.execPath, [join(dir, 'out/index.mjs')], {
        env: { ...lambdaEnv, ENDPOINT: `http://127.0.0.1:${port}`, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
      });
      expect(JSON.parse(stdout)).toEqual({ pk: 'ITEM#1', title: 'Laporan Keuangan' });
      expect(seen.target).toBe('DynamoDB_20120810.GetItem');
      expect(JSON.parse(seen.body!)).toEqual({ TableName: 't', Key: { pk: { S: 'ITEM#1' } } });
    } finally {
      server.close();
    }
  });
});
