/**
 * A moderator setting Footnote up for a moderated study group, with the real bot (createBot) against
 * the local fake Discord: what was lost on a restart, what did not reach the moderators, and what a
 * channel's settings left out.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

let session: TestBot;
let fake: FakeDiscord;
let modLog: string;
const owner = () => ({ id: fake.owner.id });
const bob = { id: '424242424242424242', username: 'bob', global_name: 'Bob' };

before(async () => {
  session = await startTestBot({ discord: { guildChannels: [{ name: 'mod-log' }, { name: 'questions' }] }, env: { FOOTNOTE_MESSAGE_CONTENT: 'true' } });
  fake = session.fake;
  modLog = fake.channelByName('mod-log');
});

after(async () => {
  await session?.stop();
});

const store = () => session.bot.context.store;
type Who = { id: string } | undefined;

const OPTION_TYPES: Record<string, number> = { channel: 7, role: 8, member: 6 };
function sub(name: string, options: Record<string, string | number | boolean> = {}) {
  return [{ name, type: 1, options: Object.entries(options).map(([k, value]) => ({ name: k, type: OPTION_TYPES[k] ?? (typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : 4), value })) }];
}
const command = (name: string, options: any, user?: Who, extra: Record<string, unknown> = {}) => fake.interact({ type: 'command', name, options, user, ...extra }).final();
const configure = (subcommand: string, options: Record<string, string | number | boolean> = {}, user: Who = owner()) => command('config', sub(subcommand, options), user);
const ask = (question: string, user?: Who, extra: Record<string, unknown> = {}) => command('ask', { question }, user, extra);

test('a member’s cooldown holds across a restart of the bot', async () => {
  await configure('cooldown', { seconds: 600 });
  try {
    const first = await ask('Who is Ali Larijani?', bob);
    assert.ok(first.embeds?.length, 'the first question is answered');
    assert.match((await ask('Who wrote the article?', bob)).content, /^Please wait \d+ more seconds before asking again/);
    await session.restart();
    const after = await ask('Who wrote the article?', bob);
    assert.equal(after.flags & 64, 64);
    assert.match(after.content, /^Please wait (59\d|600) more seconds before asking again \(one question every 600 seconds per member here\)\.$/);
    assert.ok((await ask('Who wrote the article?')).embeds?.length, 'another member is not held back');
  } finally {
    await configure('cooldown', { seconds: 0 });
  }
});
