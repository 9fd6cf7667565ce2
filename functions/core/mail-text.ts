/**
 * The pieces every workflow mail shares, so each one says the same things the same way: the case by
 * its number and title, instants in the agency's time zone in words ("Selasa, 8 Desember 2026 pukul
 * 23.59 WIB"), the rule as configured ("1 menit", not the SOP's standard), and the link to the page
 * where the person acts. ISO instants stay with machines (API, exports), never in a mail.
 */
import type { DeadlineRule } from './calendar.ts';
import { dateInWords, dateTimeInWords } from './date-words.ts';

export interface Bilingual {
  id: string;
  en: string;
}

/**
 * A page of the staff app: `APP_URL` is the app's own address (".../app/") on both hosts, so the
 * hash route follows it directly.
 */
export function staffLink(path: string): string {
  const base = (process.env.APP_URL ?? '').replace(/\/+$/, '') || '/app';
  return `${base}/#/${path.replace(/^[#/]+/, '')}`;
}

/** A deadline rule in words: "1 menit" / "1 minute", "7 hari kalender" / "7 calendar days". */
export function ruleInWords(rule: unknown): Bilingual {
  const r = rule as Partial<DeadlineRule> | undefined;
  const amount = typeof r?.amount === 'number' ? r.amount : undefined;
  if (amount === undefined) return { id: '', en: '' };
  const unit = r?.unit === 'minutes' ? ['menit', 'minute'] : r?.unit === 'calendarDays' ? ['hari kalender', 'calendar day'] : ['hari kerja', 'working day'];
  return { id: `${amount} ${unit[0]}`, en: `${amount} ${unit[1]}${amount === 1 ? '' : 's'}` };
}

/** An instant in the zone's words, both languages. */
export function instantInWords(instant: string | undefined, timeZone: string | undefined): Bilingual {
  if (!instant) return { id: '', en: '' };
  return { id: dateTimeInWords(instant, timeZone, 'id'), en: dateTimeInWords(instant, timeZone, 'en') };
}

/** A local date ("2026-12-01") in words, both languages. */
export function dayInWords(isoDate: string | undefined): Bilingual {
  if (!isoDate) return { id: '', en: '' };
  return { id: dateInWords(isoDate.slice(0, 10), 'id', true), en: dateInWords(isoDate.slice(0, 10), 'en', true) };
}

/**
 * A mail to staff: the subject in both languages, the Indonesian lines then the English ones, each
 * followed by the link to the page where they act.
 */
export function staffMail(input: { subject: Bilingual; id: string[]; en: string[]; link: string }): { subject: string; text: string } {
  return {
    subject: `[SIP PPID] ${input.subject.id} / ${input.subject.en}`,
    text: [...input.id, `Buka: ${input.link}`, '', ...input.en, `Open: ${input.link}`].join('\n'),
  };
}
