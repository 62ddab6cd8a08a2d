// Profile-level edits beyond `aws configure set`, for the dashboard's profile manager: renaming a
// profile together with every `source_profile` that points at it, and writing a whole profile.
// Pure text → text transforms over one shared file; file-store.ts does the safe writing.
import { setOwn } from '../own-property.js';
import { parseIni } from './ini.js';
import { applyConfigUpdate, profileSectionName, removeSection, renameSection, type WriteValue, type WriteValues } from './writer.js';

export type ProfileFile = 'config' | 'credentials';

/** The section that holds `profile` in this file: `profile NAME`/`default` in config, `NAME` in credentials. */
export function profileSectionIn(file: ProfileFile, profile: string): string {
  return file === 'config' ? profileSectionName(profile) : profile;
}

/** Section headers (as written) whose `source_profile` is `name`. */
export function sectionsReferring(text: string, name: string): string[] {
  return parseIni(text, '<text>').sections
    .filter((section) => section.keys.get('source_profile')?.value === name)
    .map((section) => section.name);
}

/**
 * Renames `from` to `to` in one file: the section header is rewritten in place and every
 * `source_profile = from` becomes `source_profile = to`, so role profiles keep working.
 * Everything else (comments, order, other keys) stays byte for byte.
 */
export function renameProfileText(text: string | undefined, file: ProfileFile, from: string, to: string): string | undefined {
  if (text === undefined) return undefined;
  let out = text;
  // References first: after the header rename, a self-reference would name a section that moved.
  for (const section of sectionsReferring(text, from)) out = applyConfigUpdate(out, section, { source_profile: to });
  return renameSection(out, profileSectionIn(file, from), profileSectionIn(file, to));
}

/**
 * Makes `profile`'s section in this file hold exactly `values`: existing keys are rewritten in
 * place, keys not in `values` are removed, new ones added (the section is created if missing).
 * With no values the section goes away, so an empty header is never left behind.
 */
export function replaceProfileText(text: string | undefined, file: ProfileFile, profile: string, values: WriteValues): string {
  const section = profileSectionIn(file, profile);
  const existing = text === undefined ? undefined : parseIni(text, '<text>').sections.find((s) => s.name === section);
  if (Object.keys(values).length === 0) return text === undefined ? '' : removeSection(text, section);
  const update: WriteValues = {};
  for (const key of existing?.keys.keys() ?? []) if (!Object.hasOwn(values, key)) setOwn<WriteValue>(update, key, null);
  Object.assign(update, values);
  return applyConfigUpdate(text, section, update);
}
