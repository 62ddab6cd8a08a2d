// `file://` and `fileb://` parameter values: the file's text or bytes replace the value, with the
// CLI's error texts. Paths expand `~` and `$VAR` as the CLI does.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolve } from 'node:path';

export class ParamFileError extends Error {}

export interface ParamFileContext {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

const ERRNO: Record<string, [number, string]> = {
  ENOENT: [2, 'No such file or directory'],
  EACCES: [13, 'Permission denied'],
  EISDIR: [21, 'Is a directory'],
  ENOTDIR: [20, 'Not a directory'],
  ELOOP: [40, 'Too many levels of symbolic links'],
};

/** os.path.expanduser then os.path.expandvars, for the common forms. */
export function expandPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = path;
  if (out === '~' || out.startsWith('~/')) out = (env.HOME ?? homedir()) + out.slice(1);
  return out.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, bare: string | undefined, braced: string | undefined) => {
    const name = bare ?? braced ?? '';
    return env[name] ?? whole;
  });
}

/** The contents for `file://…` (text) or `fileb://…` (bytes); undefined for other values. */
export function readParamFile(value: string, ctx: ParamFileContext = {}): string | Uint8Array | undefined {
  const binary = value.startsWith('fileb://');
  if (!binary && !value.startsWith('file://')) return undefined;
  const filePath = expandPath(value.slice(binary ? 8 : 7), ctx.env);
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(ctx.cwd ?? process.cwd(), filePath));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const [errno, text] = ERRNO[code] ?? [5, 'Input/output error'];
    throw new ParamFileError(`Unable to load paramfile ${value}: [Errno ${errno}] ${text}: ${pyQuote(filePath)}`);
  }
  if (binary) return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Python text mode reads universal newlines.
    return text.replace(/\r\n?/g, '\n');
  } catch {
    throw new ParamFileError(
      `Unable to load paramfile (${filePath}), text contents could not be decoded.  If this is a binary file, ` +
        'please use the fileb:// prefix instead of the file:// prefix.',
    );
  }
}

function pyQuote(text: string): string {
  return text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replace(/'/g, "\\'")}'`;
}
