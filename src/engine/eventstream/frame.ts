// The AWS event-stream binary framing (application/vnd.amazon.eventstream), pure:
//   total length u32 | headers length u32 | prelude CRC32 | headers | payload | message CRC32
// Both CRCs are checked before anything in a message is used, so a corrupted stream fails with
// a clear error instead of yielding garbage. Limits and messages as botocore's decoder.
import { crc32 } from 'node:zlib';
import { setOwn } from '../own-property.js';

const PRELUDE_LENGTH = 12;
const MAX_HEADERS_LENGTH = 128 * 1024;
const MAX_PAYLOAD_LENGTH = 16 * 1024 ** 2;

/** Header values by wire type: 0/1 bool, 2 byte, 3 short, 4 int, 5 long, 6 bytes, 7 string, 8 timestamp (ms), 9 uuid. */
export type HeaderValue =
  | { type: 'boolean'; value: boolean }
  | { type: 'byte' | 'short' | 'integer'; value: number }
  | { type: 'long' | 'timestamp'; value: bigint }
  | { type: 'bytes' | 'uuid'; value: Buffer }
  | { type: 'string'; value: string };

export interface EventStreamMessage {
  headers: Record<string, HeaderValue>;
  payload: Buffer;
}

/** A framing error (bad CRC, impossible lengths, malformed headers): the stream cannot be trusted. */
export class EventStreamFormatError extends Error {
  override name = 'EventStreamFormatError';
}

const hex32 = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

function checkCrc(bytes: Buffer, expected: number): void {
  const computed = crc32(bytes) >>> 0;
  if (computed !== expected) throw new EventStreamFormatError(`Checksum mismatch: expected ${hex32(expected)}, calculated ${hex32(computed)}`);
}

/**
 * Splits a byte stream into checked messages: push chunks as they arrive, take messages with
 * next(). A message is only returned once both its CRCs check out; a bad one throws.
 */
export class EventStreamDecoder {
  private buffered = Buffer.alloc(0);

  push(chunk: Uint8Array): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : Buffer.from(chunk);
  }

  /** The next complete message, or undefined until more bytes arrive. */
  next(): EventStreamMessage | undefined {
    if (this.buffered.length < PRELUDE_LENGTH) return undefined;
    const total = this.buffered.readUInt32BE(0);
    const headersLength = this.buffered.readUInt32BE(4);
    const payloadLength = total - headersLength - PRELUDE_LENGTH - 4;
    if (headersLength > MAX_HEADERS_LENGTH) throw new EventStreamFormatError(`Header length of ${headersLength} exceeded the maximum of ${MAX_HEADERS_LENGTH}`);
    if (payloadLength > MAX_PAYLOAD_LENGTH) throw new EventStreamFormatError(`Payload length of ${payloadLength} exceeded the maximum of ${MAX_PAYLOAD_LENGTH}`);
    checkCrc(this.buffered.subarray(0, 8), this.buffered.readUInt32BE(8));
    if (payloadLength < 0) throw new EventStreamFormatError(`Message length of ${total} is too short for its ${headersLength} bytes of headers`);
    if (this.buffered.length < total) return undefined;
    const message = this.buffered.subarray(0, total);
    checkCrc(message.subarray(0, total - 4), message.readUInt32BE(total - 4));
    this.buffered = this.buffered.subarray(total);
    return {
      headers: decodeHeaders(message.subarray(PRELUDE_LENGTH, PRELUDE_LENGTH + headersLength)),
      payload: Buffer.from(message.subarray(PRELUDE_LENGTH + headersLength, total - 4)),
    };
  }

  /** Bytes of an incomplete message left over (botocore ignores them at the end of a stream). */
  get pending(): number {
    return this.buffered.length;
  }
}

/** Every complete message in a whole body, decoded as it is taken. */
export function* messagesOf(body: Uint8Array): Generator<EventStreamMessage> {
  const decoder = new EventStreamDecoder();
  decoder.push(body);
  for (let m = decoder.next(); m; m = decoder.next()) yield m;
}

function decodeHeaders(bytes: Buffer): Record<string, HeaderValue> {
  const headers: Record<string, HeaderValue> = {};
  let at = 0;
  const need = (n: number) => {
    if (at + n > bytes.length) throw new EventStreamFormatError('Malformed event stream headers: a header runs past the end of the headers');
  };
  while (at < bytes.length) {
    need(1);
    const nameLength = bytes[at]!;
    need(1 + nameLength + 1);
    const name = bytes.toString('utf8', at + 1, at + 1 + nameLength);
    at += 1 + nameLength;
    const type = bytes[at++]!;
    let value: HeaderValue;
    switch (type) {
      case 0: case 1: value = { type: 'boolean', value: type === 0 }; break;
      case 2: need(1); value = { type: 'byte', value: bytes.readInt8(at) }; at += 1; break;
      case 3: need(2); value = { type: 'short', value: bytes.readInt16BE(at) }; at += 2; break;
      case 4: need(4); value = { type: 'integer', value: bytes.readInt32BE(at) }; at += 4; break;
      case 5: case 8: need(8); value = { type: type === 5 ? 'long' : 'timestamp', value: bytes.readBigInt64BE(at) }; at += 8; break;
      case 6: case 7: {
        need(2);
        const length = bytes.readUInt16BE(at);
        need(2 + length);
        const raw = bytes.subarray(at + 2, at + 2 + length);
        value = type === 6 ? { type: 'bytes', value: Buffer.from(raw) } : { type: 'string', value: raw.toString('utf8') };
        at += 2 + length;
        break;
      }
      case 9: need(16); value = { type: 'uuid', value: Buffer.from(bytes.subarray(at, at + 16)) }; at += 16; break;
      default: throw new EventStreamFormatError(`Malformed event stream headers: unknown header type ${type} for "${name}"`);
    }
    if (Object.hasOwn(headers, name)) throw new EventStreamFormatError(`Duplicate header present: "${name}"`);
    setOwn(headers, name, value);
  }
  return headers;
}

/** The value of a string header, if the message has one. */
export function stringHeader(message: EventStreamMessage, name: string): string | undefined {
  const header = message.headers[name];
  return header?.type === 'string' ? header.value : undefined;
}

/** One framed message (for the sandbox and for tests). Headers are written in the order given. */
export function encodeMessage(headers: Record<string, HeaderValue | string>, payload: Uint8Array = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [];
  for (const [name, raw] of Object.entries(headers)) {
    const header: HeaderValue = typeof raw === 'string' ? { type: 'string', value: raw } : raw;
    const nameBytes = Buffer.from(name, 'utf8');
    parts.push(Buffer.from([nameBytes.length]), nameBytes, encodeHeaderValue(header));
  }
  const headerBytes = Buffer.concat(parts);
  const total = PRELUDE_LENGTH + headerBytes.length + payload.length + 4;
  const message = Buffer.alloc(total);
  message.writeUInt32BE(total, 0);
  message.writeUInt32BE(headerBytes.length, 4);
  message.writeUInt32BE(crc32(message.subarray(0, 8)) >>> 0, 8);
  headerBytes.copy(message, PRELUDE_LENGTH);
  Buffer.from(payload).copy(message, PRELUDE_LENGTH + headerBytes.length);
  message.writeUInt32BE(crc32(message.subarray(0, total - 4)) >>> 0, total - 4);
  return message;
}

function encodeHeaderValue(header: HeaderValue): Buffer {
  const fixed = (type: number, size: number, write: (b: Buffer) => void) => {
    const b = Buffer.alloc(1 + size);
    b[0] = type;
    write(b);
    return b;
  };
  switch (header.type) {
    case 'boolean': return Buffer.from([header.value ? 0 : 1]);
    case 'byte': return fixed(2, 1, (b) => b.writeInt8(header.value, 1));
    case 'short': return fixed(3, 2, (b) => b.writeInt16BE(header.value, 1));
    case 'integer': return fixed(4, 4, (b) => b.writeInt32BE(header.value, 1));
    case 'long': return fixed(5, 8, (b) => b.writeBigInt64BE(header.value, 1));
    case 'timestamp': return fixed(8, 8, (b) => b.writeBigInt64BE(header.value, 1));
    case 'uuid': return Buffer.concat([Buffer.from([9]), header.value]);
    case 'bytes':
    case 'string': {
      const data = typeof header.value === 'string' ? Buffer.from(header.value, 'utf8') : header.value;
      return Buffer.concat([fixed(header.type === 'bytes' ? 6 : 7, 2, (b) => b.writeUInt16BE(data.length, 1)), data]);
    }
  }
}
