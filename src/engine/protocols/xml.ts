// XML as an element tree (error bodies and other small documents; built on the strict pull reader in
// xml-cursor.ts, which rejects truncated or malformed input) and the writer for request bodies.
import { setOwn } from '../own-property.js';
import { EOF, START, END, XmlCursor } from './xml-cursor.js';

export interface XmlElement {
  /** Local name: a namespace prefix (`s3:Key`) is dropped, as ElementTree's `{uri}` is. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** All character data directly inside this element (CDATA included), untrimmed. */
  text: string;
}

export { XmlSyntaxError } from './xml-cursor.js';

/** Parse a whole document into a tree; throws XmlSyntaxError on anything malformed or truncated. */
export function parseXml(input: string | Buffer): XmlElement {
  const cursor = new XmlCursor(input);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (let event = cursor.next(); event !== EOF; event = cursor.next()) {
    if (event === START) {
      const element: XmlElement = { name: cursor.name, attributes: cursor.attributes(), children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(element);
      else root = element;
      stack.push(element);
    } else if (event === END) stack.pop();
    else stack[stack.length - 1].text += cursor.text();
  }
  return root!;
}

/** Children grouped by local name, in document order (ElementTree-style lookup). */
export function childrenByName(element: XmlElement): Map<string, XmlElement[]> {
  const byName = new Map<string, XmlElement[]>();
  for (const child of element.children) {
    const list = byName.get(child.name);
    if (list) list.push(child);
    else byName.set(child.name, [child]);
  }
  return byName;
}

// Error documents hold their code and message a few levels down; a hostile body nested thousands
// of levels deep must not overflow the stack, so deeper levels are not read.
const PLAIN_DEPTH = 100;

/**
 * Generic element → plain object (leaf text, nested objects), the first of repeated names winning.
 * An empty leaf is null, as ElementTree's `.text` is None there.
 */
export function elementToPlain(element: XmlElement, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (depth >= PLAIN_DEPTH) return out;
  for (const [name, [first]] of childrenByName(element)) {
    setOwn(out, name, first.children.length ? elementToPlain(first, depth + 1) : first.text === '' ? null : first.text);
  }
  return out;
}

// ---- writing ----

export interface XmlNode {
  name: string;
  attributes?: Record<string, string>;
  children?: XmlNode[];
  text?: string;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

/** Serialize without declaration or whitespace, as ElementTree.tostring does for a body. */
export function writeXml(node: XmlNode): string {
  const attrs = Object.entries(node.attributes ?? {})
    .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
    .join('');
  const inner = (node.text !== undefined ? escapeText(node.text) : '') + (node.children ?? []).map(writeXml).join('');
  return inner ? `<${node.name}${attrs}>${inner}</${node.name}>` : `<${node.name}${attrs} />`;
}
