import { MessageFlags, RESTJSONErrorCodes, SlashCommandBuilder, type ChatInputCommandInteraction, type Client } from 'discord.js';
import type { BotContext } from '../context.js';
import { escapeText, NO_MENTIONS, READING_LINE, renderNotice } from '../render.js';
import { isDiscordError } from '../respond.js';
import { showWithoutMember, type ShownAgain } from '../study/forget.js';
import type { RecordEntry } from '../../store/index.js';
import type { CommandHelp } from '../registry.js';
import { plural } from '../../ingest/text.js';

export const data = new SlashCommandBuilder().setName('forget-me').setDescription('Delete your stored questions, answers, votes and reports in this server');

export const help: CommandHelp = { group: 'your-data' };

/** The name a thread named after a forgotten question is given instead. */
export const FORGOTTEN_THREAD_NAME = 'Follow-up questions';

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const guildId = interaction.guildId;
  // read before forgetting: the member's questions, where their answers were posted (the question is a title, a thread's name)
  const asked = guildId ? questionsOf(ctx, guildId, interaction.user.id) : [];
  const posted = postedAnswers(ctx, asked);
  // ... and the moderators' review cards that show their question, or their report and its reason
  const cards = guildId ? reportCards(ctx, guildId, interaction.user.id, asked) : [];
  // ... and other members' follow-ups in the same threads, which say they were read with the member's question
  const quoting = quotingAnswers(ctx, interaction.user.id, asked, posted.flatMap((p) => p.threadId ?? []));
  // ... and the quiz and study messages that name them or count their answers
  const quizMessages = guildId ? ctx.store.study.messagesNaming(guildId, interaction.user.id) : undefined;
  const { counts, quiz } = await ctx.store.save(() => {
    const forgotten = ctx.store.moderation.forgetMember(guildId, interaction.user.id);
    // quiz answers and scores, kept by the study tools
    const quizRecords = guildId ? ctx.store.study.forgetMember(guildId, interaction.user.id) : undefined;
    if (guildId) ctx.store.moderation.recordAction({ guildId, action: 'forget-me', detail: { ...forgotten } }, { userId: interaction.user.id, channelId: interaction.channelId });
    return { counts: forgotten, quiz: quizRecords };
  });
  let unchanged = 0;
  for (const answer of posted) if (!(await withdrawQuestion(ctx, interaction.client, answer))) unchanged++;
  for (const card of cards) await withdrawCard(ctx, interaction.client, card);
  for (const answer of quoting) await dropQuotedQuestion(ctx, interaction.client, answer);
  const quizShown = quizMessages ? await showWithoutMember(ctx, interaction.client, quizMessages) : { changed: 0, unchanged: 0 };
  const parts = [
    plural(counts.questions, 'question with its answer', 'questions with their answers'),
    plural(counts.votes, 'vote', 'votes'),
    plural(counts.reports, 'report', 'reports'),
    plural(counts.refusals, 'refused question', 'refused questions'),
  ];
  if (quiz !== undefined) parts.push(plural(quiz, 'quiz record', 'quiz records'));
  const where = guildId ? 'this server' : 'our direct messages';
  await interaction.editReply(
    renderNotice(
      `Deleted from ${where}: ${parts.join(', ')}.${postedNote(posted.length, unchanged)}${quizNote(quizShown)}${guildId ? ' That you asked for this is kept in the moderation record, as are moderators’ decisions (blocks, reviewed answers).' : ''}`,
    ),
  );
}

/** What became of the answers already posted in channels, which deleting the record does not remove. */
export function postedNote(posted: number, unchanged: number): string {
  if (!posted) return '';
  const changed = posted - unchanged;
  const shown = changed ? ` ${plural(changed, 'answer', 'answers')} already posted in channels ${changed === 1 ? 'stays' : 'stay'}, without your question.` : '';
  const left = unchanged ? ` ${plural(unchanged, 'posted answer', 'posted answers')} could not be changed; a moderator can delete ${unchanged === 1 ? 'it' : 'them'}.` : '';
  return `${shown}${left}`;
}

/** What became of the quiz and study messages already posted that showed the member. */
export function quizNote({ changed, unchanged }: ShownAgain): string {
  const shown = changed ? ` ${plural(changed, 'quiz or study message', 'quiz and study messages')} already posted no longer ${changed === 1 ? 'shows' : 'show'} you.` : '';
  const left = unchanged ? ` ${plural(unchanged, 'quiz or study message', 'quiz and study messages')} showing you could not be changed; a moderator can delete ${unchanged === 1 ? 'it' : 'them'}.` : '';
  return `${shown}${left}`;
}

interface QuotingAnswer {
  channelId: string;
  messageId: string;
  /** the member's questions, as they may be quoted ("Read with the previous question: “…”") */
  questions: string[];
}

/** The member's questions in a server, from the record. */
function questionsOf(ctx: BotContext, guildId: string, userId: string): RecordEntry[] {
  return ctx.store.moderation.exportRecord(guildId, { from: 0, to: Date.now() }).filter((e) => e.kind === 'question' && e.userId === userId);
}

/** Other members' answers in the threads where the member asked (or that opened on their answer), that may quote the member's question. */
function quotingAnswers(ctx: BotContext, userId: string, asked: RecordEntry[], opened: string[]): QuotingAnswer[] {
  const questions = [...new Set(asked.map((e) => e.subject))];
  const threads = [...new Set([...opened, ...asked.flatMap((e) => (e.channelId && ctx.store.conversations.get(e.channelId) ? [e.channelId] : []))])];
  return threads.flatMap((thread) =>
    ctx.store.conversations
      .recentTurns(thread, 10_000)
      .filter((r) => r.userId !== userId)
      .flatMap((r) => ctx.store.moderation.answerMessages(r.id).slice(0, 1).map((messageId) => ({ channelId: thread, messageId, questions }))),
  );
}

/** Drop the "read with the previous question" line from another member's answer when it quotes the member. */
async function dropQuotedQuestion(ctx: BotContext, client: Client, answer: QuotingAnswer): Promise<void> {
  try {
    const channel = await client.channels.fetch(answer.channelId);
    if (!channel?.isTextBased()) return;
    const message = await channel.messages.fetch(answer.messageId);
    const [first, ...rest] = message.embeds.map((e) => ({ ...e.toJSON() }));
    const line = first?.description && READING_LINE.exec(first.description);
    if (!first || !line || !answer.questions.some((q) => line[0].includes(q) || line[0].includes(escapeText(q)))) return;
    first.description = first.description!.replace(line[0], line[1] ?? '');
    await message.edit({ embeds: [first, ...rest], allowedMentions: NO_MENTIONS });
  } catch (error) {
    if (!isGone(error)) ctx.log.warn('could not take a forgotten question off a follow-up', { message: answer.messageId, reason: (error as Error)?.message });
  }
}

interface ReportCard {
  reportId: number;
  channelId: string;
  messageId: string;
}

/** Review cards in the mod-log channel that show the member's question (a report of their answer) or the member's own report. */
function reportCards(ctx: BotContext, guildId: string, userId: string, asked: RecordEntry[]): ReportCard[] {
  const theirs = new Set(asked.flatMap((e) => e.answerId ?? []));
  return ctx.store.moderation
    .reports(guildId, { limit: 10_000 })
    .flatMap((r) => ((theirs.has(r.answerId) || r.userId === userId) && r.modLogChannelId && r.modLogMessageId ? [{ reportId: r.id, channelId: r.modLogChannelId, messageId: r.modLogMessageId }] : []));
}

/** A review card whose report was deleted with the member's data: it says so, without the question, the reason or its buttons. */
async function withdrawCard(ctx: BotContext, client: Client, card: ReportCard): Promise<void> {
  try {
    const channel = await client.channels.fetch(card.channelId);
    if (!channel?.isTextBased()) return;
    await channel.messages.edit(card.messageId, {
      content: '',
      embeds: [{ title: `Report #${card.reportId} — withdrawn`, description: 'A member asked Footnote to forget their data (/forget-me), so this report and the question it was about are no longer stored.' }],
      components: [],
      allowedMentions: NO_MENTIONS,
    });
  } catch (error) {
    if (!isGone(error)) ctx.log.warn('could not withdraw a report card', { report: card.reportId, reason: (error as Error)?.message });
  }
}

interface PostedAnswer {
  channelId: string;
  messageIds: string[];
  /** the thread opened on it, named after the question */
  threadId?: string;
}

/** The member's answers that were posted as messages. */
function postedAnswers(ctx: BotContext, asked: RecordEntry[]): PostedAnswer[] {
  return asked
    .filter((e) => e.answerId && e.channelId)
    .map((e) => {
      const messageIds = ctx.store.moderation.answerMessages(e.answerId!);
      const first = messageIds[0];
      return { channelId: e.channelId!, messageIds, threadId: first && ctx.store.conversations.get(first) ? first : undefined };
    })
    .filter((a) => a.messageIds.length > 0);
}

/**
 * Take the question off an answer already posted: its title (a slash command's question) and the
 * line saying how a follow-up was read go, so do its buttons (the answer is no longer stored), and
 * a thread named after it is renamed. False when a message could not be changed; a message that is
 * gone (deleted, or private to the member) needs nothing.
 */
async function withdrawQuestion(ctx: BotContext, client: Client, answer: PostedAnswer): Promise<boolean> {
  try {
    const channel = await client.channels.fetch(answer.channelId);
    if (!channel?.isTextBased()) return true;
    for (const id of answer.messageIds) {
      const message = await channel.messages.fetch(id).catch((error: unknown) => {
        if (isGone(error)) return undefined;
        throw error;
      });
      if (!message) continue;
      const embeds = message.embeds.map((e, i) => {
        const json = { ...e.toJSON() };
        if (i === 0) delete json.title;
        // the "Read as / Read with" line, wherever it stands (after a notice or a reviewed-answer heading too)
        if (json.description) json.description = json.description.replace(READING_LINE, '$1');
        return json;
      });
      await message.edit({ embeds, components: [], allowedMentions: NO_MENTIONS });
    }
    if (answer.threadId) {
      const thread = await client.channels.fetch(answer.threadId).catch((error: unknown) => {
        if (isGone(error)) return undefined;
        throw error;
      });
      if (thread?.isThread()) await thread.setName(FORGOTTEN_THREAD_NAME);
    }
    return true;
  } catch (error) {
    ctx.log.warn('could not take a forgotten question off a posted answer', { channel: answer.channelId, message: answer.messageIds[0], reason: (error as Error)?.message });
    return false;
  }
}

function isGone(error: unknown): boolean {
  return isDiscordError(error, RESTJSONErrorCodes.UnknownMessage, RESTJSONErrorCodes.UnknownChannel);
}
