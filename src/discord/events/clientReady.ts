import { Events } from 'discord.js';
import { postAllWaitingReports } from '../moderation/reports.js';
import { resumeStudy } from '../study/resume.js';
import type { BotEvent } from './index.js';
import { followUncachedChannels } from './raw.js';
import { followDeletedThreads } from './threadDelete.js';

/**
 * Logged once connected: who we are, where, and how long start-up took; quizzes and study sessions
 * left running before a restart resume; edits and deletions in channels not cached, and deleted study threads,
 * are followed from here on.
 */
const clientReady: BotEvent<Events.ClientReady> = {
  name: Events.ClientReady,
  once: true,
  execute(ctx, client) {
    ctx.log.info('ready', {
      user: client.user.tag,
      guilds: client.guilds.cache.size,
      commands: ctx.commands.names.join(','),
      mode: ctx.engine.mode,
      messageContent: ctx.settings.messageContent,
      startupMs: Math.round(performance.now()),
    });
    if (ctx.settings.replyThreads && !ctx.settings.messageContent) {
      ctx.log.warn('FOOTNOTE_REPLY_THREADS is on without FOOTNOTE_MESSAGE_CONTENT: Discord hides the text of thread follow-ups that do not mention the bot, so only follow-ups that mention it are answered');
    }
    followUncachedChannels(ctx, client);
    followDeletedThreads(ctx, client);
    void resumeStudy(ctx, client);
    // reports whose review card could not be posted before the restart
    void ctx.work.track(postAllWaitingReports(ctx, client)).catch((error: unknown) => ctx.log.error('posting waiting reports failed', error));
  },
};

export default clientReady;
