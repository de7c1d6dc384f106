import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { writePieces } from './files.js';

/**
 * A compact file of integer arrays and string lists, read back in the order they were written.
 * Layout: a magic string, a byte-order mark, then each section as a u32 count and its payload,
 * padded to 4 bytes. Anything that does not fit (truncated, another byte order, trailing bytes)
 * throws, so the caller can rebuild.
 */

const BYTE_ORDER = 0x01020304;

export class BinaryWriter {
  private readonly parts: Uint8Array[] = [];

  constructor(magic: string) {
    const bytes = Buffer.alloc(padded(magic.length));
    bytes.write(magic, 'latin1');
    this.parts.push(bytes);
    this.u32([BYTE_ORDER]);
  }

  u32(values: Uint32Array | number[]): this {
    const array = values instanceof Uint32Array ? values : Uint32Array.from(values);
    this.parts.push(Buffer.from(Uint32Array.of(array.length).buffer), Buffer.from(array.buffer, array.byteOffset, array.byteLength));
    return this;
  }

  /** Strings as their UTF-8 byte lengths, then the bytes. */
  strings(values: string[]): this {
    const lengths = Uint32Array.from(values, (s) => Buffer.byteLength(s, 'utf8'));
    this.u32(lengths);
    const bytes = Buffer.alloc(padded(lengths.reduce((a, b) => a + b, 0)));
    let at = 0;
    for (const s of values) at += bytes.write(s, at, 'utf8');
    this.parts.push(bytes);
    return this;
  }

  writeTo(path: string): void {
    writePieces(path, this.parts);
  }
}

/** Reads a file section by section, straight into typed arrays (the file is never held whole). */
export class BinaryReader {
  private at = 0;
  private readonly size: number;

  private constructor(private readonly fd: number, magic: string) {
    this.size = fstatSync(fd).size;
    const expected = Buffer.from(magic, 'latin1');
    if (!this.take(Buffer.alloc(padded(expected.length))).subarray(0, expected.length).equals(expected)) throw new Error(`not a ${magic} file`);
    if (this.u32()[0] !== BYTE_ORDER) throw new Error('written with another byte order');
  }

  /** Open the file, read it with `read`, and check that every byte was read. */
  static read<T>(path: string, magic: string, read: (reader: BinaryReader) => T): T {
    const fd = openSync(path, 'r');
    try {
      const reader = new BinaryReader(fd, magic);
      const out = read(reader);
      if (reader.at !== reader.size) throw new Error(`${reader.size - reader.at} unexpected bytes at the end`);
      return out;
    } finally {
      closeSync(fd);
    }
  }

  u32(): Uint32Array {
    const [count] = this.take(new Uint32Array(1));
    return this.take(new Uint32Array(count));
  }

  strings(): string[] {
    const lengths = this.u32();
    let total = 0;
    for (const n of lengths) total += n;
    const bytes = this.take(Buffer.allocUnsafe(padded(total)));
    const out = new Array<string>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) out[i] = bytes.toString('utf8', at, (at += lengths[i]));
    return out;
  }

  /** Fill `into` with the next bytes of the file. */
  private take<T extends Uint8Array | Uint32Array>(into: T): T {
    if (this.at + into.byteLength > this.size) throw new Error('the file is truncated');
    const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
    for (let done = 0; done < bytes.length; ) done += readSync(this.fd, bytes, done, Math.min(bytes.length - done, 1 << 30), this.at + done);
    this.at += into.byteLength;
    return into;
  }
}

function padded(bytes: number): number {
  return Math.ceil(bytes / 4) * 4;
}
