/**
 * "Which Iranian leaders are named in the article, and what positions do they hold?": the people a
 * document names, each quoted where it first says who they are. The people are the fact bank's
 * (src/study/facts.ts, the quiz builder's reading of names); nothing is guessed beyond the text.
 */
import type { Chunk } from '../ingest/chunk.js';
import { buildFactBank, type FactBank, type FactMention } from '../study/facts.js';
import type { Quote } from './citations.js';
import { sharedStart } from './checks.js';
import { argumentOf, compose, wholeQuote, type CorpusView, type ExtractiveAnswer } from './compose.js';

/** A question about who the document names: "which people / leaders / figures are mentioned", "who is named in the article". */
const PEOPLE_ASKED = new RegExp(
  [
    `\\b(?:which|what|name|list|who)\\b[^?]{0,40}?\\b(?:people|persons|leaders|officials|politicians|individuals|personalities|men|women)\\b[^?]{0,40}?\\b(?:named|mentioned|appear|appears|cited|quoted|discussed|referred to|in (?:the|this) (?:article|piece|text|essay)|does (?:the|this) (?:article|piece|text|essay))\\b`,
    // ("figures" and "names" may be numbers and words: only when they are named or mentioned)
    `\\b(?:which|what|name|list)\\b[^?]{0,40}?\\b(?:figures|names|players|actors)\\b[^?]{0,40}?\\b(?:named|mentioned|appear|appears|cited|quoted|discussed|referred to)\\b`,
    `\\bwho (?:is|are|gets?) (?:named|mentioned|quoted|cited)\\b`,
  ].join('|'),
  'i',
);

/** A nationality the question gives the people ("the Iranian figures"), as the word it starts with. */
const NATIONALITY = /\b([A-Z][a-z]+(?:ian|ean|ese|ish|i|an|ic))\s+(?:people|persons|figures|leaders|officials|politicians|individuals|personalities|men|women|players|actors)\b/;

/** How many people an answer names at most. */
const MAX_PEOPLE = 6;

export function asksForPeople(query: string): boolean {
  return PEOPLE_ASKED.test(query);
}

/**
 * The people of a document, each quoted at the sentence where a title or role comes with the name
 * (else its first mention), in the order the document names them; those of a nationality when the
 * question gives one (written next to the name, "Iranian parliamentary speaker Ali Larijani", or in
 * the sentence when no other is next to it). The authors are left out unless asked about.
 */
export function answerPeople(query: string, docId: string, corpus: CorpusView): ExtractiveAnswer | undefined {
  const doc = corpus.documents.get(docId);
  if (!doc || !asksForPeople(query)) return undefined;
  const bank = factBankOf(argumentOf(docId, corpus), corpus);
  const nationality = NATIONALITY.exec(query)?.[1]?.toLowerCase();
  const authors = /\bauthors?\b|\bwriters?\b/i.test(query) ? [] : doc.meta.authors.map((a) => a.toLowerCase());
  // the words of a mention's sentence before the name
  const before = (m: FactMention) => doc.source.slice(m.sentence.start, m.start);
  const quotes: Quote[] = [];
  for (const person of bank.entities.filter((e) => e.kind === 'person' && !authors.includes(e.full.toLowerCase()))) {
    const mentions = bank.mentionsByEntity.get(person.key) ?? [];
    if (!mentions.length) continue;
    if (nationality) {
      // (given with the name, over its title, it decides; else, for someone given a title, the country
      // named a few words before: "tension between Iran and Russia, with Supreme Leader Ali Khamenei")
      const given = mentions.map((m) => givenNationality(before(m))).find((n) => n);
      const titled = mentions.filter((m) => ROLE_BEFORE.test(before(m)));
      const fits = given ? sameNation(given, nationality) : titled.some((m) => countryBefore(before(m), nationality));
      if (!fits) continue;
    }
    const described = mentions.find((m) => ROLE_BEFORE.test(before(m))) ?? mentions[0];
    const quote = wholeQuote(described.passage, described.sentence, doc);
    if (!quotes.some((q) => q.start === quote.start)) quotes.push(quote);
    if (quotes.length >= MAX_PEOPLE) break;
  }
  return quotes.length ? compose(quotes, corpus.documents, 'document') : undefined;
}

/** A title or role right before a name ("parliamentary speaker Ali Larijani", "Supreme Leader Ali Khamenei", "president Vladimir Putin"). */
const TITLES = 'speaker|leader|president|minister|king|general|commander|chief|head|ruler|ayatollah|spokes(?:man|woman)|ambassador|envoy|secretary|chairman|emir|prince|sheikh|imam';
const ROLE_BEFORE = new RegExp(`\\b(?:${TITLES})\\s+$`, 'i');

const GIVEN_NATIONALITY = new RegExp(`\\b([A-Z][a-z]+(?:ian|ean|ese|ish|i|an))\\s+(?:(?:[a-z]+\\s+){0,2}(?:${TITLES})\\s+)?(?:[A-Z][\\p{L}'’-]*\\s+)*$`, 'u');

/** The nationality written with a name, over its title only ("Russian president Vladimir Putin" → russian; not "his Russian benefactor, the Assad ..."). */
function givenNationality(before: string): string | undefined {
  const m = GIVEN_NATIONALITY.exec(before);
  return m?.[1]?.toLowerCase();
}

/** The wanted country or nationality within eight words before a name. */
function countryBefore(before: string, wanted: string): boolean {
  return before.trim().split(/\s+/).slice(-8).some((w) => /^\p{Lu}/u.test(w) && sameNation(w.replace(/[^\p{L}]/gu, '').toLowerCase(), wanted));
}

/** Iranian / Iran, Russian / Russia, Lebanese / Lebanon: one nation (four letters alike, Iraq and Iran apart). */
function sameNation(a: string, b: string): boolean {
  return sharedStart(a, b) >= 4;
}

const banks = new WeakMap<Chunk[], FactBank>();
function factBankOf(chunks: Chunk[], corpus: CorpusView): FactBank {
  let bank = banks.get(chunks);
  if (!bank) banks.set(chunks, (bank = buildFactBank(chunks, corpus.documents)));
  return bank;
}
