/**
 * What a sentence must hold to answer a kind of question (a count next to the thing counted, a date
 * near the names asked about, someone named in the role asked after, a place that reads as one,
 * someone's own words ...), and when a question asks about something the corpus lacks altogether.
 * Pure functions over the question's text, a sentence's text and the retriever's word similarity;
 * the sentence selector (extractive.ts) applies them.
 */
import { AGE_ASKED, CURRENCY, IDENTIFYING_NUMBER, NAMED_COUNT, RELATIVE_WHERE, TRUE_OR_FALSE, type AnalyzedQuestion, type QuestionType } from '../retrieve/question.js';
import type { Retrieval } from '../retrieve/retriever.js';
import type { CorpusDocument } from '../corpus/load.js';
import type { CorpusView } from './compose.js';
import { HAS_DATE } from './evidence.js';
import { CAPITAL_OF, CAPITAL_WORDS, COUNTRIES, COUNTRY_NAME_WORDS, COUNTRY_WORDS, MONTHS, ORGANISATION_WORDS, PLACE_WORDS } from '../study/gazetteer.js';
import { countryOfPeople, nameKey } from '../retrieve/matcher.js';
import { escapeRegExp } from '../ingest/text.js';
import { contentTokens, stemWord, STOPWORDS, tokenize, type Token } from '../index/tokenize.js';
import { newSubject } from '../retrieve/follow-up.js';

/**
 * When the corpus is taken not to support an answer (calibrated on test/eval/dev.jsonl;
 * see README "Abstention"). Coverage is the weighted share of the question's content words
 * that the best sentence or passage supports by exact stem or word-vector similarity.
 */
export const ABSTAIN = {
  /** best passage coverage below this: nothing in the corpus is about the question */
  minPassageCoverage: 0.2,
  /** best sentence coverage below this: no sentence says it */
  minSentenceCoverage: 0.18,
  /** a specific question word (a name, a number) supported less than this is missing from the corpus */
  minSpecificSupport: 0.5,
  /**
   * a date or count answers only from a sentence covering this share of what the best sentence covers
   * (0.8 until 2026-11-29; 0.7 answers "how many russians went to fight 4 IS" and changed nothing on the
   * seven question sets, nor on twenty unanswerable probes)
   */
  typedCloseness: 0.7,
};

/** The sentence speaks of `name` (a country, its people or its capital: Iran / Iranian / Tehran). */
export function mentions(name: string, sentence: string, match: WordSimilarity): boolean {
  const key = nameKey(name.toLowerCase());
  return (sentence.match(/[\p{L}'’-]+/gu) ?? []).some((w) => {
    const word = w.toLowerCase().replace(/['’]s$/, '');
    return nameKey(word) === key || match(name.toLowerCase(), word) >= 0.5;
  });
}

/** A sentence speaks of a phrase ("a rival to defeat", given as its content words): it mentions one of them. */
export function mentionsAny(words: string[], sentence: string, match: WordSimilarity): boolean {
  return words.some((w) => mentions(w, sentence, match));
}

/** Similarity of two words in 0..1 (the retriever's word matcher). */
export type WordSimilarity = (a: string, b: string) => number;
export const sameWord: WordSimilarity = (a, b) => (a === b ? 1 : 0);

/**
 * For "how many X" / "what percentage": the sentence must hold a number next to a word like X
 * (or a percentage); any number does not answer the question.
 */
export function fitsQuantity(query: string, sentence: string, match: WordSimilarity): boolean {
  const q = query.toLowerCase();
  // ("how old is Putin?": an age, "aged 63", "a 63-year-old"; not the year of something he did)
  if (AGE_ASKED.test(query)) return /\baged\s+\d|\b\d{1,3}[-\s]years?[-\s]old\b|\bage\s+(?:of\s+)?\d/i.test(sentence);
  // (a share of something, not sharing a panel)
  if (/\b(?:percentage|percent|proportion)\b|\b(?:what|the|a|which)\s+share\s+of\b|\bwhat\s+%/.test(q)) return /%|\bper ?cent\b/i.test(sentence);
  const words = sentence.match(/[\p{L}\p{N}][\p{L}\p{N},.'-]*/gu) ?? [];
  // A year or the day of a date ("September 30, 2015") counts nothing; nor does a number the question
  // itself gives ("how many of the 7,000 recruits came from Chechnya?" is not answered by "7,000").
  // (a magnitude the question gives, "the piece mentions trillions", is given too)
  // (but a number put to be checked, "is it accurate that the piece puts the number ... at 7,000?", is answered by the sentence giving it)
  const verifying = /^\s*(?:is|was|are|were|does|did|do|has|have)\b/i.test(q) || asksToVerify(query);
  const given = verifying ? new Set<string>() : new Set([...(q.match(/\d[\d,.]*/g) ?? []).map(bareNumber), ...(q.match(MAGNITUDE_IN_TEXT) ?? [])]);
  // (an exact or actual figure asked for is no magnitude: "trillions of rubles" does not give it)
  const exact = /\b(?:exact|exactly|precise|precisely|actual)\b/.test(q);
  const isCount = (w: string, i: number) =>
    (exact ? /^\d/.test(w) : /^\d/.test(w) || MAGNITUDE_WORD.test(w)) && !/^(?:1[5-9]|20)\d\d\b/.test(w) && !MONTH_NAME.test(words[i - 1] ?? '') && !given.has(bareNumber(w).toLowerCase());
  // Nationalities ("7,000 Russian citizens") modify the counted noun; they count only when they are what was asked about ("how many Russians").
  const fits = (h: string, raw: string) => {
    const n = raw.replace(/[.,]$/, '');
    if (DEMONYM.test(n)) return nameKey(h.replace(/s$/, '')) === nameKey(n.toLowerCase());
    return match(h, n.toLowerCase()) >= 0.3;
  };
  // ("how many Iranian citizens": only a count said of Iranians; 7,000 Russian citizens is another count)
  const asked = (/\bhow (?:many|much)\s+([\p{L}-]+)/iu.exec(query)?.[1] ?? '').replace(/^./, (c) => c.toUpperCase());
  const askedNationality = DEMONYM.test(asked) ? nameKey(asked.toLowerCase().replace(/s$/, '')) : undefined;
  // ("what is iran's number": a count owned by a country is a count said of it, or of its people)
  const owner = COUNT_OWNER.exec(query)?.[1];
  const ownerNation = owner ? nationOf(owner.toLowerCase()) : undefined;
  const otherNationality = (i: number) =>
    (!!askedNationality && !words.slice(Math.max(0, i - 3), i + 4).some((n) => DEMONYM.test(n) && nameKey(n.toLowerCase().replace(/s$/, '')) === askedNationality)) ||
    (!!ownerNation && !words.slice(Math.max(0, i - 3), i + 4).some((n) => nationOf(n.toLowerCase().replace(/[.,]$/, '')) === ownerNation));
  // (deaths are counted by what was killed: "fatalities" by "killing 224 vacationers")
  const deaths = (head: string[], i: number) => head.some((h) => DEATH_COUNT.test(h)) && words.slice(Math.max(0, i - 2), i).some((w) => KILLING.test(w));
  const counts = (head: string[], i: number) => !otherNationality(i) && (words.slice(i + 1, i + 6).some((n) => head.some((h) => fits(h, n))) || deaths(head, i));
  // "How many of the Russian citizens who joined IS have returned?" asks for a part: the number of the
  // whole ("7,000 Russian citizens") does not answer it.
  const partitive = PARTITIVE.exec(q);
  const whole = partitive?.[1]?.split(/\s+/).filter((w) => w.length > 2 && !/^\d/.test(w) && !STOPWORDS.has(w));
  if (partitive && whole?.length) {
    // ... unless the sentence says what the question asks of the part ("how many of the vacationers were killed?":
    // "killing 224 vacationers"): the words after the question's last auxiliary, or after the whole
    const rest = q.slice(partitive.index + partitive[0].length);
    const aux = [...rest.matchAll(/\b(?:have|has|had|were|was|are|is|did|do|does|will|would|got)\b/g)].pop();
    // (its first word that is no adverb: "have already returned" asks about returning)
    const asked = contentTokens(aux ? rest.slice(aux.index! + aux[0].length) : rest).map((t) => t.word).filter((w) => !/ly$|^(?:already|still|yet|ever|now|then|soon|since)$/.test(w)).slice(0, 1);
    const says = asked.length > 0 && contentTokens(sentence).some((t) => asked.some((a) => a === t.word || match(a, t.word) >= 0.5));
    return words.some((w, i) => isCount(w, i) && (says || !counts(whole.slice(-1), i)));
  }
  // ("how much did the bombing cost?": a sum of money, a number next to a currency)
  // (and "what is the actual amount in rubles ...", "the exact figure spent": money asked as a sum)
  // (and "the actual cost so far in rubles", "the trade volume in $")
  if ((/\bhow much\b/.test(q) || /\b(?:amount|sum|figure|total|price|bill|cost|costs|volume|value|spend|spending)\b/.test(q)) && MONEY.test(q)) return SUM.test(sentence) || (!exact && SUM_MAGNITUDE.test(sentence) && !given.has(SUM_MAGNITUDE.exec(sentence)![1].toLowerCase()));
  // The thing counted: the words after "how many" up to the verb ("how many Iranian soldiers | have been killed").
  // (the dead counted when anyone who died is asked for: "how many ppl actually died on that plane" by "killing 224 vacationers")
  const counted = countedNoun(q);
  const head = DYING_ASKED.test(q) && counted.every((h) => ANYONE.test(h)) ? [...counted, 'deaths'] : counted;
  // (asked "how many were involved?", with no noun: some count, not a year, still answers)
  // ("what was the flight number?": a number that names a thing, which only a number written with it answers: "flight 9268")
  const identifying = IDENTIFYING_NUMBER.exec(q)?.[1];
  if (identifying) return words.some((w, i) => /^\d/.test(w) && words.slice(Math.max(0, i - 3), i).some((x) => x.toLowerCase().startsWith(identifying)));
  if (!head?.length) return !COUNT_ASKED.test(q) ? !ownerNation || words.some((w, i) => isCount(w, i) && !otherNationality(i)) : words.some(isCount);
  return words.some((w, i) => isCount(w, i) && counts(head, i));
}

const COUNT_ASKED = /\bhow many\b|\bnumber of\b/;
/** Anyone at all, not soldiers or fighters: "how many people / ppl / folks died". */
const ANYONE = /^(?:people|ppl|persons|folks|humans|individuals|lives|souls|victims)$/;
const DYING_ASKED = /\bhow many\b[^?]*?\b(?:died|die|dying|killed|perished|lost\s+(?:their|his|her)\s+lives)\b/;
/** A magnitude in words ("thousands", "trillions", "a dozen"): as a word of a sentence, and as found in a question or comment. */
export const MAGNITUDE = 'thousands?|hundreds?|millions?|billions?|trillions?|dozens?';
const MAGNITUDE_WORD = new RegExp(`^(?:${MAGNITUDE})$`, 'i');
const MAGNITUDE_IN_TEXT = new RegExp(`\\b(?:${MAGNITUDE})\\b`, 'g');
/** A sum of money: "$400 million", "5 billion rubles"; and a magnitude of it, "trillions of rubles". */
const SUM = new RegExp(`[$€£¥]\\s?\\d|\\b\\d[\\d,.]*\\s*(?:(?:thousand|million|billion|trillion|bn|m)\\s+)?(?:${CURRENCY})\\b`, 'i');
const SUM_MAGNITUDE = new RegExp(`\\b(thousands|millions|billions|trillions)\\s+of\\s+(?:${CURRENCY})\\b`, 'i');
const DEATH_COUNT = /^(?:deaths?|dead|fatalit(?:y|ies)|casualt(?:y|ies)|killed|victims?|toll|losses)$/i;
const KILLING = /^(?:kill(?:s|ed|ing)?|died|dead|claim(?:ed|ing)|leaving)$/i;

/** "how many of the Russian citizens who ...": the whole a part is asked of (up to the relative pronoun or verb). */
const PARTITIVE = /\bhow (?:many|much) of (?:the|these|those|its|their|his|her|our|all|all the)\s+((?:(?!who\b|that\b|which\b|have\b|has\b|had\b|were\b|was\b|are\b|is\b|did\b|do\b|does\b|came\b|come\b|and\b|or\b|[\p{L}]+ed\b)[\p{L}\p{N},'-]+\s*){1,4})/u;

/** A number as written without its separators and trailing stop ("7,000." → "7000"). */
function bareNumber(n: string): string {
  return n.replace(/[.,]$/, '').replace(/,/g, '');
}

/** The thing a "how many / how much" question counts: the last word of the phrase after it ("Iranian soldiers" → soldiers). */
function countedNoun(query: string): string[] {
  // ("IRGC troop numbers", "casualty est": the word before the count asked for by name)
  const named = NAMED_COUNT.exec(query.toLowerCase());
  if (named && !COUNT_ASKED.test(query.toLowerCase())) return [named[1]];
  const after = /\bhow (?:many|much)\s+((?:[\p{L}'-]+\s*){1,4})/u.exec(query.toLowerCase())?.[1]?.trim().split(/\s+/) ?? [];
  const cut = after.findIndex((w) => VERBISH.has(w) || /(?:ed)$/.test(w));
  // (no verb found, as in chat's "how many russians joind isis": the thing counted is one of the first two words)
  // (an adverb is no thing counted: "how many ppl actually died" counts ppl)
  const counted = (w: string) => w.length > 2 && !COUNT_ADVERB.test(w);
  return cut >= 0 ? after.slice(0, cut).filter(counted).slice(-1) : after.slice(0, 2).filter(counted);
}

const COUNT_ADVERB = /^(?:actually|really|exactly|roughly|approximately|precisely|truly|reportedly|officially|allegedly|supposedly|altogether|total)$/;

export const MONEY = /\b(?:money|cost|costs|costing|spend|spends|spent|spending|pay|pays|paid|paying|payments?|salary|salaries|wages?|budget|dollars?|rubles?|roubles?|rials?|euros?|funds?|funding|price|worth|aid|cash)\b/i;

/**
 * "What about Putin?" (a follow-up read with the previous question: "what about Putin? wearing black")
 * asks about its new subject, and "how did Khamenei react to ...?" about Khamenei: a sentence that
 * does not speak of it does not answer, however well it matches the rest.
 */
export function fitsSubject(query: string, sentence: string, match: WordSimilarity): boolean {
  const reaction = REACTION.exec(query);
  const reacting = reaction?.[1] ?? reaction?.[2];
  // ... and to what: the names of that ("to Putin's remarks at the Valdai Club") are in the sentence too
  const toWhat = reaction ? query.slice(reaction.index + reaction[0].length) : '';
  if (reaction && !fitsNames(` ${toWhat}`, sentence, match)) return false;
  // (and something of what was reacted to: "when Russia began its air campaign" is not answered by a sentence on another matter)
  const event = contentTokens(toWhat).filter((t) => !/^\p{Lu}/u.test(toWhat.slice(t.start, t.end))).map((t) => t.word);
  // (when it is named by more than a country, "Putin's remarks at the Valdai Club", the names suffice)
  const specific = (toWhat.match(/\p{Lu}[\p{L}'’-]+/gu) ?? []).filter((n) => !DEMONYM.test(n)).map((n) => n.toLowerCase().replace(/['’]s$/, '')).filter((n) => !namesCountry(n));
  if (event.length && !specific.length && !mentionsAny(event, sentence, match)) return false;
  // ("Why did Putin wear black?": what Larijani wore says nothing of Putin; a country may be named many ways, so only other names)
  const doerAsked = DOER_ASKED.exec(query);
  const doer = doerAsked?.[1]?.trim();
  const doing = doer && !COUNTRY_NAMES.has(doer.toLowerCase()) && !doer.split(/\s+/).some((w) => namesCountry(w) || DEMONYM.test(w)) ? doer : undefined;
  // (and something of the deed: "why was Putin dressed in black?" is not answered by what else Putin did at the same meeting)
  if (doing && !newSubject(query) && !reacting) {
    const rest = query.slice(doerAsked!.index + doerAsked![0].length);
    // (the names in it too, but not the setting: "at the Valdai Club" is where, not what)
    const deed = contentTokens(rest).filter((t) => !/^\p{Lu}/u.test(rest.slice(t.start, t.end)) || !/\b(?:at|in|on|during)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*\s+)*$/u.test(rest.slice(0, t.start)));
    // ("where is Alfoneh based?": where someone is, no deed; a sentence about them, opening on their name, says it: "Ali Alfoneh is ... in Washington, DC")
    const located = deed.length > 0 && deed.every((t) => LOCATED.test(t.word));
    // ("when was the Valdai Club meeting?": a noun naming an occasion completes the name; nobody did anything)
    if (deed.length > 0 && deed.every((t) => OCCASION.test(t.word))) return true;
    if (located) return (sentence.match(/[\p{L}'’-]+/gu) ?? []).slice(0, 3).some((w) => doing.split(/\s+/).some((n) => nameKey(n.toLowerCase()) === nameKey(w.toLowerCase().replace(/['’]s$/, ''))));
    if (deed.length && !mentionsAny(deed.map((t) => t.word), sentence, match)) return false;
  }
  // ("how did washington respond ...?", "how did the Turkish government react ...?": a country reacting, by any of its names)
  const reacted = reacting ? undefined : placeReaction(query);
  if (reacted) {
    const { place, to } = reacted;
    const keys = placeKeys(place);
    const epithet = COUNTRY_EPITHETS[nameKey(AMERICA.has(place) ? 'america' : CAPITAL_OF.get(place) ?? place)];
    const named = (sentence.match(/[\p{L}'’.-]+/gu) ?? []).some((w) => keys.has(nameKey(w.toLowerCase().replace(/['’]s$/, '').replace(/\.$/, '')))) || !!epithet?.test(sentence);
    // (and every word of what it reacted to, countries aside: the US named in another matter is no reaction to this one)
    const deed = contentTokens(to).map((t) => t.word).filter((w) => !namesCountry(w) && !DEMONYM.test(w.replace(/^./, (c) => c.toUpperCase())));
    return named && deed.every((w) => mentions(w, sentence, match));
  }
  const subject = newSubject(query) ?? reacting ?? doing;
  if (!subject) return true;
  // (every capitalised word of the subject: "Revolutionary Guards" is two, the first no sentence opening)
  const named = [...subject.matchAll(/\p{Lu}[\p{L}'’-]*\p{L}/gu)].map((m) => m[0].toLowerCase().replace(/['’]s$/, ''));
  const wanted = named.length ? named : contentTokens(subject).map((t) => t.word);
  const raw = sentence.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  const words = raw.map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  if (wanted.every((n) => words.some((w) => w === n || nameKey(w) === nameKey(n) || match(n, w) >= 0.5))) return true;
  // ("why is Daesh a threat?": one of a name's other spellings, "IS", read as the tokenizer reads both)
  const aliases = contentTokens(subject).map((t) => t.word);
  if (aliases.length && aliases.some((w, i) => w !== wanted[i])) {
    const said = new Set(contentTokens(sentence).map((t) => t.word));
    if (aliases.every((w) => said.has(w))) return true;
  }
  // ("Iran's Revolutionary Guards" and "the IRGC": a name's initials inside an acronym the sentence uses)
  if (inAcronym(named, raw)) return true;
  // ... and the other way round: "the JCPOA" and "the Joint Comprehensive Plan of Action"
  const acronym = subject.trim().replace(/^the\s+/i, '');
  if (/^\p{Lu}{2,}$/u.test(acronym) && spelledInitials(raw).some((r) => r.includes(acronym))) return true;
  // ("if this was not already his goal, ...": who reacted may be a pronoun, when no one else is named before it)
  const pronoun = words.findIndex((w) => /^(?:he|his|him|she|her|they|their|them)$/.test(w));
  return !!reacting && pronoun >= 0 && !raw.slice(1, pronoun).some((w) => /^\p{Lu}/u.test(w) && !DEMONYM.test(w) && !MONTH_NAME.test(w));
}

/**
 * "How did washington respond to ...?", "how did the Turkish government react ...?": the country, capital or
 * people asked to have reacted, typed in any case (REACTION reads capitalised names), lower-cased.
 */
export function reactingPlace(query: string): string | undefined {
  return placeReaction(query)?.place;
}
/** The place asked to have reacted and what follows the reaction asked ("to rus air strikes"). */
function placeReaction(query: string): { place: string; to: string } | undefined {
  for (const re of REACTION_PLACE) {
    const m = re.exec(query);
    if (!m) continue;
    const word = m[1].toLowerCase().replace(/['’]s$/, '');
    const place = namesCountry(word) || AMERICA.has(word) || DEMONYM.test(word.replace(/^./, (c) => c.toUpperCase())) ? word : undefined;
    const to = query.slice(m.index + m[0].length);
    // ("what did russia do after sept 30 2015 in syria": after a date, what it did from then on, no reaction to anything)
    if (AFTER_DATE.test(to)) return undefined;
    return place ? { place, to } : undefined;
  }
  return undefined;
}
const AFTER_DATE = new RegExp(String.raw`^\s*(?:(?:${MONTHS})\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS}))(?:,?\s+(?:19|20)\d\d)?\b|^\s*(?:(?:${MONTHS})\s+)?(?:19|20)\d\d\b`, 'i');
const GOVERNMENT = String.raw`(?:government|govt|administration|leadership|officials|authorities|regime|people|public|side)`;
/** "how did X (government) respond / react", "what was X's (government's) reaction to", "the reaction of the X government to", "what did X do right after". */
const REACTION_PLACE = [
  new RegExp(String.raw`^\s*(?:(?:so|and|but)\s+)?(?:how|what|why)\s+(?:did|does|do|has|have|had|will|would|might|could)\s+(?:the\s+)?([\p{L}.'’-]+)(?:\s+${GOVERNMENT})?\s+(?:officially\s+|actually\s+|really\s+|first\s+)?(?:respond|react|reply|retaliate)\b`, 'iu'),
  new RegExp(String.raw`\bwhat\s+(?:was|is|were)\s+(?:the\s+)?([\p{L}.'’-]+?)(?:['’]s)?\s+(?:${GOVERNMENT}(?:['’]s)?\s+)?(?:official\s+|first\s+)?(?:reaction|response|reply)\s+to\b`, 'iu'),
  new RegExp(String.raw`\b(?:reaction|response|reply)\s+of\s+(?:the\s+)?([\p{L}.'’-]+)(?:\s+${GOVERNMENT})?\s+to\b`, 'iu'),
  new RegExp(String.raw`\bwhat\s+did\s+(?:the\s+)?([\p{L}.'’-]+)(?:\s+${GOVERNMENT})?\s+(?:say|do)\s+(?:right\s+|just\s+|immediately\s+)?(?:after|in\s+(?:response|reply)(?:\s+to|\s+when|\s+as)?)\b`, 'iu'),
];
/** Countries' names of several words that name them in a sentence ("the Islamic Republic" is Iran), by name key and capital's country. */
const COUNTRY_EPITHETS: Record<string, RegExp> = Object.fromEntries(
  ([['iran', /\bIslamic\s+Republic\b/], ['america', /\bUnited\s+States\b(?!-)/], ['russia', /\bRussian\s+Federation\b/]] as const).map(([country, re]) => [nameKey(country), re]),
);
const AMERICA = new Set(['us', 'u.s', 'usa', 'america', 'american', 'americans', 'washington', 'pentagon']);

/** The names a place goes by in a sentence, as name keys: itself, its country (a capital's), "the US" for America. */
function placeKeys(place: string): Set<string> {
  const country = CAPITAL_OF.get(place) ?? place;
  const names = AMERICA.has(place) || country === 'america' ? [...AMERICA] : [place, country, ...[...CAPITAL_OF].filter(([, c]) => c === country).map(([capital]) => capital)];
  return new Set(names.map((n) => nameKey(n)));
}

/** "How did Khamenei respond to ...?": who reacted is what the answer must speak of, however well the rest matches. */
/** A name of several words whose initials stand inside an acronym among the words ("revolutionary guards" in "IRGC"). */
function inAcronym(name: string[], words: string[]): boolean {
  const initials = name.length > 1 ? name.map((n) => n[0]).join('').toUpperCase() : '';
  return !!initials && words.some((w) => /^\p{Lu}{2,}$/u.test(w) && w.includes(initials));
}

/** The initials of each run of capitalised words ("Joint Comprehensive Plan of Action" → JCPA and JCPOA). */
function spelledInitials(words: string[]): string[] {
  const runs: string[] = [];
  let with_ = '';
  let without = '';
  for (const w of [...words, '.']) {
    if (/^\p{Lu}/u.test(w)) {
      with_ += w[0];
      without += w[0];
    } else if (/^(?:of|for|and)$/.test(w) && with_) with_ += w[0].toUpperCase();
    else {
      if (without.length > 1) runs.push(with_, without);
      with_ = without = '';
    }
  }
  return runs;
}

/** Nouns naming an occasion or an event, as they follow its name ("the Valdai Club session", "the Tikrit battle"). */
const OCCASION = /^(?:meeting|meetings|session|sessions|conference|summit|panel|forum|gathering|event|debate|talk|talks|speech|address|attack|bombing|crash|downing|seizure|battle|war|campaign|operation|operations|deal|agreement|vote|election|visit|trip|ceremony)$/;
/** Where someone is, asked with a participle ("based", "located", "stationed" ...) and the kind of place ("which city"): a state, not a deed. */
const LOCATED = /^(?:based|located|headquartered|stationed|situated|living|residing|posted|positioned|from|city|town|country|place|location)$/;
/** "Why did Putin ...", "how did the IRGC ...": who did what the question asks about (capitalised, before a lower-case verb). */
const DOER_ASKED = /^\s*(?:(?:[Ss]o|[Aa]nd|[Bb]ut)\s+)?(?:[Ww]hy|[Hh]ow|[Ww]hen|[Ww]here)\s+(?:did|was|is|were|are)\s+(?:the\s+)?((?:\p{Lu}[\p{L}.-]*\s+){1,3})(?=\p{Ll})/u;
const REACTION = /^\s*(?:(?:[Ss]o|[Aa]nd|[Bb]ut)\s+)?(?:[Hh]ow|[Ww]hat|[Ww]hy)\s+(?:did|does|do|has|have|had|will|would|might|could)\s+((?:the\s+)?(?:\p{Lu}[\p{L}'’-]+\s+){1,3})(?:respond|responded|react|reacted|reply|replied|retaliate|answer|feel|view|think)\b|^\s*(?:(?:[Ss]o|[Aa]nd|[Bb]ut)\s+)?[Ww]hat\s+(?:was|is|were|are)\s+((?:the\s+)?(?:\p{Lu}[\p{L}'’-]+\s+){0,2}\p{Lu}[\p{L}-]+)['’]s?\s+(?:\p{Ll}+\s+)?(?:reaction|response|reply|answer|retort)\b/u;

/** The names a question asks about: its capitalised words past the first, months aside, lower-cased. */
function askedNames(query: string): string[] {
  return [...query.matchAll(/(?<=[\p{L}\p{N},;'’)]\s+)[A-Z][\p{L}'’-]*[\p{L}]/gu)].map((m) => m[0].toLowerCase().replace(/['’]s$/, '')).filter((n) => !MONTH_NAME.test(n.replace(/^./, (c) => c.toUpperCase())));
}

/**
 * For a date or a count: the sentence must be about the names the question asks after — the date
 * of Russia's air campaign does not say when Hezbollah entered the war.
 */
export function fitsNames(query: string, sentence: string, match: WordSimilarity): boolean {
  const names = askedNames(query);
  const words = (sentence.match(/[\p{L}\p{N}'’-]+/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  let spelled: Set<string> | undefined;
  return names.every((n) => words.some((w) => sameName(n, w, match)) || (spelled ??= new Set(tokenize(sentence).map((t) => t.word))).has(spellingOf(n)));
}

/**
 * A name the question asks about, said in the sentence: the word itself or a close form, or the same
 * country by its capital or its people ("Moscow's air campaign" is Russia's, "the Kremlin" Russia too).
 */
function sameName(name: string, word: string, match: WordSimilarity): boolean {
  if (word === name || match(name, word) >= 0.5) return true;
  const nation = namedNation(name);
  return !!nation && namedNation(word) === nation;
}
/** The country a word names exactly: its capital, its people or itself (no near spelling, as nationOf allows). */
function namedNation(word: string): string | undefined {
  return CAPITAL_OF.get(word) ?? countryOfPeople(word) ?? (COUNTRY_WORDS.has(word) ? word : undefined);
}

/** The tokenizer's one spelling of a name typed several ways ("Daesh", "ISIL" and the article's "IS" are one group). */
function spellingOf(name: string): string {
  return name === 'is' ? 'isis' : (tokenize(name)[0]?.word ?? name);
}

/** How many words from its date the names a when-question asks about may stand (measured: 10 and 12 lost two dated answers, 16 none). */
const DATE_WINDOW = 16;

/**
 * For "when did X ...": a date in the sentence must stand near X (every name asked about): the spring
 * 2015 of "Iran's use of US air support in the spring 2015 seizure of the Iraqi city of Tikrit – and ...
 * Russia's military engagement in Syria" does not date Iran's troops in Syria.
 */
export function fitsDate(query: string, sentence: string, match: WordSimilarity): boolean {
  const words = [...sentence.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((m) => ({ word: m[0].toLowerCase().replace(/['’]s$/, ''), at: m.index! }));
  const dates = [...sentence.matchAll(new RegExp(HAS_DATE.source, 'gi'))].map((m) => words.findIndex((w) => w.at >= m.index! && w.at < m.index! + m[0].length)).filter((i) => i >= 0);
  const names = askedNames(query);
  // (or farther on in the same clause, nothing but words between: "on October 31 when an IS affiliate succeeded in bringing a bomb
  // onto a Russian airliner departing from the Egyptian resort town of Sharm el-Sheikh")
  const sameClause = (d: number, j: number) => j > d && !/[,;:–—()]/.test(sentence.slice(words[d].at, words[j].at));
  const spelled = tokenize(sentence);
  const spellings = new Map(names.map((n) => [n, spellingOf(n)]));
  const close = (d: number, j: number) => Math.abs(j - d) <= DATE_WINDOW || sameClause(d, j);
  const near = (d: number, n: string) =>
    words.some((x, j) => close(d, j) && sameName(n, x.word, match)) || spelled.some((t) => t.word === spellings.get(n) && words.some((x, j) => x.at === t.start && close(d, j)));
  // "When did it end?" is not answered by when it began ("Since September 30"), nor the reverse ("until ...")
  const before = (d: number, re: RegExp) => words.slice(Math.max(0, d - 3), d).some((w) => re.test(w.word));
  const wrongEnd = (d: number) => (ENDING_ASKED.test(query) && before(d, STARTING_DATE)) || (STARTING_ASKED.test(query) && before(d, ENDING_DATE));
  // "When did Larijani become president?": a role the question names must be the one the sentence gives
  const role = ROLE.exec(query)?.[0].toLowerCase().split(/\s+/).pop();
  const hasRole = !role || words.some((w) => w.word === role || w.word === `${role}s`);
  // "Which month exactly was Tikrit taken?": a month or a day asked for is not given by a season or a year ("spring 2015")
  const fine = (d: number) => !DAY_ASKED.test(query) || DAY_OR_MONTH.test(sentence.slice(words[d].at, words[d].at + 24));
  return hasRole && dates.some((d) => !wrongEnd(d) && fine(d) && names.every((n) => near(d, n)));
}
/** A month or the day asked for, finer than a year: "which month", "the exact day", "on what exact date". */
const DAY_ASKED = /\b(?:which|what)\s+(?:exact\s+|precise\s+|specific\s+)?(?:day|month)\b|\b(?:exact|precise|specific)\s+(?:day|date|month)\b/i;
/** A date finer than a season or a year: a month ("on October 31"), or a named day ("on Ashura"). */
const DAY_OR_MONTH = new RegExp(`^(?:(?:on|in|since|by|until|of|the)\\s+)*(?:\\d{1,2}\\s+)?(?:${MONTHS}|Ashura|Ramadan|Christmas|Easter|Nowruz|Eid)\\b`);

// ("over" as in "is it over?", not "the campaign over Syria")
const ENDING_ASKED = /\b(?:end|ends|ended|finish|finished|stop|stopped|over(?=\s*(?:[?.!,;)]|$|\s+(?:yet|now|already|by|in|at|for|and|or|then|when|before)\b))|withdraw|withdrew|withdrawn|withdrawal|pullout|departure|leave|left|conclude|concluded|complete|completed|exit|exited)\b|\b(?:wrap|wraps|wrapped|wind|winds|wound|shut|shuts)\s+(?:[\p{L}'’]+\s+){0,3}?(?:up|down)\b|\b(?:pull|pulls|pulled|move|moved|get|got|bring|brought)\b(?:\s+[\p{L}'’]+){0,3}\s+out\b/iu;
const STARTING_ASKED = /\b(?:start|started|begin|began|begun|launch|launched|first|enter|entered|intervene|intervened)\b/i;
const STARTING_DATE = /^(?:since|from|starting|beginning)$/;
const ENDING_DATE = /^(?:until|till|by)$/;

const CHOSEN_AS = /^\s*(?:so\s+)?who\s+(?:did|does|do|would|will|could|might)\s+[^?]{1,40}?\b(propose|proposed|name|named|appoint|appointed|choose|chose|pick|picked|nominate|nominated|want|wants|back|backs|install|installed|prefer|prefers)\b[^?]{0,20}\b(?:as|for|to be|to replace|to succeed|to take over|instead)\b/i;
const ROLE_WORDS = '(?:president|prime minister|minister|speaker|spokes(?:man|woman|person)|ambassador|envoy|secretary|chancellor|king|crown prince|emperor|governor|mayor|chairman|chair|commander|general|admiral|chief|director|ceo|founder|editor|head|leader|ruler)\\b';
const ROLE = new RegExp(`\\b${ROLE_WORDS}`, 'i');
const GENERIC_ROLE = /^(?:leader|head|ruler|chief)$/;
// (not "who is calling Assad the legitimate ruler": someone doing something, named in any role)
const ROLE_ASKED = new RegExp(`^\\s*(?:so\\s+)?who(?:['’]s|\\s+is|\\s+was|\\s+are|\\s+were|\\s+served\\s+as|\\s+became|\\s+has\\s+been)\\b(?!\\s+[a-z]+ing\\b)|${CHOSEN_AS.source}`, 'i');
// (or the name asked of a role, "what's the name of Hezbollah's leader", "which US president ...": someone holding it)
const ROLE_NAMED = new RegExp(`^\\s*(?:so\\s+)?what(?:['’]?s|\\s+is|\\s+was)\\s+the\\s+names?\\s+of\\s+(?:the\\s+)?[\\p{L}'’-]+(?:\\s+[\\p{L}'’-]+)?\\s+(?=${ROLE_WORDS})|^\\s*(?:so\\s+)?which\\s+(?:[\\p{L}-]+\\s+)?(?=${ROLE_WORDS})`, 'iu');

/**
 * "Who was Russia's foreign minister": the answer must name someone in that role, not just someone;
 * and when the question says whose role it is (Iran's president, the Iranian president, the president
 * of Iran), a role the sentence gives to someone else's (Russian president Vladimir Putin) does not answer it.
 */
export function fitsRole(question: AnalyzedQuestion, sentence: string, match: WordSimilarity): boolean {
  // "Who is / was X's minister" asks for the holder of a role; "who did Iran's parliament chief sit with" does not.
  if (!(question.type === 'who' && ROLE_ASKED.test(question.query)) && !ROLE_NAMED.test(question.query)) return true;
  const words = sentence.match(/[\p{L}'’-]+/gu) ?? [];
  // "who did Moscow propose as leader / as Assad's replacement": someone proposed, not merely someone who leads
  const deed = CHOSEN_AS.exec(question.query)?.[1]?.toLowerCase();
  if (deed && !words.some((w) => match(deed, w.toLowerCase()) >= 0.5)) return false;
  const found = ROLE.exec(question.query);
  if (!found) return true;
  const role = found[0].toLowerCase().split(/\s+/).pop()!;
  const owner = roleOwner(question.query.split(/\s+/), question.query.slice(0, found.index).split(/\s+/).filter(Boolean).length + found[0].split(/\s+/).length - 1);
  const typedOwner = owner ? undefined : new RegExp(`\\b${escapeRegExp(found[0])}\\s+of\\s+(?:the\\s+)?(\\p{Ll}{3,})\\b`, 'iu').exec(question.query)?.[1];
  // (or a form of the same word: "speaker of parliament" / "parliamentary speaker")
  const same = (asked: string, name: string) => nameKey(name) === nameKey(asked) || match(asked, name) >= 0.5 || sharedStart(asked, name) >= 6;
  const sameOwner = (name: string) => same(owner!, name);
  const mentioned = (asked: string) => words.some((w) => same(asked, w.toLowerCase().replace(/['’]s$/, '')));
  return words.some((w, i) => {
    const lower = w.toLowerCase();
    // (a leader, head or ruler asked for is anyone holding an office: "which Russian leader" is "Russian president Vladimir Putin")
    if (!(lower === role || lower === `${role}s` || match(role, lower) >= 0.75 || (GENERIC_ROLE.test(role) && !!owner && ROLE.test(lower)))) return false;
    // someone holds it: a person's name next to the role ("president Vladimir Putin"), not "another leader"
    if (!personNamedNear(words, i)) return false;
    const whose = roleOwner(words, i);
    // (whose role, when the question says: the sentence's own owner, or, giving none, a sentence that names that owner at all)
    // ("the leader of hezbollah", "the speaker of parliament": an owner in lower case may be an institution the sentence
    // names otherwise, "parliamentary speaker"; it must be named, and "Supreme Leader Ali Khamenei" alone is no leader of Hezbollah)
    return (!owner || (whose ? sameOwner(whose) : mentioned(owner))) && (!typedOwner || mentioned(typedOwner));
  });
}

/**
 * "Who would Moscow put in Assad's place?", "name the guy they'd pick to replace him": someone asked for as
 * the one to take another's place is answered only by a sentence that names a person where it speaks of
 * the replacing ("replace him with another leader" names no one).
 */
export function fitsSuccessor(query: string, sentence: string): boolean {
  if (!SUCCESSOR_ASKED.test(query) || !((query.match(/[\p{L}]+/gu) ?? []).some((w) => SUCCESSION.test(w)) || SUCCEEDING.test(query)) || WHO_IS_REPLACED.test(query) || WHO_REPLACES.test(query)) return true;
  const words = sentence.match(/[\p{L}'’-]+/gu) ?? [];
  const asked = new Set((query.match(/[\p{L}'’-]+/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s$/, '')));
  const named = (w: string, i: number) => {
    const clean = w.replace(/['’]s$/, '');
    return i > 0 && /^\p{Lu}\p{Ll}/u.test(clean) && !asked.has(clean.toLowerCase()) && !COUNTRY_WORDS.has(clean.toLowerCase()) && !CAPITAL_WORDS.has(clean.toLowerCase()) && !DEMONYM.test(clean) && !MONTH_NAME.test(clean) && !ORGANISATION_WORDS.has(clean);
  };
  return words.some((w, i) => (SUCCESSION.test(w) || /^succeed(?:s|ed)?$/i.test(w)) && words.slice(Math.max(0, i - SUCCESSOR_DISTANCE), i + SUCCESSOR_DISTANCE + 1).some((n, j) => named(n, Math.max(0, i - SUCCESSOR_DISTANCE) + j)));
}
const SUCCESSOR_ASKED = /\b(?:who|whom|who's|names?|candidates?|pick|choice|guy|man|person|figure)\b|\b(?:which|what)\s+(?:[\p{L}-]+\s+)?(?:successor|replacement)\b/iu;
const SUCCESSION = /^(?:replace|replaces|replaced|replacing|replacement|successors?|succession)$/i;
/** "Who succeeded in bringing a bomb onto the airliner?" achieved something; "who would succeed Assad / him" takes his place. */
const SUCCEEDING = /\bsucceed(?:s|ed)?\s+(?:him|her|\p{Lu}[\p{L}'’-]+)/u;
/** "Who would Moscow be ready to replace?": the one replaced is asked for, not the one replacing. */
const WHO_IS_REPLACED = /\bwho(?:m)?\b[^?]*\b(?:replace|replaced|succeed|succeeded)\s*[?.!]*\s*$/i;
/** "Who is ok to replace him?", "who wants Assad replaced": the side that would replace him is asked for, not his successor. */
const WHO_REPLACES = /\bwho\b[^?]{0,30}?\b(?:ok|okay|fine|ready|willing|happy|prepared|open|want|wants|would\s+like|plans?|plan(?:s|ning)?)\s+(?:to\s+)?(?:replace|replacing|have\s+him\s+replaced)\b|\bwho\b[^?]{0,30}?\bwants?\s+(?:him|her|\p{Lu}[\p{L}-]+)\s+replaced\b/iu;
/** How many words from the replacing the person must be named: "replace him with General X" (measured on the question sets). */
const SUCCESSOR_DISTANCE = 6;

const TITLE_PART = /^(?:Supreme|Grand|Deputy|Vice|Prime|Chief|Foreign|Defen[cs]e|First|Former|Acting)$/;
const ROLE_PHRASE_END = /^(?:with|and|or|of|to|for|by|in|on|at|as|from|between|that|which|who|while|than|but)$/i;

/** A capitalised name (not a country, a people or a month) within three words of the word at `i`. */
function personNamedNear(words: string[], i: number): boolean {
  return words.slice(Math.max(0, i - 3), i + 4).some((w, j) => {
    const at = Math.max(0, i - 3) + j;
    const clean = w.replace(/[^\p{L}'’-]/gu, '').replace(/['’]s$/, '');
    return at !== i && at > 0 && /^\p{Lu}/u.test(clean) && !COUNTRY_WORDS.has(clean.toLowerCase()) && !DEMONYM.test(clean) && !MONTH_NAME.test(clean) && !/^(?:Supreme|Islamic|Republic|The|A|An)$/.test(clean);
  });
}

/** Whose role the word at `i` is: a name just before it ("Russian president", "Iran's speaker") or after "of" ("president of Iran"), lower-cased. */
function roleOwner(words: string[], i: number): string | undefined {
  const clean = (w: string) => w.replace(/[^\p{L}'’-]/gu, '').replace(/['’]s$/, '');
  for (const w of words.slice(Math.max(0, i - 3), i).reverse()) {
    const c = clean(w);
    // "Supreme Leader", "parliamentary speaker": a title's own words; "with", "and": the owner's phrase has ended
    if (TITLE_PART.test(c)) continue;
    if (ROLE_PHRASE_END.test(c)) break;
    // (an owner typed in lower case with a possessive, "hezbollah's leader", is one as a capitalised one is)
    if (/['’]s$/.test(w.replace(/[^\p{L}'’-]/gu, '')) && !STOPWORDS.has(c.toLowerCase()) && !GENERIC_OWNER.test(c.toLowerCase())) return c.toLowerCase();
    if (/^\p{Lu}/u.test(c) && !MONTH_NAME.test(c) && !/^(?:Who|Whom|Whose|What|Which|The|A|An)$/.test(c)) return c.toLowerCase();
  }
  if (/^of$/i.test(words[i + 1] ?? '')) {
    const next = clean(words[i + 2] === 'the' ? words[i + 3] ?? '' : words[i + 2] ?? '');
    if (/^\p{Lu}/u.test(next)) return next.toLowerCase();
  }
  return undefined;
}

const ENTITY_TYPES = 'diplomat|diplomats|negotiator|negotiators|envoy|envoys|ambassador|ambassadors|spokesman|spokeswoman|spokesperson|airline|airlines|company|firm|city|town|village|desert|sea|river|mountain|mountains|island|valley|peninsula|gulf|lake|country|(?<!\\b(?:end|failed|client|rogue|buffer|steady|welfare|police|nation|final)\\s)state(?!s?\\s+(?:that|the|this|it|what|how|whether|where|which|who|so|clearly|explicitly)\\b)|province|region|airbase|base|airport|port|organi[sz]ation|group|militia|affiliate|faction|branch|offshoot|cell|network|movement|brigade|battalion|regiment|squadron|unit|division|party|newspaper|outlet|agency|university|college|school|academy|institute|institution|think tank|person|official|leader|president|minister|general|commander|ship|plane|aircraft|treaty|operation|cities|countries|companies|agencies|parties|universities|treaties|agreement|deal|accord|pact|contract';
export const ENTITY_QUESTION = new RegExp(`\\b(?:which|what)\\s+(?:(?!(?:do|does|did|are|was|were|the|a|an|has|have|had|can|could|will|would|kind|sort|type|day|days|date|dates|year|years|month|months|week|weeks|time)\\b)[a-z-]+\\s+){0,2}(${ENTITY_TYPES})(?:s|es)?\\b|\\bname of (?:the |a |an )?(?:[A-Za-z-]+(?:['’]s)?\\s+){0,3}?([a-z-]+)\\b(?=\\s+(?:that|who|which|whose|in|at|of|for|from|behind|with|[a-z]+ing)\\b|\\s*\\?|$)|^\\s*(?:please\\s+)?(?:name|list|identify)\\s+(?:(?:the|a|an|one|two|three|all|any|each)\\s+)*(?:[a-z-]+\\s+){0,2}(${ENTITY_TYPES})(?:s|es)?\\b|\\b(?:the|that|this)\\s+(?:[A-Za-z-]+\\s+){0,2}?(${ENTITY_TYPES})(?:s|es)?\\b[^?]*?\\bwhat(?:'s|’s|\\s+is|\\s+was)\\s+(?:its|their)\\s+name\\b|\\b(?:what|which)\\s+(?:type|model|make|brand|variant)\\s+of\\s+(?:the\\s+)?(plane|airplane|aircraft|jet|airliner|helicopter|missile|rocket|tank|rifle|drone|ship|submarine|bomb|car|truck|vehicle)s?\\b|^\\s*(?:q\\d+[.:)]?\\s*)?(${ENTITY_TYPES})(?:s|es)?\\s+(?:where|in\\s+which|that|which|who)\\b(?![^?]*\\b(?:who|what|where|when|how|why|which)\\b)`, 'i');
/** The first kind of thing named in a question ("which airline company": airline). */
const ENTITY_KIND = new RegExp(`\\b(?:${ENTITY_TYPES})\\b`, 'i');
const DEMONYM = /^(?:[A-Z][a-z]+(?:ian|ean|ese|ish)s?|Iraqis?|Afghans?|Saudis?|Israelis?|Pakistanis?|Arabs?|Kurdish|Kurds?|Turkish|Turks?|Shiites?|Shias?|Shi['’]a|Sunnis?|Alawites?|Alawis?|Druze|Christians?|Muslims?|Western|Westerners?|Islamic|Europeans?)$/;
const MONTH_NAME = new RegExp(`^(?:${MONTHS})$`);

/** Two names offered to choose from at the end of a question: "..., Iran or Russia?", "— is it Iran or Russia?". */
const OFFERED_PAIR = /(?:[,:;—–-]\s*|\b(?:is|was)\s+it\s+)(?:the\s+)?(\p{Lu}[\p{L}'’-]*|[\p{Ll}'’-]{3,})\s+or\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*|[\p{Ll}'’-]{3,})\s*[?.!]*\s*$/u;

/**
 * For "which city/airline/group ...", "the name of the X ...", "name / list the X ..." and "the X that ..., what's its name?": the sentence must name something
 * the question does not already name: a capitalised name that is not a nationality or a month,
 * next to the kind of thing asked about when the sentence mentions that kind.
 */
export function fitsEntity(query: string, sentence: string, match: WordSimilarity): boolean {
  const m = ENTITY_QUESTION.exec(query);
  if (!m) return true;
  // (a kind before a generic one is the kind, "which airline company": an airline; not "which militia commander")
  const stacked = m[1] && /^(?:company|companies|firm|firms|group|groups|organi[sz]ations?)$/i.test(m[1]) ? ENTITY_KIND.exec(m[0])?.[0] : undefined;
  // (a name after a noun starts a clause about it, "the name of the syndrome Russia still struggles with": the noun is the kind)
  const clauseAfter = m[2] ? /\b[Nn]ame\s+of\s+(?:(?:the|a|an)\s+)?(?:[\p{Ll}-]+\s+){0,2}?(?!(?:the|its|his|her|their|this|that|these|those|our|your)\s)([\p{Ll}-]{3,})\s+\p{Lu}[\p{L}-]*\b(?!['’]s)/u.exec(m[0])?.[1] : undefined;
  const kind = (stacked ?? clauseAfter ?? m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? '').toLowerCase().split(/\s+/).pop()!.replace(/ies$/, 'y');
  // (the names offered to choose from, "which country ..., Iran or Russia?", are what the answer names, not names already given)
  const offered = OFFERED_PAIR.exec(query)?.slice(1).map((w) => w.toLowerCase().replace(/['’]s$/, '')) ?? [];
  const asked = new Set((query.match(/[\p{L}'’-]+/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s$/, '')).filter((w) => !offered.includes(w)));
  const words = sentence.match(/[\p{L}\p{N}'’-]+/gu) ?? [];
  // a person, a group or an airline is not a country or a place ("which Russian general": "Russia", "to Damascus" name no general)
  // (nor is a country an airline, a group or a city: only a country-like kind is answered by one; but one naming the kind,
  // "the painful Afghanistan syndrome", is its name)
  // (a sentence's first word is capitalised whatever it is; a country opening it is still a country: "Iran, on the other hand, is providing ...")
  const isNewName = (w: string, i: number) =>
    (i > 0 || (COUNTRY_LIKE_KINDS.test(kind) && COUNTRY_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')))) && /^\p{Lu}/u.test(w) && !DEMONYM.test(w) && !MONTH_NAME.test(w) && !asked.has(w.toLowerCase().replace(/['’]s$/, '')) &&
    !(!PLACE_KINDS.test(kind) && !COUNTRY_LIKE_KINDS.test(kind) && (LOCATIVE.test(words[i - 1] ?? '') || (/^(?:the|a|an)$/i.test(words[i - 1] ?? '') && LOCATIVE.test(words[i - 2] ?? '')) || PLACE_OF.test(`${words[i - 2] ?? ''} ${words[i - 1] ?? ''}`))) && !(!COUNTRY_LIKE_KINDS.test(kind) && COUNTRY_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')) && !(words[i + 1] && stemWord(words[i + 1].toLowerCase()) === stemWord(kind))) &&
    // (a person is not an organisation: "Revolutionary Guards Corps", "IRGC", "Hezbollah" name no commander)
    !(PERSON_KINDS.test(kind) && (ORGANISATION_WORDS.has(w) || ORGANISATION_WORDS.has(words[i + 1] ?? '') || /^\p{Lu}{2,}s?$/u.test(w))) &&
    // (nor a seat of government, "Washington", nor a word of a name joined by "of" / "for": "Plan of Action", "Foundation for Defense of Democracies")
    !(PERSON_KINDS.test(kind) && (CAPITAL_WORDS.has(w.toLowerCase().replace(/['’]s$/, '')) || inInstitutionName(words, i))) &&
    // (nor is the first name of someone the question names: "Bashar al-Assad" when it asks about Assad)
    !words.slice(i + 1, i + 3).some((n) => /^\p{Lu}|^al-|^el-|^bin\b/u.test(n) && [...asked].some((a) => a.length > 3 && n.toLowerCase().replace(/['’]s$/, '').endsWith(a)));
  // (a facility or an agreement is named with its own kind of word: "air base", "Plan of Action"; a word merely near in meaning does not do)
  // (the members of something are not a group of their own: "crew members" name no group)
  const isKind = (w: string) =>
    AGREEMENT_KINDS.test(kind)
      ? AGREEMENT_KINDS.test(w.toLowerCase().replace(/s$/, ''))
      : !(GROUP_KINDS.test(kind) && /^members?$/i.test(w)) && match(kind, w.toLowerCase()) >= (FACILITY_KINDS.test(kind) || LANDFORM_KINDS.test(kind) ? 0.75 : 0.45);
  const kindAt = words.map((w, i) => (isKind(w) ? i : -1)).filter((i) => i >= 0);
  // Asked for a place, a name only answers when it reads as one: a country, or a name after "in", "at",
  // "from" ... that is not an organisation's ("at the Valdai Club" is not a city).
  const country = (w: string) => COUNTRY_WORDS.has(w.toLowerCase().replace(/['’]s$/, ''));
  const isPlace = (w: string, i: number) =>
    kind === 'country' ? country(w) : !country(w) && words.slice(Math.max(0, i - 2), i).some((p) => LOCATIVE.test(p)) && !ORGANISATION_WORDS.has(w) && !ORGANISATION_WORDS.has(words[i + 1] ?? '');
  // ... and, when the question names what it asks about ("where was the Valdai Club meeting"), near that name.
  // (or a near form of it: "Shia" / "Shiite", "Damascus" / "Syrian")
  // (not a name set aside: "which cities outside Syria")
  // (nor the names offered to choose from: the answer is one of them)
  const askedNamed = askedNames(query.replace(SET_ASIDE_NAME, ' ')).filter((n) => !offered.includes(n));
  const isAsked = (w: string) => asked.has(w) || askedNamed.some((n) => match(n, w) >= 0.5);
  const named = words.map((w, i) => (i > 0 && /^\p{Lu}/u.test(w) && isAsked(w.toLowerCase().replace(/['’]s$/, '')) ? i : -1)).filter((i) => i >= 0);
  const near = (i: number) => !named.length || named.some((n) => Math.abs(n - i) <= 15);
  // ... and a sentence that does not name it at all ("which cities has IS captured?" against Iran's seizure of Tikrit) says nothing of it.
  if (PLACE_KINDS.test(kind) && !named.length && askedNamed.length) return false;
  // "the Pakistani militia": a nationality given to the kind must stand next to the name (Lebanese Hezbollah), or its country
  const nationality = (m[0].match(/\p{Lu}[\p{L}'’-]+/gu) ?? []).filter((w) => DEMONYM.test(w)).map((w) => w.toLowerCase());
  // (a person's is often given apart: "Iran and Russia, with Supreme Leader Ali Khamenei"; or it goes with the kind:
  // "the Egyptian resort town of Sharm el-Sheikh")
  // (or, for what is no place, its capital: "Tehran – the IRGC in particular" is an Iranian institution; Damascus is no "Syrian city" struck)
  const nationalAt = (from: number, to: number) => words.slice(Math.max(0, from), to).some((w) => nationality.some((n) => sharedStart(n, w.toLowerCase()) >= 4 || (!PLACE_KINDS.test(kind) && CAPITAL_WORDS.has(w.toLowerCase()) && nationOf(w.toLowerCase()) === nationOf(n))));
  const ofNationality = (i: number, k?: number) => !nationality.length || PERSON_KINDS.test(kind) || nationalAt(i - 3, i + 4) || (k !== undefined && nationalAt(k - 2, k));
  // A facility (an airbase, a port) or a landform (a desert, a sea) is named with its kind ("Hmeimim air base", "the Sinai desert"): a city nearby is not one.
  // A person asked for by rank or office ("which IRGC general", "which militia commander") is named with it: "General X", "Foreign Minister Y".
  if (!kindAt.length) return !FACILITY_KINDS.test(kind) && !LANDFORM_KINDS.test(kind) && !TITLE_KINDS.test(kind) && words.some((w, i) => isNewName(w, i) && ofNationality(i) && (!PLACE_KINDS.test(kind) || (isPlace(w, i) && near(i))));
  return kindAt.some((k) => words.some((w, i) => Math.abs(i - k) <= 3 && isNewName(w, i) && ofNationality(i, k)));
}

/** The capitalised word at `i` is part of a run of capitalised words joined by "of" or "for" ("Joint Comprehensive Plan of Action"). */
function inInstitutionName(words: string[], i: number): boolean {
  const cap = (j: number) => /^\p{Lu}/u.test(words[j] ?? '');
  let a = i;
  let b = i;
  while (a > 0 && (cap(a - 1) || (/^(?:of|for)$/.test(words[a - 1]) && cap(a - 2)))) a--;
  while (b < words.length - 1 && (cap(b + 1) || (/^(?:of|for)$/.test(words[b + 1]) && cap(b + 2)))) b++;
  return words.slice(a, b + 1).some((w) => /^(?:of|for)$/.test(w));
}

/** How many letters two words begin with alike (Pakistani / Pakistan: 8, Iraqi / Iran: 3). */
export function sharedStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** "the resort town of Sharm el-Sheikh", "the city of Tikrit": the name that follows is a place. */
const PLACE_OF = /^(?:town|towns|city|cities|village|region|regions|province|resort|capital|port|district|desert|island|republic) of$/i;

/** Kinds of thing a country can be: "which country / ally / power / side ...". */
const COUNTRY_LIKE_KINDS = /^(?:country|nation|state|power|superpower|ally|partner|side|party|government|regime|actor|player|neighbou?r|member|signatory|rival|adversary|enemy|backer|sponsor|patron|supporter|capital|place|region)$/;
const PERSON_KINDS = /^(?:person|official|leader|president|minister|general|commander|diplomat|negotiator|envoy|ambassador|spokesman|spokeswoman|spokesperson)$/;
const PLACE_KINDS = /^(?:city|town|village|desert|sea|river|mountain|island|valley|peninsula|gulf|lake|country|province|region|airbase|base|airport|port)$/;
/** Words for an armed or political group. */
const GROUP_KINDS = /^(?:group|organi[sz]ation|militia|affiliate|faction|branch|offshoot|cell|network|movement|wing)$/;
/** Ranks and offices a person is named with ("General X", "Ambassador Y"); "leader", "official", "president" may go unsaid. */
const TITLE_KINDS = /^(?:minister|general|commander|diplomat|negotiator|envoy|ambassador|spokesman|spokeswoman|spokesperson)$/;
/** Kinds of land and water, each named with its own word ("the Sinai desert"): a sea is not a desert, however near their vectors. */
const LANDFORM_KINDS = /^(?:desert|sea|river|mountain|island|valley|peninsula|gulf|lake)$/;
const FACILITY_KINDS = /^(?:airbase|base|airport|port|agreement|deal|treaty|accord|pact|contract|university|college|school|academy)$/;
const AGREEMENT_KINDS = /^(?:agreement|deal|treaty|accord|pact|contract|plan|convention|protocol|charter|memorandum)$/;
const LOCATIVE = /^(?:in|at|from|near|into|to|toward|towards|across|over|outside|inside)$/i;

const SPEECH_QUESTION = /\bwhat (?:points?|arguments?|case|comments?|remarks?)\s+(?:did|does|do|has|have|had)\s+(?:[\p{L}'’-]+\s+){1,3}?(?:make|makes|made|raise|raised|put forward|present|offer|advance)\b|\bwhat (?:(?:exactly|precisely|actually|really|two|three|other|else|all|things?|remarks?|words?)\s+){0,2}(?:did|does|do|has|have|had)\s+(?:[\p{L}'’-]+\s+){1,3}?(?:say|said|tell|told|claim|state|announce|declare|argue|write|publicly|remark|reply)\b|\bwhat (?:was|were) (?:[\p{L}'’-]+\s+){1,3}?(?:statements?|remarks?|words|message|claim)\b|\bhow (?:did|does|do|has|have) (?:[\p{L}'’-]+\s+){1,3}?(?:talk|speak|describe|portray|characteri[sz]e|depict|refer)\b|^\s*(?:(?:so|and|but|ok|okay)\s+)?(?:did|does|do|has|have|had)\s+(?:[\p{L}'’-]+\s+){1,2}?(?:say|said|tell|told|claim|publicly\s+say)\b|\bwhat\s+(?:(?:exactly|precisely|actually|really)\s+)?(?:he|she|(?!(?:the|it|they|you|i|we|did|does|do|is|was|would|will|can|could|people|others|article|piece|text|authors?)\b)[\p{L}'’-]{3,})\s+(?:(?:exactly|actually|really|personally)\s+)?say\b|\b(?!(?:article|piece|essay|text|it|they|authors?|writers?|people|others|does|did|do)\b)[\p{L}'’-]{3,}\s+(?:(?:exactly|actually|really|personally)\s+)?(?:say|said)\s+what\b/iu;
/** "Which two statements by Putin ...", "what remarks of Larijani": a speaker named after the kind of speech (capitalised, as a name is). */
const SPEECH_BY = /\b(?:[Ww](?:hich|hat)|[Aa]ny|[Aa]n?)\s+(?:(?:two|three|other|exact|direct|actual|verbatim|on-record|on[-\s]the[-\s]record)\s+)?(?:statements?|remarks?|claims?|quotes?|words)\s+(?:by|of|from)\s+(?!the\s+(?:article|piece|essay|text|authors?)\b)(\p{Lu}[\p{L}'’-]+)/u;
const SPEECH = /\b(?:say|says|said|saying|statements?|claim|claims|claimed|declared?|announced?|told|tells|speech|speeches|remarks?|remarked|argued?|argues|insisted|insists|warned|warns|stated|depicted|described|called|wr[io]te|writes|written|noted|notes|reported|stressed|suggested|suggests|added|explained|explains|admitted|acknowledged|asserted|asserts|maintained|maintains|observed|replied|answered|promised|threatened|denied|accused)\b/i;

const AUTHORSHIP_QUESTION = /\bwho\s+(?:wrote|writes|authored|penned|drafted|composed)\b/i;
const AUTHORSHIP = /\b(?:wr[io]te|writes|writing|written|writer|authors?|authored|penned|drafted|composed)\b/i;

/** "Who wrote War and Peace?" (not the document itself): only a sentence about someone writing it answers. */
export function fitsAuthorship(query: string, sentence: string): boolean {
  return !AUTHORSHIP_QUESTION.test(query) || AUTHORSHIP.test(sentence);
}

/** "What does X recommend Washington do?": advice is asked for, and only a sentence that gives some answers. */
export function fitsAdvice(query: string, sentence: string): boolean {
  return !ADVICE_QUESTION.test(query) || ADVICE.test(sentence);
}

const ADVICE_QUESTION = /\b(?:what|which|how|who)\b[^?]{0,60}\b(?:recommend|recommends|recommended|advise|advises|advised|urge|urges|urged|prescribe|prescribes|advocate|advocates|advocated)\b|\b(?:recommendations?|advice|policy prescriptions?)\b/i;
const ADVICE = /\b(?:recommend\w*|should|ought|urg(?:e|es|ed|ing)|propos\w*|suggest\w*|advi[sc]\w*|advocat\w*|prescri\w*|call(?:s|ed|ing)? for|need(?:s|ed)? to|must)\b/i;

/**
 * "Which outlet or agency first reported the 7,000 figure?": the reporter is asked for, and only a sentence
 * that names where it has something from answers ("according to ...", "reported by ..."), not one saying "reportedly".
 */
export function fitsReporter(query: string, sentence: string): boolean {
  return !REPORTER_QUESTION.test(query) || REPORTER.test(sentence);
}

const REPORTER_QUESTION = /\b(?:which|what|whose)\s+(?:news\s+)?(?:outlets?|(?:news\s+|wire\s+|intelligence\s+)?agenc(?:y|ies)|newspapers?|media|news\s+(?:organi[sz]ations?|sites?|services?)|wire\s+services?|reporters?|journalists?)\b/i;
const REPORTER = /\baccording\s+to\b|\b(?:reported|published|cited|quoted|estimated|confirmed)\s+by\b|\b(?:told|said\s+to)\s+(?:the\s+)?\p{Lu}/u;

/**
 * "Where did Hansen go to college?", "from which university did he obtain his doctorate?", "Where did Alfoneh work
 * before FDD?": someone's schooling, or a post held before the one named, is asked for; only a sentence that speaks of
 * study, or of a former post, answers, not the biography of where they work now.
 */
export function fitsCareer(query: string, sentence: string): boolean {
  if (EDUCATION_ASKED.test(query) && !EDUCATION.test(sentence)) return false;
  // (and "what was his earlier book about?": someone's book asked for, only a sentence that speaks of one)
  if (WORKS_ASKED.test(query) && !WORKS.test(sentence)) return false;
  return !EARLIER_POST_ASKED.test(query) || EARLIER_POST.test(sentence);
}
const WORKS_ASKED = /\b(?:his|her|their|[\p{L}-]+['’]s)\s+(?:(?:earlier|previous|prior|latest|last|recent|new|other|first|own)\s+)?(?:books?|monographs?|novels?|memoirs?)\b|\b(?:earlier|previous|prior|latest|recent|other)\s+(?:books?|monographs?)\b|\b(?:what|which|any)\s+books?\b(?=[^?]*\b(?:written|wrote|write|published|authored)\b)|\b(?:wrote|written|published|authored)\s+(?:a|an|any|some)\s+(?:[\p{L}-]+\s+)?books?\b/iu;
const WORKS = /\b(?:books?|monographs?|novels?|memoirs?|author\s+of|wrote|written|published)\b/i;

/**
 * "What volume, issue and page numbers does this appear in?", "the DOI?": a bibliographic detail of the document that no
 * document's metadata gives (title, publication, date, authors and tags are all it gives).
 */
export const BIBLIOGRAPHIC_DETAIL = /\b(?:volume|issue\s+(?:number|no\.?)|page\s+(?:numbers?|range)|pages|doi|issn|isbn|permalink|word\s+count)\b(?=[^?]*\b(?:article|piece|essay|text|journal|magazine|it|this|citation|cite|appear|appears|appeared|published|run|ran)\b)/i;

// ("which degree of stability": a measure, no schooling)
const EDUCATION_ASKED = /\b(?:go|went|gone|going)\s+to\s+(?:college|university|uni|school|grad\s+school)\b|\b(?:stud(?:y|ied)|educated|graduated?|trained)\b(?!\s+(?:the|this|that|it)\b)|\bdegrees?\b(?!\s+(?:of|to)\b)|\b(?:doctorates?|phd|ph\.d|alma\s+mater|masters|dissertation)\b|\b(?:which|what)\s+(?:university|college|school)\b/i;
const EDUCATION = /\b(?:universit(?:y|ies)|college|degrees?\s+(?:in|from)|doctorate|ph\.?d|studied|graduat\w*|educated|alumn\w*|school)\b/i;
const EARLIER_POST_ASKED = /\bwhat\s+did\s+(?:[\p{L}'’-]+\s+){1,3}?do\s+before\b|\b(?:work|worked|working|employed|serve|served)\s+(?:at\s+|for\s+)?(?:[\p{L}-]+\s+){0,2}?before\s+(?:joining\s+|he\s+joined\s+|she\s+joined\s+)?(?:\p{Lu}|the\s+)|\b(?:previous|prior|former|earlier|last)\s+(?:job|jobs|post|posts|position|positions|employer|employers|role|roles|career)\b/u;
const EARLIER_POST = /\b(?:formerly|previously|former|earlier|before\s+joining|used\s+to|until\s+\d{4})\b/i;

/** "What did Putin say": someone's words are asked for; "what does the article say about X" asks what the document holds. */
export function asksForSpeech(raw: string): boolean {
  const query = withoutAsideAfterWhat(raw);
  const asked = SPEECH_QUESTION.exec(query) ?? SPEECH_PLAIN.exec(query) ?? OWNED_SPEECH_CONTENT.exec(query);
  return (!!asked && !DOCUMENT_SPEAKER.test(asked[0])) || SPEECH_BY.test(query);
}
/** "Larijani's Valdai speech: what were his main points?", "what was in Putin's speech?", "the main points of his speech": what someone's speech said. */
const OWNED_SPEECH_CONTENT = /(\p{Lu}[\p{L}-]+)['’]s\s+(?:\p{Lu}[\p{L}-]+\s+)?(?:speech|address|talk)\b[^?]*?\bwhat\s+(?:were|was|are|is|did)\b|\b(?:points?|arguments?|substance|contents?)\s+of\s+(?:(\p{Lu}[\p{L}-]+)['’]s|his|her)\s+(?:\p{Lu}[\p{L}-]+\s+)?(?:speech|address|talk|remarks)\b|\bwhat\s+(?:was|is)\s+in\s+(\p{Lu}[\p{L}-]+)['’]s\s+(?:\p{Lu}[\p{L}-]+\s+)?(?:speech|address|talk)\b/u;
/** "What, in substance, did Larijani say?": an aside between commas after "what" set apart, as if not there. */
function withoutAsideAfterWhat(query: string): string {
  return query.replace(/\b([Ww]hat)\s*,\s*(?:in\s+(?:substance|essence|short|brief|effect|sum|a\s+nutshell)|exactly|precisely|basically|actually|really|concretely|specifically|substantively|essentially|broadly|briefly)\s*,\s*/g, '$1 ');
}
/** Whose speech a question names: "Larijani's (Valdai) speech". */
const SPEECH_OWNER = /(\p{Lu}[\p{L}-]+)['’]s\s+(?:\p{Lu}[\p{L}-]+\s+|(?:exact|actual|own|direct|precise|verbatim)\s+)?(?:speech|address|remarks|statement|talk|quotes|comments|words)\b/u;
/** "What exactly Larijani said ...?", "what two things Putin said", "What said Putin at Valdai?" (a learner's word order), "Larijani's speech — key points he made?" (a flashcard's), "Khamenei's remarks at Valdai". */
const SPEECH_PLAIN = /\b[Ww]hat\s+(?:(?:exactly|precisely|actually|really|two|three|2|3|all|things?)\s+){0,2}(?:\p{Lu}[\p{L}'’-]+\s+){1,3}(?:(?:exactly|precisely|actually|really)\s+)?(?:said|told|claimed|stated|argued)\b|\b[Ww]hat\s+(?:said|told|claimed|stated|argued)\s+(?:\p{Lu}[\p{L}'’-]+\b\s*){1,3}|\b(?:points?|arguments?|remarks?)\s+(?:he|she|they)\s+(?:made|raised|put\s+forward)\b|(?<![\p{L}])\p{Lu}[\p{L}-]+['’]s\s+(?:\p{Lu}[\p{L}-]+\s+|(?:exact|actual|own|direct|precise|verbatim)\s+)?(?:remarks|quotes|comments|words)\b/u;

// ("did they say iran knows ...?": "they", with no one named before it, are the authors)
const DOCUMENT_SPEAKER = /\b(?:article|piece|essay|text|paper|document|story|corpus|author|authors|writer|writers|it|this)\b|^\s*(?:(?:so|and|but|wait)\s+)?(?:did|do|does)\s+they\s+(?:say|said|claim|argue|mention|state|write)\b/i;

/**
 * "What did X say ...": only a sentence that reports speech answers it, not one that merely mentions X.
 * (`known`: speakersAsked(query), when the caller has worked it out already.)
 */
export function fitsSpeech(query: string, sentence: string, match: WordSimilarity = sameWord, known?: string[]): boolean {
  if (!asksForSpeech(query)) return true;
  // Whose words: the names between "what did" and "say" ("what did Larijani say"); the speech must be theirs,
  // said near their name ("Putin's claim", "Larijani said"), not someone else's in the same sentence.
  // (a nationality or a seat of government names nobody: "how did the Russian leader / the Kremlin leader portray Iran")
  const speakers = known ?? speakersAsked(query);
  const words = (sentence.match(/[\p{L}\p{N}'’-]+/gu) ?? []).map((w) => w.toLowerCase().replace(/['’]s$/, ''));
  const spoken = words.flatMap((w, i) => (SPEECH.test(w) ? [i] : []));
  if (!spoken.length) return false;
  if (!speakers.length) return true;
  const named = words.flatMap((w, i) => (speakers.some((n) => w === n || nameKey(w) === nameKey(n) || match(n, w) >= 0.5) ? [i] : []));
  return spoken.some((i) => named.some((j) => Math.abs(i - j) <= SPEAKER_DISTANCE));
}

/**
 * Whose words a speech question asks for: the names between "what did" and "say" ("what did Larijani
 * say"), in chat's lower case too ("what did putin say"); a nationality, a seat of government, a title
 * or a function word names nobody ("the Russian leader", "the Kremlin").
 */
export function speakersAsked(raw: string): string[] {
  const query = withoutAsideAfterWhat(raw);
  const by = SPEECH_BY.exec(query)?.[1];
  if (by) return [by.replace(/['’]s$/, '').toLowerCase()];
  // (or, with no speaker in the question's form, the name whose speech it is: "Larijani's Valdai speech — key points he made?")
  const plain = SPEECH_PLAIN.exec(query)?.[0];
  // (asked of "he" or "she", the one whose words were named: "Larijani's exact words — what did he say?")
  const question = SPEECH_QUESTION.exec(query)?.[0];
  const owner = SPEECH_OWNER.exec(query)?.[1] ?? OWNED_SPEECH_CONTENT.exec(query)?.slice(1).find(Boolean);
  // (or the one the message named first before asking: "Larijani spoke at Valdai in black. What did he actually say?", "Larijani at Valdai!! What did he say?")
  const before = question && /\b(?:he|she)\b/i.test(question) ? query.slice(0, query.indexOf(question)) : '';
  const named = (before.match(/(?<![.?!]\s*|^)\b\p{Lu}[\p{L}'’-]+|^\p{Lu}[\p{L}'’-]+(?=\s+(?:said|says|spoke|speaks|told|claimed|argued|addressed|gave|made|was|is|had|has|at|in|on|during)\b)/gu) ?? []).map((n) => n.replace(/['’]s$/, '')).find((n) => !DEMONYM.test(n) && !nationOf(n.toLowerCase()) && !MONTH_NAME.test(n));
  const asked = (question && (owner ?? named) && /\b(?:he|she)\b/i.test(question) ? ` ${owner ?? named} ` : question) ?? (plain && /^(?:points?|arguments?|remarks?)\b|['’]s\s/.test(plain) ? ` ${owner ?? ''} ` : plain) ?? '';
  const capitalised = (asked.match(/(?<=\s)\p{Lu}[\p{L}'’-]+/gu) ?? []).map((n) => n.replace(/['’]s$/, ''));
  // (typed all in lower case: the words before the speech verb that are no function word, title, nationality,
  // word for people in general ("analysts") or plural, as names seldom are)
  // (and the speaker alone typed in lower case, in a message with capitals: "what exactly did larijani say at valdai about IS?")
  const lowerSpeaker = capitalised.length ? undefined : LOWER_SPEAKER.exec(query)?.slice(1).find(Boolean);
  if (lowerSpeaker && !STOPWORDS.has(lowerSpeaker) && !/^(?:people|others|everyone|anyone|someone|somebody|analysts?|experts?|officials?)$/.test(lowerSpeaker)) return [lowerSpeaker];
  const words = capitalised.length || /\p{Lu}/u.test(query.slice(1)) ? capitalised : (asked.match(/[\p{L}'’-]+/gu) ?? []).slice(1, -1).map((n) => n.replace(/['’]s$/, '')).filter((n) => !STOPWORDS.has(n) && !ROLE.test(n) && !/^(?:publicly|public|official|speeches|rhetoric|media|press|two|three|other|things?|remarks?|statements?|claims?|quotes?|words?|exactly|precisely|really|actually|government|authorities|officials?|people|side|sides|country|countries|regime|analysts?|experts?|critics?|observers?|commentators?|scholars?|diplomats?|others|everyone|anyone|someone|somebody|they)$/.test(n) && !(n.length > 4 && n.endsWith('s')));
  // (a seat of government before a title names nobody, "the Kremlin leader"; alone it is its government speaking, "what did Washington say")
  // (nor does a title typed with its capital: "how did the Russian President portray Iran")
  return words.filter((n) => !DEMONYM.test(n.replace(/^./, (c) => c.toUpperCase())) && !(capitalised.length && ROLE.test(n) && !nationOf(n.toLowerCase())) && !(CAPITAL_WORDS.has(n.toLowerCase()) && new RegExp(`\\b${n}\\s+(?:\\p{Ll}+\\s+)?(?:leader|leaders|leadership|chief|boss|president|ruler|official|officials|spokesman|spokeswoman|spokesperson|men|figures|insiders|elite|elites)\\b`, 'iu').test(query))).map((n) => n.toLowerCase());
}

/** "did larijani say", "khamenei personally say what": one lower-case word as the speaker of a speech question. */
const LOWER_SPEAKER = /\bdid\s+(\p{Ll}[\p{Ll}'’-]{2,})\s+(?:(?:exactly|actually|really|personally|ever)\s+)?(?:say|tell|claim|state)\b|\b(\p{Ll}[\p{Ll}'’-]{2,})\s+(?:(?:exactly|actually|really|personally)\s+)?say\s+what\b/u;

/** How many words apart a speaker's name and their speech may stand ("Putin’s claim at the Valdai Club that"). */
const SPEAKER_DISTANCE = 4;

const VERBISH = new Set(['have', 'has', 'had', 'did', 'does', 'do', 'are', 'were', 'was', 'will', 'would', 'is', 'can', 'could', 'died', 'die', 'in', 'of', 'from', 'for', 'on', 'at', 'the', 'to', 'went', 'go', 'goes', 'gone', 'came', 'come', 'left', 'fought', 'fight', 'fled', 'took', 'take', 'got', 'get', 'live', 'work', 'serve', 'became', 'become', 'there', 'that', 'who', 'which']);

/**
 * Words that name a relation rather than a fact ("the role of the IRGC", "the source of Russia's fear"):
 * the question is about what they are attached to, and the corpus need not use the word itself.
 */
const RELATION_HEADS = new Set(
  `picture overview summary gist thrust crux upshot essence drift rundown role roles source sources reason reasons cause causes purpose nature impact effect effects significance meaning result results
  consequence consequences point points idea ideas goal goals aim aims view views position positions state status situation
  relationship relations difference differences connection link links importance problem problems issue issues question fate future
  background context story outcome response reaction strategy plan plans interest interests motive motives motivation approach attitude
  stance policy extent degree level kind sort type part parts bit bits piece pieces branch branches wing wings share rest main key basis argument claim message take end name names
  obstacle obstacles hurdle hurdles barrier barriers challenge challenges difficulty difficulties limit limits limitation limitations
  weakness weaknesses strength strengths risk risks danger dangers tension tensions disagreement disagreements dispute disputes friction
  record history pattern habit practice tendency dilemma dilemmas predicament quandary bind trap catch choice choices trade-off tradeoff
  spoiler spoilers dealbreaker dealbreakers crack cracks flaw flaws theory theories explanation explanations rationale logic thinking reasoning hypothesis
  contrast contrasts gap gaps similarity similarities parallel parallels distinction distinctions divide mismatch discrepancy discrepancies contradiction contradictions paradox irony
  game games endgame agenda angle`.split(/\s+/).map(stemWord),
);

/**
 * "What is the capital / population / weather of X?": the attribute the question asks after, when it is
 * a thing of its own (not a relation word), must be matched somewhere in the corpus; X alone does not answer it.
 */
export function unsupportedAttribute(query: string, retrieval: Retrieval, type?: QuestionType): string | undefined {
  // ("what is the date of the Valdai meeting?": a date is asked, which the corpus gives as one, not as the word)
  if (type === 'when') return undefined;
  // ("what is the job title of Hansen?": someone's post, which a biography gives without the word)
  if (POST_TITLE.test(query)) return undefined;
  // "what is the population of Iran", "what is Hezbollah's annual budget", "how much oil does Iran export"
  // ("what was the flight number and airline of the plane": the first thing asked)
  const m =
    /^\s*(?:so\s+)?(?:what|which)(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:the|a|an|its|their|his|her)\s+(?:([\p{L}-]+)\s+)??([\p{L}-]+)\s+(?:and\s+(?:the\s+)?[\p{L}-]+\s+)?(?:like\s+)?(?:of|in|for|on|at|between|among)\b/iu.exec(query) ??
    // ("what is his nationality?": a personal attribute of someone named before)
    /^\s*(?:so\s+|and\s+)?(?:what|which)(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:his|her|their)\s+(nationality|nationalities|citizenship|age|birthday|birthplace|birth\s+date|religion|faith|ethnicity|salary|income|hometown|wife|husband|spouse|children|kids|height|party|alma\s+mater)\s*[?.!]*\s*(?:\([^()]*\)\s*)?$/iu.exec(query) ??
    // ("who is Khamenei's chef?": the one asked after is named by what they are to someone)
    /^\s*(?:[Ss]o\s+)?(?:[Ww]hat|[Ww]hich|[Ww]ho)(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:the\s+)?\p{Lu}[\p{L}-]*['’]s?\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)\s*\??\s*$/u.exec(query) ??
    // "what model of aircraft was ...", "which brand of ...": the attribute before "of"
    /^\s*(?:so\s+)?(?:what|which)\s+([\p{L}-]+)\s+of\s+(?:[\p{L}-]+\s+){1,2}?(?:was|were|is|are|did|does|do|has|have)\b/iu.exec(query) ??
    // "what (other) books has Hansen written?", "kindly tell what articles X has published": the works asked for
    /(?:^\s*(?:so\s+)?|\btell\s+(?:me\s+|us\s+)?)(?:what|which)\s+(?:other\s+|else\s+)?([\p{L}-]+)\s+(?:has|have|did|does)\s+(?:[\p{L}.'’-]+\s+){1,4}?(?:(?:already|also|ever|previously|earlier)\s+)?(?:written|write|published|publish|authored|author|co-?authored)\b/iu.exec(query);
  // "can someone recommend a good vegan lasagna recipe", "give me a recipe for cookies": the thing asked for
  const requested = REQUEST.exec(query)?.[1];
  // ("the flight number of the plane", "what was the flight number?": an identifying number, whose kind, the flight, must be in the corpus)
  const identifier = m?.[2] ? [m[1], m[2]] : IDENTIFIER_ASKED.exec(query)?.slice(1, 3);
  // (an adjective sizing the number, "the exact number of Russians who joined", is no kind of identifier)
  const modifier = identifier?.[0]?.toLowerCase().replace(NOT_A_KIND, '') || undefined;
  if (modifier && IDENTIFIER_HEADS.test(identifier![1]) && retrieval.terms.some((t) => t.token.word === modifier && t.support < ABSTAIN.minSpecificSupport)) return modifier;
  const head = (m?.[2] ?? m?.[1])?.toLowerCase() ?? (/\bhow much\b/i.test(query) && !MONEY.test(query) && type === 'quantity' ? countedNoun(query)[0] : undefined) ?? requested?.toLowerCase();
  if (!head || RELATION_HEADS.has(stemWord(head)) || (requested && ANSWER_KINDS.test(head))) return undefined;
  const term = retrieval.terms.find((t) => t.token.word === head);
  return term && term.support < ABSTAIN.minSpecificSupport ? head : undefined;
}

const POST_TITLE = /\bjob\s+titles?\b/i;
const NOT_A_KIND = /^(?:exact|actual|precise|approximate|estimated|total|full|real|official|first|last|rough|current|overall|final|true|whole|complete|specific|latest|reported|likely)$/;
const IDENTIFIER_ASKED = /^\s*(?:so\s+)?(?:what|which)(?:['’]s|\s+is|\s+are|\s+was|\s+were)\s+(?:the|its|their|his|her)\s+([\p{L}-]+)\s+([\p{L}-]+)\s*[?.!]*\s*$/iu;

/** Words that name an identifier of something rather than a fact about it ("flight number", "code name"). */
const IDENTIFIER_HEADS = /^(?:number|name|code|id|title|designation|callsign|call-sign)$/i;

/** A request for something ("recommend a good recipe", "got a link"), and the thing requested (not "did Larijani share a stage with Putin?"). */
const REQUEST = /\b(?:recommend|suggest|give me|(?<=(?:^|(?:can|could|would|will)\s+(?:you|u|ya)\s+|please\s+|pls\s+|plz\s+)\s*)share|send me|find me|(?:anyone|anybody|someone|somebody|you|u|ya)\s+(?:got|have|has|know of|knows of))\s+(?:me\s+|us\s+)?(?:a|an|some|any)\s+(?:[\p{L}-]+\s+){0,3}?([\p{L}-]+)(?=\s+(?:for|to|that|which|about|on|from|with|of)\b|\s*[?.!]*\s*$)/iu;
/** What a request to the bot about the document asks for: a summary, a list, a quote ... (answered from the document however worded). */
const ANSWER_KINDS = /^(?:summary|summaries|rundown|overview|gist|recap|breakdown|tldr|list|quote|quotes|source|sources|citation|citations|example|examples|explanation|answer|sentence|sentences|word|words|paragraph|idea|sense|sketch|outline|description|picture|version|point|points|reason|reasons|hint|clue|take|view|verdict|conclusion|takeaway|takeaways)$/i;

/**
 * "Who won / leads / funds X?": the deed asked about (the verb right after "who") must be matched
 * somewhere in the corpus; X alone does not answer it. "Who is ...", "who did X ...", "who wrote ..."
 * are asked otherwise.
 */
export function unsupportedAction(query: string, retrieval: Retrieval, match: WordSimilarity = sameWord): string | undefined {
  // ("when was the Valdai Club founded?", "in what year was the deal signed?": the event dated must be in the corpus too,
  // in a sentence naming what the question names: "the Foundation for Defense of Democracies" founds nothing)
  const dated = WHEN_EVENT.exec(query)?.[1]?.toLowerCase();
  if (dated) {
    // (a word near in meaning will do: "attacked" for a bombing)
    const term = retrieval.terms.find((t) => t.token.word === dated);
    if (term && term.support < DATED_EVENT_SUPPORT) return dated;
    // (the names of a thing, not its nationality: "the Russian airliner" is any sentence's)
    const names = askedNames(query).filter((n) => !namesCountry(n) && !DEMONYM.test(n.replace(/^./, (c) => c.toUpperCase())));
    const naming = names.length ? sentenceWords(retrieval).filter(({ words }) => names.every((n) => words.includes(n))) : [];
    if (naming.length && !naming.some(({ text }) => mentions(dated, text, match))) return dated;
  }
  // ("what treaty did they sign?", "since they signed a defense pact, ...": a signing the corpus never tells of is no fact of it)
  const signed = SIGNING.exec(query)?.[1]?.toLowerCase();
  if (signed && SIGNED_THING.test(query)) {
    const term = retrieval.terms.find((t) => t.token.word === signed);
    if (term && term.support < ABSTAIN.minSpecificSupport) return signed;
  }
  const verb = /^\s*(?:(?:so|and|but|then)\s+)?who\s+([\p{L}'’-]+)/iu.exec(query)?.[1]?.toLowerCase();
  if (!verb || WHO_AUXILIARY.test(verb)) return undefined;
  const term = retrieval.terms.find((t) => t.token.word === verb);
  return term && term.support < ABSTAIN.minSpecificSupport ? verb : undefined;
}

/**
 * "Did Assad end up staying in power after 2015?", "when did Russia finally withdraw?", "in which year
 * Russia finally took out its army?", "what happened to him later?": how something turned out, asked as
 * done. Only a passage that tells an outcome as done answers it ("... finally withdrew in March"); a
 * document that only looks ahead ("how it can eventually exit") does not. The marker, or undefined.
 * (Not of the authors' own argument: "do they end up saying it is an alliance?")
 */
export function laterOutcome(query: string, retrieval: Retrieval): string | undefined {
  // ("what happened to Assad after 2015?", "did they stay friends after like 2020?": a year the passages tell nothing after; "since 2014"
  // is answered by what they tell of 2015; a day given, "after sept 30 2015", is no year asked after)
  const year = AFTER_YEAR.exec(query);
  if (year) {
    const from = Number(year[2]) + (/^(?:since|from)$/i.test(year[1]) ? 0 : 1);
    const told = retrieval.passages.slice(0, 3).some((p) => (p.text.match(/\b(?:19|20)\d\d\b/g) ?? []).some((y) => Number(y) >= from));
    if (!told) return year[0].toLowerCase();
  }
  const asked = OUTCOME_ASKED.exec(query)?.slice(1).find(Boolean);
  if (!asked) return undefined;
  return retrieval.passages.slice(0, 3).some((p) => OUTCOME_TOLD.test(p.text)) ? undefined : asked.toLowerCase();
}
const OUTCOME_ASKED = /\b(?:did|has|have|had)\s+(?!(?:the\s+)?(?:authors?|writers?|article|piece|text|essay|they|it)\b)(?:[\p{L}'’-]+\s+){1,4}?(finally|ultimately|eventually)\b|\b(finally|ultimately|eventually)\s+(?:took|fell|left|withdrew|pulled|ended|concluded|collapsed|won|lost|became|stepped|quit|gave)\b|\b(end\s+up)\s+[\p{L}'’-]+ing\b[^?]*?\b(?:after|later|in\s+the\s+end|by\s+now|today|nowadays|or\s+(?:nah|not))\b|\b(what\s+happened)\s+(?:to\s+(?:[\p{L}'’-]+\s+){1,2}?)?(?:later|next|afterwards|after\s+(?:that|this|it)|since|in\s+the\s+end)\b|\b(still)\s+(?:[\p{L}'’-]+\s+){1,4}?(?:today|now|nowadays|these\s+days)\b|^\s*(?:(?:so|and|but)\s+)?(?:did|has|have|had)\s+(?!(?:the\s+)?(?:authors?|writers?|article|piece|text|essay|they|it)\b)(?:[\p{L}\p{N}'’-]+\s+){1,7}?(in\s+the\s+end|at\s+the\s+end\s+of\s+the\s+day|after\s+all)\b|\b(ever)\s+(?:actually\s+|really\s+|finally\s+)?[\p{L}]+\b[^?]*?\b(?:later|afterwards|since)\b|\b(in\s+the\s+(?:years?|months?)\s+(?:after|since)\s+(?:this|that|it|then))\b|\b((?:since|after)\s+(?:this|that|it|the\s+(?:article|piece))\s+was\s+(?:written|published))\b/iu;
/** "after 2015", "since like 2020", "post-2015": a time asked after a year (not a day of it: "after sept 30 2015"). */
const AFTER_YEAR = /\b(after|since|post|from)[-\s]+(?:like\s+|about\s+|around\s+|roughly\s+)?((?:19|20)\d\d)\b(?!\s*[-–]\s*\d)(?!\s+(?:to|until|till|through)\b)/i;
const OUTCOME_TOLD = /\b(?:finally|ultimately|eventually|in the end|ended up|later)\s+(?:[\p{L}'’-]+ed|took|fell|left|withdrew|won|lost|became|gave|quit)\b/iu;

/** Signing something ("signed up" with someone is joining them). */
const SIGNING = /\b(sign|signs|signed|signing|ink|inks|inked|inking)\b(?!\s+up\b)/i;
const SIGNED_THING = /\b(?:treat(?:y|ies)|pacts?|accords?|agreements?|deals?|alliances?|contracts?|memorand(?:um|a)|protocols?|charters?|conventions?)\b/i;

/** How well the event a date is asked of must be matched somewhere (below the specific-word bar: an event is often told in other words). */
const DATED_EVENT_SUPPORT = 0.4;

/** "When was X founded?", "in what year did they sign ...": the event a date is asked of (a past participle, or the verb after "did X"). */
const WHEN_EVENT = /^\s*(?:(?:so|and|but)\s+)?(?:when|(?:in\s+)?(?:what|which)\s+(?:year|month|date))\s+(?=(?:[\p{L}'’-]+\s+){0,5}?(?:was|were|is|are|has|have|had)\s)(?:[\p{L}'’-]+\s+){1,6}?([\p{L}]+ed)\s*[?.!]*\s*$/iu;

const WHO_AUXILIARY = /^(?:is|are|was|were|am|be|been|has|have|had|did|does|do|will|would|can|could|should|shall|may|might|must|else|exactly|really|actually|else's|'s|’s|r)$/;

/**
 * "Who replaced Assad after Moscow engineered his removal?": a deed the question takes as done (a past
 * tense: "who replaced", "after Moscow replaced him", "why did Russia sell out ...") that the corpus
 * gives only as a possibility ("Moscow may be ready to replace him", "Russia may also sell out ...") did
 * not happen there: the question rests on a false premise. Only the sentences that share a word with
 * the rest of the question count (the Assad regime "hopes to reduce its dependence" says nothing of
 * what the nuclear deal reduced); a "may" answered by a "But" in the next sentence concedes, it does
 * not hedge. The deed's word, or undefined.
 */
export function hypotheticalDeed(query: string, retrieval: Retrieval): string | undefined {
  // (the question's own "may", "would", "could": it asks about the possibility, as the corpus gives it)
  if (MODAL_QUESTION.test(query)) return undefined;
  const deeds = [...query.matchAll(PAST_DEED)].map((m) => (m[1] ?? m[2] ?? m[3]).toLowerCase()).filter((w) => !WHO_AUXILIARY.test(w) && !STOPWORDS.has(w) && !ATTITUDE.test(w));
  if (!deeds.length) return undefined;
  const asked = new Set(contentTokens(query).map((t) => t.stem));
  const sentences = sentenceWords(retrieval);
  for (const deed of deeds) {
    const stem = stemWord(deed);
    const others = new Set([...asked].filter((a) => a !== stem));
    const uses: boolean[] = [];
    for (const { words, stems, conceded } of sentences) {
      if (!stems.some((x) => others.has(x))) continue;
      stems.forEach((x, i) => {
        if (x === stem) uses.push(!conceded && words.slice(Math.max(0, i - 5), i).some((b) => HYPOTHETICAL.test(b)));
      });
    }
    if (uses.length && uses.every(Boolean)) return deed;
  }
  return undefined;
}

/**
 * "Why did Russia veto the UN sanctions on Iran?" where the corpus has "his government's support of UN
 * Security Council sanctions against Iran": the question's deed is the opposite of what a sentence
 * naming the question's subject says of the same thing (the words it is done to follow the opposite
 * deed), and the deed itself is not said of it: a false premise. A yes/no question is not one ("do
 * they trust each other?": no, distrust).
 */
export function contradictedDeed(query: string, retrieval: Retrieval, match: WordSimilarity = sameWord): string | undefined {
  const m = DEED_ASKED.exec(query);
  if (!m || MODAL_QUESTION.test(query)) return undefined;
  const subject = m[1].trim();
  const deed = m[2].toLowerCase().replace(/\s+/g, ' ');
  const key = deed.includes(' ') ? deed : stemWord(deed);
  const group = OPPOSITES.find(([a, b]) => a.includes(key) || b.includes(key));
  if (!group) return undefined;
  const [side, other] = group[0].includes(key) ? group : [group[1], group[0]];
  const object = contentTokens(m[3]).map((t) => t.stem).slice(0, 3);
  if (!object.length) return undefined;
  for (const { text, stems } of sentenceWords(retrieval)) {
    const said = (deeds: string[]) => stems.some((w, i) => (deeds.includes(w) || deeds.includes(`${w} ${stems[i + 1] ?? ''}`)) && object.every((o) => stems.slice(i + 1, i + 9).includes(o)));
    if (said(other) && !said(side) && mentions(subject.split(/\s+/).pop()!, text, match)) return deed;
  }
  return undefined;
}

/**
 * "Why did the Iranian airliner crash in Sinai?", "why does Russia provide the boots on the ground?",
 * "why did Iran rely on Russian air support to take Tikrit?": what the question ties to one country the
 * sentences that speak of it (with the question's other names) tie to another the question does not
 * name ("a Russian airliner", "Iran ... is providing the boots on the ground", "US air support"): a
 * false premise. Two readings: a nationality right before a word ("Russian air support"), and a
 * country asking "why does X <verb> <thing>" (the thing's country in a sentence is the nearest country
 * or capital before it, not a nationality: "Lebanese Hezbollah fighters" are Iran's). Refused only
 * when every such sentence ties the thing to another country; one that ties it to none, or to the
 * question's, leaves the premise standing. The thing, or undefined.
 */
export function otherParty(query: string, retrieval: Retrieval): string | undefined {
  const qTokens = tokenize(query);
  const capital = (text: string, t: { start: number }) => /^\p{Lu}/u.test(text.slice(t.start, t.start + 1));
  const qNation = (i: number) => (capital(query, qTokens[i]) ? nationOf(qTokens[i].word) : undefined);
  const parties = new Set(qTokens.flatMap((_, i) => qNation(i) ?? []));
  if (!parties.size) return undefined;
  // the question's other names must be in the sentence too ("Tikrit", "Sinai")
  const names = qTokens.filter((t, i) => capital(query, t) && i > 0 && !qNation(i) && !STOPWORDS.has(t.word)).map((t) => t.stem);
  const sentences = sentenceWords(retrieval).filter((sn) => names.every((n) => sn.stems.includes(n)));
  // (a party the question names elsewhere may be what a sentence ties the thing to, unless the question swaps them: "Iran ... sanctions against Russia")
  const judge = (thing: string[], tiedTo: (sn: (typeof sentences)[number], at: number) => string | undefined, asked: string, named = parties): boolean => {
    let against = 0;
    for (const sn of sentences) {
      for (let j = 0; j < sn.stems.length; j++) {
        if (!thing.every((w, k) => sn.stems[j + k] === w || (k > 0 && sn.stems.slice(j + 1, j + 5).includes(w)))) continue;
        const party = tiedTo(sn, j);
        if (!party || party === asked || named.has(party)) return false;
        against++;
      }
    }
    return against > 0;
  };
  // "the Iranian airliner": the word after a nationality, and the nationality right before it in the sentences
  for (let i = 0; i + 1 < qTokens.length; i++) {
    const asked = qNation(i);
    const next = qTokens[i + 1];
    // (a nationality, not a possessive: "the Kremlin's interests" are no thing of Russia's alone; nor a relation word: "Russian interests")
    if (!asked || !DEMONYM.test(query.slice(qTokens[i].start, qTokens[i].end)) || STOPWORDS.has(next.word) || RELATION_HEADS.has(next.stem) || capital(query, next) || /^\d/.test(next.word) || query.slice(qTokens[i].end, next.start).trim()) continue;
    const nationalityBefore = (sn: (typeof sentences)[number], at: number) => (at > 0 && capital(sn.text, sn.tokens[at - 1]) ? nationOf(sn.tokens[at - 1].word) : undefined);
    if (judge([next.stem], nationalityBefore, asked)) return next.word;
  }
  // "sanctions against Russia": the thing aimed at a country, and the country the sentences aim it at ("sanctions against Iran")
  const aimed = AIMED_AT.exec(query);
  const target = aimed && !STOPWORDS.has(aimed[1].toLowerCase()) ? nationOf(aimed[2].toLowerCase().replace(/['’]s$/, '')) : undefined;
  if (aimed && target) {
    const aimedAt = (sn: (typeof sentences)[number], at: number) => {
      if (!/^(?:against|on|targeting|upon)$/.test(sn.words[at + 1] ?? '')) return undefined;
      const next = sn.words[at + 2] === 'the' ? at + 3 : at + 2;
      const t = sn.tokens[next];
      return t && capital(sn.text, t) ? nationOf(t.word) : undefined;
    };
    if (judge([stemWord(aimed[1].toLowerCase())], aimedAt, target, new Set())) return `${aimed[1]} against ${aimed[2]}`;
  }
  // "why does Russia provide the boots on the ground": the thing done, and the nearest country named before it
  const m = PARTY_DEED.exec(query);
  // (a nationality is no doer: "when was the Russian airliner bombed")
  const subject = m && !DEMONYM.test(m[1]) && nationOf(m[1].toLowerCase().replace(/['’]s$/, ''));
  if (!m || !subject) return undefined;
  const rest = query.slice(m.index + m[0].length);
  const restTokens = tokenize(rest);
  const thing = restTokens.filter((t) => !STOPWORDS.has(t.word) && t.word.length > 1 && !capital(rest, t)).slice(0, 2);
  if (!thing.length) return undefined;
  // (a country written right before the thing in the question is part of its name, "the Afghanistan syndrome", or,
  // with 's, its owner: "Iran's fighting" is asked of Iran)
  const before = restTokens[restTokens.indexOf(thing[0]) - 1];
  const owner = before && capital(rest, before) && /['’]s$/.test(rest.slice(before.start, before.end)) ? nationOf(before.word) : undefined;
  const inName = new Set(before && capital(rest, before) && !owner ? [before.word] : []);
  const asked = owner ?? subject;
  const nearest = (sn: (typeof sentences)[number], at: number) => {
    // (a sentence naming the country asked about anywhere, "Moscow had been deceived ... not allowing even harsher resolutions", may say it of it)
    if (sn.tokens.some((t) => capital(sn.text, t) && !DEMONYM.test(sn.text.slice(t.start, t.end)) && nationOf(t.word) === asked)) return asked;
    for (let k = at - 1; k >= 0; k--) {
      const t = sn.tokens[k];
      // (a place something happens in, "the war in Syria", is no party to it)
      if (!capital(sn.text, t) || inName.has(t.word) || DEMONYM.test(sn.text.slice(t.start, t.end)) || /^(?:in|into|inside|within|throughout|across)$/.test(sn.words[k - 1] ?? '')) continue;
      const nation = nationOf(t.word);
      if (nation) return nation;
    }
    return undefined;
  };
  return judge(thing.map((t) => t.stem), nearest, asked) ? thing.map((t) => t.word).join(' ') : undefined;
}

/** "why does Russia provide ...", "how did Tehran use ...": a country (or its capital) asked about as the doer, and the verb. */
const PARTY_DEED = /^\s*(?:(?:[Ss]o|[Aa]nd|[Bb]ut)\s+)?(?:[Ww]hy|[Hh]ow(?:\s+come)?|[Ww]hen|[Ww]here)\s+(?:did|does|do|has|have|had|is|was|were|are)\s+(?:the\s+)?(\p{Lu}[\p{L}'’]*)\s+(?:[\p{Ll}]+ly\s+)?[\p{Ll}]+\s+/u;

/** A thing aimed at a country: "sanctions against Russia", "strikes on Iran". */
const AIMED_AT = /\b(\p{L}+)\s+(?:against|on|targeting|upon)\s+(?:the\s+)?(\p{Lu}[\p{L}'’]*)/u;

/** The country a word names (a country, its people, its capital: "Iranian", "Tehran" → iran), lower case; "the US" is america. */
export function nationOf(word: string): string | undefined {
  if (/^(?:america|americans?|us|usa)$/.test(word)) return 'america';
  const people = countryOfPeople(word);
  if (people) return people;
  const capital = CAPITAL_OF.get(word);
  if (capital) return capital;
  if (COUNTRY_WORDS.has(word)) return word;
  for (const c of COUNTRY_WORDS) if (c.length >= 4 && sharedStart(c, word) >= Math.min(c.length, 5) && word.length <= c.length + 4) return c;
  return undefined;
}

/** "why did Russia veto the sanctions", "why does Iran trust Moscow": who, the deed, and what it is done to. */
const DEED_ASKED = /^\s*(?:[Ss]o\s+)?(?:[Ww]hy|[Hh]ow come)\s+(?:did|does|do|would|has|have)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]*\s+){1,2})(vote against|vote for|[\p{L}]+)\s+((?:[\p{L}'’-]+\s*){1,6})/u;

/** Deeds and their opposites, by Porter stem (two-word deeds by the stems of their words). */
const OPPOSITES: [string[], string[]][] = [
  [['support', 'endors', 'favor', 'favour', 'approv', 'vote for'], ['oppos', 'veto', 'reject', 'block', 'resist', 'vote against']],
  [['trust'], ['distrust', 'mistrust']],
  [['join', 'enter'], ['leav', 'quit', 'exit', 'withdraw']],
  [['accept', 'embrac'], ['reject', 'refus']],
  [['strengthen', 'boost'], ['weaken', 'undermin']],
  [['increas', 'rais', 'expand'], ['reduc', 'decreas', 'cut', 'shrink']],
  [['lift', 'remov'], ['impos']],
];

/** The sentences of the passages retrieved as their tokens' words and stems, worked out once per retrieval. */
function sentenceWords(retrieval: Retrieval): SentenceWords[] {
  let list = SENTENCE_WORDS.get(retrieval);
  if (!list) {
    list = retrieval.passages.flatMap((p) =>
      p.sentences.map((sn, j) => {
        const text = p.text.slice(sn.start - p.start, sn.end - p.start);
        const tokens = tokenize(text);
        const next = p.sentences[j + 1];
        // ("The official speeches may celebrate ... . But behind the curtain ...": a "may" the next sentence answers with "But" concedes)
        const conceded = !!next && /^\W*(?:But|Yet|However)\b/.test(p.text.slice(next.start - p.start, next.end - p.start));
        return { text, tokens, words: tokens.map((t) => t.word), stems: tokens.map((t) => t.stem), conceded };
      }),
    );
    SENTENCE_WORDS.set(retrieval, list);
  }
  return list;
}
const SENTENCE_WORDS = new WeakMap<Retrieval, SentenceWords[]>();
interface SentenceWords {
  text: string;
  tokens: Token[];
  words: string[];
  stems: string[];
  conceded: boolean;
}

/** Verbs that lead to the deed ("manage to extract", "decide to withdraw"): the deed is the verb after them. */
const CATENATIVES: [string, string][] = [['manage', 'managed'], ['decide', 'decided'], ['begin', 'began'], ['start', 'started'], ['continue', 'continued'], ['fail', 'failed'], ['help', 'helped'], ['try', 'tried'], ['come', 'came'], ['get', 'got'], ['choose', 'chose'], ['agree', 'agreed']];
const CATENATIVE = CATENATIVES.map(([base]) => base).join('|');
/** A past deed in a question: "who replaced", "after Moscow replaced him", "why did Russia sell" (after "manage to", "decide to": the verb they lead to). */
const PAST_DEED = new RegExp(
  `^\\s*(?:(?:[Ss]o|[Aa]nd|[Bb]ut|[Tt]hen)\\s+)?[Ww]ho\\s+([\\p{L}]+ed)\\b|\\bafter\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'’-]*\\s+([\\p{L}]+ed)\\b|\\b(?:[Ww]hy|[Hh]ow|[Ww]hen|[Ww]here)\\s+did\\s+(?:the\\s+)?(?:[\\p{L}'’-]+\\s+){1,2}?(?:(?:${CATENATIVE})\\s+to\\s+)?([\\p{L}]+)\\b(?=\\s+(?:out|up|off|down|over|away|back|him|her|them|it|the|a|an|its|their|his|to|\\p{Lu}))`,
  'gu',
);
/** What someone wants or thinks is no deed ("Iran may want a perpetual conflict" is the authors' hedge on what it wants), nor is a verb leading to one. */
const ATTITUDE = new RegExp(`^(?:want|wanted|prefer|preferred|hope|hoped|fear|feared|need|needed|like|liked|wish|wished|seek|sought|expect|expected|think|thought|believe|believed|plan|planned|intend|intended|worry|worried|care|cared|aim|aimed|consider|considered|see|saw|view|viewed|feel|felt|${CATENATIVES.flat().join('|')})$`, 'i');
const MODAL_QUESTION = /\b(?:may|might|could|would|will|should|can|if|whether|ready|willing|possibly|perhaps)\b/i;
const HYPOTHETICAL = /^(?:may|might|could|would|ready|willing|if|unless|whether|possibly|perhaps)$/;

/** A number giving the answer's size: "in 1 line", "3 sentences", "top 5 points". */
const ANSWER_SIZE = /\b(\d{1,2})(?:\s*(?:-|–|to|or)\s*(\d{1,2}))?\s+(?:(?:main|key|biggest|big|major|best|top|most|important|short|quick|brief|friction|different|separate)\s+){0,2}(?:lines?|sentences?|words?|paragraphs?|bullets?|bullet points?|points?|takeaways?|reasons?|things?)\b/gi;

/** A crossword clue's letter count: "... with US air support (6)", "(9 letters)", "(8,8)", "7 letters". */
const CLUE_LENGTH = /\((\d{1,2})(?:\s*[,-]\s*(\d{1,2}))?(?:\s+letters?)?\)|\b(\d{1,2})\s+letters?\b/gi;

/** A number counting the document's own parts: "it has like 2 parts with headings", "the 3 sections" (the outline gives their number). */
const PARTS_COUNT = /\b(\d{1,2})\s+(?:main\s+)?(?:parts?|sections?|headings?|subheadings?|headers?|chapters?)\b/gi;

/** A number that labels a question, a step or a part: "Q3:", "turn 1 of ...", "part 2", "#4". */
const LABEL_NUMBER = /(?:\b(?:turn|round|move|step|part|question|item|phase|stage|slide|card|task|exercise|problem|paragraph|para|section|page|chapter|sentence|line|no\.?)\s*#?|\bQ|#)(\d{1,2})\b(?!\s*(?:%|percent|per\s+cent|[\p{L}-]+s\b))/giu;

/** A name the question sets aside: "outside Syria", "other than Iran". */
const SET_ASIDE_NAME = /\b(?:outside(?:\s+of)?|beyond|besides|except(?:\s+for)?|other\s+than|apart\s+from|aside\s+from|excluding)\s+(?:the\s+)?\p{Lu}[\p{L}'’-]*/gu;

/** A phrase naming what the question is not about: "beyond the Middle East,", "apart from the bombing,", or the asker's analogy ("like the soviets cut najibullah loose in 91"). */
const SET_ASIDE = /\b(?:beyond|besides|apart from|aside from|other than|outside(?: of)?|except(?: for)?|excluding|not counting)\s+[^,?;]+,|\b(?:just\s+)?(?:like|the\s+way)\s+(?:when\s+)?(?:the\s+)?[\p{L}'’-]+\s+(?:did|had|cut|dropped|ditched|abandoned|left|dumped|pulled|walked|bailed|did\s+with)\b[^?.;]*/giu;

/**
 * "Why did Hansen leave the Foundation for Defense of Democracies?": the names a question joins (people,
 * organisations, places other than countries and their capitals) must stand together in one sentence
 * retrieved; each in a different sentence is no answer (Hansen works elsewhere; Alfoneh at the Foundation).
 */
export function namesApart(query: string, retrieval: Retrieval, match: WordSimilarity, corpus?: CorpusView): boolean {
  // (a clause describing a thing named, "the October 15 Valdai Club session at which Larijani shared a panel with Putin", joins no names to it)
  // (nor does a name the documents' metadata gives: "this Berlin Policy Journal piece")
  const given = corpus ? metadataWords(retrieval, corpus) : undefined;
  // (nor a condition put on the question: "would Putin tolerate IS enclaves in Syria, as long as Assad stays in place?")
  const names = joinedNames(query.replace(SET_ASIDE, ' ').replace(DESCRIBING_CLAUSE, ' ').replace(CONDITION_CLAUSE, ' ')).filter((name) => !given || !name.every((w) => given.has(w)));
  if (names.length < 2) return false;
  // ("how does the downing over Sinai relate to what Putin wants?": a link asked for may run over two sentences of a passage)
  const span = LINK_ASKED.test(query) ? 2 : 1;
  // (an acronym is kept as written too: "Revolutionary Guards" are in "the IRGC")
  // (and as the tokenizer reads them: "Islamic State" is IS)
  const sentences = retrieval.passages.slice(0, 3).flatMap((p) => {
    const words = p.sentences.map((s) => {
      const text = p.text.slice(s.start - p.start, s.end - p.start);
      // (and an acronym by the initials of the words it stands for: "the JCPOA" in "the Joint Comprehensive Plan of Action")
      const raw = text.match(/[\p{L}\p{N}'’]+/gu) ?? [];
      return [...raw.flatMap((w) => [w.toLowerCase().replace(/['’]s$/, ''), ...(/^\p{Lu}{2,}$/u.test(w) ? [w] : [])]), ...tokenize(text).map((t) => t.word), ...spelledInitials(raw).flatMap(initialRuns)];
    });
    // (a sentence speaking of someone as "he" / "his" speaks of whoever the sentence before names: "Indeed, if this was not already his goal, the ... Sinai ...")
    return words.map((w, i) => [...(i > 0 && w.some((x) => PERSONAL_PRONOUN.test(x)) ? words[i - 1] : []), ...words.slice(i, i + span).flat()]);
  });
  // (asked for a link, two sentences of different passages that speak of one rare thing join: "the Sharm el-Sheikh plane
  // bombing" and Putin's goal, where one says "a Russian airliner departing from ... Sharm el-Sheikh" and the other
  // "the successful downing of the Russian airliner over the Sinai desert")
  if (span > 1) sentences.push(...sameThingPairs(retrieval));
  const read = new Map(names.map((name) => [name, tokenize(name.join(' ')).map((t) => t.word).filter((w) => !name.includes(w))]));
  // (a word of a longer name the passages retrieved give is that name, by its acronym too: "the Guards" are the "Islamic
  // Revolutionary Guards Corps", the IRGC)
  // (looked up only for a name no sentence holds otherwise)
  const longer = new Map<string[], string[][]>();
  const longerOf = (name: string[]) => {
    if (!longer.has(name)) longer.set(name, name.length === 1 ? fullNames(name[0], retrieval.passages.map((p) => p.text)) : []);
    return longer.get(name)!;
  };
  const holds = (words: string[], name: string[]) =>
    name.some((n) => words.some((w) => w === n || match(n, w) >= 0.5)) || inAcronym(name, words) || read.get(name)!.some((w) => words.includes(w)) || longerOf(name).some((full) => inAcronym(full, words));
  return !sentences.some((words) => names.every((name) => holds(words, name)));
}

/** The names of several capitalised words the texts give that hold a word ("guards": Islamic Revolutionary Guards Corps), in lower case. */
/**
 * Pairs of sentences, from different passages retrieved, that share a rare word (one no third sentence of those passages
 * uses, of five letters or more): the same thing spoken of twice. Each pair's words, as `namesApart` reads a sentence's.
 */
function sameThingPairs(retrieval: Retrieval): string[][] {
  // (with the sentence before one that speaks of someone as "he" / "his", as namesApart reads it)
  const sentences = retrieval.passages.slice(0, 3).flatMap((p, r) => {
    const texts = p.sentences.map((s) => p.text.slice(s.start - p.start, s.end - p.start));
    return texts.map((text, i) => {
      const tokens = tokenize(text).map((t) => t.word);
      const before = i > 0 && tokens.some((w) => PERSONAL_PRONOUN.test(w)) ? tokenize(texts[i - 1]).map((t) => t.word) : [];
      return { r, tokens: [...before, ...tokens], content: new Set(contentTokens(text).map((t) => t.stem).filter((w) => w.length >= RARE_WORD_LENGTH)) };
    });
  });
  const uses = new Map<string, number>();
  for (const s of sentences) for (const w of s.content) uses.set(w, (uses.get(w) ?? 0) + 1);
  const pairs: string[][] = [];
  sentences.forEach((a, i) => sentences.slice(i + 1).forEach((b) => {
    if (a.r !== b.r && [...a.content].some((w) => uses.get(w) === 2 && b.content.has(w))) pairs.push([...a.tokens, ...b.tokens]);
  }));
  return pairs;
}
const RARE_WORD_LENGTH = 5;

function fullNames(word: string, sources: string[]): string[][] {
  if (word.length < 4) return [];
  const re = new RegExp(String.raw`(?:\p{Lu}[\p{L}-]*\s+){0,4}${escapeRegExp(word.charAt(0).toUpperCase() + word.slice(1))}(?:\s+\p{Lu}[\p{L}-]*){0,4}`, 'gu');
  const found = new Map<string, string[]>();
  for (const source of sources) {
    for (const m of source.matchAll(re)) {
      const words = m[0].split(/\s+/);
      if (words.length > 1 && words.every((w) => /^\p{Lu}/u.test(w))) found.set(words.join(' ').toLowerCase(), words.map((w) => w.toLowerCase()));
    }
  }
  return [...found.values()];
}

const PERSONAL_PRONOUN = /^(?:he|him|his|himself|she|her|hers|herself)$/;
/** A condition closing a question: ", as long as ...", ", provided that ...", ", so long as ...". */
const CONDITION_CLAUSE = /,\s*(?:as|so)\s+long\s+as\b[^?.;]*|,\s*(?:provided|providing)(?:\s+that)?\b[^?.;]*|,\s*on\s+condition\s+that\b[^?.;]*/giu;
/**
 * A relative clause describing the thing before it: "at which ...", "during which ...", "in which ...", and "where" or "when"
 * after an occasion or a place named ("the Valdai Club session where Larijani spoke with Putin").
 */
const DESCRIBING_CLAUSE = new RegExp(String.raw`\b(?:at|in|on|during|after|before|from)\s+which\b[^?,;]*|${RELATIVE_WHERE.source}`, 'giu');

/** Every run of three letters or more inside a string of initials, lower-cased ("TJCPOA": "jcpoa", "jcp", ...). */
function initialRuns(initials: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i < initials.length; i++) for (let j = i + 3; j <= initials.length; j++) runs.push(initials.slice(i, j).toLowerCase());
  return runs;
}
const QUESTION_WORD = /^(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|will|would|should|has|have|had|name|list|explain|describe|tell|give)$/;

/** "How does A relate to B?", "what links A and B?": a link between two things asked for. */
export const LINK_ASKED = /\b(?:relate[sd]?\s+(?:to|with)|relating\s+to|relation\s+(?:to|between)|relationship between|connect(?:s|ed)?\s+(?:to|with)|connect\s+(?:the|these|this|them)|connection between|link(?:s|ed)?\s+(?:to|with|between)?|tie[sd]? (?:in|into|to)|compare[sd]?|comparison|contrast|(?:has|had|have)\s+(?:nothing|anything|something)\s+to\s+do\s+with)\b|\b(?:change[sd]?|changing|shift(?:s|ed)?|affect(?:s|ed)?|alter(?:s|ed)?|harden(?:s|ed)?|shape[sd]?|influence[sd]?)\s+(?:[\p{L}'’-]+\s+){0,2}?(?:thinking|attitude|view|views|calculus|stance|position|goals?|mind|approach|policy|outlook|aims?)\b/iu;

/** The names in a question, each a run of capitalised words ("Foundation for Defense of Democracies"), as lower-case words; countries, capitals and peoples left out. */
function joinedNames(query: string): string[][] {
  const names: string[][] = [];
  // (a name opening the question is one when a capitalised word follows it: "Revolutionary Guards' view on ...?", not "What Putin said")
  for (const m of query.matchAll(/(?<=[\p{L}\p{N},;'’)]\s+|^\s*(?=\p{Lu}[\p{L}'’-]*\s+\p{Lu}))\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|the|al|bin|ibn|de|von)\s+)*\p{Lu}[\p{L}'’-]*)*/gu)) {
    const all = m[0].split(/[\s-]+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.toLowerCase().replace(/['’]s?$/, ''));
    // (a run of two or more words without a country: "Historically Moscow ..." opens with an adverb)
    let words = all;
    if (m.index === query.search(/\S/)) {
      const run = all.slice(Math.max(0, all.findIndex((w) => !STOPWORDS.has(w) && !QUESTION_WORD.test(w))));
      words = run.length >= 2 && !run.some((w) => namesCountry(w)) ? run : all.slice(1);
    }
    if (!words.length) continue;
    if (COUNTRY_NAMES.has(words.join(' '))) continue;
    // (a name the tokenizer reads as another, "Islamic State" as IS, is that one)
    const read = [...new Set(tokenize(m[0]).map((t) => t.word))];
    if (read.length && read.every((w) => !words.includes(w) && !STOPWORDS.has(w))) {
      names.push(read);
      continue;
    }
    // (a function word typed in capitals, "... AND that ...", is no name)
    const kept = words.filter((w) => !STOPWORDS.has(w) && !namesCountry(w) && !REGIONS.has(w) && !MONTH_NAME.test(w.replace(/^./, (c) => c.toUpperCase())) && !DEMONYM.test(w.replace(/^./, (c) => c.toUpperCase())));
    if (kept.length) names.push(kept);
  }
  return names;
}

const COUNTRY_NAME_KEYS = new Set([...COUNTRY_WORDS].map(nameKey));

/** A word naming a country, its people or its capital ("iran", "Iranians", "Moscow"), however typed. */
export function namesCountry(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return COUNTRY_WORDS.has(w) || CAPITAL_WORDS.has(w) || COUNTRY_NAME_KEYS.has(nameKey(w.replace(/s$/, '')));
}
/** Countries by any of their names, in lower case ("united states"). */
const COUNTRY_NAMES = new Set([...COUNTRIES].map((c) => c.toLowerCase()));
/** Regions and the words of "the Islamic Republic" (peoples and "Western" are DEMONYM's). */
const REGIONS = new Set(['west', 'east', 'eastern', 'europe', 'middle', 'north', 'south', 'arab', 'republic']);


/** "100%", "100 percent" (not "100% of ..."): entirely, no figure asked for. */
const ENTIRELY = /\b(100)\s*(?:%|percent\b|per cent\b)(?!\s*of\s+(?!(?:it|them|that|this|those|these)\b))/gi;

const COLOURS = /^(?:red|orange|yellow|green|blue|purple|violet|pink|brown|black|white|grey|gray|gold|golden|silver|beige|maroon|scarlet|crimson)$/;

/** Common words chat types in capitals for stress ("do they not LOVE it", "the ROOT problem"), no names (beside the stop words: "NOT", "BOTH"). */
const STRESS_WORDS = new Set(
  `love hate want need never always ever still literally totally seriously obviously clearly definitely precisely honestly truly real true
  false fake root main whole entire different huge big tiny small deep deeper serious bad good best worst wrong right now today forever
  first last every none nobody everyone everything nothing less least super mega ultra way lot lots zero one two three four five ten
  hundred thousand million billion trillion win lose lost won care know matter actual fact facts exact official proof evidence truth lie lies`.split(/\s+/),
);

/** Names and numbers of the question that the corpus does not support at all: the question is about something else. */
export function unsupportedSpecifics(question: AnalyzedQuestion, retrieval: Retrieval, corpus?: CorpusView): string[] {
  const specific = new Set<string>();
  // (nor the names the documents' own metadata gives: "this Berlin Policy Journal piece"; nor an honorific, "Mr Hansen")
  const given = corpus ? metadataWords(retrieval, corpus) : new Set<string>();
  // Capitalised words inside a sentence (not the first word), and numbers.
  // (a number that says how to answer, "in 1 line", "top 3 points", is not one)
  // (nor is "100%", chat's "entirely": "does he want them wiped out 100%?")
  // (nor one that labels: "Q3:", "turn 1 of ...", "part 2"; nor one counting the document's parts: "2 parts with headings";
  // nor a crossword clue's letter count: "(6)", "(9 letters)")
  const form = new Set([...question.query.matchAll(ANSWER_SIZE), ...question.query.matchAll(ENTIRELY), ...question.query.matchAll(LABEL_NUMBER), ...question.query.matchAll(PARTS_COUNT), ...question.query.matchAll(CLUE_LENGTH)].flatMap((m) => m.slice(1).filter(Boolean)));
  // (nor are the names of what the question sets aside: "beyond the Middle East, what ...", nor those of the asker's analogy:
  // "... walk away from assad like the soviets cut najibullah loose in 91?")
  const asked = question.query.replace(SET_ASIDE, ' ');
  // (a lone 0 is chat's "makes 0 sense", no fact asked for)
  // (nor a common word typed in capitals for stress, in a message typed in lower case: "do they not LOVE endless adventures?", "the ROOT problem")
  // (an adverb so typed too: "REALLY", "SERIOUSLY")
  // (nor the asker's "I'd", "I'm", "I've", "I'll")
  const asker = (w: string) => /^I['’](?:d|m|ve|ll)$/.test(w);
  const stressed = (w: string) => /^[A-Z]{3,}$/.test(w) && /\p{Ll}/u.test(asked) && (STOPWORDS.has(w.toLowerCase()) || STRESS_WORDS.has(w.toLowerCase()) || /^[A-Z]{3,}LY$/.test(w));
  // (nor a small count the passages write in words: "what's he getting out of having 2 patrons", where they speak of "the two")
  const spelt = (w: string) => /^[2-9]$/.test(w) && retrieval.passages.some((p) => DIGIT_WORDS[Number(w)].test(p.text));
  for (const m of asked.matchAll(/(?<=[\p{L}\p{N},;'’)/+&]\s+)[A-Z][\p{L}'’-]*[\p{L}]|\b\d[\d,.]*\d\b|\b[1-9]\b/gu)) if (!form.has(m[0]) && !stressed(m[0]) && !spelt(m[0]) && !asker(m[0])) specific.add(m[0].toLowerCase().replace(/['’]s$/, ''));
  // (a word typed in lower case with a possessive, "obama's counter-move", is a name as a capitalised one is: who owns a thing is someone)
  for (const m of asked.matchAll(/(?<![\p{L}'’-])(\p{Ll}[\p{L}-]{2,})['’]s(?![\p{L}])/gu)) if (!STOPWORDS.has(m[1]) && !GENERIC_OWNER.test(m[1])) specific.add(m[1]);
  // (a model's designation, "S-300s", "Su-24", "F-16", is a name; its number is what the corpus must give)
  for (const m of asked.matchAll(/\b\p{Lu}[\p{L}]{0,3}-(\d{1,4}\p{Ll}{0,2})\b/gu)) specific.add(m[1]);
  // Country names are names however they are typed ("capital of france", "saudi arabia's reaction"), and so are known places' ("from chechnya").
  // A month is a date however typed, and only that month dates it ("in november" is not October).
  // (march and may, also verbs, only when capitalised)
  const month = (w: string) => MONTH_NAME.test(w.replace(/^./, (c) => c.toUpperCase())) && (!/^(?:march|may)$/.test(w) || new RegExp(`\\b${w.replace(/^./, (c) => c.toUpperCase())}\\b`).test(question.query));
  // (a colour is a fact as a number is: "why was he wearing white?" where the article says black)
  // (a number counting something, "15 servicemen", is not the day of a month the corpus gives, "October 15";
  // "spring 15", "on the 15 and on the 31" count nothing)
  const counts = (n: string) => new RegExp(`(?<![\\d,.])\\b${n}\\s+([\\p{L}-]+)`, 'giu').exec(asked)?.[1];
  const dayOnly = (n: string) => {
    const counted = counts(n)?.toLowerCase();
    return !!counted && !dayOfMonth(n).test(asked) && !STOPWORDS.has(counted) && !MONTH_NAME.test(counted.replace(/^./, (c) => c.toUpperCase())) && !retrieval.passages.some((p) => numberUses(p.text, n) > dayUses(p.text, n));
  };
  // (nor the asker's examples: "what do they want re america and its allies (israel, saudis etc)?", "e.g. Hamas")
  const examples = [...question.query.matchAll(EXAMPLES)].map((m) => [m.index!, m.index! + m[0].length]);
  const exemplary = (t: { token: { start: number } }) => examples.some(([a, b]) => t.token.start >= a && t.token.start < b);
  // (nor one of two answers the asker offers, when the other is the corpus's: "was it October 31 or nov 1?", "Dutch or Danish?")
  const offered = offeredAlternatives(question.query, retrieval);
  return [...retrieval.terms
    .filter((t) => !exemplary(t) && !offered(t))
    .filter((t) => ((specific.has(t.token.word) || countryWord(t.token.word) || PLACE_WORDS.has(t.token.word) || COLOURS.test(t.token.word)) && (t.support < ABSTAIN.minSpecificSupport || (countryWord(t.token.word) && !countryIn(t.token.word, retrieval)) || (PLACE_WORDS.has(t.token.word) && !placeIn(t.token.word, retrieval) && !guessedAfter(question.query, t.token.word)) || (/^\d+$/.test(t.token.word) && dayOnly(t.token.word)))) || (month(t.token.word) && t.support < 1))
    .map((t) => t.token.word)
    .filter((w) => !given.has(w) && !HONORIFIC.test(w)), ...unheldPairing(question.query, retrieval), ...unheldNumbers(asked, form, retrieval)];
}

/** A digit's word, as a pattern ("2": "two"). */
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'].map((w) => new RegExp(`\\b${w}\\b`, 'i'));

const HONORIFIC = /^(?:mr|mrs|ms|mx|dr|prof|sir|madam|messrs|mme|mlle|herr|frau)$/;

/** The words of the metadata (title, publication, tags) of the documents a retrieval drew on. */
function metadataWords(retrieval: Retrieval, corpus: CorpusView): Set<string> {
  const docs = [...new Set(retrieval.passages.map((p) => p.docId))].flatMap((id) => corpus.documents.get(id) ?? []);
  return docs.length === 1 ? metadataWordsOf(docs[0]) : new Set(docs.flatMap((d) => [...metadataWordsOf(d)]));
}

/** A document's metadata words, tokenised once per document (not its authors: they are people the passages speak of, or not). */
function metadataWordsOf(doc: CorpusDocument): Set<string> {
  let words = metaWords.get(doc);
  if (!words) metaWords.set(doc, (words = new Set([doc.meta.title, doc.meta.publication ?? '', ...doc.meta.tags].flatMap((text) => tokenize(text).map((t) => t.word)))));
  return words;
}
const metaWords = new WeakMap<CorpusDocument, Set<string>>();

/**
 * "... at over 1,000?": a number written with separators, which the tokenizer reads in pieces ("1", "000", the latter matched by
 * any thousands), must stand whole in a passage retrieved.
 */
function unheldNumbers(query: string, form: Set<string>, retrieval: Retrieval): string[] {
  // (in the sentences that ask, when some do: "On air he said 20,000 .... What estimate does the article give?" reports a figure heard elsewhere)
  const sentences = query.match(/[^.!?]+(?:[.!?]+|$)/g) ?? [query];
  const asking = sentences.filter((x) => /\?\s*$/.test(x));
  const numbers = (asking.length ? asking : sentences).flatMap((x) => [...x.matchAll(SEPARATED_NUMBER)].map((m) => m[0]));
  const held = (n: string) => form.has(n) || retrieval.passages.some((p) => numberUses(p.text, n) > 0);
  // (one of numbers offered in the alternative, "at 7,000? or was it 70,000", held is the answer)
  const offered = /\bor\s+(?:(?:was|is)\s+it\s+|maybe\s+|perhaps\s+)?(?:about\s+|around\s+)?\d/i.test(query) && numbers.some(held);
  return offered ? [] : numbers.filter((n) => !held(n));
}
const SEPARATED_NUMBER = /(?<![\d,.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,.]*\d)/g;

/**
 * "When did the Iran–Iraq war start?", "the Iran-Russia bilateral trade": two countries joined into the name of a war, a
 * border, a treaty or a trade, which a sentence retrieved must speak of with both countries; else the named thing is not
 * in the corpus (Iran and Iraq are both in it, their war is not).
 */
function unheldPairing(query: string, retrieval: Retrieval): string[] {
  const missing: string[] = [];
  for (const m of query.matchAll(PAIRED_NAME)) {
    const [a, b, noun] = [m[1].toLowerCase(), m[2].toLowerCase(), m[3].toLowerCase()];
    if (!countryWord(a) || !countryWord(b) || a === b) continue;
    const thing = new RegExp(`(?<![\\p{L}])${escapeRegExp(noun.replace(/s$/, ''))}`, 'iu');
    const [namesA, namesB] = [nationNamed(a), nationNamed(b)];
    const held = retrieval.passages.some((p) =>
      p.sentences.some((x) => {
        const text = p.text.slice(x.start - p.start, x.end - p.start);
        return thing.test(text) && namesA(text) && namesB(text);
      }),
    );
    if (!held) missing.push(`${a}-${b} ${noun}`);
  }
  return missing;
}
const PAIRED_NAME = /(?<![\p{L}])(\p{L}{3,})\s*[-–—/]\s*(\p{L}{3,})\s+(?:[\p{L}-]+\s+)?(wars?|conflicts?|borders?|treaty|treaties|pacts?|pipelines?|summits?|talks|trade)\b/giu;

/** Whether a text names a country, by the word typed or another of its names ("america": "the US"); the forms compiled once. */
function nationNamed(word: string): (text: string) => boolean {
  const forms = singulars(word).filter((w) => w.length >= 3).map((f) => new RegExp(`(?<![\\p{L}])${escapeRegExp(f)}`, 'iu'));
  const nation = nationOf(word);
  return (text) => forms.some((f) => f.test(text)) || (!!nation && (text.match(/\p{L}+/gu) ?? []).some((w) => nationOf(w.toLowerCase()) === nation));
}

/** Owners that are no one in particular: the document, its authors, people, a time ("the article's", "today's"). */
const GENERIC_OWNER = /^(?:article|piece|essay|text|paper|document|story|author|writer|book|report|analysis|op-?ed|everyone|everybody|someone|somebody|anyone|anybody|nobody|one|other|another|people|world|today|yesterday|tomorrow|year|week|month|day|night|time|country|nation|state|government|regime|group|party|side|leader|president|army|public|reader|user|bot|teacher|professor|mom|dad|friend|brother|sister|boss|class|school|harm|session|meeting|conference|capital|war|conflict|deal|campaign|operation|city|region|family|team|mission|plan|program|alliance|axis|body|organ|agency|council|editor|producer|host|colleague|tutor|lecturer|coworker|co-worker|roommate|partner|wife|husband|mum|uncle|aunt|cousin|neighbou?r|podcast|show|channel|audience|listeners|readers|followers)$/;

/** A count owned: "iran's number", "Russia's figure". */
const COUNT_OWNER = /\b([\p{L}-]+)['’]s\s+(?:actual\s+|exact\s+|total\s+|own\s+)?(?:number|figure|count|tally|toll|total)\b/iu;

/** Examples the asker gives: "(israel, saudis etc)", "(e.g. Hamas, Hezbollah)", "such as Turkey or Qatar". */
/**
 * "X or Y?": two answers the asker offers, up to three words each side of an "or" that ends a clause. A term of one of them is no fact the
 * question takes as given when the other holds a specific the corpus has (a name, a number, a month): the answer says which.
 */
function offeredAlternatives(query: string, retrieval: Retrieval): (t: { token: { start: number } }) => boolean {
  const spans: [number, number][] = [];
  for (const m of query.matchAll(OFFERED)) {
    const left: [number, number] = [m.index!, m.index! + m[1].length];
    const right: [number, number] = [m.index! + m[0].length - m[2].length, m.index! + m[0].length];
    const held = ([a, b]: [number, number]) => retrieval.terms.some((t) => t.token.start >= a && t.token.start < b && t.support >= 1 && SPECIFIC_WORD.test(query.charAt(t.token.start)));
    if (held(left)) spans.push(right);
    if (held(right)) spans.push(left);
  }
  return (t) => spans.some(([a, b]) => t.token.start >= a && t.token.start < b);
}
const OFFERED = /((?:[\p{L}\p{N}'’-]+\s+){0,2}[\p{L}\p{N}'’-]+)\s+or\s+((?:[\p{L}\p{N}'’-]+\s+){0,2}[\p{L}\p{N}'’-]+)(?=\s*(?:[?!.,;]|$))/gu;
/** A word's first letter that names or counts: a capital, or a digit. */
const SPECIFIC_WORD = /^(?:\p{Lu}|\d)$/u;
const EXAMPLES = /\((?:e\.?g\.?|like|such\s+as|incl\.?|including)?[^()]*\betc\.?\s*\)|\((?:e\.?g\.?|like|such\s+as|incl\.?|including)\s[^()]*\)|\b(?:e\.g\.|such\s+as)\s+[^?,.;()]+/giu;

/** A country word stands in a passage retrieved, as written or in its singular ("saudis": "Saudi"; a word near in meaning is another country). */
function countryIn(word: string, retrieval: Retrieval): boolean {
  const named = nationNamed(word);
  return retrieval.passages.some((p) => named(p.text));
}

/**
 * A word offered after the question as the asker's guess: in the last fragment, after a "?" or a dash, that asks nothing
 * itself ("... which Iraqi city? Mosul, I believe?", "which regions — Chechnya only, or somewhere else too?").
 */
function guessedAfter(query: string, word: string): boolean {
  const last = /[?—–]\s*([^?—–]{1,60})\?*\s*$/.exec(query)?.[1];
  return !!last && new RegExp(`\\b${escapeRegExp(word)}\\b`, 'i').test(last) && !ASKING_IN_GUESS.test(last);
}
const ASKING_IN_GUESS = /\b(?:who|whom|whose|what|when|where|which|why|how|did|does|do|is|are|was|were|can|could|would|will|has|have|had)\b/i;

/** A known place named by a passage itself ("Chechnya" is not "the Northern Caucasus", however near in meaning). */
function placeIn(word: string, retrieval: Retrieval): boolean {
  const named = new RegExp(`\\b${word}\\b`, 'i');
  return retrieval.passages.some((p) => named.test(p.text));
}

/** A country's name or distinctive word, or its people in the plural ("saudis", "israelis", "iraqis"), in lower case. */
function countryWord(word: string): boolean {
  return singulars(word).some((w) => COUNTRY_WORDS.has(w) || COUNTRY_NAME_WORDS.has(w));
}

/** A word as typed and as the singular of a people's name ("saudis": saudi, "israelis": israel). */
function singulars(word: string): string[] {
  return [word, word.replace(/s$/, ''), word.replace(/is$/, '')];
}

/** `n` as the day of a month: "October 15", "15 October". */
function dayOfMonth(n: string): RegExp {
  return new RegExp(`\\b(?:${MONTHS})\\s+${n}\\b|(?<![\\d,.])\\b${n}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS})\\b`, 'gi');
}
function numberUses(text: string, n: string): number {
  return (text.match(new RegExp(`(?<![\\d,.])\\b${n}\\b(?![,.]\\d)`, 'g')) ?? []).length;
}
function dayUses(text: string, n: string): number {
  return (text.match(dayOfMonth(n)) ?? []).length;
}

/**
 * "The article says Russia struggles with the painful “Vietnam syndrome”, correct?", "is it Rouhani who
 * is described as competing with Putin?": a yes/no question checking a detail. Its last sentence (or
 * last clause) opens with an auxiliary or ends with a tag ("..., right?", "isn't it?").
 */
export function asksToVerify(query: string): boolean {
  // (the last sentence, or its last clause after a dash, a colon or a comma: "Shiite militias from ... Yemen — is Yemen the
  // country named?", "why was he wearing black, was it for Ramadan?"; or a guess put after the question: "what syndrome
  // does Russia struggle with, the Vietnam syndrome?")
  const clause = query.trim().split(/(?<=[.!?])\s+(?=\S)|\s*[—–:;]\s*|\s+-\s+/).pop() ?? '';
  // (a trailing word to whom or for whom it is asked is no clause of it: "was it like 224 or am i misremembering, for the listeners")
  const clauses = clause.split(/\s*,\s*/);
  if (clauses.length > 1 && TRAILING_ADDRESS.test(clauses[clauses.length - 1])) clauses.pop();
  const last = clauses.pop() ?? '';
  // ("True or false: ...", "T/F: the authors call the axis a strategic alliance")
  return TRUE_OR_FALSE.test(query) || VERIFY.test(clause) || VERIFY.test(last) || (last !== clause && /^\s*(?:the|a|an)\s+(?:[\p{L}'’“”"-]+\s+){0,3}[\p{L}'’“”"-]+\s*\?\s*$/u.test(last));
}
const TRAILING_ADDRESS = /^\s*(?:(?:for|to)\s+(?:the\s+|my\s+|our\s+|your\s+)?[\p{L}'’-]+(?:\s+[\p{L}'’-]+)?|pls|please|plz|thanks|thx|ty|lol|haha|cheers)\s*[?.!]*\s*$/iu;
const VERIFY = /^\s*(?:is|was|are|were|does|did|do|has|have|had|isn['’]?t|wasn['’]?t|doesn['’]?t|didn['’]?t)\b|(?:^|,|\s)\s*(?:correct|right|true|(?:isn|wasn|doesn|didn|aren|weren|don|hasn|haven|won)['’]?t\s+(?:it|that\s+so|he|she|they|that)|am\s+i\s+right|is\s+that\s+(?:right|correct|so|true|it))\s*\?\s*$/i;

/**
 * Whether a quoted sentence gives, in the place of a detail the question checks and the corpus lacks,
 * another of its kind: a number for a number, a name for a name, next to a word that stood next to the
 * detail ("the painful “Vietnam syndrome”" → "the painful “Afghanistan syndrome”", "around 300
 * vacationers" → "killing 224 vacationers"); asked "is it X who ...?", any name the question does not
 * give stands in X's place (and so it does when only function words stand beside X: "was it for Ramadan?"). Then the
 * question is answered by that sentence, which says otherwise.
 */
export function givenInstead(query: string, detail: string, quoted: string): boolean {
  const asked = tokenize(query);
  // (a number with separators, "70,000", is read in pieces: it stands where its first piece does)
  const written = /^\d/.test(detail) ? new RegExp(`(?<![\\d,.])${escapeRegExp(detail)}`).exec(query)?.index : undefined;
  const at = asked.findIndex((t) => t.word === detail || t.start === written);
  if (at < 0) return false;
  const number = /^\d/.test(detail);
  // (a word or a month, not a name: in "did Putin meet Rouhani", Putin is another party, not where Rouhani stands)
  const near = new Set(asked.slice(Math.max(0, at - 2), at + 3).filter((t) => t.word !== detail && !STOPWORDS.has(t.word) && (!/^\p{Lu}/u.test(query.slice(t.start, t.start + 1)) || MONTH_NAME.test(query.slice(t.start, t.end)))).map((t) => t.stem));
  const whoIs = !number && new RegExp(`\\b(?:is|was)\\s+it\\s+(?:\\p{L}+\\s+){0,3}?${escapeRegExp(query.slice(asked[at].start, asked[at].end))}\\s+(?:who|that|which)\\b`, 'iu').test(query);
  const own = new Set(asked.map((t) => t.stem));
  const tokens = tokenize(quoted);
  const ofKind = (t: Token, j: number) => (number ? /^\d/.test(t.word) : j > 0 && /^\p{Lu}/u.test(quoted.slice(t.start, t.start + 1)) && !STOPWORDS.has(t.word));
  // (nothing but function words beside it, "was it for Ramadan?": as with "is it X who", any name the question does not give)
  return tokens.some((t, j) => ofKind(t, j) && !own.has(t.stem) && (whoIs || (!number && !near.size) || tokens.slice(Math.max(0, j - 2), j + 3).some((u) => u !== t && near.has(u.stem))));
}
