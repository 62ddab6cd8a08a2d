// The forms behind new / edit / clone / rename, and how their answers become profile changes.
import type { ProfileChange, ProfileSummary } from './engine-port.js';
import type { FormField } from './form-model.js';

export interface ProfileForm {
  title: string;
  fields: FormField[];
  toChange(values: Record<string, string>): ProfileChange;
}

const validName = (existing: string[]) => (name: string) =>
  /[\s[\]]/.test(name) ? 'no spaces or brackets in a profile name' : existing.includes(name) ? `profile "${name}" already exists` : undefined;

const regionField: FormField = { id: 'region', label: 'region', kind: 'text', optional: true, validate: (v) => (/^[a-z]{2}(-[a-z]+)+-\d$/.test(v) ? undefined : 'a region looks like eu-west-1') };

/** The new-profile type that hands over to the SSO populate view instead of writing a profile itself. */
export const SSO_FROM_PORTAL = 'sso (pick from the portal)';

export function newProfileForm(profiles: ProfileSummary[]): ProfileForm {
  const names = profiles.map((p) => p.name);
  const serials = [...new Set(profiles.map((p) => p.mfaSerial).filter((s): s is string => Boolean(s)))];
  const sessions = [...new Set(profiles.map((p) => p.ssoSession).filter((s): s is string => Boolean(s)))];
  const is = (type: string) => (v: Record<string, string>) => v.type === type;
  // The type comes first: an SSO profile is named by populate's template, so it skips the name.
  const fields: FormField[] = [
    { id: 'type', label: 'type', kind: 'choice', choices: ['static keys', 'assume-role', ...(sessions.length ? [SSO_FROM_PORTAL] : [])] },
    { id: 'name', label: 'profile name', kind: 'text', validate: validName(names), when: (v) => v.type !== SSO_FROM_PORTAL },
    { id: 'aws_access_key_id', label: 'access key id', kind: 'text', when: is('static keys'), validate: (v) => (/^(AKIA|ASIA)[A-Z0-9]{12,}$/.test(v) ? undefined : 'access key ids start with AKIA or ASIA') },
    { id: 'aws_secret_access_key', label: 'secret access key', kind: 'secret', when: is('static keys') },
    // ASIA keys are temporary: without their session token they are rejected by every service.
    { id: 'aws_session_token', label: 'session token (ASIA keys are temporary and need one)', kind: 'secret', when: (v) => is('static keys')(v) && v.aws_access_key_id?.startsWith('ASIA') },
    { id: 'role_arn', label: 'role ARN', kind: 'text', when: is('assume-role'), validate: (v) => (/^arn:aws[\w-]*:iam::\d{12}:role\/.+/.test(v) ? undefined : 'arn:aws:iam::<12 digits>:role/<name>') },
    { id: 'source_profile', label: 'source profile', kind: 'choice', choices: names, when: (v) => is('assume-role')(v) && names.length > 0 },
    { id: 'mfa_serial', label: 'MFA device', kind: 'choice', choices: ['(none)', ...serials, '(type one)'], when: is('assume-role') },
    { id: 'mfa_serial_typed', label: 'MFA device ARN', kind: 'text', when: (v) => v.mfa_serial === '(type one)', validate: (v) => (/^arn:aws[\w-]*:iam::\d{12}:mfa\/.+/.test(v) ? undefined : 'arn:aws:iam::<12 digits>:mfa/<name>') },
    { id: 'sso_session', label: 'SSO session (then pick accounts and roles from its portal)', kind: 'choice', choices: sessions, when: is(SSO_FROM_PORTAL) },
    { ...regionField, when: (v) => v.type !== SSO_FROM_PORTAL },
  ];
  return {
    title: 'New profile',
    fields,
    toChange(v) {
      const values: Record<string, string> = {};
      const keep = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'role_arn', 'source_profile', 'region'];
      for (const key of keep) if (v[key]) values[key] = v[key];
      const serial = v.mfa_serial === '(type one)' ? v.mfa_serial_typed : v.mfa_serial;
      if (serial && serial !== '(none)') values.mfa_serial = serial;
      return { type: 'create', profile: v.name, values };
    },
  };
}

const secretKeys = ['aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

export function editProfileForm(profile: ProfileSummary): ProfileForm {
  const keys = profile.keys.map((k) => k.key);
  const keyOf = (v: Record<string, string>) => (v.key === '(new key)' ? v.newKey : v.key);
  const current = (v: Record<string, string>) => profile.keys.find((k) => k.key === keyOf(v))?.value;
  return {
    title: `Edit ${profile.name} (an empty value removes the key)`,
    fields: [
      { id: 'key', label: 'key', kind: 'choice', choices: [...keys, '(new key)'] },
      { id: 'newKey', label: 'key name', kind: 'text', when: (v) => v.key === '(new key)', validate: (v) => (/^[a-z0-9_.]+$/.test(v) ? undefined : 'lower-case letters, digits, _ and .') },
      // Secret keys get a masked field: their values are never drawn.
      { id: 'value', label: 'value', kind: 'text', optional: true, when: (v) => !secretKeys.includes(keyOf(v)), initialFrom: current },
      { id: 'secret', label: 'value (hidden)', kind: 'secret', optional: true, when: (v) => secretKeys.includes(keyOf(v)) },
    ],
    toChange: (v) => ({ type: 'set', profile: profile.name, key: keyOf(v), value: (secretKeys.includes(keyOf(v)) ? v.secret : v.value) ?? '' }),
  };
}

export function renameProfileForm(profile: ProfileSummary, profiles: ProfileSummary[]): ProfileForm {
  return {
    title: `Rename ${profile.name} (every source_profile pointing at it follows)`,
    fields: [{ id: 'to', label: 'new name', kind: 'text', initial: profile.name, validate: validName(profiles.map((p) => p.name)) }],
    toChange: (v) => ({ type: 'rename', from: profile.name, to: v.to }),
  };
}

export function cloneProfileForm(profile: ProfileSummary, profiles: ProfileSummary[]): ProfileForm {
  return {
    title: `Clone ${profile.name}`,
    fields: [{ id: 'to', label: 'name of the copy', kind: 'text', initial: `${profile.name}-copy`, validate: validName(profiles.map((p) => p.name)) }],
    toChange: (v) => ({ type: 'clone', from: profile.name, to: v.to }),
  };
}
