/**
 * Nothing a server builds up is lost on restart: `npm start` (tsx src/main.ts) as a real process
 * against the fake Discord with a fixed FOOTNOTE_DATA_DIR is configured, given a block, reports and a
 * corrected answer, stopped with SIGTERM, started again, and checked through Discord and the database.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { ROOT } from '../helpers/cli.js';
import { CORPUS_DIR, openTestEngine, tempDir } from '../helpers/engine.js';

const data = tempDir('footnote-restart-');
let fake: FakeDiscord;
let child: ChildProcess | undefined;
let stderr = '';
let modLog: string;
let questions: string;
const owner = () => ({ id: fake.owner.id });
const blockedMember = { id: '818181818181818181', username: 'bert' };

function start(): Promise<void> {
  stderr = '';
  child = spawn(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_API_URL: fake.apiBase,
      FOOTNOTE_CORPUS_DIR: CORPUS_DIR,
      FOOTNOTE_DATA_DIR: data.dir,
      FOOTNOTE_MESSAGE_CONTENT: 'true',
      OPENAI_API_KEY: '',
      FOOTNOTE_REPLY_THREADS: '',
      FOOTNOTE_QUESTION_CHANNELS: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (d: string) => (stderr += d));
  child.stdout!.resume();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 30 s:\n${stderr}`)), 30_000);
    const check = () => {
      if (/ info ready /.test(stderr)) {
        clearTimeout(timer);
        child!.stderr!.off('data', check);
        resolve();
      }
    };
    child!.stderr!.on('data', check);
    child!.once('exit', (code) => reject(new Error(`exited ${code} before ready:\n${stderr}`)));
  });
}

async function stop(): Promise<void> {
  const exited = once(child!, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  child!.kill('SIGTERM');
  const [code, signal] = await exited;
  assert.equal(signal, null);
  assert.equal(code, 0, stderr);
  child = undefined;
}

before(async () => {
  fake = await startFakeDiscord({ guildChannels: [{ name: 'mod-log' }, { name: 'questions' }] });
  modLog = fake.channelByName('mod-log');
  questions = fake.channelByName('questions');
  await openTestEngine({ dataDir: data.dir }); // the index is built before the bot starts
  await start();
});

after(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await once(child, 'exit');
  }
  await fake?.close();
  data.cleanup();
});

function sub(name: string, options: Record<string, [number, string | number | boolean]> = {}) {
  return [{ name, type: 1, options: Object.entries(options).map(([k, [type, value]]) => ({ name: k, type, value })) }];
}
const configure = async (name: string, options: Record<string, [number, string | number | boolean]> = {}) =>
  (await fake.interact({ type: 'command', name: 'config', options: sub(name, options), user: owner() }).final(10_000)).content as string;
const ask = async (question: string, user?: { id: string; username?: string }) => fake.interact({ type: 'command', name: 'ask', options: { question }, user }).final(10_000);
const button = (message: any, label: string) => (message.components ?? []).flatMap((r: any) => r.components).find((b: any) => b.label === label)!.custom_id as string;
const cards = () => fake.messagesIn(modLog).filter((m) => /^Report #/.test(m.embeds?.[0]?.title ?? ''));

async function report(reply: any, reason: string) {
  const opened = await fake.interact({ type: 'button', customId: button(reply, 'Report'), message: reply.id }).final();
  return fake.interact({ type: 'modal', customId: opened.modal.custom_id, fields: { reason }, message: reply.id }).final();
}

test('settings, blocks, reports and a corrected answer made in one run are all there after SIGTERM and a new start', async () => {
  // configure everything
  const steps: [string, Record<string, [number, string | number | boolean]>, RegExp][] = [
    ['question-channel', { action: [3, 'add'], channel: [7, questions] }, /is now a question/],
    ['reply-style', { style: [3, 'ephemeral'] }, /seen only by the asker/],
    ['moderator-role', { action: [3, 'add'], role: [8, fake.roles.moderator] }, /are now Footnote moderators/],
    ['cooldown', { seconds: [4, 2] }, /once every 2 seconds/],
    ['rate', { 'questions-per-minute': [4, 40] }, /At most 40/],
    ['modlog', { channel: [7, modLog] }, /now go to/],
    ['llm', { enabled: [5, false] }, /offline/],
    ['channel-documents', { channel: [7, questions], documents: [3, 'twisted-tehran-moscow-axis'] }, /draw only on/],
    ['retention', { days: [4, 400] }, /older than 400 days/],
  ];
  for (const [name, options, said] of steps) assert.match(await configure(name, options), said, name);
  const blocked = await fake.interact({ type: 'command', name: 'block', options: [{ name: 'member', type: 6, value: blockedMember.id }, { name: 'reason', type: 3, value: 'off topic' }], user: owner() }).final();
  assert.match(blocked.content, /Blocked/);

  // two reports: one corrected by a moderator, one left open
  const first = await ask('When was the article published?');
  assert.match((await report(first, 'Give the weekday')).content, /moderators were told/);
  await fake.waitFor(() => cards().length === 1);
  const correct = await fake.interact({ type: 'button', customId: button(cards()[0], 'Correct'), message: cards()[0].id, channelId: modLog, user: owner() }).final();
  const saved = await fake
    .interact({ type: 'modal', customId: correct.modal.custom_id, fields: { answer: 'It was published on Thursday, December 10, 2015 [1].', citations: '[1]' }, message: cards()[0].id, channelId: modLog, user: owner() })
    .final();
  assert.match(saved.content, /^Saved/);
  await new Promise((r) => setTimeout(r, 2100)); // past the member cooldown
  const second = await ask('Who is Ali Larijani?');
  assert.match((await report(second, 'Needs a source for the title')).content, /moderators were told/);
  await fake.waitFor(() => cards().length === 2);

  await stop();
  const identifiesBefore = fake.gatewayStats().identifies;
  await start();
  assert.equal(fake.gatewayStats().identifies, identifiesBefore + 1);

  // the settings are as they were left
  const shown = (await fake.interact({ type: 'command', name: 'config', options: sub('show'), user: owner() }).final(10_000)).embeds[0];
  const field = (name: string) => shown.fields.find((f: any) => f.name === name)?.value as string;
  assert.equal(field('Question channels'), `<#${questions}>`);
  assert.match(field('Reply style'), /^ephemeral/);
  assert.match(field('Moderators'), new RegExp(`<@&${fake.roles.moderator}>`));
  assert.equal(field('Member cooldown'), '2 s between questions');
  assert.match(field('Questions per minute'), /^40/);
  assert.equal(field('Mod-log channel'), `<#${modLog}>`);
  assert.match(field('Language model'), /^off/);
  assert.match(field('Channel documents'), new RegExp(`<#${questions}>: The Twisted Tehran-Moscow Axis`));
  assert.match(field('Retention'), /400 days/);
  assert.equal(field('Blocked members'), '1');

  // the block holds, the reviewed answer is preferred, and the reply style is still private
  const refused = await ask('Who wrote the article?', blockedMember);
  assert.equal(refused.content, 'You can’t ask Footnote questions in this server.');
  const again = await ask('When was the article published?');
  assert.equal(again.flags & 64, 64);
  assert.match(again.embeds[0].description, /Moderator-reviewed answer\*\* — corrected by Olivia \(owner\)/);
  assert.match(again.embeds[0].description, /Thursday, December 10, 2015 \[1\]/);

  // the open report's buttons from before the restart still work
  const approved = await fake.interact({ type: 'button', customId: button(cards()[1], 'Approve'), message: cards()[1].id, channelId: modLog, user: owner() }).final(10_000);
  assert.match(approved.content, /^Approved report #\d+/);

  // and the database holds the record
  await stop();
  const store = openSqliteStore(data.dir);
  try {
    const reports = store.moderation.reports(fake.guildId);
    assert.deepEqual(reports.map((r) => [r.reason, r.status, r.resolution, r.reviewedBy]).reverse(), [
      ['Give the weekday', 'resolved', 'corrected', fake.owner.id],
      ['Needs a source for the title', 'resolved', 'approved', fake.owner.id],
    ]);
    assert.deepEqual(store.moderation.reviewedAnswers(fake.guildId).map((r) => [r.kind, r.moderatorName]), [['approved', 'Olivia (owner)'], ['corrected', 'Olivia (owner)']]);
    assert.equal(store.moderation.blockOf(fake.guildId, blockedMember.id)?.reason, 'off topic');
    assert.equal(store.settings.history(fake.guildId).length, 9);
    const kinds = new Set(store.moderation.exportRecord(fake.guildId, { from: 0, to: Date.now() }).map((e) => e.kind));
    assert.deepEqual([...kinds].sort(), ['moderator-action', 'question', 'refusal', 'report', 'reviewed-answer', 'settings-change']);
  } finally {
    store.close();
  }
});
