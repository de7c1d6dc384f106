/**
 * Moderator-only actions refuse everyone else: every entry point a moderator has — each /config
 * subcommand, /block, /unblock, /modlog export, Approve / Correct / Hide on a report, a correction
 * form submitted directly with a forged id, Reveal now on someone else's quiz, a /study session
 * locked to a role — tried by members who are not moderators (a plain member, a member with many
 * permissions but not Manage Server, a member whose moderator role was taken back, a DM) through
 * the real bot (createBot) and the local fake Discord. Each gets a private refusal, and the record
 * is byte for byte what it was.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Config } from '../../src/config/index.js';
import type { Bot } from '../../src/discord/bot.js';
import { configureStudy } from '../../src/discord/study/runner.js';
import { Engine } from '../../src/engine.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { tempDir } from '../helpers/engine.js';
import { botConfig, sleep, startInProcessBot } from '../helpers/faults.js';

const data = tempDir('footnote-moderator-only-');
const logs: string[] = [];
let fake: FakeDiscord;
let config: Config;
let engine: Engine;
let bot: Bot;
let modLog: string;
let quizChannel: string;
let studyChannel: string;
let card: any;
let reportId: number;
let answerMessageId: string;
let quizQuestion: any;
const blocked = { id: '919191919191919191', username: 'blockedbert' };

const owner = () => ({ id: fake.owner.id });
const MANAGE_GUILD = 1n << 5n;

before(async () => {
  fake = await startFakeDiscord({ guildChannels: [{ name: 'mod-log' }, { name: 'quiz' }, { name: 'study' }] });
  modLog = fake.channelByName('mod-log');
  quizChannel = fake.channelByName('quiz');
  studyChannel = fake.channelByName('study');
  config = botConfig(fake, data.dir);
  engine = await Engine.open(config);
  bot = await startInProcessBot(engine, config, logs);
  if (!bot.context.commands.get('config')) return; // the tests below skip themselves
  configureStudy(bot.context, { questionMs: 600_000, seed: () => 42 });

  // the server as moderators left it: a mod-log channel, a blocked member, an open report, a running quiz
  await fake.interact({ type: 'command', name: 'config', options: [{ name: 'modlog', type: 1, options: [{ name: 'channel', type: 7, value: modLog }] }], user: owner() }).final();
  await fake.interact({ type: 'command', name: 'block', options: [{ name: 'member', type: 6, value: blocked.id }], user: owner() }).final();
  const reply = await fake.interact({ type: 'command', name: 'ask', options: { question: 'When was the article published?' } }).final();
  answerMessageId = reply.id;
  const reportButton = reply.components.flatMap((r: any) => r.components).find((b: any) => b.label === 'Report').custom_id;
  const modal = await fake.interact({ type: 'button', customId: reportButton, message: reply.id }).final();
  await fake.interact({ type: 'modal', customId: modal.modal.custom_id, fields: { reason: 'The date is wrong.' }, message: reply.id }).final();
  await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${modLog}/messages` && /^Report #/.test(c.body?.embeds?.[0]?.title ?? '') && c.status === 200);
  card = fake.messagesIn(modLog).find((m) => /^Report #/.test(m.embeds?.[0]?.title ?? ''));
  reportId = Number(/^Report #(\d+)/.exec(card.embeds[0].title)![1]);
  const posted = fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${quizChannel}/messages` && /^Question 1 of/.test(c.body?.embeds?.[0]?.title ?? '') && c.status === 200);
  await fake.interact({ type: 'command', name: 'quiz', options: { count: 1 }, channelId: quizChannel, user: owner() }).final();
  await posted;
  quizQuestion = fake.messagesIn(quizChannel).find((m) => (m.components ?? []).some((r: any) => r.components.some((b: any) => /^fq:r:/.test(b.custom_id))));
});

after(async () => {
  await bot?.stop();
  await fake?.close();
  data.cleanup();
});

const moderationBuilt = () => Boolean(bot?.context.commands.get('config') && bot.context.commands.get('block') && bot.context.commands.get('modlog'));
const SKIP = 'the moderation commands are not registered in this build';

/** Everything a moderator's action would change, as it stands. */
function snapshot() {
  const store = bot.context.store;
  const g = fake.guildId;
  return JSON.stringify({
    saved: store.settings.saved(g),
    history: store.settings.history(g),
    blocks: store.moderation.blocks(g),
    actions: store.moderation.actions(g),
    reports: store.moderation.reports(g),
    reviewed: store.moderation.reviewedAnswers(g),
    quiz: store.study.runningRounds().map((r) => [r.id, store.study.questions(r.id).map((q) => [q.revealedAt, q.revealShown])]),
    sessions: store.study.runningRounds().filter((r) => r.sessionId).length,
    answerMessage: Boolean(fake.message(answerMessageId) && !fake.message(answerMessageId).deleted),
    // what everyone in the mod-log channel sees (private refusals there are not posts)
    modLogPosts: fake.messagesIn(modLog).filter((m) => !((m.flags ?? 0) & 64)).map((m) => [m.id, m.content, m.embeds]),
  });
}

const sub = (name: string, options: { name: string; type: number; value: string | number | boolean }[] = []) => [{ name, type: 1, options }];
const CONFIG_CALLS: [string, ReturnType<typeof sub>][] = [
  ['show', sub('show')],
  ['question-channel', sub('question-channel', [{ name: 'action', type: 3, value: 'add' }, { name: 'channel', type: 7, value: '0' }])],
  ['reply-style', sub('reply-style', [{ name: 'style', type: 3, value: 'ephemeral' }])],
  ['allowed-role', sub('allowed-role', [{ name: 'action', type: 3, value: 'clear' }])],
  ['moderator-role', sub('moderator-role', [{ name: 'action', type: 3, value: 'add' }, { name: 'role', type: 8, value: '0' }])],
  ['cooldown', sub('cooldown', [{ name: 'seconds', type: 4, value: 3600 }])],
  ['rate', sub('rate', [{ name: 'questions-per-minute', type: 4, value: 1 }])],
  ['modlog', sub('modlog')],
  ['llm', sub('llm', [{ name: 'enabled', type: 5, value: false }])],
  ['channel-documents', sub('channel-documents', [{ name: 'channel', type: 7, value: '0' }, { name: 'documents', type: 3, value: 'none' }])],
  ['retention', sub('retention', [{ name: 'days', type: 4, value: 1 }])],
];

interface Who {
  label: string;
  user: { id: string; username: string };
  roles?: string[];
  memberPermissions?: string;
}

/** Try every moderator-only entry point as `who`; return what each showed, and check each was private. */
async function tryEverything(who: Who): Promise<{ what: string; shown: string }[]> {
  const as = { user: who.user, roles: who.roles, memberPermissions: who.memberPermissions };
  const tries: { what: string; run: () => Promise<any> }[] = [
    ...CONFIG_CALLS.map(([name, options]) => {
      const fixed = JSON.parse(JSON.stringify(options).replace(/"value":"0"/g, name === 'moderator-role' ? `"value":"${fake.roles.moderator}"` : `"value":"${quizChannel}"`));
      return { what: `/config ${name}`, run: () => fake.interact({ type: 'command', name: 'config', options: fixed, ...as }).final(10_000) };
    }),
    { what: '/block', run: () => fake.interact({ type: 'command', name: 'block', options: [{ name: 'member', type: 6, value: fake.owner.id }, { name: 'reason', type: 3, value: 'coup' }], ...as }).final(10_000) },
    { what: '/unblock', run: () => fake.interact({ type: 'command', name: 'unblock', options: [{ name: 'member', type: 6, value: blocked.id }], ...as }).final(10_000) },
    { what: '/modlog export', run: () => fake.interact({ type: 'command', name: 'modlog', options: [{ name: 'export', type: 1, options: [{ name: 'format', type: 3, value: 'json' }] }], ...as }).final(10_000) },
    ...['approve', 'correct', 'hide'].map((action) => ({
      what: `${action} on the report`,
      run: () => fake.interact({ type: 'button', customId: `fn:review:${action}:${reportId}`, message: card.id, channelId: modLog, ...as }).final(10_000),
    })),
    {
      what: 'a forged correction form',
      run: () => fake.interact({ type: 'modal', customId: `fn:correction:${reportId}`, fields: { answer: 'The article was published in 1999 [1].', citations: '[1]' }, message: card.id, channelId: modLog, ...as }).final(10_000),
    },
    {
      what: 'Reveal now on the owner’s quiz',
      run: () => {
        const reveal = quizQuestion.components.flatMap((r: any) => r.components).find((b: any) => /^fq:r:/.test(b.custom_id)).custom_id;
        return fake.interact({ type: 'button', customId: reveal, message: quizQuestion.id, channelId: quizChannel, ...as }).final(10_000);
      },
    },
    {
      what: '/study start locked to a role',
      run: () => fake.interact({ type: 'command', name: 'study', options: [{ name: 'start', type: 1, options: [{ name: 'role', type: 8, value: fake.roles.moderator }] }], channelId: studyChannel, ...as }).final(10_000),
    },
  ];
  const out: { what: string; shown: string }[] = [];
  for (const t of tries) {
    const reply = await t.run();
    assert.equal(reply.flags & 64, 64, `${who.label}, ${t.what}: the refusal is private (${JSON.stringify(reply).slice(0, 200)})`);
    assert.equal((reply.attachments ?? []).length, 0, `${who.label}, ${t.what}: no file`);
    out.push({ what: t.what, shown: String(reply.content ?? '') });
  }
  return out;
}

function assertRefusals(who: string, shown: { what: string; shown: string }[]) {
  const notRefused = shown.filter((s) => !/^Only (?:moderators|whoever started this quiz, or a moderator)/.test(s.shown));
  assert.deepEqual(notRefused.map((s) => `${who}, ${s.what}: ${s.shown}`), []);
}

test('a plain member is refused privately by every moderator-only command, button and form, and nothing changes', async (t) => {
  if (!moderationBuilt()) return t.skip(SKIP);
  const before = snapshot();
  assertRefusals('member', await tryEverything({ label: 'member', user: { id: fake.user.id, username: fake.user.username } }));
  await sleep(200);
  assert.equal(snapshot(), before);
});

test('a member with Manage Messages, Kick Members, Manage Channels and Mention Everyone — but not Manage Server — is refused too', async (t) => {
  if (!moderationBuilt()) return t.skip(SKIP);
  const strong = (BigInt(fake.permissions.moderator) & ~MANAGE_GUILD).toString();
  const before = snapshot();
  assertRefusals('strong member', await tryEverything({ label: 'strong member', user: { id: '828282828282828282', username: 'helper' }, memberPermissions: strong }));
  await sleep(200);
  assert.equal(snapshot(), before);
});

test('a moderator role grants moderation, and taking it back takes moderation away at once', async (t) => {
  if (!moderationBuilt()) return t.skip(SKIP);
  const exMod: Who = { label: 'former moderator', user: { id: '737373737373737373', username: 'exmod' }, roles: [fake.roles.moderator], memberPermissions: fake.permissions.member };
  const setRole = (action: 'add' | 'remove') =>
    fake.interact({ type: 'command', name: 'config', options: sub('moderator-role', [{ name: 'action', type: 3, value: action }, { name: 'role', type: 8, value: fake.roles.moderator }]), user: owner() }).final(10_000);
  await setRole('add');
  const granted = await fake.interact({ type: 'command', name: 'config', options: sub('show'), user: exMod.user, roles: exMod.roles, memberPermissions: exMod.memberPermissions }).final(10_000);
  assert.equal(granted.embeds?.[0]?.title !== undefined, true, `a moderator sees the settings: ${JSON.stringify(granted).slice(0, 200)}`);
  await setRole('remove');
  const before = snapshot();
  assertRefusals(exMod.label, await tryEverything(exMod));
  await sleep(200);
  assert.equal(snapshot(), before);
});

test('moderation commands used in a direct message are refused and change nothing', async (t) => {
  if (!moderationBuilt()) return t.skip(SKIP);
  const before = snapshot();
  for (const [name, options] of [
    ['config', sub('cooldown', [{ name: 'seconds', type: 4, value: 60 }])],
    ['block', [{ name: 'member', type: 6, value: fake.owner.id }]],
    ['modlog', [{ name: 'export', type: 1, options: [] }]],
  ] as const) {
    const reply = await fake.interact({ type: 'command', name, options: options as any, dm: true, user: owner() }).final(10_000);
    assert.equal(reply.flags & 64, 64, name);
    assert.match(reply.content, /server/, `${name}: ${reply.content}`);
  }
  assert.equal(snapshot(), before);
});

test('the owner (Manage Server) still can: the refusals were about who asked, not broken commands', async (t) => {
  if (!moderationBuilt()) return t.skip(SKIP);
  const shown = await fake.interact({ type: 'command', name: 'config', options: sub('show'), user: owner() }).final(10_000);
  assert.ok(shown.embeds[0].fields.length > 5);
  const exported = await fake.interact({ type: 'command', name: 'modlog', options: [{ name: 'export', type: 1, options: [] }], user: owner() }).final(10_000);
  assert.equal(exported.attachments.length, 1);
  const approved = await fake.interact({ type: 'button', customId: `fn:review:approve:${reportId}`, message: card.id, channelId: modLog, user: owner() }).final(10_000);
  assert.match(approved.content, /^Approved report #/);
  assert.ok(!logs.some((l) => / error /.test(l)), logs.filter((l) => / error /.test(l)).join('\n'));
});
