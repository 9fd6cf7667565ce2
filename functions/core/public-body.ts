/**
 * The public body itself (Pemerintah Provinsi / Kota …): its name heads the public register and every
 * letterhead; its coat of arms (lambang daerah) stands on every letterhead; `registerUrl` is the
 * public register's address printed under the verification QR code of every document (the host's
 * own address when unset, e.g. before the body's domain points at CloudFront), and the base of every
 * absolute link the register writes (canonical and hreflang links, sitemap, DCAT catalogue). The
 * register's open data carries `openDataLicense` (CC BY 4.0 when unset) and `region` (dct:spatial).
 *
 * The coat of arms is uploaded like an item's document (adapters/uploads.ts): a ticket bound to one
 * key, type and size; the server then moves the object to a key only it writes and checks size,
 * type by content and SHA-256; PNG or JPEG only, and the image must open for the PDF writer.
 */
import * as z from 'zod';
import { assertRole, type Principal } from './access.ts';
import { auditEvent } from './audit.ts';
import { allowedList, type DocumentKind, kindForUpload, type UploadRequest } from './documents.ts';
import { DomainError, fail } from './errors.ts';
import type { UploadsPort } from './item-documents.ts';
import { letterheadImageProblem } from './official-documents/document.ts';
import { formatNip, officialOf } from './official-documents/people.ts';
import type { Context } from './ports.ts';
import { OPEN_DATA_LICENSE } from './register/model.ts';
import { siteEvent, startRegisterUpdate } from './register-events.ts';

export interface CoatOfArms {
  key: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface PublicBody {
  [key: string]: unknown;
  name: string;
  /** e.g. `https://ppid.kalbarprov.go.id` */
  registerUrl?: string;
  /** The licence of the register's open data (an IRI); CC BY 4.0 when unset (see OPEN_DATA_LICENSE). */
  openDataLicense?: string;
  /** The body's region (the open data's dct:spatial): its name, and an IRI naming it (e.g. Wikidata, GeoNames) when known. */
  region?: Region;
  coatOfArms?: CoatOfArms;
  /** The head of the body (Gubernur, Wali Kota, …): told when an objection's response is overdue (UU 14/2008 Pasal 36). */
  headOfBody?: HeadOfBody;
  /** An upload announced but not yet checked. */
  coatOfArmsPending?: CoatOfArms & { uploadKey: string; kind: DocumentKind };
}

const Region = z.strictObject({
  name: z.string().trim().min(2, 'nama wilayah minimal 2 karakter / the region name needs at least 2 characters').max(200),
  iri: z
    .url({ protocol: /^https?$/, error: 'IRI wilayah harus URL http(s) / the region IRI must be an http(s) URL' })
    .max(300)
    .optional()
    .meta({ description: 'An IRI naming the region, e.g. `http://www.wikidata.org/entity/Q3916` (Kalimantan Barat)' }),
});
export type Region = z.infer<typeof Region>;

const HeadOfBody = z.strictObject({
  name: z.string().trim().min(3, 'nama kepala badan publik minimal 3 karakter / the name needs at least 3 characters').max(200),
  position: z.string().trim().min(3, 'jabatan minimal 3 karakter / the position needs at least 3 characters').max(200),
  email: z.email('alamat surel tidak valid / the email address is not valid').max(254),
});
export type HeadOfBody = z.infer<typeof HeadOfBody>;

export const PublicBodyView = z.object({
  name: z.string(),
  registerUrl: z.string().optional(),
  openDataLicense: z.string().optional(),
  region: Region.optional(),
  headOfBody: HeadOfBody.optional(),
  coatOfArms: z.object({ contentType: z.string(), size: z.number(), sha256: z.string(), uploadedAt: z.string(), uploadedBy: z.string() }).optional(),
});

export const PublicBodyPatch = z.strictObject({
  name: z.string().trim().min(3).max(200).optional(),
  registerUrl: z
    .url({ protocol: /^https?$/, error: 'alamat register harus URL http(s) / the register address must be an http(s) URL' })
    .max(200)
    .optional()
    .meta({ description: 'The public register address printed on documents, e.g. `https://ppid.kalbarprov.go.id`' }),
  openDataLicense: z
    .url({ protocol: /^https?$/, error: 'lisensi data terbuka harus URL http(s) / the open-data licence must be an http(s) URL' })
    .max(300)
    .optional()
    .meta({ description: `The licence of the register's open data (an IRI); ${OPEN_DATA_LICENSE} (CC BY 4.0) when unset` }),
  region: Region.optional().meta({ description: "The body's region, the open data's spatial coverage (dct:spatial)" }),
  headOfBody: HeadOfBody.optional().meta({ description: 'The head of the body, told by mail when an objection is not answered within 30 working days' }),
});

export function publicBodyView(body: PublicBody): z.infer<typeof PublicBodyView> {
  const { coatOfArms: c } = body;
  return {
    name: body.name,
    ...(body.registerUrl ? { registerUrl: body.registerUrl } : {}),
    ...(body.openDataLicense ? { openDataLicense: body.openDataLicense } : {}),
    ...(body.region ? { region: body.region } : {}),
    ...(body.headOfBody ? { headOfBody: body.headOfBody } : {}),
    ...(c ? { coatOfArms: { contentType: c.contentType, size: c.size, sha256: c.sha256, uploadedAt: c.uploadedAt, uploadedBy: c.uploadedBy } } : {}),
  };
}

/** The signatory of a printed list: name (with titles), position, rank and NIP as printed under a signature. */
export const PrintOfficial = z.object({
  name: z.string(),
  position: z.string(),
  rank: z.string().optional(),
  nip: z.string().optional().meta({ description: 'As printed: `19720514 199803 2 004`' }),
});

/**
 * What the staff app's printed lists need besides the agencies (web/staff/src/print.tsx): the coat of
 * arms as a `data:` URL (the staff app's CSP allows only its own and `data:` images), and each unit's
 * PPID who signs a printed list: PPID Utama (the request notices' signer when one is chosen) for the
 * PPID Utama unit, the Kepala PPID Pelaksana for an SKPD.
 */
export const PrintLetterheadView = z.object({
  coatOfArms: z.string().optional().meta({ description: 'The coat of arms as a `data:` URL (omitted above 512 KB)' }),
  signatories: z.record(z.string(), PrintOfficial).meta({ description: "By agency id: the unit's PPID who signs its printed lists" }),
});

/** The largest coat of arms sent inline to the staff app's print-outs. */
const PRINT_COAT_OF_ARMS_MAX = 512 * 1024;

/** The positions a printed list gives a PPID whose user record names none. */
const PPID_POSITION: Record<string, string> = { ppid_utama: 'PPID Utama', ppid_pelaksana: 'PPID Pelaksana' };

export async function printLetterhead(ctx: Context, body: PublicBody): Promise<z.infer<typeof PrintLetterheadView>> {
  const [agencies, rules] = await Promise.all([ctx.store.listAgencies(), ctx.store.getSettings<{ noticeSigner?: string }>('rules')]);
  const users = [];
  let cursor: string | undefined;
  do {
    const page = await ctx.store.listUsers({ cursor, limit: 100 });
    users.push(...page.items.filter((u) => u.enabled));
    cursor = page.nextCursor;
  } while (cursor);
  const signatories: Record<string, z.infer<typeof PrintOfficial>> = {};
  for (const a of agencies) {
    const role = a.kind === 'ppid_utama' ? 'ppid_utama' : 'ppid_pelaksana';
    const chosen = role === 'ppid_utama' && rules?.noticeSigner ? users.find((u) => u.username === rules.noticeSigner) : undefined;
    const user = chosen ?? users.find((u) => u.agencyId === a.id && u.role === role);
    if (!user) continue;
    const o = officialOf(user, PPID_POSITION[role]!);
    signatories[a.id] = { name: o.name, position: o.position, ...(o.rank ? { rank: o.rank } : {}), ...(o.nip ? { nip: formatNip(o.nip) } : {}) };
  }
  const c = body.coatOfArms;
  const bytes = c && c.size <= PRINT_COAT_OF_ARMS_MAX ? await ctx.files?.get(c.key) : undefined;
  return {
    ...(c && bytes ? { coatOfArms: `data:${c.contentType};base64,${Buffer.from(bytes).toString('base64')}` } : {}),
    signatories,
  };
}

export async function getPublicBody(ctx: Context): Promise<PublicBody> {
  return (await ctx.store.getSettings<PublicBody>('publicBody')) ?? { name: 'Badan Publik' };
}

/** The settings the register shows (name, address, licence, region, coat of arms): a change rebuilds it (register-events.ts). */
const REGISTER_ACTIONS = new Set(['settings.public_body', 'settings.coat_of_arms']);

async function save(ctx: Context, actor: Principal, before: PublicBody | undefined, after: PublicBody, action: string): Promise<PublicBody> {
  const shown = REGISTER_ACTIONS.has(action);
  await ctx.store.commit(
    [{ entity: 'settings', name: 'publicBody', value: after }, ...(shown ? [siteEvent(ctx, 'publicBody', actor.agencyId, 1)] : [])],
    auditEvent({
      actor,
      action,
      entity: { type: 'settings', id: 'publicBody' },
      agencyId: actor.agencyId,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  if (shown) await startRegisterUpdate(ctx, `body-${ctx.now.getTime()}`);
  return after;
}

/** Sets the body's name, register address, open-data licence and region (admin); the coat of arms is kept. */
export async function setPublicBody(
  ctx: Context,
  actor: Principal,
  patch: { name?: string; registerUrl?: string; openDataLicense?: string; region?: Region; headOfBody?: HeadOfBody },
): Promise<PublicBody> {
  assertRole(actor, ['admin']);
  const before = await ctx.store.getSettings<PublicBody>('publicBody');
  const after: PublicBody = { ...(before ?? { name: 'Badan Publik' }), ...patch };
  if (
    before &&
    before.name === after.name &&
    before.registerUrl === after.registerUrl &&
    before.openDataLicense === after.openDataLicense &&
    JSON.stringify(before.region) === JSON.stringify(after.region) &&
    JSON.stringify(before.headOfBody) === JSON.stringify(after.headOfBody)
  )
    return before;
  return save(ctx, actor, before, after, 'settings.public_body');
}

const uploadKeyOf = (id: string, kind: DocumentKind) => `uploads/coat-of-arms/${id}/lambang.${kind === 'png' ? 'png' : 'jpg'}`;
const finalKeyOf = (id: string, kind: DocumentKind) => `settings/coat-of-arms/${id}.${kind === 'png' ? 'png' : 'jpg'}`;

/** Announces a coat-of-arms upload (admin): PNG or JPEG, checked like any upload. Returns the ticket. */
export async function startCoatOfArmsUpload(ctx: Context, uploads: UploadsPort, actor: Principal, req: UploadRequest) {
  assertRole(actor, ['admin']);
  const kind = kindForUpload(req.fileName, req.contentType);
  if (kind !== 'png' && kind !== 'jpeg')
    return fail('unsupported_media_type', 'upload_type_not_allowed', { fileName: req.fileName, contentType: req.contentType, allowed: 'PNG, JPEG' });
  const id = crypto.randomUUID();
  const before = await getPublicBody(ctx);
  const pending = {
    key: finalKeyOf(id, kind),
    uploadKey: uploadKeyOf(id, kind),
    kind,
    contentType: req.contentType,
    size: req.size,
    sha256: req.sha256,
    uploadedAt: ctx.now.toISOString(),
    uploadedBy: actor.username,
  };
  const ticket = await uploads.ticket(pending.uploadKey, req.contentType, req.size);
  await save(ctx, actor, before, { ...before, coatOfArmsPending: pending }, 'settings.coat_of_arms_upload');
  return { upload: ticket };
}

/**
 * Checks the uploaded coat of arms (size, type by content, SHA-256, and that the PDF writer can
 * open it) and, if it passes, puts it on every letterhead from now on. A file that fails is removed.
 */
export async function verifyCoatOfArms(ctx: Context, uploads: UploadsPort, actor: Principal): Promise<PublicBody> {
  assertRole(actor, ['admin']);
  const before = await getPublicBody(ctx);
  const p = before.coatOfArmsPending;
  if (!p) return fail('validation', 'upload_missing', { minutes: 15 });
  const { coatOfArmsPending: _p, ...rest } = before;
  const promoted = await uploads.promote(p.uploadKey, p.key);
  if (!promoted) fail('validation', 'upload_missing', { minutes: 15 });
  const result = await uploads.verify(p.key, { size: p.size, sha256: p.sha256, kind: p.kind });
  if (!result.ok) {
    await save(ctx, actor, before, rest, 'settings.coat_of_arms_rejected');
    throw new DomainError(
      result.reason === 'too_large' ? 'payload_too_large' : result.reason === 'type_mismatch' ? 'unsupported_media_type' : 'validation',
      result.message,
    );
  }
  const bytes = await ctx.files?.get(p.key);
  const problem = bytes ? await letterheadImageProblem(bytes) : 'missing';
  if (problem) {
    await uploads.remove(p.key);
    await save(ctx, actor, before, rest, 'settings.coat_of_arms_rejected');
    return fail('unsupported_media_type', 'coat_of_arms_unusable', { problem });
  }
  const { uploadKey: _u, kind: _k, ...coatOfArms } = p;
  return save(ctx, actor, before, { ...rest, coatOfArms }, 'settings.coat_of_arms');
}

export { allowedList };
