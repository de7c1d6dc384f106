/**
 * Messages as questions: recognising a mention of the bot. Whether a message follows up an earlier
 * turn, and how it is read with it, is decided in src/retrieve/follow-up.ts. Pure; no Discord types.
 */

/** Remove mentions of the bot (user or its managed role) and tidy the rest. */
export function stripBotMention(content: string, botId: string, roleIds: string[] = []): string {
  const ids = [botId, ...roleIds].map((id) => id.replace(/\D/g, '')).filter(Boolean);
  if (!ids.length) return content.trim();
  const re = new RegExp(`<@[!&]?(?:${ids.join('|')})>`, 'g');
  return content.replace(re, ' ').replace(/\s+/g, ' ').trim();
}

/** How long a direct message follows up the member's previous question there. */
export const DM_FOLLOW_UP_MS = 15 * 60_000;
