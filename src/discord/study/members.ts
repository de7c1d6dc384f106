import type { Interaction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { GuildSettings } from '../../store/moderation.js';
import { documentsFor } from '../../study/moderation.js';
import { mayUseBot, type MemberFacts } from '../../study/permissions.js';
import type { BotContext } from '../context.js';

// The member's roles and name come from the one adapter the moderation tools use too.
export { displayName as memberName, interactionMember as memberFacts } from '../moderation/members.js';
import { interactionMember } from '../moderation/members.js';

/** The server an interaction happened in; quizzes, scores and sessions belong to a server. */
export function requireGuild(interaction: Interaction): string {
  if (!interaction.guildId) throw new FootnoteError('BAD_ARGUMENT', 'Quizzes, scores and study sessions belong to a server: use this command in a server channel.');
  return interaction.guildId;
}

/** The server's settings and the member's facts, refusing a blocked member, or one the server does not let use the bot. */
export function allowedMember(interaction: Interaction, ctx: BotContext, guildId: string): { member: MemberFacts; settings: GuildSettings } {
  const settings = ctx.store.settings.get(guildId);
  const member = interactionMember(interaction);
  if (ctx.store.moderation.blockOf(guildId, member.userId)) {
    throw new FootnoteError('BAD_ARGUMENT', 'A moderator has blocked you from using Footnote in this server.');
  }
  if (!mayUseBot(member, settings)) throw new FootnoteError('BAD_ARGUMENT', 'This server lets only members with certain roles use Footnote, and you have none of them.');
  return { member, settings };
}

/** The documents a channel (or its thread's parent) is limited to by /config channel-documents; undefined for all. */
export function channelDocuments(interaction: Interaction, settings: GuildSettings): string[] | undefined {
  if (!interaction.channelId) return undefined;
  const channel = interaction.channel;
  return documentsFor(settings.channelDocuments, interaction.channelId, channel?.isThread() ? channel.parentId : null);
}
