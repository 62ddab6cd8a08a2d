// What `sso login` prints, in the AWS CLI's words (reference §4.6), plus one line of awsdeck's
// own saying which start URL and profile the sign-in is for and why a flow was chosen.
import type { BrowserPrompt, DeviceCodePrompt } from '../../engine/sso/index.js';
import type { SsoSessionConfig } from '../../engine/sso/index.js';

export function loginHeading(config: SsoSessionConfig, flowNote?: string): string {
  const who = config.profileName !== undefined ? ` for profile ${config.profileName}` : '';
  const session = config.sessionName !== undefined ? ` (sso-session ${config.sessionName})` : '';
  const note = flowNote ? `Using the device code flow: ${flowNote}.\n` : '';
  return `Signing in to ${config.startUrl}${who}${session}.\n${note}`;
}

export function deviceCodeMessage(p: DeviceCodePrompt, browser: boolean): string {
  if (!browser) {
    return `Browser will not be automatically opened.\nPlease visit the following URL:\n\n${p.verificationUri}\n`
      + `\nThen enter the code:\n\n${p.userCode}\n\nAlternatively, you may visit the following URL which will autofill the code upon loading:\n${p.verificationUriComplete}\n`;
  }
  return 'Attempting to open your default browser.\nIf the browser does not open or you wish to use a different device to authorize this request, open the following URL:\n\n'
    + `${p.verificationUri}\n\nThen enter the code:\n\n${p.userCode}\n`;
}

export function authCodeMessage(p: BrowserPrompt, browser: boolean): string {
  if (!browser) return `Browser will not be automatically opened.\nPlease visit the following URL:\n\n${p.url}\n`;
  return 'Attempting to open your default browser. If the browser does not open, open the following URL.\n'
    + "If you are unable to open the URL on this device, run this command again with the '--use-device-code' option.\n\n"
    + `${p.url}\n\n`;
}

export function loginSuccess(startUrl: string): string {
  return `Successfully logged into Start URL: ${startUrl}\n`;
}
