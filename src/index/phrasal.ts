import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stemWord, type Token } from './tokenize.js';

/** Particles a verb's object may stand before ("sell Iran out", "prop the regime up"). */
const SEPARABLE = /^(?:out|up|down|off|back|over|away|best|low)$/;

/**
 * Phrasal verbs ("pull out", "prop up", "sell out") mean what their verb alone does not: their one-word
 * meaning (phrasal-verbs.txt beside this file, general English, not the corpus's) is added to the
 * words of a question, and of a passage, at the phrase's place. A separable one may have up to two words between ("sell Iran out", "pull its forces out").
 */
const LIST = readFileSync(fileURLToPath(new URL('./phrasal-verbs.txt', import.meta.url)), 'utf8');

/** The list's fingerprint: the passages' terms depend on it, so an index built with another list is rebuilt. */
export const PHRASAL_DIGEST = createHash('sha256').update(LIST).digest('hex').slice(0, 12);

const PHRASAL: { forms: string[]; particle: string; re: RegExp; meanings: string[] }[] = LIST
  .split('\n')
  .flatMap((line) => {
    const m = /^([a-z|]+)\s+([a-z ]+?)\s*=>\s*([a-z ]+)$/.exec(line.trim());
    if (!m) return [];
    const particle = m[2].trim().split(/\s+/);
    // (an adjective after its object may stand further off: "keep their own losses low")
    const between = particle.length === 1 && SEPARABLE.test(particle[0]) ? `(?:[a-z'’-]+\\s+){0,${particle[0] === 'low' ? 3 : 2}}` : '';
    return [{ forms: m[1].split('|'), particle: particle[0], re: new RegExp(`\\b(?:${m[1]})\\s+${between}${particle.join('\\s+')}\\b`, 'gi'), meanings: m[3].trim().split(/\s+/) }];
  });

/** "What does X hope to get out of Y": a gain, not an exit. */
const GAIN_ASKED = /\bwhat\b[^?]{0,60}\bget\s+out\s+of\b/i;

/** A preposition after "down" makes another phrasal verb ("it comes down to trust", "came down on Iran"). */
const LONGER = /^\s+(?:to|on|with)\b/i;

export function withPhrasalMeanings(text: string, tokens: Token[]): Token[] {
  const added: Token[] = [];
  // (only the phrases whose verb and particle are both in the text are looked for: a regular
  // expression is compiled the first time it runs, and 250 of them would slow the first question)
  const words = new Set(text.toLowerCase().match(/[a-z]+/g));
  for (const { forms, particle, re, meanings } of PHRASAL) {
    if (!words.has(particle) || !forms.some((f) => words.has(f))) continue;
    for (const m of text.matchAll(re)) {
      if (/^get/i.test(m[0]) && GAIN_ASKED.test(text)) continue;
      // ("come down to", "come down on": another phrase, unless the list has it whole)
      if (particle === 'down' && LONGER.test(text.slice(m.index! + m[0].length))) continue;
      for (const word of meanings) added.push({ word, stem: stemWord(word), start: m.index!, end: m.index! + m[0].length });
    }
  }
  return added.length ? [...tokens, ...added] : tokens;
}
