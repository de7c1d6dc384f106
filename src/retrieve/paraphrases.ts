import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stemWord } from '../index/tokenize.js';

/** The shipped list: one group of words per line that stand in for each other in a question. */
export const DEFAULT_PARAPHRASES = fileURLToPath(new URL('./paraphrase-groups.txt', import.meta.url));

/**
 * General-English paraphrases for questions about analysis and opinion writing ("what does X want"
 * ↔ "X's aims / interests / objectives"), so that word pairs the word vectors barely relate still
 * match. Looked up by Porter stem. Written as general English, not from the corpus; some groups were
 * added after reading questions the bot missed (a leader who stays / survives / is preserved), each
 * one a relation that holds outside this corpus too, and each measured over every question set.
 */
export class Paraphrases {
  private readonly groups = new Map<string, number[]>();

  constructor(text: string) {
    text.split('\n').forEach((line, group) => {
      const words = line.trim().toLowerCase().split(/\s+/).filter((w) => /^[a-z]+$/.test(w));
      if (words.length < 2) return;
      for (const stem of new Set(words.map(stemWord))) {
        const list = this.groups.get(stem) ?? [];
        list.push(group);
        this.groups.set(stem, list);
      }
    });
  }

  static load(path = DEFAULT_PARAPHRASES): Paraphrases {
    return new Paraphrases(readFileSync(path, 'utf8'));
  }

  /** Whether two stems share a group. */
  related(a: string, b: string): boolean {
    const ga = this.groups.get(a);
    const gb = ga && this.groups.get(b);
    return !!gb && ga.some((g) => gb.includes(g));
  }

  get size(): number {
    return this.groups.size;
  }
}
