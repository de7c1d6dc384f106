/**
 * Picking up after a restart: steps of running study sessions that were never posted are posted,
 * overdue quiz questions are revealed, the rest get their timers back. Runs once per bot, at the
 * first study interaction (or earlier when start-up calls `resumeStudy`).
 */
import type { Client } from 'discord.js';
import type { BotContext } from '../context.js';
import { drive, exclusive, roundKey, studyRuntime } from './runner.js';
import { endThreadlessSession, ensureStepPosted, threadGone } from './sessions.js';

/** Resume every running round and session once; later calls return the same promise. */
export function resumeStudy(ctx: BotContext, client: Client): Promise<void> {
  const rt = studyRuntime(ctx);
  rt.client ??= client;
  rt.resumed ??= ctx.work.track(resumeAll(ctx)).catch((error) => ctx.log.error('resuming quizzes and study sessions failed', error));
  return rt.resumed;
}

/** Give the study tools the client and make sure what was running before a restart resumes. */
export function attachStudy(ctx: BotContext, client: Client): void {
  void resumeStudy(ctx, client);
}

async function resumeAll(ctx: BotContext): Promise<void> {
  const store = ctx.store.study;
  let sessions = 0;
  for (const s of store.runningSessions()) {
    if (!s.threadId) {
      // Started but its thread never opened: nothing to resume.
      const at = Date.now();
      await ctx.store.save(() => {
        store.endSession(s.id, s.startedBy, at);
        store.finishRound(s.roundId, at);
      });
      continue;
    }
    // A thread deleted while the bot was down ends its session, rather than being retried at every start-up.
    if (await threadGone(ctx, s.threadId)) {
      await endThreadlessSession(ctx, s.id);
      continue;
    }
    try {
      await exclusive(ctx, roundKey(s.roundId), () => ensureStepPosted(ctx, s.id));
      sessions++;
    } catch (error) {
      if (store.getSession(s.id)?.status !== 'running') continue;
      ctx.log.warn('could not resume a study session', { session: s.id, reason: (error as Error)?.message });
    }
  }
  const rounds = store.runningRounds();
  for (const round of rounds) {
    try {
      await drive(ctx, round.id);
    } catch (error) {
      ctx.log.warn('could not resume a quiz round', { round: round.id, reason: (error as Error)?.message });
    }
  }
  if (rounds.length || sessions) ctx.log.info('resumed quizzes and study sessions', { rounds: rounds.length, sessions });
}
