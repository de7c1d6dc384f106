import { GuildMember, PermissionFlagsBits, type Interaction } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { GuildSettings } from '../../store/moderation.js';
import { mayUseBot, type MemberFacts } from '../../study/permissions.js';
import type { BotContext } from '../context.js';

/** What the permission rules need about the member behind an interaction. */
export function memberFacts(interaction: Interaction): MemberFacts {
  const member = interaction.member;
  let roleIds: string[] = [];
  if (member instanceof GuildMember) roleIds = [...member.roles.cache.keys()];
  else if (member && Array.isArray(member.roles)) roleIds = [...member.roles];
  return { userId: interaction.user.id, roleIds, manageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false };
}

/** The member's name in the server as it stands now, stored with their answers and shown on leaderboards (never as a mention). */
export function memberName(interaction: Interaction): string {
  const member = interaction.member;
  const name = member instanceof GuildMember ? member.displayName : (member?.nick ?? interaction.user.globalName ?? interaction.user.username);
  return (name || interaction.user.username).replace(/\s+/g, ' ').trim().slice(0, 64) || 'someone';
}

/** The server an interaction happened in; quizzes, scores and sessions belong to a server. */
export function requireGuild(interaction: Interaction): string {
  if (!interaction.guildId) throw new FootnoteError('BAD_ARGUMENT', 'Quizzes, scores and study sessions belong to a server: use this command in a server channel.');
  return interaction.guildId;
}

/** The server's settings and the member's facts, refusing a blocked member, or one the server does not let use the bot. */
export function allowedMember(interaction: Interaction, ctx: BotContext, guildId: string): { member: MemberFacts; settings: GuildSettings } {
  const settings = ctx.store.settings.get(guildId);
  const member = memberFacts(interaction);
  // Blocks belong to the moderation tools; honoured here whenever the store keeps them.
  const moderation = ctx.store.moderation as { blockOf?: (guildId: string, userId: string) => unknown };
  if (typeof moderation.blockOf === 'function' && moderation.blockOf(guildId, member.userId)) {
    throw new FootnoteError('BAD_ARGUMENT', 'A moderator has blocked you from using Footnote in this server.');
  }
  if (!mayUseBot(member, settings)) throw new FootnoteError('BAD_ARGUMENT', 'This server lets only members with certain roles use Footnote, and you have none of them.');
  return { member, settings };
}
