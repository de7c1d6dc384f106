import { ChannelType, MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction, type Message } from 'discord.js';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../../engine.js';
import { answerQuestion, mentionNames, openAnswerThread, type GivenAnswer } from '../answering.js';
import type { BotContext } from '../context.js';
import { admitQuestion, QuestionRefused, type Admission } from '../moderation/gate.js';
import { interactionMember } from '../moderation/members.js';
import { QueueNotice, RESTARTING_WHILE_QUEUED } from '../moderation/notice.js';
import { NOT_A_QUESTION_HINT, renderAnswer, renderNotice } from '../render.js';
import { analyzeQuestion, asksNothing } from '../../retrieve/question.js';
import { describeError } from '../respond.js';
import { filterSuggestions } from '../suggestions.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the documents; the answer cites the passages it rests on')
  .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH).setAutocomplete(true))
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'));

export const help: CommandHelp = { group: 'asking', text: 'An answer that cites the passages it rests on; `private: True` shows it to you alone.' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  // An empty or over-long question, or one the server's rules refuse, is said privately before anything public appears.
  checkQuestion(question);
  // "hello", "thanks!": no question, so nothing public, no cooldown spent and nothing recorded.
  if (asksNothing(analyzeQuestion(question))) {
    await interaction.reply({ ...renderNotice(NOT_A_QUESTION_HINT), flags: MessageFlags.Ephemeral });
    return;
  }
  const channel = interaction.channel;
  let admission: Admission;
  try {
    admission = admitQuestion(ctx, {
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      parentId: channel?.isThread() ? channel.parentId : null,
      via: 'slash',
      text: question,
      member: interactionMember(interaction),
    });
  } catch (error) {
    if (!(error instanceof QuestionRefused)) throw error;
    await interaction.reply({ ...renderNotice(error.message), flags: MessageFlags.Ephemeral });
    await error.record();
    return;
  }
  const ephemeral = (interaction.options.getBoolean('private') ?? false) || admission.replyStyle === 'ephemeral';
  // The question takes its place in the queue now, in the order questions arrived; the deferral
  // (the acknowledgement) goes out at the same time, and everything shown waits for it.
  const deferred = interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
  deferred.catch(() => {}); // awaited (and its failure handled) before anything is shown

  const notice = new QueueNotice(async (text) => {
    await deferred;
    await interaction.editReply(renderNotice(text));
  }, ctx.moderation.positionUpdateMs, { perWindow: admission.limit, windowMs: ctx.moderation.queue.windowMs });
  const deliver = async (given: GivenAnswer) => {
    const [first, ...rest] = renderAnswer({ id: given.record.id, answer: given.record.answer, question });
    // a queue notice is replaced by the answer, its text cleared
    const sent: Message[] = [await interaction.editReply(notice.shown ? { ...first!, content: '' } : first!)];
    for (const more of rest) sent.push(await interaction.followUp({ ...more, flags: ephemeral ? MessageFlags.Ephemeral : undefined }));
    await ctx.store.save(() => ctx.store.answers.attachMessages(given.record.id, sent.map((m) => m.id)));
    const threadable = channel?.type === ChannelType.GuildText || channel?.type === ChannelType.GuildAnnouncement;
    if (admission.slashThreads && !ephemeral && threadable && sent[0]) await openAnswerThread(ctx, sent[0], given.record, question);
  };
  await ctx.moderation.queue.submit(admission.queueKey, admission.limit, {
    onWaiting: (position) => notice.update(position),
    onCancelled: async () => {
      await deferred;
      await notice.finish();
      await interaction.editReply(renderNotice(RESTARTING_WHILE_QUEUED));
    },
    prepare: async () => {
      // Working out the answer is CPU work: the acknowledgement goes out first (as before queues existed).
      await deferred.catch(() => {});
      return answerQuestion(ctx, {
        question,
        userId: interaction.user.id,
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        via: 'slash',
        docIds: admission.docIds,
        llm: admission.llm,
        names: mentionNames(interaction),
      });
    },
    deliver: async (outcome) => {
      await deferred;
      await notice.finish();
      if (outcome.ok) return deliver(outcome.value);
      // after a queue notice the error replaces it; otherwise the command's error handling answers
      if (!notice.shown) throw outcome.error;
      await interaction.editReply(renderNotice(describeError(outcome.error, ctx.log, { command: 'ask', interaction: interaction.id, user: interaction.user.id })));
    },
  });
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await interaction.respond(filterSuggestions(ctx.suggestions.questions, interaction.options.getFocused()));
}
