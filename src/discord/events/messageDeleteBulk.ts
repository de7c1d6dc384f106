import { Events } from 'discord.js';
import { followDeletion } from './messageDelete.js';
import type { BotEvent } from './index.js';

/** Questions deleted together (a moderator's purge): each one's answer goes as for a single deletion. */
const messageDeleteBulk: BotEvent<Events.MessageBulkDelete> = {
  name: Events.MessageBulkDelete,
  execute(ctx, messages, channel) {
    if (!ctx.work.accepting) return;
    void ctx.work.track(followDeletion(ctx, channel.client, [...messages.keys()]));
  },
};

export default messageDeleteBulk;
