// `:` commands (profiles, profile NAME, region NAME, populate [SSO-SESSION], errors, why, help, quit) with Tab completion.
import { useMemo, useState } from 'react';
import { commandCandidates, parseCommand } from '../src/app/commands.js';
import { useServices } from '../src/app/dashboard-context.js';
import { completeFrom } from '../src/app/line-buffer.js';
import { useStore } from '../src/app/store.js';
import { CommandLine } from './CommandLine.js';

export function CommandPalette({ onClose, go, openHelp, populate }: { onClose(): void; go(view: 'profiles' | 'errors' | 'why'): void; openHelp(): void; populate(ssoSession?: string): void }) {
  const { dashboard, quit } = useServices();
  const { profiles } = useStore(dashboard.profiles);
  const [error, setError] = useState<string>();
  const known = useMemo(() => ({ profiles: profiles.map((p) => p.name), regions: dashboard.engine.regions() }), [profiles, dashboard]);
  const complete = useMemo(() => completeFrom(commandCandidates(known)), [known]);
  const submit = (text: string) => {
    const command = parseCommand(text, known);
    switch (command.type) {
      case 'invalid': setError(command.message); return;
      case 'view': go(command.view); break;
      case 'help': openHelp(); return;
      case 'populate': populate(command.ssoSession); break;
      case 'quit': quit(); break;
      case 'profile': dashboard.switchProfile(command.name); void dashboard.check(command.name, true); break;
      case 'region': dashboard.switchRegion(command.name); break;
    }
    onClose();
  };
  return <CommandLine prefix=":" complete={complete} onSubmit={submit} onCancel={onClose} onChange={() => setError(undefined)} error={error} />;
}
