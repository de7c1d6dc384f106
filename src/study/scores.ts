/** Scores as people read them: ranks with ties, accuracy, and which sections a member has covered. Pure. */

export interface Scored {
  points: number;
}

/** Standard competition ranking: equal points share a rank, and the next rank skips (1, 1, 3). Rows must be sorted best first. */
export function withRanks<T extends Scored>(rows: readonly T[], firstRank = 1): (T & { rank: number })[] {
  const out: (T & { rank: number })[] = [];
  rows.forEach((row, i) => {
    const previous = out[i - 1];
    out.push({ ...row, rank: previous && previous.points === row.points ? previous.rank : firstRank + i });
  });
  return out;
}

/** "67%", or "—" with nothing answered. */
export function accuracy(correct: number, answered: number): string {
  return answered > 0 ? `${Math.round((100 * correct) / answered)}%` : '—';
}

export interface SectionCoverage {
  section: string;
  answered: number;
  correct: number;
  covered: boolean;
}

/** Every section of the corpus, in corpus order, with what the member answered there; sections no longer in the corpus come last. */
export function sectionCoverage(corpusSections: readonly string[], tallies: readonly { section: string; answered: number; correct: number }[]): SectionCoverage[] {
  const bySection = new Map(tallies.map((t) => [t.section, t]));
  const known = corpusSections.map((section) => {
    const t = bySection.get(section);
    return { section, answered: t?.answered ?? 0, correct: t?.correct ?? 0, covered: Boolean(t?.answered) };
  });
  const gone = tallies.filter((t) => !corpusSections.includes(t.section)).map((t) => ({ section: t.section, answered: t.answered, correct: t.correct, covered: true }));
  return [...known, ...gone];
}
