/**
 * Demo data for official documents: the demo officials' full names with titles, positions, ranks
 * and NIPs (made up, but structurally valid), and the demo agencies' letterheads. Written through
 * the same use cases as the admin's edits (audited), only where a field is still empty, so a restart
 * or an admin's change is never overwritten.
 */
import type { Principal } from '../../functions/core/access.ts';
import { updateAgency } from '../../functions/core/agencies.ts';
import type { Context } from '../../functions/core/ports.ts';
import { updateUser } from '../../functions/core/users.ts';

export const DEMO_OFFICIALS: Record<string, { fullName: string; position: string; rank?: string; nip?: string }> = {
  'ppid.utama': {
    fullName: 'Rina Kusumawati, S.Sos., M.Si.',
    position: 'Kepala Dinas Komunikasi dan Informatika selaku PPID Utama',
    rank: 'Pembina Utama Muda (IV/c)',
    nip: '197205141998032004',
  },
  'atasan.ppid': {
    fullName: 'Drs. Samuel Hutapea, M.M.',
    position: 'Sekretaris Daerah Provinsi Kalimantan Barat selaku Atasan PPID',
    rank: 'Pembina Utama (IV/e)',
    nip: '196809221994031003',
  },
  'pejabat.pid': {
    fullName: 'Dewi Lestari, S.Kom.',
    position: 'Kepala Bidang Pelayanan Informasi dan Dokumentasi',
    rank: 'Penata Tingkat I (III/d)',
    nip: '198507102010012015',
  },
  'kepala.dinkes': {
    fullName: 'dr. Hendra Wijaya, M.Kes.',
    position: 'Sekretaris Dinas Kesehatan selaku PPID Pelaksana',
    rank: 'Pembina Tingkat I (IV/b)',
    nip: '197811032005011007',
  },
  'kepala.disdikbud': {
    fullName: 'Yohanes Ading, S.Pd., M.Pd.',
    position: 'Sekretaris Dinas Pendidikan dan Kebudayaan selaku PPID Pelaksana',
    rank: 'Pembina (IV/a)',
    nip: '198001152006041012',
  },
};

const LETTERHEADS: Record<string, { address: string; city: string; phone: string; email: string; website: string }> = {
  diskominfo: {
    address: 'Jalan Ahmad Yani No. 1, Pontianak 78124',
    city: 'Pontianak',
    phone: '(0561) 736541',
    email: 'diskominfo@kalbarprov.go.id',
    website: 'diskominfo.kalbarprov.go.id',
  },
  dinkes: {
    address: 'Jalan Letjen Sutoyo, Pontianak 78121',
    city: 'Pontianak',
    phone: '(0561) 737701',
    email: 'dinkes@kalbarprov.go.id',
    website: 'dinkes.kalbarprov.go.id',
  },
  disdikbud: {
    address: 'Jalan Jenderal Ahmad Yani No. 3, Pontianak 78124',
    city: 'Pontianak',
    phone: '(0561) 735025',
    email: 'disdikbud@kalbarprov.go.id',
    website: 'disdikbud.kalbarprov.go.id',
  },
};

/** Fills the demo officials' and letterheads' empty fields; returns how many records it changed. */
export async function seedDocumentData(ctx: Context, actor: Principal): Promise<number> {
  let written = 0;
  for (const [username, fields] of Object.entries(DEMO_OFFICIALS)) {
    const user = await ctx.store.getUser(username);
    if (!user) continue;
    const missing = Object.fromEntries(Object.entries(fields).filter(([k]) => !user[k as keyof typeof user]));
    if (!Object.keys(missing).length) continue;
    await updateUser(ctx, actor, username, { ...missing, version: user.version });
    written++;
  }
  for (const [id, fields] of Object.entries(LETTERHEADS)) {
    const agency = await ctx.store.getAgency(id);
    if (!agency) continue;
    const missing = Object.fromEntries(Object.entries(fields).filter(([k]) => !agency[k as keyof typeof agency]));
    if (!Object.keys(missing).length) continue;
    await updateAgency(ctx, actor, id, { ...missing, version: agency.version });
    written++;
  }
  return written;
}
