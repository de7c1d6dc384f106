import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { runTs } from '../helpers/cli.js';

let fake: FakeDiscord;
before(async () => {
  fake = await startFakeDiscord();
});
after(async () => {
  await fake?.close();
});

const deploy = (env: Record<string, string>) => runTs('scripts/deploy-commands.ts', [], { DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_URL: fake.apiBase, ...env });

test('deploy-commands registers every command to the development server when DISCORD_GUILD_ID is set', async () => {
  const run = await deploy({ DISCORD_CLIENT_ID: fake.applicationId, DISCORD_GUILD_ID: fake.guildId });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Registered 14 commands \(.*\/ask.*\) to server/);
  const put = fake.calls.find((c) => c.method === 'PUT' && c.path === `/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`)!;
  assert.equal(put.status, 200);
  assert.deepEqual(put.body.map((c: any) => c.name).sort(), ['about', 'ask', 'block', 'config', 'forget-me', 'help', 'leaderboard', 'modlog', 'passage', 'progress', 'quiz', 'search', 'study', 'unblock']);
  const ask = put.body.find((c: any) => c.name === 'ask');
  assert.equal(ask.options[0].autocomplete, true);
});

test('without a server id the commands are registered globally, the application id looked up from the token', async () => {
  const run = await deploy({ DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '' });
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /globally/);
  assert.ok(fake.calls.some((c) => c.method === 'GET' && c.path === '/applications/@me'));
  assert.ok(fake.calls.some((c) => c.method === 'PUT' && c.path === `/applications/${fake.applicationId}/commands` && c.status === 200));
});

test('without a token deploy-commands says what is missing', async () => {
  const run = await deploy({ DISCORD_TOKEN: '' });
  assert.equal(run.code, 2);
  assert.match(run.stderr, /DISCORD_TOKEN is not set/);
});
