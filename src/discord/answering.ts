/**
 * Asking the engine on behalf of Discord: resolve a follow-up against the earlier turns, prefer a
 * moderator-reviewed answer to the same question in the server, else answer (within the channel's
 * documents, offline when the server turned the model off), and record the answer so its buttons
 * keep working. Shared by /ask and questions by message.
 */
import { ThreadAutoArchiveDuration, type Message } from 'discord.js';
import { checkQuestion, type AskOptions } from '../engine.js';
import type { AnswerRecord, AskedVia } from '../store/index.js';
import type { BotContext } from './context.js';
import { carryKeyTerms } from './conversation.js';
import { reviewedAnswerFor } from './moderation/reviewed.js';
import { truncate } from './render.js';

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
}

export interface GivenAnswer {
  record: AnswerRecord;
  /** the standalone question answered, when it differs from what was asked */
  readAs?: string;
}

/** Answer a question and record it; FootnoteErrors (empty, too long) propagate for the caller to show. */
export async function answerQuestion(ctx: BotContext, request: QuestionRequest): Promise<GivenAnswer> {
  // Answering is CPU work: let interactions that arrived in the same burst be acknowledged first.
  await new Promise((resolve) => setImmediate(resolve));
  const standalone = request.previous?.length ? await resolveFollowUp(ctx, request.question, request.previous, request.llm) : request.question;
  const reviewed = request.guildId ? reviewedAnswerFor(ctx, request.guildId, checkQuestion(standalone), request.docIds) : undefined;
  const options: AskOptions = { k: ctx.config.topK };
  if (request.docIds?.length) options.docIds = request.docIds;
  if (request.llm === false) options.llm = false;
  const answer = reviewed ?? (await ctx.engine.ask(standalone, options));
  // saved before it is shown: its buttons carry its id
  const record = await ctx.store.save(() =>
    ctx.store.answers.record({
      userId: request.userId,
      guildId: request.guildId,
      channelId: request.channelId,
      via: request.via,
      question: request.question,
      standalone,
      answer,
      conversationId: request.conversationId ?? null,
    }),
  );
  return { record, readAs: standalone.trim() !== request.question.trim() ? standalone : undefined };
}

/**
 * A follow-up as a standalone question: the model's condense step when answers are written by a
 * model (falling back when it fails), else the previous question's key terms carried over.
 */
export async function resolveFollowUp(ctx: BotContext, question: string, previous: AnswerRecord[], llm = true): Promise<string> {
  const model = ctx.engine.llm;
  if (llm && ctx.engine.mode === 'llm' && model?.condense) {
    const history = previous.flatMap((r) => [`Question: ${r.standalone}`, `Answer: ${truncate(r.answer.answer, 400)}`]);
    const condensed = await model.condense(history, question);
    if (condensed) return condensed;
  }
  return carryKeyTerms(question, previous.map((r) => r.standalone)).standalone;
}

/** A thread on an answer's message, where follow-ups are answered without a mention; failures are logged. */
export async function openAnswerThread(ctx: BotContext, answerMessage: Message, record: AnswerRecord, question: string): Promise<void> {
  try {
    const name = truncate(question.replace(/\s+/g, ' ').trim(), 100) || 'Follow-up questions';
    const thread = await answerMessage.startThread({ name, autoArchiveDuration: ThreadAutoArchiveDuration.OneDay });
    await ctx.store.save(() => ctx.store.conversations.open(thread.id, answerMessage.channelId, record.id));
  } catch (error) {
    ctx.log.warn('could not open a thread on an answer', { channel: answerMessage.channelId, message: answerMessage.id, reason: (error as Error)?.message });
  }
}
