// `awsdeck audit [--profile P …] [--regions all|R1,R2] [--output csv|json|table]`: the seeds' audit
// script as one command — every instance and unattached volume across regions (and profiles),
// one row each. CSV has the script's header (with Profile first when several profiles are asked).
import { auditResources, type AuditRow } from '../app/audit.js';
import { createEngineAdapter } from '../app/engine-adapter.js';
import { toCsv, toJson } from '../app/browse/export.js';
import { ExitCode, type CliIO } from './io.js';

const USAGE = 'usage: awsdeck audit [--profile P ...] [--regions all|R1,R2] [--output csv|json|table]';

interface AuditArgs { profiles: string[]; regions: 'all' | string[]; output: 'csv' | 'json' | 'table' }

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): AuditArgs | string {
  const args: AuditArgs = { profiles: [], regions: 'all', output: 'csv' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === 'help' || flag === '--help') return 'help';
    if (value === undefined || value.startsWith('--')) return `argument ${flag}: expected one argument`;
    i++;
    if (flag === '--profile') args.profiles.push(value);
    else if (flag === '--regions') args.regions = value === 'all' ? 'all' : value.split(',').map((r) => r.trim()).filter(Boolean);
    else if (flag === '--output' && (value === 'csv' || value === 'json' || value === 'table')) args.output = value;
    else if (flag === '--output') return `argument --output: Invalid choice '${value}' (choose from csv, json, table)`;
    else return `Unknown options: ${flag}`;
  }
  if (!args.profiles.length) args.profiles.push(env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default');
  return args;
}

const HEADER = ['Region', 'ResourceType', 'ResourceID', 'Status', 'Details'];
const cells = (row: AuditRow, withProfile: boolean) => [...(withProfile ? [row.profile] : []), row.region, row.type, row.id, row.status, row.details];

function render(rows: AuditRow[], output: AuditArgs['output'], withProfile: boolean): string {
  const header = [...(withProfile ? ['Profile'] : []), ...HEADER];
  const body = rows.map((row) => cells(row, withProfile));
  // The same writers as the browser's exports: formulas neutralised, RFC 4180 quoting.
  if (output === 'json') return toJson(header, body);
  if (output === 'csv') return toCsv(header, body);
  const lines = [header, ...body];
  const widths = header.map((_, c) => Math.max(...lines.map((line) => line[c].length)));
  return lines.map((line) => line.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n') + '\n';
}

export async function runAudit(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, io.env);
  if (args === 'help') {
    io.stdout.write(`${USAGE}\n\nEvery EC2 instance and every unattached EBS volume, one row each, across the profile's enabled\nregions (or those named), in parallel. Failed regions are reported on stderr; exit code 1 then.\n`);
    return ExitCode.ok;
  }
  if (typeof args === 'string') {
    io.stderr.write(`\n${USAGE}\n\n${args}\n`);
    return ExitCode.usage;
  }
  const engine = createEngineAdapter(io.env);
  const { profiles: known } = await engine.listProfiles();
  const missing = args.profiles.find((p) => !known.some((k) => k.name === p));
  if (missing) {
    io.stderr.write(`\nThe config profile (${missing}) could not be found\n`);
    return ExitCode.configuration;
  }
  const homeRegion = (profile: string) => known.find((k) => k.name === profile)?.region ?? io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const { promptLine } = await import('./prompt.js');
  const { rows, failures } = await auditResources(engine, {
    profiles: args.profiles, regions: args.regions, homeRegion,
    interaction: { mfaCode: (serial) => promptLine(io, `Enter MFA code for ${serial}: `), onDeviceCode: () => undefined },
  });
  io.stdout.write(render(rows, args.output, args.profiles.length > 1));
  for (const failure of failures) io.stderr.write(`${failure.profile} ${failure.region}: ${failure.message}\n`);
  return failures.length ? ExitCode.commandFailed : ExitCode.ok;
}
