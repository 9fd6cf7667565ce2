/**
 * The grounds of an objection, UU 14/2008 Pasal 35(1) a–g, with their text as the law words them.
 * Dependency-free (no imports at all), so the staff app's browser bundle takes it as it is:
 * model.ts re-exports both, and web/staff/src/types.ts imports them from here.
 */

/** Pasal 35(1) a–g. */
export const GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
export type Ground = (typeof GROUNDS)[number];

export const GROUND_TEXT: Record<Ground, { id: string; en: string }> = {
  a: { id: 'Penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)', en: 'The request was refused under an exclusion (Pasal 17)' },
  b: { id: 'Tidak disediakannya informasi berkala (Pasal 9)', en: 'Periodic information (Pasal 9) was not provided' },
  c: { id: 'Tidak ditanggapinya permintaan informasi', en: 'The request was not answered' },
  d: { id: 'Permintaan informasi ditanggapi tidak sebagaimana yang diminta', en: 'The request was answered otherwise than asked' },
  e: { id: 'Tidak dipenuhinya permintaan informasi', en: 'The request was not fulfilled' },
  f: { id: 'Pengenaan biaya yang tidak wajar', en: 'Unreasonable fees were charged' },
  g: { id: 'Penyampaian informasi yang melebihi waktu yang diatur dalam Undang-Undang', en: 'The information was delivered later than the law allows' },
};
