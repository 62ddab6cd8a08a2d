// Starts writer-child.ts as plain node processes: bundled once (a tsx start per process would
// dominate the run), and node is the process SIGKILL hits, with no wrapper left writing.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { WriterKind } from './writers.js';

export async function bundleWriterChild(): Promise<string> {
  mkdirSync(resolve('.tmp'), { recursive: true });
  const dir = mkdtempSync(resolve('.tmp', 'writer-child-'));
  const outfile = join(dir, 'writer-child.mjs');
  await build({ entryPoints: [join(import.meta.dirname, 'writer-child.ts')], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning' });
  return outfile;
}

export interface WriterProcess {
  kill(): void;
  ready: Promise<void>;
  /** Resolves once `count` writes have completed. */
  wrote(count: number): Promise<void>;
  exited: Promise<number | null>;
  errors(): string;
}

export function startWriter(child: string, kind: WriterKind, home: string, tag: string, count: number): WriterProcess {
  const proc = spawn(process.execPath, [child, kind, home, tag, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<{ count: number; res: () => void }> = [];
  const ready = new Promise<void>((res) => proc.stdout.on('data', (d) => {
    out += d;
    if (out.includes('ready')) res();
    const written = out.split('.').length - 1;
    for (const w of waiters.filter((x) => x.count <= written)) w.res();
  }));
  const wrote = (n: number) => new Promise<void>((res) => { waiters.push({ count: n, res }); });
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  return { kill: () => proc.kill('SIGKILL'), ready, wrote, exited, errors: () => err };
}

export function removeWriterChild(child: string | undefined): void {
  if (child) rmSync(dirname(child), { recursive: true, force: true });
}
