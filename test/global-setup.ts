// Checks, once per run, that everything the integration tests need is present. It fails the run
// with a clear message instead of letting tests skip: a missing oracle must never look green.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { awsCliV2Path } from './support/aws-cli.js';

export default function setup(): void {
  const problems: string[] = [];
  try {
    execFileSync('python3', ['-c', 'import moto, boto3, botocore, awscli'], { stdio: 'pipe' });
  } catch {
    problems.push('python3 with moto, boto3, botocore and awscli (v1) is required (python3 -c "import moto, awscli")');
  }
  if (!existsSync(awsCliV2Path())) problems.push(`AWS CLI v2 not found at ${awsCliV2Path()} (apt-get install -y awscli)`);
  if (!existsSync('models/index.json')) problems.push('service models not built (npm run build:models)');
  if (problems.length) throw new Error(`test prerequisites missing:\n  - ${problems.join('\n  - ')}`);
}
