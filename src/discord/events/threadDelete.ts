import { Events, GatewayDispatchEvents, type Client, type GatewayDispatchPayload } from 'discord.js';
import type { BotContext } from '../context.js';
import { endThreadlessSession } from '../study/sessions.js';

/**
 * A study session whose thread is deleted (or whose channel is, taking its threads with it) ends
 * there and then, so it is neither retried at every start-up nor left blocking its channel. Followed
 * from the raw gateway packet: discord.js emits threadDelete only for threads it has cached, and an
 * archived session thread is not cached after a restart. Registered once ready (clientReady.ts).
 */
export function followDeletedThreads(ctx: BotContext, client: Client): void {
  client.on(Events.Raw, (packet: GatewayDispatchPayload) => {
    if (!ctx.work.accepting) return; // the next start-up finds the thread gone
    let ids: string[];
    if (packet.t === GatewayDispatchEvents.ThreadDelete) {
      const session = ctx.store.study.sessionInThread(packet.d.id);
      ids = session?.status === 'running' ? [session.id] : [];
    } else if (packet.t === GatewayDispatchEvents.ChannelDelete) {
      ids = ctx.store.study.runningSessionsIn(packet.d.id).map((s) => s.id);
    } else return;
    for (const id of ids) {
      void ctx.work.track(endThreadlessSession(ctx, id)).catch((error: unknown) => ctx.log.error('ending a study session whose thread was deleted failed', error, { session: id }));
    }
  });
}
