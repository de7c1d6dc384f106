/** Entry point: configuration → engine → front end (the Discord bot with DISCORD_TOKEN, else the console chat). */
import { runChat } from './cli/chat.js';
import { openEngine, runCli } from './cli/open.js';

runCli(async () => {
  const { engine, config } = await openEngine();
  if (config.discord) {
    const { startBot } = await import('./discord/bot.js');
    await startBot(engine, config, config.discord);
    return;
  }
  await runChat(engine);
});
