import { parseArgs } from 'node:util';
import { loadDotEnv, readConfig, redact } from '../config/index.js';
import { Engine } from '../engine.js';
import { plural } from '../ingest/text.js';
import { runCli } from './open.js';

runCli(async () => {
  const { values } = parseArgs({ options: { force: { type: 'boolean' } } });
  const started = performance.now();
  loadDotEnv();
  const config = readConfig();
  const tty = process.stderr.isTTY;
  const engine = await Engine.open(config, {
    force: values.force,
    log: (line) => {
      // The engine's own "index built (...)" line says what the stats line below says: print it once.
      if (line.startsWith('index built')) return;
      if (tty) process.stderr.write('\r\x1b[K');
      process.stderr.write(`${redact(line, config)}\n`);
    },
    onProgress: tty ? (done, total) => process.stderr.write(`\r\x1b[KIndexing ${bar(done / total)} ${done}/${total} passages`) : undefined,
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const { manifest: m, built, reason } = engine.index;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${built ? `built (${reason ?? 'new'})` : 'up to date'}: ${plural(m.documents, 'document')}, ${m.chunks} passages, ${m.dimensions} dimensions, ${built ? `${engine.index.seconds.toFixed(2)} s to build` : 'loaded'} (${seconds} s in all)`,
  );
});

function bar(fraction: number, width = 24): string {
  const filled = Math.round(fraction * width);
  return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}]`;
}
