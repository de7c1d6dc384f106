/**
 * Quizzes, scores and study sessions end to end: the real bot (createBot) and engine against the
 * local fake Discord. One bot serves the tests in order; some restart it on the same data folder.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readConfig, type Config } from '../../src/config/index.js';
import { createBot, type Bot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/discord/log.js';
import { messageViolations, unescapeText } from '../../src/discord/render.js';
import { resumeStudy } from '../../src/discord/study/resume.js';
import { configureStudy } from '../../src/discord/study/runner.js';
import { Engine } from '../../src/engine.js';
import { startFakeDiscord, type FakeDiscord, type InteractionHandle, type RecordedCall } from '../helpers/fake-discord.js';
import { ARTICLE_FILE, CORPUS_DIR, tempDir } from '../helpers/engine.js';
import { until } from '../helpers/test-bot.js';

const source = readFileSync(join(CORPUS_DIR, ARTICLE_FILE), 'utf8');
const data = tempDir('footnote-study-');
const logs: string[] = [];
let fake: FakeDiscord;
let config: Config;
let engine: Engine;
let bot: Bot;
let quizChannel: string;
let restartChannel: string;
const revealLagMs: number[] = [];

/** Members: Ann is the fake's default user; her shown name is hostile on purpose (it must never ping). */
const ANN_NAME = '@everyone <@1> Ann';
const bob = { username: 'bob', global_name: 'Bob' };
const cy = { username: 'cy', global_name: 'Cy' };
const mod = { username: 'mod', global_name: 'Mod' };

async function startBot(questionMs = 60_000): Promise<Bot> {
  const b = await createBot(engine, config, config.discord!, { log: createLogger(config, (line) => logs.push(line)) });
  configureStudy(b.context, { questionMs, seed: () => 42 });
  await b.start();
  return b;
}

before(async () => {
  fake = await startFakeDiscord({ guildChannels: [{ name: 'quiz' }, { name: 'restart' }] });
  fake.user.global_name = ANN_NAME;
  quizChannel = fake.channelByName('quiz');
  restartChannel = fake.channelByName('restart');
  config = readConfig({ DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_URL: fake.apiBase, FOOTNOTE_CORPUS_DIR: CORPUS_DIR, FOOTNOTE_DATA_DIR: data.dir });
  engine = await Engine.open(config);
  bot = await startBot();
});

after(async () => {
  await bot?.stop();
  await fake?.close();
  data.cleanup();
});

// ---------------------------------------------------------------------------------------------------------------
// helpers

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function buttons(message: any): any[] {
  return (message.components ?? []).flatMap((r: any) => r.components);
}

/** The next bot call matching `pred` from now on. */
function nextCall(pred: (c: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
  const since = performance.now();
  return fake.waitFor((c) => c.at >= since && c.status === 200 && pred(c), timeoutMs);
}

const posted = (channelId: string, title: RegExp) => (c: RecordedCall) => c.method === 'POST' && c.path === `/channels/${channelId}/messages` && title.test(c.body?.embeds?.[0]?.title ?? '');
const edited = (channelId: string, messageId: string) => (c: RecordedCall) => c.method === 'PATCH' && c.path === `/channels/${channelId}/messages/${messageId}`;

function command(name: string, options?: any[] | Record<string, string | number | boolean>, extra: { user?: any; channelId?: string; roles?: string[] } = {}): InteractionHandle {
  return fake.interact({ type: 'command', name, options, ...extra });
}

function study(sub: 'start' | 'next' | 'end', options: { name: string; type: number; value: string }[] = [], extra: { user?: any; channelId?: string; roles?: string[] } = {}): InteractionHandle {
  return command('study', [{ name: sub, type: 1, options }], extra);
}

function press(customId: string, message: string, extra: { user?: any; channelId?: string; roles?: string[] } = {}): InteractionHandle {
  return fake.interact({ type: 'button', customId, message, ...extra });
}

/** The custom id of a question message's option `i` (or its Reveal button). */
function optionId(message: any, i: number): string {
  return buttons(message).find((b) => /^fq:a:/.test(b.custom_id) && b.custom_id.endsWith(`:${i}`)).custom_id;
}

function revealId(message: any): string {
  return buttons(message).find((b) => /^fq:r:/.test(b.custom_id)).custom_id;
}

/** The stored question behind a posted question message. */
function storedQuestion(message: any) {
  const [, , roundId, position] = optionId(message, 0).split(':');
  return bot.context.store.study.question(roundId!, Number(position))!;
}

function field(embed: any, name: string): string {
  const f = embed.fields?.find((x: any) => x.name === name || x.name.startsWith(name));
  assert.ok(f, `no field ${name} in ${JSON.stringify(embed.fields?.map((x: any) => x.name))}`);
  return f.value;
}

/** A revealed question shows the exact quote from the corpus, and where it stands. */
function assertRevealShowsPassage(embed: any, q: ReturnType<typeof storedQuestion>['question']) {
  const quote = unescapeText(field(embed, 'Passage')).replace(/^“|”$/g, '');
  assert.equal(quote, q.evidence.quote.text);
  assert.ok(source.includes(quote), 'the quote is a slice of the corpus file');
  assert.equal(source.slice(q.evidence.quote.start, q.evidence.quote.end), quote);
  const where = unescapeText(field(embed, 'Where'));
  assert.ok(where.includes(`paragraph ${q.evidence.paragraph}`), where);
  assert.ok(where.includes(q.evidence.section || 'opening'), where);
  assert.ok(unescapeText(field(embed, 'Answer')).includes(q.options[q.correctIndex]!));
}

async function startQuiz(channelId: string, options: Record<string, string | number>) {
  const questionPosted = nextCall(posted(channelId, /^Question 1 of/));
  const h = command('quiz', options, { channelId });
  const intro = await h.final();
  const ack = await h.ack();
  assert.equal(ack.body.type, 5, 'deferred at once');
  const first = (await questionPosted).body;
  const message = fake.messagesIn(channelId).find((m) => m.embeds[0]?.title === first.embeds[0].title && buttons(m).length)!;
  return { h, intro, message };
}

// ---------------------------------------------------------------------------------------------------------------

test('a quiz round runs end to end: question, two members answer once each, reveal with the passage, scores, leaderboard', async () => {
  const { intro, message: q1 } = await startQuiz(quizChannel, { count: 2 });
  assert.match(intro.embeds[0].title, /^Quiz on the whole corpus/);
  assert.match(intro.embeds[0].description, /2 questions follow one at a time/);
  assert.equal(intro.flags & 64, 0, 'the intro is public');

  const stored1 = storedQuestion(q1);
  const q = stored1.question;
  const options = buttons(q1).filter((b) => b.custom_id.startsWith('fq:a:'));
  assert.equal(options.length, 4);
  for (const b of buttons(q1)) assert.ok(b.custom_id.length <= 100, b.custom_id);
  assert.ok(q1.embeds[0].description.includes(unescapeText(q.prompt).slice(0, 40)) || unescapeText(q1.embeds[0].description).includes(q.prompt));
  assert.deepEqual(messageViolations(q1), []);

  // Ann answers right, Bob wrong; each sees privately how they did, with the proof.
  const right = q.correctIndex;
  const wrong = (right + 1) % 4;
  const ann = await press(optionId(q1, right), q1.id).final();
  assert.equal(ann.flags & 64, 64, 'the feedback is private');
  assert.equal(ann.embeds[0].title, '✅ Right');
  assert.equal(unescapeText(field(ann.embeds[0], 'Passage')).replace(/^“|”$/g, ''), q.evidence.quote.text);
  const bobFirst = press(optionId(q1, wrong), q1.id, { user: bob });
  const bobSees = await bobFirst.final();
  assert.equal((await bobFirst.ack()).body.type, 5, 'an answer is acknowledged at once');
  assert.equal(bobSees.embeds[0].title, '❌ Not quite');
  assert.match(bobSees.embeds[0].description, /the right answer is/);

  // Answering twice is refused: the first answer stands.
  const again = await press(optionId(q1, right), q1.id, { user: bob }).final();
  assert.match(again.embeds[0].description, /already answered this question/);
  assert.equal(again.embeds[0].title, '❌ Not quite');
  assert.equal(bot.context.store.study.answersTo(stored1.roundId, 0).length, 2);

  // Only the starter (or a moderator) reveals early.
  const refused = await press(revealId(q1), q1.id, { user: bob }).final();
  assert.equal(refused.flags & 64, 64);
  assert.match(refused.content, /Only whoever started this quiz, or a moderator/);

  const revealed = nextCall(edited(quizChannel, q1.id));
  const q2Posted = nextCall(posted(quizChannel, /^Question 2 of 2/));
  const reveal = press(revealId(q1), q1.id);
  assert.equal((await reveal.ack()).body.type, 6, 'the reveal updates the question message');
  const after1 = (await revealed).body;
  assert.match(after1.embeds[0].title, /^Question 1 of 2 — answer/);
  assertRevealShowsPassage(after1.embeds[0], q);
  assert.match(unescapeText(field(after1.embeds[0], 'Results')), /2 answered, 1 right: @everyone <@1> Ann/);
  assert.ok(!field(after1.embeds[0], 'Results').includes('@everyone'), 'a name is never a mention');
  assert.ok(buttons(after1).filter((b) => b.custom_id.startsWith('fq:a:')).every((b) => b.disabled));
  assert.ok(buttons(after1).some((b) => b.custom_id === `fn:show:${q.evidence.passageId}`), 'the whole passage is a button away');

  // Question 2: nobody answers; the starter reveals it, and the round ends with its scores.
  const q2call = (await q2Posted).body;
  const q2 = fake.messagesIn(quizChannel).find((m) => m.embeds[0]?.title === q2call.embeds[0].title && buttons(m).some((b) => b.custom_id.startsWith('fq:r:')))!;
  const summary = nextCall(posted(quizChannel, /^Quiz over/));
  await press(revealId(q2), q2.id).ack();
  const over = (await summary).body.embeds[0];
  const lines = unescapeText(over.description).split('\n');
  assert.ok(lines.some((l) => /^\*\*1\.\*\* @everyone <@1> Ann — 1 of 1 right$/.test(l)), over.description);
  assert.ok(lines.some((l) => /^\*\*2\.\*\* Bob — 0 of 1 right$/.test(l)), over.description);
  assert.equal(bot.context.store.study.getRound(stored1.roundId)!.status, 'finished');

  // The leaderboard: public, no pings.
  const board = command('leaderboard', undefined, { channelId: quizChannel });
  const shown = await board.final();
  const text = unescapeText(shown.embeds[0].description);
  assert.match(text.split('\n')[0]!, /^\*\*1\.\*\* @everyone <@1> Ann — 1 point · 1 of 1 right \(100%\)$/);
  assert.match(text.split('\n')[1]!, /^\*\*2\.\*\* Bob — 0 points · 0 of 1 right \(0%\)$/);
  assert.ok(!shown.embeds[0].description.includes('<@1>') && !shown.embeds[0].description.includes('@everyone'), 'escaped');
  const edit = board.calls().find((c) => c.method === 'PATCH')!;
  assert.deepEqual(edit.body.allowed_mentions, { parse: [], replied_user: false });
});

test('a second quiz in a channel with one running is refused privately, and an unknown section names the sections', async () => {
  configureStudy(bot.context, { questionMs: 60_000 });
  const { message } = await startQuiz(quizChannel, { count: 1 });
  const busy = await command('quiz', { count: 3 }, { channelId: quizChannel }).final();
  assert.equal(busy.flags & 64, 64);
  assert.match(busy.content, /already running in this channel/);
  const unknown = await command('quiz', { section: 'Economics' }, { channelId: fake.channelId }).final();
  assert.equal(unknown.flags & 64, 64);
  assert.match(unknown.content, /No section is called “Economics”. Sections: “\(opening\)”, “Limits of Convergence”, “Fundamental Distrust”/);
  const choices = (await fake.interact({ type: 'autocomplete', name: 'quiz', options: { section: 'conv' }, focused: 'section' }).final()).choices;
  assert.deepEqual(
    choices.map((c: any) => c.value),
    ['Limits of Convergence'],
  );
  const done = nextCall(posted(quizChannel, /^Quiz over/));
  await press(revealId(message), message.id).ack();
  await done;
});

test('when the time runs out the answer is revealed by itself, and a later press is told the question is closed', async () => {
  configureStudy(bot.context, { questionMs: 400 });
  const { message } = await startQuiz(quizChannel, { count: 1, section: 'Fundamental Distrust' });
  const q = storedQuestion(message);
  assert.equal(q.question.evidence.section, 'Fundamental Distrust');
  const over = nextCall(posted(quizChannel, /^Quiz over/), 3000);
  const revealed = (await nextCall(edited(quizChannel, message.id), 3000)).body;
  revealLagMs.push(Date.now() - q.deadlineAt!);
  assertRevealShowsPassage(revealed.embeds[0], q.question);
  assert.match(field(revealed.embeds[0], 'Results'), /Nobody answered/);
  await over;
  const late = await press(optionId(message, 0), message.id, { user: cy }).final();
  assert.match(late.content, /This question is closed/);
  assert.equal(bot.context.store.study.answerOf(q.roundId, 0, fake.user.id), undefined);
  configureStudy(bot.context, { questionMs: 60_000 });
});

test('a quiz in a channel the bot cannot post in is called off with a reason, and the channel stays free', async () => {
  fake.failNext({ method: 'POST', pathIncludes: `/channels/${quizChannel}/messages` }, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
  const h = command('quiz', { count: 2 }, { channelId: quizChannel });
  // the intro is shown first, and replaced by this notice once the first question could not be posted
  await fake.waitFor((c) => c.method === 'PATCH' && c.path.includes(h.token) && /could not post the questions/.test(c.body?.content ?? ''));
  const reply = await h.final();
  assert.match(reply.content, /could not post the questions in this channel/);
  assert.equal(bot.context.store.study.runningQuizIn(quizChannel), undefined);
});

test('/progress shows a member privately their score, history and the sections they have covered', async () => {
  const h = command('progress');
  const shown = await h.final();
  assert.equal((await h.ack()).body.data.flags, 64, 'deferred privately');
  assert.equal(shown.flags & 64, 64);
  const embed = shown.embeds[0];
  assert.match(field(embed, 'Score'), /^1 point · rank 1 of 2$/);
  assert.match(field(embed, 'Answered'), /^1 \(1 right, 100%\)$/);
  const sections = unescapeText(field(embed, 'Sections covered'));
  assert.match(embed.fields.find((f: any) => f.name.startsWith('Sections covered')).name, /^Sections covered: 1 of 4$/);
  assert.equal(sections.split('\n').length, 4, 'every section of the corpus is listed');
  assert.match(sections, /✅ .+ — 1 of 1 right/);
  assert.match(sections, /▫️ .+ — not yet/);
  assert.match(field(embed, 'Recent answers'), /^✅ <t:\d+:d> /);
  const nobody = await command('progress', undefined, { user: { username: 'newcomer' } }).final();
  assert.match(nobody.embeds[0].description, /not answered a quiz question/);
});

test('scores persist across a restart, and an overdue reveal happens at start-up', async () => {
  configureStudy(bot.context, { questionMs: 500 });
  const { message } = await startQuiz(restartChannel, { count: 2 });
  const q = storedQuestion(message);
  await press(optionId(message, q.question.correctIndex), message.id, { user: bob }).final();
  const before = bot.context.store.study.leaderboard(fake.guildId, 10).map((s) => [s.userId, s.points, s.answered]);
  await bot.stop();
  await sleep(600); // the question's time runs out while the bot is down

  bot = await startBot(60_000);
  assert.deepEqual(
    bot.context.store.study.leaderboard(fake.guildId, 10).map((s) => [s.userId, s.points, s.answered]),
    before,
  );
  const revealed = nextCall(edited(restartChannel, message.id));
  const next = nextCall(posted(restartChannel, /^Question 2 of 2/));
  await resumeStudy(bot.context, bot.client);
  const body = (await revealed).body;
  assertRevealShowsPassage(body.embeds[0], q.question);
  assert.match(field(body.embeds[0], 'Results'), /1 answered, 1 right: Bob/);
  const q2 = (await next).body;
  assert.match(q2.embeds[0].description, /revealed <t:\d+:R>/);
  const board = await command('leaderboard').final();
  assert.match(unescapeText(board.embeds[0].description), /Bob — 1 point · 1 of 2 right/);
  // finish the round
  const q2message = fake.messagesIn(restartChannel).find((m) => m.embeds[0]?.title === 'Question 2 of 2' && buttons(m).some((b) => b.custom_id.startsWith('fq:r:')))!;
  const done = nextCall(posted(restartChannel, /^Quiz over/));
  await press(revealId(q2message), q2message.id).ack();
  await done;
});

test('after a restart without a start-up hook, the next press reveals an overdue question', async () => {
  configureStudy(bot.context, { questionMs: 400 });
  const { message } = await startQuiz(restartChannel, { count: 1 });
  await bot.stop();
  await sleep(500);
  bot = await startBot();
  const revealed = nextCall(edited(restartChannel, message.id));
  const over = nextCall(posted(restartChannel, /^Quiz over/));
  const late = await press(optionId(message, 1), message.id, { user: cy }).final();
  assert.match(late.content, /This question is closed/);
  assert.match(field((await revealed).body.embeds[0], 'Results'), /Nobody answered/);
  await over;
});

test('a study session walks a section in a thread: passage, prompt, check question; next reveals and moves on; end sums up the scores', async () => {
  const start = study('start', [{ name: 'section', type: 3, value: 'Limits of Convergence' }], { channelId: fake.channelId });
  const intro = await start.final();
  assert.equal((await start.ack()).body.type, 5);
  assert.match(intro.embeds[0].title, /^Study session: Limits of Convergence/);
  const threadCall = await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages/${intro.id}/threads`);
  const thread = threadCall.body && intro.id; // the fake gives a thread opened on a message that message's id
  // the session records its thread once Discord has answered that call, a moment after it was made
  const session = await until(() => bot.context.store.study.sessionInThread(thread), 'the session to know its thread');
  assert.ok(session, 'the session knows its thread');
  assert.equal(session.steps.length, 5);

  const step1 = (await fake.waitFor(posted(thread, /^Step 1 of 5 — Limits of Convergence/))).body.embeds[0];
  const passage1 = engine.passage(session.steps[0]!)!.passage;
  assert.equal(unescapeText(step1.description), passage1.text, 'the passage is shown exactly');
  assert.ok(source.includes(unescapeText(step1.description)));
  assert.ok(field(step1, 'Discuss').endsWith('?'));
  assert.equal(field(step1, 'Paragraph'), String(passage1.paragraph));
  const check1call = (await fake.waitFor(posted(thread, /^Check question — step 1 of 5/))).body;
  const check1 = fake.messagesIn(thread).find((m) => m.embeds[0]?.title === check1call.embeds[0].title)!;
  const asked = storedQuestion(check1);
  assert.equal(asked.question.evidence.passageId, passage1.id, 'the check question is about the step’s passage');
  assert.ok(!buttons(check1).some((b) => b.custom_id.startsWith('fq:r:')), 'revealed when the session moves on');

  const right = await press(optionId(check1, asked.question.correctIndex), check1.id, { user: bob, channelId: thread }).final();
  assert.equal(right.embeds[0].title, '✅ Right');

  const revealed = nextCall(edited(thread, check1.id));
  const step2 = nextCall(posted(thread, /^Step 2 of 5/));
  const next = await study('next', [], { user: bob, channelId: thread }).final();
  assert.equal(next.flags & 64, 64);
  assert.match(next.content, /Moved on to step 2 of 5/);
  assertRevealShowsPassage((await revealed).body.embeds[0], asked.question);
  const step2body = (await step2).body.embeds[0];
  assert.equal(unescapeText(step2body.description), engine.passage(session.steps[1]!)!.passage.text);
  assert.match(step2body.footer.text, /Moved on by Bob/);

  // Two members asking to move on at the same moment move the session one step, not two.
  const both = await Promise.all([study('next', [], { user: bob, channelId: thread }).final(), study('next', [], { channelId: thread }).final()]);
  const said = both.map((m) => m.content).join(' | ');
  assert.equal(both.filter((m) => /Moved on to step 3 of 5/.test(m.content)).length, 1, said);
  assert.equal(both.filter((m) => /Someone moved the session on a moment ago/.test(m.content)).length, 1, said);
  assert.equal(bot.context.store.study.getSession(session.id)!.step, 2);

  const summary = nextCall(posted(thread, /^Study session over/));
  const end = await study('end', [], { channelId: thread }).final();
  assert.match(end.content, /summary with the group’s scores is in the thread/);
  const over = (await summary).body.embeds[0];
  assert.match(unescapeText(over.description), /covered 3 of 5 passages of Limits of Convergence/);
  assert.match(unescapeText(over.description), /\*\*1\.\*\* Bob — 1 of 1 right/);
  assert.equal(bot.context.store.study.getSession(session.id)!.status, 'ended');
  for (const q of bot.context.store.study.questions(session.roundId)) assert.ok(q.revealShown, 'every check question was revealed');

  const after = await study('next', [], { channelId: thread }).final();
  assert.match(after.content, /has ended/);
});

test('a moderator can lock a session to a role; others are refused clearly, and non-moderators cannot lock one', async () => {
  const readers = '1300000000000000001';
  fake.dispatch('GUILD_ROLE_CREATE', { guild_id: fake.guildId, role: { id: readers, name: 'Readers', permissions: '0', position: 1, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 } });
  await sleep(50);
  const notMod = await study('start', [{ name: 'role', type: 8, value: readers }]).final();
  assert.equal(notMod.flags & 64, 64);
  assert.match(notMod.content, /Only moderators .* can lock a study session to a role/);

  const start = study('start', [{ name: 'section', type: 3, value: '(opening)' }, { name: 'role', type: 8, value: readers }], { user: mod, roles: [fake.roles.moderator] });
  const intro = await start.final();
  assert.match(intro.embeds[0].description, /🔒 For members with the role \*\*Readers\*\*/);
  const thread = intro.id;
  const checkCall = (await fake.waitFor(posted(thread, /^Check question — step 1 of 5/))).body;
  const check = fake.messagesIn(thread).find((m) => m.embeds[0]?.title === checkCall.embeds[0].title)!;

  const refused = await study('next', [], { user: bob, channelId: thread }).final();
  assert.equal(refused.flags & 64, 64);
  assert.match(refused.content, /This study session is for members with the role “Readers”/);
  const refusedAnswer = await press(optionId(check, 0), check.id, { user: bob, channelId: thread }).final();
  assert.match(refusedAnswer.content, /for members with the role “Readers”/);
  assert.equal(bot.context.store.study.answersTo(storedQuestion(check).roundId, 0).length, 0);
  const refusedEnd = await study('end', [], { user: bob, channelId: thread }).final();
  assert.match(refusedEnd.content, /for members with the role “Readers”/);

  const member = await study('next', [], { user: cy, roles: [readers], channelId: thread }).final();
  assert.match(member.content, /Moved on to step 2 of 5/);
  const ended = await study('end', [], { user: mod, roles: [fake.roles.moderator], channelId: thread }).final();
  assert.match(ended.content, /session is over/);
});

test('forgetMember removes a member from the scores the bot shows', async () => {
  const bobId = bot.context.store.study.leaderboard(fake.guildId, 10).find((s) => s.userName === 'Bob')!.userId;
  assert.ok(bot.context.store.study.forgetMember(fake.guildId, bobId) >= 3);
  const board = await command('leaderboard').final();
  assert.doesNotMatch(board.embeds[0].description, /Bob/);
});

test('every message the study tools sent parses no mention and respects Discord’s limits; nothing was left unacknowledged', () => {
  const sent = fake.calls.filter((c) => c.status === 200 && (c.method === 'POST' || c.method === 'PATCH') && /\/messages|\/webhooks\//.test(c.path) && (c.body?.embeds || c.body?.content));
  assert.ok(sent.length > 20);
  for (const c of sent) {
    assert.deepEqual(c.body.allowed_mentions?.parse, [], `${c.method} ${c.path}`);
    assert.deepEqual(messageViolations({ content: c.body.content, embeds: c.body.embeds ?? [], components: c.body.components ?? [] }), [], `${c.method} ${c.path}`);
  }
  assert.deepEqual(fake.unacknowledged(), []);
  const acks = fake.ackLatencies();
  console.log(`# ${acks.length} interactions acknowledged in p50 ${[...acks].sort((a, b) => a - b)[Math.floor(acks.length / 2)]!.toFixed(1)} ms, max ${Math.max(...acks).toFixed(1)} ms; timer reveal ${revealLagMs.map((x) => `${x} ms`).join(', ')} after the deadline`);
  assert.ok(Math.max(...acks) < 1000);
  assert.ok(!logs.some((l) => / error /.test(l)), logs.filter((l) => / error /.test(l)).join('\n'));
});
