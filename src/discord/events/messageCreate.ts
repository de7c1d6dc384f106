import { ChannelType, Events, PermissionFlagsBits, RESTJSONErrorCodes, type Message } from 'discord.js';
import type { AnswerRecord, AskedVia, Conversation } from '../../store/index.js';
import { composeAnswer, isWithdrawn, mentionNames, oneAtATime, openAnswerThread, recordAnswer, reviseAnswer, threadName, type GivenAnswer, type QuestionRequest } from '../answering.js';
import type { BotContext } from '../context.js';
import { DM_FOLLOW_UP_MS, planAnswerEdit, stripBotMention } from '../conversation.js';
import { needsPreviousTurn } from '../../retrieve/follow-up.js';
import { admitQuestion, isQuestionChannel, QuestionRefused, type Admission } from '../moderation/gate.js';
import { messageMember, sentMember } from '../moderation/members.js';
import { QueueNotice, RESTARTING_WHILE_QUEUED } from '../moderation/notice.js';
import { isNotAQuestion, NO_MENTIONS, NOT_A_QUESTION_HINT, renderAnswer, renderNotice, type OutgoingMessage } from '../render.js';
import { describeError, isDiscordError } from '../respond.js';
import { analyzeQuestion, asksNothing } from '../../retrieve/question.js';
import type { BotEvent } from './index.js';

/**
 * Questions by message: mentions, DMs, question channels (FOOTNOTE_QUESTION_CHANNELS and the
 * server's own), thread follow-ups and replies to an answer, under the server's settings. Where the
 * bot reads every message (question channels, its threads), a message that is not a question gets
 * no reply. An edited question goes through the same steps (messageUpdate.ts).
 */
const messageCreate: BotEvent<Events.MessageCreate> = {
  name: Events.MessageCreate,
  execute(ctx, message) {
    // Bots (this one included) are never answered: no loops, no echo chambers.
    if (message.author.bot || message.system || message.webhookId) return;
    if (!ctx.work.accepting) return;
    const asked = classify(ctx, message);
    if (!asked) return;
    void ctx.work.track(oneAtATime(ctx, message.id, () => answerMessage(ctx, message, asked)));
  },
};

export default messageCreate;

export interface Asked {
  via: AskedVia;
  text: string;
  mentioned: boolean;
  /** written to the bot (a mention, a DM, a reply to its answer), not just posted where it reads every message */
  addressed: boolean;
  conversation?: Conversation;
  /** the answer this message replies to (in a DM, also the member's recent answer a follow-up leans on) */
  repliedTo?: AnswerRecord;
}

/**
 * Whether a message is a question for the bot, and how it came. `revising`: the message was edited
 * and this is its answer, so what it follows up is what came before that answer.
 */
export function classify(ctx: BotContext, message: Message, revising?: AnswerRecord): Asked | undefined {
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
  const askedAt = revising?.createdAt ?? Date.now();
  const followed =
    via === 'dm' && !repliedTo && needsPreviousTurn(text) ? ctx.store.answers.latestByUser(message.channelId, message.author.id, askedAt - DM_FOLLOW_UP_MS, revising?.createdAt) : undefined;
  return { via, text, mentioned, addressed, conversation, repliedTo: repliedTo ?? followed };
}

/**
 * Answer a question by message, under the server's rules and queue. `revising`: the question was
 * edited and this is its answer, which is answered again in its own messages — or left as it was
 * when the edit asks nothing (a bare mention, "thanks!"). Such a re-answer waits its turn in the
 * queue silently, the old answer showing meanwhile, and never opens a thread.
 */
export async function answerMessage(ctx: BotContext, message: Message, asked: Asked, revising?: AnswerRecord): Promise<void> {
  const context = { channel: message.channelId, message: message.id, user: message.author.id, via: asked.via, edited: revising ? true : undefined };
  let noticeMessage: Message | undefined;
  try {
    // where the bot cannot post, or its answers (embeds) would show empty, say so rather than fail after the work
    const missing = missingPermissions(message);
    if (missing.send.length) {
      ctx.log.warn('cannot answer in a channel: a permission is missing', { ...context, missing: missing.send.join(', ') });
      // an edit of a question answered before the permission went is left alone, as the question already had its answer
      if (!revising) await tellCannotPost(ctx, message, missing.send);
      return;
    }
    if (missing.embedLinks) {
      ctx.log.warn('cannot show answers in a channel: a permission is missing', { ...context, missing: 'Embed Links' });
      if (!revising) await send(message, [renderNotice(NO_EMBED_LINKS)]);
      return;
    }
    if (!asked.text) {
      if (revising) return;
      const example = ctx.suggestions.questions[0]?.value ?? 'Who wrote the article?';
      await send(message, [renderNotice(`Ask me a question after the mention, e.g. “${example}” — or use /help.`)]);
      return;
    }
    // A message that asks nothing and follows no earlier answer ("@Footnote thanks!") gets a short
    // reply when it was written to the bot, and spends no cooldown, opens no thread, records nothing.
    if (!asked.conversation && !asked.repliedTo && asksNothing(analyzeQuestion(asked.text))) {
      if (asked.addressed && !revising) await send(message, [renderNotice(NOT_A_QUESTION_HINT)]);
      return;
    }
    let previous: AnswerRecord[] | undefined;
    if (asked.conversation && revising) {
      // an edited turn is read with the turns before it, and takes no new turn
      const turns = ctx.store.conversations.recentTurns(asked.conversation.id, 10_000);
      const at = turns.findIndex((r) => r.id === revising.id);
      previous = (at >= 0 ? turns.slice(0, at) : turns).slice(-ctx.settings.maxTurns);
    } else if (asked.conversation) {
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
      // the member as sent, without waiting, so the question keeps its place in the queue
      member: message.guildId ? (sentMember(message) ?? (await messageMember(message))) : { userId: message.author.id, roleIds: [], manageGuild: false },
    });
    // a model takes seconds: show that something is coming
    if (ctx.engine.mode === 'llm' && admission.llm && message.channel.isSendable()) message.channel.sendTyping().catch(() => {});

    // an edited question's old answer stands while the new one waits its turn: no notice
    const notice = revising
      ? undefined
      : new QueueNotice(async (text) => {
          if (noticeMessage) await noticeMessage.edit(renderNotice(text));
          else noticeMessage = (await send(message, [renderNotice(text)]))[0];
        }, ctx.moderation.positionUpdateMs, { perWindow: admission.limit, windowMs: ctx.moderation.queue.windowMs });
    await ctx.moderation.queue.submit(admission.queueKey, admission.limit, {
      onWaiting: (position) => notice?.update(position),
      onCancelled: async () => {
        if (!notice) return;
        await notice.finish();
        await send(message, [renderNotice(RESTARTING_WHILE_QUEUED)], noticeMessage);
      },
      prepare: async () => {
        // the question was deleted while it waited: nothing to answer
        if (isWithdrawn(ctx, message.id)) return undefined;
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
          questionMessageId: message.id,
          names: mentionNames(message),
        };
        const composed = await composeAnswer(ctx, request);
        // an edit that turned out to ask nothing leaves the answer the question had
        if (revising) return isNotAQuestion(composed.answer) ? undefined : reviseAnswer(ctx, revising, request, composed);
        // chatter where the bot reads every message ("thanks!", "nice") was not meant for it: no reply, nothing recorded;
        // written to the bot (a reply to an answer, a mention in a thread), the one-line hint, as for a mention — no answer recorded, no turn taken
        if (isNotAQuestion(composed.answer)) return asked.addressed ? NOT_A_QUESTION : undefined;
        return recordAnswer(ctx, request, composed);
      },
      deliver: async (outcome) => {
        await notice?.finish();
        if (!outcome.ok) throw outcome.error;
        // nothing to show, or the question was deleted meanwhile (its clean-up removes what was recorded)
        if (!outcome.value || isWithdrawn(ctx, message.id)) {
          await noticeMessage?.delete().catch(() => {});
          return;
        }
        if (outcome.value === NOT_A_QUESTION) await send(message, [renderNotice(NOT_A_QUESTION_HINT)], noticeMessage);
        else if (revising) await showRevisedAnswer(ctx, message, outcome.value);
        else await deliverAnswer(ctx, message, asked, admission, outcome.value, noticeMessage);
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

export const NO_EMBED_LINKS = 'I can’t show answers in this channel: they are embeds, and I don’t have the Embed Links permission here. Ask a moderator to give it to me, or use /ask meanwhile.';

/** What a member who asked where the bot cannot post is told privately: where, what is missing, and what works meanwhile. */
export function cannotPostHere(channelId: string, missing: string[]): string {
  const names = missing.length > 1 ? `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)} permissions` : `${missing[0]} permission`;
  const them = missing.length > 1 ? 'them' : 'it';
  return `I can’t answer you in <#${channelId}>: I don’t have the ${names} there. A moderator can give ${them} to me in the channel’s permissions. Meanwhile, /ask works there: its answers are replies to the command, which don’t need ${them}.`;
}

/** When a member was last told, per `channel:member`, per bot; forgotten on restart. */
const toldCannotPost = new WeakMap<BotContext, Map<string, number>>();
export const CANNOT_POST_NOTICE_MS = 60 * 60_000;

/**
 * Tell a member by DM that the bot cannot post where they asked, at most once an hour per member and
 * channel (a busy channel would otherwise turn every question into a DM). A member whose DMs are
 * closed gets nothing, and is counted as told: the next try would fail the same way.
 */
async function tellCannotPost(ctx: BotContext, message: Message, missing: string[]): Promise<void> {
  let told = toldCannotPost.get(ctx);
  if (!told) toldCannotPost.set(ctx, (told = new Map()));
  const key = `${message.channelId}:${message.author.id}`;
  const now = Date.now();
  if (now - (told.get(key) ?? -Infinity) < CANNOT_POST_NOTICE_MS) return;
  if (told.size >= MAX_TOLD) {
    for (const [k, at] of told) if (now - at >= CANNOT_POST_NOTICE_MS) told.delete(k);
    // still full of recent ones: the oldest go (a Map keeps insertion order, and a re-told key is re-inserted)
    for (const k of told.keys()) {
      if (told.size < MAX_TOLD) break;
      told.delete(k);
    }
  }
  told.delete(key);
  told.set(key, now);
  const fields = { channel: message.channelId, message: message.id, user: message.author.id };
  try {
    await message.author.send(renderNotice(cannotPostHere(message.channelId, missing)));
    ctx.log.info('told a member privately that a permission is missing where they asked', fields);
  } catch (error) {
    if (isDiscordError(error, RESTJSONErrorCodes.CannotSendMessagesToThisUser)) ctx.log.info('could not tell a member privately that a permission is missing: their DMs are closed', fields);
    else ctx.log.warn('could not tell a member privately that a permission is missing', { ...fields, reason: (error as Error)?.message });
  }
}

/**
 * The permissions the bot lacks in a message's channel to answer there: to post at all (View Channel,
 * Send Messages, or Send Messages in Threads in a thread), and to show an answer (Embed Links, without
 * which Discord posts its embeds as nothing). Nothing is missing in a DM, or when the client cannot tell.
 */
function missingPermissions(message: Message): { send: string[]; embedLinks: boolean } {
  if (!message.inGuild()) return { send: [], embedLinks: false };
  const permissions = message.channel.permissionsFor(message.client.user);
  if (!permissions) return { send: [], embedLinks: false };
  const needed = { 'View Channel': PermissionFlagsBits.ViewChannel, [message.channel.isThread() ? 'Send Messages in Threads' : 'Send Messages']: message.channel.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages };
  return { send: Object.entries(needed).filter(([, flag]) => !permissions.has(flag)).map(([name]) => name), embedLinks: !permissions.has(PermissionFlagsBits.EmbedLinks) };
}

/** What a question written to the bot that asks nothing gets instead of an answer. */
const NOT_A_QUESTION = 'not-a-question';

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
 * An edited question's new answer, shown in the messages of its old one: edited in place (no new
 * reply, no ping), more messages sent after them if it is longer, the spare ones deleted if it is
 * shorter; a thread opened on it is renamed after the new question. An answer whose message was
 * deleted meanwhile (by a moderator) is not brought back.
 */
async function showRevisedAnswer(ctx: BotContext, message: Message, given: GivenAnswer): Promise<void> {
  const { record, readAs } = given;
  const shown = ctx.store.moderation.answerMessages(record.id);
  const rendered = renderAnswer({ id: record.id, answer: record.answer, readAs });
  const plan = planAnswerEdit(shown, rendered.length);
  const channel = message.channel;
  const ids: string[] = [];
  try {
    for (const { messageId, index } of plan.edit) ids.push((await channel.messages.edit(messageId, { content: '', ...rendered[index]!, allowedMentions: NO_MENTIONS })).id);
  } catch (error) {
    if (!isDiscordError(error, RESTJSONErrorCodes.UnknownMessage)) throw error;
    ctx.log.info('the answer to an edited question was deleted meanwhile; not shown again', { channel: message.channelId, message: message.id, answer: record.id });
    return;
  }
  for (const index of plan.send) if (channel.isSendable()) ids.push((await channel.send({ ...rendered[index]!, allowedMentions: NO_MENTIONS })).id);
  for (const messageId of plan.remove) await channel.messages.delete(messageId).catch((error: unknown) => (isDiscordError(error, RESTJSONErrorCodes.UnknownMessage) ? undefined : Promise.reject(error)));
  await ctx.store.save(() => ctx.store.answers.attachMessages(record.id, ids));
  ctx.log.info('answered an edited question again', { channel: message.channelId, message: message.id, answer: record.id, messages: ids.length });
  // a thread opened on the answer was named after the old question
  const thread = ids[0] ? ctx.store.conversations.get(ids[0]) : undefined;
  if (thread) {
    try {
      const channel = await message.client.channels.fetch(thread.id);
      const name = threadName(record.question, message);
      if (channel?.isThread() && channel.name !== name) await channel.setName(name);
    } catch (error) {
      ctx.log.warn('could not rename the thread of an edited question', { thread: thread.id, reason: (error as Error)?.message });
    }
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
