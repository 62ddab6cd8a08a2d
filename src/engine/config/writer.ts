// Edits INI text exactly as `aws configure set` does (reference §1.6), quirks included, so a
// change made here leaves the same bytes as the same change made with the AWS CLI:
// existing keys are rewritten in place as `key = value`, new keys go after the section's last
// key line, a missing section is appended with no blank line, nothing else is touched.
// One known consequence: like the CLI (Python text mode), an in-place edit turns CRLF into LF.
// One CLI bug is not copied: a section whose header is quoted differently is edited in place
// (see findHeader).
import { firstNonSpace, pyStrip, shlexQuote, shlexSplit, universalLines } from './pystr.js';

/** A value to write: text, a nested block (`s3 =` + sub-keys), or null to delete the key's line. */
export type WriteValue = string | Record<string, string> | null;
export type WriteValues = Record<string, WriteValue>;

export class InvalidWriteError extends Error {
  readonly exitCode = 255;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWriteError';
  }
}

const SECTION_RE = /^\s*\[([^\]]+)\]/;
const DELIMS = ':=';

/** Header text for a profile in the config file: `default` or `profile NAME` (quoted if it has blanks). */
export function profileSectionName(profile: string): string {
  return profile === 'default' ? 'default' : sectionHeader('profile', profile);
}

export function sectionHeader(kind: 'profile' | 'sso-session' | 'services', name: string): string {
  return `${kind} ${/[ \t]/.test(name) ? shlexQuote(name) : name}`;
}

/** The writer's option pattern: the key runs from the first non-delimiter to the first delimiter after it. */
function matchOption(line: string): { key: string; indent: number } | undefined {
  for (let p = 0; p < line.length; p++) {
    if (DELIMS.includes(line[p])) continue;
    let d = p + 1;
    while (d < line.length && !DELIMS.includes(line[d])) d++;
    if (d >= line.length) return undefined; // no delimiter after p, nor after any later p
    const option = line.slice(p, d);
    const firstText = firstNonSpace(option);
    return { key: pyStrip(option), indent: firstText < 0 ? option.length : firstText };
  }
  return undefined;
}

function headerMatches(line: string, section: string): boolean {
  const m = SECTION_RE.exec(line.replace(/\n$/, ''));
  if (!m) return false;
  if (m[0] === `[${section}]`) return true;
  const parts = section.split(' ');
  return parts.length > 1 && m[0] === `[${parts[0]} "${parts.slice(1).join(' ')}"]`;
}

const NAMED_KINDS = ['profile', 'sso-session', 'services'];

/** `profile dev`, `profile "dev"`, `profile  'dev' ` → one key, as the reader names them (§1.3). */
function readerKey(sectionText: string): string | undefined {
  let words: string[];
  try {
    words = shlexSplit(sectionText);
  } catch {
    return undefined;
  }
  return words.length === 2 && NAMED_KINDS.includes(words[0]) ? `${words[0]}\0${words[1]}` : undefined;
}

/**
 * The header line of `section`. The CLI's writer finds only `[profile NAME]` and `[profile "NAME"]`
 * and otherwise appends a second section (`[profile 'team dev']` after `[profile "team dev"]`),
 * which then replaces the first for every reader. Here any header the reader takes for the same
 * profile (sso-session, services) is the one edited: the last one, since the last one wins.
 */
function findHeader(lines: string[], section: string): number {
  const isHeader = (line: string) => !/^[#;]/.test(pyStrip(line));
  const literal = lines.findIndex((line) => isHeader(line) && headerMatches(line, section));
  const wanted = readerKey(section);
  if (wanted === undefined) return literal;
  let last = -1;
  lines.forEach((line, i) => {
    const m = SECTION_RE.exec(line.replace(/\n$/, ''));
    if (m && isHeader(line) && readerKey(m[1]) === wanted) last = i;
  });
  return last >= 0 ? last : literal;
}

function isSectionLine(line: string): boolean {
  return SECTION_RE.test(line.replace(/\n$/, ''));
}

function renderValues(values: WriteValues, indent = ''): string {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (value === null) continue;
    if (typeof value === 'object') {
      out += `${indent}${key} =\n`;
      for (const [sub, subValue] of Object.entries(value)) out += `${indent}    ${sub} = ${subValue}\n`;
    } else {
      out += `${indent}${key} = ${value}\n`;
    }
  }
  return out;
}

export function validateWrite(section: string, values: WriteValues): void {
  const bad = (s: string) => s.includes('\n') || s.includes('\r');
  if (bad(section)) throw new InvalidWriteError('Invalid section name: newline characters and carriage returns are not allowed.');
  for (const [key, value] of Object.entries(values)) {
    if (bad(key)) throw new InvalidWriteError('Invalid key: newline characters and carriage returns are not allowed.');
    const texts = value === null ? [] : typeof value === 'object' ? Object.entries(value).flat() : [value];
    // The value itself is never echoed: it may be a secret.
    if (texts.some(bad)) throw new InvalidWriteError(`Invalid value for key ${key}: newline characters and carriage returns are not allowed.`);
  }
}

/**
 * The new file text after setting `values` in `[section]`. `existing` is the current text, or
 * undefined when the file does not exist.
 */
export function applyConfigUpdate(existing: string | undefined, section: string, values: WriteValues): string {
  validateWrite(section, values);
  if (existing === undefined) return `[${section}]\n${renderValues(values)}`;
  const lines = universalLines(existing);
  const start = findHeader(lines, section);
  if (start < 0) return appendSection(existing, section, values);
  updateSection(lines, start, { ...values });
  return lines.join('');
}

function appendSection(existing: string, section: string, values: WriteValues): string {
  // The CLI appends to the file as it is (no newline translation here).
  const needsNewline = existing.length > 0 && !existing.endsWith('\n');
  return existing + (needsNewline ? '\n' : '') + `[${section}]\n${renderValues(values)}`;
}

function updateSection(lines: string[], start: number, pending: WriteValues): void {
  let lastOption = start;
  for (let j = start + 1; j < lines.length; j++) {
    const line = lines[j];
    if (isSectionLine(line)) {
      lines.splice(lastOption + 1, 0, renderValues(pending));
      return;
    }
    const option = matchOption(line);
    if (!option) continue;
    lastOption = j;
    if (!Object.hasOwn(pending, option.key)) continue;
    const value = pending[option.key];
    delete pending[option.key];
    if (value === null) {
      lines.splice(j, 1);
      j--;
      lastOption = j;
    } else if (typeof value === 'object') {
      updateNested(lines, j, { ...value }, option.indent);
      return; // as the CLI: other pending keys are dropped after a nested update
    } else {
      lines[j] = `${option.key} = ${value}\n`;
    }
  }
  if (Object.values(pending).some((v) => v !== null)) {
    // Deliberate divergence: the CLI adds the missing final newline as a separate element and then
    // inserts after it, which glues the new keys onto a final comment line. We end that line instead.
    // (When the section's last key is the file's last line, both give the same bytes.)
    const last = lines.length - 1;
    if (!lines[last].endsWith('\n')) lines[last] += '\n';
    lines.splice(lastOption + 2, 0, renderValues(pending));
  }
}

function updateNested(lines: string[], keyLine: number, pending: Record<string, string>, startIndent: number): void {
  let currentIndent: number | undefined;
  let i = keyLine + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const option = matchOption(line);
    if (option) {
      currentIndent = option.indent;
      if (Object.hasOwn(pending, option.key)) {
        lines[i] = `${' '.repeat(option.indent)}${option.key} = ${pending[option.key]}\n`;
        delete pending[option.key];
      }
    }
    if (currentIndent === startIndent || isSectionLine(line)) {
      lines.splice(i, 0, renderValues(pending, '    '));
      return;
    }
  }
  // The block runs to the end of the file. (The CLI crashes when the block is empty there; we append.)
  if (currentIndent !== startIndent) lines.splice(i, 0, renderValues(pending, '    '));
}

/** Beyond the CLI: drop a whole section (header to the next header) for the profile editor. */
export function removeSection(existing: string, section: string): string {
  const lines = universalLines(existing);
  const start = findHeader(lines, section);
  if (start < 0) return existing;
  let end = start + 1;
  while (end < lines.length && !isSectionLine(lines[end])) end++;
  // Keep a comment block that sits right above the next header: it describes that section.
  let keepFrom = end;
  while (keepFrom - 1 > start && /^[#;]/.test(pyStrip(lines[keepFrom - 1]))) keepFrom--;
  lines.splice(start, keepFrom - start);
  return lines.join('');
}

/** Beyond the CLI: rename a section by rewriting only its header line. */
export function renameSection(existing: string, from: string, to: string): string {
  validateWrite(to, {});
  const lines = universalLines(existing);
  const start = findHeader(lines, from);
  if (start < 0) return existing;
  const indent = /^\s*/.exec(lines[start])![0];
  lines[start] = `${indent}[${to}]\n`;
  return lines.join('');
}
