/**
 * Passages as the Passage buttons, /passage and /search show them: who may read them, what a typed
 * id means, the passage with its neighbours, and where the quoted words sit in it. Works around the
 * engine for quotes that are not inside an indexed passage (a metadata answer quoting the dateline
 * or the .meta.json file).
 */
import type { Citation } from '../answer/types.js';
import type { Engine } from '../engine.js';
import { FootnoteError } from '../errors.js';
import { splitBlocks } from '../ingest/chunk.js';
import { refuseQuestion } from '../study/moderation.js';
import type { MemberFacts } from '../study/permissions.js';
import type { BotContext } from './context.js';
import type { PassageView } from './render.js';

/**
 * Passages are for members the server lets ask: a blocked member, or one without an allowed role,
 * is refused in /ask's words (a FootnoteError, so it is said privately). Direct messages have no
 * server rules.
 */
export function refuseReader(ctx: BotContext, guildId: string | null, member: MemberFacts): void {
  if (!guildId) return;
  const blocked = ctx.store.moderation.blockOf(guildId, member.userId) !== undefined;
  const refusal = refuseQuestion({ settings: ctx.store.settings.get(guildId), member, blocked, text: '', now: Date.now() });
  if (refusal) throw new FootnoteError('BAD_ARGUMENT', refusal.message);
}

/** A passage by id, with its neighbours. */
export function passageView(engine: Engine, id: string): PassageView | undefined {
  const found = engine.passage(id);
  if (!found) return undefined;
  const { passage, title, previous, next } = found;
  return {
    id: passage.id,
    title,
    section: passage.section,
    paragraph: passage.paragraph,
    text: passage.text,
    previous: previous && { id: previous.id, text: previous.text },
    next: next && { id: next.id, text: next.text },
  };
}

export interface CitationView {
  view: PassageView;
  /** offsets of the quote within `view.text`, when it is still there */
  emphasis?: { start: number; end: number };
  /** said under the passage (e.g. the corpus changed since the answer) */
  note?: string;
}

/** Where a citation's quote sits: in its passage when indexed, else in the block of the file that contains it. */
export function citationView(engine: Engine, c: Citation): CitationView {
  const view = passageView(engine, c.passageId);
  const source = sourceOf(engine, c.file);
  if (view) {
    const chunk = engine.passage(c.passageId)!.passage;
    const doc = engine.documents.get(chunk.docId);
    const sameFile = doc?.file === c.file;
    if (sameFile && c.start >= chunk.start && c.end <= chunk.end && chunk.text.slice(c.start - chunk.start, c.end - chunk.start) === c.text) {
      return { view, emphasis: { start: c.start - chunk.start, end: c.end - chunk.start } };
    }
    // the passage moved or changed since the answer: find the words, else show the stored quote as a note
    const at = view.text.indexOf(c.text);
    if (at >= 0) return { view, emphasis: { start: at, end: at + c.text.length } };
  }
  if (source !== undefined && source.slice(c.start, c.end) === c.text) {
    const block = splitBlocks(source).find((b) => b.start <= c.start && c.end <= b.end) ?? { start: c.start, end: c.end, text: c.text };
    return {
      view: { id: c.passageId, title: c.title, section: c.section, paragraph: c.paragraph, text: block.text },
      emphasis: { start: c.start - block.start, end: c.end - block.start },
      note: `Quoted from ${c.file}, characters ${c.start}–${c.end}.`,
    };
  }
  if (view) return { view, note: `The corpus has changed since this answer, which quoted: “${c.text.length > 300 ? `${c.text.slice(0, 299)}…` : c.text}”` };
  return {
    view: { id: c.passageId, title: c.title, section: c.section, paragraph: c.paragraph, text: c.text },
    emphasis: { start: 0, end: c.text.length },
    note: 'The corpus has changed since this answer; the quote is shown as it was given.',
  };
}

function sourceOf(engine: Engine, file: string): string | undefined {
  for (const d of engine.corpus.documents) {
    if (d.file === file) return d.source;
    if (d.metaSource?.file === file) return d.metaSource.text;
  }
  return undefined;
}
