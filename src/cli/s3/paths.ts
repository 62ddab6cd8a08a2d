// S3 URIs and local paths as the s3 commands read and print them.
import { dirname, basename, relative, resolve, sep } from 'node:path';

export type PathType = 's3' | 'local';

export const isS3Uri = (path: string) => path.startsWith('s3://');

/** `bucket/key…` → [bucket, key]; access point ARNs keep their `/`-containing name whole. */
export function findBucketKey(path: string): [string, string] {
  const accessPoint = /^(arn:aws[^:]*:s3:[a-z\-0-9]*:\d{12}:accesspoint[:/][^/]+)\/?(.*)$/s.exec(path);
  if (accessPoint) return [accessPoint[1], accessPoint[2]];
  const slash = path.indexOf('/');
  return slash < 0 ? [path, ''] : [path.slice(0, slash), path.slice(slash + 1)];
}

export function splitS3Uri(uri: string): [string, string] {
  return findBucketKey(isS3Uri(uri) ? uri.slice(5) : uri);
}

/** Where a source goes and under which name, as the CLI's FileFormat decides. */
export interface LocationFormat {
  path: string;
  type: PathType;
  /** The destination takes the source's (relative) name. */
  useSourceName: boolean;
}

export function formatLocation(path: string, dirOp: boolean, isDirectory: (p: string) => boolean, cwd: string): LocationFormat {
  if (isS3Uri(path)) {
    const bare = path.slice(5);
    if (dirOp) return { path: bare.endsWith('/') ? bare : `${bare}/`, type: 's3', useSourceName: true };
    return { path: bare, type: 's3', useSourceName: bare.endsWith('/') };
  }
  const full = resolve(cwd, path);
  if (dirOp || isDirectory(full)) return { path: full + sep, type: 'local', useSourceName: true };
  if (path.endsWith(sep)) return { path: full + sep, type: 'local', useSourceName: true };
  return { path: full, type: 'local', useSourceName: false };
}

export interface Locations {
  src: LocationFormat;
  dest: LocationFormat;
  dirOp: boolean;
}

/** The destination path and the sync comparison key of one source path. */
export function destinationFor(locations: Locations, srcPath: string): { dest: string; compareKey: string } {
  const { src, dest } = locations;
  const srcSep = src.type === 's3' ? '/' : sep;
  const destSep = dest.type === 's3' ? '/' : sep;
  const relative = locations.dirOp ? srcPath.slice(src.path.length) : srcPath.split(srcSep).pop()!;
  const compareKey = relative.split(srcSep).join('/');
  const destPath = dest.useSourceName ? dest.path + relative.split(srcSep).join(destSep) : dest.path;
  return { dest: destPath, compareKey };
}

/** How the CLI prints a local path: relative to the working directory, `./name` for one in it. */
export function displayLocalPath(path: string, cwd: string): string {
  // Python splits `/x/d/` into `/x/d` and an empty name (Node's dirname would drop `d`).
  const [dirPart, name] = path.endsWith(sep) ? [path.slice(0, -1), ''] : [dirname(path), basename(path)];
  const dir = relative(cwd, dirPart) || '.';
  return `${dir}/${name}`;
}
