// Event-stream framing: each case in cases/eventstream.json is built into bytes (our encoder, then
// corrupted, cut or split as the case says) and decoded by our decoder and by botocore's (the
// CLI's own Python); messages and errors must agree.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventStreamDecoder, encodeMessage, type HeaderValue } from '../../src/engine/eventstream/frame.js';
import { awsCliPython } from '../output/oracle.js';
import { frameAround } from '../support/eventstream-frames.js';

interface CaseHeader { type: string; value?: unknown; hex?: string }
interface FrameCase {
  name: string;
  messages?: Array<{ headers: Record<string, string | CaseHeader>; payload: string }>;
  raw?: string;
  rawHeadersHex?: string;
  payload?: string;
  corrupt?: { message: number; offset: number };
  truncate?: number;
  chunk?: number;
  ownMessage?: string;
}

const file = JSON.parse(readFileSync(new URL('./cases/eventstream.json', import.meta.url), 'utf8')) as { cases: FrameCase[] };

function header(h: string | CaseHeader): HeaderValue | string {
  if (typeof h === 'string') return h;
  if (h.type === 'long' || h.type === 'timestamp') return { type: h.type, value: BigInt(h.value as string) };
  if (h.type === 'bytes' || h.type === 'uuid') return { type: h.type, value: Buffer.from(h.hex!, 'hex') };
  return h as HeaderValue;
}

function bytesOf(c: FrameCase): Buffer {
  if (c.raw) return Buffer.from(c.raw, 'hex');
  if (c.rawHeadersHex !== undefined) return frameAround(Buffer.from(c.rawHeadersHex, 'hex'), Buffer.from(c.payload ?? ''));
  const frames = c.messages!.map((m) => encodeMessage(Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, header(v)])), Buffer.from(m.payload)));
  if (c.corrupt) {
    const frame = frames[c.corrupt.message]!;
    const at = c.corrupt.offset < 0 ? frame.length + c.corrupt.offset : c.corrupt.offset;
    frame[at] ^= 0x41;
  }
  const all = Buffer.concat(frames);
  return c.truncate ? all.subarray(0, all.length - c.truncate) : all;
}

type Decoded = { messages: unknown[]; error?: string };

function normalize(headers: Record<string, HeaderValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(headers).map(([k, h]) => [k, Buffer.isBuffer(h.value) ? { hex: h.value.toString('hex') } : typeof h.value === 'bigint' ? String(h.value) : h.value]));
}

function ours(bytes: Buffer, chunk?: number): Decoded {
  const decoder = new EventStreamDecoder();
  const messages: unknown[] = [];
  try {
    for (let at = 0; at < bytes.length; at += chunk ?? bytes.length) {
      decoder.push(bytes.subarray(at, at + (chunk ?? bytes.length)));
      for (let m = decoder.next(); m; m = decoder.next()) messages.push({ headers: normalize(m.headers), payload: m.payload.toString('hex') });
    }
  } catch (error) {
    return { messages, error: (error as Error).message };
  }
  return { messages };
}

const BOTOCORE = `
import json, sys, uuid
from awscli.botocore.eventstream import EventStreamBuffer
def norm(v):
    if isinstance(v, bool) or isinstance(v, str): return v
    if isinstance(v, int): return v if -2**53 < v < 2**53 and abs(v) < 2**31 else str(v)
    if isinstance(v, uuid.UUID): return {'hex': v.hex}
    return {'hex': bytes(v).hex()}
out = []
for case in json.loads(sys.stdin.read()):
    data, chunk = bytes.fromhex(case['hex']), case.get('chunk') or len(case['hex']) // 2 or 1
    buf, messages = EventStreamBuffer(), []
    try:
        for at in range(0, len(data), chunk):
            buf.add_data(data[at:at + chunk])
            for m in buf:
                messages.append({'headers': {k: norm(v) for k, v in m.headers.items()}, 'payload': m.payload.hex()})
        out.append({'messages': messages})
    except Exception as e:
        out.append({'messages': messages, 'error': str(e)})
print(json.dumps(out))
`;

describe('event-stream framing matches botocore', () => {
  const cases = file.cases;
  const inputs = cases.map((c) => ({ hex: bytesOf(c).toString('hex'), chunk: c.chunk }));
  const expected = JSON.parse(execFileSync(awsCliPython(), ['-c', BOTOCORE], { input: JSON.stringify(inputs), encoding: 'utf8' })) as Decoded[];

  cases.forEach((c, i) => {
    it(c.name, () => {
      const got = ours(Buffer.from(inputs[i]!.hex, 'hex'), c.chunk);
      const want = expected[i]!;
      if (c.ownMessage !== undefined) {
        // Malformed headers: botocore fails with a bare KeyError or reads past the value; ours names
        // the problem, after the same good messages (none here).
        expect(got).toEqual({ messages: want.error ? want.messages : [], error: c.ownMessage });
      } else {
        expect(got).toEqual(want);
      }
    });
  });

  it('never hands out a message whose CRC fails, whatever byte is flipped', () => {
    const good = encodeMessage({ ':event-type': 'Records', n: { type: 'long', value: 5n } }, Buffer.from('payload bytes'));
    for (let at = 0; at < good.length; at++) {
      const bad = Buffer.from(good);
      bad[at] ^= 0x01;
      const decoder = new EventStreamDecoder();
      decoder.push(bad);
      let message;
      try {
        message = decoder.next();
      } catch (error) {
        expect((error as Error).message, `byte ${at}`).toMatch(/^(Checksum mismatch|Header length|Payload length|Message length)/);
        continue;
      }
      // A flipped length byte can only make the message look longer: nothing is handed out yet.
      expect(message, `byte ${at}`).toBeUndefined();
    }
  });
});
