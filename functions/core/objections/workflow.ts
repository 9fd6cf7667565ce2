/**
 * The tasks of statemachines/objection.asl.json. Each reads the objection from the table and is safe
 * to run again (an execution restarted from the start skips what is recorded).
 *
 * One wait shape serves the Atasan PPID's response and a granted objection's follow-up: PrepareWait
 * says how long to wait (the nearest reminder or deadline), AwaitPerson keeps the task token on the
 * objection, and a person's action completes it so PrepareWait reads the objection again. A timeout
 * runs RemindAndEscalate, which does what is due (each reminder once, recorded) and waits again.
 * IssueResponse issues the written response once it is recorded.
 */
import { agencyDeadline } from '../agency-deadline.ts';
import { auditEvent, SYSTEM_ACTOR } from '../audit.ts';
import { dateInWords } from '../date-words.ts';
import { unitLetterhead } from '../exclusion-pdf.ts';
import type { InboxEntry } from '../item-model.ts';
import { retryOnRace, secondsUntil, usersWithRole } from '../items.ts';
import { staffLink, staffMail } from '../mail-text.ts';
import { type Official, officialOf } from '../official-documents/index.ts';
import type { Context } from '../ports.ts';
import type { PublicBody } from '../public-body.ts';
import { inboxWrites, requestRules, STATUS_LINK } from '../requests/requests.ts';
import { issue, store, verification, verificationWrites } from '../requests/workflow.ts';
import { GROUND_TEXT, type Objection } from './model.ts';
import { DISPUTE_RULE, inboxEntry, mailObjector, objectorOf } from './objections.ts';
import { type ResponseContext, responseSpec } from './response.ts';

/** `response` (the Atasan PPID) or `followup` (the PPID provides what a granted objection ordered). */
export type WaitTarget = 'response' | 'followup';
export type WaitOutcome = 'granted' | 'rejected' | 'fulfilled' | 'none';
export interface Wait {
  timeoutSeconds: number;
  outcome?: WaitOutcome;
}

async function load(ctx: Context, objectionId: string): Promise<Objection> {
  const o = await ctx.store.getObjection(objectionId);
  if (!o) throw new Error(`objection ${objectionId} not found`);
  return o;
}

async function bodyId(ctx: Context): Promise<string> {
  return (await ctx.store.listAgencies()).find((a) => a.kind === 'ppid_utama')?.id ?? '-';
}

const audit = (ctx: Context, o: Objection, agencyId: string, action: string, after: unknown) =>
  auditEvent({ actor: SYSTEM_ACTOR, action, entity: { type: 'objection', id: o.objectionId }, agencyId, after, requestId: ctx.requestId, now: ctx.now });

function outcomeOf(o: Objection, target: WaitTarget): WaitOutcome | undefined {
  if (target === 'response') return o.response?.decision;
  if (!o.followUp) return 'none';
  return o.followUp.fulfilled ? 'fulfilled' : undefined;
}

/** The nearest instant something is due for this wait. */
function nextTimer(o: Objection, target: WaitTarget): string {
  if (target === 'followup' && o.followUp) return (o.followUp.escalatedAt ? o.followUp.nextReminderAt : o.followUp.deadline.at) ?? o.followUp.deadline.at;
  const times = [o.remindedAt || !o.reminderAt ? undefined : o.reminderAt, o.escalatedAt ? o.nextEscalationAt : o.deadline.at];
  return times.filter((t): t is string => !!t).sort()[0] ?? o.deadline.at;
}

export async function prepareWait(ctx: Context, input: { objectionId: string; target: WaitTarget }): Promise<Wait> {
  const o = await load(ctx, input.objectionId);
  const outcome = outcomeOf(o, input.target);
  if (outcome) return { timeoutSeconds: 1, outcome };
  return { timeoutSeconds: secondsUntil(nextTimer(o, input.target), ctx.now) };
}

/** `.waitForTaskToken`: keeps the token where the person's action finds it, or completes it at once. */
export function awaitPerson(ctx: Context, input: { objectionId: string; target: WaitTarget; taskToken: string }): Promise<void> {
  return retryOnRace(async () => {
    const o = await load(ctx, input.objectionId);
    if (outcomeOf(o, input.target)) {
      await ctx.workflows!.complete(input.taskToken, { outcome: 'changed' });
      return;
    }
    const after: Objection = { ...structuredClone(o), taskToken: input.taskToken, version: o.version + 1 };
    await ctx.store.commit(
      [{ entity: 'objection', value: after, expectedVersion: o.version }],
      audit(ctx, o, o.inbox[0]?.agencyId ?? '-', 'objection.waiting', { target: input.target }),
    );
  });
}

function escalatedEntry(o: Objection, agencyId: string, at: string, deadline: Objection['deadline']): InboxEntry {
  return { ...inboxEntry(o, { kind: 'escalated' }, agencyId, at, deadline) };
}

/**
 * After a timeout. The response: the reminder to the Atasan PPID before the deadline; once it passed,
 * the escalation to PPID Utama and the head of the body (repeated by the reminder rule), and the
 * dispute window opens (14 working days after the 30 days passed with no response, Pasal 37(2)).
 * The follow-up: its overdue reminder to the SKPDs, escalated to PPID Utama and the Atasan PPID.
 */
export function remindAndEscalate(ctx: Context, input: { objectionId: string; target: WaitTarget }): Promise<Wait> {
  return retryOnRace(async () => {
    const o = await load(ctx, input.objectionId);
    const outcome = outcomeOf(o, input.target);
    if (outcome) return { timeoutSeconds: 1, outcome };
    const now = ctx.now.toISOString();
    const rules = await requestRules(ctx);
    const body = await bodyId(ctx);
    const after: Objection = structuredClone(o);
    const mails: (() => Promise<void>)[] = [];
    const done: string[] = [];
    if (input.target === 'response') {
      if (o.reminderAt && !o.remindedAt && now >= o.reminderAt) {
        after.remindedAt = now;
        after.timeline.push({ at: now, type: 'reminded' });
        done.push('reminder');
        mails.push(() => mailStaff(ctx, after, 'reminder'));
      }
      if (now >= o.deadline.at && (!o.escalatedAt || (o.nextEscalationAt && now >= o.nextEscalationAt))) {
        const next = await agencyDeadline(ctx, body, ctx.now, rules.approvalReminder);
        after.escalatedAt = o.escalatedAt ?? now;
        after.escalations = o.escalations + 1;
        after.nextEscalationAt = next.deadline;
        if (!o.disputeWindow) {
          const window = await agencyDeadline(ctx, body, new Date(o.deadline.at), DISPUTE_RULE);
          after.disputeWindow = { from: 'no_response', at: window.deadline, local: window.localDeadline };
        }
        after.timeline.push({ at: now, type: 'escalated', note: String(after.escalations) });
        if (!after.inbox.some((e) => e.box.kind === 'escalated')) after.inbox.push(escalatedEntry(after, body, now, o.deadline));
        after.inbox = after.inbox.map((e) => ({ ...e, reminders: after.escalations }));
        done.push('escalation');
        mails.push(() => mailStaff(ctx, after, 'overdue'));
        if (!o.escalatedAt) mails.push(() => mailObjectorNoResponse(ctx, after));
      }
    } else if (o.followUp) {
      const f = after.followUp!;
      if (f.escalatedAt ? f.nextReminderAt && now >= f.nextReminderAt : now >= f.deadline.at) {
        const next = await agencyDeadline(ctx, body, ctx.now, rules.approvalReminder);
        f.escalatedAt = f.escalatedAt ?? now;
        f.reminders += 1;
        f.nextReminderAt = next.deadline;
        after.timeline.push({ at: now, type: 'followup_escalated', note: String(f.reminders) });
        if (!after.inbox.some((e) => e.box.kind === 'escalated')) after.inbox.push(escalatedEntry(after, body, now, f.deadline));
        after.inbox = after.inbox.map((e) => ({ ...e, reminders: f.reminders }));
        done.push(`followup:${f.reminders}`);
        mails.push(() => mailStaff(ctx, after, 'followup'));
      }
    }
    if (done.length) {
      after.version = o.version + 1;
      after.updatedAt = now;
      await ctx.store.commit(
        [{ entity: 'objection', value: after, expectedVersion: o.version }, ...inboxWrites(o.inbox, after.inbox)],
        audit(ctx, o, body, 'objection.reminded', { done }),
      );
      for (const m of mails) await m();
    }
    return { timeoutSeconds: secondsUntil(nextTimer(after, input.target), ctx.now) };
  });
}

// ─── the written response ────────────────────────────────────────────────────────────────────────

async function signer(ctx: Context, o: Objection): Promise<Official | undefined> {
  const user = o.response ? await ctx.store.getUser(o.response.by) : undefined;
  return user ? officialOf(user, 'Atasan PPID') : undefined;
}

/**
 * Task IssueResponse: the Atasan PPID's recorded response as the signed PDF (tanggapan atas
 * keberatan), stored, verifiable on the register, mailed to the objector and shown on the status page.
 */
export function issueResponse(ctx: Context, input: { objectionId: string }): Promise<{ decision?: string; number?: string }> {
  return retryOnRace(async () => {
    const o = await load(ctx, input.objectionId);
    if (!o.response) return {};
    if (o.responseDocument) return { decision: o.response.decision, number: o.responseDocument.number };
    const at = ctx.now.toISOString();
    const agencies = await ctx.store.listAgencies();
    const utama = agencies.find((a) => a.kind === 'ppid_utama') ?? agencies[0];
    const body = (await ctx.store.getSettings<PublicBody>('publicBody')) ?? { name: 'Badan Publik' };
    const coatOfArms = body.coatOfArms ? await ctx.files!.get(body.coatOfArms.key) : undefined;
    const who = await objectorOf(ctx, o);
    const request = o.requestId ? await ctx.store.getRequest(o.requestId) : undefined;
    const number = `TKB/${o.year}/${String(o.sequence).padStart(4, '0')}`;
    const official = await signer(ctx, o);
    const rctx: ResponseContext = {
      publicBody: { name: body.name, ...(coatOfArms ? { coatOfArms } : {}) },
      ppidUtama: unitLetterhead(utama),
      ...(official ? { signer: official } : {}),
      objector: { fullName: who?.requester.fullName ?? '—', address: who?.requester.address ?? '—' },
      ...(request ? { requestTrackingHash: request.trackingHash } : {}),
      registerUrl: body.registerUrl ?? ctx.registerUrl ?? '',
      number,
      issuedAt: at,
    };
    const spec = responseSpec(o, rctx);
    const doc = await issue(ctx, spec, `Tanggapan atas keberatan ${o.number}`, rctx.ppidUtama.city ?? utama.name);
    const file = await store(ctx, `objections/${o.objectionId}/tanggapan.pdf`, `Tanggapan-${o.number.replaceAll('/', '-')}.pdf`, doc, at);
    const signatory = official ?? { name: o.response.responder.name, position: o.response.responder.position };
    const record = verification(spec, doc, utama, body, signatory, at);
    const after: Objection = {
      ...structuredClone(o),
      responseDocument: { number, file, issuedAt: at, verificationCode: record.code },
      version: o.version + 1,
      updatedAt: at,
    };
    after.timeline.push({ at, type: 'response_issued', note: number });
    await ctx.store.commit(
      [
        { entity: 'objection', value: after, expectedVersion: o.version },
        ...verificationWrites(record, utama.id, at),
        // The register's public log shows that an objection was answered, and how.
        {
          entity: 'registerEvent',
          value: { eventId: crypto.randomUUID(), at, type: 'request', itemId: o.requestId ?? o.objectionId, agencyId: utama.id, versionNo: 1 },
        },
      ],
      audit(ctx, o, utama.id, 'objection.response_issued', { number, decision: o.response.decision, sha256: doc.sha256 }),
    );
    const granted = o.response.decision === 'granted';
    const until = after.disputeWindow ? dateInWords(after.disputeWindow.local.slice(0, 10), 'id', true) : '';
    const untilEn = after.disputeWindow ? dateInWords(after.disputeWindow.local.slice(0, 10), 'en', true) : '';
    await mailObjector(ctx, after, {
      subject: `[PPID] Tanggapan atas keberatan ${o.number} / Response to objection ${o.number}`,
      text: [
        `Atasan PPID telah menanggapi keberatan ${o.number}: keberatan ${granted ? 'DITERIMA' : 'DITOLAK'}.`,
        granted && o.response.provideBy
          ? `PPID diperintahkan memberikan informasi ${o.response.scope === 'partial' ? 'sebagian' : 'seluruhnya'} paling lambat ${dateInWords(o.response.provideBy, 'id', true)}.`
          : '',
        `Unduh surat tanggapan di halaman status: ${STATUS_LINK}`,
        until
          ? `Bila Anda tidak puas, Anda dapat mengajukan sengketa informasi ke Komisi Informasi paling lambat ${until} (UU 14/2008 Pasal 37 ayat (2)).`
          : '',
        '',
        `The Atasan PPID ${granted ? 'GRANTED' : 'REJECTED'} objection ${o.number}. The response is on the status page: ${STATUS_LINK}`,
        untilEn ? `If you are not satisfied, you may file a dispute at the Komisi Informasi by ${untilEn}.` : '',
      ]
        .filter((l, i, all) => l !== '' || all[i - 1] !== '')
        .join('\n'),
      idempotencyKey: `objection-response-${o.objectionId}`,
    });
    return { decision: o.response.decision, number };
  });
}

// ─── mail ────────────────────────────────────────────────────────────────────────────────────────

async function mailStaff(ctx: Context, o: Objection, kind: 'reminder' | 'overdue' | 'followup'): Promise<void> {
  if (!ctx.mailer) return;
  const roles = kind === 'reminder' ? ['atasan_ppid'] : kind === 'overdue' ? ['atasan_ppid', 'ppid_utama'] : ['ppid_utama', 'atasan_ppid'];
  const lists = await Promise.all([
    ...roles.map((role) => usersWithRole(ctx, undefined, role)),
    ...(kind === 'followup' ? o.agencyIds.map((a) => usersWithRole(ctx, a, 'ppid_pelaksana')) : []),
  ]);
  const body = await ctx.store.getSettings<PublicBody>('publicBody');
  // The head of the body hears of a response overdue under Pasal 36(2).
  const head = kind === 'overdue' && body?.headOfBody?.email ? [body.headOfBody.email] : [];
  const to = [...new Set([...lists.flat().map((u) => u.email), ...head])];
  if (!to.length) return;
  const link = staffLink(`objections/${o.objectionId}`);
  const title = `${o.number}${o.requestNumber ? ` (permohonan ${o.requestNumber})` : ''}: ${o.information.slice(0, 120)}`;
  const text = {
    reminder: {
      subject: { id: `Pengingat: tanggapan atas keberatan ${o.number}`, en: `Reminder: response to objection ${o.number}` },
      line: {
        id: `Tanggapan tertulis wajib diberikan paling lambat ${o.deadline.explanation.id}`,
        en: `The written response is due: ${o.deadline.explanation.en}`,
      },
    },
    overdue: {
      subject: { id: `Keberatan ${o.number} melewati batas waktu tanggapan`, en: `Objection ${o.number} is past its response deadline` },
      line: {
        id: `Batas waktu tanggapan (30 hari kerja, UU 14/2008 Pasal 36 ayat (2)) telah lewat: ${o.deadline.explanation.id}`,
        en: `The 30-working-day response deadline (Pasal 36(2)) has passed: ${o.deadline.explanation.en}`,
      },
    },
    followup: {
      subject: { id: `Pemberian informasi atas keberatan ${o.number} terlambat`, en: `Information ordered on objection ${o.number} is overdue` },
      line: { id: o.followUp?.deadline.explanation.id ?? '', en: o.followUp?.deadline.explanation.en ?? '' },
    },
  }[kind];
  await ctx.mailer.send({
    to,
    ...staffMail({
      subject: text.subject,
      id: [`Keberatan ${title}`, `Alasan: ${o.grounds.map((g) => `${g}. ${GROUND_TEXT[g].id}`).join('; ')}`, text.line.id],
      en: [`Objection ${title}`, text.line.en],
      link,
    }),
    idempotencyKey: `objection-${kind}-${o.objectionId}-${kind === 'reminder' ? 0 : kind === 'overdue' ? o.escalations : (o.followUp?.reminders ?? 0)}`,
  });
}

async function mailObjectorNoResponse(ctx: Context, o: Objection): Promise<void> {
  if (!o.disputeWindow) return;
  const until = dateInWords(o.disputeWindow.local.slice(0, 10), 'id', true);
  const untilEn = dateInWords(o.disputeWindow.local.slice(0, 10), 'en', true);
  await mailObjector(ctx, o, {
    subject: `[PPID] Keberatan ${o.number} belum ditanggapi dalam 30 hari kerja / Objection ${o.number} unanswered after 30 working days`,
    text: [
      `Atasan PPID belum memberikan tanggapan tertulis atas keberatan ${o.number} dalam 30 hari kerja.`,
      `Anda dapat mengajukan sengketa informasi ke Komisi Informasi paling lambat ${until} (UU 14/2008 Pasal 37 ayat (2)).`,
      `Halaman status: ${STATUS_LINK}`,
      '',
      `The Atasan PPID has not answered objection ${o.number} within 30 working days. You may file a dispute at the Komisi Informasi by ${untilEn}.`,
    ].join('\n'),
    idempotencyKey: `objection-unanswered-${o.objectionId}`,
  });
}
