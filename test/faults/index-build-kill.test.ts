/**
 * The process killed (SIGKILL) while it builds the index: the real bot process
 * (`node --import tsx src/main.ts`) starts on a corpus that changed since its index was built, and is
 * killed mid-build — while embedding, and while the new index is being written aside; so is
 * `npm run index -- --force`. The next start must rebuild and serve correct answers, new document
 * included.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord.js';
import { spawnBot, type BotProcess } from '../helpers/bot-process.js';
import { copyCorpus, openTestEngine, tempDir } from '../helpers/engine.js';
import { prng } from '../helpers/hostile.js';
import { sleep } from '../helpers/faults.js';

const corpus = copyCorpus();
const data = tempDir('footnote-build-kill-');
let fake: FakeDiscord;
let env: Record<string, string>;
const phases: string[] = [];
let oldManifest = '';

const NEW_FACT = 'The Valletta harbour ferry was repainted green in 1987 by the Maltese port authority.';
const WORDS = 'compost mulch trellis seedling loam perennial pruning shears hedge tulip bulb greenhouse watering rake hoe aphid ladybird marigold lavender basil thyme rosemary chive radish carrot turnip beetroot squash pumpkin courgette runner pea tendril orchard apple pear plum cherry blossom graft rootstock sapling humus worm fern moss ivy clematis wisteria hydrangea peony dahlia lupin foxglove'.split(' ');

before(async () => {
  fake = await startFakeDiscord();
  await openTestEngine({ corpusDir: corpus.dir, dataDir: data.dir }); // the index of the article alone
  // the corpus then grows: a new document with a fact of its own, and enough filler that a build takes a while
  writeFileSync(join(corpus.dir, 'harbour-notes.txt'), `Harbour Notes\n\nFerries\n\n${NEW_FACT} It still sails between Valletta and Sliema every hour.\n`);
  const rand = prng(7);
  // an empty file is skipped with a warning, logged right after the corpus is read and before the build starts
  writeFileSync(join(corpus.dir, 'empty.txt'), '');
  for (let d = 0; d < 100; d++) {
    const paragraphs = Array.from({ length: 30 }, () =>
      Array.from({ length: 5 }, () => {
        const w = Array.from({ length: 12 }, () => WORDS[Math.floor(rand() * WORDS.length)]!);
        return `${w[0]![0]!.toUpperCase()}${w[0]!.slice(1)} ${w.slice(1).join(' ')}.`;
      }).join(' '),
    );
    writeFileSync(join(corpus.dir, `garden-${d}.txt`), `Garden Notes ${d}\n\n${paragraphs.join('\n\n')}\n`);
  }
  oldManifest = manifest();
  env = { DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_URL: fake.apiBase, FOOTNOTE_CORPUS_DIR: corpus.dir, FOOTNOTE_DATA_DIR: data.dir };
});

after(async () => {
  await fake?.close();
  corpus.cleanup();
  data.cleanup();
});

const manifest = () => readFileSync(join(data.dir, 'index', 'manifest.json'), 'utf8');
const leftovers = () => readdirSync(data.dir).filter((f) => /^index\.(building|old)-/.test(f));

/** Kill the process the moment a build starts writing its index aside; resolves with ms from spawn (0 if it never did). */
async function killWhenWritingAside(proc: BotProcess, started: number, before: Set<string>): Promise<number> {
  for (;;) {
    if (!proc.running) return 0;
    if (leftovers().some((f) => f.startsWith('index.building-') && !before.has(f))) {
      proc.child.kill('SIGKILL');
      await proc.exited;
      return performance.now() - started;
    }
    await new Promise((r) => setImmediate(r));
  }
}

test('killed while writing the new index aside, the bot leaves the old index in place', async () => {
  const started = performance.now();
  const proc = spawnBot(env);
  const ms = await killWhenWritingAside(proc, started, new Set(leftovers()));
  assert.ok(ms > 0, `the build was never caught writing aside:\n${proc.stderr()}`);
  assert.equal((await proc.exited).signal, 'SIGKILL');
  assert.doesNotMatch(proc.stderr(), / info ready /);
  assert.equal(manifest(), oldManifest, 'the old index is untouched');
  phases.push(`bot killed ${ms.toFixed(0)} ms after spawn, while writing aside`);
});

test('killed early in the build, before anything was written, the bot leaves the old index in place', async () => {
  const before = new Set(leftovers());
  const proc = spawnBot(env);
  await proc.waitForLog(/warning: skipped empty\.txt/);
  await sleep(200); // into the build: word vectors, then embedding the passages
  await proc.stop('SIGKILL');
  assert.doesNotMatch(proc.stderr(), /index built|info ready/);
  assert.deepEqual(leftovers().filter((f) => !before.has(f)), [], 'killed before anything was written');
  assert.equal(manifest(), oldManifest, 'the old index is untouched');
  phases.push('bot killed 200 ms into the build');
});

test('npm run index -- --force killed while writing aside leaves the old index in place', async () => {
  const started = performance.now();
  const proc = spawnBot(env, 'src/cli/index.ts', ['--force']);
  const ms = await killWhenWritingAside(proc, started, new Set(leftovers()));
  assert.ok(ms > 0, `the build was never caught writing aside:\n${proc.output()}`);
  phases.push(`index --force killed ${ms.toFixed(0)} ms after spawn, while writing aside`);
  assert.equal(manifest(), oldManifest, 'the old index is untouched');
});

test('after the kills, the next start rebuilds and answers from the new document and the article', async () => {
  console.log(`# ${phases.join('; ')}`);
  const proc = spawnBot(env);
  try {
    const spawned = performance.now();
    await proc.ready(60_000);
    console.log(`# next start: rebuilt and ready ${(performance.now() - spawned).toFixed(0)} ms after spawn`);
    assert.match(proc.stderr(), /index built \(the corpus changed\): 102 documents/);
    const fresh = await fake.interact({ type: 'command', name: 'ask', options: { question: 'When was the Valletta harbour ferry repainted?' } }).final(10_000);
    assert.match(fresh.embeds[0].description, /1987/);
    assert.ok(fresh.embeds[0].fields.some((f: any) => /harbour-notes#p/.test(f.value)), 'cited from the new document');
    const old = await fake.interact({ type: 'command', name: 'ask', options: { question: "What are the two purposes of Russia's air operations in Syria?" } }).final(10_000);
    assert.match(old.embeds[0].description, /destroy opposition forces/);
  } finally {
    await proc.stop('SIGTERM');
  }
});

test('the leftovers of killed builds are cleaned up by the next successful build', () => {
  // each killed build leaves a copy of the index beside the real one; nothing else removes it
  assert.ok(existsSync(join(data.dir, 'index', 'manifest.json')));
  const bytes = (dir: string) => readdirSync(join(data.dir, dir)).reduce((n, f) => n + statSync(join(data.dir, dir, f)).size, 0);
  if (leftovers().length) console.log(`# left behind: ${leftovers().map((d) => `${d} (${(bytes(d) / 1024).toFixed(0)} KB)`).join(', ')}; the index itself is ${(bytes('index') / 1024).toFixed(0)} KB`);
  assert.deepEqual(leftovers(), []);
});
