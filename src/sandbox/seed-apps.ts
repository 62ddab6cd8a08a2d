// Demo Lambda functions, CloudFormation stacks and log groups with events, in us-east-1 of
// every account (plus one function in eu-west-1).
import { createHash } from 'node:crypto';
import type { SandboxState } from './state.js';
import { appsStore } from './services/apps-store.js';

const BASE = Date.UTC(2024, 5, 1, 8, 0, 0);

function lambdaConfig(accountId: string, region: string, name: string, runtime: string, memory: number, description: string) {
  return {
    FunctionName: name, FunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${name}`, Runtime: runtime,
    Role: `arn:aws:iam::${accountId}:role/${name}-role`, Handler: runtime.startsWith('python') ? 'app.handler' : 'index.handler',
    CodeSize: 1024 + name.length * 97, Description: description, Timeout: 30, MemorySize: memory,
    LastModified: '2024-06-01T08:00:00.000+0000', CodeSha256: createHash('sha256').update(name).digest('base64'), Version: '$LATEST',
    TracingConfig: { Mode: 'PassThrough' }, RevisionId: createHash('md5').update(name).digest('hex').replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5'),
    State: 'Active', LastUpdateStatus: 'Successful', PackageType: 'Zip', Architectures: ['x86_64'], EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' }, LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${name}` },
  };
}

export function seedDemoApps(state: SandboxState, accountId: string, env: string): void {
  const region = 'us-east-1';
  const apps = appsStore(state, accountId, region);
  const functions: Array<[string, string, number, string]> = [
    [`${env}-api-handler`, 'nodejs20.x', 512, 'HTTP API entry point'],
    [`${env}-thumbnailer`, 'python3.12', 1024, 'Makes image thumbnails'],
    [`${env}-nightly-report`, 'python3.12', 256, 'Builds the nightly report — envoie le résumé'],
  ];
  for (const [name, runtime, memory, description] of functions) {
    apps.functions.set(name, { config: lambdaConfig(accountId, region, name, runtime, memory, description), tags: { env, app: 'demo' } });
  }
  appsStore(state, accountId, 'eu-west-1').functions.set(`${env}-eu-edge`, { config: lambdaConfig(accountId, 'eu-west-1', `${env}-eu-edge`, 'nodejs20.x', 128, 'EU edge rewrite'), tags: { env } });

  const stackDefs: Array<[string, string, string]> = [[`${env}-network`, 'CREATE_COMPLETE', 'VPC and subnets'], [`${env}-app`, 'UPDATE_COMPLETE', 'Application stack'], [`${env}-old-experiment`, 'DELETE_COMPLETE', 'Retired experiment']];
  for (const [i, [name, status, description]] of stackDefs.entries()) {
    const stackId = `arn:aws:cloudformation:${region}:${accountId}:stack/${name}/${createHash('md5').update(accountId + name).digest('hex').replace(/(.{8})(.{4})(.{4})(.{4})(.{12})/, '$1-$2-$3-$4-$5')}`;
    const created = new Date(BASE - (30 - i) * 86400_000);
    const resources = [
      { LogicalResourceId: 'Bucket', PhysicalResourceId: `${name}-bucket`, ResourceType: 'AWS::S3::Bucket', Timestamp: created, ResourceStatus: 'CREATE_COMPLETE' },
      { LogicalResourceId: 'Function', PhysicalResourceId: `${env}-api-handler`, ResourceType: 'AWS::Lambda::Function', Timestamp: created, ResourceStatus: 'CREATE_COMPLETE' },
    ];
    apps.stacks.set(name, {
      summary: {
        StackId: stackId, StackName: name, Description: description, CreationTime: created,
        LastUpdatedTime: status === 'UPDATE_COMPLETE' ? new Date(created.getTime() + 86400_000) : undefined,
        DeletionTime: status === 'DELETE_COMPLETE' ? new Date(created.getTime() + 2 * 86400_000) : undefined,
        StackStatus: status, DisableRollback: false, Capabilities: ['CAPABILITY_IAM'],
        Parameters: [{ ParameterKey: 'Environment', ParameterValue: env }],
        Outputs: [{ OutputKey: 'BucketName', OutputValue: `${name}-bucket` }], Tags: [{ Key: 'env', Value: env }],
        DriftInformation: { StackDriftStatus: 'NOT_CHECKED' },
      },
      template: JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Description: description, Resources: { Bucket: { Type: 'AWS::S3::Bucket' }, Function: { Type: 'AWS::Lambda::Function' } } }, null, 2),
      resources,
      // Newest first, as DescribeStackEvents lists them.
      events: ['CREATE_COMPLETE', 'CREATE_IN_PROGRESS'].map((s, n) => ({
        StackId: stackId, EventId: `${name}-${n}`, StackName: name, LogicalResourceId: name, PhysicalResourceId: stackId,
        ResourceType: 'AWS::CloudFormation::Stack', Timestamp: new Date(created.getTime() + (1 - n) * 60_000), ResourceStatus: s,
      })),
    });
  }

  for (const [name, retention] of [[`/aws/lambda/${env}-api-handler`, 14], [`/aws/lambda/${env}-thumbnailer`, undefined], [`/${env}/app/access`, 30]] as Array<[string, number | undefined]>) {
    const streams = [0, 1].map((s) => ({
      logStreamName: `2024/06/0${s + 1}/[$LATEST]${createHash('md5').update(name + s).digest('hex')}`,
      creationTime: BASE + s * 86400_000,
      events: Array.from({ length: 25 }, (_, e) => {
        const t = BASE + s * 86400_000 + e * 30_000;
        const level = e % 10 === 7 ? 'ERROR' : e % 5 === 3 ? 'WARN' : 'INFO';
        return { timestamp: t, ingestionTime: t + 150, message: `${new Date(t).toISOString()} ${level} request ${e} handled in ${20 + (e * 7) % 180} ms${level === 'ERROR' ? ' — échec: timeout' : ''}` };
      }),
    }));
    apps.logGroups.set(name, { logGroupName: name, creationTime: BASE - 86400_000, retentionInDays: retention, streams });
  }
  // A stream still being written: `F` on its events view shows each new request as it is logged.
  const live = `/${env}/app/live`;
  const started = Date.now() - 60_000;
  apps.logGroups.set(live, {
    logGroupName: live, creationTime: started, retentionInDays: 1, streams: [{
      logStreamName: 'web-1', creationTime: started, events: [],
      live: { everyMs: 2000, message: (n, t) => `${new Date(t).toISOString()} INFO GET /api/orders/${1000 + n} 200 in ${15 + (n * 37) % 120} ms` },
    }],
  });
}
