/**
 * The grounds of exclusion of UU 14/2008 Pasal 17 as plain data and text, and a legal basis as one
 * line: what the register, the forms and the PDFs write, without the exclusion model's zod schemas
 * (exclusion-model.ts builds them from these and re-exports them).
 */
import type { LegalBasis } from './exclusion-model.ts';

export const PASAL_17 = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type Pasal17Letter = (typeof PASAL_17)[number];

/** The grounds of UU 14/2008 Pasal 17, as the forms, PDFs and the register name them. */
export const PASAL_17_TEXT: Record<Pasal17Letter, { id: string; en: string }> = {
  a: { id: 'menghambat proses penegakan hukum', en: 'would obstruct law enforcement' },
  b: {
    id: 'mengganggu perlindungan hak atas kekayaan intelektual dan persaingan usaha tidak sehat',
    en: 'would harm intellectual property or fair competition',
  },
  c: { id: 'membahayakan pertahanan dan keamanan negara', en: 'would endanger national defence and security' },
  d: { id: 'mengungkapkan kekayaan alam Indonesia', en: 'would reveal Indonesia’s natural wealth' },
  e: { id: 'merugikan ketahanan ekonomi nasional', en: 'would harm national economic resilience' },
  f: { id: 'merugikan kepentingan hubungan luar negeri', en: 'would harm foreign relations' },
  g: {
    id: 'mengungkapkan isi akta otentik yang bersifat pribadi dan kemauan terakhir ataupun wasiat seseorang',
    en: 'would reveal private authentic deeds or wills',
  },
  h: { id: 'mengungkap rahasia pribadi', en: 'would reveal personal secrets' },
  i: { id: 'memorandum atau surat-surat antar/intra Badan Publik yang menurut sifatnya dirahasiakan', en: 'confidential inter- or intra-agency memoranda' },
  j: { id: 'informasi yang tidak boleh diungkapkan berdasarkan undang-undang', en: 'information that another law forbids disclosing' },
};

/** The only grounds that may be excluded without an end date. */
export const PERMANENT_GROUNDS: readonly Pasal17Letter[] = ['g', 'h'];

/** The legal basis as one line: "UU 14/2008 Pasal 17 huruf a, c; UU 36/2009 Pasal 57". */
export function legalBasisText(b: LegalBasis, lang: 'id' | 'en' = 'id'): string {
  const parts: string[] = [];
  if (b.pasal17.length) parts.push(`${lang === 'id' ? 'UU 14/2008 Pasal 17 huruf' : 'Law 14/2008 Article 17 letter'} ${b.pasal17.join(', ')}`);
  for (const l of b.otherLaws) parts.push(`${l.law} ${l.article}`);
  return parts.join('; ');
}
