/** Records and people the tests share: an agency as the store keeps it, the seeded body's local day, requesters. */
import ExcelJS from 'exceljs';
import { DIP_IMPORT_COLUMNS } from '../../functions/core/documentation/import.ts';
import { type ItemContent, itemNumber } from '../../functions/core/item-model.ts';
import type { Agency } from '../../functions/core/model.ts';
import type { PublishedEntry } from '../../functions/core/register/input.ts';

/** An agency record (the seeded body's zone, Monday to Friday), for the renderers' and the letters' unit tests. */
export const agencyRecord = (id: string, name: string, kind: Agency['kind'] = 'skpd', extra: Partial<Agency> = {}): Agency => ({
  id,
  name,
  kind,
  timezone: 'Asia/Pontianak',
  workWeek: [1, 2, 3, 4, 5],
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/**
 * A published item as the register reads it, in its first version: its number from its agency, year
 * and sequence, the DIP columns filled (the title and anything else from `content`).
 */
export function publishedEntry(
  agencyId: string,
  regYear: number,
  sequence: number,
  opts: { content: Partial<ItemContent> & { title: string }; publishedAt: string; itemId?: string; approvedBy?: string },
): PublishedEntry {
  return {
    itemId: opts.itemId ?? `${agencyId}-${regYear}-${sequence}`,
    agencyId,
    number: itemNumber(agencyId, regYear, sequence),
    versionNo: 1,
    regYear,
    sequence,
    approvedBy: opts.approvedBy ?? 'kepala',
    publishedAt: opts.publishedAt,
    history: [{ versionNo: 1, publishedAt: opts.publishedAt }],
    documents: [],
    content: {
      summary: '',
      holder: 'Sekretariat',
      responsible: 'Kepala Dinas',
      createdWhen: `Januari ${regYear}`,
      createdWhere: 'Pontianak',
      formats: ['softcopy'],
      retention: '5 tahun',
      category: 'berkala',
      year: regYear,
      tags: [],
      ...opts.content,
    },
  };
}

/** The local date `offsetDays` from today in Western Indonesia (the seeded body's zone is Asia/Pontianak, UTC+7). */
export const localDay = (offsetDays = 0) => new Date(Date.now() + 7 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Requesters (and objectors) of the registers' tests: an individual, a legal entity, an individual with a phone only. */
export const PEOPLE = {
  individual: {
    kind: 'individual',
    fullName: 'Maria Ulfah Santoso',
    nik: '6171012345670001',
    address: 'Jalan Gajah Mada Nomor 12, Pontianak Selatan, Kota Pontianak',
    phone: '+62 812 5550 1234',
    email: 'maria.ulfah@example.org',
  },
  legalEntity: {
    kind: 'legal_entity',
    fullName: 'Yayasan Lembaga Bantuan Hukum Kalbar',
    legalEntityDecree: 'AHU-0012345.AH.01.04 Tahun 2019',
    address: 'Jalan Ahmad Yani Nomor 45, Pontianak Tenggara, Kota Pontianak',
    email: 'sekretariat@lbh-kalbar.example.org',
  },
  phoneOnly: {
    kind: 'individual',
    fullName: 'Budi Hartono',
    nik: '6171019876540002',
    address: 'Jalan Sungai Raya Dalam Nomor 8, Kabupaten Kubu Raya',
    phone: '0561-765432',
  },
} as const;

/** The requester of the workflow tests (`overrides` change or add fields). */
export const requester = (overrides: Record<string, unknown> = {}) => ({
  kind: 'individual',
  fullName: 'Budi Santoso',
  nik: '6171011203850004',
  address: 'Jl. Ahmad Yani No. 12, Pontianak',
  ...overrides,
});

/** What the workflow tests' requests ask for. */
export const requestContent = (overrides: Record<string, unknown> = {}) => ({
  information: 'Data cakupan imunisasi dasar lengkap per kabupaten tahun 2025',
  purpose: 'Penelitian skripsi tentang kesehatan anak',
  obtainForm: 'copy_softcopy',
  deliveryMethod: 'email',
  ...overrides,
});

/** One good spreadsheet row of DIP values in the import template's column order, made unique by `n`. */
export function importRow(n: number, tag = 'uji'): string[] {
  return [
    `Laporan Keuangan Bagian ${n}`,
    `Ringkasan laporan keuangan nomor ${n} beserta lampirannya.`,
    'Subbagian Keuangan',
    'Sekretaris Dinas',
    'Januari 2026',
    'Pontianak',
    n % 2 ? 'Hardcopy' : 'Softcopy, Hardcopy',
    '10 tahun',
    ['Berkala', 'Serta Merta', 'Tersedia Setiap Saat'][n % 3]!,
    '2025',
    tag,
  ];
}

/** An XLSX of `n` good rows under the template's headers (the year as a number, as spreadsheets keep it). */
export async function importSpreadsheet(n: number, tag: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar Informasi');
  ws.addRow(DIP_IMPORT_COLUMNS.map((c) => c.header));
  for (let i = 1; i <= n; i++) {
    const row: (string | number)[] = importRow(i, tag);
    row[9] = 2025;
    ws.addRow(row);
  }
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
