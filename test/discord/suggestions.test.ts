import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSuggestions, filterSuggestions } from '../../src/discord/suggestions.js';

const outline = { documents: [{ title: 'The Twisted Tehran-Moscow Axis', tags: ['Iran', 'Russia', 'Syria'] }], sections: ['Limits of Convergence', 'Fundamental Distrust'] };

test('suggestions come from the corpus: questions about each document and topics from its sections and tags', () => {
  const s = buildSuggestions(outline);
  const questions = s.questions.map((q) => q.value);
  assert.ok(questions.includes('Who wrote the article?'));
  assert.ok(questions.includes('What does the article say about limits of convergence?'));
  const topics = s.topics.map((t) => t.name);
  assert.ok(topics.includes('Section: Limits of Convergence'));
  assert.ok(topics.includes('Tag: Iran'));
  for (const x of [...s.questions, ...s.topics]) {
    assert.ok(x.name.length >= 1 && x.name.length <= 100);
    assert.ok(x.value.length >= 1 && x.value.length <= 100);
  }
});

test('suggestions are filtered by what was typed, best matches first, at most 25', () => {
  const s = buildSuggestions(outline);
  assert.deepEqual(filterSuggestions(s.topics, 'conv').map((c) => c.value), ['Limits of Convergence']);
  assert.deepEqual(filterSuggestions(s.topics, 'fund dis').map((c) => c.value), ['Fundamental Distrust']);
  const who = filterSuggestions(s.questions, 'who');
  assert.equal(who[0]!.value, 'Who wrote the article?');
  assert.deepEqual(filterSuggestions(s.questions, 'sourdough'), []);
  assert.ok(filterSuggestions(s.questions, '').length <= 25);
});

test('filtering a few dozen suggestions takes well under a millisecond', () => {
  const s = buildSuggestions(outline);
  const started = performance.now();
  for (let i = 0; i < 1000; i++) filterSuggestions(s.questions, 'what does the art');
  assert.ok((performance.now() - started) / 1000 < 1);
});

test('every question the bot suggests (in /help and autocomplete) gets an answer from the corpus', async () => {
  const { openTestEngine } = await import('../helpers/engine.js');
  const { engine, cleanup } = await openTestEngine();
  try {
    const about = engine.about();
    const s = buildSuggestions({ documents: about.documents, sections: about.sections });
    assert.ok(s.questions.some((q) => /about the authors\?$/.test(q.value)), 'the authors section is suggested');
    for (const q of s.questions) {
      assert.doesNotMatch(q.value, /\babout about\b/i);
      const answer = await engine.ask(q.value);
      assert.equal(answer.abstained, false, `${q.value} → ${answer.answer}`);
    }
  } finally {
    cleanup();
  }
});
