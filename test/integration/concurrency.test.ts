/**
 * Many people creating at the same moment in one agency: each gets their record and the numbers stay
 * gap-free. The counter race is the server's to retry, not the person's.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiClient, dipContent, startTestHost } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(() => host?.cleanup());

it('50 concurrent POST /api/items in one agency: 50 × 201 with 50 consecutive numbers', async () => {
  // One token per person, fetched before the race.
  await api('petugas.dinkes', 'GET', '/api/me');
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => api('petugas.dinkes', 'POST', '/api/items', { content: dipContent({ title: `Laporan serentak ${i + 1}` }) })),
  );
  expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
  const sequences = results.map((r) => r.body.sequence as number).sort((a, b) => a - b);
  expect(sequences).toEqual(Array.from({ length: 50 }, (_, i) => sequences[0] + i));
  expect(new Set(results.map((r) => r.body.number)).size).toBe(50);
}, 120_000);
