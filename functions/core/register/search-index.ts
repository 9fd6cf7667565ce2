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

/** One posting list as a shard holds it; an agency not yet in `agencies` is appended to it. */
function encodeList(postings: readonly Posting[], agencies: string[], agencyIndex: Map<string, number>): string {
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
}

/** encodeList's inverse. */
function decodeList(s: string, agencies: readonly string[]): Posting[] {
  const out: Posting[] = [];
  if (!s) return out;
  for (const group of s.split(';')) {
    const [agency, year, seqs] = group.split(':') as [string, string, string];
    const agencyId = agencies[Number(agency)]!;
    const regYear = Number(year);
    let sequence = 0;
    seqs.split(',').forEach((d, i) => {
      sequence = i === 0 ? Number.parseInt(d, 36) : sequence + Number.parseInt(d, 36);
      out.push({ agencyId, regYear, sequence });
    });
  }
  return out;
}

/**
 * A shard's JSON from its terms' encoded lists: the terms inserted in sorted order (so the object
 * orders them as JSON.stringify writes every shard) and the agencies in order of first appearance.
 */
const shardJson = (agencies: readonly string[], encoded: ReadonlyMap<string, [string, string]>, sortedTerms: readonly string[]): string => {
  const t: Record<string, [string, string]> = Object.create(null);
  for (const term of sortedTerms) t[term] = encoded.get(term)!;
  return JSON.stringify({ a: agencies, t });
};

/** A shard's JSON from its terms' postings (each list in DIP order). */
function serializeShard(byTerm: Map<string, [Posting[], Posting[]]>): string {
  const agencies: string[] = [];
  const agencyIndex = new Map<string, number>();
  const terms = [...byTerm.keys()].sort();
  const encoded = new Map<string, [string, string]>();
  for (const term of terms) {
    const [title, body] = byTerm.get(term)!;
    encoded.set(term, [encodeList(title, agencies, agencyIndex), encodeList(body, agencies, agencyIndex)]);
  }
  return shardJson(agencies, encoded, terms);
}

/**
 * The agency indexes of encoded lists renumbered in order of first appearance over the terms in
 * sorted order (serializeShard's numbering); agencies no list names any more are dropped. Only the
 * group heads (`<agency>:<year>:`) change, so no posting is decoded.
 */
function renumber(agencies: readonly string[], encoded: Map<string, [string, string]>, sortedTerms: readonly string[]): string[] {
  const next = new Map<number, number>();
  for (const term of sortedTerms)
    for (const list of encoded.get(term)!) {
      if (!list) continue;
      for (let i = 0; i !== -1 && i < list.length; ) {
        const colon = list.indexOf(':', i);
        const old = Number(list.slice(i, colon));
        if (!next.has(old)) next.set(old, next.size);
        const semi = list.indexOf(';', colon);
        i = semi === -1 ? -1 : semi + 1;
      }
    }
  const same = next.size === agencies.length && [...next].every(([old, now]) => old === now);
  if (!same) {
    const head = /(^|;)(\d+):/g;
    for (const term of sortedTerms) {
      const [title, body] = encoded.get(term)!;
      const re = (s: string) => s.replace(head, (_m, sep: string, old: string) => `${sep}${next.get(Number(old))}:`);
      encoded.set(term, [re(title), re(body)]);
    }
  }
  const out: string[] = [];
  for (const [old, now] of next) out[now] = agencies[old]!;
  return out;
}

interface Numbering {
  agencies: string[];
  agencyIndex: Map<string, number>;
  rank: (agencyId: string) => number;
}

/**
 * One encoded posting list after a change: the postings of `gone`'s slots removed, `add` put in, in
 * DIP order. A list is a run of groups, one per agency and registration year (`<agency>:<year>:`
 * then the sequences); only the groups of the slots that change are decoded and encoded again, the
 * others are kept as they are, so a common term's long list costs its groups' heads, not its postings.
 */
function patchList(list: string, n: Numbering, gone: readonly Posting[], add: readonly Posting[]): string {
  const keyOf = (agencyId: string, year: number) => `${agencyId}\n${year}`;
  const touched = new Set([...gone, ...add].map((p) => keyOf(p.agencyId, p.regYear)));
  const groups: { rank: number; year: number; body: string }[] = [];
  const changed = new Map<string, Posting[]>();
  for (const group of list ? list.split(';') : []) {
    const c1 = group.indexOf(':');
    const c2 = group.indexOf(':', c1 + 1);
    const agencyId = n.agencies[Number(group.slice(0, c1))]!;
    const year = Number(group.slice(c1 + 1, c2));
    const key = keyOf(agencyId, year);
    if (touched.has(key)) changed.set(key, decodeList(group, n.agencies));
    else groups.push({ rank: n.rank(agencyId), year, body: group });
  }
  const slot = (p: Posting) => `${p.agencyId}/${p.regYear}/${p.sequence}`;
  const goneSlots = new Set(gone.map(slot));
  for (const p of add) getOrSet(changed, keyOf(p.agencyId, p.regYear), () => []);
  for (const [key, postings] of changed) {
    const kept = postings.filter((p) => !goneSlots.has(slot(p)));
    for (const p of add) if (keyOf(p.agencyId, p.regYear) === key) kept.push({ agencyId: p.agencyId, regYear: p.regYear, sequence: p.sequence });
    if (!kept.length) continue;
    kept.sort((x, y) => x.sequence - y.sequence);
    groups.push({ rank: n.rank(kept[0]!.agencyId), year: kept[0]!.regYear, body: encodeList(kept, n.agencies, n.agencyIndex) });
  }
  if (changed.size) groups.sort((x, y) => x.rank - y.rank || x.year - y.year);
  return groups.map((g) => g.body).join(';');
}

/**
 * The shards after a change, patched from what the register holds (no other item read): every
 * posting of `removed` goes, the terms of `added` come in, each list kept in DIP order (`rank`: an
 * agency's place). `files`: each shard's JSON now (undefined: none); the result holds the same
 * shards, undefined for one left with no term. Byte for byte what shardFiles makes of the new state.
 *
 * Only the lists of the terms the change's items have (before and after) are decoded and encoded
 * again; every other term's lists are kept as they are (renumbered only if the agencies' order of
 * first appearance moved), so patching a large shard costs its JSON parse, not its postings.
 */
export function patchShards(
  files: ReadonlyMap<string, string | undefined>,
  removed: readonly PublishedEntry[],
  added: readonly PublishedEntry[],
  termsOf: (e: PublishedEntry) => ItemTerms,
  rank: (agencyId: string) => number,
): Map<string, string | undefined> {
  // The added items' own slots go too: a rerun after a crash finds them already in (idempotent).
  const goneBySlot = [...removed, ...added];
  // The terms each shard may change in: those of the items removed and added (where their postings are or go).
  const changing = new Map<string, Set<string>>();
  for (const e of [...removed, ...added]) {
    const t = termsOf(e);
    for (const term of [...t.title, ...t.body]) getOrSet(changing, shardOf(term), () => new Set<string>()).add(term);
  }
  const addedTerms = added.map((e) => {
    const t = termsOf(e);
    return [new Set(t.title), new Set(t.body)] as const;
  });
  const out = new Map<string, string | undefined>();
  for (const [shard, body] of files) {
    const parsed = body ? (JSON.parse(body) as { a: string[]; t: Record<string, [string, string]> }) : { a: [], t: {} };
    const agencies = [...parsed.a];
    const agencyIndex = new Map(agencies.map((a, i) => [a, i]));
    const encoded = new Map(Object.entries(parsed.t));
    for (const term of changing.get(shard) ?? []) {
      const was = encoded.get(term);
      const lists = ([0, 1] as const).map((i) =>
        patchList(
          was?.[i] ?? '',
          { agencies, agencyIndex, rank },
          goneBySlot,
          added.filter((_, k) => addedTerms[k]![i].has(term)),
        ),
      );
      if (!lists[0] && !lists[1]) encoded.delete(term);
      else encoded.set(term, [lists[0]!, lists[1]!]);
    }
    if (!encoded.size) {
      out.set(shard, undefined);
      continue;
    }
    const terms = [...encoded.keys()].sort();
    out.set(shard, shardJson(renumber(agencies, encoded, terms), encoded, terms));
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
