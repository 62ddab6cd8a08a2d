// A small strict XML reader and writer. The parsers need element order, repeated elements and
// attributes, and must reject truncated documents, so the tree is kept exactly as written.
import { setOwn } from '../own-property.js';

export interface XmlElement {
  /** Local name: a namespace prefix (`s3:Key`) is dropped, as ElementTree's `{uri}` is. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** All character data directly inside this element (CDATA included), untrimmed. */
  text: string;
}

export class XmlSyntaxError extends Error {}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A copy of a slice of the document. V8 keeps a slice as a view of the whole document, so one key
 * kept from a 1,000-key listing page would keep the entire page's text alive (100 pages held 20 MB).
 */
const detached = (slice: string) => (slice.length < 13 ? slice : (' ' + slice).slice(1));

function decodeEntities(raw: string, at: number): string {
  if (!raw.includes('&')) return detached(raw);
  return raw.replace(/&([^;&<]*);|&/g, (_match, entity: string | undefined) => {
    if (entity === undefined) throw new XmlSyntaxError(`bare '&' near offset ${at}`);
    if (Object.hasOwn(NAMED_ENTITIES, entity)) return NAMED_ENTITIES[entity];
    const code = /^#x([0-9a-fA-F]+)$/.exec(entity)?.[1] ?? /^#([0-9]+)$/.exec(entity)?.[1];
    if (code === undefined) throw new XmlSyntaxError(`undefined entity &${entity}; near offset ${at}`);
    const point = parseInt(code, entity.startsWith('#x') ? 16 : 10);
    if (point > 0x10ffff) throw new XmlSyntaxError(`bad character reference &${entity};`);
    return String.fromCodePoint(point);
  });
}

const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');

/** Parse a whole document; throws XmlSyntaxError on anything malformed or truncated. */
export function parseXml(input: string | Buffer): XmlElement {
  // XML parsers normalise line ends before anything else.
  const doc = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const stack: XmlElement[] = [];
  const qualifiedNames: string[] = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const expectEnd = (marker: string, what: string) => {
    const end = doc.indexOf(marker, pos);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what} at offset ${pos}`);
    return end;
  };
  /** Reads the start tag at `at`, opens its element and returns the offset after it. */
  const readStartTag = (at: number): number => {
    START_TAG.lastIndex = at;
    const match = START_TAG.exec(doc);
    if (!match) throw new XmlSyntaxError(`malformed start tag at offset ${at}`);
    if (root && !stack.length) throw new XmlSyntaxError(`junk after the root element at offset ${at}`);
    const attributes: Record<string, string> = {};
    if (match[2]) for (const attr of match[2].matchAll(ATTRIBUTE)) attributes[attr[1]] = decodeEntities(attr[2] ?? attr[3] ?? '', at);
    const element: XmlElement = { name: localName(match[1]), attributes, children: [], text: '' };
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    if (!match[3]) {
      stack.push(element);
      qualifiedNames.push(match[1]);
    }
    return at + match[0].length;
  };
  while (pos < doc.length) {
    const lt = doc.indexOf('<', pos);
    const textEnd = lt < 0 ? doc.length : lt;
    if (textEnd > pos) {
      const raw = doc.slice(pos, textEnd);
      if (stack.length) stack[stack.length - 1].text += decodeEntities(raw, pos);
      else if (raw.trim()) throw new XmlSyntaxError(`text outside the root element at offset ${pos}`);
      pos = textEnd;
      continue;
    }
    const next = doc.charCodeAt(pos + 1);
    if (next !== 0x3f /* ? */ && next !== 0x21 /* ! */ && next !== 0x2f /* / */) {
      pos = readStartTag(pos);
      continue;
    }
    if (doc.startsWith('<?', pos)) pos = expectEnd('?>', 'processing instruction') + 2;
    else if (doc.startsWith('<!--', pos)) pos = expectEnd('-->', 'comment') + 3;
    else if (doc.startsWith('<![CDATA[', pos)) {
      const end = expectEnd(']]>', 'CDATA section');
      if (!stack.length) throw new XmlSyntaxError('CDATA outside the root element');
      stack[stack.length - 1].text += doc.slice(pos + 9, end);
      pos = end + 3;
    } else if (doc.startsWith('<!', pos)) {
      if (root || stack.length) throw new XmlSyntaxError(`declaration inside the document at offset ${pos}`);
      pos = expectEnd('>', 'declaration') + 1;
    } else if (doc.startsWith('</', pos)) {
      const end = expectEnd('>', 'end tag');
      const qualified = doc.slice(pos + 2, end).trim();
      const open = qualifiedNames.pop();
      stack.pop();
      if (open !== qualified) {
        throw new XmlSyntaxError(`mismatched end tag </${qualified}> at offset ${pos}${open !== undefined ? `, expected </${open}>` : ''}`);
      }
      pos = end + 1;
    } else pos = readStartTag(pos);
  }
  if (stack.length) throw new XmlSyntaxError(`document ends inside <${qualifiedNames[qualifiedNames.length - 1]}> (truncated?)`);
  if (!root) throw new XmlSyntaxError('no root element');
  return root;
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

export function findChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
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
