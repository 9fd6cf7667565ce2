/**
 * Official documents: one module that every generated PDF goes through (document.ts), with the
 * people as documents name them (people.ts), the electronic signature behind a port (signing.ts),
 * and the verification of a print-out (verification.ts). No AWS imports.
 *
 * `issueDocument` is the only way a document is issued: rendered with a signature placeholder,
 * signed, hashed. A signature that fails throws SigningError and nothing is returned, so the caller
 * (e.g. the SetDik task) stores and records nothing: no document is half-issued.
 */
import { createHash } from 'node:crypto';
import { type DocumentSpec, renderDocument } from './document.ts';
import type { DocumentSigner } from './signing-error.ts';

export * from './document.ts';
export * from './people.ts';
// The port and its error from their own module. The signer's code (signing.ts: node-forge, @signpdf)
// is not re-exported: issueDocument loads it at its first signature, the adapters where they sign.
// (Even an unused re-export would put it in the chunk every importer of this module loads.)
export { type DocumentSigner, SigningError } from './signing-error.ts';
export * from './verification.ts';

export interface IssuedDocument {
  bytes: Uint8Array;
  sha256: string;
  size: number;
}

export async function issueDocument(spec: DocumentSpec, signer: DocumentSigner, reason: string, location: string): Promise<IssuedDocument> {
  await signer.ready?.();
  const unsigned = await renderDocument(spec, { signerName: signer.name, reason, location, signingTime: spec.createdAt });
  const { signPdf } = await import('./signing.ts');
  const bytes = await signPdf(unsigned, signer);
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength };
}
