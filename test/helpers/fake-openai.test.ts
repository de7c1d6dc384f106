import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import OpenAI, { InternalServerError, RateLimitError } from 'openai';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { DEFAULT_CHAT_REPLY, startFakeOpenAI, type ChatRequest, type FakeOpenAI } from './fake-openai.js';

const CHAT_MODEL = 'gpt-4o-mini';
const EMBEDDING_MODEL = 'text-embedding-3-small';

async function withFake(t: { after(fn: () => Promise<void>): void }, opts?: { embeddingDims?: number }): Promise<FakeOpenAI> {
  const fake = await startFakeOpenAI(opts);
  t.after(() => fake.close());
  return fake;
}

function chat(fake: FakeOpenAI, extra: Record<string, unknown> = {}): ChatOpenAI {
  return new ChatOpenAI({ apiKey: 'test', configuration: { baseURL: fake.baseURL }, model: CHAT_MODEL, maxRetries: 0, ...extra });
}

/** Resolves with whatever the promise rejects with; fails if it resolves. */
async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  assert.fail('expected the call to fail');
}

function dot(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);
}

function chatRequests(fake: FakeOpenAI) {
  return fake.requests.filter((r) => r.path === '/v1/chat/completions');
}

test('the real openai client gets base64-encoded embeddings by default, with the configured dimensions and equal vectors for equal text', async (t) => {
  const fake = await withFake(t, { embeddingDims: 32 });
  const client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0 });

  const res = await client.embeddings.create({
    model: EMBEDDING_MODEL,
    input: ['The cat sat on the mat', 'the CAT sat on the mat!', 'Quarterly revenue grew by nine percent'],
  });

  assert.equal(fake.requests.at(-1)?.body.encoding_format, 'base64', 'the SDK asks for base64 when no format is given');
  assert.equal(fake.requests.at(-1)?.headers.authorization, 'Bearer test');
  assert.equal(res.object, 'list');
  assert.equal(res.model, EMBEDDING_MODEL);
  assert.deepEqual(res.data.map((d) => d.index), [0, 1, 2]);
  assert.ok(res.usage.prompt_tokens > 0 && res.usage.total_tokens === res.usage.prompt_tokens);
  const [a, b, c] = res.data.map((d) => d.embedding);
  assert.ok(a && b && c);
  for (const v of [a, b, c]) {
    assert.equal(v.length, 32);
    assert.ok(Math.abs(dot(v, v) - 1) < 1e-5, 'vectors are L2-normalised');
  }
  assert.deepEqual(a, b, 'same words (case and punctuation aside) give the same vector');
  assert.ok(dot(a, c) < 0.99, 'unrelated text gives a different vector');

  const again = await client.embeddings.create({ model: EMBEDDING_MODEL, input: 'The cat sat on the mat' });
  assert.deepEqual(again.data[0]?.embedding, a, 'deterministic across calls');
});

test('embeddings honour encoding_format float, the dimensions field and token-array input', async (t) => {
  const fake = await withFake(t, { embeddingDims: 16 });
  const client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0 });

  const b64 = await client.embeddings.create({ model: EMBEDDING_MODEL, input: 'grounded answers cite passages' });
  const float = await client.embeddings.create({ model: EMBEDDING_MODEL, input: 'grounded answers cite passages', encoding_format: 'float' });
  assert.ok(Array.isArray(float.data[0]?.embedding));
  assert.deepEqual(float.data[0]?.embedding, b64.data[0]?.embedding, 'float and base64 carry the same numbers');

  const wide = await client.embeddings.create({ model: 'text-embedding-3-large', input: 'x', dimensions: 48, encoding_format: 'float' });
  assert.equal(wide.data[0]?.embedding.length, 48);
  assert.equal(wide.model, 'text-embedding-3-large');

  const tokens = await client.embeddings.create({ model: EMBEDDING_MODEL, input: [[101, 2023], [101, 2023]], encoding_format: 'float' });
  assert.equal(tokens.data.length, 2);
  assert.deepEqual(tokens.data[0]?.embedding, tokens.data[1]?.embedding);
});

test('LangChain OpenAIEmbeddings embedQuery and embedDocuments work against the fake', async (t) => {
  const fake = await withFake(t, { embeddingDims: 24 });
  const embeddings = new OpenAIEmbeddings({ apiKey: 'test', configuration: { baseURL: fake.baseURL }, model: EMBEDDING_MODEL });

  const query = await embeddings.embedQuery('How do refunds work?');
  const docs = await embeddings.embedDocuments(['How do refunds work?', 'Refunds are issued within 14 days.', 'The office is closed on Sundays.']);

  assert.equal(query.length, 24);
  assert.equal(docs.length, 3);
  for (const d of docs) assert.equal(d.length, 24);
  assert.deepEqual(docs[0], query);
  const [same, related, unrelated] = docs.map((d) => dot(query, d));
  assert.ok(same !== undefined && related !== undefined && unrelated !== undefined);
  assert.ok(Math.abs(same - 1) < 1e-5);
  assert.ok(related > unrelated, `a text sharing words scores higher (${related} vs ${unrelated})`);
  const embeddingCalls = fake.requests.filter((r) => r.path === '/v1/embeddings');
  assert.equal(embeddingCalls.length, 2);
  assert.equal(embeddingCalls[0]?.body.model, EMBEDDING_MODEL);
});

test('ChatOpenAI invoke returns queued replies in order, then the handler, without streaming', async (t) => {
  const fake = await withFake(t);
  const model = chat(fake);

  const first = await model.invoke('hello?');
  assert.equal(first.content, DEFAULT_CHAT_REPLY, 'the default handler answers a fixed text');

  fake.queueChat('queued one', 'queued two');
  const seen: ChatRequest[] = [];
  fake.onChat((req) => {
    seen.push(req);
    return `handled: ${req.messages.at(-1)?.content}`;
  });

  assert.equal((await model.invoke('a')).content, 'queued one');
  assert.equal((await model.invoke('b')).content, 'queued two');
  const handled = await model.invoke([
    ['system', 'You answer from the corpus.'],
    ['human', 'What is the refund policy?'],
  ]);
  assert.equal(handled.content, 'handled: What is the refund policy?');
  assert.equal(handled.response_metadata.finish_reason, 'stop');
  assert.ok((handled.usage_metadata?.total_tokens ?? 0) > 0);

  assert.equal(seen.length, 1, 'queued replies are consumed before the handler is asked');
  assert.equal(seen[0]?.model, CHAT_MODEL);
  assert.deepEqual(seen[0]?.messages, [
    { role: 'system', content: 'You answer from the corpus.' },
    { role: 'user', content: 'What is the refund policy?' },
  ]);
  const calls = chatRequests(fake);
  assert.equal(calls.length, 4);
  assert.ok(calls.every((r) => r.body.stream === false), 'ChatOpenAI does not stream unless asked');
});

test('a handler that throws answers 500 so the failure is visible', async (t) => {
  const fake = await withFake(t);
  fake.onChat(() => {
    throw new Error('boom');
  });
  const err = await rejection(chat(fake).invoke('hi'));
  assert.equal(err.status, 500);
  assert.match(err.message, /boom/);
});

test('ChatOpenAI stream() gets SSE chunks that end cleanly with usage', async (t) => {
  const fake = await withFake(t);
  fake.queueChat('streamed answer in pieces');
  let text = '';
  let chunks = 0;
  let usage: unknown;
  for await (const chunk of await chat(fake).stream('hi')) {
    text += typeof chunk.content === 'string' ? chunk.content : '';
    chunks += 1;
    usage = chunk.usage_metadata ?? usage;
  }
  assert.equal(text, 'streamed answer in pieces');
  assert.ok(chunks > 3, `several chunks arrive (${chunks})`);
  assert.ok(usage, 'the include_usage chunk is understood');
  const body = chatRequests(fake).at(-1)?.body;
  assert.equal(body.stream, true);
  assert.deepEqual(body.stream_options, { include_usage: true });
});

test('the openai client streams chat chunks and lists models', async (t) => {
  const fake = await withFake(t);
  const client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0 });
  fake.queueChat('one two three');
  const stream = await client.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: 'user', content: 'count' }], stream: true });
  let text = '';
  let finish: string | null | undefined;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  assert.equal(text, 'one two three');
  assert.equal(finish, 'stop');

  const models = [];
  for await (const m of client.models.list()) models.push(m.id);
  assert.ok(models.includes(CHAT_MODEL) && models.includes(EMBEDDING_MODEL));
});

test('a queued 429 surfaces from ChatOpenAI as the SDK RateLimitError with status 429 and lc_error_code MODEL_RATE_LIMIT, without retrying', async (t) => {
  const fake = await withFake(t);

  // Default: 429 carries `retry-after: 1`, which LangChain classifies as a "wait" rate limit.
  fake.queueChat({ status: 429 });
  const err = await rejection(chat(fake).invoke('hi'));
  assert.equal(err instanceof RateLimitError, true, 'error class: ' + err?.constructor?.name);
  assert.equal(err.status, 429);
  assert.equal(err.lc_error_code, 'MODEL_RATE_LIMIT');
  assert.equal(err.code, 'rate_limit_exceeded');
  assert.equal(err.name, 'Error');
  assert.equal(err.retryAfterMs, 1000);
  assert.equal(err.rateLimitType, 'wait');
  assert.equal(err.headers.get('retry-after'), '1');

  // Without the header LangChain renames it RateLimitCapacityError.
  fake.queueChat({ status: 429, retryAfter: null });
  const headerless = await rejection(chat(fake).invoke('hi'));
  assert.equal(headerless instanceof RateLimitError, true, 'error class: ' + headerless?.constructor?.name);
  assert.equal(headerless.status, 429);
  assert.equal(headerless.lc_error_code, 'MODEL_RATE_LIMIT');
  assert.equal(headerless.name, 'RateLimitCapacityError');
  assert.equal(headerless.rateLimitType, 'capacity');

  // An insufficient_quota body becomes InsufficientQuotaError.
  fake.queueChat({ status: 429, body: { error: { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' } } });
  const quota = await rejection(chat(fake).invoke('hi'));
  assert.equal(quota.status, 429);
  assert.equal(quota.name, 'InsufficientQuotaError');
  assert.equal(quota.rateLimitType, 'stop');

  assert.equal(chatRequests(fake).length, 3, 'maxRetries: 0 means one request each');
});

test('a queued 500 surfaces from ChatOpenAI as the SDK InternalServerError with status 500 and no lc_error_code', async (t) => {
  const fake = await withFake(t);
  fake.queueChat({ status: 500 });
  const err = await rejection(chat(fake).invoke('hi'));
  assert.equal(err instanceof InternalServerError, true, 'error class: ' + err?.constructor?.name);
  assert.equal(err.status, 500);
  assert.equal(err.lc_error_code, undefined);
  assert.equal(err.type, 'server_error');
  assert.match(err.message, /^500 /);
  assert.equal(chatRequests(fake).length, 1);
});

test('a reply delayed past the client timeout produces a TimeoutError, and the server keeps serving', async (t) => {
  const fake = await withFake(t);
  fake.queueChat({ delayMs: 5_000, content: 'too late' });
  const started = Date.now();
  const err = await rejection(chat(fake, { timeout: 200 }).invoke('hi'));
  const elapsed = Date.now() - started;
  assert.equal(err.name, 'TimeoutError');
  assert.equal(err.message, 'Request timed out.');
  assert.equal(err.status, undefined);
  assert.equal(err.lc_error_code, undefined);
  assert.ok(elapsed < 2_000, `timed out promptly (${elapsed} ms)`);

  fake.queueChat({ delayMs: 50, content: 'in time' });
  assert.equal((await chat(fake, { timeout: 2_000 }).invoke('hi')).content, 'in time');
});

test('a malformed JSON body surfaces from ChatOpenAI as a SyntaxError', async (t) => {
  const fake = await withFake(t);
  fake.queueChat({ raw: '{"id": "chatcmpl-broken", "choices": [' });
  const err = await rejection(chat(fake).invoke('hi'));
  assert.equal(err instanceof SyntaxError, true, 'error class: ' + err?.constructor?.name);
  assert.equal(err.status, undefined);
  assert.equal(chatRequests(fake).length, 1);
});

test('close() cancels a pending delayed reply promptly and is idempotent', async () => {
  const fake = await startFakeOpenAI();
  fake.queueChat({ delayMs: 60_000 });
  const pending = rejection(chat(fake, { timeout: 60_000 }).invoke('hi'));
  while (chatRequests(fake).length === 0) await new Promise((r) => setTimeout(r, 10));
  const started = Date.now();
  await Promise.all([fake.close(), fake.close()]);
  const err = await pending;
  assert.ok(Date.now() - started < 2_000);
  assert.ok(err instanceof Error, 'the client sees its connection dropped');
  await fake.close();
});

test('close() leaves nothing running, so a process that used the fake exits by itself', async () => {
  const helper = new URL('./fake-openai.ts', import.meta.url).href;
  const script = `
    import { startFakeOpenAI } from ${JSON.stringify(helper)};
    import OpenAI from 'openai';
    const fake = await startFakeOpenAI();
    const client = new OpenAI({ apiKey: 'test', baseURL: fake.baseURL, maxRetries: 0 });
    await client.embeddings.create({ model: 'm', input: 'keep-alive socket' });
    fake.queueChat({ delayMs: 120000 });
    const pending = client.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }).catch((e) => e);
    while (fake.requests.length < 2) await new Promise((r) => setTimeout(r, 10));
    await fake.close();
    const err = await pending;
    const handles = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
    console.log(JSON.stringify({ err: err?.constructor?.name, handles }));
  `;
  const cwd = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let errOut = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (errOut += d.toString()));
  const started = Date.now();
  const code = await new Promise<number | null>((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (c) => {
      clearTimeout(killer);
      resolve(c);
    });
  });
  assert.equal(code, 0, `child exited by itself (stderr: ${errOut})`);
  assert.ok(Date.now() - started < 15_000);
  const report = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { err?: string; handles?: string[] };
  assert.equal(report.err, 'APIConnectionError', 'the pending request failed instead of hanging');
  assert.ok(
    !report.handles?.some((h) => h === 'TCPServerWrap' || h === 'TCPSocketWrap' || h === 'Timeout'),
    `no server, socket or timer left: ${JSON.stringify(report.handles)}`,
  );
});
