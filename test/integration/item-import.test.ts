/**
 * The bulk import of draft items from a spreadsheet, through the API, the S3 emulator and the real
 * ItemImport state machine in the local engine: a clean file imports every row as drafts of the
 * agency; a file with bad rows reports each with its line and field and imports nothing until the
 * person chooses the good rows; the same file twice creates no duplicates; a 10,000-row XLSX imports
 * completely.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoStore } from '../../functions/adapters/dynamodb.ts';
import { DIP_IMPORT_COLUMNS } from '../../functions/core/documentation/import.ts';
import { importedItemId } from '../../functions/core/documentation/item-import.ts';
import { importRow, importSpreadsheet } from '../support/fixtures.ts';
import { apiClient, sha256hex, startTestHost, until, uploadWithTicket } from '../support/host.ts';

let host: Awaited<ReturnType<typeof startTestHost>>;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  host = await startTestHost();
  api = apiClient(host);
});
afterAll(async () => {
  await host?.cleanup();
});

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const goodRow = importRow;

const csvOf = (rows: string[][], sep = ';') =>
  Buffer.from(
    `\uFEFF${[DIP_IMPORT_COLUMNS.map((c) => c.header), ...rows].map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(sep)).join('\r\n')}\r\n`,
  );

async function drafts(agencyId: string, as: string): Promise<any[]> {
  const out: any[] = [];
  let cursor: string | undefined;
  do {
    const page = await api(as, 'GET', `/api/items?agencyId=${agencyId}&status=draft&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status).toBe(200);
    out.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return out;
}

/** Declare, upload with the ticket, check: the check's answer. */
async function declareAndCheck(as: string, bytes: Buffer, fileName: string, contentType: string, agencyId?: string) {
  const declared = await api(as, 'POST', '/api/imports', {
    ...(agencyId ? { agencyId } : {}),
    file: { fileName, contentType, size: bytes.length, sha256: sha256hex(bytes) },
  });
  expect(declared.status, JSON.stringify(declared.body)).toBe(201);
  if (declared.body.duplicateOf) return { duplicate: declared.body };
  expect(await uploadWithTicket(declared.body.upload, bytes, contentType)).toBeLessThan(300);
  const importId = declared.body.import.importId as string;
  const checked = await api(as, 'POST', `/api/imports/${importId}/check`);
  return { importId, checked };
}

async function runToEnd(as: string, importId: string, mode: 'all' | 'good_only', timeoutMs = 60_000) {
  const started = await api(as, 'POST', `/api/imports/${importId}/run`, { mode });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  return until(
    async () => {
      const r = await api(as, 'GET', `/api/imports/${importId}`);
      return r.body.state === 'done' || r.body.state === 'failed' ? r.body : undefined;
    },
    `import ${importId} to end`,
    timeoutMs,
  );
}

describe('spreadsheet import of draft items', () => {
  it('the template downloads as XLSX and CSV with the Indonesian headers', async () => {
    const xlsx = await api('petugas.dinkes', 'GET', '/api/imports/template?format=xlsx');
    expect(xlsx.status).toBe(200);
    const bytes = Buffer.from(await (await fetch(xlsx.body.file.url)).arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Daftar Informasi', 'Petunjuk']);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('Judul Informasi');
    const csv = await api('petugas.dinkes', 'GET', '/api/imports/template?format=csv');
    const text = await (await fetch(csv.body.file.url)).text();
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(DIP_IMPORT_COLUMNS.map((c) => c.header).join(','));
    expect((await api('atasan.ppid', 'GET', '/api/imports/template?format=csv')).status).toBe(403);
  });

  it('a clean CSV imports every row as drafts of the agency, numbered in line order, audited per batch', async () => {
    const before = await drafts('disdikbud', 'petugas.disdikbud');
    const rows = Array.from({ length: 5 }, (_, i) => goodRow(i + 1, 'bersih'));
    const { importId, checked } = await declareAndCheck('petugas.disdikbud', csvOf(rows), 'dip-bersih.csv', CSV);
    expect(checked!.status).toBe(200);
    expect(checked!.body.import.check).toMatchObject({ rows: 5, goodRows: 5, badRows: 0, problems: 0, unknownHeaders: [] });
    expect(checked!.body.problems).toEqual([]);
    const done = await runToEnd('petugas.disdikbud', importId!, 'all');
    expect(done).toMatchObject({ state: 'done', progress: { rowsToImport: 5, batches: 1, batchesDone: 1, created: 5, existing: 0 } });
    const after = await drafts('disdikbud', 'petugas.disdikbud');
    const imported = after.filter((i) => i.imported?.importId === importId).sort((a, b) => a.sequence - b.sequence);
    expect(after.length - before.length).toBe(5);
    expect(imported.map((i) => [i.imported.line, i.current.content.title])).toEqual(rows.map((r, i) => [i + 2, r[0]]));
    expect(imported.every((i) => i.agencyId === 'disdikbud' && i.status === 'draft' && i.createdBy === 'petugas.disdikbud')).toBe(true);
    expect(imported[0].current.content).toMatchObject({ formats: ['hardcopy'], category: 'serta_merta', year: 2025, tags: ['bersih'] });
    // Gap-free and consecutive: the batch took its numbers from the agency's counter.
    const seqs = imported.map((i) => i.sequence);
    expect(seqs).toEqual(seqs.map((_, k) => seqs[0] + k));
    expect(imported[0].number).toMatch(/^DISDIKBUD\/\d{4}\/\d{4}$/);
    // An imported draft is the form's record: it can be edited like one.
    const edited = await api('petugas.disdikbud', 'PUT', `/api/items/${imported[0].itemId}`, {
      content: { ...imported[0].current.content, title: 'Judul diubah setelah impor' },
      version: imported[0].version,
    });
    expect(edited.status).toBe(200);
    const audit = await api('petugas.disdikbud', 'GET', `/api/audit?entityType=import&entityId=${importId}`);
    expect(audit.body.items.map((e: any) => e.action)).toEqual(
      expect.arrayContaining(['import.declare', 'import.check', 'import.run', 'item.import_batch', 'import.done']),
    );
    // Another SKPD cannot see it.
    expect((await api('petugas.dinkes', 'GET', `/api/imports/${importId}`)).status).toBe(403);
  });

  it('a file with bad rows reports each with its line and field and imports nothing; "all" is refused; good-only imports the good rows', async () => {
    const bad1 = goodRow(2, 'campur');
    bad1[0] = 'X'; // title too short
    bad1[8] = 'Rahasia'; // no such category
    const bad2 = goodRow(4, 'campur');
    bad2[9] = 'tahun lalu'; // not a year
    const rows = [goodRow(1, 'campur'), bad1, goodRow(3, 'campur'), bad2, goodRow(5, 'campur')];
    const before = (await drafts('dinkes', 'kepala.dinkes')).length;
    const { importId, checked } = await declareAndCheck('kepala.dinkes', csvOf(rows, ','), 'dip-campur.csv', CSV);
    expect(checked!.status).toBe(200);
    expect(checked!.body.import.check).toMatchObject({ rows: 5, goodRows: 3, badRows: 2, problems: 3 });
    expect(checked!.body.problems.map((p: any) => [p.line, p.field, p.header])).toEqual([
      [3, 'title', 'Judul Informasi'],
      [3, 'category', 'Kategori (berkala/serta merta/setiap saat)'],
      [5, 'year', 'Tahun'],
    ]);
    expect(checked!.body.problems[1].message.id).toContain('Rahasia');
    expect(checked!.body.problems[2].message.en).toMatch(/four digits/);
    expect((await drafts('dinkes', 'kepala.dinkes')).length).toBe(before);
    const all = await api('kepala.dinkes', 'POST', `/api/imports/${importId}/run`, { mode: 'all' });
    expect(all.status).toBe(400);
    expect(all.body.error.messages.id).toMatch(/2 baris bermasalah/);
    expect((await drafts('dinkes', 'kepala.dinkes')).length).toBe(before);
    expect((await api('kepala.dinkes', 'GET', `/api/imports/${importId}`)).body.state).toBe('checked');

    const done = await runToEnd('kepala.dinkes', importId!, 'good_only');
    expect(done.progress).toMatchObject({ rowsToImport: 3, created: 3 });
    const after = await drafts('dinkes', 'kepala.dinkes');
    expect(after.length - before).toBe(3);
    expect(
      after
        .filter((i) => i.imported?.importId === importId)
        .map((i) => i.imported.line)
        .sort(),
    ).toEqual([2, 4, 6]);
  });

  it('refuses a file with no recognisable header, naming the columns it expects, and one that is not CSV/XLSX', async () => {
    const { checked } = await declareAndCheck('petugas.dinkes', Buffer.from('nama,alamat\nBudi,Pontianak\n'), 'kontak.csv', CSV);
    expect(checked!.status).toBe(400);
    expect(checked!.body.error.messages.id).toMatch(/Baris judul kolom DIP tidak ditemukan.*"Judul Informasi"/);
    expect(checked!.body.error.messages.en).toMatch(/No header row of DIP columns/);
    const pdf = await api('petugas.dinkes', 'POST', '/api/imports', {
      file: { fileName: 'dip.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64) },
    });
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.messages.id).toMatch(/CSV \(UTF-8\) atau XLSX/);
  });

  it('the same file twice creates no duplicates: the second upload is named as already imported, and a rerun writes nothing twice', async () => {
    const bytes = csvOf(
      Array.from({ length: 4 }, (_, i) => goodRow(i + 1, 'ganda')),
      ';',
    );
    const first = await declareAndCheck('petugas.dinkes', bytes, 'dip-ganda.csv', CSV);
    // A second declaration of the same bytes before the first runs: checked, but only one may run.
    const second = await declareAndCheck('kepala.dinkes', bytes, 'salinan.csv', CSV);
    expect(second.checked!.status).toBe(200);
    await runToEnd('petugas.dinkes', first.importId!, 'all');
    const count = (await drafts('dinkes', 'petugas.dinkes')).filter((i) => i.current.content.tags[0] === 'ganda').length;
    expect(count).toBe(4);

    const refused = await api('kepala.dinkes', 'POST', `/api/imports/${second.importId}/run`, { mode: 'all' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.messages.en).toContain(first.importId);
    const third = await declareAndCheck('ppid.utama', bytes, 'lagi.csv', CSV, 'dinkes');
    expect(third.duplicate!.duplicateOf).toMatchObject({ importId: first.importId, state: 'done' });
    expect(third.duplicate!.upload).toBeUndefined();
    // The same bytes for another agency are another import.
    const other = await declareAndCheck('ppid.utama', bytes, 'dip-ganda.csv', CSV, 'disdikbud');
    expect(other.checked!.status).toBe(200);

    // A run that is told to go again (a retried batch, a restarted workflow) skips rows already written.
    const again = await api('petugas.dinkes', 'POST', `/api/imports/${first.importId}/run`, { mode: 'all' });
    expect(again.status).toBe(409);
    const ids = [2, 3, 4, 5].map((line) => importedItemId('dinkes', sha256hex(bytes), line));
    expect((await dynamoStore.getItems(ids)).length).toBe(4);
    expect((await drafts('dinkes', 'petugas.dinkes')).filter((i) => i.current.content.tags[0] === 'ganda').length).toBe(4);
  });

  it('a 10,000-row XLSX imports completely', async () => {
    const N = 10_000;
    const t0 = Date.now();
    const bytes = await importSpreadsheet(N, 'besar');
    const tGenerated = Date.now();
    const counterBefore = await dynamoStore.getCounter(`items#disdikbud#${new Date(Date.now() + 7 * 3600_000).getUTCFullYear()}`);
    const { importId, checked } = await declareAndCheck('ppid.utama', bytes, 'dip-10000.xlsx', XLSX, 'disdikbud');
    expect(checked!.status, JSON.stringify(checked!.body).slice(0, 500)).toBe(200);
    expect(checked!.body.import.check).toMatchObject({ rows: N, goodRows: N, badRows: 0 });
    const tChecked = Date.now();
    const done = await runToEnd('ppid.utama', importId!, 'all', 170_000);
    const tDone = Date.now();
    expect(done).toMatchObject({ state: 'done', progress: { rowsToImport: N, created: N, existing: 0, batchesDone: Math.ceil(N / 90) } });
    const ids = Array.from({ length: N }, (_, i) => importedItemId('disdikbud', sha256hex(bytes), i + 2));
    const items = await dynamoStore.getItems(ids);
    expect(items.length).toBe(N);
    expect(items.every((i) => i.status === 'draft' && i.agencyId === 'disdikbud')).toBe(true);
    const seqs = new Set(items.map((i) => i.sequence));
    expect(seqs.size).toBe(N);
    const counterAfter = await dynamoStore.getCounter(`items#disdikbud#${items[0]!.regYear}`);
    expect(counterAfter - counterBefore).toBe(N);
    console.log(
      `10,000-row XLSX: generated in ${((tGenerated - t0) / 1000).toFixed(1)} s, uploaded and checked in ${((tChecked - tGenerated) / 1000).toFixed(1)} s, imported in ${((tDone - tChecked) / 1000).toFixed(1)} s`,
    );
  }, 200_000);
});
