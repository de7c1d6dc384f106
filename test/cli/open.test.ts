import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { runTs } from '../helpers/cli.js';
import { tempDir } from '../helpers/engine.js';

const KEY = 'sk-local-test-key-0123456789';
const data = tempDir();
let server: Server;
let baseURL = '';

before(async () => {
  // An OpenAI-compatible server that refuses the key and, as some do, repeats it in the error.
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const key = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `Incorrect API key provided: ${key}.`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  data.cleanup();
});

test('a model server that repeats the key in its error: the command fails with a one-line error that does not show the key', async () => {
  const run = await runTs('src/cli/ask.ts', ['Who wrote the article?'], {
    FOOTNOTE_DATA_DIR: data.dir,
    FOOTNOTE_EMBEDDINGS: 'openai',
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: baseURL,
    OPENAI_MAX_RETRIES: '0',
    FOOTNOTE_DEBUG: '1',
  });
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /error: Embedding the corpus failed: 401 Incorrect API key provided: \[redacted\]/);
  assert.ok(!run.stdout.includes(KEY) && !run.stderr.includes(KEY), run.stderr);
  assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
});
