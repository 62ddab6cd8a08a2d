// Generators of JSON text for the property tests: numbers written the ways services write them
// (long integers, `1.0`, exponents, fractions that round to an integer), awkward strings and keys,
// varied whitespace; and mutations of such text (a character dropped, inserted or the end cut).
import fc from 'fast-check';
import { mixedText } from './fuzz-support.js';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

const integerText = fc.oneof(
  fc.integer().map(String),
  fc.tuple(fc.constantFrom('', '-'), fc.constantFrom(...'123456789'), digits(12, 25)).map(([sign, first, rest]) => `${sign}${first}${rest}`),
  fc.constantFrom('0', '-0', '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740993', '18446744073709551615'),
);

const floatText = fc.oneof(
  fc.tuple(integerText, digits(1, 20)).map(([int, frac]) => `${int}.${frac}`),
  fc.tuple(integerText, fc.constantFrom('', '.0', '.5', '.000'), fc.constantFrom('e', 'E', 'e+', 'e-', 'E-'), fc.integer({ min: 0, max: 330 })).map(([int, frac, e, exp]) => `${int}${frac}${e}${exp}`),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => String(n)),
  fc.constantFrom('1.0', '-0.0', '0.99999999999999999', '1.0000000000000001', '123456789012345.99999', '5e-324', '1e400', '-1e400', '1.7976931348623157e308', '0.1', 'NaN', 'Infinity', '-Infinity'),
);

const stringText = mixedText(10).map((s) => JSON.stringify(s));
// Known limit, not covered here: a JS object lists integer-like keys ("2") first, Python keeps the
// document's order, so such keys would print in another order than the CLI's.
const isIndexKey = (s: string) => /^(0|[1-9][0-9]*)$/.test(s) && Number(s) < 2 ** 32 - 1;
const keyText = mixedText(10).filter((s) => !isIndexKey(s)).map((s) => JSON.stringify(s));
const space = fc.constantFrom('', '', ' ', '\n    ', '\t', '\r\n');

/** A JSON document (as text) that Python's json.loads and JSON.parse both accept. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, integerText, floatText, stringText, fc.constantFrom('true', 'false', 'null'), tie('array'), tie('object')),
  array: fc.tuple(fc.array(fc.tuple(space, tie('value')), { maxLength: 5 }), space).map(([items, end]) => `[${items.map(([s, v]) => s + v).join(',')}${end}]`),
  object: fc.tuple(fc.array(fc.tuple(space, keyText, space, tie('value')), { maxLength: 5 }), space)
    .map(([members, end]) => `{${members.map(([s1, k, s2, v]) => `${s1}${k}${s2}:${v}`).join(',')}${end}}`),
})).value;

/** A JSON object document: what a response body is. */
export const jsonObjectText = jsonText.filter((t) => t.startsWith('{'));

const mutationChars = fc.constantFrom(...'{}[],:"\\0123456789eE.+- tnrfalsu\u0000\n\ufeff');

/** Text with one edit: a character removed, inserted or replaced, or the end cut off. */
export function mutated(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(text, fc.nat(), mutationChars, fc.constantFrom('delete', 'insert', 'replace', 'truncate')).map(([t, n, ch, how]) => {
    const at = n % (t.length + 1);
    if (how === 'delete') return t.slice(0, at) + t.slice(at + 1);
    if (how === 'insert') return t.slice(0, at) + ch + t.slice(at);
    if (how === 'replace') return t.slice(0, at) + ch + t.slice(at + 1);
    return t.slice(0, at);
  });
}
