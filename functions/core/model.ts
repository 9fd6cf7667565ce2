/**
 * Shapes of the foundation's records and the zod schemas that validate what clients send.
 * zod is the single source for request validation, response types and the OpenAPI document.
 */
import * as z from 'zod';
import { ROLES } from '../../infra/system.ts';
import { TIME_ZONES } from './calendar.ts';
import { Nip } from './official-documents/people.ts';

export const isoDate = z.iso.date().meta({ description: 'Local calendar date, YYYY-MM-DD' });

export const agencyId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'huruf kecil, angka dan tanda hubung, 2–40 karakter / lowercase letters, digits and hyphens, 2–40 characters')
  .meta({ description: 'Short stable code of the agency, e.g. `dinkes`', example: 'dinkes' });

export const AgencyKind = z.enum(['ppid_utama', 'skpd']).meta({
  description: '`ppid_utama`: the one PPID Utama unit of the public body; `skpd`: an SKPD/OPD with its PPID Pelaksana',
});

const timezone = z.enum(TIME_ZONES as unknown as [string, ...string[]]);
const workWeek = z
  .array(z.number().int().min(1).max(7))
  .min(1)
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'hari kerja tidak boleh berulang / working days must not repeat')
  .meta({ description: 'ISO weekdays that are working days (1 = Monday … 7 = Sunday)' });

export const Agency = z.object({
  id: agencyId,
  kind: AgencyKind,
  name: z.string(),
  shortName: z.string().optional(),
  parentId: z.string().optional(),
  timezone,
  workWeek: z.array(z.number().int()),
  email: z.string().optional(),
  address: z.string().optional(),
  /** Letterhead: the city the unit signs in, its phone and website (with `address` and `email`). */
  city: z.string().optional(),
  phone: z.string().optional(),
  website: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Agency = z.infer<typeof Agency>;

const agencyFields = {
  name: z.string().trim().min(3).max(200),
  shortName: z.string().trim().min(2).max(40).optional(),
  timezone: timezone.default('Asia/Jakarta'),
  workWeek: workWeek.default([1, 2, 3, 4, 5]),
  email: z.email().optional(),
  address: z.string().trim().max(300).optional(),
  city: z.string().trim().min(2).max(100).optional().meta({ description: 'Letterhead: the city documents are signed in, e.g. `Pontianak`' }),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+()\-. ]{5,40}$/, 'nomor telepon: angka, spasi, + ( ) - . / phone: digits, spaces, + ( ) - .')
    .optional()
    .meta({ description: 'Letterhead: phone, e.g. `(0561) 736541`' }),
  website: z
    .string()
    .trim()
    .regex(
      /^[a-z0-9.-]+\.[a-z]{2,}(\/[^\s]*)?$/i,
      'laman: nama domain tanpa https://, mis. ppid.kalbarprov.go.id / website: a domain without https://, e.g. ppid.kalbarprov.go.id',
    )
    .max(200)
    .optional()
    .meta({ description: 'Letterhead: website, e.g. `diskominfo.kalbarprov.go.id`' }),
};

export const NewAgency = z.strictObject({ id: agencyId, kind: AgencyKind, parentId: agencyId.optional(), ...agencyFields });
export type NewAgency = z.infer<typeof NewAgency>;

export const AgencyPatch = z.strictObject({
  name: agencyFields.name.optional(),
  shortName: agencyFields.shortName,
  timezone: timezone.optional(),
  workWeek: workWeek.optional(),
  email: agencyFields.email,
  address: agencyFields.address,
  city: agencyFields.city,
  phone: agencyFields.phone,
  website: agencyFields.website,
  version: z.number().int().min(1).meta({ description: 'The version you read; a newer one on the server gives 409' }),
});
export type AgencyPatch = z.infer<typeof AgencyPatch>;

export const Role = z.enum(ROLES);
export const username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{2,63}$/,
    'huruf kecil, angka, titik, garis bawah atau tanda hubung, 3–64 karakter / lowercase letters, digits, dots, underscores or hyphens, 3–64 characters',
  );

/** How documents name a person (people.ts): full name with titles, position, rank and NIP. */
const officialFields = {
  fullName: z.string().trim().min(3).max(200).optional().meta({ description: 'Full name with titles, e.g. `Drs. Bambang Setiawan, M.Si.`' }),
  position: z.string().trim().min(3).max(200).optional().meta({ description: 'Jabatan, e.g. `Kepala Dinas Komunikasi dan Informatika`' }),
  rank: z.string().trim().min(3).max(100).optional().meta({ description: 'Pangkat/golongan, e.g. `Pembina Utama Muda (IV/c)`' }),
  nip: Nip.optional(),
};

export const User = z.object({
  username: z.string(),
  name: z.string(),
  fullName: z.string().optional(),
  position: z.string().optional(),
  rank: z.string().optional(),
  nip: z.string().optional(),
  email: z.string(),
  role: Role,
  agencyId: z.string(),
  enabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof User>;

export const NewUser = z.strictObject({
  username,
  name: z.string().trim().min(3).max(120),
  email: z.email(),
  role: Role,
  agencyId,
  ...officialFields,
});
export type NewUser = z.infer<typeof NewUser>;

export const UserPatch = z.strictObject({
  name: z.string().trim().min(3).max(120).optional(),
  email: z.email().optional(),
  role: Role.optional(),
  agencyId: agencyId.optional(),
  enabled: z.boolean().optional(),
  ...officialFields,
  version: z.number().int().min(1),
});
export type UserPatch = z.infer<typeof UserPatch>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().optional().meta({ description: 'Pass as `cursor` to get the next page; absent on the last page' }),
  });
}
export const PageQuery = z.strictObject({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
