// `awsdeck sandbox [--port N] [--host 127.0.0.1] [--seed demo|empty] [--data DIR]`: serve the
// sandbox in the foreground, print how to use it, stop cleanly on SIGINT/SIGTERM.
import type { CliIO } from '../cli/io.js';
import { ExitCode } from '../cli/io.js';
import { startSandbox, type SandboxStartOptions } from './index.js';
import { DEMO_ACCOUNTS, DEMO_MFA_SEED, DEMO_START_URL, EMPTY_ACCOUNT, SANDBOX_ACCESS_KEY_ID, SANDBOX_SECRET_ACCESS_KEY, DEMO_USER } from './seed-org.js';
import { totp } from './totp.js';
import { parseFaultSpec } from './fault-plan.js';

const USAGE = `usage: awsdeck sandbox [--port N] [--host 127.0.0.1] [--seed demo|empty] [--data DIR] [--faults SPEC]

  --port N           listen on port N (default: a free port)
  --host ADDRESS     listen on ADDRESS (default 127.0.0.1, this machine only); an address that is not
                     loopback lets other machines use the demo credentials, and is warned about on stderr
  --seed demo|empty  demo accounts, roles and resources, or an empty account (default demo)
  --data DIR         keep the sandbox's state in DIR across runs
  --faults SPEC      inject faults (also AWSDECK_SANDBOX_FAULTS, or POST /sandbox/faults): rules
                     [service[:Operation][@region]=]FAULT[*COUNT] separated by ';', where FAULT is
                     500, 503, 429, throttle[:Code], reset, hang, slow:MS,
                     skew:SECONDS or expire-after:N.
                     Example: 'ec2@eu-west-1=throttle*5; s3api=503*2; *=skew:+900'
`;

export interface ParsedSandboxArgs { port: number; host: string; seed: 'demo' | 'empty'; dataDir?: string; faults?: string }

export function parseSandboxArgs(argv: string[], env: NodeJS.ProcessEnv = {}): ParsedSandboxArgs | string {
  const out: ParsedSandboxArgs = { port: 0, host: '127.0.0.1', seed: 'demo', faults: env.AWSDECK_SANDBOX_FAULTS || undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!v || !Number.isInteger(n) || n < 0 || n > 65535) return `invalid --port: ${v ?? '(missing)'}`;
        out.port = n;
        break;
      }
      case '--host': {
        const v = value();
        if (!v) return '--host needs a value';
        out.host = v;
        break;
      }
      case '--seed': {
        const v = value();
        if (v !== 'demo' && v !== 'empty') return `invalid --seed: ${v ?? '(missing)'} (expected demo or empty)`;
        out.seed = v;
        break;
      }
      case '--data': {
        const v = value();
        if (!v) return '--data needs a directory';
        out.dataDir = v;
        break;
      }
      case '--faults': {
        const v = value();
        if (v === undefined) return '--faults needs a spec';
        out.faults = v;
        break;
      }
      default:
        return `unknown option: ${arg}`;
    }
  }
  if (out.faults) {
    try {
      parseFaultSpec(out.faults);
    } catch (err) {
      return `invalid fault spec: ${(err as Error).message}`;
    }
  }
  return out;
}

/** 127.0.0.0/8, ::1 and localhost stay on this machine; any other address may be reached from others. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) || /^::ffff:127\./.test(bare);
}

export function exposedWarning(host: string): string {
  return `warning: the sandbox is listening on ${host}, not on loopback: other machines that can reach this address can use it `
    + 'with the demo credentials printed below. Leave out --host (or use --host 127.0.0.1) to keep it on this machine.\n';
}

export function sandboxBanner(url: string, seed: 'demo' | 'empty'): string {
  const account = seed === 'demo' ? DEMO_ACCOUNTS.dev.accountId : EMPTY_ACCOUNT.accountId;
  return [
    `awsdeck sandbox listening on ${url} (seed: ${seed})`,
    '',
    'Static credentials (IAM user demo-user):',
    `  AWS_ACCESS_KEY_ID=${SANDBOX_ACCESS_KEY_ID}`,
    `  AWS_SECRET_ACCESS_KEY=${SANDBOX_SECRET_ACCESS_KEY}`,
    `  MFA device: arn:aws:iam::${account}:mfa/${DEMO_USER} (TOTP seed ${DEMO_MFA_SEED}, current code ${totp(DEMO_MFA_SEED)})`,
    '',
    'Try it:',
    `  AWS_ACCESS_KEY_ID=${SANDBOX_ACCESS_KEY_ID} AWS_SECRET_ACCESS_KEY=${SANDBOX_SECRET_ACCESS_KEY} \\`,
    `    aws --endpoint-url ${url} --region us-east-1 sts get-caller-identity`,
    `  or set AWS_ENDPOINT_URL=${url} for every service.`,
    '',
    `SSO: any start URL works (e.g. ${DEMO_START_URL}) with endpoint ${url};`,
    `  approve sign-ins at ${url}/device or with POST ${url}/sandbox/approve {"userCode": "...", "allow": true}.`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

export async function runSandboxCommand(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(USAGE);
    return ExitCode.ok;
  }
  const parsed = parseSandboxArgs(argv, io.env);
  if (typeof parsed === 'string') {
    io.stderr.write(`${parsed}\n${USAGE}`);
    return ExitCode.usage;
  }
  const options: SandboxStartOptions = { port: parsed.port, host: parsed.host, seed: parsed.seed, dataDir: parsed.dataDir, faults: parsed.faults };
  let sandbox;
  try {
    sandbox = await startSandbox(options);
  } catch (err) {
    io.stderr.write(`could not start the sandbox: ${(err as Error).message}\n`);
    return ExitCode.other;
  }
  if (!isLoopbackHost(parsed.host)) io.stderr.write(exposedWarning(parsed.host));
  io.stdout.write(sandboxBanner(sandbox.url, parsed.seed));
  if (parsed.faults) io.stdout.write(`Fault mode on: ${parsed.faults} (see or change it at ${sandbox.url}/sandbox/faults)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await sandbox.close();
  io.stdout.write('sandbox stopped\n');
  return ExitCode.ok;
}
