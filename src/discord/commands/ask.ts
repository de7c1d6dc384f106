import { MessageFlags, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { checkQuestion, MAX_QUESTION_LENGTH } from '../../engine.js';
import { answerQuestion } from '../answering.js';
import type { BotContext } from '../context.js';
import { renderAnswer } from '../render.js';
import { filterSuggestions } from '../suggestions.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Ask a question about the documents; the answer cites the passages it rests on')
  .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH).setAutocomplete(true))
  .addBooleanOption((o) => o.setName('private').setDescription('Only you see the answer'));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  // An empty or over-long question is the user's to fix: said privately, before anything public appears.
  checkQuestion(question);
  await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});

  const { record } = await answerQuestion(ctx, {
    question,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    via: 'slash',
  });
  const [first, ...rest] = renderAnswer({ id: record.id, answer: record.answer, question });
  const sent = [await interaction.editReply(first!)];
  for (const more of rest) sent.push(await interaction.followUp({ ...more, flags: ephemeral ? MessageFlags.Ephemeral : undefined }));
  ctx.store.answers.attachMessages(record.id, sent.map((m) => m.id));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await interaction.respond(filterSuggestions(ctx.suggestions.questions, interaction.options.getFocused()));
}
