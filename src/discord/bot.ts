import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { Events, type Client } from 'discord.js';
import type { Config, DiscordConfig } from '../config/index.js';
import type { Engine } from '../engine.js';
import { FootnoteError } from '../errors.js';
import { openStore, type Store } from '../store/index.js';
import { createClient } from './client.js';
import type { BotContext } from './context.js';
import { EVENTS } from './events/index.js';
import { createLogger, type Logger } from './log.js';
import { ModerationRuntime, type ModerationOptions } from './moderation/runtime.js';
import { loadCommands } from './registry.js';
import { buildSuggestions } from './suggestions.js';
import { WorkTracker } from './work.js';
import { buildQuizBank } from '../study/quiz.js';

export interface Bot {
  client: Client;
  context: BotContext;
  /** log in and resolve once the client is ready */
  start(): Promise<void>;
  /** stop taking work, let answers in flight finish (bounded), disconnect, close the store; safe to call twice */
  stop(): Promise<void>;
}

export interface BotOptions {
  log?: Logger;
  store?: Store;
  /** queue window, purge interval (tests shorten them) */
  moderation?: ModerationOptions;
}

const VERSION = readVersion();

/** Build the bot (client, commands, events, store) without connecting; `startBot` and the tests both use it. */
export async function createBot(engine: Engine, config: Config, settings: DiscordConfig, options: BotOptions = {}): Promise<Bot> {
  const log = options.log ?? createLogger(config);
  const commands = await loadCommands();
  const store = options.store ?? openStore(config);
  const about = engine.about();
  const context: BotContext = {
    engine,
    store,
    config,
    settings,
    log,
    commands,
    suggestions: buildSuggestions({ documents: about.documents, sections: about.sections }),
    work: new WorkTracker(),
    version: VERSION,
    quizBank: buildQuizBank(engine.retriever.chunks, engine.documents),
    moderation: new ModerationRuntime(store, log, options.moderation),
  };
  // questions, answers and votes past a server's retention period go at start-up, then hourly
  void context.moderation.start();
  const client = createClient(settings);
  for (const event of EVENTS) {
    const listener = (...args: unknown[]) => {
      try {
        (event.execute as (ctx: BotContext, ...a: unknown[]) => void)(context, ...args);
      } catch (error) {
        log.error(`${event.name} handler failed`, error);
      }
    };
    if (event.once) client.once(event.name, listener);
    else client.on(event.name, listener);
  }
  client.on(Events.Error, (error) => log.error('discord client error', error));
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));

  let stopping: Promise<void> | undefined;
  return {
    client,
    context,
    async start() {
      // (the first question after start-up is answered as fast as the next ones)
      await engine.warmUp();
      const ready = once(client, Events.ClientReady);
      try {
        await client.login(settings.token);
      } catch (error) {
        await client.destroy();
        if ((error as { code?: string })?.code === 'TokenInvalid' || /401|Unauthorized|invalid token/i.test((error as Error)?.message ?? '')) {
          throw new FootnoteError('CONFIG_INVALID', 'DISCORD_TOKEN was refused by Discord; check the bot token in the developer portal.', { cause: error });
        }
        throw error;
      }
      await ready;
    },
    stop() {
      stopping ??= (async () => {
        const pending = context.work.size;
        context.moderation.stop();
        const finished = await context.work.drain(settings.shutdownGraceMs);
        log.info('shutting down', { inFlight: pending, finished });
        await client.destroy();
        store.close();
      })();
      return stopping;
    },
  };
}

/**
 * The production entry: build, connect, and shut down gracefully on SIGINT/SIGTERM (no new work,
 * answers in flight finish within FOOTNOTE_SHUTDOWN_GRACE_MS, client destroyed, exit 0).
 */
export async function startBot(engine: Engine, config: Config, settings: DiscordConfig): Promise<Bot> {
  const bot = await createBot(engine, config, settings);
  const onSignal = (signal: NodeJS.Signals) => {
    bot.context.log.info('signal received', { signal });
    bot.stop().then(
      () => process.exit(0),
      (error) => {
        bot.context.log.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // A bug in one handler must not take the bot down for everyone: log it and carry on.
  process.on('unhandledRejection', (reason) => bot.context.log.error('unhandled rejection', reason));
  try {
    await bot.start();
  } catch (error) {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    bot.context.store.close();
    throw error;
  }
  return bot;
}

function readVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
