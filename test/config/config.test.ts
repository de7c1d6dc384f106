import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { readConfig, redactEnv } from '../../src/config/index.js';
import { tempDir } from '../helpers/engine.js';

const temp = tempDir();
after(() => temp.cleanup());

test('a FOOTNOTE_MESSAGE_CONTENT that is not true or false is refused naming the variable, not read as false', () => {
  assert.throws(() => readConfig({ DISCORD_TOKEN: 'token-123456', FOOTNOTE_MESSAGE_CONTENT: 'ture' }), /FOOTNOTE_MESSAGE_CONTENT must be true or false/);
  assert.equal(readConfig({ DISCORD_TOKEN: 'token-123456', FOOTNOTE_MESSAGE_CONTENT: 'off' }).discord!.messageContent, false);
  assert.equal(readConfig({ DISCORD_TOKEN: 'token-123456', FOOTNOTE_MESSAGE_CONTENT: 'yes' }).discord!.messageContent, true);
});

test('a FOOTNOTE_DATA_DIR that is a file, or lies under one, is refused naming the variable', () => {
  const file = join(temp.dir, 'a-file');
  writeFileSync(file, 'x');
  assert.throws(() => readConfig({ FOOTNOTE_DATA_DIR: file }), /FOOTNOTE_DATA_DIR is a file, not a folder/);
  assert.throws(() => readConfig({ FOOTNOTE_DATA_DIR: join(file, 'data') }), /FOOTNOTE_DATA_DIR .*a-file is a file, not a folder/);
});

test('a FOOTNOTE_DATA_DIR that does not exist yet is accepted (it is created when the index is built)', () => {
  const dir = join(temp.dir, 'new', 'deeper', 'data');
  assert.equal(readConfig({ FOOTNOTE_DATA_DIR: dir }).dataDir, dir);
  mkdirSync(dir, { recursive: true });
  assert.equal(readConfig({ FOOTNOTE_DATA_DIR: dir }).dataDir, dir);
});

test('the secrets set in the environment are taken out of any text', () => {
  const env = { OPENAI_API_KEY: ' sk-test-key-123 ', DISCORD_TOKEN: 'discord-token-456' };
  assert.equal(redactEnv('401 Incorrect API key provided: sk-test-key-123; token discord-token-456', env), '401 Incorrect API key provided: [redacted]; token [redacted]');
  assert.equal(redactEnv('nothing secret', {}), 'nothing secret');
});
