/** People as documents name them: the NIP's structure, its printed form, and a user as an official. */
import { describe, expect, it } from 'vitest';
import { formatNip, Nip, nipParts, nipProblem, officialOf } from '../../functions/core/official-documents/people.ts';
import { verificationCode, verificationUrl } from '../../functions/core/official-documents/verification.ts';
import { buildModel } from '../../functions/core/register/model.ts';
import { renderVerificationPage } from '../../web/register/verification.tsx';

describe('NIP', () => {
  it('accepts an 18-digit NIP whose parts are a date of birth, a month of appointment, a gender and a serial', () => {
    expect(nipProblem('197003121995031002')).toBeUndefined();
    expect(nipParts('198203142006042011')).toEqual({ birthDate: '1982-03-14', appointed: '2006-04', gender: 'female', serial: 11 });
    expect(Nip.parse(' 19700312 199503 1 002 ')).toBe('197003121995031002');
  });

  it.each([
    ['19700312199503100', 'nip_format'], // 17 digits
    ['1970031219950310022', 'nip_format'], // 19 digits
    ['19700312199503100A', 'nip_format'],
    ['197013121995031002', 'nip_birth_date'], // month 13
    ['197002301995031002', 'nip_birth_date'], // 30 February
    ['192003121995031002', 'nip_birth_date'], // born 1920
    ['197003121995131002', 'nip_appointment'], // month 13
    ['197003121985031002', 'nip_appointment'], // appointed at 15
    ['197003122035031002', 'nip_appointment'], // appointed at 65
    ['197003121995033002', 'nip_gender'],
    ['197003121995031000', 'nip_serial'],
  ])('refuses %s (%s)', (nip, problem) => {
    expect(nipProblem(nip)).toBe(problem);
    expect(Nip.safeParse(nip).success).toBe(false);
  });

  it('prints as on a signature block, and names the problem in both languages', () => {
    expect(formatNip('197003121995031002')).toBe('19700312 199503 1 002');
    const issue = Nip.safeParse('197013121995031002').error!.issues[0]!.message;
    expect(issue).toMatch(/tanggal lahir .* \/ .*date of birth/);
  });
});

describe('a user as an official', () => {
  it('is named by full name with titles and position, never by login; the role stands in for a missing position', () => {
    expect(officialOf({ name: 'Bambang', fullName: 'Drs. Bambang Setiawan, M.Si.', position: 'PPID Utama', nip: '197003121995031002' }, 'x')).toEqual({
      name: 'Drs. Bambang Setiawan, M.Si.',
      position: 'PPID Utama',
      nip: '197003121995031002',
    });
    expect(officialOf({ name: 'Siti Rahma' }, 'PPID Pelaksana')).toEqual({ name: 'Siti Rahma', position: 'PPID Pelaksana' });
  });
});

describe('verification', () => {
  it('derives a stable 12-character code from the document identity, and a directory URL', () => {
    const a = verificationCode('exclusion/3f1c/r1/decree');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(verificationCode('exclusion/3f1c/r1/decree')).toBe(a);
    expect(verificationCode('exclusion/3f1c/r2/decree')).not.toBe(a);
    expect(verificationUrl('https://ppid.example.go.id/', a)).toBe(`https://ppid.example.go.id/verifikasi/${a}/`);
  });

  it('says plainly when a document was replaced or withdrawn, and links the replacement', () => {
    const m = buildModel({
      publicBody: { name: 'Pemerintah Provinsi Kalimantan Barat' },
      agencies: [],
      items: [],
      dik: [],
      generatedAt: '2026-12-01T00:00:00Z',
    });
    const record = {
      code: 'AAAABBBBCCCC',
      type: 'exclusion_decree' as const,
      number: '045/PPID/2026',
      date: '2026-12-01',
      unit: { agencyId: 'diskominfo', name: 'Dinas Komunikasi dan Informatika' },
      bodyName: 'Pemerintah Provinsi Kalimantan Barat',
      signatory: { name: 'Drs. H. Ahmad Fauzi', position: 'PPID Utama' },
      sha256: 'a'.repeat(64),
      size: 12345,
      issuedAt: '2026-12-01T03:00:00Z',
    };
    const replaced = renderVerificationPage(m, { ...record, status: 'replaced', statusAt: '2027-01-05T00:00:00Z', replacedBy: 'DDDDEEEEFFFF' }, 'id');
    expect(replaced).toContain('Dokumen ini telah DIGANTI');
    expect(replaced).toContain('sejak 5 Januari 2027');
    expect(replaced).toContain('href="/verifikasi/DDDDEEEEFFFF/"');
    const withdrawn = renderVerificationPage(m, { ...record, status: 'withdrawn', statusAt: '2027-01-05T00:00:00Z' }, 'en');
    expect(withdrawn).toContain('This document has been WITHDRAWN');
    expect(withdrawn).toContain('<html lang="en"');
    expect(withdrawn).toContain('a'.repeat(64));
  });
});
