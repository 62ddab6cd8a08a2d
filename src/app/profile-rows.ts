// Projects profiles and their identity states into the compact rows the home table draws.
import type { ProfileKind, ProfileSummary } from './engine-port.js';
import { principalOf, stateLabel, type IdentityState } from './identity-state.js';
import { matchesFilter } from './line-buffer.js';
import { visibleText } from './sanitize.js';
import type { Column } from './table-layout.js';
import type { Token } from './theme.js';

export const profileColumns: Column[] = [
  { id: 'name', title: 'PROFILE', min: 8, max: 28, grow: 1 },
  { id: 'type', title: 'TYPE', min: 12, max: 14 },
  { id: 'state', title: 'STATE', min: 11, max: 30, grow: 1 },
  { id: 'account', title: 'ACCOUNT', min: 7, max: 12 },
  { id: 'principal', title: 'PRINCIPAL', min: 9, max: 40, grow: 2 },
  { id: 'region', title: 'REGION', min: 6, max: 14 },
];

const kindLabels: Record<ProfileKind, string> = {
  static: 'static keys', session: 'MFA session', sso: 'SSO', 'assume-role': 'role', process: 'cred process',
  'web-identity': 'web identity', environment: 'environment', unknown: '?',
};

export interface ProfileRow {
  name: string;
  summary: ProfileSummary;
  state?: IdentityState;
  cells: string[];
  tone: Token;
}

const toneOf = (state: IdentityState | undefined): Token => {
  switch (state?.status) {
    case 'valid': return 'ok';
    case 'needs-mfa': case 'needs-login': case 'expired': return 'warn';
    case 'error': return 'danger';
    default: return 'muted';
  }
};

export function profileRows(profiles: ProfileSummary[], identities: Record<string, IdentityState>, filter: string, now: number, active?: string, picked: readonly string[] = []): ProfileRow[] {
  const rows: ProfileRow[] = [];
  for (const summary of profiles) {
    const state = identities[summary.name];
    // Plain ASCII keeps Ink's per-frame width measuring on its fast path (see table-layout.ts).
    const isPicked = picked.includes(summary.name);
    const marker = isPicked ? '+' : summary.name === active ? '>' : summary.isDefault ? '*' : ' ';
    const lintNote = summary.lint.length ? ` !${summary.lint.length}` : '';
    const kind = kindLabels[summary.kind] + (summary.kind === 'assume-role' && summary.mfaSerial ? '+MFA' : '');
    // Every cell comes from the config files or a service: drawn (and measured) only escaped.
    const cells = [
      `${marker}${visibleText(summary.name)}`, kind, visibleText(stateLabel(state, now)) + lintNote,
      visibleText(state?.identity?.account ?? ''), visibleText(principalOf(state?.identity?.arn)), visibleText(summary.region ?? ''),
    ];
    if (filter && !matchesFilter(cells.join(' '), filter)) continue;
    rows.push({ name: summary.name, summary, state, cells, tone: isPicked ? 'accent' : toneOf(state) });
  }
  return rows;
}

/** Facts about a row that decide which fix-keys apply (see the registry's `when`). */
export function rowFacts(row: ProfileRow | undefined): Record<string, string | boolean | undefined> | undefined {
  if (!row) return undefined;
  return {
    kind: row.summary.kind,
    state: row.state?.status ?? 'unchecked',
    needsMfa: String(Boolean(row.summary.mfaSerial) && row.state?.status !== 'valid'),
  };
}
