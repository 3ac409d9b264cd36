import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';

// The tests run bundled, from a temporary folder: the sources are found from the working directory (widget/, test/run.mjs sets it).
const sources = join(process.cwd(), 'src');

const bundle = async (entry) => {
  const result = await build({ entryPoints: [join(sources, entry)], bundle: true, minify: true, format: 'iife', target: ['es2019'], write: false, define: { __CHAT_FILE__: '"chat.test.js"' } });
  return result.outputFiles[0].text;
};

for (const entry of ['loader.ts', 'chat/index.ts']) {
  test(`${entry} parses no HTML and evaluates no code`, async () => {
    const code = await bundle(entry);
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'eval(', 'new Function', 'setAttribute("style"', 'setTimeout("']) {
      assert.equal(code.includes(sink), false, sink);
    }
  });
}

test('the loader defines one global, SmbAgentWidget', async () => {
  const code = await bundle('loader.ts');
  assert.deepEqual([...new Set(code.match(/window\.[A-Za-z]+\s*=/g))], ['window.SmbAgentWidget=']);
});
