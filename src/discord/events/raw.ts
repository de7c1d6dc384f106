import { Events, GatewayDispatchEvents, type Client, type GatewayDispatchPayload } from 'discord.js';
import type { BotContext } from '../context.js';
import { followDeletion } from './messageDelete.js';
import { followEdit } from './messageUpdate.js';

/**
 * Edits and deletions in channels the client has not cached — a DM after a restart (discord.js
 * caches a DM channel only once a message arrives in it), an archived thread — are dropped by
 * discord.js before any event. They are followed from the raw gateway packet instead: the channel
 * (and, for an edit, the message) is fetched, then handled as messageUpdate / messageDelete would.
 * Registered once ready (clientReady.ts), as it needs the client; `raw` is not a typed client event.
 */
export function followUncachedChannels(ctx: BotContext, client: Client): void {
  client.on(Events.Raw, (packet: GatewayDispatchPayload) => {
    if (!ctx.work.accepting) return;
    if (packet.t !== GatewayDispatchEvents.MessageUpdate && packet.t !== GatewayDispatchEvents.MessageDelete && packet.t !== GatewayDispatchEvents.MessageDeleteBulk) return;
    // emitted before discord.js handles the packet: a channel cached now is handled by the events
    if (client.channels.cache.has(packet.d.channel_id)) return;
    if (packet.t === GatewayDispatchEvents.MessageUpdate && packet.d.author?.bot) return;
    void ctx.work.track(follow(ctx, client, packet)).catch((error: unknown) => ctx.log.warn('could not follow a message in an uncached channel', { channel: packet.d.channel_id, reason: (error as Error)?.message }));
  });
}

async function follow(ctx: BotContext, client: Client, packet: GatewayDispatchPayload): Promise<void> {
  if (packet.t === GatewayDispatchEvents.MessageDelete || packet.t === GatewayDispatchEvents.MessageDeleteBulk) {
    const ids = packet.t === GatewayDispatchEvents.MessageDelete ? [packet.d.id] : packet.d.ids;
    // only a question the bot answered needs the channel (to delete the answer)
    if (ids.some((id) => ctx.store.answers.byQuestionMessage(id))) await followDeletion(ctx, client, ids);
    return;
  }
  if (packet.t !== GatewayDispatchEvents.MessageUpdate || !ctx.store.answers.byQuestionMessage(packet.d.id)) return;
  const channel = await client.channels.fetch(packet.d.channel_id);
  if (!channel?.isTextBased()) return;
  await followEdit(ctx, await channel.messages.fetch(packet.d.id));
}
