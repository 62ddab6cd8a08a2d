// `awsdeck help` / `--help` list every command group with one line each.
import { describe, expect, it } from 'vitest';
import { COMMAND_GROUPS } from '../../src/cli/command-groups.js';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

async function help(arg: string): Promise<string> {
  let out = '';
  const sink = { write: (chunk: string | Uint8Array) => { out += String(chunk); return true; } };
  const io = { stdout: sink, stderr: sink, stdin: process.stdin, env: {}, cwd: process.cwd() } as unknown as CliIO;
  expect(await main([arg], io)).toBe(0);
  return out;
}

describe('top-level help', () => {
  it.each(['help', '--help'])('%s names every command group on a line of its own', async (arg) => {
    const lines = (await help(arg)).split('\n');
    for (const name of ['configure', 'sso', 's3', 'audit', 'sandbox', 'completion', 'exec', 'shell-init', 'use']) {
      const line = lines.find((l) => l.startsWith(`  awsdeck ${name} `));
      expect(line, name).toBeDefined();
      expect(line!.length).toBeGreaterThan(`  awsdeck ${name} `.length + 20);
    }
    expect(COMMAND_GROUPS.every((g) => lines.some((l) => l.includes(g.summary)))).toBe(true);
  });
});
