/**
 * People as official documents name them: full name with academic and professional titles, position
 * (jabatan), rank (pangkat/golongan) and NIP — never a login name.
 *
 * The NIP (Nomor Induk Pegawai, PP 11/2017 and BKN rules) of a civil servant has 18 digits:
 *
 *   YYYYMMDD   date of birth
 *   YYYYMM     TMT CPNS: the month the person became a candidate civil servant
 *   G          1 = male, 2 = female
 *   NNN        serial number within the same birth date, TMT and gender (001–999)
 *
 * `nipProblem` checks that structure: a real calendar date of birth, a real month of appointment
 * between the 18th and the 60th birthday (the age limits of CPNS recruitment, with room for the old
 * rules), a gender digit of 1 or 2 and a serial from 001. It cannot prove that the number was issued
 * to that person (only BKN can), but it catches typing errors and made-up numbers.
 */
import * as z from 'zod';

export interface NipParts {
  birthDate: string;
  appointed: string;
  gender: 'male' | 'female';
  serial: number;
}

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Why the NIP is not a plausible 18-digit NIP (a message code), or undefined when it is. */
export function nipProblem(nip: string): 'nip_format' | 'nip_birth_date' | 'nip_appointment' | 'nip_gender' | 'nip_serial' | undefined {
  if (!/^\d{18}$/.test(nip)) return 'nip_format';
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (by < 1930 || !validDate(by, bm, bd)) return 'nip_birth_date';
  const ty = Number(nip.slice(8, 12));
  const tm = Number(nip.slice(12, 14));
  if (tm < 1 || tm > 12) return 'nip_appointment';
  const months = (ty - by) * 12 + (tm - bm);
  if (months < 18 * 12 || months > 60 * 12) return 'nip_appointment';
  if (!'12'.includes(nip[14]!)) return 'nip_gender';
  if (nip.slice(15) === '000') return 'nip_serial';
  return undefined;
}

export function nipParts(nip: string): NipParts | undefined {
  if (nipProblem(nip)) return undefined;
  return {
    birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
    appointed: `${nip.slice(8, 12)}-${nip.slice(12, 14)}`,
    gender: nip[14] === '1' ? 'male' : 'female',
    serial: Number(nip.slice(15)),
  };
}

const NIP_MESSAGES: Record<NonNullable<ReturnType<typeof nipProblem>>, string> = {
  nip_format: 'NIP terdiri atas 18 angka / NIP has 18 digits',
  nip_birth_date: 'NIP: 8 angka pertama harus tanggal lahir yang sah (TTTTBBHH) / NIP: the first 8 digits must be a valid date of birth (YYYYMMDD)',
  nip_appointment:
    'NIP: angka ke-9 s.d. 14 harus bulan pengangkatan CPNS (TTTTBB) antara usia 18 dan 60 tahun / NIP: digits 9–14 must be the month of appointment (YYYYMM), between the ages of 18 and 60',
  nip_gender: 'NIP: angka ke-15 adalah jenis kelamin, 1 atau 2 / NIP: digit 15 is the gender, 1 or 2',
  nip_serial: 'NIP: 3 angka terakhir adalah nomor urut, mulai 001 / NIP: the last 3 digits are a serial number from 001',
};

/** The NIP as clients send it: spaces (as printed, "19700312 199503 1 002") are dropped, then the structure is checked. */
export const Nip = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .superRefine((nip, ctx) => {
    const problem = nipProblem(nip);
    if (problem) ctx.addIssue({ code: 'custom', message: NIP_MESSAGES[problem] });
  })
  .meta({ description: 'NIP, 18 digits: date of birth, month of appointment, gender (1/2), serial', example: '197003121995031002' });

/** As printed under a signature: "19700312 199503 1 002". */
export const formatNip = (nip: string) => (/^\d{18}$/.test(nip) ? `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip[14]} ${nip.slice(15)}` : nip);

/** A person as a document names them. */
export interface Official {
  /** Full name with titles, e.g. "Drs. Bambang Setiawan, M.Si." */
  name: string;
  /** Jabatan, e.g. "Kepala Dinas Komunikasi dan Informatika". */
  position: string;
  /** Pangkat/golongan, e.g. "Pembina Utama Muda (IV/c)". */
  rank?: string;
  nip?: string;
}

/** What a staff user record holds for documents (all optional until the admin fills them in). */
export interface OfficialFields {
  name: string;
  fullName?: string;
  position?: string;
  rank?: string;
  nip?: string;
}

/**
 * A user as documents name them: the full name with titles (else the display name), the position
 * (else `fallbackPosition`, e.g. the role's Indonesian name), rank and NIP when known. Never the login.
 */
export function officialOf(user: OfficialFields, fallbackPosition: string): Official {
  return {
    name: user.fullName?.trim() || user.name,
    position: user.position?.trim() || fallbackPosition,
    ...(user.rank ? { rank: user.rank } : {}),
    ...(user.nip ? { nip: user.nip } : {}),
  };
}

/** "Drs. Bambang Setiawan, M.Si. (PPID Utama)" */
export const nameAndPosition = (o: Official) => `${o.name}, ${o.position}`;
