// The base of every engine error a command can end with: it carries the AWS CLI v2 exit code
// (reference §9), and its name is its class's, so the CLI reports any of them the same way.
export class ExitCodeError extends Error {
  constructor(message: string, readonly exitCode: number) {
    super(message);
    this.name = new.target.name;
  }
}
