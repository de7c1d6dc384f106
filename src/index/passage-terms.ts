import type { Chunk } from '../ingest/chunk.js';
import { Bm25, Bm25Builder } from './bm25.js';
import { BinaryReader, BinaryWriter } from './binary.js';
import { withPhrasalMeanings } from './phrasal.js';
import { contentTokens, type Token } from './tokenize.js';
import { U32List } from './u32-list.js';

/** A word as retrieval matches it. */
export interface Word {
  word: string;
  stem: string;
}

/**
 * What retrieval needs of every passage, as words of one vocabulary (a word's index is its term
 * id): computed once when the index is built (`preparePassageTerms`, the one place passages are
 * tokenised) and persisted with it, so that start-up does not tokenise the corpus again.
 */
export class PassageTerms {
  constructor(
    /** the corpus's distinct content words, in order of first use */
    readonly words: string[],
    /** each word's stem */
    readonly stems: string[],
    /** passage p's distinct content words (its section's included): passageWords[passageStart[p] .. passageStart[p + 1]) */
    readonly passageStart: Uint32Array,
    readonly passageWords: Uint32Array,
    /** passage p's sentences are firstSentence[p] .. firstSentence[p + 1]); sentence s's distinct words sentenceWords[sentenceStart[s] .. sentenceStart[s + 1]) */
    readonly firstSentence: Uint32Array,
    readonly sentenceStart: Uint32Array,
    readonly sentenceWords: Uint32Array,
    readonly bm25: Bm25,
    /** acronyms the corpus spells out but never abbreviates, with the words they stand for */
    readonly acronyms: Map<string, Word[]>,
  ) {}

  get passages(): number {
    return this.passageStart.length - 1;
  }

  /** Term ids of passage p's distinct content words. */
  wordsOf(p: number): Uint32Array {
    return this.passageWords.subarray(this.passageStart[p], this.passageStart[p + 1]);
  }

  /** Per sentence of passage p, the term ids of its distinct content words. */
  sentencesOf(p: number): Uint32Array[] {
    const out: Uint32Array[] = [];
    for (let s = this.firstSentence[p]; s < this.firstSentence[p + 1]; s++) out.push(this.sentenceWords.subarray(this.sentenceStart[s], this.sentenceStart[s + 1]));
    return out;
  }
}

/** Tokenise the passages for retrieval. */
export function preparePassageTerms(chunks: Chunk[]): PassageTerms {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const stems: string[] = [];
  const intern = (t: Token): number => {
    let id = ids.get(t.word);
    if (id === undefined) {
      ids.set(t.word, (id = words.length));
      words.push(t.word);
      stems.push(t.stem);
    }
    return id;
  };
  const pushDistinct = (tokens: Token[], out: U32List) => {
    for (const id of new Set(tokens.map(intern))) out.push(id);
  };
  const [passageStart, passageWords, firstSentence, sentenceStart, sentenceWords] = [new U32List(), new U32List(), new U32List(), new U32List(), new U32List()];
  passageStart.push(0);
  firstSentence.push(0);
  sentenceStart.push(0);
  const bm25 = new Bm25Builder();
  const acronyms = findAcronyms(chunks);
  for (const chunk of chunks) {
    // ("may also sell out Iranian interests" also says betray, as a question's "pull out" also asks withdraw)
    const tokens = withPhrasalMeanings(chunk.text, contentTokens(chunk.text));
    // ("the IRGC in particular" is the Islamic Revolutionary Guards Corps the corpus spells out elsewhere)
    tokens.push(...tokens.flatMap((t) => (/^[A-Z]{3,}$/.test(chunk.text.slice(t.start, t.end)) ? (acronyms.get(t.word) ?? []).map((w) => ({ ...w, start: t.start, end: t.end })) : [])));
    const section = contentTokens(chunk.section);
    bm25.add([...tokens, ...section].map((t) => t.stem));
    for (const s of chunk.sentences) {
      pushDistinct(tokens.filter((t) => t.start + chunk.start >= s.start && t.end + chunk.start <= s.end), sentenceWords);
      sentenceStart.push(sentenceWords.length);
    }
    firstSentence.push(sentenceStart.length - 1);
    // A paragraph is about its section's heading too ("the limits of the partnership" → "Limits of Convergence").
    pushDistinct([...tokens, ...section], passageWords);
    passageStart.push(passageWords.length);
  }
  return new PassageTerms(
    words,
    stems,
    passageStart.toArray(),
    passageWords.toArray(),
    firstSentence.toArray(),
    sentenceStart.toArray(),
    sentenceWords.toArray(),
    new Bm25(bm25.finish()),
    acronyms,
  );
}

/** Acronyms the corpus spells out but never abbreviates ("Joint Comprehensive Plan of Action" → JCPOA, "UN Security Council" → UNSC). */
function findAcronyms(chunks: Chunk[]): Map<string, Word[]> {
  const acronyms = new Map<string, Word[]>();
  for (const chunk of chunks) {
    for (const m of chunk.text.matchAll(/\b[A-Z][\p{L}-]+(?:\s+(?:of|for|and|the|[A-Z][\p{L}-]+))+/gu)) {
      const all = m[0].split(/\s+/);
      if (!/^[A-Z]/.test(all[all.length - 1])) continue;
      // From every capitalised word on (skipping "The ..."), with and without the small words (JCPOA, FDD).
      all.forEach((first, i) => {
        if (!/^[A-Z]/.test(first) || all.length - i < 2) return;
        const spelled = all.slice(i);
        const expansion = contentTokens(spelled.join(' ')).map(({ word, stem }) => ({ word, stem }));
        // (an abbreviation among the words keeps its letters: "UN Security Council" → UNSC)
        const letters = (w: string) => (/^[A-Z]{2,}$/.test(w) ? w : w[0]);
        for (const acronym of [spelled.map((w) => w[0]).join(''), spelled.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join(''), spelled.filter((w) => /^[A-Z]/.test(w)).map(letters).join('')]) {
          const key = acronym.toLowerCase();
          if (key.length >= 3 && !acronyms.has(key)) acronyms.set(key, expansion);
        }
      });
    }
  }
  return acronyms;
}

const MAGIC = 'FOOTNOTE-TERMS-1';

/** Write the terms as one binary file (integer arrays and string lists; no JSON). */
export function writePassageTerms(path: string, terms: PassageTerms): void {
  const bm25 = terms.bm25.data;
  const acronyms = [...terms.acronyms];
  const expansions = acronyms.flatMap(([, words]) => words);
  new BinaryWriter(MAGIC)
    .strings(terms.words)
    .strings(terms.stems)
    .u32(terms.passageStart)
    .u32(terms.passageWords)
    .u32(terms.firstSentence)
    .u32(terms.sentenceStart)
    .u32(terms.sentenceWords)
    .strings(bm25.stems)
    .u32(bm25.offsets)
    .u32(bm25.postings)
    .u32(bm25.lengths)
    .strings(acronyms.map(([key]) => key))
    .u32(acronyms.map(([, words]) => words.length))
    .strings(expansions.map((w) => w.word))
    .strings(expansions.map((w) => w.stem))
    .writeTo(path);
}

export function readPassageTerms(path: string): PassageTerms {
  return BinaryReader.read(path, MAGIC, (reader) => {
    const words = reader.strings();
    const stems = reader.strings();
    const [passageStart, passageWords, firstSentence, sentenceStart, sentenceWords] = [reader.u32(), reader.u32(), reader.u32(), reader.u32(), reader.u32()];
    const bm25 = new Bm25({ stems: reader.strings(), offsets: reader.u32(), postings: reader.u32(), lengths: reader.u32() });
    const keys = reader.strings();
    const counts = reader.u32();
    const expansionWords = reader.strings();
    const expansionStems = reader.strings();
    const acronyms = new Map<string, Word[]>();
    let at = 0;
    keys.forEach((key, i) => {
      const expansion: Word[] = [];
      for (const end = at + counts[i]; at < end; at++) expansion.push({ word: expansionWords[at], stem: expansionStems[at] });
      acronyms.set(key, expansion);
    });
    return new PassageTerms(words, stems, passageStart, passageWords, firstSentence, sentenceStart, sentenceWords, bm25, acronyms);
  });
}
