// `s3 cp` of multipart objects against the sandbox, through a bundle of the CLI: the progress
// line moves while a part is on the wire (not only when one completes), and a 200 MB upload and
// download keep the process's peak RSS (the kernel's ru_maxrss through GNU time) under 150 MB.
import { spawn } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, type Sandbox } from '../../src/sandbox/index.js';
import { buildPrivateBundle } from '../support/private-bundle.js';

const MiB = 1024 * 1024;
let sandbox: Sandbox;
let bundle: string;
let root: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  [sandbox, bundle] = await Promise.all([startSandbox({ seed: 'empty' }), buildPrivateBundle()]);
  root = mkdtempSync(join(tmpdir(), 'awsdeck-s3-progress-'));
  env = {
    PATH: process.env.PATH, HOME: root, AWS_CONFIG_FILE: join(root, 'no-config'), AWS_SHARED_CREDENTIALS_FILE: join(root, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: SANDBOX_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SANDBOX_SECRET_ACCESS_KEY,
    AWS_DEFAULT_REGION: 'us-east-1',
  };
  expect((await deck(['s3', 'mb', 's3://transfers'])).status).toBe(0);
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Run { status: number; stdout: string; stderr: string; maxRssMb: number }

/** The bundle under GNU time, without blocking this process (the sandbox answers from it). */
function deck(args: string[]): Promise<Run> {
  const timeFile = join(root, `time-${Math.random().toString(36).slice(2)}`);
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', timeFile, process.execPath, bundle, '--endpoint-url', sandbox.url, ...args], { env, cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (status) => {
      const maxKb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
      resolve({ status: status ?? -1, stdout, stderr, maxRssMb: maxKb / 1024 });
    });
  });
}

const UNITS: Record<string, number> = { Bytes: 1, KiB: 1024, MiB: MiB, GiB: 1024 * MiB };

/** The "Completed X/Y" amounts of every progress line, in bytes (to the line's precision). */
function progressAmounts(stdout: string): number[] {
  return [...stdout.matchAll(/Completed ([\d.]+) (Bytes|KiB|MiB|GiB)\//g)].map((m) => Number(m[1]) * UNITS[m[2]!]!);
}

function randomFile(name: string, size: number): { path: string; sha256: string } {
  const path = join(root, name);
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  const block = Buffer.allocUnsafe(8 * MiB);
  for (let done = 0; done < size; done += block.length) {
    const piece = block.subarray(0, Math.min(block.length, size - done));
    randomFillSync(piece);
    hash.update(piece);
    writeSync(fd, piece);
  }
  closeSync(fd);
  return { path, sha256: hash.digest('hex') };
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the s3 cp progress line', () => {
  it('advances within a part, on the way up and on the way down (8 MiB parts)', async () => {
    const file = randomFile('progress.bin', 20 * MiB);
    const up = await deck(['s3', 'cp', file.path, 's3://transfers/progress.bin']);
    expect(up.status, up.stderr).toBe(0);
    const sent = progressAmounts(up.stdout);
    // Before a single 8 MiB part is done, the line has already moved.
    expect(sent.some((bytes) => bytes > 0 && bytes < 8 * MiB)).toBe(true);
    expect(sent.at(-1)).toBe(20 * MiB);
    expect(up.stdout).toContain('upload: ./progress.bin to s3://transfers/progress.bin');

    const down = await deck(['s3', 'cp', 's3://transfers/progress.bin', 'back.bin']);
    expect(down.status, down.stderr).toBe(0);
    const received = progressAmounts(down.stdout);
    expect(received.some((bytes) => bytes > 0 && bytes < 8 * MiB)).toBe(true);
    expect(received.at(-1)).toBe(20 * MiB);
    expect(sha256Of(join(root, 'back.bin'))).toBe(file.sha256);
  }, 120_000);

  it('is not printed with --no-progress', async () => {
    writeFileSync(join(root, 'quiet.bin'), Buffer.alloc(9 * MiB, 1));
    const up = await deck(['s3', 'cp', join(root, 'quiet.bin'), 's3://transfers/quiet.bin', '--no-progress']);
    expect(up.status, up.stderr).toBe(0);
    expect(up.stdout).not.toContain('Completed');
  }, 60_000);
});

describe('memory of a large transfer', () => {
  it('a 200 MB upload and download each peak under 150 MB of RSS, and the bytes come back the same', async () => {
    const file = randomFile('large.bin', 200 * MiB);
    const up = await deck(['s3', 'cp', file.path, 's3://transfers/large.bin', '--no-progress']);
    expect(up.status, up.stderr).toBe(0);
    const down = await deck(['s3', 'cp', 's3://transfers/large.bin', 'large-back.bin', '--no-progress']);
    expect(down.status, down.stderr).toBe(0);
    expect(sha256Of(join(root, 'large-back.bin'))).toBe(file.sha256);
    // Holding whole 8 MiB parts for 10 requests in flight (as before streaming) peaked near 200 MB.
    expect(up.maxRssMb).toBeLessThan(150);
    expect(down.maxRssMb).toBeLessThan(150);
  }, 300_000);
});
