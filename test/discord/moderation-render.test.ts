import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Answer } from '../../src/answer/types.js';
import { decodeCustomId, decodeModalId, encodeCustomId, encodeModalId, type ButtonAction, type ModalAction } from '../../src/discord/custom-id.js';
import { messageViolations, renderAnswer, renderHelp, renderReport, renderSettings, unescapeText } from '../../src/discord/render.js';
import { reviewNote } from '../../src/discord/moderation/reports.js';
import { loadCommands } from '../../src/discord/registry.js';
import { DEFAULT_GUILD_SETTINGS, type MaybeReviewedAnswer } from '../../src/store/moderation.js';

test('review buttons and moderation forms round-trip through their custom ids', () => {
  const buttons: ButtonAction[] = [
    { kind: 'review', action: 'approve', reportId: 1 },
    { kind: 'review', action: 'correct', reportId: 123456 },
    { kind: 'review', action: 'hide', reportId: 9 },
  ];
  for (const b of buttons) assert.deepEqual(decodeCustomId(encodeCustomId(b)!), b);
  const modals: ModalAction[] = [
    { kind: 'report-reason', answerId: 'aB3_-x9Qz1k' },
    { kind: 'correction', reportId: 42 },
  ];
  for (const m of modals) assert.deepEqual(decodeModalId(encodeModalId(m)), m);
  for (const id of ['fn:review:delete:1', 'fn:review:approve:0', 'fn:review:approve:x', 'fn:correction:', 'fn:reason:a b', 'fq:correction:1']) {
    assert.equal(decodeCustomId(id) ?? decodeModalId(id), undefined, id);
  }
});

const answer: Answer = {
  question: 'When was it published?',
  answer: 'On December 10, 2015. [1]',
  abstained: false,
  mode: 'extractive',
  citations: [{ n: 1, docId: 'd', title: 'The Twisted Tehran-Moscow Axis', file: 'd.txt', passageId: 'd#p1', section: '', paragraph: 1, text: 'December 10, 2015 | Berlin Policy Journal', start: 0, end: 41, score: 1 }],
  passages: [],
  timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 },
};

test('a reviewed answer is headed as moderator-reviewed with the moderator’s name, in the footer too', () => {
  const reviewed: MaybeReviewedAnswer = { ...answer, review: { kind: 'corrected', reviewedAnswerId: 3, moderatorId: 'm', moderatorName: 'Olivia *mod*', reviewedAt: 0 } };
  const [message] = renderAnswer({ id: 'abc', answer: reviewed });
  assert.match(message!.embeds[0]!.description!, /^\*\*✅ Moderator-reviewed answer\*\* — corrected by Olivia \\\*mod\\\*\n\nOn December 10, 2015\. \[1\]/);
  assert.equal(message!.embeds.at(-1)!.footer!.text, 'Reviewed by moderator Olivia *mod* · answer abc');
  const [plain] = renderAnswer({ id: 'abc', answer });
  assert.doesNotMatch(plain!.embeds[0]!.description!, /reviewed/);
});

test('a report for the moderators stays within Discord’s limits however long its parts, and names without pinging', () => {
  const long = 'word '.repeat(2000);
  const message = renderReport({
    reportId: 7,
    answerId: 'abc',
    guildId: '1',
    channelId: '2',
    messageId: '3',
    question: `@everyone ${long}`,
    answer: long,
    abstained: false,
    citations: Array.from({ length: 30 }, (_, i) => ({ n: i + 1, text: long, passageId: `d#p${i}` })),
    reporterId: '99',
    reason: long,
    actions: Array.from({ length: 40 }, (_, i) => ({ action: 'approve', by: `mod ${i}`, at: 1_700_000_000_000 })),
    decided: false,
  });
  assert.deepEqual(messageViolations(message), []);
  assert.deepEqual(message.allowedMentions, { parse: [], repliedUser: false });
  assert.ok(!message.embeds[0]!.description!.includes('@everyone'), 'user text is escaped');
  assert.ok(unescapeText(message.embeds[0]!.description!).includes('@everyone'));
  assert.deepEqual(message.components[0]!.components.map((b) => b.label), ['Approve', 'Correct', 'Hide']);
});

test('a correction too long for one message is still shown on the public answer, cut at a word, escaped, within Discord’s limit', () => {
  const correction = `@everyone <@123456789012345678> **Ali Alfoneh** wrote it [1]. ${'He is a senior fellow in Washington. '.repeat(100)}[1]`;
  const note = reviewNote({ kind: 'corrected', text: correction });
  assert.ok(note.length <= 2000, `${note.length} characters`);
  assert.match(note, /^✏️ \*\*Corrected by a moderator\*\* — the corrected answer, with its sources, is shown to anyone who asks this again:\n> @\u200beveryone <\u200b@123456789012345678> \\\*\\\*Ali Alfoneh\\\*\\\* wrote it\. He is/);
  assert.match(note, / Washington\.…$|\b\w+…$/, 'cut at a word, marked as cut');
  assert.doesNotMatch(note, /\[1\]/);
  const short = reviewNote({ kind: 'corrected', text: 'It was written by Ali Alfoneh [1].' });
  assert.match(short, /:\n> It was written by Ali Alfoneh\.$/);
});

test('a decided report keeps its review line and loses its buttons', () => {
  const view = { reportId: 8, answerId: 'abc', guildId: '1', channelId: '2', messageId: '3', question: 'Q?', answer: 'A.', abstained: false, citations: [], reporterId: '99', reason: 'r' };
  const open = renderReport({ ...view, actions: [], decided: false });
  assert.equal(open.components.length, 1);
  const decided = renderReport({ ...view, actions: [{ action: 'hide', by: 'Olivia', at: 1_700_000_000_000 }], decided: true });
  assert.deepEqual(decided.components, []);
  assert.match(decided.embeds[0]!.fields!.find((f) => f.name === 'Review')!.value, /^🗑️ Hidden by Olivia <t:1700000000:R>$/);
});

test('/config show names every setting, with the defaults said as such', () => {
  const message = renderSettings({
    settings: { guildId: 'g', ...DEFAULT_GUILD_SETTINGS },
    replyStyleDefault: true,
    envQuestionChannels: ['5'],
    messageContent: false,
    modelConfigured: false,
    documents: [{ id: 'd', title: 'Doc' }],
    blocked: 0,
  });
  const fields = Object.fromEntries(message.embeds[0]!.fields!.map((f) => [f.name, f.value]));
  assert.deepEqual(Object.keys(fields), ['Question channels', 'Reply style', 'Who may ask', 'Moderators', 'Blocked members', 'Member cooldown', 'Questions per minute', 'Mod-log channel', 'Language model', 'Retention', 'Channel documents', 'Last changed']);
  assert.match(fields['Question channels']!, /also from FOOTNOTE_QUESTION_CHANNELS: <#5>\n⚠️ the Message Content intent is off/);
  assert.match(fields['Reply style']!, /— the default$/);
  assert.match(fields['Language model']!, /no model is configured/);
  assert.equal(fields['Last changed'], 'never (all defaults)');
  assert.deepEqual(messageViolations(message), []);
  const ids = Array.from({ length: 200 }, (_, i) => String(100000000000000000n + BigInt(i)));
  const crowded = renderSettings({
    settings: { guildId: 'g', ...DEFAULT_GUILD_SETTINGS, questionChannelIds: ids, allowedRoleIds: ids, moderatorRoleIds: ids, channelDocuments: Object.fromEntries(ids.map((id) => [id, ['d']])) },
    replyStyleDefault: false,
    envQuestionChannels: ids,
    messageContent: false,
    modelConfigured: true,
    documents: [{ id: 'd', title: 'Doc' }],
    blocked: 200,
  });
  assert.deepEqual(messageViolations(crowded), [], 'hundreds of channels and roles still fit one message');
});

test('/help has a field for the moderation commands and /forget-me, after the examples', async () => {
  const help = renderHelp({ examples: ['Who wrote the article?'], commands: (await loadCommands()).helpEntries(), threads: false, questionChannels: false });
  const fields = help.embeds[0]!.fields!;
  assert.deepEqual(fields.map((f) => f.name), ['Try', 'Quizzes and study', 'Your data and moderation']);
  for (const c of ['/forget-me', '/config', '/block', '/unblock', '/modlog']) assert.ok(fields[2]!.value.includes(`**${c}**`), c);
  assert.match(fields[2]!.value, /\*\*\/modlog\*\* `export` — /);
  assert.deepEqual(messageViolations(help), []);
});
