/**
 * The staff app's texts for the spreadsheet import of draft items (pages/item-import.tsx). Bahasa
 * Indonesia first, English second. Part of `messages` in i18n.ts.
 */
import type { Text } from './types.ts';

export const importMessages = {
  im_title: { id: 'Impor informasi dari lembar kerja', en: 'Import items from a spreadsheet' },
  im_open: { id: 'Impor dari lembar kerja', en: 'Import from a spreadsheet' },
  im_intro: {
    id: 'Daftar informasi dalam CSV atau XLSX menjadi draf informasi (SOP 000 langkah 2). Setiap baris diperiksa dengan aturan yang sama seperti formulir; tidak ada yang diimpor sebelum Anda memilih. Berkas yang sama tidak diimpor dua kali.',
    en: 'A list of items in CSV or XLSX becomes draft items (SOP 000 step 2). Every row is checked with the same rules as the form; nothing is imported until you choose. The same file is never imported twice.',
  },
  im_template_h: { id: '1. Unduh templat', en: '1. Download the template' },
  im_template_text: {
    id: 'Judul kolom dalam Bahasa Indonesia dan satu baris contoh; XLSX memuat lembar Petunjuk. Judul kolom yang biasa dipakai (mis. "Ringkasan isi", "Retensi", "Jenis informasi") juga dikenali.',
    en: 'Column headers in Bahasa Indonesia and one example row; the XLSX has a Petunjuk (notes) sheet. The usual headers (e.g. "Ringkasan isi", "Retensi", "Jenis informasi") are recognised too.',
  },
  im_template_xlsx: { id: 'Templat XLSX', en: 'XLSX template' },
  im_template_csv: { id: 'Templat CSV', en: 'CSV template' },
  im_file_h: { id: '2. Pilih berkas dan periksa', en: '2. Choose the file and check it' },
  im_agency: { id: 'Perangkat daerah pemilik informasi', en: 'Agency the items belong to' },
  im_file: { id: 'Berkas CSV atau XLSX', en: 'CSV or XLSX file' },
  im_file_hint: { id: 'CSV harus UTF-8 (pemisah koma atau titik koma).', en: 'A CSV must be UTF-8 (comma or semicolon separated).' },
  im_check: { id: 'Unggah dan periksa', en: 'Upload and check' },
  im_choose_file: { id: 'Pilih berkas terlebih dahulu.', en: 'Choose a file first.' },
  im_uploading: { id: 'Mengunggah {percent}%…', en: 'Uploading {percent}%…' },
  im_checking: { id: 'Memeriksa setiap baris…', en: 'Checking every row…' },
  im_duplicate: {
    id: 'Berkas yang sama sudah diimpor untuk perangkat daerah ini ({state}); tidak diimpor lagi.',
    en: 'The same file was already imported for this agency ({state}); it is not imported again.',
  },
  im_open_previous: { id: 'Lihat impor tersebut', en: 'See that import' },
  im_result_h: { id: '3. Hasil pemeriksaan', en: '3. Result of the check' },
  im_counts: {
    id: '{rows} baris dibaca: {good} benar, {bad} bermasalah.',
    en: '{rows} rows read: {good} good, {bad} with problems.',
  },
  im_sheet: { id: 'Lembar "{sheet}", baris judul kolom: baris {line}.', en: 'Sheet "{sheet}", header row: line {line}.' },
  im_header_line: { id: 'Baris judul kolom: baris {line}.', en: 'Header row: line {line}.' },
  im_unknown: { id: 'Kolom yang tidak dikenali dan tidak diimpor: {headers}.', en: 'Columns not recognised and not imported: {headers}.' },
  im_problems_caption: { id: 'Baris bermasalah ({n} masalah)', en: 'Rows with problems ({n} problems)' },
  im_problems_more: {
    id: 'Ditampilkan {listed} dari {all} masalah; perbaiki yang ini lalu periksa lagi.',
    en: 'Showing {listed} of {all} problems; fix these and check again.',
  },
  im_col_line: { id: 'Baris', en: 'Line' },
  im_col_column: { id: 'Kolom', en: 'Column' },
  im_col_problem: { id: 'Masalah', en: 'Problem' },
  im_all: { id: 'Impor semua ({n} baris)', en: 'Import all ({n} rows)' },
  im_all_q: { id: 'Impor {n} baris sebagai draf informasi?', en: 'Import {n} rows as draft items?' },
  im_all_what: {
    id: 'Setiap baris menjadi draf informasi {agency} dengan nomor berikutnya, siap disunting dan diajukan.',
    en: 'Every row becomes a draft item of {agency} with the next number, ready to edit and submit.',
  },
  im_all_yes: { id: 'Ya, impor semua', en: 'Yes, import all' },
  im_good: { id: 'Impor hanya baris yang benar ({n} baris)', en: 'Import only the good rows ({n} rows)' },
  im_good_q: { id: 'Impor hanya {n} baris yang benar?', en: 'Import only the {n} good rows?' },
  im_good_what: {
    id: '{n} baris menjadi draf informasi {agency}; {bad} baris bermasalah tidak diimpor. Berkas ini tidak dapat diimpor lagi: perbaiki baris yang bermasalah dalam berkas baru, atau masukkan lewat formulir.',
    en: '{n} rows become draft items of {agency}; the {bad} rows with problems are not imported. This file cannot be imported again: put the fixed rows in a new file, or enter them with the form.',
  },
  im_good_yes: { id: 'Ya, impor baris yang benar', en: 'Yes, import the good rows' },
  im_nothing_yet: { id: 'Belum ada baris yang diimpor.', en: 'No row has been imported yet.' },
  im_fix_or_choose: {
    id: 'Perbaiki berkasnya lalu pilih berkas lagi, atau impor hanya baris yang benar.',
    en: 'Fix the file and choose it again, or import only the good rows.',
  },
  im_progress_h: { id: '4. Impor', en: '4. Import' },
  im_running: { id: 'Mengimpor: {done} dari {all} baris…', en: 'Importing: {done} of {all} rows…' },
  im_starting: { id: 'Impor dimulai…', en: 'The import has started…' },
  im_done: { id: 'Selesai: {created} draf informasi dibuat ({first} sampai {last}).', en: 'Done: {created} draft items created ({first} to {last}).' },
  im_done_existing: { id: '{n} baris sudah ada sebelumnya dan tidak dibuat lagi.', en: '{n} rows already existed and were not created again.' },
  im_open_drafts: { id: 'Buka draf informasi', en: 'Open the draft items' },
  im_failed: { id: 'Impor terhenti: {reason}', en: 'The import stopped: {reason}' },
  im_retry: { id: 'Lanjutkan impor', en: 'Continue the import' },
  im_state_declared: { id: 'dideklarasikan, belum diperiksa', en: 'declared, not checked yet' },
  im_state_checked: { id: 'diperiksa, belum diimpor', en: 'checked, not imported yet' },
  im_state_refused: { id: 'ditolak', en: 'refused' },
  im_state_running: { id: 'sedang diimpor', en: 'being imported' },
  im_state_done: { id: 'selesai diimpor', en: 'imported' },
  im_state_failed: { id: 'terhenti', en: 'stopped' },
  im_again: { id: 'Impor berkas lain', en: 'Import another file' },
} as const satisfies Record<string, Text>;
