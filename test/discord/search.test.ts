/**
 * /search with the real bot and engine against the local fake Discord: the engine's judgement of the
 * query and the passages listed come from one retrieval, and the reply is what the engine ranks.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { renderSearch } from '../../src/discord/render.js';
import type { FakeDiscord } from '../helpers/fake-discord.js';
import { startTestBot, type TestBot } from '../helpers/test-bot.js';

let session: TestBot;
let fake: FakeDiscord;

before(async () => {
  session = await startTestBot();
  ({ fake } = session);
});

after(async () => {
  await session?.stop();
});

/** Run /search while counting the engine's retrievals; the reply as posted, and how many there were. */
async function search(query: string): Promise<{ reply: any; retrievals: number }> {
  const retriever = session.engine.retriever;
  const original = retriever.search;
  let retrievals = 0;
  retriever.search = (...args) => {
    retrievals++;
    return original.apply(retriever, args);
  };
  try {
    const reply = await fake.interact({ type: 'command', name: 'search', options: { query } }).final();
    return { reply, retrievals };
  } finally {
    retriever.search = original;
  }
}

/** What the reply shows a member: titles, fields, footers and buttons. */
function shown(message: any): unknown {
  return {
    embeds: message.embeds.map((e: any) => ({ title: e.title, description: e.description, fields: e.fields, footer: e.footer?.text })),
    buttons: (message.components ?? []).flatMap((r: any) => r.components.map((c: any) => [c.label, c.custom_id])),
  };
}

test('one /search retrieves once, and lists the passages the engine ranks for the query', async () => {
  const query = 'Larijani Valdai Club';
  const expected = renderSearch(query, await session.engine.search(query, { k: session.config.topK }));
  const { reply, retrievals } = await search(query);
  assert.equal(retrievals, 1);
  assert.match(reply.embeds[0].title, /^Top passages for: Larijani Valdai Club/);
  assert.deepEqual(shown(reply), shown(JSON.parse(JSON.stringify(expected))));
});

test('a /search the corpus does not cover retrieves once too, and says no passage matches', async () => {
  const { reply, retrievals } = await search('What is the capital of Peru?');
  assert.equal(retrievals, 1);
  assert.match(reply.embeds[0].title, /^No passages for: What is the capital of Peru\?/);
});

test('searches in a row each retrieve once: nothing is remembered from one to the next', async () => {
  for (const query of ['Syria', 'Russian military intervention in Syria', 'Syria']) {
    const expected = renderSearch(query, await session.engine.search(query, { k: session.config.topK }));
    const { reply, retrievals } = await search(query);
    assert.equal(retrievals, 1, query);
    assert.deepEqual(shown(reply), shown(JSON.parse(JSON.stringify(expected))), query);
  }
});
