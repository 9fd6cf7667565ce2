/**
 * A minimal ZIP writer for the XLSX container: deflated entries (node:zlib), CRC-32 from node:zlib,
 * local headers, central directory and end record; no ZIP64, so at most 65,535 entries and 4 GiB.
 * Every entry gets the same timestamp (1980-01-01), so the same content gives the same bytes.
 */
import { crc32, deflateRawSync } from 'node:zlib';

/** DOS date: years since 1980 in bits 9-15, month in 5-8, day in 0-4. */
const DOS_DATE_1980_01_01 = (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;

export function zip(files: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const f of files) {
    const name = new TextEncoder().encode(f.name);
    const packed = deflateRawSync(f.data);
    if (offset + packed.length > 0xffff_ffff || f.data.length > 0xffff_ffff) throw new RangeError('ZIP too large (no ZIP64)');
    // Fields shared by the local header (from offset 4) and the central record (from offset 6).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0); // version needed: 2.0 (deflate)
    common.writeUInt16LE(UTF8_NAMES, 2);
    common.writeUInt16LE(8, 4); // deflate
    common.writeUInt16LE(0, 6); // time 00:00
    common.writeUInt16LE(DOS_DATE_1980_01_01, 8);
    common.writeUInt32LE(crc32(f.data), 10);
    common.writeUInt32LE(packed.length, 14);
    common.writeUInt32LE(f.data.length, 18);
    common.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(4);
    local.writeUInt32LE(0x04034b50, 0);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: 2.0
    common.copy(record, 6);
    record.writeUInt32LE(offset, 42);
    parts.push(local, common, name, packed);
    central.push(record, name);
    offset += 30 + name.length + packed.length;
  }
  if (files.length > 0xffff) throw new RangeError('ZIP has too many entries (no ZIP64)');
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}
