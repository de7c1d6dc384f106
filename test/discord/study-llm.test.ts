/**
 * Quiz questions written by a language model (the real LangChain ChatOpenAI against the local
 * OpenAI-compatible fake): only those whose cited passage contains the marked answer are kept.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadCorpus } from '../../src/corpus/load.js';
import type { BotContext } from '../../src/discord/context.js';
import { draftRound, parseQuizCandidates, QUIZ_WRITER_SYSTEM } from '../../src/discord/study/questions.js';
import { chunkDocument } from '../../src/ingest/chunk.js';
import { buildQuizBank, checkQuestion, generateQuiz } from '../../src/study/quiz.js';
import { CORPUS_DIR } from '../helpers/engine.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';

const corpus = loadCorpus(CORPUS_DIR);
const documents = new Map(corpus.documents.map((d) => [d.id, d]));
const passages = corpus.documents.flatMap((d) => chunkDocument(d));
const bank = buildQuizBank(passages, documents);
const airliner = passages.find((p) => p.text.includes('224 vacationers'))!;

let fake: FakeOpenAI;
let ctx: BotContext;
const logs: string[] = [];

before(async () => {
  fake = await startFakeOpenAI();
  ctx = {
    config: { llm: { apiKey: 'sk-test', baseURL: fake.baseURL, model: 'gpt-4o-mini', timeoutMs: 500, retries: 0 } },
    engine: { documents },
    quizBank: bank,
    log: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) },
  } as unknown as BotContext;
});

after(() => fake.close());

const good = { prompt: 'How many vacationers and crew members died when the Russian airliner was bombed?', options: ['7,000', '224', '15', '300'], correctIndex: 1, passageId: airliner.id };
const unsupported = { ...good, prompt: 'Where did the airliner land?', options: ['Moscow', 'Cairo', 'Tikrit', 'Damascus'], correctIndex: 0 };
const leaking = { ...good, prompt: 'Were 224 people killed?' };

test('with LLM mode on, the model’s questions come first and only those their passage supports are kept, topped up offline', async () => {
  fake.queueChat(JSON.stringify({ questions: [good, unsupported, leaking] }));
  const offline = generateQuiz(bank, { count: 3, seed: 11 });
  const drafted = await draftRound(ctx, { offline, count: 3, section: undefined, seed: 11, useModel: true });
  assert.equal(drafted.questions.length, 3);
  assert.equal(drafted.source, 'mixed');
  assert.equal(drafted.model?.accepted.length, 1);
  assert.equal(drafted.model?.rejected, 2);
  const [first] = drafted.questions;
  assert.equal(first!.style, 'generated');
  assert.equal(first!.options[first!.correctIndex], '224');
  assert.ok(first!.evidence.quote.text.includes('killing 224 vacationers'));
  for (const q of drafted.questions) assert.deepEqual(checkQuestion(q, documents), []);
  const request = fake.requests.at(-1)!;
  assert.equal(request.body.messages[0].content, QUIZ_WRITER_SYSTEM);
  assert.match(request.body.messages[1].content, /^Write 3 questions about these passages\./);
  assert.match(request.body.messages[1].content, /<passage id="twisted-tehran-moscow-axis#p\d+" section="[^"]*">/);
});

test('a reply with no usable question, or no reply in time, leaves the offline quiz as it was', async () => {
  const offline = generateQuiz(bank, { count: 2, seed: 3 });
  fake.queueChat('Sure! Here are some questions: none.');
  const garbled = await draftRound(ctx, { offline, count: 2, section: 'Fundamental Distrust', seed: 3, useModel: true });
  assert.equal(garbled.source, 'offline');
  assert.deepEqual(garbled.questions, offline.questions);
  assert.equal(garbled.model?.failure, 'no questions in the reply');

  fake.queueChat({ delayMs: 3000, content: JSON.stringify([good]) });
  const started = performance.now();
  const slow = await draftRound(ctx, { offline, count: 2, section: undefined, seed: 3, useModel: true });
  assert.ok(performance.now() - started < 2000, 'the model call is bounded by the timeout');
  assert.equal(slow.source, 'offline');
  assert.ok(slow.model?.failure);

  const off = await draftRound(ctx, { offline, count: 2, section: undefined, seed: 3, useModel: false });
  assert.equal(off.model, undefined);
  assert.deepEqual(off.questions, offline.questions);
});

test('candidates are read from a JSON object, a bare array or a fenced block; anything else gives none', () => {
  assert.equal(parseQuizCandidates(JSON.stringify({ questions: [good] })).length, 1);
  assert.equal(parseQuizCandidates(JSON.stringify([good, good])).length, 2);
  assert.equal(parseQuizCandidates(`\`\`\`json\n${JSON.stringify({ questions: [good] })}\n\`\`\``).length, 1);
  assert.deepEqual(parseQuizCandidates('{"questions": 3}'), []);
  assert.deepEqual(parseQuizCandidates('{not json'), []);
  assert.deepEqual(parseQuizCandidates(''), []);
});
