// `:` commands: dashboard commands, resource views (`:ec2`, `:s3`, `:sg eu-west-1`), any read
// operation (`:ec2 describe-vpcs --filters …`), with Tab completion and the matches shown as you type.
import { useMemo, useState } from 'react';
import { viewById } from '../services/index.js';
import { operationRequest } from '../src/app/browse/operation-view.js';
import { commandCandidates, parseCommand, type Command } from '../src/app/commands.js';
import { useServices } from '../src/app/dashboard-context.js';
import { completeFrom } from '../src/app/line-buffer.js';
import { useStore } from '../src/app/store.js';
import type { ViewEntry } from '../src/app/view-stack.js';
import { CommandLine } from './CommandLine.js';

export interface CommandPaletteProps {
  onClose(): void;
  go(view: 'profiles' | 'errors' | 'why'): void;
  open(entry: ViewEntry): void;
  openHelp(): void;
  populate(ssoSession?: string): void;
  /** Runs a row action of the view on screen; says why not when it cannot. */
  act(command: string): string | undefined;
  auditLog(): void;
}

export function CommandPalette({ onClose, go, open, openHelp, populate, act, auditLog }: CommandPaletteProps) {
  const { dashboard, browser, quit } = useServices();
  const { profiles } = useStore(dashboard.profiles);
  const session = useStore(dashboard.session);
  const [error, setError] = useState<string>();
  const [typed, setTyped] = useState('');
  const known = useMemo(() => ({ profiles: profiles.map((p) => p.name), regions: dashboard.engine.regions() }), [profiles, dashboard]);
  const complete = (text: string) => completeFrom(commandCandidates(known, text))(text);
  const matches = useMemo(() => (typed ? commandCandidates(known, typed).filter((c) => c.startsWith(typed)).slice(0, 12).map((c) => c.trim()) : []), [typed, known]);
  const region = session.region ?? 'us-east-1';

  /** Views and operations need a profile: the one chosen on the home. */
  const browse = (command: Extract<Command, { type: 'resource' | 'operation' }>): string | undefined => {
    const profile = session.profile;
    if (!profile) return 'pick a profile first (p, then Enter)';
    if (command.type === 'resource') {
      const descriptor = viewById(command.view)!;
      const where = command.region ?? region;
      const scope = command.scope ?? {};
      // Profiles picked on the home: the view lists across them (IAM and S3 too: one account each).
      const picked = dashboard.pickedProfiles();
      const profiles = picked.length ? picked : undefined;
      // Asked for now, before the view's first frame is drawn: the request is on its way meanwhile.
      browser.listing({ descriptor, scope, profile, region: where, flat: false, profiles });
      open({ id: 'resource', profile, resource: { descriptor, scope, region: where, label: descriptor.label?.(scope) ?? descriptor.title, profiles } });
      return undefined;
    }
    try {
      const request = operationRequest(command.service, command.operation, command.args, process.cwd(), process.env);
      if (request.kind === 'table') open({ id: 'resource', profile, resource: { descriptor: request.descriptor, scope: {}, region, label: request.descriptor.title } });
      else open({ id: 'detail', profile, detail: { title: request.title, load: () => browser.callOnce(profile, region, request.service, request.operation, request.params) } });
      return undefined;
    } catch (e) {
      return (e as Error).message.trim().split('\n').pop();
    }
  };

  const submit = (text: string) => {
    const command = parseCommand(text, known);
    switch (command.type) {
      case 'invalid': setError(command.message); return;
      case 'view': go(command.view); break;
      case 'help': openHelp(); return;
      case 'populate': populate(command.ssoSession); break;
      case 'quit': quit(); break;
      case 'audit-log': auditLog(); break;
      case 'action': {
        const problem = act(command.command);
        if (problem) { setError(problem); return; }
        break;
      }
      case 'profile': dashboard.switchProfile(command.name); void dashboard.check(command.name, true); break;
      case 'region': dashboard.switchRegion(command.name); break;
      case 'resource': case 'operation': {
        const problem = browse(command);
        if (problem) { setError(problem); return; }
        break;
      }
    }
    onClose();
  };
  return <CommandLine prefix=":" complete={complete} onSubmit={submit} onCancel={onClose} matches={matches}
    onChange={(text) => { setTyped(text); setError(undefined); }} error={error} />;
}
