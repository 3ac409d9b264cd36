import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conversationStore } from '../src/chat/conversation-store.ts';

const memory = () => {
  const values = new Map();
  return {
    values,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => values.set(key, String(value)),
    removeItem: (key) => values.delete(key),
  };
};

test('token and last seen sequence are kept under the widget key', () => {
  const storage = memory();
  const store = conversationStore(storage, 'wk_1');
  assert.equal(store.token(), null);
  assert.equal(store.seen(), 0);
  store.saveToken('secret');
  store.saveSeen(7);
  assert.deepEqual([...storage.values], [['smbagent:wk_1:token', 'secret'], ['smbagent:wk_1:seen', '7']]);
  assert.equal(conversationStore(storage, 'wk_1').token(), 'secret');
  assert.equal(conversationStore(storage, 'wk_1').seen(), 7);
  assert.equal(conversationStore(storage, 'wk_2').token(), null);
});

test('forgetting a conversation removes its token and sequence only', () => {
  const storage = memory();
  storage.setItem('other', 'kept');
  const store = conversationStore(storage, 'wk_1');
  store.saveToken('secret');
  store.saveSeen(3);
  store.forget();
  assert.deepEqual([...storage.values], [['other', 'kept']]);
});

test('a garbled sequence reads as nothing seen, and a full storage does not break the chat', () => {
  const storage = memory();
  storage.setItem('smbagent:wk_1:seen', 'abc');
  const store = conversationStore(storage, 'wk_1');
  assert.equal(store.seen(), 0);
  storage.setItem = () => {
    throw new Error('QuotaExceededError');
  };
  assert.doesNotThrow(() => store.saveToken('secret'));
  assert.doesNotThrow(() => store.saveSeen(4));
});
