/**
 * Answers, passages and corpus facts as Discord messages: plain API objects (embeds and buttons),
 * no client, no network, so everything here is tested as pure functions. Every message built here
 * respects Discord's limits and carries allowedMentions that parse nothing.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField } from 'discord.js';
import { ABSTAIN_MESSAGE, NOT_A_QUESTION_MESSAGE } from '../answer/extractive.js';
import type { Answer, Citation, PassageOut } from '../answer/types.js';
import { reviewOf, type GuildSettings } from '../store/moderation.js';
import { sectionLabel } from '../study/session.js';
import type { Reading } from './answering.js';
import { encodeCustomId } from './custom-id.js';
import type { HelpEntry, HelpGroup } from './registry.js';
import { plural } from '../ingest/text.js';

export const LIMITS = {
  content: 2000,
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embeds: 10,
  /** all embeds of one message together */
  total: 6000,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
};
export type Limits = typeof LIMITS;

/** Nobody is ever pinged: not users, roles, @everyone, nor the author replied to. */
export const NO_MENTIONS = Object.freeze({ parse: [] as [], repliedUser: false });

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface OutgoingMessage {
  content?: string;
  embeds: APIEmbed[];
  components: ButtonRow[];
  allowedMentions: typeof NO_MENTIONS;
}

const COLOR = { answer: 0x2b6cb0, abstained: 0x718096, passage: 0x4a5568, info: 0x2f855a, reviewed: 0x38a169, report: 0xc05621 };

// ---------------------------------------------------------------------------------------------------------------
// Escaping

const ZWSP = '\u200b';

/**
 * Text from users (and the corpus) shown as typed: Markdown, mentions and masked links are
 * neutralised. Exactly invertible with `unescapeText`, so a shown quote can be checked against its source.
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\*_~`|]/g, '\\$&')
    .replace(/\[([^[\]\n]*)\]\(/g, '\\[$1\\]\\(')
    .replace(/^([ \t]*)([#>+-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)\./gm, '$1\\.')
    .replace(/<(?=[@#][!&]?\d|@)/g, `<${ZWSP}`)
    .replace(/@(?=everyone\b|here\b)/g, `@${ZWSP}`);
}

/** The inverse of `escapeText`. */
export function unescapeText(text: string): string {
  return text
    .replace(/<\u200b/g, '<')
    .replace(/@\u200b/g, '@')
    .replace(/\\([\s\S])/g, '$1');
}

/** Cut text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s+\S*$/);
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${safeEnd(cut).trimEnd()}…`;
}

/** Escape a raw text and cut it to `max` escaped characters without splitting an escape. */
export function escapedPrefix(raw: string, max: number): { shown: string; cut: boolean } {
  const full = escapeText(raw);
  if (full.length <= max) return { shown: full, cut: false };
  let lo = 0;
  let hi = raw.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (escapeText(raw.slice(0, mid)).length + 1 <= max) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  const space = raw.slice(0, end).search(/\s+\S*$/);
  if (space > end * 0.6) end = space;
  return { shown: `${escapeText(safeEnd(raw.slice(0, end)).trimEnd())}…`, cut: true };
}

/** Drop a dangling backslash or half of a surrogate pair at the end of a cut. */
function safeEnd(text: string): string {
  let out = text;
  if (/[\ud800-\udbff]$/.test(out)) out = out.slice(0, -1);
  const trailing = /\\+$/.exec(out)?.[0].length ?? 0;
  if (trailing % 2 === 1) out = out.slice(0, -1);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting long answers

const MARKER = /^\[\d+\]/;
// A sentence ends with . ! ? or … (closing quotes/brackets allowed), optionally followed by its citation markers.
const SENTENCE_END = /[.!?…]["”’')\]]*(?:\s*\[\d+\])*$/;

/**
 * Split an answer into parts of at most `max` characters once escaped, at sentence boundaries,
 * never between a sentence and its [n] markers nor inside one. A sentence longer than `max`
 * alone is cut at a space outside any marker.
 */
export function splitAnswer(text: string, max: number): string[] {
  // units: [text, separator before it]
  const units: { text: string; sep: string }[] = [];
  const re = /\s+/g;
  let start = 0;
  let sep = '';
  for (const m of text.matchAll(re)) {
    const before = text.slice(start, m.index);
    const after = text.slice(m.index! + m[0].length);
    if (before && SENTENCE_END.test(before) && !MARKER.test(after)) {
      units.push({ text: before, sep });
      sep = m[0];
      start = m.index! + m[0].length;
    }
  }
  if (start < text.length) units.push({ text: text.slice(start), sep });

  const parts: string[] = [];
  let current = '';
  for (const unit of units) {
    for (const piece of cutLong(escapeText(unit.text), max)) {
      const joined = current ? `${current}${unit.sep.includes('\n') ? unit.sep.replace(/[^\n]/g, '') : ' '}${piece}` : piece;
      if (joined.length <= max) current = joined;
      else {
        if (current) parts.push(current);
        current = piece;
      }
    }
  }
  if (current) parts.push(current);
  return parts.length ? parts : [''];
}

/** Cut an escaped text longer than `max` at spaces not followed by a marker (hard cut as a last resort). */
function cutLong(escaped: string, max: number): string[] {
  const out: string[] = [];
  let rest = escaped;
  while (rest.length > max) {
    let cut = -1;
    for (const m of rest.slice(0, max + 1).matchAll(/\s+/g)) {
      if (m.index! > 0 && !MARKER.test(rest.slice(m.index! + m[0].length))) cut = m.index!;
    }
    if (cut <= 0) {
      const hard = safeEnd(rest.slice(0, max));
      out.push(hard);
      rest = rest.slice(hard.length);
      continue;
    }
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes

/** Characters of an embed that count towards the 6,000 of a message. */
export function embedLength(embed: APIEmbed): number {
  let n = (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const f of embed.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** What in a message breaks Discord's limits (empty when it is fine); used by tests and before sending. */
export function messageViolations(message: Pick<OutgoingMessage, 'content' | 'embeds' | 'components'>, limits: Limits = LIMITS): string[] {
  const v: string[] = [];
  if ((message.content?.length ?? 0) > limits.content) v.push(`content ${message.content!.length} > ${limits.content}`);
  if (message.embeds.length > limits.embeds) v.push(`${message.embeds.length} embeds > ${limits.embeds}`);
  let total = 0;
  message.embeds.forEach((e, i) => {
    total += embedLength(e);
    if ((e.title?.length ?? 0) > limits.title) v.push(`embed ${i} title ${e.title!.length}`);
    if ((e.description?.length ?? 0) > limits.description) v.push(`embed ${i} description ${e.description!.length}`);
    if ((e.footer?.text.length ?? 0) > limits.footer) v.push(`embed ${i} footer`);
    if ((e.fields?.length ?? 0) > limits.fields) v.push(`embed ${i} has ${e.fields!.length} fields`);
    e.fields?.forEach((f, j) => {
      if (!f.name || !f.value) v.push(`embed ${i} field ${j} empty`);
      if (f.name.length > limits.fieldName) v.push(`embed ${i} field ${j} name ${f.name.length}`);
      if (f.value.length > limits.fieldValue) v.push(`embed ${i} field ${j} value ${f.value.length}`);
    });
  });
  if (total > limits.total) v.push(`embeds total ${total} > ${limits.total}`);
  if (!message.content && !message.embeds.length && !message.components.length) v.push('empty message');
  if (message.components.length > limits.rows) v.push(`${message.components.length} rows`);
  for (const row of message.components) {
    if (row.components.length > limits.buttonsPerRow) v.push(`row of ${row.components.length}`);
    for (const b of row.components) if (b.custom_id.length > 100) v.push(`custom id ${b.custom_id.length}`);
  }
  return v;
}

/** Pack embeds into as few messages as the limits allow (each embed must fit a message alone). */
function packEmbeds(embeds: APIEmbed[], limits: Limits): APIEmbed[][] {
  const messages: APIEmbed[][] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const n = embedLength(embed);
    if (current.length && (current.length >= limits.embeds || size + n > limits.total)) {
      messages.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += n;
  }
  if (current.length) messages.push(current);
  return messages;
}

/** Add fields to the last embed while it stays within limits, opening new embeds as needed. */
function addFields(embeds: APIEmbed[], fields: APIEmbedField[], limits: Limits, continuation: () => APIEmbed): void {
  for (const field of fields) {
    let last = embeds[embeds.length - 1];
    const n = field.name.length + field.value.length;
    if (!last || (last.fields?.length ?? 0) >= limits.fields || embedLength(last) + n > limits.total) {
      last = continuation();
      embeds.push(last);
    }
    (last.fields ??= []).push(field);
  }
}

function message(embeds: APIEmbed[], components: ButtonRow[] = [], content?: string): OutgoingMessage {
  return { ...(content !== undefined ? { content } : {}), embeds, components, allowedMentions: NO_MENTIONS };
}

// ---------------------------------------------------------------------------------------------------------------
// Answers

export interface RenderableAnswer {
  /** the stored answer's id, carried by the buttons */
  id: string;
  answer: Answer;
  /** shown as the title (a slash command's question is not otherwise visible) */
  question?: string;
  /** how a follow-up was read, when not as asked */
  readAs?: Reading;
}

export interface AnswerRenderOptions {
  votes?: { up: number; down: number };
  limits?: Partial<Limits>;
}

export const ABSTAINED_TEXT = 'The corpus does not cover this question, so there is no answer to cite.';

/** The reply to a message that asks nothing ("hello", "thanks!"), with where to find examples. */
export const NOT_A_QUESTION_HINT = `${NOT_A_QUESTION_MESSAGE} Ask about the documents, or see /help for examples.`;

/** The engine found no question in the message ("hi", chatter, orders to the bot): there is nothing to cite and no passage is near. */
export function isNotAQuestion(answer: Answer): boolean {
  return answer.abstained && answer.answer === NOT_A_QUESTION_MESSAGE;
}

/**
 * An answer as one or more messages: the answer with its [n] markers, then the numbered sources
 * (verbatim quote, document, section, paragraph, passage id); buttons on the last message.
 */
export function renderAnswer(item: RenderableAnswer, options: AnswerRenderOptions = {}): OutgoingMessage[] {
  const limits = { ...LIMITS, ...options.limits };
  const { answer } = item;
  const abstained = answer.abstained;
  const title = item.question ? truncate(escapeText(readableText(item.question)), limits.title) : undefined;
  if (isNotAQuestion(answer)) return [message([{ ...(title ? { title } : {}), description: escapeText(answer.answer), color: COLOR.abstained }])];
  const review = reviewOf(answer);
  const nearest = answer.citations.length ? [] : answer.passages.slice(0, 5);
  // the footer says how the answer was made, and nothing was quoted when it abstained
  const made = review
    ? `Reviewed by moderator ${oneLine(review.moderatorName)}`
    : abstained
      ? `No answer was composed${nearest.length ? '; the nearest passages are ranked by relevance' : ''}`
      : answer.mode === 'llm'
        ? 'Written by the language model from the passages'
        : 'Offline answer: sentences quoted from the corpus';
  const footer = { text: truncate(`${made} · answer ${item.id}`, limits.footer) };

  let lead = '';
  if (review) lead += `**✅ Moderator-reviewed answer** — ${review.kind === 'corrected' ? 'corrected' : 'approved'} by ${escapeText(truncate(oneLine(review.moderatorName), 64))}\n\n`;
  if (answer.notice) lead += `*${escapeText(truncate(oneLine(answer.notice), 400))}*\n\n`;
  if (item.readAs) lead += `*${readingLine(item.readAs)}*\n\n`;
  let parts: string[];
  if (abstained) {
    const plain = answer.answer === ABSTAIN_MESSAGE || !answer.answer.trim();
    const more = !nearest.length ? '' : plain ? ' The nearest passages are below; they may still help.' : '\n\nThe nearest passages are below.';
    parts = [escapeText(`${plain ? ABSTAINED_TEXT : truncate(answer.answer, 1500)}${more}`)];
  } else parts = splitAnswer(answer.answer, limits.description - lead.length);
  const embeds: APIEmbed[] = parts.map((part, i) => ({
    ...(i === 0 && title ? { title } : {}),
    description: i === 0 ? `${lead}${part}` : part,
    color: review ? COLOR.reviewed : abstained ? COLOR.abstained : COLOR.answer,
  }));
  // A part alone fits the description limit, but title + description + footer must also fit one message.
  for (const e of embeds) if (embedLength(e) > limits.total) e.description = truncate(e.description!, limits.total - (e.title?.length ?? 0));

  const fields = nearest.length ? nearestFields(nearest, limits) : answer.citations.map((c) => citationField(c, limits));
  addFields(embeds, fields, limits, () => ({ title: abstained ? 'Nearest passages (continued)' : 'Sources (continued)', color: abstained ? COLOR.abstained : COLOR.answer }));
  // the footer goes on the last embed, in a message with room for it
  const last = embeds[embeds.length - 1]!;
  if (embedLength(last) + footer.text.length <= limits.total) last.footer = footer;
  else embeds.push({ footer, color: last.color });

  const messages = packEmbeds(embeds, limits).map((group) => message(group));
  messages[messages.length - 1]!.components = answerButtons(item, options.votes ?? { up: 0, down: 0 }, limits);
  return messages;
}

/** The reading line as it stands in an answer's description (with what precedes it: `$1`), to take it out again. */
export const READING_LINE = /(^|\n)\*(?:Read as: |Read with the previous question: )[^\n]*\*\n\n/;

/** A model's rewrite is a question in its own right; an offline reading is said by the question it leans on. */
function readingLine(reading: Reading): string {
  if (reading.kind === 'rewritten') return `Read as: ${escapeText(truncate(oneLine(reading.question), 300))}`;
  return `Read with the previous question: “${escapeText(truncate(oneLine(reading.previous), 300))}”`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Names for the mentions in a text, where the caller knows them. */
export interface MentionNames {
  user?(id: string): string | undefined;
  role?(id: string): string | undefined;
  channel?(id: string): string | undefined;
}

/**
 * Discord markup as a reader would see it, on one line, for places that show text raw (embed
 * titles, thread names): mentions as @name or #name (@someone, @role, #channel when the name is not
 * known), custom emoji as :name:, command mentions as /name, timestamps as dates, spoilers hidden.
 */
export function readableText(text: string, names: MentionNames = {}): string {
  return oneLine(
    text
      .replace(/\|\|[\s\S]*?\|\|/g, '(spoiler)')
      .replace(/<@!?(\d+)>/g, (_, id: string) => `@${names.user?.(id) ?? 'someone'}`)
      .replace(/<@&(\d+)>/g, (_, id: string) => `@${names.role?.(id) ?? 'role'}`)
      .replace(/<#(\d+)>/g, (_, id: string) => `#${names.channel?.(id) ?? 'channel'}`)
      .replace(/<a?:(\w+):\d+>/g, ':$1:')
      .replace(/<\/([\w -]+):\d+>/g, '/$1')
      .replace(/<t:(-?\d{1,12})(?::[tTdDfFR])?>/g, (_, s: string) => new Date(Number(s) * 1000).toISOString().slice(0, 10)),
  );
}

function citationField(c: Citation, limits: Limits): APIEmbedField {
  const name = truncate(`[${c.n}] ${escapeText(c.title)}`, limits.fieldName);
  const where = [c.section, paragraphLabel(c.paragraph)].filter(Boolean).join(', ');
  const meta = `${where ? `${escapeText(where)} · ` : ''}${code(c.passageId)}`;
  const room = limits.fieldValue - meta.length - 3; // “ ” and the newline
  const { shown } = escapedPrefix(c.text, Math.max(20, room));
  return { name, value: `“${shown}”\n${meta}` };
}

function nearestFields(passages: PassageOut[], limits: Limits): APIEmbedField[] {
  return passages.map((p, i) => {
    const name = truncate(`${i + 1}. ${escapeText(`${p.title}${p.section ? ` — ${p.section}` : ''}`)}, ${paragraphLabel(p.paragraph)}`, limits.fieldName);
    const meta = code(p.id);
    const { shown } = escapedPrefix(p.text, Math.min(300, limits.fieldValue - meta.length - 1));
    return { name, value: `${shown}\n${meta}` };
  });
}

/** A paragraph as shown: "paragraph 4", or the dateline and title before the first paragraph (paragraph 0, `doc#meta`). */
function paragraphLabel(paragraph: number): string {
  return paragraph ? `paragraph ${paragraph}` : 'dateline and title';
}

/** An id in inline code (no escaping inside code; a backtick would end it). */
function code(id: string): string {
  return `\`${id.replace(/`/g, "'")}\``;
}

/** The buttons of an answer: a Passage button per citation (or nearest passage), then 👍 👎 and Report. */
export function answerButtons(item: Pick<RenderableAnswer, 'id' | 'answer'>, votes: { up: number; down: number }, limits: Limits = LIMITS): ButtonRow[] {
  const { answer } = item;
  const numbers = answer.citations.length ? [...new Set(answer.citations.map((c) => c.n))] : answer.passages.slice(0, 5).map((_, i) => i + 1);
  const passageButtons = numbers
    .slice(0, (limits.rows - 1) * limits.buttonsPerRow)
    .map((n) => button(encodeCustomId({ kind: 'passage', answerId: item.id, n }), `Passage ${n}`, ButtonStyle.Secondary))
    .filter((b): b is APIButtonComponentWithCustomId => Boolean(b));
  const rows: ButtonRow[] = [];
  for (let i = 0; i < passageButtons.length; i += limits.buttonsPerRow) rows.push(row(passageButtons.slice(i, i + limits.buttonsPerRow)));
  const feedback = [
    button(encodeCustomId({ kind: 'vote', answerId: item.id, vote: 1 }), String(votes.up), ButtonStyle.Secondary, '👍'),
    button(encodeCustomId({ kind: 'vote', answerId: item.id, vote: -1 }), String(votes.down), ButtonStyle.Secondary, '👎'),
    button(encodeCustomId({ kind: 'report', answerId: item.id }), 'Report', ButtonStyle.Danger),
  ].filter((b): b is APIButtonComponentWithCustomId => Boolean(b));
  rows.push(row(feedback));
  return rows;
}

function button(customId: string | undefined, label: string, style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger, emoji?: string): APIButtonComponentWithCustomId | undefined {
  if (!customId) return undefined;
  return { type: ComponentType.Button, custom_id: customId, label: truncate(label, LIMITS.buttonLabel), style, ...(emoji ? { emoji: { name: emoji } } : {}) };
}

function row(components: APIButtonComponentWithCustomId[]): ButtonRow {
  return { type: ComponentType.ActionRow, components };
}

// ---------------------------------------------------------------------------------------------------------------
// Passages

export interface PassageView {
  id: string;
  title: string;
  section: string;
  paragraph: number;
  /** the passage text */
  text: string;
  previous?: { id: string; text: string };
  next?: { id: string; text: string };
}

/**
 * One passage with its neighbours for context; the quoted words (offsets within `text`) in bold.
 * Previous/Next buttons open the neighbours.
 */
export function renderPassage(view: PassageView, options: { heading?: string; emphasis?: { start: number; end: number }; note?: string } = {}): OutgoingMessage {
  const limits = LIMITS;
  const NEIGHBOUR = 400;
  let main: string;
  const em = options.emphasis;
  if (em && em.start >= 0 && em.end <= view.text.length && em.end > em.start) {
    main = escapeText(view.text.slice(0, em.start)) + bold(view.text.slice(em.start, em.end)) + escapeText(view.text.slice(em.end));
  } else {
    main = escapeText(view.text);
  }
  if (main.length > limits.description - 2 * (NEIGHBOUR + 10) - 200) main = truncate(main, limits.description - 2 * (NEIGHBOUR + 10) - 200);
  const before = view.previous ? `*${leadIn(view.previous.text, NEIGHBOUR)}*\n\n` : '';
  const after = view.next ? `\n\n*${leadOut(view.next.text, NEIGHBOUR)}*` : '';
  const note = options.note ? `\n\n*${escapeText(options.note)}*` : '';
  const embed: APIEmbed = {
    title: truncate(escapeText(options.heading ?? view.title), limits.title),
    description: `${before}${main}${after}${note}`,
    color: COLOR.passage,
    fields: [
      { name: 'Document', value: truncate(escapeText(view.title), limits.fieldValue), inline: true },
      // the dateline and title (paragraph 0) stand before the opening section
      ...(view.paragraph
        ? [
            { name: 'Section', value: truncate(escapeText(sectionLabel(view.section)), limits.fieldValue), inline: true },
            { name: 'Paragraph', value: String(view.paragraph), inline: true },
          ]
        : [{ name: 'Part', value: paragraphLabel(0), inline: true }]),
      { name: 'Passage id', value: code(view.id), inline: false },
    ],
  };
  const nav = [
    view.previous && button(encodeCustomId({ kind: 'show', passageId: view.previous.id }), '◀ Previous passage', ButtonStyle.Secondary),
    view.next && button(encodeCustomId({ kind: 'show', passageId: view.next.id }), 'Next passage ▶', ButtonStyle.Secondary),
  ].filter((b): b is APIButtonComponentWithCustomId => Boolean(b));
  return message([embed], nav.length ? [row(nav)] : []);
}

/** Bold across paragraph breaks: Discord does not carry ** over a blank line. */
function bold(raw: string): string {
  return raw
    .split(/(\n+)/)
    .map((piece) => (piece.trim() && !/^\n+$/.test(piece) ? `**${escapeText(piece)}**` : piece))
    .join('');
}

/** The end of the previous passage, leading in: whole when short, else from a sentence start (or a word, marked …). */
function leadIn(raw: string, max: number): string {
  if (raw.length <= max) return escapeText(raw);
  let tail = raw.slice(raw.length - max);
  const sentence = /[.!?…]["”’')\]]*\s+(?=\S)/.exec(tail);
  if (sentence && sentence.index < max * 0.6) return escapeText(tail.slice(sentence.index + sentence[0].length));
  const space = tail.search(/\s/);
  if (space >= 0 && space < max * 0.4) tail = tail.slice(space + 1);
  if (/^[\udc00-\udfff]/.test(tail)) tail = tail.slice(1);
  return `…${escapeText(tail)}`;
}

/** The start of the next passage, leading out: whole when short, else to a sentence end (or a word, marked …). */
function leadOut(raw: string, max: number): string {
  const { shown, cut } = escapedPrefix(raw, max);
  if (!cut) return shown;
  const kept = unescapeText(shown.slice(0, -1));
  const last = [...kept.matchAll(/[.!?…]["”’')\]]*(?=\s|$)/g)].at(-1);
  if (last && last.index + last[0].length > kept.length * 0.6) return escapeText(kept.slice(0, last.index + last[0].length));
  return shown;
}

// ---------------------------------------------------------------------------------------------------------------
// Search, about, help, notices

/** The top passages for a query, no synthesis; a button per passage opens it. */
export function renderSearch(query: string, passages: PassageOut[]): OutgoingMessage {
  const limits = LIMITS;
  if (!passages.length) return message([{ title: truncate(`No passages for: ${escapeText(oneLine(query))}`, limits.title), description: 'Nothing in the corpus matches that. Try other words, or /help for examples.', color: COLOR.abstained }]);
  const fields = passages.slice(0, 10).map((p, i) => {
    const meta = code(p.id);
    return {
      name: truncate(`${i + 1}. ${escapeText(`${p.title}${p.section ? ` — ${p.section}` : ''}`)}, ${paragraphLabel(p.paragraph)}`, limits.fieldName),
      value: `${escapedPrefix(p.text, 450).shown}\n${meta}`,
    };
  });
  const buttons = passages
    .slice(0, 10)
    .map((p, i) => button(encodeCustomId({ kind: 'show', passageId: p.id }), `Passage ${i + 1}`, ButtonStyle.Secondary))
    .filter((b): b is APIButtonComponentWithCustomId => Boolean(b));
  const rows: ButtonRow[] = [];
  for (let i = 0; i < buttons.length; i += limits.buttonsPerRow) rows.push(row(buttons.slice(i, i + limits.buttonsPerRow)));
  return message([{ title: truncate(`Top passages for: ${escapeText(oneLine(query))}`, limits.title), color: COLOR.passage, fields, footer: { text: 'Passages ranked by relevance; no answer was composed.' } }], rows);
}

export interface AboutView {
  documents: { id: string; title: string; authors: string[]; date?: string; publication?: string; passages: number }[];
  passages: number;
  sections: string[];
  /** how answers are written where asked (a server may turn the language model off) */
  mode: 'extractive' | 'llm';
  /** the titles of the documents the channel is limited to, when it is */
  channelDocuments?: string[];
  version: string;
}

export function renderAbout(about: AboutView): OutgoingMessage {
  const limits = LIMITS;
  const lines: string[] = [];
  let shown = 0;
  for (const d of about.documents) {
    const bits = [d.authors.length ? `by ${d.authors.join(', ')}` : '', d.publication ?? '', d.date ?? '', `${d.passages} passages`].filter(Boolean);
    const line = `**${escapeText(d.title)}** — ${escapeText(bits.join(' · '))}`;
    if (lines.join('\n').length + line.length + 40 > limits.description - 200) break;
    lines.push(line);
    shown++;
  }
  if (shown < about.documents.length) lines.push(`…and ${about.documents.length - shown} more documents.`);
  return message([
    {
      title: 'About Footnote',
      description: `Footnote answers questions about these documents and cites the passages it rests on.\n\n${lines.join('\n')}`,
      color: COLOR.info,
      fields: [
        { name: 'Documents', value: String(about.documents.length), inline: true },
        { name: 'Passages', value: String(about.passages), inline: true },
        { name: 'Answering', value: about.mode === 'llm' ? 'Language model, grounded in cited passages' : 'Offline: sentences quoted from the corpus', inline: true },
        ...(about.channelDocuments?.length ? [{ name: 'In this channel', value: truncate(`only ${escapeText(about.channelDocuments.join(' · '))}`, limits.fieldValue) }] : []),
        ...(about.sections.length ? [{ name: 'Sections', value: truncate(escapeText(about.sections.join(' · ')), limits.fieldValue) }] : []),
        { name: 'Version', value: about.version, inline: true },
      ],
    },
  ]);
}

export interface HelpView {
  /** questions to try */
  examples: string[];
  /** every registered command (CommandRegistry.helpEntries) */
  commands: HelpEntry[];
  /** answers to messages open a thread */
  threads: boolean;
  /** there are channels where every message is a question */
  questionChannels: boolean;
  /** false: the Message Content intent is off, so messages that do not mention me arrive without their words */
  messageContent?: boolean;
}

/** /help: every registered command in its part, how else to ask, and questions to try. */
export function renderHelp(view: HelpView): OutgoingMessage {
  // the commands' own words (their descriptions), shown as Markdown
  const lines = (group: HelpGroup) => view.commands.filter((c) => c.group === group).map((c) => `**/${c.name}**${c.usage ? ` ${c.usage}` : ''} — ${c.text}`);
  const asking = [
    ...lines('asking'),
    'Or mention me with a question, or send me a direct message.',
    ...(view.questionChannels ? [view.messageContent !== false ? 'In the question channels, just write your question.' : 'In the question channels, mention me with your question.'] : []),
    ...(view.threads ? [view.messageContent !== false ? 'Answers to messages open a thread: ask follow-ups there without mentioning me.' : 'Answers to messages open a thread: mention me there to ask a follow-up.'] : []),
  ];
  const study = lines('study');
  const moderation = [
    ...lines('your-data'),
    ...lines('moderation'),
    'Moderation commands are for members with Manage Server or a moderator role; reports arrive in the mod-log channel with **Approve**, **Correct** and **Hide**.',
  ];
  const list = view.examples.slice(0, 8).map((q) => `• ${escapeText(q)}`);
  return message([
    {
      title: 'How to ask Footnote',
      description: truncate(
        `${asking.join('\n')}\n\nEvery answer quotes the passages it rests on: press **Passage n** to read one in context, 👍 or 👎 to say whether it helped, **Report** if something is wrong. When the documents do not cover a question, I say so and show the nearest passages.`,
        LIMITS.description,
      ),
      color: COLOR.info,
      fields: [
        ...(list.length ? [{ name: 'Try', value: truncate(list.join('\n'), LIMITS.fieldValue) }] : []),
        ...(study.length ? [{ name: 'Quizzes and study', value: truncate(study.join('\n'), LIMITS.fieldValue) }] : []),
        { name: 'Your data and moderation', value: truncate(moderation.join('\n'), LIMITS.fieldValue) },
      ],
    },
  ]);
}

/** A short message (errors, acknowledgements): plain content within 2,000 characters. */
export function renderNotice(text: string): OutgoingMessage {
  return message([], [], truncate(text, LIMITS.content));
}

// ---------------------------------------------------------------------------------------------------------------
// Moderation

/** A reported answer as the moderators see it in the mod-log channel. */
export interface ReportView {
  reportId: number;
  answerId: string;
  guildId: string | null;
  channelId: string | null;
  messageId: string | null;
  question: string;
  answer: string;
  abstained: boolean;
  citations: { n: number; text: string; passageId: string }[];
  reporterId: string;
  reason: string | null;
  /** what moderators did so far, oldest first */
  actions: { action: string; by: string; at: number; note?: string }[];
  /** the answer was decided: the card keeps no buttons */
  decided: boolean;
}

const ACTION_WORDS: Record<string, string> = { approve: '✅ Approved', correct: '✏️ Corrected', hide: '🗑️ Hidden' };

/** A report for the mod-log channel: question, answer, sources, reporter and reason, with Approve, Correct and Hide until decided. */
export function renderReport(view: ReportView): OutgoingMessage {
  const limits = LIMITS;
  const answerText = view.abstained ? `*(no answer: the corpus did not cover it)* ${view.answer}` : view.answer;
  // question 600 + answer 1800 + sources, reason and review (at most 1024, 700, 1024) + the rest stay under 6,000
  const description = `**Question**\n${truncate(escapeText(oneLine(view.question)), 600)}\n\n**Answer**\n${truncate(escapeText(answerText), 1800)}`;
  const sources = view.citations.map((c) => `[${c.n}] “${escapedPrefix(c.text, 160).shown}” ${code(c.passageId)}`);
  const where = view.channelId ? `<#${view.channelId}>${view.guildId && view.messageId ? ` · [the answer](https://discord.com/channels/${view.guildId}/${view.channelId}/${view.messageId})` : ''}` : 'direct messages';
  const review = view.actions.length
    ? view.actions.map((a) => `${ACTION_WORDS[a.action] ?? a.action} by ${escapeText(oneLine(a.by))} <t:${Math.floor(a.at / 1000)}:R>${a.note ? ` — ${escapeText(a.note)}` : ''}`).join('\n')
    : 'Waiting for a moderator.';
  const embed: APIEmbed = {
    title: `Report #${view.reportId}: an answer was reported`,
    description,
    color: view.actions.length ? COLOR.reviewed : COLOR.report,
    fields: [
      { name: 'Sources', value: truncate(sources.join('\n') || '(none)', limits.fieldValue) },
      { name: 'Reported by', value: `<@${view.reporterId}>`, inline: true },
      { name: 'Where', value: truncate(where, limits.fieldValue), inline: true },
      { name: 'Reason', value: truncate(escapeText(view.reason?.trim() || '(none given)'), 700) },
      { name: 'Review', value: truncate(review, limits.fieldValue) },
    ],
    footer: { text: `report ${view.reportId} · answer ${view.answerId}` },
  };
  if (view.decided) return message([embed], []);
  const buttons = [
    button(encodeCustomId({ kind: 'review', action: 'approve', reportId: view.reportId }), 'Approve', ButtonStyle.Success),
    button(encodeCustomId({ kind: 'review', action: 'correct', reportId: view.reportId }), 'Correct', ButtonStyle.Primary),
    button(encodeCustomId({ kind: 'review', action: 'hide', reportId: view.reportId }), 'Hide', ButtonStyle.Danger),
  ].filter((b): b is APIButtonComponentWithCustomId => Boolean(b));
  return message([embed], [row(buttons)]);
}

export interface SettingsView {
  settings: GuildSettings;
  /** the reply style is the operator's default, not chosen by the server */
  replyStyleDefault: boolean;
  /** FOOTNOTE_QUESTION_CHANNELS */
  envQuestionChannels: string[];
  /** the Message Content intent is on (plain messages can be read) */
  messageContent: boolean;
  /** a language model is configured for the bot */
  modelConfigured: boolean;
  documents: { id: string; title: string }[];
  blocked: number;
  /** what is wrong with a configured channel or role, by id: deleted since, or a permission the bot lacks there */
  problems?: Record<string, string>;
  /** open reports whose review card is not in the mod-log channel yet */
  waitingReports?: number;
}

/** /config show: every setting of the server. */
export function renderSettings(view: SettingsView): OutgoingMessage {
  const s = view.settings;
  const limits = LIMITS;
  const flag = (id: string) => (view.problems?.[id] ? ` (⚠️ ${view.problems[id]})` : '');
  const channels = (ids: string[]) => ids.map((id) => `<#${id}>${flag(id)}`).join(', ');
  const roles = (ids: string[]) => ids.map((id) => `<@&${id}>${flag(id)}`).join(', ');
  const waiting = view.waitingReports
    ? `\n${plural(view.waitingReports, 'report')} waiting for a review card: ${s.modLogChannelId && !view.problems?.[s.modLogChannelId] ? 'posted with the next report, or set the channel again' : 'posted once a channel I can post in is set'} (/config modlog)`
    : '';
  const docTitle = (id: string) => view.documents.find((d) => d.id === id)?.title;
  const questionChannels = [
    s.questionChannelIds.length ? channels(s.questionChannelIds) : 'none set here',
    view.envQuestionChannels.length ? `also from FOOTNOTE_QUESTION_CHANNELS: ${channels(view.envQuestionChannels)}` : '',
    (s.questionChannelIds.length || view.envQuestionChannels.length) && !view.messageContent ? '⚠️ the Message Content intent is off, so only messages that mention me are answered' : '',
  ].filter(Boolean);
  const scoped = Object.entries(s.channelDocuments).filter(([, ids]) => ids.length);
  // lists are cut so that the whole embed stays under 6,000 characters however many channels and roles
  const field = (name: string, value: string, inline = true, max = 300): APIEmbedField => ({ name, value: truncate(value || '—', Math.min(max, limits.fieldValue)), inline });
  const styles = { inline: 'inline (a reply under the question)', thread: 'thread (a reply, with a thread for follow-ups)', ephemeral: 'ephemeral where possible (/ask answers only the asker; messages get inline replies)' };
  return message([
    {
      title: 'Footnote settings for this server',
      color: COLOR.info,
      fields: [
        field('Question channels', questionChannels.join('\n'), false, 900),
        field('Reply style', `${styles[s.replyStyle]}${view.replyStyleDefault ? ' — the default' : ''}`, false),
        field('Who may ask', s.allowedRoleIds.length ? `members with ${roles(s.allowedRoleIds)} (and moderators)` : 'everyone'),
        field('Moderators', `Manage Server${s.moderatorRoleIds.length ? `, and ${roles(s.moderatorRoleIds)}` : ''}`),
        field('Blocked members', String(view.blocked)),
        field('Member cooldown', s.memberCooldownSeconds ? `${s.memberCooldownSeconds} s between questions` : 'off'),
        field('Questions per minute', s.questionsPerMinute ? `${s.questionsPerMinute} (more wait in a queue)` : 'no limit'),
        field('Mod-log channel', `${s.modLogChannelId ? channels([s.modLogChannelId]) : 'none (reports are kept for /modlog export)'}${waiting}`),
        field('Language model', `${s.llmEnabled ? 'on' : 'off: offline answers only'}${view.modelConfigured ? '' : ' (no model is configured, so answers are offline anyway)'}`),
        field('Retention', s.retentionDays ? `questions, answers and votes kept ${plural(s.retentionDays, 'day')}` : 'kept until deleted (/forget-me)'),
        field(
          'Channel documents',
          scoped.length ? scoped.map(([ch, ids]) => `${channels([ch])}: ${ids.map((id) => escapeText(docTitle(id) ?? id)).join(', ')}`).join('\n') : 'every channel draws on all documents',
          false,
          1024,
        ),
        field('Last changed', s.updatedBy ? `by <@${s.updatedBy}> <t:${Math.floor(s.updatedAt / 1000)}:R>` : 'never (all defaults)', false),
      ],
    },
  ]);
}
