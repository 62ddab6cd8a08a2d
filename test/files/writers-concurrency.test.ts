// Several processes writing the same file at once, for every file awsdeck writes, while this
// process keeps reading it: every read finds a whole version (never torn, mixed or empty), and at
// the end no write is lost where the writer merges (INI files, preferences, the audit log's lines).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTick } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleWriterChild, removeWriterChild, startWriter } from './writer-processes.js';
import { WRITER_KINDS, readVersions, seed, type Version } from './writers.js';

let child: string;
beforeAll(async () => { child = await bundleWriterChild(); });
afterAll(() => removeWriterChild(child));

const WRITERS = ['a', 'b', 'c'];
const WRITES = 10;

describe('concurrent writers and a reader', () => {
  it.each(WRITER_KINDS)('%s: every read whole, no write lost', async (kind) => {
    const home = mkdtempSync(join(tmpdir(), `awsdeck-conc-${kind}-`));
    seed(kind, home);
    const writers = WRITERS.map((tag) => startWriter(child, kind, home, tag, WRITES));
    let running = true;
    const codes = Promise.all(writers.map((w) => w.exited)).finally(() => { running = false; });
    let reads = 0;
    const torn: string[] = [];
    while (running) {
      try {
        readVersions(kind, home);
        reads++;
      } catch (error) {
        torn.push(String(error));
      }
      await nextTick();
    }
    expect(await codes, writers.map((w) => w.errors()).join('\n')).toEqual(WRITERS.map(() => 0));
    expect(torn.slice(0, 3)).toEqual([]);
    expect(reads).toBeGreaterThan(0);
    const versions = readVersions(kind, home);
    const has = (v: Version) => versions.some((x) => x.tag === v.tag && x.n === v.n);
    if (kind === 'audit-log') {
      // Every line of every writer, whole, each writer's in its own order.
      for (const tag of WRITERS) expect(versions.filter((v) => v.tag === tag).map((v) => v.n)).toEqual(Array.from({ length: WRITES }, (_, i) => i + 1));
      expect(versions.filter((v) => v.tag === 'torn')).toEqual([]);
    } else if (kind === 'sso-flow-preferences') {
      for (const tag of WRITERS) for (let n = 1; n <= WRITES; n++) expect(has({ tag, n }), `${tag}-${n} lost`).toBe(true);
    } else if (kind === 'config' || kind === 'credentials') {
      for (const tag of WRITERS) expect(has({ tag, n: WRITES }), `${tag}'s last change lost`).toBe(true);
    } else {
      // A whole-document cache: the last rename wins, and it is some writer's last version.
      expect(versions).toHaveLength(1);
      expect(WRITERS).toContain(versions[0]!.tag);
      expect(versions[0]!.n).toBe(WRITES);
    }
  }, 40_000);
});
