/**
 * The register's search index, split so that one query downloads little even with 100,000 items.
 *
 * - Shards `search/<prefix>.json`: an inverted index of title and summary terms (text.ts), one file
 *   per term prefix (the first 3 code points). A one-word query fetches one shard.
 *   `{"a":["dinkes",…],"t":{"lapor":["0:2026:1,4,a;1:2025:3", "…"]}}`: per term, the items whose
 *   title has it, then those whose summary only has it, as `agency index:registration year:sequences`
 *   with the sequences as base-36 deltas.
 * - Result cards `search/doc/<year>/<agency>/<card>.json`: title, number and category of the items
 *   with sequences (card-1)·10+1 … card·10 of one agency and year, fetched only for the results
 *   shown (20 at a time): small files, so that showing scattered results stays cheap.
 *
 * - The manifest `search/shards.json`: `{"s":["ang","bar",…]}`, the names of the shards that exist,
 *   sorted. The page reads it first and never asks for a shard that is not there (a word no item has
 *   is no result, not a failed request).
 *
 * Shards and cards depend on an item's own chunk and terms only, so a publication rewrites the shards
 * of its terms, one card file, and the manifest when a shard appears or goes.
 */
import type { PublishedEntry } from './input.ts';
import { blockOf, getOrSet, type Model, rowsOf } from './model.ts';
import { shardOf, terms } from './text.ts';

export interface ItemTerms {
  /** Distinct terms of the title. */
  title: string[];
  /** Distinct terms of the summary that are not in the title. */
  body: string[];
}

export function itemTerms(e: PublishedEntry): ItemTerms {
  const title = new Set(terms(e.content.title));
  const body = new Set<string>();
  for (const t of terms(e.content.summary)) if (!title.has(t)) body.add(t);
  return { title: [...title], body: [...body] };
}

/** Sequences per result-card file (divides BLOCK, so a card file lies within one DIP chunk). */
export const CARD_BLOCK = 10;

export interface CardKey {
  year: number;
  agencyId: string;
  card: number;
}
export const cardKeyOf = (e: PublishedEntry): CardKey => ({ year: e.regYear, agencyId: e.agencyId, card: Math.ceil(e.sequence / CARD_BLOCK) });
export const shardPath = (shard: string) => `search/${shard}.json`;
export const SHARD_MANIFEST_PATH = 'search/shards.json';

/** The manifest of the shards that exist (see above). */
export const shardManifest = (shards: Iterable<string>): string => JSON.stringify({ s: [...new Set(shards)].sort() });
export const cardsPath = (k: CardKey) => `search/doc/${k.year}/${encodeURIComponent(k.agencyId)}/${k.card}.json`;

/** The shards an item's terms live in. */
export function shardsOf(t: ItemTerms): Set<string> {
  return new Set([...t.title, ...t.body].map(shardOf));
}

/** Where a term occurs: an item, by its place in the DIP. */
export interface Posting {
  agencyId: string;
  regYear: number;
  sequence: number;
}

/**
 * Shard files (shard name → JSON) for the model's items; only the shards in `only` when given.
 * `termsOf` lets the caller tokenize each item once for several states of the register.
 */
export function shardFiles(m: Model, termsOf: (e: PublishedEntry) => ItemTerms, only?: ReadonlySet<string>): Map<string, string> {
  // shard → term → [title postings, summary postings], in DIP order (the model's items are); each
  // term's lists found with one lookup (null: its shard is not wanted).
  const shards = new Map<string, Map<string, [Posting[], Posting[]]>>();
  const byTerm = new Map<string, [Posting[], Posting[]] | null>();
  const postingsOf = (term: string) => {
    let postings = byTerm.get(term);
    if (postings === undefined) {
      const shard = shardOf(term);
      if (only && !only.has(shard)) postings = null;
      else {
        let inShard = shards.get(shard);
        if (!inShard) {
          inShard = new Map();
          shards.set(shard, inShard);
        }
        postings = [[], []];
        inShard.set(term, postings);
      }
      byTerm.set(term, postings);
    }
    return postings;
  };
  for (const e of m.items) {
    const t = termsOf(e);
    for (const term of t.title) postingsOf(term)?.[0].push(e);
    for (const term of t.body) postingsOf(term)?.[1].push(e);
  }
  const files = new Map<string, string>();
  for (const [shard, terms] of shards) files.set(shard, serializeShard(terms));
  return files;
}

/** A shard's JSON from its terms' postings (each list in DIP order). */
function serializeShard(byTerm: Map<string, [Posting[], Posting[]]>): string {
  const agencies: string[] = [];
  const agencyIndex = new Map<string, number>();
  const encode = (postings: readonly Posting[]) => {
    let out = '';
    let agency: string | undefined;
    let year = 0;
    let last = 0;
    for (let k = 0; k < postings.length; k++) {
      const e = postings[k]!;
      if (e.agencyId !== agency || e.regYear !== year) {
        let a = agencyIndex.get(e.agencyId);
        if (a === undefined) {
          a = agencies.push(e.agencyId) - 1;
          agencyIndex.set(e.agencyId, a);
        }
        out += `${out ? ';' : ''}${a}:${e.regYear}:${e.sequence.toString(36)}`;
        agency = e.agencyId;
        year = e.regYear;
      } else out += `,${(e.sequence - last).toString(36)}`;
      last = e.sequence;
    }
    return out;
  };
  const t: Record<string, [string, string]> = Object.create(null);
  for (const term of [...byTerm.keys()].sort()) {
    const [title, body] = byTerm.get(term)!;
    t[term] = [encode(title), encode(body)];
  }
  return JSON.stringify({ a: agencies, t });
}

/** A shard's postings back from its JSON (serializeShard's inverse). */
function parseShard(body: string): Map<string, [Posting[], Posting[]]> {
  const { a, t } = JSON.parse(body) as { a: string[]; t: Record<string, [string, string]> };
  const decode = (s: string): Posting[] => {
    const out: Posting[] = [];
    if (!s) return out;
    for (const group of s.split(';')) {
      const [agency, year, seqs] = group.split(':') as [string, string, string];
      const agencyId = a[Number(agency)]!;
      const regYear = Number(year);
      let sequence = 0;
      seqs.split(',').forEach((d, i) => {
        sequence = i === 0 ? Number.parseInt(d, 36) : sequence + Number.parseInt(d, 36);
        out.push({ agencyId, regYear, sequence });
      });
    }
    return out;
  };
  return new Map(Object.entries(t).map(([term, [title, body]]) => [term, [decode(title), decode(body)]]));
}

/**
 * The shards after a change, patched from what the register holds (no other item read): every
 * posting of `removed` goes, the terms of `added` come in, each list kept in DIP order (`rank`: an
 * agency's place). `files`: each shard's JSON now (undefined: none); the result holds the same
 * shards, undefined for one left with no term. Byte for byte what shardFiles makes of the new state.
 */
export function patchShards(
  files: ReadonlyMap<string, string | undefined>,
  removed: readonly PublishedEntry[],
  added: readonly PublishedEntry[],
  termsOf: (e: PublishedEntry) => ItemTerms,
  rank: (agencyId: string) => number,
): Map<string, string | undefined> {
  const slot = (p: Posting) => `${p.agencyId}/${p.regYear}/${p.sequence}`;
  // The added items' own slots go too: a rerun after a crash finds them already in (idempotent).
  const gone = new Set([...removed, ...added].map(slot));
  const order = (x: Posting, y: Posting) => rank(x.agencyId) - rank(y.agencyId) || x.regYear - y.regYear || x.sequence - y.sequence;
  const out = new Map<string, string | undefined>();
  for (const [shard, body] of files) {
    const byTerm = body ? parseShard(body) : new Map<string, [Posting[], Posting[]]>();
    const touched = new Set<string>();
    for (const [term, lists] of byTerm) {
      for (const i of [0, 1] as const) {
        const kept = lists[i].filter((p) => !gone.has(slot(p)));
        if (kept.length !== lists[i].length) {
          lists[i] = kept;
          touched.add(term);
        }
      }
    }
    for (const e of added) {
      const t = termsOf(e);
      for (const [i, list] of [t.title, t.body].entries()) {
        for (const term of list) {
          if (shardOf(term) !== shard) continue;
          getOrSet(byTerm, term, (): [Posting[], Posting[]] => [[], []])[i as 0 | 1].push({ agencyId: e.agencyId, regYear: e.regYear, sequence: e.sequence });
          touched.add(term);
        }
      }
    }
    for (const term of touched) {
      const lists = byTerm.get(term)!;
      if (!lists[0].length && !lists[1].length) byTerm.delete(term);
      else for (const l of lists) l.sort(order);
    }
    out.set(shard, byTerm.size ? serializeShard(byTerm) : undefined);
  }
  return out;
}

/** The manifest after a change: `was` (the manifest's JSON now) with the shards that appeared added and those left empty removed. */
export function patchManifest(was: string | undefined, shards: ReadonlyMap<string, string | undefined>): string {
  const names = new Set<string>(was ? (JSON.parse(was) as { s: string[] }).s : []);
  for (const [shard, body] of shards) {
    if (body === undefined) names.delete(shard);
    else names.add(shard);
  }
  return shardManifest(names);
}

function cardsBody(m: Model, agencyId: string, rows: readonly PublishedEntry[]): string {
  const d: Record<string, [string, string, string]> = Object.create(null);
  for (const e of rows) d[e.sequence] = [e.content.title, e.number, e.content.category];
  return JSON.stringify({ n: m.agency(agencyId).name, d });
}

/** One result-card file, or undefined when none of its items is published. */
export function cardsFile(m: Model, k: CardKey): string | undefined {
  const from = (k.card - 1) * CARD_BLOCK + 1;
  const rows = rowsOf(m, { year: k.year, agencyId: k.agencyId, block: blockOf(from) })?.filter((e) => e.sequence >= from && e.sequence < from + CARD_BLOCK);
  return rows?.length ? cardsBody(m, k.agencyId, rows) : undefined;
}

/** Every result-card file of the register: path → JSON. */
export function* allCardFiles(m: Model): Generator<[string, string]> {
  for (const { key, rows } of m.chunks.values()) {
    if (key.category) continue;
    for (let i = 0; i < rows.length; ) {
      const k = cardKeyOf(rows[i]!);
      let j = i;
      while (j < rows.length && cardKeyOf(rows[j]!).card === k.card) j++;
      yield [cardsPath(k), cardsBody(m, k.agencyId, rows.slice(i, j))];
      i = j;
    }
  }
}
