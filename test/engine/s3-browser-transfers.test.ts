// The pure pieces behind the browser's S3 actions: where a key may land, whether a local file
// already holds an object (single-part and multipart ETags, recomputed here with node's MD5), the
// rate and ETA on a fake clock, text-or-binary for the preview, the transfer line, bucket names.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketNameProblem, urlForScreen } from '../../src/app/browse/tasks/s3-requests.js';
import { clock, transferLine } from '../../src/app/transfer-line.js';
import { DEFAULT_TRANSFER_CONFIG, localFileMatches, localPathFor, previewOf, TransferMeter } from '../../src/engine/s3transfer/index.js';

const MiB = 1024 * 1024;
const md5 = (data: Buffer) => createHash('md5').update(data).digest();

describe('localPathFor', () => {
  it.each([
    ['photos/a.jpg', 'photos/', '/dl/a.jpg'],
    ['photos/2024/b.jpg', 'photos/', '/dl/2024/b.jpg'],
    ['x//y.txt', '', '/dl/x/y.txt'],
    ['..a/b..', '', '/dl/..a/b..'],
  ])('%s under %s → %s', (key, prefix, path) => {
    expect(localPathFor('/dl', key, prefix)).toEqual({ path });
  });
  it.each(['../x', 'a/../../x', '/etc/passwd', 'a\\..\\x', './x', 'C:x', 'a/./b', '', 'a/..'])('refuses %j', (key) => {
    expect(localPathFor('/dl', key, '')).toHaveProperty('refused');
  });
});

describe('localFileMatches', () => {
  const dir = mkdtempSync(join(tmpdir(), 'awsdeck-same-'));
  const file = (name: string, data: Buffer) => { writeFileSync(join(dir, name), data); return join(dir, name); };

  it('a single-part ETag is the MD5 of the bytes', async () => {
    const data = Buffer.from('hello\n');
    const path = file('a', data);
    const etag = `"${md5(data).toString('hex')}"`;
    expect(await localFileMatches(path, data.length, etag, DEFAULT_TRANSFER_CONFIG)).toBe(true);
    expect(await localFileMatches(path, data.length, `"${'0'.repeat(32)}"`, DEFAULT_TRANSFER_CONFIG)).toBe(false);
    expect(await localFileMatches(path, data.length + 1, etag, DEFAULT_TRANSFER_CONFIG)).toBe(false);
    expect(await localFileMatches(join(dir, 'missing'), 0, etag, DEFAULT_TRANSFER_CONFIG)).toBe(false);
  });

  it('a multipart ETag is recomputed with the profile\'s part size; another part size counts as different', async () => {
    const data = Buffer.alloc(13 * MiB);
    for (let i = 0; i < data.length; i += 997) data[i] = i % 251;
    const path = file('big', data);
    const partsOf = (size: number) => Array.from({ length: Math.ceil(data.length / size) }, (_, i) => md5(data.subarray(i * size, (i + 1) * size)));
    const etagFor = (size: number) => { const parts = partsOf(size); return `"${md5(Buffer.concat(parts)).toString('hex')}-${parts.length}"`; };
    const config = { ...DEFAULT_TRANSFER_CONFIG, multipartChunksize: 5 * MiB };
    expect(await localFileMatches(path, data.length, etagFor(5 * MiB), config)).toBe(true);
    expect(await localFileMatches(path, data.length, etagFor(5 * MiB).replace(/^"[0-9a-f]/, '"f'), config)).toBe(false);
    // Uploaded with 8 MiB parts (2 parts): not the 3 this profile would make.
    expect(await localFileMatches(path, data.length, etagFor(8 * MiB), config)).toBe(false);
    expect(await localFileMatches(path, data.length, etagFor(8 * MiB), DEFAULT_TRANSFER_CONFIG)).toBe(true);
  });
});

describe('TransferMeter', () => {
  it('rate over the recent window, ETA for what is left, skipped bytes leave the total', () => {
    let now = 0;
    const meter = new TransferMeter(() => now);
    meter.add(3, 30 * MiB);
    now = 1000;
    meter.progress(2 * MiB);
    now = 2000;
    meter.progress(2 * MiB);
    let s = meter.snapshot();
    expect(s.rate).toBe(2 * MiB);
    expect(s.etaSeconds).toBe(13);
    meter.fileSkipped(10 * MiB);
    s = meter.snapshot();
    expect([s.filesDone, s.skipped, s.bytesTotal, s.etaSeconds]).toEqual([1, 1, 20 * MiB, 8]);
    // A stall: ten seconds later, the window holds no progress and the rate falls.
    now = 12_000;
    meter.progress(0);
    now = 13_000;
    expect(meter.snapshot().rate).toBeLessThan(MiB);
  });
});

describe('previewOf', () => {
  it('text, with a character cut by the range end dropped', () => {
    const body = Buffer.from('héllo wörld');
    expect(previewOf(body, body.length)).toEqual({ kind: 'text', text: 'héllo wörld', bytes: body.length, truncated: false });
    const cut = body.subarray(0, 9); // inside the two bytes of ö
    expect(previewOf(cut, 100)).toEqual({ kind: 'text', text: 'héllo w', bytes: 100, truncated: true });
  });
  it('binary: a NUL, invalid UTF-8, many control bytes', () => {
    expect(previewOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 6).kind).toBe('binary');
    expect(previewOf(Buffer.from([0x41, 0xff, 0xfe, 0x41]), 4).kind).toBe('binary');
    expect(previewOf(Buffer.from('\x01\x02\x03\x04\x05abc'), 8).kind).toBe('binary');
    // Escape sequences in a log are text; the detail escapes them when it draws.
    expect(previewOf(Buffer.from('\x1b[31mred\x1b[0m\n'), 13).kind).toBe('text');
  });
});

describe('the transfer line', () => {
  it('running: files, bar, bytes, rate, ETA; finished: the summary', () => {
    const snapshot = { bytesDone: 4 * MiB, bytesTotal: 10 * MiB, filesDone: 2, filesTotal: 5, skipped: 0, failed: 0, rate: 2 * MiB, etaSeconds: 3, elapsedMs: 2000 };
    const line = transferLine({ id: 1, verb: 'download', target: 's3://b/ → /tmp/x', snapshot });
    expect(`${line.head}${line.bar}${line.tail}`).toBe('download 2/5 ████████░░░░░░░░░░░░ 40% 4.0 MiB/10.0 MiB · 2.0 MiB/s · ETA 0:03 · s3://b/ → /tmp/x');
    const done = transferLine({ id: 1, verb: 'download', target: 't', snapshot, summary: '5 objects downloaded', ok: true });
    expect(`${done.head}${done.tail}`).toBe('✓ download: 5 objects downloaded · 4.0 MiB in 2.0 s · t');
    expect([clock(59), clock(61), clock(3725)]).toEqual(['0:59', '1:01', '1:02:05']);
  });
});

describe('bucket names and presigned URLs on screen', () => {
  it.each(['my-bucket', 'logs.example.com', 'a1b'])('accepts %s', (name) => expect(bucketNameProblem(name)).toBeUndefined());
  it.each(['ab', 'My-Bucket', 'a..b', 'a.-b', '-ab', '192.168.1.1', 'xn--abc', 'under_score'])('refuses %s', (name) => expect(bucketNameProblem(name)).toBeDefined());
  it('the session token is not drawn', () => {
    expect(urlForScreen('http://h/b/k?X-Amz-Credential=AK&X-Amz-Security-Token=SECRET%2Fx&X-Amz-Signature=abc')).toBe('http://h/b/k?X-Amz-Credential=AK&X-Amz-Security-Token=…&X-Amz-Signature=abc');
  });
});
