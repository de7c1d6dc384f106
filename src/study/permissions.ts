import type { GuildSettings } from '../store/moderation.js';

/** What the permission rules need to know about a member (no Discord types). */
export interface MemberFacts {
  userId: string;
  roleIds: string[];
  /** has Manage Server (or Administrator) in the server */
  manageGuild: boolean;
}

/** Moderators: members with Manage Server, or with one of the configured moderator roles. */
export function isModerator(member: MemberFacts, settings: Pick<GuildSettings, 'moderatorRoleIds'>): boolean {
  return member.manageGuild || member.roleIds.some((r) => settings.moderatorRoleIds.includes(r));
}

/** Who may ask: everyone, unless roles are listed; moderators always may. */
export function mayUseBot(member: MemberFacts, settings: Pick<GuildSettings, 'allowedRoleIds' | 'moderatorRoleIds'>): boolean {
  return !settings.allowedRoleIds.length || isModerator(member, settings) || member.roleIds.some((r) => settings.allowedRoleIds.includes(r));
}
