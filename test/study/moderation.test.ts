import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RecordEntry } from '../../src/store/moderation.js';
import {
  checkCorrectedText,
  contentRefusal,
  cooldownRemaining,
  documentsFor,
  MAX_MENTIONS,
  parseCitationRefs,
  parseDocumentList,
  queuedMessage,
  refuseQuestion,
  settingsProblems,
  withItem,
  type QuestionFacts,
} from '../../src/study/moderation.js';
import { isModerator, mayUseBot } from '../../src/study/permissions.js';
import { parseDateRange, recordToCsv, recordToJson } from '../../src/study/record.js';
import { findSameQuestion, normalizeQuestion, questionSimilarity } from '../../src/study/similar.js';

const member = { userId: 'u1', roleIds: [], manageGuild: false };
const facts = (over: Partial<QuestionFacts> = {}): QuestionFacts => ({
  settings: { allowedRoleIds: [], moderatorRoleIds: [], memberCooldownSeconds: 0 },
  member,
  blocked: false,
  text: 'Who wrote the article?',
  now: 1_000_000,
  ...over,
});

// ---------------------------------------------------------------------------------------------------------------
// refusal rules

test('an ordinary question from an ordinary member is taken', () => {
  assert.equal(refuseQuestion(facts()), undefined);
});

test('a blocked member gets a short refusal, before any other rule', () => {
  const r = refuseQuestion(facts({ blocked: true, text: '@everyone look' }));
  assert.equal(r?.code, 'blocked');
  assert.ok(r!.message.length < 60, r!.message);
});

test('when roles are listed, a member without one is refused, a member with one or a moderator is not', () => {
  const settings = { allowedRoleIds: ['r-students'], moderatorRoleIds: ['r-mods'], memberCooldownSeconds: 0 };
  assert.equal(refuseQuestion(facts({ settings }))?.code, 'not-allowed');
  assert.equal(refuseQuestion(facts({ settings, member: { ...member, roleIds: ['r-students'] } })), undefined);
  assert.equal(refuseQuestion(facts({ settings, member: { ...member, roleIds: ['r-mods'] } })), undefined);
  assert.equal(refuseQuestion(facts({ settings, member: { ...member, manageGuild: true } })), undefined);
});

test('@everyone and @here are mass mentions, whatever the case', () => {
  for (const text of ['@everyone who wrote it?', 'who wrote it @here', 'hey @EVERYONE']) assert.equal(contentRefusal(text)?.code, 'mass-mention', text);
  assert.equal(contentRefusal('email me at someone@here.example'), undefined, 'an address is not a mention');
});

test(`more than ${MAX_MENTIONS} user or role mentions is a mass mention; ${MAX_MENTIONS} is not`, () => {
  const mentions = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? `<@&1000000000000${i}>` : `<@!2000000000000${i}>`)).join(' ');
  assert.equal(contentRefusal(`${mentions(MAX_MENTIONS)} who wrote it?`), undefined);
  const r = contentRefusal(`${mentions(MAX_MENTIONS + 1)} who wrote it?`);
  assert.equal(r?.code, 'mass-mention');
  assert.match(r!.message, new RegExp(`mention ${MAX_MENTIONS + 1} people or roles \\(the limit is ${MAX_MENTIONS}\\)`));
});

test('server invite links are refused with the reason, other links are not', () => {
  for (const text of ['join discord.gg/abc123 now', 'https://discord.com/invite/xyz', 'see discordapp.com/invite/q-1', 'http://dsc.gg/thing']) {
    const r = contentRefusal(text);
    assert.equal(r?.code, 'invite-link', text);
    assert.match(r!.message, /invite links/);
  }
  assert.equal(contentRefusal('what does https://berlinpolicyjournal.com say?'), undefined);
});

test('a question over the length limit is refused, saying its length and the limit', () => {
  const r = contentRefusal('x'.repeat(1001));
  assert.equal(r?.code, 'too-long');
  assert.match(r!.message, /1001 characters; the limit is 1000/);
  assert.equal(contentRefusal('x'.repeat(1000)), undefined);
});

test('a member in their cooldown is told the seconds left, rounded up', () => {
  const settings = { allowedRoleIds: [], moderatorRoleIds: [], memberCooldownSeconds: 30 };
  const r = refuseQuestion(facts({ settings, lastAskedAt: 1_000_000 - 12_500 }));
  assert.equal(r?.code, 'cooldown');
  assert.equal(r!.retryAfterSeconds, 18);
  assert.match(r!.message, /wait 18 more seconds/);
  assert.equal(refuseQuestion(facts({ settings, lastAskedAt: 1_000_000 - 30_000 })), undefined);
  assert.equal(cooldownRemaining(undefined, 5, 30), 0);
  assert.equal(cooldownRemaining(0, 999, 1), 1);
  assert.equal(cooldownRemaining(0, 10_000, 0), 0);
});

test('moderators are members with Manage Server or a moderator role', () => {
  assert.ok(isModerator({ ...member, manageGuild: true }, { moderatorRoleIds: [] }));
  assert.ok(isModerator({ ...member, roleIds: ['m'] }, { moderatorRoleIds: ['m'] }));
  assert.ok(!isModerator({ ...member, roleIds: ['x'] }, { moderatorRoleIds: ['m'] }));
  assert.ok(mayUseBot(member, { allowedRoleIds: [], moderatorRoleIds: [] }));
});

test('the queue notice says the place', () => {
  assert.match(queuedMessage(1), /next in the queue/);
  assert.match(queuedMessage(7), /number 7 in the queue/);
});

// ---------------------------------------------------------------------------------------------------------------
// settings

test('settings out of range are refused, naming the setting', () => {
  assert.deepEqual(settingsProblems({ memberCooldownSeconds: 30, questionsPerMinute: 5, retentionDays: 90 }), []);
  assert.match(settingsProblems({ questionsPerMinute: -1 })[0]!, /questionsPerMinute must be a whole number from 0 to 600/);
  assert.match(settingsProblems({ retentionDays: 1.5 })[0]!, /retentionDays/);
  assert.match(settingsProblems({ channelDocuments: { c: ['a', 'nope'] } }, ['a'])[0]!, /unknown document: nope/);
});

test('lists gain and lose items without repeats; document lists read "all" as every document', () => {
  assert.deepEqual(withItem(['a', 'b'], 'a', true), ['b', 'a']);
  assert.deepEqual(withItem(['a', 'b'], 'a', false), ['b']);
  assert.deepEqual(parseDocumentList('a, b  c,a'), ['a', 'b', 'c']);
  assert.equal(parseDocumentList(' all '), 'all');
  assert.equal(parseDocumentList(''), 'all');
});

test('a thread draws on its parent channel’s documents unless it has its own', () => {
  const docs = { parent: ['a'], thread: ['b'] };
  assert.deepEqual(documentsFor(docs, 'thread', 'parent'), ['b']);
  assert.deepEqual(documentsFor(docs, 'other-thread', 'parent'), ['a']);
  assert.equal(documentsFor(docs, 'elsewhere'), undefined);
});

// ---------------------------------------------------------------------------------------------------------------
// corrections

const lookup = {
  original: (n: number) => ({ 1: 'doc#p1', 2: 'doc#p4' })[n],
  passageExists: (id: string) => ['doc#p1', 'doc#p4', 'doc#p7'].includes(id),
};

test('a correction cites passage ids or [n] of the original answer, in the order written, each once', () => {
  const r = parseCitationRefs('doc#p7, [2] `doc#p1` 2', lookup);
  assert.ok(r.ok);
  assert.deepEqual(r.value, [
    { kind: 'passage', passageId: 'doc#p7' },
    { kind: 'original', n: 2, passageId: 'doc#p4' },
    { kind: 'passage', passageId: 'doc#p1' },
  ]);
});

test('a correction without a valid citation is refused with the reason', () => {
  const none = parseCitationRefs('  ', lookup);
  assert.ok(!none.ok && /at least one passage/.test(none.reason));
  const bad = parseCitationRefs('doc#p99, [5]', lookup);
  assert.ok(!bad.ok);
  assert.match(bad.reason, /“doc#p99” \(no passage has that id\)/);
  assert.match(bad.reason, /\[5\] \(the original answer has no source 5\)/);
  const mixed = parseCitationRefs('doc#p1, made-up', lookup);
  assert.ok(!mixed.ok, 'one bad citation refuses the whole correction');
});

test('a corrected text may only refer to its own citations; without markers it gets them all', () => {
  assert.deepEqual(checkCorrectedText('It was written in 2015 [1].', 1), { ok: true, value: 'It was written in 2015 [1].' });
  assert.deepEqual(checkCorrectedText('It was written in 2015.', 2), { ok: true, value: 'It was written in 2015. [1][2]' });
  const bad = checkCorrectedText('It was [3].', 2);
  assert.ok(!bad.ok && /refers to \[3\], but it cites 2 passages/.test(bad.reason));
  assert.ok(!checkCorrectedText('   ', 1).ok);
});

// ---------------------------------------------------------------------------------------------------------------
// near-identical questions

test('questions are the same when equal once case, accents, punctuation and spacing are folded', () => {
  assert.equal(normalizeQuestion('  Who   WROTE the Árticle?! '), 'who wrote the article');
  assert.equal(questionSimilarity('Who wrote the article?', 'who wrote the article'), 1);
});

test('near-identical questions match; questions asking something else do not', () => {
  const same = [
    ['Who wrote the article?', 'Who wrote this article?'],
    ['When did Russia start air operations in Syria?', 'When did Russia start its air operations in Syria'],
    ["What are the two purposes of Russia's air operations in Syria?", 'what are the two purposes of russias air operations in syria'],
    ['Why does Iran rely on militias?', 'Why does Iran rely on the militias?'],
  ];
  for (const [a, b] of same) assert.ok(questionSimilarity(a!, b!) >= 0.8, `${a} ~ ${b}: ${questionSimilarity(a!, b!)}`);
  const different = [
    ['Who wrote the article?', 'When was the article written?'],
    ['Who wrote the article?', 'Who edited the article?'],
    ['Who is Ali Larijani?', 'Who is Vladimir Putin?'],
    ['Why does Iran rely on militias?', 'How does Iran rely on militias?'],
    ['When did Russia start air operations in Syria?', 'When did Russia end air operations in Syria?'],
  ];
  for (const [a, b] of different) assert.ok(questionSimilarity(a!, b!) < 0.8, `${a} vs ${b}: ${questionSimilarity(a!, b!)}`);
});

test('questions that name different things are never the same: a name, an acronym or a number decides', () => {
  const different = [
    ['How many Russian citizens joined IS?', 'How many Russian citizens joined Hezbollah?'],
    ['How many Russian citizens joined IS?', 'how many russian citizens joined is'],
    ['What did the US want in Syria?', 'What did the UK want in Syria?'],
    ['What did the US want in Syria?', 'What did you want in Syria?'],
    ['How many people died on the airliner in 2015?', 'How many people died on the airliner in 2016?'],
    ['Why did Russia send 7,000 troops to Syria?', 'Why did Russia send 5,000 troops to Syria?'],
    ['What did Putin say at the Valdai Club about Iran and the nuclear deal?', 'What did Khamenei say at the Valdai Club about Iran and the nuclear deal?'],
    ['What does the article say about the IRGC in Syria and Iraq?', 'What does the article say about Syria and Iraq?'],
  ];
  for (const [a, b] of different) assert.equal(questionSimilarity(a!, b!), 0, `${a} vs ${b}`);
  const same = [
    ['How many Russian citizens joined IS?', 'how many russian citizens have joined ISIS'],
    ['How many Russian citizens joined IS?', 'How many Russian citizens joined IS'],
    ['What did the US want in Syria?', 'what did the us want in syria'],
    ['Who is Ali Larijani?', 'who is ali larijani'],
    ['WHO WROTE THE ARTICLE?', 'Who wrote the article?'],
    ['What is the JCPOA?', 'what is the jcpoa'],
    ['How many people died on the airliner in 2015?', 'how many people died on the airliner in 2015'],
  ];
  for (const [a, b] of same) assert.ok(questionSimilarity(a!, b!) >= 0.8, `${a} ~ ${b}: ${questionSimilarity(a!, b!)}`);
  const approved = [{ id: 1, question: 'How many Russian citizens joined IS?' }];
  assert.equal(findSameQuestion('How many Russian citizens joined Hezbollah?', approved), undefined);
  assert.equal(findSameQuestion('how many Russian citizens joined IS', approved)?.id, 1);
});

test('the best match above the threshold is chosen, the first of equals (newest first)', () => {
  const candidates = [
    { id: 3, question: 'Who edited the article?' },
    { id: 2, question: 'who wrote the article' },
    { id: 1, question: 'Who wrote the article?' },
  ];
  assert.equal(findSameQuestion('Who wrote the article?', candidates)?.id, 2);
  assert.equal(findSameQuestion('How do I bake bread?', candidates), undefined);
});

// ---------------------------------------------------------------------------------------------------------------
// the record as a file

test('an export range takes dates (a bare end date includes its whole day) and refuses nonsense', () => {
  const now = Date.UTC(2026, 10, 29, 12);
  const r = parseDateRange('2026-11-01', '2026-11-02', now);
  assert.ok(r.ok);
  assert.equal(r.value.from, Date.UTC(2026, 10, 1));
  assert.equal(r.value.to, Date.UTC(2026, 10, 3) - 1);
  assert.deepEqual(parseDateRange(null, undefined, now), { ok: true, value: { from: 0, to: now } });
  assert.ok(!parseDateRange('yesterday', null, now).ok);
  assert.ok(!parseDateRange('2026-02-30', null, now).ok, 'no such day');
  const reversed = parseDateRange('2026-11-05', '2026-11-01', now);
  assert.ok(!reversed.ok && /after its end/.test(reversed.reason));
});

const entries: RecordEntry[] = [
  { at: Date.UTC(2026, 10, 1), kind: 'question', guildId: 'g', channelId: 'c', userId: 'u', userName: null, answerId: 'a1', reportId: null, subject: 'Who wrote it, "really"?', detail: { answer: 'Alfoneh.\nAnd Hansen.' } },
  { at: Date.UTC(2026, 10, 2), kind: 'report', guildId: 'g', channelId: 'c', userId: 'u2', userName: null, answerId: 'a1', reportId: 4, subject: '=HYPERLINK("x")', detail: {} },
];

test('the CSV has a header and one row per entry, quoted where needed, formulas defused', () => {
  const csv = recordToCsv(entries);
  const lines = csv.split('\r\n');
  assert.equal(lines[0], 'time,kind,channel_id,user_id,user_name,answer_id,report_id,subject,detail');
  assert.ok(lines[1]!.startsWith('2026-11-01T00:00:00.000Z,question,c,u,,a1,,"Who wrote it, ""really""?","{""answer"":""Alfoneh.\\nAnd Hansen.""}"'), lines[1]);
  assert.ok(csv.includes(`report,c,u2,,a1,4,"'=HYPERLINK(""x"")",`), csv);
});

test('the JSON export carries the range and every entry with a readable time', () => {
  const json = JSON.parse(recordToJson(entries, { guildId: 'g', range: { from: 0, to: Date.UTC(2026, 10, 3) }, exportedAt: Date.UTC(2026, 10, 3) }));
  assert.equal(json.count, 2);
  assert.equal(json.entries[1].time, '2026-11-02T00:00:00.000Z');
  assert.equal(json.entries[1].subject, '=HYPERLINK("x")', 'JSON keeps the text as it was');
  assert.equal(json.from, '1970-01-01T00:00:00.000Z');
});
