// A strict pull reader over an XML document: start tags, end tags and character data, one event at
// a time. The tree builder (parseXml) and the shape-directed response reader (xml-shapes.ts) both
// walk it, so a document is checked the same way whichever reads it: truncated, mismatched or
// malformed input raises XmlSyntaxError. Reading a response straight into its shape, without an
// element tree in between, is what keeps a 1,000-key listing page cheap.
import { setOwn } from '../own-property.js';

export class XmlSyntaxError extends Error {}

export const EOF = 0;
export const START = 1;
export const END = 2;
export const TEXT = 3;
export type XmlEvent = typeof EOF | typeof START | typeof END | typeof TEXT;

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * A copy of a slice of the document. V8 keeps a slice as a view of the whole document, so one key
 * kept from a 1,000-key listing page would keep the entire page's text alive (100 pages held 20 MB).
 */
const detached = (slice: string) => (slice.length < 13 ? slice : (' ' + slice).slice(1));

export function decodeEntities(raw: string, at: number): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return detached(raw);
  // A scan, not a regular expression: every ETag of a listing page is written `&quot;…&quot;`.
  let out = '';
  let copied = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp + 1);
    const next = raw.indexOf('&', amp + 1);
    if (semi < 0 || (next >= 0 && next < semi)) throw new XmlSyntaxError(`bare '&' near offset ${at}`);
    out += raw.slice(copied, amp) + entityText(raw.slice(amp + 1, semi), at);
    copied = semi + 1;
    amp = next;
  }
  return detached(out + raw.slice(copied));
}

function entityText(entity: string, at: number): string {
  if (Object.hasOwn(NAMED_ENTITIES, entity)) return NAMED_ENTITIES[entity];
  const code = /^#x([0-9a-fA-F]+)$/.exec(entity)?.[1] ?? /^#([0-9]+)$/.exec(entity)?.[1];
  if (code === undefined) throw new XmlSyntaxError(`undefined entity &${entity}; near offset ${at}`);
  const point = parseInt(code, entity.startsWith('#x') ? 16 : 10);
  if (point > 0x10ffff) throw new XmlSyntaxError(`bad character reference &${entity};`);
  return String.fromCodePoint(point);
}

const NAME = '[A-Za-z_:][-A-Za-z0-9_:.]*';
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`, 'y');
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');

/** [A-Za-z_:] */
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a;
/** [-A-Za-z0-9_:.] */
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;

export class XmlCursor {
  private readonly doc: string;
  private pos = 0;
  /** Qualified names of the open elements, outermost first. */
  private readonly open: string[] = [];
  private rootSeen = false;
  /** A self-closing tag was just reported as START; its END comes next. */
  private pendingEnd = false;
  private rawAttributes = '';
  private tagAt = 0;
  private textStart = 0;
  private textEnd = 0;
  private decodedText: string | undefined;

  /** Local name of the element of the current START or END: a prefix (`s3:Key`) is dropped. */
  name = '';

  constructor(input: string | Buffer) {
    // XML parsers normalise line ends before anything else.
    const text = typeof input === 'string' ? input : input.toString('utf8');
    const unmarked = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    this.doc = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  }

  /** How many elements are open (the current START's element included). */
  get depth(): number {
    return this.open.length;
  }

  /** The attributes of the current START's element, entities decoded. */
  attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    if (!this.rawAttributes) return attributes;
    for (const attr of this.rawAttributes.matchAll(ATTRIBUTE)) setOwn(attributes, attr[1], decodeEntities(attr[2] ?? attr[3] ?? '', this.tagAt));
    return attributes;
  }

  /** The character data of the current TEXT event (a CDATA section is one event, not decoded). */
  text(): string {
    return this.decodedText ?? detached(this.doc.slice(this.textStart, this.textEnd));
  }

  /** The next event; EOF only once the whole document has been read and found well formed. */
  next(): XmlEvent {
    if (this.pendingEnd) {
      this.pendingEnd = false;
      this.open.pop();
      return END;
    }
    const doc = this.doc;
    while (this.pos < doc.length) {
      const at = this.pos;
      const lt = doc.indexOf('<', at);
      const textEnd = lt < 0 ? doc.length : lt;
      if (textEnd > at) {
        this.pos = textEnd;
        if (!this.open.length) {
          if (doc.slice(at, textEnd).trim()) throw new XmlSyntaxError(`text outside the root element at offset ${at}`);
          continue;
        }
        this.textStart = at;
        this.textEnd = textEnd;
        // Entities are checked as they are read, so a bad one fails whoever reads the document.
        const amp = doc.indexOf('&', at);
        this.decodedText = amp >= 0 && amp < textEnd ? decodeEntities(doc.slice(at, textEnd), at) : undefined;
        return TEXT;
      }
      const next = doc.charCodeAt(at + 1);
      if (next === 0x2f /* / */) return this.readEndTag(at);
      if (next !== 0x3f /* ? */ && next !== 0x21 /* ! */) return this.readStartTag(at);
      if (doc.startsWith('<?', at)) this.pos = this.expectEnd('?>', 'processing instruction') + 2;
      else if (doc.startsWith('<!--', at)) this.pos = this.expectEnd('-->', 'comment') + 3;
      else if (doc.startsWith('<![CDATA[', at)) {
        const end = this.expectEnd(']]>', 'CDATA section');
        if (!this.open.length) throw new XmlSyntaxError('CDATA outside the root element');
        this.textStart = at + 9;
        this.textEnd = end;
        this.decodedText = doc.slice(at + 9, end);
        this.pos = end + 3;
        return TEXT;
      } else {
        if (this.rootSeen || this.open.length) throw new XmlSyntaxError(`declaration inside the document at offset ${at}`);
        this.pos = this.expectEnd('>', 'declaration') + 1;
      }
    }
    if (this.open.length) throw new XmlSyntaxError(`document ends inside <${this.open[this.open.length - 1]}> (truncated?)`);
    if (!this.rootSeen) throw new XmlSyntaxError('no root element');
    return EOF;
  }

  /**
   * After a START: when the element holds nothing but character data (`<Key>text</Key>`, the
   * usual leaf), reads through its end and returns the text; otherwise reads nothing and returns
   * undefined. A listing has thousands of leaves, and this reads each in one step.
   */
  leafText(): string | undefined {
    if (this.pendingEnd) return undefined;
    const doc = this.doc;
    const at = this.pos;
    const lt = doc.indexOf('<', at);
    const open = this.open[this.open.length - 1];
    if (lt < 0 || doc.charCodeAt(lt + 1) !== 0x2f || !doc.startsWith(open, lt + 2) || doc.charCodeAt(lt + 2 + open.length) !== 0x3e) return undefined;
    const amp = doc.indexOf('&', at);
    const text = amp >= 0 && amp < lt ? decodeEntities(doc.slice(at, lt), at) : detached(doc.slice(at, lt));
    this.open.pop();
    this.pos = lt + 3 + open.length;
    return text;
  }

  /** After a START: reads through the end of that element, children and all (checked, not kept). */
  skipElement(): void {
    const depth = this.open.length;
    while (this.open.length >= depth) this.next();
  }

  /** Reads the rest of the document, which must hold nothing but comments and whitespace. */
  finish(): void {
    while (this.next() !== EOF);
  }

  private expectEnd(marker: string, what: string): number {
    const end = this.doc.indexOf(marker, this.pos);
    if (end < 0) throw new XmlSyntaxError(`unterminated ${what} at offset ${this.pos}`);
    return end;
  }

  private readStartTag(at: number): XmlEvent {
    const doc = this.doc;
    if (this.rootSeen && !this.open.length) throw new XmlSyntaxError(`junk after the root element at offset ${at}`);
    // `<Name>` and `<Name/>` are scanned by hand; anything with attributes or spaces by the pattern.
    let end = at + 1;
    if (isNameStart(doc.charCodeAt(end))) while (isNameChar(doc.charCodeAt(++end)));
    const after = doc.charCodeAt(end);
    let qualified: string;
    let selfClosing: boolean;
    if (end > at + 1 && after === 0x3e /* > */) {
      qualified = doc.slice(at + 1, end);
      selfClosing = false;
      this.rawAttributes = '';
      this.pos = end + 1;
    } else if (end > at + 1 && after === 0x2f && doc.charCodeAt(end + 1) === 0x3e) {
      qualified = doc.slice(at + 1, end);
      selfClosing = true;
      this.rawAttributes = '';
      this.pos = end + 2;
    } else {
      START_TAG.lastIndex = at;
      const match = START_TAG.exec(doc);
      if (!match) throw new XmlSyntaxError(`malformed start tag at offset ${at}`);
      qualified = match[1];
      selfClosing = match[3] === '/';
      this.rawAttributes = match[2];
      this.pos = at + match[0].length;
    }
    this.tagAt = at;
    // Attributes are decoded now so that a bad entity in one fails every reader alike.
    if (this.rawAttributes.includes('&')) this.attributes();
    this.rootSeen = true;
    this.open.push(qualified);
    this.name = qualified.includes(':') ? qualified.slice(qualified.indexOf(':') + 1) : qualified;
    this.pendingEnd = selfClosing;
    return START;
  }

  private readEndTag(at: number): XmlEvent {
    const doc = this.doc;
    const open = this.open.pop();
    // The usual `</Name>` is compared in place; anything else is cut out and trimmed first.
    if (open !== undefined && doc.startsWith(open, at + 2) && doc.charCodeAt(at + 2 + open.length) === 0x3e) {
      this.pos = at + 3 + open.length;
    } else {
      const end = this.expectEnd('>', 'end tag');
      const qualified = doc.slice(at + 2, end).trim();
      if (open !== qualified) {
        throw new XmlSyntaxError(`mismatched end tag </${qualified}> at offset ${at}${open !== undefined ? `, expected </${open}>` : ''}`);
      }
      this.pos = end + 1;
    }
    this.name = open!.includes(':') ? open!.slice(open!.indexOf(':') + 1) : open!;
    return END;
  }
}
