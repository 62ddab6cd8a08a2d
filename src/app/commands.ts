// The `:` command palette's language, parsed without Ink: dashboard commands, resource views
// (`:ec2`, `:sg eu-west-1`), and any read operation (`:ec2 describe-vpcs --filters …`).
import { resourceViews, viewByAlias, type ResourceDescriptor, type Scope } from '../../services/index.js';
import { serviceNames } from '../engine/models/loader.js';
import { isServiceName, readOperationNames, splitArgs } from './browse/operation-view.js';

export type Command =
  | { type: 'view'; view: 'profiles' | 'errors' | 'why' }
  | { type: 'populate'; ssoSession?: string }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'profile'; name: string }
  | { type: 'region'; name: string }
  | { type: 'resource'; view: string; region?: string; scope?: Scope }
  | { type: 'operation'; service: string; operation: string; args: string[] }
  /** A row action of the view on screen (`:stop`), on its picked or selected rows. */
  | { type: 'action'; command: string }
  | { type: 'audit-log' }
  | { type: 'invalid'; message: string };

export const commandWords = ['profiles', 'profile ', 'region ', 'populate', 'errors', 'why', 'help', 'quit', 'audit-log'];

/** Every row action's palette word (`stop`, `terminate`, …), whichever view has it. */
export const actionWords = [...new Set(resourceViews.flatMap((v) => [...(v.actions ?? []), ...(v.tasks ?? [])].map((a) => a.command)))];

const regionPattern = /^[a-z]{2}(-[a-z]+)+-\d$/;

export function isRegionName(word: string, known: string[]): boolean {
  return regionPattern.test(word) || known.includes(word);
}

/**
 * What a view cannot be listed without (a bucket's objects need the bucket): the parameters it
 * takes from a parent row's scope and has no default for.
 */
export function requiredScope(view: ResourceDescriptor): string[] {
  if (view.compute || !view.params) return [];
  return Object.entries(view.params({})).filter(([, value]) => value === undefined).map(([key]) => key);
}

export function parseCommand(text: string, known: { profiles: string[]; regions: string[] }): Command {
  let words: string[];
  try {
    words = splitArgs(text.trim());
  } catch (error) {
    return { type: 'invalid', message: (error as Error).message };
  }
  const [word = '', ...rest] = words;
  const arg = rest.join(' ');
  switch (word) {
    case 'profiles': case 'home': return { type: 'view', view: 'profiles' };
    case 'errors': return { type: 'view', view: 'errors' };
    case 'why': case 'whoami': return { type: 'view', view: 'why' };
    case 'help': return { type: 'help' };
    case 'populate': return { type: 'populate', ssoSession: arg || undefined };
    case 'q': case 'quit': return { type: 'quit' };
    case 'audit-log': return { type: 'audit-log' };
    case 'profile':
      return known.profiles.includes(arg) ? { type: 'profile', name: arg } : { type: 'invalid', message: `no profile named "${arg}"` };
    case 'region':
      return isRegionName(arg, known.regions) ? { type: 'region', name: arg } : { type: 'invalid', message: `not a region: "${arg}"` };
  }
  if (rest.length === 0 && actionWords.includes(word)) return { type: 'action', command: word };
  const view = viewByAlias(word);
  const needs = view ? requiredScope(view) : [];
  if (view && needs.length) {
    // `:objects my-bucket`, `:log-events GROUP STREAM`: what a parent row would have given.
    if (rest.length === needs.length) return { type: 'resource', view: view.id, scope: Object.fromEntries(needs.map((key, i) => [key, rest[i]!])) };
    return { type: 'invalid', message: `${view.title} need ${needs.join(' and ')}: :${word} ${needs.map((n) => n.toUpperCase()).join(' ')}, or Enter on a row that lists them` };
  }
  // `:ec2` and `:ec2 sa-east-1` open the view; `:ec2 describe-vpcs …` runs the operation.
  if (view && (rest.length === 0 || (rest.length === 1 && isRegionName(rest[0], known.regions)))) {
    return { type: 'resource', view: view.id, region: rest[0] };
  }
  if (view && rest.length === 1 && rest[0] === 'all') {
    if (view.global) return { type: 'invalid', message: `${view.title} are the same from every region: :${word} lists them` };
    return { type: 'resource', view: view.id, region: 'all' };
  }
  if (isServiceName(word)) {
    if (rest.length === 0) return { type: 'invalid', message: `${word}: which operation? (Tab lists them)` };
    const [operation, ...args] = rest;
    if (!readOperationNames(word).includes(operation)) {
      return { type: 'invalid', message: `${word} has no read operation "${operation}" (Tab lists them)` };
    }
    return { type: 'operation', service: word, operation, args };
  }
  if (view) return { type: 'invalid', message: `not a region: "${rest[0]}"` };
  return { type: 'invalid', message: `unknown command "${word}" (try: ${[...commandWords.map((w) => w.trim()), ...resourceViews.map((v) => v.aliases[0])].join(', ')})` };
}

/** Every word the palette takes first: commands, then views by each alias. */
export function firstWords(): string[] {
  return [...commandWords, ...actionWords, ...resourceViews.flatMap((v) => v.aliases.map((a) => `${a} `))];
}

/**
 * Completion candidates for what is typed so far: command and view words, profile and region
 * names after `profile`/`region`/a view, a service's read operations after its name.
 */
export function commandCandidates(known: { profiles: string[]; regions: string[] }, text = ''): string[] {
  const [word = '', ...rest] = text.split(' ');
  if (rest.length === 0) {
    const words = firstWords();
    // Service names only once a word is typed (there are hundreds); `ec2` is a view and a service: listed once.
    return word ? [...new Set([...words, ...servicesStartingWith(word).map((s) => `${s} `)])] : words;
  }
  if (word === 'profile') return known.profiles.map((p) => `profile ${p}`);
  if (word === 'region') return known.regions.map((r) => `region ${r}`);
  const candidates: string[] = [];
  if (viewByAlias(word) && rest.length === 1) candidates.push(...known.regions.map((r) => `${word} ${r}`));
  if (isServiceName(word) && rest.length === 1) candidates.push(...readOperationNames(word).map((op) => `${word} ${op} `));
  return candidates;
}

function servicesStartingWith(prefix: string): string[] {
  return serviceNames().filter((s) => s.startsWith(prefix));
}
