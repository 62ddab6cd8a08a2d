// Waiters from the models' waiters-2 definitions, polling as botocore does: the first acceptor
// that matches decides the state; errors the acceptors don't expect end the wait.
import jmespath from 'jmespath';
import { PyFloat } from '../exact-json.js';
import { pyStr } from '../output/python-values.js';
import type { WaiterAcceptor, WaiterConfig } from '../models/types.js';
import { ServiceError } from './errors.js';

type Response = Record<string, unknown> & { Error?: { Code?: string; Message?: string }; ResponseMetadata?: { HTTPStatusCode?: number } };

export class WaiterError extends Error {
  readonly exitCode = 255;
  constructor(readonly waiterName: string, readonly reason: string) {
    super(`Waiter ${waiterName} failed: ${reason}`);
    this.name = 'WaiterError';
  }
}

export interface WaitOptions {
  delaySeconds?: number;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const isServiceErrorResponse = (r: Response): boolean => typeof r.Error === 'object' && r.Error !== null && 'Code' in r.Error;

/** Python's `==` for JSON values (the expected values are scalars). */
const equal = (a: unknown, b: unknown): boolean => a === b || (a instanceof PyFloat && a.value === b);

export function acceptorMatches(acceptor: WaiterAcceptor, response: Response): boolean {
  switch (acceptor.matcher) {
    case 'path':
      return !isServiceErrorResponse(response) && equal(jmespath.search(response as never, acceptor.argument!), acceptor.expected);
    case 'pathAll': {
      if (isServiceErrorResponse(response)) return false;
      const values = jmespath.search(response as never, acceptor.argument!) as unknown;
      return Array.isArray(values) && values.length > 0 && values.every((v) => equal(v, acceptor.expected));
    }
    case 'pathAny': {
      if (isServiceErrorResponse(response)) return false;
      const values = jmespath.search(response as never, acceptor.argument!) as unknown;
      return Array.isArray(values) && values.some((v) => equal(v, acceptor.expected));
    }
    case 'status':
      return response.ResponseMetadata?.HTTPStatusCode === acceptor.expected;
    case 'error':
      if (acceptor.expected === true) return isServiceErrorResponse(response);
      if (acceptor.expected === false) return response.Error === undefined;
      return (response.Error?.Code ?? '') === acceptor.expected;
  }
}

export function acceptorExplanation(a: WaiterAcceptor): string {
  const expected = pyStr(a.expected as never);
  switch (a.matcher) {
    case 'path': return `For expression "${a.argument}" we matched expected path: "${expected}"`;
    case 'pathAll': return `For expression "${a.argument}" all members matched expected path: "${expected}"`;
    case 'pathAny': return `For expression "${a.argument}" we matched expected path: "${expected}" at least once`;
    case 'status': return `Matched expected HTTP status code: ${expected}`;
    case 'error': return `Matched expected service error code: ${expected}`;
  }
}

/** A service error as the response dict botocore's waiter sees. */
function asResponse(err: ServiceError): Response {
  return { Error: { Code: err.code, Message: err.message }, ResponseMetadata: { HTTPStatusCode: err.statusCode } };
}

export async function wait(
  name: string,
  config: WaiterConfig,
  call: () => Promise<Response>,
  opts: WaitOptions = {},
): Promise<void> {
  const delayMs = (opts.delaySeconds ?? config.delay) * 1000;
  const maxAttempts = opts.maxAttempts ?? config.maxAttempts;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let state: WaiterAcceptor['state'] | 'waiting' = 'waiting';
  let everMatched = false;
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await call();
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      response = asResponse(err);
    }
    // botocore reports the last acceptor it looked at, matched or not (its loop variable).
    let examined: WaiterAcceptor | undefined;
    let matched = false;
    for (const acceptor of config.acceptors) {
      examined = acceptor;
      if (acceptorMatches(acceptor, response)) {
        state = acceptor.state;
        everMatched = true;
        matched = true;
        break;
      }
    }
    if (!matched && isServiceErrorResponse(response)) {
      throw new WaiterError(name, `An error occurred (${response.Error!.Code ?? 'Unknown'}): ${response.Error!.Message ?? 'Unknown'}`);
    }
    if (state === 'success') return;
    if (state === 'failure') throw new WaiterError(name, `Waiter encountered a terminal failure state: ${acceptorExplanation(examined!)}`);
    if (attempt >= maxAttempts) {
      throw new WaiterError(name, everMatched ? `Max attempts exceeded. Previously accepted state: ${acceptorExplanation(examined!)}` : 'Max attempts exceeded');
    }
    await sleep(delayMs);
  }
}
