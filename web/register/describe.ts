/**
 * Every register page's `<meta name="description">`, from what the page shows: the counts of a
 * list, the summary of an item, what a form is for. A page that no publication rewrites (search,
 * the forms) says nothing that changes with the DIP, so that it stays byte for byte the same. Indonesian on `/…`, English on `/en/…` (an
 * item's own text stays Indonesian, as on its page). At most ~200 characters in whole words, what a
 * search engine shows of it.
 */
import { CATEGORIES } from '../../functions/core/categories.ts';
import type { PublishedEntry } from '../../functions/core/register/input.ts';
import { blockRange, type Counts, countsWhere, type Lang, type Model, type PageRef, rowsOf } from '../../functions/core/register/model.ts';
import { CATEGORY_TEXT, dict, localeNumber } from './i18n.ts';

export const DESCRIPTION_MAX = 200;

/** Whole words, at most `max` characters, an ellipsis when cut; whitespace collapsed. */
export function clip(text: string, max = DESCRIPTION_MAX): string {
  // Collapsing is the identity on text with no whitespace but single inner spaces (most of it).
  const s = SPACES_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  if (s.length <= max) return s;
  const cut = s.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  let kept = space > max / 2 ? cut.slice(0, space) : cut;
  let end = kept.length;
  while (end > 0 && TRAILING.test(kept[end - 1]!)) end--;
  if (end < kept.length) kept = kept.slice(0, end);
  return `${kept}…`;
}

/** Whitespace that `clip` collapses or trims: any but a space, two spaces, a space at either end. */
const SPACES_TO_COLLAPSE = /[^\S ]| {2}|^ | $/;
/** What `clip` drops at the end of a cut (whitespace and punctuation, one UTF-16 unit at a time). */
const TRAILING = /^[\s,;:.–-]$/;

/** An item page's description: its summary (or title), clipped; the same in both languages (its last item remembered, as both are rendered in turn). */
let lastItem: { summary: string; title: string; description: string } | undefined;
export function describeItem(e: PublishedEntry): string {
  const { summary, title } = e.content;
  if (lastItem?.summary !== summary || lastItem.title !== title) lastItem = { summary, title, description: clip(summary.trim() || title) };
  return lastItem.description;
}

/** "12 informasi (berkala 5, serta-merta 2, tersedia setiap saat 5)" */
function countsText(c: Counts, lang: Lang): string {
  const t = dict(lang);
  const parts = CATEGORIES.map((cat) => `${CATEGORY_TEXT[lang][cat].name.toLowerCase()} ${localeNumber(c[cat], lang)}`);
  return c.total ? `${t.itemsCount(c.total)} (${parts.join(', ')})` : t.itemsCount(0);
}

const agenciesText = (n: number, lang: Lang) =>
  lang === 'id' ? `${localeNumber(n, 'id')} perangkat daerah` : `${localeNumber(n, 'en')} ${n === 1 ? 'agency' : 'agencies'}`;

/** The description of a page of the register in this state (the page exists). */
export function describePage(m: Model, ref: PageRef, lang: Lang): string {
  const id = lang === 'id';
  const body = m.publicBody.name;
  const t = dict(lang);
  const withItems = (f: { agencyId?: string; year?: number }) =>
    new Set([...m.counts].filter(([a, perYear]) => (!f.agencyId || a === f.agencyId) && (f.year === undefined || perYear.has(f.year))).map(([a]) => a)).size;
  switch (ref.kind) {
    case 'home': {
      const all = countsWhere(m);
      return clip(
        id
          ? `Daftar Informasi Publik ${body}: ${countsText(all, lang)} dari ${agenciesText(withItems({}), lang)}, ${t.dikCount(m.dik.length)}. Ajukan permohonan informasi secara daring.`
          : `Public Information List of ${body}: ${countsText(all, lang)} from ${agenciesText(withItems({}), lang)}, ${t.dikCount(m.dik.length)}. Request information online.`,
      );
    }
    case 'dip': {
      const years = m.years.length ? `${Math.min(...m.years)}–${Math.max(...m.years)}` : '';
      return clip(
        id
          ? `DIP konsolidasi ${body}: ${countsText(countsWhere(m), lang)} dari ${agenciesText(withItems({}), lang)}${years ? `, tahun registrasi ${years}` : ''}.`
          : `Consolidated DIP of ${body}: ${countsText(countsWhere(m), lang)} from ${agenciesText(withItems({}), lang)}${years ? `, registration years ${years}` : ''}.`,
      );
    }
    case 'dik':
      return clip(
        id
          ? `Daftar Informasi yang Dikecualikan ${body}: ${t.dikCount(m.dik.length)}, masing-masing dengan dasar hukum (UU 14/2008 Pasal 17), uji konsekuensi dan jangka waktunya.`
          : `List of Excluded Information of ${body}: ${t.dikCount(m.dik.length)}, each with its legal basis (Law 14/2008 Article 17), consequence test and period.`,
      );
    case 'search':
      return clip(
        id
          ? `Cari informasi publik dalam Daftar Informasi Publik ${body} menurut kata dalam judul dan ringkasannya; hasilnya tertaut ke halaman setiap informasi.`
          : `Search the Public Information List of ${body} by the words of each item's title and summary; every result links to the item's page.`,
      );
    case 'year':
      return clip(
        id
          ? `DIP ${body} tahun registrasi ${ref.year}: ${countsText(countsWhere(m, { year: ref.year }), lang)} dari ${agenciesText(withItems({ year: ref.year }), lang)}.`
          : `DIP of ${body}, registration year ${ref.year}: ${countsText(countsWhere(m, { year: ref.year }), lang)} from ${agenciesText(withItems({ year: ref.year }), lang)}.`,
      );
    case 'category': {
      const c = CATEGORY_TEXT[lang][ref.category];
      if (ref.year !== undefined) {
        const n = countsWhere(m, { year: ref.year })[ref.category];
        return clip(
          id
            ? `Informasi publik ${c.name.toLowerCase()} (${c.article} UU 14/2008) di DIP ${body}, tahun registrasi ${ref.year}: ${t.itemsCount(n)} per instansi.`
            : `${c.name} public information (${c.article} of Law 14/2008) in the DIP of ${body}, registration year ${ref.year}: ${t.itemsCount(n)} by agency.`,
        );
      }
      const n = countsWhere(m)[ref.category];
      return clip(
        id
          ? `Informasi publik ${c.name.toLowerCase()} (${c.article} UU 14/2008) di DIP ${body}: ${t.itemsCount(n)}. ${c.about}`
          : `${c.name} public information (${c.article} of Law 14/2008) in the DIP of ${body}: ${t.itemsCount(n)}. ${c.about}`,
      );
    }
    case 'agency': {
      const a = m.agency(ref.agencyId);
      const years = [...(m.counts.get(a.id)?.keys() ?? [])];
      const span = years.length ? `${Math.min(...years)}–${Math.max(...years)}` : '';
      return clip(
        id
          ? `Daftar Informasi Publik ${a.name}: ${countsText(countsWhere(m, { agencyId: a.id }), lang)}${span ? `, tahun registrasi ${span}` : ''}.`
          : `Public Information List of ${a.name}: ${countsText(countsWhere(m, { agencyId: a.id }), lang)}${span ? `, registration years ${span}` : ''}.`,
      );
    }
    case 'chunk': {
      const k = ref.key;
      const a = m.agency(k.agencyId);
      const rows = rowsOf(m, k) ?? [];
      const [from, to] = blockRange(k.block);
      const cat = k.category ? ` (${CATEGORY_TEXT[lang][k.category].name.toLowerCase()})` : '';
      const first = rows[0]?.content.title;
      return clip(
        id
          ? `DIP ${a.name} tahun ${k.year}, nomor urut ${from}–${to}${cat}: ${t.itemsCount(rows.length)}${first ? `, antara lain ${first}` : ''}.`
          : `DIP of ${a.name}, ${k.year}, sequence ${from}–${to}${cat}: ${t.itemsCount(rows.length)}${first ? `, among them ${first}` : ''}.`,
      );
    }
    case 'item': {
      const e = m.item(ref.agencyId, ref.year, ref.sequence);
      return e ? describeItem(e) : '';
    }
    case 'request':
      return clip(
        id
          ? `Ajukan permohonan informasi publik kepada PPID ${body} secara daring (UU 14/2008 Pasal 22), tanpa akun; nomor pendaftaran dan kode pelacakan diberikan segera.`
          : `Request public information from the PPID of ${body} online (Law 14/2008 Article 22), with no account; a registration number and tracking code are given at once.`,
      );
    case 'requestStatus':
      return clip(
        id
          ? `Lihat status permohonan informasi publik kepada ${body} dan unduh jawabannya dengan nomor pendaftaran dan kode pelacakan.`
          : `See the status of a public-information request to ${body} and download its answer with the registration number and tracking code.`,
      );
    case 'requestLog': {
      const n = m.requests.filter((r) => ref.year === undefined || r.year === ref.year).length;
      const count = localeNumber(n, lang);
      return clip(
        id
          ? `Permohonan informasi publik yang telah dijawab ${body}${ref.year !== undefined ? ` tahun ${ref.year}` : ''}: ${count} permohonan, dengan keputusan dan dasar hukumnya, tanpa data pribadi pemohon.`
          : `Answered public-information requests of ${body}${ref.year !== undefined ? ` in ${ref.year}` : ''}: ${count} ${n === 1 ? 'request' : 'requests'}, with the decision and its legal basis, without the requesters' personal data.`,
      );
    }
    case 'objection':
      return clip(
        id
          ? `Ajukan keberatan kepada Atasan PPID ${body} (UU 14/2008 Pasal 35–36) atas permohonan yang ditolak, tidak ditanggapi, atau informasi berkala yang tidak disediakan.`
          : `File an objection with the Atasan PPID of ${body} (Law 14/2008 Articles 35–36) on a refused or unanswered request, or periodic information not provided.`,
      );
    case 'annualReports': {
      const n = m.annualReports.length;
      const years = m.annualReports.map((r) => r.year).join(', ');
      return clip(
        id
          ? `Laporan tahunan layanan informasi publik ${body} (UU 14/2008 Pasal 11 ayat (1) huruf h): ${n} laporan yang disetujui${years ? ` (${years})` : ''}, dengan PDF dan data terbukanya.`
          : `Annual public-information service reports of ${body} (Law 14/2008 Article 11(1)(h)): ${n} approved ${n === 1 ? 'report' : 'reports'}${years ? ` (${years})` : ''}, with their PDF and open data.`,
      );
    }
  }
}
