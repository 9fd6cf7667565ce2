/**
 * The electronic signature of issued documents (PAdES baseline B-B: a CAdES detached CMS in the
 * PDF's signature dictionary, /SubFilter /ETSI.CAdES.detached), behind a port.
 *
 *   DocumentSigner (port)      sign(bytes) → CMS SignedData. Adapters (functions/adapters/signing.ts):
 *                              local — a PKCS#12 the local host generated on first start (.data/signing/);
 *                              AWS   — the body's PKCS#12 and passphrase from Secrets Manager.
 *                              A certified provider's signing service (BSrE) can replace either: it
 *                              needs only to return a CMS over the bytes it is given.
 *   p12Signer                  a DocumentSigner from a PKCS#12 (key + certificate chain), used by both
 *                              adapters: CAdES-BES with the ESS signing-certificate-v2 attribute and no
 *                              signing-time attribute (PAdES puts the time in the dictionary's /M).
 *   signPdf                    fills the placeholder that document.ts reserves, with @signpdf/signpdf.
 *
 * RSA PKCS#1 v1.5 signatures are deterministic, and the CMS carries no time, so the same document
 * signed with the same key gives the same bytes: a retried task stores the same file.
 */
import { createHash, createPrivateKey, sign as rsaSign } from 'node:crypto';
import { Signer, SignPdf } from '@signpdf/signpdf';
import forge from 'node-forge';

import { type DocumentSigner, SigningError } from './signing-error.ts';

export { type DocumentSigner, SigningError };

const { asn1 } = forge;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

const seq = (...v: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, v);
const set = (...v: forge.asn1.Asn1[]) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, v);
const oid = (o: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(o).getBytes());
const octets = (bytes: string) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes);
const int = (n: number) => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '');
const der = (a: forge.asn1.Asn1) => asn1.toDer(a).getBytes();
const algorithm = (o: string) => seq(oid(o), nul());
const sha256 = (binary: string) => createHash('sha256').update(Buffer.from(binary, 'binary')).digest('binary');

/** A DocumentSigner from a PKCS#12 file: the key, its certificate and the chain. Throws SigningError if unusable. */
export function p12Signer(p12: Uint8Array, passphrase: string): DocumentSigner {
  let key: forge.pki.rsa.PrivateKey;
  let certs: forge.pki.Certificate[];
  try {
    const parsed = forge.pkcs12.pkcs12FromAsn1(asn1.fromDer(Buffer.from(p12).toString('binary')), false, passphrase);
    const keyBag = parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0];
    certs = (parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((b) => b.cert!).filter(Boolean);
    if (!keyBag?.key) throw new Error('no private key in the PKCS#12');
    key = keyBag.key as forge.pki.rsa.PrivateKey;
  } catch (e) {
    throw new SigningError(`The signing certificate cannot be read: ${(e as Error).message}`);
  }
  const cert = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n.compareTo(key.n) === 0 && pub.e.compareTo(key.e) === 0;
  });
  if (!cert) throw new SigningError('The signing certificate does not match its private key.');
  const keyObject = createPrivateKey(forge.pki.privateKeyToPem(key));
  const certDer = der(forge.pki.certificateToAsn1(cert));
  const chain = [cert, ...certs.filter((c) => c !== cert)];
  const name = String(cert.subject.getField('CN')?.value ?? 'SIP PPID');

  return {
    name,
    async sign(content) {
      const now = Date.now();
      if (now < cert.validity.notBefore.getTime() || now > cert.validity.notAfter.getTime()) {
        throw new SigningError(
          `The signing certificate is not valid now (valid ${cert.validity.notBefore.toISOString()} – ${cert.validity.notAfter.toISOString()}).`,
        );
      }
      const digest = createHash('sha256').update(content).digest('binary');
      const attributes = [
        seq(oid(OID.contentType), set(oid(OID.data))),
        seq(oid(OID.messageDigest), set(octets(digest))),
        // ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into what is signed.
        seq(oid(OID.signingCertificateV2), set(seq(seq(seq(octets(sha256(certDer))))))),
      ];
      // DER: a SET OF is sorted by the encodings of its elements.
      const sorted = attributes.map(der).sort();
      const signedAttrs = `\x31${derLength(sorted.join('').length)}${sorted.join('')}`;
      const signature = rsaSign('sha256', Buffer.from(signedAttrs, 'binary'), keyObject).toString('binary');
      // IssuerAndSerialNumber: TBSCertificate is [version, serialNumber, signature, issuer, …].
      const tbs = (forge.pki.certificateToAsn1(cert).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
      const signerInfo = seq(
        int(1),
        seq(tbs[3]!, tbs[1]!),
        algorithm(OID.sha256),
        asn1.create(
          asn1.Class.CONTEXT_SPECIFIC,
          0,
          true,
          sorted.map((d) => asn1.fromDer(d)),
        ),
        algorithm(OID.rsaEncryption),
        octets(signature),
      );
      const signedData = seq(
        int(1),
        set(algorithm(OID.sha256)),
        seq(oid(OID.data)),
        asn1.create(
          asn1.Class.CONTEXT_SPECIFIC,
          0,
          true,
          chain.map((c) => forge.pki.certificateToAsn1(c)),
        ),
        set(signerInfo),
      );
      const contentInfo = seq(oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData]));
      return new Uint8Array(Buffer.from(der(contentInfo), 'binary'));
    },
  };
}

function derLength(n: number): string {
  if (n < 128) return String.fromCharCode(n);
  let bytes = '';
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes = String.fromCharCode(v & 0xff) + bytes;
  return String.fromCharCode(0x80 | bytes.length) + bytes;
}

/** @signpdf's signer interface, delegating to the port. */
class PortSigner extends Signer {
  constructor(private readonly port: DocumentSigner) {
    super();
  }
  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await this.port.sign(pdfBuffer));
  }
}

/**
 * Signs a PDF that carries the placeholder document.ts reserves (ByteRange and /Contents). Any
 * failure (the port, a signature larger than the room reserved) is a SigningError.
 */
export async function signPdf(pdf: Uint8Array, signer: DocumentSigner): Promise<Uint8Array> {
  try {
    const signed = await new SignPdf().sign(Buffer.from(pdf), new PortSigner(signer));
    return new Uint8Array(signed);
  } catch (e) {
    if (e instanceof SigningError) throw e;
    throw new SigningError(`The document could not be signed: ${(e as Error).message}`);
  }
}
