// The server side of each wire protocol, in one registry: which operation a request calls, its
// input, and how output and errors go back. Everything is driven by the service model.
import type { ServiceModel } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import type { IncomingCall, Reply } from '../types.js';
import { fault, ServiceFault } from '../fault.js';
import { escapeXml } from '../wire.js';
import { decodeFormInput, parseFormBody } from './form.js';
import { xmlElement, xmlMembers } from './xml-writer.js';
import { parseXmlDocument, xmlNodeToValue } from './xml-reader.js';
import { fromJsonValue, toJsonValue } from './json-values.js';
import { encodeJsonEventStream, eventStreamMemberOf } from './event-stream.js';
import { bindRestInput, matchRoute, writeRestOutputHeaders, type RouteMatch } from './rest.js';

export interface Identified {
  operation: string;
  route?: RouteMatch;
  /** Form parameters already parsed while finding the Action (query/ec2). */
  form?: Array<[string, string]>;
}

export interface ServerCodec {
  /** The operation a request names, or a fault in this protocol when it names none/unknown. */
  identify(model: ServiceModel, call: IncomingCall): Identified;
  decode(model: ServiceModel, id: Identified, call: IncomingCall): Record<string, unknown>;
  encode(model: ServiceModel, operation: string, output: Record<string, unknown>, requestId: string, call: IncomingCall): Reply;
  encodeError(model: ServiceModel, err: ServiceFault, requestId: string, call: IncomingCall): Reply;
}

function formEntries(call: IncomingCall): Array<[string, string]> {
  const entries = [...call.query];
  const type = call.headers['content-type'] ?? '';
  if (call.body.length && (type === '' || type.startsWith('application/x-www-form-urlencoded'))) entries.push(...parseFormBody(call.body.toString('utf8')));
  return entries;
}

function xmlNamespaceOf(model: ServiceModel): string {
  const ns = model.metadata.xmlNamespace;
  if (ns) return ns.endsWith('/') ? ns : `${ns}/`;
  return `https://${model.metadata.endpointPrefix}.amazonaws.com/doc/${model.metadata.apiVersion}/`;
}

function formCodec(flavor: 'query' | 'ec2'): ServerCodec {
  return {
    identify(model, call) {
      const form = formEntries(call);
      const action = form.find(([k]) => k === 'Action')?.[1];
      if (!action) throw fault('MissingAction', 'Missing Action');
      if (!Object.hasOwn(model.operations, action)) throw fault('InvalidAction', `The action ${action} is not valid for this web service.`);
      return { operation: action, form };
    },
    decode(model, id) {
      return decodeFormInput(model, model.operations[id.operation]!.input, id.form ?? [], flavor);
    },
    encode(model, operation, output, requestId) {
      const op = model.operations[operation]!;
      const ns = xmlNamespaceOf(model);
      const shape = op.output ? resolveShape(model, op.output) : undefined;
      let body: string;
      if (flavor === 'ec2') {
        body = `<${operation}Response xmlns="${ns}"><requestId>${requestId}</requestId>${shape ? xmlMembers(model, shape, output) : ''}</${operation}Response>`;
      } else {
        const wrapper = typeof shape?.resultWrapper === 'string' ? shape.resultWrapper : undefined;
        const inner = shape ? xmlMembers(model, shape, output) : '';
        const result = wrapper ? `<${wrapper}>${inner}</${wrapper}>` : inner;
        body = `<${operation}Response xmlns="${ns}">${result}<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
      }
      return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId }, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` };
    },
    encodeError(model, err, requestId) {
      const extra = Object.entries(err.extra).map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('');
      const body = flavor === 'ec2'
        ? `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>${extra}</Error></Errors><RequestID>${requestId}</RequestID></Response>`
        : `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${xmlNamespaceOf(model)}"><Error><Type>${err.type}</Type><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>${extra}</Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
      return { status: err.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId, ...err.headers }, body };
    },
  };
}

function parseJsonBody(call: IncomingCall): unknown {
  if (!call.body.length) return {};
  try {
    return JSON.parse(call.body.toString('utf8'));
  } catch {
    throw fault('SerializationException', 'Start of structure or map found where not expected.');
  }
}

const jsonCodec: ServerCodec = {
  identify(model, call) {
    const target = call.headers['x-amz-target'] ?? '';
    const dot = target.lastIndexOf('.');
    const prefix = target.slice(0, dot);
    const operation = target.slice(dot + 1);
    if (!target || prefix !== model.metadata.targetPrefix || !Object.hasOwn(model.operations, operation)) {
      throw fault('UnknownOperationException', target ? `Unknown operation ${target}` : 'Missing X-Amz-Target header');
    }
    return { operation };
  },
  decode(model, id, call) {
    const op = model.operations[id.operation]!;
    return op.input ? (fromJsonValue(model, op.input, parseJsonBody(call)) as Record<string, unknown>) ?? {} : {};
  },
  encode(model, operation, output, requestId) {
    const op = model.operations[operation]!;
    const outputShape = op.output ? resolveShape(model, op.output) : undefined;
    const streamName = outputShape && eventStreamMemberOf(model, outputShape);
    if (outputShape && streamName) {
      return { status: 200, headers: { 'content-type': 'application/vnd.amazon.eventstream', 'x-amzn-requestid': requestId }, body: encodeJsonEventStream(model, outputShape, streamName, output) };
    }
    const body = op.output ? toJsonValue(model, op.output, output) : {};
    return { status: 200, headers: { 'content-type': `application/x-amz-json-${model.metadata.jsonVersion ?? '1.1'}`, 'x-amzn-requestid': requestId }, body: JSON.stringify(body) };
  },
  encodeError(model, err, requestId) {
    const body = err.jsonBody ?? { __type: err.code, message: err.message, ...err.extra };
    return { status: err.status, headers: { 'content-type': `application/x-amz-json-${model.metadata.jsonVersion ?? '1.1'}`, 'x-amzn-requestid': requestId, ...err.headers }, body: JSON.stringify(body) };
  },
};

// S3 names the root element of each response after the result, not the operation.
const S3_ROOT_ELEMENTS: Record<string, string> = {
  ListBuckets: 'ListAllMyBucketsResult',
  ListObjects: 'ListBucketResult',
  ListObjectsV2: 'ListBucketResult',
  CreateMultipartUpload: 'InitiateMultipartUploadResult',
  CompleteMultipartUpload: 'CompleteMultipartUploadResult',
  DeleteObjects: 'DeleteResult',
  ListMultipartUploads: 'ListMultipartUploadsResult',
  ListParts: 'ListPartsResult',
  CopyObject: 'CopyObjectResult',
  GetObjectTagging: 'Tagging',
};

function restCodec(kind: 'json' | 'xml'): ServerCodec {
  return {
    identify(model, call) {
      const route = matchRoute(model, call.method, call.rawPath, call.query, call.headers);
      if (!route) {
        if (kind === 'xml') throw fault('MethodNotAllowed', 'The specified method is not allowed against this resource.', { status: 405 });
        throw fault('UnknownOperationException', `No operation matches ${call.method} ${call.rawPath}`, { status: 404 });
      }
      return { operation: route.operation, route };
    },
    decode(model, id, call) {
      const op = model.operations[id.operation]!;
      const input = bindRestInput(model, op, id.route!, call.query, call.headers);
      if (!op.input) return input;
      const shape = resolveShape(model, op.input);
      const payloadName = typeof shape.payload === 'string' ? shape.payload : undefined;
      if (payloadName) {
        const payloadRef = shape.members![payloadName]!;
        const payloadShape = resolveShape(model, payloadRef);
        if (payloadShape.type === 'blob') input[payloadName] = call.body;
        else if (payloadShape.type === 'string') input[payloadName] = call.body.toString('utf8');
        else if (call.body.length) {
          if (kind === 'xml') {
            const doc = parseXmlDocument(call.body.toString('utf8'));
            const root = Object.values(doc)[0];
            input[payloadName] = xmlNodeToValue(model, payloadRef, root, payloadName);
          } else {
            input[payloadName] = fromJsonValue(model, payloadRef, parseJsonBody(call), payloadName);
          }
        }
        return input;
      }
      if (call.body.length) {
        const bodyValue = kind === 'xml'
          ? xmlNodeToValue(model, op.input, Object.values(parseXmlDocument(call.body.toString('utf8')))[0])
          : fromJsonValue(model, op.input, parseJsonBody(call));
        Object.assign(input, bodyValue as Record<string, unknown>);
      }
      return input;
    },
    encode(model, operation, output, requestId, call) {
      const op = model.operations[operation]!;
      const reply: Reply & { headers: Record<string, string> } = { status: op.http?.responseCode ?? 200, headers: {} };
      reply.headers[kind === 'xml' ? 'x-amz-request-id' : 'x-amzn-requestid'] = requestId;
      if (kind === 'xml') reply.headers['x-amz-id-2'] = Buffer.from(requestId).toString('base64');
      const shape = op.output ? resolveShape(model, op.output) : undefined;
      writeRestOutputHeaders(model, shape, output, reply);
      if (typeof output.$status === 'number') reply.status = output.$status;
      if (!shape || call.method === 'HEAD') return reply;
      const payloadName = typeof shape.payload === 'string' ? shape.payload : undefined;
      if (payloadName) {
        const payloadRef = shape.members![payloadName]!;
        const payloadShape = resolveShape(model, payloadRef);
        const value = output[payloadName];
        if (value === undefined) return reply;
        if (payloadShape.type === 'blob' || payloadShape.type === 'string') {
          reply.body = Buffer.isBuffer(value) ? value : String(value);
          return reply;
        }
        if (kind === 'xml') {
          const tag = typeof payloadRef.locationName === 'string' ? payloadRef.locationName : payloadName;
          reply.headers['content-type'] = 'application/xml';
          reply.body = `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElement(model, payloadRef, tag, value)}`;
        } else {
          reply.headers['content-type'] = 'application/json';
          reply.body = JSON.stringify(toJsonValue(model, payloadRef, value));
        }
        return reply;
      }
      if (kind === 'xml' && operation === 'GetBucketLocation') {
        // botocore reads this one from the root element's text.
        reply.body = `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${escapeXml(String(output.LocationConstraint ?? ''))}</LocationConstraint>`;
        return reply;
      }
      const hasBodyMembers = Object.values(shape.members ?? {}).some((ref) => !ref.location);
      if (!hasBodyMembers) return reply;
      if (kind === 'xml') {
        const root = S3_ROOT_ELEMENTS[operation] ?? `${operation}Result`;
        const ns = model.metadata.xmlNamespace ?? (model.metadata.serviceId === 'S3' ? 'http://s3.amazonaws.com/doc/2006-03-01/' : undefined);
        reply.headers['content-type'] = 'application/xml';
        reply.body = `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${ns ? ` xmlns="${ns}"` : ''}>${xmlMembers(model, shape, output)}</${root}>`;
      } else {
        reply.headers['content-type'] = 'application/json';
        reply.body = JSON.stringify(toJsonValue(model, op.output!, output));
      }
      return reply;
    },
    encodeError(model, err, requestId, call) {
      if (kind === 'xml') {
        const headers: Record<string, string> = { 'x-amz-request-id': requestId, 'x-amz-id-2': Buffer.from(requestId).toString('base64'), ...err.headers };
        // HEAD responses carry no body; the client then sees only the status (§6.5).
        if (call.method === 'HEAD') return { status: err.status, headers };
        const extra = Object.entries(err.extra).map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`).join('');
        headers['content-type'] = 'application/xml';
        return { status: err.status, headers, body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(err.code)}</Code><Message>${escapeXml(err.message)}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>${headers['x-amz-id-2']}</HostId></Error>` };
      }
      const body = err.jsonBody ?? { message: err.message, ...err.extra };
      return { status: err.status, headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId, 'x-amzn-errortype': err.code, ...err.headers }, body: JSON.stringify(body) };
    },
  };
}

export const serverCodecs: Record<ServiceModel['metadata']['protocol'], ServerCodec> = {
  query: formCodec('query'),
  ec2: formCodec('ec2'),
  json: jsonCodec,
  'rest-json': restCodec('json'),
  'rest-xml': restCodec('xml'),
};

/** `MissingParameter`-style check of the top-level required members, in the protocol's words. */
export function checkRequired(model: ServiceModel, operation: string, input: Record<string, unknown>): void {
  const op = model.operations[operation]!;
  if (!op.input) return;
  const shape = resolveShape(model, op.input);
  for (const name of shape.required ?? []) {
    if (input[name] !== undefined) continue;
    if (model.metadata.serviceId === 'SSO' && name === 'accessToken') throw fault('UnauthorizedException', 'Session token not found or invalid', { status: 401 });
    const protocol = model.metadata.protocol;
    if (protocol === 'query' || protocol === 'ec2') {
      const ref = shape.members?.[name];
      const wire = protocol === 'ec2' && typeof ref?.locationName === 'string' ? ref.locationName[0]!.toUpperCase() + ref.locationName.slice(1) : name;
      throw fault(protocol === 'ec2' ? 'MissingParameter' : 'ValidationError', protocol === 'ec2'
        ? `The request must contain the parameter ${wire}`
        : `1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
    }
    if (protocol === 'rest-xml') throw fault('InvalidRequest', `Missing required parameter ${name}`);
    if (model.metadata.serviceId === 'SSO OIDC') {
      throw fault('InvalidRequestException', `${name} is required`, { jsonBody: { error: 'invalid_request', error_description: `${name} is required` } });
    }
    throw fault('ValidationException', `1 validation error detected: Value null at '${name[0]!.toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must not be null`);
  }
}
