/**
 * The message catalogue for text the API returns to people: Bahasa Indonesia first, English second.
 * The staff app has its own catalogue for its screens (web/staff/src/i18n.ts).
 */
export interface Text {
  id: string;
  en: string;
}

const catalogue = {
  forbidden: {
    id: 'Anda tidak berwenang melakukan tindakan ini.',
    en: 'You are not allowed to do this.',
  },
  forbidden_role: {
    id: 'Peran Anda ({role}) tidak berwenang memakai fitur ini.',
    en: 'Your role ({role}) may not use this feature.',
  },
  forbidden_agency: {
    id: 'Data ini milik perangkat daerah lain; Anda hanya dapat mengakses data perangkat daerah Anda sendiri.',
    en: "This data belongs to another agency; you can only reach your own agency's data.",
  },
  unauthenticated: {
    id: 'Anda belum masuk atau sesi Anda telah berakhir. Silakan masuk kembali.',
    en: 'You are not signed in or your session has expired. Please sign in again.',
  },
  user_not_registered: {
    id: 'Akun {username} tidak terdaftar atau telah dinonaktifkan. Hubungi administrator.',
    en: 'Account {username} is not registered or has been disabled. Contact the administrator.',
  },
  validation_failed: {
    id: 'Data yang dikirim tidak valid. Periksa kolom yang ditandai.',
    en: 'The data sent is not valid. Check the fields listed.',
  },
  invalid_json: {
    id: 'Isi permintaan bukan JSON yang valid.',
    en: 'The request body is not valid JSON.',
  },
  invalid_cursor: {
    id: 'Penanda halaman (cursor) tidak valid. Muat ulang daftar dari halaman pertama.',
    en: 'The page cursor is not valid. Reload the list from the first page.',
  },
  route_not_found: {
    id: 'Alamat API {path} tidak ditemukan.',
    en: 'API path {path} was not found.',
  },
  agency_not_found: {
    id: 'Perangkat daerah {agencyId} tidak ditemukan.',
    en: 'Agency {agencyId} was not found.',
  },
  agency_exists: {
    id: 'Perangkat daerah dengan kode {agencyId} sudah ada.',
    en: 'An agency with code {agencyId} already exists.',
  },
  ppid_utama_exists: {
    id: 'Badan publik ini sudah memiliki unit PPID Utama ({agencyId}); hanya boleh ada satu.',
    en: 'This public body already has a PPID Utama unit ({agencyId}); there can be only one.',
  },
  ppid_utama_missing: {
    id: 'Buat unit PPID Utama terlebih dahulu; setiap SKPD berada di bawahnya.',
    en: 'Create the PPID Utama unit first; every SKPD sits under it.',
  },
  parent_must_be_ppid_utama: {
    id: 'Induk SKPD harus unit PPID Utama ({agencyId}).',
    en: 'The parent of an SKPD must be the PPID Utama unit ({agencyId}).',
  },
  stale_version: {
    id: 'Data ini telah diubah orang lain (versi {actual}, Anda mengirim versi {expected}). Muat ulang lalu ulangi perubahan Anda.',
    en: 'Someone else changed this record (version {actual}, you sent version {expected}). Reload and make your change again.',
  },
  concurrent_change: {
    id: 'Data ini baru saja diubah oleh orang lain pada saat yang sama. Muat ulang lalu ulangi perubahan Anda.',
    en: 'Someone else changed this record at the same moment. Reload and make your change again.',
  },
  user_not_found: {
    id: 'Pengguna {username} tidak ditemukan.',
    en: 'User {username} was not found.',
  },
  user_exists: {
    id: 'Nama pengguna {username} sudah dipakai.',
    en: 'Username {username} is already taken.',
  },
  role_needs_ppid_utama_agency: {
    id: 'Peran {role} hanya untuk pengguna di unit PPID Utama.',
    en: 'Role {role} is only for users in the PPID Utama unit.',
  },
  cannot_disable_self: {
    id: 'Anda tidak dapat menonaktifkan atau menurunkan peran akun Anda sendiri.',
    en: 'You cannot disable or demote your own account.',
  },
  holiday_not_found: {
    id: 'Tanggal {date} tidak ada dalam kalender hari libur.',
    en: 'Date {date} is not in the holiday calendar.',
  },
  invalid_date: {
    id: 'Tanggal {date} tidak valid; gunakan format TTTT-BB-HH.',
    en: 'Date {date} is not valid; use the format YYYY-MM-DD.',
  },
  deadline_invalid: {
    id: 'Tenggat tidak dapat dihitung: {reason}',
    en: 'The deadline cannot be computed: {reason}',
  },
  upload_type_not_allowed: {
    id: 'Jenis berkas "{fileName}" ({contentType}) tidak diterima. Jenis yang diterima: {allowed}.',
    en: 'File type of "{fileName}" ({contentType}) is not accepted. Accepted types: {allowed}.',
  },
  upload_too_large: {
    id: 'Berkas berukuran {found}, melebihi batas {limit}. Perkecil berkas (misalnya kompres PDF atau pecah menjadi beberapa berkas) lalu unggah lagi.',
    en: 'The file is {found}, over the limit of {limit}. Make it smaller (for example compress the PDF or split it into several files) and upload it again.',
  },
  coat_of_arms_unusable: {
    id: 'Gambar lambang tidak dapat dipakai pada kop surat ({problem}). Unggah PNG atau JPEG biasa (tanpa interlace, RGB atau skala abu-abu).',
    en: 'The coat-of-arms image cannot be used on the letterhead ({problem}). Upload a plain PNG or JPEG (not interlaced, RGB or greyscale).',
  },
  document_signing_failed: {
    id: 'Dokumen tidak dapat ditandatangani secara elektronik, sehingga tidak diterbitkan: {reason}. Periksa sertifikat elektronik badan publik, lalu ulangi.',
    en: "The document could not be signed electronically, so it was not issued: {reason}. Check the public body's electronic certificate, then try again.",
  },
  upload_missing: {
    id: 'Berkas yang diunggah tidak ditemukan di penyimpanan. Unggah berkas lagi sebelum tautan unggah kedaluwarsa ({minutes} menit).',
    en: 'The uploaded file was not found in storage. Upload the file again before the upload link expires ({minutes} minutes).',
  },
  upload_size_mismatch: {
    id: 'Ukuran berkas yang diterima ({found} byte) tidak sama dengan ukuran yang dinyatakan ({expected} byte). Unggahan mungkin terputus; unggah berkas lagi.',
    en: 'The file received is {found} bytes, not the {expected} bytes declared. The upload may have been cut off; upload the file again.',
  },
  upload_type_mismatch: {
    id: 'Isi berkas bukan {expected} seperti yang dinyatakan, melainkan {found}. Simpan berkas sebagai {expected} lalu unggah lagi.',
    en: 'The file content is not {expected} as declared but {found}. Save the file as {expected} and upload it again.',
  },
  upload_hash_mismatch: {
    id: 'Sidik SHA-256 berkas yang diterima ({found}) tidak sama dengan yang dinyatakan ({expected}); berkas berubah dalam perjalanan. Unggah berkas lagi.',
    en: 'The SHA-256 of the file received ({found}) differs from the one declared ({expected}); the file changed on the way. Upload the file again.',
  },
  item_not_found: {
    id: 'Informasi {itemId} tidak ditemukan.',
    en: 'Information item {itemId} was not found.',
  },
  item_not_editable: {
    id: 'Informasi ini sedang berstatus "{state}" dan tidak dapat diubah sekarang; tunggu keputusan Kepala PPID.',
    en: 'This item is "{state}" and cannot be changed now; wait for the Kepala PPID’s decision.',
  },
  item_not_submittable: {
    id: 'Informasi ini berstatus "{state}"; hanya draf atau informasi yang dikembalikan yang dapat diajukan.',
    en: 'This item is "{state}"; only a draft or a returned item can be submitted.',
  },
  documents_unverified: {
    id: 'Ada dokumen yang belum selesai diunggah atau diperiksa. Selesaikan unggahan atau hapus dokumen itu sebelum mengajukan.',
    en: 'A document has not finished uploading or has not been checked. Finish the upload or remove it before submitting.',
  },
  softcopy_needs_document: {
    id: 'Bentuk informasi ini "Softcopy", tetapi belum ada dokumen yang diperiksa. Unggah sedikitnya satu dokumen di bagian Dokumen, atau hapus centang Softcopy, sebelum mengajukan.',
    en: 'This item is declared "Softcopy" but has no checked document. Upload at least one document in the Documents section, or untick Softcopy, before submitting.',
  },
  decision_stale_version: {
    id: 'Keputusan ini untuk versi {expected}, tetapi versi yang menunggu sekarang adalah versi {actual}. Muat ulang lalu periksa versi terbaru.',
    en: 'This decision is for version {expected}, but the version waiting now is version {actual}. Reload and review the latest version.',
  },
  decision_already_made: {
    id: 'Keputusan untuk informasi ini sudah dicatat (status sekarang: {state}); keputusan hanya dapat diberikan sekali.',
    en: 'A decision on this item has already been recorded (now: {state}); a decision can be made only once.',
  },
  return_needs_reason: {
    id: 'Tuliskan alasan pengembalian agar petugas tahu apa yang harus diperbaiki.',
    en: 'Write the reason for returning it, so the officer knows what to fix.',
  },
  item_not_published: {
    id: 'Informasi ini tidak sedang dipublikasikan, jadi tidak dapat ditarik.',
    en: 'This item is not published, so it cannot be withdrawn.',
  },
  workflow_unavailable: {
    id: 'Alur persetujuan tidak dapat dimulai sekarang; pengajuan dibatalkan tanpa perubahan. Coba lagi sebentar lagi.',
    en: 'The approval workflow could not be started; the submission was undone. Try again in a moment.',
  },
  too_many_documents: {
    id: 'Satu informasi paling banyak memuat {max} dokumen.',
    en: 'An item can hold at most {max} documents.',
  },
  document_not_found: {
    id: 'Dokumen {docId} tidak ada pada versi kerja informasi ini.',
    en: 'Document {docId} is not in the working version of this item.',
  },
  document_not_verified: {
    id: 'Berkas {fileName} belum diperiksa server, jadi belum dapat diunduh.',
    en: 'File {fileName} has not been checked by the server yet, so it cannot be downloaded.',
  },
  // ─── excluded information (SOP 002) ─────────────────────────────────────────────────────────────
  item_excluded: {
    id: 'Informasi ini sedang diusulkan atau ditetapkan sebagai informasi yang dikecualikan ({state}), sehingga tidak dapat diajukan untuk dipublikasikan.',
    en: 'This item is proposed or set as excluded information ({state}), so it cannot be submitted for publication.',
  },
  exclusion_not_found: {
    id: 'Usulan pengecualian {exclusionId} tidak ditemukan.',
    en: 'Exclusion {exclusionId} was not found.',
  },
  exclusion_item_other_agency: {
    id: 'Informasi {number} milik perangkat daerah lain; usulkan pengecualian atas nama perangkat daerah pemiliknya ({agencyId} tidak sesuai).',
    en: 'Item {number} belongs to another agency; propose the exclusion for the agency that holds it ({agencyId} does not match).',
  },
  exclusion_item_open: {
    id: 'Sudah ada usulan atau penetapan pengecualian yang berjalan untuk informasi {number}.',
    en: 'An exclusion of item {number} is already open or in force.',
  },
  exclusion_item_in_publication: {
    id: 'Informasi {number} sedang menunggu keputusan publikasi; tunggu keputusan Kepala PPID sebelum mengusulkan pengecualian.',
    en: 'Item {number} is waiting for a publication decision; wait for the Kepala PPID before proposing an exclusion.',
  },
  exclusion_item_not_republishable: {
    id: 'Informasi {number} tidak dapat diumumkan kembali dari sini (sudah terbit, atau belum pernah disetujui); gunakan alur publikasi biasa.',
    en: 'Item {number} cannot be republished from here (it is already published, or was never approved); use the normal publication flow.',
  },
  exclusion_has_no_item: {
    id: 'Pengecualian ini tidak terkait dengan informasi di DIP; buat informasi baru untuk membukanya.',
    en: 'This exclusion is not linked to a DIP item; create a new item to open the information.',
  },
  rules_statutory_limit: {
    id: 'Aturan tenggat tidak disimpan: aturan tidak boleh lebih longgar dari batas UU 14/2008 tentang Keterbukaan Informasi Publik.',
    en: 'The deadline rules were not saved: a rule cannot be looser than the limit of Law 14/2008 on Public Information Disclosure.',
  },
  exclusion_until_past: {
    id: 'Tanggal berakhir pengecualian ({until}) tidak boleh sebelum hari ini ({today}); pengecualian berlaku sampai dengan akhir tanggal tersebut.',
    en: 'The end date of the exclusion ({until}) cannot be before today ({today}); the exclusion lasts up to and including that date.',
  },
  exclusion_tested_future: {
    id: 'Tanggal uji konsekuensi ({date}) tidak boleh setelah hari ini ({today}).',
    en: 'The date of the consequence test ({date}) cannot be after today ({today}).',
  },
  exclusion_stale_round: {
    id: 'Keputusan ini untuk pengajuan ke-{expected}, tetapi yang menunggu sekarang pengajuan ke-{actual}. Muat ulang dan tinjau usulan terbaru.',
    en: 'This decision is for round {expected}, but round {actual} is waiting now. Reload and review the latest proposal.',
  },
  exclusion_already_decided: {
    id: 'Atasan PPID sudah memutuskan usulan ini (sekarang: {state}); keputusan hanya dapat diberikan sekali.',
    en: 'The Atasan PPID has already decided this proposal (now: {state}); a decision can be made only once.',
  },
  exclusion_tidak_needs_note: {
    id: 'Keputusan Tidak wajib disertai catatan agar pengusul tahu alasannya.',
    en: 'A Tidak decision needs a note so the proposer knows why.',
  },
  exclusion_not_awaiting_decree: {
    id: 'Usulan ini tidak sedang menunggu penetapan (sekarang: {state}); penetapan hanya setelah Atasan PPID memutuskan Ya, dan hanya sekali.',
    en: 'This proposal is not waiting for a decree (now: {state}); a decree follows the Atasan PPID’s Ya, once.',
  },
  decree_date_future: {
    id: 'Tanggal surat penetapan ({date}) tidak boleh setelah hari ini ({today}).',
    en: 'The decree date ({date}) cannot be after today ({today}).',
  },
  decree_date_before_ya: {
    id: 'Tanggal surat penetapan ({date}) tidak boleh sebelum persetujuan Atasan PPID ({approved}).',
    en: 'The decree date ({date}) cannot be before the Atasan PPID’s approval ({approved}).',
  },
  exclusion_not_in_force: {
    id: 'Pengecualian ini tidak sedang berlaku (sekarang: {state}), sehingga tidak dapat dicabut.',
    en: 'This exclusion is not in force (now: {state}), so it cannot be revoked.',
  },
  exclusion_not_returned: {
    id: 'Hanya usulan yang dikembalikan (Tidak) yang dapat diperbaiki dan diajukan lagi (sekarang: {state}).',
    en: 'Only a returned (Tidak) proposal can be revised and proposed again (now: {state}).',
  },
  exclusion_not_ended: {
    id: 'Pengecualian ini belum berakhir atau dicabut (sekarang: {state}).',
    en: 'This exclusion has not ended or been revoked (now: {state}).',
  },
  exclusion_file_missing: {
    id: 'Berkas {file} belum dibuat; berkas dibuat saat DIK ditetapkan.',
    en: 'File {file} has not been made yet; it is made when the DIK is set.',
  },
  exclusion_expired_note: {
    id: 'Jangka waktu pengecualian berakhir: umumkan kembali sebagai informasi terbuka atau lakukan uji konsekuensi baru.',
    en: 'The exclusion period ended: republish the information as open or start a new consequence test.',
  },
  exclusion_revoked_note: {
    id: 'Pengecualian dicabut: umumkan kembali sebagai informasi terbuka atau lakukan uji konsekuensi baru.',
    en: 'The exclusion was revoked: republish the information as open or start a new consequence test.',
  },
  request_not_found: {
    id: 'Permohonan {requestId} tidak ditemukan.',
    en: 'Request {requestId} was not found.',
  },
  request_tracking_not_found: {
    id: 'Nomor pendaftaran dan kode pelacakan tidak cocok dengan permohonan mana pun. Periksa keduanya (lihat surel tanda terima).',
    en: 'The registration number and tracking code match no request. Check both (see the receipt email).',
  },
  request_personal_forbidden: {
    id: 'Data pribadi pemohon hanya dapat dibaca PPID Utama, administrator, dan SKPD yang menangani permohonan ini.',
    en: "The requester's personal data can be read only by PPID Utama, the administrator and the SKPDs handling this request.",
  },
  request_personal_erased: {
    id: 'Data pribadi pemohon {number} telah dihapus setelah masa retensi berakhir.',
    en: 'The personal data of request {number} was erased after its retention period.',
  },
  request_received_future: {
    id: 'Tanggal tidak boleh setelah hari ini ({today}).',
    en: 'The date cannot be after today ({today}).',
  },
  request_received_too_old: {
    id: 'Tanggal diterima lebih dari 60 hari yang lalu; periksa kembali tanggalnya.',
    en: 'The date of receipt is more than 60 days ago; check the date.',
  },
  request_power_of_attorney_missing: {
    id: 'Unggah surat kuasa bila mengajukan atas nama orang lain.',
    en: 'Upload the power of attorney when filing for someone else.',
  },
  request_already_routed: {
    id: 'Permohonan {number} sudah diteruskan.',
    en: 'Request {number} has already been routed.',
  },
  request_refusal_ground_invalid: {
    id: 'Pengecualian {exclusionId} tidak dapat menjadi dasar penolakan: harus entri DIK yang berlaku, atau uji konsekuensi untuk permohonan ini yang telah diputus Ya oleh Atasan PPID.',
    en: 'Exclusion {exclusionId} cannot ground a refusal: it must be a DIK entry in force, or a consequence test for this request decided Ya by the Atasan PPID.',
  },
  request_part_not_found: {
    id: 'Permohonan {number} tidak diteruskan kepada {agencyId}.',
    en: 'Request {number} was not routed to {agencyId}.',
  },
  request_part_answered: {
    id: 'Bagian jawaban unit ini atas permohonan {number} sudah dicatat.',
    en: "This unit's answer to request {number} is already recorded.",
  },
  request_notice_issued: {
    id: 'Pemberitahuan tertulis atas permohonan {number} sudah terbit.',
    en: 'The written notice on request {number} has already been issued.',
  },
  request_redaction_missing: {
    id: 'Untuk jawaban dikabulkan sebagian, catat bagian yang dihitamkan dan dasarnya pada salinan yang dilepas.',
    en: 'For a part-granted answer, record what was blacked out and on which ground on the released copy.',
  },
  request_already_extended: {
    id: 'Jangka waktu permohonan {number} sudah pernah diperpanjang; perpanjangan hanya sekali (Pasal 22 ayat 8).',
    en: 'Request {number} was already extended; it can be extended only once (Pasal 22(8)).',
  },
  request_extension_late: {
    id: 'Batas waktu ({deadline}) sudah lewat; perpanjangan harus diberikan sebelum batas waktu.',
    en: 'The deadline ({deadline}) has passed; an extension must be given before it.',
  },
  request_closed: {
    id: 'Permohonan {number} sudah ditutup.',
    en: 'Request {number} is closed.',
  },
  request_clarification_open: {
    id: 'Masih ada permintaan klarifikasi yang belum dijawab pemohon.',
    en: 'A clarification is still waiting for the requester.',
  },
  request_no_clarification: {
    id: 'Tidak ada permintaan klarifikasi yang menunggu jawaban untuk permohonan {number}.',
    en: 'No clarification is waiting for an answer on request {number}.',
  },
  request_not_answered: {
    id: 'Permohonan {number} belum dijawab atau sudah ditutup.',
    en: 'Request {number} has not been answered or is already closed.',
  },
  request_delivered_before_receipt: {
    id: 'Tanggal penyerahan tidak boleh sebelum tanggal permohonan diterima ({date}).',
    en: 'The delivery date cannot be before the request was received ({date}).',
  },
  request_honeypot: {
    id: 'Permohonan tidak dapat diterima. Muat ulang halaman dan isi formulir kembali.',
    en: 'The request cannot be accepted. Reload the page and fill in the form again.',
  },
  request_document_not_released: {
    id: 'Dokumen ini tidak dilepas untuk permohonan ini.',
    en: 'This document is not released for this request.',
  },
  request_notice_missing: {
    id: 'Pemberitahuan tertulis belum terbit.',
    en: 'The written notice has not been issued yet.',
  },
  request_book_forbidden: {
    id: 'Buku register permohonan memuat data pribadi pemohon: hanya PPID Utama, administrator, dan PPID Pelaksana (untuk permohonan yang diteruskan ke SKPD-nya) yang dapat membukanya.',
    en: "The register of requests holds the requesters' personal data: only PPID Utama, the administrator and a PPID Pelaksana (for the requests routed to its SKPD) may open it.",
  },
  objection_book_forbidden: {
    id: 'Register keberatan memuat data pribadi pengaju keberatan: hanya PPID Utama, Atasan PPID, administrator, dan PPID Pelaksana (untuk keberatan atas permohonan yang diteruskan ke SKPD-nya) yang dapat membukanya.',
    en: "The register of objections holds the objectors' personal data: only PPID Utama, the Atasan PPID, the administrator and a PPID Pelaksana (for the objections on requests routed to its SKPD) may open it.",
  },
  report_period_invalid: {
    id: 'Periode laporan tidak valid: isi tanggal awal dan tanggal akhir yang ada di kalender (TTTT-BB-HH), dengan tanggal awal tidak sesudah tanggal akhir.',
    en: 'The report period is not valid: give a start and an end date that exist (YYYY-MM-DD), the start not after the end.',
  },
  report_period_too_long: {
    id: 'Periode laporan paling lama {days} hari; pilih periode yang lebih pendek (misalnya satu tahun).',
    en: 'A report covers at most {days} days; choose a shorter period (one year, for example).',
  },
  report_agency_forbidden: {
    id: 'Sebagai PPID Pelaksana Anda hanya dapat membuka laporan SKPD Anda sendiri ({agencyId}); pilih SKPD Anda atau kosongkan pilihan SKPD.',
    en: 'As a PPID Pelaksana you can only open the reports of your own SKPD ({agencyId}); choose your SKPD or leave the SKPD empty.',
  },
  request_power_of_attorney_type: {
    id: 'Surat kuasa diunggah sebagai PDF, JPEG atau PNG.',
    en: 'Upload the power of attorney as a PDF, JPEG or PNG.',
  },
  request_power_of_attorney_size: {
    id: 'Surat kuasa paling besar {max} MB.',
    en: 'The power of attorney may be at most {max} MB.',
  },
  objection_not_found: {
    id: 'Keberatan {objectionId} tidak ditemukan.',
    en: 'Objection {objectionId} was not found.',
  },
  objection_request_not_found: {
    id: 'Permohonan {number} tidak ditemukan. Periksa nomor pendaftaran permohonan (contoh: PMH/2026/00042).',
    en: 'Request {number} was not found. Check the request number (e.g. PMH/2026/00042).',
  },
  objection_late: {
    id: 'Keberatan atas alasan {ground} harus diajukan paling lambat 30 hari kerja setelah alasan itu timbul; jangka waktunya berakhir pada {until} (UU 14/2008 Pasal 36 ayat (1)).',
    en: 'An objection on ground {ground} must be filed within 30 working days after the ground arose; the period ended on {untilEn} (UU 14/2008 Pasal 36(1)).',
  },
  objection_ground_unavailable: {
    id: 'Alasan {ground} tidak berlaku untuk permohonan ini: {why}',
    en: 'Ground {ground} does not apply to this request: {whyEn}',
  },
  objection_responded: {
    id: 'Keberatan {number} sudah ditanggapi.',
    en: 'Objection {number} has already been answered.',
  },
  objection_provide_by_past: {
    id: 'Tanggal pemberian informasi tidak boleh sebelum hari ini ({today}).',
    en: 'The date to provide the information cannot be before today ({today}).',
  },
  objection_no_followup: {
    id: 'Keberatan {number} tidak memerintahkan pemberian informasi.',
    en: 'Objection {number} ordered no information to be provided.',
  },
  objection_fulfilled: {
    id: 'Pemberian informasi atas keberatan {number} sudah dicatat.',
    en: 'The information ordered on objection {number} is already recorded as provided.',
  },
  objection_response_missing: {
    id: 'Tanggapan atas keberatan belum terbit.',
    en: 'The response to the objection has not been issued yet.',
  },
  objection_document_not_released: {
    id: 'Dokumen ini tidak diberikan atas keberatan ini.',
    en: 'This document was not provided on this objection.',
  },
  objection_attachment_type: {
    id: 'Lampiran keberatan diunggah sebagai PDF, JPEG atau PNG.',
    en: 'Upload the attachment as a PDF, JPEG or PNG.',
  },
  objection_attachment_size: {
    id: 'Lampiran keberatan paling besar {max} MB.',
    en: 'An attachment may be at most {max} MB.',
  },
  body_too_large: {
    id: 'Isian formulir terlalu besar (maksimal {max} KB). Persingkat teks Anda.',
    en: 'The form is too large (at most {max} KB). Shorten your text.',
  },
  // Disputes at the Komisi Informasi and in court (objections/disputes.ts).
  dispute_not_found: {
    id: 'Sengketa {disputeId} tidak ditemukan.',
    en: 'Dispute {disputeId} was not found.',
  },
  dispute_request_not_found: {
    id: 'Permohonan {number} tidak ditemukan. Periksa nomor pendaftaran permohonan (contoh: PMH/2026/00042).',
    en: 'Request {number} was not found. Check the request number (e.g. PMH/2026/00042).',
  },
  dispute_objection_not_found: {
    id: 'Keberatan {number} tidak ditemukan. Periksa nomor keberatan (contoh: KBR/2026/0007), atau kosongkan bila keberatan tidak tercatat di sistem.',
    en: 'Objection {number} was not found. Check its number (e.g. KBR/2026/0007), or leave it empty when the objection is not in the system.',
  },
  dispute_objection_other_request: {
    id: 'Keberatan {objection} diajukan atas permohonan {request}, bukan {given}.',
    en: 'Objection {objection} was filed on request {request}, not {given}.',
  },
  dispute_ki_number_exists: {
    id: 'Sengketa dengan nomor register Komisi Informasi {kiNumber} sudah dicatat ({number}).',
    en: 'A dispute with KI register number {kiNumber} is already recorded ({number}).',
  },
  dispute_date_future: {
    id: 'Tanggal tidak boleh setelah hari ini ({today}).',
    en: 'The date cannot be after today ({todayEn}).',
  },
  dispute_date_before: {
    id: 'Tanggal tidak boleh sebelum {what} ({date}).',
    en: 'The date cannot be before {whatEn} ({dateEn}).',
  },
  dispute_stage_open: {
    id: 'Tahap {stage} masih berjalan; catat akhir tahap itu lebih dahulu.',
    en: 'The {stageEn} stage is still open; record its end first.',
  },
  dispute_stage_exists: {
    id: 'Tahap {stage} sudah dicatat untuk sengketa ini.',
    en: 'The {stageEn} stage is already recorded for this dispute.',
  },
  dispute_stage_order: {
    id: 'Mediasi hanya dapat dicatat sebagai tahap pertama, sebelum ajudikasi.',
    en: 'Mediation can only be recorded as the first stage, before adjudication.',
  },
  dispute_no_open_stage: {
    id: 'Tidak ada tahap penyelesaian sengketa yang sedang berjalan. Catat dahulu dimulainya mediasi atau ajudikasi.',
    en: 'No stage of the dispute is open. Record the start of mediation or adjudication first.',
  },
  dispute_decided: {
    id: 'Hasil penyelesaian sengketa {number} di Komisi Informasi sudah dicatat.',
    en: 'The Komisi Informasi outcome of dispute {number} is already recorded.',
  },
  dispute_outcome_needs_stage: {
    id: 'Hasil ini memerlukan tahap {stage} yang sudah dicatat.',
    en: 'This outcome needs a recorded {stageEn} stage.',
  },
  dispute_hearing_not_found: {
    id: 'Sidang {hearingId} tidak ditemukan pada sengketa ini.',
    en: 'Hearing {hearingId} was not found on this dispute.',
  },
  dispute_hearing_has_result: {
    id: 'Hasil sidang ini sudah dicatat.',
    en: 'The result of this hearing is already recorded.',
  },
  dispute_hearing_closed: {
    id: 'Tahap sidang ini sudah berakhir; hasilnya tidak dapat dicatat lagi.',
    en: 'The stage of this hearing has ended; its result can no longer be recorded.',
  },
  dispute_hearing_not_held: {
    id: 'Sidang dijadwalkan {date}; hasilnya dapat dicatat sejak hari itu.',
    en: 'The hearing is scheduled for {dateEn}; its result can be recorded from that day.',
  },
  dispute_not_decided: {
    id: 'Putusan Komisi Informasi atas sengketa {number} belum dicatat.',
    en: 'The Komisi Informasi decision on dispute {number} is not recorded yet.',
  },
  dispute_not_appealable: {
    id: 'Hanya putusan ajudikasi yang dapat diajukan ke pengadilan; putusan hasil mediasi bersifat final dan mengikat (UU 14/2008 Pasal 39), dan sengketa yang dicabut telah selesai.',
    en: 'Only an adjudication decision can be taken to court; a mediation agreement is final and binding (UU 14/2008 Pasal 39), and a withdrawn dispute is over.',
  },
  dispute_appeal_exists: {
    id: 'Pengajuan ke pengadilan atas sengketa {number} sudah dicatat.',
    en: 'The court appeal of dispute {number} is already recorded.',
  },
  dispute_no_appeal: {
    id: 'Belum ada pengajuan ke pengadilan yang dicatat untuk sengketa {number}.',
    en: 'No court appeal is recorded for dispute {number}.',
  },
  dispute_appeal_decided: {
    id: 'Putusan pengadilan atas sengketa {number} sudah dicatat.',
    en: 'The court decision on dispute {number} is already recorded.',
  },
  dispute_cassation_not_possible: {
    id: 'Kasasi hanya dapat dicatat setelah putusan pengadilan dicatat (dan perkara tidak dicabut).',
    en: 'A cassation can only be recorded after the court decision (and not after a withdrawal).',
  },
  dispute_cassation_exists: {
    id: 'Kasasi atas sengketa {number} sudah dicatat.',
    en: 'The cassation of dispute {number} is already recorded.',
  },
  dispute_no_cassation: {
    id: 'Belum ada kasasi yang dicatat untuk sengketa {number}.',
    en: 'No cassation is recorded for dispute {number}.',
  },
  dispute_cassation_decided: {
    id: 'Putusan kasasi atas sengketa {number} sudah dicatat.',
    en: 'The cassation decision on dispute {number} is already recorded.',
  },
  report_consolidated_only_body: {
    id: 'Laporan konsolidasi seluruh SKPD hanya dapat diterbitkan oleh PPID Utama atau administrator; pilih SKPD Anda.',
    en: 'A consolidated report of every agency can only be issued by PPID Utama or the administrator; choose your agency.',
  },
  report_not_found: {
    id: 'Laporan arsip {reportId} tidak ditemukan.',
    en: 'Archived report {reportId} was not found.',
  },
  report_file_not_found: {
    id: 'Laporan {number} tidak memiliki berkas {format}.',
    en: 'Report {number} has no {format} file.',
  },
  report_annual_use_draft: {
    id: 'Laporan tahunan konsolidasi diterbitkan dari drafnya (menu Laporan Tahunan), agar bagian naratif PPID Utama ikut termuat.',
    en: 'The consolidated annual report is issued from its draft (Annual report), so that PPID Utama’s narrative is included.',
  },
  annual_year_invalid: {
    id: 'Tahun laporan {year} tidak valid.',
    en: 'Report year {year} is not valid.',
  },
  annual_year_not_ended: {
    id: 'Laporan tahunan {year} baru dapat diterbitkan setelah tahun {year} berakhir.',
    en: 'The annual report for {year} can only be issued after {year} has ended.',
  },
  annual_draft_not_found: {
    id: 'Draf laporan tahunan {year} belum ada; simpan bagian naratifnya terlebih dahulu.',
    en: 'There is no draft annual report for {year} yet; save its narrative first.',
  },
  annual_approved: {
    id: 'Laporan tahunan {year} sudah disetujui dan diumumkan; laporan yang disetujui tidak dapat diubah.',
    en: 'The annual report for {year} is already approved and published; an approved report cannot be changed.',
  },
  annual_not_issued: {
    id: 'Laporan tahunan {year} belum diterbitkan sesuai draf terakhir; terbitkan dahulu, lalu setujui.',
    en: 'The annual report for {year} has not been issued from its latest draft; issue it first, then approve it.',
  },
  // Spreadsheet import of DIP rows (functions/core/documentation/import.ts, item-import.ts).
  import_not_spreadsheet: {
    id: 'Berkas {fileName} bukan lembar kerja yang dapat diimpor: gunakan CSV (UTF-8) atau XLSX.',
    en: 'File {fileName} is not a spreadsheet that can be imported: use CSV (UTF-8) or XLSX.',
  },
  import_no_header: {
    id: 'Baris judul kolom DIP tidak ditemukan di berkas ini. Judul kolom yang diharapkan: {expected}. Unduh templat untuk contohnya.',
    en: 'No header row of DIP columns was found in this file. Expected headers: {expected}. Download the template for an example.',
  },
  import_missing_columns: {
    id: 'Kolom wajib tidak ada pada baris judul (baris {line}): {missing}.',
    en: 'Required columns are missing from the header row (line {line}): {missing}.',
  },
  import_too_many_rows: {
    id: 'Berkas berisi lebih dari {max} baris; bagi menjadi beberapa berkas.',
    en: 'The file has more than {max} rows; split it into several files.',
  },
  import_csv_not_utf8: {
    id: 'CSV ini bukan UTF-8. Simpan ulang sebagai "CSV UTF-8 (dipisahkan koma)" lalu unggah lagi.',
    en: 'This CSV is not UTF-8. Save it again as "CSV UTF-8 (comma delimited)" and upload it again.',
  },
  import_xlsx_unreadable: {
    id: 'Lembar kerja XLSX ini tidak dapat dibaca (rusak atau terlindungi kata sandi).',
    en: 'This XLSX workbook cannot be read (damaged or password-protected).',
  },
  import_cell_empty: {
    id: 'Kolom "{header}" kosong; wajib diisi.',
    en: 'Column "{header}" is empty; it is required.',
  },
  import_bad_category: {
    id: 'Kategori "{value}" tidak dikenal; tulis salah satu: {allowed}.',
    en: 'Category "{value}" is not recognised; write one of: {allowed}.',
  },
  import_bad_formats: {
    id: 'Bentuk informasi "{value}" tidak dikenal; tulis Softcopy, Hardcopy, atau keduanya dipisah koma.',
    en: 'Format "{value}" is not recognised; write Softcopy, Hardcopy, or both separated by a comma.',
  },
  import_bad_year: {
    id: 'Tahun "{value}" tidak valid; tulis empat angka, mis. 2025.',
    en: 'Year "{value}" is not valid; write four digits, e.g. 2025.',
  },
  import_type_not_allowed: {
    id: 'Hanya berkas CSV (UTF-8) atau XLSX yang dapat diimpor; {fileName} tidak.',
    en: 'Only CSV (UTF-8) or XLSX files can be imported; {fileName} cannot.',
  },
  import_not_found: {
    id: 'Impor {importId} tidak ditemukan.',
    en: 'Import {importId} was not found.',
  },
  import_not_checked: {
    id: 'Berkas impor belum diperiksa; periksa dahulu, lalu impor.',
    en: 'The import file has not been checked yet; check it first, then import.',
  },
  import_has_bad_rows: {
    id: 'Berkas masih memuat {bad} baris bermasalah; perbaiki berkasnya, atau pilih "impor hanya baris yang benar".',
    en: 'The file still has {bad} rows with problems; fix the file, or choose "import only the good rows".',
  },
  import_nothing_to_import: {
    id: 'Tidak ada baris yang benar untuk diimpor.',
    en: 'There are no good rows to import.',
  },
  import_already_imported: {
    id: 'Berkas yang sama (SHA-256 {sha256}) sudah diimpor untuk perangkat daerah ini pada impor {importId}; tidak diimpor dua kali.',
    en: 'The same file (SHA-256 {sha256}) was already imported for this agency in import {importId}; it is not imported twice.',
  },
  import_in_state: {
    id: 'Impor ini sedang berjalan atau sudah selesai ({state}).',
    en: 'This import is running or has finished ({state}).',
  },
  // SOP 004: the documentation cycle (documentation/cycle.ts).
  doc_cycle_not_found: { id: 'Siklus pendokumentasian {cycleId} tidak ditemukan.', en: 'Documentation cycle {cycleId} was not found.' },
  doc_lane_not_found: {
    id: 'OPD {agencyId} tidak ikut dalam siklus pendokumentasian {cycleId}.',
    en: 'OPD {agencyId} does not take part in documentation cycle {cycleId}.',
  },
  doc_cycle_unknown_opd: {
    id: 'Bukan OPD (SKPD) yang terdaftar: {agencies}.',
    en: 'Not a registered OPD (SKPD): {agencies}.',
  },
  doc_cycle_no_opd: { id: 'Belum ada OPD (SKPD) yang dapat ikut dalam siklus.', en: 'There is no OPD (SKPD) to take part in the cycle.' },
  doc_lane_not_at_step: {
    id: 'Daftar OPD ini tidak sedang menunggu langkah {step} (sekarang: {actual}); tindakan hanya dicatat sekali. Muat ulang halaman.',
    en: 'This OPD’s list is not waiting at step {step} (now: {actual}); an action is recorded only once. Reload the page.',
  },
  doc_return_needs_note: {
    id: 'Pengembalian ke langkah sebelumnya wajib disertai catatan apa yang kurang.',
    en: 'Sending the list back needs a note saying what is missing.',
  },
  doc_list_empty: {
    id: 'Daftar data dan informasi OPD masih kosong: isi formulir atau unggah lembar kerja.',
    en: 'The OPD’s list is empty: fill in the form or upload a spreadsheet.',
  },
  doc_list_too_long: {
    id: 'Daftar memuat {count} baris; paling banyak {max} baris per OPD dalam satu siklus.',
    en: 'The list has {count} rows; at most {max} rows per OPD in one cycle.',
  },
  doc_list_bad_rows: {
    id: 'Lembar kerja memuat {count} isian bermasalah; tidak ada yang disimpan. Perbaiki baris yang disebut lalu kirim lagi.',
    en: 'The spreadsheet has {count} problems; nothing was saved. Fix the rows named and send it again.',
  },
  doc_review_missing: {
    id: 'Baris {row} ("{title}") belum ditelaah: terima, koreksi, atau tolak setiap baris.',
    en: 'Row {row} ("{title}") has not been reviewed: accept, correct or reject every row.',
  },
  doc_review_twice: { id: 'Baris {row} ditelaah dua kali.', en: 'Row {row} is reviewed twice.' },
  doc_review_unknown_row: { id: 'Baris {row} tidak ada dalam daftar.', en: 'Row {row} is not in the list.' },
  doc_reject_needs_note: { id: 'Penolakan baris {row} wajib disertai catatan.', en: 'Rejecting row {row} needs a note.' },
  doc_correct_needs_content: {
    id: 'Koreksi baris {row} wajib memuat kolom DIP yang dikoreksi.',
    en: 'Correcting row {row} needs the corrected DIP columns.',
  },
  doc_row_not_ready: {
    id: 'Draf informasi untuk "{title}" belum siap; tunggu sebentar lalu coba lagi.',
    en: 'The draft item for "{title}" is not ready yet; wait a moment and try again.',
  },
  doc_row_needs_document: {
    id: '"{title}" tersedia sebagai softcopy: unggah dokumennya terlebih dahulu.',
    en: '"{title}" is available as softcopy: upload its document first.',
  },
  item_in_documentation_cycle: {
    id: 'Informasi ini dibuat dari daftar OPD dalam siklus pendokumentasian (SOP 004) dan diterbitkan melalui siklus itu, bukan diajukan tersendiri.',
    en: 'This item was made from an OPD’s list in a documentation cycle (SOP 004) and is published by that cycle, not submitted on its own.',
  },
  doc_delivery_incomplete: {
    id: 'Kiriman belum lengkap: {count} baris perlu dilengkapi.',
    en: 'The delivery is incomplete: {count} rows need completing.',
  },
} as const satisfies Record<string, Text>;

export type MessageKey = keyof typeof catalogue;

/** Roles in words, as the staff app names them (web/staff/src/i18n.ts role_*). */
export const ROLE_NAMES: Record<string, Text> = {
  admin: { id: 'Administrator', en: 'Administrator' },
  petugas: { id: 'Petugas PPID', en: 'PPID Officer' },
  ppid_pelaksana: { id: 'Kepala PPID Pelaksana', en: 'Head of PPID Pelaksana' },
  ppid_utama: { id: 'PPID Utama', en: 'PPID Utama (Chief PPID)' },
  pejabat_pid: { id: 'Pejabat PID', en: 'Information & Documentation Officer' },
  atasan_ppid: { id: 'Atasan PPID', en: 'PPID Superior' },
};

/**
 * A message in both languages. `{role}` is always a role code and reads as the role's name in words
 * ("Pejabat PID", never `pejabat_pid`).
 */
export function message(key: MessageKey, vars: Record<string, string | number> = {}): Text {
  const fill = (s: string, lang: keyof Text) =>
    s.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = vars[k];
      if (v === undefined) return `{${k}}`;
      if (k === 'role' && typeof v === 'string' && ROLE_NAMES[v]) return ROLE_NAMES[v][lang];
      return String(v);
    });
  const t: Text = catalogue[key];
  return { id: fill(t.id, 'id'), en: fill(t.en, 'en') };
}
