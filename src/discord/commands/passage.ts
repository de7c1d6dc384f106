import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { passageView } from '../passages.js';
import { renderPassage } from '../render.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder()
  .setName('passage')
  .setDescription('A passage by its id, as cited under answers')
  .addStringOption((o) => o.setName('id').setDescription('e.g. twisted-tehran-moscow-axis#p4').setRequired(true).setMaxLength(200).setAutocomplete(true));

export const help: CommandHelp = { group: 'asking' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const id = interaction.options.getString('id', true).trim().replace(/^`|`$/g, '');
  const view = passageView(ctx.engine, id);
  if (!view) {
    const example = ctx.engine.index.chunks[0]?.id;
    throw new FootnoteError('NOT_FOUND', `No passage has the id “${id.slice(0, 100)}”.${example ? ` Passage ids look like ${example}; they are shown under each source.` : ''}`);
  }
  await interaction.reply(renderPassage(view));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const choices = [];
  for (const c of ctx.engine.index.chunks) {
    if (typed && !c.id.toLowerCase().includes(typed) && !c.section.toLowerCase().includes(typed)) continue;
    if (c.id.length > 100) continue;
    choices.push({ name: `${c.id}${c.section ? ` — ${c.section}` : ''}`.slice(0, 100), value: c.id });
    if (choices.length === 25) break;
  }
  await interaction.respond(choices);
}
