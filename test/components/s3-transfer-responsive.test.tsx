// The dashboard while an S3 download is in flight: the transfer line shows it, and keys keep working
// (move, open another object's detail) because the transfer runs beside the render path, not in it.
// The fake engine holds the object's GetObject until the test lets it go. X cancels what has not started.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRANSFER_CONFIG } from '../../src/engine/s3transfer/index.js';
import { fakeEngine, profile } from './fake-engine.js';
import { keys, renderDashboard } from './harness.js';

afterEach(() => cleanup());

describe('an S3 download in the dashboard', () => {
  it('shows its progress line while keys still move and open details; the file lands when the GET answers', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    engine.pages.set('s3api.ListBuckets', [{ Buckets: [{ Name: 'bkt', BucketRegion: 'us-east-1' }] }]);
    engine.pages.set('s3api.ListObjectsV2', [{ Contents: [{ Key: 'a.bin', Size: 5 }, { Key: 'b.txt', Size: 3 }] }]);
    engine.pages.set('s3api.HeadObject', [{ ContentLength: 3, ContentType: 'text/plain', ETag: '"bee"' }]);
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const service = engine.service.bind(engine);
    engine.service = (p, r, s, i) => {
      const caller = service(p, r, s, i);
      return { ...caller, call: (operation, params) => (operation === 'GetObject' && params.Key === 'a.bin' ? held.then(() => ({ Body: new Uint8Array(Buffer.from('hello')) })) : caller.call(operation, params)) };
    };
    const folder = join(mkdtempSync(join(tmpdir(), 'awsdeck-responsive-')), 'dl');
    const ui = await renderDashboard(engine, { size: { columns: 120, rows: 30 } });
    await ui.waitFor('valid');
    await ui.press(':', 's3', keys.enter);
    await ui.waitFor('bkt');
    await ui.press(keys.enter);
    await ui.waitFor(/b\.txt\s+3 B/);
    await ui.press('D');
    await ui.waitFor('Download a.bin from s3://bkt');
    await ui.press('\x15', folder, keys.enter);
    await ui.waitFor(/download 0\/1 ░+ 0%/);

    await ui.press('j', 'd');
    const detail = await ui.waitFor('ContentType: text/plain');
    expect(detail).toMatch(/b\.txt\s+YAML/);
    expect(detail).toMatch(/download 0\/1/);
    expect(existsSync(join(folder, 'a.bin'))).toBe(false);

    release();
    await ui.waitFor('✓ download: 1 object downloaded');
    expect(readFileSync(join(folder, 'a.bin'), 'utf8')).toBe('hello');
  });

  it('X cancels: the file in flight finishes, the next one is not started', async () => {
    const engine = fakeEngine([profile('default', { isDefault: true })]);
    engine.pages.set('s3api.ListBuckets', [{ Buckets: [{ Name: 'bkt', BucketRegion: 'us-east-1' }] }]);
    engine.pages.set('s3api.ListObjectsV2', [{ Contents: [{ Key: 'a.bin', Size: 5 }, { Key: 'b.txt', Size: 3 }] }]);
    // One file at a time, so the second waits for the first.
    engine.transferConfig = () => ({ ...DEFAULT_TRANSFER_CONFIG, maxConcurrentRequests: 1 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => { release = resolve; });
    const service = engine.service.bind(engine);
    engine.service = (p, r, s, i) => {
      const caller = service(p, r, s, i);
      return { ...caller, call: (operation, params) => (operation === 'GetObject' ? held.then(() => ({ Body: new Uint8Array(Buffer.from(String(params.Key))) })) : caller.call(operation, params)) };
    };
    const folder = join(mkdtempSync(join(tmpdir(), 'awsdeck-cancel-')), 'dl');
    const ui = await renderDashboard(engine, { size: { columns: 120, rows: 30 } });
    await ui.waitFor('valid');
    await ui.press(':', 's3', keys.enter);
    await ui.waitFor('bkt');
    await ui.press(keys.enter);
    await ui.waitFor(/b\.txt\s+3 B/);
    await ui.press(' ', ' ');
    await ui.waitFor('2 picked');
    await ui.press('D');
    await ui.waitFor('Download 2 rows from s3://bkt');
    await ui.press('\x15', folder, keys.enter);
    await ui.waitFor(/download 0\/2/);
    await ui.press('X');
    release();
    await ui.waitFor('✗ download: cancelled (1 not started): 1 object downloaded');
    expect(existsSync(join(folder, 'a.bin'))).toBe(true);
    expect(existsSync(join(folder, 'b.txt'))).toBe(false);
  });
});
