import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { containsFolded } from '../../src/study/fold.js';
import { buildQuizBank, checkQuestion } from '../../src/study/quiz.js';
import { checkQuestionFor, discussionPrompt, mayEndSession, mayLockSession, mayTakePart, OPENING_SECTION_NAME, planSteps, resolveSection, sectionChoices, sectionLabel } from '../../src/study/session.js';
import { CORPUS_DIR } from '../helpers/engine.js';

const corpus = loadCorpus(CORPUS_DIR);
const documents = new Map(corpus.documents.map((d) => [d.id, d]));
const passages = corpus.documents.flatMap((d) => chunkDocument(d));
const bank = buildQuizBank(passages, documents);

test('a typed section resolves to the corpus’s own spelling, the opening by name, anything else to null', () => {
  assert.equal(resolveSection(bank, 'limits of CONVERGENCE'), 'Limits of Convergence');
  assert.equal(resolveSection(bank, OPENING_SECTION_NAME), '');
  assert.equal(resolveSection(bank, '  '), undefined);
  assert.equal(resolveSection(bank, undefined), undefined);
  assert.equal(resolveSection(bank, 'Economics'), null);
  assert.equal(sectionLabel(undefined), 'the whole corpus');
  assert.equal(sectionLabel(''), 'the opening (before the first heading)');
});

test('section suggestions name every section with its passages and give back a value that resolves', () => {
  const all = sectionChoices(bank, '');
  assert.equal(all.length, 4);
  for (const c of all) {
    assert.ok(c.name.length <= 100 && c.value.length <= 100 && c.value.length > 0);
    assert.notEqual(resolveSection(bank, c.value), null);
  }
  assert.deepEqual(
    sectionChoices(bank, 'distr').map((c) => c.value),
    ['Fundamental Distrust'],
  );
});

test('a session walks one section, or the whole corpus section by section, in document order', () => {
  const whole = planSteps(bank, undefined);
  assert.deepEqual(
    whole.map((p) => p.id),
    passages.map((p) => p.id),
  );
  const limits = planSteps(bank, 'limits of convergence');
  assert.ok(limits.length > 0 && limits.every((p) => p.section === 'Limits of Convergence'));
  assert.deepEqual(
    limits.map((p) => p.paragraph),
    [...limits.map((p) => p.paragraph)].sort((a, b) => a - b),
  );
});

test('every check question is about its own passage and passes checkQuestion; a passage without facts has none', () => {
  let withQuestion = 0;
  for (const p of passages) {
    for (const seed of [1, 2, 3]) {
      const q = checkQuestionFor(bank, p.id, seed);
      if (!q) continue;
      withQuestion++;
      assert.equal(q.evidence.passageId, p.id);
      assert.deepEqual(checkQuestion(q, documents), []);
      assert.ok(containsFolded(q.evidence.quote.text, q.options[q.correctIndex]!));
    }
  }
  assert.ok(withQuestion >= (passages.length - 2) * 3, `${withQuestion} check questions`);
  assert.equal(checkQuestionFor(bank, 'no-such#p1', 1), undefined);
  assert.deepEqual(checkQuestionFor(bank, passages[0]!.id, 9), checkQuestionFor(bank, passages[0]!.id, 9), 'the same seed gives the same question');
});

test('discussion prompts ask rather than state, vary from step to step, and name only what the passage names', () => {
  const prompts = passages.map((p, i) => discussionPrompt(bank, p, i));
  for (const [i, prompt] of prompts.entries()) {
    assert.ok(prompt.endsWith('?'), prompt);
    const names = /What part do (.+) and (.+) play/.exec(prompt);
    if (names) for (const n of names.slice(1, 3)) assert.ok(passages[i]!.text.includes(n!), `${n} is in passage ${passages[i]!.id}`);
  }
  assert.ok(new Set(prompts).size >= 5, 'prompts vary');
});

const member = (over: Partial<{ userId: string; roleIds: string[]; manageGuild: boolean }> = {}) => ({ userId: 'u1', roleIds: [], manageGuild: false, ...over });
const settings = { moderatorRoleIds: ['mods'] };

test('an open session takes everyone; a locked one its role’s members, its starter and moderators, and refuses others clearly', () => {
  const open = { startedBy: 'starter', lockedRoleId: null, lockedRoleName: null };
  assert.equal(mayTakePart(member(), open, settings).allowed, true);
  const locked = { startedBy: 'starter', lockedRoleId: 'readers', lockedRoleName: 'Readers' };
  assert.equal(mayTakePart(member({ roleIds: ['readers'] }), locked, settings).allowed, true);
  assert.equal(mayTakePart(member({ userId: 'starter' }), locked, settings).allowed, true);
  assert.equal(mayTakePart(member({ roleIds: ['mods'] }), locked, settings).allowed, true);
  assert.equal(mayTakePart(member({ manageGuild: true }), locked, settings).allowed, true);
  const refused = mayTakePart(member({ roleIds: ['others'] }), locked, settings);
  assert.equal(refused.allowed, false);
  assert.match(!refused.allowed ? refused.reason : '', /for members with the role “Readers”/);
});

test('only moderators may lock a session to a role', () => {
  assert.equal(mayLockSession(member({ manageGuild: true }), settings).allowed, true);
  assert.equal(mayLockSession(member({ roleIds: ['mods'] }), settings).allowed, true);
  const refused = mayLockSession(member({ roleIds: ['readers'] }), settings);
  assert.equal(refused.allowed, false);
  assert.match(!refused.allowed ? refused.reason : '', /Only moderators/);
});

test('a session is ended by whoever started it or a moderator, not by any other member', () => {
  const session = { startedBy: 'starter' };
  assert.equal(mayEndSession(member({ userId: 'starter' }), session, settings).allowed, true);
  assert.equal(mayEndSession(member({ roleIds: ['mods'] }), session, settings).allowed, true);
  assert.equal(mayEndSession(member({ manageGuild: true }), session, settings).allowed, true);
  const refused = mayEndSession(member({ roleIds: ['readers'] }), session, settings);
  assert.equal(refused.allowed, false);
  assert.match(!refused.allowed ? refused.reason : '', /^Only whoever started this study session, or a moderator, can end it/);
});
