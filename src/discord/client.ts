import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from '../config/index.js';
import { NO_MENTIONS } from './render.js';

/**
 * The discord.js client with the least it needs: guilds (interactions, threads), guild and direct
 * messages (mentions, DMs), and Message Content only when configured (question channels, thread
 * follow-ups without a mention). Edits and deletions of questions are followed through the same
 * intents: without Message Content, an edit of a message that does not mention the bot arrives
 * without its text, and is left alone. REST goes to DISCORD_API_URL when set (a proxy, or the tests' fake).
 */
export function createClient(settings: Pick<DiscordConfig, 'messageContent' | 'apiUrl'>): Client {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (settings.messageContent) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    // DM channels are not cached before their first message; without this their messages are dropped.
    // Messages from before a restart are not cached: without Partials.Message their edits and deletions are dropped.
    partials: [Partials.Channel, Partials.Message],
    allowedMentions: NO_MENTIONS,
    failIfNotExists: false,
    rest: settings.apiUrl ? { api: settings.apiUrl } : {},
  });
}
