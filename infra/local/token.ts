/**
 * `npm run token -- <username> [password]`: prints an ID token from the running local host, for
 * curl or the AWS SDK:  curl -H "Authorization: Bearer $(npm run -s token -- admin)" localhost:3000/api/me
 */
const [username = 'admin', password = process.env.LOCAL_PASSWORD ?? 'demo12345'] = process.argv.slice(2);
const base = process.env.SIP_PPID_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
const res = await fetch(`${base}/auth/oauth2/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'password', client_id: 'staff-app', username, password }),
}).catch((e: Error) => {
  console.error(`Cannot reach the local host at ${base} (${e.message}). Start it with: npm start`);
  process.exit(1);
});
const body = (await res.json()) as { id_token?: string; error_description?: string; error?: string };
if (!body.id_token) {
  console.error(`No token for ${username}: ${body.error_description ?? body.error}`);
  process.exit(1);
}
console.log(body.id_token);
