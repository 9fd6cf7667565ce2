/**
 * Demo data for the local host, written on first start through the same use cases the API runs
 * (so every record has its audit event, by the `seed` actor): Pemerintah Provinsi Kalimantan Barat
 * with its PPID Utama unit, four SKPD, one demo user per role, and the shipped holiday calendar.
 */
import type { Principal } from '../../functions/core/access.ts';
import { createAgency } from '../../functions/core/agencies.ts';
import { localDateOf } from '../../functions/core/calendar.ts';
import type { ConsequenceTest } from '../../functions/core/exclusion-model.ts';
import { decide as decideExclusion, propose, recordDecree } from '../../functions/core/exclusions.ts';
import { loadShippedHolidays } from '../../functions/core/holiday-calendar.ts';
import type { Category, ItemContent } from '../../functions/core/item-model.ts';
import { createItem, decide, submitItem } from '../../functions/core/items.ts';
import type { NewAgency, NewUser } from '../../functions/core/model.ts';
import type { Context } from '../../functions/core/ports.ts';
import { setPublicBody } from '../../functions/core/public-body.ts';
import { createUser } from '../../functions/core/users.ts';

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

/** Published on first start through the real workflow: created, submitted, approved, published. */
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

/**
 * Writes whatever of the demo data is missing (so a start interrupted half-way completes on the next
 * one) and returns how many records it wrote; 0 on every later start.
 */
export async function seedDemoData(ctx: Context, opts: { items?: boolean } = {}): Promise<number> {
  let written = 0;
  for (const agency of DEMO_AGENCIES) {
    if (await ctx.store.getAgency(agency.id)) continue;
    await createAgency(ctx, SEED_ACTOR, agency);
    written++;
  }
  for (const user of DEMO_USERS) {
    if (await ctx.store.getUser(user.username)) continue;
    await createUser(ctx, SEED_ACTOR, user);
    written++;
  }
  // Before any item: the register's first build puts the body's name on every page.
  if (!(await ctx.store.getSettings('publicBody'))) {
    await setPublicBody(ctx, SEED_ACTOR, { name: PUBLIC_BODY });
    written++;
  }
  for (const demo of opts.items ? DEMO_ITEMS : []) {
    const existing = await ctx.store.listItems({ agencyId: demo.agencyId, limit: 100 });
    if (existing.items.some((i) => i.current.content.title === demo.content.title)) continue;
    const as = (username: string) => principal(ctx, username);
    const created = await createItem(ctx, await as(demo.by), { agencyId: demo.agencyId, content: demo.content });
    const submitted = await submitItem(ctx, await as(demo.by), created.itemId, { version: created.version });
    await decide(ctx, await as(demo.approver), created.itemId, { decision: 'approve', versionNo: submitted.current.versionNo });
    written++;
  }
  for (const demo of opts.items ? DEMO_EXCLUSIONS : []) {
    const existing = await ctx.store.listExclusions({ agencyId: demo.agencyId, limit: 100 });
    if (existing.items.some((x) => x.test.title === demo.test.title)) continue;
    const ex = await propose(ctx, await principal(ctx, demo.by), { agencyId: demo.agencyId, test: demo.test });
    if (demo.setDik) {
      await decideExclusion(ctx, await principal(ctx, 'atasan.ppid'), ex.exclusionId, {
        decision: 'ya',
        note: 'Setuju, sesuai hasil uji konsekuensi.',
        round: 1,
      });
      const approved = (await ctx.store.getExclusion(ex.exclusionId))!;
      await recordDecree(ctx, await principal(ctx, 'ppid.utama'), ex.exclusionId, {
        decree: {
          number: `188.4/01/PPID/${new Date().getUTCFullYear()}`,
          date: localDateOf(ctx.now, 'Asia/Pontianak'),
          place: 'Pontianak',
          official: { name: 'Rina Kusumawati', position: 'PPID Utama Pemerintah Provinsi Kalimantan Barat' },
        },
        version: approved.version,
      });
    }
    written++;
  }
  return written + (await loadShippedHolidays(ctx, SEED_ACTOR));
}
