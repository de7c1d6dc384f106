import { SlashCommandBuilder, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { ambiguousPassageId } from '../../engine.js';
import { FootnoteError } from '../../errors.js';
import type { Chunk } from '../../ingest/chunk.js';
import type { BotContext } from '../context.js';
import { interactionMember } from '../moderation/members.js';
import { passageView, refuseReader } from '../passages.js';
import { renderPassage, truncate } from '../render.js';
import type { CommandHelp } from '../registry.js';

export const data = new SlashCommandBuilder()
  .setName('passage')
  .setDescription('A passage by its id, as cited under answers')
  .addStringOption((o) => o.setName('id').setDescription('e.g. twisted-tehran-moscow-axis#p4').setRequired(true).setMaxLength(200).setAutocomplete(true));

export const help: CommandHelp = { group: 'asking' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  refuseReader(ctx, interaction.guildId, interactionMember(interaction));
  const typed = interaction.options.getString('id', true).trim();
  const { id, candidates } = ctx.engine.resolvePassageId(typed);
  const view = id ? passageView(ctx.engine, id) : undefined;
  if (!view) {
    if (candidates.length > 1) throw new FootnoteError('NOT_FOUND', ambiguousPassageId(typed, candidates));
    const example = ctx.engine.index.chunks[0]?.id;
    throw new FootnoteError('NOT_FOUND', `No passage has the id “${typed.slice(0, 100)}”.${example ? ` Passage ids look like ${example}; they are shown under each source.` : ''}`);
  }
  await interaction.reply(renderPassage(view));
}

/** Discord shows at most 25 autocomplete choices. */
const MAX_CHOICES = 25;

/** Ids and sections that contain what was typed, then passages whose words do (shown with the words around them). */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  // one pass that stops once Discord's 25 choices are filled by ids (a keystroke must be answered at once on a large corpus)
  const byId: Chunk[] = [];
  const byText: Chunk[] = [];
  for (const c of ctx.engine.index.chunks) {
    if (byId.length >= MAX_CHOICES) break;
    if (c.id.length > 100) continue;
    if (!typed || c.id.toLowerCase().includes(typed) || c.section.toLowerCase().includes(typed)) byId.push(c);
    else if (byText.length < MAX_CHOICES && c.text.toLowerCase().includes(typed)) byText.push(c);
  }
  const choices = [
    ...byId.map((c) => ({ name: truncate(`${c.id}${c.section ? ` — ${c.section}` : ''}`, 100), value: c.id })),
    ...byText.map((c) => ({ name: truncate(`${c.id} — “${around(c.text, c.text.toLowerCase().indexOf(typed), 60)}”`, 100), value: c.id })),
  ];
  await interaction.respond(choices.slice(0, MAX_CHOICES));
}

/** A few words either side of a position, on one line. */
function around(text: string, at: number, width: number): string {
  const start = Math.max(0, at - Math.floor(width / 3));
  const words = text.slice(start, start + width).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${words}${start + width < text.length ? '…' : ''}`;
}
