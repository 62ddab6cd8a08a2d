// mb, rb, presign and website: one request each (rb --force first empties the bucket via rm).
import { presignGetObject } from '../../engine/s3transfer/index.js';
import { CliArgumentError } from '../params/errors.js';
import { parseS3Options, integerOption, type S3Options } from './options.js';
import { findBucketKey, isS3Uri, splitS3Uri } from './paths.js';
import { errorText } from './results.js';
import type { S3Session } from './session.js';
import { runTransferCommand } from './transfer-command.js';

const invalidArgumentType = () => new CliArgumentError('<S3Uri>\nError: Invalid argument type', 'param');

export async function runMb(options: S3Options, session: S3Session): Promise<number> {
  const path = options.paths[0];
  if (!isS3Uri(path)) throw invalidArgumentType();
  const [bucket] = splitS3Uri(path);
  const region = session.client.region;
  const params: Record<string, unknown> = { Bucket: bucket };
  if (region !== 'us-east-1') params.CreateBucketConfiguration = { LocationConstraint: region };
  try {
    await session.client.call('CreateBucket', params);
    session.io.stdout.write(`make_bucket: ${bucket}\n`);
    return 0;
  } catch (err) {
    session.io.stderr.write(`make_bucket failed: ${path} ${errorText(err)}\n`);
    return 1;
  }
}

export async function runRb(options: S3Options, session: S3Session): Promise<number> {
  const path = options.paths[0];
  if (!isS3Uri(path)) throw invalidArgumentType();
  const [bucket, key] = splitS3Uri(path);
  if (key) throw new CliArgumentError(`Please specify a valid bucket name only. E.g. s3://${bucket}`, 'param');
  if (options.has('force')) {
    const rc = await runTransferCommand('rm', parseS3Options('rm', [path, '--recursive']), session);
    if (rc !== 0) throw Object.assign(new Error('remove_bucket failed: Unable to delete all objects in the bucket, bucket will not be deleted.'), { exitCode: 255 });
  }
  try {
    await session.client.call('DeleteBucket', { Bucket: bucket });
    session.io.stdout.write(`remove_bucket: ${bucket}\n`);
    return 0;
  } catch (err) {
    session.io.stderr.write(`remove_bucket failed: ${path} ${errorText(err)}\n`);
    return 1;
  }
}

export async function runPresign(options: S3Options, session: S3Session): Promise<number> {
  let path = options.paths[0];
  if (path.startsWith('s3://')) path = path.slice(5);
  const [bucket, key] = findBucketKey(path);
  // botocore validates GetObject's parameters before it signs anything.
  if (!key) throw new CliArgumentError('Parameter validation failed:\nInvalid length for parameter Key, value: 0, valid min length: 1', 'param');
  const expiresIn = integerOption(options, 'expiresIn') ?? 3600;
  const credentials = await session.credentials();
  const endpoint = session.client.endpoint;
  const url = presignGetObject({
    bucket, key, endpoint: endpoint.url, customEndpoint: endpoint.custom,
    addressingStyle: (session.settings.s3AddressingStyle?.value as 'auto' | 'virtual' | 'path' | undefined) ?? 'auto',
    region: session.client.region || 'us-east-1', credentials, expiresIn,
    accelerate: session.settings.s3Endpoint.accelerate ? { dualstack: session.settings.s3Endpoint.dualstack } : undefined,
  });
  session.io.stdout.write(`${url}\n`);
  return 0;
}

export async function runWebsite(options: S3Options, session: S3Session): Promise<number> {
  let path = options.paths[0];
  if (path.startsWith('s3://')) path = path.slice(5);
  if (path.endsWith('/')) path = path.slice(0, -1);
  const configuration: Record<string, unknown> = {};
  if (options.get('indexDocument') !== undefined) configuration.IndexDocument = { Suffix: options.get('indexDocument') };
  if (options.get('errorDocument') !== undefined) configuration.ErrorDocument = { Key: options.get('errorDocument') };
  await session.client.call('PutBucketWebsite', { Bucket: path, WebsiteConfiguration: configuration });
  return 0;
}
