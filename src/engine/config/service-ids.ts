// The name botocore uses for per-service endpoint settings: AWS_ENDPOINT_URL_<ID> and the keys of
// a `[services x]` section. It starts from the client name, with a table for clients whose name is
// not their hyphenated serviceId.
const CLIENT_TO_SERVICE_ID: Record<string, string> = {
  apigateway: 'api-gateway', 'application-autoscaling': 'application-auto-scaling', appmesh: 'app-mesh',
  autoscaling: 'auto-scaling', 'autoscaling-plans': 'auto-scaling-plans', ce: 'cost-explorer',
  cloudhsmv2: 'cloudhsm-v2', cloudsearchdomain: 'cloudsearch-domain', 'cognito-idp': 'cognito-identity-provider',
  config: 'config-service', cur: 'cost-and-usage-report-service', datapipeline: 'data-pipeline',
  directconnect: 'direct-connect', devicefarm: 'device-farm', discovery: 'application-discovery-service',
  dms: 'database-migration-service', ds: 'directory-service', 'ds-data': 'directory-service-data',
  dynamodbstreams: 'dynamodb-streams', elasticbeanstalk: 'elastic-beanstalk', elb: 'elastic-load-balancing',
  elbv2: 'elastic-load-balancing-v2', es: 'elasticsearch-service', events: 'eventbridge',
  globalaccelerator: 'global-accelerator', 'iot-data': 'iot-data-plane', 'iot-jobs-data': 'iot-jobs-data-plane',
  'iotevents-data': 'iot-events-data', iotevents: 'iot-events', iotwireless: 'iot-wireless',
  kinesisanalytics: 'kinesis-analytics', kinesisanalyticsv2: 'kinesis-analytics-v2', kinesisvideo: 'kinesis-video',
  'lex-models': 'lex-model-building-service', 'lexv2-models': 'lex-models-v2', 'lex-runtime': 'lex-runtime-service',
  'lexv2-runtime': 'lex-runtime-v2', logs: 'cloudwatch-logs', machinelearning: 'machine-learning',
  marketplacecommerceanalytics: 'marketplace-commerce-analytics',
  'marketplace-entitlement': 'marketplace-entitlement-service', meteringmarketplace: 'marketplace-metering',
  mgh: 'migration-hub', 'sms-voice': 'pinpoint-sms-voice', resourcegroupstaggingapi: 'resource-groups-tagging-api',
  route53: 'route-53', route53domains: 'route-53-domains', s3control: 's3-control', sdb: 'simpledb',
  secretsmanager: 'secrets-manager', serverlessrepo: 'serverlessapplicationrepository',
  servicecatalog: 'service-catalog', 'servicecatalog-appregistry': 'service-catalog-appregistry',
  stepfunctions: 'sfn', storagegateway: 'storage-gateway',
  // CLI command names that differ from the client name.
  s3api: 's3', 'runtime.sagemaker': 'sagemaker-runtime',
};

/**
 * Snake-case id (`sso_oidc`, `elastic_load_balancing_v2`) from a client name (`elbv2`, `sso-oidc`)
 * or a model serviceId (`Elastic Load Balancing v2`, `SSO OIDC`).
 */
export function snakeServiceId(service: string): string {
  const hyphenated = /[A-Z ]/.test(service)
    ? service.toLowerCase().replace(/ /g, '-')
    : CLIENT_TO_SERVICE_ID[service] ?? service;
  return hyphenated.replace(/-/g, '_');
}

export function endpointEnvVarName(service: string): string {
  return `AWS_ENDPOINT_URL_${snakeServiceId(service).toUpperCase()}`;
}
