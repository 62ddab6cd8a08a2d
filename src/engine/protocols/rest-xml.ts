// The rest-xml protocol (S3, Route 53, CloudFront).
import type { Protocol } from './types.js';
import { parseXml, elementToPlain, writeXml, XmlSyntaxError, type XmlElement } from './xml.js';
import { readDocumentAs, writeValue, type XmlReadContext } from './xml-shapes.js';
import { parseRest, requestIdFromHeaders, serializeRest, type RestBodyWriter } from './rest.js';
import { ResponseParseError, isGenericServerError, operationName, statusError, withCodeAndMessage, type ParsedError } from './common.js';
import { customizeS3Request, customizeS3Response, isS3 } from './s3.js';
import type { HttpResponse } from '../http/types.js';

const xmlBodyWriter: RestBodyWriter = {
  members: (model, input, params) => writeXml(writeValue(model, input, params, input.locationName ?? input.name ?? 'Request')[0]),
  payload: (model, member, name, value) => writeXml(writeValue(model, member, value, member.locationName ?? name)[0]),
  emptyBody: () => '',
};

// An empty body reads as an empty element would.
const EMPTY_DOCUMENT = '<_/>';

export const restXmlProtocol: Protocol = {
  serialize(model, op, params) {
    return serializeRest(model, op, isS3(model) ? customizeS3Request(op, params) : params, xmlBodyWriter);
  },

  parse(model, op, res, opts) {
    const ctx: XmlReadContext & { looseBooleans: boolean } = {
      model, timestampMode: opts?.timestampFormat ?? 'iso8601', skipLocated: true, looseBooleans: false,
    };
    let parsed: Record<string, unknown>;
    try {
      parsed = parseRest(ctx, op, res, {
        members: (output, body) => readDocumentAs(ctx, output, body.length ? body : EMPTY_DOCUMENT) as Record<string, unknown>,
        payload: (member, body) => readDocumentAs(ctx, member, body.length ? body : EMPTY_DOCUMENT),
      });
    } catch (e) {
      if (e instanceof ResponseParseError) throw e;
      if (e instanceof XmlSyntaxError) throw new ResponseParseError(operationName(op), `invalid XML (${e.message})`, res.body.toString('utf8'));
      throw new ResponseParseError(operationName(op), (e as Error).message, res.body.toString('utf8'));
    }
    return isS3(model) ? customizeS3Response(op, res, parsed, opts) : parsed;
  },

  parseError(_model, _op, res): ParsedError {
    const ids = requestIdFromHeaders(res);
    if (isGenericServerError(res)) return { error: statusError(res), ...ids };
    const root = tryParse(res);
    // No usable XML (HEAD 404s have no body at all): the status line is all there is.
    if (!root || root.name === 'html') return { error: statusError(res), requestId: ids.requestId ?? '', hostId: ids.hostId ?? '' };
    const plain = elementToPlain(root);
    if (root.name === 'Error') {
      // S3: request id and host id belong to the response metadata, taken from the headers.
      const { RequestId: _r, HostId: _h, ...fields } = plain;
      return { error: withCodeAndMessage(fields), ...ids };
    }
    const fields = plain.Error && typeof plain.Error === 'object' ? (plain.Error as Record<string, unknown>) : {};
    const requestId = typeof plain.RequestId === 'string' ? plain.RequestId : ids.requestId;
    return { error: withCodeAndMessage(fields), ...(requestId !== undefined && { requestId }) };
  },
};

function tryParse(res: HttpResponse): XmlElement | undefined {
  if (res.body.length === 0) return undefined;
  try {
    return parseXml(res.body);
  } catch {
    return undefined;
  }
}
