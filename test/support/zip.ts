/** ZIP files made by hand for the upload checks (office documents are ZIPs), and a reader for the ZIPs the code writes. */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** A ZIP with the given entries (deflated), local headers, central directory and end record. */
export function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * The entries of a ZIP, read by its central directory and checked: each entry's local header (its
 * CRC-32 too, unless a data descriptor follows), its CRC-32 and its size must match what the central directory says.
 */
export function unzip(bytes: Uint8Array): Map<string, Buffer> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end of central directory');
  const count = b.readUInt16LE(end + 10);
  const files = new Map<string, Buffer>();
  for (let at = b.readUInt32LE(end + 16), i = 0; i < count; i++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central record at ${at}`);
    const [method, crc, packedSize, size] = [b.readUInt16LE(at + 10), b.readUInt32LE(at + 16), b.readUInt32LE(at + 20), b.readUInt32LE(at + 24)];
    const [nameLength, extraLength, commentLength, local] = [
      b.readUInt16LE(at + 28),
      b.readUInt16LE(at + 30),
      b.readUInt16LE(at + 32),
      b.readUInt32LE(at + 42),
    ];
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    if (
      b.readUInt32LE(local) !== 0x04034b50 ||
      (!(b.readUInt16LE(local + 6) & 0x08) && b.readUInt32LE(local + 14) !== crc) ||
      b.toString('utf8', local + 30, local + 30 + b.readUInt16LE(local + 26)) !== name
    ) {
      throw new Error(`${name}: local header does not match`);
    }
    const dataAt = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const packed = b.subarray(dataAt, dataAt + packedSize);
    const data = method === 8 ? inflateRawSync(packed) : method === 0 ? Buffer.from(packed) : undefined;
    if (!data) throw new Error(`${name}: compression method ${method}`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`${name}: size or CRC-32 does not match`);
    files.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
