import type { ClientEvents } from 'discord.js';
import type { BotContext } from '../context.js';
import clientReady from './clientReady.js';
import interactionCreate from './interactionCreate.js';
import messageCreate from './messageCreate.js';
import messageDelete from './messageDelete.js';
import messageDeleteBulk from './messageDeleteBulk.js';
import messageUpdate from './messageUpdate.js';

/** A gateway event handler, one per file in this folder. */
export interface BotEvent<K extends keyof ClientEvents = keyof ClientEvents> {
  name: K;
  once?: boolean;
  execute(ctx: BotContext, ...args: ClientEvents[K]): void;
}

export const EVENTS = [clientReady, interactionCreate, messageCreate, messageUpdate, messageDelete, messageDeleteBulk] as const;
