/**
 * Every string the staff app shows: Bahasa Indonesia first, English second.
 * The API's own messages arrive bilingual in its responses (functions/core/messages.ts).
 */
import type { Lang, Role, Text } from './types.ts';

export const messages = {
  app_name: { id: 'SIP PPID', en: 'SIP PPID' },
  app_full: { id: 'Sistem Informasi Pelayanan PPID', en: 'PPID Public Information Service System' },
  skip_link: { id: 'Langsung ke isi utama', en: 'Skip to main content' },
  loading: { id: 'Memuat…', en: 'Loading…' },
  language: { id: 'Bahasa', en: 'Language' },
  logout: { id: 'Keluar', en: 'Sign out' },
  print: { id: 'Cetak', en: 'Print' },
  user_info: { id: 'Pengguna yang masuk', en: 'Signed-in user' },
  nav_label: { id: 'Menu utama', en: 'Main menu' },
  nav_home: { id: 'Beranda', en: 'Home' },
  nav_agencies: { id: 'Perangkat Daerah', en: 'Agencies' },
  nav_users: { id: 'Pengguna', en: 'Users' },
  nav_audit: { id: 'Jejak Audit', en: 'Audit trail' },
  nav_calendar: { id: 'Kalender Kerja', en: 'Working calendar' },
  footer: {
    id: 'Layanan informasi publik berdasarkan UU No. 14 Tahun 2008 tentang Keterbukaan Informasi Publik.',
    en: 'Public information service under Law No. 14 of 2008 on Public Information Disclosure.',
  },
  not_found: { id: 'Halaman tidak ditemukan.', en: 'Page not found.' },

  // Sign-in
  signin_title: { id: 'Masuk ke SIP PPID', en: 'Sign in to SIP PPID' },
  signin_intro: {
    id: 'Aplikasi ini untuk petugas badan publik yang mengelola layanan informasi publik. Masuk dengan akun yang diberikan oleh administrator.',
    en: 'This application is for public-body staff who run the public information service. Sign in with the account your administrator gave you.',
  },
  signin_button: { id: 'Masuk', en: 'Sign in' },
  signin_redirecting: { id: 'Mengalihkan ke halaman masuk…', en: 'Redirecting to the sign-in page…' },
  signin_expired: { id: 'Sesi Anda telah berakhir. Silakan masuk kembali.', en: 'Your session has ended. Please sign in again.' },
  signin_failed: { id: 'Gagal masuk ({detail}). Silakan coba lagi.', en: 'Sign-in failed ({detail}). Please try again.' },
  config_failed: {
    id: 'Konfigurasi aplikasi (config.json) tidak dapat dimuat. Hubungi administrator.',
    en: 'The application configuration (config.json) could not be loaded. Contact the administrator.',
  },
  retry: { id: 'Coba lagi', en: 'Try again' },

  // Roles and kinds
  role_admin: { id: 'Administrator', en: 'Administrator' },
  role_petugas: { id: 'Petugas PPID', en: 'PPID Officer' },
  role_ppid_pelaksana: { id: 'Kepala PPID Pelaksana', en: 'Head of PPID Pelaksana' },
  role_ppid_utama: { id: 'PPID Utama', en: 'PPID Utama (Chief PPID)' },
  role_pejabat_pid: { id: 'Pejabat PID', en: 'Information & Documentation Officer' },
  role_atasan_ppid: { id: 'Atasan PPID', en: 'PPID Superior' },
  kind_ppid_utama: { id: 'PPID Utama', en: 'PPID Utama' },
  kind_skpd: { id: 'SKPD', en: 'SKPD (regional agency)' },

  // Home
  greet_morning: { id: 'Selamat pagi, {name}', en: 'Good morning, {name}' },
  greet_midday: { id: 'Selamat siang, {name}', en: 'Good afternoon, {name}' },
  greet_afternoon: { id: 'Selamat sore, {name}', en: 'Good afternoon, {name}' },
  greet_evening: { id: 'Selamat malam, {name}', en: 'Good evening, {name}' },
  home_role: { id: 'Anda masuk sebagai {role} di {agency}.', en: 'You are signed in as {role} at {agency}.' },
  home_duties: { id: 'Tugas Anda', en: 'Your duties' },
  home_menu: { id: 'Menu yang tersedia', en: 'Available menus' },
  home_menu_agencies: { id: 'daftar unit PPID Utama dan SKPD', en: 'the PPID Utama unit and the SKPDs' },
  home_menu_users: { id: 'akun petugas dan perannya', en: 'staff accounts and their roles' },
  home_menu_audit: { id: 'catatan setiap perubahan data', en: 'a record of every change' },
  home_menu_calendar: { id: 'hari libur dan perhitungan tenggat', en: 'holidays and deadline calculation' },

  // Common
  required: { id: 'wajib', en: 'required' },
  required_note: { id: 'Kolom bertanda * wajib diisi.', en: 'Fields marked * are required.' },
  save: { id: 'Simpan', en: 'Save' },
  saving: { id: 'Menyimpan…', en: 'Saving…' },
  cancel: { id: 'Batal', en: 'Cancel' },
  edit: { id: 'Ubah', en: 'Edit' },
  edit_named: { id: 'Ubah {name}', en: 'Edit {name}' },
  show: { id: 'Tampilkan', en: 'Show' },
  load_more: { id: 'Muat lebih banyak', en: 'Load more' },
  empty: { id: 'Belum ada data.', en: 'No data yet.' },
  all_agencies: { id: 'Semua perangkat daerah', en: 'All agencies' },
  actions: { id: 'Tindakan', en: 'Actions' },
  yes: { id: 'Ya', en: 'Yes' },
  no: { id: 'Tidak', en: 'No' },
  shown_count: { id: 'Menampilkan {n} baris.', en: 'Showing {n} rows.' },

  // Fields
  f_agency_id: { id: 'Kode', en: 'Code' },
  f_agency_id_hint: {
    id: 'Huruf kecil, angka dan tanda hubung, mis. dinkes. Tidak dapat diubah kemudian.',
    en: 'Lowercase letters, digits and hyphens, e.g. dinkes. Cannot be changed later.',
  },
  f_kind: { id: 'Jenis', en: 'Kind' },
  f_name: { id: 'Nama', en: 'Name' },
  f_agency_name: { id: 'Nama perangkat daerah', en: 'Agency name' },
  f_short_name: { id: 'Nama singkat', en: 'Short name' },
  f_timezone: { id: 'Zona waktu', en: 'Time zone' },
  f_work_week: { id: 'Hari kerja', en: 'Working days' },
  f_email: { id: 'Email', en: 'Email' },
  f_address: { id: 'Alamat', en: 'Address' },
  f_username: { id: 'Nama pengguna', en: 'Username' },
  f_username_hint: {
    id: 'Huruf kecil, angka, titik, garis bawah atau tanda hubung, mis. petugas.dinkes.',
    en: 'Lowercase letters, digits, dots, underscores or hyphens, e.g. petugas.dinkes.',
  },
  f_full_name: { id: 'Nama lengkap', en: 'Full name' },
  f_role: { id: 'Peran', en: 'Role' },
  f_agency: { id: 'Perangkat daerah', en: 'Agency' },
  f_enabled: { id: 'Akun aktif', en: 'Account enabled' },
  f_status: { id: 'Status', en: 'Status' },
  f_month: { id: 'Bulan', en: 'Month' },
  f_year: { id: 'Tahun', en: 'Year' },
  f_date: { id: 'Tanggal', en: 'Date' },
  f_holiday_name: { id: 'Keterangan', en: 'Description' },
  f_provisional: { id: 'Sementara (belum ditetapkan resmi)', en: 'Provisional (not yet officially set)' },
  choose: { id: '— Pilih —', en: '— Choose —' },
  tz_Asia_Jakarta: { id: 'WIB (Asia/Jakarta)', en: 'WIB (Asia/Jakarta)' },
  tz_Asia_Pontianak: { id: 'WIB (Asia/Pontianak)', en: 'WIB (Asia/Pontianak)' },
  tz_Asia_Makassar: { id: 'WITA (Asia/Makassar)', en: 'WITA (Asia/Makassar)' },
  tz_Asia_Jayapura: { id: 'WIT (Asia/Jayapura)', en: 'WIT (Asia/Jayapura)' },

  // Agencies
  agencies_intro: {
    id: 'Unit PPID Utama dan SKPD/OPD badan publik ini, masing-masing dengan zona waktu dan hari kerjanya.',
    en: 'The PPID Utama unit and the SKPD/OPD units of this public body, each with its time zone and working days.',
  },
  agency_add: { id: 'Tambah perangkat daerah', en: 'Add agency' },
  agency_edit_title: { id: 'Ubah perangkat daerah: {name}', en: 'Edit agency: {name}' },
  agency_created: { id: 'Perangkat daerah {name} telah ditambahkan.', en: 'Agency {name} has been added.' },
  agency_updated: { id: 'Perangkat daerah {name} telah diperbarui.', en: 'Agency {name} has been updated.' },
  agencies_caption: { id: 'Daftar perangkat daerah', en: 'List of agencies' },

  // Users
  users_intro: {
    id: 'Setiap petugas memiliki satu peran di satu perangkat daerah.',
    en: 'Every staff member has one role in one agency.',
  },
  users_caption: { id: 'Daftar pengguna', en: 'List of users' },
  user_add: { id: 'Tambah pengguna', en: 'Add user' },
  user_edit_title: { id: 'Ubah pengguna: {name}', en: 'Edit user: {name}' },
  user_created: { id: 'Pengguna {username} telah dibuat.', en: 'User {username} has been created.' },
  user_updated: { id: 'Pengguna {username} telah diperbarui.', en: 'User {username} has been updated.' },
  user_enable: { id: 'Aktifkan', en: 'Enable' },
  user_disable: { id: 'Nonaktifkan', en: 'Disable' },
  user_enable_named: { id: 'Aktifkan {name}', en: 'Enable {name}' },
  user_disable_named: { id: 'Nonaktifkan {name}', en: 'Disable {name}' },
  user_enabled_msg: { id: 'Akun {username} telah diaktifkan.', en: 'Account {username} has been enabled.' },
  user_disabled_msg: { id: 'Akun {username} telah dinonaktifkan.', en: 'Account {username} has been disabled.' },
  status_active: { id: 'Aktif', en: 'Enabled' },
  status_disabled: { id: 'Nonaktif', en: 'Disabled' },
  you: { id: '(Anda)', en: '(you)' },
  users_own_agency: { id: 'Anda melihat pengguna perangkat daerah Anda: {agency}.', en: "You see your own agency's users: {agency}." },

  // Audit
  audit_intro: {
    id: 'Setiap perubahan data tercatat: siapa, kapan, apa, serta nilai sebelum dan sesudahnya.',
    en: 'Every change is recorded: who, when, what, and the values before and after.',
  },
  audit_caption: { id: 'Catatan audit', en: 'Audit records' },
  audit_month_hint: { id: 'Tanpa pilihan perangkat daerah, bulan wajib diisi.', en: 'Without an agency, a month is required.' },
  col_time: { id: 'Waktu', en: 'Time' },
  col_actor: { id: 'Pelaku', en: 'Actor' },
  col_action: { id: 'Tindakan', en: 'Action' },
  col_entity: { id: 'Data', en: 'Record' },
  col_changes: { id: 'Perubahan', en: 'Changes' },
  show_changes: { id: 'Lihat perubahan ({n} kolom)', en: 'Show changes ({n} fields)' },
  diff_field: { id: 'Kolom', en: 'Field' },
  diff_before: { id: 'Sebelum', en: 'Before' },
  diff_after: { id: 'Sesudah', en: 'After' },
  no_changes: { id: 'Tidak ada perubahan nilai.', en: 'No values changed.' },
  request_id: { id: 'Kode permintaan', en: 'Request id' },
  action_agency_create: { id: 'Perangkat daerah ditambahkan', en: 'Agency added' },
  action_agency_update: { id: 'Perangkat daerah diubah', en: 'Agency changed' },
  action_user_create: { id: 'Pengguna dibuat', en: 'User created' },
  action_user_update: { id: 'Pengguna diubah', en: 'User changed' },
  action_holiday_create: { id: 'Hari libur ditambahkan', en: 'Holiday added' },
  action_holiday_update: { id: 'Hari libur diubah', en: 'Holiday changed' },
  action_holiday_delete: { id: 'Hari libur dihapus', en: 'Holiday removed' },
  entity_agency: { id: 'Perangkat daerah', en: 'Agency' },
  entity_user: { id: 'Pengguna', en: 'User' },
  entity_holiday: { id: 'Hari libur', en: 'Holiday' },
  f_version: { id: 'Versi', en: 'Version' },
  f_created_at: { id: 'Dibuat', en: 'Created' },
  f_updated_at: { id: 'Diubah', en: 'Updated' },
  f_parent: { id: 'Induk', en: 'Parent' },
  empty_value: { id: '(kosong)', en: '(empty)' },

  // Calendar
  calendar_intro: {
    id: 'Hari libur nasional dan cuti bersama tidak dihitung sebagai hari kerja. Tenggat layanan informasi dihitung dari kalender ini.',
    en: 'National holidays and collective leave days are not working days. Information-service deadlines are computed from this calendar.',
  },
  holidays_caption: { id: 'Hari libur tahun {year}', en: 'Holidays in {year}' },
  holiday_add: { id: 'Tambah hari libur', en: 'Add holiday' },
  holiday_remove: { id: 'Hapus', en: 'Remove' },
  holiday_remove_named: { id: 'Hapus {name}', en: 'Remove {name}' },
  holiday_remove_confirm: { id: 'Hapus "{name}" ({date}) dari kalender?', en: 'Remove "{name}" ({date}) from the calendar?' },
  holiday_saved: { id: 'Hari libur {date} telah disimpan.', en: 'Holiday {date} has been saved.' },
  holiday_removed: { id: 'Hari libur {date} telah dihapus.', en: 'Holiday {date} has been removed.' },
  holiday_kind_national: { id: 'Libur nasional', en: 'National holiday' },
  holiday_kind_cuti_bersama: { id: 'Cuti bersama', en: 'Collective leave' },
  provisional: { id: 'Sementara', en: 'Provisional' },
  deadline_title: { id: 'Hitung tenggat', en: 'Deadline calculator' },
  deadline_intro: {
    id: 'Contoh: pemberitahuan tertulis atas permohonan informasi paling lambat 10 hari kerja sejak diterima (UU 14/2008 Pasal 22 ayat 7).',
    en: 'Example: the written notice on an information request is due within 10 working days of receipt (Law 14/2008 Art. 22(7)).',
  },
  f_start: { id: 'Diterima pada (waktu setempat perangkat daerah)', en: "Received at (the agency's local time)" },
  f_amount: { id: 'Jumlah', en: 'Amount' },
  f_unit: { id: 'Satuan', en: 'Unit' },
  unit_workingDays: { id: 'Hari kerja', en: 'Working days' },
  unit_calendarDays: { id: 'Hari kalender', en: 'Calendar days' },
  unit_minutes: { id: 'Menit', en: 'Minutes' },
  deadline_compute: { id: 'Hitung', en: 'Compute' },
  deadline_computing: { id: 'Menghitung…', en: 'Computing…' },
  deadline_result: { id: 'Tenggat', en: 'Deadline' },
  deadline_done: { id: 'Tenggat: {when}', en: 'Deadline: {when}' },
  skipped_days: { id: 'Hari yang tidak dihitung', en: 'Days not counted' },
  reason_weekend: { id: 'Akhir pekan', en: 'Weekend' },
  reason_national: { id: 'Libur nasional', en: 'National holiday' },
  reason_cuti_bersama: { id: 'Cuti bersama', en: 'Collective leave' },
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof messages;
export type Vars = Record<string, string | number>;

export function translate(lang: Lang, key: MessageKey, vars: Vars = {}): string {
  return messages[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** A key built at run time (e.g. `role_${role}`), with the raw value as fallback. */
export function translateDynamic(lang: Lang, key: string, fallback: string): string {
  return key in messages ? messages[key as MessageKey][lang] : fallback;
}

/** What each role does in the system (DOMAIN.md, "Who is who"). */
export const roleDuties: Record<Role, Text[]> = {
  admin: [
    { id: 'Mengelola perangkat daerah: unit PPID Utama dan SKPD/OPD.', en: 'Manage agencies: the PPID Utama unit and the SKPD/OPD units.' },
    {
      id: 'Membuat akun pengguna, menetapkan peran dan perangkat daerahnya, serta mengaktifkan atau menonaktifkan akun.',
      en: 'Create user accounts, set their role and agency, and enable or disable accounts.',
    },
    { id: 'Memelihara kalender hari libur nasional dan cuti bersama.', en: 'Maintain the calendar of national holidays and collective leave.' },
    { id: 'Membaca jejak audit seluruh perangkat daerah.', en: 'Read the audit trail of every agency.' },
  ],
  petugas: [
    { id: 'Mengumpulkan dan memasukkan informasi serta dokumen perangkat daerah Anda.', en: "Collect and enter your agency's information and documents." },
    { id: 'Mencatat permohonan informasi yang diajukan langsung di loket.', en: 'Register information requests made in person at the desk.' },
    { id: 'Menghitung tenggat layanan dengan kalender kerja.', en: 'Compute service deadlines with the working calendar.' },
  ],
  ppid_pelaksana: [
    {
      id: 'Menyetujui informasi perangkat daerah Anda untuk dimuat dalam Daftar Informasi Publik (DIP).',
      en: "Approve your agency's information for its Public Information List (DIP).",
    },
    { id: 'Menanggapi permintaan data dan permohonan yang diteruskan oleh PPID Utama.', en: 'Answer data calls and requests passed down by the PPID Utama.' },
    { id: 'Memantau pengguna dan jejak audit perangkat daerah Anda.', en: "Oversee your agency's users and audit trail." },
  ],
  ppid_utama: [
    {
      id: 'Meninjau dan memperbaiki daftar informasi dari SKPD serta memelihara DIP gabungan.',
      en: 'Review and correct the SKPD lists and keep the consolidated DIP.',
    },
    {
      id: 'Menjalankan uji konsekuensi, meneruskan permohonan, dan menyusun laporan layanan informasi.',
      en: 'Run consequence tests, route requests and prepare the information-service reports.',
    },
    { id: 'Membaca pengguna dan jejak audit seluruh perangkat daerah.', en: 'Read the users and the audit trail of every agency.' },
  ],
  pejabat_pid: [
    {
      id: 'Menghimpun daftar data dari setiap OPD dan mengirimkannya ke PPID Utama (SOP 004).',
      en: 'Gather the data lists of each OPD and send them to the PPID Utama (SOP 004).',
    },
    { id: 'Mengunggah informasi yang telah diperiksa ke situs PPID.', en: 'Upload checked information to the PPID website.' },
  ],
  atasan_ppid: [
    { id: 'Memutuskan Ya/Tidak atas usulan informasi yang dikecualikan (SOP 002).', en: 'Decide Yes/No on information proposed for exclusion (SOP 002).' },
    {
      id: 'Memberikan tanggapan tertulis atas keberatan dalam 30 hari kerja (UU 14/2008 Pasal 36).',
      en: 'Answer objections in writing within 30 working days (Law 14/2008 Art. 36).',
    },
  ],
};
