import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { quizSections } from '../../study/quiz.js';
import { sectionCoverage } from '../../study/scores.js';
import type { BotContext } from '../context.js';
import { allowedMember, memberName, requireGuild } from '../study/members.js';
import { renderProgress } from '../study/render.js';
import { attachStudy } from '../study/resume.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder()
  .setName('progress')
  .setDescription('Your own quiz history in this server and the sections you have covered (only you see it)')
  .setContexts(InteractionContextType.Guild);

export const help: CommandHelp = { group: 'study' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = requireGuild(interaction);
  attachStudy(ctx, interaction.client);
  allowedMember(interaction, ctx, guildId);
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const progress = ctx.store.study.progress(guildId, interaction.user.id, 10);
  const coverage = sectionCoverage(quizSections(ctx.quizBank).map((s) => s.section), progress.sections);
  await interaction.editReply(renderProgress({ progress, coverage, name: memberName(interaction) }));
}
