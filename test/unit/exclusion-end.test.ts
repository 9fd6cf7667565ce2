/**
 * The end of an exclusion is inclusive (functions/core/exclusion-end.ts): "sampai dengan 30 Juni
 * 2027" excludes the information through 23.59.59 on that day in the agency's zone, and it leaves
 * the DIK at 00.00 of the next day. Checked across Indonesia's three zones, for records stored under
 * the old (exclusive) rule, and in every place that states it: the staff app's words, the decree and
 * the consequence-test sheet (PDF specs), the register's DIK page and its JSON and CSV exports.
 */
import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../functions/core/calendar.ts';
import { currentEnd, endsAfterWords, exclusionEndsAfterLocal, exclusionEndsAt, lastExcludedInstant, untilWords } from '../../functions/core/exclusion-end.ts';
import { exclusionEndWords } from '../../functions/core/exclusion-end-words.ts';
import type { Exclusion } from '../../functions/core/exclusion-model.ts';
import { dikEntry } from '../../functions/core/exclusion-model.ts';
import { consequenceTestSheetSpec, decreeSpec, type PdfContext } from '../../functions/core/exclusion-pdf.ts';
import type { Block } from '../../functions/core/official-documents/index.ts';
import { DIK_CSV_COLUMNS } from '../../functions/core/register/dik.ts';
import { DIK_EXPORT_PATHS } from '../../functions/core/register/exports.ts';
import { renderFullFiles } from '../../web/register/render.ts';
import { staffDates } from '../../web/staff/src/pages/exclusion-parts.tsx';
import { parseCsv } from '../support/csv.ts';
import { agencyRecord } from '../support/fixtures.ts';

const UNTIL = '2027-06-30'; // a Wednesday

describe('the end instant', () => {
  const zones = [
    { zone: 'Asia/Jakarta', name: 'WIB', last: '2027-06-30T16:59:59.000Z', ends: '2027-06-30T17:00:00.000Z', local: '2027-06-30T23:59:59+07:00' },
    { zone: 'Asia/Pontianak', name: 'WIB', last: '2027-06-30T16:59:59.000Z', ends: '2027-06-30T17:00:00.000Z', local: '2027-06-30T23:59:59+07:00' },
    { zone: 'Asia/Makassar', name: 'WITA', last: '2027-06-30T15:59:59.000Z', ends: '2027-06-30T16:00:00.000Z', local: '2027-06-30T23:59:59+08:00' },
    { zone: 'Asia/Jayapura', name: 'WIT', last: '2027-06-30T14:59:59.000Z', ends: '2027-06-30T15:00:00.000Z', local: '2027-06-30T23:59:59+09:00' },
  ];

  for (const z of zones)
    it(`includes the whole end date in ${z.zone} (${z.name}) and ends at 00.00 of the next day`, () => {
      expect(lastExcludedInstant(UNTIL, z.zone)).toBe(z.last);
      expect(exclusionEndsAt(UNTIL, z.zone)).toBe(z.ends);
      expect(exclusionEndsAfterLocal(UNTIL, z.zone)).toBe(z.local);
      expect(localDateOf(new Date(z.last), z.zone)).toBe(UNTIL);
      expect(localDateOf(new Date(z.ends), z.zone)).toBe('2027-07-01');
      expect(Date.parse(z.ends) - Date.parse(z.last)).toBe(1000);
      expect(exclusionEndWords(UNTIL, z.zone, 'id')).toEqual({
        until: 'sampai dengan 30 Juni 2027',
        endsAfter: `berakhir setelah Rabu, 30 Juni 2027 pukul 23.59 ${z.name}`,
      });
      expect(exclusionEndWords(UNTIL, z.zone, 'en')).toEqual({
        until: 'up to and including 30 June 2027',
        endsAfter: `ends after Wednesday, 30 June 2027 at 23:59 ${z.name}`,
      });
    });

  it('crosses the year at the end of 31 December', () => {
    expect(exclusionEndsAt('2027-12-31', 'Asia/Jayapura')).toBe('2027-12-31T15:00:00.000Z');
    expect(localDateOf(new Date(exclusionEndsAt('2027-12-31', 'Asia/Jayapura')), 'Asia/Jayapura')).toBe('2028-01-01');
  });

  it('reads a record stored under the old rule (00.00 at the start of the end date) as the inclusive rule computes it', () => {
    const old = { number: 'DIK/2026/0001', until: UNTIL, endsAt: '2027-06-29T16:00:00.000Z' };
    expect(currentEnd(old, 'Asia/Makassar')).toEqual({ ...old, endsAt: '2027-06-30T16:00:00.000Z' });
    const permanent: { number: string; until?: string } = { number: 'DIK/2026/0002' };
    expect(currentEnd(permanent, 'Asia/Makassar')).toBe(permanent);
  });
});

// ─── every place says the same ─────────────────────────────────────────────────────────────────────

const ZONE = 'Asia/Makassar';
const AGENCY = agencyRecord('dinkes', 'Dinas Kesehatan', 'skpd', { timezone: ZONE });

function exclusion(): Exclusion {
  return {
    exclusionId: 'exc-end',
    agencyId: 'dinkes',
    state: 'in_force',
    round: 1,
    test: {
      title: 'Rencana operasi penanggulangan wabah',
      documents: [{ title: 'Rencana operasi' }],
      description: 'Rencana operasi lapangan penanggulangan wabah beserta lokasi dan jadwalnya.',
      legalBasis: { pasal17: ['a', 'c'], otherLaws: [] },
      consequence: {
        ifOpened: 'Membuka rencana ini dapat menghambat penegakan hukum di lapangan.',
        publicInterest: 'Keselamatan petugas dan warga lebih besar daripada membukanya sekarang.',
      },
      period: { until: UNTIL },
      participants: [{ name: 'Siti Rahmawati', position: 'PPID Pelaksana' }],
      testedOn: '2026-11-16',
    },
    proposedAt: '2026-11-16T02:30:00.000Z',
    proposedBy: 'dinkes.ppid',
    proposedRole: 'ppid_pelaksana',
    decision: { decision: 'ya', by: 'atasan.ppid', role: 'atasan_ppid', at: '2026-11-17T01:00:00.000Z' },
    decree: {
      number: '000.9/114/PPID/2026',
      date: '2026-11-22',
      place: 'Makassar',
      official: { name: 'Drs. Bambang Setiawan, M.Si.', position: 'PPID Utama' },
      recordedBy: 'ppid.utama',
      recordedAt: '2026-11-22T03:15:00.000Z',
    },
    dik: { number: 'DIK/2026/0009', sequence: 9, year: 2026, setAt: '2026-11-22T03:15:00.000Z', until: UNTIL, endsAt: exclusionEndsAt(UNTIL, ZONE) },
    steps: [],
    inbox: [],
    createdAt: '2026-11-16T02:30:00.000Z',
    updatedAt: '2026-11-22T03:15:00.000Z',
    version: 5,
  };
}

const PDF_CTX: PdfContext = {
  publicBody: { name: 'Pemerintah Provinsi Sulawesi Selatan' },
  agency: { name: 'Dinas Kesehatan', city: 'Makassar', timezone: ZONE },
  ppidUtama: { name: 'Dinas Komunikasi dan Informatika', city: 'Makassar', timezone: ZONE },
  people: { proposer: { name: 'Siti Rahmawati', position: 'PPID Pelaksana' }, decider: { name: 'Dr. Ahmad Yusuf', position: 'Atasan PPID' } },
  registerUrl: 'https://ppid.example.go.id',
};

/** Every text of a document spec, in order. */
function specText(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks as Array<Record<string, unknown>>) {
    if (typeof b.text === 'string') out.push(b.text);
    if (Array.isArray(b.items)) out.push(...(b.items as unknown[]).filter((i): i is string => typeof i === 'string'));
    if (Array.isArray(b.rows)) for (const r of b.rows as unknown[][]) out.push(r.map(String).join(' '));
  }
  return out.join('\n');
}

const stripTags = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');

describe('the end of an exclusion reads the same everywhere', () => {
  const ex = exclusion();
  const id = exclusionEndWords(UNTIL, ZONE, 'id');
  const en = exclusionEndWords(UNTIL, ZONE, 'en');

  it('in the staff app (its own Intl date writer)', () => {
    for (const lang of ['id', 'en'] as const) {
      expect(untilWords(UNTIL, lang, staffDates)).toBe((lang === 'id' ? id : en).until);
      expect(endsAfterWords(UNTIL, ZONE, lang, staffDates)).toBe((lang === 'id' ? id : en).endsAfter);
    }
  });

  it('in the decree and the consequence-test sheet', () => {
    const decree = specText(decreeSpec(ex, PDF_CTX).blocks);
    expect(decree).toContain(`sejak 22 November 2026 ${id.until}`);
    expect(decree).toContain(`Pengecualian berlaku ${id.until} dan ${id.endsAfter}; sejak hari berikutnya`);
    const sheet = specText(consequenceTestSheetSpec(ex, PDF_CTX).blocks);
    expect(sheet).toContain(`Pengecualian berlaku ${id.until} dan ${id.endsAfter}; sejak hari berikutnya`);
    for (const t of [decree, sheet]) expect(t).not.toMatch(/00\.00|Berakhir pada/);
  });

  it("on the register's DIK page and in its exports", () => {
    const files = new Map(
      [
        ...renderFullFiles({
          publicBody: { name: 'Pemerintah Provinsi Sulawesi Selatan' },
          agencies: [agencyRecord('diskominfo', 'Dinas Komunikasi dan Informatika', 'ppid_utama', { timezone: ZONE }), AGENCY],
          items: [],
          dik: [dikEntry(ex)],
          generatedAt: '2026-12-01T00:00:00.000Z',
        }),
      ].map((f) => [f.path, typeof f.body === 'string' ? f.body : new TextDecoder().decode(f.body)]),
    );
    const pageId = stripTags(files.get('dik/index.html')!);
    const pageEn = stripTags(files.get('en/dik/index.html')!);
    expect(pageId).toContain(id.until);
    expect(pageId).toContain(id.endsAfter);
    expect(pageEn).toContain(en.until);
    expect(pageEn).toContain(en.endsAfter);

    const json = JSON.parse(files.get(DIK_EXPORT_PATHS.json)!);
    expect(json.items[0].period).toEqual({ from: '2026-11-22', until: UNTIL, endsAfter: '2027-06-30T23:59:59+08:00' });
    // The export's instant is the one the words name, and the workflow's end follows it by a second.
    expect(Date.parse(json.items[0].period.endsAfter)).toBe(Date.parse(lastExcludedInstant(UNTIL, ZONE)));
    expect(Date.parse(json.items[0].period.endsAfter) + 1000).toBe(Date.parse(ex.dik!.endsAt!));

    const rows = parseCsv(files.get(DIK_EXPORT_PATHS.csv)!.slice(1));
    const col = (name: (typeof DIK_CSV_COLUMNS)[number]) => rows[1]![DIK_CSV_COLUMNS.indexOf(name)];
    expect(col('Berlaku sampai dengan')).toBe(UNTIL);
    expect(col('Berakhir setelah')).toBe(json.items[0].period.endsAfter);
  });
});
