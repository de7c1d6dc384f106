/**
 * /forget-me and the quiz and study messages already posted, with the real bot and engine against
 * the local fake Discord: every message that named the member or counted their answers is shown
 * again without them (after a restart, from what the store kept), others' names stay, and one that
 * cannot be changed is counted in the reply.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { unescapeText } from '../../src/discord/render.js';
import { configureStudy } from '../../src/discord/study/runner.js';
import type { FakeDiscord, InteractionHandle } from '../helpers/fake-discord.js';
import { buttons, nextCall, startTestBot, until, type TestBot } from '../helpers/test-bot.js';

let session: TestBot;
let fake: FakeDiscord;
let quizChannel: string;
let studyChannel: string;

/** Alice is the fake's default user; Bob asks to be forgotten. */
const bob = { username: 'bob', global_name: 'Bob' };

before(async () => {
  session = await startTestBot({
    discord: { guildChannels: [{ name: 'quiz' }, { name: 'study' }] },
    beforeStart: (b) => configureStudy(b.context, { questionMs: 60_000, seed: () => 42 }),
  });
  ({ fake } = session);
  quizChannel = fake.channelByName('quiz');
  studyChannel = fake.channelByName('study');
});

after(async () => {
  await session?.stop();
});

const store = () => session.bot.context.store.study;
const posted = (channelId: string, title: RegExp) => (c: { method: string; path: string; body?: any }) => c.method === 'POST' && c.path === `/channels/${channelId}/messages` && title.test(c.body?.embeds?.[0]?.title ?? '');

function command(name: string, options: any[] | Record<string, string | number | boolean> | undefined, extra: { user?: any; channelId?: string; roles?: string[] } = {}): InteractionHandle {
  return fake.interact({ type: 'command', name, options, ...extra });
}

function press(customId: string, message: string, channelId: string, user?: any): Promise<any> {
  return fake.interact({ type: 'button', customId, message, channelId, ...(user ? { user } : {}) }).final();
}

/** Reveal now: it updates the question's message, so there is no reply to wait for. */
async function reveal(question: any, user?: any): Promise<void> {
  const customId = buttons(question).find((b) => b.label.startsWith('Reveal now'))!.custom_id;
  await fake.interact({ type: 'button', customId, message: question.id, channelId: quizChannel, ...(user ? { user } : {}) }).ack();
}

/** The bot's message in a channel whose first embed's title matches, as stored now. */
function shown(channelId: string, title: RegExp): any {
  const found = fake.messagesIn(channelId).find((m) => title.test(m.embeds?.[0]?.title ?? ''));
  assert.ok(found, `no message titled ${title} in ${channelId}`);
  return found;
}

/** Everything a member reads in an embed message (bold left out). */
const text = (m: any) => unescapeText([m.content ?? '', ...(m.embeds ?? []).flatMap((e: any) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value])])].filter(Boolean).join('\n').replaceAll('**', ''));

const field = (m: any, name: string) => unescapeText(m.embeds[0].fields.find((f: any) => f.name === name).value);

/** The right option's button of a posted question. */
function rightAnswer(message: any): string {
  const [, , roundId, position] = buttons(message).find((b) => b.custom_id.startsWith('fq:a:'))!.custom_id.split(':');
  const q = store().question(roundId!, Number(position))!;
  return buttons(message).find((b) => b.custom_id === `fq:a:${roundId}:${position}:${q.question.correctIndex}`)!.custom_id;
}

test('/forget-me takes the member off the quiz and study messages already posted, keeps the others, and counts what could not be changed', async () => {
  // Bob starts a quiz of two questions; he and Alice both get the first one right; he answers the second and stops the quiz.
  const first = nextCall(fake, posted(quizChannel, /^Question 1 of 2/));
  const quizIntro = await command('quiz', { count: 2 }, { user: bob, channelId: quizChannel }).final();
  assert.match(text(quizIntro), /^Quiz on the whole corpus\nStarted by Bob\. 2 questions follow/);
  await first;
  const q1 = shown(quizChannel, /^Question 1 of 2$/);
  await press(rightAnswer(q1), q1.id, quizChannel, bob);
  await press(rightAnswer(q1), q1.id, quizChannel);
  const second = nextCall(fake, posted(quizChannel, /^Question 2 of 2/));
  await reveal(q1, bob);
  await second;
  assert.equal(field(shown(quizChannel, /^Question 1 of 2 — answer/), 'Results').split('\n')[0], '2 answered, 2 right: Bob, Alice');
  const q2 = shown(quizChannel, /^Question 2 of 2$/);
  await press(rightAnswer(q2), q2.id, quizChannel, bob);
  const summaryPosted = nextCall(fake, posted(quizChannel, /^Quiz over/));
  await press(buttons(q2).find((b) => b.label === 'Stop quiz')!.custom_id, q2.id, quizChannel, bob);
  await summaryPosted;
  const quizSummary = shown(quizChannel, /^Quiz over/);
  assert.match(text(quizSummary), /Stopped by Bob after 2 of 2 questions on the whole corpus\. Scores so far:\n\n1\. Bob — 2 of 2 right\n2\. Alice — 1 of 1 right/);

  // Alice starts a study session; Bob answers its first check question, moves it on, and (as a moderator) ends it.
  const studyIntro = await command('study', [{ name: 'start', type: 1, options: [{ name: 'section', type: 3, value: 'Limits of Convergence' }] }], { channelId: studyChannel }).final();
  const thread = studyIntro.id;
  await fake.waitFor(posted(thread, /^Check question — step 1 of 5/));
  const check1 = shown(thread, /^Check question — step 1 of 5$/);
  await press(rightAnswer(check1), check1.id, thread, bob);
  const step2 = nextCall(fake, posted(thread, /^Step 2 of 5/));
  await command('study', [{ name: 'next', type: 1, options: [] }], { user: bob, channelId: thread }).final();
  assert.match((await step2).body.embeds[0].footer.text, /^Moved on by Bob · A check question follows\./);
  const studyOver = nextCall(fake, posted(thread, /^Study session over/));
  // a moderator may end someone else's session
  await command('study', [{ name: 'end', type: 1, options: [] }], { user: bob, channelId: thread, roles: [fake.roles.moderator] }).final();
  await studyOver;
  assert.match(text(shown(thread, /^Study session over/)), /Ended by Bob\. The group covered 2 of 5 passages[\s\S]*1\. Bob — 1 of 1 right/);

  // After a restart (nothing kept in memory), Bob asks to be forgotten; the quiz summary cannot be edited.
  await session.restart();
  fake.failNext({ method: 'PATCH', pathIncludes: `/channels/${quizChannel}/messages/${quizSummary.id}` }, { status: 403, body: { message: 'Missing Access', code: 50001 } });
  const reply = await command('forget-me', undefined, { user: bob, channelId: quizChannel }).final();
  assert.match(reply.content, /, 4 quiz records\. /, reply.content); // three answers and the score
  assert.match(reply.content, / 6 quiz and study messages already posted no longer show you\. 1 quiz or study message showing you could not be changed; a moderator can delete it\./, reply.content);

  // The quiz: the intro names nobody; the reveals count only Alice; the summary could not be changed.
  assert.match(text(shown(quizChannel, /^Quiz on the whole corpus/)), /^Quiz on the whole corpus\n2 questions follow one at a time/);
  const r1 = shown(quizChannel, /^Question 1 of 2 — answer/);
  assert.equal(field(r1, 'Results').split('\n')[0], '1 answered, 1 right: Alice');
  assert.equal(field(shown(quizChannel, /^Question 2 of 2 — answer/), 'Results'), 'Nobody answered this one.');
  assert.ok(buttons(r1).some((b) => b.label === 'Read the whole passage'), 'the reveal keeps its buttons');
  assert.match(text(shown(quizChannel, /^Quiz over/)), /Bob/, 'the summary that could not be edited is as it was');
  // The session: Alice still started it; Bob is off the step, the check question and the summary.
  assert.match(text(shown(studyChannel, /^Study session/)), /\nStarted by Alice\. The thread below walks/);
  assert.match(shown(thread, /^Step 2 of 5/).embeds[0].footer.text, /^A check question follows\. \/study next moves on/);
  assert.equal(field(shown(thread, /^Check question — step 1 of 5 — answer/), 'Results'), 'Nobody answered this one.');
  assert.match(text(shown(thread, /^Study session over/)), /^Study session over\nThe group covered 2 of 5 passages of Limits of Convergence and 2 check questions\.\n\nScores for this session\nNobody answered a check question\./);
  for (const channel of [quizChannel, studyChannel, thread]) {
    for (const m of fake.messagesIn(channel)) if (m.id !== quizSummary.id) assert.doesNotMatch(text(m), /Bob/, `${m.embeds?.[0]?.title ?? m.content}`);
  }

  // Asked again, there is nothing left to change.
  const again = await command('forget-me', undefined, { user: bob, channelId: quizChannel }).final();
  assert.doesNotMatch(again.content, /quiz and study messages|quiz or study message/, again.content);
});

test('a member who answered a quiz that ran its course is taken off its reveal and its scores; the others keep theirs', async () => {
  configureStudy(session.bot.context, { questionMs: 60_000, seed: () => 7 });
  const first = nextCall(fake, posted(quizChannel, /^Question 1 of 1/));
  await command('quiz', { count: 1 }, { channelId: quizChannel }).final();
  await first;
  const q = fake.messagesIn(quizChannel).filter((m) => /^Question 1 of 1$/.test(m.embeds?.[0]?.title ?? '')).at(-1)!;
  const cy = { username: 'cy', global_name: 'Cy' };
  await press(rightAnswer(q), q.id, quizChannel, cy);
  await press(rightAnswer(q), q.id, quizChannel);
  const over = nextCall(fake, posted(quizChannel, /^Quiz over/));
  await reveal(q);
  await over;
  const summaryId = fake.messagesIn(quizChannel).filter((m) => /^Quiz over/.test(m.embeds?.[0]?.title ?? '')).at(-1)!.id;
  // the bot records the summary's message once it was posted: /forget-me finds it from then on
  const roundId = buttons(q).find((b) => b.custom_id.startsWith('fq:a:'))!.custom_id.split(':')[2]!;
  await until(() => store().getRound(roundId)?.summaryMessageId === summaryId, 'the quiz summary’s message to be recorded');
  assert.match(text(fake.message(summaryId)), /1 question on the whole corpus\.\n\n1\. Cy — 1 of 1 right\n1\. Alice — 1 of 1 right/);

  const reply = await command('forget-me', undefined, { user: cy, channelId: quizChannel }).final();
  assert.match(reply.content, / 2 quiz and study messages already posted no longer show you\./, reply.content);
  assert.equal(text(fake.message(summaryId)).split('\n').slice(1).join('\n'), '1 question on the whole corpus.\n\n1. Alice — 1 of 1 right\n/leaderboard for the server’s standings · /progress for your own history');
  assert.equal(field(fake.message(q.id), 'Results').split('\n')[0], '1 answered, 1 right: Alice');
});
