// Ships one ESM bundle (dist/awsdeck.js) plus lazily loaded chunks: the CLI path never loads
// React/Ink, and bundled Ink starts far faster than unbundled (shared/DESIGN.md).
import { build } from 'esbuild';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
const result = await build({
  metafile: true,
  entryPoints: { awsdeck: 'src/cli/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer packages' ES module builds: they tree-shake (signature-v4's CJS build drags in all of @smithy/core).
  mainFields: ['module', 'main'],
  target: 'node20',
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __awsdeckCreateRequire } from 'node:module';\nconst require = __awsdeckCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  // Smaller code parses and compiles faster (react-reconciler alone is 400 KB unminified); names
  // are kept so stack traces stay readable.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
chmodSync('dist/awsdeck.js', 0o755);
writeFileSync('dist/meta.json', JSON.stringify(result.metafile));
