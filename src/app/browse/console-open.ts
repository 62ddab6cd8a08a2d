// `o`: a resource's console page in the browser, signed in as the row's profile when its
// credentials are temporary. The sign-in URL is a secret (it signs in for 15 minutes): it goes
// only to the browser, or, when there is none, onto the screen and the clipboard on purpose.
import type { Dashboard } from '../dashboard-model.js';
import { PromptCancelledError } from '../identity-state.js';
import type { BrowserOpener } from '../open-browser.js';

export interface ConsoleTarget {
  profile: string;
  region: string;
  /** The console page (the descriptor's consoleUrl). */
  destination: string;
}

export async function openInConsole(dashboard: Dashboard, openBrowser: BrowserOpener, copy: (text: string) => void, target: ConsoleTarget): Promise<void> {
  const { profile, region, destination } = target;
  let signIn;
  try {
    signIn = await dashboard.withSignIn(profile, (interaction) => dashboard.engine.consoleSignIn(profile, region, destination, interaction));
  } catch (error) {
    if (error instanceof PromptCancelledError) return;
    dashboard.errors.record(error, profile);
    dashboard.prompts.showMessage('Cannot open the console', (error as Error).message);
    return;
  }
  const who = dashboard.profiles.get().identities[profile]?.identity?.arn ?? profile;
  const opening = await openBrowser(signIn.url);
  const about = signIn.federated ? `Signed in as ${who} (profile ${profile}).` : signIn.note ?? '';
  if (opening.opened) {
    dashboard.prompts.showMessage('Opened in the browser', `${destination}\n\n${about}`);
    return;
  }
  copy(signIn.url);
  const warning = signIn.federated ? '\n\nThis link signs in as that identity for 15 minutes: treat it as a password.' : '';
  dashboard.prompts.showMessage(`No browser (${opening.reason ?? 'it did not open'}): the URL is on the clipboard (OSC 52)`,
    `${signIn.url}\n\n${about}${warning}`);
}
