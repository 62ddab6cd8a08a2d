// Object tags: from PutObject's x-amz-tagging header (a URL query string) or PutObjectTagging's
// TagSet, checked as S3 checks them (at most 10, unique keys, lengths, characters, no `aws:` prefix).
import type { Tag } from '../state.js';
import { fault } from '../fault.js';

const MAX_TAGS = 10;
/** Letters, digits and spaces of any script, and `_ . : / = + - @`. */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

export function checkedTags(tags: Tag[]): Tag[] {
  if (tags.length > MAX_TAGS) throw fault('BadRequest', `Object tags cannot be greater than ${MAX_TAGS}`);
  const keys = new Set<string>();
  for (const { Key, Value } of tags) {
    if (keys.has(Key)) throw fault('InvalidTag', 'Cannot provide multiple Tags with the same key');
    keys.add(Key);
    if (Key.toLowerCase().startsWith('aws:')) throw fault('InvalidTag', 'Your TagKey cannot be prefixed with aws:');
    if ([...Key].length > 128) throw fault('InvalidTag', 'The TagKey you have provided is too long, max 128');
    if ([...Value].length > 256) throw fault('InvalidTag', 'The TagValue you have provided is too long, max 256');
    if (!TAG_TEXT.test(Key)) throw fault('InvalidTag', 'The TagKey you have provided is invalid');
    if (!TAG_TEXT.test(Value)) throw fault('InvalidTag', 'The TagValue you have provided is invalid');
  }
  return tags.map(({ Key, Value }) => ({ Key, Value: Value ?? '' }));
}

/** `x-amz-tagging: team=data&classification=internal`, decoded as a form query (`+` is a space). */
export function tagsFromHeader(header: unknown): Tag[] {
  if (typeof header !== 'string' || header === '') return [];
  return checkedTags([...new URLSearchParams(header)].map(([Key, Value]) => ({ Key, Value })));
}

/** PutObjectTagging's body, bound from the model: `{ TagSet: [{Key, Value}] }`. */
export function tagsFromTagging(tagging: unknown): Tag[] {
  const set = (tagging as { TagSet?: Tag[] } | undefined)?.TagSet;
  if (!Array.isArray(set)) throw fault('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  return checkedTags(set);
}
