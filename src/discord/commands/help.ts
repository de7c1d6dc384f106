import { MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { effectiveSettings } from '../moderation/gate.js';
import { renderHelp } from '../render.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder().setName('help').setDescription('How to ask Footnote, with examples');

export const help: CommandHelp = { group: 'asking' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const examples = ctx.suggestions.questions.map((s) => s.value);
  // what this server set (threads, question channels), else the operator's defaults
  const settings = interaction.guildId ? effectiveSettings(ctx, interaction.guildId) : undefined;
  await interaction.reply({
    ...renderHelp({
      examples,
      commands: ctx.commands.helpEntries(),
      threads: settings ? settings.replyStyle === 'thread' : ctx.settings.replyThreads,
      questionChannels: ctx.settings.questionChannels.length > 0 || (settings?.questionChannelIds.length ?? 0) > 0,
      messageContent: ctx.settings.messageContent,
    }),
    flags: MessageFlags.Ephemeral,
  });
}
