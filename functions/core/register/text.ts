/**
 * Search terms for the register, in Bahasa Indonesia: one source for the indexer (here, in Node)
 * and for the browser (emitted inside `/assets/search.js`), so a query is cut into exactly the terms
 * the index was built from.
 *
 * The source is plain ES2020 text, evaluated once here with `new Function` (our own constant, never
 * input) and embedded verbatim in the browser script. A term is:
 * - folded: NFKD, diacritics dropped, lower case ("Évaluasi" → "evaluasi");
 * - split on anything that is not a letter or digit; words shorter than 2 and stop words dropped;
 * - lightly stemmed (a conservative, dictionary-free Tala-style stemmer): -nya, then one suffix
 *   among -kan, -an, -i (not after s: "informasi"), then up to two prefixes (meng-, meny-→s, mem-, men-,
 *   me-, peng-, peny-→s, pem-, pen-, pe-, per-, ber-, ter-, di-, ke-), never leaving fewer than
 *   4 letters. "melaporkan", "laporan", "pelaporan" → "lapor"; "kesehatan" → "sehat". It is not a
 *   linguist's stemmer; what matters is that document and query go through the same function.
 *
 * Shards: a term lives in the shard named by its first SHARD_PREFIX code points (the whole term
 * when shorter), with anything outside [a-z0-9] written as `_<hex>` so that names are safe URLs.
 */
export const TEXT_JS = String.raw`
const SHARD_PREFIX = 3;
const STOPWORDS = new Set(('yang dan di ke dari untuk dengan pada ini itu dalam atau oleh akan adalah juga tidak ' +
  'sebagai bagi serta secara tersebut telah karena ada sudah para per atas antara terhadap maupun hingga ' +
  'sampai agar bahwa dapat kami kita mereka ia dia saya anda se the of and to in for on an is are by with').split(' '));
// [pattern, replacement, restores a root letter (then no further prefix is taken off)]
const PREFIXES = [
  [/^meny([aiueo].{3,})$/, 's$1', true], [/^peny([aiueo].{3,})$/, 's$1', true],
  [/^mem([aiueo].{3,})$/, 'p$1', true], [/^pem([aiueo].{3,})$/, 'p$1', true],
  [/^meng(.{4,})$/, '$1'], [/^peng(.{4,})$/, '$1'],
  [/^mem(.{4,})$/, '$1'], [/^pem(.{4,})$/, '$1'], [/^men(.{4,})$/, '$1'], [/^pen(.{4,})$/, '$1'],
  [/^me([lrwy].{3,})$/, '$1'], [/^per([^aiueo].{3,})$/, '$1'], [/^pe([lrwy].{3,})$/, '$1'],
  [/^ber(.{4,})$/, '$1'], [/^ter(.{4,})$/, '$1'], [/^di(.{4,})$/, '$1'], [/^ke(.{4,})$/, '$1'],
];
const PREFIXED = /^(me|pe|be|te|di|ke)/;
function fold(s) {
  s = String(s);
  return (/[^\x00-\x7f]/.test(s) ? s.normalize('NFKD').replace(/\p{M}+/gu, '') : s).toLowerCase();
}
function stem(w) {
  if (w.length < 5 || /[^a-z]/.test(w)) return w;
  let s = w;
  if (s.endsWith('nya') && s.length >= 7) s = s.slice(0, -3);
  const suffix = /(kan|an|[^s]i)$/.exec(s);
  if (suffix) {
    const cut = suffix[1] === 'kan' ? 3 : suffix[1] === 'an' ? 2 : 1;
    if (s.length - cut >= 4) s = s.slice(0, -cut);
  }
  for (let round = 0; round < 2 && PREFIXED.test(s); round++) {
    const rule = PREFIXES.find((r) => r[0].test(s));
    if (!rule) break;
    s = s.replace(rule[0], rule[1]);
    if (rule[2]) break;
  }
  return s;
}
const STEMS = new Map();
function terms(text) {
  const folded = fold(text);
  const out = [];
  for (const w of folded.split(/[^\x00-\x7f]/.test(folded) ? /[^\p{L}\p{N}]+/u : /[^a-z0-9]+/)) {
    if (w.length < 2 || STOPWORDS.has(w)) continue;
    let s = STEMS.get(w);
    if (s === undefined) {
      if (STEMS.size >= 100000) STEMS.clear();
      STEMS.set(w, (s = stem(w)));
    }
    out.push(s);
  }
  return out;
}
function shardOf(term) {
  return Array.from(term).slice(0, SHARD_PREFIX).join('').replace(/[^a-z0-9]/gu, (c) => '_' + c.codePointAt(0).toString(16));
}
`;

interface TextFns {
  SHARD_PREFIX: number;
  fold(s: string): string;
  stem(word: string): string;
  terms(text: string): string[];
  shardOf(term: string): string;
}

// biome-ignore lint/complexity/noBannedTypes: evaluating our own constant source once
const fns = new (Function as unknown as new (body: string) => Function)(`${TEXT_JS}; return { SHARD_PREFIX, fold, stem, terms, shardOf };`)() as TextFns;

export const { SHARD_PREFIX, fold, stem, terms, shardOf } = fns;
