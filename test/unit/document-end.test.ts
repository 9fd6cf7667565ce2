/**
 * The end of an uploaded file (checkEnd): magic bytes are not enough. An HTML page that starts with
 * "%PDF-" is not a PDF, and an office file whose ZIP inflates to a gigabyte is a bomb.
 */
import { describe, expect, it } from 'vitest';
import { checkEnd, TAIL_BYTES } from '../../functions/core/documents.ts';
import { csvCell } from '../../functions/core/register/exports.ts';
import { zip } from '../support/zip.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const check = (kind: Parameters<typeof checkEnd>[0], bytes: Uint8Array) =>
  checkEnd(kind, bytes.subarray(0, 64 * 1024), bytes.subarray(Math.max(0, bytes.length - TAIL_BYTES)), bytes.length);

const docx = (extra: { name: string; data: Buffer; declaredSize?: number }[] = []) =>
  zip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
    { name: 'word/document.xml', data: Buffer.from(`<w:document>${'<w:p>Laporan</w:p>'.repeat(200)}</w:document>`) },
    ...extra,
  ]);

describe('PDF', () => {
  it('accepts a PDF that ends with its cross-reference and %%EOF', () => {
    expect(check('pdf', enc('%PDF-1.7\n1 0 obj <<>> endobj\nxref\n0 1\ntrailer <</Root 1 0 R>>\nstartxref\n9\n%%EOF\n'))).toEqual({ ok: true });
  });
  it('refuses an HTML page that begins with %PDF-', () => {
    const page = enc('%PDF-1.4\n<!doctype html><html><body><script>fetch("/api/me")</script></body></html>\n');
    expect(check('pdf', page)).toEqual({ ok: false, detected: 'pdf-broken' });
    // ... also when it was given a fake ending.
    expect(check('pdf', enc('%PDF-1.4\n<html><script>alert(1)</script></html>\ntrailer\n%%EOF\n'))).toEqual({ ok: false, detected: 'html' });
  });
  it('refuses a PDF cut off before its end', () => {
    expect(check('pdf', enc('%PDF-1.7\n1 0 obj <<>> endobj\nxref\n0 1\n'))).toEqual({ ok: false, detected: 'pdf-broken' });
  });
});

describe('office files (ZIP)', () => {
  it('accepts an ordinary DOCX', () => {
    expect(check('docx', docx())).toEqual({ ok: true });
  });
  it('refuses a DOCX that inflates to 1 GiB (its central directory says so) and one with an absurd ratio', () => {
    expect(check('docx', docx([{ name: 'word/media/big.bin', data: Buffer.alloc(1024), declaredSize: 1024 ** 3 }]))).toEqual({
      ok: false,
      detected: 'zip-bomb',
    });
    const zeros = Buffer.alloc(64 * 1024 * 1024);
    expect(check('docx', docx([{ name: 'word/media/zeros.bin', data: zeros }]))).toEqual({ ok: false, detected: 'zip-bomb' });
  });
  it('refuses a ZIP with no end record', () => {
    const whole = docx();
    expect(check('docx', whole.subarray(0, whole.length - 22))).toEqual({ ok: false, detected: 'zip-broken' });
  });
});

describe('CSV cells', () => {
  it('neutralises formula signs, full-width ones and ones after spaces', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '＝HYPERLINK("x")', '＋1', '－1', '＠x', ' =1', '\u3000＝1'])
      expect(csvCell(v).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('Laporan 2025')).toBe('Laporan 2025');
  });
});
