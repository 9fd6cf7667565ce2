import * as z from 'zod';
import { generatedFiles } from '../adapters/generated-files.ts';
import { itemUploads } from '../adapters/item-uploads.ts';
import { workflows } from '../adapters/workflow.ts';
import { assertRole } from '../core/access.ts';
import { auditEvent } from '../core/audit.ts';
import { UploadRequest } from '../core/documents.ts';
import { DomainError } from '../core/errors.ts';
import { publicationRules } from '../core/items.ts';
import { message } from '../core/messages.ts';
import {
  getPublicBody,
  PrintLetterheadView,
  PublicBodyPatch,
  PublicBodyView,
  printLetterhead,
  publicBodyView,
  setPublicBody,
  startCoatOfArmsUpload,
  verifyCoatOfArms,
} from '../core/public-body.ts';
import { requestRules } from '../core/requests/requests.ts';
import { RULE_STANDARDS, sopDepartures, statutoryViolations, WORKFLOWS } from '../core/rule-standards.ts';
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
  documentationList: Rule.optional().meta({ description: 'SOP 004 step 1: the Pejabat PID sends an OPD’s list to PPID Utama (default 1 working day)' }),
  documentationReview: Rule.optional().meta({ description: 'SOP 004 step 2: PPID Utama reviews the list and sends it to the OPD (default 1 working day)' }),
  documentationDelivery: Rule.optional().meta({ description: 'SOP 004 step 3: the OPD delivers the data and information (default 10 working days)' }),
  documentationCheck: Rule.optional().meta({ description: 'SOP 004 step 4: PPID Utama checks the delivery (default 1 working day)' }),
  documentationUpload: Rule.optional().meta({ description: 'SOP 004 step 5: the Pejabat PID uploads it to the website (default 1 working day)' }),
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

const Bilingual = z.object({ id: z.string(), en: z.string() });
const RuleSchema = z.object({ unit: z.enum(['minutes', 'calendarDays', 'workingDays']), amount: z.number() });
const Finding = z.object({ key: z.string(), message: Bilingual }).meta({ description: 'A rule and what is said of it, in Indonesian and English' });
const Standards = z.object({
  workflows: z.record(z.string(), Bilingual).meta({ description: 'The workflows, by key, as the page names them' }),
  standards: z.array(
    z.object({
      key: z.string().meta({ description: 'The settings key of a configurable rule, or the name of a fixed one' }),
      workflow: z.string(),
      label: Bilingual,
      configurable: z.boolean(),
      sop: z.object({ text: Bilingual, rule: RuleSchema, compareWith: RuleSchema }).optional().meta({ description: "The SOP's Mutu Baku" }),
      law: z.object({ text: Bilingual, rule: RuleSchema, mustBeBefore: z.boolean().optional() }).optional().meta({ description: 'The statutory limit' }),
      note: Bilingual.optional(),
      fixed: RuleSchema.optional().meta({ description: 'The rule a fixed (statutory) period applies' }),
    }),
  ),
  warnings: z.array(Finding).meta({ description: "Rules in force that depart from their SOP's Mutu Baku" }),
});

export const getRuleStandards = /* @__PURE__ */ endpoint(
  () => ({
    summary: "Every workflow's time rules beside their standard (SOP Mutu Baku, UU 14/2008 limit), and the rules in force that depart from the SOP",
    response: Standards,
  }),
  async ({ ctx }) => ({
    workflows: WORKFLOWS,
    standards: [...RULE_STANDARDS],
    warnings: sopDepartures(await publicationRules(ctx)),
  }),
);

export const getRules = /* @__PURE__ */ endpoint(
  () => ({ summary: 'The deadline rules in force (defaults follow the SOPs)', response: Rules }),
  async ({ ctx }) => ({
    ...(await requestRules(ctx)),
    ...(await publicationRules(ctx)),
  }),
);

export const putRules = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Change the deadline rules (admin); applies to deadlines computed from now on; audited',
    description:
      'A rule looser than its limit in UU 14/2008 is refused (400, the law named). A rule that departs from its SOP’s Mutu Baku is saved, listed in `warnings` and in the audit event’s reason.',
    body: Rules,
    response: Rules.extend({ warnings: z.array(Finding) }),
  }),
  async ({ ctx, principal, body }) => {
    assertRole(principal, ['admin']);
    const before = await publicationRules(ctx);
    const rules = { ...before, ...body };
    const violations = statutoryViolations(rules);
    if (violations.length)
      throw new DomainError(
        'validation',
        message('rules_statutory_limit'),
        violations.map((v) => ({ path: v.key, message: v.message })),
      );
    const warnings = sopDepartures(rules);
    // The audit names the departures this change makes: the rules it sets to a value off their Mutu Baku.
    const changed = warnings.filter(
      (w) => JSON.stringify((before as Record<string, unknown>)[w.key]) !== JSON.stringify((rules as Record<string, unknown>)[w.key]),
    );
    const reason = changed.length
      ? `Menyimpang dari Mutu Baku SOP / departs from the SOP: ${changed.map((w) => `${w.message.id} / ${w.message.en}`).join('; ')}`
      : undefined;
    await ctx.store.commit(
      [{ entity: 'settings', name: 'rules', value: rules }],
      auditEvent({
        actor: principal,
        action: 'settings.rules',
        entity: { type: 'settings', id: 'rules' },
        agencyId: principal.agencyId,
        before,
        after: rules,
        ...(reason ? { reason } : {}),
        requestId: ctx.requestId,
        now: ctx.now,
      }),
    );
    return { ...rules, warnings };
  },
);

// ─── the public body: name, register address, coat of arms (letterheads) ─────────────────────────

export const getBody = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'The public body as documents show it: name, register address, coat of arms',
    description:
      "With `for=print`, also `letterhead`: what the staff app's printed lists carry (the coat of arms as a `data:` URL, and each unit's PPID who signs them).",
    query: z.strictObject({
      for: z.enum(['print']).optional().meta({ description: "`print`: add the printed lists' letterhead and signatories" }),
    }),
    response: PublicBodyView.extend({ letterhead: PrintLetterheadView.optional() }),
  }),
  async ({ ctx, query }) => {
    const body = await getPublicBody(ctx);
    return {
      ...publicBodyView(body),
      ...(query.for === 'print' ? { letterhead: await printLetterhead({ ...ctx, files: generatedFiles }, body) } : {}),
    };
  },
);

export const putBody = /* @__PURE__ */ endpoint(
  () => ({
    summary: "Change the public body's name or the register address printed on documents (admin); audited",
    body: PublicBodyPatch,
    response: PublicBodyView,
  }),
  async ({ ctx, principal, body }) => publicBodyView(await setPublicBody({ ...ctx, workflows }, principal, body)),
);

export const coatOfArmsUpload = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Declare a new coat of arms (PNG or JPEG: name, type, size, SHA-256) and get an upload ticket (admin)',
    description: 'POST the file to `upload.url` with `upload.fields` first and the file last as `file`, then call …/coat-of-arms/verify.',
    body: UploadRequest,
    response: z.object({
      upload: UploadTicketSchema,
    }),
    status: 201,
  }),
  ({ ctx, principal, body }) => startCoatOfArmsUpload(ctx, itemUploads, principal, body),
);

export const coatOfArmsVerify = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Check the uploaded coat of arms (size, type by content, SHA-256, usable in a PDF) and put it on every letterhead (admin)',
    response: PublicBodyView,
  }),
  async ({ ctx, principal }) => publicBodyView(await verifyCoatOfArms({ ...ctx, files: generatedFiles, workflows }, itemUploads, principal)),
);
