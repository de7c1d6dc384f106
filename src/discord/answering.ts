/**
 * Asking the engine on behalf of Discord: resolve a follow-up against the earlier turns, answer,
 * and record the answer so its buttons keep working. Shared by /ask and questions by message.
 */
import type { AnswerRecord, AskedVia } from '../store/index.js';
import type { BotContext } from './context.js';
import { carryKeyTerms } from './conversation.js';
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
}

export interface GivenAnswer {
  record: AnswerRecord;
  /** the standalone question answered, when it differs from what was asked */
  readAs?: string;
}

/** Answer a question and record it; FootnoteErrors (empty, too long) propagate for the caller to show. */
export async function answerQuestion(ctx: BotContext, request: QuestionRequest): Promise<GivenAnswer> {
  const standalone = request.previous?.length ? await resolveFollowUp(ctx, request.question, request.previous) : request.question;
  const answer = await ctx.engine.ask(standalone, { k: ctx.config.topK });
  const record = ctx.store.answers.record({
    userId: request.userId,
    guildId: request.guildId,
    channelId: request.channelId,
    via: request.via,
    question: request.question,
    standalone,
    answer,
    conversationId: request.conversationId ?? null,
  });
  return { record, readAs: standalone.trim() !== request.question.trim() ? standalone : undefined };
}

/**
 * A follow-up as a standalone question: the model's condense step when answers are written by a
 * model (falling back when it fails), else the previous question's key terms carried over.
 */
export async function resolveFollowUp(ctx: BotContext, question: string, previous: AnswerRecord[]): Promise<string> {
  const llm = ctx.engine.llm;
  if (ctx.engine.mode === 'llm' && llm?.condense) {
    const history = previous.flatMap((r) => [`Question: ${r.standalone}`, `Answer: ${truncate(r.answer.answer, 400)}`]);
    const condensed = await llm.condense(history, question);
    if (condensed) return condensed;
  }
  return carryKeyTerms(question, previous.map((r) => r.standalone)).standalone;
}
