// Ships one ESM bundle (dist/awsdeck.js) plus lazily loaded chunks: the CLI path never loads
// React/Ink, and bundled Ink starts far faster than unbundled (shared/DESIGN.md).
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

// Patches to dependencies of the dashboard, for its first frame and its per-key frames, applied as
// the bundle is built. Each replacement must match exactly as often as stated, so an upgrade that
// changes the code fails the build instead of silently losing the patch.
const dependencyPatches = [
  {
    // yoga-layout (Ink's layout engine) embeds its WebAssembly as a base64 data: URL and, because
    // Node has a global fetch, loads it with fetch(): that compiles Node's internal undici and runs
    // the data URL through its percent-decoder, about 18 ms. Decode it with Buffer instead.
    file: /node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
    replacements: [
      // Never fetch (both the ArrayBuffer and the streaming path)...
      ['"function"!=typeof fetch', '!0', 2],
      // ...and decode the base64 natively rather than with atob and a byte loop.
      ['var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c', 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))', 1],
    ],
  },
  {
    // string-width builds /^\p{RGI_Emoji}$/v when the module loads: V8 expands every emoji sequence
    // into the regex, 10-16 ms, and the dashboard's frames rarely hold an emoji. Build it on first
    // use, and only test a cluster that could be one: every RGI emoji contains a non-ASCII Emoji
    // code point or U+20E3 (the keycap; checked over every code point, with U+FE0F, keycaps, flags
    // and skin tones), so the answer is unchanged.
    // Ink's own string-width (8.x); wrap-ansi's nested 7.x copy has no such regex.
    file: /node_modules[\\/]string-width[\\/]index\.js$/,
    only: (path) => !/wrap-ansi[\\/]node_modules/.test(path),
    replacements: [
      ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', String.raw`let rgiEmojiRegexBuilt;
const mayBeEmojiRegex = /(?![\x00-\x7F])[\p{Emoji}\u20E3]/u;
const rgiEmojiRegex = {test: (segment) => mayBeEmojiRegex.test(segment) && (rgiEmojiRegexBuilt ??= new RegExp('^\\p{RGI_Emoji}$', 'v')).test(segment)};`, 1],
    ],
  },
  {
    // Ink turns every line of every frame into styled characters (tokenize + styledCharsFromTokens),
    // with caches that live for one frame. Between two keypresses only the lines around the cursor
    // change, so the caches are kept across frames, and started afresh once they hold more lines
    // than a few screens (a 120-column line's styled characters take about 6 KB).
    // Every line is also clipped by the root box, and slicing a line that fits (most of them) only
    // re-tokenises it: such a line is kept as it is. Together about half of a frame's time.
    file: /node_modules[\\/]ink[\\/]build[\\/]output\.js$/,
    replacements: [
      ['    caches = new OutputCaches();', '    caches = sharedOutputCaches();', 1],
      ['export default class Output {', `let sharedCaches;
function sharedOutputCaches() {
    if (!sharedCaches || sharedCaches.styledChars.size > 600 || sharedCaches.widths.size > 5000) sharedCaches = new OutputCaches();
    return sharedCaches;
}
export default class Output {`, 1],
      ['return sliceAnsi(line, from, to);', 'return from === 0 && to >= width ? line : sliceAnsi(line, from, to);', 1],
    ],
  },
];

const dependencyPatchPlugin = {
  name: 'dependency-patches',
  setup(b) {
    for (const { file, only, replacements } of dependencyPatches) {
      b.onLoad({ filter: file }, ({ path }) => {
        if (only && !only(path)) return undefined;
        let code = readFileSync(path, 'utf8');
        for (const [from, to, times] of replacements) {
          const found = code.split(from).length - 1;
          if (found !== times) throw new Error(`dependency patch: expected ${times}× ${JSON.stringify(from)} in ${path}, found ${found}`);
          code = code.split(from).join(to); // not replaceAll: `to` may hold $' and the like
        }
        return { contents: code, loader: 'js' };
      });
    }
  },
};

// The dashboard (src/app/run-dashboard.tsx with Ink, React and the components) is a bundle of its
// own, dist/dashboard.js, that the entry point imports: built with the CLI it came in a dozen chunks
// shared with the CLI routes, and Node 20's ES module loader costs about a millisecond a module
// (the first frame of `awsdeck --demo` drew about 15 ms sooner this way). The price is a second
// copy of the engine code the two share (dist grows from about 2.2 to 2.8 MB).
const dashboardAsOwnBundle = {
  name: 'dashboard-as-own-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/app\/run-dashboard\.js$/ }, ({ importer }) =>
      /src[\\/]cli[\\/]main\.ts$/.test(importer) ? { path: './dashboard.js', external: true } : undefined);
  },
};

const common = {
  metafile: true,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer packages' ES module builds: they tree-shake (signature-v4's CJS build drags in all of @smithy/core).
  mainFields: ['module', 'main'],
  target: 'node20',
  external: ['react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  // Smaller code parses and compiles faster (react-reconciler alone is 400 KB unminified); names
  // are kept so stack traces stay readable. (Minifying identifiers too made no measurable difference.)
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};
const requireShim = "import { createRequire as __awsdeckCreateRequire } from 'node:module';\nconst require = __awsdeckCreateRequire(import.meta.url);";

rmSync('dist', { recursive: true, force: true });
// dist/completer.js is the completer the shell runs on every Tab (src/cli/completion/entry.ts): an
// entry of its own, so it loads none of the CLI's commands, sharing the CLI's chunks (the S3
// client its s3:// listing loads now and then is the s3 commands' own).
const cli = await build({
  ...common,
  entryPoints: { awsdeck: 'src/cli/main.ts', completer: 'src/cli/completion/entry.ts' },
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: `#!/usr/bin/env node\n${requireShim}` },
  plugins: [dependencyPatchPlugin, dashboardAsOwnBundle],
});
const dashboard = await build({
  ...common,
  entryPoints: { dashboard: 'src/app/run-dashboard.tsx' },
  chunkNames: 'chunks/dashboard-[name]-[hash]',
  banner: { js: requireShim },
  plugins: [dependencyPatchPlugin],
});
chmodSync('dist/awsdeck.js', 0o755);
chmodSync('dist/completer.js', 0o755);
writeFileSync('dist/meta.json', JSON.stringify({
  inputs: { ...cli.metafile.inputs, ...dashboard.metafile.inputs },
  outputs: { ...cli.metafile.outputs, ...dashboard.metafile.outputs },
}));
