// The AWS CLI reads ~/.aws/config and ~/.aws/credentials with Python's RawConfigParser (strict mode,
// `#`/`;` full-line comments only, `=` or `:`, lower-cased keys, indented continuation lines) and then
// turns values that start with a newline into nested dicts. This module reproduces that dialect and
// records the line of every section and key, which the settings and lint code report.
import { firstNonSpace, pyRstrip, pySplitlines, pyStrip, universalLines } from './pystr.js';
import { setOwn } from '../own-property.js';

export type IniValue = string | Record<string, string>;

export interface IniKey {
  value: IniValue;
  /** 1-based line of the `key = value` line (for [DEFAULT] keys: the line in [DEFAULT]). */
  line: number;
}

export interface IniSection {
  /** The header text between the brackets, exactly as configparser keeps it (not trimmed). */
  name: string;
  line: number;
  keys: Map<string, IniKey>;
}

export interface ParsedIni {
  path: string;
  /** Sections in file order; [DEFAULT] keys are already copied into each, as configparser does. */
  sections: IniSection[];
}

export class ConfigParseError extends Error {
  readonly exitCode = 255;
  constructor(readonly path: string, readonly line: number, readonly reason: string) {
    super(`Unable to parse config file: ${path}`);
    this.name = 'ConfigParseError';
  }
  /** The message plus where and why, for the dashboard and `configure lint`. */
  detail(): string {
    return `${this.message} (line ${this.line}: ${this.reason})`;
  }
}

const DEFAULT_SECTION = 'DEFAULT';
const SECTION_RE = /^\[(.+)\]/s; // greedy and unanchored at the end, like configparser's SECTCRE

interface RawKey { parts: string[]; line: number }

export function decodeConfigBytes(bytes: Uint8Array, path: string): string {
  try {
    // ignoreBOM keeps U+FEFF in the text, as Python's utf-8 codec does (and then rejects the header).
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ConfigParseError(path, 1, 'the file is not valid UTF-8');
  }
}

export function parseIni(text: string, path: string): ParsedIni {
  const sections = new Map<string, { line: number; keys: Map<string, RawKey> }>();
  const defaults = { line: 0, keys: new Map<string, RawKey>() };
  const seenSections = new Set<string>();
  let current: { line: number; keys: Map<string, RawKey> } | undefined;
  let currentName = '';
  let option: RawKey | undefined;
  let indentLevel = 0;
  let deferred: ConfigParseError | undefined; // configparser reports bad lines only after reading all

  universalLines(text).forEach((rawLine, index) => {
    const lineNo = index + 1;
    const line = rawLine.endsWith('\n') ? rawLine.slice(0, -1) : rawLine;
    const stripped = pyStrip(line);
    const isComment = stripped.startsWith('#') || stripped.startsWith(';');
    const value = isComment ? '' : stripped;
    if (!value) {
      // A blank line inside a multi-line value is kept (and trimmed at the end); a comment is not.
      if (!isComment && current && option) option.parts.push('');
      return;
    }
    const nonSpace = firstNonSpace(line);
    const indent = nonSpace < 0 ? 0 : nonSpace;
    if (current && option && indent > indentLevel) {
      option.parts.push(value);
      return;
    }
    indentLevel = indent;
    const header = SECTION_RE.exec(value);
    if (header) {
      const name = header[1];
      if (sections.has(name)) {
        if (seenSections.has(name)) throw new ConfigParseError(path, lineNo, `section [${name}] appears twice`);
        current = sections.get(name);
      } else if (name === DEFAULT_SECTION) {
        current = defaults;
        if (!defaults.line) defaults.line = lineNo;
      } else {
        current = { line: lineNo, keys: new Map() };
        sections.set(name, current);
      }
      seenSections.add(name);
      currentName = name;
      option = undefined;
      return;
    }
    if (!current) throw new ConfigParseError(path, lineNo, 'text before the first [section]');
    const sep = /[=:]/.exec(value);
    const rawKey = sep ? pyRstrip(value.slice(0, sep.index)) : '';
    if (!sep || !rawKey) {
      deferred ??= new ConfigParseError(path, lineNo, 'a line that is neither a section, a key nor a comment');
      option = undefined;
      return;
    }
    const key = rawKey.toLowerCase();
    if (current.keys.has(key)) {
      throw new ConfigParseError(path, lineNo, `key ${key} appears twice in section [${currentName}]`);
    }
    option = { parts: [pyStrip(value.slice(sep.index + 1))], line: lineNo };
    current.keys.set(key, option);
  });
  if (deferred) throw deferred;

  const result: IniSection[] = [];
  for (const [name, section] of sections) {
    const keys = new Map<string, IniKey>();
    const finish = (raw: RawKey) => ({ value: joinValue(raw.parts, path, raw.line), line: raw.line });
    for (const [k, raw] of section.keys) keys.set(k, finish(raw));
    for (const [k, raw] of defaults.keys) if (!keys.has(k)) keys.set(k, finish(raw));
    result.push({ name, line: section.line, keys });
  }
  return { path, sections: result };
}

function joinValue(parts: string[], path: string, line: number): IniValue {
  const joined = pyRstrip(parts.join('\n'));
  if (!joined.startsWith('\n')) return joined;
  return parseNested(joined, path, line);
}

/** `s3 =` followed by indented `sub = value` lines; only `=` separates, and a line without one is fatal. */
function parseNested(value: string, path: string, line: number): Record<string, string> {
  const nested: Record<string, string> = {};
  for (const raw of pySplitlines(value)) {
    const sub = pyStrip(raw);
    if (!sub) continue;
    const eq = sub.indexOf('=');
    if (eq < 0) throw new ConfigParseError(path, line, 'a nested line has no "="'); // no content: it may be secret
    setOwn(nested, pyStrip(sub.slice(0, eq)), pyStrip(sub.slice(eq + 1)));
  }
  return nested;
}
