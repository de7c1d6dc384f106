/**
 * Asking the engine on behalf of Discord: resolve a follow-up against the earlier turns, prefer a
 * moderator-reviewed answer to the same question in the server, else answer (within the channel's
 * documents, offline when the server turned the model off), and record the answer so its buttons
 * keep working. Shared by /ask and questions by message (which compose first, to stay silent on
 * chatter that was not addressed to the bot, and record an edited question's answer in place of the
 * old one).
 */
import { ThreadAutoArchiveDuration, type Client, type Guild, type Message } from 'discord.js';
import { checkQuestion, type AskOptions } from '../engine.js';
import { refusesMessage } from '../answer/compose.js';
import type { AnswerRecord, AskedVia, MaybeReviewedAnswer } from '../store/index.js';
import type { BotContext } from './context.js';
import { carryKeyTerms, needsPreviousTurn } from '../retrieve/follow-up.js';
import { reviewedAnswerFor } from './moderation/reviewed.js';
import { analyzeQuestion } from '../retrieve/question.js';
import { questionWords } from './conversation.js';
import { readableText, truncate, type MentionNames } from './render.js';

export interface QuestionRequest {
  /** as the user wrote it */
  question: string;
  userId: string;
  guildId: string | null;
  channelId: string;
  via: AskedVia;
  /** earlier turns of the conversation, oldest first */
  previous?: AnswerRecord[];
  conversationId?: string | null;
  /** the documents the channel may draw on (undefined: all) */
  docIds?: string[];
  /** false: answer offline even when a model is configured (the server's setting) */
  llm?: boolean;
  /** the member's message that asked it (not for /ask) */
  questionMessageId?: string | null;
  /** names for the mentions in the question (see `mentionNames`) */
  names?: MentionNames;
}

/**
 * How a follow-up was read, when not as asked: rewritten by the model into a question of its own
 * (worth showing), or read together with the previous question (offline: its key terms were
 * appended, which reads badly, so the previous question is shown instead).
 */
export type Reading = { kind: 'rewritten'; question: string } | { kind: 'with-previous'; previous: string };

export interface ResolvedFollowUp {
  /** the question to answer */
  standalone: string;
  reading?: Reading;
}

export interface GivenAnswer {
  record: AnswerRecord;
  /** how the question was read, when not as asked */
  readAs?: Reading;
}

/** Answer a question and record it; FootnoteErrors (empty, too long) propagate for the caller to show. */
export async function answerQuestion(ctx: BotContext, request: QuestionRequest): Promise<GivenAnswer> {
  return recordAnswer(ctx, request, await composeAnswer(ctx, request));
}

export interface ComposedAnswer {
  answer: MaybeReviewedAnswer;
  /** the question answered */
  standalone: string;
  reading?: Reading;
}

/** The answer to a question, not yet recorded: the reviewed answer to the same question in the server, else the engine's. */
export async function composeAnswer(ctx: BotContext, request: QuestionRequest): Promise<ComposedAnswer> {
  // Answering is CPU work: let interactions that arrived in the same burst be acknowledged first.
  await new Promise((resolve) => setImmediate(resolve));
  // the engine is asked the words, not Discord's markup (mentions, emphasis, code blocks)
  const asked = questionWords(request.question, request.names);
  const { standalone, reading } = request.previous?.length ? await resolveFollowUp(ctx, asked, request.previous, request.llm) : { standalone: asked, reading: undefined };
  const reviewed = request.guildId ? reviewedAnswerFor(ctx, request.guildId, checkQuestion(standalone), request.docIds) : undefined;
  const options: AskOptions = { k: ctx.config.topK };
  if (request.docIds?.length) options.docIds = request.docIds;
  if (request.llm === false) options.llm = false;
  return { answer: reviewed ?? (await ctx.engine.ask(standalone, options)), standalone, reading };
}

/** Record an answer, before it is shown: its buttons carry its id. */
export async function recordAnswer(ctx: BotContext, request: QuestionRequest, composed: ComposedAnswer): Promise<GivenAnswer> {
  const record = await ctx.store.save(() =>
    ctx.store.answers.record({
      userId: request.userId,
      guildId: request.guildId,
      channelId: request.channelId,
      via: request.via,
      question: request.question,
      standalone: composed.standalone,
      answer: composed.answer,
      conversationId: request.conversationId ?? null,
      questionMessageId: request.questionMessageId ?? null,
    }),
  );
  return { record, readAs: composed.reading };
}

/**
 * Record the answer to an edited question in place of the one it had (same id, so the buttons on
 * its messages keep working; votes on the old answer go). Undefined when the answer is no longer
 * stored (forgotten or purged meanwhile).
 */
export async function reviseAnswer(ctx: BotContext, record: AnswerRecord, request: QuestionRequest, composed: ComposedAnswer): Promise<GivenAnswer | undefined> {
  const revised = await ctx.store.save(() => ctx.store.answers.revise(record.id, { question: request.question, standalone: composed.standalone, answer: composed.answer }));
  return revised && { record: revised, readAs: composed.reading };
}

/** Work on each question message, per bot: what is running or waiting for it (see `oneAtATime`). */
const questionWork = new WeakMap<BotContext, Map<string, Promise<void>>>();

/**
 * Run `fn` for a question message after whatever is already running or waiting for it: its answer
 * first, then an edit's new answer or a deletion's clean-up, in the order they came. An edit that
 * arrives while the answer is still being written would otherwise find nothing to edit.
 */
export function oneAtATime(ctx: BotContext, messageId: string, fn: () => Promise<void>): Promise<void> {
  let running = questionWork.get(ctx);
  if (!running) questionWork.set(ctx, (running = new Map()));
  const work = running;
  // nothing waiting: start at once, so a question takes its place in the queue in the order it arrived
  // (a slash command in the same burst of gateway events would otherwise get in first)
  const before = work.get(messageId);
  const run = before ? before.then(fn) : fn();
  const tail = run.catch(() => {});
  work.set(messageId, tail);
  void tail.then(() => {
    if (work.get(messageId) === tail) work.delete(messageId);
  });
  return run;
}

/** Question messages deleted while their answer was on its way, per bot: that answer is not shown. */
const withdrawnQuestions = new WeakMap<BotContext, Set<string>>();

/** Mark a question message deleted (true) until its clean-up is done (false). */
export function setWithdrawn(ctx: BotContext, messageId: string, withdrawn: boolean): void {
  let ids = withdrawnQuestions.get(ctx);
  if (!ids) withdrawnQuestions.set(ctx, (ids = new Set()));
  if (withdrawn) ids.add(messageId);
  else ids.delete(messageId);
}

/** Whether a question message was deleted while its answer was being written. */
export function isWithdrawn(ctx: BotContext, messageId: string): boolean {
  return withdrawnQuestions.get(ctx)?.has(messageId) ?? false;
}

/**
 * A follow-up as a standalone question: the model's condense step when answers are written by a
 * model (falling back when it fails), else the previous question's key terms carried over.
 */
export async function resolveFollowUp(ctx: BotContext, question: string, turns: AnswerRecord[], llm = true): Promise<ResolvedFollowUp> {
  // A message that was refused (an instruction to the bot, talk, another language) is no turn to read a follow-up with.
  const previous = turns.filter((r) => !refusesMessage(r.answer.answer));
  if (!previous.length) return { standalone: question, reading: undefined };
  // "thanks!" after an answer is not a question about the previous one.
  // A question that stands on its own ("What did Putin say about Iran?") is asked as it is, by the model too.
  if (analyzeQuestion(question).chatter || !needsPreviousTurn(question)) return { standalone: question, reading: undefined };
  const model = ctx.engine.llm;
  if (llm && ctx.engine.mode === 'llm' && model?.condense) {
    const history = previous.flatMap((r) => [`Question: ${r.standalone}`, `Answer: ${truncate(r.answer.answer, 400)}`]);
    const condensed = await model.condense(history, question);
    if (condensed) return { standalone: condensed, reading: condensed.trim() !== question.trim() ? { kind: 'rewritten', question: condensed } : undefined };
  }
  const { standalone, carried } = carryKeyTerms(question, previous.map((r) => r.standalone));
  // the previous question as its asker wrote it (its own reading may carry terms too)
  return { standalone, reading: carried.length ? { kind: 'with-previous', previous: previous[previous.length - 1]!.question } : undefined };
}

/** A thread on an answer's message, where follow-ups are answered without a mention; failures are logged. */
export async function openAnswerThread(ctx: BotContext, answerMessage: Message, record: AnswerRecord, question: string): Promise<void> {
  try {
    const name = threadName(question, answerMessage);
    const thread = await answerMessage.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    await ctx.store.save(() => ctx.store.conversations.open(thread.id, answerMessage.channelId, record.id));
  } catch (error) {
    ctx.log.warn('could not open a thread on an answer', { channel: answerMessage.channelId, message: answerMessage.id, reason: (error as Error)?.message });
  }
}

/** A thread named after the question it follows (mentions by name), within Discord's 100 characters. */
export function threadName(question: string, inServer: Message): string {
  return truncate(readableText(question, mentionNames(inServer)), 100) || 'Follow-up questions';
}

/** The names the client knows for the mentions in a message's (or an interaction's) server. */
export function mentionNames(where: { guild: Guild | null; client: Client }): MentionNames {
  const guild = where.guild;
  return {
    user: (id) => guild?.members.cache.get(id)?.displayName ?? where.client.users.cache.get(id)?.username,
    role: (id) => guild?.roles.cache.get(id)?.name,
    channel: (id) => guild?.channels.cache.get(id)?.name,
  };
}
