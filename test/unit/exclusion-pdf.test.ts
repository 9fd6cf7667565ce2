import { describe, expect, it } from 'vitest';
import type { Exclusion } from '../../functions/core/exclusion-model.ts';
import { consequenceTestSheetPdf, decreePdf, indonesianDate, type PdfContext, winAnsiSafe } from '../../functions/core/exclusion-pdf.ts';
import { pdfText } from '../support/pdf.ts';

const CTX: PdfContext = {
  publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat' },
  agency: { name: 'Dinas Kesehatan', address: 'Jalan Jenderal Ahmad Yani No. 1, Pontianak 78124', timezone: 'Asia/Pontianak' },
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
      official: { name: 'Drs. Bambang Setiawan, M.Si.', position: 'PPID Utama Provinsi Kalimantan Barat', nip: '197003121995031002' },
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

describe('winAnsiSafe', () => {
  it('keeps what WinAnsi encodes, reduces accents, and replaces the rest', () => {
    expect(winAnsiSafe('Informasi “dikecualikan” – Pasal 17 — huruf h; café € ‘x’ …')).toBe('Informasi “dikecualikan” – Pasal 17 — huruf h; café € ‘x’ …');
    expect(winAnsiSafe('Māluku Łódź ﬁle Ａ')).toBe('Maluku Lódz file A');
    expect(winAnsiSafe('a\tb\u200bc\u00add')).toBe('a bcd');
    expect(winAnsiSafe('😀 日本 👨‍👩‍👧 \ud83d')).toBe('? ?? ??? ?');
  });

  it('formats dates in Indonesian long form', () => {
    expect(indonesianDate('2026-11-22')).toBe('22 November 2026');
    expect(indonesianDate('2026-01-05')).toBe('5 Januari 2026');
  });
});

describe('consequence-test sheet', () => {
  it('holds every section, the participants and the decision', async () => {
    const bytes = await consequenceTestSheetPdf(medicalRecords(), CTX);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, text, info } = await pdfText(bytes);
    const t = flat(text);
    expect(pages).toBe(1);
    for (const s of [
      'PEMERINTAH PROVINSI KALIMANTAN BARAT',
      'DINAS KESEHATAN',
      'LEMBAR UJI KONSEKUENSI INFORMASI YANG DIKECUALIKAN',
      '1. Dokumen yang diuji',
      'Nomor/rujukan: RM/2026/RSUD-SDS',
      '2. Informasi yang dikecualikan',
      'Rekam medis pasien Rumah Sakit Umum Daerah dr. Soedarso',
      '3. Dasar hukum',
      'UU 14/2008 Pasal 17 huruf h: mengungkap rahasia pribadi',
      '4. Konsekuensi bila informasi dibuka',
      '5. Pertimbangan kepentingan publik',
      '6. Jangka waktu pengecualian',
      'tanpa batas waktu (Pasal 17 huruf g/h)',
      '7. Peserta uji konsekuensi',
      'Tanda tangan',
      'Siti Rahmawati, S.H.',
      'Tanggal uji konsekuensi : 16 November 2026',
      'Keputusan Atasan PPID',
      'Ya: disetujui',
      'atasan.ppid',
      '17 November 2026',
      'Setuju, sesuai Pasal 17 huruf h.',
      'Halaman 1 dari 1',
    ])
      expect(t).toContain(s);
    expect(info).toMatchObject({ author: 'Pemerintah Provinsi Kalimantan Barat', producer: 'SIP PPID', language: 'id-ID' });
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
    const utc = flat((await pdfText(await consequenceTestSheetPdf(ex, { ...CTX, agency: { name: 'Dinas Kesehatan' } }))).text);
    expect(utc).toContain('Tanggal uji konsekuensi : 15 November 2026');
  });

  it('names the other law and the end date', async () => {
    const t = flat((await pdfText(await consequenceTestSheetPdf(investigation(), CTX))).text);
    expect(t).toContain('UU 14/2008 Pasal 17 huruf a: menghambat proses penegakan hukum');
    expect(t).toContain('Pasal 17 huruf j');
    expect(t).toContain('Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana, Pasal 184 ayat (1)');
    expect(t).toContain('Berakhir pada 22 November 2028');
    expect(t).not.toContain('tanpa batas waktu');
  });

  it('wraps a 4000-character description over pages without losing its end', async () => {
    const ex = medicalRecords();
    const words = 'Catatan identitas anamnesis diagnosis tindakan pemeriksaan penunjang riwayat penyakit pengobatan pasien';
    let description = '';
    while (description.length < 3960) description += `${words} `;
    description = `${description.trim().slice(0, 3960)} AKHIR-URAIAN-PENUTUP.`;
    ex.test.description = description;
    ex.test.consequence.ifOpened = description;
    ex.test.participants = Array.from({ length: 30 }, (_, i) => ({ name: `Peserta Uji Nomor ${i + 1}`, position: 'Anggota Tim Uji Konsekuensi' }));
    const { pages, text } = await pdfText(await consequenceTestSheetPdf(ex, CTX));
    expect(pages).toBeGreaterThanOrEqual(2);
    const t = flat(text);
    expect(t.split('AKHIR-URAIAN-PENUTUP.').length).toBe(3);
    expect(t).toContain('Peserta Uji Nomor 30');
    expect(t).toContain(`Halaman ${pages} dari ${pages}`);
    // Every word of the description is printed, in order.
    expect(t).toContain(flat(description.slice(-400)));
  });

  it('prints emoji and CJK as "?" instead of throwing', async () => {
    const ex = medicalRecords();
    ex.test.title = 'Data pasien 😷 日本語 ✅ Māluku \ud83d';
    ex.test.participants[0]!.name = '李小龙 🙂';
    const { text, info } = await pdfText(await consequenceTestSheetPdf(ex, CTX));
    expect(flat(text)).toContain('Data pasien ? ??? ? Maluku ?');
    expect(info.title).toBe('Lembar Uji Konsekuensi: Data pasien 😷 日本語 ✅ Māluku \ufffd');
    await expect(decreePdf(ex, CTX)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('is byte-identical for the same exclusion', async () => {
    const a = await consequenceTestSheetPdf(medicalRecords(), CTX);
    const b = await consequenceTestSheetPdf(medicalRecords(), CTX);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('decree', () => {
  it('holds the type, the official, the body and unit, the period, the reason, place and date, and the DIK number', async () => {
    const bytes = await decreePdf(medicalRecords(), CTX);
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const { pages, text, info } = await pdfText(bytes);
    const t = flat(text);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    for (const s of [
      'KEPUTUSAN PPID PEMERINTAH PROVINSI KALIMANTAN BARAT',
      'NOMOR 000.9/112/PPID/2026',
      'TENTANG PENETAPAN INFORMASI YANG DIKECUALIKAN',
      'UU 14/2008 Pasal 17 huruf h: mengungkap rahasia pribadi',
      'Drs. Bambang Setiawan, M.Si.',
      'PPID Utama Provinsi Kalimantan Barat',
      'NIP 197003121995031002',
      'Badan Publik : Pemerintah Provinsi Kalimantan Barat',
      'Unit / Perangkat Daerah : Dinas Kesehatan',
      'sejak 22 November 2026, tanpa batas waktu (Pasal 17 huruf g/h)',
      'Konsekuensi bila dibuka: Membuka rekam medis',
      'Pertimbangan kepentingan publik: Perlindungan hak atas privasi',
      'Pontianak, 22 November 2026',
      'DIK/2026/0003',
      'Rekam medis pasien Rumah Sakit Umum Daerah dr. Soedarso',
      `Halaman ${pages} dari ${pages}`,
    ])
      expect(t).toContain(s);
    expect(info).toMatchObject({ author: 'Pemerintah Provinsi Kalimantan Barat', producer: 'SIP PPID', language: 'id-ID' });
    expect(info.title).toContain('000.9/112/PPID/2026');
  });

  it('names the other law and the end date of an a/j exclusion', async () => {
    const t = flat((await pdfText(await decreePdf(investigation(), CTX))).text);
    for (const s of [
      'NOMOR 000.9/113/PPID/2026',
      'Pasal 17 huruf a',
      'Pasal 17 huruf j',
      'Undang-Undang Nomor 8 Tahun 1981 tentang Hukum Acara Pidana, Pasal 184 ayat (1)',
      'sejak 22 November 2026 sampai 22 November 2028',
      'Pengecualian berakhir pada 22 November 2028',
      'DIK/2026/0004',
      'Pontianak, 22 November 2026',
    ])
      expect(t).toContain(s);
    expect(t).not.toContain('NIP');
    expect(t).not.toContain('tanpa batas waktu');
  });

  it('wraps a 4000-character description over pages', async () => {
    const ex = investigation();
    let description = '';
    while (description.length < 3960) description += 'Laporan hasil audit investigatif dan dokumen pendukung penyidikan ';
    ex.test.description = `${description.trim().slice(0, 3960)} AKHIR-URAIAN-PENUTUP.`;
    ex.test.consequence.ifOpened = ex.test.description;
    ex.test.consequence.publicInterest = ex.test.description;
    const { pages, text } = await pdfText(await decreePdf(ex, CTX));
    expect(pages).toBeGreaterThanOrEqual(2);
    const t = flat(text);
    expect(t).toContain('AKHIR-URAIAN-PENUTUP.');
    expect(t).toContain(flat(ex.test.description.slice(-400)));
    expect(t).toContain('Pontianak, 22 November 2026');
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
