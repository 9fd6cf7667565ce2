/**
 * The Atasan PPID's written response to an objection (tanggapan atas keberatan, UU 14/2008 Pasal 36
 * ayat (2)), as a spec of the one document module (official-documents/): it gives it its letterhead,
 * layout, PDF/A, signature and QR code, as requests/notice.ts does for the written notice.
 *
 *   - to the objector (name and address from the personal record of the request, or of the
 *     objection itself for ground b with no request);
 *   - the objection's number and date of receipt, the request's number (when there is one), what was
 *     asked, the grounds (Pasal 35 ayat (1), by their letters a–g) and the case in brief;
 *   - the Atasan PPID's decision: KEBERATAN DITERIMA (the PPID is ordered to provide the information
 *     in whole or in part by a date, in words) or KEBERATAN DITOLAK, and the reasons (pertimbangan);
 *   - the right to take the dispute to the Komisi Informasi within 14 working days after receiving the
 *     response (Pasal 37 ayat (2)), with the last day (from `disputeWindow`) when it is known;
 *   - signed by the Atasan PPID: full name, position, rank and NIP, never a login.
 *
 * Issued on the letterhead of PPID Utama's unit (the Atasan PPID's office answers through it), dated
 * the day of issue in that unit's time zone.
 *
 * Personal data (UU 27/2022): the objector's name and address are printed on the face of this private
 * PDF only; they are kept out of the metadata (title, subject, keywords, XMP) and out of the
 * verification identity.
 *
 * Pure: every date comes from the objection and the context, so the same input gives the same bytes.
 */
import { letterheadOf, type UnitLetterhead } from '../exclusion-pdf.ts';
import {
  type Block,
  type DocumentSpec,
  indonesianDate,
  type Official,
  renderDocument,
  verificationCode,
  verificationUrl,
} from '../official-documents/index.ts';
import { indonesianDateTime, indonesianDateWithDay, issueDateOf } from '../requests/notice.ts';
import { GROUND_TEXT, type Objection } from './model.ts';

export interface ResponseContext {
  publicBody: { name: string; coatOfArms?: Uint8Array };
  /** PPID Utama's unit (`unitLetterhead`): its letterhead; its `city` and `timezone` date the response (default Asia/Jakarta). */
  ppidUtama: UnitLetterhead;
  /**
   * The Atasan PPID who signs, with rank and NIP from the user record (`officialOf`). Without it, the
   * responder recorded on the objection (`o.response.responder`: name, position, NIP).
   */
  signer?: Official;
  /** From the personal record (the request's requester, or `ObjectionPersonal.objector`): printed on the face only. */
  objector: { fullName: string; address: string };
  /**
   * The request's tracking-code hash (`Request.trackingHash`) for an objection on a request: objection
   * ids are sequential, so the verification identity holds a secret only the server knows. An
   * objection with no request has its own (`o.trackingHash`), used first.
   */
  requestTrackingHash?: string;
  /** Where the dispute is filed, e.g. "Komisi Informasi Provinsi Kalimantan Barat" (default "Komisi Informasi"). */
  commission?: string;
  /** The public register's origin, for the verification URL. */
  registerUrl: string;
  /** The response's own number, e.g. "TKB/2026/0007". */
  number: string;
  /** The instant of issue: the creation date, and (local) the date under the signature. */
  issuedAt: string;
}

/**
 * The verification code of an objection's response: the objection's id with the tracking-code hash
 * (its own, or its request's), so nobody can compute the code of another response.
 */
export function responseDocumentCode(o: Pick<Objection, 'objectionId' | 'trackingHash'>, requestTrackingHash?: string): string {
  const secret = o.trackingHash ?? requestTrackingHash;
  if (!secret) throw new Error(`responseDocumentCode: objection ${o.objectionId} needs its own or its request's tracking hash`);
  return verificationCode(`objection/${o.objectionId}/${secret}/response`);
}

// ---------------------------------------------------------------------------------------------
// Text

const DEFAULT_ZONE = 'Asia/Jakarta';
const UU = 'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik';
/** Room for the longest label ("Nomor pendaftaran permohonan") on one line. */
const LABEL_WIDTH = 190;

const SCOPE_TEXT = { full: 'seluruhnya', partial: 'sebagian' } as const;

const zoneOf = (rctx: ResponseContext) => rctx.ppidUtama.timezone ?? DEFAULT_ZONE;

/** The decision and what it orders, in the words of the response. */
function decisionBlocks(o: Objection, body: string): Block[] {
  const r = o.response!;
  if (r.decision === 'granted') {
    const scope = SCOPE_TEXT[r.scope ?? 'full'];
    return [
      { kind: 'paragraph', text: 'KEBERATAN DITERIMA', bold: true, align: 'center' },
      { kind: 'gap', size: 4 },
      {
        kind: 'paragraph',
        text:
          `Atasan PPID ${body} menerima keberatan Saudara/i dan memerintahkan Pejabat Pengelola Informasi dan Dokumentasi (PPID) ${body} ` +
          `untuk memberikan informasi yang dimohon ${scope} kepada Saudara/i paling lambat ${indonesianDateWithDay(r.provideBy ?? '')}.`,
      },
    ];
  }
  return [
    { kind: 'paragraph', text: 'KEBERATAN DITOLAK', bold: true, align: 'center' },
    { kind: 'gap', size: 4 },
    {
      kind: 'paragraph',
      text: `Atasan PPID ${body} menolak keberatan Saudara/i dengan pertimbangan sebagaimana diuraikan di bawah ini.`,
    },
  ];
}

/** The right to take the dispute to the Komisi Informasi (Pasal 37 ayat (2)), with its last day when known. */
function disputeText(o: Objection, rctx: ResponseContext): string {
  const commission = rctx.commission?.trim() || 'Komisi Informasi';
  const until = o.disputeWindow ? `, yaitu sampai dengan ${indonesianDateTime(o.disputeWindow.at, zoneOf(rctx))}` : '';
  return (
    `Apabila Saudara/i tidak puas dengan tanggapan ini, Saudara/i dapat mengajukan permohonan penyelesaian sengketa informasi publik kepada ${commission} ` +
    `paling lambat 14 (empat belas) hari kerja setelah menerima tanggapan ini${until} (${UU} Pasal 37 ayat (2)), ` +
    `dengan menyebutkan nomor registrasi keberatan ${o.number} dan nomor tanggapan ini (${rctx.number}).`
  );
}

/**
 * The written response of the Atasan PPID to an objection (Pasal 36 ayat (2)). Requires the
 * response to be recorded (`o.response`).
 */
export function responseSpec(o: Objection, rctx: ResponseContext): DocumentSpec {
  const r = o.response;
  if (!r) throw new Error(`responseSpec: objection ${o.objectionId} has no response yet`);
  if (r.decision === 'granted' && !r.provideBy) throw new Error(`responseSpec: objection ${o.objectionId} is granted without a date to provide by`);
  const body = rctx.publicBody.name;
  const signer: Official = rctx.signer ?? { name: r.responder.name, position: r.responder.position, ...(r.responder.nip ? { nip: r.responder.nip } : {}) };
  const onRequest = o.requestNumber ? ` atas permohonan informasi publik nomor pendaftaran ${o.requestNumber}` : '';

  const blocks: Block[] = [
    {
      kind: 'paragraph',
      text: `${UU}, Pasal 36 ayat (2); Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik`,
      align: 'center',
      size: 9,
    },
    { kind: 'gap', size: 8 },
    { kind: 'paragraph', text: 'Kepada Yth.' },
    { kind: 'paragraph', text: `Sdr./Sdri. ${rctx.objector.fullName}`, bold: true },
    { kind: 'paragraph', text: rctx.objector.address },
    { kind: 'gap', size: 8 },
    {
      kind: 'paragraph',
      text:
        `Berdasarkan keberatan${onRequest} yang Saudara/i ajukan dan kami terima pada tanggal ${indonesianDate(o.receivedOn)} ` +
        `dengan nomor registrasi ${o.number}, bersama ini Atasan Pejabat Pengelola Informasi dan Dokumentasi (Atasan PPID) ${body} ` +
        'menyampaikan tanggapan tertulis sebagai berikut.',
    },
    { kind: 'section', number: '1', title: 'Keberatan' },
    {
      kind: 'fields',
      labelWidth: LABEL_WIDTH,
      rows: [
        ['Nomor registrasi keberatan', o.number],
        ['Tanggal diterima', indonesianDateWithDay(o.receivedOn)],
        ['Nomor pendaftaran permohonan', o.requestNumber ?? '— (keberatan atas informasi berkala, tanpa permohonan)'],
        ['Nama pengaju keberatan', rctx.objector.fullName],
        ['Alamat', rctx.objector.address],
        [o.requestNumber ? 'Informasi yang dimohon' : 'Informasi berkala', o.information],
      ],
    },
    { kind: 'section', number: '2', title: 'Alasan keberatan (UU 14/2008 Pasal 35 ayat (1))' },
    ...o.grounds.map((g): Block => ({ kind: 'paragraph', text: `${g}. ${GROUND_TEXT[g].id}`, indent: 18 })),
    { kind: 'section', number: '3', title: 'Kasus posisi (ringkasan keberatan)' },
    { kind: 'paragraph', text: o.case },
    { kind: 'section', number: '4', title: 'Keputusan Atasan PPID' },
    ...decisionBlocks(o, body),
    { kind: 'section', number: '5', title: 'Pertimbangan' },
    { kind: 'paragraph', text: r.reasons },
    { kind: 'section', number: '6', title: 'Hak mengajukan penyelesaian sengketa informasi' },
    { kind: 'paragraph', text: disputeText(o, rctx) },
  ];

  const code = responseDocumentCode(o, rctx.requestTrackingHash);
  const capacity = /atasan ppid/i.test(signer.position) ? undefined : `Atasan PPID ${body},`;
  return {
    type: 'objection_response',
    number: rctx.number,
    title: `Tanggapan atas Keberatan Nomor ${rctx.number} atas Keberatan ${o.number}`,
    subject: `Tanggapan tertulis Atasan PPID atas keberatan (UU 14/2008 Pasal 36 ayat (2)), ${body}`,
    author: body,
    keywords: ['tanggapan atas keberatan', 'keberatan', o.number, ...(o.requestNumber ? [o.requestNumber] : [])],
    createdAt: rctx.issuedAt,
    letterhead: letterheadOf(rctx.publicBody, rctx.ppidUtama),
    heading: ['TANGGAPAN ATAS KEBERATAN', `Nomor: ${rctx.number}`],
    blocks,
    signature: {
      form: 'letter',
      place: rctx.ppidUtama.city ?? '',
      date: issueDateOf(rctx, 'responseSpec'),
      official: signer,
      ...(capacity ? { capacity } : {}),
    },
    footerLabel: `Tanggapan atas Keberatan ${rctx.number} – Keberatan ${o.number}`,
    verificationUrl: verificationUrl(rctx.registerUrl, code),
  };
}

/** The unsigned response (previews and tests; the issuing task signs it with issueDocument). */
export const responsePdf = (o: Objection, rctx: ResponseContext) => renderDocument(responseSpec(o, rctx));
