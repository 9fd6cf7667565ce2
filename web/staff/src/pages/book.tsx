/**
 * The registers that hold personal data, as one printable page: the register of requests
 * (request-book.tsx) and the register of objections (objection-book.tsx). Per SKPD or consolidated,
 * one year at a time; printable on A4 landscape (app.css `body.print-landscape`) and exported as CSV
 * and XLSX through a short-lived link (functions/core/book-export.ts). Only the roles that may read
 * the personal data open it, and every opening and export is audited.
 */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../context.ts';
import { formatDate } from '../format.ts';
import type { MessageKey } from '../i18n.ts';
import { PrintLetterhead, PrintSignature } from '../print.tsx';
import type { RegisterBookResult, Role } from '../types.ts';
import { ErrorMessage, Field, Loading, PageHeader, useLoad } from '../ui.tsx';
import { sortAgencies } from './agencies.tsx';
import { FilterForm, YearFilter } from './list-parts.tsx';
import { bodyAgencyOf, rupiah, todayIn } from './request-parts.tsx';

function NumberCell({ number, href }: { number: string; href?: string }) {
  return href ? <a href={href}>{number}</a> : number;
}

/** While this page is shown, printing uses A4 landscape (app.css `body.print-landscape`). */
function useLandscapePrint() {
  useEffect(() => {
    document.body.classList.add('print-landscape');
    return () => document.body.classList.remove('print-landscape');
  }, []);
}

interface BookFilter {
  year: string;
  agencyId: string;
}

/** What differs between the registers: the API path, who opens it, its texts, where a row's number leads. */
export interface RegisterBookProps {
  /** Under /api, e.g. `/requests/book`. */
  path: string;
  /** Who opens it at all (the API's roles). */
  roles: readonly Role[];
  /** Among them, who opens any SKPD's register and the consolidated one. */
  bodyWideRoles: readonly Role[];
  title: MessageKey;
  intro: MessageKey;
  personalNote: MessageKey;
  notAllowed: MessageKey;
  back: { href: string; label: MessageKey };
  /** The page a row's number links to, if any. */
  rowHref?: (number: string) => string | undefined;
}

export function RegisterBook({ path, roles, bodyWideRoles, title, intro, personalNote, notAllowed, back, rowHref }: RegisterBookProps) {
  const { t, lang, api, me, agencies, agencyName, announce } = useApp();
  useLandscapePrint();
  const bodyWide = bodyWideRoles.includes(me.role);
  const thisYear = todayIn(bodyAgencyOf(agencies)?.timezone).slice(0, 4);
  const [draft, setDraft] = useState<BookFilter>({ year: thisYear, agencyId: '' });
  const [filter, setFilter] = useState<BookFilter>(draft);
  const allowed = roles.includes(me.role);
  const query = { year: filter.year || undefined, agencyId: bodyWide ? filter.agencyId || undefined : undefined };
  const loaded = useLoad(
    () => (allowed ? api.get<RegisterBookResult>(path, { ...query, format: 'json' }) : Promise.resolve(undefined)),
    [api, path, filter.year, filter.agencyId, allowed],
  );
  const book = loaded.data;
  const [exporting, setExporting] = useState<'' | 'csv' | 'xlsx'>('');
  const [exportError, setExportError] = useState<unknown>(null);

  const download = async (format: 'csv' | 'xlsx') => {
    setExporting(format);
    setExportError(null);
    try {
      const res = await api.get<RegisterBookResult>(path, { ...query, format });
      if (res.file) {
        announce(t('rq_book_exported', { name: res.file.fileName, n: res.count }));
        window.location.assign(res.file.url);
      }
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting('');
    }
  };

  const cell = (kind: RegisterBookResult['columns'][number]['kind'], v: string | number | null) => {
    if (v === null || v === '') return '—';
    if (kind === 'date' && typeof v === 'string') return formatDate(lang, v, false);
    if (kind === 'number' && typeof v === 'number') return rupiah(lang, v, t);
    return String(v);
  };

  // The unit whose register is printed: one SKPD's, or PPID Utama's for the consolidated register.
  const printUnit = query.agencyId ?? (bodyWide ? undefined : me.agencyId);

  return (
    <>
      <PrintLetterhead agencyId={printUnit} />
      <p class="breadcrumb no-print">
        <a href={back.href}>{t(back.label)}</a>
      </p>
      <PageHeader title={t(title)} intro={t(intro)}>
        {allowed && (
          <>
            <button type="button" class="secondary" disabled={!!exporting} onClick={() => void download('csv')}>
              {exporting === 'csv' ? t('loading') : t('rq_book_csv')}
            </button>
            <button type="button" class="secondary" disabled={!!exporting} onClick={() => void download('xlsx')}>
              {exporting === 'xlsx' ? t('loading') : t('rq_book_xlsx')}
            </button>
          </>
        )}
      </PageHeader>
      {!allowed ? (
        <p class="notice">{t(notAllowed)}</p>
      ) : (
        <>
          <p class="notice no-print">{t(personalNote)}</p>
          <FilterForm onSubmit={() => setFilter(draft)}>
            {bodyWide ? (
              <Field label={t('rq_book_scope')} name="agencyId">
                {(a) => (
                  <select {...a} value={draft.agencyId} onChange={(e) => setDraft({ ...draft, agencyId: e.currentTarget.value })}>
                    <option value="">{t('rq_book_consolidated')}</option>
                    {sortAgencies(agencies).map((ag) => (
                      <option key={ag.id} value={ag.id}>
                        {ag.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <p>
                <strong>{t('f_agency')}:</strong> {agencyName(me.agencyId)}
              </p>
            )}
            <YearFilter value={draft.year} onChange={(year) => setDraft({ ...draft, year })} />
          </FilterForm>
          <ErrorMessage error={exportError} />
          <ErrorMessage error={loaded.error} />
          {loaded.loading && !book ? (
            <Loading />
          ) : book ? (
            <>
              {book.truncated && <p class="notice warn">{t('rq_book_truncated', { n: book.rows?.length ?? 0, total: book.count })}</p>}
              <div class="table-wrap">
                <table class="book">
                  <caption>
                    {book.title} · {t('shown_count', { n: book.count })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('rq_book_no')}</th>
                      {book.columns.map((c) => (
                        <th key={c.key} scope="col">
                          {c.header[lang]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {(book.rows ?? []).length === 0 && (
                      <tr>
                        <td colSpan={book.columns.length + 1}>{t('empty')}</td>
                      </tr>
                    )}
                    {(book.rows ?? []).map((row, i) => (
                      <tr key={String(row.number)}>
                        <td>{i + 1}</td>
                        {book.columns.map((c) =>
                          c.key === 'number' ? (
                            <th key={c.key} scope="row" class="nowrap">
                              <NumberCell number={String(row[c.key])} href={rowHref?.(String(row[c.key]))} />
                            </th>
                          ) : (
                            <td key={c.key} class={c.kind === 'number' ? 'num' : undefined}>
                              {cell(c.kind, row[c.key] ?? null)}
                            </td>
                          ),
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <PrintSignature agencyId={printUnit} />
            </>
          ) : null}
        </>
      )}
    </>
  );
}
