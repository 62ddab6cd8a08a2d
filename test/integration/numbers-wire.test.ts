// Numbers from the wire, end to end: a local HTTP server answers with crafted bodies holding big
// ints and floats such as 1.0 and 1e-07 (json, rest-json, query/XML and rest-xml protocols), and the
// AWS CLI v2 and awsdeck's bundle print them in every format and through --query; the bytes must
// be the same. The point is the clients' parsing, so the server only needs to answer.
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAwsCliAsync, runAwsdeckAsync } from '../support/cli.js';

const LOG_GROUPS = `{"logGroups": [
  {"logGroupName": "big", "storedBytes": 18446744073709551615, "creationTime": 1700000000000, "metricFilterCount": 1.0, "retentionInDays": 7},
  {"logGroupName": "small", "storedBytes": 9007199254740993, "creationTime": 1.7e12, "metricFilterCount": 0, "retentionInDays": 1e1},
  {"logGroupName": "tiny", "storedBytes": 3, "creationTime": 1700000000001, "metricFilterCount": 2.5, "retentionInDays": 1e-07}]}`;

const TABLE = `{"Table": {"TableName": "t", "TableSizeBytes": 123456789012345678901234567890, "ItemCount": 100.0,
  "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 1e+16, "NumberOfDecreasesToday": -0.0}}}`;

const ACCOUNT_SETTINGS = `{"AccountLimit": {"TotalCodeSize": 80530636800, "CodeSizeUnzipped": 262144000.0, "CodeSizeZipped": 9223372036854775807,
  "ConcurrentExecutions": 1000, "UnreservedConcurrentExecutions": 1E3}, "AccountUsage": {"TotalCodeSize": 0.0, "FunctionCount": 12345678901234567890}}`;

const STATISTICS = `<GetMetricStatisticsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricStatisticsResult>
<Label>CPU</Label><Datapoints>
<member><Timestamp>2024-01-01T00:00:00Z</Timestamp><Average>1</Average><Maximum>1e-07</Maximum><Sum>12345678901234567890</Sum><SampleCount>2.50</SampleCount><Unit>Percent</Unit></member>
<member><Timestamp>2024-01-01T00:01:00Z</Timestamp><Average>0.5</Average><Maximum>100</Maximum><Sum>1e16</Sum><SampleCount>3</SampleCount><Unit>Percent</Unit></member>
</Datapoints></GetMetricStatisticsResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetMetricStatisticsResponse>`;

const OBJECTS = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>
<Contents><Key>huge</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>"e"</ETag><Size>18446744073709551615</Size><StorageClass>STANDARD</StorageClass></Contents>
<Contents><Key>small</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified><ETag>"e"</ETag><Size>9007199254740993</Size><StorageClass>STANDARD</StorageClass></Contents>
</ListBucketResult>`;

function answer(method: string, url: string, target: string | undefined): { type: string; body: string } {
  if (target === 'Logs_20140328.DescribeLogGroups') return { type: 'application/x-amz-json-1.1', body: LOG_GROUPS };
  if (target === 'DynamoDB_20120810.DescribeTable') return { type: 'application/x-amz-json-1.0', body: TABLE };
  if (url.includes('/account-settings')) return { type: 'application/json', body: ACCOUNT_SETTINGS };
  if (method === 'POST' && url === '/') return { type: 'text/xml', body: STATISTICS };
  return { type: 'application/xml', body: OBJECTS };
}

let server: Server;
let endpoint: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const { type, body } = answer(req.method ?? 'GET', req.url ?? '/', req.headers['x-amz-target'] as string | undefined);
      res.writeHead(200, { 'content-type': type, 'x-amzn-requestid': 'req-1', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  endpoint = `http://127.0.0.1:${address.port}`;
  const home = mkdtempSync(join(tmpdir(), 'awsdeck-numbers-'));
  env = {
    PATH: process.env.PATH, HOME: home, AWS_CONFIG_FILE: join(home, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_EC2_METADATA_DISABLED: 'true', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '', TZ: 'UTC',
  };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// `whole` is the query for the lines printed in every format (S3 listings: the CLI's 2023 models page
// differently at the top level, which is not what this test is about).
const COMMANDS: Array<{ args: string[]; queries: string[]; whole?: string }> = [
  {
    args: ['logs', 'describe-log-groups'],
    queries: ['sort_by(logGroups, &storedBytes)[].logGroupName', 'logGroups[?storedBytes > `9007199254740992`].[logGroupName, storedBytes]',
      'max_by(logGroups, &metricFilterCount)', 'sum(logGroups[].storedBytes)', 'logGroups[?metricFilterCount == `1`].logGroupName',
      'sort(logGroups[].retentionInDays)'],
  },
  { args: ['dynamodb', 'describe-table', '--table-name', 'tbl'], queries: ['Table.[TableSizeBytes, ItemCount]', 'to_string(Table.ProvisionedThroughput)'] },
  { args: ['lambda', 'get-account-settings'], queries: ['values(AccountLimit)', 'AccountUsage.FunctionCount > AccountLimit.CodeSizeZipped'] },
  {
    args: ['cloudwatch', 'get-metric-statistics', '--namespace', 'N', '--metric-name', 'M', '--start-time', '2024-01-01T00:00:00Z',
      '--end-time', '2024-01-01T01:00:00Z', '--period', '60', '--statistics', 'Average'],
    queries: ['Datapoints[].Sum', 'sort_by(Datapoints, &Maximum)[].Average'],
  },
  { args: ['s3api', 'list-objects-v2', '--bucket', 'b'], queries: ['Contents[].Size', 'sum(Contents[].Size)'], whole: 'Contents' },
];

describe('numbers from the wire print as the AWS CLI v2 prints them', () => {
  for (const { args, queries, whole } of COMMANDS) {
    it(args.slice(0, 2).join(' '), async () => {
      const lines: string[][] = [];
      for (const output of ['json', 'yaml', 'text', 'table']) lines.push([...args, '--output', output, ...(whole ? ['--query', whole] : [])]);
      for (const query of queries) for (const output of ['json', 'text']) lines.push([...args, '--output', output, '--query', query]);
      for (const line of lines) {
        const full = ['--endpoint-url', endpoint, ...line];
        const [cli, ours] = await Promise.all([runAwsCliAsync(full, env), runAwsdeckAsync(full, env)]);
        expect(cli.status, `aws ${line.join(' ')}\n${cli.stderr}`).toBe(0);
        expect(ours.stdout, `awsdeck ${line.join(' ')}\n${ours.stderr}`).toBe(cli.stdout);
        expect(ours.status).toBe(cli.status);
      }
    }, 120_000);
  }
});
