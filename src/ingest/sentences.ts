/** A span of a source file: `source.slice(start, end)` is its text. */
export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sr jr st mt gen col lt sgt capt gov sen rep pres vs etc e.g i.e cf al approx no nos fig jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u inc ltd co corp dept est'.split(' '),
);

/**
 * Sentence spans of `source.slice(start, end)`, in absolute offsets, trimmed of white space.
 * A boundary is terminal punctuation (plus closing quotes/brackets), then space, then
 * something that can open a sentence, unless the word before is a known abbreviation or an initial.
 */
export function splitSentences(source: string, start: number, end: number): Span[] {
  const text = source.slice(start, end);
  const spans: Span[] = [];
  let sentenceStart = 0;
  const boundary = /[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  for (const match of text.matchAll(boundary)) {
    const cut = match.index! + match[0].length;
    const before = text.slice(sentenceStart, match.index!);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    if (match[0].startsWith('.') && (ABBREVIATIONS.has(lastWord) || /^\p{L}$/u.test(lastWord))) continue;
    pushTrimmed(text, sentenceStart, cut, start, spans);
    sentenceStart = cut;
  }
  pushTrimmed(text, sentenceStart, text.length, start, spans);
  return spans;
}

function pushTrimmed(text: string, from: number, to: number, offset: number, spans: Span[]): void {
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (to > from) spans.push({ start: offset + from, end: offset + to });
}
