/**
 * Deterministic synthetic corpora for the benchmark: documents made by recombining the
 * article's sentences, with names, numbers and some words substituted, laid out like the
 * article (dateline, title, paragraphs under headings, author line, tag line) so the real
 * loader and chunker process them as they would a real document.
 *
 * Same seed and size → the same bytes. Pure (no clock, no Math.random); only
 * `writeSyntheticCorpus` touches the file system.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { seededRandom } from '../../src/study/random.js';

/** The project's seeded PRNG (mulberry32), uniform in [0, 1). */
export const prng = seededRandom;

export interface ArticleParts {
  headings: string[];
  /** body paragraphs, in order (dateline, title, headings, author and tag lines excluded) */
  paragraphs: string[];
  /** every sentence of the body paragraphs, in order */
  sentences: string[];
  /** capitalised words that do not start a sentence: names, places, organisations */
  names: string[];
}

/** Split the article into the pieces the generator recombines. */
export function parseArticle(text: string): ArticleParts {
  const blocks = text.split(/\r?\n[ \t]*\r?\n\s*/).map((b) => b.trim()).filter(Boolean);
  const headings: string[] = [];
  const paragraphs: string[] = [];
  for (const block of blocks) {
    if (/^Issues:$/i.test(block)) break; // the tag line follows
    const words = block.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (block.includes('|') || /:$/.test(block)) continue; // dateline, "Issues:"
    if (!/[.!?]["”’)]?$/.test(block)) {
      if (words.length <= 10 && !block.includes('\n')) headings.push(block);
      continue;
    }
    paragraphs.push(block);
  }
  // The first heading-like line is the title; the last paragraph is the author line.
  headings.shift();
  const body = paragraphs.slice(0, -1);
  const sentences = body.flatMap(splitSimple);
  const names = new Set<string>();
  for (const sentence of sentences) {
    const words = sentence.match(/\p{L}[\p{L}’'-]*/gu) ?? [];
    words.slice(1).forEach((w) => {
      if (/^\p{Lu}\p{Ll}{3,}$/u.test(w)) names.add(w);
    });
  }
  return { headings, paragraphs: body, sentences, names: [...names].sort() };
}

/** Sentence boundaries good enough for recombination (the product's own splitter runs on the output). */
function splitSimple(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?]["”’)]?)\s+(?=["“]?[\p{Lu}\p{N}])/u).map((s) => s.trim()).filter(Boolean);
}

/** Word substitutions applied with some probability, so recombined sentences are not verbatim copies. */
const SYNONYMS: Record<string, string[]> = {
  alliance: ['partnership', 'coalition', 'pact'],
  regime: ['government', 'administration', 'leadership'],
  conflict: ['war', 'struggle', 'confrontation'],
  strategic: ['long-term', 'fundamental', 'structural'],
  tactical: ['short-term', 'pragmatic', 'temporary'],
  military: ['armed', 'defence', 'security'],
  forces: ['troops', 'units', 'formations'],
  interest: ['stake', 'concern', 'motive'],
  support: ['backing', 'assistance', 'aid'],
  cooperation: ['collaboration', 'coordination', 'partnership'],
  influence: ['sway', 'leverage', 'weight'],
  opposition: ['rebel', 'insurgent', 'dissident'],
  relations: ['ties', 'dealings', 'contacts'],
  economic: ['commercial', 'financial', 'trade'],
  political: ['diplomatic', 'governmental', 'civic'],
  important: ['significant', 'crucial', 'central'],
  fear: ['worry', 'anxiety', 'concern'],
  risk: ['danger', 'hazard', 'threat'],
  objectives: ['goals', 'aims', 'targets'],
  leadership: ['elite', 'establishment', 'command'],
  sanctions: ['embargoes', 'restrictions', 'penalties'],
  weapons: ['arms', 'armaments', 'munitions'],
  order: ['system', 'arrangement', 'framework'],
  partner: ['ally', 'associate', 'collaborator'],
  war: ['conflict', 'fighting', 'campaign'],
  states: ['countries', 'nations', 'powers'],
  public: ['popular', 'domestic', 'national'],
  however: ['yet', 'still', 'nevertheless'],
};

const SYLLABLES = ['ka', 'ro', 'vel', 'mir', 'tan', 'shi', 'lo', 'dar', 'en', 'zu', 'bal', 'or', 'net', 'ias', 'kov', 'ra', 'hem', 'sul', 'ti', 'gar', 'an', 'ves', 'mo', 'lin'];
const HEADING_HEADS = ['Limits', 'Roots', 'Costs', 'Prospects', 'Shadows', 'Lessons', 'Rules', 'Price', 'Future', 'Myths'];
const HEADING_TAILS = ['Convergence', 'Distrust', 'Cooperation', 'Rivalry', 'Influence', 'Power', 'Alliance', 'Engagement', 'Ambition', 'Dependence'];
const TITLE_NOUNS = ['Axis', 'Alliance', 'Bargain', 'Partnership', 'Rivalry', 'Entente', 'Gambit', 'Balance'];
const TITLE_ADJECTIVES = ['Twisted', 'Uneasy', 'Fragile', 'Hidden', 'Brittle', 'Quiet', 'Shifting', 'Reluctant'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const PUBLICATIONS = ['Berlin Policy Journal', 'Northern Review', 'Policy Quarterly', 'The Strategic Letter', 'Eastern Affairs'];

export interface SyntheticDocument {
  /** file name without extension (unique within the corpus) */
  name: string;
  /** the .txt body */
  text: string;
  /** the sidecar NAME.meta.json, as the article has */
  meta: string;
}

export interface SyntheticOptions {
  seed: number;
  /** stop once the documents' text totals at least this many bytes (UTF-8) */
  targetBytes: number;
  /** typical document size in bytes (default: the article's size) */
  documentBytes?: number;
}

/**
 * The synthetic documents, in order, until their text totals `targetBytes`.
 * A generator: a 75 MB corpus is never held in memory at once.
 */
export function* syntheticDocuments(article: string, options: SyntheticOptions): Generator<SyntheticDocument> {
  const parts = parseArticle(article);
  const random = prng(options.seed);
  const docBytes = options.documentBytes ?? Buffer.byteLength(article);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const name = () => {
    const n = int(2, 3);
    let s = '';
    for (let i = 0; i < n; i++) s += pick(SYLLABLES);
    return s[0].toUpperCase() + s.slice(1);
  };
  const capitalise = (w: string, like: string) => (/^\p{Lu}/u.test(like) ? w[0].toUpperCase() + w.slice(1) : w);

  let total = 0;
  for (let n = 1; total < options.targetBytes; n++) {
    // Per document: about half the article's names are renamed, consistently within the document.
    const renamed = new Map<string, string>();
    for (const original of parts.names) if (random() < 0.5) renamed.set(original, name());
    const vary = (sentence: string): string =>
      sentence
        .replace(/\p{Lu}\p{Ll}{3,}/gu, (w) => renamed.get(w) ?? w)
        .replace(/\b(?:(January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})\b|(\d+)\b)/g, (_m, month?: string, _day?: string, d?: string) =>
          month ? `${month} ${int(1, 28)}` : /^(19|20)\d\d$/.test(d!) ? String(int(1950, 2030)) : String(int(d!.length === 1 ? 1 : 10 ** (d!.length - 1), 10 ** d!.length - 1)),
        )
        .replace(/\b[A-Za-z]+\b/g, (w) => {
          const options = SYNONYMS[w.toLowerCase()];
          return options && random() < 0.35 ? capitalise(pick(options), w) : w;
        });

    const size = Math.round(docBytes * (0.6 + 0.8 * random()));
    const date = `${pick(MONTHS)} ${int(1, 28)}, ${int(1990, 2030)}`;
    const publication = pick(PUBLICATIONS);
    const [a, b] = [name(), name()];
    const title = `The ${pick(TITLE_ADJECTIVES)} ${a}-${b} ${pick(TITLE_NOUNS)}`;
    const authors = [`${name()} ${name()}`, `${name()} ${name()}`];
    const tags = [a, b, pick(parts.names)].filter((t, i, all) => all.indexOf(t) === i);
    const blocks: string[] = [`${date} | ${publication}`, title];
    let length = blocks.join('\n\n').length;
    let sinceHeading = 0;
    while (length < size) {
      if (sinceHeading >= int(3, 6)) {
        const heading = random() < 0.5 ? vary(pick(parts.headings)) : `${pick(HEADING_HEADS)} of ${pick(HEADING_TAILS)}`;
        blocks.push(heading);
        sinceHeading = 0;
      }
      // A paragraph: a run of consecutive article sentences (coherent), sometimes with one from elsewhere.
      const count = int(1, 3);
      const from = int(0, parts.sentences.length - 1);
      const sentences: string[] = [];
      for (let i = 0; i < count; i++) sentences.push(random() < 0.8 ? parts.sentences[(from + i) % parts.sentences.length] : pick(parts.sentences));
      const paragraph = sentences.map(vary).join(' ');
      blocks.push(paragraph);
      length += paragraph.length + 2;
      sinceHeading++;
    }
    blocks.push(`${authors[0]} is senior fellow at the ${name()} Institute in ${name()}. ${authors[1]} is a researcher at the ${name()} Centre for International Studies.`);
    blocks.push('Issues:', tags.join(' '));
    const text = `${blocks.join('\n\n')}\n`;
    const iso = (() => {
      const [month, day, year] = date.replace(',', '').split(' ');
      return `${year}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
    })();
    const meta = `${JSON.stringify({ title, publication, date: iso, authors, tags }, null, 2)}\n`;
    total += Buffer.byteLength(text);
    yield { name: `synthetic-${String(n).padStart(6, '0')}`, text, meta };
  }
}

export interface WrittenCorpus {
  dir: string;
  documents: number;
  /** bytes of document text (.txt), the article's included */
  bytes: number;
  /** the article's bytes, the unit of `multiple` */
  articleBytes: number;
  multiple: number;
  seconds: number;
}

/**
 * A corpus of about `multiple` times the article's size in `dir`: the article itself (and its
 * sidecar), plus synthetic documents making up the rest, 500 to a sub-folder.
 */
export function writeSyntheticCorpus(options: { articleDir: string; articleFile: string; dir: string; multiple: number; seed: number }): WrittenCorpus {
  const started = performance.now();
  mkdirSync(options.dir, { recursive: true });
  const articlePath = join(options.articleDir, options.articleFile);
  const article = readFileSync(articlePath, 'utf8');
  const articleBytes = Buffer.byteLength(article);
  const stem = basename(options.articleFile, extname(options.articleFile));
  for (const file of readdirSync(options.articleDir)) {
    if (file === options.articleFile || file === `${stem}.meta.json`) copyFileSync(join(options.articleDir, file), join(options.dir, file));
  }
  let bytes = articleBytes;
  let documents = 1;
  const target = Math.max(0, options.multiple * articleBytes - articleBytes);
  if (target > 0) {
    for (const doc of syntheticDocuments(article, { seed: options.seed, targetBytes: target })) {
      const folder = join(options.dir, 'synthetic', String(Math.floor(documents / 500)).padStart(3, '0'));
      if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, `${doc.name}.txt`), doc.text);
      writeFileSync(join(folder, `${doc.name}.meta.json`), doc.meta);
      bytes += Buffer.byteLength(doc.text);
      documents++;
    }
  }
  return { dir: options.dir, documents, bytes, articleBytes, multiple: options.multiple, seconds: (performance.now() - started) / 1000 };
}
