import { InteractionContextType, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { withRanks } from '../../study/scores.js';
import type { BotContext } from '../context.js';
import { allowedMember, requireGuild } from '../study/members.js';
import { renderLeaderboard } from '../study/render.js';
import { attachStudy } from '../study/resume.js';
import type { CommandHelp } from '../registry.js';

export const LEADERBOARD_SIZE = 10;

export const data = new SlashCommandBuilder()
  .setName('leaderboard')
  .setDescription('The members of this server with the most right quiz answers')
  .setContexts(InteractionContextType.Guild);

export const help: CommandHelp = { group: 'study' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const guildId = requireGuild(interaction);
  attachStudy(ctx, interaction.client);
  allowedMember(interaction, ctx, guildId);
  await interaction.deferReply();
  const store = ctx.store.study;
  const rows = withRanks(store.leaderboard(guildId, LEADERBOARD_SIZE));
  const mine = store.progress(guildId, interaction.user.id, 0);
  const me = mine.score && mine.rank !== undefined ? { ...mine.score, rank: mine.rank } : undefined;
  await interaction.editReply(renderLeaderboard({ rows, me, members: mine.members }));
}
