import type { CorpusDocument } from '../corpus/load.js';
import { splitSentences, type Span } from './sentences.js';

/** A passage of the corpus: what is indexed, retrieved and cited. */
export interface Chunk {
  /** `docId#p<paragraph>` (plus `.<part>` when a long paragraph was split) */
  id: string;
  docId: string;
  /** the heading the passage stands under ("" before the first heading) */
  section: string;
  /** 1-based paragraph number within the document */
  paragraph: number;
  start: number;
  end: number;
  /** exactly `source.slice(start, end)` */
  text: string;
  sentences: Span[];
}

export interface ChunkerSettings {
  /** paragraphs longer than this are split at sentence boundaries */
  maxWords: number;
  /** blocks shorter than this, without sentence punctuation, are not passages (datelines, labels, tag lists) */
  minWords: number;
  /** version of the chunking rules: a change rebuilds every index */
  rules?: number;
}

export const DEFAULT_CHUNKER: ChunkerSettings = { maxWords: 220, minWords: 8, rules: 2 };

/** The section of the paragraphs that introduce the document's authors ("Ali Alfoneh is senior fellow at ..."). */
export const AUTHORS_SECTION = 'About the authors';

interface Block extends Span {
  text: string;
}

/** Blank-line separated blocks of the body, trimmed, with offsets. */
export function splitBlocks(source: string, from = 0): Block[] {
  const blocks: Block[] = [];
  const separator = /\r?\n[ \t]*\r?\n\s*/g;
  separator.lastIndex = from;
  let start = from;
  for (;;) {
    const match = separator.exec(source);
    const end = match ? match.index : source.length;
    let s = start;
    let e = end;
    while (s < e && /\s/.test(source[s])) s++;
    while (e > s && /\s/.test(source[e - 1])) e--;
    if (e > s) blocks.push({ start: s, end: e, text: source.slice(s, e) });
    if (!match) break;
    start = match.index + match[0].length;
  }
  return blocks;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** A heading: a Markdown `#` line, or a short single line with no sentence punctuation at its end. */
function headingText(block: Block, format: 'txt' | 'md'): string | undefined {
  if (format === 'md') {
    const md = /^#{1,6}\s+(.+?)\s*#*$/.exec(block.text);
    if (md && !block.text.includes('\n')) return md[1];
  }
  if (block.text.includes('\n')) return undefined;
  const count = wordCount(block.text);
  if (count === 0 || count > 10) return undefined;
  if (/[.!?:;,"”’)|]$/.test(block.text)) return undefined;
  if (!/^[\p{Lu}\p{N}"“]/u.test(block.text)) return undefined;
  return block.text;
}

/** Split a document into passages that know their section, paragraph and exact offsets. */
export function chunkDocument(doc: CorpusDocument, settings: ChunkerSettings = DEFAULT_CHUNKER): Chunk[] {
  const blocks = splitBlocks(doc.source, doc.bodyStart);
  const chunks: Chunk[] = [];
  let section = '';
  let paragraph = 0;
  blocks.forEach((block, i) => {
    const heading = headingText(block, doc.format);
    const next = blocks[i + 1];
    const isParagraph = (b: Block | undefined) => !!b && wordCount(b.text) >= settings.minWords;
    if (heading !== undefined && isParagraph(next)) {
      // The document title is not a section: passages under it belong to no section.
      section = heading.replace(/^#+\s*/, '') === doc.meta.title ? '' : heading;
      return;
    }
    if (!isParagraph(block) && !/[.!?]["”’)]?$/.test(block.text)) return;
    paragraph += 1;
    // An author's biography is not part of the last section's argument.
    const about = doc.meta.authors.some((a) => block.text.startsWith(a) && /^\s+(?:is|was)\s/u.test(block.text.slice(a.length)));
    const sentences = splitSentences(doc.source, block.start, block.end);
    for (const [part, group] of groupSentences(doc.source, sentences, settings.maxWords).entries()) {
      const start = group[0].start;
      const end = group[group.length - 1].end;
      chunks.push({
        id: `${doc.id}#p${paragraph}${part > 0 || group.length < sentences.length ? `.${part + 1}` : ''}`,
        docId: doc.id,
        section: about ? AUTHORS_SECTION : section,
        paragraph,
        start,
        end,
        text: doc.source.slice(start, end),
        sentences: group,
      });
    }
  });
  return chunks;
}

function groupSentences(source: string, sentences: Span[], maxWords: number): Span[][] {
  const groups: Span[][] = [];
  let current: Span[] = [];
  let count = 0;
  for (const sentence of sentences) {
    const n = wordCount(source.slice(sentence.start, sentence.end));
    if (current.length > 0 && count + n > maxWords) {
      groups.push(current);
      current = [];
      count = 0;
    }
    current.push(sentence);
    count += n;
  }
  if (current.length) groups.push(current);
  return groups;
}
