import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadCorpus, type CorpusDocument } from '../../src/corpus/load.js';
import { isFootnoteError } from '../../src/errors.js';
import { chunkDocument, type Chunk } from '../../src/ingest/chunk.js';
import { containsFolded, foldedAt, foldOption } from '../../src/study/fold.js';
import {
  acceptGeneratedQuestion,
  allQuestions,
  BLANK,
  buildQuizBank,
  checkQuestion,
  FACT_KINDS,
  filterGeneratedQuestions,
  generateQuiz,
  quizSections,
  type QuizQuestion,
} from '../../src/study/quiz.js';

const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));
const corpus = loadCorpus(CORPUS_DIR);
const documents = new Map(corpus.documents.map((d) => [d.id, d]));
const passages = corpus.documents.flatMap((d) => chunkDocument(d));
const bank = buildQuizBank(passages, documents);
const SECTIONS = [undefined, ...new Set(passages.map((p) => p.section))];

/** Over 500 questions: 60 seeds, every section and the whole corpus, 10 questions each. */
const sample: { section: string | undefined; seed: number; question: QuizQuestion }[] = [];
for (let seed = 1; seed <= 60; seed++) {
  for (const section of SECTIONS) {
    for (const question of generateQuiz(bank, { count: 10, seed, section }).questions) sample.push({ section, seed, question });
  }
}

function passageOf(q: QuizQuestion): Chunk {
  const p = passages.find((c) => c.id === q.evidence.passageId);
  assert.ok(p, `passage ${q.evidence.passageId} exists`);
  return p;
}

/** The kinds (and place groups) the fact finder gives a string, for checking distractors. */
function groupsOf(text: string): string[] {
  const folded = foldOption(text);
  return bank.entities.filter((e) => e.aliases.some((a) => foldOption(a) === folded) || [e.short, e.acronym].some((f) => f && foldOption(f) === folded)).map((e) => e.group);
}

test('the large sample holds over 500 questions drawn from every section', () => {
  assert.ok(sample.length >= 500, `${sample.length} questions`);
  for (const section of SECTIONS.filter((s) => s !== undefined)) {
    assert.ok(sample.some((s) => s.question.evidence.section === section), `questions from section “${section}”`);
  }
  for (const kind of FACT_KINDS) assert.ok(sample.some((s) => s.question.kind === kind), `questions about a ${kind}`);
  assert.ok(sample.some((s) => s.question.style === 'cloze') && sample.some((s) => s.question.style === 'wh'), 'both styles');
});

test('every generated question passes checkQuestion', () => {
  for (const { question } of sample) assert.deepEqual(checkQuestion(question, documents), [], `${question.id}: ${question.prompt}`);
});

test('every answer stands in its quote, and every quote is an exact slice of its document', () => {
  for (const { question: q } of sample) {
    const doc = documents.get(q.evidence.docId)!;
    const { quote, answer } = q.evidence;
    assert.equal(doc.source.slice(quote.start, quote.end), quote.text);
    assert.equal(doc.source.slice(answer.start, answer.end), answer.text);
    assert.ok(containsFolded(quote.text, q.options[q.correctIndex]), `“${q.options[q.correctIndex]}” is in “${quote.text}”`);
    const passage = passageOf(q);
    assert.ok(quote.start >= passage.start && quote.end <= passage.end, 'the quote lies in the cited passage');
    assert.equal(q.evidence.section, passage.section);
    assert.equal(q.evidence.paragraph, passage.paragraph);
    assert.ok(q.explanation.includes(quote.text), 'the explanation quotes the evidence');
  }
});

test('the prompt never gives the answer away', () => {
  for (const { question: q } of sample) {
    const answer = q.options[q.correctIndex];
    assert.ok(!containsFolded(q.prompt, answer), `${q.prompt} / ${answer}`);
    if (q.style === 'cloze') assert.equal(q.prompt.split(BLANK).length, 2, 'one blank');
    else assert.ok(q.prompt.startsWith('According to the article, ') && q.prompt.endsWith('?'), q.prompt);
  }
});

test('distractors are distinct facts of the same kind from the same corpus, never the answer', () => {
  const corpusText = passages.map((p) => p.text).join('\n');
  for (const { question: q } of sample) {
    assert.equal(q.options.length, 4);
    assert.equal(new Set(q.options.map(foldOption)).size, 4, `distinct: ${q.options.join(' | ')}`);
    const answerGroups = groupsOf(q.options[q.correctIndex]);
    assert.ok(answerGroups.length > 0, `the answer “${q.options[q.correctIndex]}” is a known fact`);
    for (const [i, option] of q.options.entries()) {
      assert.ok(containsFolded(corpusText, option), `“${option}” is taken from the corpus`);
      if (i === q.correctIndex) continue;
      assert.notEqual(foldOption(option), foldOption(q.options[q.correctIndex]));
      assert.ok(!containsFolded(q.evidence.quote.text, option), `the distractor “${option}” is not in the quote`);
      const groups = groupsOf(option);
      assert.ok(groups.some((g) => answerGroups.includes(g)), `“${option}” (${groups}) is of the kind of “${q.options[q.correctIndex]}” (${answerGroups})`);
      assert.ok(groups.every((g) => g.split('/')[0] === q.kind || (q.kind === 'number' && g === 'number')), `${option} is a ${q.kind}`);
    }
  }
});

test('no option but the right one stands where the answer is in the quote', () => {
  for (const { question: q } of sample) {
    const source = documents.get(q.evidence.docId)!.source;
    const fitting = q.options.filter((o) => foldedAt(source, o, q.evidence.answer.start));
    assert.deepEqual(fitting, [q.options[q.correctIndex]], q.prompt);
  }
});

test('the same seed gives the same quiz, and other seeds give other quizzes', () => {
  const a = generateQuiz(bank, { count: 8, seed: 1234 });
  const b = generateQuiz({ passages, documents: corpus.documents }, { count: 8, seed: 1234 });
  assert.deepEqual(a, b);
  const others = [1, 2, 3, 4, 5].map((seed) => generateQuiz(bank, { count: 8, seed }).questions.map((q) => q.id).join());
  assert.ok(new Set(others).size >= 4, 'different seeds draw different questions');
  const orders = new Set<number>();
  for (let seed = 0; seed < 40; seed++) for (const q of generateQuiz(bank, { count: 3, seed }).questions) orders.add(q.correctIndex);
  assert.deepEqual([...orders].sort(), [0, 1, 2, 3], 'the right answer is shuffled into every position');
});

test('a section filter keeps every question inside that section, compared without case', () => {
  for (const section of ['Limits of Convergence', 'fundamental DISTRUST', '']) {
    for (let seed = 1; seed <= 10; seed++) {
      const { questions } = generateQuiz(bank, { count: 6, seed, section });
      assert.ok(questions.length > 0);
      for (const q of questions) assert.equal(q.evidence.section.toLowerCase(), section.toLowerCase());
    }
  }
});

test('the requested count is honoured, with no fact asked twice in one quiz', () => {
  for (let count = 1; count <= 30; count++) {
    const { questions, shortfall } = generateQuiz(bank, { count, seed: count * 7 });
    assert.equal(questions.length, count);
    assert.equal(shortfall, undefined);
    const facts = questions.map((q) => `${q.evidence.docId}:${q.evidence.answer.start}`);
    assert.equal(new Set(facts).size, count, 'each question asks about a different fact');
    assert.equal(new Set(questions.map((q) => q.id)).size, count);
  }
});

test('a short quiz mixes kinds of fact and sentences before repeating any', () => {
  const { questions } = generateQuiz(bank, { count: 6, seed: 99 });
  assert.equal(new Set(questions.map((q) => q.kind)).size, 6);
  assert.equal(new Set(questions.map((q) => `${q.evidence.docId}:${q.evidence.quote.start}`)).size, 6);
});

test('a section with too few facts gives fewer questions and says why', () => {
  const result = generateQuiz(bank, { count: 50, seed: 1, section: 'Limits of Convergence' });
  assert.ok(result.questions.length > 0 && result.questions.length < 50);
  assert.equal(result.shortfall?.code, 'NOT_ENOUGH_FACTS');
  assert.match(result.shortfall!.message, /Only \d+ questions could be built from the section “Limits of Convergence”/);
  for (const q of result.questions) assert.deepEqual(checkQuestion(q, documents), []);
});

test('an unknown section gives no questions and names the sections there are', () => {
  const result = generateQuiz(bank, { count: 5, seed: 1, section: 'Economics' });
  assert.deepEqual(result.questions, []);
  assert.equal(result.shortfall?.code, 'SECTION_NOT_FOUND');
  assert.match(result.shortfall!.message, /Limits of Convergence/);
  assert.deepEqual(
    quizSections(bank).map((s) => s.section),
    ['', 'Limits of Convergence', 'Fundamental Distrust', 'About the authors'],
  );
});

test('a document filter keeps every question inside those documents', () => {
  const [article] = corpus.documents;
  const kept = generateQuiz(bank, { count: 5, seed: 2, docIds: [article.id] });
  assert.equal(kept.questions.length, 5);
  assert.ok(kept.questions.every((q) => q.evidence.docId === article.id));
  const none = generateQuiz(bank, { count: 5, seed: 2, docIds: ['another-document'] });
  assert.deepEqual(none.questions, []);
  assert.equal(none.shortfall?.code, 'NO_PASSAGES');
});

test('a count that is not a whole number from 1 to 50 is a user error', () => {
  for (const count of [0, -1, 1.5, 51, Number.NaN]) {
    assert.throws(() => generateQuiz(bank, { count, seed: 1 }), (e) => isFootnoteError(e) && e.code === 'BAD_ARGUMENT', String(count));
  }
  assert.throws(() => generateQuiz(bank, { count: 3, seed: Number.POSITIVE_INFINITY }), (e) => isFootnoteError(e) && e.code === 'BAD_ARGUMENT');
});

test('every fact of the article yields only sound questions, of every kind', () => {
  for (const seed of [1, 2, 3]) {
    const all = allQuestions(bank, seed);
    for (const q of all) assert.deepEqual(checkQuestion(q, documents), [], q.prompt);
    for (const kind of FACT_KINDS) assert.ok(all.some((q) => q.kind === kind), kind);
  }
});

test('the worked examples come out as expected', () => {
  const all = allQuestions(bank, 5);
  const find = (answer: string, style: 'cloze' | 'wh') => all.find((q) => q.options[q.correctIndex] === answer && q.style === style);
  const killed = find('224', 'wh');
  assert.ok(killed);
  assert.match(killed.prompt, /killing how many vacationers and crew members\?$/);
  assert.equal(killed.kind, 'number');
  const since = find('September 30, 2015', 'wh');
  assert.equal(since?.prompt, 'According to the article, since what date, Russia has been conducting air operations in Syria?');
  const tikrit = find('Tikrit', 'cloze');
  assert.equal(tikrit?.kind, 'place');
  assert.ok(tikrit.prompt.includes(`the Iraqi city of ${BLANK}`));
  const risk = find('shifting public opinion', 'cloze');
  assert.equal(risk?.kind, 'cause');
  assert.ok(risk.prompt.includes(`which carry the risk of ${BLANK}`));
  const fdd = find('Foundation for Defense of Democracies', 'wh');
  assert.equal(fdd?.kind, 'organisation');
  assert.ok(find('Ali Larijani', 'cloze')?.options.every((o) => groupsOf(o).includes('person')));
  assert.equal(find('Sharm el-Sheikh', 'cloze')?.kind, 'place');
});

// --- checkQuestion rejects tampered questions ---------------------------------------------------

function sampleQuestion(predicate: (q: QuizQuestion) => boolean = () => true): QuizQuestion {
  const found = sample.find((s) => predicate(s.question));
  assert.ok(found, 'a question to tamper with');
  return structuredClone(found.question);
}

function rejects(q: QuizQuestion, pattern: RegExp, docs: CorpusDocument[] | Map<string, CorpusDocument> = documents): void {
  const problems = checkQuestion(q, docs);
  assert.ok(problems.some((p) => pattern.test(p)), `expected ${pattern} in ${JSON.stringify(problems)}`);
}

test('checkQuestion rejects a quote that is not an exact slice', () => {
  const q = sampleQuestion();
  q.evidence.quote.text = q.evidence.quote.text.replace(/\s+\S+$/, ' tomorrow.');
  rejects(q, /quote is not an exact slice/);
  const shifted = sampleQuestion();
  shifted.evidence.quote.start += 1;
  rejects(shifted, /quote is not an exact slice/);
});

test('checkQuestion rejects a marked answer that is not in the quote', () => {
  const q = sampleQuestion();
  q.options[q.correctIndex] = 'Atlantis';
  rejects(q, /marked answer “Atlantis” is not in the quote/);
});

test('checkQuestion rejects a question whose correct index points to a distractor', () => {
  const q = sampleQuestion();
  q.correctIndex = (q.correctIndex + 1) % q.options.length;
  rejects(q, /is not the words at the answer span/);
  q.correctIndex = 7;
  rejects(q, /correct index is out of range/);
});

test('checkQuestion rejects a prompt that gives the answer away', () => {
  const q = sampleQuestion((x) => x.style === 'wh');
  q.prompt = `${q.prompt} (Hint: ${q.options[q.correctIndex].toUpperCase()})`;
  rejects(q, /prompt gives away the answer/);
  const spelled = sampleQuestion((x) => x.options[x.correctIndex] === 'IS');
  spelled.prompt = `${spelled.prompt} Think of the Islamic State.`;
  rejects(spelled, /prompt gives away the answer/);
});

test('checkQuestion rejects options that are the same after folding case and space', () => {
  const q = sampleQuestion();
  const other = (q.correctIndex + 1) % q.options.length;
  q.options[other] = ` ${q.options[q.correctIndex].toUpperCase()}`.trim().replace(/ /g, '  ');
  rejects(q, /two options are the same/);
});

test('checkQuestion rejects a second option that would also fill the blank', () => {
  const q = sampleQuestion((x) => x.style === 'cloze' && x.options[x.correctIndex] === 'Ali Larijani');
  const other = (q.correctIndex + 1) % q.options.length;
  q.options[other] = 'Ali';
  rejects(q, /2 options stand in the quote where the answer is/);
});

test('checkQuestion rejects a blank that is not where the answer stands', () => {
  const q = sampleQuestion((x) => x.style === 'cloze');
  const quote = q.evidence.quote.text;
  q.prompt = `Fill in the blank: “${BLANK}${quote.slice(q.evidence.answer.end - q.evidence.quote.start + 3)}”`;
  rejects(q, /blank of the prompt is not where the answer stands/);
});

test('checkQuestion rejects a distractor the prompt itself names', () => {
  const q = sampleQuestion((x) => x.style === 'wh');
  const other = (q.correctIndex + 1) % q.options.length;
  q.prompt = q.prompt.replace(/\?$/, ` and ${q.options[other]}?`);
  rejects(q, /prompt names the distractor/);
});

test('checkQuestion rejects an unknown document and accepts a list of documents', () => {
  const q = sampleQuestion();
  assert.deepEqual(checkQuestion(q, corpus.documents), []);
  rejects(q, /unknown document/, []);
});

// --- acceptGeneratedQuestion ------------------------------------------------------------------------

const airliner = passages.find((p) => p.text.includes('224 vacationers'))!;
const opening = passages[0];

test('a generated question is kept when its cited passage contains the marked answer', () => {
  const verdict = acceptGeneratedQuestion(
    {
      prompt: 'How many vacationers and crew members died when the Russian airliner was bombed?',
      options: ['7,000', '224', '15', '300'],
      correctIndex: 1,
      passageId: airliner.id,
    },
    passages,
    documents,
  );
  assert.ok(verdict.accepted, verdict.accepted ? '' : verdict.reason);
  const q = verdict.question;
  assert.equal(q.style, 'generated');
  assert.equal(q.kind, 'number');
  assert.equal(q.evidence.passageId, airliner.id);
  assert.ok(q.evidence.quote.text.includes('killing 224 vacationers'));
  assert.equal(q.evidence.answer.text, '224');
  assert.deepEqual(checkQuestion(q, documents), []);
});

test('a generated answer is compared folded: case, space and thousands separators', () => {
  const ranks = passages.find((p) => p.text.includes('7,000 Russian citizens'))!;
  const verdict = acceptGeneratedQuestion(
    { prompt: 'Roughly how many Russian citizens joined IS?', options: ['7000', '224', '1,500', '70'], correctIndex: 0, passageId: ranks.id },
    passages,
    documents,
  );
  assert.ok(verdict.accepted, verdict.accepted ? '' : verdict.reason);
  assert.equal(verdict.question.evidence.answer.text, '7,000');
  const lower = acceptGeneratedQuestion(
    { prompt: 'Which Iraqi city was seized in spring 2015?', options: ['tikrit', 'Mosul', 'Basra', 'Ramadi'], correctIndex: 0, passageId: passages.find((p) => p.text.includes('Tikrit'))!.id },
    passages,
    documents,
  );
  assert.ok(lower.accepted, lower.accepted ? '' : lower.reason);
  assert.equal(lower.question.kind, 'place');
});

test('a generated question is refused when its cited passage does not contain the marked answer', () => {
  const wrongPassage = acceptGeneratedQuestion(
    { prompt: 'How many vacationers and crew members died?', options: ['224', '7,000', '15', '300'], correctIndex: 0, passageId: opening.id },
    passages,
    documents,
  );
  assert.equal(wrongPassage.accepted, false);
  assert.match(!wrongPassage.accepted ? wrongPassage.reason : '', /does not contain the marked answer “224”/);
  const wrongAnswer = acceptGeneratedQuestion(
    { prompt: 'How many vacationers and crew members died?', options: ['224', '7,000', '15', '300'], correctIndex: 3, passageId: airliner.id },
    passages,
    documents,
  );
  assert.equal(wrongAnswer.accepted, false);
  const partOfAWord = acceptGeneratedQuestion(
    { prompt: 'Whose relationship is complicated by distrust?', options: ['Iran', 'Iraq', 'Syria', 'Egypt'], correctIndex: 0, passageId: passages.find((p) => p.text.includes('Russian-Iranian relationship'))!.id },
    passages,
    documents,
  );
  assert.equal(partOfAWord.accepted, false, '“Iran” is not found inside “Iranian”');
});

test('a malformed, leaking or ambiguous generated question is refused with a reason', () => {
  const base = { prompt: 'How many vacationers and crew members died?', options: ['224', '7,000', '15', '300'], correctIndex: 0, passageId: airliner.id };
  const cases: [unknown, RegExp][] = [
    [null, /not a question object/],
    ['224', /not a question object/],
    [{ ...base, prompt: '' }, /prompt is missing/],
    [{ ...base, options: '224' }, /2 to 5 non-empty options/],
    [{ ...base, options: ['224'] }, /2 to 5 non-empty options/],
    [{ ...base, options: ['224', ''] }, /2 to 5 non-empty options/],
    [{ ...base, correctIndex: 4 }, /correct index/],
    [{ ...base, correctIndex: '0' }, /correct index/],
    [{ ...base, passageId: 'nowhere#p1' }, /does not exist/],
    [{ ...base, options: ['224', ' 224', '15', '300'] }, /two options are the same/],
    [{ ...base, prompt: 'Were 224 vacationers and crew members killed?' }, /gives away the answer/],
    [{ ...base, prompt: 'How many died: 224 or 7,000?' }, /gives away the answer/],
  ];
  for (const [candidate, reason] of cases) {
    const verdict = acceptGeneratedQuestion(candidate, passages, documents);
    assert.equal(verdict.accepted, false, JSON.stringify(candidate));
    assert.match(!verdict.accepted ? verdict.reason : '', reason, JSON.stringify(candidate));
  }
});

test('with LLM mode on, only the generated questions their passages support are kept', () => {
  const good = { prompt: 'Where did the bombed Russian airliner depart from?', options: ['Sharm el-Sheikh', 'Damascus', 'Tikrit', 'Moscow'], correctIndex: 0, passageId: airliner.id };
  const unsupported = { ...good, correctIndex: 1 };
  const { accepted, rejected } = filterGeneratedQuestions([good, unsupported, { nonsense: true }], passages, documents);
  assert.equal(accepted.length, 1);
  assert.equal(accepted[0].options[accepted[0].correctIndex], 'Sharm el-Sheikh');
  assert.equal(rejected.length, 2);
  assert.match(rejected[0].reason, /does not contain the marked answer “Damascus”/);
});

// --- other documents ------------------------------------------------------------------------------

function doc(id: string, source: string): CorpusDocument {
  return { id, file: `${id}.txt`, source, format: 'txt', meta: { title: 'Notes', authors: [], tags: [] }, bodyStart: 0 };
}

test('a document with few facts of a kind yields no question of that kind rather than a weak one', () => {
  const d = doc(
    'notes',
    'Notes\n\nOn March 3, 2020 the council met in Oslo to discuss the harbour. It approved 12 new berths because of rising traffic.\n\nThe mayor Anna Berg said the port of Bergen and the city of Tromso had asked for the same.\n',
  );
  const chunks = chunkDocument(d);
  const small = buildQuizBank(chunks, [d]);
  const result = generateQuiz(small, { count: 10, seed: 1 });
  assert.ok(result.questions.length < 10);
  assert.equal(result.shortfall?.code, 'NOT_ENOUGH_FACTS');
  for (const q of result.questions) {
    assert.deepEqual(checkQuestion(q, [d]), []);
    assert.notEqual(q.kind, 'number', 'one number and one date in a document are not enough for a number question');
    assert.notEqual(q.kind, 'person');
  }
  for (let seed = 0; seed < 20; seed++) for (const q of generateQuiz(small, { count: 10, seed }).questions) assert.deepEqual(checkQuestion(q, [d]), []);
});

test('a fact written elsewhere in the same slot is never a distractor, since it would also be right', () => {
  const d = doc(
    'talks',
    [
      'Talks',
      'Talks were held in Oslo last week between the two delegations.',
      'Talks were held in Bergen last week between the two delegations as well.',
      'Ships from Tromso and Narvik sailed to the port of Alta and then to the port of Molde in the spring.',
      'Observers from Hammerfest arrived later in the year to watch the fleet.',
    ].join('\n\n'),
  );
  const small = buildQuizBank(chunkDocument(d), [d]);
  const oslo = allQuestions(small, 1).filter((q) => q.options[q.correctIndex] === 'Oslo');
  for (let seed = 2; seed < 30; seed++) oslo.push(...allQuestions(small, seed).filter((q) => q.options[q.correctIndex] === 'Oslo'));
  assert.ok(oslo.length > 0, 'questions about Oslo');
  for (const q of oslo) {
    assert.deepEqual(checkQuestion(q, [d]), []);
    assert.ok(!q.options.includes('Bergen'), q.options.join(' | '));
  }
});

test('the sections of a large corpus are listed at once (section autocomplete and /quiz answer within Discord’s 3 s)', () => {
  // 20,000 passages in 200 sections with 10 facts each: the size of a corpus thousands of times the article
  const big = { ...bank, passages: [] as Chunk[], mentions: [] as (typeof bank.mentions)[number][] };
  const template = bank.mentions[0]!;
  for (let i = 0; i < 20_000; i++) {
    const passage = { ...passages[0]!, id: `big#p${i}`, section: `Section ${Math.floor(i / 100)}` };
    big.passages.push(passage);
    for (let j = 0; j < 10; j++) big.mentions.push({ ...template, passage });
  }
  const started = performance.now();
  const sections = quizSections(big);
  const ms = performance.now() - started;
  assert.equal(sections.length, 200);
  assert.deepEqual(sections[0], { section: 'Section 0', passages: 100, facts: 1000 });
  assert.ok(ms < 300, `${ms.toFixed(0)} ms`);
});
