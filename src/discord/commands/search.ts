import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { PassageOut } from '../../answer/types.js';
import { checkQuestion, MAX_QUESTION_LENGTH, type AskOptions, type Engine } from '../../engine.js';
import type { Retrieval, Retriever } from '../../retrieve/retriever.js';
import type { BotContext } from '../context.js';
import { interactionMember } from '../moderation/members.js';
import { refuseReader } from '../passages.js';
import { channelDocuments } from '../study/members.js';
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
  // a channel limited to some documents (/config channel-documents) searches only them, as /ask there answers from them
  const docIds = interaction.guildId ? channelDocuments(interaction, ctx.store.settings.get(interaction.guildId)) : undefined;
  await interaction.deferReply();
  await interaction.editReply(renderSearch(query, await matchingPassages(ctx, query, docIds)));
}

/**
 * The top passages, or none when nothing in the corpus matches: retrieval always ranks something,
 * so the engine's own judgement decides (where /ask would say the corpus does not cover it, or that
 * nothing was asked, no passage matches). Offline, so no model is called for it. The judgement
 * retrieves the query's passages and the listing would retrieve the same again: they share one.
 */
async function matchingPassages(ctx: BotContext, query: string, docIds?: string[]): Promise<PassageOut[]> {
  const engine = sharingRetrievals(ctx.engine);
  const judged = await engine.ask(query, { k: ctx.config.topK, llm: false, docIds });
  if (judged.abstained) return [];
  return engine.search(query, { k: ctx.config.topK, docIds });
}

/**
 * The engine for one command whose calls share their retrievals: a view of the engine (nothing of
 * it changes) whose retriever gives a search it already made from memory, for the same words,
 * tokens and options. Retrieval gives the same passages for those, so the output is the same.
 */
function sharingRetrievals(engine: Engine): Engine {
  const retriever = engine.retriever;
  const made = new Map<string, Promise<Retrieval>>();
  const search: Retriever['search'] = (text, tokens, options = {}) => {
    // `llm` is the answerer's option (ask passes its options on), not retrieval's
    const { llm: _answerer, ...retrieval } = options as AskOptions;
    const key = JSON.stringify([text, tokens, retrieval]);
    let found = made.get(key);
    if (!found) made.set(key, (found = retriever.search(text, tokens, options)));
    return found;
  };
  const remembering = new Proxy(retriever, { get: (target, name) => (name === 'search' ? search : Reflect.get(target, name, target)) });
  return Object.create(engine, { retriever: { value: remembering } }) as Engine;
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused();
  const topics = filterSuggestions(ctx.suggestions.topics, typed);
  const questions = filterSuggestions(ctx.suggestions.questions, typed, 25 - topics.length);
  await interaction.respond([...topics, ...questions]);
}
