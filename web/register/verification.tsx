/** @jsxImportSource preact */
/**
 * The verification page of an issued document (`/verifikasi/<code>`, `/en/verifikasi/<code>`): what
 * the QR code on a print-out opens. It shows what the document shows on its face (number, type,
 * date, issuing unit, signatory) and the SHA-256 of the signed file, and says plainly when the
 * document was withdrawn or replaced. Nothing else of the document, and never its content.
 */
import { renderToString } from 'preact-render-to-string';
import { DOCUMENT_TYPE_TEXT, type VerificationRecord, verificationPath } from '../../functions/core/official-documents/verification.ts';
import { href, type Lang, type Model } from '../../functions/core/register/model.ts';
import { clip } from './describe.ts';
import { dict } from './i18n.ts';
import { Layout } from './layout.tsx';

const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A calendar date as written on the document (no time zone: it is the document's own date). */
function longDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[lang][Number(m[2]) - 1]} ${m[1]}`;
}

const T = {
  id: {
    title: 'Verifikasi dokumen',
    lead: 'Halaman ini memastikan keaslian dokumen resmi yang diterbitkan dan ditandatangani secara elektronik melalui SIP PPID.',
    valid: 'Dokumen ini terdaftar dan berlaku.',
    withdrawn: 'Dokumen ini telah DICABUT dan tidak berlaku lagi.',
    replaced: 'Dokumen ini telah DIGANTI dengan dokumen lain dan tidak berlaku lagi.',
    replacedBy: 'Dokumen pengganti',
    since: 'sejak',
    reason: 'Keterangan',
    number: 'Nomor',
    type: 'Jenis dokumen',
    date: 'Tanggal',
    unit: 'Unit penerbit',
    body: 'Badan publik',
    signatory: 'Penanda tangan',
    sha: 'SHA-256 berkas',
    size: 'Ukuran berkas',
    bytes: 'byte',
    code: 'Kode verifikasi',
    how: 'Cara memeriksa berkas: hitung SHA-256 berkas PDF yang Anda terima (misalnya `sha256sum berkas.pdf` atau `certutil -hashfile berkas.pdf SHA256`) dan bandingkan dengan nilai di atas. Nilai yang berbeda berarti berkas telah diubah. Tanda tangan elektronik di dalam berkas dapat diperiksa dengan pembaca PDF.',
    status: 'Status',
  },
  en: {
    title: 'Document verification',
    lead: 'This page confirms an official document issued and electronically signed through SIP PPID.',
    valid: 'This document is registered and in force.',
    withdrawn: 'This document has been WITHDRAWN and is no longer in force.',
    replaced: 'This document has been REPLACED by another document and is no longer in force.',
    replacedBy: 'Replacement document',
    since: 'since',
    reason: 'Note',
    number: 'Number',
    type: 'Document type',
    date: 'Date',
    unit: 'Issuing unit',
    body: 'Public body',
    signatory: 'Signed by',
    sha: 'SHA-256 of the file',
    size: 'File size',
    bytes: 'bytes',
    code: 'Verification code',
    how: 'To check a file: compute the SHA-256 of the PDF you received (e.g. `sha256sum file.pdf` or `certutil -hashfile file.pdf SHA256`) and compare it with the value above. A different value means the file was changed. The electronic signature inside the file can be checked in a PDF reader.',
    status: 'Status',
  },
} as const;

export function VerificationPage({ m, lang, r }: { m: Model; lang: Lang; r: VerificationRecord }) {
  const t = T[lang];
  const status = r.status === 'valid' ? t.valid : r.status === 'withdrawn' ? t.withdrawn : t.replaced;
  return (
    <Layout
      m={m}
      lang={lang}
      path={verificationPath(r.code)}
      title={`${t.title} ${r.number}`}
      description={clip(`${t.title} ${r.number}: ${status}. ${t.lead}`)}
      crumbs={[{ label: dict(lang).home, path: 'index.html' }, { label: t.title }]}
    >
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <p class={`verification-status ${r.status}`} data-status={r.status}>
        <strong>{status}</strong>
        {r.status !== 'valid' && r.statusAt ? ` (${t.since} ${longDate(r.statusAt, lang)})` : ''}
      </p>
      <dl class="verification">
        <dt>{t.number}</dt>
        <dd data-field="number">{r.number}</dd>
        <dt>{t.type}</dt>
        <dd data-field="type">{DOCUMENT_TYPE_TEXT[r.type][lang]}</dd>
        <dt>{t.date}</dt>
        <dd data-field="date">{longDate(r.date, lang)}</dd>
        <dt>{t.unit}</dt>
        <dd data-field="unit">{r.unit.name}</dd>
        <dt>{t.body}</dt>
        <dd>{r.bodyName}</dd>
        <dt>{t.signatory}</dt>
        <dd data-field="signatory">
          {r.signatory.name}, {r.signatory.position}
        </dd>
        <dt>{t.sha}</dt>
        <dd>
          <code data-field="sha256">{r.sha256}</code>
        </dd>
        <dt>{t.size}</dt>
        <dd>
          {r.size.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')} {t.bytes}
        </dd>
        <dt>{t.code}</dt>
        <dd>
          <code>{r.code}</code>
        </dd>
        {r.replacedBy ? (
          <>
            <dt>{t.replacedBy}</dt>
            <dd>
              <a href={href(verificationPath(r.replacedBy), lang)}>{r.replacedBy}</a>
            </dd>
          </>
        ) : null}
        {r.statusReason ? (
          <>
            <dt>{t.reason}</dt>
            <dd>{r.statusReason[lang]}</dd>
          </>
        ) : null}
      </dl>
      <p class="hint">{t.how}</p>
    </Layout>
  );
}

export const renderVerificationPage = (m: Model, r: VerificationRecord, lang: Lang) =>
  `<!doctype html>\n${renderToString(<VerificationPage m={m} lang={lang} r={r} />)}`;
