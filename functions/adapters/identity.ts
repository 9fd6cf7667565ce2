/**
 * The sign-in side of a user. In AWS: a Cognito user with the `custom:agency` attribute and one group
 * for its role; AdminCreateUser makes Cognito mail the user pool's invitation (username, a one-time
 * temporary password and the staff app's link: core/user-invitation.ts, rendered into the pool by
 * infra/aws/stateless-stack.ts). Locally: no account to make, because the local identity provider
 * signs tokens straight from the user records in the table, and every user signs in with the shared
 * local password (infra/local/idp.ts); the core then mails the invitation to the outbox.
 */
import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
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

/** The Cognito SDK is imported at the first call, not at the cold start of every function that may call it. */
async function pool() {
  const sdk = await import('@aws-sdk/client-cognito-identity-provider');
  cognito ??= new sdk.CognitoIdentityProviderClient({});
  const UserPoolId = config.userPoolId();
  if (!UserPoolId) throw new Error('USER_POOL_ID is not set');
  return { client: cognito, UserPoolId, sdk };
}

/** Role group and enabled state as the record says. */
async function syncGroupAndState(user: User): Promise<void> {
  const { client, UserPoolId, sdk } = await pool();
  const Username = user.username;
  const groups = await client.send(new sdk.AdminListGroupsForUserCommand({ UserPoolId, Username }));
  for (const g of groups.Groups ?? []) {
    if (g.GroupName && g.GroupName !== user.role) {
      await client.send(new sdk.AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName: g.GroupName }));
    }
  }
  await client.send(new sdk.AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: user.role }));
  await client.send(user.enabled ? new sdk.AdminEnableUserCommand({ UserPoolId, Username }) : new sdk.AdminDisableUserCommand({ UserPoolId, Username }));
}

const cognitoIdentity: IdentityDirectory = {
  async createUser(user: User): Promise<SignInSetup> {
    const { client, UserPoolId, sdk } = await pool();
    const Username = user.username;
    let setup: SignInSetup = { via: 'cognito_invitation', temporaryPasswordDays: TEMPORARY_PASSWORD_DAYS };
    try {
      // No MessageAction: Cognito makes a temporary password and mails the pool's invitation.
      await client.send(new sdk.AdminCreateUserCommand({ UserPoolId, Username, UserAttributes: attributesOf(user), DesiredDeliveryMediums: ['EMAIL'] }));
    } catch (e) {
      if (!(e instanceof sdk.UsernameExistsException)) throw e;
      // Left by an earlier attempt whose table write failed: the same person, so bring the account in
      // line and mail the invitation again (RESEND: a new temporary password) unless it already has a
      // password of its own.
      await client.send(new sdk.AdminUpdateUserAttributesCommand({ UserPoolId, Username, UserAttributes: attributesOf(user) }));
      try {
        await client.send(new sdk.AdminCreateUserCommand({ UserPoolId, Username, MessageAction: 'RESEND', DesiredDeliveryMediums: ['EMAIL'] }));
      } catch (resend) {
        if (!(resend instanceof sdk.UnsupportedUserStateException)) throw resend;
        setup = { via: 'existing_password' };
      }
    }
    await syncGroupAndState(user);
    return setup;
  },
  async upsertUser(user: User) {
    const { client, UserPoolId, sdk } = await pool();
    const Username = user.username;
    try {
      await client.send(new sdk.AdminUpdateUserAttributesCommand({ UserPoolId, Username, UserAttributes: attributesOf(user) }));
    } catch (e) {
      // An account the table has but Cognito lost (restored table, deleted by hand): make it again,
      // with its invitation.
      if ((e as Error).name !== 'UserNotFoundException') throw e;
      await client.send(new sdk.AdminCreateUserCommand({ UserPoolId, Username, UserAttributes: attributesOf(user), DesiredDeliveryMediums: ['EMAIL'] }));
    }
    await syncGroupAndState(user);
  },
};

export function identityDirectory(): IdentityDirectory {
  return config.host() === 'local' ? localIdentity : cognitoIdentity;
}
