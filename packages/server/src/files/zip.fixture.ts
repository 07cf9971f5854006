import { crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

/**
 * ZIP packages written byte by byte, for tests: entries given already deflated, so that a package can hold
 * entries of hundreds of megabytes (a "zip bomb") in a few hundred kilobytes, with honest sizes in its headers.
 */
export interface RawEntry {
  name: string;
  /** The entry's bytes deflated (method 8). */
  deflated: Uint8Array;
  size: number;
  crc: number;
}

export function deflatedEntry(name: string, content: Uint8Array): RawEntry {
  return { name, deflated: deflateRawSync(content), size: content.length, crc: crc32(content) };
}

export function zipOf(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.deflated));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.deflated.length, 20);
    c.writeUInt32LE(e.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** A .docx whose four parts each inflate to `megabytes` of zeros (a 2 MB file for 4 × 500 MB). */
export function docxBomb(megabytes = 500): Buffer {
  const zeros = Buffer.alloc(megabytes * 1024 * 1024);
  const one = deflatedEntry('word/document.xml', zeros);
  const names = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'word/settings.xml'];
  return zipOf(names.map((name) => ({ ...one, name })));
}

/** An .xlsx (as Quychế exports it) whose first sheet carries `bytes` of whitespace before its rows. */
export function whitespaceSheet(xlsx: Uint8Array, bytes = 20_000_000): Buffer {
  const files = unzipSync(xlsx);
  return zipOf(
    Object.entries(files).map(([name, content]) => {
      if (name !== 'xl/worksheets/sheet1.xml') return deflatedEntry(name, content);
      const xml = Buffer.from(content)
        .toString('utf8')
        .replace('<sheetData>', `<sheetData>${' '.repeat(bytes)}`);
      return deflatedEntry(name, Buffer.from(xml, 'utf8'));
    }),
  );
}
