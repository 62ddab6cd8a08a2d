// The response parsers against real service shapes: a generated output value, written as the
// service would write it, parses back to the same value (map keys such as __proto__ included);
// the same bodies cut or mutated parse or fail with a ResponseParseError, never with a bug.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadService } from '../../src/engine/models/loader.js';
import { resolveShape } from '../../src/engine/models/shapes.js';
import { ResponseParseError, protocolFor } from '../../src/engine/protocols/index.js';
import { parseXml, XmlSyntaxError } from '../../src/engine/protocols/xml.js';
import { dumpsRequestJson, toJsonValue } from '../../src/engine/protocols/json-shapes.js';
import { check } from './fuzz-support.js';
import { mutated } from './json-text.js';
import { shapeValue } from './shape-values.js';
import { structureXml } from './xml-body.js';

const JSON_OPERATIONS = [['dynamodb', 'Query'], ['dynamodb', 'BatchGetItem'], ['lambda', 'ListFunctions'], ['ssm', 'GetParameters'], ['ecs', 'DescribeTasks']] as const;
const XML_OPERATIONS = [['iam', 'GetAccountAuthorizationDetails'], ['sns', 'GetTopicAttributes'], ['cloudformation', 'DescribeStacks'], ['ec2', 'DescribeInstances'], ['ec2', 'DescribeTags'], ['route53', 'ListResourceRecordSets']] as const;

// Internal JS failures that must never be what a parse error is made of.
const JS_BUG = /Cannot read prop|is not a function|is not iterable|Maximum call stack|undefined is not|of undefined|of null/;

function operation(service: string, name: string) {
  const model = loadService(service);
  const op = model.operations[name];
  return { model, op, output: resolveShape(model, op.output) };
}

function parse(service: string, name: string, body: string) {
  const { model, op } = operation(service, name);
  return protocolFor(model).parse(model, op, { statusCode: 200, headers: {}, body: Buffer.from(body, 'utf8') });
}

function expectParsedOrParseError(run: () => unknown): void {
  try {
    expect(typeof run()).toBe('object');
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(ResponseParseError);
    expect((error as Error).message).not.toMatch(JS_BUG);
  }
}

const jsonText = fc.string({ unit: 'binary', maxLength: 8 });
// XML 1.0 cannot carry most C0 controls; everything else goes.
const xmlText = jsonText.map((s) => s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, ''));

function jsonBody(service: string, name: string) {
  const { model, output } = operation(service, name);
  return shapeValue(model, output, { text: jsonText, skipLocated: true }).map((value) => ({
    value, body: dumpsRequestJson(toJsonValue(model, output, value)),
  }));
}

function xmlBody(service: string, name: string) {
  const { model, output } = operation(service, name);
  return shapeValue(model, output, { text: xmlText, skipLocated: true }).map((value) => {
    const inner = structureXml(model, output, value as Record<string, unknown>);
    const result = output.resultWrapper ? `<${output.resultWrapper}>${inner}</${output.resultWrapper}>` : inner;
    return { value, body: `<?xml version="1.0" encoding="UTF-8"?>\n<${name}Response xmlns="urn:x">${result}</${name}Response>` };
  });
}

describe('JSON response parsers on real shapes', () => {
  for (const [service, name] of JSON_OPERATIONS) {
    it(`${service} ${name}: a body parses back to the value written`, () => {
      check(fc.property(jsonBody(service, name), ({ value, body }) => {
        expect(parse(service, name, body)).toEqual(value);
      }), 300);
    });
    it(`${service} ${name}: cut or mutated bodies parse or raise a ResponseParseError`, () => {
      check(fc.property(mutated(jsonBody(service, name).map((b) => b.body)), (body) => {
        expectParsedOrParseError(() => parse(service, name, body));
      }), 300);
    });
  }
});

describe('XML response parsers on real shapes', () => {
  for (const [service, name] of XML_OPERATIONS) {
    it(`${service} ${name}: a body parses back to the value written`, () => {
      check(fc.property(xmlBody(service, name), ({ value, body }) => {
        expect(parse(service, name, body)).toEqual(value);
      }), 250);
    });
    it(`${service} ${name}: cut or mutated bodies parse or raise a ResponseParseError`, () => {
      const xmlMutation = fc.constantFrom('<', '>', '&', '&constructor;', '&#0;', '&#xD800;', '</x>', '<![CDATA[', '"', '=', '/', '?');
      check(fc.property(xmlBody(service, name), fc.nat(), xmlMutation, fc.boolean(), ({ body }, at, insert, cut) => {
        const i = at % (body.length + 1);
        const bad = cut ? body.slice(0, i) : body.slice(0, i) + insert + body.slice(i);
        expectParsedOrParseError(() => parse(service, name, bad));
      }), 250);
    });
  }
});

describe('XML reader', () => {
  const NAMED: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
  it('reads any text written with any mix of entity and character references', () => {
    check(fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('raw', 'named', 'decimal', 'hex')), { maxLength: 30 }), (chars) => {
      const text = chars.map(([ch]) => ch).join('');
      const written = chars.map(([ch, how]) => {
        const point = ch.codePointAt(0)!;
        if (how === 'decimal' || (how === 'raw' && (ch in NAMED || ch === '\r'))) return `&#${point};`;
        if (how === 'hex') return `&#x${point.toString(16)};`;
        return how === 'named' && Object.hasOwn(NAMED, ch) ? NAMED[ch] : ch === '\r' || ch in NAMED ? `&#${point};` : ch;
      }).join('');
      expect(parseXml(`<a>${written}</a>`).text).toBe(text);
    }), 3000);
  });

  it('rejects a reference to an entity XML does not define', () => {
    check(fc.property(fc.oneof(fc.constantFrom('constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty', 'nbsp', 'AMP'), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/)), (name) => {
      fc.pre(!['lt', 'gt', 'amp', 'quot', 'apos'].includes(name));
      expect(() => parseXml(`<a>x&${name};y</a>`)).toThrow(XmlSyntaxError);
      expect(() => parseXml(`<a b="&${name};"/>`)).toThrow(XmlSyntaxError);
    }), 2000);
  });
});

describe('error responses', () => {
  const errorOps = [['iam', 'ListUsers'], ['ec2', 'DescribeInstances'], ['route53', 'ListHostedZones'], ['dynamodb', 'Query'], ['lambda', 'ListFunctions']] as const;
  const body = fc.oneof(
    mutated(fc.constantFrom('<ErrorResponse><Error><Code>Throttling</Code><Message>slow down</Message></Error><RequestId>r</RequestId></ErrorResponse>',
      '<Response><Errors><Error><Code>X</Code><Message>m</Message></Error></Errors><RequestID>r</RequestID></Response>', '{"__type": "ns#X:y", "message": "m"}')),
    fc.tuple(fc.integer({ min: 1, max: 20000 }), fc.constantFrom(['<a>', '</a>'], ['<Error>', '</Error>'], ['{"a":', '}'], ['[', ']'])).map(([depth, [open, close]]) => open.repeat(depth) + (open.startsWith('{') ? '1' : '') + close.repeat(depth)),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
  it('read any error body as a code and message, or raise a ResponseParseError', () => {
    check(fc.property(fc.constantFrom(...errorOps), body, fc.constantFrom(400, 403, 500, 503), ([service, name], text, status) => {
      const { model, op } = operation(service, name);
      try {
        const { error } = protocolFor(model).parseError(model, op, { statusCode: status, headers: {}, body: Buffer.from(text, 'utf8') });
        expect(typeof error.Code).toBe('string');
        expect(typeof error.Message).toBe('string');
      } catch (error) {
        expect(error, String(error)).toBeInstanceOf(ResponseParseError);
        expect((error as Error).message).not.toMatch(JS_BUG);
      }
    }), 600);
  });
});
