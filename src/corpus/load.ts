import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { FootnoteError } from '../errors.js';

export interface DocumentMeta {
  title: string;
  authors: string[];
  /** ISO date (YYYY-MM-DD) when known */
  date?: string;
  publication?: string;
  tags: string[];
  url?: string;
}

/** Where metadata came from, so metadata answers can quote it exactly. */
export interface MetaSource {
  /** path relative to the corpus folder */
  file: string;
  text: string;
}

export interface CorpusDocument {
  /** stable id: the file name without extension, slugged */
  id: string;
  /** path relative to the corpus folder */
  file: string;
  /** the file's text, byte for byte: every quote is a slice of it */
  source: string;
  format: 'txt' | 'md';
  meta: DocumentMeta;
  metaSource?: MetaSource;
  /** where the body starts (after Markdown front matter) */
  bodyStart: number;
}

export interface Corpus {
  dir: string;
  documents: CorpusDocument[];
  warnings: string[];
  /** sha256 over every file that shapes the index: ids, texts and metadata */
  hash: string;
}

const DOC_EXTENSIONS = new Set(['.txt', '.md']);

/** Strict UTF-8; a byte order mark is kept, so offsets count every character of the file as before. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Load every .txt/.md file of the corpus folder (recursively), with its metadata. */
export function loadCorpus(dir: string): Corpus {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const what = existsSync(dir) ? 'is a file, not a folder' : 'not found';
    throw new FootnoteError('CORPUS_MISSING', `Corpus folder ${what}: ${dir}. Set FOOTNOTE_CORPUS_DIR to a folder of .txt/.md files, or create it.`);
  }
  const warnings: string[] = [];
  const documents: CorpusDocument[] = [];
  const usedIds = new Set<string>();
  for (const path of listFiles(dir)) {
    const file = relative(dir, path);
    if (!DOC_EXTENSIONS.has(extname(path).toLowerCase())) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      warnings.push(`skipped ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      continue;
    }
    if (bytes.includes(0)) {
      warnings.push(`skipped ${file}: looks like a binary file, not text`);
      continue;
    }
    // Quotes must be exact slices of the file: text in another encoding would be quoted with replacement characters.
    let source: string;
    try {
      source = UTF8.decode(bytes);
    } catch {
      warnings.push(`skipped ${file}: not UTF-8 text (save it as UTF-8 to include it)`);
      continue;
    }
    if (source.includes('\u0000')) {
      warnings.push(`skipped ${file}: looks like a binary file, not text`);
      continue;
    }
    if (!source.trim()) {
      warnings.push(`skipped ${file}: the file is empty`);
      continue;
    }
    const format = extname(path).toLowerCase() === '.md' ? 'md' : 'txt';
    const { meta, metaSource, bodyStart, warning } = readMetadata(dir, path, file, source, format);
    if (warning) warnings.push(warning);
    let id = slug(basename(file, extname(file)));
    for (let n = 2; usedIds.has(id); n++) id = `${slug(basename(file, extname(file)))}-${n}`;
    usedIds.add(id);
    documents.push({ id, file, source, format, meta, metaSource, bodyStart });
  }
  if (documents.length === 0) {
    throw new FootnoteError('CORPUS_EMPTY', `No readable .txt or .md documents in ${dir}.`);
  }
  const hash = createHash('sha256');
  for (const doc of documents) {
    hash.update(doc.id).update('\0').update(doc.source).update('\0').update(JSON.stringify(doc.meta)).update('\0');
  }
  return { dir, documents, warnings, hash: hash.digest('hex') };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else out.push(path);
  }
  return out;
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'document';
}

function readMetadata(dir: string, path: string, file: string, source: string, format: 'txt' | 'md') {
  let raw: Record<string, unknown> = {};
  let metaSource: MetaSource | undefined;
  let bodyStart = 0;
  let warning: string | undefined;
  const sidecar = path.slice(0, -extname(path).length) + '.meta.json';
  if (existsSync(sidecar)) {
    const text = readFileSync(sidecar, 'utf8');
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
      metaSource = { file: relative(dir, sidecar), text };
    } catch {
      warning = `ignored ${relative(dir, sidecar)}: not valid JSON`;
    }
  } else if (format === 'md') {
    const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
    if (front) {
      raw = parseFrontMatter(front[1]);
      metaSource = { file, text: source };
      bodyStart = front[0].length;
    }
  }
  const meta: DocumentMeta = {
    title: str(raw.title) ?? firstHeading(source.slice(bodyStart)) ?? basename(file, extname(file)),
    authors: list(raw.authors ?? raw.author),
    date: str(raw.date),
    publication: str(raw.publication ?? raw.source),
    tags: list(raw.tags),
    url: str(raw.url),
  };
  return { meta, metaSource, bodyStart, warning };
}

/** The small YAML subset front matter uses in practice: `key: value` and `key: [a, b]` or `- item` lists. */
export function parseFrontMatter(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let listKey: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const item = /^\s*-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (out[listKey] as string[]).push(unquote(item[1]));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const [, key, value] = pair;
    if (!value.trim()) {
      out[key] = [];
      listKey = key;
    } else if (/^\[.*\]$/.test(value.trim())) {
      out[key] = value.trim().slice(1, -1).split(',').map(unquote).filter(Boolean);
      listKey = undefined;
    } else {
      out[key] = unquote(value);
      listKey = undefined;
    }
  }
  return out;
}

function unquote(value: string): string {
  return value.trim().replace(/^(['"])(.*)\1$/, '$2');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).map((s) => s.trim()).filter(Boolean);
  if (typeof value === 'string') return value.split(/\s*(?:,|;|\band\b)\s*/).filter(Boolean);
  return [];
}

function firstHeading(text: string): string | undefined {
  const md = /^#\s+(.+)$/m.exec(text);
  return md ? md[1].trim() : undefined;
}
