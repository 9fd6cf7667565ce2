/**
 * The documents of an information request on the document module (functions/core/requests/notice.ts):
 * the written notice (Pasal 22(7)) for a granted, a partly granted, a refused and a not-held request,
 * and the extension notice (Pasal 22(8)). Content read back with pdf.js; personal data only on the
 * face of the PDF (not in its metadata); the same input gives the same bytes; issued, it is signed
 * and its QR code decodes to the verification URL.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_TYPE_TEXT, type DocumentSigner, issueDocument } from '../../functions/core/official-documents/index.ts';
import { p12Signer } from '../../functions/core/official-documents/signing.ts';
import type { Request, RequestPart } from '../../functions/core/requests/model.ts';
import {
  extensionNoticePdf,
  extensionNoticeSpec,
  indonesianDateTime,
  indonesianDateWithDay,
  type NoticeContext,
  noticeDocumentCode,
  noticePdf,
  noticeSpec,
  rupiah,
} from '../../functions/core/requests/notice.ts';
import { createLocalCertificate } from '../../infra/local/signing.ts';
import { flat, letterText, PPID_UTAMA_UNIT, pdfText } from '../support/pdf.ts';
import { decodeQr, pdfInfo, qpdfCheck, tinyPng, verifyPdfSignature } from '../support/pdf-tools.ts';

const REQUESTER = { fullName: 'Rina Kartika Sari', address: 'Jalan Gajah Mada No. 17, Kelurahan Benua Melayu Darat, Pontianak 78121' };

const CTX: NoticeContext = {
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat', coatOfArms: tinyPng() },
  ppidUtama: PPID_UTAMA_UNIT,
  agencies: { dinkes: { name: 'Dinas Kesehatan' }, bappeda: { name: 'Badan Perencanaan Pembangunan Daerah' } },
  signer: {
    name: 'Drs. Bambang Setiawan, M.Si.',
    position: 'PPID Utama Provinsi Kalimantan Barat',
    rank: 'Pembina Utama Muda (IV/c)',
    nip: '197003121995031002',
  },
  requester: REQUESTER,
  registerUrl: 'https://ppid.kalbarprov.go.id/',
  number: 'PTT/2026/00042',
  // 16 December 2026, 08:00 WIB.
  issuedAt: '2026-12-16T01:00:00.000Z',
};

const LOGINS = ['petugas.loket', 'ppid.utama', 'dinkes.ppid', 'bappeda.ppid'];

const deadline = (at: string, local: string) => ({
  at,
  local,
  explanation: { id: 'penjelasan', en: 'explanation' },
  rule: { unit: 'workingDays' as const, amount: 10 },
});

function part(agencyId: string, answer: RequestPart['answer']): RequestPart {
  return {
    agencyId,
    routedAt: '2026-12-02T02:00:00.000Z',
    deadline: deadline('2026-12-09T16:59:59.000Z', '2026-12-09T23:59:59+07:00'),
    reminders: 0,
    ...(answer ? { answer } : {}),
  };
}

const file = (fileName: string, redaction?: { what: string; ground: string }) => ({
  docId: `00000000-0000-4000-8000-${String(fileName.length).padStart(12, '0')}`,
  key: `requests/2026-00042/${fileName}`,
  fileName,
  contentType: 'application/pdf',
  size: 12_345,
  sha256: 'a'.repeat(64),
  ...(redaction ? { redaction } : {}),
  public: false,
});

const MEDICAL_GROUND = {
  exclusionId: '11111111-1111-4111-8111-111111111111',
  dikNumber: 'DIK/2026/0003',
  legalBasis: 'Pasal 17 huruf h UU 14/2008',
  consequence: {
    ifOpened: 'Membuka rekam medis mengungkap rahasia pribadi pasien tentang riwayat dan kondisi kesehatannya.',
    publicInterest: 'Perlindungan privasi pasien lebih besar daripada kepentingan publik untuk mengetahui rekam medis perorangan.',
  },
};

const TENDER_GROUND = {
  exclusionId: '22222222-2222-4222-8222-222222222222',
  legalBasis: 'Pasal 17 huruf b UU 14/2008',
  consequence: {
    ifOpened: 'Membuka harga penawaran rinci merugikan persaingan usaha yang sehat.',
    publicInterest: 'Nilai kontrak dan pemenang tetap diumumkan.',
  },
};

/** Granted by one SKPD, Rp 15.000, one released file; the notice just issued. */
function granted(): Request {
  return {
    requestId: '2026-00042',
    number: 'PMH/2026/00042',
    year: 2026,
    sequence: 42,
    state: 'answered',
    channel: 'online',
    requesterKind: 'individual',
    onBehalf: false,
    content: {
      information: 'Data jumlah kasus demam berdarah dengue per kabupaten/kota di Kalimantan Barat tahun 2025, beserta anggaran penanggulangannya.',
      purpose: 'Bahan penelitian skripsi tentang kebijakan kesehatan daerah.',
      obtainForm: 'copy_softcopy',
      deliveryMethod: 'email',
    },
    receivedAt: '2026-12-01T03:15:00.000Z',
    receivedOn: '2026-12-01',
    registeredAt: '2026-12-01T03:15:00.000Z',
    registeredBy: 'petugas.loket',
    trackingHash: 'b'.repeat(64),
    deadline: deadline('2026-12-15T16:59:59.000Z', '2026-12-15T23:59:59+07:00'),
    escalations: 0,
    routing: { at: '2026-12-02T02:00:00.000Z', by: 'ppid.utama', held: true, agencies: ['dinkes'] },
    parts: [
      part('dinkes', {
        decision: 'granted',
        grounds: [],
        form: 'Salinan elektronik (PDF)',
        cost: 15_000,
        howToPay: 'Transfer ke rekening Kas Daerah Provinsi Kalimantan Barat, Bank Kalbar 1001234567',
        deliveryTime: '3 (tiga) hari kerja sejak pembayaran diterima',
        documents: [file('rekap-dbd-2025.pdf')],
        answeredAt: '2026-12-08T04:00:00.000Z',
        answeredBy: 'dinkes.ppid',
      }),
    ],
    clarifications: [],
    outcome: { held: true, decision: 'granted', cost: 15_000, answeredAt: '2026-12-08T04:00:00.000Z' },
    inbox: [],
    documents: [],
    timeline: [],
    createdAt: '2026-12-01T03:15:00.000Z',
    updatedAt: '2026-12-08T04:00:00.000Z',
    version: 6,
  };
}

/** Two SKPDs: Dinas Kesehatan gives a blacked-out copy (letter h), Bappeda refuses its part (letter b). */
function partial(): Request {
  const r = granted();
  r.routing = { ...r.routing!, agencies: ['dinkes', 'bappeda'] };
  r.parts = [
    part('dinkes', {
      decision: 'partial',
      grounds: [MEDICAL_GROUND],
      form: 'Salinan elektronik (PDF) dengan penghitaman',
      cost: 0,
      deliveryTime: '2 (dua) hari kerja',
      documents: [file('rekap-dbd-2025-disamarkan.pdf', { what: 'nama dan alamat pasien pada lampiran 2', ground: 'Pasal 17 huruf h UU 14/2008' })],
      answeredAt: '2026-12-08T04:00:00.000Z',
      answeredBy: 'dinkes.ppid',
    }),
    part('bappeda', {
      decision: 'refused',
      grounds: [TENDER_GROUND],
      form: 'Salinan elektronik',
      cost: 0,
      deliveryTime: '—',
      documents: [],
      answeredAt: '2026-12-09T04:00:00.000Z',
      answeredBy: 'bappeda.ppid',
    }),
  ];
  r.outcome = { held: true, decision: 'partial', cost: 0, answeredAt: '2026-12-09T04:00:00.000Z' };
  return r;
}

function refused(): Request {
  const r = granted();
  r.parts = [
    part('dinkes', {
      decision: 'refused',
      grounds: [MEDICAL_GROUND],
      form: 'Salinan elektronik',
      cost: 0,
      deliveryTime: '—',
      documents: [],
      answeredAt: '2026-12-08T04:00:00.000Z',
      answeredBy: 'dinkes.ppid',
    }),
  ];
  r.outcome = { held: true, decision: 'refused', cost: 0, answeredAt: '2026-12-08T04:00:00.000Z' };
  return r;
}

function notHeld(): Request {
  const r = granted();
  r.routing = { at: '2026-12-02T02:00:00.000Z', by: 'ppid.utama', held: false, agencies: [], otherBody: 'Badan Pusat Statistik Provinsi Kalimantan Barat' };
  r.parts = [];
  r.outcome = { held: false, cost: 0, answeredAt: '2026-12-02T02:00:00.000Z' };
  return r;
}

/** Extended on 14 December: from Tuesday 15 to Monday 28 December 2026. */
function extended(): Request {
  const r = granted();
  r.state = 'routed';
  delete r.outcome;
  r.parts = [part('dinkes', undefined)];
  r.extension = {
    at: '2026-12-14T02:00:00.000Z',
    by: 'ppid.utama',
    reasons: 'Data kasus per kabupaten/kota masih dihimpun dari 14 dinas kesehatan kabupaten/kota dan perlu diverifikasi sebelum diberikan.',
    previousDeadline: '2026-12-15T16:59:59.000Z',
  };
  r.deadline = deadline('2026-12-28T16:59:59.000Z', '2026-12-28T23:59:59+07:00');
  return r;
}

const REFUSAL_TEXT = ['KEPUTUSAN PENOLAKAN', 'DITOLAK', 'Ditolak', 'DIKECUALIKAN', 'dikecualikan', 'Pasal 17', 'Pasal 35 ayat (1) huruf a', 'DIK/2026'];

let signer: DocumentSigner;
beforeAll(() => {
  const cert = createLocalCertificate({ commonName: 'Pemerintah Provinsi Kalimantan Barat (uji)', organization: 'Uji' });
  signer = p12Signer(cert.p12, cert.passphrase);
});

describe('text helpers', () => {
  it('prints dates and times in words with the zone abbreviation, and Rupiah', () => {
    expect(indonesianDateTime('2026-12-15T16:59:59.000Z', 'Asia/Pontianak')).toBe('Selasa, 15 Desember 2026 pukul 23.59 WIB');
    expect(indonesianDateTime('2026-12-15T23:59:59+07:00', 'Asia/Jakarta')).toBe('Selasa, 15 Desember 2026 pukul 23.59 WIB');
    expect(indonesianDateTime('2026-12-15T15:59:59.000Z', 'Asia/Makassar')).toBe('Selasa, 15 Desember 2026 pukul 23.59 WITA');
    expect(indonesianDateTime('2026-12-15T14:59:59.000Z', 'Asia/Jayapura')).toBe('Selasa, 15 Desember 2026 pukul 23.59 WIT');
    expect(indonesianDateTime('2026-12-15T00:05:00.000Z', 'Asia/Kolkata')).toBe('Selasa, 15 Desember 2026 pukul 05.35 UTC+05:30');
    expect(indonesianDateTime('bukan tanggal', 'Asia/Jakarta')).toBe('bukan tanggal');
    expect(indonesianDateWithDay('2026-12-01')).toBe('Selasa, 1 Desember 2026');
    expect(indonesianDateWithDay('2026-13-01')).toBe('2026-13-01');
    expect(rupiah(15_000)).toBe('Rp 15.000');
    expect(rupiah(1_250_500)).toBe('Rp 1.250.500');
    expect(rupiah(500)).toBe('Rp 500');
    expect(rupiah(0)).toBe('tanpa biaya');
  });

  it('names both types for the verification page, and derives stable, distinct codes', () => {
    expect(DOCUMENT_TYPE_TEXT.request_notice.id).toContain('Pemberitahuan Tertulis');
    expect(DOCUMENT_TYPE_TEXT.request_extension_notice.en).toMatch(/extending/);
    expect(noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'notice')).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'notice')).toBe(
      noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'notice'),
    );
    expect(noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'notice')).not.toBe(
      noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'extension'),
    );
    expect(noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'notice')).not.toBe(
      noticeDocumentCode({ requestId: '2026-00043', trackingHash: 'b'.repeat(64) }, 'notice'),
    );
  });
});

describe('written notice', () => {
  it('granted: every element, on PPID Utama letterhead, signed by the PPID with name and NIP; no refusal text', async () => {
    const { text, info } = await pdfText(await noticePdf(granted(), CTX));
    const t = flat(text);
    for (const s of [
      'PEMERINTAH PROVINSI KALIMANTAN BARAT',
      'DINAS KOMUNIKASI DAN INFORMATIKA',
      'Jalan Ahmad Yani No. 2, Pontianak 78121',
      'PEMBERITAHUAN TERTULIS',
      'ATAS PERMOHONAN INFORMASI PUBLIK',
      'Nomor: PTT/2026/00042',
      'Pasal 22 ayat (7)',
      'Kepada Yth.',
      'Sdr./Sdri. Rina Kartika Sari',
      'Jalan Gajah Mada No. 17',
      'kami terima pada tanggal 1 Desember 2026 dengan nomor pendaftaran PMH/2026/00042',
      'Nomor pendaftaran : PMH/2026/00042',
      'Tanggal diterima : Selasa, 1 Desember 2026',
      'Data jumlah kasus demam berdarah dengue',
      'Bahan penelitian skripsi',
      'Cara memperoleh informasi : mendapatkan salinan informasi (softcopy)',
      'Cara mendapatkan salinan informasi : dikirim melalui surat elektronik (e-mail)',
      '2. Penguasaan informasi',
      'Informasi yang dimohon dikuasai oleh Pemerintah Provinsi Kalimantan Barat, pada: Dinas Kesehatan.',
      'DIKABULKAN: informasi yang dimohon dapat diberikan seluruhnya.',
      '4.1. Dinas Kesehatan',
      'Keputusan : Dikabulkan',
      'Bentuk informasi : Salinan elektronik (PDF)',
      'Biaya : Rp 15.000',
      'Cara pembayaran : Transfer ke rekening Kas Daerah',
      'Waktu penyampaian : 3 (tiga) hari kerja sejak pembayaran diterima',
      'Dokumen yang diberikan : 1) rekap-dbd-2025.pdf',
      'Jumlah biaya : Rp 15.000',
      'Cara penyampaian : dikirim melalui surat elektronik (e-mail)',
      'halaman status permohonan di https://ppid.kalbarprov.go.id,',
      'Hak mengajukan keberatan',
      '30 (tiga puluh) hari kerja',
      'Pontianak, 16 Desember 2026',
      'PPID Utama Provinsi Kalimantan Barat,',
      'Drs. Bambang Setiawan, M.Si.',
      'Pembina Utama Muda (IV/c)',
      'NIP 19700312 199503 1 002',
      `https://ppid.kalbarprov.go.id/verifikasi/${noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'notice')}/`,
    ])
      expect(t).toContain(s);
    for (const s of REFUSAL_TEXT) expect(t).not.toContain(s);
    expect(t).not.toContain('Penghitaman');
    expect(t).not.toContain('tidak dikuasai');
    for (const login of LOGINS) expect(t).not.toContain(login);
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(info).toMatchObject({ author: 'Pemerintah Provinsi Kalimantan Barat', language: 'id-ID' });
    expect(info.title).toBe('Pemberitahuan Tertulis Nomor PTT/2026/00042 atas Permohonan Informasi Publik PMH/2026/00042');
  });

  it('keeps the requester out of the metadata (title, subject, keywords, XMP)', async () => {
    const bytes = await noticePdf(granted(), CTX);
    const { info, xmp } = pdfInfo(bytes);
    for (const v of [...Object.values(info), xmp]) {
      expect(v).not.toContain('Rina');
      expect(v).not.toContain('Gajah Mada');
    }
    expect(xmp).toContain('<dc:identifier>PTT/2026/00042</dc:identifier>');
  });

  it('partial: each SKPD part, the redaction and its ground, the grounds table, KEPUTUSAN PENOLAKAN and the objection right', async () => {
    const t = await letterText(await noticePdf(partial(), CTX));
    for (const s of [
      'pada: Dinas Kesehatan; Badan Perencanaan Pembangunan Daerah.',
      'DIKABULKAN SEBAGIAN',
      '4.1. Dinas Kesehatan',
      'Keputusan : Dikabulkan sebagian',
      'Biaya : tanpa biaya',
      'rekap-dbd-2025-disamarkan.pdf',
      'Penghitaman/pengaburan : rekap-dbd-2025-disamarkan.pdf: nama dan alamat pasien pada lampiran 2 (dasar: Pasal 17 huruf h UU 14/2008)',
      'Alasan pengecualian : DIK/2026/0003: Pasal 17 huruf h UU 14/2008',
      '4.2. Badan Perencanaan Pembangunan Daerah',
      'Keputusan : Ditolak',
      'Alasan pengecualian : Pasal 17 huruf b UU 14/2008',
      'Jumlah biaya : tanpa biaya',
      'Waktu penyampaian : 2 (dua) hari kerja',
      'KEPUTUSAN PENOLAKAN',
      'sebagian dari informasi yang dimohon merupakan INFORMASI YANG DIKECUALIKAN',
      'Nomor DIK',
      'Dasar hukum',
      'Hasil uji konsekuensi',
      'DIK/2026/0003',
      'uji konsekuensi atas permohonan ini',
      'Konsekuensi bila dibuka: Membuka rekam medis mengungkap rahasia pribadi pasien',
      'Pertimbangan kepentingan publik: Nilai kontrak dan pemenang tetap diumumkan.',
      'PERMOHONAN INFORMASI DITOLAK UNTUK SEBAGIAN',
      'berhak mengajukan keberatan kepada Atasan PPID Pemerintah Provinsi Kalimantan Barat paling lambat 30 (tiga puluh) hari kerja sejak menerima pemberitahuan ini',
      'Pasal 35 ayat (1) huruf a dan Pasal 36 ayat (1)',
      'melalui PPID Utama (Dinas Komunikasi dan Informatika, Jalan Ahmad Yani No. 2, Pontianak 78121, pos-el ppid@kalbarprov.go.id)',
      'nomor pendaftaran PMH/2026/00042, nomor pemberitahuan ini (PTT/2026/00042)',
      'Pasal 36 ayat (2)',
      'Pasal 37 ayat (2)',
      'NIP 19700312 199503 1 002',
    ])
      expect(t).toContain(s);
    // The refused part gives nothing: no form, cost or delivery time of its own.
    const bappeda = t.slice(t.indexOf('4.2. Badan Perencanaan'), t.indexOf('5. Biaya'));
    expect(bappeda).not.toContain('Bentuk informasi');
    expect(bappeda).not.toContain('Biaya');
    for (const login of LOGINS) expect(t).not.toContain(login);
  });

  it('refused: the decision, the grounds with legal basis and consequence test, and the 30 working days right; nothing delivered', async () => {
    const t = await letterText(await noticePdf(refused(), CTX));
    for (const s of [
      'DITOLAK: informasi yang dimohon merupakan informasi yang dikecualikan.',
      'Keputusan : Ditolak',
      'KEPUTUSAN PENOLAKAN',
      'memutuskan bahwa informasi yang dimohon merupakan INFORMASI YANG DIKECUALIKAN',
      'DIK/2026/0003',
      'Pasal 17 huruf h UU 14/2008',
      'Perlindungan privasi pasien lebih besar',
      'PERMOHONAN INFORMASI DITOLAK',
      '30 (tiga puluh) hari kerja sejak menerima pemberitahuan ini',
      'Atasan PPID',
    ])
      expect(t).toContain(s);
    expect(t).not.toContain('UNTUK SEBAGIAN');
    expect(t).not.toContain('Jumlah biaya');
    expect(t).not.toContain('Dokumen yang diberikan');
    expect(t).not.toContain('Hak mengajukan keberatan');
  });

  it('not held: names the other body that may hold it; no decision on parts, no refusal', async () => {
    const t = await letterText(await noticePdf(notHeld(), CTX));
    for (const s of [
      'Informasi yang dimohon tidak dikuasai oleh Pemerintah Provinsi Kalimantan Barat.',
      'dikuasai oleh: Badan Pusat Statistik Provinsi Kalimantan Barat',
      'Pasal 22 ayat (7) huruf b',
      'Informasi tidak dapat diberikan karena tidak dikuasai',
      'Hak mengajukan keberatan',
      '30 (tiga puluh) hari kerja',
      'NIP 19700312 199503 1 002',
    ])
      expect(t).toContain(s);
    for (const s of REFUSAL_TEXT) expect(t).not.toContain(s);
    expect(t).not.toContain('Rincian jawaban');
    expect(t).not.toContain('Biaya');
  });

  it('derives the decision from the parts before the outcome is recorded, and refuses a request not routed or not fully answered', () => {
    const r = partial();
    delete r.outcome;
    expect(noticeSpec(r, CTX).blocks).toContainEqual(expect.objectContaining({ text: expect.stringMatching(/^DIKABULKAN SEBAGIAN/) }));
    const unrouted = granted();
    delete unrouted.routing;
    expect(() => noticeSpec(unrouted, CTX)).toThrow(/not been routed/);
    const open = partial();
    delete open.parts[1]!.answer;
    expect(() => noticeSpec(open, CTX)).toThrow(/unanswered parts \(bappeda\)/);
  });

  it('dates the signature in PPID Utama’s time zone', () => {
    // 15 December 2026, 18:30 UTC = 16 December 01:30 WIB.
    const spec = noticeSpec(granted(), { ...CTX, issuedAt: '2026-12-15T18:30:00.000Z' });
    expect(spec.signature).toMatchObject({ place: 'Pontianak', date: '2026-12-16' });
    expect(spec.createdAt).toBe('2026-12-15T18:30:00.000Z');
    expect(spec.type).toBe('request_notice');
  });

  it.each([
    ['granted', granted],
    ['partial', partial],
    ['refused', refused],
    ['not held', notHeld],
  ])('%s: the same input gives the same bytes', async (_name, make) => {
    const a = await noticePdf(make(), CTX);
    const b = await noticePdf(make(), CTX);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('extension notice', () => {
  it('holds the registration number, the date of receipt, both deadlines in words with the zone, and the reasons', async () => {
    const { text, info } = await pdfText(await extensionNoticePdf(extended(), { ...CTX, number: 'PPW/2026/00042', issuedAt: '2026-12-14T02:00:00.000Z' }));
    const t = flat(text);
    for (const s of [
      'DINAS KOMUNIKASI DAN INFORMATIKA',
      'PEMBERITAHUAN PERPANJANGAN WAKTU',
      'Nomor: PPW/2026/00042',
      'Pasal 22 ayat (8)',
      'Sdr./Sdri. Rina Kartika Sari',
      'nomor pendaftaran PMH/2026/00042',
      'Tanggal diterima : Selasa, 1 Desember 2026',
      'diperpanjang paling lama 7 (tujuh) hari kerja',
      'Batas waktu semula : Selasa, 15 Desember 2026 pukul 23.59 WIB',
      'Batas waktu setelah perpanjangan : Senin, 28 Desember 2026 pukul 23.59 WIB',
      'Alasan perpanjangan',
      'masih dihimpun dari 14 dinas kesehatan kabupaten/kota',
      'Pontianak, 14 Desember 2026',
      'Drs. Bambang Setiawan, M.Si.',
      'NIP 19700312 199503 1 002',
      `https://ppid.kalbarprov.go.id/verifikasi/${noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'extension')}/`,
    ])
      expect(t).toContain(s);
    for (const login of LOGINS) expect(t).not.toContain(login);
    expect(t).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:\d{2}/);
    expect(info.title).toBe('Pemberitahuan Perpanjangan Waktu Nomor PPW/2026/00042 atas Permohonan Informasi Publik PMH/2026/00042');
    expect(info.title).not.toContain('Rina');
  });

  it('is byte-identical for the same input, and refuses a request without an extension', async () => {
    const a = await extensionNoticePdf(extended(), CTX);
    const b = await extensionNoticePdf(extended(), CTX);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(() => extensionNoticeSpec(granted(), CTX)).toThrow(/no extension/);
    expect(extensionNoticeSpec(extended(), CTX).type).toBe('request_extension_notice');
  });
});

describe('issued notice (signed, verifiable)', () => {
  it('passes qpdf --check, carries a valid signature, and its QR code decodes to the verification URL', async () => {
    const { bytes } = await issueDocument(noticeSpec(partial(), CTX), signer, 'Pemberitahuan tertulis', 'Pontianak');
    const check = qpdfCheck(bytes);
    expect(check.ok, check.output).toBe(true);
    expect(verifyPdfSignature(bytes)).toMatchObject({ valid: true, coversWholeFile: true });
    const pages = Number(pdfInfo(bytes).info.Pages);
    expect(decodeQr(bytes, pages)).toBe(
      `https://ppid.kalbarprov.go.id/verifikasi/${noticeDocumentCode({ requestId: '2026-00042', trackingHash: 'b'.repeat(64) }, 'notice')}/`,
    );
  });
});
