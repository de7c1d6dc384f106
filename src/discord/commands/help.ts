import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { renderHelp } from '../render.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('How to ask Footnote, with examples');

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const examples = ctx.suggestions.questions.map((s) => s.value);
  await interaction.reply({
    ...renderHelp(examples, { threads: ctx.settings.replyThreads, questionChannels: ctx.settings.questionChannels.length > 0 }),
    flags: MessageFlags.Ephemeral,
  });
}
