/**
 * The register's public log of answered information requests (UU 14/2008; issue 10): what was
 * asked, of which SKPD, when it was received and answered, the decision, the grounds of a refusal
 * (the legal basis), and the documents the PPID released to everyone. Pages in pages.tsx
 * (`/permohonan/daftar/`, one page per registration year), open data here (`/data/permohonan.json`,
 * `/data/permohonan.csv`, described in the DCAT catalogue).
 *
 * Personal data (UU 27/2022): the log is built from `PublicRequestEntry`, a projection of the request
 * record made at the adapter's boundary (`publicLogEntry`), never from the record itself. The
 * requester's identity and contact are in another record and never reach the renderer; the fields of
 * the request that a requester or an officer writes freely and that may name a person (the purpose,
 * clarification questions and answers, notes, the extension's reasons, how it was delivered, staff
 * logins) are left out by construction. What the requester wrote as "the information requested" is
 * published as written, as the regulation's register does; the form says so next to the field.
 *
 * Documents: only those marked `public` in an answer, copied from the private document bucket to
 * `berkas/permohonan/<requestId>/<docId>/<fileName>` (the item documents' scheme, under a prefix of
 * its own).
 *
 * Deterministic: nothing here is stamped with the time of the build, so a rebuild writes the same bytes.
 */
import { dateInWords, localDate } from '../date-words.ts';
import { GROUND_TEXT, type Ground } from '../objections/grounds.ts';
import type { Objection, ObjectionState } from '../objections/model.ts';
import { publicObjectionEntry } from '../objections/public-entry.ts';
import type { Decision, Request } from '../requests/model.ts';
import { type Column, toCsv } from '../tabular/table.ts';
import { href, type Lang, type Model } from './model.ts';

export interface PublicRequestDocument {
  docId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** Its key in the private document bucket (for the copy; never rendered). */
  key: string;
  /** A blacked-out copy (granted in part). */
  redacted: boolean;
}

export interface PublicRequestPart {
  agencyId: string;
  decision: Decision;
  /** A refusal's grounds: the DIK entry and its legal basis (Pasal 17 letter or another law). */
  grounds: { dikNumber?: string; legalBasis: string }[];
  documents: PublicRequestDocument[];
}

/** One answered request as the public log shows it: nothing about the requester. */
export interface PublicRequestEntry {
  requestId: string;
  /** PMH/<year>/<nnnnn>. */
  number: string;
  /** The registration year (of the number). */
  year: number;
  information: string;
  /** The local date of receipt. */
  receivedOn: string;
  /** When the written notice was issued. */
  answeredAt: string;
  held: boolean;
  /** Not held: the body that may hold it (Pasal 22(7)(b)). */
  otherBody?: string;
  decision?: Decision;
  /** The deadline was extended (Pasal 22(8)). */
  extended: boolean;
  parts: PublicRequestPart[];
  /** Objections to the Atasan PPID on this request (`publicObjectionEntry`: no objector, no case text), oldest first; absent when none. */
  objections?: PublicObjectionEntry[];
}

/** What the log shows of an objection: its number, date, grounds (Pasal 35(1)), state and the Atasan PPID's decision. */
export type PublicObjectionEntry = ReturnType<typeof publicObjectionEntry>;

/**
 * The public projection of a request, or undefined while it has no written notice (not answered).
 * Field by field on purpose: a field added to the request record later stays out of the register
 * until someone decides it is public.
 */
export function publicLogEntry(r: Request): PublicRequestEntry | undefined {
  return publicLogEntryWith(r, []);
}

/** The same, with the objections filed on the request (those of other requests are left out). */
export function publicLogEntryWith(r: Request, objections: readonly Objection[]): PublicRequestEntry | undefined {
  if (!r.notice || !r.outcome) return undefined;
  const held = r.outcome.held;
  const mine = objections
    .filter((o) => o.requestId === r.requestId)
    .sort((a, b) => a.year - b.year || a.sequence - b.sequence)
    .map(publicObjectionEntry);
  return {
    requestId: r.requestId,
    number: r.number,
    year: r.year,
    information: r.content.information,
    receivedOn: r.receivedOn,
    answeredAt: r.notice.issuedAt,
    held,
    ...(!held && r.routing?.otherBody ? { otherBody: r.routing.otherBody } : {}),
    ...(r.outcome.decision ? { decision: r.outcome.decision } : {}),
    extended: !!r.extension,
    parts: held
      ? r.parts
          .filter((p) => p.answer)
          .map((p) => ({
            agencyId: p.agencyId,
            decision: p.answer!.decision,
            grounds:
              p.answer!.decision === 'granted'
                ? []
                : p.answer!.grounds.map((g) => ({ ...(g.dikNumber ? { dikNumber: g.dikNumber } : {}), legalBasis: g.legalBasis })),
            documents: p
              .answer!.documents.filter((d) => d.public)
              .map((d) => ({
                docId: d.docId,
                fileName: d.fileName,
                contentType: d.contentType,
                size: d.size,
                sha256: d.sha256,
                key: d.key,
                redacted: !!d.redaction,
              })),
          }))
      : [],
    ...(mine.length ? { objections: mine } : {}),
  };
}

// --- paths --------------------------------------------------------------------------------------------

export const REQUEST_EXPORT_PATHS = { json: 'data/permohonan.json', csv: 'data/permohonan.csv' } as const;

const seg = (s: string) => encodeURIComponent(s);
export const requestDocumentPath = (requestId: string, docId: string, fileName: string) => `berkas/permohonan/${requestId}/${docId}/${fileName}`;
export const requestDocumentHref = (requestId: string, docId: string, fileName: string) =>
  `/berkas/permohonan/${seg(requestId)}/${seg(docId)}/${seg(fileName)}`;

/** The public documents of these requests, to copy from the document bucket to the register. */
export const requestDocumentCopies = (entries: readonly PublicRequestEntry[]) =>
  entries.flatMap((e) => e.parts.flatMap((p) => p.documents.map((d) => ({ from: d.key, to: requestDocumentPath(e.requestId, d.docId, d.fileName) }))));

/** Newest answer first; the same instant by number, newest first. */
export function logOrder(a: PublicRequestEntry, b: PublicRequestEntry): number {
  return a.answeredAt < b.answeredAt ? 1 : a.answeredAt > b.answeredAt ? -1 : a.number < b.number ? 1 : a.number > b.number ? -1 : 0;
}

/** The local date an answer was given, in the body's time zone. */
export const answeredOn = (m: Model, e: PublicRequestEntry) => localDate(e.answeredAt, m.ppid?.timezone ?? 'Asia/Jakarta');

// --- words --------------------------------------------------------------------------------------------

export const DECISION_TEXT: Record<Lang, Record<Decision | 'not_held', string>> = {
  id: { granted: 'Dikabulkan', partial: 'Dikabulkan sebagian', refused: 'Ditolak', not_held: 'Informasi tidak dikuasai' },
  en: { granted: 'Granted', partial: 'Granted in part', refused: 'Refused', not_held: 'Information not held' },
};

const decisionOf = (e: PublicRequestEntry): Decision | 'not_held' => (e.held ? (e.decision ?? 'granted') : 'not_held');
export const decisionText = (e: PublicRequestEntry, lang: Lang) => DECISION_TEXT[lang][decisionOf(e)];

/** An objection's outcome in the log: waiting for the Atasan PPID, granted (and provided) or rejected. */
export const OBJECTION_STATE_TEXT: Record<Lang, Record<ObjectionState, string>> = {
  id: {
    registered: 'Menunggu tanggapan Atasan PPID',
    granted: 'Keberatan diterima oleh Atasan PPID',
    rejected: 'Keberatan ditolak oleh Atasan PPID',
    closed: 'Keberatan diterima; informasi telah diberikan',
  },
  en: {
    registered: 'Awaiting the Atasan PPID’s response',
    granted: 'Objection granted by the Atasan PPID',
    rejected: 'Objection rejected by the Atasan PPID',
    closed: 'Objection granted; the information has been provided',
  },
};

/** "c. Tidak ditanggapinya permintaan informasi" (Pasal 35(1) letter and its words). */
export const groundText = (g: Ground, lang: Lang) => `${g}. ${GROUND_TEXT[g][lang]}`;

/** An objection as one line of the log's CSV: "KBR/2026/0001 (2026-03-02): alasan c; Keberatan ditolak oleh Atasan PPID (2026-03-20)". */
export function objectionLine(m: Model, o: PublicObjectionEntry): string {
  const responded = o.respondedAt ? ` (${localDate(o.respondedAt, m.ppid?.timezone ?? 'Asia/Jakarta')})` : '';
  return `${o.number} (${o.receivedOn}): alasan ${o.grounds.join(', ')}; ${OBJECTION_STATE_TEXT.id[o.state]}${responded}`;
}

/** "DIK 2026/0003: Pasal 17 huruf h UU 14/2008", each ground of each refusing part once. */
export function groundsOf(e: PublicRequestEntry): string[] {
  const out = new Set<string>();
  for (const p of e.parts) for (const g of p.grounds) out.add(g.dikNumber ? `${g.dikNumber}: ${g.legalBasis}` : g.legalBasis);
  return [...out];
}

// --- exports ------------------------------------------------------------------------------------------

const url = (m: Model, path: string) => `${m.siteUrl}${path}`;

/**
 * `/data/permohonan.json`: one answered request per line, newest answer first. No build time: the
 * file changes only when the log does (`updatedAt` is the newest answer).
 */
export function requestsJson(m: Model): string {
  const rows = m.requests.map((e) =>
    JSON.stringify({
      number: e.number,
      year: e.year,
      information: e.information,
      receivedOn: e.receivedOn,
      answeredAt: e.answeredAt,
      answeredOn: answeredOn(m, e),
      held: e.held,
      ...(e.otherBody ? { otherBody: e.otherBody } : {}),
      decision: decisionOf(e),
      extended: e.extended,
      parts: e.parts.map((p) => ({
        agency: { id: p.agencyId, name: m.agency(p.agencyId).name },
        decision: p.decision,
        grounds: p.grounds,
        documents: p.documents.map((d) => ({
          fileName: d.fileName,
          contentType: d.contentType,
          size: d.size,
          sha256: d.sha256,
          redacted: d.redacted,
          url: url(m, requestDocumentHref(e.requestId, d.docId, d.fileName)),
        })),
      })),
      objections: (e.objections ?? []).map((o) => ({
        number: o.number,
        receivedOn: o.receivedOn,
        grounds: o.grounds,
        state: o.state,
        ...(o.decision ? { decision: o.decision, respondedAt: o.respondedAt, respondedOn: localDate(o.respondedAt!, m.ppid?.timezone ?? 'Asia/Jakarta') } : {}),
      })),
    }),
  );
  const head = JSON.stringify({
    publicBody: m.publicBody.name,
    updatedAt: m.requests[0]?.answeredAt ?? null,
    count: m.requests.length,
    decisions: ['granted', 'partial', 'refused', 'not_held'],
    objectionGrounds: 'UU 14/2008 Pasal 35 ayat (1) huruf a–g',
    objectionStates: ['registered', 'granted', 'rejected', 'closed'],
  });
  return `${head.slice(0, -1)},"requests":[${rows.length ? `\n${rows.join(',\n')}\n` : ''}]}\n`;
}

/** The columns of `/data/permohonan.csv` (Indonesian headers, as the DIP's). */
export function requestColumns(m: Model): Column<PublicRequestEntry>[] {
  return [
    { key: 'number', header: { id: 'Nomor pendaftaran', en: 'Registration number' }, value: (e) => e.number, kind: 'text' },
    { key: 'information', header: { id: 'Informasi yang diminta', en: 'Information requested' }, value: (e) => e.information, kind: 'text' },
    {
      key: 'agencies',
      header: { id: 'SKPD', en: 'Agency' },
      value: (e) => e.parts.map((p) => m.agency(p.agencyId).name).join('\n'),
      kind: 'text',
    },
    { key: 'receivedOn', header: { id: 'Tanggal diterima', en: 'Received' }, value: (e) => e.receivedOn, kind: 'text' },
    { key: 'answeredOn', header: { id: 'Tanggal dijawab', en: 'Answered' }, value: (e) => answeredOn(m, e), kind: 'text' },
    { key: 'decision', header: { id: 'Keputusan', en: 'Decision' }, value: (e) => decisionText(e, 'id'), kind: 'text' },
    { key: 'otherBody', header: { id: 'Badan publik yang menguasai', en: 'Body holding it' }, value: (e) => e.otherBody, kind: 'text' },
    {
      key: 'grounds',
      header: { id: 'Alasan penolakan (dasar hukum)', en: 'Grounds of refusal (legal basis)' },
      value: (e) => groundsOf(e).join('\n'),
      kind: 'text',
    },
    { key: 'extended', header: { id: 'Diperpanjang', en: 'Extended' }, value: (e) => (e.extended ? 'Ya' : 'Tidak'), kind: 'text' },
    {
      key: 'documents',
      header: { id: 'Dokumen', en: 'Documents' },
      value: (e) => e.parts.flatMap((p) => p.documents.map((d) => url(m, requestDocumentHref(e.requestId, d.docId, d.fileName)))).join('\n'),
      kind: 'text',
    },
    {
      key: 'objections',
      header: { id: 'Keberatan', en: 'Objections' },
      value: (e) => (e.objections ?? []).map((o) => objectionLine(m, o)).join('\n'),
      kind: 'text',
    },
  ];
}

/** `/data/permohonan.csv`: the shared table writer (RFC 4180, BOM, formulas neutralised). */
export const requestsCsv = (m: Model): string => toCsv(requestColumns(m), m.requests, 'id');

/** The log's page of one registration year, and its index. */
export const requestLogPath = (year?: number) => (year === undefined ? 'permohonan/daftar/index.html' : `permohonan/daftar/${year}/index.html`);
export const requestLogHref = (lang: Lang, year?: number) => href(requestLogPath(year), lang);
/** "12 Januari 2026" for a local date. */
export const dayText = (isoDate: string, lang: Lang) => dateInWords(isoDate, lang, false);
