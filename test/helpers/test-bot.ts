/**
 * The real bot (createBot, as `npm start` runs it) against the local fake Discord, over the shipped
 * corpus in a temporary data folder, and the small lookups end-to-end tests make on what it sent.
 */
import assert from 'node:assert/strict';
import type { Config } from '../../src/config/index.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/discord/log.js';
import { Engine } from '../../src/engine.js';
import { tempDir } from './engine.js';
import { startFakeDiscord, type FakeDiscord, type RecordedCall, type StartOptions } from './fake-discord.js';
import { botConfig, sleep } from './faults.js';

export { replyTo, sleep } from './faults.js';

export interface TestBot {
  fake: FakeDiscord;
  config: Config;
  engine: Engine;
  bot: Bot;
  /** every log line the bot wrote */
  logs: string[];
  /**
   * Stop the bot (as on SIGTERM) and start a new one on the same data folder, engine and fake Discord:
   * nothing is cached, as after a real restart. `bot` is the new one afterwards.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestBotOptions {
  /** environment on top of the token, the fake's URL, the corpus and a fresh data folder */
  env?: Record<string, string>;
  discord?: StartOptions;
  /** an engine to share (otherwise one is opened on the test bot's data folder) */
  engine?: Engine;
  /** runs after the bot is created and before it connects */
  beforeStart?: (bot: Bot) => void;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const fake = await startFakeDiscord(options.discord);
  const data = tempDir('footnote-bot-');
  const logs: string[] = [];
  const config = botConfig(fake, data.dir, options.env);
  const engine = options.engine ?? (await Engine.open(config));
  const start = async () => {
    const bot = await createBot(engine, config, config.discord!, { log: createLogger(config, (line) => logs.push(line)) });
    options.beforeStart?.(bot);
    await bot.start();
    return bot;
  };
  const session: TestBot = {
    fake,
    config,
    engine,
    bot: await start(),
    logs,
    async restart() {
      await session.bot.stop();
      session.bot = await start();
    },
    async stop() {
      await session.bot.stop();
      await fake.close();
      data.cleanup();
    },
  };
  return session;
}

/** The buttons of a message, row after row. */
export function buttons(message: any): { custom_id: string; label: string }[] {
  return (message.components ?? []).flatMap((r: any) => r.components);
}

/** The custom id of a message's button with this label. */
export function buttonId(message: any, label: string): string {
  const b = buttons(message).find((x) => x.label === label);
  assert.ok(b, `no button ${label} among ${JSON.stringify(buttons(message).map((x) => x.label))}`);
  return b.custom_id;
}

/** The bot's message replying to a message, as it is stored now (after edits), if any. */
export function botReplyTo(fake: FakeDiscord, channelId: string, messageId: string): any {
  return fake.messagesIn(channelId).find((m) => m.message_reference?.message_id === messageId);
}

/**
 * Wait until `check` gives something truthy, and return it: for what the bot does a moment after the call a
 * test waited for (it saves a thread's conversation or study session after Discord answered, not when it asked).
 */
export async function until<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** The next successful bot call matching `pred` from now on. */
export function nextCall(fake: FakeDiscord, pred: (c: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
  const since = performance.now();
  return fake.waitFor((c) => c.at >= since && c.status === 200 && pred(c), timeoutMs);
}
