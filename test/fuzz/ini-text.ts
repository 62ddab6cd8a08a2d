// Generated config/credentials files: lines people write (headers of every kind, keys with `=`
// or `:`, nested blocks, comments, blank and indented lines) mixed with arbitrary text, joined
// with LF, CRLF or CR.
import fc from 'fast-check';
import { awkwardKey } from './fuzz-support.js';

const word = fc.stringMatching(/^[A-Za-z0-9_.-]{1,8}$/);
const anyText = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, ''));
const indent = fc.constantFrom('', '', ' ', '    ', '\t', '\u3000', '\x0c');

const header = fc.oneof(
  fc.constantFrom('[default]', '[DEFAULT]', '[profile dev]', "[profile 'my dev']", '[profile "q d"]', '[sso-session corp]', '[services local]', '[plugins]', '[profile dev', '[]', '[profile a b]', '[profile ]x]'),
  word.map((w) => `[profile ${w}]`),
  anyText.map((t) => `[${t}]`),
);
const keyLine = fc.tuple(fc.oneof(word, anyText, awkwardKey), fc.constantFrom('=', ' = ', ':', ' : ', '=='), fc.oneof(word, anyText, fc.constant(''))).map(([k, sep, v]) => `${k}${sep}${v}`);
const line = fc.oneof(
  { weight: 3, arbitrary: header },
  { weight: 5, arbitrary: fc.tuple(indent, keyLine).map(([i, l]) => i + l) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('    ', '  ', '\t'), keyLine).map(([i, l]) => i + l) },
  { weight: 1, arbitrary: fc.tuple(indent, fc.constantFrom('#', ';'), anyText).map(([i, c, t]) => i + c + t) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 's3 =', '  addressing_style = path', 'region = us-east-1 # inline') },
  { weight: 1, arbitrary: anyText },
);

/** A file's text (possibly empty, possibly without a final newline). */
export const iniText = fc.tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, final]) => lines.join(eol) + (final && lines.length ? eol : ''));

/** Mostly well-formed files: a header first, then keys and comments. */
export const validIniText = fc.tuple(fc.array(fc.tuple(header, fc.array(fc.oneof(keyLine, fc.constant('# c')), { maxLength: 4 })), { maxLength: 5 }))
  .map(([sections]) => sections.map(([h, keys]) => [h, ...keys].join('\n')).join('\n') + '\n');
