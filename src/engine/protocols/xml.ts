// A small strict XML reader and writer. The parsers need element order, repeated elements and
// attributes, and must reject truncated documents, so the tree is kept exactly as written.

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

function decodeEntities(raw: string, at: number): string {
  return raw.replace(/&([^;&<]*);|&/g, (_match, entity: string | undefined) => {
    if (entity === undefined) throw new XmlSyntaxError(`bare '&' near offset ${at}`);
    if (entity in NAMED_ENTITIES) return NAMED_ENTITIES[entity];
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
  const stack: Array<XmlElement & { qualified: string }> = [];
  let root: XmlElement | undefined;
  let pos = 0;
  const expectEnd = (marker: string, what: string) => {
    const end = doc.indexOf(marker, pos);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what} at offset ${pos}`);
    return end;
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
      const open = stack.pop();
      if (!open || open.qualified !== qualified) {
        throw new XmlSyntaxError(`mismatched end tag </${qualified}> at offset ${pos}${open ? `, expected </${open.qualified}>` : ''}`);
      }
      pos = end + 1;
    } else {
      START_TAG.lastIndex = pos;
      const match = START_TAG.exec(doc);
      if (!match) throw new XmlSyntaxError(`malformed start tag at offset ${pos}`);
      if (root && !stack.length) throw new XmlSyntaxError(`junk after the root element at offset ${pos}`);
      const attributes: Record<string, string> = {};
      for (const attr of match[2].matchAll(ATTRIBUTE)) attributes[attr[1]] = decodeEntities(attr[2] ?? attr[3] ?? '', pos);
      const element = { name: localName(match[1]), qualified: match[1], attributes, children: [], text: '' };
      if (stack.length) stack[stack.length - 1].children.push(element);
      else root = element;
      if (!match[3]) stack.push(element);
      pos += match[0].length;
    }
  }
  if (stack.length) throw new XmlSyntaxError(`document ends inside <${stack[stack.length - 1].qualified}> (truncated?)`);
  if (!root) throw new XmlSyntaxError('no root element');
  return stripQualified(root);
}

function stripQualified(element: XmlElement & { qualified?: string }): XmlElement {
  delete element.qualified;
  element.children.forEach(stripQualified);
  return element;
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

/**
 * Generic element → plain object (leaf text, nested objects), the first of repeated names winning.
 * An empty leaf is null, as ElementTree's `.text` is None there.
 */
export function elementToPlain(element: XmlElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, [first]] of childrenByName(element)) {
    out[name] = first.children.length ? elementToPlain(first) : first.text === '' ? null : first.text;
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
