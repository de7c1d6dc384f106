import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConfig } from '../../src/config/index.js';

const base = { DISCORD_TOKEN: 'token-123456' };

test('the Discord settings default to no threads, no question channels, ten turns and a ten-second shutdown', () => {
  const d = readConfig(base).discord!;
  assert.equal(d.messageContent, false);
  assert.equal(d.replyThreads, false);
  assert.deepEqual(d.questionChannels, []);
  assert.equal(d.maxTurns, 10);
  assert.equal(d.shutdownGraceMs, 10000);
});

test('the Discord settings are read from the environment', () => {
  const d = readConfig({ ...base, FOOTNOTE_MESSAGE_CONTENT: 'true', FOOTNOTE_REPLY_THREADS: 'yes', FOOTNOTE_QUESTION_CHANNELS: '123456789012345678, 223456789012345678', FOOTNOTE_MAX_TURNS: '4', FOOTNOTE_SHUTDOWN_GRACE_MS: '2500' }).discord!;
  assert.equal(d.replyThreads, true);
  assert.deepEqual(d.questionChannels, ['123456789012345678', '223456789012345678']);
  assert.equal(d.maxTurns, 4);
  assert.equal(d.shutdownGraceMs, 2500);
});

test('a bad Discord setting is refused with a message naming the variable', () => {
  assert.throws(() => readConfig({ ...base, FOOTNOTE_REPLY_THREADS: 'sometimes' }), /FOOTNOTE_REPLY_THREADS must be true or false/);
  assert.throws(() => readConfig({ ...base, FOOTNOTE_MAX_TURNS: '0' }), /FOOTNOTE_MAX_TURNS must be a whole number from 1 to 50/);
  assert.throws(() => readConfig({ ...base, FOOTNOTE_MESSAGE_CONTENT: 'true', FOOTNOTE_QUESTION_CHANNELS: 'general' }), /FOOTNOTE_QUESTION_CHANNELS must be channel ids/);
  assert.throws(() => readConfig({ ...base, FOOTNOTE_QUESTION_CHANNELS: '123456789012345678' }), /FOOTNOTE_QUESTION_CHANNELS needs FOOTNOTE_MESSAGE_CONTENT=true/);
  assert.throws(() => readConfig({ ...base, DISCORD_API_URL: 'localhost:3000' }), /DISCORD_API_URL must be an http\(s\) URL/);
});

test('a refused setting never echoes the token', () => {
  try {
    readConfig({ DISCORD_TOKEN: 'secret-token-value', FOOTNOTE_MAX_TURNS: 'secret-token-value' });
    assert.fail('expected an error');
  } catch (error) {
    assert.doesNotMatch((error as Error).message, /secret-token-value/);
  }
});
