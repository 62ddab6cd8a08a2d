// Credential errors, with the AWS CLI's messages and exit codes. None of them ever carries a secret.

/** No provider produced credentials (NoCredentialsError, exit 253). */
export class NoCredentialsError extends Error {
  readonly exitCode = 253;
  constructor() {
    super('Unable to locate credentials. You can configure credentials by running "aws configure".');
    this.name = 'NoCredentialsError';
  }
}

/** A provider found some keys but not all (PartialCredentialsError, exit 255). */
export class PartialCredentialsError extends Error {
  readonly exitCode = 255;
  constructor(readonly provider: string, readonly missing: string) {
    super(`Partial credentials found in ${provider}, missing: ${missing}`);
    this.name = 'PartialCredentialsError';
  }
}

/** Anything else that stops resolution: bad profile configuration, a failing process, a loop. */
export class CredentialRetrievalError extends Error {
  readonly exitCode = 255;
  constructor(message: string) {
    super(message);
    this.name = 'CredentialRetrievalError';
  }
}

export class InvalidCredentialConfigError extends Error {
  readonly exitCode = 255;
  constructor(message: string) {
    super(message);
    this.name = 'InvalidCredentialConfigError';
  }
}
