import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.js';
import { messageViolations, unescapeText } from '../../src/discord/render.js';
import { decodeStudyId, encodeStudyId, STUDY_PREFIX } from '../../src/discord/study/ids.js';
import {
  renderAnswerFeedback,
  renderLeaderboard,
  renderProgress,
  renderQuestion,
  renderQuizIntro,
  renderReveal,
  renderRoundSummary,
  renderSessionIntro,
  renderSessionSummary,
  renderStudyStep,
  withoutActorName,
} from '../../src/discord/study/render.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { allQuestions, buildQuizBank } from '../../src/study/quiz.js';
import { sectionLabel } from '../../src/study/session.js';
import { CORPUS_DIR } from '../helpers/engine.js';

const corpus = loadCorpus(CORPUS_DIR);
const passages = corpus.documents.flatMap((d) => chunkDocument(d));
const bank = buildQuizBank(passages, corpus.documents);
const questions = allQuestions(bank, 2);
const longest = [...questions].sort((a, b) => b.prompt.length + b.options.join('').length - (a.prompt.length + a.options.join('').length))[0]!;
const HOSTILE = '@everyone <@&123> **bold** `code` [link](http://x)';

test('study custom ids round-trip, start with fq:, stay within 100 characters, and anything else decodes to nothing', () => {
  const round = 'AbCdEfGhIj_';
  for (const action of [
    { kind: 'answer', roundId: round, position: 19, choice: 3 },
    { kind: 'reveal', roundId: round, position: 0 },
  ] as const) {
    const id = encodeStudyId(action);
    assert.ok(id.startsWith(STUDY_PREFIX) && id.length <= 100, id);
    assert.deepEqual(decodeStudyId(id), action);
  }
  for (const bad of ['fq:a:r:1', 'fq:a:r:x:1', 'fq:r:r:1:2', 'fq:z:r:1', 'fn:vote:x:up', 'fq:a:bad id:1:2', 'fq:a:r:1:2:3']) assert.equal(decodeStudyId(bad), undefined, bad);
});

test('every question of the corpus renders within Discord’s limits, one button per option', () => {
  for (const q of questions) {
    const shown = renderQuestion({ roundId: 'AbCdEfGhIj_', position: 3, question: q, heading: 'Question 4 of 20', documentTitle: 'Title', closesAt: Date.now() + 30_000, revealButton: true });
    assert.deepEqual(messageViolations(shown), [], q.prompt);
    assert.equal(shown.components[0]!.components.length, q.options.length);
    assert.deepEqual(shown.allowedMentions.parse, []);
    const revealed = renderReveal({ roundId: 'AbCdEfGhIj_', position: 3, question: q, heading: 'Question 4 of 20', documentTitle: 'Title', answers: [] });
    assert.deepEqual(messageViolations(revealed), []);
  }
});

test('a reveal quotes the exact sentence, marks the right option and names who got it right without pinging', () => {
  const answers = Array.from({ length: 30 }, (_, i) => ({ choice: i < 20 ? longest.correctIndex : (longest.correctIndex + 1) % 4, correct: i < 20, userName: i === 0 ? HOSTILE : `member ${i}` }));
  const shown = renderReveal({ roundId: 'r', position: 0, question: longest, heading: 'Question 1 of 1', documentTitle: 'The Twisted Tehran-Moscow Axis', answers });
  assert.deepEqual(messageViolations(shown), []);
  const fields = Object.fromEntries(shown.embeds[0]!.fields!.map((f) => [f.name, f.value]));
  assert.equal(unescapeText(fields.Passage!).replace(/^“|”$/g, ''), longest.evidence.quote.text);
  assert.match(fields.Results!, /^30 answered, 20 right: /);
  assert.ok(!fields.Results!.includes('@everyone') && !fields.Results!.includes('<@&123>'), fields.Results);
  assert.match(fields.Results!, /and 5 more/);
  assert.ok(shown.components[0]!.components.every((b) => b.disabled));
});

test('feedback, intro, summaries, leaderboard, progress and study steps stay within limits and parse no mention', () => {
  const ranked = Array.from({ length: 40 }, (_, i) => ({ rank: i + 1, userId: String(i), userName: i % 2 ? HOSTILE.repeat(3) : `m${i}`, points: 40 - i, answered: 50, correct: 40 - i }));
  const messages = [
    renderAnswerFeedback({ question: longest, answer: { choice: (longest.correctIndex + 1) % 4, correct: false }, documentTitle: 'T', score: { points: 3, answered: 5, correct: 3 } }),
    renderQuizIntro({ count: 3, requested: 10, section: 'Limits of Convergence', timeLimitMs: 30_000, startedBy: HOSTILE, shortfall: 'Only 3 questions could be built.', source: 'mixed' }),
    renderRoundSummary({ section: null, questions: 20, results: ranked }),
    renderLeaderboard({ rows: ranked.slice(0, 10), me: ranked[30], members: 40 }),
    renderLeaderboard({ rows: [], members: 0 }),
    renderProgress({
      name: HOSTILE,
      progress: {
        score: { guildId: 'g', userId: 'u', userName: HOSTILE, points: 3, answered: 5, correct: 3, lastAnsweredAt: 1 },
        rank: 2,
        members: 7,
        sections: [],
        recent: questions.slice(0, 10).map((q, i) => ({ roundId: 'r', position: i, guildId: 'g', userId: 'u', userName: 'u', choice: 0, correct: i % 2 === 0, answeredAt: 1_700_000_000_000, kind: 'quiz' as const, prompt: q.prompt, section: q.evidence.section, passageId: q.evidence.passageId, options: q.options, correctIndex: q.correctIndex })),
        rounds: 2,
        studySessions: 1,
      },
      coverage: [{ section: '', answered: 2, correct: 1, covered: true }, { section: 'Limits of Convergence', answered: 0, correct: 0, covered: false }],
    }),
    renderSessionIntro({ section: '', steps: 5, lockedRoleName: HOSTILE, startedBy: HOSTILE }),
    renderSessionSummary({ section: 'Fundamental Distrust', covered: 3, total: 7, questions: 3, results: ranked, endedBy: HOSTILE }),
    ...passages.map((p, i) => renderStudyStep({ passage: { id: p.id, title: 'T', section: p.section, paragraph: p.paragraph, text: p.text }, step: i, total: passages.length, prompt: 'Why?', movedBy: HOSTILE, hasCheck: i % 2 === 0 })),
  ];
  for (const m of messages) {
    assert.deepEqual(messageViolations(m), []);
    assert.deepEqual(m.allowedMentions.parse, []);
    // Footers are plain text: Discord never parses mentions or Markdown there.
    const text = JSON.stringify(m.embeds.map((e) => ({ ...e, footer: undefined })));
    assert.ok(!text.includes('@everyone') && !text.includes('<@&123>'), text.slice(0, 200));
  }
  const board = messages[3]!.embeds[0]!;
  assert.match(board.footer!.text, /^You: rank 31 with 10 points\. 40 members with a score/);
});

test('a quiz intro counts its questions in good English: one question, or several that follow one at a time', () => {
  const intro = (count: number) => renderQuizIntro({ count, requested: count, section: '', timeLimitMs: 60_000, startedBy: 'Alice', source: 'offline' });
  const one = intro(1).embeds[0]!;
  assert.match(one.description!, /^Started by \*\*Alice\*\*\. 1 question; it stays open 1 min, then its answer is revealed with the passage that proves it\./);
  assert.match(intro(2).embeds[0]!.description!, /\. 2 questions follow one at a time; each stays open 1 min, then its answer is revealed/);
  assert.equal(one.title, `Quiz on ${sectionLabel('')}`);
});

test('a study step shows its passage exactly', () => {
  for (const p of passages) {
    const step = renderStudyStep({ passage: { id: p.id, title: 'T', section: p.section, paragraph: p.paragraph, text: p.text }, step: 0, total: 1, prompt: 'Why?', hasCheck: true });
    assert.equal(unescapeText(step.embeds[0]!.description!), p.text);
  }
});

test('withoutActorName takes off who started an intro or moved a step on, whatever their name, and nothing else', () => {
  const step = (movedBy: string | undefined, hasCheck: boolean) =>
    renderStudyStep({ passage: { id: passages[0]!.id, title: 'T', section: passages[0]!.section, paragraph: 1, text: passages[0]!.text }, step: 1, total: 3, prompt: 'Why?', movedBy, hasCheck }).embeds;
  for (const name of [HOSTILE, 'Ann · A check question follows. x', '**. Started by **Bob**. ']) {
    const quiz = renderQuizIntro({ count: 2, requested: 2, section: null, timeLimitMs: 30_000, startedBy: name, source: 'offline' }).embeds;
    const anonymous = withoutActorName(quiz)!;
    assert.match(anonymous[0]!.description!, /^2 questions follow one at a time/, name);
    assert.equal(anonymous[0]!.title, quiz[0]!.title);
    const session = withoutActorName(renderSessionIntro({ section: null, steps: 5, lockedRoleName: 'Readers', startedBy: name }).embeds)!;
    assert.match(session[0]!.description!, /^The thread below walks through 5 passages/, name);
    assert.match(session[0]!.description!, /🔒 For members with the role \*\*Readers\*\*/);
    for (const hasCheck of [true, false]) {
      const moved = withoutActorName(step(name, hasCheck))!;
      assert.deepEqual(moved, step(undefined, hasCheck), name);
    }
  }
  assert.equal(withoutActorName(step(undefined, true)), undefined, 'a step nobody moved on names nobody');
  assert.equal(withoutActorName(renderRoundSummary({ section: null, questions: 2, results: [] }).embeds), undefined);
});

test('a summary whose ender asked to be forgotten says the quiz was stopped, or the session ended, without a name', () => {
  const quiz = renderRoundSummary({ section: null, questions: 5, asked: 2, stopped: true, results: [] }).embeds[0]!.description!;
  assert.match(quiz, /^Stopped after 2 of 5 questions on the whole corpus\.\n\nNobody answered this time\.$/);
  const session = renderSessionSummary({ section: null, covered: 2, total: 5, questions: 1, results: [] }).embeds[0]!.description!;
  assert.match(session, /^The group covered 2 of 5 passages of the whole corpus and 1 check question\./);
});
