import { SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import { renderAbout } from '../render.js';
import { channelDocuments } from '../study/members.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder().setName('about').setDescription('The documents Footnote answers from, and how it answers');

export const help: CommandHelp = { group: 'asking' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const about = ctx.engine.about();
  // what this server and channel chose: the language model turned off (/config llm), some documents only (/config channel-documents)
  const settings = interaction.guildId ? ctx.store.settings.get(interaction.guildId) : undefined;
  const scoped = settings ? channelDocuments(interaction, settings) : undefined;
  await interaction.reply(
    renderAbout({
      documents: about.documents.map((d) => ({ id: d.id, title: d.title, authors: d.authors, date: d.date, publication: d.publication, passages: d.passages })),
      passages: about.passages,
      sections: about.sections,
      mode: about.mode === 'llm' && settings?.llmEnabled !== false ? 'llm' : 'extractive',
      channelDocuments: scoped?.map((id) => about.documents.find((d) => d.id === id)?.title ?? id),
      version: ctx.version,
    }),
  );
}
