// guess_content_type as the CLI does it (Python's mimetypes.guess_type, strict): compression
// suffixes (.gz, .tgz) are peeled off first, then the lower-cased extension is looked up. No match
// means no Content-Type is sent (S3 then stores binary/octet-stream).
import { ENCODINGS_MAP, SUFFIX_MAP, TYPES_MAP } from './mime-table.js';

const own = (map: Record<string, string>, key: string) => (Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined);

/** posixpath.splitext: the extension starts at the last dot of the last segment, leading dots aside. */
function splitExt(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  if (dot <= slash) return [path, ''];
  let first = slash + 1;
  while (first < dot && path[first] === '.') first++;
  if (first === dot) return [path, ''];
  return [path.slice(0, dot), path.slice(dot)];
}

export function guessContentType(path: string): string | undefined {
  let [base, ext] = splitExt(path);
  for (let mapped = own(SUFFIX_MAP, ext.toLowerCase()); mapped !== undefined; mapped = own(SUFFIX_MAP, ext.toLowerCase())) {
    [base, ext] = splitExt(base + mapped);
  }
  if (own(ENCODINGS_MAP, ext) !== undefined) [base, ext] = splitExt(base);
  return own(TYPES_MAP, ext.toLowerCase());
}
