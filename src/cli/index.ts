import { parseArgs } from 'node:util';
import { plural } from '../ingest/text.js';
import { openEngine, runCli } from './open.js';

runCli(async () => {
  const { values } = parseArgs({ options: { force: { type: 'boolean' } } });
  const started = performance.now();
  // The engine's own "index built (...)" line says what the stats line below says: print it once.
  const { engine } = await openEngine({ force: values.force, llm: false, omit: (line) => line.startsWith('index built') });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  const { manifest: m, built, reason } = engine.index;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${built ? `built (${reason ?? 'new'})` : 'up to date'}: ${plural(m.documents, 'document')}, ${m.chunks} passages, ${m.dimensions} dimensions, ${built ? `${engine.index.seconds.toFixed(2)} s to build` : 'loaded'} (${seconds} s in all)`,
  );
});
