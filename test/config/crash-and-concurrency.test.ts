// Crash safety (a writer killed with SIGKILL at random moments leaves the old or the new file,
// whole) and concurrency (parallel writer processes: no change lost), with real processes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfigFiles, parseIni } from '../../src/engine/config/index.js';

const CHILD = join(import.meta.dirname, 'writer-child.ts');

function startWriter(file: string, key: string, count: number) {
  // node itself loads tsx, so SIGKILL hits the writer (the tsx command would run it in a
  // grandchild that survives the kill and keeps writing).
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, key, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const ready = new Promise<void>((resolve) => child.stdout.on('data', (d) => { out += d; if (out.includes('ready')) resolve(); }));
  child.stderr.on('data', (d) => { err += d; });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited, output: () => out, errors: () => err };
}

// Many untouched lines make each write take long enough for kills to land mid-write.
const filler = Array.from({ length: 4000 }, (_, i) => `# comment line ${i} with some padding text to make the file larger`).join('\n');
const original = `[default]\nregion = us-east-1\ncounter = v0\n${filler}\n[profile keep]\nregion = eu-west-1\n`;

describe('crash safety', () => {
  it('a writer killed at random points leaves a whole file, old or new', async () => {
    for (let trial = 0; trial < 8; trial++) {
      const dir = mkdtempSync(join(tmpdir(), 'awsdeck-crash-'));
      const file = join(dir, 'config');
      writeFileSync(file, original, { mode: 0o600 });
      const w = startWriter(file, 'counter', 100000);
      await w.ready;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 300));
      w.child.kill('SIGKILL');
      await w.exited;
      const text = readFileSync(file, 'utf8');
      const parsed = parseIni(text, file);
      const def = parsed.sections.find((s) => s.name === 'default')!;
      expect(def.keys.get('counter')!.value).toMatch(/^v\d+$/);
      expect(text.replace(/counter = v\d+/, 'counter = v0')).toBe(original);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      // Leftover temp files are allowed (the process died), but never in place of the file.
      expect(readdirSync(dir)).toContain('config');
    }
  }, 120_000);

  it('the next writer takes over a lock left by a killed one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-lock-'));
    const file = join(dir, 'config');
    writeFileSync(file, original);
    writeFileSync(`${file}.lock`, '999999'); // a pid that does not exist
    const w = startWriter(file, 'after', 1);
    expect(await w.exited).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('after = v1');
  }, 60_000);
});

describe('concurrency', () => {
  it('parallel writer processes keep every change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'awsdeck-conc-'));
    const file = join(dir, 'config');
    writeFileSync(file, '[default]\nregion = us-east-1\n');
    const writers = Array.from({ length: 6 }, (_, i) => startWriter(file, `key_${i}`, 15));
    const codes = await Promise.all(writers.map((w) => w.exited));
    expect(codes, writers.map((w) => w.errors()).join('\n')).toEqual(writers.map(() => 0));
    const env = { HOME: dir, AWS_CONFIG_FILE: file, AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
    const def = loadConfigFiles(env).getProfile('default')!;
    for (let i = 0; i < 6; i++) expect(def.get(`key_${i}`)?.value).toBe('v15');
    expect(def.get('region')?.value).toBe('us-east-1');
    expect(readFileSync(`${file}.bak`, 'utf8')).toContain('[default]');
  }, 120_000);
});
