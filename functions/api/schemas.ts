/**
 * Schemas more than one group of endpoints shares: the upload ticket of a presigned POST, the public
 * lookup by registration number and tracking code, and the query and answer of a register (book) of
 * one year (requests' and objections').
 */
import * as z from 'zod';
import { BOOK_FORMATS } from '../core/book-export.ts';
import { agencyId } from '../core/model.ts';

/** A presigned POST to the documents bucket (functions/adapters/uploads.ts, UploadTicket). */
export const UploadTicketSchema = z.object({
  url: z.string(),
  fields: z.record(z.string(), z.string()),
  key: z.string(),
  expiresAt: z.string(),
  maxBytes: z.number(),
});

/** A public upload declared (no account): the id the filing names, and the ticket to upload with. */
export const PublicUploadSchema = z.object({ uploadId: z.string(), upload: UploadTicketSchema });

/** A request's or an objection's registration number and tracking code (the public status). */
export const Lookup = z.strictObject({
  number: z.string().trim().max(32, 'nomor pendaftaran tidak valid / the registration number is not valid'),
  code: z.string().trim().max(32, 'kode pelacakan tidak valid / the tracking code is not valid'),
});

/** A register of one year: whose (`agencyDescription` says what an SKPD's holds) and in which format. */
export const bookQuery = (agencyDescription: string) =>
  z.strictObject({
    year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: "Default: this year in the body's time zone" }),
    agencyId: agencyId.optional().meta({ description: agencyDescription }),
    format: z.enum(BOOK_FORMATS).default('json'),
  });

const BookColumn = z.object({
  key: z.string(),
  header: z.object({ id: z.string(), en: z.string() }),
  kind: z.enum(['text', 'number', 'date']).optional(),
});

/** A register as JSON rows (for the printable page), or a short-lived link to its CSV or XLSX file. */
export const BookSchema = z.object({
  year: z.number(),
  agencyId: z.string().optional(),
  title: z.string(),
  count: z.number(),
  columns: z.array(BookColumn),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).optional(),
  truncated: z.boolean().optional(),
  file: z.object({ url: z.string(), fileName: z.string(), contentType: z.string(), expiresInSeconds: z.number() }).optional(),
});
