// Event-stream framing under random input: any messages survive encode → decode whatever the
// chunking; any single bit flip is caught by a CRC; a cut stream hands out only whole messages;
// random bytes and random header blocks end in a message or an EventStreamFormatError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStreamDecoder, EventStreamFormatError, encodeMessage, type EventStreamMessage, type HeaderValue } from '../../src/engine/eventstream/frame.js';
import { awkwardKey, check, chunked } from './fuzz-support.js';
import { frameAround } from '../support/eventstream-frames.js';

const headerValue: fc.Arbitrary<HeaderValue> = fc.oneof(
  fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
  fc.integer({ min: -128, max: 127 }).map((value) => ({ type: 'byte' as const, value })),
  fc.integer({ min: -32768, max: 32767 }).map((value) => ({ type: 'short' as const, value })),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map((value) => ({ type: 'integer' as const, value })),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => ({ type: 'long' as const, value })),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map((value) => ({ type: 'timestamp' as const, value })),
  fc.uint8Array({ maxLength: 40 }).map((b) => ({ type: 'bytes' as const, value: Buffer.from(b) })),
  fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => ({ type: 'uuid' as const, value: Buffer.from(b) })),
  fc.string({ unit: 'binary', maxLength: 30 }).map((value) => ({ type: 'string' as const, value })),
);

// Names are any text of 1–255 UTF-8 bytes, prototype names included.
const headerName = fc.oneof(awkwardKey.filter((k) => k !== ''), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 }), fc.constantFrom(':event-type', ':message-type'));

const message = fc.record({
  headers: fc.uniqueArray(fc.tuple(headerName, headerValue), { maxLength: 6, selector: ([name]) => name }),
  payload: fc.uint8Array({ maxLength: 300 }),
});

const frameOf = (m: { headers: Array<[string, HeaderValue]>; payload: Uint8Array }) => encodeMessage(Object.fromEntries(m.headers), m.payload);

/** Pushes the chunks in order, collecting messages until one throws. */
function decodeAll(chunks: Uint8Array[]): { messages: EventStreamMessage[]; error?: unknown; pending: number } {
  const decoder = new EventStreamDecoder();
  const messages: EventStreamMessage[] = [];
  try {
    for (const chunk of chunks) {
      decoder.push(chunk);
      for (let m = decoder.next(); m; m = decoder.next()) messages.push(m);
    }
  } catch (error) {
    return { messages, error, pending: decoder.pending };
  }
  return { messages, pending: decoder.pending };
}

const asEntries = (m: EventStreamMessage) => ({ headers: Object.entries(m.headers), payload: Buffer.from(m.payload) });
const expected = (m: { headers: Array<[string, HeaderValue]>; payload: Uint8Array }) => ({ headers: m.headers, payload: Buffer.from(m.payload) });

function expectFormatError(error: unknown): void {
  expect(error, String(error)).toBeInstanceOf(EventStreamFormatError);
}

describe('event-stream decoder properties', () => {
  it('decodes what was encoded, with chunk boundaries anywhere', () => {
    check(fc.property(fc.array(message, { maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), (messages, cuts) => {
      const stream = Buffer.concat(messages.map(frameOf));
      const got = decodeAll(chunked(stream, cuts));
      expect(got.error).toBeUndefined();
      expect(got.pending).toBe(0);
      expect(got.messages.map(asEntries)).toEqual(messages.map(expected));
    }), 3000);
  });

  it('detects any single bit flip before handing out the damaged message', () => {
    check(fc.property(fc.array(message, { minLength: 1, maxLength: 3 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 7 }), (messages, which, offset, bit) => {
      const frames = messages.map(frameOf);
      const target = which % frames.length;
      const flipped = Buffer.from(frames[target]);
      flipped[offset % flipped.length] ^= 1 << bit;
      frames[target] = flipped;
      const got = decodeAll([Buffer.concat(frames)]);
      expectFormatError(got.error);
      expect(got.messages.map(asEntries)).toEqual(messages.slice(0, target).map(expected));
    }), 3000);
  });

  it('hands out only whole messages from a cut stream and keeps the rest pending', () => {
    check(fc.property(fc.array(message, { minLength: 1, maxLength: 4 }), fc.nat(), (messages, cut) => {
      const frames = messages.map(frameOf);
      const stream = Buffer.concat(frames);
      const at = cut % stream.length;
      const got = decodeAll([stream.subarray(0, at)]);
      expect(got.error).toBeUndefined();
      let whole = 0;
      for (let end = frames[0].length; whole < frames.length && end <= at; end += frames[++whole]?.length ?? 0);
      expect(got.messages.map(asEntries)).toEqual(messages.slice(0, whole).map(expected));
      expect(got.pending).toBe(at - frames.slice(0, whole).reduce((n, f) => n + f.length, 0));
    }), 3000);
  });

  it('reads random bytes as messages or an EventStreamFormatError', () => {
    check(fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(), { maxLength: 4 }), (bytes, cuts) => {
      const got = decodeAll(chunked(bytes, cuts));
      if (got.error !== undefined) expectFormatError(got.error);
    }), 5000);
  });

  it('reads random header blocks inside valid frames as headers or an EventStreamFormatError', () => {
    check(fc.property(headerBlock, fc.uint8Array({ maxLength: 20 }), (headerBytes, payload) => {
      const got = decodeAll([frameAround(Buffer.from(headerBytes), Buffer.from(payload))]);
      if (got.error !== undefined) {
        expectFormatError(got.error);
        return;
      }
      expect(got.messages).toHaveLength(1);
      const [m] = got.messages;
      expect(Buffer.from(m.payload)).toEqual(Buffer.from(payload));
      // Whatever decoded is re-encoded to the same bytes (unless invalid UTF-8 was replaced by U+FFFD).
      const texts = Object.entries(m.headers).flatMap(([name, h]) => (h.type === 'string' ? [name, h.value] : [name]));
      if (!texts.some((t) => t.includes('\ufffd'))) {
        expect(frameOf({ headers: Object.entries(m.headers), payload })).toEqual(frameAround(Buffer.from(headerBytes), Buffer.from(payload)));
      }
    }), 5000);
  });
});

/** Random bytes, or a real header block with one byte changed or its end cut off. */
const headerBlock = fc.oneof(
  fc.uint8Array({ maxLength: 120 }),
  fc.tuple(message, fc.nat(), fc.nat({ max: 255 }), fc.boolean()).map(([m, at, byte, cut]) => {
    const frame = frameOf(m);
    const block = Buffer.from(frame.subarray(12, 12 + frame.readUInt32BE(4)));
    if (block.length === 0) return block;
    if (cut) return block.subarray(0, at % block.length);
    block[at % block.length] = byte;
    return block;
  }),
);

