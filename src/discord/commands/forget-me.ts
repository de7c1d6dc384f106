import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { renderNotice } from '../render.js';
import type { CommandHelp } from '../registry.js';
import { plural } from '../../ingest/text.js';

export const data = new SlashCommandBuilder().setName('forget-me').setDescription('Delete your stored questions, answers, votes and reports in this server');

export const help: CommandHelp = { group: 'your-data' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const guildId = interaction.guildId;
  const { counts, quiz } = await ctx.store.save(() => {
    const forgotten = ctx.store.moderation.forgetMember(guildId, interaction.user.id);
    // quiz answers and scores, kept by the study tools
    const quizRecords = guildId ? ctx.store.study.forgetMember(guildId, interaction.user.id) : undefined;
    if (guildId) ctx.store.moderation.recordAction({ guildId, action: 'forget-me', detail: { ...forgotten } }, { userId: interaction.user.id, channelId: interaction.channelId });
    return { counts: forgotten, quiz: quizRecords };
  });
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
      `Deleted from ${where}: ${parts.join(', ')}.${guildId ? ' That you asked for this is kept in the moderation record, as are moderators’ decisions (blocks, reviewed answers).' : ''}`,
    ),
  );
}
