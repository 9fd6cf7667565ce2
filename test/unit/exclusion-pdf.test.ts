/**
 * The DIK documents on the document module: content (pdf.js), and for each type the archival and
 * signature checks with real tools: qpdf --check, pdffonts, pdfinfo -meta (XMP, PDF/A), an
 * independent PAdES verifier (and one changed byte), and the QR code read back from the rendered page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Exclusion } from '../../functions/core/exclusion-model.ts';
import {
  consequenceTestSheetPdf,
  consequenceTestSheetSpec,
  decreePdf,
  decreeSpec,
  exclusionDocumentCode,
  indonesianDate,
  type PdfContext,
} from '../../functions/core/exclusion-pdf.ts';
import { type DocumentSigner, issueDocument, letterheadImageProblem, SigningError } from '../../functions/core/official-documents/index.ts';
import { p12Signer } from '../../functions/core/official-documents/signing.ts';
import { createLocalCertificate } from '../../infra/local/signing.ts';
import { pdfText } from '../support/pdf.ts';
import { decodeQr, pdfFonts, pdfInfo, tinyPng as png, qpdfCheck, sha256Hex, verifyPdfSignature } from '../support/pdf-tools.ts';

const CTX: PdfContext = {
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat', coatOfArms: png() },
  agency: {
    name: 'Dinas Kesehatan',
    address: 'Jalan Jenderal Ahmad Yani No. 1, Pontianak 78124',
    city: 'Pontianak',
    phone: '(0561) 737701',
    email: 'dinkes@kalbarprov.go.id',
    timezone: 'Asia/Pontianak',
  },
  ppidUtama: {
    name: 'Dinas Komunikasi dan Informatika',
    address: 'Jalan Ahmad Yani No. 2, Pontianak 78121',
    city: 'Pontianak',
    phone: '(0561) 736541',
    website: 'diskominfo.kalbarprov.go.id',
    timezone: 'Asia/Pontianak',
  },
  people: {
    proposer: { name: 'Siti Rahmawati, S.H., M.H.', position: 'Kepala Bidang Informasi Dinas Kesehatan', rank: 'Pembina (IV/a)', nip: '198203142006042011' },
    decider: { name: 'Dr. H. Ahmad Yusuf, M.Si.', position: 'Sekretaris Daerah Provinsi Kalimantan Barat' },
  },
  registerUrl: 'https://ppid.kalbarprov.go.id',
};

/** Letter h: a patient's medical records, no end date; proposed, approved, decreed, set in the DIK. */
function medicalRecords(): Exclusion {
  return {
    exclusionId: 'exc-0001',
    agencyId: 'dinkes',
    state: 'in_force',
    round: 1,
    test: {
      title: 'Rekam medis pasien Rumah Sakit Umum Daerah dr. Soedarso',
      documents: [{ title: 'Berkas rekam medis rawat inap', reference: 'RM/2026/RSUD-SDS' }, { title: 'Hasil pemeriksaan laboratorium pasien' }],
      description:
        'Catatan identitas, anamnesis, diagnosis, tindakan, dan hasil pemeriksaan penunjang setiap pasien yang dirawat di RSUD dr. Soedarso, termasuk riwayat penyakit dan pengobatan.',
      legalBasis: { pasal17: ['h'], otherLaws: [] },
      consequence: {
        ifOpened:
          'Membuka rekam medis mengungkap rahasia pribadi pasien tentang riwayat dan kondisi kesehatannya, serta dapat menimbulkan stigma dan diskriminasi.',
        publicInterest:
          'Perlindungan hak atas privasi pasien lebih besar daripada kepentingan publik untuk mengetahui isi rekam medis perorangan; statistik kesehatan tetap dibuka.',
      },
      period: {},
      participants: [
        { name: 'dr. Hartono Wijaya, M.Kes.', position: 'Kepala Dinas Kesehatan (Atasan PPID Pelaksana)' },
        { name: 'Siti Rahmawati, S.H.', position: 'PPID Pelaksana Dinas Kesehatan' },
        { name: 'Andi Pratama, S.Kom.', position: 'Pengelola Layanan Informasi' },
      ],
      testedOn: '2026-11-16',
    },
    proposedAt: '2026-11-16T02:30:00.000Z',
    proposedBy: 'dinkes.ppid',
    proposedRole: 'ppid_pelaksana',
    decision: { decision: 'ya', note: 'Setuju, sesuai Pasal 17 huruf h.', by: 'atasan.ppid', role: 'atasan_ppid', at: '2026-11-17T01:00:00.000Z' },
    decree: {
      number: '000.9/112/PPID/2026',
      date: '2026-11-22',
      place: 'Pontianak',
      official: {
        name: 'Drs. Bambang Setiawan, M.Si.',
        position: 'PPID Utama Provinsi Kalimantan Barat',
        rank: 'Pembina Utama Muda (IV/c)',
        nip: '197003121995031002',
      },
      recordedBy: 'ppid.utama',
      recordedAt: '2026-11-22T03:15:00.000Z',
    },
    dik: { number: 'DIK/2026/0003', sequence: 3, year: 2026, setAt: '2026-11-22T03:15:00.000Z' },
    steps: [],
    inbox: [],
    createdAt: '2026-11-16T02:30:00.000Z',
    updatedAt: '2026-11-22T03:15:00.000Z',
    version: 5,
  };
}

/** Letters a and j with another law, ending on a date. */
function investigation(): Exclusion {
  const ex = medicalRecords();
  return {
    ...ex,
    exclusionId: 'exc-0002',
    test: {
      ...ex.test,
      title: 'Berkas penyelidikan dugaan penyimpangan pengadaan alat kesehatan 2026',
      documents: [{ title: 'Laporan hasil audit investigatif Inspektorat', reference: 'LHA/INSP/07/2026' }],
      description: 'Laporan hasil audit investigatif dan dokumen pendukung yang diserahkan kepada penyidik Kepolisian Daerah Kalimantan Barat.',
      legalBasis: {
        pasal17: ['a', 'j'],
        otherLaws: [{ law: 'Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana', article: 'Pasal 184 ayat (1)' }],
      },
      consequence: {
        ifOpened: 'Membuka berkas dapat menghambat proses penyelidikan dan penyidikan serta mengungkap identitas saksi.',
        publicInterest: 'Kelancaran penegakan hukum atas dugaan tindak pidana korupsi lebih besar manfaatnya bagi publik daripada membuka berkas sekarang.',
      },
      period: { until: '2028-11-22' },
    },
    decree: {
      ...ex.decree!,
      number: '000.9/113/PPID/2026',
      official: { name: 'Drs. Bambang Setiawan, M.Si.', position: 'PPID Utama Provinsi Kalimantan Barat' },
    },
    dik: { number: 'DIK/2026/0004', sequence: 4, year: 2026, setAt: '2026-11-22T03:15:00.000Z', until: '2028-11-22' },
  };
}

/** The text with runs of whitespace (line and page breaks included) as single spaces. */
const flat = (s: string) => s.replace(/\s+/g, ' ');
const LOGINS = ['dinkes.ppid', 'atasan.ppid', 'ppid.utama'];

let signer: DocumentSigner;
beforeAll(() => {
  const cert = createLocalCertificate({ commonName: 'Pemerintah Provinsi Kalimantan Barat (uji)', organization: 'Uji' });
  signer = p12Signer(cert.p12, cert.passphrase);
});

describe('dates', () => {
  it('formats dates in Indonesian long form', () => {
    expect(indonesianDate('2026-11-22')).toBe('22 November 2026');
    expect(indonesianDate('2026-01-05')).toBe('5 Januari 2026');
  });
});

describe('consequence-test sheet', () => {
  it("holds every section, the participants and the decision, on the proposing unit's letterhead, naming people by name and position", async () => {
    const { pages, text, info } = await pdfText(await consequenceTestSheetPdf(medicalRecords(), CTX));
    const t = flat(text);
    expect(pages).toBe(2);
    for (const s of [
      'PEMERINTAH PROVINSI KALIMANTAN BARAT',
      'DINAS KESEHATAN',
      'Jalan Jenderal Ahmad Yani No. 1, Pontianak 78124',
      'Telepon (0561) 737701',
      'LEMBAR UJI KONSEKUENSI INFORMASI YANG DIKECUALIKAN',
      'Nomor DIK : DIK/2026/0003',
      'Diusulkan oleh : Siti Rahmawati, S.H., M.H., Kepala Bidang Informasi Dinas Kesehatan, 16 November 2026',
      '1. Dokumen yang diuji',
      'Nomor/rujukan: RM/2026/RSUD-SDS',
      '2. Informasi yang dikecualikan',
      '3. Dasar hukum',
      'UU 14/2008 Pasal 17 huruf h: mengungkap rahasia pribadi',
      '4. Konsekuensi bila informasi dibuka',
      '5. Pertimbangan kepentingan publik',
      '6. Jangka waktu pengecualian',
      'tanpa batas waktu (Pasal 17 huruf g/h)',
      '7. Peserta uji konsekuensi',
      'Tanda tangan',
      'Tanggal uji konsekuensi : 16 November 2026',
      'Keputusan Atasan PPID',
      'Oleh : Dr. H. Ahmad Yusuf, M.Si., Sekretaris Daerah Provinsi Kalimantan Barat',
      'Setuju, sesuai Pasal 17 huruf h.',
      'Pontianak, 16 November 2026',
      'Yang melakukan uji konsekuensi,',
      'Pembina (IV/a)',
      'NIP 19820314 200604 2 011',
      'Halaman 1 dari 2',
      `https://ppid.kalbarprov.go.id/verifikasi/${exclusionDocumentCode(medicalRecords(), 'testSheet')}/`,
    ])
      expect(t).toContain(s);
    for (const login of LOGINS) expect(t).not.toContain(login);
    expect(info).toMatchObject({ author: 'Pemerintah Provinsi Kalimantan Barat', language: 'id-ID' });
    expect(info.title).toContain('Lembar Uji Konsekuensi');
  });

  it('takes the test date from proposedAt without testedOn, in the agency time zone, and has no decision before it is made', async () => {
    const ex = medicalRecords();
    delete ex.test.testedOn;
    delete ex.decision;
    ex.proposedAt = '2026-11-15T20:00:00.000Z'; // 16 November 03:00 WIB
    const t = flat((await pdfText(await consequenceTestSheetPdf(ex, CTX))).text);
    expect(t).toContain('Tanggal uji konsekuensi : 16 November 2026');
    expect(t).not.toContain('Keputusan Atasan PPID');
    const { timezone: _tz, ...utcAgency } = CTX.agency;
    const utc = flat((await pdfText(await consequenceTestSheetPdf(ex, { ...CTX, agency: utcAgency }))).text);
    expect(utc).toContain('Tanggal uji konsekuensi : 15 November 2026');
  });

  it('wraps a 4000-character description over pages without losing its end, the table continuing under its header', async () => {
    const ex = medicalRecords();
    const words = 'Catatan identitas anamnesis diagnosis tindakan pemeriksaan penunjang riwayat penyakit pengobatan pasien';
    let description = '';
    while (description.length < 3960) description += `${words} `;
    description = `${description.trim().slice(0, 3960)} AKHIR-URAIAN-PENUTUP.`;
    ex.test.description = description;
    ex.test.consequence.ifOpened = description;
    ex.test.participants = Array.from({ length: 30 }, (_, i) => ({ name: `Peserta Uji Nomor ${i + 1}`, position: 'Anggota Tim Uji Konsekuensi' }));
    const { pages, text } = await pdfText(await consequenceTestSheetPdf(ex, CTX));
    expect(pages).toBeGreaterThanOrEqual(3);
    const t = flat(text);
    expect(t.split('AKHIR-URAIAN-PENUTUP.').length).toBe(3);
    expect(t).toContain('Peserta Uji Nomor 30');
    expect(t).toContain(`Halaman ${pages} dari ${pages}`);
    expect(t).toContain(flat(description.slice(-400)));
    // The header row is repeated on the page the table continues on.
    const continued = text.split('\f').filter((p) => p.includes('Peserta Uji Nomor'));
    expect(continued.length).toBeGreaterThanOrEqual(2);
    for (const page of continued) expect(page).toContain('Tanda tangan');
  });

  it('prints Unicode names as written and only glyphs the font lacks as "?"', async () => {
    const ex = medicalRecords();
    ex.test.title = 'Data pasien Māluku Łódź Nguyễn 日本 \ud83d';
    ex.test.participants[0]!.name = 'Ṣàlíhù Ñúñez 李小龙';
    const { text, info } = await pdfText(await consequenceTestSheetPdf(ex, CTX));
    expect(flat(text)).toContain('Data pasien Māluku Łódź Nguyễn ??');
    expect(flat(text)).toContain('Ṣàlíhù Ñúñez ???');
    expect(info.title).toBe('Lembar Uji Konsekuensi: Data pasien Māluku Łódź Nguyễn 日本 \ufffd');
  });

  it('is byte-identical for the same exclusion', async () => {
    const a = await consequenceTestSheetPdf(medicalRecords(), CTX);
    const b = await consequenceTestSheetPdf(medicalRecords(), CTX);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('decree', () => {
  it("carries PPID Utama's letterhead, the type, the official with rank and NIP, the period, the reason, and 'Ditetapkan di … pada tanggal …'", async () => {
    const { pages, text, info } = await pdfText(await decreePdf(medicalRecords(), CTX));
    const t = flat(text);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    for (const s of [
      'PEMERINTAH PROVINSI KALIMANTAN BARAT DINAS KOMUNIKASI DAN INFORMATIKA',
      'Laman diskominfo.kalbarprov.go.id',
      'KEPUTUSAN PPID PEMERINTAH PROVINSI KALIMANTAN BARAT',
      'NOMOR 000.9/112/PPID/2026',
      'TENTANG PENETAPAN INFORMASI YANG DIKECUALIKAN',
      'Menimbang : a.',
      'Mengingat : 1.',
      'UU 14/2008 Pasal 17 huruf h: mengungkap rahasia pribadi',
      'Badan Publik : Pemerintah Provinsi Kalimantan Barat',
      'Unit / Perangkat Daerah : Dinas Kesehatan',
      'Drs. Bambang Setiawan, M.Si., PPID Utama',
      'sejak 22 November 2026, tanpa batas waktu',
      'Konsekuensi bila dibuka: Membuka rekam medis',
      'Ditetapkan di : Pontianak',
      'pada tanggal : 22 November 2026',
      'PPID Utama Provinsi Kalimantan Barat,',
      'Pembina Utama Muda (IV/c)',
      'NIP 19700312 199503 1 002',
      'DIK/2026/0003',
      `Halaman ${pages} dari ${pages}`,
    ])
      expect(t).toContain(s);
    // Not the proposing SKPD's letterhead, and no login anywhere.
    expect(t).not.toContain('DINAS KESEHATAN');
    // The closing is the decree's form, straight above the position.
    expect(t).toContain('Ditetapkan di : Pontianak pada tanggal : 22 November 2026 PPID Utama Provinsi Kalimantan Barat, Ditandatangani secara elektronik');
    for (const login of LOGINS) expect(t).not.toContain(login);
    expect(info.title).toContain('000.9/112/PPID/2026');
  });

  it('names the other law and the end date of an a/j exclusion; no NIP line without a NIP', async () => {
    const t = flat((await pdfText(await decreePdf(investigation(), CTX))).text);
    for (const s of [
      'NOMOR 000.9/113/PPID/2026',
      'Pasal 17 huruf a',
      'Pasal 17 huruf j',
      'Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana, Pasal 184 ayat (1)',
      'sejak 22 November 2026 sampai dengan 22', // the label column wraps beside it
      // Inclusive: the whole of the end date, in the agency's zone (Pontianak, WIB).
      'Pengecualian berlaku sampai dengan 22 November 2028 dan berakhir setelah Rabu, 22 November 2028 pukul 23.59 WIB; sejak hari berikutnya informasi wajib dibuka kembali atau diuji ulang melalui uji konsekuensi.',
      'DIK/2026/0004',
    ])
      expect(t).toContain(s);
    expect(t).not.toContain('NIP 1970');
    expect(t).not.toContain('tanpa batas waktu');
  });

  it('is byte-identical for the same exclusion, and refuses one without a decree or DIK number', async () => {
    const a = await decreePdf(investigation(), CTX);
    const b = await decreePdf(investigation(), CTX);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const { dik: _d, ...noDik } = investigation();
    await expect(decreePdf(noDik, CTX)).rejects.toThrow(/DIK/);
    const { decree: _x, ...noDecree } = investigation();
    await expect(decreePdf(noDecree, CTX)).rejects.toThrow(/decree/);
  });
});

describe.each([
  ['consequence-test sheet', 'testSheet', consequenceTestSheetSpec],
  ['decree', 'decree', decreeSpec],
] as const)('issued %s (archival, signed, verifiable)', (_name, doc, specOf) => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await issueDocument(specOf(medicalRecords(), CTX), signer, 'Uji', 'Pontianak')).bytes;
  });

  it('passes qpdf --check and embeds every font with a Unicode map', () => {
    const check = qpdfCheck(bytes);
    expect(check.output).toContain('No syntax or stream encoding errors found');
    expect(check.ok).toBe(true);
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f.name).toMatchObject({ embedded: true, unicode: true });
    expect(fonts.map((f) => f.name).join(' ')).toMatch(/DejaVuSans/);
  });

  it('identifies itself as PDF/A-2b in XMP, with title, author, number and language, and is tagged', () => {
    const { info, xmp } = pdfInfo(bytes);
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    const spec = specOf(medicalRecords(), CTX);
    expect(xmp).toContain(`<dc:identifier>${spec.number}</dc:identifier>`);
    expect(xmp).toContain('Pemerintah Provinsi Kalimantan Barat</rdf:li>');
    expect(xmp).toContain('<dc:title>');
    expect(xmp).toContain('<rdf:li>id-ID</rdf:li>');
    expect(info).toMatchObject({ Tagged: 'yes', Form: 'AcroForm', 'Page size': '595.28 x 841.89 pts (A4)' });
    expect(info['PDF version']).toBe('1.7');
  });

  it('carries a PAdES signature that verifies, and fails after one byte of the file changes', () => {
    const check = verifyPdfSignature(bytes);
    expect(check).toMatchObject({ valid: true, subFilter: 'ETSI.CAdES.detached', coversWholeFile: true });
    expect(check.signer).toContain('Pemerintah Provinsi Kalimantan Barat (uji)');
    // One byte inside the signed range changed: a letter of the title in the info dictionary.
    const tampered = bytes.slice();
    const at = Buffer.from(tampered).indexOf('Pemerintah Provinsi');
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'X'.charCodeAt(0);
    expect(verifyPdfSignature(tampered)).toMatchObject({ valid: false, reason: expect.stringMatching(/messageDigest/) });
  });

  it('has a QR code that decodes to its verification URL', () => {
    const pages = Number(pdfInfo(bytes).info.Pages);
    const url = `https://ppid.kalbarprov.go.id/verifikasi/${exclusionDocumentCode(medicalRecords(), doc)}/`;
    expect(decodeQr(bytes, pages)).toBe(url);
  });

  it('is the same file when issued again from the same input (same key)', async () => {
    const again = await issueDocument(specOf(medicalRecords(), CTX), signer, 'Uji', 'Pontianak');
    expect(again.sha256).toBe(sha256Hex(bytes));
  });
});

describe('signing failures', () => {
  it('a signer that fails stops the issue with a SigningError', async () => {
    const broken: DocumentSigner = {
      name: 'rusak',
      sign: () => Promise.reject(new SigningError('HSM unavailable')),
    };
    await expect(issueDocument(decreeSpec(medicalRecords(), CTX), broken, 'Uji', 'Pontianak')).rejects.toThrow(/HSM unavailable/);
    expect(() => p12Signer(new Uint8Array([1, 2, 3]), 'x')).toThrow(SigningError);
  });

  it('checks a coat of arms before it is used', async () => {
    expect(await letterheadImageProblem(png())).toBeUndefined();
    expect(await letterheadImageProblem(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]))).toBeTruthy();
  });
});
