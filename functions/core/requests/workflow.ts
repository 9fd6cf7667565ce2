/**
 * The tasks of statemachines/request.asl.json. Each reads the request from the table and is safe to
 * run again (an execution restarted from the start skips what is recorded).
 *
 * One wait shape serves PPID Utama's routing and each SKPD's part (the ASL's Map runs one per part):
 * PrepareWait says how long to wait (the nearest of the wait's own deadline and the statutory
 * reminder / deadline), AwaitPerson keeps the task token on the request, and a person's action
 * completes it so PrepareWait reads the request again. A timeout runs RemindAndEscalate, which does
 * what is due (each reminder once, recorded) and waits again. When every part is answered (or the
 * information is not held) IssueNotice issues the written notice.
 */
import { getAgency } from '../agencies.ts';
import { agencyDeadline } from '../agency-deadline.ts';
import { auditEvent, SYSTEM_ACTOR } from '../audit.ts';
import { localDateOf, workingDaysBetween } from '../calendar.ts';
import type { GeneratedFile } from '../exclusion-model.ts';
import { unitLetterhead } from '../exclusion-pdf.ts';
import type { InboxEntry } from '../item-model.ts';
import { retryOnRace, secondsUntil, usersWithRole } from '../items.ts';
import { staffLink, staffMail } from '../mail-text.ts';
import type { Agency } from '../model.ts';
import {
  type DocumentSpec,
  type IssuedDocument,
  issueDocument,
  type Official,
  officialOf,
  SigningError,
  type VerificationRecord,
} from '../official-documents/index.ts';
import type { Context, Write } from '../ports.ts';
import type { PublicBody } from '../public-body.ts';
import type { Decision, Request } from './model.ts';
import { extensionNoticeSpec, type NoticeContext, noticeSpec } from './notice.ts';
import { closeWrites, requestRules, STATUS_LINK, statusLink } from './requests.ts';

/** `routing` (PPID Utama) or an SKPD's id (its part). */
export type WaitTarget = string;
export type WaitOutcome = 'routed' | 'not_held' | 'answered' | 'closed';
export interface Wait {
  timeoutSeconds: number;
  outcome?: WaitOutcome;
}

async function load(ctx: Context, requestId: string): Promise<Request> {
  const r = await ctx.store.getRequest(requestId);
  if (!r) throw new Error(`request ${requestId} not found`);
  return r;
}

const audit = (ctx: Context, r: Request, action: string, after: unknown) =>
  auditEvent({
    actor: SYSTEM_ACTOR,
    action,
    entity: { type: 'request', id: r.requestId },
    agencyId: r.inbox[0]?.agencyId ?? '-',
    after,
    requestId: ctx.requestId,
    now: ctx.now,
  });

function outcomeOf(r: Request, target: WaitTarget): WaitOutcome | undefined {
  if (r.closed || r.notice) return 'closed';
  if (target === 'routing') return r.routing ? (r.routing.held ? 'routed' : 'not_held') : undefined;
  const part = r.parts.find((p) => p.agencyId === target);
  return !part || part.answer ? 'answered' : undefined;
}

/** The nearest instant something is due for this wait. */
function nextTimer(r: Request, target: WaitTarget): string {
  const times = [r.remindedAt || !r.reminderAt ? undefined : r.reminderAt, r.escalatedAt ? r.nextEscalationAt : r.deadline.at];
  const part = r.parts.find((p) => p.agencyId === target);
  if (part) times.push(part.escalatedAt ? part.nextReminderAt : part.deadline.at);
  return times.filter((t): t is string => !!t).sort()[0] ?? r.deadline.at;
}

export async function prepareWait(ctx: Context, input: { requestId: string; target: WaitTarget }): Promise<Wait> {
  const r = await load(ctx, input.requestId);
  const outcome = outcomeOf(r, input.target);
  if (outcome) return { timeoutSeconds: 1, outcome };
  return { timeoutSeconds: secondsUntil(nextTimer(r, input.target), ctx.now) };
}

/** `.waitForTaskToken`: keeps the token where the person's action finds it, or completes it at once. */
export function awaitPerson(ctx: Context, input: { requestId: string; target: WaitTarget; taskToken: string }): Promise<void> {
  return retryOnRace(async () => {
    const r = await load(ctx, input.requestId);
    if (outcomeOf(r, input.target)) {
      await ctx.workflows!.complete(input.taskToken, { outcome: 'changed' });
      return;
    }
    const after = structuredClone(r);
    if (input.target === 'routing') after.routingWait = { taskToken: input.taskToken };
    else {
      const part = after.parts.find((p) => p.agencyId === input.target)!;
      part.taskToken = input.taskToken;
    }
    after.version = r.version + 1;
    await ctx.store.commit([{ entity: 'request', value: after, expectedVersion: r.version }], audit(ctx, r, 'request.waiting', { target: input.target }));
  });
}

/** After a timeout: the statutory reminder, the escalation when the deadline passed, a part's own overdue reminder. */
export function remindAndEscalate(ctx: Context, input: { requestId: string; target: WaitTarget }): Promise<Wait> {
  return retryOnRace(async () => {
    const r = await load(ctx, input.requestId);
    const outcome = outcomeOf(r, input.target);
    if (outcome) return { timeoutSeconds: 1, outcome };
    const now = ctx.now.toISOString();
    const rules = await requestRules(ctx);
    const after: Request = structuredClone(r);
    const mails: (() => Promise<void>)[] = [];
    const done: string[] = [];
    if (r.reminderAt && !r.remindedAt && now >= r.reminderAt) {
      after.remindedAt = now;
      after.timeline.push({ at: now, type: 'reminded' });
      done.push('statutory_reminder');
      mails.push(() => mailHandlers(ctx, after, 'reminder'));
    }
    if (now >= r.deadline.at && (!r.escalatedAt || (r.nextEscalationAt && now >= r.nextEscalationAt))) {
      const next = await agencyDeadline(ctx, r.inbox[0]?.agencyId ?? (await bodyId(ctx)), ctx.now, rules.approvalReminder);
      after.escalatedAt = r.escalatedAt ?? now;
      after.escalations = r.escalations + 1;
      after.nextEscalationAt = next.deadline;
      after.timeline.push({ at: now, type: 'escalated', note: String(after.escalations) });
      if (!after.inbox.some((e) => e.box.kind === 'escalated')) after.inbox.push(escalatedEntry(after, now));
      after.inbox = after.inbox.map((e) => ({ ...e, reminders: after.escalations }));
      done.push('statutory_escalation');
      mails.push(() => mailHandlers(ctx, after, 'overdue'));
    }
    const part = after.parts.find((p) => p.agencyId === input.target);
    if (part && !part.answer && (part.escalatedAt ? part.nextReminderAt && now >= part.nextReminderAt : now >= part.deadline.at)) {
      const next = await agencyDeadline(ctx, part.agencyId, ctx.now, rules.approvalReminder);
      part.escalatedAt = part.escalatedAt ?? now;
      part.reminders += 1;
      part.nextReminderAt = next.deadline;
      done.push(`part_reminder:${part.agencyId}`);
      mails.push(() => mailPartOverdue(ctx, after, part.agencyId, part.reminders));
    }
    if (done.length) {
      after.version = r.version + 1;
      const dropped = r.inbox.filter((e) => !after.inbox.some((n) => n.box.kind === e.box.kind && n.since === e.since));
      await ctx.store.commit(
        [
          { entity: 'request', value: after, expectedVersion: r.version },
          ...dropped.map((e): Write => ({ entity: 'inbox', delete: e })),
          ...after.inbox.map((e): Write => ({ entity: 'inbox', value: e })),
        ],
        audit(ctx, r, 'request.reminded', { done }),
      );
      for (const m of mails) await m();
    }
    return { timeoutSeconds: secondsUntil(nextTimer(after, input.target), ctx.now) };
  });
}

async function bodyId(ctx: Context): Promise<string> {
  return (await ctx.store.listAgencies()).find((a) => a.kind === 'ppid_utama')?.id ?? '-';
}

function escalatedEntry(r: Request, at: string): InboxEntry {
  return {
    box: { kind: 'escalated' },
    entity: 'request',
    itemId: r.requestId,
    agencyId: r.inbox[0]?.agencyId ?? '-',
    number: r.number,
    title: r.content.information.slice(0, 140),
    versionNo: 1,
    since: at,
    deadline: r.deadline,
  };
}

/** The parts the Map waits for. */
export async function listParts(ctx: Context, input: { requestId: string }): Promise<{ agencyId: string }[]> {
  const r = await load(ctx, input.requestId);
  return r.parts.map((p) => ({ agencyId: p.agencyId }));
}

// ─── the written notice ──────────────────────────────────────────────────────────────────────────

/** The body's decision from its parts: all granted, all refused, or in part. */
export function combinedDecision(decisions: Decision[]): Decision | undefined {
  if (!decisions.length) return undefined;
  if (decisions.every((d) => d === 'granted')) return 'granted';
  if (decisions.every((d) => d === 'refused')) return 'refused';
  return 'partial';
}

async function noticeSigner(ctx: Context, ppidUtamaId: string): Promise<Official> {
  const rules = await requestRules(ctx);
  const chosen = rules.noticeSigner ? await ctx.store.getUser(rules.noticeSigner) : undefined;
  const user = chosen ?? (await usersWithRole(ctx, ppidUtamaId, 'ppid_utama'))[0];
  return user ? officialOf(user, 'PPID Utama') : { name: 'PPID Utama', position: 'PPID Utama' };
}

async function noticeContext(ctx: Context, r: Request, number: string, issuedAt: string): Promise<{ nctx: NoticeContext; utama: Agency; body: PublicBody }> {
  const agencies = await ctx.store.listAgencies();
  const utama = agencies.find((a) => a.kind === 'ppid_utama') ?? (await getAgency(ctx, r.inbox[0]?.agencyId ?? ''));
  const body = (await ctx.store.getSettings<PublicBody>('publicBody')) ?? { name: 'Badan Publik' };
  const personal = await ctx.store.getRequestPersonal(r.requestId);
  const coatOfArms = body.coatOfArms ? await ctx.files!.get(body.coatOfArms.key) : undefined;
  const nctx: NoticeContext = {
    publicBody: { name: body.name, ...(coatOfArms ? { coatOfArms } : {}) },
    ppidUtama: unitLetterhead(utama),
    agencies: Object.fromEntries(agencies.map((a) => [a.id, { name: a.name }])),
    signer: await noticeSigner(ctx, utama.id),
    requester: { fullName: personal?.requester.fullName ?? '—', address: personal?.requester.address ?? '—' },
    registerUrl: body.registerUrl ?? ctx.registerUrl ?? '',
    number,
    issuedAt,
  };
  return { nctx, utama, body };
}

export async function issue(ctx: Context, spec: DocumentSpec, reason: string, place: string): Promise<IssuedDocument> {
  if (!ctx.signer) throw new SigningError('no signing certificate is configured');
  return issueDocument(spec, ctx.signer, reason, place);
}

export async function store(ctx: Context, key: string, fileName: string, doc: IssuedDocument, at: string): Promise<GeneratedFile> {
  await ctx.files!.put(key, doc.bytes, 'application/pdf');
  return { key, fileName, size: doc.size, sha256: doc.sha256, generatedAt: at };
}

export function verification(spec: DocumentSpec, doc: IssuedDocument, utama: Agency, body: PublicBody, signer: Official, at: string): VerificationRecord {
  const code = spec.verificationUrl.replace(/\/+$/, '').split('/').pop()!;
  return {
    code,
    type: spec.type,
    number: spec.number,
    date: localDateOf(new Date(at), utama.timezone),
    unit: { agencyId: utama.id, name: utama.name },
    bodyName: body.name,
    signatory: { name: signer.name, position: signer.position },
    sha256: doc.sha256,
    size: doc.size,
    issuedAt: at,
    status: 'valid',
  };
}

export const verificationWrites = (record: VerificationRecord, agencyId: string, at: string): Write[] => [
  { entity: 'verification', value: record },
  { entity: 'registerEvent', value: { eventId: crypto.randomUUID(), at, type: 'verification', itemId: record.code, agencyId, versionNo: 1 } },
];

/** The notice of extension (Pasal 22(8)): issued once after an extension; safe to call again. */
export function issueExtensionNotice(ctx: Context, input: { requestId: string }): Promise<{ issued: boolean }> {
  return retryOnRace(async () => {
    const r = await load(ctx, input.requestId);
    if (!r.extension || r.extensionNotice) return { issued: false };
    const at = ctx.now.toISOString();
    const number = `PPW/${r.year}/${String(r.sequence).padStart(5, '0')}`;
    const { nctx, utama, body } = await noticeContext(ctx, r, number, at);
    const spec = extensionNoticeSpec(r, nctx);
    const doc = await issue(ctx, spec, `Pemberitahuan perpanjangan waktu ${r.number}`, nctx.ppidUtama.city ?? utama.name);
    const file = await store(ctx, `requests/${r.requestId}/perpanjangan.pdf`, `Perpanjangan-${r.number.replaceAll('/', '-')}.pdf`, doc, at);
    const record = verification(spec, doc, utama, body, nctx.signer, at);
    const after: Request = {
      ...structuredClone(r),
      extensionNotice: { number, file, issuedAt: at, verificationCode: record.code },
      version: r.version + 1,
      updatedAt: at,
    };
    await ctx.store.commit(
      [{ entity: 'request', value: after, expectedVersion: r.version }, ...verificationWrites(record, utama.id, at)],
      audit(ctx, r, 'request.extension_notice', { number, sha256: doc.sha256 }),
    );
    await mailRequester(ctx, after, {
      subject: `[PPID] Perpanjangan waktu permohonan ${r.number} / Extension of request ${r.number}`,
      text: [
        `Jangka waktu pemberitahuan tertulis atas permohonan ${r.number} diperpanjang.`,
        `Alasan: ${r.extension.reasons}`,
        `Batas waktu baru: ${r.deadline.explanation.id}`,
        `Surat pemberitahuan perpanjangan dapat diunduh di halaman status: ${STATUS_LINK}`,
        '',
        `The deadline for the written notice on request ${r.number} has been extended. New deadline: ${r.deadline.explanation.en}`,
        `The notice of extension is on the status page: ${STATUS_LINK}`,
      ].join('\n'),
      idempotencyKey: `request-extension-${r.requestId}`,
    });
    return { issued: true };
  });
}

/**
 * Task IssueNotice: the written notice (Pasal 22(7)) from the recorded answers, signed, stored,
 * mailed and shown on the status page. A refusal or a notice that the body does not hold the
 * information closes the request; a grant by email is delivered with the notice (the documents are
 * on the status page); any other delivery waits for staff to record it.
 */
export function issueNotice(ctx: Context, input: { requestId: string }): Promise<{ state: Request['state']; number?: string }> {
  return retryOnRace(async () => {
    const r = await load(ctx, input.requestId);
    if (r.notice) return { state: r.state, number: r.notice.number };
    if (r.extension && !r.extensionNotice) await issueExtensionNotice(ctx, input);
    const current = await load(ctx, input.requestId);
    const held = current.routing?.held !== false;
    if (held && (!current.routing || current.parts.some((p) => !p.answer))) return { state: current.state };
    const at = ctx.now.toISOString();
    const decision = held ? combinedDecision(current.parts.map((p) => p.answer!.decision)) : undefined;
    const after: Request = structuredClone(current);
    after.outcome = {
      held,
      ...(decision ? { decision } : {}),
      cost: current.parts.reduce((s, p) => s + (p.answer && p.answer.decision !== 'refused' ? p.answer.cost : 0), 0),
      answeredAt: at,
    };
    const number = `PTT/${current.year}/${String(current.sequence).padStart(5, '0')}`;
    const { nctx, utama, body } = await noticeContext(ctx, after, number, at);
    // Working days from receipt (day 0) to the notice, on the body's calendar as it is today: the
    // reports' and the dashboard's "time to the written notice" (kept, so a later holiday change
    // does not move a request that is already answered).
    const answeredOn = localDateOf(ctx.now, utama.timezone);
    const years = [...new Set([Number(current.receivedOn.slice(0, 4)), Number(answeredOn.slice(0, 4))])];
    after.outcome.workingDays = workingDaysBetween(current.receivedOn, answeredOn, { holidays: await ctx.store.listHolidays(years), workWeek: utama.workWeek });
    const spec = noticeSpec(after, nctx);
    const doc = await issue(ctx, spec, `Pemberitahuan tertulis ${current.number}`, nctx.ppidUtama.city ?? utama.name);
    const file = await store(ctx, `requests/${current.requestId}/pemberitahuan.pdf`, `Pemberitahuan-${current.number.replaceAll('/', '-')}.pdf`, doc, at);
    const record = verification(spec, doc, utama, body, nctx.signer, at);
    after.notice = { number, file, issuedAt: at, verificationCode: record.code };
    after.state = 'answered';
    after.timeline.push({ at, type: 'notice_issued', note: decision ?? 'not_held' });
    const rules = await requestRules(ctx);
    const writes: Write[] = [];
    if (!held || decision === 'refused') {
      writes.push(...closeWrites(after, held ? 'refused' : 'not_held', 'system', at, rules));
      after.timeline.push({ at, type: 'closed' });
    } else if (current.content.deliveryMethod === 'email') {
      after.delivery = { deliveredOn: localDateOf(ctx.now, utama.timezone), how: 'email', by: 'system', at };
      writes.push(...closeWrites(after, 'delivered', 'system', at, rules));
      after.timeline.push({ at, type: 'delivered', note: 'email' }, { at, type: 'closed' });
    }
    const waiting: InboxEntry[] = after.state === 'answered' ? [{ ...escalatedEntry(after, at), box: { kind: 'request_delivery' }, agencyId: utama.id }] : [];
    const dropped = current.inbox;
    after.inbox = waiting;
    after.version = current.version + 1;
    after.updatedAt = at;
    await ctx.store.commit(
      [
        { entity: 'request', value: after, expectedVersion: current.version },
        ...dropped.map((e): Write => ({ entity: 'inbox', delete: e })),
        ...waiting.map((e): Write => ({ entity: 'inbox', value: e })),
        ...verificationWrites(record, utama.id, at),
        { entity: 'registerEvent', value: { eventId: crypto.randomUUID(), at, type: 'request', itemId: current.requestId, agencyId: utama.id, versionNo: 1 } },
        ...writes,
      ],
      audit(ctx, current, 'request.notice_issued', { number, decision: decision ?? 'not_held', sha256: doc.sha256 }),
    );
    await mailRequester(ctx, after, {
      subject: `[PPID] Pemberitahuan tertulis atas permohonan ${current.number} / Written notice on request ${current.number}`,
      text: [
        `Pemberitahuan tertulis atas permohonan informasi ${current.number} telah terbit.`,
        `Unduh surat pemberitahuan${after.parts.some((p) => p.answer?.documents.length) ? ' dan informasi yang diberikan' : ''} di halaman status: ${STATUS_LINK}`,
        decision === 'refused' || decision === 'partial'
          ? 'Anda berhak mengajukan keberatan kepada Atasan PPID paling lambat 30 hari kerja setelah menerima pemberitahuan ini (UU 14/2008 Pasal 35–36).'
          : '',
        '',
        `The written notice on request ${current.number} has been issued. Download it on the status page: ${STATUS_LINK}`,
      ]
        .filter((l, i, all) => l !== '' || all[i - 1] !== '')
        .join('\n'),
      idempotencyKey: `request-notice-${current.requestId}`,
    });
    return { state: after.state, number };
  });
}

/** Mails the requester, if they gave an address; `STATUS_LINK` in the text becomes their own status link. */
async function mailRequester(ctx: Context, r: Request, mail: { subject: string; text: string; idempotencyKey: string }): Promise<void> {
  const personal = await ctx.store.getRequestPersonal(r.requestId);
  const email = personal?.requester.email;
  if (!ctx.mailer || !email) return;
  await ctx.mailer.send({ to: [email], ...mail, text: mail.text.replaceAll(STATUS_LINK, statusLink(ctx, r, personal.trackingCode)) });
}

async function mailHandlers(ctx: Context, r: Request, kind: 'reminder' | 'overdue'): Promise<void> {
  if (!ctx.mailer) return;
  const open = r.parts.filter((p) => !p.answer).map((p) => p.agencyId);
  const roles = kind === 'overdue' ? ['ppid_utama', 'atasan_ppid'] : ['ppid_utama'];
  const lists = await Promise.all([...roles.map((role) => usersWithRole(ctx, undefined, role)), ...open.map((a) => usersWithRole(ctx, a, 'ppid_pelaksana'))]);
  const to = [...new Set(lists.flat().map((u) => u.email))];
  if (!to.length) return;
  const what =
    kind === 'reminder'
      ? { id: `Pengingat: batas waktu pemberitahuan tertulis permohonan ${r.number}`, en: `Reminder: the written notice on request ${r.number} is due soon` }
      : { id: `Permohonan ${r.number} melewati batas waktu`, en: `Request ${r.number} is overdue` };
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: what,
      id: [`${what.id}: ${r.deadline.explanation.id}`, `Informasi yang diminta: ${r.content.information}`],
      en: [`${what.en}: ${r.deadline.explanation.en}`, `Information requested: ${r.content.information}`],
      link: staffLink(`requests/${r.requestId}`),
    }),
    idempotencyKey: `request-${kind}-${r.requestId}-${kind === 'overdue' ? r.escalations : 0}`,
  });
}

async function mailPartOverdue(ctx: Context, r: Request, agencyId: string, reminders: number): Promise<void> {
  if (!ctx.mailer) return;
  const lists = await Promise.all([usersWithRole(ctx, agencyId, 'ppid_pelaksana'), usersWithRole(ctx, undefined, 'ppid_utama')]);
  const to = [...new Set(lists.flat().map((u) => u.email))];
  if (!to.length) return;
  const part = r.parts.find((p) => p.agencyId === agencyId)!;
  const unit = agencyId.toUpperCase();
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: {
        id: `Pengingat ${reminders}: jawaban ${unit} atas permohonan ${r.number} melewati batas internal`,
        en: `Reminder ${reminders}: the answer of ${unit} on request ${r.number} is overdue`,
      },
      id: [
        `Jawaban unit ${unit} atas permohonan ${r.number} melewati batas waktu internal (${part.deadline.explanation.id})`,
        `Informasi yang diminta: ${r.content.information}`,
        `Batas waktu pemberitahuan tertulis: ${r.deadline.explanation.id}`,
      ],
      en: [
        `The answer of ${unit} on request ${r.number} is past its internal deadline (${part.deadline.explanation.en})`,
        `Information requested: ${r.content.information}`,
        `Deadline of the written notice: ${r.deadline.explanation.en}`,
      ],
      link: staffLink(`requests/${r.requestId}`),
    }),
    idempotencyKey: `request-part-reminder-${r.requestId}-${agencyId}-${reminders}`,
  });
}
