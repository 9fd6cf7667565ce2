/**
 * The signing port and its error, apart from the signer's code (signing.ts, which carries node-forge
 * and @signpdf): a module that only names the port or throws or catches a SigningError does not load
 * the signer at its import.
 */

export interface DocumentSigner {
  /** The detached CMS SignedData (DER) over `content`, the PDF without its /Contents value. */
  sign(content: Uint8Array): Promise<Uint8Array>;
  /** The signer's certificate subject (common name), for the signature dictionary's /Name (valid after `ready`). */
  readonly name: string;
  /** Loads the certificate if the adapter defers that; a SigningError if it cannot. */
  ready?(): Promise<void>;
}

/** Thrown when the signature cannot be applied: the document is not issued. */
export class SigningError extends Error {
  override name = 'SigningError';
}
