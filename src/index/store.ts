import { SynchronousInMemoryDocstore } from '@langchain/community/stores/doc/in_memory';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { Embeddings } from '@langchain/core/embeddings';
import hnswlib from 'hnswlib-node';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Corpus } from '../corpus/load.js';
import { FootnoteError } from '../errors.js';
import { chunkDocument, DEFAULT_CHUNKER, type Chunk, type ChunkerSettings } from '../ingest/chunk.js';
import { readDocstore, writeDocstore } from './docstore.js';
import { sha256File } from './files.js';
import { preparePassageTerms, readPassageTerms, writePassageTerms, type PassageTerms } from './passage-terms.js';
import { PHRASAL_DIGEST } from './phrasal.js';
import { TOKENIZER_RULES } from './tokenize.js';

/** What made the passages' terms: the tokenizer's rules and the phrasal list (a change to either rebuilds). */
export const TOKENIZER = `${TOKENIZER_RULES}.${PHRASAL_DIGEST}`;

/** 2: the passages' terms are persisted (terms.bin) and docstore.json is written a line per passage. */
export const INDEX_FORMAT = 2;
const INDEX_FILES = ['hnswlib.index', 'docstore.json', 'args.json', 'terms.bin'];

export interface Manifest {
  format: number;
  corpusHash: string;
  chunker: ChunkerSettings;
  /** the tokenizer the passages' terms were made with: TOKENIZER_RULES and the phrasal list's digest */
  tokenizer?: number | string;
  embedder: Record<string, string | number>;
  documents: number;
  chunks: number;
  dimensions: number;
  /** sha256 of each index file: a truncated or corrupt file is caught before it is served */
  files: Record<string, string>;
  builtAt: string;
}

export interface VectorIndex {
  store: HNSWLib;
  chunks: Chunk[];
  /** the passages tokenised for retrieval, in the order of `chunks` */
  terms: PassageTerms;
  manifest: Manifest;
}

export type IndexProgress = (done: number, total: number) => void;

export interface OpenIndexOptions {
  corpus: Corpus;
  dataDir: string;
  embeddings: Embeddings;
  embedder: Record<string, string | number>;
  chunker?: ChunkerSettings;
  force?: boolean;
  onProgress?: IndexProgress;
  /** embed this many passages per call */
  batchSize?: number;
}

export interface OpenedIndex extends VectorIndex {
  built: boolean;
  /** why it was (re)built, when it was */
  reason?: string;
  seconds: number;
}

/** Load the persisted index when it matches the corpus and settings; otherwise build it (atomically). */
export async function openIndex(options: OpenIndexOptions): Promise<OpenedIndex> {
  const started = performance.now();
  const dir = join(options.dataDir, 'index');
  const chunker = options.chunker ?? DEFAULT_CHUNKER;
  const expected = { format: INDEX_FORMAT, corpusHash: options.corpus.hash, chunker, tokenizer: TOKENIZER, embedder: options.embedder };
  let reason = options.force ? 'rebuild requested' : undefined;
  if (!reason) {
    const check = checkIndex(dir, expected);
    if (check.ok) {
      try {
        const store = await vectorStoreFiles.load(dir, options.embeddings);
        tuneSearch(store);
        const chunks = chunksOf(store);
        const terms = readPassageTerms(join(dir, 'terms.bin'));
        if (chunks.length === check.manifest.chunks && terms.passages === chunks.length) {
          return { store, chunks, terms, manifest: check.manifest, built: false, seconds: (performance.now() - started) / 1000 };
        }
        reason = 'the index does not hold the passages its manifest lists';
      } catch (error) {
        reason = `the index could not be read (${(error as Error).message})`;
      }
    } else {
      reason = check.reason;
    }
  }
  const built = await buildIndex({ ...options, chunker, dir });
  return { ...built, built: true, reason, seconds: (performance.now() - started) / 1000 };
}

function checkIndex(dir: string, expected: Pick<Manifest, 'format' | 'corpusHash' | 'chunker' | 'tokenizer' | 'embedder'>): { ok: true; manifest: Manifest } | { ok: false; reason: string } {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return { ok: false, reason: existsSync(dir) ? 'the index is incomplete (no manifest)' : 'no index yet' };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  } catch {
    return { ok: false, reason: 'the index manifest is corrupt' };
  }
  if (manifest.format !== expected.format) return { ok: false, reason: 'the index format changed' };
  if (manifest.corpusHash !== expected.corpusHash) return { ok: false, reason: 'the corpus changed' };
  if (JSON.stringify(manifest.chunker) !== JSON.stringify(expected.chunker)) return { ok: false, reason: 'the chunker settings changed' };
  if ((manifest.tokenizer ?? 1) !== expected.tokenizer) return { ok: false, reason: 'the tokenizer changed' };
  if (JSON.stringify(manifest.embedder) !== JSON.stringify(expected.embedder)) return { ok: false, reason: 'the embedder settings changed' };
  for (const file of INDEX_FILES) {
    const path = join(dir, file);
    if (!existsSync(path)) return { ok: false, reason: `the index is incomplete (${file} is missing)` };
    if (sha256File(path) !== manifest.files?.[file]) return { ok: false, reason: `the index is corrupt (${file} does not match its checksum)` };
  }
  return { ok: true, manifest };
}

async function buildIndex(options: OpenIndexOptions & { chunker: ChunkerSettings; dir: string }): Promise<VectorIndex> {
  const { corpus } = options;
  const chunks = corpus.documents.flatMap((doc) => chunkDocument(doc, options.chunker));
  if (chunks.length === 0) throw new FootnoteError('CORPUS_EMPTY', 'The corpus has no passages to index (every document is empty or only headings).');
  const store = await embedPassages(chunks, options);
  // Once the vectors are garbage: tokenising while they are held would raise the build's peak memory.
  const terms = preparePassageTerms(chunks);

  // Write aside, then swap in: a reader never sees a half-written index.
  mkdirSync(options.dataDir, { recursive: true });
  const temp = join(options.dataDir, `index.building-${process.pid}-${Date.now()}`);
  await vectorStoreFiles.save(store, temp);
  writePassageTerms(join(temp, 'terms.bin'), terms);
  const manifest: Manifest = {
    format: INDEX_FORMAT,
    corpusHash: corpus.hash,
    chunker: options.chunker,
    tokenizer: TOKENIZER,
    embedder: options.embedder,
    documents: corpus.documents.length,
    chunks: chunks.length,
    dimensions: store.args.numDimensions!,
    files: Object.fromEntries(INDEX_FILES.map((f) => [f, sha256File(join(temp, f))])),
    builtAt: new Date().toISOString(),
  };
  writeFileSync(join(temp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const old = join(options.dataDir, `index.old-${process.pid}-${Date.now()}`);
  if (existsSync(options.dir)) renameSync(options.dir, old);
  renameSync(temp, options.dir);
  rmSync(old, { recursive: true, force: true });
  removeAbandonedBuilds(options.dataDir);
  return { store, chunks, terms, manifest };
}

/** Embed the passages and insert them into a new vector store, labelled by their position. */
async function embedPassages(chunks: Chunk[], options: OpenIndexOptions): Promise<HNSWLib> {
  const { corpus, embeddings, onProgress } = options;
  const titles = new Map(corpus.documents.map((d) => [d.id, d.meta.title]));
  const batchSize = options.batchSize ?? 256;
  const vectors: number[][] = [];
  onProgress?.(0, chunks.length);
  for (let i = 0; i < chunks.length; i += batchSize) {
    const batch = chunks.slice(i, i + batchSize);
    try {
      vectors.push(...(await embeddings.embedDocuments(batch.map((c) => embeddingText(c, titles.get(c.docId) ?? '')))));
    } catch (error) {
      // The first line: LangChain appends a troubleshooting link after a blank line.
      throw new FootnoteError('INDEX_FAILED', `Embedding the corpus failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`, { cause: error });
    }
    onProgress?.(Math.min(i + batchSize, chunks.length), chunks.length);
  }
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: vectors[0].length });
  await store.addVectors(vectors, chunks.map((chunk) => new Document({ pageContent: chunk.text, metadata: { ...chunk, text: undefined } })));
  tuneSearch(store);
  return store;
}

/** Folders left by builds whose process died (killed mid-build or between the renames). */
function removeAbandonedBuilds(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    const m = /^index\.(?:building|old)-(\d+)-\d+$/.exec(name);
    if (m && !processAlive(Number(m[1]))) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * HNSW search breadth. LangChain leaves hnswlib at ef 10 and ef is not saved with the index;
 * at 180k passages that found 31% of the true top 10 (docs/performance.md). 400 costs well under a
 * millisecond per search.
 */
export const SEARCH_EF = 400;

function tuneSearch(store: HNSWLib): void {
  (store.index as unknown as { setEf(ef: number): void }).setEf(SEARCH_EF);
}

/** What is embedded for a passage: its text with the section and title it stands under. */
export function embeddingText(chunk: Chunk, title: string): string {
  return [title, chunk.section, chunk.text].filter(Boolean).join('\n');
}

/**
 * `HNSWLib.save` with the docstore written a line per passage (`HNSWLib.save` writes it as one
 * string, which caps the corpus at ~850k passages): the same three files.
 */
async function saveStore(store: HNSWLib, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await store.index.writeIndex(join(dir, 'hnswlib.index'));
  writeFileSync(join(dir, 'args.json'), JSON.stringify(store.args));
  writeDocstore(join(dir, 'docstore.json'), store.docstore._docs);
}

/** `HNSWLib.load`, reading the docstore a line at a time. */
async function loadStore(dir: string, embeddings: Embeddings): Promise<HNSWLib> {
  const args = JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8')) as HNSWLib['args'];
  if (args.numDimensions === undefined) throw new Error('args.json has no numDimensions');
  const index = new hnswlib.HierarchicalNSW(args.space, args.numDimensions);
  await index.readIndex(join(dir, 'hnswlib.index'));
  const docstore = new SynchronousInMemoryDocstore(readDocstore(join(dir, 'docstore.json')));
  return new HNSWLib(embeddings, { ...args, index, docstore });
}

/** Saving and loading the vector store, in one object so the benchmark can time them. */
export const vectorStoreFiles = { save: saveStore, load: loadStore };

function chunksOf(store: HNSWLib): Chunk[] {
  return [...store.docstore._docs.values()].map((doc) => ({ ...(doc.metadata as Omit<Chunk, 'text'>), text: doc.pageContent }));
}
