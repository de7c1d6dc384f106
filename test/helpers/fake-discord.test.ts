/**
 * Proves the fake Discord in ./fake-discord.ts is good enough for the REAL discord.js v14 client:
 * login/ready, interactions (commands, buttons, autocomplete, modals), messages, rate limits, 5xx retries,
 * gateway resume, and a clean shutdown.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type Interaction,
  type Message,
  type TextChannel,
} from 'discord.js';
import { startFakeDiscord, type FakeDiscord } from './fake-discord.js';

const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent];

async function loggedInClient(fake: FakeDiscord): Promise<Client> {
  const client = new Client({ intents, partials: [Partials.Channel], rest: { api: fake.apiBase } });
  const ready = once(client, Events.ClientReady);
  await client.login('fake-bot-token');
  await ready;
  return client;
}

let fake: FakeDiscord;
let client: Client;

/** Runs `fn` on the next interaction the client receives; resolves when it finished, rejects if it threw. */
function onNextInteraction(fn: (i: Interaction) => Promise<unknown>): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once(Events.InteractionCreate, (i) => {
      Promise.resolve()
        .then(() => fn(i))
        .then(() => resolve(), reject);
    });
  });
}

/** Resolves with the next message from a non-bot author (the fake echoes the bot's own messages, like Discord). */
function nextHumanMessage(): Promise<Message> {
  return new Promise((resolve) => {
    const listener = (m: Message) => {
      if (m.author.bot) return;
      client.off(Events.MessageCreate, listener);
      resolve(m);
    };
    client.on(Events.MessageCreate, listener);
  });
}

before(async () => {
  fake = await startFakeDiscord();
  client = await loggedInClient(fake);
  await fake.ready();
});

after(async () => {
  await client?.destroy();
  await fake?.close();
});

test('a real discord.js client logs in and reaches ready against the fake', async () => {
  assert.ok(client.isReady());
  assert.equal(client.user!.id, fake.botUser.id);
  assert.equal(client.application!.id, fake.applicationId);
  const guild = client.guilds.cache.get(fake.guildId);
  assert.ok(guild, 'guild from GUILD_CREATE is cached');
  assert.ok(guild.available);
  const channel = client.channels.cache.get(fake.channelId);
  assert.ok(channel?.isTextBased(), 'default text channel is cached');
  assert.ok(guild.members.me, 'the bot is a member of the guild');
  const gatewayBot = fake.calls.find((c) => c.method === 'GET' && c.path === '/gateway/bot');
  assert.ok(gatewayBot, 'discord.js fetched /gateway/bot');
  assert.equal(gatewayBot.headers.authorization, 'Bot fake-bot-token');
  assert.equal(fake.gatewayStats().identifies, 1);
});

test('a slash command is received, and deferReply then editReply with an embed land as a callback and a PATCH of @original', async () => {
  const handled = onNextInteraction(async (i) => {
    assert.ok(i.isChatInputCommand());
    assert.equal(i.commandName, 'ask');
    assert.equal(i.options.getString('question', true), 'What is a footnote?');
    assert.equal(i.guildId, fake.guildId);
    assert.equal(i.channelId, fake.channelId);
    assert.equal(i.user.id, fake.user.id);
    await i.deferReply();
    await i.editReply({ embeds: [new EmbedBuilder().setTitle('Answer').setDescription('A note at the foot of a page [1].')] });
  });
  const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'What is a footnote?' } });
  await handled;

  const ack = await h.ack();
  assert.equal(ack.body.type, 5, 'deferred channel message');
  assert.equal(ack.query.get('with_response'), 'false', 'discord.js 14.28 always sends with_response');
  assert.equal(ack.status, 204);
  const reply = await h.final();
  assert.equal(reply.embeds.length, 1);
  assert.equal(reply.embeds[0].title, 'Answer');
  assert.equal(reply.embeds[0].description, 'A note at the foot of a page [1].');
  assert.equal(reply.flags & 128, 0, 'no longer loading');
  const patches = h.calls().filter((c) => c.method === 'PATCH');
  assert.equal(patches.length, 1);
  assert.equal(patches[0]!.path, `/webhooks/${fake.applicationId}/${h.token}/messages/@original`);
  assert.ok(fake.messagesIn(fake.channelId).some((m) => m.id === reply.id));
  assert.equal(fake.ackLatencies().length >= 1, true);
  assert.deepEqual(fake.unacknowledged(), []);
});

test('a button press can update its message, and another press can reply ephemerally', async () => {
  const channel = client.channels.cache.get(fake.channelId) as TextChannel;
  const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId('helpful:yes').setLabel('Helpful').setStyle(ButtonStyle.Success),
    new ButtonBuilder().setCustomId('sources').setLabel('Sources').setStyle(ButtonStyle.Secondary),
  );
  const sent = await channel.send({ content: 'Was this helpful?', components: [row] });

  const updated = onNextInteraction(async (i) => {
    assert.ok(i.isButton());
    assert.equal(i.customId, 'helpful:yes');
    assert.equal(i.message.id, sent.id);
    await i.update({ content: 'Thanks for the feedback!', components: [] });
  });
  const press = fake.interact({ type: 'button', customId: 'helpful:yes', message: sent.id });
  await updated;
  const after = await press.final();
  assert.equal((await press.ack()).body.type, 7);
  assert.equal(after.id, sent.id, 'update edits the message the button is on');
  assert.equal(after.content, 'Thanks for the feedback!');
  assert.deepEqual(after.components, []);

  const replied = onNextInteraction(async (i) => {
    assert.ok(i.isButton());
    await i.reply({ content: 'Sources: handbook §2', flags: MessageFlags.Ephemeral });
  });
  const press2 = fake.interact({ type: 'button', customId: 'sources', message: sent.id });
  await replied;
  const eph = await press2.final();
  assert.equal(eph.content, 'Sources: handbook §2');
  assert.equal(eph.flags & 64, 64);
  assert.notEqual(eph.id, sent.id);
});

test('an autocomplete respond() lands as a type 8 callback with the choices', async () => {
  const handled = onNextInteraction(async (i) => {
    assert.ok(i.isAutocomplete());
    const focused = i.options.getFocused(true);
    assert.equal(focused.name, 'document');
    assert.equal(focused.value, 'hand');
    await i.respond([
      { name: 'Employee handbook', value: 'handbook' },
      { name: 'Handover notes', value: 'handover' },
    ]);
  });
  const h = fake.interact({ type: 'autocomplete', name: 'ask', options: { question: 'x', document: 'hand' }, focused: 'document' });
  await handled;
  const result = await h.final();
  assert.deepEqual(result.choices.map((c: any) => c.value), ['handbook', 'handover']);
  assert.equal((await h.ack()).body.type, 8);
});

test('a modal submit exposes its fields and can be replied to', async () => {
  const handled = onNextInteraction(async (i) => {
    assert.ok(i.isModalSubmit());
    assert.equal(i.customId, 'feedback');
    await i.reply({ content: `got: ${i.fields.getTextInputValue('comment')}` });
  });
  const h = fake.interact({ type: 'modal', customId: 'feedback', fields: { comment: 'great answer' } });
  await handled;
  assert.equal((await h.final()).content, 'got: great answer');
});

test('a MESSAGE_CREATE mentioning the bot is received and message.reply() lands as a channel message referencing it', async () => {
  const received = nextHumanMessage();
  const { id } = fake.sendMessage({ content: 'where is the refund policy?', mentionBot: true });
  const message = await received;
  assert.equal(message.id, id);
  assert.equal(message.content, `<@${fake.botUser.id}> where is the refund policy?`);
  assert.ok(message.mentions.users.has(fake.botUser.id));
  assert.equal(message.guildId, fake.guildId);
  const reply = await message.reply('It is in section 4.');
  const call = await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages` && c.body?.content === 'It is in section 4.');
  assert.equal(call.body.message_reference.message_id, id);
  const stored = fake.message(reply.id);
  assert.equal(stored.type, 19);
  assert.equal(stored.referenced_message.id, id);
});

test('a direct message reaches the client and can be answered in the DM channel', async () => {
  const received = nextHumanMessage();
  fake.sendMessage({ content: 'hello in private', dm: true });
  const message = await received;
  assert.equal(message.guildId, null);
  assert.equal(message.channelId, fake.dmChannelId);
  assert.ok(message.channel.isSendable());
  await message.channel.send('hi!');
  assert.ok(fake.messagesIn(fake.dmChannelId).some((m) => m.content === 'hi!'));
});

test('the bot can open a DM with a member who never wrote to it, and a member with DMs closed refuses it with 50007', async () => {
  const received = nextHumanMessage();
  fake.sendMessage({ content: 'hello everyone', author: { username: 'dora' } });
  const dora = (await received).author;
  assert.equal(fake.dmChannelOf(dora.id), undefined, 'no DM channel yet');
  const sent = await dora.send('psst');
  assert.equal(sent.channelId, fake.dmChannelOf(dora.id));
  assert.ok(fake.messagesIn(sent.channelId).some((m) => m.content === 'psst'));

  fake.closeDms(dora.id);
  await assert.rejects(dora.send('again'), (e: unknown) => e instanceof DiscordAPIError && e.code === 50007 && e.status === 403);
  fake.closeDms(dora.id, false);
  await dora.send('open again');
  assert.deepEqual(fake.messagesIn(sent.channelId).map((m) => m.content), ['psst', 'open again']);
});

test('a message from another bot arrives flagged as a bot, and without a mention its content is still delivered with MessageContent', async () => {
  const received = new Promise<Message>((resolve) => {
    const listener = (m: Message) => {
      if (m.author.id === fake.botUser.id) return;
      client.off(Events.MessageCreate, listener);
      resolve(m);
    };
    client.on(Events.MessageCreate, listener);
  });
  const { id } = fake.sendMessage({ content: 'beep boop', author: { bot: true } });
  const m = await received;
  assert.equal(m.id, id);
  assert.equal(m.author.bot, true);
  assert.notEqual(m.author.id, fake.user.id);
  assert.equal(m.content, 'beep boop');
});

test('a 429 with retry_after on the edit route is retried by discord.js and the edit is delivered once', async () => {
  fake.failNext({ method: 'PATCH', pathIncludes: '/messages/@original' }, { status: 429, retryAfter: 0.3 });
  const handled = onNextInteraction(async (i) => {
    assert.ok(i.isChatInputCommand());
    await i.deferReply();
    await i.editReply({ content: 'after the rate limit' });
  });
  const h = fake.interact({ type: 'command', name: 'ask', options: { question: 'rate limited?' } });
  await handled;
  const patches = h.calls().filter((c) => c.method === 'PATCH');
  assert.deepEqual(patches.map((c) => c.status), [429, 200]);
  assert.ok(patches[1]!.at - patches[0]!.at >= 300, `retried after Retry-After (${patches[1]!.at - patches[0]!.at} ms)`);
  const reply = await h.final();
  assert.equal(reply.content, 'after the rate limit');
  assert.equal(fake.messagesIn(fake.channelId).filter((m) => m.content === 'after the rate limit').length, 1);
});

test('a 500 on a channel message POST is retried by discord.js and the message is created once', async () => {
  fake.failNext({ method: 'POST', pathIncludes: `/channels/${fake.channelId}/messages` }, { status: 500 });
  const channel = client.channels.cache.get(fake.channelId) as TextChannel;
  const before = fake.calls.length;
  const sent = await channel.send('survived a 500');
  const posts = fake.calls.slice(before).filter((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages`);
  assert.deepEqual(posts.map((c) => c.status), [500, 200]);
  assert.equal(fake.messagesIn(fake.channelId).filter((m) => m.content === 'survived a 500').length, 1);
  assert.equal(fake.message(sent.id).content, 'survived a 500');
});

test('an unknown route is recorded and answered with a Discord-style 404', async () => {
  await assert.rejects(client.rest.get('/nothing/here'), (e: unknown) => e instanceof DiscordAPIError && e.status === 404 && e.code === 0);
  assert.ok(fake.unknownRoutes().some((c) => c.path === '/nothing/here'));
});

test('a dropped gateway connection is resumed, events sent meanwhile are replayed, and later events still arrive', async () => {
  const resumed = fake.waitForReconnect();
  fake.dropConnections();
  const replayed = nextHumanMessage();
  const during = fake.sendMessage({ content: 'sent while disconnected', mentionBot: true });
  assert.equal(await resumed, 'resumed');
  assert.equal((await replayed).id, during.id);
  assert.equal(fake.gatewayStats().resumes, 1);

  const later = nextHumanMessage();
  const afterwards = fake.sendMessage({ content: 'sent after the resume', mentionBot: true });
  assert.equal((await later).id, afterwards.id);

  // and interactions still work on the resumed session
  const handled = onNextInteraction(async (i) => {
    assert.ok(i.isChatInputCommand());
    await i.reply('still here');
  });
  const h = fake.interact({ type: 'command', name: 'ping' });
  await handled;
  assert.equal((await h.final()).content, 'still here');
});

test('a late acknowledgement is answered 10062 Unknown interaction and reported by unacknowledged()', async () => {
  const strict = await startFakeDiscord({ strictAckMs: 200 });
  const c2 = await loggedInClient(strict);
  try {
    const seen = new Promise<unknown>((resolve) => {
      c2.once(Events.InteractionCreate, async (i) => {
        await new Promise((r) => setTimeout(r, 300));
        try {
          if (i.isChatInputCommand()) await i.deferReply();
          resolve(null);
        } catch (e) {
          resolve(e);
        }
      });
    });
    const h = strict.interact({ type: 'command', name: 'slow' });
    const error = await seen;
    assert.ok(error instanceof DiscordAPIError, `expected a DiscordAPIError, got ${String(error)}`);
    assert.equal(error.code, 10062);
    assert.deepEqual(strict.unacknowledged(), [h.id]);
  } finally {
    await c2.destroy();
    await strict.close();
  }
});

test('closing the fake after destroying the client leaves nothing running, so a process exits on its own', async () => {
  const helper = fileURLToPath(new URL('./fake-discord.ts', import.meta.url));
  const script = `
    import { Client, Events, GatewayIntentBits } from 'discord.js';
    import { once } from 'node:events';
    const { startFakeDiscord } = await import(${JSON.stringify(helper)});
    const fake = await startFakeDiscord();
    const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages], rest: { api: fake.apiBase } });
    const ready = once(client, Events.ClientReady);
    await client.login('t');
    await ready;
    client.once(Events.InteractionCreate, (i) => i.isChatInputCommand() && i.reply('ok'));
    await fake.interact({ type: 'command', name: 'ping' }).final();
    await client.destroy();
    await fake.close();
    console.log('closed');
    setTimeout(() => { console.log('STILL RUNNING', JSON.stringify(process.getActiveResourcesInfo())); process.exit(3); }, 5000).unref();
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(killer);
  assert.match(out, /closed/);
  assert.equal(code, 0, out);
});
