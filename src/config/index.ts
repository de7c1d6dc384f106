import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FootnoteError } from '../errors.js';

/** Everything Footnote reads from the environment, parsed and checked once at start-up. */
export interface Config {
  corpusDir: string;
  dataDir: string;
  embeddings: { provider: 'local' } | { provider: 'openai'; model: string };
  /** set when OPENAI_API_KEY is: answers are written by the chat model */
  llm?: { apiKey: string; baseURL?: string; model: string; timeoutMs: number; retries: number };
  openai?: { apiKey: string; baseURL?: string };
  topK: number;
  discord?: DiscordConfig;
}

export interface DiscordConfig {
  token: string;
  clientId?: string;
  guildId?: string;
  apiUrl?: string;
  messageContent: boolean;
  /** open a thread on each answer to a message, where follow-ups are answered without a mention */
  replyThreads: boolean;
  /** channels where every message is taken as a question (needs the Message Content intent) */
  questionChannels: string[];
  /** questions a thread answers (its first included) before asking for a new one */
  maxTurns: number;
  /** how long shutdown waits for answers in flight */
  shutdownGraceMs: number;
}

type Env = Record<string, string | undefined>;

/** Load `.env` from the working directory if there is one (never overriding the real environment). */
export function loadDotEnv(path = '.env'): void {
  if (!existsSync(path)) return;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    throw new FootnoteError('CONFIG_INVALID', `Could not read ${path}: ${(error as Error).message}`);
  }
}

/** Parse and validate the configuration; errors name the variable at fault and never echo secrets. */
export function readConfig(env: Env = process.env): Config {
  const get = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const apiKey = get('OPENAI_API_KEY');
  const baseURL = get('OPENAI_BASE_URL');
  if (baseURL && !/^https?:\/\/[^\s]+$/.test(baseURL)) invalid('OPENAI_BASE_URL', 'must be an http(s) URL, e.g. http://127.0.0.1:8080/v1');
  const openai = apiKey ? { apiKey, baseURL } : undefined;

  const provider = (get('FOOTNOTE_EMBEDDINGS') ?? 'local').toLowerCase();
  if (provider !== 'local' && provider !== 'openai') invalid('FOOTNOTE_EMBEDDINGS', 'must be "local" or "openai"');
  if (provider === 'openai' && !openai) invalid('FOOTNOTE_EMBEDDINGS', 'is "openai" but OPENAI_API_KEY is not set');

  const llmMode = (get('FOOTNOTE_LLM') ?? 'auto').toLowerCase();
  if (!['auto', 'on', 'off'].includes(llmMode)) invalid('FOOTNOTE_LLM', 'must be auto, on or off');
  if (llmMode === 'on' && !openai) invalid('FOOTNOTE_LLM', 'is "on" but OPENAI_API_KEY is not set');

  const timeoutMs = integer(get('FOOTNOTE_LLM_TIMEOUT_MS') ?? '20000', 'FOOTNOTE_LLM_TIMEOUT_MS', 100, 600_000);
  const retries = integer(get('FOOTNOTE_LLM_RETRIES') ?? '1', 'FOOTNOTE_LLM_RETRIES', 0, 5);
  const topK = integer(get('FOOTNOTE_TOP_K') ?? '5', 'FOOTNOTE_TOP_K', 1, 50);

  const token = get('DISCORD_TOKEN');
  const discord = token ? readDiscord(token, get) : undefined;

  const dataDir = resolve(get('FOOTNOTE_DATA_DIR') ?? 'data');
  const blocking = fileInPath(dataDir);
  if (blocking) invalid('FOOTNOTE_DATA_DIR', blocking === dataDir ? `is a file, not a folder: ${dataDir}` : `${dataDir} cannot be created: ${blocking} is a file, not a folder`);

  return {
    corpusDir: resolve(get('FOOTNOTE_CORPUS_DIR') ?? 'corpus'),
    dataDir,
    embeddings: provider === 'openai' ? { provider: 'openai', model: get('OPENAI_EMBEDDING_MODEL') ?? 'text-embedding-3-small' } : { provider: 'local' },
    llm: openai && llmMode !== 'off' ? { ...openai, model: get('OPENAI_CHAT_MODEL') ?? 'gpt-4o-mini', timeoutMs, retries } : undefined,
    openai,
    topK,
    discord,
  };
}

function readDiscord(token: string, get: (name: string) => string | undefined): DiscordConfig {
  const apiUrl = get('DISCORD_API_URL');
  if (apiUrl && !/^https?:\/\/[^\s]+$/.test(apiUrl)) invalid('DISCORD_API_URL', 'must be an http(s) URL');
  const clientId = get('DISCORD_CLIENT_ID');
  if (clientId && !/^\d{5,25}$/.test(clientId)) invalid('DISCORD_CLIENT_ID', 'must be the application id: the number shown as Application ID in the Discord Developer Portal (5 to 25 digits)');
  const guildId = get('DISCORD_GUILD_ID');
  if (guildId && !/^\d{5,25}$/.test(guildId)) invalid('DISCORD_GUILD_ID', 'must be a server id (a number)');
  const messageContent = flag(get('FOOTNOTE_MESSAGE_CONTENT'), 'FOOTNOTE_MESSAGE_CONTENT');
  const replyThreads = flag(get('FOOTNOTE_REPLY_THREADS'), 'FOOTNOTE_REPLY_THREADS');
  const questionChannels = (get('FOOTNOTE_QUESTION_CHANNELS') ?? '').split(',').map((id) => id.trim()).filter(Boolean);
  for (const id of questionChannels) if (!/^\d{5,25}$/.test(id)) invalid('FOOTNOTE_QUESTION_CHANNELS', 'must be channel ids (numbers) separated by commas');
  // Without the intent Discord delivers channel messages that do not mention the bot with empty content.
  if (questionChannels.length && !messageContent) invalid('FOOTNOTE_QUESTION_CHANNELS', 'needs FOOTNOTE_MESSAGE_CONTENT=true (questions there are read without a mention)');
  const maxTurns = integer(get('FOOTNOTE_MAX_TURNS') ?? '10', 'FOOTNOTE_MAX_TURNS', 1, 50);
  const shutdownGraceMs = integer(get('FOOTNOTE_SHUTDOWN_GRACE_MS') ?? '10000', 'FOOTNOTE_SHUTDOWN_GRACE_MS', 0, 120_000);
  return { token, clientId, guildId, apiUrl, messageContent, replyThreads, questionChannels: [...new Set(questionChannels)], maxTurns, shutdownGraceMs };
}

/** The nearest existing part of a path, when it is a file: the folder could never be created there. */
function fileInPath(path: string): string | undefined {
  for (let at = path; ; at = dirname(at)) {
    if (existsSync(at)) return statSync(at).isDirectory() ? undefined : at;
    if (dirname(at) === at) return undefined;
  }
}

function flag(raw: string | undefined, name: string): boolean {
  if (raw === undefined) return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  return invalid(name, 'must be true or false');
}

function integer(raw: string, name: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) invalid(name, `must be a whole number from ${min} to ${max}`);
  return n;
}

function invalid(name: string, why: string): never {
  throw new FootnoteError('CONFIG_INVALID', `${name} ${why}.`);
}

/** Replace every secret of the config that occurs in a text, for logs. */
export function redact(text: string, config: Pick<Config, 'openai' | 'discord'>): string {
  return hide(text, [config.openai?.apiKey, config.discord?.token]);
}

/**
 * Replace the secrets set in the environment wherever they occur in a text: for errors raised
 * before (or while) the configuration is read, e.g. a model server's 401 that echoes the key.
 */
export function redactEnv(text: string, env: Env = process.env): string {
  return hide(text, [env.OPENAI_API_KEY?.trim(), env.DISCORD_TOKEN?.trim()]);
}

function hide(text: string, secrets: (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}
