import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { PassageOut } from '../../answer/types.js';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../../engine.js';
import type { BotContext } from '../context.js';
import { interactionMember } from '../moderation/members.js';
import { refuseReader } from '../passages.js';
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
  refuseReader(ctx, interaction.guildId, interactionMember(interaction));
  await interaction.deferReply();
  await interaction.editReply(renderSearch(query, await matchingPassages(ctx, query)));
}

/**
 * The top passages, or none when nothing in the corpus matches: retrieval always ranks something,
 * so the engine's own judgement decides (where /ask would say the corpus does not cover it, or that
 * nothing was asked, no passage matches). Offline, so no model is called for it.
 */
async function matchingPassages(ctx: BotContext, query: string): Promise<PassageOut[]> {
  const judged = await ctx.engine.ask(query, { k: ctx.config.topK, llm: false });
  if (judged.abstained) return [];
  return ctx.engine.search(query, { k: ctx.config.topK });
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused();
  const topics = filterSuggestions(ctx.suggestions.topics, typed);
  const questions = filterSuggestions(ctx.suggestions.questions, typed, 25 - topics.length);
  await interaction.respond([...topics, ...questions]);
}
