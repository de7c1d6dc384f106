import { InteractionContextType, MessageFlags, SlashCommandBuilder, type ChatInputCommandInteraction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import { parseDateRange, recordFile, type RecordFormat } from '../../study/record.js';
import type { BotContext } from '../context.js';
import { requireModerator } from '../moderation/members.js';
import { renderNotice } from '../render.js';
import type { CommandHelp } from '../registry.js';

/** Discord's attachment limit for bots without boosts, with room to spare. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export const data = new SlashCommandBuilder()
  .setName('modlog')
  .setDescription('The moderation record of this server (moderators)')
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) =>
    s
      .setName('export')
      .setDescription('Questions, answers, votes, reports, refusals, moderator actions and settings changes as a file')
      .addStringOption((o) => o.setName('from').setDescription('First day, YYYY-MM-DD (UTC); default: the beginning').setMaxLength(40))
      .addStringOption((o) => o.setName('to').setDescription('Last day, YYYY-MM-DD (UTC); default: now').setMaxLength(40))
      .addStringOption((o) => o.setName('format').setDescription('csv (default) or json').addChoices({ name: 'csv', value: 'csv' }, { name: 'json', value: 'json' })),
  );

export const help: CommandHelp = { group: 'moderation' };

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const { guildId, actor } = requireModerator(interaction, ctx);
  const now = Date.now();
  const range = parseDateRange(interaction.options.getString('from'), interaction.options.getString('to'), now);
  if (!range.ok) throw new FootnoteError('BAD_ARGUMENT', range.reason);
  const format = (interaction.options.getString('format') ?? 'csv') as RecordFormat;
  const entries = ctx.store.moderation.exportRecord(guildId, range.value);
  const file = recordFile(entries, format, { guildId, range: range.value, exportedAt: now });
  const bytes = Buffer.from(file.text, 'utf8');
  if (bytes.length > MAX_FILE_BYTES) {
    throw new FootnoteError('BAD_ARGUMENT', `That record is ${(bytes.length / 1048576).toFixed(1)} MB, more than Discord takes in one file. Export a shorter range (from/to).`);
  }
  await ctx.store.save(() => ctx.store.moderation.recordAction({ guildId, action: 'export', detail: { from: range.value.from, to: range.value.to, format, entries: entries.length } }, actor));
  await interaction.editReply({
    ...renderNotice(`The moderation record of this server from ${range.value.from ? day(range.value.from) : 'the beginning'} to ${day(range.value.to)}: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} (${format.toUpperCase()}).`),
    files: [{ attachment: bytes, name: file.name }],
  });
}

const day = (ms: number) => new Date(Math.min(ms, 8.64e15)).toISOString().slice(0, 10);

