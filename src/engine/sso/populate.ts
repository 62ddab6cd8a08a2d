// `sso populate`: every account × role the person can reach, turned into profiles. The walk is
// paced and resumable (a checkpoint of finished accounts survives an interruption); the plan
// names profiles from a template, sanitised and unique, and recognises profiles it made before
// by (sso_session, sso_account_id, sso_role_name), so a re-run renames them and keeps any other
// keys the person added.
import { readFileSync, rmSync } from 'node:fs';
import { replacePrivateFile } from '../private-files.js';
import { stringValue, type LoadedConfig } from '../config/files.js';
import { applyConfigUpdate, profileSectionName, removeSection, renameSection, type WriteValues } from '../config/writer.js';
import type { PortalAccount, PortalClient } from './portal.js';

export interface Assignment { accountId: string; accountName: string; roleName: string }

interface Checkpoint { startedAt: number; accounts: PortalAccount[]; roles: Record<string, string[]> }

const CHECKPOINT_MAX_AGE_MS = 24 * 3600 * 1000;

function readCheckpoint(path: string): Checkpoint | undefined {
  try {
    const c = JSON.parse(readFileSync(path, 'utf8')) as Checkpoint;
    return Date.now() - c.startedAt < CHECKPOINT_MAX_AGE_MS && Array.isArray(c.accounts) ? c : undefined;
  } catch {
    return undefined;
  }
}

function saveCheckpoint(path: string, c: Checkpoint): void {
  replacePrivateFile(path, JSON.stringify(c));
}

export interface FetchProgress { phase: 'accounts' | 'roles'; done: number; total?: number; resumed: number }

/** Lists every assignment; finished accounts are checkpointed so an interrupted walk resumes. */
export async function fetchAssignments(portal: PortalClient, checkpointPath: string, onProgress?: (p: FetchProgress) => void): Promise<Assignment[]> {
  const checkpoint = readCheckpoint(checkpointPath) ?? { startedAt: Date.now(), accounts: [], roles: {} };
  if (checkpoint.accounts.length === 0) {
    checkpoint.accounts = await portal.listAccounts((n) => onProgress?.({ phase: 'accounts', done: n, resumed: 0 }));
    saveCheckpoint(checkpointPath, checkpoint);
  }
  const resumed = Object.keys(checkpoint.roles).length;
  let done = resumed;
  for (const account of checkpoint.accounts) {
    if (checkpoint.roles[account.accountId]) continue;
    checkpoint.roles[account.accountId] = (await portal.listAccountRoles(account.accountId)).map((r) => r.roleName);
    done++;
    if (done % 10 === 0 || done === checkpoint.accounts.length) saveCheckpoint(checkpointPath, checkpoint);
    onProgress?.({ phase: 'roles', done, total: checkpoint.accounts.length, resumed });
  }
  const out: Assignment[] = [];
  for (const a of checkpoint.accounts) {
    for (const roleName of checkpoint.roles[a.accountId] ?? []) out.push({ accountId: a.accountId, accountName: a.accountName ?? a.accountId, roleName });
  }
  return out;
}

/** Names of the profiles populate wrote for a session, kept beside the checkpoint. */
export function readManagedNames(path: string): Set<string> {
  try {
    const names: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return new Set(Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}

export function saveManagedNames(path: string, names: string[]): void {
  replacePrivateFile(path, JSON.stringify(names));
}

export function clearCheckpoint(path: string): void {
  rmSync(path, { force: true });
}

export const DEFAULT_TEMPLATE = '{account_name}-{role_name}';

/** Profile-name characters the CLI and shells handle without quoting. */
export function sanitiseProfileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|-+$/g, '') || 'profile';
}

export function renderTemplate(template: string, a: Assignment, sessionName: string): string {
  const fields: Record<string, string> = { account_name: a.accountName, account_id: a.accountId, role_name: a.roleName, sso_session: sessionName };
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => fields[key] ?? whole);
}

export interface PlannedProfile { name: string; assignment: Assignment; previousName?: string }

export interface PopulatePlan {
  added: PlannedProfile[];
  renamed: PlannedProfile[];
  unchanged: PlannedProfile[];
  removed: string[];
  /** The config text after the plan, from `before`. */
  apply(before: string | undefined): string;
  /** A readable diff of the plan, shown before writing. */
  diff(): string;
}

export interface PlanOptions {
  sessionName: string; template?: string; region?: string; prune?: boolean;
  /** Profiles earlier populate runs wrote: only these are renamed or pruned; hand-made ones are left alone. */
  managedNames?: ReadonlySet<string>;
}

const key = (accountId: string, roleName: string) => `${accountId}/${roleName}`;

export function planPopulate(config: LoadedConfig, assignments: Assignment[], opts: PlanOptions): PopulatePlan {
  const template = opts.template ?? DEFAULT_TEMPLATE;
  // Profiles already pointing at this session's account/role pairs (made by us or by hand).
  const existing = new Map<string, string>();
  const handMade = new Set<string>();
  for (const [name, section] of config.configProfiles) {
    if (stringValue(section, 'sso_session') !== opts.sessionName) continue;
    const acc = stringValue(section, 'sso_account_id');
    const role = stringValue(section, 'sso_role_name');
    if (!acc || !role) continue;
    if (!opts.managedNames?.has(name)) handMade.add(key(acc, role));
    else if (!existing.has(key(acc, role))) existing.set(key(acc, role), name);
  }
  const wanted = new Set(assignments.map((a) => key(a.accountId, a.roleName)));
  const removed = opts.prune ? [...existing].filter(([k]) => !wanted.has(k)).map(([, name]) => name) : [];
  const taken = new Set([...config.configProfiles.keys()].filter((n) => !removed.includes(n)));
  for (const name of existing.values()) taken.delete(name); // ours to rename

  const added: PlannedProfile[] = [];
  const renamed: PlannedProfile[] = [];
  const unchanged: PlannedProfile[] = [];
  for (const a of assignments) {
    if (handMade.has(key(a.accountId, a.roleName)) && !existing.has(key(a.accountId, a.roleName))) continue; // already has the person's own profile
    const base = sanitiseProfileName(renderTemplate(template, a, opts.sessionName));
    let name = base;
    if (taken.has(name)) name = sanitiseProfileName(`${base}-${a.accountId}`);
    for (let n = 2; taken.has(name); n++) name = `${base}-${a.accountId}-${n}`;
    taken.add(name);
    const previousName = existing.get(key(a.accountId, a.roleName));
    const planned = { name, assignment: a, previousName };
    if (previousName === undefined) added.push(planned);
    else if (previousName !== name) renamed.push(planned);
    else unchanged.push(planned);
  }

  const values = (p: PlannedProfile): WriteValues => {
    const v: WriteValues = { sso_session: opts.sessionName, sso_account_id: p.assignment.accountId, sso_role_name: p.assignment.roleName };
    if (opts.region) v.region = opts.region;
    return v;
  };

  return {
    added, renamed, unchanged, removed,
    apply(before) {
      let text = before ?? '';
      for (const name of removed) text = removeSection(text, profileSectionName(name));
      // Two passes so a rename onto a name another rename frees up never collides.
      renamed.forEach((p, i) => { text = renameSection(text, profileSectionName(p.previousName!), profileSectionName(`awsdeck-renaming-${i}`)); });
      renamed.forEach((p, i) => { text = renameSection(text, profileSectionName(`awsdeck-renaming-${i}`), profileSectionName(p.name)); });
      for (const p of [...renamed, ...unchanged]) text = applyConfigUpdate(text, profileSectionName(p.name), values(p));
      // New sections appended in one piece: the writer's one-section-at-a-time path is quadratic.
      if (added.length) {
        const block = added.map((p) => `[${profileSectionName(p.name)}]\n${Object.entries(values(p)).map(([k, v]) => `${k} = ${String(v)}`).join('\n')}\n`).join('');
        text = text && !text.endsWith('\n') ? `${text}\n${block}` : text + block;
      }
      return text;
    },
    diff() {
      const lines: string[] = [];
      for (const name of removed) lines.push(`-[${profileSectionName(name)}]`);
      for (const p of renamed) lines.push(`-[${profileSectionName(p.previousName!)}]`, `+[${profileSectionName(p.name)}]`);
      for (const p of added) {
        lines.push(`+[${profileSectionName(p.name)}]`);
        for (const [k, v] of Object.entries(values(p))) lines.push(`+${k} = ${String(v)}`);
      }
      return lines.length ? `${lines.join('\n')}\n` : '';
    },
  };
}
