import { foldText } from '../ingest/text.js';
import type { Span } from '../ingest/sentences.js';

/**
 * How quiz strings are compared: case, curly quotes, runs of space and thousands separators
 * folded ("7,000" is "7000"), so "the same option" means the same to a reader.
 */
export function foldOption(text: string): string {
  return foldText(text).replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** All-capital short words (IS, US, IRGC) are matched case-sensitively: "IS" is not "is", "US" is not "us". */
export function isAcronym(text: string): boolean {
  return /^\p{Lu}{2,6}$/u.test(text.trim());
}

const SINGLE_QUOTES = "['\u2018\u2019\u201A\u201B\u2032]";
const DOUBLE_QUOTES = '["\u201C\u201D\u201E\u201F\u2033]';

function needlePattern(needle: string): string {
  const chars = [...needle.trim().replace(/(\d),(?=\d)/g, '$1')];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (/\s/.test(c)) {
      if (!/\s/.test(chars[i - 1] ?? '')) out += '\\s+';
    } else if (/['\u2018\u2019\u201A\u201B\u2032]/.test(c)) out += SINGLE_QUOTES;
    else if (/["\u201C\u201D\u201E\u201F\u2033]/.test(c)) out += DOUBLE_QUOTES;
    else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    if (/\d/.test(c) && /\d/.test(chars[i + 1] ?? '')) out += ',?';
  }
  const first = chars[0] ?? '';
  const last = chars[chars.length - 1] ?? '';
  const lead = /[\p{L}\p{N}]/u.test(first) ? '(?<![\\p{L}\\p{N}])' : '';
  const trail = /[\p{L}\p{N}]/u.test(last) ? '(?![\\p{L}\\p{N}])' : '';
  return lead + out + trail;
}

/**
 * Where `needle` occurs in `text` as whole words, compared folded (acronyms case-sensitively),
 * as spans of `text` offset by `offset`.
 */
const patterns = new Map<string, RegExp>();

/** The compiled pattern of a needle (cached: quiz generation asks for the same few hundred again and again). */
function patternFor(needle: string, sticky: boolean): RegExp {
  const key = `${sticky ? 'y' : 'g'}\u0000${needle}`;
  let re = patterns.get(key);
  if (!re) {
    re = new RegExp(needlePattern(needle), `${sticky ? 'y' : 'g'}u${isAcronym(needle) ? '' : 'i'}`);
    if (patterns.size > 5000) patterns.clear();
    patterns.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

export function findFolded(text: string, needle: string, offset = 0): Span[] {
  if (!needle.trim()) return [];
  const re = patternFor(needle, false);
  return [...text.matchAll(re)].map((m) => ({ start: offset + m.index!, end: offset + m.index! + m[0].length }));
}

/** Whether `needle` occurs in `text` as whole words, compared folded. */
export function containsFolded(text: string, needle: string): boolean {
  return findFolded(text, needle).length > 0;
}

/** Whether `needle` starts at `at` in `text` (whole words, folded). */
export function foldedAt(text: string, needle: string, at: number): boolean {
  if (!needle.trim()) return false;
  const re = patternFor(needle, true);
  re.lastIndex = at;
  return re.test(text);
}
