// The query protocol (STS, IAM, CloudFormation, …): form-encoded requests, XML responses.
// EC2 is the same protocol with a few rules changed; those rules are the `QueryDialect`.
import type { OperationModel, ServiceModel, Shape } from '../models/types.js';
import { resolveShape } from '../models/shapes.js';
import type { HttpResponse, SerializedRequest } from '../http/types.js';
import type { ParseOptions, Protocol } from './types.js';
import { formEncode, scalarString, toBase64 } from './encoding.js';
import { serializeTimestamp, timestampFormatOf } from './timestamps.js';
import { elementToPlain, parseXml, XmlSyntaxError, type XmlElement } from './xml.js';
import { readDocumentAs } from './xml-shapes.js';
import {
  ResponseParseError, expandHostPrefix, httpMethod, isGenericServerError, operationName, presentEntries,
  statusError, withCodeAndMessage, withIdempotencyTokens, type ParsedError,
} from './common.js';

type Pairs = Array<[string, string]>;

export interface QueryDialect {
  /** The name a member is sent under. */
  serializedName(member: Shape, memberName: string): string;
  /** Add a list's entries; `prefix` is the list's own name path. */
  serializeList(model: ServiceModel, out: Pairs, items: unknown[], shape: Shape, prefix: string, dialect: QueryDialect): void;
  /** The child of the root element that holds the output structure; none: the root itself. */
  resultWrapper(output: Shape): string | undefined;
  /** Request id fields of an error document (already flattened to a plain object). */
  errorRequestId(plain: Record<string, unknown>): string | undefined;
}

export const queryDialect: QueryDialect = {
  serializedName: (member, memberName) => member.locationName ?? memberName,
  serializeList(model, out, items, shape, prefix, dialect) {
    if (items.length === 0) {
      out.push([prefix, '']);
      return;
    }
    const item = resolveShape(model, shape.member);
    let listPrefix: string;
    if (shape.flattened) {
      // A flattened list with a named member replaces the last path segment with that name.
      listPrefix = item.locationName ? [...prefix.split('.').slice(0, -1), item.locationName].join('.') : prefix;
    } else {
      listPrefix = `${prefix}.${item.locationName ?? 'member'}`;
    }
    items.forEach((v, i) => serializeQueryValue(model, out, v, item, `${listPrefix}.${i + 1}`, dialect));
  },
  resultWrapper: (output) => output.resultWrapper,
  errorRequestId: (plain) => stringField(plain.RequestId),
};

const stringField = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function serializeQueryValue(model: ServiceModel, out: Pairs, value: unknown, shape: Shape, prefix: string, dialect: QueryDialect): void {
  switch (shape.type) {
    case 'structure':
      for (const [key, memberValue] of presentEntries(value as Record<string, unknown>)) {
        const ref = shape.members?.[key];
        if (!ref) throw new Error(`Unknown parameter ${prefix ? `${prefix}.` : ''}${key}`);
        const member = resolveShape(model, ref);
        const name = dialect.serializedName(member, key);
        serializeQueryValue(model, out, memberValue, member, prefix ? `${prefix}.${name}` : name, dialect);
      }
      return;
    case 'list':
      dialect.serializeList(model, out, value as unknown[], shape, prefix, dialect);
      return;
    case 'map': {
      const keyShape = resolveShape(model, shape.key);
      const valueShape = resolveShape(model, shape.value);
      const base = shape.flattened ? prefix : `${prefix}.entry`;
      const keyName = dialect.serializedName(keyShape, 'key');
      const valueName = dialect.serializedName(valueShape, 'value');
      Object.entries(value as Record<string, unknown>).forEach(([k, v], i) => {
        serializeQueryValue(model, out, k, keyShape, `${base}.${i + 1}.${keyName}`, dialect);
        serializeQueryValue(model, out, v, valueShape, `${base}.${i + 1}.${valueName}`, dialect);
      });
      return;
    }
    case 'blob':
      out.push([prefix, toBase64(value)]);
      return;
    case 'timestamp':
      out.push([prefix, String(serializeTimestamp(value, timestampFormatOf(shape, 'iso8601')))]);
      return;
    default:
      out.push([prefix, scalarString(value, shape.type)]);
  }
}

function parseDocument(op: OperationModel, res: HttpResponse): XmlElement {
  try {
    return parseXml(res.body);
  } catch (e) {
    throw new ResponseParseError(operationName(op), `invalid XML (${(e as Error).message})`, res.body.toString('utf8'));
  }
}

export function createQueryProtocol(dialect: QueryDialect): Protocol {
  return {
    serialize(model, op, params): SerializedRequest {
      const filled = withIdempotencyTokens(model, op, params);
      const pairs: Pairs = [
        ['Action', operationName(op)],
        ['Version', model.metadata.apiVersion],
      ];
      if (op.input) serializeQueryValue(model, pairs, filled, resolveShape(model, op.input), '', dialect);
      const request: SerializedRequest = {
        method: httpMethod(op),
        path: '/',
        query: [],
        headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: formEncode(pairs),
      };
      const hostPrefix = expandHostPrefix(op, filled);
      if (hostPrefix !== undefined) request.hostPrefix = hostPrefix;
      return request;
    },

    parse(model, op, res, opts?: ParseOptions) {
      if (!op.output) return {};
      const output = resolveShape(model, op.output);
      if (res.body.length === 0 && !Object.keys(output.members ?? {}).length) return {};
      try {
        const ctx = { model, timestampMode: opts?.timestampFormat ?? 'iso8601', skipLocated: false } as const;
        return (readDocumentAs(ctx, output, res.body, dialect.resultWrapper(output)) ?? {}) as Record<string, unknown>;
      } catch (e) {
        const message = e instanceof XmlSyntaxError ? `invalid XML (${e.message})` : (e as Error).message;
        throw new ResponseParseError(operationName(op), message, res.body.toString('utf8'));
      }
    },

    parseError(_model, op, res): ParsedError {
      if (isGenericServerError(res) || res.body.length === 0) return { error: statusError(res) };
      const plain = elementToPlain(parseDocument(op, res));
      // `<Errors><Error>` (EC2, some query services) is lifted to the top like `<Error>`.
      if (plain.Errors && typeof plain.Errors === 'object') Object.assign(plain, plain.Errors);
      const fields = plain.Error && typeof plain.Error === 'object' ? (plain.Error as Record<string, unknown>) : {};
      const requestId = dialect.errorRequestId(plain);
      return { error: withCodeAndMessage(fields), ...(requestId !== undefined && { requestId }) };
    },
  };
}

export const queryProtocol = createQueryProtocol(queryDialect);
