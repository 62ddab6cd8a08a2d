// The AWS CLI v2 from Debian's awscli package: the oracle for differential tests.
import { execFileSync } from 'node:child_process';

let cached: string | undefined;

export function awsCliV2Path(): string {
  if (process.env.AWSDECK_AWS_CLI_V2) return process.env.AWSDECK_AWS_CLI_V2;
  if (cached) return cached;
  try {
    const files = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n');
    cached = files.find((f) => /\/bin\/aws$/.test(f)) ?? '/usr/bin/aws';
  } catch {
    cached = '/usr/bin/aws';
  }
  return cached;
}
