// The `:` command palette's language, parsed without Ink.

export type Command =
  | { type: 'view'; view: 'profiles' | 'errors' | 'why' }
  | { type: 'populate'; ssoSession?: string }
  | { type: 'help' }
  | { type: 'quit' }
  | { type: 'profile'; name: string }
  | { type: 'region'; name: string }
  | { type: 'invalid'; message: string };

export const commandWords = ['profiles', 'profile ', 'region ', 'populate', 'errors', 'why', 'help', 'quit'];

export function parseCommand(text: string, known: { profiles: string[]; regions: string[] }): Command {
  const [word = '', ...rest] = text.trim().split(/\s+/);
  const arg = rest.join(' ');
  switch (word) {
    case 'profiles': case 'home': return { type: 'view', view: 'profiles' };
    case 'errors': return { type: 'view', view: 'errors' };
    case 'why': case 'whoami': return { type: 'view', view: 'why' };
    case 'help': return { type: 'help' };
    case 'populate': return { type: 'populate', ssoSession: arg || undefined };
    case 'q': case 'quit': return { type: 'quit' };
    case 'profile':
      return known.profiles.includes(arg) ? { type: 'profile', name: arg } : { type: 'invalid', message: `no profile named "${arg}"` };
    case 'region':
      return /^[a-z]{2}(-[a-z]+)+-\d$/.test(arg) || known.regions.includes(arg)
        ? { type: 'region', name: arg } : { type: 'invalid', message: `not a region: "${arg}"` };
    default: return { type: 'invalid', message: `unknown command "${word}" (try: ${commandWords.map((w) => w.trim()).join(', ')})` };
  }
}

/** Completion candidates for Tab: the command words, then profile and region names after them. */
export function commandCandidates(known: { profiles: string[]; regions: string[] }): string[] {
  return [...commandWords, ...known.profiles.map((p) => `profile ${p}`), ...known.regions.map((r) => `region ${r}`)];
}
