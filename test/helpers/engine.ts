import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Engine, type EngineOptions } from '../../src/engine.js';

export const CORPUS_DIR = fileURLToPath(new URL('../../corpus', import.meta.url));
export const ARTICLE_FILE = 'twisted-tehran-moscow-axis.txt';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'footnote-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of the shipped corpus in a temporary folder, for tests that change it. */
export function copyCorpus(): { dir: string; cleanup: () => void } {
  const t = tempDir('footnote-corpus-');
  cpSync(CORPUS_DIR, t.dir, { recursive: true });
  return t;
}

/** The engine over the shipped corpus with a private data folder, offline. */
export async function openTestEngine(options: EngineOptions & { corpusDir?: string; dataDir?: string } = {}): Promise<{ engine: Engine; dataDir: string; cleanup: () => void }> {
  const data = options.dataDir ? { dir: options.dataDir, cleanup: () => {} } : tempDir();
  const engine = await Engine.open({ corpusDir: options.corpusDir ?? CORPUS_DIR, dataDir: data.dir, embeddings: { provider: 'local' } }, options);
  return { engine, dataDir: data.dir, cleanup: data.cleanup };
}
