/**
 * The register's data at its two ends, as the core sees it: what the register is rendered from
 * (`RegisterInput`, read by the register store), one change to it (`RegisterChange`), and the shape
 * of what a render produces (`SitePlan`: files to put and delete, documents to copy). The renderer
 * itself (the pages, web/register/render.ts) sits outside the core and imports these; the core's
 * update use case (register-update.ts) asks for it as a port.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { DikEntry } from '../exclusion-model.ts';
import type { PublishedVersion } from '../item-model.ts';
import type { Agency } from '../model.ts';
import type { VerificationRecord } from '../official-documents/verification.ts';
import type { PublicAnnualReport } from './annual.ts';
import type { RegisterBody } from './model.ts';
import type { PublicRequestEntry } from './requests.ts';
import type { RegisterSummary } from './summary.ts';

export interface PublishedEntry extends PublishedVersion {
  /** Every publication of this item so far, this one last. */
  history: { versionNo: number; publishedAt: string }[];
}

export interface RegisterInput {
  publicBody: RegisterBody;
  agencies: Agency[];
  items: PublishedEntry[];
  /** The DIK entries in force (any order; the register shows them by year and sequence). */
  dik: DikEntry[];
  /** Every issued document's verification record (its page at `verifikasi/<code>/`). */
  verifications?: VerificationRecord[];
  /** Answered requests, projected for the public (requests.ts `publicLogEntry`): never the request record itself. */
  requests?: PublicRequestEntry[];
  /** Approved annual reports, projected for the public (annual.ts `publicAnnualReport`). */
  annualReports?: PublicAnnualReport[];
  /** The time of the change (exports and catalogue are stamped with it; pages never are). */
  generatedAt: string;
  /**
   * The register's base URL, e.g. `https://ppid.kalbarprov.go.id`: every canonical and hreflang
   * link, the sitemap, robots.txt and the open data are absolute from it; root-relative when absent
   * (the register store always sets it: the body's `registerUrl`, else the host's own address).
   */
  siteUrl?: string;
  /** When the register was last built in full (the sitemap's lastmod of pages that change only then). */
  builtAt?: string;
  /**
   * When present, `items` are only the partitions a change touches (summary.ts), and what the shared
   * pages show of the whole register (counts, blocks, dates, the newest publications) comes from
   * here: `latest` holds the entries `summary.latest` names. Absent: `items` is the whole register.
   */
  summary?: { summary: RegisterSummary; latest: PublishedEntry[] };
}

export interface SiteFile {
  /** No leading slash, e.g. `index.html`, `en/index.html`, `data/dip.csv`. */
  path: string;
  body: string | Uint8Array;
  contentType: string;
  /**
   * `gzip`: `body` is the content compressed, stored and served with `Content-Encoding: gzip` (the
   * search shards, the summary and the sitemap: machine files that every change rewrites, read by
   * fetch, crawlers and the update, which decode it). Absent: `body` is the content.
   */
  encoding?: 'gzip';
}

/**
 * A file stored gzip-compressed. Level 4: within a tenth of the smallest output for these files
 * (JSON of ids and numbers) at half the time of the default.
 */
export const gzipFile = (path: string, body: string, contentType: string): SiteFile => ({
  path,
  body: gzipSync(body, { level: 4 }),
  contentType,
  encoding: 'gzip',
});

/** A file's content as text, decoded as stored (`encoding`); a byte order mark is kept (the CSV files begin with one). */
export const fileText = (f: Pick<SiteFile, 'body' | 'encoding'>): string =>
  f.encoding === 'gzip'
    ? gunzipSync(f.body).toString('utf8')
    : typeof f.body === 'string'
      ? f.body
      : new TextDecoder('utf-8', { ignoreBOM: true }).decode(f.body);

export interface SitePlan {
  put: SiteFile[];
  delete: string[];
  /** Public documents to copy from the private document bucket (`from`: its key) to the register (`to`). */
  copies: { from: string; to: string }[];
  /** Register path prefixes to delete, e.g. `berkas/<itemId>/`. */
  removeCopies: string[];
}

/** One publication or withdrawal: the item as the register showed it, and as it is now. */
export interface RegisterChange {
  itemId: string;
  /** As it was on the register; undefined if it was not there (new, or republished after a withdrawal). */
  before?: PublishedEntry;
  /** As it is now; undefined if withdrawn. */
  after?: PublishedEntry;
}
