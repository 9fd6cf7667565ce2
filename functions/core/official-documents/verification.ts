/**
 * Verification of a print-out: every issued document carries a QR code and a short URL to
 * `/verifikasi/<code>` on the public register, a static page (Indonesian, and English at
 * `/en/verifikasi/<code>`) that the register builder writes from a `VerificationRecord`.
 *
 * The record holds only what the printed document itself shows on its face and what identifies the
 * file: number, type, date, issuing unit, signatory (name and position), the SHA-256 of the signed
 * file, and whether it was withdrawn or replaced. Never its content, never the requester.
 *
 * The code is derived from the document's identity (an unguessable record id, e.g. an exclusion's
 * UUID, plus which document of it), so a retried task renders the same code, hence the same bytes.
 * 12 characters of Crockford base32 (60 bits) without I, L, O, U: short enough to type from paper.
 */
import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The verification code of one document, e.g. `7KQ2M9XH4T1B`. `identity` must be unguessable (it contains a UUID). */
export function verificationCode(identity: string): string {
  const digest = createHash('sha256').update(`sip-ppid/verification/${identity}`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of digest) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 12) {
      out += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length === 12) break;
    value &= (1 << bits) - 1;
  }
  return out;
}

export const VERIFICATION_CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/** The path of a verification page on the register (no leading slash), as `pagePath` writes paths. */
export const verificationPath = (code: string) => `verifikasi/${code}/index.html`;

/**
 * The URL printed on the document and in its QR code: `<registerUrl>/verifikasi/<code>/`. The
 * trailing slash names the page's directory, which every static host serves as its index.html.
 */
export function verificationUrl(registerUrl: string, code: string): string {
  return `${registerUrl.replace(/\/+$/, '')}/verifikasi/${code}/`;
}

export type DocumentType =
  | 'consequence_test_sheet'
  | 'exclusion_decree'
  | 'request_notice'
  | 'request_extension_notice'
  | 'objection_response'
  /** A report of the report menu (SOP 001): the annual report, the summary, the recaps and registers. */
  | 'service_report';

/** The names of the document types, as the verification page shows them. */
export const DOCUMENT_TYPE_TEXT: Record<DocumentType, { id: string; en: string }> = {
  consequence_test_sheet: { id: 'Lembar Uji Konsekuensi Informasi yang Dikecualikan', en: 'Consequence-test sheet (excluded information)' },
  exclusion_decree: { id: 'Keputusan PPID tentang Penetapan Informasi yang Dikecualikan', en: 'PPID decree setting information as excluded' },
  request_notice: { id: 'Pemberitahuan Tertulis atas Permohonan Informasi Publik', en: 'Written notice on a request for public information' },
  request_extension_notice: {
    id: 'Pemberitahuan Perpanjangan Waktu atas Permohonan Informasi Publik',
    en: 'Notice extending the time to answer a request for public information',
  },
  objection_response: { id: 'Tanggapan Atasan PPID atas Keberatan', en: "The Atasan PPID's response to an objection" },
  service_report: { id: 'Laporan Layanan Informasi Publik', en: 'Public information service report' },
};

export type VerificationStatus = 'valid' | 'withdrawn' | 'replaced';

/** What the verification page shows, and nothing else. */
export interface VerificationRecord {
  code: string;
  type: DocumentType;
  /** The document's number (a decree's number; a sheet's DIK number). */
  number: string;
  /** The date on the document (YYYY-MM-DD). */
  date: string;
  /** The issuing unit (agency) and the body. */
  unit: { agencyId: string; name: string };
  bodyName: string;
  signatory: { name: string; position: string };
  /** SHA-256 (hex) of the signed PDF file as issued. */
  sha256: string;
  size: number;
  issuedAt: string;
  status: VerificationStatus;
  /** When withdrawn or replaced: when, and (replaced) the code of the document that replaces it. */
  statusAt?: string;
  replacedBy?: string;
  /** Why it was withdrawn, in public words (e.g. "the exclusion was revoked"); never a private note. */
  statusReason?: { id: string; en: string };
}
