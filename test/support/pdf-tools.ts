/**
 * Checks of issued PDFs with real tools (Debian: qpdf, poppler-utils) and an independent verifier
 * of the PAdES signature (node:crypto and node-forge's ASN.1 parser over the ByteRange), for tests.
 */
import { execFileSync } from 'node:child_process';
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import jsQRModule from 'jsqr';
import forge from 'node-forge';

type JsQr = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsqr is CommonJS with a `default` in its types only: take whichever the loader gives. */
const jsQR: JsQr = ((jsQRModule as unknown as { default?: JsQr }).default ?? jsQRModule) as unknown as JsQr;

function withFile<T>(bytes: Uint8Array, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'sip-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `qpdf --check`: its output, and whether it found no error (exit status 0, not 3 for warnings). */
export function qpdfCheck(bytes: Uint8Array): { ok: boolean; output: string } {
  return withFile(bytes, (file) => {
    try {
      return { ok: true, output: execFileSync('qpdf', ['--check', file], { encoding: 'utf8' }) };
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
    }
  });
}

/** `pdffonts`: one row per font with its embedded / subset / unicode columns. */
export function pdfFonts(bytes: Uint8Array): { name: string; type: string; embedded: boolean; unicode: boolean }[] {
  return withFile(bytes, (file) =>
    execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((line) => {
        const cols = line.trim().split(/\s+/);
        // name type… encoding emb sub uni objectId gen
        const [emb, , uni] = cols.slice(-5, -2);
        return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', unicode: uni === 'yes' };
      }),
  );
}

/** `pdfinfo` and `pdfinfo -meta` (the XMP packet). */
export function pdfInfo(bytes: Uint8Array): { info: Record<string, string>; xmp: string } {
  return withFile(bytes, (file) => {
    const info: Record<string, string> = {};
    for (const line of execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n')) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) info[m[1]!.trim()] = m[2]!.trim();
    }
    return { info, xmp: execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }) };
  });
}

export interface SignatureCheck {
  valid: boolean;
  reason?: string;
  subFilter?: string;
  signer?: string;
  coversWholeFile?: boolean;
}

/**
 * Verifies the (single) PDF signature independently of the signing code: the ByteRange covers the
 * file except the /Contents value; the CMS messageDigest equals SHA-256 of those bytes; the RSA
 * signature over the DER of the signed attributes verifies with the certificate in the CMS, and the
 * signing-certificate-v2 attribute names that certificate.
 */
export function verifyPdfSignature(bytes: Uint8Array): SignatureCheck {
  const pdf = Buffer.from(bytes);
  const text = pdf.toString('latin1');
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!m) return { valid: false, reason: 'no ByteRange' };
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  const coversWholeFile = a === 0 && c + d === pdf.length;
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text)?.[1];
  const contents = text.slice(a + b, c);
  if (!/^<[0-9a-fA-F]+>$/.test(contents)) return { valid: false, reason: 'no /Contents between the ranges' };
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const cmsDer = Buffer.from(contents.slice(1, -1), 'hex');
  try {
    const cms = forge.asn1.fromDer(forge.util.createBuffer(cmsDer.toString('binary')), { strict: false, parseAllBytes: false } as unknown as boolean);
    const sd = ((cms.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
    const certsNode = sd.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0)!;
    const certDer = Buffer.from(forge.asn1.toDer((certsNode.value as forge.asn1.Asn1[])[0]!).getBytes(), 'binary');
    const cert = new X509Certificate(certDer);
    const signerInfos = sd[sd.length - 1]!.value as forge.asn1.Asn1[];
    const si = signerInfos[0]!.value as forge.asn1.Asn1[];
    const attrsNode = si.find((n) => n.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && n.type === 0)!;
    const attrs = attrsNode.value as forge.asn1.Asn1[];
    const attr = (oid: string) =>
      attrs.find((x) => forge.asn1.derToOid((x.value as forge.asn1.Asn1[])[0]!.value as string) === oid)?.value as forge.asn1.Asn1[] | undefined;
    const digest = (attr('1.2.840.113549.1.9.4')![1]!.value as forge.asn1.Asn1[])[0]!.value as string;
    if (Buffer.from(digest, 'binary').compare(createHash('sha256').update(signed).digest()) !== 0)
      return { valid: false, reason: 'messageDigest differs from the SHA-256 of the signed bytes', subFilter, coversWholeFile };
    const essCert = attr('1.2.840.113549.1.9.16.2.47');
    if (!essCert) return { valid: false, reason: 'no signing-certificate-v2 attribute', subFilter, coversWholeFile };
    const certHash = (
      ((((essCert[1]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[0]!
        .value as string
    ).toString();
    if (Buffer.from(certHash, 'binary').compare(createHash('sha256').update(certDer).digest()) !== 0)
      return { valid: false, reason: 'signing-certificate-v2 names another certificate', subFilter, coversWholeFile };
    // The signature is over the signed attributes as a DER SET (tag 0x31), not their [0] IMPLICIT form.
    const attrsDer = Buffer.from(forge.asn1.toDer(attrsNode).getBytes(), 'binary');
    attrsDer[0] = 0x31;
    const signature = Buffer.from(si[si.length - 1]!.value as string, 'binary');
    const ok = cryptoVerify('sha256', attrsDer, cert.publicKey, signature);
    return { valid: ok && coversWholeFile, ...(ok ? {} : { reason: 'RSA signature does not verify' }), subFilter, signer: cert.subject, coversWholeFile };
  } catch (e) {
    return { valid: false, reason: `unparseable CMS: ${(e as Error).message}`, subFilter, coversWholeFile };
  }
}

/** Renders one page with pdftoppm (PPM) and decodes the QR code on it with jsQR. */
export function decodeQr(bytes: Uint8Array, page: number, dpi = 150): string | undefined {
  return withFile(bytes, (file, dir) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, join(dir, 'page')]);
    const ppm = readFileSync(join(dir, 'page.ppm'));
    // P6\n<w> <h>\n<max>\n<rgb bytes>
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('pdftoppm wrote no PPM');
    const [width, height] = [Number(header[1]), Number(header[2])];
    const rgb = ppm.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0, j = 0; i < width * height; i++, j += 3) {
      rgba[i * 4] = rgb[j]!;
      rgba[i * 4 + 1] = rgb[j + 1]!;
      rgba[i * 4 + 2] = rgb[j + 2]!;
      rgba[i * 4 + 3] = 255;
    }
    return jsQR(rgba, width, height)?.data;
  });
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A 16×16 PNG (a red square), built here so the test needs no image file. */
export function tinyPng(): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(16, 0);
  ihdr.writeUInt32BE(16, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.concat(
    Array.from({ length: 16 }, () => Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: 16 }, () => [200, 30, 30]).flat())])),
  );
  return new Uint8Array(
    Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
  );
}
