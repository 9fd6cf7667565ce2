/**
 * The Atasan PPID's response to an objection (tanggapan atas keberatan, UU 14/2008 Pasal 36(2)) on
 * the document module (functions/core/objections/response.ts): granted in part with the date to
 * provide by, rejected, and an objection with no request (ground b). Content read back with pdf.js;
 * PDF/A identification in the XMP; the objector only on the face of the PDF (not in its metadata);
 * the same input gives the same bytes; issued, it is signed and its QR code decodes to the
 * verification URL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Objection } from '../../functions/core/objections/model.ts';
import { type ResponseContext, responseDocumentCode, responsePdf, responseSpec } from '../../functions/core/objections/response.ts';
import { DOCUMENT_TYPE_TEXT, type DocumentSigner, issueDocument } from '../../functions/core/official-documents/index.ts';
import { p12Signer } from '../../functions/core/official-documents/signing.ts';
import { createLocalCertificate } from '../../infra/local/signing.ts';
import { flat, letterText, PPID_UTAMA_UNIT, pdfText } from '../support/pdf.ts';
import { decodeQr, pdfInfo, qpdfCheck, tinyPng, verifyPdfSignature } from '../support/pdf-tools.ts';

const OBJECTOR = { fullName: 'Rina Kartika Sari', address: 'Jalan Gajah Mada No. 17, Kelurahan Benua Melayu Darat, Pontianak 78121' };
const REQUEST_HASH = 'b'.repeat(64);

const RCTX: ResponseContext = {
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat', coatOfArms: tinyPng() },
  ppidUtama: PPID_UTAMA_UNIT,
  signer: {
    name: 'Dr. H. Harisson, M.Kes.',
    position: 'Sekretaris Daerah Provinsi Kalimantan Barat',
    rank: 'Pembina Utama (IV/e)',
    nip: '196604101994031009',
  },
  objector: OBJECTOR,
  requestTrackingHash: REQUEST_HASH,
  commission: 'Komisi Informasi Provinsi Kalimantan Barat',
  registerUrl: 'https://ppid.kalbarprov.go.id/',
  number: 'TKB/2026/0007',
  // 4 February 2027, 09:00 WIB.
  issuedAt: '2027-02-04T02:00:00.000Z',
};

const LOGINS = ['petugas.loket', 'ppid.utama', 'atasan.ppid'];

const deadline = (at: string, local: string) => ({
  at,
  local,
  explanation: { id: 'penjelasan', en: 'explanation' },
  rule: { unit: 'workingDays' as const, amount: 30 },
});

/** An objection on a partly refused request (grounds a and g), granted in part by 19 February 2027. */
function grantedInPart(): Objection {
  return {
    objectionId: '2026-0007',
    number: 'KBR/2026/0007',
    year: 2026,
    sequence: 7,
    state: 'granted',
    requestId: '2026-00042',
    requestNumber: 'PMH/2026/00042',
    agencyIds: ['dinkes'],
    information: 'Data jumlah kasus demam berdarah dengue per kabupaten/kota di Kalimantan Barat tahun 2025, beserta anggaran penanggulangannya.',
    grounds: ['a', 'g'],
    windows: [],
    case: 'Permohonan saya ditolak sebagian dengan alasan rahasia pribadi, padahal yang saya minta hanya rekapitulasi angka tanpa nama pasien.',
    channel: 'online',
    receivedAt: '2026-12-21T03:00:00.000Z',
    receivedOn: '2026-12-21',
    registeredAt: '2026-12-21T03:00:00.000Z',
    registeredBy: 'petugas.loket',
    deadline: deadline('2027-02-10T16:59:59.000Z', '2027-02-10T23:59:59+07:00'),
    escalations: 0,
    response: {
      decision: 'granted',
      scope: 'partial',
      provideBy: '2027-02-19',
      reasons:
        'Rekapitulasi jumlah kasus per kabupaten/kota tidak memuat identitas pasien sehingga bukan informasi yang dikecualikan menurut Pasal 17 huruf h.',
      at: '2027-02-03T08:00:00.000Z',
      by: 'atasan.ppid',
      responder: { name: 'Dr. H. Harisson, M.Kes.', position: 'Sekretaris Daerah Provinsi Kalimantan Barat', nip: '196604101994031009' },
    },
    // 14 working days after 4 February 2027.
    disputeWindow: { from: 'response', at: '2027-02-24T16:59:59.000Z', local: '2027-02-24T23:59:59+07:00' },
    attachments: [],
    inbox: [],
    timeline: [],
    createdAt: '2026-12-21T03:00:00.000Z',
    updatedAt: '2027-02-03T08:00:00.000Z',
    version: 4,
  };
}

function rejected(): Objection {
  const o = grantedInPart();
  o.state = 'rejected';
  o.grounds = ['f'];
  o.response = {
    decision: 'rejected',
    reasons: 'Biaya penggandaan telah sesuai dengan standar biaya yang ditetapkan dalam Peraturan Gubernur dan telah diumumkan di laman PPID.',
    at: '2027-02-03T08:00:00.000Z',
    by: 'atasan.ppid',
    responder: { name: 'Dr. H. Harisson, M.Kes.', position: 'Sekretaris Daerah Provinsi Kalimantan Barat' },
  };
  delete o.disputeWindow;
  return o;
}

/** Ground b with no request: its own tracking hash, no request number. */
function periodic(): Objection {
  const o = rejected();
  delete o.requestId;
  delete o.requestNumber;
  o.objectionId = '2026-0008';
  o.number = 'KBR/2026/0008';
  o.grounds = ['b'];
  o.trackingHash = 'c'.repeat(64);
  o.information = 'Laporan realisasi anggaran semester I tahun 2026 Dinas Kesehatan';
  return o;
}

let signer: DocumentSigner;
beforeAll(() => {
  const cert = createLocalCertificate({ commonName: 'Pemerintah Provinsi Kalimantan Barat (uji)', organization: 'Uji' });
  signer = p12Signer(cert.p12, cert.passphrase);
});

describe('tanggapan atas keberatan', () => {
  it('granted in part: every element, on PPID Utama letterhead, signed by the Atasan PPID with name, position and NIP', async () => {
    const { text, info } = await pdfText(await responsePdf(grantedInPart(), RCTX));
    // One page: the footer (with the verification URL) stays in.
    const t = flat(text);
    for (const s of [
      'PEMERINTAH PROVINSI KALIMANTAN BARAT',
      'DINAS KOMUNIKASI DAN INFORMATIKA',
      'Jalan Ahmad Yani No. 2, Pontianak 78121',
      'TANGGAPAN ATAS KEBERATAN',
      'Nomor: TKB/2026/0007',
      'Pasal 36 ayat (2)',
      'Kepada Yth.',
      'Sdr./Sdri. Rina Kartika Sari',
      'Jalan Gajah Mada No. 17',
      'keberatan atas permohonan informasi publik nomor pendaftaran PMH/2026/00042 yang Saudara/i ajukan dan kami terima pada tanggal 21 Desember 2026 dengan nomor registrasi KBR/2026/0007',
      'Nomor registrasi keberatan : KBR/2026/0007',
      'Tanggal diterima : Senin, 21 Desember 2026',
      'Nomor pendaftaran permohonan : PMH/2026/00042',
      'Nama pengaju keberatan : Rina Kartika Sari',
      'Informasi yang dimohon : Data jumlah kasus demam berdarah dengue',
      'Alasan keberatan (UU 14/2008 Pasal 35 ayat (1))',
      'a. Penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)',
      'g. Penyampaian informasi yang melebihi waktu yang diatur dalam Undang-Undang',
      'Kasus posisi',
      'hanya rekapitulasi angka tanpa nama pasien',
      'KEBERATAN DITERIMA',
      'memerintahkan Pejabat Pengelola Informasi dan Dokumentasi (PPID) Pemerintah Provinsi Kalimantan Barat untuk memberikan informasi yang dimohon sebagian kepada Saudara/i paling lambat Jumat, 19 Februari 2027.',
      'Pertimbangan',
      'bukan informasi yang dikecualikan menurut Pasal 17 huruf h',
      'Komisi Informasi Provinsi Kalimantan Barat paling lambat 14 (empat belas) hari kerja setelah menerima tanggapan ini, yaitu sampai dengan Rabu, 24 Februari 2027 pukul 23.59 WIB',
      'Pasal 37 ayat (2)',
      'Pontianak, 4 Februari 2027',
      'Atasan PPID Pemerintah Provinsi Kalimantan Barat,',
      'Sekretaris Daerah Provinsi Kalimantan Barat,',
      'Dr. H. Harisson, M.Kes.',
      'Pembina Utama (IV/e)',
      'NIP 19660410 199403 1 009',
      `https://ppid.kalbarprov.go.id/verifikasi/${responseDocumentCode(grantedInPart(), REQUEST_HASH)}/`,
    ])
      expect(t).toContain(s);
    // Grounds not raised are not printed; no rejection, no login, no machine dates.
    expect(t).not.toContain('Tidak ditanggapinya permintaan informasi');
    expect(t).not.toContain('DITOLAK');
    for (const login of LOGINS) expect(t).not.toContain(login);
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    expect(info).toMatchObject({ author: 'Pemerintah Provinsi Kalimantan Barat', language: 'id-ID' });
    expect(info.title).toBe('Tanggapan atas Keberatan Nomor TKB/2026/0007 atas Keberatan KBR/2026/0007');
  });

  it('is PDF/A-2b and keeps the objector out of the metadata (title, subject, keywords, XMP)', async () => {
    const bytes = await responsePdf(grantedInPart(), RCTX);
    const { info, xmp } = pdfInfo(bytes);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<dc:identifier>TKB/2026/0007</dc:identifier>');
    expect(info.Keywords).toContain('KBR/2026/0007');
    for (const v of [...Object.values(info), xmp]) {
      expect(v).not.toContain('Rina');
      expect(v).not.toContain('Gajah Mada');
    }
    const check = qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
  });

  it('rejected: KEBERATAN DITOLAK with the reasons; the dispute right without a date when the window is not set; signed by the recorded responder', async () => {
    const t = await letterText(await responsePdf(rejected(), { ...RCTX, signer: undefined, commission: undefined }));
    for (const s of [
      'KEBERATAN DITOLAK',
      'menolak keberatan Saudara/i',
      'f. Pengenaan biaya yang tidak wajar',
      'Biaya penggandaan telah sesuai dengan standar biaya',
      'kepada Komisi Informasi paling lambat 14 (empat belas) hari kerja setelah menerima tanggapan ini (Undang-Undang Nomor 14 Tahun 2008',
      'nomor registrasi keberatan KBR/2026/0007 dan nomor tanggapan ini (TKB/2026/0007)',
      'Sekretaris Daerah Provinsi Kalimantan Barat,',
      'Dr. H. Harisson, M.Kes.',
    ])
      expect(t).toContain(s);
    expect(t).not.toContain('DITERIMA');
    expect(t).not.toContain('paling lambat Jumat');
    expect(t).not.toContain('sampai dengan');
    // The recorded responder has no NIP and no rank: none is printed.
    expect(t).not.toContain('NIP');
    expect(t).not.toContain('Pembina');
  });

  it('an objection with no request (ground b): no request number, the periodic information, its own verification secret', async () => {
    const t = flat((await pdfText(await responsePdf(periodic(), { ...RCTX, requestTrackingHash: undefined }))).text);
    for (const s of [
      'kami terima pada tanggal 21 Desember 2026 dengan nomor registrasi KBR/2026/0008',
      'Nomor pendaftaran permohonan : — (keberatan atas informasi berkala, tanpa permohonan)',
      'Informasi berkala : Laporan realisasi anggaran semester I tahun 2026 Dinas Kesehatan',
      'b. Tidak disediakannya informasi berkala (Pasal 9)',
      `verifikasi/${responseDocumentCode(periodic())}/`,
    ])
      expect(t).toContain(s);
    expect(t).not.toContain('PMH/');
  });

  it('derives stable, distinct, unguessable codes; refuses an objection without a response, a grant without a date, or no secret', () => {
    const a = responseDocumentCode(grantedInPart(), REQUEST_HASH);
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(responseDocumentCode(grantedInPart(), REQUEST_HASH)).toBe(a);
    expect(responseDocumentCode(grantedInPart(), 'd'.repeat(64))).not.toBe(a);
    expect(responseDocumentCode({ ...grantedInPart(), objectionId: '2026-0009' }, REQUEST_HASH)).not.toBe(a);
    expect(() => responseDocumentCode(grantedInPart())).toThrow(/tracking hash/);
    expect(DOCUMENT_TYPE_TEXT.objection_response.id).toContain('Tanggapan');

    const open = grantedInPart();
    delete open.response;
    expect(() => responseSpec(open, RCTX)).toThrow(/no response yet/);
    const undated = grantedInPart();
    delete undated.response!.provideBy;
    expect(() => responseSpec(undated, RCTX)).toThrow(/without a date/);
    expect(() => responseSpec(grantedInPart(), { ...RCTX, issuedAt: 'kemarin' })).toThrow(/not an instant/);
  });

  it('dates the signature in PPID Utama’s time zone and names the type', () => {
    // 3 February 2027, 18:30 UTC = 4 February 01:30 WIB.
    const spec = responseSpec(grantedInPart(), { ...RCTX, issuedAt: '2027-02-03T18:30:00.000Z' });
    expect(spec.signature).toMatchObject({ place: 'Pontianak', date: '2027-02-04', capacity: 'Atasan PPID Pemerintah Provinsi Kalimantan Barat,' });
    expect(spec.createdAt).toBe('2027-02-03T18:30:00.000Z');
    expect(spec.type).toBe('objection_response');
    // A position that already says Atasan PPID gets no second line.
    const own = responseSpec(grantedInPart(), { ...RCTX, signer: { ...RCTX.signer!, position: 'Atasan PPID Provinsi Kalimantan Barat' } });
    expect(own.signature?.capacity).toBeUndefined();
  });

  it.each([
    ['granted in part', grantedInPart],
    ['rejected', rejected],
  ])('%s: the same input gives the same bytes', async (_name, make) => {
    const a = await responsePdf(make(), RCTX);
    const b = await responsePdf(make(), RCTX);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('issued: passes qpdf --check, carries a valid signature, and its QR code decodes to the verification URL', async () => {
    const { bytes } = await issueDocument(responseSpec(grantedInPart(), RCTX), signer, 'Tanggapan atas keberatan', 'Pontianak');
    const check = qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
    expect(verifyPdfSignature(bytes)).toMatchObject({ valid: true, coversWholeFile: true });
    const pages = Number(pdfInfo(bytes).info.Pages);
    expect(decodeQr(bytes, pages)).toBe(`https://ppid.kalbarprov.go.id/verifikasi/${responseDocumentCode(grantedInPart(), REQUEST_HASH)}/`);
  });
});
