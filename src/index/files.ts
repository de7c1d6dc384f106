import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/**
 * Reading and writing index files a piece at a time. A file is never held in one string: V8 caps
 * a string at ~536M characters, which one JSON docstore reaches at ~850k passages.
 */

const CHUNK_BYTES = 1 << 20;

/** The file's bytes in successive pieces (each valid only until the next is taken: the buffer is reused). */
export function* readChunks(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** The file's lines (split at \n, which never occurs inside a UTF-8 multi-byte character), without the \n. */
export function* readLines(path: string): Generator<string> {
  let pending: Buffer[] = [];
  for (const chunk of readChunks(path)) {
    let from = 0;
    for (let nl; (nl = chunk.indexOf(10, from)) !== -1; from = nl + 1) {
      const piece = chunk.subarray(from, nl);
      if (pending.length) {
        pending.push(piece);
        yield Buffer.concat(pending).toString('utf8');
        pending = [];
      } else yield piece.toString('utf8');
    }
    if (from < chunk.length) pending.push(Buffer.from(chunk.subarray(from)));
  }
  if (pending.length) yield Buffer.concat(pending).toString('utf8');
}

/** Write strings and byte buffers to a new file in order, gathering small strings into ~1 MB writes. */
export function writePieces(path: string, pieces: Iterable<string | Uint8Array>): void {
  const fd = openSync(path, 'w');
  try {
    const writeAll = (bytes: Uint8Array) => {
      for (let at = 0; at < bytes.byteLength; ) at += writeSync(fd, bytes, at);
    };
    let text = '';
    const flush = () => {
      if (text) writeAll(Buffer.from(text, 'utf8'));
      text = '';
    };
    for (const piece of pieces) {
      if (typeof piece === 'string') {
        text += piece;
        if (text.length >= CHUNK_BYTES) flush();
      } else {
        flush();
        writeAll(piece);
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
}

export function sha256File(path: string): string {
  const hash = createHash('sha256');
  for (const chunk of readChunks(path)) hash.update(chunk);
  return hash.digest('hex');
}
