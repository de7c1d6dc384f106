/**
 * The fake Discord's member edits and deletions, as the REAL discord.js client sees them: MESSAGE_UPDATE
 * with the whole message (its text hidden without Message Content unless it mentions the bot), a link
 * preview that is not an edit, MESSAGE_DELETE and MESSAGE_DELETE_BULK for messages it never cached
 * (partials), and a thread renamed over REST.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { Client, Events, GatewayIntentBits, Partials, type Message, type PartialMessage, type ThreadChannel } from 'discord.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';

let fake: FakeDiscord;
let client: Client;

before(async () => {
  fake = await startFakeDiscord();
  // no Message Content: what an edit shows depends on whether it mentions the bot
  client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages], partials: [Partials.Channel, Partials.Message], rest: { api: fake.apiBase } });
  const ready = once(client, Events.ClientReady);
  await client.login('fake-bot-token');
  await ready;
});

after(async () => {
  await client?.destroy();
  await fake?.close();
});

const nextUpdate = () => once(client, Events.MessageUpdate) as Promise<[Message | PartialMessage, Message]>;

test('an edit arrives as the whole message; without Message Content its text shows only while it mentions the bot', async () => {
  const sent = fake.sendMessage({ content: 'who wrote it?', mentionBot: true });
  await once(client, Events.MessageCreate);
  let update = nextUpdate();
  fake.editMessage(sent.id, { content: `<@${fake.botUser.id}> who published it?` });
  let [before, after] = await update;
  assert.match(before.content ?? '', /who wrote it\?/);
  assert.match(after.content, /who published it\?/);
  assert.ok(after.editedTimestamp, 'an edit has its time');
  assert.equal(after.author.id, fake.user.id);

  update = nextUpdate();
  fake.editMessage(sent.id, { content: 'never mind' });
  [, after] = await update;
  assert.equal(after.content, '', 'no longer mentioning the bot, its text is hidden');
  assert.equal(fake.message(sent.id).content, 'never mind');
});

test('a link preview updates the embeds, not the text or the edit time', async () => {
  const sent = fake.sendMessage({ content: 'see https://example.com/', mentionBot: true });
  await once(client, Events.MessageCreate);
  const update = nextUpdate();
  fake.editMessage(sent.id, { embeds: [{ type: 'link', url: 'https://example.com/', title: 'Example' }] });
  const [before, after] = await update;
  assert.equal(after.content, before.content);
  assert.equal(after.editedTimestamp, null);
  assert.equal(after.embeds[0]?.title, 'Example');
});

test('a message the client never cached is still updated and deleted, as a partial', async () => {
  const sent = fake.sendMessage({ content: 'an old question', mentionBot: true });
  await once(client, Events.MessageCreate);
  // the channel stays cached; the message is dropped from the cache, as after a restart
  (client.channels.cache.get(fake.channelId) as any).messages.cache.delete(sent.id);
  const update = nextUpdate();
  fake.editMessage(sent.id, { content: `<@${fake.botUser.id}> a new question` });
  const [before, after] = await update;
  assert.equal(before.partial, true);
  assert.match(after.content, /a new question/);

  (client.channels.cache.get(fake.channelId) as any).messages.cache.delete(sent.id);
  const deleted = once(client, Events.MessageDelete) as Promise<[PartialMessage]>;
  fake.deleteMessage(sent.id);
  const [gone] = await deleted;
  assert.equal(gone.id, sent.id);
  assert.equal(gone.channelId, fake.channelId);
  assert.ok(fake.isDeleted(sent.id));
});

test('a bulk delete names every message, in its channel', async () => {
  const one = fake.sendMessage({ content: 'one', mentionBot: true });
  const two = fake.sendMessage({ content: 'two', mentionBot: true });
  const bulk = once(client, Events.MessageBulkDelete) as Promise<[Map<string, Message | PartialMessage>, { id: string }]>;
  fake.bulkDeleteMessages(fake.channelId, [one.id, two.id]);
  const [messages, channel] = await bulk;
  assert.deepEqual([...messages.keys()].sort(), [one.id, two.id].sort());
  assert.equal(channel.id, fake.channelId);
  assert.ok(fake.isDeleted(one.id) && fake.isDeleted(two.id));
});

test('a thread is renamed over REST, and the client hears of it', async () => {
  const threadId = fake.createThread({ name: 'old name' });
  await once(client, Events.ThreadCreate);
  const thread = (await client.channels.fetch(threadId)) as ThreadChannel;
  const updated = once(client, Events.ThreadUpdate);
  await thread.setName('new name');
  await updated;
  assert.equal(fake.channel(threadId).name, 'new name');
  assert.equal((client.channels.cache.get(threadId) as ThreadChannel).name, 'new name');
});
