// Event-stream messages read as the operation's events, as botocore reads them: an `event` message
// becomes `{EventName: {...}}` (payload and header members per the model), an `exception` or
// `error` message ends the stream with the service error it carries.
import type { ServiceModel, Shape } from '../models/types.js';
import { resolveShape } from '../models/shapes.js';
import { ServiceError } from '../http/errors.js';
import { renderTimestamp } from '../protocols/timestamps.js';
import { EventStreamDecoder, stringHeader, type EventStreamMessage, type HeaderValue } from './frame.js';

export interface EventReader {
  model: ServiceModel;
  /** The operation's name, for error messages. */
  operation: string;
  timestampMode: 'iso8601' | 'wire';
  /** A JSON or XML payload read as a shape (the protocol's own body reader). */
  readPayload(shape: Shape, payload: Buffer): unknown;
}

export type StreamEvent = Record<string, unknown>;

/** The member of an output structure that is an event stream, if any. */
export function eventStreamMember(model: ServiceModel, output: Shape): string | undefined {
  for (const [name, ref] of Object.entries(output.members ?? {})) {
    if (resolveShape(model, ref).eventstream) return name;
  }
  return undefined;
}

/**
 * An operation's event stream: iterate it (sync over a received body, or async over chunks as
 * they arrive) to get the events in order. Framing errors and stream errors are thrown where they
 * occur, after the events before them.
 */
export class EventStream {
  /**
   * `initialResponse`: the json protocol's first message (`initial-response`) is still in an
   * arriving source and must be checked and skipped.
   */
  constructor(
    private readonly source: EventStreamDecoder | AsyncIterable<Uint8Array>,
    private readonly shape: Shape,
    private readonly reader: EventReader,
    private initialResponse = false,
  ) {}

  *[Symbol.iterator](): Generator<StreamEvent> {
    if (!(this.source instanceof EventStreamDecoder)) throw new Error('this event stream arrives asynchronously');
    for (let m = this.source.next(); m; m = this.source.next()) {
      const event = readEvent(m, this.shape, this.reader);
      if (event) yield event;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<StreamEvent> {
    if (this.source instanceof EventStreamDecoder) {
      yield* this[Symbol.iterator]();
      return;
    }
    const decoder = new EventStreamDecoder();
    for await (const chunk of this.source) {
      decoder.push(chunk);
      for (let m = decoder.next(); m; m = decoder.next()) {
        if (this.initialResponse) {
          checkInitialResponse(m);
          this.initialResponse = false;
          continue;
        }
        const event = readEvent(m, this.shape, this.reader);
        if (event) yield event;
      }
    }
  }

  /** Stops an arriving stream (its connection is dropped); the iteration then ends with an error. */
  close(): void {
    (this.source as { destroy?: () => void }).destroy?.();
  }

  /** Printed as an opaque value (the CLI cannot print a stream either). */
  toJSON(): string {
    return '<event stream>';
  }
}

/** A response body, whole or arriving. */
export interface StreamBody {
  body: Uint8Array;
  bodyStream?: AsyncIterable<Uint8Array>;
}

/** The event stream of a response (decoded lazily, as it is iterated). */
export function eventStreamOf(res: StreamBody, shape: Shape, reader: EventReader): EventStream {
  if (res.bodyStream) return new EventStream(res.bodyStream, shape, reader);
  const decoder = new EventStreamDecoder();
  decoder.push(res.body);
  return new EventStream(decoder, shape, reader);
}

function checkInitialResponse(message: EventStreamMessage | undefined): EventStreamMessage {
  if (!message || stringHeader(message, ':event-type') !== 'initial-response') throw new Error('First event was not of type initial-response');
  return message;
}

/**
 * The json protocol's event-stream output: the first message must be `initial-response`, whose
 * payload holds the output's other members; the rest of the body is the stream.
 */
export function jsonEventStreamOutput(res: StreamBody, output: Shape, streamName: string, reader: EventReader): Record<string, unknown> {
  const streamShape = resolveShape(reader.model, output.members![streamName]);
  // Arriving: the initial response is checked when the stream is read (its members, which no
  // streaming operation of the json protocol has today, are not surfaced).
  if (res.bodyStream) return { [streamName]: new EventStream(res.bodyStream, streamShape, reader, true) };
  const decoder = new EventStreamDecoder();
  decoder.push(res.body);
  const first = checkInitialResponse(decoder.next());
  const parsed = (reader.readPayload(output, first.payload) ?? {}) as Record<string, unknown>;
  delete parsed[streamName];
  parsed[streamName] = new EventStream(decoder, streamShape, reader);
  return parsed;
}

/** One message as an event; undefined for events the model does not know (botocore skips them). */
export function readEvent(message: EventStreamMessage, streamShape: Shape, reader: EventReader): StreamEvent | undefined {
  const messageType = stringHeader(message, ':message-type');
  if (messageType === 'exception' || messageType === 'error') throw streamError(message, streamShape, reader);
  const eventType = stringHeader(message, ':event-type');
  const ref = eventType !== undefined && Object.hasOwn(streamShape.members ?? {}, eventType) ? streamShape.members![eventType] : undefined;
  if (!ref || eventType === undefined) return undefined;
  return { [eventType]: readEventMembers(message, resolveShape(reader.model, ref), reader) };
}

function readEventMembers(message: EventStreamMessage, shape: Shape, reader: EventReader): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = resolveShape(reader.model, ref);
    if (!member.eventheader || !Object.hasOwn(message.headers, name)) continue;
    out[name] = headerValue(message.headers[name]!, member, reader);
  }
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const member = resolveShape(reader.model, ref);
    if (!member.eventpayload) continue;
    if (member.type === 'blob') out[name] = message.payload;
    else if (member.type === 'string') out[name] = message.payload.toString('utf8');
    else out[name] = reader.readPayload(member, message.payload);
    return out;
  }
  // No explicit payload member: the payload is the event structure itself.
  return Object.assign(out, reader.readPayload(shape, message.payload) ?? {});
}

function headerValue(header: HeaderValue, shape: Shape, reader: EventReader): unknown {
  if (header.type === 'long' || header.type === 'timestamp') {
    const n = Number(header.value);
    // Event-stream timestamps are milliseconds.
    if (shape.type === 'timestamp') return renderTimestamp(n / 1000, reader.timestampMode);
    return Number.isSafeInteger(n) ? n : header.value;
  }
  return header.value;
}

/** An error carried in the stream: botocore always sets its Code and Message, so '' prints as ''. */
export class EventStreamError extends ServiceError {
  override toString(): string {
    return `An error occurred (${this.code}) when calling the ${this.operation} operation: ${this.message}`;
  }
}

function streamError(message: EventStreamMessage, streamShape: Shape, reader: EventReader): ServiceError {
  const exceptionType = stringHeader(message, ':exception-type');
  const ref = exceptionType !== undefined && Object.hasOwn(streamShape.members ?? {}, exceptionType) ? streamShape.members![exceptionType] : undefined;
  if (ref && exceptionType !== undefined) {
    const body = (reader.readPayload(resolveShape(reader.model, ref), message.payload) ?? {}) as Record<string, unknown>;
    const text = body.Message ?? body.message ?? '';
    return new EventStreamError(reader.operation, 400, { ...body, Code: exceptionType, Message: typeof text === 'string' ? text : String(text) });
  }
  return new EventStreamError(reader.operation, 400, {
    Code: stringHeader(message, ':error-code') ?? '',
    Message: stringHeader(message, ':error-message') ?? '',
  });
}
