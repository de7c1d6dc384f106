import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { copyCorpus, tempDir } from '../helpers/engine.js';
import { runTs } from '../helpers/cli.js';

const data = tempDir();
const corpus = copyCorpus();
writeFileSync(join(corpus.dir, 'empty.txt'), '');
const env = { FOOTNOTE_DATA_DIR: data.dir, FOOTNOTE_CORPUS_DIR: corpus.dir };
const index = (...args: string[]) => runTs('src/cli/index.ts', args, env);
after(() => {
  data.cleanup();
  corpus.cleanup();
});

test('npm run index prints one stats line, saying why it built; warnings still go to stderr', async () => {
  const first = await index();
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^built \(no index yet\): 1 document, 17 passages, 100 dimensions, \d+\.\d\d s to build \(\d+\.\d\d s in all\)\n$/);
  assert.doesNotMatch(first.stderr, /index built|passages/, 'the stats are not printed a second time');
  assert.match(first.stderr, /^warning: skipped empty\.txt/m);

  const again = await index();
  assert.match(again.stdout, /^up to date: 1 document, 17 passages, 100 dimensions, loaded \(\d+\.\d\d s in all\)\n$/);
  const forced = await index('--force');
  assert.match(forced.stdout, /^built \(rebuild requested\): 1 document, 17 passages/);
  assert.doesNotMatch(forced.stderr, /index built/);
});
