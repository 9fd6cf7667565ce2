/**
 * The register of objections (register keberatan, Perki 1/2021): one year, per SKPD or consolidated,
 * as JSON rows for the printable page or as a CSV or XLSX file through a short-lived link. It holds
 * the objectors' names, addresses and contacts (functions/core/objections/book.ts).
 */
import { generatedFiles } from '../adapters/generated-files.ts';
import { objectionBook } from '../core/objections/book.ts';
import { endpoint } from './http.ts';
import { BookSchema, bookQuery } from './schemas.ts';

export const book = /* @__PURE__ */ endpoint(
  () => ({
    summary:
      'The register of objections (register keberatan) of one year, per SKPD or consolidated: JSON rows for the printable page, or a CSV or XLSX file through a short-lived link',
    description:
      "It holds the objectors' names, addresses and contacts: PPID Utama, the Atasan PPID and the admin (any SKPD's register or the consolidated one) and a PPID Pelaksana (its SKPD's: the objections on requests routed to it) only. Every export is audited with the number of rows.",
    query: bookQuery("An SKPD's register (the objections on requests routed to it); without it the consolidated register"),
    response: BookSchema,
  }),
  ({ ctx, principal, query, lang }) => objectionBook({ ...ctx, files: generatedFiles }, principal, query, lang),
);
