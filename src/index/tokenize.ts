import stem from 'wink-porter2-stemmer';

/** A word of a text as retrieval sees it. */
export interface Token {
  /** lower-case surface form, as looked up in the word vectors */
  word: string;
  /** Porter2 stem, as matched by BM25 */
  stem: string;
  /** character offsets in the text that was tokenised */
  start: number;
  end: number;
}

// Function words plus the words every question is made of ("what", "article", "tell"). A change: bump TOKENIZER_RULES.
export const STOPWORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between both but by
  can could did do does doing don't down during each few for from further had has have having he her here hers herself him himself his
  won't can't cannot wouldn't shouldn't couldn't didn't doesn't wasn't weren't hasn't haven't hadn't mustn't
  how i if in into is isn't it it's its itself just let's me more most my myself no nor not of on once only or other ought our ours
  ourselves own same she should so some such than that that's the their theirs them themselves then there these they this
  those through to too under until up  very was we were what when where which while who whom why will with would you your yours
  yourself yourselves s t d ll m re ve y also may might must shall us get got gets like really pls please tell explain describe say says said
  many much sort kind type actually basically exactly anyway even tbh idk lmao lmk smh btw
  article text author authors piece essay writer anything something thing things does did done whats what's hey hi yo ok okay u ur
  im i'm wanna gonna kinda sorta lol smth sth abt theres there's thats whats wat r n w y pls plz thx ty cuz bc coz imo imho ngl irl rn fr omg
  tho though eh umm um uh nah yeah yes yep yup ya bro bruh dude fam guys lmfao fyi af ikr welp lowkey highkey deadass istg think mean else apart besides instead supposedly beyond
  onto upon among amongst amid via regarding concerning whether rather quite somewhat`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const NON_ASCII = /[^\x00-\x7f]/;
const ISLAMIC_STATE = /^(?:isis|isil|daesh)$/i;

/** Version of the tokenizer's rules (aliases, stopwords) in an index's manifest: a change rebuilds every index. 2: question-frame words (else, apart, besides, ...) are stopwords; 3: "know" is a content word; 4: a passage's phrasal verbs add their meaning (src/index/phrasal.ts); 5: and its acronyms their spelled-out words; 6: negative contractions (won't, didn't, ...) are stopwords; 7: "Islamic State" is the group, as IS is; 8: toward-like prepositions (among, via, regarding, concerning, whether ...) are stopwords; 9: "the United States" is the US, as US is; 10: "USA" is the US, and chat fillers (bruh, fyi, lowkey ...) are stopwords; 11: Sepah / Pasdaran are the IRGC, "rather", "quite", "somewhat" are stopwords, and an acronym keeps a capitalised abbreviation's letters (UN Security Council → UNSC); 12: an alias's possessive is the alias ("Daesh's"). */
export const TOKENIZER_RULES = 12;

/** Split a text into lower-case tokens with offsets; possessive 's is dropped; stopwords kept (callers filter). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const alias = aliasOf(match[0], text, match.index!);
    if (alias) {
      tokens.push({ word: alias, stem: alias, start: match.index!, end: match.index! + match[0].length });
      continue;
    }
    let word = match[0].toLowerCase();
    // Only words outside ASCII need the curly apostrophe and accents folded (most words skip the cost).
    if (NON_ASCII.test(word)) word = word.replace(/\u2019/g, "'").normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    if (word.endsWith("'s")) word = word.slice(0, -2);
    if (!word) continue;
    tokens.push({ word, stem: stemWord(word), start: match.index!, end: match.index! + match[0].length });
  }
  return tokens;
}

/**
 * Names that collide with function words or have several spellings, given one word everywhere:
 * "US" / "the us" is the country, not the pronoun; "IS" (next to text that is not all capitals) and
 * isis / isil / daesh are the Islamic State, not the verb; Sepah / Pasdaran (the Persian names) are the IRGC.
 * A change here changes the passages' terms: bump TOKENIZER_RULES so every index is rebuilt.
 */
function aliasOf(raw: string, text: string, at: number): string | undefined {
  if (raw === 'US' || /^usa$/i.test(raw) || (raw === 'us' && /\bthe\s+$/i.test(text.slice(Math.max(0, at - 4), at)))) return 'america';
  // "the United States" is the US (both words), as "the Islamic State" is IS
  if (/^united$/i.test(raw) && /^\s+states\b/i.test(text.slice(at + raw.length, at + raw.length + 8))) return 'america';
  if (/^states$/i.test(raw) && /\bunited\s+$/i.test(text.slice(Math.max(0, at - 8), at))) return 'america';
  // (a possessive is the name too: "Daesh's footholds")
  const bare = raw.replace(/['\u2019]s$/i, '');
  if ((bare.length === 4 || bare.length === 5) && ISLAMIC_STATE.test(bare)) return 'isis';
  // "the Islamic State": both words are the group (not "Islamic" as in the Islamic Republic, not "state" as in a country)
  if (/^islamic$/i.test(raw) && /^\s+state\b/i.test(text.slice(at + raw.length, at + raw.length + 8))) return 'isis';
  if (/^state$/i.test(raw) && /\bislamic\s+$/i.test(text.slice(Math.max(0, at - 9), at))) return 'isis';
  if (/^(?:sepah|pasdaran)$/i.test(bare)) return 'irgc';
  if (raw === 'IS') {
    const around = text.slice(Math.max(0, at - 30), at + 32).replace(/\bIS\b/g, '');
    if (/\p{Ll}/u.test(around)) return 'isis';
  }
  return undefined;
}

const stemCache = new Map<string, string>();
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^\d/.test(word) ? word : stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Tokens that carry meaning: no stopwords, no single letters. */
export function contentTokens(text: string): Token[] {
  return tokenize(text).filter((t) => !STOPWORDS.has(t.word) && (t.word.length > 1 || /\d/.test(t.word)));
}
