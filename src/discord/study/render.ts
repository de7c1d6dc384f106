/**
 * Quizzes, scores and study sessions as Discord messages: plain API objects, no client. Every
 * message respects Discord's limits and parses no mention; names and corpus text are escaped, so a
 * member called "@everyone" or "<@123>" is shown, never pinged.
 */
import { ButtonStyle, ComponentType, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { MemberProgress, QuizAnswer, RoundSource } from '../../store/study.js';
import { accuracy, type SectionCoverage } from '../../study/scores.js';
import { sectionLabel } from '../../study/session.js';
import type { QuizQuestion } from '../../study/quiz.js';
import { encodeCustomId } from '../custom-id.js';
import { escapeText, LIMITS, NO_MENTIONS, truncate, type ButtonRow, type OutgoingMessage, type PassageView } from '../render.js';
import { encodeStudyId } from './ids.js';
import { plural } from '../../ingest/text.js';

const COLOR = { quiz: 0x6b46c1, right: 0x2f855a, wrong: 0xc53030, revealed: 0x4a5568, study: 0xb7791f };
const LETTERS = ['A', 'B', 'C', 'D', 'E'];
const MAX_NAMES = 15;

function message(embeds: APIEmbed[], components: ButtonRow[] = [], content?: string): OutgoingMessage {
  return { ...(content === undefined ? {} : { content }), embeds, components, allowedMentions: NO_MENTIONS };
}

function row(components: APIButtonComponentWithCustomId[]): ButtonRow {
  return { type: ComponentType.ActionRow, components };
}

function button(customId: string, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger, disabled = false): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label: truncate(label, LIMITS.buttonLabel), style, ...(disabled ? { disabled: true } : {}) };
}

/** A member's stored name, escaped and cut: shown as text, never parsed as a mention. */
export function shownName(name: string): string {
  return escapeText(truncate(name.replace(/\s+/g, ' ').trim() || 'someone', 64));
}

function namesList(names: string[]): string {
  const shown = names.slice(0, MAX_NAMES).map(shownName).join(', ');
  return names.length > MAX_NAMES ? `${shown} and ${names.length - MAX_NAMES} more` : shown;
}

function seconds(ms: number): string {
  return ms % 60_000 === 0 && ms >= 60_000 ? `${ms / 60_000} min` : `${Math.round(ms / 100) / 10} s`;
}

/** A Discord timestamp: every reader sees it in their own time zone ("in 25 seconds"). */
function relativeTime(at: number): string {
  return `<t:${Math.ceil(at / 1000)}:R>`;
}

/** What a quiz or session is about: its section, else the documents it was limited to, else the whole corpus. */
function scopeLabel(section: string | null, documents?: readonly string[]): string {
  if (section === null && documents?.length) return documents.map((d) => `“${d}”`).join(', ');
  return sectionLabel(section);
}

/** The quote shown as proof: the exact sentence of the corpus, escaped (unescaping gives it back). */
function quoteField(q: QuizQuestion): APIEmbedField {
  const quote = escapeText(q.evidence.quote.text);
  return { name: 'Passage', value: quote.length + 2 <= LIMITS.fieldValue ? `“${quote}”` : `“${truncate(quote, LIMITS.fieldValue - 3)}”` };
}

function whereField(q: QuizQuestion, documentTitle: string): APIEmbedField {
  return {
    name: 'Where',
    value: truncate(`${escapeText(documentTitle)} · ${escapeText(sectionLabel(q.evidence.section))} · paragraph ${q.evidence.paragraph} · \`${q.evidence.passageId}\``, LIMITS.fieldValue),
  };
}

function optionLines(q: QuizQuestion, mark?: (i: number) => string): string {
  return q.options.map((o, i) => `${mark ? mark(i) : ''}**${LETTERS[i]}.** ${escapeText(o)}`).join('\n');
}

export interface QuestionView {
  roundId: string;
  position: number;
  question: QuizQuestion;
  /** "Question 2 of 5", "Check question — step 3 of 17" */
  heading: string;
  documentTitle: string;
}

/** A question open for answers: one button per option (custom ids carry round, question and choice). */
export function renderQuestion(view: QuestionView & { closesAt: number | null; revealButton: boolean }): OutgoingMessage {
  const q = view.question;
  const closing = view.closesAt === null ? 'The answer is revealed when the session moves on (`/study next`).' : `The answer is revealed ${relativeTime(view.closesAt)}.`;
  const embed: APIEmbed = {
    title: truncate(escapeText(view.heading), LIMITS.title),
    description: truncate(`**${escapeText(q.prompt)}**\n\n${optionLines(q)}\n\n${closing}`, LIMITS.description),
    color: COLOR.quiz,
    fields: [{ name: 'Section', value: truncate(escapeText(sectionLabel(q.evidence.section)), LIMITS.fieldValue), inline: true }],
    footer: { text: 'Press a button to answer: one answer each; you see privately whether you were right.' },
  };
  const options = q.options.map((o, i) => button(encodeStudyId({ kind: 'answer', roundId: view.roundId, position: view.position, choice: i }), `${LETTERS[i]}. ${o}`, ButtonStyle.Primary));
  const rows = [row(options)];
  if (view.revealButton) {
    rows.push(
      row([
        button(encodeStudyId({ kind: 'reveal', roundId: view.roundId, position: view.position }), 'Reveal now (quiz starter or moderators)', ButtonStyle.Secondary),
        button(encodeStudyId({ kind: 'stop', roundId: view.roundId, position: view.position }), 'Stop quiz', ButtonStyle.Danger),
      ]),
    );
  }
  return message([embed], rows);
}

/** The question after its answer is revealed: the right option, the passage that proves it, and who got it. */
export function renderReveal(view: QuestionView & { answers: Pick<QuizAnswer, 'choice' | 'correct' | 'userName'>[]; note?: string }): OutgoingMessage {
  const q = view.question;
  const counts = q.options.map((_, i) => view.answers.filter((a) => a.choice === i).length);
  const right = view.answers.filter((a) => a.correct).map((a) => a.userName);
  const results = view.answers.length
    ? `${view.answers.length} answered, ${right.length} right${right.length ? `: ${namesList(right)}` : '.'}`
    : 'Nobody answered this one.';
  const embed: APIEmbed = {
    title: truncate(`${escapeText(view.heading)} — answer`, LIMITS.title),
    description: truncate(`**${escapeText(q.prompt)}**\n\n${optionLines(q, (i) => (i === q.correctIndex ? '✅ ' : '▫️ '))}`, LIMITS.description),
    color: COLOR.revealed,
    fields: [
      { name: 'Answer', value: truncate(`**${LETTERS[q.correctIndex]}. ${escapeText(q.options[q.correctIndex]!)}**`, LIMITS.fieldValue) },
      quoteField(q),
      whereField(q, view.documentTitle),
      { name: 'Results', value: truncate(`${results}${counts.some(Boolean) ? `\n${counts.map((n, i) => `${LETTERS[i]}: ${n}`).join(' · ')}` : ''}`, LIMITS.fieldValue) },
    ],
    ...(view.note ? { footer: { text: truncate(view.note, LIMITS.footer) } } : {}),
  };
  const options = q.options.map((o, i) =>
    button(encodeStudyId({ kind: 'answer', roundId: view.roundId, position: view.position, choice: i }), `${LETTERS[i]}. ${o}`, i === q.correctIndex ? ButtonStyle.Success : ButtonStyle.Secondary, true),
  );
  const rows = [row(options)];
  const show = encodeCustomId({ kind: 'show', passageId: q.evidence.passageId });
  if (show) rows.push(row([button(show, 'Read the whole passage', ButtonStyle.Secondary)]));
  return message([embed], rows);
}

/** What a member sees privately after answering: right or not, and the proof. */
export function renderAnswerFeedback(view: { question: QuizQuestion; answer: Pick<QuizAnswer, 'choice' | 'correct'>; documentTitle: string; score?: { points: number; answered: number; correct: number }; again?: boolean }): OutgoingMessage {
  const q = view.question;
  const chose = `**${LETTERS[view.answer.choice]}. ${escapeText(q.options[view.answer.choice] ?? '?')}**`;
  const correct = `**${LETTERS[q.correctIndex]}. ${escapeText(q.options[q.correctIndex]!)}**`;
  const lead = view.again ? 'You already answered this question — one answer each. ' : '';
  const embed: APIEmbed = {
    title: view.answer.correct ? '✅ Right' : '❌ Not quite',
    description: truncate(view.answer.correct ? `${lead}You chose ${chose}, the right answer.` : `${lead}You chose ${chose}; the right answer is ${correct}.`, LIMITS.description),
    color: view.answer.correct ? COLOR.right : COLOR.wrong,
    fields: [quoteField(q), whereField(q, view.documentTitle)],
    ...(view.score ? { footer: { text: `Your score in this server: ${plural(view.score.points, 'point')} (${view.score.correct} of ${view.score.answered} right).` } } : {}),
  };
  return message([embed]);
}

/** "Started by **name**. ", opening a quiz's or a study session's intro. */
const startedByLine = (name: string) => `Started by **${shownName(name)}**. `;
/** The escaped name cannot hold `**`, so the line ends at the first `**. `. */
const STARTED_BY = /^Started by \*\*[\s\S]*?\*\*\. /;

/** "Moved on by name · ", opening a study step's footer (plain text: footers show no Markdown). */
const movedByLine = (name: string) => `Moved on by ${truncate(name, 64)} · `;
/** The rest of a step's footer is one of two sentences, so the name ends at the last " · " before them. */
const MOVED_BY = /^Moved on by [\s\S]* · (?=A check question follows\. |No check question for this passage: )/;

/**
 * A quiz's or study session's intro, or a study step, as posted, without the name of who started it
 * or moved the session on (/forget-me); undefined when it names nobody. Their other inputs are not
 * stored, so the message is changed rather than rendered again.
 */
export function withoutActorName(embeds: APIEmbed[]): APIEmbed[] | undefined {
  const [first, ...rest] = embeds;
  if (!first) return undefined;
  const description = first.description?.replace(STARTED_BY, '');
  const footer = first.footer?.text.replace(MOVED_BY, '');
  if (description === first.description && footer === first.footer?.text) return undefined;
  return [{ ...first, ...(description === undefined ? {} : { description }), ...(first.footer && footer !== undefined ? { footer: { ...first.footer, text: footer } } : {}) }, ...rest];
}

export function renderQuizIntro(view: { count: number; requested: number; section: string | null; documents?: string[]; timeLimitMs: number; startedBy: string; shortfall?: string; source: RoundSource }): OutgoingMessage {
  const lines = [
    `${startedByLine(view.startedBy)}${view.count === 1 ? `1 question; it stays open ${seconds(view.timeLimitMs)}` : `${view.count} questions follow one at a time; each stays open ${seconds(view.timeLimitMs)}`}, then its answer is revealed with the passage that proves it.`,
    'Press a button to answer — one answer per member and question. Each right answer scores a point in this server (`/leaderboard`, `/progress`).',
  ];
  if (view.count < view.requested && view.shortfall) lines.push(`*${escapeText(view.shortfall)}*`);
  if (view.source !== 'offline') lines.push('*Some questions were written by the language model; each was kept only because its passage contains the marked answer.*');
  return message([{ title: truncate(`Quiz on ${escapeText(scopeLabel(view.section, view.documents))}`, LIMITS.title), description: truncate(lines.join('\n\n'), LIMITS.description), color: COLOR.quiz }]);
}

export interface RankedResult {
  rank: number;
  userName: string;
  answered: number;
  correct: number;
}

function resultLines(results: RankedResult[], max: number): string {
  const lines = results.slice(0, max).map((r) => `**${r.rank}.** ${shownName(r.userName)} — ${r.correct} of ${r.answered} right`);
  if (results.length > max) lines.push(`…and ${results.length - max} more.`);
  return lines.join('\n');
}

/**
 * The end of a quiz with its scores. `asked`: questions posted, when fewer than planned (stopped
 * early, or a question skipped); `stopped`: someone pressed Stop quiz — `stoppedBy`, when they are
 * named (not when they asked to be forgotten).
 */
export function renderRoundSummary(view: { section: string | null; documents?: string[]; questions: number; asked?: number; stopped?: boolean; stoppedBy?: string; results: RankedResult[] }): OutgoingMessage {
  const body = view.results.length ? resultLines(view.results, 20) : 'Nobody answered this time.';
  const on = escapeText(scopeLabel(view.section, view.documents));
  const asked = view.asked ?? view.questions;
  const what = view.stopped || view.stoppedBy
    ? `Stopped${view.stoppedBy ? ` by **${shownName(view.stoppedBy)}**` : ''} after ${asked} of ${plural(view.questions, 'question')} on ${on}.${view.results.length ? ' Scores so far:' : ''}`
    : asked < view.questions
      ? `${asked} of ${plural(view.questions, 'question')} asked, on ${on}.`
      : `${plural(view.questions, 'question')} on ${on}.`;
  return message([
    {
      title: 'Quiz over',
      description: truncate(`${what}\n\n${body}`, LIMITS.description),
      color: COLOR.quiz,
      footer: { text: '/leaderboard for the server’s standings · /progress for your own history' },
    },
  ]);
}

export interface LeaderboardRow {
  rank: number;
  userId: string;
  userName: string;
  points: number;
  answered: number;
  correct: number;
}

export function renderLeaderboard(view: { rows: LeaderboardRow[]; me?: LeaderboardRow; members: number }): OutgoingMessage {
  if (!view.rows.length) {
    return message([{ title: 'Leaderboard', description: 'Nobody has answered a quiz question in this server yet. Start a quiz with `/quiz`.', color: COLOR.quiz }]);
  }
  const line = (r: LeaderboardRow) => `**${r.rank}.** ${shownName(r.userName)} — ${plural(r.points, 'point')} · ${r.correct} of ${r.answered} right (${accuracy(r.correct, r.answered)})`;
  const lines = view.rows.map(line);
  const meShown = view.me && view.rows.some((r) => r.userId === view.me!.userId);
  const footer = view.me ? (meShown ? undefined : `You: rank ${view.me.rank} with ${plural(view.me.points, 'point')}.`) : 'You have not answered a quiz question here yet.';
  return message([
    {
      title: 'Leaderboard',
      description: truncate(lines.join('\n'), LIMITS.description),
      color: COLOR.quiz,
      footer: { text: `${footer ? `${footer} ` : ''}${plural(view.members, 'member')} with a score · one point per right answer` },
    },
  ]);
}

export function renderProgress(view: { progress: MemberProgress; coverage: SectionCoverage[]; name: string }): OutgoingMessage {
  const { progress } = view;
  const score = progress.score;
  if (!score && !progress.recent.length) {
    return message([{ title: 'Your progress', description: 'You have not answered a quiz question in this server yet. Try `/quiz`, or join a `/study` session.', color: COLOR.quiz }]);
  }
  const fields: APIEmbedField[] = [];
  if (score) {
    fields.push(
      { name: 'Score', value: `${plural(score.points, 'point')} · rank ${progress.rank} of ${progress.members}`, inline: true },
      { name: 'Answered', value: `${score.answered} (${score.correct} right, ${accuracy(score.correct, score.answered)})`, inline: true },
    );
  }
  fields.push({ name: 'Played', value: `${plural(progress.rounds, 'round')}, of which ${plural(progress.studySessions, 'study session')}`, inline: true });
  const covered = view.coverage.filter((c) => c.covered).length;
  const sectionLines = view.coverage.map((c) => (c.covered ? `✅ ${escapeText(sectionLabel(c.section))} — ${c.correct} of ${c.answered} right` : `▫️ ${escapeText(sectionLabel(c.section))} — not yet`));
  fields.push({ name: `Sections covered: ${covered} of ${view.coverage.length}`, value: truncate(sectionLines.join('\n') || '—', LIMITS.fieldValue) });
  if (progress.recent.length) {
    const recent = progress.recent.map(
      (a) => `${a.correct ? '✅' : '❌'} <t:${Math.floor(a.answeredAt / 1000)}:d> ${escapeText(truncate(a.prompt.replace(/^Fill in the blank: |^According to the article, /, ''), 90))}`,
    );
    let value = '';
    for (const line of recent) {
      if (value.length + line.length + 1 > LIMITS.fieldValue) break;
      value += `${value ? '\n' : ''}${line}`;
    }
    fields.push({ name: 'Recent answers', value });
  }
  return message([{ title: truncate(`Your progress, ${shownName(view.name)}`, LIMITS.title), color: COLOR.quiz, fields }]);
}

export function renderSessionIntro(view: { section: string | null; documents?: string[]; steps: number; lockedRoleName: string | null; startedBy: string }): OutgoingMessage {
  const lines = [
    `${startedByLine(view.startedBy)}The thread below walks through ${plural(view.steps, 'passage')} of ${escapeText(scopeLabel(view.section, view.documents))}, one step at a time: the passage, a question to discuss, and a check question.`,
    '`/study next` moves on; `/study end` (for whoever started it, or a moderator) finishes with the group’s scores.',
  ];
  if (view.lockedRoleName) lines.push(`🔒 For members with the role **${escapeText(view.lockedRoleName)}** (and moderators).`);
  return message([{ title: truncate(`Study session: ${escapeText(scopeLabel(view.section, view.documents))}`, LIMITS.title), description: truncate(lines.join('\n\n'), LIMITS.description), color: COLOR.study }]);
}

/** One step of a session: the passage's exact text, where it stands, and what to discuss. */
export function renderStudyStep(view: { passage: PassageView; step: number; total: number; prompt: string; movedBy?: string; hasCheck: boolean }): OutgoingMessage {
  const p = view.passage;
  const text = escapeText(p.text);
  const embed: APIEmbed = {
    title: truncate(`Step ${view.step + 1} of ${view.total} — ${escapeText(sectionLabel(p.section))}`, LIMITS.title),
    description: text.length <= LIMITS.description ? text : truncate(text, LIMITS.description),
    color: COLOR.study,
    fields: [
      { name: 'Discuss', value: truncate(escapeText(view.prompt), LIMITS.fieldValue) },
      { name: 'Document', value: truncate(escapeText(p.title), LIMITS.fieldValue), inline: true },
      { name: 'Paragraph', value: String(p.paragraph), inline: true },
      { name: 'Passage id', value: `\`${p.id}\``, inline: true },
    ],
    footer: {
      text: `${view.movedBy ? movedByLine(view.movedBy) : ''}${view.hasCheck ? 'A check question follows.' : 'No check question for this passage: discuss it.'} /study next moves on, /study end finishes.`,
    },
  };
  return message([embed]);
}

/** The end of a study session with the group's scores; `endedBy` is left out when they asked to be forgotten. */
export function renderSessionSummary(view: { section: string | null; documents?: string[]; covered: number; total: number; questions: number; results: RankedResult[]; endedBy?: string }): OutgoingMessage {
  const scores = view.results.length ? resultLines(view.results, 25) : 'Nobody answered a check question.';
  return message([
    {
      title: 'Study session over',
      description: truncate(
        `${view.endedBy ? `Ended by **${shownName(view.endedBy)}**. ` : ''}The group covered ${view.covered} of ${plural(view.total, 'passage')} of ${escapeText(scopeLabel(view.section, view.documents))} and ${plural(view.questions, 'check question')}.\n\n**Scores for this session**\n${scores}`,
        LIMITS.description,
      ),
      color: COLOR.study,
      footer: { text: 'Check answers count towards the server’s /leaderboard · /progress for your own history' },
    },
  ]);
}
