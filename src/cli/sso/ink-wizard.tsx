// Runs the wizard script with the Ink UI on the terminal (loaded only when there is a TTY).
import { render } from 'ink';
import { WizardController } from '../../app/sso/wizard-controller.js';
import { themeFor } from '../../app/theme.js';
import type { WizardUI } from '../../app/sso/wizard-ui.js';
import { SsoWizard } from '../../../components/sso/SsoWizard.js';
import type { CliIO } from '../io.js';

export async function runInkWizard(io: CliIO, run: (ui: WizardUI) => Promise<number>): Promise<number> {
  const controller = new WizardController();
  const app = render(<SsoWizard controller={controller} theme={themeFor(io.env)} />, {
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as unknown as NodeJS.WriteStream,
    exitOnCtrlC: false,
  });
  try {
    return await run(controller);
  } finally {
    app.unmount();
    await app.waitUntilExit().catch(() => {});
  }
}
