// Operations the AWS CLI removes from its command tables (awscli/customizations/removals.py): old
// APIs it replaced with its own commands, and every event-stream operation it has no command for
// (it supports only s3api select-object-content and logs start-live-tail). The union of v2.9.19's
// list and v1.45's, which knows the newer services.
const REMOVED: Record<string, string[]> = {
  ses: ['delete-verified-email-address', 'list-verified-email-addresses', 'verify-email-address'],
  ec2: ['import-instance', 'import-volume'],
  emr: ['run-job-flow', 'describe-job-flows', 'add-job-flow-steps', 'terminate-job-flows', 'list-bootstrap-actions',
    'list-instance-groups', 'set-termination-protection', 'set-keep-job-flow-alive-when-no-steps', 'set-visible-to-all-users',
    'set-unhealthy-node-replacement'],
  kinesis: ['subscribe-to-shard'],
  'lexv2-runtime': ['start-conversation'],
  lambda: ['invoke-with-response-stream'],
  'sagemaker-runtime': ['invoke-endpoint-with-response-stream'],
  'bedrock-runtime': ['invoke-model-with-response-stream', 'invoke-model-with-bidirectional-stream', 'converse-stream'],
  'bedrock-agent-runtime': ['invoke-agent', 'invoke-flow', 'invoke-inline-agent', 'optimize-prompt', 'retrieve-and-generate-stream'],
  'bedrock-agentcore': ['invoke-code-interpreter', 'invoke-agent-runtime-command', 'invoke-harness'],
  qbusiness: ['chat'],
  iotsitewise: ['invoke-assistant'],
  logs: ['get-log-object'],
  connecthealth: ['start-medical-scribe-listening-session'],
  polly: ['start-speech-synthesis-stream'],
  'devops-agent': ['send-message'],
};

export function isRemovedCommand(service: string, cliName: string): boolean {
  return REMOVED[service]?.includes(cliName) ?? false;
}
