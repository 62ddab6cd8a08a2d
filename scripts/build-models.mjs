// Build step: turns the botocore-format models shipped in the aws-sdk v2 package (devDependency
// only) into one compact JSON file per CLI service name under models/, plus models/index.json.
// The app never imports aws-sdk; it reads these files lazily, one service at a time.
import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apis = join(root, 'node_modules', 'aws-sdk', 'apis');
const out = join(root, 'models');

// botocore names services after serviceId (lower-case, spaces to dashes) except for these
// historical names; the CLI then renames three of them (s3 -> s3api, config, codedeploy).
const botocoreNames = {
  'API Gateway': 'apigateway', 'App Mesh': 'appmesh', 'Application Auto Scaling': 'application-autoscaling',
  'Application Discovery Service': 'discovery', 'Auto Scaling': 'autoscaling', 'Auto Scaling Plans': 'autoscaling-plans',
  'CloudHSM V2': 'cloudhsmv2', 'CloudSearch Domain': 'cloudsearchdomain', 'CloudWatch Logs': 'logs',
  'Cognito Identity Provider': 'cognito-idp', 'Config Service': 'config', 'Cost Explorer': 'ce',
  'Cost and Usage Report Service': 'cur', 'Data Pipeline': 'datapipeline', 'Database Migration Service': 'dms',
  'Device Farm': 'devicefarm', 'Direct Connect': 'directconnect', 'Directory Service': 'ds',
  'Directory Service Data': 'ds-data', 'DynamoDB Streams': 'dynamodbstreams', 'Elastic Beanstalk': 'elasticbeanstalk',
  'Elastic Load Balancing': 'elb', 'Elastic Load Balancing v2': 'elbv2', 'Elasticsearch Service': 'es',
  'EventBridge': 'events', 'Global Accelerator': 'globalaccelerator', 'IoT Data Plane': 'iot-data',
  'IoT Events': 'iotevents', 'IoT Events Data': 'iotevents-data', 'IoT Jobs Data Plane': 'iot-jobs-data',
  'IoT Wireless': 'iotwireless', 'Kinesis Analytics': 'kinesisanalytics', 'Kinesis Analytics V2': 'kinesisanalyticsv2',
  'Kinesis Video': 'kinesisvideo', 'Lex Model Building Service': 'lex-models', 'Lex Models V2': 'lexv2-models',
  'Lex Runtime Service': 'lex-runtime', 'Lex Runtime V2': 'lexv2-runtime', 'Machine Learning': 'machinelearning',
  'Marketplace Commerce Analytics': 'marketplacecommerceanalytics',
  'Marketplace Entitlement Service': 'marketplace-entitlement', 'Marketplace Metering': 'meteringmarketplace',
  'Migration Hub': 'mgh', 'Pinpoint SMS Voice': 'sms-voice', 'Resource Groups Tagging API': 'resourcegroupstaggingapi',
  'Route 53': 'route53', 'Route 53 Domains': 'route53domains', 'S3 Control': 's3control', 'SFN': 'stepfunctions',
  'Secrets Manager': 'secretsmanager', 'ServerlessApplicationRepository': 'serverlessrepo',
  'Service Catalog': 'servicecatalog', 'Service Catalog AppRegistry': 'servicecatalog-appregistry',
  'SimpleDB': 'sdb', 'Storage Gateway': 'storagegateway',
};
const cliRenames = { s3: 's3api', config: 'configservice', codedeploy: 'deploy' };

function cliName(metadata) {
  const id = metadata.serviceId ?? metadata.serviceAbbreviation ?? metadata.endpointPrefix;
  const botocore = botocoreNames[id] ?? id.toLowerCase().replace(/ /g, '-');
  return cliRenames[botocore] ?? botocore;
}

function readJson(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

// botocore's paginators-1.sdk-extras.json (non_aggregate_keys), which the aws-sdk package lacks.
const paginatorExtras = JSON.parse(readFileSync(join(root, 'scripts', 'paginator-extras.json'), 'utf8'));

function paginatorsFor(name, base) {
  const pagination = readJson(join(apis, `${base}.paginators.json`))?.pagination ?? {};
  for (const [op, extra] of Object.entries(paginatorExtras[name] ?? {})) {
    if (pagination[op]) pagination[op] = { ...pagination[op], ...extra };
  }
  return pagination;
}

export function buildModels() {
  if (!existsSync(apis)) throw new Error(`aws-sdk models not found at ${apis}: run npm install first`);
  // Keep only the newest API version of each service.
  const newest = new Map();
  for (const file of readdirSync(apis)) {
    const m = /^(.+)-(\d{4}-\d{2}-\d{2})\.min\.json$/.exec(file);
    if (!m) continue;
    const [, prefix, version] = m;
    const prev = newest.get(prefix);
    if (!prev || prev.version < version) newest.set(prefix, { version, base: `${prefix}-${version}` });
  }
  mkdirSync(out, { recursive: true });
  const index = {};
  for (const { base } of newest.values()) {
    const model = readJson(join(apis, `${base}.min.json`));
    const name = cliName(model.metadata);
    if (index[name]) throw new Error(`two models map to CLI name ${name}: ${index[name].uid} and ${model.metadata.uid}`);
    const compact = {
      metadata: model.metadata,
      operations: model.operations,
      shapes: model.shapes,
      paginators: paginatorsFor(name, base),
      waiters: readJson(join(apis, `${base}.waiters2.json`))?.waiters ?? {},
    };
    writeFileSync(join(out, `${name}.json`), JSON.stringify(compact));
    const md = model.metadata;
    index[name] = {
      uid: md.uid, serviceId: md.serviceId, endpointPrefix: md.endpointPrefix,
      signingName: md.signingName ?? md.endpointPrefix, protocol: md.protocol,
      apiVersion: md.apiVersion, globalEndpoint: md.globalEndpoint,
    };
  }
  const sorted = Object.fromEntries(Object.keys(index).sort().map((k) => [k, index[k]]));
  writeFileSync(join(out, 'index.json'), JSON.stringify(sorted));
  return Object.keys(sorted).length;
}

// Rebuild only when the source package is newer than what we built.
const stamp = join(out, 'index.json');
const fresh = existsSync(stamp) && statSync(stamp).mtimeMs > statSync(join(apis, 'metadata.json')).mtimeMs
  && statSync(stamp).mtimeMs > statSync(fileURLToPath(import.meta.url)).mtimeMs
  && statSync(stamp).mtimeMs > statSync(join(root, 'scripts', 'paginator-extras.json')).mtimeMs;
if (!fresh) console.log(`built ${buildModels()} service models into models/`);
