/**
 * Powertools on the local host (functions/observability.ts): a route and a workflow task each write
 * their EMF metrics and log lines carrying their correlation id, on stdout, through the real
 * Powertools Logger and Metrics (nothing of them mocked; the test only reads what reaches stdout).
 * Metrics are off in the other tests (vitest.config.ts); this file turns them on, and the log level to
 * DEBUG (one line per invocation), before any handler module is loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { apiClient as ApiClient, startTestHost as StartTestHost } from '../support/host.ts';

process.env.POWERTOOLS_METRICS_DISABLED = 'false';
process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';

type Line = Record<string, any>;
const lines: Line[] = [];
const write = process.stdout.write.bind(process.stdout);
let host: Awaited<ReturnType<typeof StartTestHost>>;
let api: ReturnType<typeof ApiClient>;
let support: typeof import('../support/host.ts');

beforeAll(async () => {
  // Every JSON line written to stdout is kept (and not shown); anything else goes through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const json = text.split('\n').filter((l) => l.startsWith('{'));
    const parsed = json.flatMap((l) => {
      try {
        return [JSON.parse(l) as Line];
      } catch {
        return [];
      }
    });
    lines.push(...parsed);
    if (parsed.length === json.length && json.length > 0) return true;
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  support = await import('../support/host.ts');
  host = await support.startTestHost();
  api = support.apiClient(host);
});
afterAll(async () => {
  // stdout stays filtered: tasks the stopped host had started still end (failing) and log afterwards.
  await host?.cleanup();
});

const emf = (l: Line) => l._aws?.CloudWatchMetrics?.[0];

describe('metrics and correlation ids', () => {
  it('a route: one Requests metric by status class, and its log lines, all with the request id', async () => {
    const made = await api('petugas.dinkes', 'POST', '/api/items', { content: support.dipContent() });
    expect(made.status).toBe(201);
    const res = await fetch(`${host.url}/api/items/${made.body.itemId}`, { headers: { authorization: `Bearer ${await host.tokenFor('petugas.dinkes')}` } });
    expect(res.status).toBe(200);
    const requestId = res.headers.get('apigw-requestid');
    expect(requestId).toBeTruthy();
    const mine = lines.filter((l) => l.correlation_id === requestId);
    const metric = mine.find((l) => emf(l)?.Metrics.some((m: { Name: string }) => m.Name === 'Requests'));
    expect(metric).toMatchObject({ Requests: 1, statusClass: '2xx', service: 'sip-ppid', route: 'GET /api/items/{itemId}', status: '200' });
    expect(emf(metric!)).toMatchObject({ Namespace: 'SipPpid', Dimensions: [['service', 'statusClass']] });
    expect(mine.find((l) => l.message === 'invocation done')).toMatchObject({ level: 'DEBUG', service: 'sip-ppid', function_name: 'api-items-get' });

    // A refused request is measured as the answer it got.
    const refused = await fetch(`${host.url}/api/items/${made.body.itemId}`, {
      headers: { authorization: `Bearer ${await host.tokenFor('petugas.disdikbud')}` },
    });
    expect(refused.status).toBe(403);
    const refusedId = refused.headers.get('apigw-requestid');
    expect(lines.find((l) => l.correlation_id === refusedId && emf(l))).toMatchObject({ Requests: 1, statusClass: '4xx', status: '403' });
  });

  it('a workflow task: a Tasks metric by outcome and its log line, with the workflow subject as correlation id', async () => {
    const made = await api('petugas.dinkes', 'POST', '/api/items', { content: support.dipContent() });
    expect((await api('petugas.dinkes', 'POST', `/api/items/${made.body.itemId}/submit`, { version: made.body.version })).status).toBe(200);
    const correlation = `itemId:${made.body.itemId}`;
    const metric = await support.until(
      () => lines.find((l) => l.correlation_id === correlation && l.task === 'tasks/publication.prepareApproval' && emf(l)),
      'the PrepareApproval task metric',
    );
    expect(metric).toMatchObject({ Tasks: 1, outcome: 'ok', service: 'sip-ppid' });
    expect(emf(metric)).toMatchObject({ Namespace: 'SipPpid', Dimensions: [['service', 'outcome']] });
    expect(lines.find((l) => l.correlation_id === correlation && l.message === 'invocation done')).toMatchObject({
      level: 'DEBUG',
      function_name: 'tasks-publication-prepareApproval',
    });
  });
});
