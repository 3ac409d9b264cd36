import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chatTexts } from '../src/chat/texts.ts';
import { languageOf, languages } from '../src/shared/languages.ts';
import { launcherTexts } from '../src/shared/launcher-texts.ts';

for (const [name, table] of [['chat', chatTexts], ['launcher', launcherTexts]]) {
  test(`every ${name} text is written in all six languages`, () => {
    assert.deepEqual(Object.keys(table).sort(), [...languages].sort());
    const keys = Object.keys(table.en).sort();
    for (const language of languages) {
      assert.deepEqual(Object.keys(table[language]).sort(), keys, language);
      for (const key of keys) {
        assert.ok(table[language][key].trim().length > 0, `${language}.${key}`);
      }
    }
  });
}

test('placeholders survive translation', () => {
  for (const language of languages) {
    assert.match(chatTexts[language].call, /\{phone\}/, language);
    assert.match(chatTexts[language].unread, /\{n\}/, language);
  }
});

test('a browser language picks its table, an unknown one English', () => {
  assert.equal(languageOf('fr-CA'), 'fr');
  assert.equal(languageOf('PT-br'), 'pt');
  assert.equal(languageOf('nl'), 'en');
  assert.equal(languageOf(undefined), 'en');
});
