import type { CorpusDocument } from '../corpus/load.js';
import type { Chunk } from '../ingest/chunk.js';
import type { Bm25 } from '../index/bm25.js';
import type { EmbedderChoice } from '../index/embeddings.js';
import type { PassageTerms, Word } from '../index/passage-terms.js';
import type { VectorIndex } from '../index/store.js';
import { STOPWORDS, stemWord, type Token } from '../index/tokenize.js';
import { COUNTRY_WORDS } from '../study/gazetteer.js';
import { adjectiveOf, derivationalRoot, editDistance, nameKey, soundKey, WordMatcher } from './matcher.js';
import { Paraphrases } from './paraphrases.js';

export interface ScoredSentence {
  start: number;
  end: number;
  /** share of the question's weighted words this sentence supports, 0..1 */
  coverage: number;
}

export interface Passage {
  rank: number;
  id: string;
  docId: string;
  title: string;
  section: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  score: number;
  /** share of the question's weighted words the passage supports, 0..1 */
  coverage: number;
  sentences: ScoredSentence[];
}

export interface SearchOptions {
  k?: number;
  docIds?: string[];
  sections?: string[];
}

export interface Retrieval {
  passages: Passage[];
  /** the question's content words after spelling repair, with their weights */
  terms: { token: Token; weight: number; support: number }[];
}

interface PreparedChunk {
  chunk: Chunk;
  title: string;
}

/** Weights of the signals fused into a passage's score (tuned on the development set). */
export const FUSION = { passage: 0.4, sentence: 0.35, bm25: 0, dense: 0.3, centering: 0.5, rarityPower: 1, specificity: 1 };

/** Candidates taken from each first-stage ranking before reranking. */
const CANDIDATES = 100;

/**
 * Question → ranked passages. First stage: BM25 and the vector index each propose
 * candidates; second stage: every candidate is scored on how much of the question its
 * words (and its best sentence's words) support, by exact stem or word-vector similarity,
 * fused with the first-stage scores.
 */
/** A form a misspelt word may be (a corpus word, or its stem), the word it stands for, and that word's place in the vocabulary. */
interface RepairForm {
  form: string;
  word: Word;
  order: number;
}

/**
 * Prefixes that negate a word ("distrust", "unstable", "mistrust", "non-state"); not "in-", whose words are more often no
 * negation at all ("insight", "inform", "indeed").
 */
const NEGATING_PREFIXES = ['dis', 'mis', 'un', 'non-', 'non'];

export class Retriever {
  private readonly prepared: PreparedChunk[];
  /** the passages' words as term ids (tokenised when the index was built: src/index/passage-terms.ts) */
  private readonly terms: PassageTerms;
  private readonly bm25: Bm25;
  /** the corpus's distinct words, by term id (one object per word, shared by every passage that uses it) */
  private readonly termList: Word[];
  private readonly vocabulary: Map<string, Word>;
  private readonly acronyms: Map<string, Word[]>;
  readonly matcher: WordMatcher;
  private readonly byId = new Map<string, number>();

  constructor(
    private readonly index: VectorIndex,
    private readonly embedder: EmbedderChoice,
    documents: CorpusDocument[],
    readonly fusion = { ...FUSION },
  ) {
    const titles = new Map(documents.map((d) => [d.id, d.meta.title]));
    this.prepared = index.chunks.map((chunk, i) => {
      this.byId.set(chunk.id, i);
      return { chunk, title: titles.get(chunk.docId) ?? chunk.docId };
    });
    this.terms = index.terms;
    this.bm25 = index.terms.bm25;
    this.termList = index.terms.words.map((word, id) => ({ word, stem: index.terms.stems[id] }));
    this.vocabulary = new Map(this.termList.map((t) => [t.word, t]));
    this.acronyms = index.terms.acronyms;
    this.matcher = new WordMatcher(embedder.local);
    this.matcher.paraphrases = Paraphrases.load();
    for (const country of COUNTRY_WORDS) this.matcher.names.add(nameKey(country));
  }

  /** Similarity of two words in 0..1, as the reranker sees it (same stem = 1). */
  readonly wordSimilarity = (a: string, b: string): number =>
    this.matcher.match({ word: a, stem: stemWord(a), start: 0, end: 0 }, { word: b, stem: stemWord(b) });

  get chunks(): Chunk[] {
    return this.index.chunks;
  }

  chunk(id: string): Chunk | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.index.chunks[i];
  }

  /** An acronym the corpus never uses, but spells out, stands for its spelled-out words. */
  expandAcronyms(tokens: Token[], text: string): Token[] {
    return tokens.flatMap((t) => {
      const raw = text.slice(t.start, t.end);
      // typed in capitals, or in chat's lower case when the word is no English word ("jcpoa")
      const acronymLike = /^[A-Z]{3,}s?$/.test(raw) || (/^[a-z]{4,}s?$/.test(raw) && this.embedder.local?.vectors.rank(t.word) === undefined);
      const expansion = acronymLike && !this.vocabulary.has(t.word) ? this.acronyms.get(t.word.replace(/s$/, '')) : undefined;
      return expansion ? expansion.map((e) => ({ word: e.word, stem: e.stem, start: t.start, end: t.end })) : [t];
    });
  }

  /**
   * Repair misspelt question words against the corpus vocabulary (only words the word list does not know);
   * a name, capitalised, is repaired against the names the corpus gives even when the word list knows it
   * ("Asad" is Assad, "Hizballah" Hezbollah: another spelling of the same name).
   */
  repair(tokens: Token[], queryText = ''): Token[] {
    return tokens.map((t) => {
      const name = /^\p{Lu}/u.test(queryText.slice(t.start, t.end));
      const known = this.embedder.local?.vectors.rank(t.word) !== undefined;
      // (a name the corpus has in another form, "Russians" for "Russian", is no misspelling)
      if (this.vocabulary.has(t.word) || ((!name || this.bm25.documentFrequency(t.stem) > 0) && known) || t.word.length < 4 || /\d/.test(t.word)) return t;
      const max = t.word.length >= 7 ? 2 : 1;
      let best: Word | undefined;
      let bestDistance = max + 1;
      if (known) {
        for (const v of this.corpusNames()) {
          const d = editDistance(t.word, v.word, max);
          if (d < bestDistance) {
            best = v;
            bestDistance = d;
          }
        }
        // (nor in sound, but for a longer name within a sentence: "Sure" opening one is no Syria)
        if (!best && !/(?:^|[.!?]\s*)$/.test(queryText.slice(0, t.start))) best = this.soundsLike(t, queryText);
        return best ? { ...t, word: best.word, stem: best.stem } : t;
      }
      // Only the corpus's words (or stems) within `max` letters of the typed word's length can be within `max` edits;
      // of those at the least distance, the first in the vocabulary's order wins.
      let bestAt = Infinity;
      const byLength = this.repairCandidates();
      for (let length = t.word.length - max; length <= t.word.length + max; length++) {
        for (const { form, word, order } of byLength.get(length) ?? []) {
          const d = editDistance(t.word, form, max);
          if (d <= max && (d < bestDistance || (d === bestDistance && order < bestAt))) {
            best = word;
            bestDistance = d;
            bestAt = order;
          }
        }
      }
      // (no word near it in letters: a name it sounds like, alone or with the word next to it, "pootin", "has bolla")
      best ??= this.soundsLike(t, queryText);
      return best ? { ...t, word: best.word, stem: best.stem } : t;
    });
  }

  /**
   * The corpus name a word no list knows sounds like (`soundKey`): alone ("pootin" is Putin, "Esad" or "Asado" Assad), or
   * joined with the word typed next to it, as dictation splits a name it does not know ("has bolla" is Hezbollah, "crem lin" the
   * Kremlin). Only names the corpus never writes in lower case (not "Republic") and that no other name sounds like.
   */
  private soundsLike(t: Token, text: string): Word | undefined {
    const names = this.namesBySound();
    // (a sound of four letters at least: "sayin" is no Sinai)
    const key = soundKey(t.word);
    const alone = key.length >= 4 ? names.get(key) : undefined;
    if (alone) return alone;
    const before = /([\p{L}]+) $/u.exec(text.slice(Math.max(0, t.start - 20), t.start))?.[1];
    const after = /^ ([\p{L}]+)/u.exec(text.slice(t.end, t.end + 20))?.[1];
    const joined = [before && names.get(soundKey(before + t.word)), after && names.get(soundKey(t.word + after))].find((w) => w && w.word.length >= 5);
    return joined || undefined;
  }

  private namesBySound(): Map<string, Word> {
    if (!this.soundNames) {
      const byKey = new Map<string, Word | null>();
      for (const name of this.properNames().values()) {
        if (name.word.length < 5) continue;
        const key = soundKey(name.word);
        byKey.set(key, byKey.has(key) && byKey.get(key)?.word !== name.word ? null : name);
      }
      this.soundNames = new Map([...byKey].filter((e): e is [string, Word] => e[1] !== null));
    }
    return this.soundNames;
  }
  private soundNames?: Map<string, Word>;

  /** The names the corpus gives that it never writes in lower case ("Kremlin", "Putin"; not "Republic", "War"), by word. */
  private properNames(): Map<string, Word> {
    if (!this.proper) {
      const lower = this.lowerWords();
      this.proper = new Map(this.corpusNames().filter((name) => !lower.has(name.word)).map((name) => [name.word, name]));
    }
    return this.proper;
  }
  private proper?: Map<string, Word>;

  /** The words the corpus writes in lower case somewhere ("war", "republic", "airliner"). */
  private lowerWords(): Set<string> {
    if (!this.lower) {
      this.lower = new Set<string>();
      for (const { chunk } of this.prepared) for (const m of chunk.text.matchAll(/(?<![\p{L}'’-])\p{Ll}[\p{L}]*/gu)) this.lower.add(m[0]);
    }
    return this.lower;
  }
  private lower?: Set<string>;

  /** Whether a capitalised word is one the corpus writes in lower case, and no name ("Airliner", "Speeches"; not "Putin", "Iran"). */
  readonly isCommonWord = (word: string): boolean => this.lowerWords().has(word.toLowerCase().replace(/['’]s$/, '')) && !this.isName(word);

  /**
   * Whether a capitalised word is a name when capitals mark none (a headline's "Kremlin Open To Swapping Syrian Strongman"):
   * a name the corpus gives and never writes in lower case, a country or people, or a word the English word list does not know
   * ("Lavrov", "Metrojet": a name the corpus may lack, still to be refused as one).
   */
  readonly isName = (word: string): boolean => {
    const w = word.toLowerCase().replace(/['’]s$/, '');
    const vectors = this.embedder.local?.vectors;
    // (a word within a letter of an English word is that word misspelt: "Remraks", "Schemng")
    return this.properNames().has(w) || this.matcher.names.has(nameKey(w)) || (!!vectors && vectors.rank(w) === undefined && !this.misspeltEnglish(w, vectors));
  };

  private misspeltEnglish(word: string, vectors: NonNullable<Retriever['embedder']['local']>['vectors']): boolean {
    if (word.length < 4) return false;
    let near = this.misspelt.get(word);
    if (near === undefined) {
      near = false;
      for (const w of vectors.words()) if (Math.abs(w.length - word.length) <= 1 && editDistance(word, w, 1) <= 1) { near = true; break; }
      if (this.misspelt.size < 10_000) this.misspelt.set(word, near);
    }
    return near;
  }
  private readonly misspelt = new Map<string, boolean>();

  /**
   * The forms a misspelt word is compared with, by length: each corpus word, and its stem when the word typed may have
   * lost an ending too ("problm" is "problem", which the corpus has as "problems"; a short ending only: "authorities" is
   * no "autor", nor "involvement" "involvd"). Built once: a large corpus has tens of thousands of words.
   */
  private repairCandidates(): Map<number, RepairForm[]> {
    if (!this.repairForms) {
      this.repairForms = new Map();
      const add = (form: string, word: Word, order: number) => {
        const list = this.repairForms!.get(form.length) ?? [];
        list.push({ form, word, order });
        this.repairForms!.set(form.length, list);
      };
      let order = 0;
      for (const v of this.vocabulary.values()) {
        add(v.word, v, order);
        if (v.stem.length >= 5 && v.stem !== v.word && v.word.startsWith(v.stem) && v.word.length - v.stem.length <= 2 && !STOPWORDS.has(v.word)) add(v.stem, v, order);
        order++;
      }
    }
    return this.repairForms;
  }
  private repairForms?: Map<number, RepairForm[]>;

  /**
   * An adverb the corpus does not use, whose adjective it does ("militarily" / "military"), is read as
   * the adjective: the adverb's own vector sits among other adverbs, far from "army" or "forces".
   */
  asAdjectives(tokens: Token[]): Token[] {
    return tokens.map((t) => {
      if (this.vocabulary.has(t.word)) return t;
      const adjective = adjectiveOf(t.word).find((a) => this.vocabulary.has(a));
      return adjective ? { ...t, word: adjective, stem: this.vocabulary.get(adjective)!.stem } : t;
    });
  }

  /**
   * A word the corpus does not use, whose negation it does ("trust" / "distrust", "like" / "dislike", "stable" / "unstable"), is
   * read as the negation: asked about trust between two parties, the corpus speaks of their distrust. (A few words of these
   * prefixes are no negations, "discover", "display": read so only when the word itself is nowhere in the documents.)
   */
  asNegations(tokens: Token[]): Token[] {
    return tokens.map((t) => {
      if (t.word.length < 4 || this.vocabulary.has(t.word) || this.bm25.documentFrequency(t.stem) > 0) return t;
      const negation = NEGATING_PREFIXES.map((p) => p + t.word).find((w) => this.vocabulary.has(w));
      return negation ? { ...t, word: negation, stem: this.vocabulary.get(negation)!.stem } : t;
    });
  }

  /** How much a question word should count: rare words and words that pick out few passages count most. */
  weight(token: Token, capitalised = false): number {
    const rank = this.embedder.local?.vectors.rank(token.word);
    // A word neither the word list nor the corpus knows is a name (if capitalised or a number) or chat noise.
    const known = rank !== undefined || this.bm25.documentFrequency(token.stem) > 0;
    const rarity = rank === undefined ? (known || capitalised || /\d/.test(token.word) || !this.embedder.local ? 1 : 0.25) : Math.min(1, Math.log(rank + 50) / Math.log(60000));
    // (a word the corpus uses only in another form, "militarily" for "military", is as specific as that form)
    const family = this.bm25.documentFrequency(token.stem) === 0 ? this.familyStem(token.stem) : undefined;
    const stem = family ?? token.stem;
    const df = this.bm25.documentFrequency(stem);
    const specificity = df === 0 ? 1 : Math.max(0.15, this.bm25.idf(stem) / this.bm25.idf('\u0000never'));
    return Math.pow(rarity, this.fusion.rarityPower) * (1 - this.fusion.specificity + this.fusion.specificity * specificity);
  }

  /** The corpus's most used stem of a word's family (same derivational root, four letters or more), if any. */
  private familyStem(stem: string): string | undefined {
    if (!this.families) {
      this.families = new Map();
      for (const { stem: s } of this.termList) {
        const root = derivationalRoot(s);
        if (root.length < 4) continue;
        const known = this.families.get(root);
        if (!known || this.bm25.documentFrequency(s) > this.bm25.documentFrequency(known)) this.families.set(root, s);
      }
    }
    const root = derivationalRoot(stem);
    return root.length >= 4 ? this.families.get(root) : undefined;
  }
  private families?: Map<string, string>;

  /** The corpus's names: words it writes capitalised inside a sentence. */
  private corpusNames(): Word[] {
    if (!this.names) {
      const seen = new Set<string>();
      for (const { chunk } of this.prepared) for (const m of chunk.text.matchAll(/(?<=[\p{L}\p{N},;:'’"“”)–-]\s+)\p{Lu}[\p{L}'’-]*/gu)) seen.add(m[0].toLowerCase().replace(/['’]s$/, ''));
      this.names = [...seen].flatMap((w) => this.vocabulary.get(w) ?? []);
    }
    return this.names;
  }
  private names?: Word[];

  async search(queryText: string, queryTokens: Token[], options: SearchOptions = {}): Promise<Retrieval> {
    const k = options.k ?? 5;
    const tokens = dedupe(this.asNegations(this.asAdjectives(this.repair(this.expandAcronyms(queryTokens, queryText), queryText))));
    const weights = tokens.map((t) => this.weight(t, /^\p{Lu}/u.test(queryText.slice(t.start, t.end))));
    const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;
    const allowed = (i: number) => {
      const c = this.prepared[i].chunk;
      return (!options.docIds?.length || options.docIds.includes(c.docId)) && (!options.sections?.length || options.sections.some((s) => s.toLowerCase() === c.section.toLowerCase()));
    };

    // First stage.
    const bm = this.bm25.score(tokens.map((t) => t.stem));
    const candidates = new Set<number>();
    const n = this.prepared.length;
    if (n <= CANDIDATES * 2) for (let i = 0; i < n; i++) candidates.add(i);
    else {
      topIndices(bm, CANDIDATES, allowed).forEach((i) => candidates.add(i));
    }
    const dense = new Map<number, number>();
    if (tokens.length) {
      const vector = await this.embedder.embeddings.embedQuery(queryText);
      const count = Math.min(n, Math.max(CANDIDATES, k));
      const filter = options.docIds?.length || options.sections?.length ? (doc: { metadata: Record<string, unknown> }) => allowed(this.byId.get(String(doc.metadata.id)) ?? -1) : undefined;
      const hits = await this.index.store.similaritySearchVectorWithScore(vector, count, filter as never);
      for (const [doc, distance] of hits) {
        const i = this.byId.get(String(doc.metadata.id));
        if (i === undefined) continue;
        dense.set(i, 1 - distance);
        candidates.add(i);
      }
    }

    // Second stage: soft word matches of every question word against every candidate and its sentences.
    const ids = [...candidates].filter(allowed);
    const maxBm = Math.max(1e-9, ...ids.map((i) => bm[i]));
    const support = new Array<number>(tokens.length).fill(0);
    // Each question word against each corpus word once per question: a table by term id, filled on demand.
    const tables = tokens.map(() => new Float32Array(this.vocabulary.size).fill(-1));
    const best = (words: Uint32Array): number[] =>
      tokens.map((q, j) => {
        const table = tables[j];
        let top = 0;
        for (const id of words) {
          let m = table[id];
          if (m < 0) m = table[id] = this.matcher.match(q, this.termList[id]);
          if (m > top && (top = m) === 1) break;
        }
        return top;
      });
    const rows = ids.map((i) => {
      const passage = best(this.terms.wordsOf(i));
      passage.forEach((m, j) => (support[j] = Math.max(support[j], m)));
      return { i, passage, sentences: this.terms.sentencesOf(i).map(best) };
    });
    // A word counts by how much better it matches here than in the typical candidate:
    // words every passage matches ("Syria" in an article on Syria) then decide nothing.
    const meanPassage = tokens.map((_, j) => mean(rows.map((r) => r.passage[j])));
    const meanSentence = tokens.map((_, j) => mean(rows.flatMap((r) => r.sentences.map((m) => m[j]))));
    const spread = tokens.map((_, j) => Math.sqrt(mean(rows.map((r) => (r.passage[j] - meanPassage[j]) ** 2))));
    const maxSpread = Math.max(1e-9, ...spread);
    const sharp = weights.map((w, j) => w * ((1 - this.fusion.centering) + this.fusion.centering * (spread[j] / maxSpread)));
    const sharpTotal = sharp.reduce((a, b) => a + b, 0) || 1;
    const centered = (matches: number[], _means: number[]) => weighted(matches, sharp) / sharpTotal;
    const scored = rows.map(({ i, passage, sentences: sentenceMatches }) => {
      const p = this.prepared[i];
      const coverage = weighted(passage, weights) / totalWeight;
      const sentences = p.chunk.sentences.map((s, j) => ({ start: s.start, end: s.end, coverage: weighted(sentenceMatches[j], weights) / totalWeight }));
      const bestSentence = Math.max(...sentenceMatches.map((m) => centered(m, meanSentence)));
      const score =
        this.fusion.passage * centered(passage, meanPassage) +
        this.fusion.sentence * bestSentence +
        this.fusion.bm25 * (bm[i] / maxBm) +
        this.fusion.dense * Math.max(0, dense.get(i) ?? 0);
      return { i, score, coverage, sentences };
    });
    scored.sort((a, b) => b.score - a.score);
    const passages = scored.slice(0, k).map((s, r): Passage => {
      const { chunk, title } = this.prepared[s.i];
      return {
        rank: r + 1,
        id: chunk.id,
        docId: chunk.docId,
        title,
        section: chunk.section,
        paragraph: chunk.paragraph,
        start: chunk.start,
        end: chunk.end,
        text: chunk.text,
        score: round(s.score),
        coverage: round(s.coverage),
        sentences: s.sentences.map((x) => ({ ...x, coverage: round(x.coverage) })),
      };
    });
    return { passages, terms: tokens.map((token, j) => ({ token, weight: round(weights[j]), support: round(support[j]) })) };
  }
}

/** Indices of the `k` highest positive scores (a bounded min-heap: no sort of every passage). */
export function topIndices(scores: Float64Array, k: number, keep: (i: number) => boolean = () => true): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => scores[a] < scores[b];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l], heap[m])) m = l;
      if (r < heap.length && less(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] <= 0 || (heap.length === k && scores[i] <= scores[heap[0]]) || !keep(i)) continue;
    if (heap.length < k) {
      heap.push(i);
      for (let j = heap.length - 1; j > 0; ) {
        const p = (j - 1) >> 1;
        if (!less(heap[j], heap[p])) break;
        [heap[j], heap[p]] = [heap[p], heap[j]];
        j = p;
      }
    } else {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => scores[b] - scores[a]);
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function weighted(values: number[], weights: number[]): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * weights[i];
  return s;
}

function dedupe(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((t) => !seen.has(t.stem) && seen.add(t.stem));
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
