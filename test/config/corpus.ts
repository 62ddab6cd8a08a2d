// Config and credentials files people really have: comments, blank lines, CRLF, tabs, unicode,
// nested sections, odd headers, duplicates, [DEFAULT]. Each is checked against botocore and the
// AWS CLI. `bad` cases must be rejected by both.
export interface CorpusCase {
  name: string;
  config?: string;
  credentials?: string;
}

export const corpus: CorpusCase[] = [
  { name: 'empty files', config: '', credentials: '' },
  { name: 'no files' },
  {
    name: 'plain default and profile',
    config: '[default]\nregion = us-east-1\noutput = json\n\n[profile dev]\nregion = eu-west-1\n',
    credentials: '[default]\naws_access_key_id = AKIAEXAMPLE0000DFLT\naws_secret_access_key = s3cr3t/dflt\n',
  },
  {
    name: 'comments, inline hash kept, colon separator, upper-case keys',
    config: '# top comment\n; another\n[default]\n  # indented comment\nregion = us-east-1 # not a comment\nOUTPUT: text\n;region = nope\n',
  },
  {
    name: 'CRLF line endings',
    config: '[default]\r\nregion = us-west-2\r\n\r\n[profile crlf]\r\nregion = ap-south-1\r\ns3 =\r\n    addressing_style = path\r\n',
    credentials: '[crlf]\r\naws_access_key_id = AKIACRLF\r\naws_secret_access_key = x\r\n',
  },
  {
    name: 'tabs and odd spacing',
    config: '[default]\n\tregion\t=\tus-east-2\t\n[profile  spaced ]\nregion=ca-central-1\n[profile\ttabbed]\nregion = sa-east-1\n',
  },
  {
    name: 'unicode values and names',
    config: '[profile café]\nregion = eu-west-3\nrole_session_name = zoë\n[profile "日本"]\nregion = ap-northeast-1\n',
  },
  {
    name: 'nested sub-sections and services',
    config: [
      '[default]', 'region = us-east-1', 's3 =', '    addressing_style = path', '    max_concurrent_requests = 20', 'services = local',
      '[services local]', 's3 =', '  endpoint_url = http://localhost:4566', 'dynamodb =', '  endpoint_url = http://localhost:8000',
      '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = us-east-1', 'sso_registration_scopes = sso:account:access',
      '[profile sso]', 'sso_session = corp', 'sso_account_id = 111122223333', 'sso_role_name = Admin', '',
    ].join('\n'),
  },
  {
    name: 'odd headers: quoted, three tokens, profilefoo, other sections, leading-space name',
    config: [
      "[profile 'my dev']", 'region = us-east-1', '[profile "qa env"]', 'region = us-east-2', '[profile a b]', 'region = x',
      '[profilefoo]', 'region = y', '[toolkit]', 'telemetry = off', '[preview]', 'cloudfront = true',
      '[ profile lead]', 'region = z', '[profile default]', 'output = yaml', '',
    ].join('\n'),
  },
  {
    name: 'default and profile default: later wins',
    config: '[profile default]\nregion = first\n[default]\nregion = second\n',
  },
  {
    name: '[DEFAULT] copied into every section',
    config: '[DEFAULT]\noutput = table\n[default]\nregion = us-east-1\n[profile x]\nregion = us-west-1\noutput = json\n[sso-session s]\nsso_region = us-east-1\n',
    credentials: '[DEFAULT]\naws_session_token = shared-token\n[x]\naws_access_key_id = AKIAX\naws_secret_access_key = y\n',
  },
  {
    name: 'credentials merged over config; creds-only profiles last',
    config: '[profile both]\nregion = us-east-1\naws_access_key_id = AKIACONFIG\n[profile conf-only]\nregion = eu-central-1\n',
    credentials: '[creds-only]\naws_access_key_id = AKIAONLY\naws_secret_access_key = z\n[both]\naws_access_key_id = AKIACREDS\naws_secret_access_key = w\n[profile weird]\nregion = x\n',
  },
  {
    name: 'multi-line value that is not nested, and blank lines inside',
    config: '[default]\nregion = us-east-1\n  continued\n\n  after-blank\noutput = json\n',
  },
  {
    name: 'empty value and value with equals',
    config: '[default]\ncli_pager =\nendpoint_url = http://x/?a=b=c\nrole_arn=arn:aws:iam::123456789012:role/R\n',
  },
  {
    name: 'assume-role chain',
    config: [
      '[profile base]', 'region = us-east-1', '[profile middle]', 'role_arn = arn:aws:iam::123456789012:role/Middle', 'source_profile = base',
      '[profile top]', 'role_arn = arn:aws:iam::123456789012:role/Top', 'source_profile = middle', 'mfa_serial = arn:aws:iam::123456789012:mfa/alice',
      'external_id = ext', 'duration_seconds = 900', '',
    ].join('\n'),
    credentials: '[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = basesecret\n',
  },
  { name: 'no trailing newline', config: '[default]\nregion = us-east-1', credentials: '[default]\naws_access_key_id = A\naws_secret_access_key = B' },
  { name: 'only comments', config: '# nothing here\n; nor here\n' },
  { name: 'indented key right after header', config: '[default]\n    region = us-east-1\noutput = json\n' },
  { name: 'header with trailing text', config: '[default] trailing\nregion = us-east-1\n[profile x]]\nregion = y\n' },
  { name: 'lone CR line endings', config: '[default]\rregion = us-east-1\r' },
  // Rejected files.
  { name: 'bad: duplicate section', config: '[default]\nregion = a\n[default]\nregion = b\n' },
  { name: 'bad: duplicate key', config: '[default]\nregion = a\nREGION = b\n' },
  { name: 'bad: key before any section', config: 'region = a\n[default]\n' },
  { name: 'bad: line without separator', config: '[default]\nregion = a\nnot a key\n' },
  { name: 'bad: nested line without equals', config: '[default]\ns3 =\n  addressing_style path\n' },
  { name: 'bad: BOM', config: '\ufeff[default]\nregion = a\n' },
  { name: 'bad: credentials file broken', config: '[default]\nregion = a\n', credentials: '[default]\naws_access_key_id\n' },
];
