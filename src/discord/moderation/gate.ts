/**
 * Whether a question is taken, and how it is answered, under its server's settings: blocks, allowed
 * roles, content rules and cooldowns (refused with the reason, and recorded); reply style, the
 * channel's documents, the language model switch and the questions-per-minute budget. Direct
 * messages have no server settings.
 */
import { FootnoteError } from '../../errors.js';
import type { AskedVia, GuildSettings, RefusalCode, ReplyStyle } from '../../store/index.js';
import { documentsFor, refuseQuestion } from '../../study/moderation.js';
import type { MemberFacts } from '../../study/permissions.js';
import type { BotContext } from '../context.js';

/**
 * A question refused by the server's rules; its message is for the asker. `record()` keeps it in the
 * moderation record: call it once the asker was answered (a write may wait for a busy database).
 * It never throws: a refusal that could not be recorded is logged.
 */
export class QuestionRefused extends FootnoteError {
  constructor(
    readonly refusal: RefusalCode,
    message: string,
    readonly record: () => Promise<void>,
  ) {
    super('BAD_ARGUMENT', message);
  }
}

/** How a taken question is answered. */
export interface Admission {
  /** the queue the question waits in ('' for direct messages, which have no budget) */
  queueKey: string;
  /** questions per minute allowed (0 = no limit) */
  limit: number;
  replyStyle: ReplyStyle;
  /**
   * /ask answers open a thread: only when the server chose the thread style itself (the operator's
   * FOOTNOTE_REPLY_THREADS default keeps its meaning: threads on answers to messages)
   */
  slashThreads: boolean;
  /** the documents the channel may draw on (undefined: all) */
  docIds?: string[];
  /** false: answer offline even when a model is configured */
  llm: boolean;
}

/**
 * A server's settings with the operator's defaults applied where the server chose nothing:
 * FOOTNOTE_REPLY_THREADS makes "thread" the default reply style.
 */
export function effectiveSettings(ctx: BotContext, guildId: string): GuildSettings {
  const settings = ctx.store.settings.get(guildId);
  if (ctx.store.settings.saved(guildId).replyStyle === undefined && ctx.settings.replyThreads) settings.replyStyle = 'thread';
  return settings;
}

/** Whether plain messages in a channel are questions: FOOTNOTE_QUESTION_CHANNELS or the server's question channels. */
export function isQuestionChannel(ctx: BotContext, guildId: string | null, channelId: string): boolean {
  if (ctx.settings.questionChannels.includes(channelId)) return true;
  return guildId !== null && ctx.store.settings.get(guildId).questionChannelIds.includes(channelId);
}

export interface QuestionContext {
  guildId: string | null;
  channelId: string;
  /** the parent channel when asked in a thread */
  parentId?: string | null;
  via: AskedVia;
  /** as written, the bot's mention removed */
  text: string;
  member: MemberFacts;
}

/**
 * Take a question or refuse it (thrown as QuestionRefused, to be recorded once the asker was told);
 * a taken question starts the member's cooldown.
 */
export function admitQuestion(ctx: BotContext, q: QuestionContext, now = Date.now()): Admission {
  if (!q.guildId) return { queueKey: '', limit: 0, replyStyle: ctx.settings.replyThreads ? 'thread' : 'inline', slashThreads: false, llm: true };
  const chosen = ctx.store.settings.saved(q.guildId).replyStyle;
  const settings = effectiveSettings(ctx, q.guildId);
  const refusal = refuseQuestion({
    settings,
    member: q.member,
    blocked: ctx.store.moderation.blockOf(q.guildId, q.member.userId) !== undefined,
    text: q.text,
    // read only where a cooldown applies: after a restart it is a read of the stored questions
    lastAskedAt: settings.memberCooldownSeconds ? ctx.moderation.lastAskedAt(q.guildId, q.member.userId) : undefined,
    now,
  });
  if (refusal) {
    const guildId = q.guildId;
    throw new QuestionRefused(refusal.code, refusal.message, async () => {
      try {
        await ctx.store.save(() => ctx.store.moderation.recordRefusal({ guildId, channelId: q.channelId, userId: q.member.userId, via: q.via, question: q.text, reason: refusal.code }, now));
      } catch (error) {
        ctx.log.warn('could not record a refused question', { reason: (error as Error)?.message });
      }
    });
  }
  ctx.moderation.noteAsked(q.guildId, q.member.userId, now);
  return {
    queueKey: q.guildId,
    limit: settings.questionsPerMinute,
    replyStyle: settings.replyStyle,
    slashThreads: chosen === 'thread',
    docIds: documentsFor(settings.channelDocuments, q.channelId, q.parentId),
    llm: settings.llmEnabled,
  };
}
