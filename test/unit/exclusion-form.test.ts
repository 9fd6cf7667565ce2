/**
 * The consequence-test form (Perki 1/2017; UU 14/2008 Pasal 17): every element required, each
 * missing one refused with its own bilingual message; no end date only for Pasal 17 g and h.
 */
import { describe, expect, it } from 'vitest';
import { ConsequenceTest, Decree, dikEntry, type Exclusion, legalBasisText } from '../../functions/core/exclusion-model.ts';
import { consequenceTest } from '../support/host.ts';

function issues(input: unknown): { path: string; message: string }[] {
  const r = ConsequenceTest.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const without = (key: string) => {
  const t: Record<string, unknown> = consequenceTest();
  delete t[key];
  return t;
};

describe('consequence-test form', () => {
  it('accepts a complete test', () => {
    expect(issues(consequenceTest())).toEqual([]);
  });

  it.each([
    ['title', /informasi yang dikecualikan wajib diisi \/ information excluded is required/],
    ['documents', /dokumen yang diuji wajib diisi \/ documents concerned is required/],
    ['description', /uraian informasi yang dikecualikan wajib diisi \/ precise description of the information is required/],
    ['legalBasis', /dasar hukum .* wajib diisi \/ legal basis .* is required/],
    ['consequence', /konsekuensi dan kepentingan publik wajib diisi \/ consequence and public interest is required/],
    ['period', /jangka waktu pengecualian wajib diisi \/ exclusion period is required/],
    ['participants', /peserta uji konsekuensi wajib diisi \/ participants of the test is required/],
  ])('refuses a test without %s, with its own message', (key, message) => {
    const found = issues(without(key));
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toBe(key);
    expect(found[0]!.message).toMatch(message);
  });

  it('refuses empty lists, an empty legal basis and short texts element by element', () => {
    expect(issues(consequenceTest({ documents: [] }))[0]).toMatchObject({ path: 'documents', message: expect.stringMatching(/minimal satu/) });
    expect(issues(consequenceTest({ participants: [] }))[0]).toMatchObject({ path: 'participants', message: expect.stringMatching(/at least one/) });
    expect(issues(consequenceTest({ legalBasis: { pasal17: [], otherLaws: [] } }))[0]).toMatchObject({ path: 'legalBasis' });
    expect(issues(consequenceTest({ consequence: { ifOpened: 'pendek', publicInterest: 'x'.repeat(30) } }))[0]).toMatchObject({
      path: 'consequence.ifOpened',
      message: expect.stringMatching(/konsekuensi bila dibuka: minimal 20 karakter/),
    });
    expect(issues(consequenceTest({ legalBasis: { pasal17: ['k'] } }))[0]!.message).toMatch(/a–j/);
    expect(issues(consequenceTest({ legalBasis: { pasal17: ['h', 'h'] } }))[0]!.message).toMatch(/berulang/);
  });

  it.each(['g', 'h'])('accepts Pasal 17 %s without an end date', (letter) => {
    expect(issues(consequenceTest({ legalBasis: { pasal17: [letter] }, period: {} }))).toEqual([]);
  });

  it('accepts g and h together, and with a supporting law, without an end date', () => {
    expect(issues(consequenceTest({ legalBasis: { pasal17: ['g', 'h'] }, period: {} }))).toEqual([]);
    expect(issues(consequenceTest({ period: {} }))).toEqual([]);
  });

  it.each(['a', 'b', 'c', 'd', 'e', 'f'])('refuses Pasal 17 %s without an end date', (letter) => {
    const found = issues(consequenceTest({ legalBasis: { pasal17: [letter] }, period: {} }));
    expect(found).toEqual([{ path: 'period.until', message: expect.stringMatching(/only Pasal 17 letters g and h may have no end date/) }]);
  });

  it('refuses h mixed with a time-limited letter, or another law alone, without an end date', () => {
    expect(issues(consequenceTest({ legalBasis: { pasal17: ['h', 'a'] }, period: {} }))[0]!.path).toBe('period.until');
    expect(issues(consequenceTest({ legalBasis: { pasal17: [], otherLaws: [{ law: 'UU Rahasia Dagang', article: 'Pasal 3' }] }, period: {} }))[0]!.path).toBe(
      'period.until',
    );
  });

  it('accepts a–f with an end date; letter j needs the other law named', () => {
    expect(issues(consequenceTest({ legalBasis: { pasal17: ['a', 'c'] }, period: { until: '2030-12-31' } }))).toEqual([]);
    expect(issues(consequenceTest({ legalBasis: { pasal17: ['j'] }, period: { until: '2030-12-31' } }))).toEqual([
      { path: 'legalBasis.otherLaws', message: expect.stringMatching(/letter j: name the law and its article/) },
    ]);
    expect(issues(consequenceTest({ period: { until: '31-12-2030' } }))[0]!.path).toBe('period.until');
  });

  it('refuses unknown fields (strict), so a typo is not silently dropped', () => {
    expect(issues({ ...consequenceTest(), partisipan: [] })[0]!.message).toMatch(/partisipan/);
  });
});

describe('decree and DIK row', () => {
  it('requires the number, date, place and the official who set it', () => {
    const r = Decree.safeParse({ number: '', date: '2026-11-22', place: 'Pontianak', official: {} });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['number', 'official.name', 'official.position']));
    expect(
      Decree.safeParse({ number: '1/PPID', date: '2026-11-22', place: 'Pontianak', official: { name: 'Ahmad', position: 'PPID', nip: '12' } }).success,
    ).toBe(false);
  });

  it('publishes only the DIK columns: no documents, description, participants or item', () => {
    const test = ConsequenceTest.parse(consequenceTest());
    const ex = {
      exclusionId: 'e1',
      agencyId: 'dinkes',
      itemId: 'secret-item',
      test,
      decree: {
        number: '045/PPID/2026',
        date: '2026-11-20',
        place: 'Pontianak',
        official: { name: 'Ahmad', position: 'PPID Utama' },
        recordedBy: 'u',
        recordedAt: 'x',
      },
      dik: { number: 'DIK/2026/0001', sequence: 1, year: 2026, setAt: '2026-11-20T03:00:00.000Z' },
    } as unknown as Exclusion;
    const row = dikEntry(ex);
    expect(Object.keys(row).sort()).toEqual([
      'agencyId',
      'consequence',
      'decree',
      'exclusionId',
      'legalBasis',
      'number',
      'period',
      'sequence',
      'setAt',
      'title',
      'year',
    ]);
    expect(JSON.stringify(row)).not.toMatch(/secret-item|rekam medis pasien rawat inap|Rina Marlina/i);
    expect(row.period).toEqual({ from: '2026-11-20' });
    expect(legalBasisText(row.legalBasis)).toBe('UU 14/2008 Pasal 17 huruf h; Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan Pasal 4 ayat (1) huruf i');
  });
});
