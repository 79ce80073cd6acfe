// Tests only: writes ZIP archives byte by byte, so that a test can build a
// decompression bomb at run time (and make its declared sizes lie), instead
// of committing one.
import { once } from "node:events";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  /** The entry's bytes as stored in the archive (already deflated when `deflated`). */
  stored: Buffer;
  deflated: boolean;
  /** The uncompressed size the archive declares, true or not. */
  declaredSize: number;
  crc: number;
}

/** An entry holding `content`, deflated, with its true size and CRC. */
export function deflatedEntry(name: string, content: Buffer): ZipEntry {
  return { name, stored: deflateRawSync(content), deflated: true, declaredSize: content.length, crc: crc32(content) };
}

/** An entry of `size` zero bytes, deflated as a stream (never the whole content in memory): 1 GiB is 1 MB deflated. */
export async function zerosEntry(name: string, size: number): Promise<ZipEntry> {
  const chunk = Buffer.alloc(1024 * 1024);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (c: Buffer) => out.push(c));
  let crc = 0;
  for (let sent = 0; sent < size; sent += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - sent));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await once(deflate, "drain");
  }
  deflate.end();
  await once(deflate, "end");
  return { name, stored: Buffer.concat(out), deflated: true, declaredSize: size, crc };
}

/** A ZIP archive of `entries` (no data descriptors, no ZIP64: entries under 4 GiB). */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.stored.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflated ? 8 : 0, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.stored.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.stored);
    centrals.push(central, name);
    offset += local.length + name.length + e.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
