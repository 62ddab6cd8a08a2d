// Errors raised while querying or formatting output, with the exit code the CLI would use.

export class OutputError extends Error {
  override name = 'OutputError';
  constructor(message: string, readonly exitCode: number) {
    super(message);
  }
}

/**
 * The error text the AWS CLI v2 before 2.34 (the legacy format; Debian's 2.9.19) writes to
 * stderr: a blank line, then the message.
 */
export function formatCliErrorLine(message: string): string {
  return `\n${message}\n`;
}

/** str(ClientError) as botocore builds it, e.g. for `formatCliErrorLine`. */
export function formatServiceErrorMessage(code: string, operationName: string, message: string): string {
  return `An error occurred (${code}) when calling the ${operationName} operation: ${message}`;
}
