/**
 * Demo data for the local host, written on first start through the same use cases the API runs
 * (so every record has its audit event, by the `seed` actor): Pemerintah Provinsi Kalimantan Barat
 * with its PPID Utama unit, four SKPD, one demo user per role, and the shipped holiday calendar.
 */
import { createHash } from 'node:crypto';
import { itemUploads } from '../../functions/adapters/item-uploads.ts';
import type { Principal } from '../../functions/core/access.ts';
import { createAgency } from '../../functions/core/agencies.ts';
import { auditEvent } from '../../functions/core/audit.ts';
import { localDateOf } from '../../functions/core/calendar.ts';
import { DomainError } from '../../functions/core/errors.ts';
import type { ConsequenceTest } from '../../functions/core/exclusion-model.ts';
import { decide as decideExclusion, EXCLUSION_WORKFLOW, propose, recordDecree } from '../../functions/core/exclusions.ts';
import { loadShippedHolidays } from '../../functions/core/holiday-calendar.ts';
import { addDocument, removeDocument, verifyDocument } from '../../functions/core/item-documents.ts';
import type { Category, Item, ItemContent } from '../../functions/core/item-model.ts';
import { createItem, decide, PUBLICATION_WORKFLOW, submitItem } from '../../functions/core/items.ts';
import type { NewAgency, NewUser } from '../../functions/core/model.ts';
import { fileObjection } from '../../functions/core/objections/objections.ts';
import type { Context } from '../../functions/core/ports.ts';
import { setPublicBody } from '../../functions/core/public-body.ts';
import type { RequestContent, Requester } from '../../functions/core/requests/model.ts';
import { fileRequest, registerRequest, route } from '../../functions/core/requests/requests.ts';
import { createUser } from '../../functions/core/users.ts';
import { DEMO_OFFICIALS, seedDocumentData } from './seed-documents.ts';
import { demoPdf } from './seed-pdf.ts';

export const PUBLIC_BODY = 'Pemerintah Provinsi Kalimantan Barat';

/** West Kalimantan keeps WIB; a Monday–Friday work week. */
const zone = () => ({ timezone: 'Asia/Pontianak', workWeek: [1, 2, 3, 4, 5] });

export const DEMO_AGENCIES: NewAgency[] = [
  {
    id: 'diskominfo',
    kind: 'ppid_utama',
    name: 'Dinas Komunikasi dan Informatika (PPID Utama)',
    shortName: 'Diskominfo',
    email: 'ppid@kalbarprov.go.id',
    address: 'Jl. Ahmad Yani, Pontianak',
    ...zone(),
  },
  { id: 'dinkes', kind: 'skpd', name: 'Dinas Kesehatan', shortName: 'Dinkes', ...zone() },
  { id: 'disdikbud', kind: 'skpd', name: 'Dinas Pendidikan dan Kebudayaan', shortName: 'Disdikbud', ...zone() },
  { id: 'bappeda', kind: 'skpd', name: 'Badan Perencanaan Pembangunan Daerah', shortName: 'Bappeda', ...zone() },
  { id: 'banhub', kind: 'skpd', name: 'Badan Penghubung', shortName: 'Banhub', ...zone() },
];

export const DEMO_USERS: NewUser[] = [
  { username: 'admin', name: 'Administrator Sistem', email: 'admin@kalbarprov.go.id', role: 'admin', agencyId: 'diskominfo' },
  { username: 'ppid.utama', name: 'Rina Kusumawati', email: 'ppid.utama@kalbarprov.go.id', role: 'ppid_utama', agencyId: 'diskominfo' },
  { username: 'atasan.ppid', name: 'Samuel Hutapea', email: 'atasan.ppid@kalbarprov.go.id', role: 'atasan_ppid', agencyId: 'diskominfo' },
  { username: 'pejabat.pid', name: 'Dewi Lestari', email: 'pejabat.pid@kalbarprov.go.id', role: 'pejabat_pid', agencyId: 'diskominfo' },
  { username: 'kepala.dinkes', name: 'dr. Hendra Wijaya', email: 'ppid@dinkes.kalbarprov.go.id', role: 'ppid_pelaksana', agencyId: 'dinkes' },
  { username: 'petugas.dinkes', name: 'Siti Aminah', email: 'petugas@dinkes.kalbarprov.go.id', role: 'petugas', agencyId: 'dinkes' },
  { username: 'kepala.disdikbud', name: 'Yohanes Ading', email: 'ppid@disdikbud.kalbarprov.go.id', role: 'ppid_pelaksana', agencyId: 'disdikbud' },
  { username: 'petugas.disdikbud', name: 'Agus Salim', email: 'petugas@disdikbud.kalbarprov.go.id', role: 'petugas', agencyId: 'disdikbud' },
];

const SEED_ACTOR: Principal = { username: 'seed', name: 'Data awal', role: 'admin', agencyId: 'diskominfo' };

const demoItem = (title: string, summary: string, holder: string, responsible: string, category: Category, year: number, tags: string[]): ItemContent => ({
  title,
  summary,
  holder,
  responsible,
  createdWhen: `${year}`,
  createdWhere: 'Pontianak',
  formats: ['softcopy', 'hardcopy'],
  retention: '5 tahun',
  category,
  year,
  tags,
});

/**
 * Published on first start through the real workflow: created, its PDF uploaded with a ticket and
 * checked (a softcopy needs one), submitted, approved, published.
 */
export const DEMO_ITEMS: { agencyId: string; by: string; approver: string; content: ItemContent }[] = [
  {
    agencyId: 'dinkes',
    by: 'petugas.dinkes',
    approver: 'kepala.dinkes',
    content: demoItem(
      'Profil Kesehatan Provinsi Kalimantan Barat Tahun 2025',
      'Gambaran derajat kesehatan masyarakat, sumber daya kesehatan, dan capaian pelayanan kesehatan di 14 kabupaten/kota tahun 2025.',
      'Bidang Sumber Daya Kesehatan',
      'Kepala Dinas Kesehatan',
      'berkala',
      2025,
      ['kesehatan', 'profil'],
    ),
  },
  {
    agencyId: 'dinkes',
    by: 'petugas.dinkes',
    approver: 'kepala.dinkes',
    content: demoItem(
      'Kewaspadaan Demam Berdarah Dengue Musim Hujan',
      'Peringatan dini peningkatan kasus demam berdarah dengue, gejala yang perlu diwaspadai, dan langkah 3M Plus bagi masyarakat.',
      'Bidang Pencegahan dan Pengendalian Penyakit',
      'Kepala Dinas Kesehatan',
      'serta_merta',
      2026,
      ['dbd', 'kesehatan'],
    ),
  },
  {
    agencyId: 'disdikbud',
    by: 'petugas.disdikbud',
    approver: 'kepala.disdikbud',
    content: demoItem(
      'Petunjuk Teknis Penerimaan Murid Baru SMA/SMK 2026',
      'Jadwal, jalur, persyaratan, dan tata cara pendaftaran murid baru SMA, SMK, dan SLB negeri tahun ajaran 2026/2027.',
      'Bidang Pembinaan SMA',
      'Kepala Dinas Pendidikan dan Kebudayaan',
      'setiap_saat',
      2026,
      ['pendidikan', 'spmb'],
    ),
  },
  {
    agencyId: 'disdikbud',
    by: 'petugas.disdikbud',
    approver: 'kepala.disdikbud',
    content: demoItem(
      'Data Pokok Pendidikan Jenjang Menengah 2025',
      'Jumlah sekolah, peserta didik, pendidik, dan rombongan belajar SMA, SMK, dan SLB per kabupaten/kota.',
      'Sekretariat — Subbagian Perencanaan',
      'Kepala Dinas Pendidikan dan Kebudayaan',
      'berkala',
      2025,
      ['pendidikan', 'statistik'],
    ),
  },
  {
    agencyId: 'bappeda',
    by: 'ppid.utama',
    approver: 'ppid.utama',
    content: demoItem(
      'Rencana Kerja Pemerintah Daerah (RKPD) Tahun 2026',
      'Dokumen perencanaan tahunan daerah: prioritas pembangunan, program, kegiatan, dan pagu indikatif perangkat daerah.',
      'Bidang Perencanaan, Pengendalian dan Evaluasi',
      'Kepala Bappeda',
      'setiap_saat',
      2026,
      ['perencanaan', 'rkpd'],
    ),
  },
];

async function principal(ctx: Context, username: string): Promise<Principal> {
  const u = (await ctx.store.getUser(username))!;
  return { username: u.username, name: u.name, role: u.role, agencyId: u.agencyId };
}

/** Demo exclusions (SOP 002): one on the DIK, one waiting for the Atasan PPID's Ya/Tidak. */
export const DEMO_EXCLUSIONS: { agencyId: string; by: string; setDik: boolean; test: ConsequenceTest }[] = [
  {
    agencyId: 'dinkes',
    by: 'kepala.dinkes',
    setDik: true,
    test: {
      title: 'Rekam medis pasien rumah sakit milik pemerintah provinsi',
      documents: [{ title: 'Berkas rekam medis rawat jalan dan rawat inap', reference: 'RM-RSUD' }],
      description: 'Isi rekam medis pasien: identitas, anamnesis, diagnosis, tindakan, dan hasil pemeriksaan penunjang; statistik agregat tidak termasuk.',
      legalBasis: { pasal17: ['h'], otherLaws: [{ law: 'Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan', article: 'Pasal 4 ayat (1) huruf i' }] },
      consequence: {
        ifOpened: 'Mengungkap rahasia pribadi dan kondisi kesehatan pasien kepada pihak yang tidak berhak, dan dapat merugikan pasien.',
        publicInterest: 'Perlindungan rahasia pasien lebih besar manfaatnya; statistik kesehatan agregat tetap diumumkan secara berkala.',
      },
      period: {},
      participants: [
        { name: 'dr. Hendra Wijaya', position: 'Kepala PPID Pelaksana Dinas Kesehatan' },
        { name: 'Rina Kusumawati', position: 'PPID Utama' },
      ],
    },
  },
  {
    agencyId: 'disdikbud',
    by: 'kepala.disdikbud',
    setDik: false,
    test: {
      title: 'Harga perkiraan sendiri (HPS) pengadaan sarana sekolah sebelum tender diumumkan',
      documents: [{ title: 'Dokumen HPS pengadaan meubelair SMA negeri', reference: 'HPS/DISDIKBUD' }],
      description: 'Nilai dan rincian harga perkiraan sendiri pengadaan meubelair sekolah menengah atas negeri sebelum pengumuman tender.',
      legalBasis: { pasal17: ['b'], otherLaws: [] },
      consequence: {
        ifOpened: 'Calon penyedia dapat menyesuaikan penawaran dengan HPS sehingga persaingan usaha menjadi tidak sehat.',
        publicInterest: 'Persaingan yang sehat menghasilkan harga terbaik bagi keuangan daerah; HPS dibuka setelah tender diumumkan.',
      },
      period: { until: `${new Date().getUTCFullYear() + 1}-06-30` },
      participants: [{ name: 'Yohanes Ading', position: 'Kepala PPID Pelaksana Dinas Pendidikan dan Kebudayaan' }],
    },
  },
];

/** Demo information requests, filed on the register's form: one waiting for PPID Utama, one routed to Dinkes. */
const DEMO_REQUESTS: { requester: Requester; content: RequestContent; routeTo?: string }[] = [
  {
    requester: {
      kind: 'individual',
      fullName: 'Andi Pratama',
      nik: '6171010101900001',
      address: 'Jl. Gajah Mada No. 5, Pontianak Kota, Kota Pontianak',
      email: 'andi.pratama@contoh.id',
    },
    content: {
      information: 'Rekapitulasi realisasi anggaran belanja modal per perangkat daerah tahun 2025',
      purpose: 'Bahan kajian lembaga swadaya masyarakat tentang belanja daerah',
      obtainForm: 'copy_softcopy',
      deliveryMethod: 'email',
    },
  },
  {
    requester: {
      kind: 'legal_entity',
      fullName: 'Perkumpulan Warga Peduli Kesehatan',
      legalEntityDecree: 'AHU-0012345.AH.01.07.TAHUN 2021',
      address: 'Jl. Sultan Abdurrahman No. 20, Pontianak Selatan',
      email: 'sekretariat@wargapeduli.contoh.id',
      phone: '0561 765432',
    },
    content: {
      information: 'Jumlah tenaga kesehatan per puskesmas di Kalimantan Barat tahun 2025',
      purpose: 'Penyusunan laporan pemantauan layanan kesehatan dasar',
      obtainForm: 'copy_softcopy',
      deliveryMethod: 'email',
    },
    routeTo: 'dinkes',
  },
];

/** Files one demo request (its fixed submission id files it once) and routes it when the demo says so. */
async function seedRequest(ctx: Context, n: number, demo: (typeof DEMO_REQUESTS)[number]): Promise<boolean> {
  const filed = await fileRequest(ctx, { requester: demo.requester, content: demo.content, submissionId: demoId('request', n) });
  let r = filed.request;
  if (!demo.routeTo || r.routing) return r.timeline.length <= 2;
  // The workflow also writes the request (its wait): read the version again when it moved first.
  for (let attempt = 1; ; attempt++) {
    r = (await ctx.store.getRequest(r.requestId))!;
    try {
      await route(ctx, await principal(ctx, 'ppid.utama'), r.requestId, { held: true, agencies: [demo.routeTo], version: r.version });
      return true;
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict') || attempt >= 5) throw e;
      await new Promise((res) => setTimeout(res, 100 * attempt));
    }
  }
}

/**
 * A demo objection (keberatan): a letter received three weeks ago, routed to Dinkes and never answered
 * (its notice deadline passed), and the requester's objection on ground c waiting for the Atasan PPID.
 */
async function seedObjection(ctx: Context): Promise<boolean> {
  const receivedOn = localDateOf(new Date(ctx.now.getTime() - 21 * 86_400_000), 'Asia/Jakarta');
  const filed = await registerRequest(ctx, await principal(ctx, 'petugas.dinkes'), {
    requester: {
      kind: 'individual',
      fullName: 'Maria Goreti',
      nik: '6171014505880002',
      address: 'Jl. Imam Bonjol No. 33, Pontianak Tenggara, Kota Pontianak',
      email: 'maria.goreti@contoh.id',
    },
    content: {
      information: 'Daftar puskesmas yang menerima dana alokasi khusus kesehatan tahun 2025 beserta nilainya',
      purpose: 'Pemantauan penggunaan dana kesehatan oleh forum warga',
      obtainForm: 'copy_softcopy',
      deliveryMethod: 'email',
    },
    channel: 'letter',
    receivedOn,
    submissionId: demoId('request', 101),
    note: 'Surat permohonan diterima di loket Dinas Kesehatan.',
  });
  if ((await ctx.store.listObjectionsOfRequest(filed.request.requestId)).length) return false;
  await fileObjection(ctx, {
    number: filed.request.number,
    code: filed.trackingCode,
    grounds: ['c'],
    case: 'Sudah lebih dari sepuluh hari kerja sejak surat permohonan saya diterima, tetapi saya belum menerima pemberitahuan tertulis apa pun.',
    submissionId: demoId('objection', 1),
  });
  return true;
}

/** A fixed id for the n-th demo record of a kind: the seed creates each one once, whatever else exists. */
export function demoId(kind: 'item' | 'exclusion' | 'request' | 'objection', n: number): string {
  const h = createHash('sha256').update(`sip-ppid demo ${kind} ${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The marker the seed writes when every demo record is in place; later starts then skip it all. */
const MARKER = 'demoSeed';
const MARKER_VERSION = 4;

/**
 * Writes whatever of the demo data is missing and returns how many records it wrote; 0 on every later
 * start. Each demo record has an id of its own (`demoId`) and is taken from wherever it stopped: a
 * start interrupted half-way (Ctrl-C during the seed) completes it on the next one, and no number
 * of restarts with any amount of other data creates or publishes a demo record twice.
 */
export async function seedDemoData(ctx: Context, opts: { items?: boolean; log?: (m: string) => void; aborted?: () => boolean } = {}): Promise<number> {
  const marker = await ctx.store.getSettings<{ version: number; items: boolean }>(MARKER);
  if (marker && marker.version >= MARKER_VERSION && (marker.items || !opts.items)) return 0;
  const stillRunning = () => {
    if (opts.aborted?.()) throw new Error('seed interrupted');
  };
  let written = 0;
  for (const agency of DEMO_AGENCIES) {
    if (await ctx.store.getAgency(agency.id)) continue;
    await createAgency(ctx, SEED_ACTOR, agency);
    written++;
  }
  for (const user of DEMO_USERS) {
    if (await ctx.store.getUser(user.username)) continue;
    // No invitation: the README names the demo users and how they sign in.
    await createUser(ctx, SEED_ACTOR, user, { invite: false });
    written++;
  }
  // Before any exclusion: its documents name these officials on these letterheads.
  written += await seedDocumentData(ctx, SEED_ACTOR);
  // Before any item: the register's first build puts the body's name on every page.
  if (!(await ctx.store.getSettings('publicBody'))) {
    await setPublicBody(ctx, SEED_ACTOR, { name: PUBLIC_BODY });
    written++;
  }
  written += await loadShippedHolidays(ctx, SEED_ACTOR);
  if (opts.items) opts.log?.('Seeding demo data: items published through the publication workflow, exclusions through SOP 002 …');
  for (const [n, demo] of (opts.items ? DEMO_ITEMS : []).entries()) {
    stillRunning();
    if (await seedItem(ctx, demoId('item', n + 1), demo)) {
      written++;
      opts.log?.(`  demo item ${n + 1}/${DEMO_ITEMS.length}: ${demo.content.title}`);
    }
  }
  for (const [n, demo] of (opts.items ? DEMO_EXCLUSIONS : []).entries()) {
    stillRunning();
    if (await seedExclusion(ctx, demoId('exclusion', n + 1), demo)) {
      written++;
      opts.log?.(`  demo exclusion ${n + 1}/${DEMO_EXCLUSIONS.length}: ${demo.test.title}`);
    }
  }
  for (const [n, demo] of (opts.items ? DEMO_REQUESTS : []).entries()) {
    stillRunning();
    if (await seedRequest(ctx, n + 1, demo)) written++;
  }
  stillRunning();
  if (opts.items && (await seedObjection(ctx))) written++;
  stillRunning();
  await ctx.store.commit(
    [{ entity: 'settings', name: MARKER, value: { version: MARKER_VERSION, items: Boolean(opts.items || marker?.items) } }],
    auditEvent({
      actor: SEED_ACTOR,
      action: 'seed.complete',
      entity: { type: 'settings', id: MARKER },
      agencyId: SEED_ACTOR.agencyId,
      after: { items: Boolean(opts.items) },
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  return written;
}

/** Takes one demo item on from its state: created, submitted, approved (the workflow publishes it). */
async function seedItem(ctx: Context, itemId: string, demo: (typeof DEMO_ITEMS)[number]): Promise<boolean> {
  const as = (username: string) => principal(ctx, username);
  let item = await ctx.store.getItem(itemId);
  const hasPdf = (i: Item) => i.current.documents.some((d) => d.fileName === demoFileName(demo) && d.status === 'verified');
  // Published by a seed before demo items had their PDF (and still on the DIP as it was): a new
  // version with the PDF goes the same way. One that staff withdrew or excluded is left alone.
  const upgrade = !!item && item.current.state === 'published' && item.publication === 'published' && !item.exclusion && !hasPdf(item);
  if (item && item.current.state !== 'draft' && item.current.state !== 'submitted' && !upgrade) {
    // Approved or later: make sure its workflow runs (it may have been lost with a killed host).
    if (item.current.state === 'approved' && item.current.executionName)
      await ctx.workflows!.start(PUBLICATION_WORKFLOW, item.current.executionName, { itemId, versionNo: item.current.versionNo });
    return false;
  }
  item ??= await createItem(ctx, await as(demo.by), { agencyId: demo.agencyId, content: demo.content }, { itemId });
  if ((item.current.state === 'draft' || upgrade) && !hasPdf(item)) item = await attachDemoPdf(ctx, await as(demo.by), item, demo);
  if (item.current.state === 'draft') item = await submitItem(ctx, await as(demo.by), itemId, { version: item.version });
  // Submitted earlier, its workflow may never have started: starting it again is a no-op otherwise.
  else await ctx.workflows!.start(PUBLICATION_WORKFLOW, item.current.executionName!, { itemId, versionNo: item.current.versionNo });
  await decide(ctx, await as(demo.approver), itemId, { decision: 'approve', versionNo: item.current.versionNo });
  return true;
}

const demoFileName = (demo: (typeof DEMO_ITEMS)[number]) =>
  `${demo.content.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}.pdf`;

/**
 * Uploads the demo item's PDF the way the staff app does: declared, posted to storage with its ticket,
 * then moved and checked by the server. An upload left half-done by an interrupted start is removed first.
 */
async function attachDemoPdf(ctx: Context, actor: Principal, item: Item, demo: (typeof DEMO_ITEMS)[number]): Promise<Item> {
  const fileName = demoFileName(demo);
  for (const stale of item.current.documents.filter((d) => d.fileName === fileName)) await removeDocument(ctx, itemUploads, actor, item.itemId, stale.docId);
  const c = demo.content;
  const bytes = demoPdf({
    title: c.title,
    paragraphs: [c.summary, `Pejabat/unit yang menguasai informasi: ${c.holder}. Penanggung jawab: ${c.responsible}.`, `Tahun ${c.year}, ${c.createdWhere}.`],
    footer: `${PUBLIC_BODY} - dokumen contoh data demo SIP PPID`,
  });
  const declared = await addDocument(ctx, itemUploads, actor, item.itemId, {
    fileName,
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  });
  const form = new FormData();
  for (const [k, v] of Object.entries(declared.upload.fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
  const posted = await fetch(declared.upload.url, { method: 'POST', body: form });
  if (!posted.ok) throw new Error(`demo PDF upload refused: HTTP ${posted.status}`);
  await verifyDocument(ctx, itemUploads, actor, item.itemId, declared.document.docId);
  return (await ctx.store.getItem(item.itemId))!;
}

/** Takes one demo exclusion on from its state: proposed, decided Ya, decree recorded. */
async function seedExclusion(ctx: Context, exclusionId: string, demo: (typeof DEMO_EXCLUSIONS)[number]): Promise<boolean> {
  const found = await ctx.store.getExclusion(exclusionId);
  const ex = found ?? (await propose(ctx, await principal(ctx, demo.by), { agencyId: demo.agencyId, test: demo.test }, { exclusionId }));
  const open = ex.state === 'proposed' || ex.state === 'approved';
  // Proposed earlier, its workflow may never have started: starting it again is a no-op otherwise.
  if (open) await ctx.workflows!.start(EXCLUSION_WORKFLOW, ex.executionName!, { exclusionId, round: ex.round });
  if (!demo.setDik || !open) return !found;
  if (ex.state === 'proposed') {
    await decideExclusion(ctx, await principal(ctx, 'atasan.ppid'), exclusionId, {
      decision: 'ya',
      note: 'Setuju, sesuai hasil uji konsekuensi.',
      round: ex.round,
    });
  }
  // The workflow also writes the exclusion (its wait): read the version again when it moved first.
  for (let attempt = 1; ; attempt++) {
    const approved = (await ctx.store.getExclusion(exclusionId))!;
    if (approved.decree) break;
    try {
      await recordDecree(ctx, await principal(ctx, 'ppid.utama'), exclusionId, {
        decree: {
          number: `188.4/01/PPID/${new Date().getUTCFullYear()}`,
          date: localDateOf(ctx.now, 'Asia/Pontianak'),
          place: 'Pontianak',
          official: {
            name: DEMO_OFFICIALS['ppid.utama']!.fullName,
            position: DEMO_OFFICIALS['ppid.utama']!.position,
            rank: DEMO_OFFICIALS['ppid.utama']!.rank,
            nip: DEMO_OFFICIALS['ppid.utama']!.nip,
          },
        },
        version: approved.version,
      });
      break;
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict') || attempt >= 5) throw e;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  return true;
}
