/**
 * Shared pieces of the fault-injection and security tests: the real bot in-process against the local
 * fake Discord, the bot's outgoing message bodies, and Discord's limits checked independently of the
 * product's own `messageViolations`.
 */
import { readConfig, type Config } from '../../src/config/index.js';
import { createBot, type Bot, type BotOptions } from '../../src/discord/bot.js';
import { createLogger } from '../../src/discord/log.js';
import type { Engine } from '../../src/engine.js';
import type { FakeDiscord, RecordedCall } from './fake-discord.js';
import { CORPUS_DIR } from './engine.js';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The configuration `npm start` would read, pointed at the fake Discord and a private data folder. */
export function botConfig(fake: FakeDiscord, dataDir: string, extra: Record<string, string> = {}): Config {
  return readConfig({ DISCORD_TOKEN: 'fake-bot-token', DISCORD_API_URL: fake.apiBase, FOOTNOTE_CORPUS_DIR: CORPUS_DIR, FOOTNOTE_DATA_DIR: dataDir, ...extra });
}

/** createBot + start, its log lines collected in `logs`. */
export async function startInProcessBot(engine: Engine, config: Config, logs: string[], options: BotOptions = {}): Promise<Bot> {
  const bot = await createBot(engine, config, config.discord!, { log: createLogger(config, (line) => logs.push(line)), ...options });
  await bot.start();
  return bot;
}

/** A message body the bot sent or edited (the message itself, not a deferral), or undefined for other calls. */
export function messageBody(c: RecordedCall): any | undefined {
  if (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) return c.body;
  if (c.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(c.path)) return c.body;
  if (c.method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\//.test(c.path)) return c.body;
  if (c.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(c.path)) return c.body;
  if (c.method === 'POST' && c.path.endsWith('/callback') && (c.body?.type === 4 || c.body?.type === 7)) return c.body.data;
  return undefined;
}

/** The bot's replies in a channel to a user's message (by reference), as recorded calls that succeeded. */
export function repliesTo(fake: FakeDiscord, messageId: string): RecordedCall[] {
  return fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.body?.message_reference?.message_id === messageId && c.status === 200);
}

export function replyTo(fake: FakeDiscord, messageId: string, timeoutMs = 5000): Promise<RecordedCall> {
  return fake.waitFor((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.body?.message_reference?.message_id === messageId && c.status === 200, timeoutMs);
}

/** Every string of a message body a person can read (content, embed texts), for ping and leak checks. */
export function visibleTexts(body: any): string[] {
  if (!body || typeof body !== 'object') return [];
  const out: string[] = [];
  if (typeof body.content === 'string') out.push(body.content);
  for (const e of body.embeds ?? []) {
    for (const s of [e.title, e.description, e.footer?.text, e.author?.name, e.url]) if (typeof s === 'string') out.push(s);
    for (const f of e.fields ?? []) out.push(String(f.name ?? ''), String(f.value ?? ''));
  }
  for (const row of body.components ?? []) for (const c of row.components ?? []) if (typeof c.label === 'string') out.push(c.label);
  return out;
}

/** Discord's message limits (https://discord.com/developers/docs/resources/message#create-message), checked from the raw body. */
export function discordLimitViolations(body: any): string[] {
  const v: string[] = [];
  if (!body) return v;
  const content: string = body.content ?? '';
  if (content.length > 2000) v.push(`content ${content.length} > 2000`);
  const embeds: any[] = body.embeds ?? [];
  if (embeds.length > 10) v.push(`${embeds.length} embeds > 10`);
  let total = 0;
  embeds.forEach((e, i) => {
    const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);
    if (len(e.title) > 256) v.push(`embed ${i} title ${len(e.title)} > 256`);
    if (len(e.description) > 4096) v.push(`embed ${i} description ${len(e.description)} > 4096`);
    if (len(e.footer?.text) > 2048) v.push(`embed ${i} footer ${len(e.footer?.text)} > 2048`);
    if (len(e.author?.name) > 256) v.push(`embed ${i} author ${len(e.author?.name)} > 256`);
    const fields: any[] = e.fields ?? [];
    if (fields.length > 25) v.push(`embed ${i} ${fields.length} fields > 25`);
    fields.forEach((f, j) => {
      if (len(f.name) > 256) v.push(`embed ${i} field ${j} name ${len(f.name)} > 256`);
      if (len(f.value) > 1024) v.push(`embed ${i} field ${j} value ${len(f.value)} > 1024`);
      if (!len(f.name) || !len(f.value)) v.push(`embed ${i} field ${j} empty`);
    });
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name) + fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
  });
  if (total > 6000) v.push(`embeds total ${total} > 6000`);
  const rows: any[] = body.components ?? [];
  if (rows.length > 5) v.push(`${rows.length} component rows > 5`);
  for (const row of rows) if ((row.components ?? []).length > 5) v.push(`a row of ${row.components.length} components > 5`);
  return v;
}

/**
 * What in a body could ping someone or smuggle markup from user text: allowed_mentions must parse
 * nothing, and no `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>` or masked link may appear unescaped.
 */
export function pingViolations(body: any): string[] {
  const v: string[] = [];
  if (!body) return v;
  const am = body.allowed_mentions;
  if (!am || !Array.isArray(am.parse) || am.parse.length !== 0) v.push(`allowed_mentions ${JSON.stringify(am)}`);
  if (am?.users?.length || am?.roles?.length) v.push(`allowed_mentions lists ${JSON.stringify(am)}`);
  if (am && am.replied_user !== false && body.message_reference) v.push('a reply that pings its author');
  for (const text of visibleTexts(body)) {
    if (/@(?:everyone|here)\b/.test(text)) v.push(`raw @everyone/@here in ${JSON.stringify(text.slice(0, 120))}`);
    if (/<@[!&]?\d/.test(text)) v.push(`raw mention in ${JSON.stringify(text.slice(0, 120))}`);
    if (/(?<!\\)\[[^\]\n]*(?<!\\)\]\(\s*<?https?:/i.test(text)) v.push(`masked link in ${JSON.stringify(text.slice(0, 120))}`);
  }
  return v;
}
