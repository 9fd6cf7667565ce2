/**
 * The sign-in side of a user. In AWS: a Cognito user with the `custom:agency` attribute and one group
 * for its role. Locally: nothing to do, because the local identity provider signs tokens straight
 * from the user records in the table (infra/local/idp.ts).
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
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import type { User } from '../core/model.ts';
import type { IdentityDirectory } from '../core/ports.ts';
import { config } from './config.ts';

const localIdentity: IdentityDirectory = { async upsertUser() {} };

let cognito: CognitoIdentityProviderClient | undefined;

const cognitoIdentity: IdentityDirectory = {
  async upsertUser(user: User) {
    cognito ??= new CognitoIdentityProviderClient({});
    const UserPoolId = config.userPoolId();
    if (!UserPoolId) throw new Error('USER_POOL_ID is not set');
    const Username = user.username;
    const attributes = [
      { Name: 'email', Value: user.email },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: user.name },
      { Name: 'custom:agency', Value: user.agencyId },
    ];
    try {
      // Cognito mails the temporary password itself (its invitation message).
      await cognito.send(new AdminCreateUserCommand({ UserPoolId, Username, UserAttributes: attributes, DesiredDeliveryMediums: ['EMAIL'] }));
    } catch (e) {
      if (!(e instanceof UsernameExistsException)) throw e;
      await cognito.send(new AdminUpdateUserAttributesCommand({ UserPoolId, Username, UserAttributes: attributes }));
    }
    const groups = await cognito.send(new AdminListGroupsForUserCommand({ UserPoolId, Username }));
    for (const g of groups.Groups ?? []) {
      if (g.GroupName && g.GroupName !== user.role) {
        await cognito.send(new AdminRemoveUserFromGroupCommand({ UserPoolId, Username, GroupName: g.GroupName }));
      }
    }
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: user.role }));
    await cognito.send(user.enabled ? new AdminEnableUserCommand({ UserPoolId, Username }) : new AdminDisableUserCommand({ UserPoolId, Username }));
  },
};

export function identityDirectory(): IdentityDirectory {
  return config.host() === 'local' ? localIdentity : cognitoIdentity;
}
