import type { CorpusDocument } from '../corpus/load.js';
import type { Chunk } from '../ingest/chunk.js';
import type { Span } from '../ingest/sentences.js';
import { foldOption, isAcronym } from './fold.js';
import {
  COUNTRIES,
  DIRECTIONS,
  FUNCTION_WORDS,
  KNOWN_ACRONYMS,
  MONTHS,
  NAME_CONNECTORS,
  NAME_PARTICLES,
  ORGANISATION_WORDS,
  PERSON_VERBS,
  PLACE_NOUNS,
  ROLE_WORDS,
  SEASONS,
  TITLE_WORDS,
} from './gazetteer.js';

/** What a quiz question asks for. */
export type FactKind = 'number' | 'date' | 'person' | 'organisation' | 'place' | 'cause';
export const FACT_KINDS: readonly FactKind[] = ['number', 'date', 'person', 'organisation', 'place', 'cause'];

/** How a mention writes its entity: in full, by surname or last word, or as an acronym. */
export type MentionForm = 'full' | 'short' | 'acronym';

/** One fact of the corpus (a person, a number, a date...), however often and however it is written. */
export interface FactEntity {
  key: string;
  kind: FactKind;
  /** distractors come from the same group: `place/country` for a country, `cause/of` for a cause written after "risk of"... */
  group: string;
  /** the fullest way the corpus writes it */
  full: string;
  /** the surname or last word, when the corpus uses it or it names the entity alone ("Putin") */
  short?: string;
  acronym?: string;
  /** every way the corpus writes it */
  aliases: string[];
  /** words that, seen in a prompt, give the entity away ("Assad" for "Bashar al-Assad") */
  giveaways: string[];
  /** for each form, the share of its mentions written after "the" ("the US", but "Syria") */
  theShare: Partial<Record<MentionForm, number>>;
  /** numbers: the value; dates: the format (`day`, `day-year`, `month-year`, `season-year`, `year`) */
  value?: number;
  format?: string;
  /** passages that mention it */
  passageIds: Set<string>;
}

/** Where a passage states a fact: the exact words and the sentence around them. */
export interface FactMention {
  entity: FactEntity;
  passage: Chunk;
  sentence: Span;
  start: number;
  end: number;
  /** exactly `source.slice(start, end)` */
  text: string;
  form: MentionForm;
}

/** Everything the quiz builder knows about a set of passages. Build once, draw many quizzes from it. */
export interface FactBank {
  passages: readonly Chunk[];
  documents: ReadonlyMap<string, CorpusDocument>;
  entities: FactEntity[];
  mentions: FactMention[];
  mentionsByEntity: Map<string, FactMention[]>;
  /** words the corpus writes in lower case: a capitalised sentence opener among them is an ordinary word */
  lowercaseWords: Set<string>;
}

interface SentenceRef {
  passage: Chunk;
  doc: CorpusDocument;
  span: Span;
  text: string;
}

interface RawMention {
  kind?: FactKind;
  group?: string;
  /** identity within its kind, before names are merged */
  surface: string;
  sentence: SentenceRef;
  /** offsets within the sentence text */
  start: number;
  end: number;
  value?: number;
  format?: string;
}

interface RawName extends RawMention {
  tokens: string[];
  initial: boolean;
  person: number;
  organisation: number;
  place: number;
  country: boolean;
  definesAcronym?: string;
}

const MONTH_SET = new Set(MONTHS.split('|'));
const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
const SEASON_ANY_CASE = SEASONS.split('|').map((s) => `[${s[0]}${s[0].toUpperCase()}]${s.slice(1)}`).join('|');

const DATE_RE = new RegExp(
  [
    `\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
    `\\b\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}\\b`,
    `\\b(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?!,?\\s*\\d)`,
    `\\b\\d{1,2}\\s+(?:${MONTHS})\\b`,
    `\\b(?:${MONTHS})\\s+(?:of\\s+)?\\d{4}\\b`,
    `\\b(?:(?:[Ee]arly|[Mm]id|[Ll]ate)[-\\s])?(?:${SEASON_ANY_CASE})\\s+(?:of\\s+)?\\d{4}\\b`,
    `(?<=\\b(?:in|since|by|until|from|before|after|during|of|In|Since|By|Until|From|Before|After|During)\\s+)(?:1[5-9]|20)\\d{2}\\b(?![,.]?\\d)`,
  ].join('|'),
  'g',
);

const NUMBER_RE = /(?<![\p{L}\p{N},.$£€])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\p{L}\p{N}]|[.,]\d)/gu;

const CAUSE_CUES: { re: RegExp; form: 'of' | 'to' | 'clause' }[] = [
  {
    re: /\b(?:carr(?:y|ies|ying)\s+(?:the|a)\s+risk\s+of|the\s+risk\s+of|because\s+of|due\s+to|owing\s+to|out\s+of\s+fear\s+of|for\s+fear\s+of|fear\s+of|in\s+commemoration\s+of|in\s+return\s+for|as\s+a\s+result\s+of|in\s+response\s+to|for\s+the\s+sake\s+of)\s+/gi,
    form: 'of',
  },
  { re: /\b(?:in\s+order\s+to|so\s+as\s+to|in\s+an\s+attempt\s+to|in\s+a\s+bid\s+to|in\s+an\s+effort\s+to)\s+/gi, form: 'to' },
  { re: /\b(?:because|since|as)\s+(?=(?:it|they|he|she|we)\b)/gi, form: 'clause' },
];
const CAUSE_END = /,|;|:|\s[–—-]\s|\(|\)|[.!?](?=["”’)]*$)|\s(?:and so|while|which|when|where|who|whereas|but)\s/;
const CAUSE_MAX_WORDS = 12;

const WORD_TOKEN = /[\p{L}\p{N}]+(?:[’'\-‑][\p{L}\p{N}]+)*/gu;

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** Build the fact bank of some passages: every number, date, name and cause they state. */
export function buildFactBank(passages: readonly Chunk[], documents: ReadonlyMap<string, CorpusDocument>): FactBank {
  const sentences: SentenceRef[] = [];
  for (const passage of passages) {
    const doc = documents.get(passage.docId);
    if (!doc) continue;
    for (const span of passage.sentences) sentences.push({ passage, doc, span, text: doc.source.slice(span.start, span.end) });
  }
  const lowercaseWords = new Set<string>();
  const capitalisedInside = new Set<string>();
  for (const s of sentences) {
    wordsOf(s.text).forEach((w, i) => {
      if (!isCapitalised(w)) lowercaseWords.add(w.toLowerCase());
      else if (i > 0) capitalisedInside.add(w);
    });
  }
  const knownNames = new Set<string>([...COUNTRIES, ...capitalisedInside]);

  const raw: RawMention[] = [];
  const dateComponents: string[] = [];
  for (const s of sentences) {
    const dates = findDates(s, dateComponents);
    raw.push(...dates, ...findNumbers(s, dates), ...findCauses(s));
  }
  const names = sentences.flatMap((s) => findNames(s, lowercaseWords, capitalisedInside, knownNames));
  const resolved = resolveNames(names, raw.filter((m) => m.kind === 'date'));

  // Assemble entities and mentions, keyed by kind and folded identity.
  const entities = new Map<string, FactEntity>();
  const mentions: FactMention[] = [];
  const theCounts = new Map<string, Record<MentionForm, [number, number]>>();
  const addMention = (entity: FactEntity, m: RawMention, form: MentionForm) => {
    const start = m.sentence.span.start + m.start;
    const end = m.sentence.span.start + m.end;
    mentions.push({ entity, passage: m.sentence.passage, sentence: m.sentence.span, start, end, text: m.sentence.doc.source.slice(start, end), form });
    entity.passageIds.add(m.sentence.passage.id);
    const counts = theCounts.get(entity.key) ?? { full: [0, 0], short: [0, 0], acronym: [0, 0] };
    counts[form][1] += 1;
    if (/\bthe\s+$/i.test(m.sentence.text.slice(0, m.start))) counts[form][0] += 1;
    theCounts.set(entity.key, counts);
  };
  for (const m of raw) {
    const key = `${m.kind}:${foldOption(m.surface)}`;
    let entity = entities.get(key);
    if (!entity) {
      entity = { key, kind: m.kind!, group: m.group!, full: m.surface, aliases: [m.surface], giveaways: [], theShare: {}, value: m.value, format: m.format, passageIds: new Set() };
      entities.set(key, entity);
    }
    addMention(entity, m, 'full');
  }
  // Numbers inside dates ("30" of "September 30, 2015") are numbers of the corpus too: distractors, never answers.
  for (const text of dateComponents) {
    const key = `number:${foldOption(text)}`;
    if (!entities.has(key)) {
      entities.set(key, { key, kind: 'number', group: 'number', full: text, aliases: [text], giveaways: [], theShare: {}, value: Number(text.replace(/,/g, '')), passageIds: new Set() });
    }
  }
  for (const cluster of resolved) {
    const key = `${cluster.kind}:${foldOption(cluster.full)}`;
    if (entities.has(key)) continue;
    const entity: FactEntity = {
      key,
      kind: cluster.kind,
      group: cluster.group,
      full: cluster.full,
      short: cluster.short,
      acronym: cluster.acronym,
      aliases: cluster.aliases,
      giveaways: cluster.giveaways,
      theShare: {},
      passageIds: new Set(),
    };
    entities.set(key, entity);
    for (const m of cluster.mentions) addMention(entity, m, m.surface === cluster.acronym ? 'acronym' : m.surface === cluster.full ? 'full' : 'short');
  }
  for (const entity of entities.values()) {
    const counts = theCounts.get(entity.key);
    if (!counts) continue;
    for (const form of ['full', 'short', 'acronym'] as const) {
      if (counts[form][1] > 0) entity.theShare[form] = counts[form][0] / counts[form][1];
    }
  }
  mentions.sort((a, b) => passages.indexOf(a.passage) - passages.indexOf(b.passage) || a.start - b.start || a.end - b.end);
  const mentionsByEntity = new Map<string, FactMention[]>();
  for (const m of mentions) {
    const list = mentionsByEntity.get(m.entity.key) ?? [];
    list.push(m);
    mentionsByEntity.set(m.entity.key, list);
  }
  return { passages, documents, entities: [...entities.values()], mentions, mentionsByEntity, lowercaseWords };
}

function dateFormat(text: string): string {
  if (new RegExp(`^(?:(?:early|mid|late)[-\\s])?(?:${SEASONS})`, 'i').test(text)) return 'season-year';
  const numbers = text.match(/\d+/g) ?? [];
  const hasMonth = new RegExp(`\\b(?:${MONTHS})\\b`).test(text);
  if (!hasMonth) return 'year';
  if (numbers.length >= 2) return 'day-year';
  return numbers[0]?.length === 4 ? 'month-year' : 'day';
}

function findDates(s: SentenceRef, components: string[]): RawMention[] {
  const out: RawMention[] = [];
  for (const m of s.text.matchAll(DATE_RE)) {
    const surface = m[0];
    out.push({ kind: 'date', group: 'date', surface, sentence: s, start: m.index!, end: m.index! + surface.length, format: dateFormat(surface) });
    for (const n of surface.match(/\d+/g) ?? []) if (!components.includes(n)) components.push(n);
  }
  return out;
}

function findNumbers(s: SentenceRef, dates: RawMention[]): RawMention[] {
  const out: RawMention[] = [];
  for (const m of s.text.matchAll(NUMBER_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (dates.some((d) => start < d.end && end > d.start)) continue;
    const percent = /^\s?(?:%|percent\b|per cent\b)/.test(s.text.slice(end));
    out.push({ kind: 'number', group: percent ? 'number/percent' : 'number', surface: m[0], sentence: s, start, end, value: Number(m[0].replace(/,/g, '')) });
  }
  return out;
}

function findCauses(s: SentenceRef): RawMention[] {
  const out: RawMention[] = [];
  const taken: Span[] = [];
  for (const { re, form } of CAUSE_CUES) {
    for (const m of s.text.matchAll(re)) {
      const from = m.index! + m[0].length;
      if (taken.some((t) => m.index! < t.end && from > t.start)) continue;
      const rest = s.text.slice(from);
      const stop = CAUSE_END.exec(rest);
      let phrase = (stop ? rest.slice(0, stop.index) : rest).replace(/[.!?]+$/, '');
      if (wordsOf(phrase).length > CAUSE_MAX_WORDS) {
        const and = phrase.indexOf(' and ');
        if (and < 0) continue;
        phrase = phrase.slice(0, and);
      }
      phrase = phrase.trimEnd();
      const n = wordsOf(phrase).length;
      if (n < 2 || n > CAUSE_MAX_WORDS) continue;
      if (FUNCTION_WORDS.has(wordsOf(phrase).at(-1)!.toLowerCase())) continue;
      if ((phrase.match(/“/g)?.length ?? 0) !== (phrase.match(/”/g)?.length ?? 0)) continue;
      if ((phrase.match(/\(/g)?.length ?? 0) !== (phrase.match(/\)/g)?.length ?? 0)) continue;
      taken.push({ start: m.index!, end: from + phrase.length });
      out.push({ kind: 'cause', group: `cause/${form}`, surface: phrase, sentence: s, start: from, end: from + phrase.length });
    }
  }
  return out;
}

interface Token {
  text: string;
  start: number;
  end: number;
  cap: boolean;
  possessive: boolean;
  /** split from the word before at a hyphen ("Tehran-Moscow"): not part of the same name */
  joined: boolean;
  first: boolean;
}

function nameTokens(text: string): Token[] {
  const out: Token[] = [];
  let index = 0;
  for (const m of text.matchAll(WORD_TOKEN)) {
    let word = m[0];
    let possessive = false;
    if (/[’']s$/.test(word) && word.length > 2) {
      word = word.slice(0, -2);
      possessive = true;
    }
    const parts = word.split(/[-‑]/);
    const particleName = parts.length === 2 && NAME_PARTICLES.has(parts[0]) && isCapitalised(parts[1]);
    if (parts.length > 1 && !particleName) {
      let at = m.index!;
      parts.forEach((part, i) => {
        out.push({ text: part, start: at, end: at + part.length, cap: isCapitalised(part), possessive: possessive && i === parts.length - 1, joined: i > 0, first: index === 0 && i === 0 });
        at += part.length + 1;
      });
    } else {
      out.push({ text: word, start: m.index!, end: m.index! + word.length, cap: isCapitalised(word) || particleName, possessive, joined: false, first: index === 0 });
    }
    index += 1;
  }
  return out;
}

/** A capitalised word that says where someone is from ("Russian", "Iraqi", "Shiites"), not a name. */
export function isDemonym(word: string, knownNames: Set<string>): boolean {
  if (word.length > 4 && /(?:ian|ians|ean|eans|ese|ish|ite|ites)$/.test(word)) return true;
  if (/^(?:Islamic|Arabic|Hispanic|Slavic|Germanic|Celtic|Semitic|Catholic|Baltic)$/.test(word)) return true;
  const base = /^(.+?)(?:ns|is|n|i)$/.exec(word)?.[1];
  return !!base && base.length >= 3 && (knownNames.has(base) || knownNames.has(`${base}a`));
}

function findNames(s: SentenceRef, lowercaseWords: Set<string>, capitalisedInside: Set<string>, knownNames: Set<string>): RawName[] {
  const tokens = nameTokens(s.text);
  const out: RawName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap) continue;
    const seq = [tokens[i]];
    let j = i;
    for (;;) {
      if (tokens[j].possessive) break;
      const next = tokens[j + 1];
      if (!next || next.joined || s.text.slice(tokens[j].end, next.start) !== ' ') break;
      if (next.cap) {
        seq.push(next);
        j += 1;
        continue;
      }
      const after = tokens[j + 2];
      if (NAME_CONNECTORS.has(next.text) && after?.cap && !after.joined && s.text.slice(next.end, after.start) === ' ') {
        seq.push(next, after);
        j += 2;
        continue;
      }
      break;
    }
    i = j;
    let titled = false;
    while (seq.length && seq[0].first && (FUNCTION_WORDS.has(seq[0].text.toLowerCase()) || lowercaseWords.has(seq[0].text.toLowerCase()))) seq.shift();
    while (seq.length > 1 && TITLE_WORDS.has(seq[0].text.toLowerCase())) {
      seq.shift();
      titled = true;
    }
    while (seq.length > 1 && (isDemonym(seq[seq.length - 1].text, knownNames) || NAME_CONNECTORS.has(seq[seq.length - 1].text))) seq.pop();
    if (!seq.length) continue;
    const words = seq.map((t) => t.text);
    if (seq.length === 1) {
      const w = words[0];
      if (TITLE_WORDS.has(w.toLowerCase()) || FUNCTION_WORDS.has(w.toLowerCase()) || MONTH_SET.has(w) || WEEKDAYS.has(w) || isDemonym(w, knownNames)) continue;
      if (seq[0].first && !capitalisedInside.has(w)) continue;
    }
    const start = seq[0].start;
    const end = seq[seq.length - 1].end;
    out.push(scoreName(s, words, start, end, titled, seq[0].first));
  }
  return out;
}

function scoreName(s: SentenceRef, tokens: string[], start: number, end: number, titled: boolean, initial: boolean): RawName {
  const surface = s.text.slice(start, end);
  const before = s.text.slice(0, start);
  const after = s.text.slice(end);
  const prevWord = /([\p{L}]+)\s+$/u.exec(before)?.[1]?.toLowerCase() ?? '';
  let person = 0;
  let organisation = 0;
  let place = 0;
  if (titled || TITLE_WORDS.has(prevWord)) person += 3;
  if (new RegExp(`^,?\\s+(?:(?:is|was)\\s+)+(?:(?:a|an|the)\\s+)?(?:[\\p{L}-]+\\s+){0,2}(?:${ROLE_WORDS})\\b`, 'iu').test(after)) person += 3;
  if (new RegExp(`^\\s+(?:${PERSON_VERBS})\\b`, 'i').test(after)) person += 2;
  if (/^,?\s+(?:himself|herself)\b/i.test(after)) person += 2;
  if (/\b(?:ibn|bin|bint|abu)\s|(?:^|\s)(?:al|el|ad|ash)-/.test(surface)) person += 1;
  if (/\b(?:martyrdom|death|assassination|son|daughter|wife|husband|widow|brother|sister|father|mother) of\s+$/i.test(before)) person += 2;
  if (s.doc.meta.authors.some((a) => foldOption(a) === foldOption(surface))) person += 5;
  if (tokens.some((t) => ORGANISATION_WORDS.has(t))) organisation += 4;
  if (/\branks of\s+(?:the\s+)?$/i.test(before)) organisation += 2;
  if (/^\s+(?:fighters|militants|forces|members|affiliate|affiliates|militia|militias|leadership|troops)\b/i.test(after)) organisation += 2;
  const country = COUNTRIES.has(surface);
  if (country) place += 5;
  if (/\b(?:city|town|capital|village|port|province|region|regions|island|islands) of\s+(?:the\s+)?$/i.test(before)) place += 4;
  if (new RegExp(`^\\s+(?:${PLACE_NOUNS})\\b`, 'i').test(after)) place += 3;
  if (tokens.length > 1 && DIRECTIONS.has(tokens[0])) place += 2;
  if (/^,\s+\p{Lu}{2}\b/u.test(after)) place += 2;
  if (/\b(?:in|from|into|near|across|throughout|within|towards|toward|inside|outside|between|to|via|around)\s+(?:the\s+)?$/i.test(before)) place += 1;
  const definesAcronym = /^\s*\(\s*(\p{Lu}{2,6})\s*\)/u.exec(after)?.[1];
  return { surface, sentence: s, start, end, tokens, initial, person, organisation, place, country, definesAcronym };
}

interface NameCluster extends Pick<FactEntity, 'kind' | 'group' | 'full' | 'short' | 'acronym' | 'aliases' | 'giveaways'> {
  mentions: RawName[];
}

function baseToken(token: string): string {
  return token.replace(/^(?:al|el|ad|ash|as|at)-/, '');
}

function initials(tokens: string[]): string {
  return tokens
    .filter((t) => !NAME_CONNECTORS.has(t))
    .map((t) => baseToken(t)[0])
    .join('');
}

/** Merge the ways one name is written (surname, acronym) and decide what each name is. */
function resolveNames(names: RawName[], dates: RawMention[]): NameCluster[] {
  const live = names.filter((n) => !dates.some((d) => d.sentence === n.sentence && n.start < d.end && n.end > d.start));
  const bySurface = new Map<string, RawName[]>();
  for (const n of live) bySurface.set(n.surface, [...(bySurface.get(n.surface) ?? []), n]);
  const surfaces = [...bySurface.keys()];
  const parent = new Map(surfaces.map((s) => [s, s]));
  const find = (s: string): string => (parent.get(s) === s ? s : find(parent.get(s)!));
  const union = (a: string, b: string) => parent.set(find(a), find(b));
  const tokensOf = (s: string) => bySurface.get(s)![0].tokens;
  const multi = surfaces.filter((s) => tokensOf(s).length > 1);

  for (const s of surfaces) {
    if (isAcronym(s)) {
      const defined = multi.filter((m) => bySurface.get(m)!.some((n) => n.definesAcronym === s));
      const spelled = defined.length ? defined : multi.filter((m) => initials(tokensOf(m)) === s);
      if (spelled.length === 1) union(s, spelled[0]);
      continue;
    }
    if (tokensOf(s).length !== 1) continue;
    const longer = multi.filter((m) => baseToken(tokensOf(m).at(-1)!) === s);
    const roots = new Set(longer.map(find));
    if (roots.size === 1) union(s, longer[0]);
  }

  // Coordinated names ("Iraq, Afghanistan, and even distant Pakistan") are usually of one kind.
  const partners = new Map<string, Set<string>>();
  const bySentence = new Map<SentenceRef, RawName[]>();
  for (const n of live) bySentence.set(n.sentence, [...(bySentence.get(n.sentence) ?? []), n]);
  for (const list of bySentence.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 1; i < list.length; i++) {
      const gap = list[i].sentence.text.slice(list[i - 1].end, list[i].start);
      if (/^(?:\s*,)?\s+(?:and|or)\s+(?:even\s+\p{L}+\s+)?$|^,\s+$/u.test(gap)) {
        const a = list[i - 1].surface;
        const b = list[i].surface;
        partners.set(a, (partners.get(a) ?? new Set()).add(b));
        partners.set(b, (partners.get(b) ?? new Set()).add(a));
      }
    }
  }

  const groups = new Map<string, string[]>();
  for (const s of surfaces) groups.set(find(s), [...(groups.get(find(s)) ?? []), s]);
  const clusters: (Omit<NameCluster, 'kind' | 'group' | 'giveaways'> & { kind?: FactKind; group?: string; scores: [number, number, number]; country: boolean; members: string[] })[] = [];
  for (const members of groups.values()) {
    const mentions = members.flatMap((m) => bySurface.get(m)!);
    const acronym = members.find(isAcronym);
    const words = members.filter((m) => !isAcronym(m));
    const full = (words.length ? words : members).slice().sort((a, b) => tokensOf(b).length - tokensOf(a).length || bySurface.get(b)!.length - bySurface.get(a)!.length)[0];
    const short = words.find((m) => m !== full && tokensOf(m).length === 1);
    const scores: [number, number, number] = [0, 0, 0];
    for (const n of mentions) {
      scores[0] += n.person;
      scores[1] += n.organisation;
      scores[2] += n.place;
    }
    const known = acronym && !words.length ? KNOWN_ACRONYMS.get(acronym) : undefined;
    const country = mentions.some((n) => n.country) || (!!acronym && !!KNOWN_ACRONYMS.get(acronym)?.country && (!words.length || initials(tokensOf(full)) === acronym));
    let kind: FactKind | undefined;
    if (country) kind = 'place';
    else if (known) kind = known.kind;
    else if (!acronym || words.length) {
      const max = Math.max(...scores);
      if (max >= 1 && scores.filter((x) => x === max).length === 1) kind = (['person', 'organisation', 'place'] as const)[scores.indexOf(max)];
    }
    clusters.push({ kind, full, short, acronym, aliases: members, mentions, scores, country, members });
  }
  const clusterOf = new Map<string, (typeof clusters)[number]>();
  for (const c of clusters) for (const m of c.members) clusterOf.set(m, c);
  for (const c of clusters) {
    if (c.kind || c.scores.some((x) => x > 0) || (c.acronym && !c.aliases.some((a) => !isAcronym(a)))) continue;
    const kinds = c.members.flatMap((m) => [...(partners.get(m) ?? [])].map((p) => clusterOf.get(p)?.kind).filter((k): k is FactKind => !!k));
    if (kinds.length && kinds.every((k) => k === kinds[0])) c.kind = kinds[0];
  }

  // Words that name one entity alone give it away in a prompt; shared words ("Ali", "Islamic") do not.
  const tokenOwners = new Map<string, Set<(typeof clusters)[number]>>();
  for (const c of clusters) {
    for (const m of c.members) {
      for (const t of tokensOf(m)) {
        const b = baseToken(t);
        tokenOwners.set(b, (tokenOwners.get(b) ?? new Set()).add(c));
      }
    }
  }
  const out: NameCluster[] = [];
  for (const c of clusters) {
    if (!c.kind) continue;
    const giveaways = new Set<string>();
    for (const m of c.members) {
      for (const t of tokensOf(m)) {
        const b = baseToken(t);
        if (NAME_CONNECTORS.has(b) || NAME_PARTICLES.has(b) || (b.length < 3 && !isAcronym(b))) continue;
        if (tokenOwners.get(b)!.size === 1) giveaways.add(b);
      }
    }
    let short = c.short;
    if (!short && c.kind === 'person' && tokensOf(c.full).length > 1) {
      const last = baseToken(tokensOf(c.full).at(-1)!);
      if (tokenOwners.get(last)!.size === 1) short = last;
    }
    const group = c.kind === 'place' ? (c.country ? 'place/country' : 'place/area') : c.kind;
    out.push({ kind: c.kind, group, full: c.full, short, acronym: c.acronym, aliases: [...new Set([...c.aliases, ...(short ? [short] : [])])], giveaways: [...giveaways], mentions: c.mentions });
  }
  return out;
}
