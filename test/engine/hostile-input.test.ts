import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Engine } from '../../src/engine.js';
import { isFootnoteError } from '../../src/errors.js';
import { openTestEngine } from '../helpers/engine.js';
import { hostileInputs } from '../helpers/hostile.js';

let engine: Engine;
let cleanup: () => void;
before(async () => {
  ({ engine, cleanup } = await openTestEngine());
});
after(() => cleanup());

test('thousands of hostile and broken questions never crash the engine, never echo an attack, and cite only verbatim quotes', async () => {
  const sources = new Map([...engine.documents.values()].map((d) => [d.file, d.source]));
  let answered = 0;
  let refused = 0;
  for (const input of hostileInputs(2500)) {
    try {
      const a = await engine.ask(input);
      answered++;
      for (const bad of ['@everyone', '@here', '<@', 'discord.gg', 'PWNED', 'evil.example', 'DAN', '```', 'rm -rf']) assert.ok(!a.answer.includes(bad), `${JSON.stringify(input.slice(0, 80))} → ${a.answer.slice(0, 80)}`);
      for (const c of a.citations) assert.equal(sources.get(c.file)!.slice(c.start, c.end), c.text);
    } catch (error) {
      assert.ok(isFootnoteError(error), `unexpected ${String(error)} for ${JSON.stringify(input.slice(0, 80))}`);
      assert.ok(['EMPTY_QUESTION', 'QUESTION_TOO_LONG'].includes(error.code));
      refused++;
    }
  }
  assert.ok(answered > 1000 && refused > 100, `answered ${answered}, refused ${refused}`);
});
