// Keys as the app sees them: one normalized name per keypress, whatever chunking the terminal did.
import type { Key } from 'ink';

/** A single keypress. `name` is what keymaps match ('j', 'G', 'enter', 'ctrl+q'); `text` is set for printable input. */
export interface KeyPress {
  name: string;
  text?: string;
}

const namedKeys: Array<[keyof Key, string]> = [
  ['upArrow', 'up'], ['downArrow', 'down'], ['leftArrow', 'left'], ['rightArrow', 'right'],
  ['pageUp', 'pageup'], ['pageDown', 'pagedown'], ['home', 'home'], ['end', 'end'],
  ['return', 'enter'], ['escape', 'escape'], ['tab', 'tab'], ['backspace', 'backspace'], ['delete', 'delete'],
];

/**
 * Turns one Ink input event into keypresses. A burst of printable characters (tmux `send-keys j j j`,
 * slow SSH links, paste) arrives as one string; splitting it keeps mode switches like `/` followed by
 * text in order.
 */
export function keyPressesFromInk(input: string, key: Key): KeyPress[] {
  for (const [flag, name] of namedKeys) {
    if (key[flag]) {
      // Many terminals send DEL (0x7f) for Backspace; Ink reports it as `delete`.
      if (name === 'delete' && input === '') return [{ name: 'backspace' }];
      return [{ name: key.shift && name === 'tab' ? 'shift+tab' : name }];
    }
  }
  if (key.ctrl && input.length > 0) return [{ name: `ctrl+${input.toLowerCase()}` }];
  if (input === '') return [];
  // Inside a burst, Ink leaves DEL/BS and Ctrl+letters as raw characters.
  return [...input].flatMap((char): KeyPress[] => {
    if (char === '\x7f' || char === '\b') return [{ name: 'backspace' }];
    // "123456⏎" typed fast or sent by tmux arrives as one chunk: the Enter must not be lost.
    if (char === '\r' || char === '\n') return [{ name: 'enter' }];
    if (char === '\t') return [{ name: 'tab' }];
    // ^q then a query typed while the app is busy reading pages is one chunk: dropping the ^q
    // would run the query's letters as commands (R reloads, e exports…).
    if (char >= '\x01' && char <= '\x1a') return [{ name: `ctrl+${String.fromCharCode(char.charCodeAt(0) + 96)}` }];
    if (char < ' ') return [];
    return [{ name: char, text: char }];
  });
}

const displayNames: Record<string, string> = {
  enter: '⏎', escape: 'esc', up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn',
  ' ': 'space',
};

/** How a key is shown in the footer and help: `ctrl+q` → `^q`. */
export function displayKey(name: string): string {
  if (name.startsWith('ctrl+')) return `^${name.slice(5)}`;
  return displayNames[name] ?? name;
}
