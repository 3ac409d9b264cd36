// Builds the widget into the API host's static files: a stable loader.js that names the content-hashed chat bundle,
// manifest.json, and precompressed .gz/.br copies of each script (the host serves them as they are).
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'src', 'SmbAgent.HttpApi.Host', 'wwwroot', 'widget');

// Classic scripts (IIFE), so the host page's CSP needs only the widget's origin in script-src and no CORS on the files.
const bundle = async (entry, define = {}) => {
  const result = await build({
    entryPoints: [join(here, 'src', entry)],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    legalComments: 'none',
    define,
    write: false,
    logLevel: 'error',
  });
  return Buffer.from(result.outputFiles[0].contents);
};

const chat = await bundle('chat/index.ts');
const chatFile = `chat.${createHash('sha256').update(chat).digest('hex').slice(0, 12)}.js`;
const loader = await bundle('loader.ts', { __CHAT_FILE__: JSON.stringify(chatFile) });

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
for (const [name, code] of [['loader.js', loader], [chatFile, chat]]) {
  await writeFile(join(out, name), code);
  await writeFile(join(out, `${name}.gz`), gzipSync(code, { level: 9 }));
  await writeFile(join(out, `${name}.br`), brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: code.length },
  }));
}
await writeFile(join(out, 'manifest.json'), `${JSON.stringify({ loader: 'loader.js', chat: chatFile }, null, 2)}\n`);
