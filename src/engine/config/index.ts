// Public surface of the shared config/credentials files: reading, settings, writing.
export { loadConfigFiles, readIniFile, stringValue, plainSection, type LoadedConfig, type Section, type SourcedValue, type ValueSource, type FileKind } from './files.js';
export { parseIni, ConfigParseError, type ParsedIni, type IniSection, type IniValue } from './ini.js';
export { resolveSettings, describeSource, isTrue, ProfileNotFoundError, InvalidConfigError, type ResolvedSettings, type Setting, type SettingSource, type GlobalFlags, type ResolveSettingsOptions } from './settings.js';
export { snakeServiceId, endpointEnvVarName } from './service-ids.js';
export * from './paths.js';
export { applyConfigUpdate, profileSectionName, sectionHeader, removeSection, renameSection, validateWrite, InvalidWriteError, type WriteValue, type WriteValues } from './writer.js';
export { writeChange, previewChange, atomicWrite, acquireLock, backupPath, resolveWriteTarget, type FileChange, type Transform } from './file-store.js';
export { updateSection, deleteSection, renameSectionIn, setProfileValues, deleteProfile, sharedFilePath, CREDENTIALS_FILE_KEYS, type SharedFile, type EditResult, type EditOptions } from './edits.js';
export { unifiedDiff, maskSecretLine } from './diff.js';
export { lintConfig, formatFindings, type LintFinding } from './lint.js';
