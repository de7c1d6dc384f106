import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAGIC = 'FNWV1';

/** The table shipped in src/index/vectors/, derived by scripts/build-word-vectors.ts. */
export const DEFAULT_WORD_VECTORS = fileURLToPath(new URL('./vectors/wink-sg100d.bin', import.meta.url));

/**
 * Binary layout: magic, uint32 count, uint32 dims, uint32 wordBytes, the words joined
 * by "\n" (utf8), padding to 4 bytes, float32 scale per word, int8 components.
 * Vectors are unit length before quantisation, so a dot product is a cosine.
 */
export function encodeWordVectors(words: string[], vectors: Float32Array[], dims: number): Buffer {
  const wordBytes = Buffer.from(words.join('\n'), 'utf8');
  const headerLength = MAGIC.length + 12;
  const wordsEnd = headerLength + wordBytes.length;
  const scalesStart = Math.ceil(wordsEnd / 4) * 4;
  const out = Buffer.alloc(scalesStart + words.length * 4 + words.length * dims);
  out.write(MAGIC, 0, 'ascii');
  out.writeUInt32LE(words.length, MAGIC.length);
  out.writeUInt32LE(dims, MAGIC.length + 4);
  out.writeUInt32LE(wordBytes.length, MAGIC.length + 8);
  wordBytes.copy(out, headerLength);
  const componentsStart = scalesStart + words.length * 4;
  vectors.forEach((vector, i) => {
    let norm = 0;
    for (const x of vector) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    let max = 0;
    for (const x of vector) max = Math.max(max, Math.abs(x / norm));
    const scale = max / 127 || 1;
    out.writeFloatLE(scale, scalesStart + i * 4);
    for (let d = 0; d < dims; d++) out.writeInt8(Math.round(vector[d] / norm / scale), componentsStart + i * dims + d);
  });
  return out;
}

/** Word vectors looked up by lower-case word; unknown words have none. */
export class WordVectors {
  readonly dims: number;
  readonly size: number;
  private readonly index = new Map<string, number>();
  private readonly data: Float32Array;

  constructor(bytes: Buffer) {
    if (bytes.toString('ascii', 0, MAGIC.length) !== MAGIC) throw new Error('not a Footnote word-vector table');
    const count = bytes.readUInt32LE(MAGIC.length);
    this.dims = bytes.readUInt32LE(MAGIC.length + 4);
    const wordBytes = bytes.readUInt32LE(MAGIC.length + 8);
    const headerLength = MAGIC.length + 12;
    const words = bytes.toString('utf8', headerLength, headerLength + wordBytes).split('\n');
    const scalesStart = Math.ceil((headerLength + wordBytes) / 4) * 4;
    const componentsStart = scalesStart + count * 4;
    const expected = componentsStart + count * this.dims;
    if (words.length !== count || bytes.length !== expected) throw new Error('word-vector table is truncated or corrupt');
    this.size = count;
    this.data = new Float32Array(count * this.dims);
    const components = new Int8Array(bytes.buffer, bytes.byteOffset + componentsStart, count * this.dims);
    for (let i = 0; i < count; i++) {
      const scale = bytes.readFloatLE(scalesStart + i * 4);
      for (let d = 0; d < this.dims; d++) this.data[i * this.dims + d] = components[i * this.dims + d] * scale;
      this.index.set(words[i], i);
    }
  }

  static load(path: string = DEFAULT_WORD_VECTORS): WordVectors {
    return new WordVectors(readFileSync(path));
  }

  /** Frequency rank of the word in the source corpus (0 = most frequent), or undefined. */
  rank(word: string): number | undefined {
    return this.index.get(word);
  }

  /** Every word of the table, most frequent first. */
  words(): IterableIterator<string> {
    return this.index.keys();
  }

  vector(word: string): Float32Array | undefined {
    const i = this.index.get(word);
    return i === undefined ? undefined : this.data.subarray(i * this.dims, (i + 1) * this.dims);
  }

  similarity(a: string, b: string): number | undefined {
    const va = this.vector(a);
    const vb = this.vector(b);
    return va && vb ? dot(va, vb) : undefined;
  }
}

export function dot(a: Float32Array | number[], b: Float32Array | number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
