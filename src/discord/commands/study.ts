import { InteractionContextType, SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { attachStudy } from '../study/resume.js';
import { autocompleteSection } from '../study/sections.js';
import { endStudy, nextStep, startSession } from '../study/sessions.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder()
  .setName('study')
  .setDescription('Guided study sessions: a thread that walks the group through the documents')
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('start')
      .setDescription('Open a thread that walks through the passages: each with a question to discuss and a check question')
      .addStringOption((o) => o.setName('section').setDescription('Only this section (default: the whole corpus, section by section)').setMaxLength(200).setAutocomplete(true))
      .addRoleOption((o) => o.setName('role').setDescription('Moderators: only members with this role take part')),
  )
  .addSubcommand((s) => s.setName('next').setDescription('Reveal the check question and move on to the next passage'))
  .addSubcommand((s) => s.setName('end').setDescription('End the session with a summary of the group’s scores'));

export const help: CommandHelp = { group: 'study' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  attachStudy(ctx, interaction.client);
  const sub = interaction.options.getSubcommand();
  if (sub === 'start') return startSession(interaction, ctx);
  if (sub === 'next') return nextStep(interaction, ctx);
  if (sub === 'end') return endStudy(interaction, ctx);
  throw new FootnoteError('BAD_ARGUMENT', `Footnote has no /study ${sub.slice(0, 30)}.`);
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await autocompleteSection(interaction, ctx);
}
