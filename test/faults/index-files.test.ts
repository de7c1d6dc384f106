/**
 * Index files damaged while Footnote was stopped — deleted, truncated, corrupted, or left half-swapped
 * by a crash — and then the next start: the real process (`node --import tsx src/main.ts`), as the
 * Discord bot against the local fake Discord, and as the console chat (the same start-up path
 * without a token). Every next start must notice, rebuild, and serve correct, verbatim-cited answers.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unescapeText } from '../../src/discord/render.js';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { spawnBot } from '../helpers/bot-process.js';
import { ARTICLE_FILE, CORPUS_DIR, openTestEngine, tempDir } from '../helpers/engine.js';
import { runTs } from '../helpers/cli.js';

const source = readFileSync(join(CORPUS_DIR, ARTICLE_FILE), 'utf8');
const root = tempDir('footnote-index-damage-');
const pristine = join(root.dir, 'pristine');
let fake: FakeDiscord;

before(async () => {
  fake = await startFakeDiscord();
  await openTestEngine({ dataDir: pristine });
});

after(async () => {
  await fake?.close();
  root.cleanup();
});

/** A copy of the built data folder, for one case. */
function copyOfPristine(name: string): string {
  const dir = join(root.dir, name);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

const indexFile = (dataDir: string, file: string) => join(dataDir, 'index', file);

/** Flip bytes in the middle of a file, keeping its size: only the checksum can tell. */
function corrupt(path: string) {
  const bytes = readFileSync(path);
  const mid = Math.floor(bytes.length / 2);
  for (let i = mid; i < Math.min(bytes.length, mid + 64); i++) bytes[i] = bytes[i]! ^ 0xff;
  writeFileSync(path, bytes);
}

const DAMAGE: [string, (dataDir: string) => void, RegExp][] = [
  ['hnswlib.index deleted', (d) => rmSync(indexFile(d, 'hnswlib.index')), /incomplete \(hnswlib\.index is missing\)/],
  ['docstore.json truncated to half', (d) => truncateSync(indexFile(d, 'docstore.json'), Math.floor(statSync(indexFile(d, 'docstore.json')).size / 2)), /corrupt \(docstore\.json does not match its checksum\)/],
  ['hnswlib.index corrupted in place (same size)', (d) => corrupt(indexFile(d, 'hnswlib.index')), /corrupt \(hnswlib\.index does not match its checksum\)/],
  ['manifest.json truncated', (d) => truncateSync(indexFile(d, 'manifest.json'), 40), /manifest is corrupt/],
  ['the index folder deleted', (d) => rmSync(join(d, 'index'), { recursive: true }), /no index yet/],
  [
    'a crash between the two renames of a build (index moved aside, a half-written build left)',
    (d) => {
      renameSync(join(d, 'index'), join(d, 'index.old-4242-1'));
      mkdirSync(join(d, 'index.building-4243-2'));
      writeFileSync(join(d, 'index.building-4243-2', 'hnswlib.index'), 'half');
    },
    /no index yet/,
  ],
];

const QUESTIONS = "What are the two purposes of Russia's air operations in Syria?\nWho wrote the article?\n";

// each case is its own process on its own copy, so they run side by side
describe('index files damaged while Footnote was stopped', { concurrency: 3 }, () => {
for (const [name, damage, reason] of DAMAGE) {
  test(`given ${name} while stopped, the next start rebuilds the index and answers correctly (console chat)`, async () => {
    const dataDir = copyOfPristine(name.replace(/\W+/g, '-'));
    damage(dataDir);
    const run = await runTs('src/main.ts', [], { FOOTNOTE_DATA_DIR: dataDir, FOOTNOTE_CORPUS_DIR: CORPUS_DIR }, QUESTIONS);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /index built \(/, 'rebuilt');
    assert.match(run.stderr, reason);
    assert.match(run.stdout, /both to destroy opposition forces and to provide air support to the Syrian army/);
    assert.match(run.stdout, /written by Ali Alfoneh and Flemming Splidsboel Hansen/);
    // every shown source range is the exact text it claims
    for (const m of run.stdout.matchAll(/\[\d+\] “([^”]+)”\n\s+— .*\(twisted-tehran-moscow-axis\.txt:(\d+)-(\d+)\)/g)) {
      assert.equal(source.slice(Number(m[2]), Number(m[3])), m[1]);
    }
    // and the rebuilt index is whole: a further start loads it without rebuilding
    const again = await openTestEngine({ dataDir });
    assert.equal(again.engine.index.built, false);
    assert.match((await again.engine.ask('Who wrote the article?')).answer, /Alfoneh/);
  });
}
});

test('given hnswlib.index corrupted while the bot was stopped, the bot’s next start rebuilds and answers /ask and a mention with verbatim quotes', async () => {
  const dataDir = copyOfPristine('bot');
  const env = { DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_URL: fake.apiBase, FOOTNOTE_CORPUS_DIR: CORPUS_DIR, FOOTNOTE_DATA_DIR: dataDir };
  // a first run on the good index, stopped as an operator would
  const first = spawnBot(env);
  await first.ready();
  assert.doesNotMatch(first.stderr(), /index built/);
  assert.equal((await first.stop('SIGTERM')).code, 0);

  corrupt(indexFile(dataDir, 'hnswlib.index'));
  rmSync(indexFile(dataDir, 'args.json'));
  const second = spawnBot(env);
  try {
    await second.ready();
    assert.match(second.stderr(), /index built \(the index is (?:incomplete|corrupt)/);
    const reply = await fake.interact({ type: 'command', name: 'ask', options: { question: "What are the two purposes of Russia's air operations in Syria?" } }).final(10_000);
    assert.match(reply.embeds[0].description, /destroy opposition forces/);
    const quotes = reply.embeds[0].fields.filter((f: any) => /^\[\d+\]/.test(f.name)).map((f: any) => unescapeText(f.value.split('\n')[0].slice(1, -1)).replace(/…$/, ''));
    assert.ok(quotes.length > 0);
    for (const q of quotes) assert.ok(source.includes(q), q);
    const { id } = fake.sendMessage({ content: 'Who wrote the article?', mentionBot: true });
    const answer = await fake.waitFor((c) => c.method === 'POST' && c.body?.message_reference?.message_id === id && c.status === 200, 10_000);
    assert.match(answer.body.embeds[0].description, /Alfoneh/);
  } finally {
    await second.stop('SIGTERM');
  }
  assert.ok(existsSync(indexFile(dataDir, 'manifest.json')));
});
