/**
 * `npm run bootstrap -- --table <name> --user-pool <id> --agency-id <id> --agency-name "<name>"
 *   --username <admin> --name "<full name>" --email <email>`
 *
 * After the first `cdk deploy`, creates the PPID Utama unit and the first admin (in the table and in
 * Cognito) through the same use cases the API runs, each with its audit event, by the `bootstrap`
 * actor. Uses your AWS credentials; run it once. Everything after that is done in the staff app.
 */
import { parseArgs } from 'node:util';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { identityDirectory } from '../../functions/adapters/identity.ts';
import type { Principal } from '../../functions/core/access.ts';
import { createAgency } from '../../functions/core/agencies.ts';
import { loadShippedHolidays } from '../../functions/core/holiday-calendar.ts';
import { NewAgency, NewUser } from '../../functions/core/model.ts';
import { setPublicBody } from '../../functions/core/public-body.ts';
import { createUser } from '../../functions/core/users.ts';
import { env } from '../system.ts';

const { values } = parseArgs({
  options: {
    table: { type: 'string' },
    'user-pool': { type: 'string' },
    'agency-id': { type: 'string' },
    'agency-name': { type: 'string' },
    'body-name': { type: 'string' },
    timezone: { type: 'string', default: 'Asia/Jakarta' },
    username: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
  },
});
const missing = ['table', 'user-pool', 'body-name', 'agency-id', 'agency-name', 'username', 'name', 'email'].filter((k) => !values[k as keyof typeof values]);
if (missing.length) {
  console.error(`Missing: ${missing.map((m) => `--${m}`).join(' ')}`);
  process.exit(2);
}
process.env[env.table] = values.table;
process.env[env.userPoolId] = values['user-pool'];
const agency = NewAgency.parse({ id: values['agency-id'], kind: 'ppid_utama', name: values['agency-name'], timezone: values.timezone });
const admin = NewUser.parse({ username: values.username, name: values.name, email: values.email, role: 'admin', agencyId: agency.id });
const actor: Principal = { username: 'bootstrap', name: 'Bootstrap', role: 'admin', agencyId: agency.id };
const ctx = { store: dynamoStore, identity: identityDirectory(), requestId: `bootstrap-${Date.now()}`, now: new Date() };
if (!(await dynamoStore.getAgency(agency.id))) await createAgency(ctx, actor, agency);
if (!(await dynamoStore.getUser(admin.username))) await createUser(ctx, actor, admin);
await setPublicBody(ctx, actor, { name: values['body-name'] as string });
const holidays = await loadShippedHolidays(ctx, actor);
console.log(
  `PPID Utama ${agency.id} and admin ${admin.username} are in place (${holidays} holidays loaded); Cognito has mailed the temporary password to ${admin.email}.`,
);
