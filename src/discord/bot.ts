import type { Config, DiscordConfig } from '../config/index.js';
import type { Engine } from '../engine.js';

/** Placeholder: the Discord front end (issue 3). */
export async function startBot(_engine: Engine, _config: Config, _discord: DiscordConfig): Promise<void> {
  throw new Error('The Discord bot is not built yet.');
}
