/**
 * A local, OpenAI-compatible HTTP server for tests (node:http only, 127.0.0.1 only).
 *
 * Drive the real `openai` SDK and LangChain's `ChatOpenAI` / `OpenAIEmbeddings` against it:
 *
 *   const fake = await startFakeOpenAI({ embeddingDims: 64 });
 *   const chat = new ChatOpenAI({ apiKey: 'test', configuration: { baseURL: fake.baseURL }, model: 'gpt-4o-mini', maxRetries: 0 });
 *   fake.queueChat('first answer', { status: 429 }, { delayMs: 5_000 }, { raw: '{not json' });
 *   ...
 *   await fake.close();
 *
 * Endpoints:
 *   POST /v1/embeddings        deterministic hashed bag-of-words vectors (L2-normalised);
 *                              honours encoding_format ("base64" = little-endian float32, default "float")
 *                              and the optional `dimensions` request field.
 *   POST /v1/chat/completions  replies come from queueChat() first, then the onChat() handler;
 *                              `stream: true` answers Server-Sent Events ending with `data: [DONE]`.
 *   GET  /v1/models[/:id]      a fixed model list.
 * Anything else answers 404 with an OpenAI-style error body. Every request is recorded in `requests`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ChatMessage {
  role: string;
  /** Text content; array-of-parts content is flattened to its text parts joined by "\n". */
  content: string;
}

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  /** The full parsed JSON request body. */
  body: any;
}

/**
 * What a chat completion request gets:
 * - a string: a normal completion with that content;
 * - `{ status }`: that HTTP status with an OpenAI-style error body `{ error: { message, type, param, code } }`
 *   (or `body` as given). `retryAfter` (seconds) sets a `retry-after` header; for 429 it defaults to 1,
 *   and `retryAfter: null` sends a 429 without the header;
 * - `{ delayMs }`: waits that long, then answers `content` (default: the fixed default reply).
 *   The wait is cancelled when the client disconnects or the server closes;
 * - `{ raw }`: sends `raw` as-is with status 200 and content-type application/json (for malformed bodies).
 */
export type ChatReply =
  | string
  | { status: number; body?: any; retryAfter?: number | null }
  | { delayMs: number; content?: string }
  | { raw: string };

export interface RecordedRequest {
  method: string;
  /** Path including any query string, e.g. "/v1/embeddings". */
  path: string;
  /** Parsed JSON body; the raw text if it was not JSON; undefined if empty. */
  body: any;
  /** Lower-cased header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
}

export interface FakeOpenAI {
  /** e.g. http://127.0.0.1:PORT/v1: pass as `baseURL` (openai) or `configuration.baseURL` (LangChain). */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replace the chat handler. Default: always answers DEFAULT_CHAT_REPLY. */
  onChat(handler: (req: ChatRequest) => ChatReply | Promise<ChatReply>): void;
  /** Replies consumed in order (one per chat request) before the handler is consulted. */
  queueChat(...replies: ChatReply[]): void;
  /** Default vector length (a request's `dimensions` field overrides it for that request). */
  embeddingDims: number;
  /** Cancels pending delays, destroys open sockets, stops listening. Idempotent. */
  close(): Promise<void>;
}

export const DEFAULT_CHAT_REPLY = 'This is a fake reply from fake-openai.';
export const DEFAULT_EMBEDDING_DIMS = 64;
export const FAKE_MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small', 'text-embedding-3-large'] as const;

// ---------------------------------------------------------------------------------------------
// Deterministic embeddings
// ---------------------------------------------------------------------------------------------

/** 32-bit FNV-1a over the UTF-8 bytes of `s`, with a seed folded in. */
function fnv1a(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (const byte of Buffer.from(s, 'utf8')) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Lower-cased words (Unicode letters/digits runs). */
export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Hashed bag of lower-cased words into `dims` buckets (signed hashing), L2-normalised.
 * Same text → same vector; texts sharing words → positive cosine similarity.
 * A text with no words gets a fixed unit vector derived from the raw text.
 */
export function fakeEmbedding(text: string, dims: number): number[] {
  const v = new Array<number>(dims).fill(0);
  const words = tokenize(text);
  if (words.length === 0) {
    v[fnv1a(text, 7) % dims] = 1;
    return v;
  }
  for (const w of words) {
    const bucket = fnv1a(w, 0) % dims;
    const sign = fnv1a(w, 1) & 1 ? 1 : -1;
    v[bucket] = (v[bucket] ?? 0) + sign;
  }
  let norm = Math.hypot(...v);
  if (norm === 0) {
    // Every word cancelled out (possible with signed hashing): fall back to an unsigned bag.
    for (const w of words) {
      const bucket = fnv1a(w, 0) % dims;
      v[bucket] = (v[bucket] ?? 0) + 1;
    }
    norm = Math.hypot(...v);
  }
  // Round through float32 so the "float" and "base64" encodings give identical numbers.
  return v.map((x) => Math.fround(x / norm));
}

function toBase64Float32(vec: number[]): string {
  const buf = Buffer.alloc(vec.length * 4);
  vec.forEach((x, i) => buf.writeFloatLE(x, i * 4));
  return buf.toString('base64');
}

/** Normalise an embeddings `input` to a list of texts; token arrays become strings of ids. */
function embeddingInputs(input: unknown): string[] | undefined {
  const isTokens = (x: unknown): x is number[] => Array.isArray(x) && x.every((t) => typeof t === 'number');
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (isTokens(input)) return [input.join(' ')];
  const out: string[] = [];
  for (const item of input) {
    if (typeof item === 'string') out.push(item);
    else if (isTokens(item)) out.push(item.join(' '));
    else return undefined;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function errorBody(status: number, message?: string): { error: { message: string; type: string; param: null; code: string | null } } {
  const table: Record<number, [type: string, code: string | null, message: string]> = {
    400: ['invalid_request_error', null, 'Bad request.'],
    401: ['invalid_request_error', 'invalid_api_key', 'Incorrect API key provided.'],
    403: ['invalid_request_error', 'unsupported_country_region_territory', 'Permission denied.'],
    404: ['invalid_request_error', 'model_not_found', 'The model does not exist or you do not have access to it.'],
    429: ['requests', 'rate_limit_exceeded', 'Rate limit reached for requests.'],
    500: ['server_error', null, 'The server had an error while processing your request.'],
    502: ['server_error', null, 'Bad gateway.'],
    503: ['server_error', null, 'The engine is currently overloaded, please try again later.'],
  };
  const [type, code, defaultMessage] =
    table[status] ?? [status >= 500 ? 'server_error' : 'invalid_request_error', null, `Fake error ${status}.`];
  return { error: { message: message ?? `${defaultMessage} (fake-openai ${status})`, type, param: null, code } };
}

function contentToText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? (part as { text: string }).text : ''))
      .filter((t) => t !== '')
      .join('\n');
  }
  return content == null ? '' : JSON.stringify(content);
}

function countTokens(text: string): number {
  return tokenize(text).length;
}

function isStatusReply(r: ChatReply): r is { status: number; body?: any; retryAfter?: number | null } {
  return typeof r === 'object' && r !== null && typeof (r as { status?: unknown }).status === 'number';
}
function isDelayReply(r: ChatReply): r is { delayMs: number; content?: string } {
  return typeof r === 'object' && r !== null && typeof (r as { delayMs?: unknown }).delayMs === 'number';
}
function isRawReply(r: ChatReply): r is { raw: string } {
  return typeof r === 'object' && r !== null && typeof (r as { raw?: unknown }).raw === 'string';
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

export async function startFakeOpenAI(opts: { embeddingDims?: number } = {}): Promise<FakeOpenAI> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const queue: ChatReply[] = [];
  let handler: (req: ChatRequest) => ChatReply | Promise<ChatReply> = () => DEFAULT_CHAT_REPLY;
  let closed = false;
  let closing: Promise<void> | undefined;
  let counter = 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (res.destroyed || res.writableEnded) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'x-request-id': `req_fake_${counter}`,
      ...headers,
    });
    res.end(text);
  };

  /** Resolves after `ms`, or early (with false) if the client goes away or the server closes. */
  const wait = (ms: number, res: ServerResponse): Promise<boolean> =>
    new Promise((resolve) => {
      const done = (ok: boolean): void => {
        clearTimeout(timer);
        timers.delete(timer);
        res.off('close', onClose);
        resolve(ok);
      };
      const onClose = (): void => done(false);
      const timer = setTimeout(() => done(true), ms);
      timers.add(timer);
      res.on('close', onClose);
    });

  const fake: FakeOpenAI & { embeddingDims: number } = {
    baseURL: '',
    requests: [],
    embeddingDims: opts.embeddingDims ?? DEFAULT_EMBEDDING_DIMS,
    onChat(h) {
      handler = h;
    },
    queueChat(...replies) {
      queue.push(...replies);
    },
    close() {
      if (closing) return closing;
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      const socketsClosed = [...sockets].map(
        (s) => new Promise<void>((resolve) => (s.destroyed && s.closed ? resolve() : s.once('close', () => resolve()))),
      );
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      sockets.clear();
      closing = Promise.all([serverClosed, ...socketsClosed]).then(async () => {
        // libuv releases closed handles in the close phase after the current loop turn:
        // let that happen so callers see no lingering TCP handles.
        await new Promise<void>((resolve) => setImmediate(resolve));
        await new Promise<void>((resolve) => setImmediate(resolve));
      });
      return closing;
    },
  };

  const handleEmbeddings = (body: any, res: ServerResponse): void => {
    const texts = embeddingInputs(body?.input);
    if (!texts) {
      send(res, 400, errorBody(400, "'input' must be a non-empty string, array of strings, or array of token arrays (fake-openai)"));
      return;
    }
    const dims = Number.isInteger(body?.dimensions) && body.dimensions > 0 ? (body.dimensions as number) : fake.embeddingDims;
    const base64 = body?.encoding_format === 'base64';
    const tokens = texts.reduce((n, t) => n + Math.max(1, countTokens(t)), 0);
    send(res, 200, {
      object: 'list',
      data: texts.map((t, index) => {
        const vec = fakeEmbedding(t, dims);
        return { object: 'embedding', index, embedding: base64 ? toBase64Float32(vec) : vec };
      }),
      model: typeof body?.model === 'string' ? body.model : 'text-embedding-3-small',
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  };

  const handleChat = async (body: any, res: ServerResponse): Promise<void> => {
    if (!body || typeof body !== 'object' || !Array.isArray(body.messages)) {
      send(res, 400, errorBody(400, "'messages' is required (fake-openai)"));
      return;
    }
    const model: string = typeof body.model === 'string' ? body.model : 'gpt-4o-mini';
    const messages: ChatMessage[] = body.messages.map((m: any) => ({ role: String(m?.role ?? ''), content: contentToText(m?.content) }));

    let reply: ChatReply;
    if (queue.length > 0) {
      reply = queue.shift() as ChatReply;
    } else {
      try {
        reply = await handler({ model, messages, body });
      } catch (err) {
        send(res, 500, errorBody(500, `fake-openai chat handler threw: ${err instanceof Error ? err.message : String(err)}`));
        return;
      }
    }

    if (isRawReply(reply)) {
      send(res, 200, reply.raw);
      return;
    }
    if (isStatusReply(reply)) {
      const headers: Record<string, string> = {};
      const retryAfter = reply.retryAfter === undefined ? (reply.status === 429 ? 1 : undefined) : reply.retryAfter;
      if (retryAfter !== undefined && retryAfter !== null) headers['retry-after'] = String(retryAfter);
      send(res, reply.status, reply.body === undefined ? errorBody(reply.status) : reply.body, headers);
      return;
    }
    let content: string;
    if (isDelayReply(reply)) {
      if (!(await wait(reply.delayMs, res))) return; // client gone or server closing
      content = reply.content ?? DEFAULT_CHAT_REPLY;
    } else if (typeof reply === 'string') {
      content = reply;
    } else {
      send(res, 500, errorBody(500, `fake-openai: unrecognised ChatReply ${JSON.stringify(reply)}`));
      return;
    }
    if (res.destroyed || closed) return;

    const id = `chatcmpl-fake${counter}`;
    const created = Math.floor(Date.now() / 1000);
    const promptTokens = messages.reduce((n, m) => n + countTokens(m.content), 0);
    const completionTokens = countTokens(content);
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };

    if (body.stream === true) {
      const includeUsage = body.stream_options?.include_usage === true;
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': `req_fake_${counter}` });
      const chunk = (delta: Record<string, unknown>, finish: string | null): string =>
        `data: ${JSON.stringify({
          id,
          object: 'chat.completion.chunk',
          created,
          model,
          system_fingerprint: null,
          choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
          ...(includeUsage ? { usage: null } : {}),
        })}\n\n`;
      // Split into word-ish pieces (keeping whitespace) so clients see several content deltas.
      const pieces = content.match(/\s*\S+\s*/g) ?? [content];
      res.write(chunk({ role: 'assistant', content: '' }, null));
      for (const p of pieces) res.write(chunk({ content: p }, null));
      res.write(chunk({}, 'stop'));
      if (includeUsage) {
        res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [], usage })}\n\n`);
      }
      res.end('data: [DONE]\n\n');
      return;
    }

    send(res, 200, {
      id,
      object: 'chat.completion',
      created,
      model,
      system_fingerprint: null,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage,
    });
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    counter += 1;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: any;
    let badJson = false;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
        badJson = true;
      }
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    fake.requests.push({ method, path, body, headers });

    const pathname = path.split('?')[0]?.replace(/\/+$/, '') ?? '';
    if (badJson && method === 'POST') {
      send(res, 400, errorBody(400, 'We could not parse the JSON body of your request (fake-openai).'));
    } else if (method === 'POST' && pathname === '/v1/embeddings') {
      handleEmbeddings(body, res);
    } else if (method === 'POST' && pathname === '/v1/chat/completions') {
      await handleChat(body, res);
    } else if (method === 'GET' && pathname === '/v1/models') {
      send(res, 200, { object: 'list', data: FAKE_MODELS.map((id) => ({ id, object: 'model', created: 1700000000, owned_by: 'fake-openai' })) });
    } else if (method === 'GET' && pathname.startsWith('/v1/models/')) {
      const id = decodeURIComponent(pathname.slice('/v1/models/'.length));
      send(res, 200, { id, object: 'model', created: 1700000000, owned_by: 'fake-openai' });
    } else {
      send(res, 404, errorBody(404, `fake-openai has no route for ${method} ${path}`));
    }
  };

  const server = createServer((req, res) => {
    route(req, res).catch((err: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        send(res, 500, errorBody(500, `fake-openai internal error: ${err instanceof Error ? err.message : String(err)}`));
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket) => {
    if (closed) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  fake.baseURL = `http://127.0.0.1:${port}/v1`;
  return fake;
}
