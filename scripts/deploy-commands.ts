/**
 * Register Footnote's slash commands with Discord: to one server when DISCORD_GUILD_ID is set
 * (instant, for development), else globally. A step of its own, never run on boot.
 *
 *   npm run deploy-commands
 */
import { REST, Routes, type APIApplication } from 'discord.js';
import { loadDotEnv, readConfig, redact } from '../src/config/index.js';
import { isFootnoteError } from '../src/errors.js';
import { loadCommands } from '../src/discord/registry.js';

async function main(): Promise<number> {
  loadDotEnv();
  const config = readConfig();
  if (!config.discord) {
    process.stderr.write('error: DISCORD_TOKEN is not set; it is needed to register the commands.\n');
    return 2;
  }
  const { token, guildId, apiUrl } = config.discord;
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const commands = (await loadCommands()).toJSON();
  const applicationId = config.discord.clientId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, { body: commands })) as { name: string }[];
  process.stdout.write(
    `Registered ${registered.length} commands (${registered.map((c) => `/${c.name}`).join(', ')}) ${guildId ? `to server ${guildId}` : 'globally (may take up to an hour to appear everywhere)'}.\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    let message = (error as Error)?.message ?? String(error);
    try {
      message = redact(message, readConfig());
    } catch {
      // the configuration itself was the problem; its message names the variable and holds no secret
    }
    // No network, a proxy, a DNS failure: say what was being reached and what to check.
    const code = (error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException })?.cause?.code ?? (error as NodeJS.ErrnoException)?.code;
    if (code && /^(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT)$/.test(code)) {
      message = `could not reach Discord (${message}); check the network connection${readConfig().discord?.clientId ? '' : ' (with DISCORD_CLIENT_ID set, the application id is not looked up first)'}`;
    }
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = isFootnoteError(error) ? 2 : 1;
  },
);
