/**
 * Settings and moderation through the local fake Discord, with the real bot (createBot) and the real
 * engine over the article plus a second document: who may change settings, every setting, the
 * question rules, reports → review → reviewed answers, blocks, the export and /forget-me.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { AskOptions } from '../../src/engine.js';
import { readConfig, type Config } from '../../src/config/index.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/discord/log.js';
import { unescapeText } from '../../src/discord/render.js';
import { Engine } from '../../src/engine.js';
import { ACK_BUDGET_MS, startFakeDiscord, type FakeDiscord, type RecordedCall } from '../helpers/fake-discord.js';
import { ARTICLE_FILE, copyCorpus, tempDir } from '../helpers/engine.js';

const corpus = copyCorpus();
const data = tempDir('footnote-moderation-');
const ARTICLE = 'twisted-tehran-moscow-axis';
const BAKING = 'baking-notes';
writeFileSync(
  join(corpus.dir, `${BAKING}.txt`),
  `Baking Notes

Sourdough Basics

A sourdough loaf needs a lively starter, flour, water and salt. Feed the starter the day before you bake, so that it doubles within six hours.

Bake the sourdough loaf in a covered pot at 250 degrees Celsius for twenty minutes, then uncovered for twenty more minutes.
`,
);
const article = readFileSync(join(corpus.dir, ARTICLE_FILE), 'utf8');
const logs: string[] = [];
let fake: FakeDiscord;
let config: Config;
let engine: Engine;
let bot: Bot;
let questions: string;
let modLog: string;
let scoped: string;
let owner: { id: string };
let modRoleMember: { id: string; username: string };
let alice: { id: string };

before(async () => {
  fake = await startFakeDiscord({ guildChannels: [{ name: 'questions' }, { name: 'mod-log' }, { name: 'scoped' }] });
  questions = fake.channelByName('questions');
  modLog = fake.channelByName('mod-log');
  scoped = fake.channelByName('scoped');
  owner = { id: fake.owner.id };
  alice = { id: fake.user.id };
  modRoleMember = { id: '313131313131313131', username: 'maya' };
  config = readConfig({
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_API_URL: fake.apiBase,
    FOOTNOTE_CORPUS_DIR: corpus.dir,
    FOOTNOTE_DATA_DIR: data.dir,
    FOOTNOTE_MESSAGE_CONTENT: 'true',
  });
  engine = await Engine.open(config);
  bot = await createBot(engine, config, config.discord!, { log: createLogger(config, (line) => logs.push(line)) });
  await bot.start();
});

after(async () => {
  await bot?.stop();
  await fake?.close();
  data.cleanup();
  corpus.cleanup();
});

// ---------------------------------------------------------------------------------------------------------------
// helpers

const store = () => bot.context.store;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
type Who = { id: string } | undefined;

const OPTION_TYPES: Record<string, number> = { channel: 7, role: 8, member: 6 };
/** Options as Discord sends them (channel, role and user options carry ids). */
function opts(options: Record<string, string | number | boolean>) {
  return Object.entries(options).map(([k, value]) => ({
    name: k,
    type: OPTION_TYPES[k] ?? (typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : 4),
    value,
  }));
}

/** A subcommand with its options. */
function sub(name: string, options: Record<string, string | number | boolean> = {}) {
  return [{ name, type: 1, options: opts(options) }];
}

async function command(name: string, options: any, user?: Who, extra: Record<string, unknown> = {}) {
  const h = fake.interact({ type: 'command', name, options, user, ...extra });
  return { h, reply: await h.final() };
}

const configure = (subcommand: string, options: Record<string, string | number | boolean> = {}, user: Who = owner) => command('config', sub(subcommand, options), user);

async function ask(question: string, user?: Who, extra: Record<string, unknown> = {}) {
  return command('ask', { question }, user, extra);
}

function buttons(message: any): { custom_id: string; label: string }[] {
  return (message.components ?? []).flatMap((r: any) => r.components);
}

function button(message: any, label: string): string {
  const b = buttons(message).find((x) => x.label === label);
  assert.ok(b, `no button ${label} among ${JSON.stringify(buttons(message).map((x) => x.label))}`);
  return b.custom_id;
}

function replyTo(messageId: string, timeoutMs = 5000): Promise<RecordedCall> {
  return fake.waitFor((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.body?.message_reference?.message_id === messageId && c.status === 200, timeoutMs);
}

function answerIdOf(message: any): string {
  return /answer ([\w-]+)$/.exec(message.embeds[message.embeds.length - 1].footer.text)![1]!;
}

/** Report an answer with a reason, through the button and its modal. */
async function report(reply: any, reason: string, user?: Who) {
  const opened = await fake.interact({ type: 'button', customId: button(reply, 'Report'), message: reply.id, user }).final();
  assert.ok(opened.modal, `the Report button opens a modal: ${JSON.stringify(opened)}`);
  return fake.interact({ type: 'modal', customId: opened.modal.custom_id, fields: { reason }, message: reply.id, user }).final();
}

/** The latest report posted to the mod-log channel. */
function lastReportCard(): any {
  return [...fake.messagesIn(modLog)].reverse().find((m) => /^Report #/.test(m.embeds?.[0]?.title ?? ''));
}

const field = (embed: any, name: string): string | undefined => embed.fields?.find((f: any) => f.name === name)?.value;

// ---------------------------------------------------------------------------------------------------------------
// settings and who may change them

test('a member without Manage Server or a moderator role gets a private refusal from /config, and nothing changes', async () => {
  for (const [subcommand, options] of [
    ['cooldown', { seconds: 30 }],
    ['llm', { enabled: false }],
    ['question-channel', { action: 'add', channel: questions }],
    ['show', {}],
  ] as const) {
    const { h, reply } = await configure(subcommand, options, alice);
    const ack = await h.ack();
    assert.equal(ack.body.type, 5, 'acknowledged at once (deferred)');
    assert.equal(ack.body.data.flags, 64, 'privately');
    assert.equal(reply.flags & 64, 64);
    assert.match(reply.content, /Only moderators can see or change Footnote’s settings.*Nothing was changed/);
  }
  assert.deepEqual(store().settings.saved(fake.guildId), {});
  assert.deepEqual(store().settings.history(fake.guildId), []);
});

test('a member with Manage Server changes each setting; every change is recorded; /config show prints them all', async () => {
  const steps: [string, Record<string, string | number | boolean>, RegExp][] = [
    ['question-channel', { action: 'add', channel: questions }, /Every message in <#\d+> is now a question/],
    ['reply-style', { style: 'inline' }, /replies under the question/],
    ['allowed-role', { action: 'add', role: fake.roles.moderator }, /Members with <@&\d+> \(and moderators\) may ask/],
    ['allowed-role', { action: 'clear' }, /Everyone may ask/],
    ['cooldown', { seconds: 1 }, /once every 1 second\./],
    ['cooldown', { seconds: 45 }, /once every 45 seconds/],
    ['cooldown', { seconds: 0 }, /without waiting/],
    ['rate', { 'questions-per-minute': 1 }, /^At most 1 question a minute is answered here;/],
    ['rate', { 'questions-per-minute': 120 }, /^At most 120 questions a minute are answered here;/],
    ['modlog', { channel: modLog }, /Reports and moderation notices now go to <#\d+>/],
    ['llm', { enabled: true }, /language model writes answers here.*No language model is configured/],
    ['channel-documents', { channel: scoped, documents: ARTICLE }, /draw only on: twisted-tehran-moscow-axis/],
    ['retention', { days: 1 }, /older than 1 day are deleted/],
    ['retention', { days: 365 }, /older than 365 days are deleted/],
  ];
  for (const [subcommand, options, said] of steps) {
    const { reply } = await configure(subcommand, options);
    assert.equal(reply.flags & 64, 64);
    assert.match(reply.content, said, `${subcommand}: ${reply.content}`);
  }
  const s = store().settings.get(fake.guildId);
  assert.deepEqual(s.questionChannelIds, [questions]);
  assert.deepEqual(s.allowedRoleIds, []);
  assert.equal(s.memberCooldownSeconds, 0);
  assert.equal(s.questionsPerMinute, 120);
  assert.equal(s.modLogChannelId, modLog);
  assert.deepEqual(s.channelDocuments, { [scoped]: [ARTICLE] });
  assert.equal(s.retentionDays, 365);
  assert.equal(s.updatedBy, fake.owner.id);
  const history = store().settings.history(fake.guildId);
  assert.ok(history.length >= 9);
  assert.ok(history.every((h) => h.userId === fake.owner.id && h.userName === 'Olivia (owner)' && h.channelId === fake.channelId && h.at > 0));

  const { reply } = await configure('show');
  assert.equal(reply.flags & 64, 64);
  const embed = reply.embeds[0];
  assert.equal(field(embed, 'Question channels'), `<#${questions}>`);
  assert.match(field(embed, 'Reply style')!, /^inline/);
  assert.equal(field(embed, 'Who may ask'), 'everyone');
  assert.equal(field(embed, 'Member cooldown'), 'off');
  assert.match(field(embed, 'Questions per minute')!, /^120/);
  assert.equal(field(embed, 'Mod-log channel'), `<#${modLog}>`);
  assert.match(field(embed, 'Language model')!, /^on/);
  assert.equal(field(embed, 'Channel documents'), `<#${scoped}>: The Twisted Tehran-Moscow Axis`);
  assert.match(field(embed, 'Retention')!, /365 days/);
  assert.match(field(embed, 'Last changed')!, new RegExp(`<@${fake.owner.id}>`));
});

test('settings that are not valid are refused with the reason and nothing changes', async () => {
  const before = store().settings.history(fake.guildId).length;
  const { reply } = await configure('channel-documents', { channel: scoped, documents: `${ARTICLE}, no-such-document` });
  assert.match(reply.content, /Nothing was changed: unknown document: no-such-document/);
  assert.deepEqual(store().settings.get(fake.guildId).channelDocuments, { [scoped]: [ARTICLE] });
  assert.equal(store().settings.history(fake.guildId).length, before);
});

test('channel documents are offered by autocomplete, completing the last of a comma-separated list', async () => {
  const choices = async (typed: string) =>
    (await fake.interact({ type: 'autocomplete', name: 'config', options: [{ name: 'channel-documents', type: 1, options: [{ name: 'channel', type: 7, value: scoped }, { name: 'documents', type: 3, value: typed, focused: true }] }] }).final()).choices;
  const all = await choices('');
  assert.deepEqual(all.map((c: any) => c.value).sort(), ['all', ARTICLE, BAKING].sort());
  const second = await choices(`${ARTICLE}, bak`);
  assert.deepEqual(second.map((c: any) => c.value), [`${ARTICLE}, ${BAKING}`]);
});

test('a configured moderator role makes its members moderators without Manage Server', async () => {
  const asRoleMember = { user: modRoleMember, roles: [fake.roles.moderator], memberPermissions: fake.permissions.member };
  const refused = await command('config', sub('show'), undefined, asRoleMember);
  assert.match(refused.reply.content, /Only moderators/);
  await configure('moderator-role', { action: 'add', role: fake.roles.moderator });
  const shown = await command('config', sub('show'), undefined, asRoleMember);
  assert.equal(shown.reply.embeds[0].title, 'Footnote settings for this server');
  assert.match(field(shown.reply.embeds[0], 'Moderators')!, new RegExp(`Manage Server, and <@&${fake.roles.moderator}>`));
});

// ---------------------------------------------------------------------------------------------------------------
// asking under the settings

test('a plain message in a question channel set with /config is answered without a mention', async () => {
  const { id } = fake.sendMessage({ content: 'When was the article published?', channelId: questions });
  const call = await replyTo(id);
  assert.match(call.body.embeds[0].description, /December 10, 2015/);
});

test('a blocked member gets a short refusal, by /ask and by mention, until unblocked; only moderators block', async () => {
  const notMod = await command('block', opts({ member: fake.user.id }), alice);
  assert.match(notMod.reply.content, /Only moderators/);
  assert.equal(store().moderation.blockOf(fake.guildId, fake.user.id), undefined);

  const blocked = await command('block', opts({ member: fake.user.id, reason: 'spamming questions' }), owner);
  assert.match(blocked.reply.content, /Blocked <@\d+>/);
  const notice = await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${modLog}/messages` && /was blocked/.test(c.body?.content ?? ''));
  assert.match(notice.body.content, /spamming questions/);
  assert.equal(store().moderation.blockOf(fake.guildId, fake.user.id)?.reason, 'spamming questions');

  const { h, reply } = await ask('Who wrote the article?');
  assert.equal((await h.ack()).body.type, 4, 'refused at once, before anything public');
  assert.equal(reply.flags & 64, 64);
  assert.equal(reply.content, 'You can’t ask Footnote questions in this server.');
  const { id } = fake.sendMessage({ content: 'Who wrote the article?', mentionBot: true });
  assert.equal((await replyTo(id)).body.content, 'You can’t ask Footnote questions in this server.');

  const unblocked = await command('unblock', opts({ member: fake.user.id }), owner);
  assert.match(unblocked.reply.content, /Unblocked/);
  assert.match((await ask('Who wrote the article?')).reply.embeds[0].description, /Alfoneh/);
  const actions = store().moderation.actions(fake.guildId).map((a) => [a.action, a.targetUserId, a.userId]);
  assert.deepEqual(actions.filter((a) => a[0] === 'block' || a[0] === 'unblock'), [
    ['block', fake.user.id, fake.owner.id],
    ['unblock', fake.user.id, fake.owner.id],
  ]);
});

test('the member cooldown tells a member how many seconds are left', async () => {
  await configure('cooldown', { seconds: 60 });
  const first = await ask('Who is Ali Larijani?', { id: '555555555555555555' } as Who, {});
  assert.match(first.reply.embeds[0].description, /Larijani/);
  const second = await ask('Why does Iran rely on militias?', { id: '555555555555555555' } as Who);
  assert.equal(second.reply.flags & 64, 64);
  assert.match(second.reply.content, /Please wait (59|60) more seconds before asking again \(one question every 60 seconds/);
  await configure('cooldown', { seconds: 0 });
});

test('a message that asks nothing ("hello", "thanks!") gets a private hint and spends no cooldown', async () => {
  await configure('cooldown', { seconds: 60 });
  const member = { id: '565656565656565656' } as Who;
  const hello = await ask('hello', member);
  assert.equal(hello.reply.flags & 64, 64, 'private');
  assert.match(hello.reply.content, /found no such question in your message.*\/help/);
  assert.match((await ask('Who is Ali Larijani?', member)).reply.embeds[0].description, /Larijani/, 'the cooldown starts with the real question');
  const thanks = fake.sendMessage({ content: 'thanks!', mentionBot: true, author: { id: '575757575757575757', username: 'zed' } });
  assert.match((await replyTo(thanks.id)).body.content, /found no such question/);
  const real = fake.sendMessage({ content: 'Who wrote the article?', mentionBot: true, author: { id: '575757575757575757', username: 'zed' } });
  assert.match((await replyTo(real.id)).body.embeds[0].description, /Alfoneh/);
  await configure('cooldown', { seconds: 0 });
});

test('with allowed roles set, members without one are refused and moderators still answered', async () => {
  await configure('allowed-role', { action: 'add', role: '424242424242424242' });
  const refused = await ask('Who wrote the article?');
  assert.match(refused.reply.content, /only members with certain roles can ask/);
  const { id } = fake.sendMessage({ content: 'Who wrote the article?', mentionBot: true });
  assert.match((await replyTo(id)).body.content, /only members with certain roles/);
  const mod = await ask('Who wrote the article?', owner);
  assert.match(mod.reply.embeds[0].description, /Alfoneh/);
  await configure('allowed-role', { action: 'clear' });
});

test('mass mentions, invite links and over-long questions are refused with the reason, and recorded', async () => {
  const everyone = fake.sendMessage({ content: '@everyone who wrote the article?', mentionBot: true });
  assert.match((await replyTo(everyone.id)).body.content, /mention everyone or here \(mass mentions\)/);
  const many = fake.sendMessage({ content: `<@1111111111111111111> <@2222222222222222222> <@&3333333333333333333> <@4444444444444444444> who wrote it?`, mentionBot: true });
  assert.match((await replyTo(many.id)).body.content, /mention 4 people or roles \(the limit is 3\)/);
  const invite = await ask('who wrote it? join discord.gg/studygroup');
  assert.match(invite.reply.content, /invite links/);
  const long = fake.sendMessage({ content: `Who wrote the article? ${'and why '.repeat(150)}`, channelId: questions });
  assert.match((await replyTo(long.id)).body.content, /too long \(\d+ characters; the limit is 1000\)/);
  // each refusal is recorded just after the asker was told
  const reasons = () => new Set(store().moderation.exportRecord(fake.guildId, { from: 0, to: Date.now() + 1000 }).filter((e) => e.kind === 'refusal').map((r) => r.detail.reason));
  for (let i = 0; i < 50 && reasons().size < 6; i++) await sleep(20);
  assert.deepEqual([...reasons()].sort(), ['blocked', 'cooldown', 'invite-link', 'mass-mention', 'not-allowed', 'too-long']);
});

test('reply style: ephemeral makes /ask answers private, thread opens a thread on the answer, inline does neither', async () => {
  await configure('reply-style', { style: 'ephemeral' });
  const priv = await ask('Who is Ali Larijani?');
  assert.equal((await priv.h.ack()).body.data.flags, 64);
  assert.equal(priv.reply.flags & 64, 64);
  assert.match(priv.reply.embeds[0].description, /Larijani/);

  await configure('reply-style', { style: 'thread' });
  const threaded = await ask('Who is Ali Larijani?');
  assert.equal(threaded.reply.flags & 64, 0);
  await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages/${threaded.reply.id}/threads` && c.status === 200);
  const { id } = fake.sendMessage({ content: 'Who wrote the article?', mentionBot: true });
  await replyTo(id);
  const answer = fake.messagesIn(fake.channelId).find((m) => m.message_reference?.message_id === id);
  await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages/${answer.id}/threads` && c.status === 200);

  await configure('reply-style', { style: 'inline' });
  const before = fake.calls.filter((c) => c.path.endsWith('/threads')).length;
  const inline = await ask('Who is Ali Larijani?');
  assert.equal(inline.reply.flags & 64, 0);
  await sleep(200);
  assert.equal(fake.calls.filter((c) => c.path.endsWith('/threads')).length, before);
});

test('a channel limited to some documents answers only from them', async () => {
  const question = 'How long do you bake a sourdough loaf?';
  const open = await ask(question);
  assert.match(open.reply.embeds[0].description, /twenty minutes/);
  assert.ok(open.reply.embeds[0].fields.every((f: any) => f.value.includes(`${BAKING}#`)), 'cited from the baking notes');
  const limited = await ask(question, undefined, { channelId: scoped });
  assert.match(limited.reply.embeds[0].description, /corpus does not cover this question/);
  assert.ok(limited.reply.embeds[0].fields.every((f: any) => f.value.includes(`${ARTICLE}#`)), 'only the article’s passages are near');
  const fromArticle = await ask('Who is Ali Larijani?', undefined, { channelId: scoped });
  assert.match(fromArticle.reply.embeds[0].description, /Larijani/);
});

test('/search in a channel limited to some documents lists only their passages, as /ask there answers only from them', async () => {
  const query = 'How long do you bake a sourdough loaf?';
  const open = await command('search', { query });
  assert.ok(open.reply.embeds[0].fields.some((f: any) => f.value.includes(`${BAKING}#`)), 'the baking notes, where nothing is limited');
  const limited = await command('search', { query }, undefined, { channelId: scoped });
  assert.ok(!JSON.stringify(limited.reply.embeds).includes(`${BAKING}#`), `nothing from the baking notes: ${JSON.stringify(limited.reply.embeds[0])}`);
  const fromArticle = await command('search', { query: 'Larijani at the Valdai Club' }, undefined, { channelId: scoped });
  assert.ok(fromArticle.reply.embeds[0].fields.length && fromArticle.reply.embeds[0].fields.every((f: any) => f.value.includes(`${ARTICLE}#`)));
});

test('the server’s language model switch and the channel’s documents reach the engine', async () => {
  const seen: AskOptions[] = [];
  const original = engine.ask;
  engine.ask = async (q: string, options: AskOptions = {}) => {
    seen.push(options);
    return original.call(engine, q, options);
  };
  try {
    await configure('llm', { enabled: false });
    await ask('Who is Ali Larijani?', undefined, { channelId: scoped });
    assert.equal(seen.at(-1)!.llm, false);
    assert.deepEqual(seen.at(-1)!.docIds, [ARTICLE]);
    await configure('llm', { enabled: true });
    await ask('Who is Ali Larijani?');
    assert.equal(seen.at(-1)!.llm, undefined);
    assert.equal(seen.at(-1)!.docIds, undefined);
  } finally {
    engine.ask = original;
  }
});

// ---------------------------------------------------------------------------------------------------------------
// reports and reviews

test('a report goes to the mod-log channel with the question, answer, sources, reporter and reason, and Approve / Correct / Hide', async () => {
  const { reply } = await ask('When was the article published?');
  const answerId = answerIdOf(reply);
  const ack = await report(reply, 'It should say which day of the week.');
  assert.equal(ack.flags & 64, 64);
  assert.match(ack.content, /your report \(#\d+\) was recorded and the moderators were told in their mod-log channel/);
  const posted = await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${modLog}/messages` && /^Report #/.test(c.body?.embeds?.[0]?.title ?? ''));
  const embed = posted.body.embeds[0];
  assert.match(embed.description, /\*\*Question\*\*\nWhen was the article published\?/);
  assert.match(embed.description, /\*\*Answer\*\*\n.*December 10, 2015/s);
  assert.match(field(embed, 'Sources')!, /\[1\] “.*” `twisted-tehran-moscow-axis#/);
  assert.equal(field(embed, 'Reported by'), `<@${fake.user.id}>`);
  assert.equal(field(embed, 'Reason'), 'It should say which day of the week.');
  assert.match(field(embed, 'Where')!, new RegExp(`<#${fake.channelId}> · \\[the answer\\]\\(https://discord.com/channels/${fake.guildId}/${fake.channelId}/${reply.id}\\)`));
  assert.equal(field(embed, 'Review'), 'Waiting for a moderator.');
  assert.deepEqual(posted.body.components[0].components.map((b: any) => b.label), ['Approve', 'Correct', 'Hide']);
  assert.deepEqual(posted.body.allowed_mentions, { parse: [], replied_user: false }, 'the reporter is named, not pinged');
  const saved = store().feedback.reportsFor(answerId)[0]!;
  assert.equal(saved.reason, 'It should say which day of the week.');
  assert.equal(store().moderation.report(saved.id)!.modLogChannelId, modLog);
});

test('a non-moderator cannot approve, correct or hide a report: each is refused privately and nothing changes', async () => {
  const reportMessage = lastReportCard();
  const reportId = Number(/^Report #(\d+)/.exec(reportMessage.embeds[0].title)![1]);
  for (const label of ['Approve', 'Correct', 'Hide']) {
    const refused = await fake.interact({ type: 'button', customId: button(reportMessage, label), message: reportMessage.id, channelId: modLog }).final();
    assert.equal(refused.flags & 64, 64, label);
    assert.match(refused.content, /Only moderators can review reports/, label);
  }
  // a correction submitted by someone who is not a moderator (a forged modal) is refused too
  const forged = await fake.interact({ type: 'modal', customId: `fn:correction:${reportId}`, fields: { answer: 'Nonsense [1]', citations: '[1]' }, channelId: modLog }).final();
  assert.match(forged.content, /Only moderators can review reports/);
  assert.equal(store().moderation.report(reportId)!.status, 'open');
  assert.deepEqual(store().moderation.reportActions(reportId), []);
  assert.equal(store().moderation.reviewedAnswers(fake.guildId).length, 0);
});

test('Correct: a correction without a valid citation is refused with the reason; a valid one becomes the reviewed answer', async () => {
  const reportMessage = lastReportCard();
  const reportId = Number(/^Report #(\d+)/.exec(reportMessage.embeds[0].title)![1]);
  const opened = await fake.interact({ type: 'button', customId: button(reportMessage, 'Correct'), message: reportMessage.id, channelId: modLog, user: owner }).final();
  assert.ok(opened.modal);
  assert.match(opened.modal.title, /Correct the answer/);
  const inputs = opened.modal.components.flatMap((r: any) => r.components);
  assert.deepEqual(inputs.map((i: any) => i.custom_id), ['answer', 'citations']);
  assert.match(inputs[0].value, /December 10, 2015/, 'the original answer to edit');

  const submit = (answer: string, citations: string) =>
    fake.interact({ type: 'modal', customId: opened.modal.custom_id, fields: { answer, citations }, message: reportMessage.id, channelId: modLog, user: owner }).final();
  const noCitation = await submit('It was published on Thursday, December 10, 2015.', '   ');
  assert.match(noCitation.content, /must cite at least one passage/);
  const badCitation = await submit('It was published on Thursday, December 10, 2015 [1].', 'made-up#p9, [7]');
  assert.match(badCitation.content, /not saved: “made-up#p9” \(no passage has that id\); \[7\] \(the original answer has no source 7\)/);
  const badMarker = await submit('It was published on Thursday, December 10, 2015 [2].', '[1]');
  assert.match(badMarker.content, /refers to \[2\], but it cites 1 passage/);
  assert.equal(store().moderation.reviewedAnswers(fake.guildId).length, 0, 'nothing stored from refused corrections');

  const done = await submit('The article was published on Thursday, December 10, 2015 [1], in the Berlin Policy Journal [2].', `[1], ${ARTICLE}#p1`);
  assert.match(done.content, /^Saved\. From now on this server gets this answer/);
  assert.match(done.embeds[0].description, /Moderator-reviewed answer\*\* — corrected by Olivia \(owner\)/);
  const [reviewed] = store().moderation.reviewedAnswers(fake.guildId);
  assert.equal(reviewed!.kind, 'corrected');
  assert.equal(reviewed!.moderatorName, 'Olivia (owner)');
  assert.equal(reviewed!.citations.length, 2);
  assert.equal(reviewed!.citations[1]!.passageId, `${ARTICLE}#p1`);
  for (const c of reviewed!.citations) assert.equal(article.slice(c.start, c.end), c.text, 'each cited quote is an exact slice of the corpus');
  const r = store().moderation.report(reportId)!;
  assert.deepEqual([r.status, r.resolution, r.reviewedBy], ['resolved', 'corrected', fake.owner.id]);
  const updated = fake.message(reportMessage.id);
  assert.match(field(updated.embeds[0], 'Review')!, /✏️ Corrected by Olivia \(owner\)/);
});

test('the same or a near-identical question later in the server gets the reviewed answer, marked with the moderator’s name and exact quotes', async () => {
  for (const question of ['When was the article published?', 'when was this article published']) {
    const { reply } = await ask(question);
    const embed = reply.embeds[0];
    assert.match(embed.description, /^\*\*✅ Moderator-reviewed answer\*\* — corrected by Olivia \(owner\)/);
    assert.match(unescapeText(embed.description), /Thursday, December 10, 2015 \[1\], in the Berlin Policy Journal \[2\]/);
    assert.match(reply.embeds.at(-1).footer.text, /^Reviewed by moderator Olivia \(owner\) · answer /);
    const quotes = reply.embeds.flatMap((e: any) => e.fields ?? []).filter((f: any) => /^\[\d\]/.test(f.name));
    assert.equal(quotes.length, 2);
    for (const f of quotes) assert.ok(article.includes(unescapeText(f.value.split('\n')[0].slice(1, -1)).replace(/…$/, '')), f.value);
    // the Passage button of a reviewed answer still opens its passage
    const shown = await fake.interact({ type: 'button', customId: button(reply, 'Passage 2'), message: reply.id }).final();
    assert.match(shown.embeds[0].fields.find((f: any) => f.name === 'Passage id').value, /#p1`/);
  }
  const { id } = fake.sendMessage({ content: 'When was the article published?', mentionBot: true });
  assert.match((await replyTo(id)).body.embeds[0].description, /Moderator-reviewed answer/);
  const other = await ask('Who wrote the article?');
  assert.doesNotMatch(other.reply.embeds[0].description, /Moderator-reviewed/, 'another question is answered as usual');
});

test('Approve marks an answer reviewed; Hide deletes the bot’s messages of an answer; each is recorded', async () => {
  const { id } = fake.sendMessage({ content: 'Who is Ali Larijani?', mentionBot: true });
  const call = await replyTo(id);
  const answerMessage = fake.messagesIn(fake.channelId).find((m) => m.message_reference?.message_id === id);
  await report(answerMessage, 'Is this right?', { id: '666666666666666666' });
  const approveCard = await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${modLog}/messages` && c.body?.embeds?.[0]?.description?.includes('Who is Ali Larijani?'));
  const card = fake.messagesIn(modLog).at(-1);
  assert.equal(card.embeds[0].title, approveCard.body.embeds[0].title);
  const approved = await fake.interact({ type: 'button', customId: button(card, 'Approve'), message: card.id, channelId: modLog, user: owner }).final();
  assert.match(approved.content, /Approved report #\d+: the answer is marked as reviewed by you/);
  assert.match(field(fake.message(card.id).embeds[0], 'Review')!, /✅ Approved by Olivia \(owner\)/);
  const reviewed = store().moderation.reviewedAnswers(fake.guildId)[0]!;
  assert.deepEqual([reviewed.kind, reviewed.answerId, reviewed.moderatorId], ['approved', answerIdOf(call.body), fake.owner.id]);
  const again = await ask('Who is Ali Larijani?');
  assert.match(again.reply.embeds[0].description, /approved by Olivia \(owner\)/);

  const hideMe = await ask('Why does Iran rely on militias?');
  await report(hideMe.reply, 'Hide this please');
  await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${modLog}/messages` && c.body?.embeds?.[0]?.description?.includes('Why does Iran rely on militias?'));
  const hideCard = fake.messagesIn(modLog).at(-1);
  const hidden = await fake.interact({ type: 'button', customId: button(hideCard, 'Hide'), message: hideCard.id, channelId: modLog, user: owner }).final();
  assert.match(hidden.content, /Hid the answer of report #\d+: 1 of 1 message removed/);
  await fake.waitFor((c) => c.method === 'DELETE' && c.path === `/channels/${fake.channelId}/messages/${hideMe.reply.id}` && c.status === 204);
  assert.ok(!fake.messagesIn(fake.channelId).some((m) => m.id === hideMe.reply.id), 'the answer is gone from the channel');
  const actions = store().moderation.actions(fake.guildId).filter((a) => ['approve', 'correct', 'hide'].includes(a.action));
  assert.deepEqual(actions.map((a) => [a.action, a.userId, a.userName]), [
    ['correct', fake.owner.id, 'Olivia (owner)'],
    ['approve', fake.owner.id, 'Olivia (owner)'],
    ['hide', fake.owner.id, 'Olivia (owner)'],
  ]);
  assert.deepEqual(actions.at(-1)!.detail, { removed: 1, gone: 0, total: 1, note: '1 of 1 message removed' });
});

test('a decision is final: the cards of the answer lose their buttons, and a later Approve, Correct or correction is refused saying who decided what and when', async () => {
  const question = 'What does Russia fear in the Northern Caucasus?';
  const { reply } = await ask(question);
  const answerId = answerIdOf(reply);
  await report(reply, 'Not what I asked', { id: '818181818181818181' });
  await report(reply, 'Wrong passage', { id: '828282828282828282' });
  await fake.waitFor(() => fake.messagesIn(modLog).filter((m) => m.embeds?.[0]?.description?.includes(question)).length === 2);
  const [first, second] = fake.messagesIn(modLog).filter((m) => m.embeds?.[0]?.description?.includes(question));
  const idOf = (card: any) => Number(/^Report #(\d+)/.exec(card.embeds[0].title)![1]);
  const press = (card: any, action: 'approve' | 'correct' | 'hide') =>
    fake.interact({ type: 'button', customId: `fn:review:${action}:${idOf(card)}`, message: card.id, channelId: modLog, user: owner }).final();

  const hidden = await press(first, 'hide');
  assert.match(hidden.content, /^Hid the answer of report #\d+/);
  await fake.waitFor(() => !fake.message(second.id).components?.length);
  for (const card of [first, second]) {
    assert.deepEqual(fake.message(card.id).components ?? [], [], 'a decided card has no buttons');
    assert.match(field(fake.message(card.id).embeds[0], 'Review')!, /🗑️ Hidden by Olivia \(owner\)/);
  }
  assert.match(field(fake.message(second.id).embeds[0], 'Review')!, new RegExp(`decided on report #${idOf(first)}`));
  assert.deepEqual(store().feedback.reportsFor(answerId).map((r) => r.status), ['resolved', 'resolved'], 'both reports of the answer are closed');

  const approved = await press(first, 'approve');
  assert.equal(approved.flags & 64, 64);
  assert.match(approved.content, new RegExp(`^Report #${idOf(first)} was already decided: hidden by Olivia \\(owner\\) <t:\\d+:f>\\. A decision is final, so nothing was changed\\.$`));
  const viaSecond = await press(second, 'approve');
  assert.match(viaSecond.content, new RegExp(`^The answer of report #${idOf(second)} was already decided on report #${idOf(first)}: hidden by Olivia \\(owner\\)`));
  const correct = await press(second, 'correct');
  assert.equal(correct.modal, undefined, 'no correction form for a decided answer');
  assert.match(correct.content, /already decided/);
  // a correction form opened before the decision is refused when submitted
  const late = await fake.interact({ type: 'modal', customId: `fn:correction:${idOf(first)}`, fields: { answer: 'Radicalised citizens [1]', citations: `${ARTICLE}#p7` }, message: first.id, channelId: modLog, user: owner }).final();
  assert.match(late.content, /already decided: hidden by Olivia/);
  assert.ok(!store().moderation.reviewedAnswers(fake.guildId).some((r) => r.answerId === answerId), 'the hidden answer never became a reviewed answer');
  assert.deepEqual(store().moderation.reportActions(idOf(first)).map((a) => a.action), ['hide']);
  assert.deepEqual(store().moderation.reportActions(idOf(second)), []);
});

test('an approved answer reaches only its own question: another name, acronym or number gets an answer of its own', async () => {
  const { reply } = await ask('How many Russian citizens joined IS?');
  await report(reply, 'Check the figure');
  await fake.waitFor(() => fake.messagesIn(modLog).some((m) => m.embeds?.[0]?.description?.includes('How many Russian citizens joined IS?')));
  const card = [...fake.messagesIn(modLog)].reverse().find((m) => m.embeds?.[0]?.description?.includes('How many Russian citizens joined IS?'));
  const approved = await fake.interact({ type: 'button', customId: button(card, 'Approve'), message: card.id, channelId: modLog, user: owner }).final();
  assert.match(approved.content, /^Approved report #\d+: the answer is marked as reviewed/);
  assert.match((await ask('how many Russian citizens joined IS')).reply.embeds[0].description, /Moderator-reviewed answer/);
  for (const other of ['How many Russian citizens joined Hezbollah?', 'How many Iranian citizens joined IS?', 'How many Russian citizens joined US forces?']) {
    const { reply: answer } = await ask(other);
    assert.doesNotMatch(answer.embeds[0].description ?? '', /Moderator-reviewed/, other);
  }
});

test('without a mod-log channel the reporter is told the report is kept for /modlog export', async () => {
  await configure('modlog', {});
  const { reply } = await ask('What does Russia want in Syria?');
  const ack = await report(reply, 'Too vague');
  assert.match(ack.content, /recorded and the moderators can see it in \/modlog export/);
  await configure('modlog', { channel: modLog });
});

// ---------------------------------------------------------------------------------------------------------------
// the record

test('/modlog export: refused for non-moderators; for moderators a CSV or JSON attachment of the record between dates', async () => {
  const refused = await command('modlog', sub('export'), undefined);
  assert.match(refused.reply.content, /Only moderators/);
  assert.equal(refused.h.calls().filter((c) => c.files.length).length, 0, 'no file for a non-moderator');

  const csv = await command('modlog', sub('export'), owner);
  assert.equal(csv.reply.flags & 64, 64);
  assert.match(csv.reply.content, /The moderation record of this server from the beginning to \d{4}-\d\d-\d\d: \d+ entries \(CSV\)/);
  const file = csv.h.calls().flatMap((c) => c.files)[0]!;
  assert.match(file.name, /^footnote-record-\d+-all-to-\d{4}-\d\d-\d\d\.csv$/);
  const lines = file.data.toString('utf8').trim().split('\r\n');
  assert.equal(lines[0], 'time,kind,channel_id,user_id,user_name,answer_id,report_id,subject,detail');
  const kinds = new Set(lines.slice(1).map((l) => l.split(',')[1]));
  for (const kind of ['question', 'report', 'refusal', 'moderator-action', 'settings-change', 'reviewed-answer']) assert.ok(kinds.has(kind), `${kind} in the export`);

  const today = new Date().toISOString().slice(0, 10);
  const json = await command('modlog', sub('export', { from: today, to: today, format: 'json' }), owner);
  const parsed = JSON.parse(json.h.calls().flatMap((c) => c.files)[0]!.data.toString('utf8'));
  assert.equal(parsed.count, parsed.entries.length);
  assert.ok(parsed.entries.some((e: any) => e.kind === 'settings-change' && e.subject === 'questionsPerMinute'));
  const empty = await command('modlog', sub('export', { from: '2001-01-01', to: '2001-12-31' }), owner);
  assert.match(empty.reply.content, /: 0 entries/);
  const bad = await command('modlog', sub('export', { from: 'last week' }), owner);
  assert.match(bad.reply.content, /is not a date: use YYYY-MM-DD/);
  assert.ok(store().moderation.actions(fake.guildId).filter((a) => a.action === 'export').length >= 3, 'each export is itself recorded');
});

test('/forget-me deletes the member’s questions, votes and reports in the server, says how many, and asks the study tools to forget too', async () => {
  const member = { id: '777777777777777777', username: 'fern' };
  const a = await ask('Who wrote the article?', member);
  await ask('Who is Ali Larijani?', member);
  const theirs = await ask('Why does Iran rely on militias?');
  await fake.interact({ type: 'button', customId: buttons(theirs.reply).find((b) => b.custom_id.endsWith(':up'))!.custom_id, message: theirs.reply.id, user: member }).final();
  await report(theirs.reply, 'Not convinced', member);
  const someoneElse = store().feedback.setVote(answerIdOf(a.reply), fake.user.id, 1);
  assert.equal(someoneElse.vote, 1);

  const calls: string[][] = [];
  const study = store().study as { forgetMember?: (g: string, u: string) => number };
  const had = Object.prototype.hasOwnProperty.call(study, 'forgetMember');
  const original = study.forgetMember;
  study.forgetMember = (g: string, u: string) => {
    calls.push([g, u]);
    return 4;
  };
  try {
    const { h, reply } = await command('forget-me', undefined, member);
    assert.equal((await h.ack()).body.data.flags, 64);
    assert.equal(reply.content, 'Deleted from this server: 2 questions with their answers, 1 vote, 1 report, 0 refused questions, 4 quiz records. 2 answers already posted in channels stay, without your question. That you asked for this is kept in the moderation record, as are moderators’ decisions (blocks, reviewed answers).');
  } finally {
    if (had) study.forgetMember = original;
    else delete study.forgetMember;
  }
  assert.deepEqual(calls, [[fake.guildId, member.id]]);
  const left = store().moderation.exportRecord(fake.guildId, { from: 0, to: Date.now() + 1000 });
  assert.ok(!left.some((e) => e.userId === member.id && e.kind !== 'moderator-action'), 'nothing of theirs is left but the note that they asked');
  assert.equal(store().answers.get(answerIdOf(a.reply)), undefined);
  assert.deepEqual(store().feedback.getVotes(answerIdOf(theirs.reply)), { up: 0, down: 0 });
  const noted = store().moderation.actions(fake.guildId).find((x) => x.action === 'forget-me')!;
  assert.deepEqual([noted.userId, noted.detail], [member.id, { questions: 2, votes: 1, reports: 1, refusals: 0 }]);
});

test('/help lists the moderation commands and /forget-me', async () => {
  const reply = await fake.interact({ type: 'command', name: 'help' }).final();
  const text = reply.embeds[0].fields.map((f: any) => f.value).join('\n');
  for (const name of ['/forget-me', '/config', '/block', '/unblock', '/modlog']) assert.ok(text.includes(`**${name}**`), name);
});

test('no interaction waited for its acknowledgement', () => {
  assert.deepEqual(fake.unacknowledged(), []);
  const acks = fake.ackLatencies().sort((a, b) => a - b);
  console.log(`# moderation: ${acks.length} interactions acknowledged, p50 ${acks[Math.floor(acks.length / 2)]!.toFixed(1)} ms, max ${acks.at(-1)!.toFixed(1)} ms`);
  assert.ok(acks.at(-1)! < ACK_BUDGET_MS, `ack max ${acks.at(-1)} ms`);
  assert.ok(!logs.some((l) => / error /.test(l)), logs.filter((l) => / error /.test(l)).join('\n'));
});
