/**
 * Runs quiz rounds and study check questions in their channels. Everything a round needs is in the
 * store, so `drive` can be called at any time — after a question was created, when its timer fires,
 * when someone presses Reveal, after a restart — and does the next thing due: post the next
 * question, reveal one whose time is up, show a reveal that did not make it to Discord, end the
 * round. Timers only say when to look again; losing them (a restart) loses nothing.
 */
import { randomInt } from 'node:crypto';
import type { Client, Message, MessageEditOptions, MessageCreateOptions } from 'discord.js';
import type { QuizRound, RoundEnder, RoundQuestion } from '../../store/study.js';
import { withRanks } from '../../study/scores.js';
import { checkQuestion } from '../../study/quiz.js';
import type { BotContext } from '../context.js';
import type { OutgoingMessage } from '../render.js';
import { renderQuestion, renderReveal, renderRoundSummary, type QuestionView } from './render.js';

export interface StudyOptions {
  /** how long a quiz question stays open when /quiz is not told (ms) */
  questionMs: number;
  /** seeds quizzes and the choice of check questions; production draws a random one */
  seed: () => number;
}

export const DEFAULT_QUESTION_MS = 30_000;

interface StudyRuntime {
  options: StudyOptions;
  timers: Map<string, NodeJS.Timeout>;
  locks: Map<string, Promise<void>>;
  client?: Client;
  resumed?: Promise<void>;
}

const runtimes = new WeakMap<BotContext, StudyRuntime>();

/** The study tools' state for one bot: options, timers, per-round locks, the client. */
export function studyRuntime(ctx: BotContext): StudyRuntime {
  let rt = runtimes.get(ctx);
  if (!rt) {
    rt = { options: { questionMs: DEFAULT_QUESTION_MS, seed: () => randomInt(0, 2 ** 31 - 1) }, timers: new Map(), locks: new Map() };
    runtimes.set(ctx, rt);
  }
  return rt;
}

/** Override the study tools' options for a bot (tests use short time limits and fixed seeds). */
export function configureStudy(ctx: BotContext, options: Partial<StudyOptions>): void {
  Object.assign(studyRuntime(ctx).options, options);
}

/** Cancel every pending reveal timer (they are unref'd, so they never hold the process open either). */
export function stopStudyTimers(ctx: BotContext): void {
  const rt = studyRuntime(ctx);
  for (const timer of rt.timers.values()) clearTimeout(timer);
  rt.timers.clear();
}

/** Run `fn` alone for a key (a round, a channel): one process never drives the same round twice at once. */
export function exclusive<T>(ctx: BotContext, key: string, fn: () => Promise<T>): Promise<T> {
  const rt = studyRuntime(ctx);
  const previous = rt.locks.get(key) ?? Promise.resolve();
  const run = previous.then(fn);
  const tail = run.then(
    () => {},
    () => {},
  );
  rt.locks.set(key, tail);
  void tail.then(() => {
    if (rt.locks.get(key) === tail) rt.locks.delete(key);
  });
  return run;
}

export const roundKey = (roundId: string) => `round:${roundId}`;

/** Do whatever is due for a round (see the file header), under the round's lock. */
export function drive(ctx: BotContext, roundId: string): Promise<void> {
  return exclusive(ctx, roundKey(roundId), () => driveLocked(ctx, roundId));
}

/**
 * Stop a quiz now: the open question closes (and is revealed), questions not yet posted are passed
 * over, and the round ends with the scores so far. All of it is in the store before anything is
 * shown, so a restart in between finishes the job. False when the round was no longer running.
 */
export function stopQuiz(ctx: BotContext, roundId: string, stoppedBy: RoundEnder): Promise<boolean> {
  return exclusive(ctx, roundKey(roundId), async () => {
    const store = ctx.store.study;
    const at = Date.now();
    const stopped = await ctx.store.save(() => {
      if (store.getRound(roundId)?.status !== 'running') return false;
      for (const q of store.questions(roundId)) {
        if (q.revealedAt !== null) continue;
        if (q.messageId !== null) store.closeQuestion(roundId, q.position, at);
        else {
          store.claimReveal(roundId, q.position, at);
          store.markRevealShown(roundId, q.position);
        }
      }
      return true;
    });
    if (stopped) await driveLocked(ctx, roundId, { stoppedBy });
    return stopped;
  });
}

/** `drive` for a caller already holding the round's lock. */
export async function driveLocked(ctx: BotContext, roundId: string, ending: { stoppedBy?: RoundEnder } = {}): Promise<void> {
  const store = ctx.store.study;
  for (let guard = 0; guard < 1000; guard++) {
    const round = store.getRound(roundId);
    if (!round || round.status !== 'running') {
      clearTimer(ctx, roundId);
      return;
    }
    const questions = store.questions(roundId);
    const q = questions.find((x) => !x.revealShown);
    if (!q) {
      if (round.kind === 'quiz') await finishQuiz(ctx, round, ending.stoppedBy);
      return;
    }
    if (q.revealedAt !== null) {
      await showReveal(ctx, round, q);
      await ctx.store.save(() => store.markRevealShown(roundId, q.position));
      continue;
    }
    if (q.messageId === null) {
      // Never ship a question that does not check out against the corpus as loaded now.
      const problems = checkQuestion(q.question, ctx.engine.documents);
      if (problems.length) {
        ctx.log.warn('quiz question skipped: it no longer checks out against the corpus', { round: roundId, position: q.position, problems: problems.join('; ') });
        const at = Date.now();
        await ctx.store.save(() => {
          store.claimReveal(roundId, q.position, at);
          store.markRevealShown(roundId, q.position);
        });
        continue;
      }
      if (!(await postQuestion(ctx, round, q))) {
        // A channel that cannot take the question (deleted, no permission) must not hold the round forever.
        const at = Date.now();
        if (round.kind === 'quiz' && (await ctx.store.save(() => store.finishRound(roundId, at)))) clearTimer(ctx, roundId);
        return;
      }
      continue;
    }
    if (q.deadlineAt === null) return;
    const now = Date.now();
    if (q.deadlineAt <= now) {
      await ctx.store.save(() => store.claimReveal(roundId, q.position, now));
      continue;
    }
    schedule(ctx, roundId, q.deadlineAt);
    return;
  }
  ctx.log.warn('quiz round did not settle', { round: roundId });
}

/** Close every open question of a round now (a study session moving on); `driveLocked` then reveals them. */
export function closeOpenQuestions(ctx: BotContext, roundId: string): Promise<void> {
  const now = Date.now();
  return ctx.store.save(() => {
    for (const q of ctx.store.study.questions(roundId)) {
      if (q.messageId !== null && q.revealedAt === null) ctx.store.study.closeQuestion(roundId, q.position, now);
    }
  });
}

function schedule(ctx: BotContext, roundId: string, at: number): void {
  const rt = studyRuntime(ctx);
  clearTimer(ctx, roundId);
  const timer = setTimeout(
    () => {
      rt.timers.delete(roundId);
      // Shutting down: the next start-up (or the next press) reveals it.
      if (!ctx.work.accepting) return;
      ctx.work.track(drive(ctx, roundId)).catch((error) => ctx.log.error('quiz timer failed', error, { round: roundId }));
    },
    Math.max(0, at - Date.now()) + 20,
  );
  timer.unref();
  rt.timers.set(roundId, timer);
}

function clearTimer(ctx: BotContext, roundId: string): void {
  const rt = studyRuntime(ctx);
  clearTimeout(rt.timers.get(roundId));
  rt.timers.delete(roundId);
}

// ---------------------------------------------------------------------------------------------------------------
// Discord

interface MessageChannel {
  id: string;
  send(options: MessageCreateOptions): Promise<Message>;
  messages: { edit(id: string, options: MessageEditOptions): Promise<Message> };
}

/** A channel or thread the bot can post in and edit its messages, fetched when not cached (after a restart). */
export async function messageChannel(ctx: BotContext, channelId: string): Promise<MessageChannel> {
  const client = studyRuntime(ctx).client;
  if (!client) throw new Error('the study tools have no client yet');
  const channel = await client.channels.fetch(channelId);
  if (!channel || !channel.isSendable() || !('messages' in channel)) throw new Error(`channel ${channelId} does not take messages`);
  return channel as unknown as MessageChannel;
}

/** Post a message in a channel; the payload's embeds and buttons are plain API objects. */
export async function post(ctx: BotContext, channelId: string, payload: OutgoingMessage): Promise<Message> {
  const channel = await messageChannel(ctx, channelId);
  return channel.send(payload as MessageCreateOptions);
}

export function documentTitle(ctx: BotContext, docId: string): string {
  return ctx.engine.documents.get(docId)?.meta.title ?? docId;
}

/**
 * The titles of the documents some questions or passages come from, when that is not every document
 * of the corpus (a channel limited by /config channel-documents), so nothing claims "the whole corpus".
 */
export function documentsShown(ctx: BotContext, docIds: Iterable<string>): string[] | undefined {
  const ids = [...new Set(docIds)];
  return ids.length && ids.length < ctx.engine.documents.size ? ids.map((id) => documentTitle(ctx, id)) : undefined;
}

function questionView(ctx: BotContext, round: QuizRound, q: RoundQuestion): QuestionView {
  let heading = `Question ${q.position + 1} of ${round.questionCount}`;
  if (round.kind === 'study' && round.sessionId) {
    const session = ctx.store.study.getSession(round.sessionId);
    const step = session ? session.steps.indexOf(q.question.evidence.passageId) : -1;
    heading = step >= 0 ? `Check question — step ${step + 1} of ${session!.steps.length}` : 'Check question';
  }
  return { roundId: round.id, position: q.position, question: q.question, heading, documentTitle: documentTitle(ctx, q.question.evidence.docId) };
}

async function postQuestion(ctx: BotContext, round: QuizRound, q: RoundQuestion): Promise<boolean> {
  const now = Date.now();
  const deadline = round.timeLimitMs === null ? null : now + round.timeLimitMs;
  let sent: Message;
  try {
    sent = await post(ctx, round.channelId, renderQuestion({ ...questionView(ctx, round, q), closesAt: deadline, revealButton: round.kind === 'quiz' }));
  } catch (error) {
    ctx.log.warn('could not post a quiz question', { round: round.id, position: q.position, channel: round.channelId, reason: (error as Error)?.message });
    return false;
  }
  await ctx.store.save(() => ctx.store.study.markPosted(round.id, q.position, sent.id, now, deadline));
  return true;
}

/** A question with its answer revealed, and who answered it, as stored now. */
export function revealMessage(ctx: BotContext, round: QuizRound, q: RoundQuestion): OutgoingMessage {
  return renderReveal({ ...questionView(ctx, round, q), answers: ctx.store.study.answersTo(round.id, q.position) });
}

async function showReveal(ctx: BotContext, round: QuizRound, q: RoundQuestion): Promise<void> {
  if (!q.messageId) return;
  try {
    const channel = await messageChannel(ctx, round.channelId);
    await channel.messages.edit(q.messageId, revealMessage(ctx, round, q) as MessageEditOptions);
  } catch (error) {
    ctx.log.warn('could not show a quiz answer', { round: round.id, position: q.position, reason: (error as Error)?.message });
  }
}

/** A finished quiz's summary with its scores, as stored now. */
export function roundSummaryMessage(ctx: BotContext, round: QuizRound): OutgoingMessage {
  const results = withRanks(ctx.store.study.roundResults(round.id).map((r) => ({ ...r, points: r.correct })));
  const questions = ctx.store.study.questions(round.id);
  const asked = questions.filter((q) => q.messageId !== null).length;
  const documents = documentsShown(ctx, questions.map((q) => q.question.evidence.docId));
  return renderRoundSummary({ section: round.section, documents, questions: round.questionCount, asked, stopped: round.endedBy !== null, stoppedBy: round.endedByName ?? undefined, results });
}

async function finishQuiz(ctx: BotContext, round: QuizRound, stoppedBy?: RoundEnder): Promise<void> {
  const at = Date.now();
  if (!(await ctx.store.save(() => ctx.store.study.finishRound(round.id, at, stoppedBy)))) return;
  clearTimer(ctx, round.id);
  let sent: Message;
  try {
    sent = await post(ctx, round.channelId, roundSummaryMessage(ctx, ctx.store.study.getRound(round.id)!));
  } catch (error) {
    ctx.log.warn('could not post the quiz summary', { round: round.id, reason: (error as Error)?.message });
    return;
  }
  // it shows the members' names: /forget-me shows it again without theirs
  await ctx.store.save(() => ctx.store.study.markSummaryPosted(round.id, sent.id));
}
