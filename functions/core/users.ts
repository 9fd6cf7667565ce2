/**
 * Staff users: each belongs to exactly one agency and has one role (DOMAIN.md, "Who is who").
 */
import type { Role } from '../../infra/system.ts';
import { assertAgencyScope, assertRole, listScope, type Principal } from './access.ts';
import { getAgency } from './agencies.ts';
import { auditEvent } from './audit.ts';
import { conflict, fail, notFound } from './errors.ts';
import { staffLink } from './mail-text.ts';
import type { Agency, NewUser, User, UserPatch } from './model.ts';
import type { Context, Page } from './ports.ts';
import { invitationMail, type SignIn, signInOf } from './user-invitation.ts';

/** Roles that act for the public body as a whole and so sit in the PPID Utama unit. */
const PPID_UTAMA_UNIT_ROLES: readonly Role[] = ['ppid_utama', 'atasan_ppid', 'pejabat_pid'];

function assertRoleFitsAgency(role: Role, agency: Agency): void {
  if (PPID_UTAMA_UNIT_ROLES.includes(role) && agency.kind !== 'ppid_utama') {
    fail('validation', 'role_needs_ppid_utama_agency', { role });
  }
}

export async function getUser(ctx: Context, actor: Principal, username: string): Promise<User> {
  return userFor(actor, username, await ctx.store.getUser(username));
}

/** The read user as the actor may see them (pure): 404 when there is none, 403 outside their agency (oneself excepted). */
export function userFor(actor: Principal, username: string, user: User | undefined): User {
  if (!user) return notFound('user_not_found', { username });
  if (user.username !== actor.username) assertAgencyScope(actor, user.agencyId);
  return user;
}

export async function listUsers(ctx: Context, actor: Principal, q: { agencyId?: string; cursor?: string; limit: number }): Promise<Page<User>> {
  const agencyId = listScope(actor, q.agencyId);
  return ctx.store.listUsers({ ...q, agencyId });
}

/** A new user and how they sign in for the first time. */
export type CreatedUser = User & { signIn: SignIn };

/**
 * Makes a staff user: the sign-in account first (if the identity provider refuses, nothing is written
 * here), then the record and its audit event, then the invitation where the identity provider did not
 * mail one itself (the local host: to the outbox). `invite: false` only for the local demo users,
 * whose sign-in the README describes.
 */
export async function createUser(ctx: Context, actor: Principal, input: NewUser, opts: { invite?: boolean } = {}): Promise<CreatedUser> {
  assertRole(actor, ['admin']);
  const agency = await getAgency(ctx, input.agencyId);
  assertRoleFitsAgency(input.role, agency);
  if (await ctx.store.getUser(input.username)) conflict('user_exists', { username: input.username });
  const now = ctx.now.toISOString();
  const user: User = { ...input, enabled: true, version: 1, createdAt: now, updatedAt: now };
  const setup = await ctx.identity.createUser(user);
  await ctx.store.commit(
    [{ entity: 'user', value: user, expectedVersion: null }],
    auditEvent({
      actor,
      action: 'user.create',
      entity: { type: 'user', id: user.username },
      agencyId: user.agencyId,
      after: user,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  const appUrl = staffLink('');
  let mailed = setup.via === 'cognito_invitation';
  if (setup.via === 'shared_local_password' && opts.invite !== false) {
    if (!ctx.mailer) throw new Error('createUser: no mailer for the invitation');
    const mail = invitationMail({ username: user.username, appUrl, firstSignIn: { kind: 'shared_local_password', isDefault: setup.isDefault } });
    await ctx.mailer.send({ to: [user.email], ...mail, idempotencyKey: `user-invitation-${user.username}-${user.createdAt}` });
    mailed = true;
  }
  return { ...user, signIn: signInOf(user, setup, appUrl, mailed) };
}

export async function updateUser(ctx: Context, actor: Principal, username: string, patch: UserPatch): Promise<User> {
  assertRole(actor, ['admin']);
  const before = await ctx.store.getUser(username);
  if (!before) return notFound('user_not_found', { username });
  const { version, ...changes } = patch;
  if (before.version !== version) conflict('stale_version', { expected: version, actual: before.version });
  if (username === actor.username && (changes.enabled === false || (changes.role && changes.role !== before.role))) {
    fail('validation', 'cannot_disable_self');
  }
  const after: User = { ...before, ...changes, version: before.version + 1, updatedAt: ctx.now.toISOString() };
  if (changes.role || changes.agencyId) assertRoleFitsAgency(after.role, await getAgency(ctx, after.agencyId));
  await ctx.store.commit(
    [{ entity: 'user', value: after, expectedVersion: before.version }],
    auditEvent({
      actor,
      action: 'user.update',
      entity: { type: 'user', id: username },
      agencyId: after.agencyId,
      before,
      after,
      requestId: ctx.requestId,
      now: ctx.now,
    }),
  );
  // The table is the truth for role, agency and enabled (checked on every request); the identity
  // provider follows it, so a failure here never leaves a user with more rights than recorded.
  await ctx.identity.upsertUser(after);
  return after;
}
