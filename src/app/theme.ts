// One theme of semantic colour tokens. Components ask for `ok` or `danger`, never for `green`.
// With NO_COLOR every token is uncoloured; selection stays visible through inverse video.

export interface TextStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

export type Token =
  | 'text' | 'muted' | 'accent' | 'ok' | 'warn' | 'danger' | 'info'
  | 'selection' | 'header' | 'badgeDemo' | 'badgeReadOnly' | 'key' | 'modalBorder';

export type Theme = Record<Token, TextStyle>;

const colourTheme: Theme = {
  text: {},
  muted: { dimColor: true },
  accent: { color: 'cyan' },
  ok: { color: 'green' },
  warn: { color: 'yellow' },
  danger: { color: 'red' },
  info: { color: 'blue' },
  selection: { inverse: true },
  header: { bold: true },
  badgeDemo: { color: 'black', backgroundColor: 'magenta', bold: true },
  badgeReadOnly: { color: 'black', backgroundColor: 'yellow', bold: true },
  key: { color: 'cyan', bold: true },
  modalBorder: { color: 'cyan' },
};

const plainTheme: Theme = {
  text: {}, muted: {}, accent: {}, ok: {}, warn: {}, danger: {}, info: {},
  selection: { inverse: true }, header: { bold: true }, badgeDemo: { inverse: true }, badgeReadOnly: { inverse: true },
  key: { bold: true }, modalBorder: {},
};

/** https://no-color.org: any non-empty NO_COLOR disables colour. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
  return env.NO_COLOR ? plainTheme : colourTheme;
}

/** The border colour of boxes, which Ink takes as a plain colour name. */
export function borderColour(theme: Theme): string | undefined {
  return theme.modalBorder.color;
}
