/**
 * Discord load: a burst of `/ask` interactions through the local fake Discord (REST + gateway on
 * 127.0.0.1) into the real bot and engine, counting what was acknowledged within Discord's 3 s,
 * answered, and duplicated, with end-to-end latency. Bounded in count and time; loopback only.
 *
 *   npx tsx scripts/bench/discord-load.ts [--count 500] [--seconds 10]
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../../src/config/index.js';
import { createBot } from '../../src/discord/bot.js';
import { createLogger } from '../../src/discord/log.js';
import { Engine } from '../../src/engine.js';
import { startFakeDiscord } from '../../test/helpers/fake-discord.js';

export interface DiscordLoadResult {
  interactions: number;
  spreadOverMs: number;
  acknowledgedWithin3s: number;
  answered: number;
  duplicated: number;
  ackP50Ms: number;
  ackP99Ms: number;
  endToEndP50Ms: number;
  endToEndP99Ms: number;
  wallMs: number;
}

const QUESTIONS = (readFileSync(fileURLToPath(new URL('../../test/eval/dev.jsonl', import.meta.url)), 'utf8').trim().split('\n').map((l) => JSON.parse(l).question as string));

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] * 10) / 10 : 0;
}

export async function runDiscordLoad(options: { count?: number; seconds?: number } = {}): Promise<DiscordLoadResult> {
  const count = options.count ?? 500;
  const spreadOverMs = (options.seconds ?? 10) * 1000;
  const data = mkdtempSync(join(tmpdir(), 'footnote-load-'));
  const fake = await startFakeDiscord({ strictAckMs: 0 });
  const config = readConfig({ DISCORD_TOKEN: 'load-test-token', DISCORD_API_URL: fake.apiBase, FOOTNOTE_CORPUS_DIR: fileURLToPath(new URL('../../corpus', import.meta.url)), FOOTNOTE_DATA_DIR: data });
  const engine = await Engine.open(config);
  const bot = await createBot(engine, config, config.discord!, { log: createLogger(config, () => {}) });
  await bot.start();
  try {
    const started = performance.now();
    const handles: { h: ReturnType<typeof fake.interact>; at: number }[] = [];
    for (let i = 0; i < count; i++) {
      const due = started + (i * spreadOverMs) / count;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      handles.push({ h: fake.interact({ type: 'command', name: 'ask', options: { question: QUESTIONS[i % QUESTIONS.length] }, user: { id: String(100000000000000000n + BigInt(i % 50)) } }), at: performance.now() });
    }
    const outcomes = await Promise.all(
      handles.map(async ({ h }) => {
        try {
          const message = await h.final(60_000, 50);
          const done = Math.max(...h.calls().map((c) => c.at));
          // an answer card, or (for a message that asks nothing, such as a bare injection) the private "not a question" hint
          const answered = ((message?.embeds?.length ?? 0) > 0 || Boolean(message?.content)) && !/error id/i.test(JSON.stringify(message));
          const callbacks = h.calls().filter((c) => c.path.endsWith('/callback')).length;
          const followUps = h.followUps().length;
          return { answered, ms: done - h.dispatchedAt, duplicated: callbacks > 1 || followUps > 1 };
        } catch {
          return { answered: false, ms: NaN, duplicated: false };
        }
      }),
    );
    const acks = fake.ackLatencies();
    const e2e = outcomes.filter((o) => o.answered).map((o) => o.ms);
    return {
      interactions: count,
      spreadOverMs,
      acknowledgedWithin3s: acks.filter((ms) => ms <= 3000).length,
      answered: outcomes.filter((o) => o.answered).length,
      duplicated: outcomes.filter((o) => o.duplicated).length,
      ackP50Ms: pct(acks, 0.5),
      ackP99Ms: pct(acks, 0.99),
      endToEndP50Ms: pct(e2e, 0.5),
      endToEndP99Ms: pct(e2e, 0.99),
      wallMs: Math.round(performance.now() - started),
    };
  } finally {
    await bot.stop();
    await fake.close();
    rmSync(data, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const result = await runDiscordLoad({ count: arg('count'), seconds: arg('seconds') });
  console.table(result);
}
