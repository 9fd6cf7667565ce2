/**
 * The search shards patched after a change (search-index.ts `patchShards`, which decodes only the
 * lists of the terms the change's items have) against the shards made from scratch of the register
 * after the change (`shardFiles`), byte for byte: random registers over a small vocabulary (so that
 * terms share shards, numbers among them: their keys order differently in a JSON object), random
 * withdrawals, publications and new versions, agencies appearing in and leaving a shard.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/register.bench.ts';
import type { PublishedEntry, RegisterInput } from '../../functions/core/register/input.ts';
import { buildModel } from '../../functions/core/register/model.ts';
import { itemTerms, patchShards, shardFiles } from '../../functions/core/register/search-index.ts';
import { agencyRecord, publishedEntry } from '../support/fixtures.ts';

const AGENCIES = ['diskominfo', 'dinkes', 'disdikbud', 'bappeda', 'dishub', 'bpkad'].map((id, i) =>
  agencyRecord(id, `Dinas ${id}`, i === 0 ? 'ppid_utama' : 'skpd'),
);
const WORDS = ['laporan', 'lapangan', 'lapak', 'anggaran', 'angka', 'anggota', 'kesehatan', 'kesiapan', '2025', '2026', '2024', '20', 'jalan', 'jalur', 'data'];

function register(items: PublishedEntry[]): RegisterInput {
  return {
    publicBody: { name: 'Pemerintah Provinsi Uji', shortName: 'Prov. Uji', timeZone: 'Asia/Jakarta' } as RegisterInput['publicBody'],
    agencies: AGENCIES,
    items,
    dik: [],
    generatedAt: '2026-06-30T00:00:00.000Z',
  };
}

function randomEntry(rand: () => number, agencyId: string, regYear: number, sequence: number, versionNo = 1): PublishedEntry {
  const pick = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ');
  const publishedAt = '2026-02-01T00:00:00.000Z';
  const content = { title: pick(1 + Math.floor(rand() * 3)), summary: pick(Math.floor(rand() * 4)) };
  return { ...publishedEntry(agencyId, regYear, sequence, { content, publishedAt }), versionNo, history: [{ versionNo, publishedAt }] };
}

describe('patchShards', () => {
  it('writes what shardFiles makes of the register after the change, byte for byte (300 random changes)', () => {
    const rand = mulberry32(14);
    for (let round = 0; round < 300; round++) {
      const slots = new Map<string, PublishedEntry>();
      const n = Math.floor(rand() * 25);
      for (let i = 0; i < n; i++) {
        const e = randomEntry(rand, AGENCIES[Math.floor(rand() * AGENCIES.length)]!.id, 2024 + Math.floor(rand() * 3), 1 + Math.floor(rand() * 30));
        slots.set(e.itemId, e);
      }
      const before = [...slots.values()];
      const removed: PublishedEntry[] = [];
      const added: PublishedEntry[] = [];
      for (const e of before) {
        const r = rand();
        if (r < 0.1)
          removed.push(e); // withdrawn
        else if (r < 0.2) {
          removed.push(e); // a new version with other words
          added.push(randomEntry(rand, e.agencyId, e.regYear, e.sequence, e.versionNo + 1));
        }
      }
      for (let i = Math.floor(rand() * 3); i > 0; i--) {
        const e = randomEntry(rand, AGENCIES[Math.floor(rand() * AGENCIES.length)]!.id, 2026, 100 + round * 3 + i);
        added.push(e);
      }
      const after = [...before.filter((e) => !removed.includes(e)), ...added];
      const was = shardFiles(buildModel(register(before)), itemTerms);
      const m = buildModel(register(after));
      const now = shardFiles(m, itemTerms);
      const rank = new Map(m.agencies.map((a, i) => [a.id, i]));
      const files = new Map<string, string | undefined>([...new Set([...was.keys(), ...now.keys()])].map((s) => [s, was.get(s)]));
      const patched = patchShards(files, removed, added, itemTerms, (id) => rank.get(id) ?? rank.size);
      for (const [shard, body] of patched) expect(body, `round ${round}, shard ${shard}`).toBe(now.get(shard));
      // Patching again (a rerun after a crash) changes nothing.
      const again = patchShards(patched, removed, added, itemTerms, (id) => rank.get(id) ?? rank.size);
      expect(again).toEqual(patched);
    }
  });
});
