// The section model behind `--output table` and the arithmetic that lays it out (reference §8.3).
import { displayWidth } from './display-width.js';
import { pyStr, type PyValue } from './python-values.js';

export class TableRowError extends Error {
  override name = 'TableRowError';
}

/** One titled block of the table. `title` null mirrors Python's None (it is measured as "None"). */
export class TableSection {
  headers: string[] = [];
  rows: string[][] = [];
  private columnCount: number | undefined;
  private widestCells: number[] = [];

  constructor(readonly title: string | null, readonly indent: number) {}

  setHeaders(headers: string[]): void {
    this.updateWidest(headers);
    this.columnCount ??= headers.length;
    this.headers = headers;
  }

  addRow(values: PyValue[]): void {
    this.columnCount ??= values.length;
    if (values.length !== this.columnCount) {
      throw new TableRowError(`Row should have ${this.columnCount} elements, instead it has ${values.length}`);
    }
    const cells = values.map(pyStr);
    this.rows.push(cells);
    this.updateWidest(cells);
  }

  /** Natural column widths: the widest cell or header plus 4. */
  naturalWidths(): number[] {
    return this.widestCells.map((w) => w + 4);
  }

  /** Width the section needs, borders and indentation pipes included. */
  totalWidth(): number {
    const columns = this.naturalWidths().reduce((sum, w) => sum + w, 0) + 2 + 2 * this.indent;
    const titleOnly = displayWidth(this.title ?? 'None') + 2 + 2 * this.indent;
    return Math.max(titleOnly, columns);
  }

  private updateWidest(cells: string[]): void {
    if (this.widestCells.length === 0) {
      this.widestCells = cells.map(displayWidth);
      return;
    }
    cells.forEach((cell, i) => {
      // A header row longer than the rows already present: Python fails indexing its width list.
      if (i >= this.widestCells.length) throw new Error('list index out of range');
      this.widestCells[i] = Math.max(displayWidth(cell), this.widestCells[i]);
    });
  }
}

/** A single-row section with headers becomes `header | value` rows (used when the table is too wide). */
export function toVerticalSection(section: TableSection): TableSection {
  if (section.rows.length !== 1 || section.headers.length === 0) return section;
  const vertical = new TableSection(section.title, section.indent);
  const row = section.rows[0];
  const pairs = Math.min(section.headers.length, row.length);
  for (let i = 0; i < pairs; i++) vertical.addRow([section.headers[i], row[i]]);
  return vertical;
}

/**
 * Stretches natural widths to exactly `target` columns: scale, round half to even (Python round),
 * then take the rounding error off the first columns or give it to the last ones.
 */
export function fitColumnWidths(natural: number[], target: number): number[] {
  if (natural.length === 0) return [];
  const scale = target / natural.reduce((sum, w) => sum + w, 0);
  const widths = natural.map((w) => roundHalfEven(scale * w));
  let excess = widths.reduce((sum, w) => sum + w, 0) - target;
  while (excess !== 0) {
    const order = [...widths.keys()];
    if (excess < 0) order.reverse();
    for (const i of order) {
      if (excess > 0) {
        widths[i] -= 1;
        excess -= 1;
      } else {
        widths[i] += 1;
        excess += 1;
      }
      if (excess === 0) break;
    }
  }
  return widths;
}

export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const fraction = value - floor;
  if (fraction < 0.5) return floor;
  if (fraction > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** `|   text   |` over `length` columns; the text starts at length//2 - width//2 - 1. */
export function centerText(text: string, textWidth: number, length: number, leftEdge: string, rightEdge: string): string {
  const start = Math.floor(length / 2) - Math.floor(textWidth / 2) - 1;
  const used = displayWidth(leftEdge) + start + textWidth;
  const rightSpaces = length - displayWidth(rightEdge) - used;
  return leftEdge + spaces(start) + text + spaces(rightSpaces) + rightEdge;
}

/** Left-aligned cell with two spaces of padding, or none when the text would not fit. */
export function alignLeft(text: string, textWidth: number, length: number, leftEdge: string, rightEdge: string): string {
  const padding = length - (textWidth + 2 + displayWidth(leftEdge) + displayWidth(rightEdge)) >= 0 ? 2 : 0;
  const used = leftEdge.length + padding + textWidth;
  return leftEdge + spaces(padding) + text + spaces(length - used - rightEdge.length) + rightEdge;
}

// Python's ' ' * n is empty for negative n.
function spaces(count: number): string {
  return count > 0 ? ' '.repeat(count) : '';
}
