/**
 * Benchmark of the public register renderer at 100,000 items across 300 agencies (deterministic
 * data, nothing written to disk):
 * - full rebuild (streamed with renderFullFiles, each file encoded to UTF-8 as an upload would):
 *   time, objects, bytes; against a BASELINE in the same run that builds and encodes the same number
 *   of strings of the same sizes;
 * - incremental publication (and withdrawal) of one item: objects, bytes, time, ratio to the full
 *   rebuild;
 * - search: bytes one one-word query downloads (its shard, and the result cards of the first 20
 *   results), against the size of the whole index.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DocumentRef } from '../functions/core/item-model.ts';
import type { Agency } from '../functions/core/model.ts';
import { fileText, type PublishedEntry, type RegisterInput } from '../functions/core/register/input.ts';
import { SUMMARY_PATH } from '../functions/core/register/summary.ts';
import { shardOf, terms } from '../functions/core/register/text.ts';
import { siteKey, updateRegister } from '../functions/core/register-update.ts';
import { memoryRegister } from '../test/support/register-memory.ts';
import { RENDERER_VERSION, registerRenderer, renderFullFiles } from '../web/register/render.ts';

const BUILT_AT = '2026-01-01T00:00:00.000Z';
/** What an incremental update reads back from the register: the summary and the search shards with their manifest. */
const keep = (path: string) => path === SUMMARY_PATH || /^search\/[^/]+\.json$/.test(path);

export interface Row {
  metric: string;
  value: string;
}

// --- deterministic data -------------------------------------------------------------------------------

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'Laporan',
  'Rencana',
  'Data',
  'Profil',
  'Daftar',
  'Pedoman',
  'Petunjuk Teknis',
  'Standar Pelayanan',
  'Keputusan Kepala',
  'Peraturan',
  'Ringkasan',
  'Rekapitulasi',
  'Evaluasi',
  'Realisasi',
  'Dokumen',
  'Statistik',
  'Jadwal',
  'Pengumuman',
  'Hasil Pemantauan',
  'Rencana Kerja',
];
const TOPICS = (
  'keuangan,anggaran,kinerja,pelayanan publik,kesehatan,pendidikan,infrastruktur jalan,irigasi,perumahan rakyat,pertanian,perkebunan,perikanan,kehutanan,' +
  'lingkungan hidup,pariwisata,kebudayaan,kepegawaian,pengadaan barang dan jasa,aset daerah,pendapatan daerah,retribusi,pajak daerah,perizinan,penanaman modal,' +
  'koperasi dan usaha mikro,perdagangan,perindustrian,ketenagakerjaan,transmigrasi,kesejahteraan sosial,kependudukan,pencatatan sipil,perhubungan,komunikasi,informatika,' +
  'statistik sektoral,persandian,ketahanan pangan,pemberdayaan masyarakat desa,pemberdayaan perempuan,perlindungan anak,kepemudaan,olahraga,perpustakaan,kearsipan,' +
  'penanggulangan bencana,pemadam kebakaran,ketertiban umum,kesatuan bangsa dan politik,penelitian dan pengembangan'
).split(',');
const PLACES = [
  'Pontianak',
  'Singkawang',
  'Sambas',
  'Bengkayang',
  'Landak',
  'Mempawah',
  'Sanggau',
  'Ketapang',
  'Sintang',
  'Kapuas Hulu',
  'Sekadau',
  'Melawi',
  'Kayong Utara',
  'Kubu Raya',
];
const COMMON = (
  'yang dan di ke dari untuk dengan pada dalam tahun program kegiatan pelaksanaan masyarakat daerah provinsi kabupaten kota pemerintah dinas bidang ' +
  'pelayanan informasi data hasil capaian target realisasi jumlah peningkatan penyusunan pengelolaan pembangunan pengawasan pembinaan koordinasi ' +
  'evaluasi laporan rencana strategis anggaran belanja pendapatan sasaran indikator kinerja layanan publik kebijakan prioritas wilayah sekolah ' +
  'puskesmas rumah sakit jalan jembatan desa kecamatan penduduk warga petani nelayan usaha mikro kecil menengah dokumen keputusan peraturan'
).split(' ');
const SYLLABLES =
  'ba be bi bo bu da de di do du ga gi go gu ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu wa wi ya ng an in un ar ir ur'.split(
    ' ',
  );

/** 300 agencies and 100,000 items over 2022–2026, in the shape the adapter reads from DynamoDB. */
export function generate(nItems = 100_000, nAgencies = 300): RegisterInput {
  const rnd = mulberry32(14_2008);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // A long tail of rarer words (names, technical terms), drawn with a Zipf-like law.
  const tail = Array.from({ length: 30_000 }, (_, i) => {
    const r = mulberry32(i + 1);
    const n = 2 + Math.floor(r() * 3);
    return Array.from({ length: n }, () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]).join('');
  });
  const zipf = () => tail[Math.min(tail.length - 1, Math.floor(Math.exp(rnd() * Math.log(tail.length + 1)) - 1))]!;
  const now = '2026-06-30T00:00:00.000Z';
  const agencies: Agency[] = Array.from({ length: nAgencies }, (_, i) => ({
    id: i === 0 ? 'diskominfo' : `opd-${String(i).padStart(3, '0')}`,
    kind: i === 0 ? 'ppid_utama' : 'skpd',
    name: i === 0 ? 'Dinas Komunikasi dan Informatika' : `${pick(['Dinas', 'Badan', 'Biro', 'UPT', 'Rumah Sakit Umum Daerah'])} ${pick(TOPICS)} ${i}`,
    timezone: 'Asia/Pontianak',
    workWeek: [1, 2, 3, 4, 5],
    version: 1,
    createdAt: now,
    updatedAt: now,
  }));
  const seq = new Map<string, number>();
  const items: PublishedEntry[] = [];
  for (let i = 0; i < nItems; i++) {
    const agency = agencies[Math.floor(rnd() ** 1.3 * nAgencies)]!; // some agencies publish much more than others
    const regYear = 2022 + Math.floor(rnd() * 5);
    const key = `${agency.id}/${regYear}`;
    const sequence = (seq.get(key) ?? 0) + 1;
    seq.set(key, sequence);
    const year = regYear - Math.floor(rnd() * 2);
    const title = `${pick(SUBJECTS)} ${pick(TOPICS)}${rnd() < 0.5 ? ` ${pick(PLACES)}` : ''} Tahun ${year}`;
    const words = Array.from({ length: 25 + Math.floor(rnd() * 35) }, () => (rnd() < 0.6 ? pick(COMMON) : zipf()));
    const summary = `${words.join(' ')}.`;
    const itemId = `item-${String(i).padStart(6, '0')}`;
    const publishedAt = new Date(Date.UTC(regYear, 0, 1) + Math.floor(rnd() * 360 * 86_400_000)).toISOString();
    const documents: DocumentRef[] =
      rnd() < 0.3
        ? [
            {
              docId: `d${i}`,
              fileName: `${title.slice(0, 40)}.pdf`,
              contentType: 'application/pdf',
              kind: 'pdf',
              size: 50_000 + Math.floor(rnd() * 5_000_000),
              sha256: '0'.repeat(64),
              key: `items/${itemId}/d${i}/doc.pdf`,
              status: 'verified',
              uploadedBy: 'petugas',
              uploadedAt: publishedAt,
            },
          ]
        : [];
    items.push({
      itemId,
      agencyId: agency.id,
      number: `${agency.id.toUpperCase()}/${regYear}/${String(sequence).padStart(4, '0')}`,
      versionNo: 1,
      regYear,
      sequence,
      approvedBy: 'kepala',
      publishedAt,
      history: [{ versionNo: 1, publishedAt }],
      documents,
      content: {
        title,
        summary,
        holder: `Bidang ${pick(TOPICS)}`,
        responsible: `Kepala ${agency.name}`,
        createdWhen: `${pick(['Januari', 'Maret', 'Juni', 'September', 'Desember'])} ${year}`,
        createdWhere: pick(PLACES),
        formats: rnd() < 0.7 ? ['softcopy'] : ['softcopy', 'hardcopy'],
        retention: `${pick([2, 5, 10])} tahun`,
        category: pick(['berkala', 'berkala', 'setiap_saat', 'setiap_saat', 'serta_merta'] as const),
        year,
        tags: [],
      },
    });
  }
  return { publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat' }, agencies, items, dik: [], generatedAt: now };
}

// --- measuring ----------------------------------------------------------------------------------------

const enc = new TextEncoder();
const byteLength = (b: string | Uint8Array) => (typeof b === 'string' ? Buffer.byteLength(b) : b.byteLength);
const ms = (t0: number) => performance.now() - t0;
/** A full garbage collection now (V8's `gc`, exposed for this process only). */
const collectGarbage = () => {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
};
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const kb = (n: number) => `${(n / 1e3).toFixed(1)} kB`;
const secs = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(a / b < 0.01 ? 3 : 2)} %`;

/** Builds and encodes `sizes.length` strings of these sizes from 64-byte pieces: the cost of just producing the bytes. */
function baseline(sizes: number[]): { time: number; bytes: number } {
  const piece = 'Daftar Informasi Publik <td>Dinas Kesehatan</td> 0123456789abc\n'; // 64 ASCII bytes
  const t0 = performance.now();
  let bytes = 0;
  for (const size of sizes) {
    let s = '';
    while (s.length + piece.length <= size) s += piece;
    s += piece.slice(0, size - s.length);
    bytes += enc.encode(s).byteLength;
  }
  return { time: ms(t0), bytes };
}

function planBytes(files: { path: string; body: string | Uint8Array }[], filter: (p: string) => boolean = () => true) {
  return files.filter((f) => filter(f.path)).reduce((n, f) => n + byteLength(f.body), 0);
}

export async function registerBench(nItems = 100_000, nAgencies = 300): Promise<Row[]> {
  const rows: Row[] = [];
  const add = (metric: string, value: string) => {
    rows.push({ metric, value });
  };
  let t0 = performance.now();
  const input = generate(nItems, nAgencies);
  add('data', `${nItems.toLocaleString('en')} items, ${nAgencies} agencies, generated in ${secs(ms(t0))}`);

  // Full rebuild, streamed; remember what the search measurement needs.
  const sizes: number[] = [];
  const searchSizes = new Map<string, number>();
  const shardBodies = new Map<string, string>();
  const wantedWords = ['laporan', 'kesehatan', 'pontianak'];
  const wantedShards = new Set(wantedWords.map((w) => `search/${shardOf(terms(w)[0]!)}.json`));
  const keptFiles = new Map<string, string>();
  let bytes = 0;
  let htmlFiles = 0;
  let heapPeak = 0;
  let encoding = 0;
  input.builtAt = BUILT_AT;
  t0 = performance.now();
  for (const f of renderFullFiles(input)) {
    const te = performance.now();
    const n = typeof f.body === 'string' ? enc.encode(f.body).byteLength : f.body.byteLength; // as an upload would
    encoding += performance.now() - te;
    sizes.push(n);
    bytes += n;
    if (f.path.endsWith('.html')) htmlFiles++;
    if (f.path.startsWith('search/')) searchSizes.set(f.path, n);
    if (wantedShards.has(f.path)) shardBodies.set(f.path, fileText(f));
    if (keep(f.path)) keptFiles.set(f.path, fileText(f));
    if ((sizes.length & 0xffff) === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  const full = ms(t0);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  add('full rebuild: time', secs(full));
  add('full rebuild: objects', `${sizes.length.toLocaleString('en')} (${htmlFiles.toLocaleString('en')} HTML pages, 2 languages)`);
  add('full rebuild: bytes', mb(bytes));
  add('full rebuild: heap used (streamed)', mb(heapPeak));
  const base = baseline(sizes);
  add('BASELINE: same objects and bytes, build + encode strings', `${secs(base.time)} (${mb(base.bytes)})`);
  add('full rebuild / BASELINE', `${(full / base.time).toFixed(1)} ×`);
  // The rebuild's own pages are ropes of many small pieces, which the encoder first walks and flattens.
  add(
    'full rebuild: of its time, the UTF-8 encoding of its files',
    `${secs(encoding)} (${(encoding / base.time).toFixed(1)} × the BASELINE's build and encoding)`,
  );

  // Incremental publication of one new item into the 100k register.
  const agency = input.agencies[7]!;
  const last = Math.max(0, ...input.items.filter((e) => e.agencyId === agency.id && e.regYear === 2026).map((e) => e.sequence));
  const template = input.items.find((e) => e.agencyId === agency.id)!;
  const added: PublishedEntry = {
    ...template,
    itemId: 'item-new',
    regYear: 2026,
    sequence: last + 1,
    number: `${agency.id.toUpperCase()}/2026/${String(last + 1).padStart(4, '0')}`,
    publishedAt: '2026-06-30T08:00:00.000Z',
    history: [{ versionNo: 1, publishedAt: '2026-06-30T08:00:00.000Z' }],
    content: { ...template.content, title: 'Laporan Penyelenggaraan Pelayanan Informasi Publik Semester I 2026' },
  };
  // Through the update use case (register-update.ts) with its ports in memory: the store counts the
  // records it reads; the site holds only what an update reads back (the summary, the shards and
  // their manifest), taken from the full render above.
  const publishOne = async (register: RegisterInput, kept: Map<string, string>) => {
    const { items: all, generatedAt: _g, ...base } = register;
    const reg = memoryRegister(base, all);
    for (const [path, body] of kept) reg.files.set(path, body);
    await reg.store.resetRendered(all, [], { at: BUILT_AT, renderer: RENDERER_VERSION, site: siteKey(register) });
    reg.published.set(added.itemId, added);
    reg.queue.push({ eventId: 'e1', at: added.publishedAt, type: 'published', itemId: added.itemId, agencyId: added.agencyId, versionNo: 1 });
    reg.reads.count = 0;
    // The heap the update holds: measured from a collected heap, and sampled where the update hands
    // its files to the site (then it holds every file it wrote) as well as on a timer (the update
    // runs mostly without yielding, so a timer alone misses its peak).
    collectGarbage();
    const heap0 = process.memoryUsage().heapUsed;
    let heapPeak = heap0;
    const sample = () => {
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    };
    const site = {
      ...reg.site,
      read: (...a: Parameters<typeof reg.site.read>) => {
        sample();
        return reg.site.read(...a);
      },
      apply: (...a: Parameters<typeof reg.site.apply>) => {
        sample();
        return reg.site.apply(...a);
      },
    };
    const timer = setInterval(sample, 5);
    const t = performance.now();
    await updateRegister(reg.store, site, registerRenderer, { now: new Date('2026-06-30T08:00:01.000Z') });
    const time = ms(t);
    clearInterval(timer);
    sample();
    return { time, plan: reg.plans.at(-1)!, reads: reg.reads.count, heap: heapPeak - heap0 };
  };
  const one = await publishOne(input, keptFiles);
  const plan = one.plan;
  const inc = one.time;
  const incBytes = planBytes(plan.put);
  const objects = plan.put.length + plan.delete.length + plan.copies.length;
  add('publish one item: time', `${secs(inc)} (${pct(inc, full)} of full; today 4.09 s, must reach ≤ 0.5 s)`);
  add('publish one item: objects written', `${objects} (${pct(objects, sizes.length)} of full)`);
  add(
    'publish one item: objects by kind',
    `${plan.put.filter((f) => f.path.endsWith('.html')).length} pages, ${plan.put.filter((f) => /^search\/[^/]+\.json$/.test(f.path)).length} shards, ${plan.put.filter((f) => f.path.startsWith('search/doc/')).length} cards, ${plan.put.filter((f) => f.path.startsWith('data/')).length} data files`,
  );
  add('publish one item: bytes written', `${mb(incBytes)} (${pct(incBytes, bytes)} of full; today 175 MB, must reach ≤ 2 MB)`);
  add(
    'publish one item: bytes by kind',
    `pages ${kb(planBytes(plan.put, (p) => p.endsWith('.html')))}, search ${kb(planBytes(plan.put, (p) => p.startsWith('search/')))}, sitemap ${kb(planBytes(plan.put, (p) => p.startsWith('sitemap')))}, data ${kb(planBytes(plan.put, (p) => p.startsWith('data/')))}`,
  );
  add(
    'publish one item: largest files',
    [...plan.put]
      .sort((a, b) => byteLength(b.body) - byteLength(a.body))
      .slice(0, 8)
      .map((f) => `${f.path} ${kb(byteLength(f.body))}`)
      .join(', '),
  );
  add('publish one item: heap the update used', `${mb(one.heap)} (must stay under 256 MB)`);
  // The same publication into a register of 1,000 items that holds the same partition whole (and the
  // same agencies): the update must read the same number of records.
  const partition = input.items.filter((e) => e.agencyId === added.agencyId && e.regYear === added.regYear);
  // It holds the register's newest publications too, so that the home page lists the same ones.
  const newest = new Set([...input.items].sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0)).slice(0, 10));
  const core = [...new Set([...partition, ...newest])];
  const small: RegisterInput = { ...input, items: [...core, ...input.items.filter((e) => !core.includes(e)).slice(0, Math.max(0, 1000 - core.length))] };
  const smallKept = new Map<string, string>();
  for (const f of renderFullFiles(small)) if (keep(f.path)) smallKept.set(f.path, fileText(f));
  const oneSmall = await publishOne(small, smallKept);
  add(
    'publish one item: table records read',
    `${one.reads.toLocaleString('en')} at ${input.items.length.toLocaleString('en')} items, ${oneSmall.reads.toLocaleString('en')} at ${small.items.length.toLocaleString('en')} items (today: every published item)`,
  );

  // Incremental withdrawal of an item in the middle of the register.
  const gone = input.items[Math.floor(input.items.length / 2)]!;
  {
    const { items: all, generatedAt: _g, ...base } = input;
    const reg = memoryRegister(base, all);
    for (const [path, body] of keptFiles) reg.files.set(path, body);
    await reg.store.resetRendered(all, [], { at: BUILT_AT, renderer: RENDERER_VERSION, site: siteKey(input) });
    reg.published.delete(gone.itemId);
    reg.queue.push({ eventId: 'w1', at: '2026-06-30T09:00:00.000Z', type: 'withdrawn', itemId: gone.itemId, agencyId: gone.agencyId, versionNo: 1 });
    t0 = performance.now();
    await updateRegister(reg.store, reg.site, registerRenderer, { now: new Date('2026-06-30T09:00:00.000Z') });
    const wtime = ms(t0);
    const wplan = reg.plans.at(-1)!;
    add('withdraw one item: time', `${secs(wtime)} (${pct(wtime, full)} of full)`);
    add(
      'withdraw one item: objects',
      `${wplan.put.length} put (${mb(planBytes(wplan.put))}), ${wplan.delete.length} deleted, ${wplan.removeCopies.length} copy prefixes removed`,
    );
  }

  // Search: what a one-word query downloads.
  const shardSizes = [...searchSizes].filter(([p]) => !p.startsWith('search/doc/')).map(([, n]) => n);
  const indexBytes = [...searchSizes.values()].reduce((a, b) => a + b, 0);
  const shardTotal = shardSizes.reduce((a, b) => a + b, 0);
  shardSizes.sort((a, b) => a - b);
  add(
    'search index: whole size',
    `${mb(indexBytes)} (${shardSizes.length.toLocaleString('en')} shards ${mb(shardTotal)}, cards ${mb(indexBytes - shardTotal)})`,
  );
  add(
    'search index: shard size median / p99 / max',
    `${kb(shardSizes[Math.floor(shardSizes.length / 2)]!)} / ${kb(shardSizes[Math.floor(shardSizes.length * 0.99)]!)} / ${kb(shardSizes.at(-1)!)}`,
  );
  for (const word of wantedWords) {
    const term = terms(word)[0]!;
    const path = `search/${shardOf(term)}.json`;
    const shard = shardBodies.get(path)!;
    const hits = searchHits(shard, term);
    // The first 20 results, in the order search.js shows them, and the card files they need.
    const cards = new Set(hits.slice(0, 20).map((h) => `search/doc/${h.year}/${h.agency}/${Math.ceil(h.seq / 100)}.json`));
    const cardBytes = [...cards].reduce((n, p) => n + (searchSizes.get(p) ?? 0), 0);
    // The shard as stored (gzip-compressed) is what the query downloads.
    const shardBytes = searchSizes.get(path)!;
    const total = shardBytes + cardBytes;
    add(
      `one-word query "${word}" (${hits.length.toLocaleString('en')} hits)`,
      `${kb(total)} = shard ${kb(shardBytes)} (compressed; ${kb(byteLength(shard))} as JSON) + ${cards.size} card files ${kb(cardBytes)}; ${pct(total, indexBytes)} of the index`,
    );
  }
  add('heap used at the end', mb(process.memoryUsage().heapUsed));
  return rows;
}

/** What search.js computes for one term: the matching items, titles first, newest year first. */
function searchHits(shardJson: string, term: string) {
  const { a, t } = JSON.parse(shardJson) as { a: string[]; t: Record<string, [string, string]> };
  const score = new Map<string, number>();
  for (const [k, [title, body]] of Object.entries(t)) {
    if (!k.startsWith(term)) continue;
    for (const [list, s] of [
      [title, 2],
      [body, 1],
    ] as const) {
      for (const group of list ? list.split(';') : []) {
        const [i, year, seqs] = group.split(':');
        let seq = 0;
        for (const d of seqs!.split(',')) {
          seq += Number.parseInt(d, 36);
          const key = `${a[Number(i)]}/${year}/${seq}`;
          score.set(key, Math.max(score.get(key) ?? 0, s));
        }
      }
    }
  }
  return [...score]
    .map(([k, s]) => {
      const [agency, year, seq] = k.split('/');
      return { agency: agency!, year: Number(year), seq: Number(seq), s };
    })
    .sort((x, y) => y.s - x.s || y.year - x.year || (x.agency < y.agency ? -1 : x.agency > y.agency ? 1 : 0) || y.seq - x.seq);
}
