// Bundles each test (with the TypeScript modules it imports) into a temporary folder under node_modules and runs them with Node's test
// runner; its TAP summary ("# pass N", "# fail N") is what scripts/test.sh counts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
// Inside node_modules, so a test that imports a package (esbuild) finds it from there.
const out = mkdtempSync(join(root, 'node_modules', '.tests-'));
try {
  const tests = readdirSync(here).filter((name) => name.endsWith('.test.mjs'));
  await build({
    entryPoints: tests.map((name) => join(here, name)),
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: ['node20'],
    packages: 'external',
    logLevel: 'error',
  });
  const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', ...tests.map((name) => join(out, name.replace(/\.mjs$/, '.js')))], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { recursive: true, force: true });
}
