import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RateQueue, type Outcome } from '../../src/study/queue.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('without a limit every question starts at once and nothing waits', async () => {
  const queue = new RateQueue({ windowMs: 1000 });
  const started: number[] = [];
  const waited: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      queue.submit('g', 0, {
        prepare: async () => started.push(i),
        deliver: async () => {},
        onWaiting: (p) => void waited.push(p),
      }),
    ),
  );
  assert.equal(started.length, 20);
  assert.deepEqual(waited, []);
});

test('over the budget questions wait, are told their place, start no faster than the budget, and are delivered in order', async () => {
  const windowMs = 60;
  const limit = 3;
  // (the budget is kept on the slots the queue grants, read here as it grants them and on the test's clock:
  // timing the prepare calls instead, or mixing Date.now with performance.now, was flaky on a loaded machine)
  const queue = new RateQueue({ windowMs, now: () => performance.now() });
  const starts: number[] = [];
  const delivered: number[] = [];
  const places = new Map<number, number[]>();
  const t0 = performance.now();
  queue.onStart = (_key, at) => void starts.push(at - t0);
  await Promise.all(
    Array.from({ length: 15 }, (_, i) =>
      queue.submit('g', limit, {
        prepare: async () => i,
        deliver: async (o: Outcome<number>) => {
          assert.ok(o.ok);
          delivered.push(o.value);
        },
        onWaiting: (p) => void places.set(i, [...(places.get(i) ?? []), p]),
      }),
    ),
  );
  assert.deepEqual(delivered, Array.from({ length: 15 }, (_, i) => i), 'all delivered, in arrival order');
  for (let i = 0; i < limit; i++) assert.equal(places.get(i), undefined, 'the first ones did not wait');
  for (let i = limit; i < 15; i++) {
    const told = places.get(i)!;
    assert.equal(told[0], i - limit + 1, `question ${i} was first told place ${i - limit + 1}`);
    assert.ok(told.every((p, j) => j === 0 || p < told[j - 1]!), 'places only go down');
  }
  // no window of windowMs holds more than `limit` starts (1 ms slack for timer granularity)
  for (let i = limit; i < starts.length; i++) assert.ok(starts[i]! - starts[i - limit]! >= windowMs - 1, `starts ${i - limit} and ${i}: ${starts[i - limit]} → ${starts[i]}`);
  const total = performance.now() - t0;
  assert.ok(total >= 4 * windowMs - 5 && total < 4 * windowMs + 3000, `15 questions at 3 per ${windowMs} ms took ${total.toFixed(0)} ms`);
});

test('a slow answer holds back later deliveries, never overtaken', async () => {
  const queue = new RateQueue({ windowMs: 1000 });
  const delivered: number[] = [];
  const job = (i: number, ms: number) =>
    queue.submit('g', 5, {
      prepare: async () => {
        await sleep(ms);
        return i;
      },
      deliver: async (o: Outcome<number>) => void delivered.push(o.ok ? o.value : -1),
    });
  await Promise.all([job(0, 80), job(1, 0), job(2, 20)]);
  assert.deepEqual(delivered, [0, 1, 2]);
});

test('a failed answer is delivered as a failure and the queue carries on', async () => {
  const queue = new RateQueue({ windowMs: 30 });
  const seen: string[] = [];
  await Promise.all(
    [0, 1, 2, 3].map((i) =>
      queue.submit('g', 1, {
        prepare: async () => {
          if (i === 1) throw new Error('boom');
          return i;
        },
        deliver: async (o: Outcome<number>) => void seen.push(o.ok ? `ok ${o.value}` : `error ${(o.error as Error).message}`),
      }),
    ),
  );
  assert.deepEqual(seen, ['ok 0', 'error boom', 'ok 2', 'ok 3']);
});

test('servers have separate budgets', async () => {
  const queue = new RateQueue({ windowMs: 10_000 });
  const waited: string[] = [];
  const submit = (g: string) => queue.submit(g, 1, { prepare: async () => g, deliver: async () => {}, onWaiting: () => void waited.push(g) });
  const a = submit('a');
  const b = submit('b');
  await Promise.all([a, b]);
  assert.deepEqual(waited, []);
  const c = submit('a');
  await sleep(5);
  assert.deepEqual(waited, ['a']);
  queue.close();
  await c;
});

test('closing the queue cancels the questions still waiting, telling each, and lets started ones finish', async () => {
  const queue = new RateQueue({ windowMs: 10_000 });
  const log: string[] = [];
  const all = [0, 1, 2].map((i) =>
    queue.submit('g', 1, {
      prepare: async () => {
        await sleep(20);
        return i;
      },
      deliver: async () => void log.push(`delivered ${i}`),
      onCancelled: () => void log.push(`cancelled ${i}`),
    }),
  );
  queue.close();
  await Promise.all(all);
  assert.deepEqual(log.sort(), ['cancelled 1', 'cancelled 2', 'delivered 0']);
  let cancelled = false;
  await queue.submit('g', 1, { prepare: async () => 0, deliver: async () => {}, onCancelled: () => void (cancelled = true) });
  assert.ok(cancelled, 'nothing new is taken after closing');
});
