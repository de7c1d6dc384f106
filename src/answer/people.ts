/**
 * "Which Iranian leaders are named in the article, and what positions do they hold?": the people a
 * document names, each quoted where it first says who they are. The people are the fact bank's
 * (src/study/facts.ts, the quiz builder's reading of names); nothing is guessed beyond the text.
 */
import type { Chunk } from '../ingest/chunk.js';
import { buildFactBank, type FactBank, type FactMention } from '../study/facts.js';
import type { Quote } from './citations.js';
import { nationOf, sharedStart } from './checks.js';
import { CAPITAL_OF, COUNTRY_WORDS } from '../study/gazetteer.js';
import { escapeRegExp } from '../ingest/text.js';
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

/**
 * A person a document gives an office ("Russian president Vladimir Putin", "Bashar al-Assad as the
 * legitimate ruler of Syria"), by the last word of their name, with the nations it ties them to.
 */
export interface TitledPerson {
  surname: string;
  /** the office as written, lower case ("president", "supreme leader", "ruler") */
  office: string;
  nations: string[];
}

/** "... Bashar al-Assad as the legitimate ruler of Syria": an office given after the name, with its country. */
const AS_TITLE = new RegExp(`^\\s*(?:['’]s?\\s+)?as\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,2}(${TITLES})\\s+of\\s+(\\p{Lu}[\\p{L}-]+)`, 'iu');
const ROLE_WITH = new RegExp(`\\b((?:supreme|prime|vice|deputy)\\s+)?(${TITLES})\\s+$`, 'i');

export function titledPeople(docId: string, corpus: CorpusView): TitledPerson[] {
  const doc = corpus.documents.get(docId);
  if (!doc) return [];
  const cached = titled.get(doc);
  if (cached) return cached;
  const bank = factBankOf(argumentOf(docId, corpus), corpus);
  const authors = doc.meta.authors.map((a) => a.toLowerCase());
  const found: (TitledPerson & { given: boolean })[] = [];
  for (const person of bank.entities.filter((e) => e.kind === 'person' && !authors.includes(e.full.toLowerCase()))) {
    let office: string | undefined;
    let given: string[] = [];
    let near: string[] = [];
    for (const m of bank.mentionsByEntity.get(person.key) ?? []) {
      const before = doc.source.slice(m.sentence.start, m.start);
      const role = ROLE_WITH.exec(before);
      const after = AS_TITLE.exec(doc.source.slice(m.end, m.sentence.end));
      if (role) {
        office ??= `${role[1] ?? ''}${role[2]}`.toLowerCase().replace(/\s+/g, ' ');
        const nationality = givenNationality(before);
        if (nationality) given.push(nationality);
        // (for someone given a title with no nationality, the countries named a few words before)
        else near.push(...before.trim().split(/\s+/).slice(-8).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.replace(/[^\p{L}]/gu, '').toLowerCase()));
      } else if (after) {
        office ??= after[1].toLowerCase();
        given.push(after[2].toLowerCase());
      }
    }
    if (!office) continue;
    given = [...new Set(given)];
    near = [...new Set(near.map((w) => CAPITAL_OF.get(w) ?? w))].filter((w) => [...COUNTRY_WORDS].some((c) => sameNation(c, w)));
    found.push({ surname: person.full.split(/\s+/).pop()!.replace(/^(?:al|el)-/i, ''), office, nations: given.length ? given : near, given: given.length > 0 });
  }
  // "between Iran and Russia, with Supreme Leader Ali Khamenei": a nation another person of that kind of office is given is not his
  const people = found.map(({ given, ...p }) =>
    given ? p : { ...p, nations: p.nations.filter((n) => !found.some((o) => o.given && officeKind(o.office) === officeKind(p.office) && o.nations.some((x) => sameNation(x, n)))) },
  );
  titled.set(doc, people);
  return people;
}
const titled = new WeakMap<object, TitledPerson[]>();

/** Kinds of office, each with the words that name any office of the kind and those that name one office only. */
const OFFICE_KINDS: { generic: RegExp; specific: RegExp }[] = [
  { generic: /^(?:leader|ruler|strongman|dictator|autocrat|head of state|head|chief|boss)$/, specific: /^(?:president|king|queen|premier|prime minister|chancellor|supreme leader|ayatollah|emir|sultan|monarch)$/ },
  { generic: /^(?:legislator|lawmaker|parliamentarian|mp)$/, specific: /^(?:speaker|parliamentary speaker|parliament speaker|chairman)$/ },
  { generic: /^(?:commander|officer)$/, specific: /^(?:general|admiral|colonel)$/ },
  { generic: /^(?:diplomat|official)$/, specific: /^(?:minister|ambassador|envoy|secretary|spokesman|spokeswoman)$/ },
];
function officeKind(office: string): number {
  const last = office.replace(/^(?:parliamentary|parliament)\s+(?=speaker)/, '');
  return OFFICE_KINDS.findIndex((k) => k.generic.test(office) || k.specific.test(office) || k.generic.test(last) || k.specific.test(last) || k.specific.test(last.split(' ').pop()!));
}
function sameOffice(asked: string, held: string): boolean {
  const kind = officeKind(asked);
  if (kind < 0 || kind !== officeKind(held)) return false;
  // a general word ("leader", "ruler") names any office of its kind; two particular ones must be the same ("Iran's president" is not its Supreme Leader)
  return OFFICE_KINDS[kind].generic.test(asked) || OFFICE_KINDS[kind].generic.test(held) || asked === held || asked.endsWith(` ${held}`) || held.endsWith(` ${asked}`);
}

/** "the Russian leader", "Syria's president", "the Kremlin's chief", "Iran's supreme leader": one person by nation and office (not "leaders"). */
const OFFICE_ASKED = /\b([\p{L}]+?)(?:['’]s)?\s+((?:supreme|parliamentary|parliament|top|current|then)\s+)?(leader|ruler|strongman|dictator|autocrat|head of state|chief|president|king|premier|prime minister|chancellor|speaker|legislator|lawmaker|parliamentarian|mp|general|commander|minister|ambassador|envoy)\b(?![\p{L}'’-])/giu;

const HOLDER_IN = /\b(?:man|ruler|leader|strongman|dictator|president)\s+in\s+(\p{Lu}[\p{L}]+)/gu;
const NAME_ASKED = /^\W*(?:(?:so|and|but|ok|okay)\s+)?(?:who|whom)(?:['’]s|\s+is|\s+was|\s+are|\s+were)\b|\bnames?\b|\bidentify\b|\bwho\s+(?:exactly\s+)?(?:is|was)\s+(?:the|this|that)\b/i;

/**
 * The people a question names by nation and office instead of by name ("the Syrian ruler" for
 * Assad, "the Iranian legislator" for Larijani), as the document titles them; none when the question
 * names them already or the office fits no one, or more than one.
 */
export function peopleByOffice(query: string, people: TitledPerson[]): string[] {
  if (!asksByOffice(query)) return [];
  const names: string[] = [];
  // (one holder only, and not one the question names already)
  const take = (fits: TitledPerson[]) => {
    if (fits.length === 1 && !new RegExp(`\\b${escapeRegExp(fits[0].surname)}\\b`, 'i').test(query)) names.push(fits[0].surname);
  };
  for (const m of query.matchAll(OFFICE_ASKED)) {
    if (/\b(?:which|what)\s+$/i.test(query.slice(0, m.index))) continue;
    const word = m[1].toLowerCase();
    const nation = CAPITAL_OF.get(word) ?? word;
    const modifier = (m[2] ?? '').trim().toLowerCase();
    const asked = `${/^(?:supreme|parliamentary|parliament)$/.test(modifier) ? `${modifier} ` : ''}${m[3].toLowerCase()}`;
    take(people.filter((p) => p.nations.some((n) => sameNation(n, nation)) && sameOffice(asked, p.office)));
  }
  // "the man in Damascus", "the ruler in Tehran": whoever leads from that capital
  for (const m of query.matchAll(HOLDER_IN)) {
    const nation = CAPITAL_OF.get(m[1].toLowerCase());
    if (nation) take(people.filter((p) => p.nations.some((n) => sameNation(n, nation)) && sameOffice('leader', p.office)));
  }
  return [...new Set(names)];
}

/**
 * "Who was the US president when this was written?", "who is Iran's foreign minister?": the holder of a
 * nation's office asked for by name, when none of the documents' people holds that office of that nation
 * (so the corpus cannot name them; "who is the Russian president?" is Putin).
 */
export function officeUnheld(query: string, peopleOf: () => TitledPerson[]): boolean {
  if (!NAME_ASKED.test(query) || !OFFICE_NAMED.test(query)) return false;
  // (the documents' people are read only now, when a holder of an office is asked for)
  const people = peopleOf();
  return [...query.matchAll(OFFICE_ASKED)].some((m) => {
    const nation = nationOf(m[1].toLowerCase());
    if (!nation) return false;
    const modifier = (m[2] ?? '').trim().toLowerCase();
    const asked = `${/^(?:supreme|parliamentary|parliament)$/.test(modifier) ? `${modifier} ` : ''}${m[3].toLowerCase()}`;
    return !people.some((p) => p.nations.some((n) => sameNation(n, nation)) && sameOffice(asked, p.office));
  });
}

/**
 * Whether a question names someone by an office at all (cheap: the documents' people are read only
 * then). "Which Iranian leader ...", "who is the Russian president?", "the names of ...": who holds
 * the office is what is asked, so no.
 */
export function asksByOffice(query: string): boolean {
  return !NAME_ASKED.test(query) && (OFFICE_NAMED.test(query) || HOLDER_NAMED.test(query));
}
// (the same patterns without the global flag, for a test that keeps no position between calls)
const OFFICE_NAMED = new RegExp(OFFICE_ASKED.source, 'iu');
const HOLDER_NAMED = new RegExp(HOLDER_IN.source, 'u');

/**
 * The people the documents give an office of a side's country ("Moscow": Putin, the "Russian
 * president"): a sentence naming them speaks of that side.
 */
export function sidePeople(side: string, docIds: string[], corpus: CorpusView): string[] {
  const word = side.toLowerCase().replace(/['’]s$/, '');
  const nation = CAPITAL_OF.get(word) ?? word;
  return [...new Set(docIds.flatMap((id) => titledPeople(id, corpus)).filter((p) => p.nations.some((n) => sameNation(n, nation))).map((p) => p.surname))];
}

const banks = new WeakMap<Chunk[], FactBank>();
function factBankOf(chunks: Chunk[], corpus: CorpusView): FactBank {
  let bank = banks.get(chunks);
  if (!bank) banks.set(chunks, (bank = buildFactBank(chunks, corpus.documents)));
  return bank;
}
