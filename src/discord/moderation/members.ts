/**
 * The member behind an interaction or a message, as the permission rules see them (no Discord types
 * beyond this adapter), and the moderator check every moderation command and button goes through.
 */
import { GuildMember, PermissionFlagsBits, type Guild, type Interaction, type Message } from 'discord.js';
import { FootnoteError } from '../../errors.js';
import type { Actor, GuildSettings } from '../../store/index.js';
import { isModerator, type MemberFacts } from '../../study/permissions.js';
import type { BotContext } from '../context.js';

/** Roles and Manage Server of the member who used an interaction. */
export function interactionMember(interaction: Interaction): MemberFacts {
  const member = interaction.member;
  let roleIds: string[] = [];
  if (member instanceof GuildMember) roleIds = [...member.roles.cache.keys()];
  else if (member && Array.isArray(member.roles)) roleIds = [...member.roles];
  return { userId: interaction.user.id, roleIds, manageGuild: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false };
}

/** Roles and Manage Server of a message's author (fetched when the gateway did not send the member). */
export async function messageMember(message: Message): Promise<MemberFacts> {
  return sentMember(message) ?? memberFacts(message.author.id, message.guild ? await message.guild.members.fetch(message.author.id).catch(() => null) : null);
}

/** Roles and Manage Server of a message's author as the gateway sent them, without waiting (undefined when it did not). */
export function sentMember(message: Message): MemberFacts | undefined {
  return message.member ? memberFacts(message.author.id, message.member) : undefined;
}

function memberFacts(userId: string, member: GuildMember | null): MemberFacts {
  if (!member) return { userId, roleIds: [], manageGuild: false };
  return { userId, roleIds: [...member.roles.cache.keys()], manageGuild: member.permissions.has(PermissionFlagsBits.ManageGuild) };
}

/** Roles and Manage Server of a server member by id (fetched when not cached); undefined for someone who is not a member. */
export async function guildMemberFacts(guild: Guild | null, userId: string): Promise<MemberFacts | undefined> {
  const member = guild ? await guild.members.fetch(userId).catch(() => null) : null;
  return member ? memberFacts(userId, member) : undefined;
}

/** A person's name as the server shows it, for the record and for "reviewed by" (never a mention). */
export function displayName(interaction: Interaction): string {
  const member = interaction.member;
  const user = interaction.user;
  const name = member instanceof GuildMember ? member.displayName : ((member as { nick?: string | null } | null)?.nick ?? user.globalName ?? user.username);
  return (name || user.username).replace(/\s+/g, ' ').trim().slice(0, 64) || user.username;
}

/** Who did something and where, for the record. */
export function actorOf(interaction: Interaction): Actor {
  return { userId: interaction.user.id, userName: displayName(interaction), channelId: interaction.channelId ?? null, at: Date.now() };
}

export const MODERATORS_ONLY = 'Only moderators can do that: members with Manage Server, or with a moderator role set in /config.';

/**
 * The server, its settings and the acting moderator; a member who is not a moderator is refused
 * (a FootnoteError, shown privately) and nothing changes.
 */
export function requireModerator(interaction: Interaction, ctx: BotContext, what = MODERATORS_ONLY): { guildId: string; settings: GuildSettings; actor: Actor } {
  if (!interaction.guildId) throw new FootnoteError('BAD_ARGUMENT', 'Moderation belongs to a server: use this in a server channel, not in direct messages.');
  const settings = ctx.store.settings.get(interaction.guildId);
  if (!isModerator(interactionMember(interaction), settings)) throw new FootnoteError('BAD_ARGUMENT', what);
  return { guildId: interaction.guildId, settings, actor: actorOf(interaction) };
}
