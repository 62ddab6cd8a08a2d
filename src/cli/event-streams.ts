// What the CLI does with operations whose output is an event stream: select-object-content writes
// the Records payloads to its outfile (awscli's s3events customization), start-live-tail prints
// each log event's message on its own line (awscli's logs customization, print-only mode).
import { closeSync, openSync, writeSync } from 'node:fs';
import type { AwsClient, OperationResult } from '../engine/http/client.js';
import { EventStream } from '../engine/eventstream/events.js';
import { ExitCode, type CliIO } from './io.js';

/** The outfile gets exactly the Records payloads, in order; other events are not written. */
export async function writeRecords(stream: EventStream, path: string): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    for await (const event of stream) {
      const records = event.Records as { Payload?: Uint8Array } | undefined;
      if (records?.Payload) writeSync(fd, records.Payload);
    }
  } finally {
    closeSync(fd);
  }
}

export function isLiveTail(client: AwsClient, operation: string): boolean {
  return client.model.name === 'logs' && operation === 'StartLiveTail';
}

interface SessionUpdate {
  sessionMetadata?: { sampled?: boolean };
  sessionResults?: Array<{ message?: string }>;
}

/**
 * Each sessionUpdate's messages, one per line. The CLI's command ends a session that fails (a
 * stream exception, a bad frame) by printing the error's text on stdout, and still exits 0.
 */
export async function printLiveTail(result: OperationResult, io: CliIO): Promise<number> {
  const stream = result.responseStream;
  if (!(stream instanceof EventStream)) return ExitCode.ok;
  // Ctrl-C (or SIGTERM) is how a session is ended: quietly, exit code 0, as the CLI does.
  let interrupted = false;
  const stop = () => {
    interrupted = true;
    stream.close();
  };
  const saved = SESSION_SIGNALS.map((signal) => [signal, process.listeners(signal)] as const);
  for (const signal of SESSION_SIGNALS) {
    process.removeAllListeners(signal);
    process.once(signal, stop);
  }
  try {
    for await (const event of stream) {
      const update = event.sessionUpdate as SessionUpdate | undefined;
      if (!update) continue;
      for (const logEvent of update.sessionResults ?? []) io.stdout.write(`${logEvent.message ?? 'None'}\n`);
    }
  } catch (error) {
    if (!interrupted) io.stdout.write(`${errorText(error)}\n`);
  } finally {
    for (const [signal, listeners] of saved) {
      process.removeAllListeners(signal);
      for (const listener of listeners) process.on(signal, listener);
    }
  }
  return ExitCode.ok;
}

const SESSION_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Python's str(exception): a service error is its one-line rendering, others their message. */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.toString === Error.prototype.toString ? error.message : error.toString();
}
