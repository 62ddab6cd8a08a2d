// Credential errors, with the AWS CLI's messages and exit codes. None of them ever carries a secret.
import { ExitCodeError } from '../errors.js';

/** No provider produced credentials (NoCredentialsError, exit 253). */
export class NoCredentialsError extends ExitCodeError {
  constructor() {
    super('Unable to locate credentials. You can configure credentials by running "aws configure".', 253);
  }
}

/** A provider found some keys but not all (PartialCredentialsError, exit 255). */
export class PartialCredentialsError extends ExitCodeError {
  constructor(readonly provider: string, readonly missing: string) {
    super(`Partial credentials found in ${provider}, missing: ${missing}`, 255);
  }
}

/** Anything else that stops resolution: bad profile configuration, a failing process, a loop. */
export class CredentialRetrievalError extends ExitCodeError {
  constructor(message: string) {
    super(message, 255);
  }
}

export class InvalidCredentialConfigError extends ExitCodeError {
  constructor(message: string) {
    super(message, 255);
  }
}
