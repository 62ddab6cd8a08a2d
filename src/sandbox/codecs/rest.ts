// REST routing and binding for rest-json and rest-xml: routes are built from each operation's
// `http.method` + `http.requestUri` template; labels, query and header members are bound back
// into input, and output header/status members are written out.
import type { OperationModel, ServiceModel, Shape } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { httpDate, isoTimestamp } from '../wire.js';
import { scalarFromText } from './shape-values.js';

interface Route {
  operation: string;
  method: string;
  pattern: RegExp;
  labels: string[];
  /** Literal query keys from the template (`?uploads`, `?list-type=2`); value undefined = any. */
  query: Array<[string, string | undefined]>;
  /** Orders candidates: literal query keys first, then longer literal paths. */
  specificity: number;
  /** Required input members bound to the query string or headers (wire names, headers lower-cased). */
  requiredQuery: string[];
  requiredHeaders: string[];
}

export interface RouteMatch {
  operation: string;
  labels: Record<string, string>;
}

const routeCache = new WeakMap<ServiceModel, Route[]>();

// SDKs add `x-id=<Operation>` to some S3 URIs; older clients do not, so it never decides a match.
const IGNORED_LITERAL_QUERY = new Set(['x-id']);

function buildRoutes(model: ServiceModel): Route[] {
  const routes: Route[] = [];
  for (const [name, op] of Object.entries(model.operations)) {
    const method = op.http?.method ?? 'POST';
    const template = op.http?.requestUri ?? '/';
    const [pathPart, queryPart] = template.split('?', 2) as [string, string | undefined];
    const labels: string[] = [];
    let literalLength = 0;
    const regexSource = pathPart.replace(/\{([^}]+)\}|[^{]+/g, (whole, label?: string) => {
      if (label) {
        const greedy = label.endsWith('+');
        labels.push(greedy ? label.slice(0, -1) : label);
        return greedy ? '(.+)' : '([^/]+)';
      }
      literalLength += whole.length;
      return whole.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    });
    const query: Route['query'] = [];
    for (const part of (queryPart ?? '').split('&')) {
      if (!part) continue;
      const [k, v] = part.split('=', 2) as [string, string | undefined];
      if (!IGNORED_LITERAL_QUERY.has(k)) query.push([k, v]);
    }
    // A trailing slash in the template is optional on the wire (Lambda's `/functions/`).
    const pattern = new RegExp(`^${regexSource.replace(/\/$/, '')}/?$`);
    const requiredQuery: string[] = [];
    const requiredHeaders: string[] = [];
    if (op.input) {
      const input = resolveShape(model, op.input);
      for (const member of input.required ?? []) {
        const ref = input.members?.[member];
        const wire = typeof ref?.locationName === 'string' ? ref.locationName : member;
        if (ref?.location === 'querystring') requiredQuery.push(wire);
        if (ref?.location === 'header') requiredHeaders.push(wire.toLowerCase());
      }
    }
    // Operations sharing a template (S3 PutObject / UploadPart / CopyObject) differ by required
    // query or header members: the one that needs more of them, and finds them, wins.
    const specificity = query.length * 10_000 + (requiredQuery.length + requiredHeaders.length) * 1_000 + literalLength;
    routes.push({ operation: name, method, pattern, labels, query, specificity, requiredQuery, requiredHeaders });
  }
  return routes.sort((a, b) => b.specificity - a.specificity);
}

export function matchRoute(model: ServiceModel, method: string, rawPath: string, query: Array<[string, string]>, headers: Record<string, string> = {}): RouteMatch | undefined {
  let routes = routeCache.get(model);
  if (!routes) routeCache.set(model, (routes = buildRoutes(model)));
  const queryKeys = new Map(query);
  // First pass insists on required query/header members; the second lets the handler report
  // what is missing (a missing bearer token must still reach the SSO portal's 401).
  for (const strict of [true, false]) {
    for (const route of routes) {
      if (route.method !== method) continue;
      const m = route.pattern.exec(rawPath);
      if (!m) continue;
      if (!route.query.every(([k, v]) => queryKeys.has(k) && (v === undefined || queryKeys.get(k) === v))) continue;
      if (strict && (!route.requiredQuery.every((k) => queryKeys.has(k)) || !route.requiredHeaders.every((h) => headers[h] !== undefined))) continue;
      const labels: Record<string, string> = {};
      route.labels.forEach((label, i) => { labels[label] = safeDecode(m[i + 1]!); });
      return { operation: route.operation, labels };
    }
  }
  return undefined;
}

export function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Input members bound to the URI, query string and headers. */
export function bindRestInput(model: ServiceModel, op: OperationModel, match: RouteMatch, query: Array<[string, string]>, headers: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!op.input) return out;
  const input = resolveShape(model, op.input);
  const boundQueryKeys = new Set<string>();
  for (const [name, ref] of Object.entries(input.members ?? {})) {
    if (ref.location === 'querystring' && typeof ref.locationName === 'string') boundQueryKeys.add(ref.locationName);
  }
  for (const [name, ref] of Object.entries(input.members ?? {})) {
    const shape = resolveShape(model, ref);
    const wire = typeof ref.locationName === 'string' ? ref.locationName : name;
    switch (ref.location) {
      case 'uri':
        if (match.labels[wire] !== undefined) out[name] = scalarFromText(shape, match.labels[wire]!, name);
        break;
      case 'querystring': {
        if (shape.type === 'map') {
          const map: Record<string, string> = {};
          for (const [k, v] of query) if (!boundQueryKeys.has(k)) map[k] = v;
          if (Object.keys(map).length) out[name] = map;
        } else if (shape.type === 'list') {
          const values = query.filter(([k]) => k === wire).map(([, v]) => v);
          if (values.length) out[name] = values.map((v) => scalarFromText(resolveShape(model, shape.member), v, name));
        } else {
          const hit = query.find(([k]) => k === wire);
          if (hit) out[name] = scalarFromText(shape, hit[1], name);
        }
        break;
      }
      case 'header': {
        const value = headers[wire.toLowerCase()];
        if (value === undefined) break;
        out[name] = shape.type === 'list' ? value.split(',').map((s) => s.trim()) : scalarFromText(shape, value, name);
        break;
      }
      case 'headers': {
        const prefix = wire.toLowerCase();
        const map: Record<string, string> = {};
        for (const [k, v] of Object.entries(headers)) if (k.startsWith(prefix)) map[k.slice(prefix.length)] = v;
        if (Object.keys(map).length) out[name] = map;
        break;
      }
    }
  }
  return out;
}

function headerText(shape: Shape, value: unknown): string {
  if (shape.type === 'timestamp') return shape.timestampFormat === 'iso8601' ? isoTimestamp(value) : httpDate(value);
  if (shape.type === 'boolean') return value ? 'true' : 'false';
  if (shape.jsonvalue) return Buffer.from(JSON.stringify(value)).toString('base64');
  return String(value);
}

/** Output members that travel as headers or as the status code. */
export function writeRestOutputHeaders(model: ServiceModel, output: Shape | undefined, value: Record<string, unknown>, reply: { status: number; headers: Record<string, string> }): void {
  if (!output) return;
  for (const [name, ref] of Object.entries(output.members ?? {})) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    const shape = resolveShape(model, ref);
    const wire = typeof ref.locationName === 'string' ? ref.locationName : name;
    if (ref.location === 'header') reply.headers[wire.toLowerCase()] = headerText(shape, v);
    else if (ref.location === 'headers') {
      for (const [k, hv] of Object.entries(v as Record<string, unknown>)) reply.headers[`${wire}${k}`.toLowerCase()] = String(hv);
    } else if (ref.location === 'statusCode') reply.status = Number(v);
  }
}
