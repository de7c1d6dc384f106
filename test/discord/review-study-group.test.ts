/**
 * A moderated study group, tried end to end against the local fake Discord with the real bot:
 * who may hand out moderation, who may be blocked, a mod-log channel the bot cannot post in, and
 * quizzes and study sessions in a channel limited to some documents.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { PermissionFlagsBits } from 'discord.js';
import type { Bot } from '../../src/discord/bot.js';
import { unescapeText } from '../../src/discord/render.js';
import { configureStudy } from '../../src/discord/study/runner.js';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { copyCorpus } from '../helpers/engine.js';
import { buttons, nextCall, sleep, startTestBot, type TestBot } from '../helpers/test-bot.js';

/** The shipped article and a short second document, so a channel can be limited to one of them. */
const corpus = copyCorpus();
writeFileSync(
  join(corpus.dir, 'baking-notes.txt'),
  `Baking Notes

Starters

A sourdough loaf needs a lively starter, flour, water and salt. Jane Doe opened her first bakery in Leeds on March 3, 2011, and a second one in York in 2014. She feeds her starter 200 grams of flour every morning.

Ovens

Tom Baker built the wood-fired oven in Leeds in 2012, because the old gas oven could not reach 300 degrees. Anna Smith ran the York bakery from 2015 until it closed on June 1, 2019.
`,
);
writeFileSync(join(corpus.dir, 'baking-notes.meta.json'), JSON.stringify({ title: 'Baking Notes', authors: ['Jane Doe'], date: '2020-05-01', publication: 'Kitchen Weekly' }));
const BAKING = 'baking-notes';

let session: TestBot;
let fake: FakeDiscord;
let bot: Bot;
let owner: { id: string };
let modLog: string;
let bakers: string;
const cy = { id: '434343434343434343', username: 'cy', global_name: 'Cy' };
const dee = { id: '454545454545454545', username: 'dee', global_name: 'Dee' };

before(async () => {
  session = await startTestBot({
    discord: { guildChannels: [{ name: 'mod-log' }, { name: 'hidden' }, { name: 'bakers' }] },
    env: { FOOTNOTE_CORPUS_DIR: corpus.dir },
    beforeStart: (b) => configureStudy(b.context, { questionMs: 60_000, seed: () => 42 }),
  });
  ({ fake, bot } = session);
  owner = { id: fake.owner.id };
  modLog = fake.channelByName('mod-log');
  bakers = fake.channelByName('bakers');
});

after(async () => {
  await session?.stop();
  corpus.cleanup();
});

// ---------------------------------------------------------------------------------------------------------------
// helpers

const OPTION_TYPES: Record<string, number> = { channel: 7, role: 8, member: 6 };
function sub(name: string, options: Record<string, string | number | boolean> = {}) {
  return [{ name, type: 1, options: Object.entries(options).map(([k, value]) => ({ name: k, type: OPTION_TYPES[k] ?? (typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : 4), value })) }];
}
type As = { user?: { id: string }; roles?: string[]; memberPermissions?: string; channelId?: string };
const command = (name: string, options: any, as: As = {}) => fake.interact({ type: 'command', name, options, ...as }).final();
const configure = (subcommand: string, options: Record<string, string | number | boolean> = {}, as: As = { user: owner }) => command('config', sub(subcommand, options), as);
const settings = () => bot.context.store.settings.get(fake.guildId);
/** Cy holds the moderator role, without Manage Server. */
const asModRole: As = { user: cy, roles: [] };
async function until(done: () => boolean, timeoutMs = 2000) {
  for (const start = Date.now(); !done(); await sleep(10)) if (Date.now() - start > timeoutMs) throw new Error('timed out');
}
/**
 * The session a `/study start` opened, once its thread is open and its first step posted there. The bot opens
 * the thread after it has shown the intro, so `final()` can come back before the thread exists.
 */
async function startedSession(intro: { id: string }) {
  const store = bot.context.store.study;
  await until(() => store.sessionInThread(intro.id)?.stepPosted === true, 5000);
  return store.sessionInThread(intro.id)!;
}

// ---------------------------------------------------------------------------------------------------------------

test('a member who is a moderator by role cannot choose the moderator roles; Manage Server can', async () => {
  Object.assign(asModRole, { roles: [fake.roles.moderator], memberPermissions: fake.permissions.member });
  await configure('moderator-role', { action: 'add', role: fake.roles.moderator });
  assert.deepEqual(settings().moderatorRoleIds, [fake.roles.moderator]);
  const members = '1300000000000000007';
  const added = await configure('moderator-role', { action: 'add', role: members }, asModRole);
  assert.equal(added.flags & 64, 64);
  assert.match(added.content, /^Only members with Manage Server can choose the moderator roles/);
  const removed = await configure('moderator-role', { action: 'remove', role: fake.roles.moderator }, asModRole);
  assert.match(removed.content, /^Only members with Manage Server can choose the moderator roles/);
  assert.deepEqual(settings().moderatorRoleIds, [fake.roles.moderator], 'nothing changed');
  // the other settings are still theirs to change
  assert.match((await configure('cooldown', { seconds: 0 }, asModRole)).content, /^Members may ask without waiting\.$/);
});

test('a moderator cannot be blocked, not even by another moderator: the owner and moderator-role members are refused', async () => {
  // Dee is seen with the moderator role once she used the bot
  await command('leaderboard', undefined, { user: dee, roles: [fake.roles.moderator], memberPermissions: fake.permissions.member });
  const ownerBlocked = await command('block', [{ name: 'member', type: 6, value: owner.id }], asModRole);
  assert.equal(ownerBlocked.flags & 64, 64);
  assert.match(ownerBlocked.content, /^Nothing was changed: <@\d+> is a Footnote moderator here/);
  const modBlocked = await command('block', [{ name: 'member', type: 6, value: dee.id }], { user: owner });
  assert.match(modBlocked.content, /is a Footnote moderator here/);
  assert.deepEqual(bot.context.store.moderation.blocks(fake.guildId), []);
  // an ordinary member still can be
  const member = await command('block', [{ name: 'member', type: 6, value: fake.user.id }], asModRole);
  assert.match(member.content, /^Blocked <@\d+>/);
  await command('unblock', [{ name: 'member', type: 6, value: fake.user.id }], asModRole);
});

test('a mod-log channel the bot cannot see is refused, saying which permissions are missing', async () => {
  const hidden = fake.channelByName('hidden');
  const cached: any = bot.client.channels.cache.get(hidden);
  fake.dispatch('CHANNEL_UPDATE', {
    id: hidden,
    type: 0,
    guild_id: fake.guildId,
    name: 'hidden',
    position: cached.position,
    parent_id: cached.parentId,
    permission_overwrites: [{ id: fake.roles.everyone, type: 0, allow: '0', deny: String(PermissionFlagsBits.ViewChannel) }],
  });
  await until(() => (bot.client.channels.cache.get(hidden) as any)?.permissionOverwrites.cache.size === 1);
  const refused = await configure('modlog', { channel: hidden });
  assert.equal(refused.flags & 64, 64);
  assert.match(refused.content, /^Nothing was changed: I need View Channel, Send Messages and Embed Links in <#\d+> to post review cards there, and I am missing View Channel\./);
  assert.equal(settings().modLogChannelId, null);
  assert.match((await configure('modlog', { channel: modLog })).content, /^Reports and moderation notices now go to <#\d+>\.$/);
});

test('in a channel limited to one document, /quiz asks only about it and /study walks only its passages', async () => {
  await configure('channel-documents', { channel: bakers, documents: BAKING });
  const posted = nextCall(fake, (c) => c.method === 'POST' && c.path === `/channels/${bakers}/messages` && /^Question 1 of/.test(c.body?.embeds?.[0]?.title ?? ''));
  const intro = await command('quiz', { count: 5 }, { channelId: bakers });
  assert.equal(unescapeText(intro.embeds[0].title), 'Quiz on “Baking Notes”');
  await posted;
  const round = bot.context.store.study.runningQuizIn(bakers)!;
  const docs = bot.context.store.study.questions(round.id).map((q) => q.question.evidence.docId);
  assert.ok(docs.length > 0);
  assert.deepEqual([...new Set(docs)], [BAKING], 'every question is about the channel’s document');
  const q1 = fake.messagesIn(bakers).find((m) => /^Question 1 of/.test(m.embeds?.[0]?.title ?? '') && buttons(m).length)!;
  const over = nextCall(fake, (c) => c.method === 'POST' && c.path === `/channels/${bakers}/messages` && c.body?.embeds?.[0]?.title === 'Quiz over');
  await fake.interact({ type: 'button', customId: buttons(q1).find((b) => b.label === 'Stop quiz')!.custom_id, message: q1.id, channelId: bakers }).final();
  assert.match(unescapeText((await over).body.embeds[0].description), /on “Baking Notes”\./);

  const study = await command('study', [{ name: 'start', type: 1, options: [] }], { channelId: bakers });
  assert.equal(unescapeText(study.embeds[0].title), 'Study session: “Baking Notes”');
  const s = await startedSession(study);
  assert.ok(s.steps.length > 0 && s.steps.every((p) => p.startsWith(`${BAKING}#`)), s.steps.join(', '));
  const ended = await command('study', [{ name: 'end', type: 1, options: [] }], { channelId: study.id });
  assert.match(ended.content, /session is over/);

  const elsewhere = await command('study', [{ name: 'start', type: 1, options: [{ name: 'section', type: 3, value: 'Limits of Convergence' }] }], { channelId: bakers });
  assert.equal(elsewhere.flags & 64, 64);
  assert.match(elsewhere.content, /^This channel draws only on “Baking Notes” \(\/config channel-documents\), and no passage there stands under the section “Limits of Convergence”\.$/);
  const quizElsewhere = await command('quiz', { section: 'Limits of Convergence' }, { channelId: bakers });
  assert.match(quizElsewhere.content, /^No passage stands under the section “Limits of Convergence”\. Sections: “Starters”, “Ovens”\.$/);
});

test('a study session is ended by whoever started it or a moderator; another member moves it on and is told so', async () => {
  const eve = { id: '464646464646464646', username: 'eve', global_name: 'Eve' };
  const study = (subcommand: string, as: As) => command('study', [{ name: subcommand, type: 1, options: [] }], as);
  const intro = await study('start', { user: eve });
  assert.match(intro.embeds[0].description, /`\/study end` \(for whoever started it, or a moderator\)/);
  const thread = intro.id;
  const s = await startedSession(intro);
  const refused = await study('end', { channelId: thread });
  assert.equal(refused.flags & 64, 64);
  assert.equal(refused.content, 'Only whoever started this study session, or a moderator, can end it. `/study next` moves it on.');
  assert.equal(bot.context.store.study.getSession(s.id)!.status, 'running');
  assert.match((await study('next', { channelId: thread })).content, /^Moved on to step 2/);
  assert.match((await study('end', { user: eve, channelId: thread })).content, /session is over/);

  const again = await study('start', { user: eve });
  await startedSession(again);
  assert.match((await study('end', { ...asModRole, channelId: again.id })).content, /session is over/, 'a moderator ends it');
});

test('nothing was left unacknowledged', () => {
  assert.deepEqual(fake.unacknowledged(), []);
});
