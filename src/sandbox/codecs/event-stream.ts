// The json protocol's event-stream responses (CloudWatch Logs StartLiveTail): an `initial-response`
// message with the output's other members, then one message per event the handler listed as
// `{EventName: value}` in the stream member; an exception member becomes an exception message.
import type { ServiceModel, Shape } from '../../engine/models/types.js';
import { resolveShape } from '../../engine/models/shapes.js';
import { encodeMessage } from '../../engine/eventstream/frame.js';
import { toJsonValue } from './json-values.js';

export { eventStreamMember as eventStreamMemberOf } from '../../engine/eventstream/events.js';

export function encodeJsonEventStream(model: ServiceModel, output: Shape, streamName: string, value: Record<string, unknown>): Buffer {
  const { [streamName]: events, ...rest } = value;
  const json = (body: unknown) => Buffer.from(JSON.stringify(body ?? {}), 'utf8');
  const messages = [encodeMessage({ ':event-type': 'initial-response', ':content-type': 'application/json', ':message-type': 'event' }, json(toJsonValue(model, output, rest)))];
  const streamShape = resolveShape(model, output.members![streamName]);
  for (const event of (events ?? []) as Array<Record<string, unknown>>) {
    const [name, body] = Object.entries(event)[0]!;
    const ref = streamShape.members![name]!;
    const payload = json(toJsonValue(model, ref, body));
    messages.push(resolveShape(model, ref).exception
      ? encodeMessage({ ':exception-type': name, ':content-type': 'application/json', ':message-type': 'exception' }, payload)
      : encodeMessage({ ':event-type': name, ':content-type': 'application/json', ':message-type': 'event' }, payload));
  }
  return Buffer.concat(messages);
}
