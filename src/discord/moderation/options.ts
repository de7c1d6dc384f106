/**
 * Ids from command options. Channel, role and user options are read as the ids Discord sends, so a
 * command works whether or not Discord also sent the resolved objects.
 */
import type { AutocompleteInteraction, ChatInputCommandInteraction, Client } from 'discord.js';
import type { BotContext } from '../context.js';
import type { GuildSettings } from '../../store/index.js';
import { NO_MENTIONS } from '../render.js';

export function optionId(interaction: ChatInputCommandInteraction | AutocompleteInteraction, name: string): string | undefined {
  const value = interaction.options.get(name)?.value;
  return typeof value === 'string' && /^\d{5,25}$/.test(value) ? value : undefined;
}

/**
 * A line for the moderators in the mod-log channel, when there is one (best effort: failures are
 * logged). False when there is one and the line could not be posted there, for the moderator to be told.
 */
export async function announce(ctx: BotContext, client: Client, settings: GuildSettings, text: string): Promise<boolean> {
  if (!settings.modLogChannelId) return true;
  try {
    const channel = await client.channels.fetch(settings.modLogChannelId);
    if (!channel?.isSendable()) throw new Error('not a channel the bot can send to');
    await channel.send({ content: text.slice(0, 2000), allowedMentions: NO_MENTIONS });
    return true;
  } catch (error) {
    ctx.log.warn('could not post to the mod-log channel', { channel: settings.modLogChannelId, reason: (error as Error)?.message });
    return false;
  }
}
