/**
 * A small, real one-page PDF for a demo item's document (PDF 1.4, Helvetica, A4, a correct
 * cross-reference table), so a newcomer can download a file that any viewer opens. The same text
 * gives the same bytes.
 */

/** Text for a PDF string in Helvetica's WinAnsi encoding: ASCII only, with its delimiters escaped. */
const pdfText = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/[\\()]/g, (c) => `\\${c}`);

/** Words wrapped to lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export function demoPdf(doc: { title: string; paragraphs: string[]; footer: string }): Buffer {
  const ops: string[] = ['BT', '/F2 16 Tf', '56 780 Td', '20 TL'];
  for (const l of wrap(doc.title, 55)) ops.push(`(${pdfText(l)}) Tj T*`);
  ops.push('/F1 11 Tf', '15 TL', 'T*');
  for (const p of doc.paragraphs) {
    for (const l of wrap(p, 85)) ops.push(`(${pdfText(l)}) Tj T*`);
    ops.push('T*');
  }
  ops.push('/F1 9 Tf', `(${pdfText(doc.footer)}) Tj`, 'ET');
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${pdfText(doc.title)}) /Producer (SIP PPID demo data) >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
