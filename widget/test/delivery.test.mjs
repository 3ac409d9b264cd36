import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ChatApiError } from '../src/chat/api.ts';
import { backoffDelay, deliver, maxAttempts, newIdempotencyKey, outgoing } from '../src/chat/delivery.ts';

const environment = (overrides = {}) => {
  const log = [];
  return {
    log,
    isOnline: () => true,
    untilOnline: async () => log.push('online'),
    wait: async (ms) => log.push(`wait ${ms}`),
    onWaiting: (reason) => log.push(reason),
    random: () => 1,
    ...overrides,
  };
};

test('every try of a message sends its one idempotency key until the server takes it', async () => {
  const keys = [];
  const failures = [new ChatApiError(0), new ChatApiError(503), new ChatApiError(429), new ChatApiError(409, 'Chat:Conflict')];
  const env = environment();
  const result = await deliver(outgoing('hello', () => 'key-1'), async (message) => {
    keys.push(message.idempotencyKey);
    const failure = failures.shift();
    if (failure) {
      throw failure;
    }

    return 'turn';
  }, env);
  assert.deepEqual(result, { ok: true, value: 'turn' });
  assert.deepEqual(keys, ['key-1', 'key-1', 'key-1', 'key-1', 'key-1']);
  assert.deepEqual(env.log, ['failing', 'wait 1000', 'failing', 'wait 2000', 'failing', 'wait 4000', 'failing', 'wait 8000']);
});

test('offline, a message waits for the network before it is tried', async () => {
  let online = false;
  const env = environment({ isOnline: () => online, untilOnline: async () => { online = true; } });
  let tries = 0;
  const result = await deliver(outgoing('hello'), async () => ++tries, env);
  assert.deepEqual(result, { ok: true, value: 1 });
  assert.deepEqual(env.log, ['offline']);
});

test('transient failures end, after the last try, in a failure the visitor is shown', async () => {
  let tries = 0;
  const result = await deliver(outgoing('hello'), async () => {
    tries++;
    throw new ChatApiError(500);
  }, environment());
  assert.deepEqual(result, { ok: false, failure: 'transient' });
  assert.equal(tries, maxAttempts);
});

test('a refused message, a gone conversation and a business that cannot chat are not tried again', async () => {
  for (const [error, failure] of [[new ChatApiError(400), 'refused'], [new ChatApiError(409, 'Chat:ConversationFull'), 'refused'], [new ChatApiError(404), 'restart'], [new ChatApiError(403, 'Widget:OriginNotAllowed'), 'unavailable']]) {
    let tries = 0;
    const result = await deliver(outgoing('hello'), async () => {
      tries++;
      throw error;
    }, environment());
    assert.deepEqual(result, { ok: false, failure });
    assert.equal(tries, 1);
  }
});

test('backoff doubles from one second up to thirty, jittered within its upper half', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 9].map((attempt) => backoffDelay(attempt, () => 1)), [1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  assert.deepEqual([0, 5].map((attempt) => backoffDelay(attempt, () => 0)), [500, 15000]);
});

test('each message gets a new random UUID', () => {
  const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
  assert.equal(keys.size, 50);
  for (const key of keys) {
    assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  }
});
