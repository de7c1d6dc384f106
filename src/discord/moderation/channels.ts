/**
 * What keeps the bot from using a channel or role a server configured: the channel or role was
 * deleted since, or the bot lacks a permission it needs to post there. Read from the client's cache
 * of the server (kept up to date by the gateway, and whole again after a restart); nothing is said
 * when the client cannot tell.
 */
import { PermissionFlagsBits, type Guild } from 'discord.js';

/** What the bot needs in a channel to post answers and review cards there (embeds need Embed Links). */
export const POSTING_PERMISSIONS = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks] as const;

/** 'SendMessages' as Discord's settings show it: 'Send Messages'. */
export const permissionName = (flag: string) => flag.replace(/(?<=[a-z])(?=[A-Z])/g, ' ');

export type ChannelProblem = { kind: 'deleted' } | { kind: 'missing'; permissions: string[] };

/** Why the bot cannot post in a channel of the server (deleted, or the permissions it lacks there, by name), if so. */
export function channelProblem(guild: Guild | null | undefined, channelId: string): ChannelProblem | undefined {
  if (!guild?.available) return undefined;
  const channel = guild.channels.cache.get(channelId);
  if (!channel) return { kind: 'deleted' };
  const me = guild.members.me;
  if (!me || !('permissionsFor' in channel)) return undefined;
  const missing = channel.permissionsFor(me).missing([...POSTING_PERMISSIONS]);
  return missing.length ? { kind: 'missing', permissions: missing.map(permissionName) } : undefined;
}

/** Whether a role the server configured was deleted since. */
export function roleDeleted(guild: Guild | null | undefined, roleId: string): boolean {
  return Boolean(guild?.available) && !guild!.roles.cache.has(roleId);
}

/** A channel problem in a few words, for /config show. */
export function describeProblem(problem: ChannelProblem): string {
  return problem.kind === 'deleted' ? 'deleted' : `I am missing ${problem.permissions.join(', ')} there`;
}

/** What a moderator is told when a notice could not be posted to the mod-log channel: why, and what to do. */
export function modLogFailure(guild: Guild | null | undefined, channelId: string): string {
  const problem = channelProblem(guild, channelId);
  if (problem?.kind === 'deleted') return `I could not post this in the mod-log channel: <#${channelId}> was deleted. Choose another with /config modlog.`;
  const why = problem ? `: I am missing ${problem.permissions.join(', ')} there` : '';
  return `I could not post this in the mod-log channel <#${channelId}>${why}. I need View Channel, Send Messages and Embed Links there (or choose another with /config modlog).`;
}
