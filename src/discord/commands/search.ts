import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../../engine.js';
import type { BotContext } from '../context.js';
import { renderSearch } from '../render.js';
import { filterSuggestions } from '../suggestions.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder()
  .setName('search')
  .setDescription('The passages most relevant to a query, without composing an answer')
  .addStringOption((o) => o.setName('query').setDescription('Words or a question').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH).setAutocomplete(true));

export const help: CommandHelp = { group: 'asking' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const query = interaction.options.getString('query', true);
  checkQuestion(query);
  await interaction.deferReply();
  const passages = await ctx.engine.search(query, { k: ctx.config.topK });
  await interaction.editReply(renderSearch(query, passages));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused();
  const topics = filterSuggestions(ctx.suggestions.topics, typed);
  const questions = filterSuggestions(ctx.suggestions.questions, typed, 25 - topics.length);
  await interaction.respond([...topics, ...questions]);
}
