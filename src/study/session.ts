/**
 * Study sessions, without Discord: which passages a session walks through, what the group is asked
 * to discuss at each step, the check question for a passage, and who may take part.
 */
import type { Chunk } from '../ingest/chunk.js';
import { foldText, plural } from '../ingest/text.js';
import type { GuildSettings } from '../store/moderation.js';
import type { FactKind } from './facts.js';
import { isModerator, type MemberFacts } from './permissions.js';
import { allQuestions, checkQuestion, quizSections, type QuizBank, type QuizQuestion } from './quiz.js';
import { seededRandom } from './random.js';

/** How the untitled opening of a document (section `''`) is named in options and messages. */
export const OPENING_SECTION_NAME = '(opening)';

/** A section as shown to people (the one wording for the untitled opening, wherever a section is shown). */
export function sectionLabel(section: string | null | undefined): string {
  if (section === null || section === undefined) return 'the whole corpus';
  return section || 'the opening (before the first heading)';
}

/**
 * The section a member typed, as the corpus writes it (compared folded); `undefined` for nothing
 * typed (the whole corpus), `null` for a section the corpus does not have.
 */
export function resolveSection(bank: QuizBank, typed: string | null | undefined): string | undefined | null {
  const wanted = typed?.trim();
  if (!wanted) return undefined;
  const sections = quizSections(bank).map((s) => s.section);
  if (foldText(wanted) === foldText(OPENING_SECTION_NAME) || foldText(wanted) === 'opening') return sections.includes('') ? '' : null;
  return sections.find((s) => s && foldText(s) === foldText(wanted)) ?? null;
}

/** Sections to suggest for what was typed: `name` shown, `value` given back to `resolveSection`. */
export function sectionChoices(bank: QuizBank, typed: string, limit = 25): { name: string; value: string }[] {
  const folded = foldText(typed.trim());
  return quizSections(bank)
    .map((s) => ({
      name: `${s.section || sectionLabel('').replace(/^./, (c) => c.toUpperCase())} — ${plural(s.passages, 'passage')}`.slice(0, 100),
      value: (s.section || OPENING_SECTION_NAME).slice(0, 100),
    }))
    .filter((c) => !folded || foldText(c.name).includes(folded))
    .slice(0, limit);
}

/** The passages a session walks through, in document order: one section, or the whole corpus section by section. */
export function planSteps(bank: QuizBank, section: string | undefined): Chunk[] {
  if (section === undefined) return [...bank.passages];
  const wanted = foldText(section);
  return bank.passages.filter((p) => foldText(p.section) === wanted);
}

const questionsByPassage = new WeakMap<QuizBank, Map<string, QuizQuestion[]>>();

/**
 * A check question about one passage: one of the sound questions its facts yield (the seed picks
 * which), or undefined when it states no fact that makes a sound question.
 */
export function checkQuestionFor(bank: QuizBank, passageId: string, seed: number): QuizQuestion | undefined {
  let cache = questionsByPassage.get(bank);
  if (!cache) questionsByPassage.set(bank, (cache = new Map()));
  let candidates = cache.get(passageId);
  if (!candidates) {
    // Only this passage's facts are asked about; distractors still come from the whole bank.
    const own: QuizBank = { ...bank, mentions: bank.mentions.filter((m) => m.passage.id === passageId) };
    candidates = allQuestions(own, 1).filter((q) => checkQuestion(q, bank.documents).length === 0);
    cache.set(passageId, candidates);
  }
  if (!candidates.length) return undefined;
  const random = seededRandom(seed >>> 0);
  return candidates[Math.floor(random() * candidates.length)];
}

/**
 * What the group is asked to talk about at a step: drawn from what the passage contains (a reason,
 * a date, a figure, people and places, a quotation), varied from step to step. It asks, and
 * never states a fact, so it cannot misquote the corpus.
 */
export function discussionPrompt(bank: QuizBank, passage: Chunk, step: number): string {
  const mentions = bank.mentions.filter((m) => m.passage.id === passage.id);
  const has = (kind: FactKind) => mentions.some((m) => m.entity.kind === kind);
  // Names as this passage writes them ("Putin", not the "Vladimir Putin" of elsewhere), one per entity.
  const byEntity = new Map<string, string>();
  for (const m of mentions) if ((m.entity.kind === 'person' || m.entity.kind === 'organisation' || m.entity.kind === 'place') && !byEntity.has(m.entity.key)) byEntity.set(m.entity.key, m.text);
  const named = [...byEntity.values()];
  const where = passage.section ? `the section “${passage.section}”` : 'the article’s opening';
  const prompts: string[] = [];
  if (has('cause')) prompts.push('The passage gives a reason for something. What is the reason, and how convincing is the evidence around it?');
  if (named.length >= 2) prompts.push(`What part do ${named[0]} and ${named[1]} play in this passage, and how does it fit ${where}?`);
  if (/[“"][^”"]{12,}[”"]/.test(passage.text)) prompts.push('Who is quoted or paraphrased here, and what does the wording tell you about their position?');
  if (has('date')) prompts.push('When does this take place, and why does the timing matter to the argument?');
  if (has('number')) prompts.push('Which figure does the passage give, and what does it show — or leave out?');
  prompts.push(
    'Sum the passage up in one sentence of your own. Which of its sentences carries the main claim?',
    'What would someone who disagrees with this passage say? What does it take for granted?',
    `How does this passage move the argument of ${where} forward?`,
  );
  return prompts[step % prompts.length]!;
}

/** The parts of a session that decide who may take part. */
export interface SessionAccess {
  startedBy: string;
  lockedRoleId: string | null;
  lockedRoleName: string | null;
}

export type AccessVerdict = { allowed: true } | { allowed: false; reason: string };

/**
 * Who takes part in a session (answers its check questions, moves it on, ends it): everyone when
 * it is open; when a moderator locked it to a role, members with that role, its starter and moderators.
 */
export function mayTakePart(member: MemberFacts, session: SessionAccess, settings: Pick<GuildSettings, 'moderatorRoleIds'>): AccessVerdict {
  if (!session.lockedRoleId) return { allowed: true };
  if (member.roleIds.includes(session.lockedRoleId) || member.userId === session.startedBy || isModerator(member, settings)) return { allowed: true };
  return { allowed: false, reason: `This study session is for members with the role “${session.lockedRoleName ?? 'chosen by the moderators'}”. Ask a moderator if you want to join.` };
}

/** Ending a session for everyone is for whoever started it and moderators; the others move it on with `/study next`. */
export function mayEndSession(member: MemberFacts, session: Pick<SessionAccess, 'startedBy'>, settings: Pick<GuildSettings, 'moderatorRoleIds'>): AccessVerdict {
  if (member.userId === session.startedBy || isModerator(member, settings)) return { allowed: true };
  return { allowed: false, reason: 'Only whoever started this study session, or a moderator, can end it. `/study next` moves it on.' };
}

/** Locking a session to a role is for moderators. */
export function mayLockSession(member: MemberFacts, settings: Pick<GuildSettings, 'moderatorRoleIds'>): AccessVerdict {
  return isModerator(member, settings) ? { allowed: true } : { allowed: false, reason: 'Only moderators (Manage Server, or a moderator role) can lock a study session to a role. Start it without a role, or ask a moderator.' };
}
