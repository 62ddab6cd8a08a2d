// Turns a profile change from the dashboard into file edits through the engine's comment-preserving
// writer: a preview (masked unified diff per file) now, the locked atomic write on confirmation.
// Credentials keys go to the credentials file and the rest to the config file, as `aws configure set`.
import { loadConfigFiles, plainSection, type LoadedConfig, type Section } from '../engine/config/files.js';
import { CREDENTIALS_FILE_KEYS, sharedFilePath } from '../engine/config/edits.js';
import { previewChange, writeChange } from '../engine/config/file-store.js';
import { profileSectionIn, renameProfileText, replaceProfileText, type ProfileFile } from '../engine/config/profile-edits.js';
import { applyConfigUpdate, removeSection, type WriteValues } from '../engine/config/writer.js';
import type { PendingWrite, ProfileChange } from './engine-port.js';

interface FileEdit {
  file: ProfileFile;
  transform(text: string | undefined): string | undefined;
}

const isCredentialKey = (key: string) => CREDENTIALS_FILE_KEYS.includes(key);

/** Splits keys between the two files the way the CLI does. */
function splitValues(values: Record<string, string>): Record<ProfileFile, WriteValues> {
  const split: Record<ProfileFile, WriteValues> = { config: {}, credentials: {} };
  for (const [key, value] of Object.entries(values)) split[isCredentialKey(key) ? 'credentials' : 'config'][key] = value;
  return split;
}

/** A profile's keys as written in one file (secrets included: they go file to file, never to the UI). */
function keysIn(section: Section | undefined): WriteValues {
  return plainSection(section) as WriteValues;
}

function setValues(file: ProfileFile, profile: string, values: WriteValues): FileEdit[] {
  if (Object.keys(values).length === 0) return [];
  return [{ file, transform: (text) => applyConfigUpdate(text, profileSectionIn(file, profile), values) }];
}

function editsFor(change: ProfileChange, config: LoadedConfig): { title: string; edits: FileEdit[] } {
  const both = (transform: (file: ProfileFile, text: string) => string): FileEdit[] =>
    (['config', 'credentials'] as const).map((file) => ({ file, transform: (text) => (text === undefined ? undefined : transform(file, text)) }));
  switch (change.type) {
    case 'set': {
      const file: ProfileFile = isCredentialKey(change.key) ? 'credentials' : 'config';
      // An empty value removes the key: the editor's way to delete a line.
      const value = change.value === '' ? null : change.value;
      return { title: `${value === null ? 'Remove' : 'Set'} ${change.key} in ${change.profile}`, edits: setValues(file, change.profile, { [change.key]: value }) };
    }
    case 'create': {
      const split = splitValues(change.values);
      const edits = [...setValues('credentials', change.profile, split.credentials), ...setValues('config', change.profile, split.config)];
      // A profile with no keys yet still needs its header, so it exists.
      if (edits.length === 0) edits.push({ file: 'config', transform: (text) => `${text ?? ''}${text && !text.endsWith('\n') ? '\n' : ''}[${profileSectionIn('config', change.profile)}]\n` });
      return { title: `Create profile ${change.profile}`, edits };
    }
    case 'clone':
      return {
        title: `Clone ${change.from} as ${change.to}`,
        edits: [...setValues('credentials', change.to, keysIn(config.credentialsProfiles.get(change.from))), ...setValues('config', change.to, keysIn(config.configProfiles.get(change.from)))],
      };
    case 'rename': {
      const referrers = [...config.profiles.entries()].filter(([, s]) => s.get('source_profile')?.value === change.from).map(([name]) => name);
      const note = referrers.length ? ` (source_profile follows in ${referrers.join(', ')})` : '';
      return { title: `Rename ${change.from} to ${change.to}${note}`, edits: both((file, text) => renameProfileText(text, file, change.from, change.to)!) };
    }
    case 'delete': {
      const referrers = [...config.profiles.entries()].filter(([, s]) => s.get('source_profile')?.value === change.profile).map(([name]) => name);
      const note = referrers.length ? ` — ${referrers.join(', ')} use it as source_profile and will stop working` : '';
      return { title: `Delete profile ${change.profile}${note}`, edits: both((file, text) => removeSection(text, profileSectionIn(file, change.profile))) };
    }
    case 'make-default':
      // [default] becomes a copy of the profile in both files, so the merged default is exactly it.
      return {
        title: `Make ${change.profile} the default profile (copied into [default])`,
        edits: (['config', 'credentials'] as const).map((file) => ({
          file,
          transform: (text) => {
            const source = file === 'config' ? config.configProfiles.get(change.profile) : config.credentialsProfiles.get(change.profile);
            const values = keysIn(source);
            if (file === 'config' && values.source_profile === 'default') delete values.source_profile; // would point at itself
            return replaceProfileText(text, file, 'default', values);
          },
        })),
      };
  }
}

/** Plans a change: reads the files now for the diff; `apply` recomputes under the lock and writes. */
export function planProfileChange(env: NodeJS.ProcessEnv, change: ProfileChange): PendingWrite {
  const config = loadConfigFiles(env);
  const { title, edits } = editsFor(change, config);
  const planned = edits.map((edit) => {
    const path = sharedFilePath(env, edit.file);
    const transform = (text: string | undefined) => edit.transform(text) ?? text ?? '';
    return { path, transform, preview: previewChange(path, transform) };
  }).filter(({ preview }) => preview.after !== (preview.before ?? ''));
  if (planned.length === 0) throw new Error(`${title}: nothing would change in the files`);
  return {
    title,
    diff: planned.map(({ preview }) => preview.diff.trimEnd()).join('\n'),
    async apply() {
      for (const { path, transform } of planned) writeChange(path, transform);
    },
  };
}
