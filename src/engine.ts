import { answerExtractive, answerParts, ABSTAIN_MESSAGE, INSTRUCTION_MESSAGE, OTHER_LANGUAGE_MESSAGE, refusesMessage, type CorpusView } from './answer/extractive.js';
import { asksByOffice, asksForPeople, peopleByOffice, titledPeople } from './answer/people.js';
import { quotePassages } from './answer/structure.js';
import { answerMetadata, type MetadataAnswer } from './answer/metadata.js';
import { verifyCitations } from './answer/citations.js';
import { asksToVerify, givenInstead, MAGNITUDE, nationOf, unsupportedSpecifics } from './answer/checks.js';
import type { LlmAnswerer } from './answer/llm.js';
import type { Answer, PassageOut } from './answer/types.js';
import type { Config } from './config/index.js';
import { loadCorpus, type Corpus, type CorpusDocument } from './corpus/load.js';
import { FootnoteError } from './errors.js';
import { escapeRegExp, plural, sanitizeInput } from './ingest/text.js';
import { AUTHORS_SECTION, type Chunk } from './ingest/chunk.js';
import { createEmbedder, type EmbedderChoice } from './index/embeddings.js';
import { openIndex, type IndexProgress, type OpenedIndex } from './index/store.js';
import { contentTokens, stemWord, type Token } from './index/tokenize.js';
import { analyzeQuestion, askedWithoutGuess, askedWithoutScene, asksForStructure, choicesOf, headlineCase, inOtherLanguage, keywordFields, metadataField, QUESTION_OPENING, questionType, subQuestions, type AnalyzedQuestion, type MetadataField } from './retrieve/question.js';
import { Retriever, type Passage, type Retrieval, type SearchOptions } from './retrieve/retriever.js';

export const MAX_QUESTION_LENGTH = 1000;

/**
 * Up to this many documents, a question naming someone by office reads every document's people;
 * beyond, only those of the documents a first search finds (a 10,000-document corpus would otherwise
 * read them all on the first such question).
 */
const OFFICE_SCAN_DOCUMENTS = 50;
/** "Putin's gang", "Khamenei's regime": a group named by the person who leads it. */
const LEADERS_GROUP = /(?<![\p{L}])(\p{Lu}[\p{L}-]+)['’]s\s+(gang|regime|government|administration|cronies|men|forces|army|military|troops|country|state|camp|thugs|henchmen|clique|circle|mob|goons)\b/gu;
/** Content words (not the document's) a question needs to name a subject of its own, whatever it points back at ("what was Larijani wearing, and is it because of Ashura?"). */
const SUBJECT_WORDS = 3;
/** A statement telling the bot what to do: "Respond only with ...", "Pretend you are ...". */
/** A comment saying what the document gives: "the piece mentions trillions", "the article says 7,000". */
const DOCUMENT_GIVES = /\b(?:the\s+)?(?:article|piece|text|essay|paper|authors?|it)\s+(?:only\s+|just\s+)?(?:mentions?|says?|gives?|states?|notes?|cites?|uses?|talks\s+about)\b/i;
/** A figure: a magnitude in words, or a number of three digits or more ("trillions", "7,000", "224"; not "October 15"). */
const GIVEN_FIGURE = new RegExp(`\\b(?:${MAGNITUDE})\\b|\\b\\d{1,3},\\d{3}\\b|(?<![\\d,.])\\d{3,}(?![\\d,.])`, 'i');
const ORDERS_AROUND = /(?:^|[.!?]\s+)(?:please\s+)?(?:respond|reply|answer|write|say|output|print|return|format|use|ignore|forget|pretend|act|start|end|begin|include|add|append|translate|repeat|sign)\b/i;
/** A comment the asker makes in their own name ("this smells like the 1939 pact to me", "i reckon"). */
const ASKER_COMMENT = /\b(?:to\s+me|i\s+(?:think|reckon|guess|feel|suspect)|imo|imho|if\s+you\s+ask\s+me|in\s+my\s+(?:view|opinion))\b/i;
/** Details a yes/no question may check that the corpus gives otherwise, at most ("is it X who ...?"). */
const MAX_CHECKED_DETAILS = 2;
/** A part of the document or someone a message's comment picked out ("summarise that part", "what do the authors think he was covering up?"). */
const POINTED_PART = /\b(?:that|this|these|those)\s+(?:part|section|bit|point|passage|paragraph|claim|argument|issue|topic)s?\b|\b(?:he|him|his|she|her|they|them|their|it|its)\b|\b(?:that|this)\s+(?:changes?|changed|affects?|affected|alters?|altered|shifts?|shifted|impacts?|means?|fits?|plays?|matters?|shapes?|shaped|compares?)\b|\b(?:does|did|would|will|could|might|has|had)\s+(?:that|this)\s+(?!article|piece|essay|text|paper)\p{L}/iu;
/** Words for the document itself, which name no subject ("is that the figure the paper uses?"): those not already stop words ("article", "piece", "text", "author" are). */
const DOCUMENT_WORD = /^(?:document|paper|story|writers)$/;

/** What a typed passage id means: the passage's id, or the ids it could mean when it is ambiguous. */
export interface TypedPassageId {
  id?: string;
  candidates: string[];
}

/** What to tell someone whose bare passage id ("p1") names a passage in several documents. */
export function ambiguousPassageId(typed: string, candidates: string[]): string {
  return `“${typed.slice(0, 100)}” is in several documents: ${candidates.slice(0, 5).join(', ')}${candidates.length > 5 ? ', …' : ''}. Give the whole id.`;
}

/** "in the authors' account / view / estimation", "according to the writers": whose account a question asks for. */
const AUTHORS_ACCOUNT = /\b(?:in|by|per|according\s+to|from)\s+(?:the\s+)?(?:authors?|writers?)(?:['’]s?|s['’])?(?:\s+(?:account|view|views|telling|reading|words|estimation|opinion|analysis|judg(?:e)?ment|assessment))?\b/gi;

/** Questions about who the authors are (where they work, their background), not about what they argue. */
const AUTHOR_BIO = /\bwho are the (?:authors?|writers?)\b|\b(?:affiliat\w*|employers?|institutions?|institutional|credentials|jobs?|job\s+titles?)\b[^?]{0,40}\b(?:of|for)\s+(?:the\s+|both\s+|the\s+two\s+|its\s+)?(?:authors?|writers?)\b|\b(?:authors?|writers?)\b.*\b(?:work|works|working|job|jobs|based|live|lives|affiliat\w*|employ\w*|institut\w*|organi[sz]ations?|background|credentials|expertise|fellows?|researchers?|positions?)\b/i;

/** Words of a question about a document's metadata that say nothing about which document is meant. */
const METADATA_WORDS = new Set(
  'wrote write writes written writer writers author authors authored penned published publish publication date day year month came come out released appear appeared dated run journal magazine newspaper outlet title titled headline called tags tagged topics category categories filed issues listed name list byline behind'
    .split(' ')
    .map(stemWord),
);

export interface AskOptions extends SearchOptions {
  /** false to answer offline even when a model is configured (a server's setting) */
  llm?: boolean;
}

export interface EngineOptions {
  force?: boolean;
  onProgress?: IndexProgress;
  /** warnings and notices for the operator (never secrets) */
  log?: (line: string) => void;
  /** the model answerer, when one is configured (built by the caller's factory) */
  llm?: LlmAnswerer;
  embedder?: EmbedderChoice;
}

export interface PassageContext {
  passage: Chunk;
  title: string;
  file: string;
  previous?: Chunk;
  next?: Chunk;
}

/**
 * The answer engine: corpus → passages → hybrid index → cited answers.
 * Opened once at start-up; every front end (CLI, console chat, Discord) shares it.
 */
export class Engine implements CorpusView {
  readonly documents: Map<string, CorpusDocument>;
  private readonly sources: Map<string, string>;
  private readonly byDoc = new Map<string, Chunk[]>();
  private readonly englishOnly: boolean;
  /** The corpus's section headings (the authors' section aside), for questions scoped to a section. */
  private readonly headings: string[];

  private constructor(
    readonly corpus: Corpus,
    readonly index: OpenedIndex,
    readonly retriever: Retriever,
    readonly embedder: EmbedderChoice,
    readonly llm: LlmAnswerer | undefined,
    readonly topK: number,
  ) {
    this.documents = new Map(corpus.documents.map((d) => [d.id, d]));
    this.sources = new Map(corpus.documents.flatMap((d) => [[d.file, d.source] as [string, string], ...(d.metaSource ? [[d.metaSource.file, d.metaSource.text] as [string, string]] : [])]));
    // English word vectors over an English corpus: questions in other languages cannot be matched.
    this.englishOnly = !!embedder.local && corpus.documents.some((d) => !inOtherLanguage(d.source.slice(0, 4000)));
    const headings = new Set<string>();
    for (const chunk of index.chunks) {
      if (chunk.section && chunk.section !== AUTHORS_SECTION) headings.add(chunk.section);
      const list = this.byDoc.get(chunk.docId) ?? [];
      list.push(chunk);
      this.byDoc.set(chunk.docId, list);
    }
    this.headings = [...headings];
  }

  static async open(config: Pick<Config, 'corpusDir' | 'dataDir' | 'embeddings' | 'openai'> & { topK?: number }, options: EngineOptions = {}): Promise<Engine> {
    const corpus = loadCorpus(config.corpusDir);
    for (const warning of corpus.warnings) options.log?.(`warning: ${warning}`);
    const embedder = options.embedder ?? (await createEmbedder(config));
    const index = await openIndex({
      corpus,
      dataDir: config.dataDir,
      embeddings: embedder.embeddings,
      embedder: embedder.settings,
      force: options.force,
      onProgress: options.onProgress,
    });
    if (index.built) options.log?.(`index built (${index.reason ?? 'new'}): ${plural(index.manifest.documents, 'document')}, ${plural(index.manifest.chunks, 'passage')}, ${index.manifest.dimensions} dimensions, ${index.seconds.toFixed(2)} s`);
    const retriever = new Retriever(index, embedder, corpus.documents);
    return new Engine(corpus, index, retriever, embedder, options.llm, config.topK ?? 5);
  }

  /** The sections a question scopes itself to by heading ("in the distrust section", "from the Limits part"), if any. */
  private sectionsNamed(query: string): string[] | undefined {
    const named = /\b(?:in|from|within|under)\s+(?:the\s+|this\s+|that\s+)?((?:[\p{L}'’-]+\s+){1,3})(?:section|part|chapter)\b/iu.exec(query)?.[1];
    if (!named) return undefined;
    const asked = new Set(contentTokens(named).map((t) => t.stem));
    const matching = this.headings.filter((h) => contentTokens(h).some((t) => asked.has(t.stem)));
    return matching.length ? matching : undefined;
  }

  /** A heading given whole after in/under/from ("Under 'Limits of Convergence', which ..."), or as the question's label, and the question without it. */
  private headingGiven(query: string): { heading: string; rest: string } | undefined {
    const folded = query.toLowerCase();
    for (const heading of this.headings) {
      if (!folded.includes(heading.toLowerCase())) continue;
      // (or opening the question as a label: "Fundamental Distrust section: what ...?")
      const m = new RegExp(`\\b(?:in|from|within|under|according to|per|based on|going by)\\s+(?:the\\s+)?["'“‘]?${escapeRegExp(heading)}["'”’]?(?![\\p{L}])(?:\\s+(?:section|part|chapter))?\\s*[,:;—–-]?\\s*|^\\s*(?:the\\s+)?["'“‘]?${escapeRegExp(heading)}["'”’]?(?:\\s+(?:section|part|chapter))?\\s*[:—–-]\\s*`, 'iu').exec(query);
      const rest = m ? (query.slice(0, m.index) + ' ' + query.slice(m.index + m[0].length)).trim() : '';
      if (m && rest) return { heading, rest };
    }
    return undefined;
  }

  chunksOf(docId: string): Chunk[] {
    return this.byDoc.get(docId) ?? [];
  }

  get mode(): 'extractive' | 'llm' {
    return this.llm ? 'llm' : 'extractive';
  }

  /** Answer a question with citations; throws FootnoteError for an empty or over-long question. */
  async ask(raw: string, options: AskOptions = {}): Promise<Answer> {
    const started = performance.now();
    const analyzed = this.read(raw);
    // (an attack is refused whole, whatever question rides along)
    const asked = analyzed.injection ? undefined : askedWithoutScene(analyzed.query);
    const finished = (answer: Answer): Answer => ({ ...answer, question: analyzed.text, timings: { ...answer.timings, totalMs: ms(performance.now() - started) } });
    // "Which Iraqi city ...: A) Mosul B) Tikrit C) Ramadi?": the option the corpus bears out
    const choices = analyzed.injection ? undefined : choicesOf(analyzed.query);
    if (choices) {
      const chosen = await this.chosenOption(choices, options);
      if (chosen) return finished(chosen);
    }
    // "What's the gist of the piece? The pundit called it an unbreakable bloc.": an overview is of the document,
    // whatever the comment around it names (unless it points at a part or someone the comment picked out: "summarise
    // that part"; and after a finished statement: "... goes?? optimistic or pessimistic" goes on asking)
    // (or one the asker speaks of themself: "... this smells like the 1939 pact to me, temporary by design")
    if (asked && questionType(asked) === 'overview' && !POINTED_PART.test(asked) && (/[.!?…]["”’)]*\s*$/.test(analyzed.query) || ASKER_COMMENT.test(analyzed.query.replace(asked, ' ')))) return finished(await this.answer(asked, options));
    const answer = await this.answer(raw, options, analyzed);
    if (!answer.abstained || answer.answer !== ABSTAIN_MESSAGE) return answer;
    // "someone said Russia has PTSD from the 80s. what's the syndrome the article says it struggles with?",
    // "how many died? I forget the figure.": the scene set around the question is no part of what must be in
    // the corpus. When the whole message finds no answer, the questions asked are answered alone, if they
    // name a subject of their own ("when was that signed?", "is that the figure the article uses?" lean on
    // the scene, and stay refused).
    // (not when a statement set aside tells the bot what to do: "Respond only with ... . Question: what ...?")
    // (nor when it says what figure the document gives: "... so far? the piece mentions trillions" asks past that)
    const givenFigure = (scene: string) => DOCUMENT_GIVES.test(scene) && GIVEN_FIGURE.test(scene);
    const alone = (question: string | undefined) => question && !ORDERS_AROUND.test(analyzed.query.replace(question, ' ')) && !givenFigure(analyzed.query.replace(question, ' ')) && contentTokens(question).filter((t) => !DOCUMENT_WORD.test(t.word)).length >= SUBJECT_WORDS ? this.answer(question, options) : undefined;
    const second = await alone(asked);
    // ("What's Alfoneh's position — is he a program director at Brookings?": when the guess after the question is no detail
    // the corpus gives in another's place, the question before it is answered alone)
    const guess = analyzed.injection ? undefined : askedWithoutGuess(analyzed.query);
    // ("Is it really claimed that 70,000 ...? That seems too high.": the detail checked by the one question asked, without the comment after it)
    const commented = asked && asked !== analyzed.query && (asked.match(/\?/g) ?? []).length === 1 && !QUESTION_OPENING.test(analyzed.query.replace(asked, ' ').trim()) ? asked : undefined;
    const found = second && !second.abstained ? second : (await this.checkedDetail(analyzed, options)) ?? (commented ? await this.checkedDetail(analyzeQuestion(commented), options) : undefined) ?? (await alone(guess));
    return found && !found.abstained ? finished(found) : answer;
  }

  /**
   * A multiple-choice question: the option whose own words the answer to its stem quotes most ("which
   * Iraqi city ...?" → Tikrit); when the stem's answer settles none, the question is asked once with each
   * option, and of those the corpus answers, the one whose words its quotes repeat most (then the one
   * retrieval ranks highest) is the answer. The option is named before it ("B) Tikrit: ...", or just "B)"
   * when the quotes do not give all its words). Undefined when the corpus answers none: the question is
   * then asked as typed.
   */
  private async chosenOption(choices: NonNullable<ReturnType<typeof choicesOf>>, options: AskOptions): Promise<Answer | undefined> {
    const stem = choices.stem.replace(/[\s:—–-]+$/, '');
    // (an option is repeated only when the quotes give all its words, or it is a number: a word typed is no word to echo)
    const named = (o: (typeof choices.options)[number], answer: Answer) => {
      const quoted = new Set(contentTokens(answer.citations.map((c) => c.text).join(' ')).map((t) => t.word));
      const echoed = /^[\d,.]+$/.test(o.text) || contentTokens(o.text).every((t) => quoted.has(t.word));
      return o.label ? (echoed ? `${o.label}) ${o.text}` : `${o.label})`) : o.text;
    };
    // (how many of an option's own words an answer quotes: not the stem's, nor those another option shares,
    // "Russia", "Syria"; a number, quoted whole)
    const stemWords = new Set(contentTokens(stem).map((t) => t.stem));
    const wordsOf = choices.options.map((o) => new Set(contentTokens(o.text).map((t) => t.stem).filter((w) => !stemWords.has(w))));
    const said = (answer: Answer, at: number) => {
      const option = choices.options[at];
      const quoted = answer.citations.map((c) => c.text).join(' ');
      if (/^[\d,.]+$/.test(option.text)) return new RegExp(`(?<![\\d,.])${escapeRegExp(option.text)}(?![\\d])`).test(quoted) ? 1 : 0;
      const stems = new Set(contentTokens(quoted).map((t) => t.stem));
      return [...wordsOf[at]].filter((w) => stems.has(w) && !wordsOf.some((other, j) => j !== at && other.has(w))).length;
    };
    const direct = await this.answer(stem, options);
    if (!direct.abstained) {
      const shares = choices.options.map((_, i) => said(direct, i));
      const top = Math.max(...shares);
      if (top > 0 && shares.filter((x) => x === top).length === 1) return { ...direct, answer: `${named(choices.options[shares.indexOf(top)], direct)}: ${direct.answer}` };
    }
    let best: { answer: Answer; said: number; score: number; option: (typeof choices.options)[number] } | undefined;
    for (const [i, option] of choices.options.entries()) {
      const answer = await this.answer(`${stem} ${option.text}`, options);
      if (answer.abstained) continue;
      const share = said(answer, i);
      const score = answer.passages[0]?.score ?? 0;
      if (!best || share > best.said || (share === best.said && score > best.score)) best = { answer, said: share, score, option };
    }
    return best && { ...best.answer, answer: `${named(best.option, best.answer)}: ${best.answer.answer}` };
  }

  /**
   * "The article says Russia still struggles with the painful “Vietnam syndrome”, correct?": a yes/no
   * question checking a detail (a name, a number) the corpus does not give is answered by the sentence
   * that gives another in its place ("the painful “Afghanistan syndrome”"), after saying the corpus has
   * it otherwise. Up to two such details; none when the sentence found gives nothing in their place
   * ("did Russia pull out of Syria in 2016?" stays refused).
   */
  private async checkedDetail(question: AnalyzedQuestion, options: AskOptions): Promise<Answer | undefined> {
    if (question.injection || question.chatter || question.metadata || !asksToVerify(question.query)) return undefined;
    const retrieval = await this.retriever.search(question.query, question.tokens, { ...options, k: this.topK });
    const details = unsupportedSpecifics(question, retrieval, this);
    if (!details.length || details.length > MAX_CHECKED_DETAILS) return undefined;
    const without = details.reduce((q, d) => q.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(d)}(?:['’]s)?(?![\\p{L}\\p{N}])`, 'giu'), ' '), question.query);
    // (answered offline: the sentence quoted is what settles the detail, and a model would be asked a question with holes in it)
    const answer = await this.answer(without, { ...options, llm: false });
    if (answer.abstained || !details.every((d) => answer.citations.some((c) => givenInstead(question.query, d, c.text)))) return undefined;
    // (the detail is not repeated: a word typed to be checked is no word to echo, "is it PWNED who ...?")
    return { ...answer, answer: `Not as the corpus has it. It says: ${answer.answer}` };
  }

  /** One answer to one message (`asked`: the message already read, when the caller has read it). */
  private async answer(raw: string, options: AskOptions, asked: AnalyzedQuestion = analyzeQuestion(checkQuestion(raw))): Promise<Answer> {
    const started = performance.now();
    // "Under 'Limits of Convergence', what ...": asked of that section, the heading no part of what is asked
    const headed = options.sections?.length ? undefined : this.headingGiven(asked.query);
    const { question, bios } = this.aboutAuthors(await this.namedByOffice(headed ? { ...analyzeQuestion(headed.rest), text: asked.text, injection: asked.injection } : asked, options), options.docIds);
    // A message refused as a whole needs no retrieval: nothing of the corpus is quoted or listed.
    // (the offline word matching reads English only: a question in another language is told so, not abstained on
    // as if the corpus lacked it; an attack is refused whole, even when a real question rides along: obeying half a
    // message teaches that the other half was read; a question mixing in words of another language that read as English,
    // "os russos would accept trocar o Assad?", is read)
    const refusal = this.englishOnly && inOtherLanguage(question.text) && inOtherLanguage(question.query) ? OTHER_LANGUAGE_MESSAGE : question.injection ? INSTRUCTION_MESSAGE : undefined;
    if (refusal) {
      const totalMs = ms(performance.now() - started);
      return { question: question.text, answer: refusal, abstained: true, citations: [], mode: 'extractive', passages: [], timings: { retrieveMs: 0, answerMs: totalMs, totalMs } };
    }
    const k = options.k ?? this.topK;
    // The answer is drawn from at least the default depth, so `k` changes how many passages are listed, not the answer.
    // "In the distrust section, how ...": the question is asked of that section.
    const search = { ...options, k: Math.max(k, this.topK), sections: options.sections?.length ? options.sections : headed ? [headed.heading] : this.sectionsNamed(question.query) };
    const parts = question.type === 'overview' || question.metadata || asksForStructure(question.query) || asksForPeople(question.query) ? [{ text: question.query }] : subQuestions(question.query);
    const partRetrievals = parts.length > 1 ? await Promise.all(parts.map(async (part) => {
      const q = { ...analyzeQuestion(part.text), injection: question.injection };
      return { question: q, side: part.side, focus: part.focus, retrieval: await this.retriever.search(q.query, q.tokens, search) };
    })) : undefined;
    const retrieval = partRetrievals ? mergeRetrievals(partRetrievals.map((p) => p.retrieval), search.k) : await this.retriever.search(question.query, question.tokens, search);
    const retrieved = performance.now();
    const finish = ({ lead, ...answer }: Omit<Answer, 'question' | 'passages' | 'timings'> & { lead?: string[] }): Answer => {
      const problems = verifyCitations(answer.citations, this.sources);
      if (problems.length) throw new Error(`citation check failed: ${problems.join('; ')}`);
      const done = performance.now();
      // A message that asks nothing gets no "nearest passages": nothing was near.
      const passages = refusesMessage(answer.answer) ? [] : this.rankCitedFirst(answer.citations, retrieval.passages.map(toPassageOut), lead).slice(0, k);
      return { question: question.text, ...answer, passages, timings: { retrieveMs: ms(retrieved - started), answerMs: ms(done - retrieved), totalMs: ms(done - started) } };
    };

    if (question.metadata) {
      // "Who wrote the article and when was it published?": each field answered, in the order asked.
      const metas = metadataFields(question.query, question.metadata).flatMap((field) => this.metadataAnswer(field, question.tokens, retrieval, options.docIds) ?? []);
      if (metas.length) {
        const joined = joinMetadataAnswers(metas);
        return finish({ ...joined, abstained: joined.citations.length === 0, mode: 'extractive' });
      }
    }
    // Who the authors are and where they work: their biographies, whole.
    if (bios?.length) return finish({ ...quotePassages(bios, this), mode: 'extractive' });
    const extractive = partRetrievals
      ? answerParts(partRetrievals, this, this.retriever.wordSimilarity)
      : answerExtractive(question, retrieval, this, this.retriever.wordSimilarity);
    // Answers drawn from the document's structure (an overview, a section, its headings, a definition) stay offline: the model sees only passages.
    if (this.llm && options.llm !== false && !extractive.abstained && !question.injection && question.type !== 'overview' && !extractive.lead) {
      const written = await this.llm.answer(question.query, retrieval.passages, this.documents);
      if (written.ok) return finish({ answer: written.answer, citations: written.citations, abstained: written.abstained, mode: 'llm' });
      return finish({ ...extractive, mode: 'extractive', notice: `The language model could not answer: ${written.reason}. This is the offline answer.` });
    }
    return finish({ ...extractive, mode: 'extractive' });
  }

  /**
   * "What is the Russian leader aiming for?", "why is the Syrian ruler cozying up to Moscow?": a person
   * named by nation and office is searched for by the name the documents in scope give that office
   * ("Russian president Vladimir Putin", "Bashar al-Assad as the legitimate ruler of Syria").
   */
  private async namedByOffice(question: AnalyzedQuestion, options: AskOptions): Promise<AnalyzedQuestion> {
    if (question.metadata || question.chatter || question.injection || !asksByOffice(question.query)) return question;
    // (the documents in scope, or, in a large corpus, those a first search finds: each document's people are read once, when first asked)
    const scoped = options.docIds?.length ? options.docIds : this.corpus.documents.length <= OFFICE_SCAN_DOCUMENTS ? this.corpus.documents.map((d) => d.id) : undefined;
    const docIds = scoped ?? [...new Set((await this.retriever.search(question.query, question.tokens, { sections: options.sections, k: this.topK })).passages.map((p) => p.docId))];
    const names = peopleByOffice(question.query, docIds.flatMap((id) => titledPeople(id, this)));
    return names.length ? { ...analyzeQuestion(`${question.query} (${names.join(' ')})`), text: question.text, injection: question.injection } : question;
  }

  /**
   * "Where do the authors work?", "what do the authors do?": answered with the authors' biographies
   * (the chunker's authors' section) of the documents in scope, up to five; the authors' names stand
   * for "the authors" in the search either way.
   */
  private aboutAuthors(question: AnalyzedQuestion, docIds?: string[]): { question: AnalyzedQuestion; bios?: Chunk[] } {
    // (an overview asks what the authors argue: "the core question the authors are working?")
    if (question.metadata || question.chatter || question.type === 'overview' || !/\b(?:authors?|writers?)\b/i.test(question.query)) return { question };
    // ("how, in the authors' account, does Russia ...": whose account it is, not who they are)
    if (question.tokens.length && !AUTHOR_BIO.test(question.query.replace(AUTHORS_ACCOUNT, ' '))) return { question };
    const docs = (docIds?.length ? docIds.flatMap((id) => this.documents.get(id) ?? []) : this.corpus.documents).slice(0, 5);
    const names = [...new Set(docs.flatMap((d) => d.meta.authors))];
    if (!names.length) return { question };
    // the names also lead the search, so the passages listed after the biographies are about the authors
    const expanded = analyzeQuestion(`${question.query} (${names.join(', ')})`);
    const bios = docs.flatMap((d) => this.chunksOf(d.id).filter((c) => c.section === AUTHORS_SECTION));
    return { question: { ...question, query: expanded.query, tokens: expanded.tokens }, bios };
  }

  /**
   * Which document "the article" means: the one the question's own words point to, or the only one
   * allowed; when several documents could be meant and nothing picks one ("who wrote the article?"),
   * each document answers for itself (up to five), rather than whichever ranked first.
   */
  private metadataAnswer(field: MetadataField, tokens: Token[], retrieval: Retrieval, docIds?: string[]): MetadataAnswer | undefined {
    const candidates = docIds?.length ? docIds.filter((id) => this.documents.has(id)) : [...this.documents.keys()];
    const topical = tokens.filter((t) => !METADATA_WORDS.has(t.stem));
    const top = retrieval.passages[0]?.docId;
    if (candidates.length <= 1 || (topical.length && top && candidates.includes(top))) {
      const doc = this.documents.get((top && candidates.includes(top) ? top : candidates[0]) ?? '') ?? this.corpus.documents[0];
      // A document whose metadata lacks the field says so, rather than quoting whatever matched the question.
      return answerMetadata(field, doc, this.chunksOf(doc.id)) ?? { answer: `No ${FIELD_NAMES[field]} is recorded for “${doc.meta.title}”.`, citations: [] };
    }
    const shown = candidates.slice(0, 5);
    const answers = shown.map((id) => answerMetadata(field, this.documents.get(id)!, this.chunksOf(id))).filter((a): a is MetadataAnswer => !!a);
    if (!answers.length) return undefined;
    const joined = joinMetadataAnswers(answers);
    const missing = shown.length - answers.length;
    const lacking = missing ? ` No ${FIELD_NAMES[field]} is recorded for ${missing === 1 ? 'one other' : `${missing} others`}.` : '';
    const more = candidates.length > 5 ? ` (${candidates.length - 5} more documents not shown; ask about one by its title.)` : '';
    return { answer: `The corpus has ${candidates.length} documents. ${joined.answer}${lacking}${more}`, citations: joined.citations };
  }

  /** The passages an answer rests on lead the ranking (an overview or metadata answer may cite passages retrieval ranked low). */
  private rankCitedFirst(citations: Answer['citations'], ranked: PassageOut[], lead?: string[]): PassageOut[] {
    const cited: PassageOut[] = [];
    for (const c of citations) {
      if (cited.some((p) => p.id === c.passageId)) continue;
      const chunk = this.retriever.chunk(c.passageId);
      if (!chunk) {
        // A quote outside every passage (the dateline, for a metadata answer) is its own source.
        if (c.file === this.documents.get(c.docId)?.file) cited.push({ rank: 0, id: c.passageId, docId: c.docId, title: c.title, section: c.section, paragraph: c.paragraph, text: c.text, start: c.start, end: c.end, score: c.score });
        continue;
      }
      const known = ranked.find((p) => p.id === chunk.id);
      const passage = known ?? { rank: 0, id: chunk.id, docId: chunk.docId, title: c.title, section: chunk.section, paragraph: chunk.paragraph, text: chunk.text, start: chunk.start, end: chunk.end, score: c.score };
      // A heading quoted (a section named in the answer) is listed with the passage it heads: the slice from the heading on.
      const doc = this.documents.get(chunk.docId);
      const heads = !!doc && c.file === doc.file && c.end <= chunk.start && !doc.source.slice(c.end, chunk.start).trim();
      cited.push(heads ? { ...passage, text: doc.source.slice(c.start, passage.end), start: c.start } : passage);
    }
    // Cited passages keep their retrieval order among themselves (the answer quotes them in document order),
    // or the answerer's order of importance when it gave one.
    const order = (p: PassageOut) => (lead ? lead.indexOf(p.id) : ranked.findIndex((r) => r.id === p.id)) >>> 0;
    cited.sort((a, b) => order(a) - order(b));
    return [...cited, ...ranked.filter((p) => !cited.some((c) => c.id === p.id))].map((p, i) => ({ ...p, rank: i + 1 }));
  }

  /** A message read as a question (a headline's capitals read as no names, a leader's gang as his nation), the message as typed kept as its text. */
  private read(raw: string): AnalyzedQuestion {
    const checked = checkQuestion(raw);
    const cased = this.authorsByName(this.leadersAsNations(headlineCase(checked, this.retriever.isName, this.retriever.isCommonWord)));
    return cased === checked ? analyzeQuestion(checked) : { ...analyzeQuestion(cased), text: sanitizeInput(checked) };
  }

  /**
   * "When did Putin's gang start its air operations?", "what does Khamenei's regime want?": a group named by its leader is his
   * nation's ("Russia's gang"), when the documents name him with one nation by his office ("Russian president Vladimir Putin")
   * and never write the phrase themselves ("the Assad regime" is theirs, and stays).
   */
  private leadersAsNations(text: string): string {
    if (this.corpus.documents.length > OFFICE_SCAN_DOCUMENTS) return text;
    return text.replace(LEADERS_GROUP, (m, name: string, group: string) => {
      // (read from the documents the first time a question names such a group)
      this.leaderNations ??= new Map(
        this.corpus.documents.flatMap((d) => titledPeople(d.id, this).flatMap((p) => (p.nations.length === 1 && nationOf(p.nations[0]) ? [[p.surname.toLowerCase(), nationOf(p.nations[0])!] as const] : []))),
      );
      this.lowerSources ??= this.corpus.documents.map((d) => d.source.toLowerCase().replace(/’/g, "'"));
      const nation = this.leaderNations.get(name.toLowerCase());
      const [who, what] = [name.toLowerCase(), group.toLowerCase()];
      const written = this.lowerSources.some((src) => src.includes(`${who} ${what}`) || src.includes(`${who}'s ${what}`));
      return nation && !written ? `${nation === 'america' ? 'the US' : nation.replace(/^./, (c) => c.toUpperCase())}'s ${group}` : m;
    });
  }
  private leaderNations?: Map<string, string>;
  private lowerSources?: string[];

  /**
   * "How many joined IS, per Alfoneh/Hansen?", "according to Hansen", "in Hansen's view": the documents' authors named as whose account
   * is asked for are "the authors" (the passages that give the account do not name them). Not "what does Hansen say Denmark's policy
   * should be?": what he says elsewhere, which the corpus may not have.
   */
  private authorsByName(text: string): string {
    if (this.authorNames === undefined) this.authorNames = (() => {
      const names = [...new Set(this.corpus.documents.flatMap((d) => d.meta.authors.flatMap((a) => [a, a.split(/\s+/).pop() ?? a])))].filter((n) => n.length > 2);
      if (!names.length) return null;
      const name = `(?:${names.sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`;
      const several = `${name}(?:\\s*(?:\\/|&|,|\\band\\b)\\s*${name})*`;
      return new RegExp(`\\b(?:(per|according\\s+to)\\s+${several}\\b|(in)\\s+${several}['’]s?\\s+(view|views|account|opinion|reading|analysis|estimation|telling|words)\\b)`, 'gi');
    })();
    if (!this.authorNames) return text;
    return text.replace(this.authorNames, (m, per?: string, inn?: string, view?: string) => (per ? `${per} the authors` : `${inn} the authors' ${view}`));
  }
  private authorNames?: RegExp | null;

  /** The top passages for a query, without composing an answer. */
  async search(raw: string, options: SearchOptions = {}): Promise<PassageOut[]> {
    const question = this.read(raw);
    const retrieval = await this.retriever.search(question.query, question.tokens, { ...options, k: options.k ?? this.topK });
    return retrieval.passages.map(toPassageOut);
  }

  /**
   * The passage id meant by what was typed: the id itself, or the one id that matches it ignoring
   * case, or that ends with it when only the part after # was given (`p4`, `#P4`, `4`, `meta`).
   */
  resolvePassageId(typed: string): TypedPassageId {
    const id = typed.trim().replace(/^`|`$/g, '').trim();
    if (this.passage(id)) return { id, candidates: [id] };
    const ids = [...this.index.chunks.map((c) => c.id), ...[...this.documents.keys()].map((doc) => `${doc}#meta`)];
    const want = id.toLowerCase();
    let candidates = ids.filter((x) => x.toLowerCase() === want);
    if (!candidates.length && !/.#/.test(want)) {
      const tail = want.replace(/^#/, '').replace(/^(\d+)$/, 'p$1');
      candidates = ids.filter((x) => x.toLowerCase().endsWith(`#${tail}`));
    }
    return { id: candidates.length === 1 && this.passage(candidates[0]!) ? candidates[0] : undefined, candidates };
  }

  /** A passage by id, with its neighbours for context. */
  passage(id: string): PassageContext | undefined {
    const passage = this.retriever.chunk(id.trim()) ?? this.header(id.trim());
    if (!passage) return undefined;
    const siblings = this.chunksOf(passage.docId);
    const i = siblings.findIndex((c) => c.id === passage.id);
    const doc = this.documents.get(passage.docId)!;
    return { passage, title: doc.meta.title, file: doc.file, previous: siblings[i - 1], next: siblings[i + 1] };
  }

  /** `doc#meta`: the document's text before its first passage (dateline, title), which metadata answers quote. */
  private header(id: string): Chunk | undefined {
    const m = /^(.*)#meta$/.exec(id);
    const doc = m ? this.documents.get(m[1]) : undefined;
    const first = doc && this.chunksOf(doc.id)[0];
    if (!doc || !first) return undefined;
    const head = doc.source.slice(doc.bodyStart, first.start);
    const start = doc.bodyStart + (head.length - head.trimStart().length);
    const end = doc.bodyStart + head.trimEnd().length;
    if (end <= start) return undefined;
    return { id, docId: doc.id, section: '', paragraph: 0, start, end, text: doc.source.slice(start, end), sentences: [] };
  }

  /**
   * Answer one question offline and drop the answer, so the first person to ask after start-up does not pay for what is
   * built on first use (word tables, caches, compiled code): measured on the article, the first answer after opening took
   * 0.4 s and the next ones tens of ms. The bot does this before it connects.
   */
  async warmUp(): Promise<void> {
    const [doc] = this.corpus.documents;
    if (doc) await this.ask(`When was “${doc.meta.title}” published, and why does it matter?`, { llm: false });
  }

  about() {
    return {
      documents: this.corpus.documents.map((d) => ({ id: d.id, file: d.file, ...d.meta, passages: this.chunksOf(d.id).length })),
      passages: this.index.chunks.length,
      sections: [...new Set(this.index.chunks.map((c) => c.section).filter(Boolean))],
      mode: this.mode,
      embedder: this.embedder.settings,
    };
  }
}

/** Clean a question and enforce the limits; the cleaned text is what is answered. */
export function checkQuestion(raw: string): string {
  const text = typeof raw === 'string' ? raw : '';
  if (text.length > MAX_QUESTION_LENGTH * 4) throw new FootnoteError('QUESTION_TOO_LONG', `The question is too long (${text.length} characters; the limit is ${MAX_QUESTION_LENGTH}).`);
  const cleaned = sanitizeInput(text);
  if (!cleaned) throw new FootnoteError('EMPTY_QUESTION', 'The question is empty. Ask something about the corpus, e.g. "Who wrote the article?"');
  if (cleaned.length > MAX_QUESTION_LENGTH) throw new FootnoteError('QUESTION_TOO_LONG', `The question is too long (${cleaned.length} characters; the limit is ${MAX_QUESTION_LENGTH}).`);
  return cleaned;
}

/** Interleave the rankings of a question's parts (first of each, then second of each, ...), without repeats. */
function mergeRetrievals(retrievals: Retrieval[], k: number): Retrieval {
  const passages: Passage[] = [];
  for (let r = 0; passages.length < k && retrievals.some((x) => x.passages[r]); r++) {
    for (const x of retrievals) {
      const p = x.passages[r];
      if (p && !passages.some((q) => q.id === p.id)) passages.push({ ...p, rank: passages.length + 1 });
    }
  }
  return { passages: passages.slice(0, k), terms: retrievals.flatMap((x) => x.terms) };
}

function toPassageOut(p: Passage): PassageOut {
  return { rank: p.rank, id: p.id, docId: p.docId, title: p.title, section: p.section, paragraph: p.paragraph, text: p.text, start: p.start, end: p.end, score: p.score };
}

function ms(x: number): number {
  return Math.round(x * 100) / 100;
}

export { ABSTAIN_MESSAGE };

const FIELD_NAMES: Record<MetadataField, string> = { authors: 'author', date: 'publication date', publication: 'publication', title: 'title', tags: 'tag' };

/** The metadata fields a question asks for, in order: one, or one per part ("who wrote it and when was it published?"). */
function metadataFields(query: string, first: MetadataField): MetadataField[] {
  // (a bare "and when?", "and where?" after a metadata question asks for the date, the publication)
  // ("title + outlet?": fields named as keywords, each one)
  const keywords = keywordFields(query);
  const fields = keywords.length ? keywords : query.split(/\s*(?:,?\s+and\s+|[?;]\s+)/i).flatMap((part) => metadataField(part) ?? BARE_FIELD[part.trim().replace(/[?.!\s]+$/, '').toLowerCase()] ?? []);
  // (the date's answer names the publication and the publication's the date: the first asked says both)
  const distinct = [...new Set(fields)];
  const dated = distinct.find((f) => f === 'date' || f === 'publication');
  return fields.length > 1 ? distinct.filter((f) => (f !== 'date' && f !== 'publication') || f === dated).slice(0, 3) : [first];
}

/** A bare wh-word following a metadata question: what it asks of the document. */
const BARE_FIELD: Record<string, MetadataField> = { when: 'date', where: 'publication', 'by whom': 'authors', who: 'authors' };

/** Several metadata answers as one: citations numbered in order of the answers, a span quoted twice cited once. */
function joinMetadataAnswers(answers: MetadataAnswer[]): MetadataAnswer {
  const citations: MetadataAnswer['citations'] = [];
  const texts = answers.map((a) => {
    const renumber = new Map<number, number>();
    for (const c of a.citations) {
      const same = citations.find((x) => x.file === c.file && x.start === c.start && x.end === c.end);
      const n = same?.n ?? citations.push({ ...c, n: citations.length + 1 });
      renumber.set(c.n, n);
    }
    return a.answer.replace(/\[(\d+)\]/g, (_, d: string) => `[${renumber.get(Number(d)) ?? d}]`);
  });
  return { answer: texts.join(' '), citations };
}
