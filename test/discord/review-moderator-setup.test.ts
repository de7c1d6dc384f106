/**
 * A moderator setting Footnote up for a moderated study group, with the real bot (createBot) against
 * the local fake Discord: what was lost on a restart, what did not reach the moderators, and what a
 * channel's settings left out.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PermissionFlagsBits } from 'discord.js';
import { createLlmAnswerer } from '../../src/answer/llm.js';
import { readConfig } from '../../src/config/index.js';
import { Engine } from '../../src/engine.js';
import { CORPUS_DIR, tempDir } from '../helpers/engine.js';
import { startFakeOpenAI } from '../helpers/fake-openai.js';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { botReplyTo, buttonId, buttons, replyTo, sleep, startTestBot, type TestBot } from '../helpers/test-bot.js';

let session: TestBot;
let fake: FakeDiscord;
let modLog: string;
const owner = () => ({ id: fake.owner.id });
const bob = { id: '424242424242424242', username: 'bob', global_name: 'Bob' };

before(async () => {
  session = await startTestBot({ discord: { guildChannels: [{ name: 'mod-log' }, { name: 'questions' }, { name: 'reading' }] }, env: { FOOTNOTE_MESSAGE_CONTENT: 'true' } });
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

/** A moderator takes a permission from the bot's role in a channel (the fake enforces it, as Discord does). */
async function deny(channelId: string, bit: bigint): Promise<void> {
  fake.setPermissionOverwrites(channelId, [{ id: fake.roles.bot, type: 0, allow: '0', deny: bit.toString() }]);
  await sleep(100);
}

const field = (reply: any, name: string): string => reply.embeds[0].fields.find((f: any) => f.name === name)?.value;

test('/about says how answers are written in this server (offline once /config llm turned the model off) and names the documents a limited channel draws on', async () => {
  const openai = await startFakeOpenAI();
  const data = tempDir('footnote-about-');
  const env = { OPENAI_API_KEY: 'sk-test-about', OPENAI_BASE_URL: openai.baseURL };
  const config = readConfig({ FOOTNOTE_CORPUS_DIR: CORPUS_DIR, FOOTNOTE_DATA_DIR: data.dir, ...env });
  const engine = await Engine.open(config, { llm: await createLlmAnswerer(config) });
  const withModel = await startTestBot({ engine, env });
  try {
    const about = async (extra: Record<string, unknown> = {}) => (await withModel.fake.interact({ type: 'command', name: 'about', ...extra }).final()).embeds[0];
    const answering = (embed: any) => embed.fields.find((f: any) => f.name === 'Answering')?.value;
    const setting = (name: string, options: Record<string, string | number | boolean>) =>
      withModel.fake.interact({ type: 'command', name: 'config', options: sub(name, options), user: { id: withModel.fake.owner.id } }).final();
    assert.equal(answering(await about()), 'Language model, grounded in cited passages');
    await setting('llm', { enabled: false });
    assert.equal(answering(await about()), 'Offline: sentences quoted from the corpus');
    assert.equal(answering(await about({ dm: true })), 'Language model, grounded in cited passages', 'direct messages have no server settings');

    const reading = withModel.fake.channelId;
    assert.equal((await about()).fields.find((f: any) => f.name === 'In this channel'), undefined, 'all documents: nothing to say');
    await setting('channel-documents', { channel: reading, documents: 'twisted-tehran-moscow-axis' });
    assert.equal((await about()).fields.find((f: any) => f.name === 'In this channel')?.value, 'only The Twisted Tehran-Moscow Axis');
  } finally {
    await withModel.stop();
    await openai.close();
    data.cleanup();
  }
});

test('a question channel where the bot cannot post is added with a note naming what is missing, and /config show points it out', async () => {
  const questions = fake.channelByName('questions');
  await deny(questions, PermissionFlagsBits.SendMessages);
  const added = await configure('question-channel', { action: 'add', channel: questions });
  assert.equal(added.flags & 64, 64);
  assert.equal(added.content, `Every message in <#${questions}> is now a question. Note: I can’t answer there yet: I am missing Send Messages in <#${questions}>. Give me View Channel, Send Messages and Embed Links in the channel’s permissions.`);
  assert.equal(field(await configure('show'), 'Question channels'), `<#${questions}> (⚠️ I am missing Send Messages there)`);
  fake.setPermissionOverwrites(questions, []);
  await sleep(100);
  assert.equal(field(await configure('show'), 'Question channels'), `<#${questions}>`);
  await configure('question-channel', { action: 'remove', channel: questions });
});

test('when the mod-log channel loses the bot’s permissions, a block says its notice was not posted and why, and /config show points it out with the reports waiting', async () => {
  await configure('modlog', { channel: modLog });
  await deny(modLog, PermissionFlagsBits.SendMessages);
  try {
    const blocked = await command('block', [{ name: 'member', type: 6, value: bob.id }], owner());
    assert.equal(blocked.flags & 64, 64);
    assert.match(blocked.content, /^Blocked <@\d+>: .* \/unblock undoes it\. I could not post this in the mod-log channel <#\d+>: I am missing Send Messages there\. I need View Channel, Send Messages and Embed Links there \(or choose another with \/config modlog\)\.$/);
    assert.ok(store().moderation.blockOf(fake.guildId, bob.id), 'the block itself holds');
    const unblocked = await command('unblock', [{ name: 'member', type: 6, value: bob.id }], owner());
    assert.match(unblocked.content, /^Unblocked <@\d+>: they can ask Footnote again\. I could not post this in the mod-log channel/);

    const answer = await ask('When was the article published?');
    const opened = await fake.interact({ type: 'button', customId: buttonId(answer, 'Report'), message: answer.id }).final();
    await fake.interact({ type: 'modal', customId: opened.modal.custom_id, fields: { reason: 'Which weekday?' }, message: answer.id }).final();
    const shown = await configure('show');
    assert.equal(field(shown, 'Mod-log channel'), `<#${modLog}> (⚠️ I am missing Send Messages there)\n1 report waiting for a review card: posted once a channel I can post in is set (/config modlog)`);
  } finally {
    fake.setPermissionOverwrites(modLog, []);
    await sleep(100);
  }
  // with the permission back, the mod-log line says how the waiting card goes out, and setting the channel again posts it
  assert.match(field(await configure('show'), 'Mod-log channel'), /^<#\d+>\n1 report waiting for a review card: posted with the next report, or set the channel again \(\/config modlog\)$/);
  assert.match((await configure('modlog', { channel: modLog })).content, /1 report waiting for review was posted there\./);
  assert.equal(field(await configure('show'), 'Mod-log channel'), `<#${modLog}>`);
  const quiet = await command('block', [{ name: 'member', type: 6, value: bob.id }], owner());
  assert.doesNotMatch(quiet.content, /could not post/);
  await command('unblock', [{ name: 'member', type: 6, value: bob.id }], owner());
});

test('Hide on an answer that opened a thread says the thread stays, so the moderator can delete it', async () => {
  await configure('modlog', { channel: modLog });
  await configure('reply-style', { style: 'thread' });
  try {
    const question = 'Who is Ali Larijani, the fool?';
    const { id } = fake.sendMessage({ content: question, mentionBot: true });
    await replyTo(fake, id);
    const answer = botReplyTo(fake, fake.channelId, id);
    await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages/${answer.id}/threads` && c.status === 200);
    const opened = await fake.interact({ type: 'button', customId: buttonId(answer, 'Report'), message: answer.id }).final();
    await fake.interact({ type: 'modal', customId: opened.modal.custom_id, fields: { reason: 'Rude title' }, message: answer.id }).final();
    await fake.waitFor(() => fake.messagesIn(modLog).some((m) => m.embeds?.[0]?.description?.includes('the fool')));
    const card = fake.messagesIn(modLog).find((m) => m.embeds?.[0]?.description?.includes('the fool'));
    const hidden = await fake.interact({ type: 'button', customId: buttonId(card, 'Hide'), message: card.id, channelId: modLog, user: owner() }).final();
    assert.equal(hidden.flags & 64, 64);
    assert.equal(hidden.content, `Hid the answer of report #${/^Report #(\d+)/.exec(card.embeds[0].title)![1]}: 1 of 1 message removed. The thread opened on it, <#${answer.id}>, stays with its follow-ups (I don’t delete threads): delete it in Discord if it should go too.`);
    assert.ok(fake.isDeleted(answer.id));

    // an answer without a thread says nothing of one
    await configure('reply-style', { style: 'inline' });
    const plain = await ask('When was the article published?');
    const o2 = await fake.interact({ type: 'button', customId: buttonId(plain, 'Report'), message: plain.id }).final();
    await fake.interact({ type: 'modal', customId: o2.modal.custom_id, fields: { reason: 'Check' }, message: plain.id }).final();
    await fake.waitFor(() => fake.messagesIn(modLog).filter((m) => /^Report #/.test(m.embeds?.[0]?.title ?? '') && buttons(m).length).length > 0);
    const card2 = fake.messagesIn(modLog).filter((m) => /^Report #/.test(m.embeds?.[0]?.title ?? '') && buttons(m).length).at(-1);
    const hidden2 = await fake.interact({ type: 'button', customId: buttonId(card2, 'Hide'), message: card2.id, channelId: modLog, user: owner() }).final();
    assert.match(hidden2.content, /^Hid the answer of report #\d+: 1 of 1 message removed\.$/);
  } finally {
    await configure('reply-style', { style: 'inline' });
  }
});

test('/config moderator-role and allowed-role say when nothing changed, as question-channel does', async () => {
  const role = fake.roles.moderator;
  assert.equal((await configure('moderator-role', { action: 'remove', role })).content, `<@&${role}> was not a moderator role; nothing changed.`);
  assert.equal((await configure('moderator-role', { action: 'add', role })).content, `Members with <@&${role}> are now Footnote moderators.`);
  assert.equal((await configure('moderator-role', { action: 'add', role })).content, `Members with <@&${role}> are already Footnote moderators; nothing changed.`);
  assert.equal((await configure('moderator-role', { action: 'remove', role })).content, `<@&${role}> no longer makes its members moderators (Manage Server still does).`);
  assert.equal((await configure('allowed-role', { action: 'remove', role })).content, `<@&${role}> was not an allowed role; nothing changed. Everyone may ask Footnote.`);
  assert.equal(store().settings.history(fake.guildId).filter((c) => c.setting === 'moderatorRoleIds').length, 2, 'only real changes are recorded');
});

test('channels and roles deleted after they were configured are pointed out by /config show, and a block says the mod-log channel is gone', async () => {
  const reading = fake.channelByName('reading');
  await configure('channel-documents', { channel: reading, documents: 'twisted-tehran-moscow-axis' });
  await configure('moderator-role', { action: 'add', role: fake.roles.moderator });
  fake.deleteChannel(reading);
  fake.deleteChannel(modLog);
  fake.dispatch('GUILD_ROLE_DELETE', { guild_id: fake.guildId, role_id: fake.roles.moderator });
  await sleep(150);
  const shown = await configure('show');
  assert.equal(field(shown, 'Mod-log channel'), `<#${modLog}> (⚠️ deleted)`);
  assert.equal(field(shown, 'Channel documents'), `<#${reading}> (⚠️ deleted): The Twisted Tehran-Moscow Axis`);
  assert.equal(field(shown, 'Moderators'), `Manage Server, and <@&${fake.roles.moderator}> (⚠️ deleted)`);
  const blocked = await command('block', [{ name: 'member', type: 6, value: bob.id }], owner());
  assert.match(blocked.content, /I could not post this in the mod-log channel: <#\d+> was deleted\. Choose another with \/config modlog\.$/);
});
