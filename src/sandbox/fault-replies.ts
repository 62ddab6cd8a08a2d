// The error an injected fault answers with, in the codes the called service really uses: S3 says
// SlowDown, EC2 RequestLimitExceeded, Query services Throttling, JSON services ThrottlingException.
import type { ServiceModel } from '../engine/models/types.js';
import { fault, type ServiceFault } from './fault.js';
import type { FaultRule } from './fault-plan.js';

const THROTTLE_BY_PROTOCOL: Record<string, [code: string, status: number, message: string]> = {
  'rest-xml': ['SlowDown', 503, 'Please reduce your request rate.'],
  ec2: ['RequestLimitExceeded', 503, 'Request limit exceeded.'],
  query: ['Throttling', 400, 'Rate exceeded'],
  json: ['ThrottlingException', 400, 'Rate exceeded'],
  'rest-json': ['ThrottlingException', 429, 'Rate exceeded'],
};

const THROTTLE_MESSAGES: Record<string, string> = {
  SlowDown: 'Please reduce your request rate.', RequestLimitExceeded: 'Request limit exceeded.', TooManyRequestsException: 'Too Many Requests',
};

const BY_STATUS: Record<number, (protocol: string) => [code: string, message: string]> = {
  429: () => ['TooManyRequestsException', 'Too Many Requests'],
  500: (p) => [p === 'rest-xml' || p === 'ec2' ? 'InternalError' : 'InternalFailure', 'We encountered an internal error. Please try again.'],
  502: () => ['BadGateway', 'Bad Gateway'],
  503: (p) => (p === 'ec2' ? ['Unavailable', "The server is overloaded and can't handle the request."] : ['ServiceUnavailable', 'Service is unable to handle request.']),
  504: () => ['GatewayTimeout', 'Gateway Timeout'],
};

/** The ServiceFault an `error` rule answers with for this service. */
export function injectedError(model: ServiceModel, rule: FaultRule): ServiceFault {
  const protocol = model.metadata.protocol;
  if (rule.throttle) {
    const [code, status, message] = THROTTLE_BY_PROTOCOL[protocol] ?? THROTTLE_BY_PROTOCOL.json!;
    if (rule.code === undefined) return fault(code, message, { status, type: 'Sender' });
    const namedStatus = rule.code === 'SlowDown' || rule.code === 'RequestLimitExceeded' ? 503 : rule.code === 'TooManyRequestsException' ? 429 : 400;
    return fault(rule.code, THROTTLE_MESSAGES[rule.code] ?? 'Rate exceeded', { status: namedStatus, type: 'Sender' });
  }
  const status = rule.status ?? 500;
  const [code, message] = BY_STATUS[status]?.(protocol) ?? [status >= 500 ? 'InternalFailure' : 'BadRequest', `Injected ${status}`];
  return fault(rule.code ?? code, message, { status, type: status >= 500 ? 'Receiver' : 'Sender' });
}
