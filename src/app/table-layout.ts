// Pure table formatting: column widths from content and the available width, one padded string per
// row, and which slice of rows is visible. The table component only draws these strings.

export interface Column {
  id: string;
  title: string;
  /** Never narrower than this. */
  min: number;
  /** Never wider than this (content permitting). */
  max?: number;
  /** Share of leftover space; 0 = never grows past its content. */
  grow?: number;
  align?: 'left' | 'right';
}

const wideRanges: Array<[number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f],
  [0xff00, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

/** Terminal cells taken by a string: CJK and emoji are two, combining marks zero. */
export function cellWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x300 && code <= 0x36f) || code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f)) continue;
    width += wideRanges.some(([lo, hi]) => code >= lo && code <= hi) ? 2 : 1;
  }
  return width;
}

/**
 * Cuts or pads to exactly `width` cells; cut text ends in `~`. ASCII on purpose: Ink measures every
 * line of every frame with string-width, whose fast path takes printable ASCII only, and one `…` in a
 * row made a 500-profile keypress several times slower.
 */
export function fitCell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  let used = cellWidth(text);
  let out = text;
  if (used > width) {
    out = '';
    used = 0;
    for (const char of text) {
      const w = cellWidth(char);
      if (used + w > width - 1) break;
      out += char;
      used += w;
    }
    out += '~';
    used += 1;
  }
  const pad = ' '.repeat(width - used);
  return align === 'right' ? pad + out : out + pad;
}

const gap = 2;

/**
 * Widths for each column: start from the wider of title and content (capped by `max`), shrink the
 * widest columns toward their `min` when the screen is narrow, and hand spare cells to `grow` columns.
 */
export function columnWidths(columns: Column[], rows: string[][], totalWidth: number): number[] {
  const natural = columns.map((col, i) => {
    let widest = cellWidth(col.title);
    for (const row of rows) widest = Math.max(widest, cellWidth(row[i] ?? ''));
    return widest;
  });
  return fitWidths(columns, natural, totalWidth);
}

/** Widths from each column's widest content (`natural`, kept up to date by whoever holds the rows). */
export function fitWidths(columns: Column[], natural: number[], totalWidth: number, options: { hideOverflow?: boolean } = {}): number[] {
  const widths = columns.map((col, i) => Math.max(col.min, Math.min(natural[i] ?? col.min, col.max ?? Infinity)));
  const shown = () => widths.filter((w) => w > 0).length;
  const used = () => widths.reduce((a, b) => a + b, 0) + gap * (shown() - 1);
  let excess = used() - totalWidth;
  if (options.hideOverflow && excess > 0) {
    // Growing columns (names, descriptions) give way first; then the rightmost columns are hidden
    // whole, as k9s does, rather than every column being cut to the same stub.
    for (let i = 0; i < columns.length && excess > 0; i++) {
      if (!columns[i].grow) continue;
      const give = Math.min(excess, widths[i] - columns[i].min);
      widths[i] -= give;
      excess -= give;
    }
    for (let i = columns.length - 1; i > 0 && excess > 0; i--) {
      widths[i] = 0;
      excess = used() - totalWidth;
    }
  }
  const available = totalWidth - gap * (shown() - 1);
  excess = widths.reduce((a, b) => a + b, 0) - available;
  while (excess > 0) {
    let widest = -1;
    widths.forEach((w, i) => { if (w > columns[i].min && (widest < 0 || w > widths[widest])) widest = i; });
    if (widest < 0) break;
    widths[widest] -= 1;
    excess -= 1;
  }
  const growers = columns.map((c, i) => (c.grow && widths[i] > 0 ? i : -1)).filter((i) => i >= 0);
  if (excess < 0 && growers.length) {
    const spare = -excess;
    const totalGrow = growers.reduce((s, i) => s + (columns[i].grow ?? 0), 0);
    let given = 0;
    growers.forEach((i, n) => {
      const share = n === growers.length - 1 ? spare - given : Math.floor((spare * (columns[i].grow ?? 0)) / totalGrow);
      widths[i] += share;
      given += share;
    });
  }
  return widths;
}

export function formatRow(cells: string[], columns: Column[], widths: number[]): string {
  // A width of 0 is a hidden column (no room for it).
  return columns.flatMap((col, i) => (widths[i] > 0 ? [fitCell(cells[i] ?? '', widths[i], col.align)] : [])).join(' '.repeat(gap));
}

/** First visible row so that `selected` is on screen, moving the window as little as possible. */
export function windowStart(selected: number, previousStart: number, height: number, total: number): number {
  if (total <= height) return 0;
  let start = previousStart;
  if (selected < start) start = selected;
  if (selected >= start + height) start = selected - height + 1;
  return Math.max(0, Math.min(start, total - height));
}
