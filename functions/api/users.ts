import * as z from 'zod';
import { mailer } from '../adapters/mail.ts';
import { agencyId, NewUser, PageQuery, page, User, UserPatch, username } from '../core/model.ts';
import { SignIn } from '../core/user-invitation.ts';
import { createUser, getUser, listUsers, updateUser, userFor } from '../core/users.ts';
import { endpoint } from './http.ts';

const UserParams = z.strictObject({ username });

export const me = /* @__PURE__ */ endpoint(
  () => ({ summary: 'The signed-in user: name, role and agency', response: User }),
  ({ ctx, principal }) => getUser(ctx, principal, principal.username),
);

export const list = /* @__PURE__ */ endpoint(
  () => ({
    summary: "List users: admin and PPID Utama see every agency's users; others their own agency's",
    query: PageQuery.extend({ agencyId: agencyId.optional() }),
    response: page(User),
  }),
  ({ ctx, principal, query }) => listUsers(ctx, principal, query),
);

export const get = /* @__PURE__ */ endpoint(
  // Read with the caller's record; the agency check runs on it once the caller is known.
  () => ({ summary: 'Read one user', params: UserParams, response: User, prefetch: ({ ctx, params }) => ctx.store.getUser(params.username) }),
  async ({ principal, params, prefetched }) => userFor(principal, params.username, prefetched),
);

export const create = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Create a staff user (admin) with one role in one agency, and invite them to sign in',
    description:
      'On AWS, Amazon Cognito mails the invitation: the username, a one-time temporary password and the staff app link. On the local host the same invitation goes to the outbox, and says that every user signs in with the shared local password. `signIn` tells the admin how the new user signs in.',
    body: NewUser,
    response: User.extend({ signIn: SignIn }),
    status: 201,
  }),
  ({ ctx, principal, body }) => createUser({ ...ctx, mailer: mailer() }, principal, body),
);

export const update = /* @__PURE__ */ endpoint(
  () => ({
    summary: 'Change a user (admin): name, e-mail, role, agency or enabled, with the version you read',
    params: UserParams,
    body: UserPatch,
    response: User,
  }),
  ({ ctx, principal, params, body }) => updateUser(ctx, principal, params.username, body),
);
