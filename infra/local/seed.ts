/**
 * Demo data for the local host, written on first start through the same use cases the API runs
 * (so every record has its audit event, by the `seed` actor): Pemerintah Provinsi Kalimantan Barat
 * with its PPID Utama unit, four SKPD, one demo user per role, and the shipped holiday calendar.
 */
import type { Principal } from '../../functions/core/access.ts';
import { createAgency } from '../../functions/core/agencies.ts';
import { loadShippedHolidays } from '../../functions/core/holiday-calendar.ts';
import type { NewAgency, NewUser } from '../../functions/core/model.ts';
import type { Context } from '../../functions/core/ports.ts';
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

/**
 * Writes whatever of the demo data is missing (so a start interrupted half-way completes on the next
 * one) and returns how many records it wrote; 0 on every later start.
 */
export async function seedDemoData(ctx: Context): Promise<number> {
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
  return written + (await loadShippedHolidays(ctx, SEED_ACTOR));
}
