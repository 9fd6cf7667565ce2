/**
 * The local host's signing certificate: on first start, a self-signed RSA-2048 certificate for the
 * body ("Sertifikat Elektronik Lokal — bukan BSrE"), kept as a PKCS#12 under `<dataDir>/signing/`
 * with its passphrase beside it (0600), and used on every later start. In AWS the body's PKCS#12
 * from its certified provider (BSrE) sits in Secrets Manager instead (functions/adapters/signing.ts).
 *
 * A local certificate proves only that the local system signed the file: verifiers show it as
 * untrusted, which is right for a laptop.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export const SIGNING_ENV = { p12File: 'SIGNING_P12_FILE', passphraseFile: 'SIGNING_PASSPHRASE_FILE' } as const;

/** A self-signed signing certificate as PKCS#12 (AES-256), valid for `years` from `now`. */
export function createLocalCertificate(opts: { commonName: string; organization: string; now?: Date; years?: number }): {
  p12: Uint8Array;
  passphrase: string;
} {
  const now = opts.now ?? new Date();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  cert.validity.notAfter = new Date(now.getTime() + (opts.years ?? 5) * 365 * 24 * 3600 * 1000);
  const subject = [
    { name: 'commonName', value: opts.commonName },
    { name: 'organizationName', value: opts.organization },
    { name: 'countryName', value: 'ID' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const passphrase = randomBytes(18).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: 'aes256', friendlyName: opts.commonName });
  return { p12: new Uint8Array(Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')), passphrase };
}

/**
 * Makes sure `<dataDir>/signing/` holds the local certificate (creating it on first start) and
 * returns the environment variables that point the signing adapter at it.
 */
export function ensureLocalSigning(dataDir: string): Record<string, string> {
  const dir = join(dataDir, 'signing');
  const p12File = join(dir, 'local-signing.p12');
  const passphraseFile = join(dir, 'local-signing.passphrase');
  if (!existsSync(p12File) || !existsSync(passphraseFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { p12, passphrase } = createLocalCertificate({
      commonName: 'SIP PPID Lokal (sertifikat uji, bukan BSrE)',
      organization: 'SIP PPID local host',
    });
    writeFileSync(passphraseFile, passphrase, { mode: 0o600 });
    writeFileSync(p12File, p12, { mode: 0o600 });
  }
  readFileSync(passphraseFile); // fail now, not at the first signature, if it cannot be read
  return { [SIGNING_ENV.p12File]: p12File, [SIGNING_ENV.passphraseFile]: passphraseFile };
}
