/**
 * The sign-in side of a user. In AWS: a Cognito user with the `custom:agency` attribute and one group
 * for its role; AdminCreateUser makes Cognito mail the user pool's invitation (username, a one-time
 * temporary password and the staff app's link: core/user-invitation.ts, rendered into the pool by
 * infra/aws/stateless-stack.ts). Locally: no account to make, because the local identity provider
 * signs tokens straight from the user records in the table, and every user signs in with the shared
 * local password (infra/local/idp.ts); the core then mails the invitation to the outbox.
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  UnsupportedUserStateException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '../core/model.ts';
import type { IdentityDirectory } from '../core/ports.ts';
import { type SignInSetup, TEMPORARY_PASSWORD_DAYS } from '../core/user-invitation.ts';
import { config } from './config.ts';

export const localIdentity: IdentityDirectory = {
  // Read when asked, as infra/local/idp.ts reads it when the host starts.
  async createUser() {
    return { via: 'shared_local_password', isDefault: process.env.LOCAL_PASSWORD === undefined };
  },
  async upsertUser() {},
};

let cognito: CognitoIdentityProviderClient | undefined;

const attributesOf = (user: User) => [
  { Name: 'email', Value: user.email },
  { Name: 'email_verified', Value: 'true' },
  { Name: 'name', Value: user.name },
  { Name: 'custom:agency', Value: user.agencyId },
];

function pool() {
  cognito ??= new CognitoIdentityProviderClient({});
  const UserPoolId = config.userPoolId();
  if (!UserPoolId) throw new Error('USER_POOL_ID is not set');
  return { client: cognito, UserPoolId };
}

/** Role group and enabled state as the record says. */
async function syncGroupAndState(user: User): Promise<void> {
  const { client, UserPoolId } = pool();
  const Username = user.username;
  const groups = await client.send(new AdminListGroupsForUserCommand({ UserPoolId, Username }));
  for (const g of groups.Groups ?? []) {
    if (g.GroupName && g.GroupName !== user.role) {
      await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName: g.GroupName }));
    }
  }
  await client.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: user.role }));
  await client.send(user.enabled ? new AdminEnableUserCommand({ UserPoolId, Username }) : new AdminDisableUserCommand({ UserPoolId, Username }));
}

const cognitoIdentity: IdentityDirectory = {
  async createUser(user: User): Promise<SignInSetup> {
    const { client, UserPoolId } = pool();
    const Username = user.username;
    let setup: SignInSetup = { via: 'cognito_invitation', temporaryPasswordDays: TEMPORARY_PASSWORD_DAYS };
    try {
      // No MessageAction: Cognito makes a temporary password and mails the pool's invitation.
      await client.send(new AdminCreateUserCommand({ UserPoolId, Username, UserAttributes: attributesOf(user), DesiredDeliveryMediums: ['EMAIL'] }));
    } catch (e) {
      if (!(e instanceof UsernameExistsException)) throw e;
      // Left by an earlier attempt whose table write failed: the same person, so bring the account in
      // line and mail the invitation again (RESEND: a new temporary password) unless it already has a
      // password of its own.
      await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username, UserAttributes: attributesOf(user) }));
      try {
        await client.send(new AdminCreateUserCommand({ UserPoolId, Username, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] }));
      } catch (resend) {
        if (!(resend instanceof UnsupportedUserStateException)) throw resend;
        setup = { via: 'existing_password' };
      }
    }
    await syncGroupAndState(user);
    return setup;
  },
  async upsertUser(user: User) {
    const { client, UserPoolId } = pool();
    const Username = user.username;
    try {
      await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username, UserAttributes: attributesOf(user) }));
    } catch (e) {
      // An account the table has but Cognito lost (restored table, deleted by hand): make it again,
      // with its invitation.
      if ((e as Error).name !== 'UserNotFoundException') throw e;
      await client.send(new AdminCreateUserCommand({ UserPoolId, Username, UserAttributes: attributesOf(user), DesiredDeliveryMediums: ['EMAIL'] }));
    }
    await syncGroupAndState(user);
  },
};

export function identityDirectory(): IdentityDirectory {
  return config.host() === 'local' ? localIdentity : cognitoIdentity;
}
