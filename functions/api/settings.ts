import * as z from 'zod';
import { generatedFiles } from '../adapters/generated-files.ts';
import { itemUploads } from '../adapters/item-uploads.ts';
import { assertRole } from '../core/access.ts';
import { auditEvent } from '../core/audit.ts';
import { UploadRequest } from '../core/documents.ts';
import { publicationRules } from '../core/items.ts';
import { getPublicBody, PublicBodyPatch, PublicBodyView, publicBodyView, setPublicBody, startCoatOfArmsUpload, verifyCoatOfArms } from '../core/public-body.ts';
import { requestRules } from '../core/requests/requests.ts';
import { endpoint } from './http.ts';
import { UploadTicketSchema } from './schemas.ts';

const Rule = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('minutes'), amount: z.number().int().min(0).max(525_600) }),
  z.strictObject({ unit: z.literal('calendarDays'), amount: z.number().int().min(0).max(366) }),
  z.strictObject({ unit: z.literal('workingDays'), amount: z.number().int().min(0).max(250) }),
]);
const Rules = z.strictObject({
  publicationApproval: Rule.meta({ description: 'SOP 000 step 3: time for the Kepala PPID to decide (default 7 calendar days, "1 Minggu")' }),
  approvalReminder: Rule.meta({ description: 'After the deadline: how long between reminders and escalations (default 1 working day)' }),
  exclusionDecision: Rule.optional().meta({
    description: "SOP 002 step 2: time for the Atasan PPID's Ya/Tidak before reminders start (default 1 working day; the SOP's Mutu Baku is 1 minute)",
  }),
  exclusionDecree: Rule.optional().meta({ description: 'SOP 002 step 3: time for PPID Utama to set the DIK (default 7 calendar days, "1 Minggu")' }),
  requestPart: Rule.optional().meta({ description: "Information requests: each SKPD's internal deadline for its part (default 5 working days)" }),
  requestReminder: Rule.optional().meta({
    description: 'Information requests: when the handlers are reminded of the 10-working-day deadline (default at 7 working days)',
  }),
  personalDataRetentionYears: z
    .number()
    .int()
    .min(0)
    .max(30)
    .optional()
    .meta({ description: "Years after a request closes that the requester's personal data is kept before it is erased (default 5)" }),
  noticeSigner: z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'The username of the PPID official who signs request notices (default: the first PPID Utama user)' }),
});

export const getRules = endpoint({ summary: 'The deadline rules in force (defaults follow the SOPs)', response: Rules }, async ({ ctx }) => ({
  ...(await requestRules(ctx)),
  ...(await publicationRules(ctx)),
}));

export const putRules = endpoint(
  { summary: 'Change the deadline rules (admin); applies to deadlines computed from now on; audited', body: Rules, response: Rules },
  async ({ ctx, principal, body }) => {
    assertRole(principal, ['admin']);
    const before = await publicationRules(ctx);
    const rules = { ...before, ...body };
    await ctx.store.commit(
      [{ entity: 'settings', name: 'rules', value: rules }],
      auditEvent({
        actor: principal,
        action: 'settings.rules',
        entity: { type: 'settings', id: 'rules' },
        agencyId: principal.agencyId,
        before,
        after: rules,
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    );
    return rules;
  },
);

// ─── the public body: name, register address, coat of arms (letterheads) ─────────────────────────

export const getBody = endpoint(
  { summary: 'The public body as documents show it: name, register address, coat of arms', response: PublicBodyView },
  async ({ ctx }) => publicBodyView(await getPublicBody(ctx)),
);

export const putBody = endpoint(
  { summary: "Change the public body's name or the register address printed on documents (admin); audited", body: PublicBodyPatch, response: PublicBodyView },
  async ({ ctx, principal, body }) => publicBodyView(await setPublicBody(ctx, principal, body)),
);

export const coatOfArmsUpload = endpoint(
  {
    summary: 'Declare a new coat of arms (PNG or JPEG: name, type, size, SHA-256) and get an upload ticket (admin)',
    description: 'POST the file to `upload.url` with `upload.fields` first and the file last as `file`, then call …/coat-of-arms/verify.',
    body: UploadRequest,
    response: z.object({
      upload: UploadTicketSchema,
    }),
    status: 201,
  },
  ({ ctx, principal, body }) => startCoatOfArmsUpload(ctx, itemUploads, principal, body),
);

export const coatOfArmsVerify = endpoint(
  {
    summary: 'Check the uploaded coat of arms (size, type by content, SHA-256, usable in a PDF) and put it on every letterhead (admin)',
    response: PublicBodyView,
  },
  async ({ ctx, principal }) => publicBodyView(await verifyCoatOfArms({ ...ctx, files: generatedFiles }, itemUploads, principal)),
);
