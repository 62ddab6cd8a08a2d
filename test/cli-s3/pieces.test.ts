// The s3 commands' small rules, each compared with the Python the AWS CLI runs: fnmatch for
// --exclude/--include, human_readable_size, and mimetypes' guesses for upload content types.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fnmatchRegExp } from '../../src/cli/s3/filters.js';
import { humanReadableSize } from '../../src/cli/s3/human-size.js';
import { guessContentType } from '../../src/cli/s3/mime-types.js';
import { destinationFor, displayLocalPath, formatLocation } from '../../src/cli/s3/paths.js';
import { compareListings } from '../../src/cli/s3/sync-compare.js';
import type { FileStat } from '../../src/cli/s3/file-generator.js';

function python(code: string, input: unknown): unknown {
  return JSON.parse(execFileSync('python3', ['-c', code], { input: JSON.stringify(input), encoding: 'utf8' }));
}

describe('as the CLI computes them in Python', () => {
  it('fnmatch', () => {
    const cases: Array<[string, string]> = [];
    const patterns = ['*.txt', '/r/d/*', '/r/d/sub/*', 'b/p/*.[ch]', 'b/p/[!a]*', '/r/d/?.log', '/r/d/*[', 'b/p/a+b(c).txt', '/r/d/**/x', 'b/p/[^x]y', 'b/p/ü*'];
    const paths = ['/r/d/a.txt', '/r/d/sub/c.txt', 'b/p/x.c', 'b/p/a.h', 'b/p/b.h', '/r/d/e.log', '/r/d/ee.log', '/r/d/*[', 'b/p/a+b(c).txt', '/r/d/q/r/x', 'b/p/^y', 'b/p/üx', 'b/p/\ny'];
    for (const p of patterns) for (const path of paths) cases.push([path, p]);
    const expected = python('import fnmatch, json, sys; print(json.dumps([fnmatch.fnmatch(p, pat) for p, pat in json.load(sys.stdin)]))', cases);
    expect(cases.map(([path, pattern]) => fnmatchRegExp(pattern).test(path))).toEqual(expected);
  });

  it('human_readable_size', () => {
    const sizes = [0, 1, 2, 1023, 1024, 1025, 1536, 10_000, 1024 * 1024 - 1, 1024 * 1024, 5 * 1024 ** 3 + 12345, 1024 ** 4 * 3.5, 1024 ** 5, 1048524, 1048576 * 1023.95];
    const expected = python('import json, sys; from awscli.customizations.s3.utils import human_readable_size as h; print(json.dumps([h(s) for s in json.load(sys.stdin)]))', sizes);
    expect(sizes.map(humanReadableSize)).toEqual(expected);
  });

  it('guess_content_type', () => {
    const names = ['/a/b.txt', '/a/B.TXT', '/a/x.html', '/a/x.HTM', '/a/x.json', '/a/x.tar.gz', '/a/x.tgz', '/a/x.gz', '/a/x.svgz', '/a/noext', '/a/.bashrc', '/a/..x', '/a/x.png', '/a/x.css', '/a/x.js', '/a/x.mjs', '/a/x.webp', '/a/x.md', '/a/x.csv', '/a/x.wasm', '/a/x.xyz123', '/a/x.txt.bz2', '/a/x.Z'];
    const expected = python('import json, sys, mimetypes; print(json.dumps([mimetypes.guess_type(n)[0] for n in json.load(sys.stdin)]))', names);
    expect(names.map((n) => guessContentType(n) ?? null)).toEqual(expected);
  });
});

describe('paths', () => {
  it('names destinations as the CLI does', () => {
    const isDir = (p: string) => p === '/w/existing';
    const up = { src: formatLocation('d', true, isDir, '/w'), dest: formatLocation('s3://b/p', true, isDir, '/w'), dirOp: true };
    expect(destinationFor(up, '/w/d/sub/x.txt')).toEqual({ dest: 'b/p/sub/x.txt', compareKey: 'sub/x.txt' });
    const single = { src: formatLocation('s3://b/k/obj.txt', false, isDir, '/w'), dest: formatLocation('existing', false, isDir, '/w'), dirOp: false };
    expect(destinationFor(single, 'b/k/obj.txt')).toEqual({ dest: '/w/existing/obj.txt', compareKey: 'obj.txt' });
    const renamed = { src: formatLocation('a.txt', false, isDir, '/w'), dest: formatLocation('s3://b/other', false, isDir, '/w'), dirOp: false };
    expect(destinationFor(renamed, '/w/a.txt').dest).toBe('b/other');
    expect(displayLocalPath('/w/a.txt', '/w')).toBe('./a.txt');
    expect(displayLocalPath('/w/d/a.txt', '/w')).toBe('d/a.txt');
    expect(displayLocalPath('/x/a.txt', '/w/y')).toBe('../../x/a.txt');
  });
});

describe('sync comparison', () => {
  const file = (compareKey: string, size: number, lastModified: number, operation: FileStat['operation'] = 'upload'): FileStat => ({
    src: compareKey, dest: compareKey, compareKey, size, lastModified, srcType: 'local', destType: 's3', operation,
  });
  async function* from(files: FileStat[]) { yield* files; }
  const run = async (src: FileStat[], dest: FileStat[], rules = { sizeOnly: false, exactTimestamps: false, delete: true }) => {
    const out: string[] = [];
    for await (const f of compareListings(from(src), from(dest), rules)) out.push(`${f.operation}:${f.compareKey}`);
    return out;
  };

  it('walks both sides in key order: new, changed, same, and only-at-destination', async () => {
    expect(await run(
      [file('a', 1, 10), file('b', 2, 10), file('c', 3, 20), file('é', 1, 1), file('𝒳', 1, 1)],
      [file('b', 3, 10), file('c', 3, 30), file('d', 1, 1), file('\uffff', 1, 1), file('𝒳', 1, 1)],
    )).toEqual(['upload:a', 'upload:b', 'delete:d', 'upload:é', 'delete:\uffff']);
  });

  it('downloads only when the local file is newer, or not exactly equal with --exact-timestamps', async () => {
    const s3 = [file('k', 1, 100, 'download')];
    expect(await run(s3, [file('k', 1, 50)])).toEqual([]);
    expect(await run(s3, [file('k', 1, 150)])).toEqual(['download:k']);
    expect(await run(s3, [file('k', 1, 50)], { sizeOnly: false, exactTimestamps: true, delete: false })).toEqual(['download:k']);
    expect(await run(s3, [file('k', 2, 50)], { sizeOnly: true, exactTimestamps: false, delete: false })).toEqual(['download:k']);
  });
});
