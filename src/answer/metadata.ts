import type { CorpusDocument } from '../corpus/load.js';
import type { Chunk } from '../ingest/chunk.js';
import { escapeRegExp } from '../ingest/text.js';
import type { MetadataField } from '../retrieve/question.js';
import type { Citation } from './types.js';

export interface MetadataAnswer {
  answer: string;
  citations: Citation[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Answer a question about the document itself from its metadata, quoting where the document (or its metadata file) says it. */
export function answerMetadata(field: MetadataField, doc: CorpusDocument, chunks: Chunk[]): MetadataAnswer | undefined {
  const { meta } = doc;
  const spans: { file: string; source: string; start: number; end: number }[] = [];
  const cite = (needle: string | RegExp, preferBody = true): boolean => {
    const inBody = preferBody ? find(doc.source, needle, doc.bodyStart) : undefined;
    if (inBody) {
      // Outside every passage (a dateline, a byline) the whole line is quoted: "December 10, 2015 | Berlin Policy Journal".
      const inPassage = chunks.some((c) => c.docId === doc.id && c.start <= inBody.start && c.end >= inBody.end);
      spans.push({ file: doc.file, source: doc.source, ...(inPassage ? inBody : lineAround(doc.source, inBody)) });
      return true;
    }
    if (doc.metaSource) {
      const inMeta = find(doc.metaSource.text, needle, 0);
      if (inMeta) {
        spans.push({ file: doc.metaSource.file, source: doc.metaSource.text, ...inMeta });
        return true;
      }
    }
    return false;
  };
  let answer: string;
  switch (field) {
    case 'authors': {
      if (!meta.authors.length) return undefined;
      // Prefer the sentences that introduce each author (their affiliation), else the name itself.
      for (const author of meta.authors) {
        const sentence = sentenceAbout(doc, chunks, author);
        if (sentence) spans.push({ file: doc.file, source: doc.source, ...sentence });
        else cite(author);
      }
      // (the authors introduced one after the other, as a byline's note does, are one passage: quoted whole)
      for (let i = spans.length - 1; i > 0; i--) {
        const [a, b] = [spans[i - 1], spans[i]];
        if (a.file === b.file && b.start > a.end && !a.source.slice(a.end, b.start).trim()) spans.splice(i - 1, 2, { ...a, end: b.end });
      }
      answer = `“${meta.title}” was written by ${joinList(meta.authors)}`;
      break;
    }
    case 'date': {
      if (!meta.date) return undefined;
      const human = humanDate(meta.date);
      if (!(human && cite(dateRegExp(meta.date))) && !cite(meta.date, false)) return undefined;
      answer = `“${meta.title}” was published on ${human ?? meta.date}${meta.publication ? ` in ${meta.publication}` : ''}`;
      break;
    }
    case 'publication': {
      if (!meta.publication) return undefined;
      cite(meta.publication);
      answer = `“${meta.title}” was published in ${meta.publication}${meta.date ? ` on ${humanDate(meta.date) ?? meta.date}` : ''}`;
      break;
    }
    case 'title': {
      cite(meta.title);
      answer = `The article is titled “${meta.title}”`;
      break;
    }
    case 'tags': {
      if (!meta.tags.length) return undefined;
      cite(new RegExp(meta.tags.map(escape).join('[\\s,;|]+'))) || meta.tags.forEach((t) => cite(t, false));
      answer = `The article is filed under ${joinList(meta.tags)}`;
      break;
    }
  }
  if (!spans.length) return undefined;
  const citations = spans.map((s, i): Citation => {
    const chunk = s.file === doc.file ? chunks.find((c) => c.docId === doc.id && c.start <= s.start && c.end >= s.end) : undefined;
    return {
      n: i + 1,
      docId: doc.id,
      title: meta.title,
      file: s.file,
      passageId: chunk?.id ?? `${doc.id}#meta`,
      section: chunk?.section ?? (s.file === doc.file ? '' : 'metadata'),
      paragraph: chunk?.paragraph ?? 0,
      text: s.source.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      score: 1,
    };
  });
  return { answer: `${answer} ${citations.map((c) => `[${c.n}]`).join('')}.`, citations };
}

/** The line holding a span, without its surrounding white space. */
function lineAround(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let start = text.lastIndexOf('\n', span.start - 1) + 1;
  let end = text.indexOf('\n', span.end);
  if (end < 0) end = text.length;
  while (start < span.start && /\s/.test(text[start])) start++;
  while (end > span.end && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function find(text: string, needle: string | RegExp, from: number): { start: number; end: number } | undefined {
  if (typeof needle === 'string') {
    const i = text.indexOf(needle, from);
    return i < 0 ? undefined : { start: i, end: i + needle.length };
  }
  const re = new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : needle.flags + 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

function sentenceAbout(doc: CorpusDocument, chunks: Chunk[], person: string): { start: number; end: number } | undefined {
  const name = new RegExp(`^${escapeRegExp(person).replace(/\\? /g, '\\s+')}\\s+(?:is|was)\\b`);
  for (const chunk of chunks) {
    if (chunk.docId !== doc.id) continue;
    for (const s of chunk.sentences) if (name.test(doc.source.slice(s.start, s.end))) return s;
  }
  return undefined;
}

function humanDate(iso: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${MONTHS[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}` : undefined;
}

/** The ISO date written the usual English ways: "December 10, 2015", "10 December 2015", "2015-12-10". */
function dateRegExp(iso: string): RegExp {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)!;
  const month = MONTHS[Number(m[2]) - 1];
  const short = month.slice(0, 3);
  const day = String(Number(m[3]));
  return new RegExp(`(?:(?:${month}|${short}\\.?)\\s+${day},?\\s+${m[1]}|${day}\\s+(?:${month}|${short}\\.?)\\s+${m[1]}|${iso})`);
}

function joinList(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
