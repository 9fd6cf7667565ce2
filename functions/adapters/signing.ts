/**
 * The signing port's adapters (functions/core/official-documents/signing.ts):
 *
 *   AWS    SIGNING_SECRET_ARN names a Secrets Manager secret holding the body's certificate and key
 *          as JSON `{ "p12": "<base64 PKCS#12>", "passphrase": "…" }` (the body's BSrE certificate;
 *          see README). Only the functions that issue documents may read it (infra/system.ts
 *          `uses: ['signing']`, granted in the CDK stack).
 *   local  SIGNING_P12_FILE and SIGNING_PASSPHRASE_FILE, the certificate the local host generated on
 *          first start (infra/local/signing.ts).
 *
 * The parsed signer is kept for 15 minutes per container, so a rotated secret is used soon after.
 * A missing or unreadable certificate is a SigningError: the document is not issued. The signer's
 * code (node-forge) and the Secrets Manager client are imported at the first signature.
 */
import { readFileSync } from 'node:fs';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { env } from '../../infra/system.ts';
import type { DocumentSigner } from '../core/official-documents/signing-error.ts';

const KEEP_MS = 15 * 60 * 1000;
let cached: { signer: DocumentSigner; at: number; source: string } | undefined;
let client: SecretsManagerClient | undefined;

async function load(): Promise<{ signer: DocumentSigner; source: string }> {
  // Loaded at the first signature, not at import: most functions that may sign never do in a given
  // invocation, and node-forge, the PDF signer and the Secrets Manager client weigh on every cold start.
  const { p12Signer, SigningError } = await import('../core/official-documents/signing.ts');
  const secretArn = process.env[env.signingSecretArn];
  if (secretArn) {
    const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
    client ??= new SecretsManagerClient({});
    let secret: { p12?: string; passphrase?: string };
    try {
      const res = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
      secret = JSON.parse(res.SecretString ?? '{}');
    } catch (e) {
      throw new SigningError(`The signing certificate cannot be read from Secrets Manager: ${(e as Error).message}`);
    }
    if (!secret.p12) throw new SigningError('The signing secret holds no certificate (expected JSON with "p12" in base64 and "passphrase").');
    return { signer: p12Signer(Buffer.from(secret.p12, 'base64'), secret.passphrase ?? ''), source: secretArn };
  }
  const file = process.env.SIGNING_P12_FILE;
  if (file) {
    try {
      const passphraseFile = process.env.SIGNING_PASSPHRASE_FILE;
      const passphrase = passphraseFile ? readFileSync(passphraseFile, 'utf8').trim() : '';
      return { signer: p12Signer(readFileSync(file), passphrase), source: file };
    } catch (e) {
      if (e instanceof SigningError) throw e;
      throw new SigningError(`The local signing certificate cannot be read: ${(e as Error).message}`);
    }
  }
  throw new SigningError(`No signing certificate is configured (${env.signingSecretArn} or SIGNING_P12_FILE).`);
}

/** The signer for issuing documents. Loading it is deferred to the first signature, so a task that issues nothing never reads the secret. */
export function documentSigner(): DocumentSigner {
  const current = async () => {
    const source = process.env[env.signingSecretArn] ?? process.env.SIGNING_P12_FILE ?? '';
    if (!cached || cached.source !== source || Date.now() - cached.at > KEEP_MS) cached = { ...(await load()), at: Date.now() };
    return cached.signer;
  };
  let name = 'SIP PPID';
  return {
    get name() {
      return name;
    },
    async ready() {
      name = (await current()).name;
    },
    async sign(content) {
      const signer = await current();
      name = signer.name;
      return signer.sign(content);
    },
  };
}
