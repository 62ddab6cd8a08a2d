// A bundle of awsdeck's CLI of a test's own (under .tmp/), for long differential runs: the shared
// dist/ is rebuilt by other work while they run, which removes the chunks a running test loads.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Builds src/cli/main.ts into a fresh folder under .tmp/ and returns its entry (awsdeck.js). */
export async function buildPrivateBundle(): Promise<string> {
  const root = resolve('.tmp');
  mkdirSync(root, { recursive: true });
  // A test process may be ended without its exit hooks: bundles an hour old are left-overs.
  for (const name of readdirSync(root).filter((n) => n.startsWith('bundle-'))) {
    if (Date.now() - statSync(join(root, name)).mtimeMs > 3_600_000) rmSync(join(root, name), { recursive: true, force: true });
  }
  const outdir = mkdtempSync(join(root, 'bundle-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    entryPoints: { awsdeck: 'src/cli/main.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    target: 'node20',
    external: ['react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __awsdeckCreateRequire } from 'node:module';\nconst require = __awsdeckCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return join(outdir, 'awsdeck.js');
}
