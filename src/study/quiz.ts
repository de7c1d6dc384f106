import type { CorpusDocument } from '../corpus/load.js';
import { FootnoteError } from '../errors.js';
import type { Chunk } from '../ingest/chunk.js';
import { escapeRegExp, foldText, plural } from '../ingest/text.js';
import { buildFactBank, FACT_KINDS, type FactBank, type FactEntity, type FactKind, type FactMention, type MentionForm } from './facts.js';
import { containsFolded, findFolded, foldOption, foldedAt, isAcronym } from './fold.js';
import { FUNCTION_WORDS, TITLE_WORDS } from './gazetteer.js';
import { hash32, seededRandom, shuffled, type Random } from './random.js';

export { FACT_KINDS, type FactKind } from './facts.js';

/** `cloze`: the sentence with a blank; `wh`: the sentence asked as a question; `generated`: proposed by a model and checked. */
export type QuestionStyle = 'cloze' | 'wh' | 'generated';

/** An exact span of a corpus file: `source.slice(start, end) === text`. */
export interface QuoteSpan {
  start: number;
  end: number;
  text: string;
}

export interface QuizQuestion {
  /** stable for the same passage, fact, style and options */
  id: string;
  style: QuestionStyle;
  /** what the question asks for; `other` only for a model's question about something the fact finder does not know */
  kind: FactKind | 'other';
  prompt: string;
  options: string[];
  correctIndex: number;
  /** the passage that proves the right answer */
  evidence: {
    passageId: string;
    docId: string;
    section: string;
    paragraph: number;
    /** the sentence shown as proof */
    quote: QuoteSpan;
    /** where the right answer stands inside the quote (the blank of a cloze question) */
    answer: QuoteSpan;
  };
  /** the right answer and the quote that proves it, for when the answer is revealed */
  explanation: string;
}

export interface QuizRequest {
  /** how many questions, 1 to MAX_QUIZ_QUESTIONS */
  count: number;
  /** the same seed gives the same quiz; production passes a random one */
  seed: number;
  /** only passages under this heading (compared folded); `''` is the untitled opening of a document */
  section?: string;
  /** only passages of these documents */
  docIds?: readonly string[];
  /** which styles to use (default both offline styles) */
  styles?: readonly ('cloze' | 'wh')[];
}

export interface QuizShortfall {
  code: 'SECTION_NOT_FOUND' | 'NO_PASSAGES' | 'NOT_ENOUGH_FACTS';
  /** a sentence for the user */
  message: string;
}

export interface QuizResult {
  questions: QuizQuestion[];
  requested: number;
  /** set when fewer questions than requested came back, saying why */
  shortfall?: QuizShortfall;
}

/** Documents by id, or a list of them. */
export type DocumentLookup = ReadonlyMap<string, CorpusDocument> | readonly CorpusDocument[];

/** The facts of a set of passages, built once and reused for every quiz. */
export type QuizBank = FactBank;

/** What quizzes are drawn from: a bank, or the passages and documents to build one from. */
export type QuizSource = QuizBank | { passages: readonly Chunk[]; documents: DocumentLookup };

export const MAX_QUIZ_QUESTIONS = 50;
export const OPTIONS_PER_QUESTION = 4;
/** A Discord button label holds 80 characters; no option is longer. */
export const MAX_OPTION_LENGTH = 80;
export const BLANK = '_____';

function toMap(documents: DocumentLookup): ReadonlyMap<string, CorpusDocument> {
  return documents instanceof Map ? documents : new Map((documents as readonly CorpusDocument[]).map((d) => [d.id, d]));
}

/** Find every number, date, name and cause in the passages, ready to draw quizzes from. */
export function buildQuizBank(passages: readonly Chunk[], documents: DocumentLookup): QuizBank {
  return buildFactBank(passages, toMap(documents));
}

/** The sections quizzes can be drawn from, in document order, with how many facts each holds. */
export function quizSections(bank: QuizBank): { section: string; passages: number; facts: number }[] {
  // one pass over the facts and one over the passages: section autocomplete must answer at once on a large corpus
  const facts = new Map<Chunk, number>();
  for (const m of bank.mentions) facts.set(m.passage, (facts.get(m.passage) ?? 0) + 1);
  const rows = new Map<string, { section: string; passages: number; facts: number }>();
  for (const p of bank.passages) {
    let row = rows.get(p.section);
    if (!row) rows.set(p.section, (row = { section: p.section, passages: 0, facts: 0 }));
    row.passages += 1;
    row.facts += facts.get(p) ?? 0;
  }
  return [...rows.values()];
}

/**
 * Build a quiz: `count` questions from the facts of the passages (within `section` when given),
 * each with its right answer, three distractors of the same kind from the same corpus, and the
 * quote that proves it. Every question passes `checkQuestion`; when the passages hold too few
 * facts, fewer come back with a `shortfall` saying why.
 */
export function generateQuiz(source: QuizSource, request: QuizRequest): QuizResult {
  if (!Number.isInteger(request.count) || request.count < 1 || request.count > MAX_QUIZ_QUESTIONS) {
    throw new FootnoteError('BAD_ARGUMENT', `The number of questions must be a whole number from 1 to ${MAX_QUIZ_QUESTIONS}.`);
  }
  if (!Number.isFinite(request.seed)) throw new FootnoteError('BAD_ARGUMENT', 'The quiz seed must be a number.');
  const bank = 'mentions' in source ? source : buildQuizBank(source.passages, source.documents);
  const random = seededRandom(Math.floor(Math.abs(request.seed)) ^ (request.seed < 0 ? 0x9e3779b9 : 0));
  const styles = request.styles?.length ? request.styles : (['cloze', 'wh'] as const);

  const wanted = request.section === undefined ? undefined : foldText(request.section);
  const inScope = (p: Chunk) => (wanted === undefined || foldText(p.section) === wanted) && (!request.docIds || request.docIds.includes(p.docId));
  if (!bank.passages.some(inScope)) {
    const chosen = bank.passages.filter((p) => !request.docIds || request.docIds.includes(p.docId));
    const names = [...new Set(chosen.map((p) => p.section).filter(Boolean))];
    const shortfall: QuizShortfall =
      request.section !== undefined && chosen.length > 0
        ? { code: 'SECTION_NOT_FOUND', message: `No passage stands under the section “${request.section}”. Sections: ${names.map((n) => `“${n}”`).join(', ') || 'none'}.` }
        : { code: 'NO_PASSAGES', message: 'The chosen documents have no passages to build a quiz from.' };
    return { questions: [], requested: request.count, shortfall };
  }

  // One bucket of facts per kind, each shuffled; kinds take turns so a quiz mixes them.
  const buckets = new Map<FactKind, FactMention[]>();
  for (const m of bank.mentions) {
    if (!inScope(m.passage)) continue;
    buckets.set(m.entity.kind, [...(buckets.get(m.entity.kind) ?? []), m]);
  }
  for (const [kind, list] of buckets) buckets.set(kind, shuffled(list, random));
  const kinds = shuffled(FACT_KINDS.filter((k) => buckets.has(k)), random);

  const questions: QuizQuestion[] = [];
  const usedEntities = new Set<string>();
  const usedSentences = new Set<string>();
  const sentenceKey = (m: FactMention) => `${m.passage.docId}:${m.sentence.start}`;
  // First pass: a new fact and a new sentence for every question; then anything left.
  for (const strict of [true, false]) {
    let progress = true;
    while (questions.length < request.count && progress) {
      progress = false;
      for (const kind of kinds) {
        if (questions.length >= request.count) break;
        const bucket = buckets.get(kind)!;
        // This kind's turn: the next fact of it that makes a sound question.
        for (;;) {
          const at = bucket.findIndex((m) => !strict || (!usedEntities.has(m.entity.key) && !usedSentences.has(sentenceKey(m))));
          if (at < 0) break;
          const [mention] = bucket.splice(at, 1);
          const order = styles.length > 1 && random() < 0.5 ? [...styles].reverse() : [...styles];
          let question: QuizQuestion | undefined;
          for (const style of order) if (!question) question = buildQuestion(bank, mention, style, random);
          if (!question) continue;
          questions.push(question);
          usedEntities.add(mention.entity.key);
          usedSentences.add(sentenceKey(mention));
          progress = true;
          break;
        }
      }
    }
  }
  const result: QuizResult = { questions, requested: request.count };
  if (questions.length < request.count) {
    const where = request.section === undefined ? 'the corpus' : request.section ? `the section “${request.section}”` : 'the opening passages';
    result.shortfall = {
      code: 'NOT_ENOUGH_FACTS',
      message: `Only ${plural(questions.length, 'question')} could be built from ${where}: it does not state enough numbers, dates, names or causes that have distractors of the same kind.`,
    };
  }
  return result;
}

/** Every sound question the passages yield, for every fact in every style (for figures and soundness tests). */
export function allQuestions(bank: QuizBank, seed = 1, styles: readonly ('cloze' | 'wh')[] = ['cloze', 'wh']): QuizQuestion[] {
  const random = seededRandom(seed);
  const out: QuizQuestion[] = [];
  for (const m of bank.mentions) {
    for (const style of styles) {
      const q = buildQuestion(bank, m, style, random);
      if (q) out.push(q);
    }
  }
  return out;
}

function optionFor(entity: FactEntity, form: MentionForm): string {
  if (form === 'acronym') return entity.acronym ?? entity.full;
  if (form === 'short') return entity.short ?? entity.full;
  return entity.full;
}

/** The words either side of a mention, to see whether another fact would fit the same slot. */
const contexts = new WeakMap<FactMention, string>();

function context(bank: FactBank, m: FactMention): string {
  const known = contexts.get(m);
  if (known !== undefined) return known;
  const source = bank.documents.get(m.passage.docId)!.source;
  const before = foldText(source.slice(m.sentence.start, m.start)).match(/[\p{L}\p{N}]+/gu) ?? [];
  const after = foldText(source.slice(m.end, m.sentence.end)).match(/[\p{L}\p{N}]+/gu) ?? [];
  const slot = `${before.slice(-2).join(' ')}|${after.slice(0, 2).join(' ')}`;
  contexts.set(m, slot);
  return slot;
}

function gives(entity: FactEntity, text: string): boolean {
  if (entity.aliases.some((a) => containsFolded(text, a))) return true;
  return entity.giveaways.some((g) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(g)}${g.length >= 4 ? '\\p{L}*' : ''}(?![\\p{L}\\p{N}])`, 'u').test(text));
}

function pickDistractors(bank: FactBank, m: FactMention, quote: string, prompt: string, random: Random): string[] | undefined {
  const answer = foldOption(m.text);
  const slot = context(bank, m);
  const source = bank.documents.get(m.passage.docId)!.source;
  const afterThe = /\bthe\s+$/i.test(source.slice(m.sentence.start, m.start)) ? 1 : 0;
  const scored: { text: string; score: number }[] = [];
  for (const e of bank.entities) {
    if (e === m.entity || e.group !== m.entity.group) continue;
    const text = optionFor(e, m.form);
    const folded = foldOption(text);
    if (!folded || text.length > MAX_OPTION_LENGTH || folded === answer) continue;
    if (containsFolded(text, m.text) || containsFolded(m.text, text)) continue;
    // Never something the sentence itself names: it would be a give-away or a second right answer.
    if (e.aliases.some((a) => containsFolded(quote, a)) || containsFolded(prompt, text)) continue;
    // Causes read alike within one paragraph: another cause from the same passage may be true too.
    if (e.kind === 'cause' && e.passageIds.has(m.passage.id)) continue;
    // A fact written elsewhere in the very same slot would also be right.
    if ((bank.mentionsByEntity.get(e.key) ?? []).some((other) => context(bank, other) === slot)) continue;
    let score = random() * 1.5;
    const share = e.theShare[m.form] ?? e.theShare.full;
    if (share !== undefined) score += 1 - Math.abs(afterThe - share);
    if (e.kind === 'number' && m.entity.value && e.value) score -= 0.8 * Math.abs(Math.log10(e.value / m.entity.value));
    if (e.kind === 'date' && e.format === m.entity.format) score += 0.7;
    // Options written alike: surnames with a surname, acronyms with an acronym.
    if ((m.form === 'short' && e.short) || (m.form === 'acronym' && e.acronym)) score += 1;
    scored.push({ text, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const chosen: string[] = [];
  for (const { text } of scored) {
    if (chosen.some((c) => foldOption(c) === foldOption(text) || containsFolded(c, text) || containsFolded(text, c))) continue;
    chosen.push(text);
    if (chosen.length === OPTIONS_PER_QUESTION - 1) return chosen;
  }
  return undefined;
}

function clozePrompt(before: string, after: string): string {
  return `Fill in the blank: “${before}${BLANK}${after}”`;
}

const FOLLOWERS = new Set(
  `of in to as and or for with from at on by is was has had have may might will would can could should must too that which who when where while but if
  because than into over within between both also are were be been being does did do not so since after before though although whose whom`.split(/\s+/),
);

/** Words after a name that make it the subject of its clause ("who was invited", not "whom"). */
const SUBJECT_FOLLOWERS = new Set('is was has had have may might will would can could should must are were does did'.split(' '));

function balanced(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  return count(/“/g) === count(/”/g) && count(/\(/g) === count(/\)/g);
}

/** The sentence asked as a question in place ("Since what date, Russia has been conducting air operations in Syria?"), when it reads well. */
function whPrompt(bank: FactBank, m: FactMention, before: string, after: string): string | undefined {
  const kind = m.entity.kind;
  if (/^[\p{L}\p{N}\-‑]/u.test(after) || /[\p{L}\p{N}\-‑]$/u.test(before)) return undefined;
  const possessive = /^[’']s\b/.test(after);
  const rest = possessive ? after.slice(2) : after;
  const nextWord = /^ ([\p{L}\p{N}]+)/u.exec(rest)?.[1];
  const prevWord = /([\p{L}\p{N}]+)\W*$/u.exec(before)?.[1];
  const nameKind = kind === 'person' || kind === 'organisation' || kind === 'place';
  // "president Vladimir Putin", "the October 15 Valdai Club": the name is part of a longer phrase.
  if (nameKind && prevWord) {
    const openerOnly = before.replace(/^[\s“"‘(]+/, '').trim() === prevWord;
    if ((/^\p{Lu}/u.test(prevWord) && !openerOnly) || TITLE_WORDS.has(prevWord.toLowerCase()) || /\d/.test(prevWord)) return undefined;
  }
  if (kind !== 'number' && !possessive && nextWord && !FOLLOWERS.has(nextWord.toLowerCase())) return undefined;
  if (kind === 'number' && (!nextWord || possessive)) return undefined;
  let wh: string;
  switch (kind) {
    case 'number':
      wh = 'how many';
      break;
    case 'date':
      wh = /\d{1,2}(?!\d)/.test(m.text) && m.entity.format !== 'year' && m.entity.format !== 'season-year' ? 'what date' : 'when';
      break;
    case 'person':
      wh = possessive ? 'whose' : !before.trim() || (nextWord && SUBJECT_FOLLOWERS.has(nextWord.toLowerCase())) ? 'who' : 'whom';
      break;
    case 'organisation':
      wh = possessive ? 'which organisation’s' : 'which organisation';
      break;
    case 'place':
      wh = `${m.entity.group === 'place/country' ? 'which country' : 'which place'}${possessive ? '’s' : ''}`;
      break;
    default:
      wh = 'what';
  }
  // "However, ..." and "But ..." link the sentence to the one before; a question stands alone.
  let pre = before.replace(/^(?:however|moreover|indeed|but|and|yet|furthermore|meanwhile|nevertheless|nonetheless|at the same time|in addition),?\s+/i, '');
  if (nameKind) pre = pre.replace(/\b(?:the|a|an)\s+$/i, '');
  if (kind === 'number' && /^(?:an estimated|an|some|about|around|nearly|almost|roughly|approximately)\s+$/i.test(pre)) pre = '';
  // Keep the clause around the question: stop at the first clause break that leaves six words
  // or more, but never inside a pair of dashes (a parenthesis) or at the dash that opens one.
  const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const dashes = (text: string) => text.match(/\s[–—]\s/g)?.length ?? 0;
  const cuts = [...rest.matchAll(/,\s|\s,|;\s|:\s|\s[–—]\s|\s\(/g)]
    .map((c) => c.index!)
    .filter((i) => countWords(pre) + countWords(rest.slice(0, i)) >= 6)
    .filter((i) => dashes(pre + rest.slice(0, i)) % 2 === 0 && !(/^\s[–—]\s/.test(rest.slice(i)) && dashes(rest.slice(i + 1)) > 0));
  cuts.push(rest.length);
  let body: string | undefined;
  for (const cut of cuts) {
    const candidate = `${pre}${wh}${rest.slice(0, cut)}`.replace(/[.!?…]+(?=["”’)]*$)/, '').replace(/[\s,;:]+$/, '');
    if (balanced(candidate)) {
      body = candidate;
      break;
    }
  }
  if (!body) return undefined;
  const first = /^[\p{L}]+/u.exec(body)?.[0] ?? '';
  if (first && (FUNCTION_WORDS.has(first.toLowerCase()) || bank.lowercaseWords.has(first.toLowerCase()))) body = first[0].toLowerCase() + body.slice(1);
  body = body.replace(/\b(is|the|a|an|of|to|and|in)\s+\1\b/gi, '$1');
  return `According to the article, ${body}?`;
}

function explanationFor(doc: CorpusDocument, passage: Pick<Chunk, 'section' | 'paragraph'>, answer: string, quote: string): string {
  const where = [doc.meta.title, passage.section, `paragraph ${passage.paragraph}`].filter(Boolean).join(', ');
  return `${answer} — the article says: “${quote}” (${where})`;
}

function questionId(passageId: string, answer: QuoteSpan, style: QuestionStyle, prompt: string, options: string[]): string {
  return `q-${hash32([passageId, answer.start, answer.end, style, prompt, ...options].join('\u0000'))}`;
}

function buildQuestion(bank: FactBank, m: FactMention, style: 'cloze' | 'wh', random: Random): QuizQuestion | undefined {
  const doc = bank.documents.get(m.passage.docId);
  if (!doc) return undefined;
  const quote: QuoteSpan = { start: m.sentence.start, end: m.sentence.end, text: doc.source.slice(m.sentence.start, m.sentence.end) };
  const before = doc.source.slice(quote.start, m.start);
  const after = doc.source.slice(m.end, quote.end);
  const prompt = style === 'cloze' ? clozePrompt(before, after) : whPrompt(bank, m, before, after);
  if (!prompt) return undefined;
  if (gives(m.entity, style === 'cloze' ? `${before}${BLANK}${after}` : prompt)) return undefined;
  const distractors = pickDistractors(bank, m, quote.text, prompt, random);
  if (!distractors) return undefined;
  const options = shuffled([m.text, ...distractors], random);
  const answer: QuoteSpan = { start: m.start, end: m.end, text: m.text };
  const question: QuizQuestion = {
    id: questionId(m.passage.id, answer, style, prompt, options),
    style,
    kind: m.entity.kind,
    prompt,
    options,
    correctIndex: options.indexOf(m.text),
    evidence: { passageId: m.passage.id, docId: m.passage.docId, section: m.passage.section, paragraph: m.passage.paragraph, quote, answer },
    explanation: explanationFor(doc, m.passage, m.text, quote.text),
  };
  return checkQuestion(question, bank.documents).length ? undefined : question;
}

/** Initials of the capitalised words of a name ("Islamic State" → "IS"). */
function initialsOf(text: string): string {
  return (text.match(/[\p{L}][\p{L}’'-]*/gu) ?? [])
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Whether the prompt spells out an acronym answer or abbreviates a spelled-out one. */
function leaksByAcronym(prompt: string, answer: string): boolean {
  const words = answer.trim().split(/\s+/);
  if (words.length >= 2) {
    const acronym = initialsOf(answer);
    return acronym.length >= 2 && acronym.length === words.filter((w) => /^\p{Lu}/u.test(w)).length && findFolded(prompt, acronym).length > 0;
  }
  if (!isAcronym(answer)) return false;
  const n = answer.length;
  const caps = [...prompt.matchAll(/\p{Lu}[\p{L}’'-]*(?:\s+(?:of|for|and|the)\s+|\s+|(?=\W|$))/gu)];
  for (let i = 0; i + n <= caps.length; i++) {
    const run = caps.slice(i, i + n);
    const contiguous = run.every((c, k) => k === 0 || c.index === run[k - 1].index! + run[k - 1][0].length);
    if (contiguous && run.map((c) => c[0][0]).join('') === answer) return true;
  }
  return false;
}

/**
 * Check a quiz question against the corpus; returns the problems found (none means sound).
 * The quote is an exact slice of its file, the marked answer stands in the quote where the blank
 * is, no other option does, the options are distinct, and the prompt gives away neither the answer
 * nor a distractor.
 */
export function checkQuestion(q: QuizQuestion, documents: DocumentLookup): string[] {
  const problems: string[] = [];
  const doc = toMap(documents).get(q.evidence?.docId);
  if (!doc) return [`unknown document ${String(q.evidence?.docId)}`];
  const { quote, answer } = q.evidence;
  const source = doc.source;
  const inRange = (s: QuoteSpan) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= source.length;
  if (!inRange(quote) || source.slice(quote.start, quote.end) !== quote.text) problems.push('the quote is not an exact slice of its document');
  if (!inRange(answer) || source.slice(answer.start, answer.end) !== answer.text) problems.push('the answer span is not an exact slice of its document');
  if (answer.start < quote.start || answer.end > quote.end) problems.push('the answer span lies outside the quote');
  if (!q.id) problems.push('the question has no id');
  if (![...FACT_KINDS, 'other'].includes(q.kind)) problems.push(`unknown kind ${String(q.kind)}`);
  if (!q.prompt?.trim()) problems.push('the prompt is empty');
  if (!Array.isArray(q.options) || q.options.length < 2 || q.options.length > 5) return [...problems, 'a question needs 2 to 5 options'];
  for (const o of q.options) {
    if (typeof o !== 'string' || !o.trim() || o !== o.trim()) problems.push(`option ${JSON.stringify(o)} is empty or padded`);
    else if (o.length > MAX_OPTION_LENGTH) problems.push(`option “${o.slice(0, 20)}…” is longer than ${MAX_OPTION_LENGTH} characters`);
  }
  if (problems.length) return problems;
  if (new Set(q.options.map(foldOption)).size !== q.options.length) problems.push('two options are the same');
  if (!Number.isInteger(q.correctIndex) || q.correctIndex < 0 || q.correctIndex >= q.options.length) return [...problems, 'the correct index is out of range'];
  const correct = q.options[q.correctIndex];
  if (foldOption(correct) !== foldOption(answer.text)) problems.push(`the marked answer “${correct}” is not the words at the answer span (“${answer.text}”)`);
  if (!containsFolded(quote.text, correct)) problems.push(`the marked answer “${correct}” is not in the quote`);
  const atBlank = q.options.filter((o) => foldedAt(source, o, answer.start));
  if (atBlank.length !== 1 || atBlank[0] !== correct) problems.push(`${atBlank.length} options stand in the quote where the answer is (${atBlank.join(', ') || 'none'}); exactly the marked one must`);
  if (containsFolded(q.prompt, correct) || leaksByAcronym(q.prompt, correct)) problems.push(`the prompt gives away the answer “${correct}”`);
  for (const [i, o] of q.options.entries()) {
    if (i !== q.correctIndex && containsFolded(q.prompt, o)) problems.push(`the prompt names the distractor “${o}”`);
  }
  if (q.style === 'cloze') {
    const blanks = q.prompt.split(BLANK).length - 1;
    const expected = `${source.slice(quote.start, answer.start)}${BLANK}${source.slice(answer.end, quote.end)}`;
    if (blanks !== 1 || !q.prompt.includes(expected)) problems.push('the blank of the prompt is not where the answer stands in the quote');
  }
  if (!q.explanation?.includes(quote.text)) problems.push('the explanation does not quote the evidence');
  return problems;
}

/** A question proposed by a language model, before it is checked. */
export interface GeneratedQuestionCandidate {
  prompt: string;
  options: string[];
  correctIndex: number;
  /** the passage the model says proves the answer */
  passageId: string;
}

export type GeneratedQuestionVerdict = { accepted: true; question: QuizQuestion } | { accepted: false; reason: string };

const banks = new WeakMap<readonly Chunk[], FactBank>();

function kindOfAnswer(answer: string, passages: readonly Chunk[], documents: ReadonlyMap<string, CorpusDocument>): FactKind | 'other' {
  let bank = banks.get(passages);
  if (!bank) banks.set(passages, (bank = buildFactBank(passages, documents)));
  const folded = foldOption(answer);
  const entity = bank.entities.find((e) => e.aliases.some((a) => foldOption(a) === folded));
  if (entity) return entity.kind;
  if (/^\d[\d,.]*$/.test(answer.trim())) return 'number';
  return 'other';
}

/**
 * Accept a model's quiz question only when the passage it cites contains the marked answer
 * (folded, whole words) and the question passes `checkQuestion` with that passage's sentence as
 * the quote. Model output is untrusted, so every field is checked.
 */
export function acceptGeneratedQuestion(candidate: unknown, passages: readonly Chunk[], documents: DocumentLookup): GeneratedQuestionVerdict {
  const reject = (reason: string): GeneratedQuestionVerdict => ({ accepted: false, reason });
  if (!candidate || typeof candidate !== 'object') return reject('not a question object');
  const c = candidate as Partial<Record<keyof GeneratedQuestionCandidate, unknown>>;
  if (typeof c.prompt !== 'string' || !c.prompt.trim() || c.prompt.length > 500) return reject('the prompt is missing or too long');
  if (!Array.isArray(c.options) || c.options.length < 2 || c.options.length > 5 || !c.options.every((o) => typeof o === 'string' && o.trim())) {
    return reject('there must be 2 to 5 non-empty options');
  }
  if (typeof c.correctIndex !== 'number' || !Number.isInteger(c.correctIndex) || c.correctIndex < 0 || c.correctIndex >= c.options.length) {
    return reject('the correct index is not one of the options');
  }
  if (typeof c.passageId !== 'string') return reject('no passage is cited');
  const passage = passages.find((p) => p.id === c.passageId);
  if (!passage) return reject(`the cited passage ${c.passageId} does not exist`);
  const docs = toMap(documents);
  const doc = docs.get(passage.docId);
  if (!doc || doc.source.slice(passage.start, passage.end) !== passage.text) return reject('the cited passage is not part of the corpus as loaded');
  const options = (c.options as string[]).map((o) => o.trim());
  const prompt = c.prompt.trim();
  const correct = options[c.correctIndex];
  if (new Set(options.map(foldOption)).size !== options.length) return reject('two options are the same');
  // The sentence of the passage that holds the answer and shares most words with the prompt.
  const promptWords = new Set((foldText(prompt).match(/[\p{L}\p{N}]{4,}/gu) ?? []).filter((w) => !FUNCTION_WORDS.has(w)));
  let best: { sentence: { start: number; end: number }; at: { start: number; end: number }; overlap: number } | undefined;
  for (const sentence of passage.sentences) {
    const text = doc.source.slice(sentence.start, sentence.end);
    const hits = findFolded(text, correct, sentence.start);
    if (!hits.length) continue;
    const overlap = (foldText(text).match(/[\p{L}\p{N}]{4,}/gu) ?? []).filter((w) => promptWords.has(w)).length;
    if (!best || overlap > best.overlap) best = { sentence, at: hits[0], overlap };
  }
  if (!best) return reject(`the cited passage does not contain the marked answer “${correct}”`);
  const quote: QuoteSpan = { start: best.sentence.start, end: best.sentence.end, text: doc.source.slice(best.sentence.start, best.sentence.end) };
  const answer: QuoteSpan = { start: best.at.start, end: best.at.end, text: doc.source.slice(best.at.start, best.at.end) };
  const question: QuizQuestion = {
    id: questionId(passage.id, answer, 'generated', prompt, options),
    style: 'generated',
    kind: kindOfAnswer(correct, passages, docs),
    prompt,
    options,
    correctIndex: c.correctIndex,
    evidence: { passageId: passage.id, docId: passage.docId, section: passage.section, paragraph: passage.paragraph, quote, answer },
    explanation: explanationFor(doc, passage, correct, quote.text),
  };
  const problems = checkQuestion(question, docs);
  return problems.length ? reject(problems.join('; ')) : { accepted: true, question };
}

/** With LLM mode on: keep only the model's questions whose cited passage supports the marked answer. */
export function filterGeneratedQuestions(
  candidates: readonly unknown[],
  passages: readonly Chunk[],
  documents: DocumentLookup,
): { accepted: QuizQuestion[]; rejected: { candidate: unknown; reason: string }[] } {
  const accepted: QuizQuestion[] = [];
  const rejected: { candidate: unknown; reason: string }[] = [];
  for (const candidate of candidates) {
    const verdict = acceptGeneratedQuestion(candidate, passages, documents);
    if (verdict.accepted) accepted.push(verdict.question);
    else rejected.push({ candidate, reason: verdict.reason });
  }
  return { accepted, rejected };
}
