// Which services the sandbox serves, by CLI service name.
import type { ServiceHandlers } from '../types.js';
import { stsHandlers } from './sts.js';
import { ssoOidcHandlers } from './sso-oidc.js';
import { ssoPortalHandlers } from './sso-portal.js';
import { iamHandlers } from './iam.js';
import { ec2Handlers } from './ec2.js';
import { s3Handlers } from './s3.js';
import { lambdaHandlers } from './lambda.js';
import { cloudformationHandlers } from './cloudformation.js';
import { logsHandlers } from './logs.js';
import { cloudtrailHandlers } from './cloudtrail.js';
import { ec2ImageHandlers } from './ec2-images.js';

export const serviceHandlers: Record<string, ServiceHandlers> = {
  sts: stsHandlers,
  'sso-oidc': ssoOidcHandlers,
  sso: ssoPortalHandlers,
  iam: iamHandlers,
  ec2: { ...ec2Handlers, ...ec2ImageHandlers },
  s3api: s3Handlers,
  lambda: lambdaHandlers,
  cloudformation: cloudformationHandlers,
  logs: logsHandlers,
  cloudtrail: cloudtrailHandlers,
};
