import type { Config, DiscordConfig } from '../config/index.js';
import type { Engine } from '../engine.js';
import type { Store } from '../store/index.js';
import type { QuizBank } from '../study/quiz.js';
import type { Logger } from './log.js';
import type { ModerationRuntime } from './moderation/runtime.js';
import type { CommandRegistry } from './registry.js';
import type { Suggestions } from './suggestions.js';
import type { WorkTracker } from './work.js';

/** What every command, button and event handler is given: chosen once at start-up. */
export interface BotContext {
  engine: Engine;
  store: Store;
  config: Config;
  /** the Discord part of the config */
  settings: DiscordConfig;
  log: Logger;
  suggestions: Suggestions;
  work: WorkTracker;
  commands: CommandRegistry;
  version: string;
  /** quiz questions drawn from the corpus, built once at start-up */
  quizBank: QuizBank;
  /** question queues, cooldowns and the retention purge */
  moderation: ModerationRuntime;
}
