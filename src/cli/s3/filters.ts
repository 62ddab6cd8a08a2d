// --exclude / --include as the CLI applies them: every pattern is rooted at the source (and at the
// destination) directory, matched with Python's fnmatch against the whole path, and the last
// pattern that matches decides.
import { dirname, resolve } from 'node:path';
import type { Filter } from './options.js';
import { isS3Uri, splitS3Uri } from './paths.js';

/** Python's fnmatch.translate: `*` and `?` also match `/`; `[!x]` negates a set. */
export function fnmatchRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      while (pattern[i + 1] === '*') i++;
      out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '!') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') j++;
      if (j >= pattern.length) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, j).replace(/\\/g, '\\\\');
      i = j;
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      else if (body.startsWith('^')) body = `\\${body}`;
      out += `[${body}]`;
    } else {
      out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    }
  }
  return new RegExp(`^(?:${out})$`, 'su');
}

function s3Root(location: string, dirOp: boolean): string {
  let [bucket, key] = splitS3Uri(location);
  if (!dirOp && !key.endsWith('/')) key = key.split('/').slice(0, -1).join('/');
  return `${bucket}/${key}`;
}

function localRoot(location: string, dirOp: boolean, cwd: string): string {
  return dirOp ? resolve(cwd, location) : dirname(resolve(cwd, location));
}

/** os.path.join for the patterns: an absolute pattern replaces the root. */
function joinPattern(root: string, pattern: string): string {
  if (pattern.startsWith('/')) return pattern;
  return root.endsWith('/') || root === '' ? root + pattern : `${root}/${pattern}`;
}

export class PathFilter {
  private readonly rules: Array<{ include: boolean; patterns: RegExp[] }>;

  constructor(filters: Filter[], src: string, dest: string, dirOp: boolean, cwd: string) {
    const root = (location: string) => (isS3Uri(location) ? s3Root(location, dirOp) : localRoot(location, dirOp, cwd));
    const srcRoot = root(src);
    const destRoot = root(dest);
    this.rules = filters.map(([kind, pattern]) => ({
      include: kind === 'include',
      patterns: [fnmatchRegExp(joinPattern(srcRoot, pattern)), fnmatchRegExp(joinPattern(destRoot, pattern))],
    }));
  }

  /** `path` is the source path as listed: an absolute local path or `bucket/key`. */
  includes(path: string): boolean {
    let included = true;
    for (const rule of this.rules) if (rule.patterns.some((p) => p.test(path))) included = rule.include;
    return included;
  }
}

