import { ChannelType, Events, type Message } from 'discord.js';
import type { AnswerRecord, AskedVia, Conversation } from '../../store/index.js';
import { composeAnswer, openAnswerThread, recordAnswer, type GivenAnswer, type QuestionRequest } from '../answering.js';
import type { BotContext } from '../context.js';
import { DM_FOLLOW_UP_MS, stripBotMention } from '../conversation.js';
import { needsPreviousTurn } from '../../retrieve/follow-up.js';
import { admitQuestion, isQuestionChannel, QuestionRefused, type Admission } from '../moderation/gate.js';
import { messageMember } from '../moderation/members.js';
import { QueueNotice, RESTARTING_WHILE_QUEUED } from '../moderation/notice.js';
import { isNotAQuestion, NO_MENTIONS, NOT_A_QUESTION_HINT, renderAnswer, renderNotice, type OutgoingMessage } from '../render.js';
import { describeError } from '../respond.js';
import { analyzeQuestion, asksNothing } from '../../retrieve/question.js';
import type { BotEvent } from './index.js';

/**
 * Questions by message: mentions, DMs, question channels (FOOTNOTE_QUESTION_CHANNELS and the
 * server's own), thread follow-ups and replies to an answer, under the server's settings. Where the
 * bot reads every message (question channels, its threads), a message that is not a question gets
 * no reply.
 */
const messageCreate: BotEvent<Events.MessageCreate> = {
  name: Events.MessageCreate,
  execute(ctx, message) {
    // Bots (this one included) are never answered: no loops, no echo chambers.
    if (message.author.bot || message.system || message.webhookId) return;
    if (!ctx.work.accepting) return;
    const asked = classify(ctx, message);
    if (!asked) return;
    void ctx.work.track(answerMessage(ctx, message, asked));
  },
};

export default messageCreate;

interface Asked {
  via: AskedVia;
  text: string;
  mentioned: boolean;
  /** written to the bot (a mention, a DM, a reply to its answer), not just posted where it reads every message */
  addressed: boolean;
  conversation?: Conversation;
  /** the answer this message replies to (in a DM, also the member's recent answer a follow-up leans on) */
  repliedTo?: AnswerRecord;
}

/** Whether a message is a question for the bot, and how it came. */
function classify(ctx: BotContext, message: Message): Asked | undefined {
  const botId = message.client.user.id;
  const botRole = message.guild?.members.me?.roles.botRole?.id;
  const mentioned = message.mentions.users.has(botId) || (botRole !== undefined && message.mentions.roles.has(botRole));
  const text = stripBotMention(message.content, botId, botRole ? [botRole] : []);
  const conversation = message.channel.isThread() ? ctx.store.conversations.get(message.channelId) : undefined;
  const repliedTo = message.reference?.messageId ? ctx.store.answers.byMessage(message.reference.messageId) : undefined;
  let via: AskedVia | undefined;
  if (conversation) via = 'thread';
  else if (repliedTo && (mentioned || text)) via = 'reply';
  else if (!message.guildId) via = 'dm';
  else if (mentioned) via = 'mention';
  else if (isQuestionChannel(ctx, message.guildId, message.channelId)) via = 'channel';
  if (!via) return undefined;
  // Without the Message Content intent, messages that do not mention the bot arrive empty.
  if (!text && !mentioned) return undefined;
  const addressed = mentioned || via === 'dm' || via === 'reply';
  // Where the bot reads every message, talk ("thanks!", "lol nice") is not for it: no reply, no cooldown.
  if (!addressed && analyzeQuestion(text).chatter) return undefined;
  // "why?" in a DM follows up the member's recent question there, as a reply to its answer would
  const followed = via === 'dm' && !repliedTo && needsPreviousTurn(text) ? ctx.store.answers.latestByUser(message.channelId, message.author.id, Date.now() - DM_FOLLOW_UP_MS) : undefined;
  return { via, text, mentioned, addressed, conversation, repliedTo: repliedTo ?? followed };
}

async function answerMessage(ctx: BotContext, message: Message, asked: Asked): Promise<void> {
  const context = { channel: message.channelId, message: message.id, user: message.author.id, via: asked.via };
  let noticeMessage: Message | undefined;
  try {
    if (!asked.text) {
      const example = ctx.suggestions.questions[0]?.value ?? 'Who wrote the article?';
      await send(message, [renderNotice(`Ask me a question after the mention, e.g. “${example}” — or use /help.`)]);
      return;
    }
    // A message that asks nothing and follows no earlier answer ("@Footnote thanks!") gets a short
    // reply when it was written to the bot, and spends no cooldown, opens no thread, records nothing.
    if (!asked.conversation && !asked.repliedTo && asksNothing(analyzeQuestion(asked.text))) {
      if (asked.addressed) await send(message, [renderNotice(NOT_A_QUESTION_HINT)]);
      return;
    }
    let previous: AnswerRecord[] | undefined;
    if (asked.conversation) {
      if (asked.conversation.turns >= ctx.settings.maxTurns) {
        if (await limitWorthTelling(ctx, asked.conversation.id, message.author.id, asked.mentioned)) {
          await send(message, [renderNotice(`This thread has had its ${ctx.settings.maxTurns} questions. Mention me in the channel to start a new one.`)]);
        }
        return;
      }
      previous = ctx.store.conversations.recentTurns(asked.conversation.id, ctx.settings.maxTurns);
    } else if (asked.repliedTo) {
      previous = [asked.repliedTo];
    }
    const channel = message.channel;
    const admission = admitQuestion(ctx, {
      guildId: message.guildId,
      channelId: message.channelId,
      parentId: channel.isThread() ? channel.parentId : null,
      via: asked.via,
      text: asked.text,
      member: message.guildId ? await messageMember(message) : { userId: message.author.id, roleIds: [], manageGuild: false },
    });
    // a model takes seconds: show that something is coming
    if (ctx.engine.mode === 'llm' && admission.llm && message.channel.isSendable()) message.channel.sendTyping().catch(() => {});

    const notice = new QueueNotice(async (text) => {
      if (noticeMessage) await noticeMessage.edit(renderNotice(text));
      else noticeMessage = (await send(message, [renderNotice(text)]))[0];
    }, ctx.moderation.positionUpdateMs, { perWindow: admission.limit, windowMs: ctx.moderation.queue.windowMs });
    await ctx.moderation.queue.submit(admission.queueKey, admission.limit, {
      onWaiting: (position) => notice.update(position),
      onCancelled: async () => {
        await notice.finish();
        await send(message, [renderNotice(RESTARTING_WHILE_QUEUED)], noticeMessage);
      },
      prepare: async () => {
        const request: QuestionRequest = {
          question: asked.text,
          userId: message.author.id,
          guildId: message.guildId,
          channelId: message.channelId,
          via: asked.via,
          previous,
          conversationId: asked.conversation?.id ?? null,
          docIds: admission.docIds,
          llm: admission.llm,
        };
        const composed = await composeAnswer(ctx, request);
        // chatter where the bot reads every message ("thanks!", "nice") was not meant for it: no reply, nothing recorded
        if (!asked.addressed && isNotAQuestion(composed.answer)) return undefined;
        return recordAnswer(ctx, request, composed);
      },
      deliver: async (outcome) => {
        await notice.finish();
        if (!outcome.ok) throw outcome.error;
        if (!outcome.value) {
          await noticeMessage?.delete().catch(() => {});
          return;
        }
        await deliverAnswer(ctx, message, asked, admission, outcome.value, noticeMessage);
      },
    });
  } catch (error) {
    const text = describeError(error, ctx.log, context);
    try {
      await send(message, [renderNotice(text)], noticeMessage);
    } catch (sendError) {
      ctx.log.warn('could not reply to a message', { ...context, reason: (sendError as Error)?.message });
    }
    // a refused question is recorded once the asker was told
    if (error instanceof QuestionRefused) await error.record();
  }
}

/** Members told in a thread that it reached its turn limit (`thread:member`), per bot; forgotten on restart. */
const toldAtLimit = new WeakMap<BotContext, Set<string>>();
const MAX_TOLD = 10_000;

/**
 * Whether a question in a thread past its turn limit gets the notice: the first one (recorded in the
 * store), then once for each member who asks there, and whenever someone mentions the bot; anything
 * more would be the bot talking over a thread that carries on without it.
 */
async function limitWorthTelling(ctx: BotContext, threadId: string, userId: string, mentioned: boolean): Promise<boolean> {
  let told = toldAtLimit.get(ctx);
  if (!told) toldAtLimit.set(ctx, (told = new Set()));
  const key = `${threadId}:${userId}`;
  const first = await ctx.store.save(() => ctx.store.conversations.markLimitNotified(threadId));
  if (!first && !mentioned && told.has(key)) return false;
  if (told.size >= MAX_TOLD) told.clear();
  told.add(key);
  return true;
}

async function deliverAnswer(ctx: BotContext, message: Message, asked: Asked, admission: Admission, given: GivenAnswer, notice?: Message): Promise<void> {
  const { record, readAs } = given;
  const sent = await send(message, renderAnswer({ id: record.id, answer: record.answer, readAs }), notice);
  await ctx.store.save(() => ctx.store.answers.attachMessages(record.id, sent.map((m) => m.id)));
  if (admission.replyStyle === 'thread' && (asked.via === 'mention' || asked.via === 'channel') && canHoldThreads(message) && sent[0]) {
    await openAnswerThread(ctx, sent[0], record, asked.text);
  }
}

/**
 * The first message as a reply to the question (or as an edit of the queue notice already replying
 * to it, its text cleared), the rest after it in the same channel.
 */
async function send(message: Message, messages: OutgoingMessage[], notice?: Message): Promise<Message[]> {
  const sent: Message[] = [];
  for (const [i, m] of messages.entries()) {
    if (i === 0 && notice) sent.push(await notice.edit({ content: '', ...m, allowedMentions: NO_MENTIONS }));
    else if (i === 0) sent.push(await message.reply({ ...m, allowedMentions: NO_MENTIONS }));
    else if (message.channel.isSendable()) sent.push(await message.channel.send({ ...m, allowedMentions: NO_MENTIONS }));
  }
  return sent;
}

function canHoldThreads(message: Message): boolean {
  return message.channel.type === ChannelType.GuildText || message.channel.type === ChannelType.GuildAnnouncement;
}
