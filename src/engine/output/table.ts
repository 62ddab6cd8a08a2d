// `--output table` (reference §8.3): the response becomes titled sections, nested values become
// indented sub-sections, and everything is stretched to one common width.
import { displayWidth } from './display-width.js';
import { pyTypeName } from './text.js';
import { isDict, isFalsy, isScalar, sortedKeys, type PyDict, type PyValue } from './python-values.js';
import { TableSection, alignLeft, centerText, fitColumnWidths, toVerticalSection } from './table-layout.js';

export { TableRowError } from './table-layout.js';

export interface TableOptions {
  /** Columns of the terminal; the CLI uses 80 when stdout is not a TTY. */
  terminalWidth?: number;
  /** `--color on` (or auto on a TTY): blue data cells and dim yellow indentation pipes. */
  color?: boolean;
}

const DATA_STYLE = ['\x1b[1m\x1b[34m', '\x1b[0m'] as const;
const INDENT_STYLE = ['\x1b[2m\x1b[33m', '\x1b[0m'] as const;
const RESET = '\x1b[0m';

export function formatTable(value: PyValue, title: string, options: TableOptions = {}): string {
  const sections: TableSection[] = [];
  if (!new SectionBuilder(sections).build(title, value, 0)) return '';
  return renderSections(sections, options.terminalWidth ?? 80, options.color ?? false);
}

class SectionBuilder {
  constructor(private readonly sections: TableSection[]) {}

  private get current(): TableSection {
    return this.sections[this.sections.length - 1];
  }

  private open(title: string | null, indent: number): void {
    this.sections.push(new TableSection(title, indent));
  }

  /** `title` undefined continues the current section (items of a list of lists). */
  build(title: string | null | undefined, value: PyValue, indent: number): boolean {
    if (isFalsy(value)) return false;
    if (title !== undefined) this.open(title, indent);
    if (Array.isArray(value)) {
      if (isDict(value[0])) this.buildFromListOfDicts(value, indent, title ?? null);
      else this.buildFromListOfOthers(value);
    }
    if (isDict(value)) this.buildFromDict(value, indent);
    return true;
  }

  private buildFromDict(dict: PyDict, indent: number): void {
    const { scalarKeys, nestedKeys } = groupKeys(dict);
    if (scalarKeys.length === 1) {
      this.current.addRow([scalarKeys[0], dict[scalarKeys[0]]]);
    } else if (scalarKeys.length) {
      this.current.setHeaders(scalarKeys);
      this.current.addRow(scalarKeys.map((key) => dict[key]));
    }
    for (const key of nestedKeys) this.build(key, dict[key], indent + 1);
  }

  // Each element is a row; when elements have nested members, each element gets its own
  // section (same title and headers) followed by its nested sub-sections.
  private buildFromListOfDicts(list: PyValue[], indent: number, title: string | null): void {
    const scalarKeys = new Set<string>();
    const nestedKeys = new Set<string>();
    for (const element of list) {
      const groups = groupKeys(asDictForKeys(element));
      groups.scalarKeys.forEach((key) => scalarKeys.add(key));
      groups.nestedKeys.forEach((key) => nestedKeys.add(key));
    }
    const headers = sortedKeys(scalarKeys);
    const nested = sortedKeys(nestedKeys);
    this.current.setHeaders(headers);
    list.forEach((element, index) => {
      if (!isDict(element)) throw new Error(`'${pyTypeName(element)}' object has no attribute 'get'`);
      if (index > 0 && nested.length) {
        this.open(title, indent);
        this.current.setHeaders(headers);
      }
      this.current.addRow(headers.map((key) => (Object.hasOwn(element, key) ? element[key] : '')));
      for (const key of nested) if (Object.hasOwn(element, key)) this.build(key, element[key], indent + 1);
    });
  }

  private buildFromListOfOthers(list: PyValue[]): void {
    for (const item of list) {
      if (isScalar(item)) this.current.addRow([item]);
      // Iterating a dict yields its keys, so a dict item becomes a row of its key names.
      else if (isDict(item)) this.current.addRow(Object.keys(item));
      else if (item.every(isScalar)) this.current.addRow(item);
      else this.build(undefined, item, 0);
    }
  }
}

function groupKeys(dict: PyDict): { scalarKeys: string[]; nestedKeys: string[] } {
  const scalarKeys: string[] = [];
  const nestedKeys: string[] = [];
  for (const [key, member] of Object.entries(dict)) (isScalar(member) ? scalarKeys : nestedKeys).push(key);
  return { scalarKeys: sortedKeys(scalarKeys), nestedKeys: sortedKeys(nestedKeys) };
}

// A non-dict element in a list that starts with a dict makes the CLI fail with a Python TypeError;
// these are the messages it prints for the common cases.
function asDictForKeys(element: PyValue): PyDict {
  if (isDict(element)) return element;
  if (typeof element === 'string') {
    if (element === '') return {};
    throw new Error("string indices must be integers, not 'str'");
  }
  if (Array.isArray(element)) {
    // Iterating a list yields its items, which Python then uses as indexes into the same list.
    for (const item of element) {
      if (typeof item === 'bigint') {
        // Beyond 2^53, so beyond any list's end; beyond 64 bits it is not even a valid index.
        throw new Error(item >= 2n ** 63n || item < -(2n ** 63n) ? "cannot fit 'int' into an index-sized integer" : 'list index out of range');
      }
      const index = typeof item === 'boolean' ? Number(item) : item;
      if (typeof index !== 'number' || pyTypeName(index) !== 'int') {
        throw new Error(`list indices must be integers or slices, not ${pyTypeName(item)}`);
      }
      if (index >= element.length || index < -element.length) throw new Error('list index out of range');
    }
    return {};
  }
  throw new Error(`'${pyTypeName(element)}' object is not iterable`);
}

// With colour, the CLI's stdout is wrapped by colorama with autoreset, which appends a reset
// after every write: the top border, and per line the left pipes, the body, the right pipes and
// the newline are separate writes.
function renderSections(built: TableSection[], terminalWidth: number, color: boolean): string {
  let sections = built;
  let width = maxWidth(sections);
  if (width > terminalWidth) {
    sections = sections.map(toVerticalSection);
    width = maxWidth(sections);
  }
  const style = (pair: readonly [string, string], text: string) => (color ? pair[0] + text + pair[1] : text);
  const writes: string[] = ['-'.repeat(width) + '\n'];
  for (const section of sections) {
    const pipes = style(INDENT_STYLE, '|').repeat(section.indent);
    for (const line of renderSection(section, width - 2 * section.indent, (text) => style(DATA_STYLE, text))) {
      writes.push(pipes, line, pipes, '\n');
    }
  }
  return color ? writes.map((text) => text + RESET).join('') : writes.join('');
}

function maxWidth(sections: TableSection[]): number {
  return Math.max(...sections.map((section) => section.totalWidth()));
}

function renderSection(section: TableSection, width: number, styleCell: (text: string) => string): string[] {
  const lines: string[] = [];
  if (section.title) {
    lines.push(centerText(section.title, displayWidth(section.title), width, '|', '|'));
    if (section.headers.length === 0 && section.rows.length === 0) lines.push(`+${'-'.repeat(Math.max(0, width - 2))}+`);
  }
  const widths = fitColumnWidths(section.naturalWidths(), width);
  if (section.headers.length) {
    lines.push(separatorLine(widths));
    lines.push(
      zip(widths, section.headers)
        .map(([w, header], i) => centerText(header, displayWidth(header), w, i === 0 ? '|' : '', '|'))
        .join(''),
    );
  }
  if (section.rows.length && widths.length) {
    lines.push(separatorLine(widths));
    for (const row of section.rows) {
      lines.push(
        zip(widths, row)
          .map(([w, cell], i) => alignLeft(styleCell(cell), displayWidth(cell), w, i === 0 ? '|' : '', '|'))
          .join(''),
      );
    }
    lines.push(separatorLine(widths));
  }
  return lines;
}

function separatorLine(widths: number[]): string {
  return widths.map((w, i) => (i === 0 ? `+${dashes(w - 2)}+` : `${dashes(w - 1)}+`)).join('');
}

function dashes(count: number): string {
  return count > 0 ? '-'.repeat(count) : '';
}

function zip<T>(widths: number[], cells: T[]): [number, T][] {
  const length = Math.min(widths.length, cells.length);
  return Array.from({ length }, (_, i) => [widths[i], cells[i]]);
}
