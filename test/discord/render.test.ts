import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ABSTAIN_MESSAGE, NOT_A_QUESTION_MESSAGE } from '../../src/answer/extractive.js';
import type { Answer, Citation } from '../../src/answer/types.js';
import { decodeCustomId } from '../../src/discord/custom-id.js';
import {
  answerButtons,
  embedLength,
  escapeText,
  LIMITS,
  messageViolations,
  renderAnswer,
  renderPassage,
  splitAnswer,
  unescapeText,
  type OutgoingMessage,
} from '../../src/discord/render.js';
import { sectionLabel } from '../../src/study/session.js';
import { ARTICLE_FILE, CORPUS_DIR } from '../helpers/engine.js';

const source = readFileSync(join(CORPUS_DIR, ARTICLE_FILE), 'utf8');

/** Every sentence of the article's body as a citation, numbered in order: a long answer made of real quotes. */
function longAnswer(): Answer {
  const sentences = [...source.matchAll(/[A-Z][^.?!\n]{20,}?[.?!](?=\s)/g)];
  const citations: Citation[] = sentences.map((m, i) => ({
    n: i + 1,
    docId: 'twisted-tehran-moscow-axis',
    title: 'The Twisted Tehran-Moscow Axis',
    file: ARTICLE_FILE,
    passageId: `twisted-tehran-moscow-axis#p${i + 1}`,
    section: i % 2 ? 'Limits of Convergence' : '',
    paragraph: i + 1,
    text: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
    score: 1,
  }));
  return {
    question: 'Tell me everything',
    answer: citations.map((c) => `${c.text} [${c.n}]`).join(' '),
    abstained: false,
    mode: 'extractive',
    citations,
    passages: [],
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
  };
}

/** The quotes shown in citation fields, unescaped, with any cut marked by a trailing ellipsis removed. */
function shownQuotes(messages: OutgoingMessage[]): { quote: string; cut: boolean }[] {
  return messages.flatMap((m) =>
    m.embeds.flatMap((e) =>
      (e.fields ?? [])
        .filter((f) => /^\[\d+\]/.test(f.name))
        .map((f) => {
          const body = f.value.slice(0, f.value.lastIndexOf('\n'));
          assert.ok(body.startsWith('“') && body.endsWith('”'), f.value);
          let quote = body.slice(1, -1);
          const cut = quote.endsWith('…');
          if (cut) quote = quote.slice(0, -1);
          return { quote: unescapeText(quote), cut };
        }),
    ),
  );
}

test('escaping neutralises markdown, mentions and masked links, and unescaping gives the text back exactly', () => {
  const nasty = 'Hi @everyone and @here <@123456789012345678> <@&98765432109876543> <#11111111111111111> **bold** _it_ ~~s~~ `code` ||spoiler|| [click](https://evil.example) \\ back\n# heading\n> quote\n- item\n1. first';
  const shown = escapeText(nasty);
  assert.doesNotMatch(shown, /@everyone|@here/);
  assert.doesNotMatch(shown, /<@\d|<@&\d|<#\d/);
  assert.doesNotMatch(shown, /(?<!\\)\*\*|(?<!\\)\[click(?<!\\)\]\(/);
  assert.match(shown, /\\\[click\\\]\\\(/);
  assert.match(shown, /^\\# heading$/m);
  assert.match(shown, /^\\> quote$/m);
  assert.match(shown, /^\\- item$/m);
  assert.match(shown, /^1\\\. first$/m);
  assert.equal(unescapeText(shown), nasty);
});

test('a long answer is split at sentence boundaries, never between a sentence and its markers', () => {
  const text = longAnswer().answer;
  const parts = splitAnswer(text, 500);
  assert.ok(parts.length > 5);
  for (const part of parts) {
    assert.ok(part.length <= 500, `part of ${part.length}`);
    assert.match(part, /\[\d+\]$/, 'every part ends with a citation marker');
    assert.doesNotMatch(part, /^\[\d+\]/, 'no part starts with a marker');
  }
  assert.equal(unescapeText(parts.join(' ')), text);
});

test('a sentence longer than the limit is cut at a space, and no marker is broken', () => {
  const sentence = `${'word '.repeat(300)}end. [12]`;
  const parts = splitAnswer(sentence, 200);
  for (const p of parts) assert.ok(p.length <= 200);
  assert.equal(parts.join(' '), sentence);
  assert.ok(parts[parts.length - 1]!.endsWith('end. [12]'));
});

test('a long answer renders as messages within every Discord limit, its buttons on the last', () => {
  const answer = longAnswer();
  assert.ok(answer.answer.length > 4096, 'the answer needs more than one description');
  assert.ok(answer.citations.length > 25, 'and more than one embed of fields');
  const messages = renderAnswer({ id: 'abcDEF12345', answer, question: 'Tell me **everything** @everyone' });
  assert.ok(messages.length >= 2, `${messages.length} messages`);
  for (const m of messages) {
    assert.deepEqual(messageViolations(m), []);
    assert.deepEqual(m.allowedMentions, { parse: [], repliedUser: false });
  }
  assert.ok(messages.slice(0, -1).every((m) => m.components.length === 0));
  assert.ok(messages[messages.length - 1]!.components.length > 0);
  assert.equal(messages[0]!.embeds[0]!.title, 'Tell me \\*\\*everything\\*\\* @\u200beveryone');
  // the answer reads back whole, in order
  const descriptions = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).filter(Boolean);
  assert.equal(unescapeText(descriptions.join(' ')), answer.answer);
  // every citation is listed once, in order, its quote a verbatim slice of the source
  const quotes = shownQuotes(messages);
  assert.equal(quotes.length, answer.citations.length);
  quotes.forEach(({ quote, cut }, i) => {
    const c = answer.citations[i]!;
    if (cut) assert.equal(source.slice(c.start, c.start + quote.length), quote);
    else assert.equal(source.slice(c.start, c.end), quote);
  });
});

test('with tiny limits a long answer still fits: more messages, never an oversized one', () => {
  const limits = { ...LIMITS, description: 300, total: 900, fields: 4, embeds: 3, fieldValue: 200 };
  const messages = renderAnswer({ id: 'x', answer: longAnswer() }, { limits });
  for (const m of messages) assert.deepEqual(messageViolations(m, limits), []);
  assert.ok(messages.length > 10);
});

test('a quote longer than a field is cut at a word and marked, and stays a verbatim prefix', () => {
  const answer = longAnswer();
  const long = answer.citations[0]!;
  const end = long.start + 1500;
  answer.citations = [{ ...long, end, text: source.slice(long.start, end) }];
  answer.answer = `${long.text} [1]`;
  const [message] = renderAnswer({ id: 'x', answer });
  assert.deepEqual(messageViolations(message!), []);
  const [{ quote, cut }] = shownQuotes([message!]);
  assert.ok(cut);
  assert.equal(source.slice(long.start, long.start + quote.length), quote);
});

test('an abstention says so plainly and lists the nearest passages with buttons to open them', () => {
  const passages = [1, 2, 3].map((i) => ({ rank: i, id: `doc#p${i}`, docId: 'doc', title: 'Doc', section: 'S', paragraph: i, text: `Passage ${i} text.`, start: 0, end: 10, score: 0.1 }));
  const answer: Answer = { question: 'bread?', answer: 'The corpus does not answer this question.', abstained: true, mode: 'extractive', citations: [], passages, timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
  const [message] = renderAnswer({ id: 'abs', answer });
  assert.match(message!.embeds[0]!.description!, /does not cover this question/);
  assert.equal(message!.embeds[0]!.fields!.length, 3);
  const ids = message!.components.flatMap((r) => r.components.map((b) => b.custom_id));
  assert.deepEqual(ids.slice(0, 3), ['fn:passage:abs:1', 'fn:passage:abs:2', 'fn:passage:abs:3']);
});

test('an abstention is not said to quote the corpus; without passages it does not promise any', () => {
  const passages = [1, 2].map((i) => ({ rank: i, id: `doc#p${i}`, docId: 'doc', title: 'Doc', section: 'S', paragraph: i, text: `Passage ${i} text.`, start: 0, end: 10, score: 0.1 }));
  const base: Answer = { question: 'bread?', answer: ABSTAIN_MESSAGE, abstained: true, mode: 'extractive', citations: [], passages, timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
  const [withNearest] = renderAnswer({ id: 'abs', answer: base });
  assert.equal(withNearest!.embeds.at(-1)!.footer!.text, 'No answer was composed; the nearest passages are ranked by relevance · answer abs');
  const [alone] = renderAnswer({ id: 'abs', answer: { ...base, passages: [] } });
  assert.equal(alone!.embeds[0]!.description, 'The corpus does not cover this question, so there is no answer to cite.');
  assert.equal(alone!.embeds.at(-1)!.footer!.text, 'No answer was composed · answer abs');
  assert.deepEqual(alone!.components.flatMap((r) => r.components.map((b) => b.label)), ['0', '0', 'Report']);
});

test('a message that is not a question gets the refusal alone: no passages, no buttons, no footer', () => {
  const passages = [1, 2].map((i) => ({ rank: i, id: `doc#p${i}`, docId: 'doc', title: 'Doc', section: 'S', paragraph: i, text: `Passage ${i} text.`, start: 0, end: 10, score: 0.1 }));
  const answer: Answer = { question: 'hi', answer: NOT_A_QUESTION_MESSAGE, abstained: true, mode: 'extractive', citations: [], passages, timings: { retrieveMs: 0, answerMs: 0, totalMs: 0 } };
  const messages = renderAnswer({ id: 'hi1', answer, question: 'hi' });
  assert.equal(messages.length, 1);
  assert.deepEqual(messages[0]!.embeds, [{ title: 'hi', description: NOT_A_QUESTION_MESSAGE, color: messages[0]!.embeds[0]!.color }]);
  assert.deepEqual(messages[0]!.components, []);
});

test('a follow-up rewritten by the model is shown as read; one read offline names the previous question instead of the appended words', () => {
  const answer = longAnswer();
  const [rewritten] = renderAnswer({ id: 'f1', answer, readAs: { kind: 'rewritten', question: 'What did Ali Larijani wear at the Valdai Club?' } });
  assert.match(rewritten!.embeds[0]!.description!, /^\*Read as: What did Ali Larijani wear at the Valdai Club\?\*\n\n/);
  const [offline] = renderAnswer({ id: 'f2', answer, readAs: { kind: 'with-previous', previous: 'Why was *Larijani* wearing black?' } });
  assert.match(offline!.embeds[0]!.description!, /^\*Read with the previous question: “Why was \\\*Larijani\\\* wearing black\?”\*\n\n/);
});

test('buttons carry what a press needs within 100 characters, and the vote counts show on them', () => {
  const rows = answerButtons({ id: 'A1b2C3d4E5f', answer: longAnswer() }, { up: 3, down: 1 });
  assert.ok(rows.length <= 5);
  const buttons = rows.flatMap((r) => r.components);
  for (const b of buttons) {
    assert.ok(b.custom_id.length <= 100);
    assert.ok(decodeCustomId(b.custom_id), b.custom_id);
  }
  assert.equal(buttons.filter((b) => b.label?.startsWith('Passage')).length, 20, 'at most four rows of passages');
  const up = buttons.find((b) => b.custom_id === 'fn:vote:A1b2C3d4E5f:up')!;
  const down = buttons.find((b) => b.custom_id === 'fn:vote:A1b2C3d4E5f:down')!;
  assert.equal(up.label, '3');
  assert.equal(down.label, '1');
  assert.ok(buttons.some((b) => b.custom_id === 'fn:report:A1b2C3d4E5f'));
});

test('a long neighbour is cut at a sentence end without an ellipsis, else at a word with one', () => {
  const airliner = `This arrangement minimizes the risk of Russian and Iranian losses, which is essential for Russia in particular, as it still struggles with the painful “Afghanistan syndrome” and suffered a devastating blow on October 31 when an IS affiliate succeeded in bringing a bomb onto a Russian airliner departing from the Egyptian resort town of Sharm el-Sheikh, killing 224 vacationers and crew members. But the Iranian authorities are also keen to avoid casualties, which carry the risk of shifting public opinion.`;
  const last = `The last sentence of the previous passage${', long enough to fill most of the lead-in'.repeat(6)}.`;
  const before = `${'Words without an end '.repeat(30)}and then. ${last}`;
  const view = { id: 'd#p4', title: 'Doc', section: '', paragraph: 4, text: 'The passage.', previous: { id: 'd#p3', text: before }, next: { id: 'd#p5', text: airliner } };
  const d = renderPassage(view).embeds[0]!.description!;
  assert.match(d, /\n\n\*This arrangement .* killing 224 vacationers and crew members\.\*$/);
  assert.doesNotMatch(d, /\.…/, 'no ellipsis after a full stop');
  assert.ok(d.startsWith(`*${last}*\n\n`), 'the lead-in starts at a sentence, without an ellipsis');
  const endless = renderPassage({ ...view, previous: undefined, next: { id: 'd#p5', text: 'word '.repeat(200) } }).embeds[0]!.description!;
  assert.match(endless, / word…\*$/);
});

test('a passage says where it is: the opening section by the same words as quizzes, the dateline and title as a part, not a paragraph', () => {
  const field = (m: OutgoingMessage, name: string) => m.embeds[0]!.fields!.find((f) => f.name === name)?.value;
  const opening = renderPassage({ id: 'd#p4', title: 'Doc', section: '', paragraph: 4, text: 'Text.' });
  assert.equal(field(opening, 'Section'), sectionLabel(''));
  assert.equal(field(opening, 'Paragraph'), '4');
  const meta = renderPassage({ id: 'd#meta', title: 'Doc', section: '', paragraph: 0, text: 'December 10, 2015 | Journal' });
  assert.deepEqual(meta.embeds[0]!.fields!.map((f) => [f.name, f.value]), [
    ['Document', 'Doc'],
    ['Part', 'dateline and title'],
    ['Passage id', '`d#meta`'],
  ]);
});

test('a passage shows the quoted words in bold between its neighbours', () => {
  const message = renderPassage(
    { id: 'd#p2', title: 'Doc', section: '', paragraph: 2, text: 'First sentence here. The *quoted* words. Last one.', previous: { id: 'd#p1', text: 'Before.' }, next: { id: 'd#p3', text: 'After.' } },
    { heading: 'Passage 1 — Doc', emphasis: { start: 21, end: 40 } },
  );
  const d = message.embeds[0]!.description!;
  assert.match(d, /^\*Before\.\*\n\n/, 'a neighbour shown whole has no ellipsis');
  assert.ok(d.includes('First sentence here. **The \\*quoted\\* words.** Last one.'), d);
  assert.match(d, /\n\n\*After\.\*$/);
  assert.deepEqual(message.components[0]!.components.map((b) => b.custom_id), ['fn:show:d#p1', 'fn:show:d#p3']);
  assert.deepEqual(messageViolations(message), []);
  assert.ok(embedLength(message.embeds[0]!) < 6000);
});
