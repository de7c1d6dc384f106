/**
 * What members and moderators were left with, driven through the local fake Discord with the real
 * bot (createBot) and engine: reports that never reached a review card, reviewed answers that still
 * looked unreviewed, @everyone as a moderator role, settings replies that said the wrong thing, a
 * thread past its turn limit that went silent, a quiz nobody could stop, and a queue with no idea of
 * the wait.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Bot } from '../../src/discord/bot.js';
import { configureStudy } from '../../src/discord/study/runner.js';
import type { FakeDiscord, RecordedCall } from '../helpers/fake-discord.js';
import { botReplyTo as botReplyIn, buttons, nextCall as nextCallOf, replyTo as replyIn, sleep, startTestBot, until, type TestBot } from '../helpers/test-bot.js';

let session: TestBot;
let fake: FakeDiscord;
let bot: Bot;
let logs: string[];
let modLog: string;
let questions: string;
let quizChannel: string;
let owner: { id: string };
const bob = { id: '424242424242424242', username: 'bob', global_name: 'Bob' };
const cy = { id: '434343434343434343', username: 'cy', global_name: 'Cy' };

before(async () => {
  session = await startTestBot({
    discord: { guildChannels: [{ name: 'mod-log' }, { name: 'questions' }, { name: 'quiz' }] },
    env: { FOOTNOTE_MESSAGE_CONTENT: 'true', FOOTNOTE_REPLY_THREADS: 'true', FOOTNOTE_MAX_TURNS: '1' },
    beforeStart: (b) => configureStudy(b.context, { questionMs: 60_000, seed: () => 42 }),
  });
  ({ fake, bot, logs } = session);
  modLog = fake.channelByName('mod-log');
  questions = fake.channelByName('questions');
  quizChannel = fake.channelByName('quiz');
  owner = { id: fake.owner.id };
});

after(async () => {
  await session?.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// helpers

const store = () => bot.context.store;
type Who = { id: string } | undefined;

const OPTION_TYPES: Record<string, number> = { channel: 7, role: 8 };
function sub(name: string, options: Record<string, string | number | boolean> = {}) {
  const typed = Object.entries(options).map(([k, value]) => ({ name: k, type: OPTION_TYPES[k] ?? (typeof value === 'string' ? 3 : typeof value === 'boolean' ? 5 : 4), value }));
  return [{ name, type: 1, options: typed }];
}

async function command(name: string, options: any, user?: Who, extra: Record<string, unknown> = {}) {
  const h = fake.interact({ type: 'command', name, options, user, ...extra });
  return { h, reply: await h.final() };
}

const configure = async (subcommand: string, options: Record<string, string | number | boolean> = {}, user: Who = owner) => (await command('config', sub(subcommand, options), user)).reply;
const ask = async (question: string, user?: Who) => (await command('ask', { question }, user)).reply;


function button(message: any, label: string): string {
  const b = buttons(message).find((x) => x.label === label);
  assert.ok(b, `no button ${label} among ${JSON.stringify(buttons(message).map((x) => x.label))}`);
  return b.custom_id;
}

async function report(reply: any, reason: string, user?: Who) {
  const opened = await fake.interact({ type: 'button', customId: button(reply, 'Report'), message: reply.id, user }).final();
  assert.ok(opened.modal, `the Report button opens a modal: ${JSON.stringify(opened)}`);
  return fake.interact({ type: 'modal', customId: opened.modal.custom_id, fields: { reason }, message: reply.id, user }).final();
}

/** The review card of a question in the mod-log channel, if one was posted. */
const cardOf = (question: string) => fake.messagesIn(modLog).find((m) => /^Report #/.test(m.embeds?.[0]?.title ?? '') && m.embeds[0].description?.includes(question));

const replyTo = (messageId: string, timeoutMs?: number): Promise<RecordedCall> => replyIn(fake, messageId, timeoutMs);

const botReplyTo = (channelId: string, messageId: string) => botReplyIn(fake, channelId, messageId);

const nextCall = (pred: (c: RecordedCall) => boolean, timeoutMs?: number) => nextCallOf(fake, pred, timeoutMs);

// ---------------------------------------------------------------------------------------------------------------
// 1. reports reach a review card

test('a report made while there is no mod-log channel says so, and setting /config modlog posts its review card', async () => {
  const question = 'When was the article published?';
  const reply = await ask(question);
  const ack = await report(reply, 'Which day of the week?');
  assert.equal(ack.flags & 64, 64);
  assert.match(ack.content, /your report \(#\d+\) was recorded and the moderators can see it in \/modlog export\. This server has no mod-log channel yet; the moderators get it to review once one is set \(\/config modlog\)\./);
  assert.equal(cardOf(question), undefined, 'no card yet: there is nowhere to post it');

  const set = await configure('modlog', { channel: modLog });
  assert.match(set.content, /^Reports and moderation notices now go to <#\d+>\. 1 report waiting for review was posted there\.$/);
  const card = cardOf(question);
  assert.ok(card, 'the waiting report got its card');
  assert.deepEqual(buttons(card).map((b) => b.label), ['Approve', 'Correct', 'Hide']);
  const reportId = Number(/^Report #(\d+)/.exec(card.embeds[0].title)![1]);
  assert.equal(store().moderation.report(reportId)!.modLogMessageId, card.id);

  // setting it again posts nothing twice
  const again = await configure('modlog', { channel: modLog });
  assert.doesNotMatch(again.content, /waiting for review/);
  assert.equal(fake.messagesIn(modLog).filter((m) => m.embeds?.[0]?.description?.includes(question)).length, 1);
});

test('a review card that could not be posted (403) is kept waiting, the reporter is told, and the next /config modlog posts it', async () => {
  const question = 'Who wrote the article?';
  const reply = await ask(question);
  fake.failNext({ method: 'POST', pathIncludes: `/channels/${modLog}/messages` }, { status: 403, body: { message: 'Missing Access', code: 50001 } });
  const ack = await report(reply, 'Spell the name out');
  assert.match(ack.content, /recorded but could not be posted to the moderators’ mod-log channel just now; it is kept, posted there as soon as that works, and the moderators can see it in \/modlog export/);
  assert.equal(cardOf(question), undefined);

  const set = await configure('modlog', { channel: modLog });
  assert.match(set.content, /1 report waiting for review was posted there\./);
  assert.ok(cardOf(question), 'posted once the channel works');
});

// ---------------------------------------------------------------------------------------------------------------
// 2. the public answer says it was reviewed

test('Approve and Correct put a note above the public answer; a correction shows the corrected text; a correction error reads as one sentence', async () => {
  const approvedQuestion = 'When was the article published?';
  const approvedAnswer = fake.messagesIn(fake.channelId).find((m) => m.embeds?.[0]?.title === approvedQuestion && buttons(m).some((b) => b.label === 'Report'));
  const card = cardOf(approvedQuestion);
  const approved = await fake.interact({ type: 'button', customId: button(card, 'Approve'), message: card.id, channelId: modLog, user: owner }).final();
  assert.match(approved.content, /^Approved report #\d+: .* The answer now says a moderator reviewed it\.$/);
  const marked = fake.message(approvedAnswer.id);
  assert.match(marked.content, /^✅ \*\*Reviewed by a moderator\*\* — the answer below stands, and anyone who asks this again gets it, marked as reviewed\.$/);
  assert.ok(marked.embeds.length && buttons(marked).some((b) => b.label === 'Report'), 'the answer and its buttons stay');

  const correctedQuestion = 'Who wrote the article?';
  const correctedAnswer = fake.messagesIn(fake.channelId).find((m) => m.embeds?.[0]?.title === correctedQuestion && buttons(m).some((b) => b.label === 'Report'));
  const correctCard = cardOf(correctedQuestion);
  const opened = await fake.interact({ type: 'button', customId: button(correctCard, 'Correct'), message: correctCard.id, channelId: modLog, user: owner }).final();
  const submit = (answer: string, citations: string) =>
    fake.interact({ type: 'modal', customId: opened.modal.custom_id, fields: { answer, citations }, message: correctCard.id, channelId: modLog, user: owner }).final();
  const wrongMarker = await submit('It was written by Ali Alfoneh [3].', '[1]');
  assert.match(wrongMarker.content, /^The correction was not saved: the corrected answer refers to \[3\], but it cites 1 passage/);
  assert.equal(fake.message(correctedAnswer.id).content ?? '', '', 'nothing is marked while the correction is refused');

  const done = await submit('The article was written by Ali Alfoneh [1].', '[1]');
  assert.match(done.content, /^Saved\. .*; the original answer now says it was corrected:$/);
  const corrected = fake.message(correctedAnswer.id);
  assert.match(corrected.content, /^✏️ \*\*Corrected by a moderator\*\* — the corrected answer, with its sources, is shown to anyone who asks this again:\n> The article was written by Ali Alfoneh\.$/);
  const edit = [...fake.calls].reverse().find((c) => c.method === 'PATCH' && c.path === `/channels/${fake.channelId}/messages/${correctedAnswer.id}`)!;
  assert.deepEqual(edit.body.allowed_mentions?.parse, [], 'the corrected text pings nobody');
});

test('an answer message that cannot be edited does not stop the review: the decision is saved and a warning logged', async () => {
  const question = 'Who is Ali Larijani?';
  const reply = await ask(question);
  await report(reply, 'Check this');
  await fake.waitFor(() => Boolean(cardOf(question)));
  const card = cardOf(question);
  fake.failNext({ method: 'PATCH', pathIncludes: `/channels/${fake.channelId}/messages/${reply.id}` }, { status: 403, body: { message: 'Missing Permissions', code: 50013 } });
  const approved = await fake.interact({ type: 'button', customId: button(card, 'Approve'), message: card.id, channelId: modLog, user: owner }).final();
  assert.match(approved.content, /^Approved report #\d+/);
  assert.doesNotMatch(approved.content, /now says/);
  const reportId = Number(/^Report #(\d+)/.exec(card.embeds[0].title)![1]);
  assert.equal(store().moderation.report(reportId)!.resolution, 'approved');
  assert.ok(logs.some((l) => l.includes('could not mark a reviewed answer')));
});

// ---------------------------------------------------------------------------------------------------------------
// 3. @everyone is not a moderator role

test('@everyone is refused as a moderator role, and as an allowed role it is said that everyone may already ask', async () => {
  const everyone = fake.guildId;
  const mod = await configure('moderator-role', { action: 'add', role: everyone });
  assert.equal(mod.flags & 64, 64);
  assert.match(mod.content, /^Nothing was changed: @everyone is every member of the server, so it would make everyone a moderator/);
  assert.deepEqual(store().settings.get(fake.guildId).moderatorRoleIds, []);
  // and a plain member is still no moderator
  const refused = await configure('show', {}, { id: fake.user.id });
  assert.match(refused.content, /Only moderators/);

  const allowed = await configure('allowed-role', { action: 'add', role: everyone });
  assert.match(allowed.content, /^Nothing was changed: everyone may already ask Footnote here/);
  assert.deepEqual(store().settings.get(fake.guildId).allowedRoleIds, []);
  await configure('allowed-role', { action: 'add', role: fake.roles.moderator });
  const limited = await configure('allowed-role', { action: 'add', role: everyone });
  assert.match(limited.content, /use `\/config allowed-role action:clear`/);
  assert.deepEqual(store().settings.get(fake.guildId).allowedRoleIds, [fake.roles.moderator]);
  await configure('allowed-role', { action: 'clear' });
});

// ---------------------------------------------------------------------------------------------------------------
// 4. replies that say what happened

test('/config question-channel says when a channel already was one, or never was; /modlog export from the beginning is named “all”', async () => {
  const notOne = await configure('question-channel', { action: 'remove', channel: questions });
  assert.match(notOne.content, /^<#\d+> was not a question channel; nothing changed\.$/);
  assert.match((await configure('question-channel', { action: 'add', channel: questions })).content, /^Every message in <#\d+> is now a question\.$/);
  assert.match((await configure('question-channel', { action: 'add', channel: questions })).content, /^Every message in <#\d+> is already a question; nothing changed\.$/);
  assert.match((await configure('question-channel', { action: 'remove', channel: questions })).content, /^<#\d+> is no longer a question channel\.$/);
  assert.equal(store().settings.history(fake.guildId).filter((c) => c.setting === 'questionChannelIds').length, 2, 'only real changes are recorded');

  const all = await command('modlog', sub('export'), owner);
  const file = all.h.calls().flatMap((c) => c.files)[0]!;
  assert.match(file.name, /^footnote-record-\d+-all-to-\d{4}-\d\d-\d\d\.csv$/);
  const today = new Date().toISOString().slice(0, 10);
  const dated = await command('modlog', sub('export', { from: today, format: 'json' }), owner);
  assert.equal(dated.h.calls().flatMap((c) => c.files)[0]!.name, `footnote-record-${fake.guildId}-${today}-to-${today}.json`);
});

// ---------------------------------------------------------------------------------------------------------------
// 5. a thread past its turn limit

test('past a thread’s turn limit each member who asks there is told once, and a mention is always answered', async () => {
  const { id } = fake.sendMessage({ content: 'Who is Ali Larijani?', mentionBot: true });
  await replyTo(id);
  const answer = botReplyTo(fake.channelId, id);
  await fake.waitFor((c) => c.method === 'POST' && c.path === `/channels/${fake.channelId}/messages/${answer.id}/threads` && c.status === 200);
  const thread = answer.id;
  // follow-ups there are answered once the bot has recorded the thread, after Discord answered that call
  await until(() => store().conversations.get(thread), 'the thread’s conversation');

  const first = fake.sendMessage({ content: 'what was he wearing?', channelId: thread });
  assert.match((await replyTo(first.id)).body.content, /This thread has had its 1 questions?/);
  const firstAgain = fake.sendMessage({ content: 'and where was that?', channelId: thread });
  const other = fake.sendMessage({ content: 'who did he meet?', channelId: thread, author: bob });
  assert.match((await replyTo(other.id)).body.content, /This thread has had its/, 'another member is told too');
  const otherAgain = fake.sendMessage({ content: 'when did he meet him?', channelId: thread, author: bob });
  await sleep(300);
  assert.equal(botReplyTo(thread, firstAgain.id), undefined, 'a member is told once');
  assert.equal(botReplyTo(thread, otherAgain.id), undefined, 'a member is told once');
  const mention = fake.sendMessage({ content: 'why did he go to Moscow?', channelId: thread, author: bob, mentionBot: true });
  assert.match((await replyTo(mention.id)).body.content, /Mention me in the channel to start a new one/);
});

// ---------------------------------------------------------------------------------------------------------------
// 6. stopping a quiz

test('Stop quiz: refused for other members; for the starter it reveals the open question, posts the scores so far and frees the channel', async () => {
  const questionPosted = nextCall((c) => c.method === 'POST' && c.path === `/channels/${quizChannel}/messages` && /^Question 1 of 3/.test(c.body?.embeds?.[0]?.title ?? ''));
  await command('quiz', { count: 3 }, undefined, { channelId: quizChannel });
  await questionPosted;
  const q1 = fake.messagesIn(quizChannel).find((m) => /^Question 1 of 3/.test(m.embeds?.[0]?.title ?? '') && buttons(m).length)!;
  assert.deepEqual(buttons(q1).slice(-2).map((b) => b.label), ['Reveal now (quiz starter or moderators)', 'Stop quiz']);
  const round = store().study.runningQuizIn(quizChannel)!;
  const correct = store().study.question(round.id, 0)!.question.correctIndex;
  const answerId = buttons(q1).find((b) => b.custom_id === `fq:a:${round.id}:0:${correct}`)!.custom_id;
  await fake.interact({ type: 'button', customId: answerId, message: q1.id, channelId: quizChannel, user: cy }).final();

  const refused = await fake.interact({ type: 'button', customId: button(q1, 'Stop quiz'), message: q1.id, channelId: quizChannel, user: bob }).final();
  assert.equal(refused.flags & 64, 64);
  assert.match(refused.content, /Only whoever started this quiz, or a moderator, can stop it/);
  assert.equal(store().study.getRound(round.id)!.status, 'running');

  const revealed = nextCall((c) => c.method === 'PATCH' && c.path === `/channels/${quizChannel}/messages/${q1.id}`);
  const summary = nextCall((c) => c.method === 'POST' && c.path === `/channels/${quizChannel}/messages` && /^Quiz over/.test(c.body?.embeds?.[0]?.title ?? ''));
  const stopped = await fake.interact({ type: 'button', customId: button(q1, 'Stop quiz'), message: q1.id, channelId: quizChannel }).final();
  assert.equal(stopped.flags & 64, 64);
  assert.match(stopped.content, /^You stopped the quiz/);
  assert.match((await revealed).body.embeds[0].title, /^Question 1 of 3 — answer/);
  const over = (await summary).body.embeds[0].description;
  assert.match(over, /^Stopped by \*\*.+\*\* after 1 of 3 questions on the whole corpus\. Scores so far:\n\n\*\*1\.\*\* Cy — 1 of 1 right/);
  assert.equal(store().study.getRound(round.id)!.status, 'finished');
  await sleep(200);
  assert.ok(!fake.messagesIn(quizChannel).some((m) => /^Question 2 of 3/.test(m.embeds?.[0]?.title ?? '')), 'no further question is posted');

  const late = await fake.interact({ type: 'button', customId: button(q1, 'Stop quiz'), message: q1.id, channelId: quizChannel }).final();
  assert.match(late.content, /already over/);
  const next = nextCall((c) => c.method === 'POST' && c.path === `/channels/${quizChannel}/messages` && /^Question 1 of 1/.test(c.body?.embeds?.[0]?.title ?? ''));
  await command('quiz', { count: 1 }, undefined, { channelId: quizChannel });
  await next;
  const nextRound = store().study.runningQuizIn(quizChannel)!;
  const q = fake.messagesIn(quizChannel).find((m) => /^Question 1 of 1/.test(m.embeds?.[0]?.title ?? '') && buttons(m).length)!;
  // a moderator (Manage Server) may stop someone else's quiz
  const byOwner = await fake.interact({ type: 'button', customId: button(q, 'Stop quiz'), message: q.id, channelId: quizChannel, user: owner, memberPermissions: fake.permissions.moderator }).final();
  assert.match(byOwner.content, /^You stopped the quiz/);
  assert.equal(store().study.getRound(nextRound.id)!.status, 'finished');
});

// ---------------------------------------------------------------------------------------------------------------
// 7. the queue says about how long

test('a question waiting for the questions-per-minute budget is told its place and about how long it will wait', async () => {
  await configure('rate', { 'questions-per-minute': 1 });
  try {
    const sent = ['Who wrote the article?', 'Who is Ali Larijani?', 'When was the article published?'].map((content) => fake.sendMessage({ content, mentionBot: true, channelId: fake.channelId }));
    const second = await replyTo(sent[1]!.id);
    assert.equal(second.body.content, '⏳ This server is at its questions-per-minute limit. Your question is next in the queue and will be answered here shortly, within a minute.');
    const third = await replyTo(sent[2]!.id);
    assert.equal(third.body.content, '⏳ This server is at its questions-per-minute limit. Your question is number 2 in the queue and will be answered here in turn, within about 2 minutes.');
  } finally {
    await configure('rate', { 'questions-per-minute': 0 });
  }
});

test('/forget-me withdraws the review cards that show the member’s question or their own report', async () => {
  await configure('modlog', { channel: modLog });
  const question = 'Why was Larijani wearing black?';
  const reply = await ask(question, cy);
  await report(reply, 'Not sure this is right', bob);
  const card = cardOf(question);
  assert.ok(card, 'the report has its card');
  const reportId = Number(/^Report #(\d+)/.exec(card.embeds[0].title)![1]);
  const forgot = (await command('forget-me', undefined, cy)).reply;
  assert.match(forgot.content, /^Deleted from this server: 1 question with its answer/);
  const withdrawn = fake.message(card.id);
  assert.equal(withdrawn.embeds[0].title, `Report #${reportId} — withdrawn`);
  assert.doesNotMatch(JSON.stringify(withdrawn), /Larijani|Not sure this is right/);
  assert.deepEqual(buttons(withdrawn), []);
});
