/**
 * The documents of an information request, as specs of the one document module
 * (official-documents/): it gives them their letterhead, layout, PDF/A, signature and QR code.
 *
 *   - the written notice (Pemberitahuan Tertulis, UU 14/2008 Pasal 22 ayat (7), the Perki 1/2021
 *     form): to the requester; the registration number, the date of receipt, what was asked and
 *     why; whether the body holds the information (if not, the body that may hold it); the decision
 *     (granted / granted in part / refused) and each SKPD's part of it (form, cost, how to pay,
 *     delivery time, the released files, what was blacked out and on which ground); for a refusal,
 *     the grounds (DIK number, legal basis, consequence-test result) and the KEPUTUSAN PENOLAKAN
 *     with the right to object to the Atasan PPID within 30 working days (Pasal 35–36); how and
 *     when the information is delivered;
 *   - the extension notice (Pemberitahuan Perpanjangan Waktu, Pasal 22 ayat (8)): the original and
 *     the new deadline, and the written reasons.
 *
 * Both are issued by PPID Utama: its unit's letterhead, signed by the PPID official, in its city,
 * dated the day of issue in its time zone. People by full name, position and NIP, never by login.
 *
 * Personal data (UU 27/2022): the requester's name and address are printed on the face of these
 * private PDFs only; they are kept out of the metadata (title, subject, keywords, XMP) and out of
 * the verification identity.
 *
 * Pure: every date comes from the request and the context, so the same input gives the same bytes.
 */
import { localDateOf, wallClock } from '../calendar.ts';
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
import type { DELIVERY_METHODS, Decision, OBTAIN_FORMS, Request, RequestPart } from './model.ts';

export interface NoticeContext {
  publicBody: { name: string; coatOfArms?: Uint8Array };
  /** PPID Utama's unit: it issues both notices. Its `timezone` dates them (default Asia/Jakarta). */
  ppidUtama: UnitLetterhead;
  /** The SKPDs by agency id, for the parts of the answer. */
  agencies: Record<string, { name: string }>;
  /** The PPID official who signs. */
  signer: Official;
  /** From the request's personal record: printed on the notice only. */
  requester: { fullName: string; address: string };
  /** The public register's origin, for the verification URL and the status page. */
  registerUrl: string;
  /** The notice's own number, e.g. "PTT/2026/00042". */
  number: string;
  /** The instant of issue: the creation date, and (local) the date under the signature. */
  issuedAt: string;
}

export type NoticeDocument = 'notice' | 'extension';

/** The verification code of a request's notice or extension notice. */
/**
 * The verification code of a request's notice. Request ids are sequential, so the identity also holds
 * the tracking code's hash (known only to the server): nobody can compute the codes of other notices.
 */
export const noticeDocumentCode = (r: Pick<Request, 'requestId' | 'trackingHash'>, doc: NoticeDocument) =>
  verificationCode(`request/${r.requestId}/${r.trackingHash}/${doc}`);

// ---------------------------------------------------------------------------------------------
// Text

const DEFAULT_ZONE = 'Asia/Jakarta';
const WEEKDAYS = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
/** Indonesia's three time zones (Keppres 41/1987): the abbreviation a letter prints. */
const ZONE_ABBREVIATION: Record<string, string> = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };

const pad2 = (n: number) => String(n).padStart(2, '0');
/** "WIB", "WITA", "WIT"; for another zone its offset at that instant, "UTC+05:30". */
function zoneAbbreviation(ms: number, timeZone: string): string {
  const known = ZONE_ABBREVIATION[timeZone];
  if (known) return known;
  const w = wallClock(ms, timeZone);
  const whole = Math.floor(ms / 1000) * 1000;
  const offset = (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole) / 60_000;
  const abs = Math.abs(offset);
  return `UTC${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/** "2026-12-15" → "Selasa, 15 Desember 2026"; anything else is returned as it is. */
export function indonesianDateWithDay(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  const long = indonesianDate(isoDate);
  if (!m || long === isoDate) return isoDate;
  return `${WEEKDAYS[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()]}, ${long}`;
}

/**
 * An instant as a letter prints it, in a zone: "Selasa, 15 Desember 2026 pukul 23.59 WIB".
 * Anything that is not an instant is returned as it is.
 */
export function indonesianDateTime(instant: string, timeZone: string = DEFAULT_ZONE): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) return instant;
  const w = wallClock(ms, timeZone);
  const date = `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
  return `${indonesianDateWithDay(date)} pukul ${pad2(w.hour)}.${pad2(w.minute)} ${zoneAbbreviation(ms, timeZone)}`;
}

/** 15000 → "Rp 15.000"; 0 → "tanpa biaya". */
export function rupiah(amount: number): string {
  if (amount <= 0) return 'tanpa biaya';
  return `Rp ${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** How to obtain the information, as the Perki 1/2021 form words it. */
export const OBTAIN_FORM_TEXT: Record<(typeof OBTAIN_FORMS)[number], string> = {
  view: 'melihat/membaca/mendengarkan/mencatat',
  copy_softcopy: 'mendapatkan salinan informasi (softcopy)',
  copy_hardcopy: 'mendapatkan salinan informasi (hardcopy)',
};

/** How to receive a copy, as the form words it. */
export const DELIVERY_METHOD_TEXT: Record<(typeof DELIVERY_METHODS)[number], string> = {
  collect: 'mengambil langsung',
  courier: 'dikirim melalui kurir',
  post: 'dikirim melalui pos',
  fax: 'dikirim melalui faksimili',
  email: 'dikirim melalui surat elektronik (e-mail)',
};

const DECISION_TEXT: Record<Decision, string> = { granted: 'Dikabulkan', partial: 'Dikabulkan sebagian', refused: 'Ditolak' };

/** Room for the longest label ("Cara mendapatkan salinan informasi") on one line. */
const LABEL_WIDTH = 205;

const UU = 'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik';

// ---------------------------------------------------------------------------------------------
// Shared parts

const zoneOf = (ctx: NoticeContext) => ctx.ppidUtama.timezone ?? DEFAULT_ZONE;

/** The local date of issue of a letter PPID Utama issues (its time zone, default Asia/Jakarta); `what` names it in the error of a bad instant. */
export function issueDateOf(ctx: { issuedAt: string; ppidUtama: { timezone?: string } }, what: string): string {
  const d = new Date(ctx.issuedAt);
  if (Number.isNaN(d.getTime())) throw new Error(`${what}: issuedAt ${JSON.stringify(ctx.issuedAt)} is not an instant`);
  return localDateOf(d, ctx.ppidUtama.timezone ?? DEFAULT_ZONE);
}

const issueDate = (ctx: NoticeContext) => issueDateOf(ctx, 'notice');

const agencyName = (ctx: NoticeContext, agencyId: string) => ctx.agencies[agencyId]?.name ?? agencyId;

/** "Kepada Yth. / name / address": the addressee, as a letter opens. */
const addressee = (ctx: NoticeContext): Block[] => [
  { kind: 'paragraph', text: 'Kepada Yth.' },
  { kind: 'paragraph', text: `Sdr./Sdri. ${ctx.requester.fullName}`, bold: true },
  { kind: 'paragraph', text: ctx.requester.address },
  { kind: 'gap', size: 8 },
];

const legalLine = (text: string): Block[] => [
  { kind: 'paragraph', text, align: 'center', size: 9 },
  { kind: 'gap', size: 8 },
];

/** Where and how an objection is filed (the Atasan PPID, through PPID Utama or the register). */
function objectionHow(request: Request, ctx: NoticeContext): string[] {
  const u = ctx.ppidUtama;
  const office = [u.name, u.address, u.email && `pos-el ${u.email}`].filter(Boolean).join(', ');
  return [
    `secara tertulis dengan formulir keberatan, ditujukan kepada Atasan PPID ${ctx.publicBody.name} dan disampaikan melalui PPID Utama (${office});`,
    `atau secara daring melalui laman layanan informasi ${ctx.registerUrl.replace(/\/+$/, '')};`,
    `dengan menyebutkan nomor pendaftaran ${request.number}, nomor pemberitahuan ini (${ctx.number}), dan alasan keberatan.`,
  ];
}

const ATASAN_RESPONSE =
  'Atasan PPID memberikan tanggapan tertulis paling lambat 30 (tiga puluh) hari kerja sejak keberatan diterima (Pasal 36 ayat (2)). ' +
  'Apabila Saudara/i tidak puas dengan tanggapan tersebut, Saudara/i dapat mengajukan permohonan penyelesaian sengketa informasi kepada Komisi Informasi ' +
  'paling lambat 14 (empat belas) hari kerja setelah menerima tanggapan (Pasal 37 ayat (2)).';

// ---------------------------------------------------------------------------------------------
// Pemberitahuan Tertulis

/** The whole body's decision: as recorded when the notice is issued, else from the parts. */
function decisionOf(request: Request, parts: RequestPart[]): Decision {
  if (request.outcome?.decision) return request.outcome.decision;
  const ds = parts.map((p) => p.answer!.decision);
  if (ds.every((d) => d === 'granted')) return 'granted';
  if (ds.every((d) => d === 'refused')) return 'refused';
  return 'partial';
}

const DECISION_LINE: Record<Decision, string> = {
  granted: 'DIKABULKAN: informasi yang dimohon dapat diberikan seluruhnya.',
  partial: 'DIKABULKAN SEBAGIAN: sebagian informasi yang dimohon dapat diberikan; sebagian lainnya merupakan informasi yang dikecualikan.',
  refused: 'DITOLAK: informasi yang dimohon merupakan informasi yang dikecualikan.',
};

/** One SKPD's part of the answer, as "label : value" rows. */
function partRows(part: RequestPart): [string, string][] {
  const a = part.answer!;
  const rows: [string, string][] = [['Keputusan', DECISION_TEXT[a.decision]]];
  if (a.decision !== 'refused') {
    rows.push(['Bentuk informasi', a.form], ['Biaya', rupiah(a.cost)]);
    if (a.cost > 0) rows.push(['Cara pembayaran', a.howToPay?.trim() || 'disampaikan oleh petugas PPID pada saat penyerahan informasi']);
    rows.push(['Waktu penyampaian', a.deliveryTime]);
    rows.push(['Dokumen yang diberikan', a.documents.length ? a.documents.map((d, i) => `${i + 1}) ${d.fileName}`).join('\n') : '—']);
    const redacted = a.documents.filter((d) => d.redaction);
    if (redacted.length)
      rows.push(['Penghitaman/pengaburan', redacted.map((d) => `${d.fileName}: ${d.redaction!.what} (dasar: ${d.redaction!.ground})`).join('\n')]);
  }
  if (a.decision !== 'granted' && a.grounds.length)
    rows.push(['Alasan pengecualian', a.grounds.map((g) => `${g.dikNumber ? `${g.dikNumber}: ` : ''}${g.legalBasis}`).join('\n')]);
  return rows;
}

/** The grounds of every refused or partly refused part, as table rows. */
function groundRows(parts: RequestPart[], ctx: NoticeContext): string[][] {
  const rows: string[][] = [];
  for (const p of parts) {
    const a = p.answer!;
    if (a.decision === 'granted') continue;
    for (const g of a.grounds)
      rows.push([
        String(rows.length + 1),
        agencyName(ctx, p.agencyId),
        g.dikNumber ?? 'uji konsekuensi atas permohonan ini',
        g.legalBasis,
        `Konsekuensi bila dibuka: ${g.consequence.ifOpened}\nPertimbangan kepentingan publik: ${g.consequence.publicInterest}`,
      ]);
  }
  return rows;
}

/** KEPUTUSAN PENOLAKAN: the grounds, the decision, and the right to object (Pasal 35–36). */
function refusalBlocks(request: Request, ctx: NoticeContext, parts: RequestPart[], decision: 'partial' | 'refused'): Block[] {
  const body = ctx.publicBody.name;
  const scope = decision === 'partial' ? 'sebagian dari informasi yang dimohon' : 'informasi yang dimohon';
  return [
    { kind: 'heading', text: 'KEPUTUSAN PENOLAKAN', align: 'center' },
    {
      kind: 'paragraph',
      text: `Pejabat Pengelola Informasi dan Dokumentasi (PPID) ${body} memutuskan bahwa ${scope} merupakan INFORMASI YANG DIKECUALIKAN menurut ${UU} Pasal 17, dengan alasan sebagai berikut:`,
    },
    { kind: 'gap', size: 4 },
    {
      kind: 'table',
      columns: [
        { title: 'No', width: 24, align: 'center' },
        { title: 'Perangkat Daerah', width: 95 },
        { title: 'Nomor DIK', width: 96 },
        { title: 'Dasar hukum', width: 100 },
        { title: 'Hasil uji konsekuensi', width: 166.9 },
      ],
      rows: groundRows(parts, ctx),
    },
    { kind: 'gap', size: 6 },
    {
      kind: 'paragraph',
      text: 'Berdasarkan alasan tersebut, membuka informasi itu dapat menimbulkan konsekuensi sebagaimana hasil uji konsekuensi di atas. Dengan demikian PPID menyatakan bahwa:',
    },
    { kind: 'gap', size: 4 },
    {
      kind: 'paragraph',
      text: decision === 'partial' ? 'PERMOHONAN INFORMASI DITOLAK UNTUK SEBAGIAN' : 'PERMOHONAN INFORMASI DITOLAK',
      bold: true,
      align: 'center',
    },
    { kind: 'gap', size: 6 },
    {
      kind: 'paragraph',
      text:
        `Apabila Saudara/i berkeberatan atas penolakan ini, Saudara/i berhak mengajukan keberatan kepada Atasan PPID ${body} ` +
        'paling lambat 30 (tiga puluh) hari kerja sejak menerima pemberitahuan ini (UU 14/2008 Pasal 35 ayat (1) huruf a dan Pasal 36 ayat (1)). Keberatan diajukan:',
    },
    { kind: 'list', marker: 'letter', indent: 18, items: objectionHow(request, ctx) },
    { kind: 'paragraph', text: ATASAN_RESPONSE },
  ];
}

/** The right to object on the other grounds of Pasal 35 ayat (1) (not answered as asked, fees, delay…). */
function objectionBlocks(request: Request, ctx: NoticeContext, n: string): Block[] {
  return [
    { kind: 'section', number: n, title: 'Hak mengajukan keberatan' },
    {
      kind: 'paragraph',
      text:
        'Apabila permohonan Saudara/i tidak dipenuhi, ditanggapi tidak sebagaimana yang diminta, dikenai biaya yang tidak wajar, atau disampaikan melebihi waktu yang diatur, ' +
        `Saudara/i dapat mengajukan keberatan kepada Atasan PPID ${ctx.publicBody.name} paling lambat 30 (tiga puluh) hari kerja setelah ditemukannya alasan tersebut ` +
        '(UU 14/2008 Pasal 35 ayat (1) dan Pasal 36 ayat (1)). Keberatan diajukan:',
    },
    { kind: 'list', marker: 'letter', indent: 18, items: objectionHow(request, ctx) },
    { kind: 'paragraph', text: ATASAN_RESPONSE },
  ];
}

/**
 * The written notice on a request (Pasal 22 ayat (7)). Requires the request to be routed and, when
 * the body holds the information, every part to be answered.
 */
export function noticeSpec(request: Request, ctx: NoticeContext): DocumentSpec {
  const routing = request.routing;
  if (!routing) throw new Error(`noticeSpec: request ${request.requestId} has not been routed`);
  const held = routing.held && request.outcome?.held !== false;
  const parts = held ? request.parts : [];
  const unanswered = parts.filter((p) => !p.answer).map((p) => p.agencyId);
  if (held && (parts.length === 0 || unanswered.length))
    throw new Error(`noticeSpec: request ${request.requestId} has unanswered parts (${unanswered.join(', ') || 'no parts'})`);
  const body = ctx.publicBody.name;
  const date = issueDate(ctx);
  const c = request.content;
  const decision = held ? decisionOf(request, parts) : undefined;
  const given = parts.filter((p) => p.answer!.decision !== 'refused');
  // The sum of the parts printed above (a refused part gives nothing, so costs nothing).
  const totalCost = given.reduce((sum, p) => sum + p.answer!.cost, 0);
  const anyDocuments = given.some((p) => p.answer!.documents.length > 0);

  const blocks: Block[] = [
    ...legalLine(`${UU}, Pasal 22 ayat (7); Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik`),
    ...addressee(ctx),
    {
      kind: 'paragraph',
      text:
        `Berdasarkan permohonan informasi publik yang Saudara/i ajukan dan kami terima pada tanggal ${indonesianDate(request.receivedOn)} ` +
        `dengan nomor pendaftaran ${request.number}, bersama ini Pejabat Pengelola Informasi dan Dokumentasi (PPID) ${body} menyampaikan pemberitahuan tertulis sebagai berikut.`,
    },
    { kind: 'section', number: '1', title: 'Permohonan' },
    {
      kind: 'fields',
      labelWidth: LABEL_WIDTH,
      rows: [
        ['Nomor pendaftaran', request.number],
        ['Tanggal diterima', indonesianDateWithDay(request.receivedOn)],
        ['Nama pemohon', ctx.requester.fullName],
        ['Alamat', ctx.requester.address],
        ['Rincian informasi yang dibutuhkan', c.information],
        ['Tujuan penggunaan informasi', c.purpose],
        ['Cara memperoleh informasi', OBTAIN_FORM_TEXT[c.obtainForm]],
        ['Cara mendapatkan salinan informasi', DELIVERY_METHOD_TEXT[c.deliveryMethod]],
      ],
    },
    { kind: 'section', number: '2', title: 'Penguasaan informasi' },
  ];

  if (!held) {
    blocks.push({ kind: 'paragraph', text: `Informasi yang dimohon tidak dikuasai oleh ${body}.` });
    blocks.push({
      kind: 'paragraph',
      text: routing.otherBody
        ? `Sepengetahuan kami, informasi tersebut dikuasai oleh: ${routing.otherBody}. Saudara/i dapat mengajukan permohonan informasi kepada badan publik tersebut (UU 14/2008 Pasal 22 ayat (7) huruf b).`
        : 'Kami tidak mengetahui badan publik lain yang menguasai informasi tersebut.',
    });
    blocks.push({ kind: 'section', number: '3', title: 'Keputusan' });
    blocks.push({ kind: 'paragraph', text: `Informasi tidak dapat diberikan karena tidak dikuasai oleh ${body}.` });
    blocks.push(...objectionBlocks(request, ctx, '4'));
  } else {
    const d = decision!;
    blocks.push({
      kind: 'paragraph',
      text: `Informasi yang dimohon dikuasai oleh ${body}, pada: ${parts.map((p) => agencyName(ctx, p.agencyId)).join('; ')}.`,
    });
    blocks.push({ kind: 'section', number: '3', title: 'Keputusan' });
    blocks.push({ kind: 'paragraph', text: DECISION_LINE[d], bold: true });
    blocks.push({ kind: 'section', number: '4', title: 'Rincian jawaban per Perangkat Daerah' });
    parts.forEach((p, i) => {
      if (i > 0) blocks.push({ kind: 'gap', size: 6 });
      blocks.push({ kind: 'paragraph', text: `4.${i + 1}. ${agencyName(ctx, p.agencyId)}`, bold: true });
      blocks.push({ kind: 'fields', indent: 18, labelWidth: 170, rows: partRows(p) });
    });
    let n = 5;
    if (given.length) {
      const times = [...new Set(given.map((p) => p.answer!.deliveryTime))];
      const when = times.length === 1 ? times[0]! : given.map((p) => `${agencyName(ctx, p.agencyId)}: ${p.answer!.deliveryTime}`).join('; ');
      blocks.push({ kind: 'section', number: String(n++), title: 'Biaya, cara dan waktu penyampaian informasi' });
      blocks.push({
        kind: 'fields',
        labelWidth: LABEL_WIDTH,
        rows: [
          ['Jumlah biaya', rupiah(totalCost)],
          ['Cara memperoleh informasi', OBTAIN_FORM_TEXT[c.obtainForm]],
          ['Cara penyampaian', DELIVERY_METHOD_TEXT[c.deliveryMethod]],
          ['Waktu penyampaian', when],
        ],
      });
      if (anyDocuments)
        blocks.push({
          kind: 'paragraph',
          text: `Dokumen yang diberikan juga dapat diunduh oleh pemohon melalui halaman status permohonan di ${ctx.registerUrl.replace(/\/+$/, '')}, dengan nomor pendaftaran dan kode pelacakan permohonan.`,
        });
    }
    if (d === 'granted') blocks.push(...objectionBlocks(request, ctx, String(n)));
    else blocks.push(...refusalBlocks(request, ctx, parts, d));
  }

  const code = noticeDocumentCode(request, 'notice');
  return {
    type: 'request_notice',
    number: ctx.number,
    title: `Pemberitahuan Tertulis Nomor ${ctx.number} atas Permohonan Informasi Publik ${request.number}`,
    subject: `Pemberitahuan tertulis atas permohonan informasi publik (UU 14/2008 Pasal 22 ayat (7)), ${body}`,
    author: body,
    keywords: ['pemberitahuan tertulis', 'permohonan informasi publik', request.number],
    createdAt: ctx.issuedAt,
    letterhead: letterheadOf(ctx.publicBody, ctx.ppidUtama),
    heading: ['PEMBERITAHUAN TERTULIS', 'ATAS PERMOHONAN INFORMASI PUBLIK', `Nomor: ${ctx.number}`],
    blocks,
    signature: { form: 'letter', place: ctx.ppidUtama.city ?? '', date, official: ctx.signer },
    footerLabel: `Pemberitahuan Tertulis ${ctx.number} – Permohonan ${request.number}`,
    verificationUrl: verificationUrl(ctx.registerUrl, code),
  };
}

// ---------------------------------------------------------------------------------------------
// Pemberitahuan Perpanjangan Waktu

/** The notice that the deadline is extended by 7 working days (Pasal 22 ayat (8)). Requires `request.extension`. */
export function extensionNoticeSpec(request: Request, ctx: NoticeContext): DocumentSpec {
  const ext = request.extension;
  if (!ext) throw new Error(`extensionNoticeSpec: request ${request.requestId} has no extension`);
  const body = ctx.publicBody.name;
  const tz = zoneOf(ctx);
  const before = indonesianDateTime(ext.previousDeadline, tz);
  const after = indonesianDateTime(request.deadline.at, tz);
  const code = noticeDocumentCode(request, 'extension');
  return {
    type: 'request_extension_notice',
    number: ctx.number,
    title: `Pemberitahuan Perpanjangan Waktu Nomor ${ctx.number} atas Permohonan Informasi Publik ${request.number}`,
    subject: `Pemberitahuan perpanjangan waktu atas permohonan informasi publik (UU 14/2008 Pasal 22 ayat (8)), ${body}`,
    author: body,
    keywords: ['perpanjangan waktu', 'permohonan informasi publik', request.number],
    createdAt: ctx.issuedAt,
    letterhead: letterheadOf(ctx.publicBody, ctx.ppidUtama),
    heading: ['PEMBERITAHUAN PERPANJANGAN WAKTU', 'ATAS PERMOHONAN INFORMASI PUBLIK', `Nomor: ${ctx.number}`],
    blocks: [
      ...addressee(ctx),
      {
        kind: 'paragraph',
        text:
          `Dengan ini Pejabat Pengelola Informasi dan Dokumentasi (PPID) ${body} memberitahukan bahwa jangka waktu penyampaian pemberitahuan tertulis ` +
          `atas permohonan informasi publik Saudara/i dengan nomor pendaftaran ${request.number} diperpanjang paling lama 7 (tujuh) hari kerja ` +
          `(${UU} Pasal 22 ayat (8)).`,
      },
      { kind: 'gap', size: 4 },
      {
        kind: 'fields',
        labelWidth: LABEL_WIDTH,
        rows: [
          ['Nomor pendaftaran', request.number],
          ['Tanggal diterima', indonesianDateWithDay(request.receivedOn)],
          ['Rincian informasi yang dibutuhkan', request.content.information],
          ['Batas waktu semula', before],
          ['Batas waktu setelah perpanjangan', after],
        ],
      },
      { kind: 'section', title: 'Alasan perpanjangan' },
      { kind: 'paragraph', text: ext.reasons },
      { kind: 'gap', size: 4 },
      {
        kind: 'paragraph',
        text:
          'Pemberitahuan tertulis akan disampaikan paling lambat pada batas waktu setelah perpanjangan tersebut; perpanjangan hanya dapat dilakukan satu kali. ' +
          `Apabila pemberitahuan tertulis tidak disampaikan dalam jangka waktu itu, Saudara/i dapat mengajukan keberatan kepada Atasan PPID ${body} ` +
          'paling lambat 30 (tiga puluh) hari kerja setelahnya (UU 14/2008 Pasal 35 ayat (1) huruf c dan g, Pasal 36 ayat (1)).',
      },
    ],
    signature: { form: 'letter', place: ctx.ppidUtama.city ?? '', date: issueDate(ctx), official: ctx.signer },
    footerLabel: `Pemberitahuan Perpanjangan Waktu ${ctx.number} – Permohonan ${request.number}`,
    verificationUrl: verificationUrl(ctx.registerUrl, code),
  };
}

/** The unsigned notice (previews and tests; the issuing task signs it with issueDocument). */
export const noticePdf = (request: Request, ctx: NoticeContext) => renderDocument(noticeSpec(request, ctx));

/** The unsigned extension notice (previews and tests). */
export const extensionNoticePdf = (request: Request, ctx: NoticeContext) => renderDocument(extensionNoticeSpec(request, ctx));
