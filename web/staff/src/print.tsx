/**
 * What every page the staff app prints carries, as an official print-out does (the PDFs' letterhead
 * in functions/core/official-documents/document.ts shows the same kop surat): at the top the
 * letterhead, the public body's and the unit's names in capitals, the unit's address and contacts, the
 * coat of arms when the settings hold one, a double rule, then the print date in words in the unit's
 * time zone; at the end the signature block: place and date, the position, room to sign, the
 * official's name, rank and NIP when known.
 *
 * The unit is PPID Utama's, or the SKPD's for a list of one agency (`agencyId`). Both parts are
 * `print-only` (app.css, block "Print-outs: letterhead and signature"): hidden on screen.
 * The public body, its coat of arms and the units' signatories come from
 * `GET /api/settings/public-body?for=print`, read once per page load (forgotten when the admin saves
 * the public body).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { useApp } from './context.ts';
import { formatDate, formatDateTime } from './format.ts';
import type { Agency } from './types.ts';

interface PrintOfficial {
  name: string;
  position: string;
  rank?: string;
  /** As printed: "19720514 199803 2 004". */
  nip?: string;
}

interface PrintBody {
  name: string;
  letterhead?: { coatOfArms?: string; signatories: Record<string, PrintOfficial> };
}

let cached: { api: Api; body: Promise<PrintBody> } | undefined;

/** Reads the public body again on the next print-out (after the admin changed it). */
export function forgetPrintLetterhead(): void {
  cached = undefined;
}

function usePrintBody(): PrintBody | undefined {
  const { api } = useApp();
  const [body, setBody] = useState<PrintBody | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (cached?.api !== api) cached = { api, body: api.get<PrintBody>('/settings/public-body', { for: 'print' }) };
    const mine = cached;
    mine.body.then(
      (b) => {
        if (live) setBody(b);
      },
      () => {
        // Printed without the body's name then; the next page tries again.
        if (cached === mine) cached = undefined;
      },
    );
    return () => {
      live = false;
    };
  }, [api]);
  return body;
}

/** The unit a print-out speaks for: the given agency, else (and for a consolidated list) PPID Utama's. */
function usePrintUnit(agencyId: string | undefined): { unit: Agency | undefined; utama: Agency | undefined } {
  const { agencies } = useApp();
  const utama = agencies.find((a) => a.kind === 'ppid_utama');
  return { unit: (agencyId ? agencies.find((a) => a.id === agencyId) : undefined) ?? utama, utama };
}

/** The moment of printing: set when the page is shown and again just before the browser prints. */
function usePrintTime(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const update = () => setNow(new Date());
    window.addEventListener('beforeprint', update);
    return () => window.removeEventListener('beforeprint', update);
  }, []);
  return now;
}

function todayIn(timeZone: string | undefined, now: Date): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

const namesPpid = (text: string) => /\bPPID\b|Pengelola Informasi dan Dokumentasi/i.test(text);

/** The kop surat on top of a printed page, with the print date under its rule. */
export function PrintLetterhead({ agencyId }: { agencyId?: string | undefined }) {
  const { t, lang } = useApp();
  const body = usePrintBody();
  const { unit } = usePrintUnit(agencyId);
  const now = usePrintTime();
  const address = unit?.address && unit.city && !unit.address.includes(unit.city) ? `${unit.address}, ${unit.city}` : unit?.address;
  const contacts = [
    unit?.phone && t('print_phone', { v: unit.phone }),
    unit?.email && t('print_email', { v: unit.email }),
    unit?.website && t('print_website', { v: unit.website }),
  ]
    .filter(Boolean)
    .join(' · ');
  const coat = body?.letterhead?.coatOfArms;
  return (
    <header class="print-only print-letterhead">
      <div class={coat ? 'print-kop with-coat' : 'print-kop'}>
        {coat && body && <img class="print-coat" src={coat} alt={t('print_coat_of_arms', { body: body.name })} />}
        <div class="print-kop-text">
          {body && <p class="print-body-name">{body.name}</p>}
          {unit && <p class="print-unit-name">{unit.name}</p>}
          {unit && !namesPpid(unit.name) && <p class="print-unit-role">{t(unit.kind === 'ppid_utama' ? 'print_unit_utama' : 'print_unit_pelaksana')}</p>}
          {address && <p class="print-contact">{address}</p>}
          {contacts && <p class="print-contact">{contacts}</p>}
        </div>
      </div>
      <hr class="print-rule" />
      <p class="print-date">
        <time dateTime={now.toISOString()}>{t('printed_at', { at: formatDateTime(lang, now.toISOString(), unit?.timezone, true) })}</time>
      </p>
    </header>
  );
}

/** The signature block at the end of a printed page: the unit's PPID signs. */
export function PrintSignature({ agencyId }: { agencyId?: string | undefined }) {
  const { t, lang } = useApp();
  const body = usePrintBody();
  const { unit, utama } = usePrintUnit(agencyId);
  const now = usePrintTime();
  if (!unit) return null;
  const official = body?.letterhead?.signatories[unit.id];
  const role = unit.kind === 'ppid_utama' ? t('print_role_utama') : t('print_role_pelaksana', { unit: unit.name });
  const position = official?.position ?? role;
  const place = unit.city ?? utama?.city;
  const date = formatDate(lang, todayIn(unit.timezone, now), false);
  return (
    <section class="print-only print-signature" aria-label={t('print_signature')}>
      <p>{place ? t('print_place_date', { place, date }) : date}</p>
      <p class="print-position">{position},</p>
      {!namesPpid(position) && <p>{t('print_as', { role })}</p>}
      <p class="print-sign-space">
        <span class="visually-hidden">{t('print_sign_here')}</span>
      </p>
      {official ? (
        <p class="print-official-name">{official.name}</p>
      ) : (
        <p class="print-official-blank">
          <span class="visually-hidden">{t('print_name_blank')}</span>
        </p>
      )}
      {official?.rank && <p>{official.rank}</p>}
      {official?.nip && <p>{t('print_nip', { nip: official.nip })}</p>}
    </section>
  );
}
