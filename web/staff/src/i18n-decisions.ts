/**
 * The staff app's texts for the confirmation of decisions (confirm.tsx: what will happen, asked
 * once) and for how late a deadline is (one statement: "Terlambat 3 hari kerja"). Bahasa Indonesia
 * first, English second. Part of `messages` in i18n.ts.
 */
import type { Text } from './types.ts';

export const decisionMessages = {
  // ─── items (SOP 000) ───
  cf_submit_title: { id: 'Ajukan informasi {number} ke Kepala PPID?', en: 'Submit information {number} to the Kepala PPID?' },
  cf_submit_what: {
    id: 'Informasi {number} ({title}) versi {n} diajukan kepada Kepala PPID {agency} untuk disetujui; tenggat keputusan mulai dihitung.',
    en: 'Information {number} ({title}) version {n} goes to the Kepala PPID of {agency} for approval; the deadline for the decision starts.',
  },
  cf_submit_note: {
    id: 'Sampai Kepala PPID memutuskan, informasi ini tidak dapat diubah.',
    en: 'Until the Kepala PPID decides, the information cannot be changed.',
  },
  cf_submit_yes: { id: 'Ya, ajukan', en: 'Yes, submit' },
  cf_approve_title: { id: 'Setujui dan terbitkan informasi {number}?', en: 'Approve and publish information {number}?' },
  cf_approve_what: {
    id: 'Informasi {number} ({title}) versi {n} akan terbit di register publik: masuk DIP PPID Utama dan dapat dibaca siapa saja.',
    en: 'Information {number} ({title}) version {n} will be published on the public register: it enters the PPID Utama DIP and anyone can read it.',
  },
  cf_approve_replaces: {
    id: 'Versi {published} yang kini terbit diganti oleh versi ini.',
    en: 'Version {published}, published now, is replaced by this version.',
  },
  cf_approve_yes: { id: 'Ya, setujui dan terbitkan', en: 'Yes, approve and publish' },
  cf_withdraw_title: { id: 'Tarik informasi {number} dari publikasi?', en: 'Withdraw information {number} from publication?' },
  cf_withdraw_what: {
    id: 'Informasi {number} ({title}) akan dikeluarkan dari DIP dan dari register publik; pembaca tidak lagi dapat membuka atau mengunduhnya. Alasan Anda dicatat dalam jejak audit.',
    en: 'Information {number} ({title}) will leave the DIP and the public register; readers can no longer open or download it. Your reason is kept in the audit trail.',
  },
  cf_withdraw_yes: { id: 'Ya, tarik dari publikasi', en: 'Yes, withdraw it' },

  // ─── exclusions (SOP 002) ───
  cf_ya_title: { id: 'Kecualikan informasi {number}?', en: 'Exclude information {number}?' },
  cf_ya_what: {
    id: 'Keputusan Ya: informasi {what} dinyatakan dikecualikan dan usulan diteruskan kepada PPID Utama untuk ditetapkan dalam Daftar Informasi yang Dikecualikan (DIK).',
    en: 'Yes: information {what} is declared excluded and the proposal goes to PPID Utama to be set in the list of excluded information (DIK).',
  },
  cf_ya_yes: { id: 'Ya, kecualikan dan teruskan', en: 'Yes, exclude and pass it on' },
  cf_tidak_title: { id: 'Tolak pengecualian informasi {number}?', en: 'Refuse to exclude information {number}?' },
  cf_tidak_what: {
    id: 'Keputusan Tidak: informasi {what} tidak dikecualikan; usulan dikembalikan kepada pengusul dengan catatan Anda.',
    en: 'No: information {what} is not excluded; the proposal goes back to the proposer with your note.',
  },
  cf_tidak_yes: { id: 'Ya, tolak dan kembalikan', en: 'Yes, refuse and return' },
  cf_decree_title: { id: 'Tetapkan pengecualian dalam DIK?', en: 'Set the exclusion in the DIK?' },
  cf_decree_what: {
    id: 'Informasi {what} akan tercantum di Daftar Informasi yang Dikecualikan (DIK) yang diumumkan di register publik, dengan surat penetapan {decree}; sejak itu informasi ini tidak diberikan kepada pemohon.',
    en: 'Information {what} will be listed in the list of excluded information (DIK) published on the public register, with decree {decree}; from then on it is not given to requesters.',
  },
  cf_decree_yes: { id: 'Ya, tetapkan dalam DIK', en: 'Yes, set it in the DIK' },
  cf_revoke_title: { id: 'Cabut pengecualian {number}?', en: 'Revoke exclusion {number}?' },
  cf_revoke_what: {
    id: 'Pengecualian {number} ({what}) dicabut seketika: entri keluar dari DIK di register publik. Informasinya tidak terbit dengan sendirinya; PPID Utama dapat mengumumkannya kembali.',
    en: 'Exclusion {number} ({what}) is revoked at once: the entry leaves the DIK on the public register. The information is not published by itself; PPID Utama may republish it.',
  },
  cf_revoke_yes: { id: 'Ya, cabut pengecualian', en: 'Yes, revoke it' },
  cf_republish_title: { id: 'Umumkan kembali informasi {number}?', en: 'Republish information {number}?' },
  cf_republish_what: {
    id: 'Informasi {what} akan terbit lagi di register publik (DIP), sebagaimana versi terakhir yang disetujui.',
    en: 'Information {what} will be published on the public register (DIP) again, as last approved.',
  },
  cf_republish_yes: { id: 'Ya, umumkan kembali', en: 'Yes, republish' },

  // ─── requests (UU 14/2008 Pasal 22) ───
  cf_not_held_title: { id: 'Catat bahwa informasi tidak dikuasai?', en: 'Record that the information is not held?' },
  cf_not_held_what: {
    id: 'Permohonan {number} dijawab: informasi tidak dikuasai badan publik ini, dan pemohon diberi tahu secara tertulis bahwa informasi mungkin dikuasai oleh {body}. Permohonan tidak diteruskan ke SKPD.',
    en: 'Request {number} is answered: the information is not held by this body, and the requester is told in writing that {body} may hold it. The request does not go to any SKPD.',
  },
  cf_not_held_yes: { id: 'Ya, catat tidak dikuasai', en: 'Yes, record not held' },
  cf_refuse_title: { id: 'Kirim jawaban yang menolak permohonan {number}?', en: 'Send an answer refusing request {number}?' },
  cf_refused_what: {
    id: 'Permohonan {number} ditolak oleh {agency}: pemohon menerima pemberitahuan tertulis penolakan beserta dasar pengecualiannya dan haknya mengajukan keberatan dalam 30 hari kerja.',
    en: 'Request {number} is refused by {agency}: the requester gets the written notice of refusal with the grounds for the exclusion and the right to object within 30 working days.',
  },
  cf_partial_what: {
    id: 'Permohonan {number} dikabulkan sebagian oleh {agency}: yang dikecualikan tidak diberikan, pemohon menerima pemberitahuan tertulis beserta dasar pengecualiannya dan haknya mengajukan keberatan dalam 30 hari kerja.',
    en: 'Request {number} is granted in part by {agency}: what is excluded is withheld, and the requester gets the written notice with the grounds and the right to object within 30 working days.',
  },
  cf_answer_yes: { id: 'Ya, kirim jawaban', en: 'Yes, send the answer' },
  cf_final: { id: 'Keputusan ini tidak dapat dibatalkan dari aplikasi.', en: 'This decision cannot be undone in the app.' },

  // ─── how late: one statement ───
  overdue_by: { id: 'Terlambat {d}', en: '{d} overdue' },
  overdue_wd: { id: 'Terlambat {n} hari kerja', en: '{n} working days overdue' },
  overdue_wd_one: { id: 'Terlambat 1 hari kerja', en: '1 working day overdue' },
} as const satisfies Record<string, Text>;
