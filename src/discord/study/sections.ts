import type { AutocompleteInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import { quizSections } from '../../study/quiz.js';
import { OPENING_SECTION_NAME, sectionChoices } from '../../study/session.js';
import type { BotContext } from '../context.js';

/** A section the corpus does not have, named with the ones it has. */
export function sectionNotFound(ctx: BotContext, typed: string): FootnoteError {
  const names = quizSections(ctx.quizBank).map((s) => `“${s.section || OPENING_SECTION_NAME}”`);
  return new FootnoteError('NOT_FOUND', `No section is called “${typed.slice(0, 100)}”. Sections: ${names.join(', ')}.`);
}

/** Autocomplete for a `section` option: the corpus's sections matching what was typed. */
export async function autocompleteSection(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  await interaction.respond(sectionChoices(ctx.quizBank, interaction.options.getFocused()));
}
