/**
 * The end of an exclusion in words on the server and the register (exclusion-end.ts), written with
 * the date-words helpers: "sampai dengan 30 Juni 2027", "berakhir setelah Selasa, 30 Juni 2027
 * pukul 23.59 WIB". The staff app writes the same texts with its own Intl helpers.
 */
import { dateInWords, dateTimeInWords } from './date-words.ts';
import { type DateWriter, endsAfterWords, untilWords } from './exclusion-end.ts';

export const dateWords: DateWriter = {
  date: (localDate, lang) => dateInWords(localDate, lang, false),
  dateTime: (instant, timeZone, lang) => dateTimeInWords(instant, timeZone, lang),
};

/** Both texts of an exclusion's end in one language. */
export function exclusionEndWords(until: string, timeZone: string, lang: 'id' | 'en'): { until: string; endsAfter: string } {
  return { until: untilWords(until, lang, dateWords), endsAfter: endsAfterWords(until, timeZone, lang, dateWords) };
}
