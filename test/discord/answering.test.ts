import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Answer } from '../../src/answer/types.js';
import { resolveFollowUp } from '../../src/discord/answering.js';
import type { BotContext } from '../../src/discord/context.js';
import type { AnswerRecord } from '../../src/store/index.js';

const turn = (standalone: string): AnswerRecord => ({
  id: 'a',
  createdAt: 0,
  userId: 'u',
  guildId: null,
  channelId: 'c',
  via: 'mention',
  question: standalone,
  standalone,
  answer: { answer: 'Ali Larijani is the speaker of the Iranian parliament. [1]' } as Answer,
  messageId: null,
  conversationId: 't',
});

function context(engine: { mode: 'extractive' | 'llm'; llm?: { condense?(history: string[], question: string): Promise<string | undefined> } }): BotContext {
  return { engine } as unknown as BotContext;
}

test('offline, a follow-up is resolved by carrying the earlier question’s key terms, and is said to be read with that question', async () => {
  assert.deepEqual(await resolveFollowUp(context({ mode: 'extractive' }), 'what about him?', [turn('Who is Ali Larijani?')]), {
    standalone: 'what about him? Ali Larijani',
    reading: { kind: 'with-previous', previous: 'Who is Ali Larijani?' },
  });
  // a question that stands alone is read as asked
  assert.deepEqual(await resolveFollowUp(context({ mode: 'extractive' }), 'What did Putin say at the Valdai Club about the nuclear program?', [turn('Who is Ali Larijani?')]), {
    standalone: 'What did Putin say at the Valdai Club about the nuclear program?',
    reading: undefined,
  });
});

test('with a model, a follow-up is condensed by the model from the earlier turns', async () => {
  let seen: string[] = [];
  const llm = {
    async condense(history: string[], question: string) {
      seen = [...history, question];
      return 'What did Ali Larijani say at the Valdai Club?';
    },
  };
  assert.deepEqual(await resolveFollowUp(context({ mode: 'llm', llm }), 'what did he say there?', [turn('Who is Ali Larijani?')]), {
    standalone: 'What did Ali Larijani say at the Valdai Club?',
    reading: { kind: 'rewritten', question: 'What did Ali Larijani say at the Valdai Club?' },
  });
  assert.deepEqual(seen, ['Question: Who is Ali Larijani?', 'Answer: Ali Larijani is the speaker of the Iranian parliament. [1]', 'what did he say there?']);
});

test('when the model cannot condense, the offline carry-over stands in', async () => {
  const llm = { condense: async () => undefined };
  assert.deepEqual((await resolveFollowUp(context({ mode: 'llm', llm }), 'what about him?', [turn('Who is Ali Larijani?')])).standalone, 'what about him? Ali Larijani');
});
