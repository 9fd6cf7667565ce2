/**
 * The register of objections (register keberatan, Perki 1/2021): one year, per SKPD or consolidated,
 * as JSON rows for the printable page or as a CSV or XLSX file through a short-lived link. It holds
 * the objectors' names, addresses and contacts (functions/core/objections/book.ts).
 */
import * as z from 'zod';
import { generatedFiles } from '../adapters/generated-files.ts';
import { BOOK_FORMATS } from '../core/book-export.ts';
import { agencyId } from '../core/model.ts';
import { objectionBook } from '../core/objections/book.ts';
import { endpoint } from './http.ts';

const BookColumn = z.object({
  key: z.string(),
  header: z.object({ id: z.string(), en: z.string() }),
  kind: z.enum(['text', 'number', 'date']).optional(),
});

export const book = endpoint(
  {
    summary:
      'The register of objections (register keberatan) of one year, per SKPD or consolidated: JSON rows for the printable page, or a CSV or XLSX file through a short-lived link',
    description:
      "It holds the objectors' names, addresses and contacts: PPID Utama, the Atasan PPID and the admin (any SKPD's register or the consolidated one) and a PPID Pelaksana (its SKPD's: the objections on requests routed to it) only. Every export is audited with the number of rows.",
    query: z.strictObject({
      year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: "Default: this year in the body's time zone" }),
      agencyId: agencyId.optional().meta({ description: "An SKPD's register (the objections on requests routed to it); without it the consolidated register" }),
      format: z.enum(BOOK_FORMATS).default('json'),
    }),
    response: z.object({
      year: z.number(),
      agencyId: z.string().optional(),
      title: z.string(),
      count: z.number(),
      columns: z.array(BookColumn),
      rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).optional(),
      truncated: z.boolean().optional(),
      file: z.object({ url: z.string(), fileName: z.string(), contentType: z.string(), expiresInSeconds: z.number() }).optional(),
    }),
  },
  ({ ctx, principal, query, lang }) => objectionBook({ ...ctx, files: generatedFiles }, principal, query, lang),
);
