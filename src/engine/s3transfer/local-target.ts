// Where an S3 key lands under a local folder, for downloads the browser starts. A key is text that
// anyone with write access to the bucket chose: `../x`, `/etc/x`, `a\..\x` or `C:x` must never
// place a file outside the folder the person picked, so such keys get no path at all.
import { isAbsolute, join, relative, resolve } from 'node:path';

/** Why a key has no local path, or undefined when it has one. */
export function unsafeKeyReason(relativeKey: string): string | undefined {
  if (relativeKey === '') return 'empty name';
  if (relativeKey.includes('\0')) return 'NUL in the key';
  if (relativeKey.includes('\\')) return 'backslash in the key';
  if (relativeKey.startsWith('/') || /^[A-Za-z]:/.test(relativeKey)) return 'absolute key';
  if (relativeKey.split('/').some((segment) => segment === '..' || segment === '.')) return 'key references a parent or current directory';
  return undefined;
}

/**
 * The local path of `key` (shown relative to `basePrefix`, the prefix being browsed) under `root`,
 * or the reason it has none. The containment is checked again on the resolved path.
 */
export function localPathFor(root: string, key: string, basePrefix: string): { path: string } | { refused: string } {
  const rest = basePrefix && key.startsWith(basePrefix) ? key.slice(basePrefix.length) : key;
  const reason = unsafeKeyReason(rest);
  if (reason) return { refused: reason };
  const path = resolve(root, join(...rest.split('/').filter(Boolean)));
  const inside = relative(resolve(root), path);
  if (inside === '' || inside === '..' || inside.startsWith(`..${'/'}`) || isAbsolute(inside)) return { refused: 'outside the folder' };
  return { path };
}
