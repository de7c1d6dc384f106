import { parseArgs } from 'node:util';
import { openEngine, runCli } from './open.js';
import { plural } from '../ingest/text.js';

runCli(async () => {
  const { values } = parseArgs({ options: { force: { type: 'boolean' } } });
  const started = performance.now();
  const { engine } = await openEngine({ force: values.force });
  const m = engine.index.manifest;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${engine.index.built ? 'built' : 'up to date'}: ${plural(m.documents, 'document')}, ${m.chunks} passages, ${m.dimensions} dimensions, ${engine.index.built ? `${engine.index.seconds.toFixed(2)} s to build` : 'loaded'} (${seconds} s in all)`,
  );
});
