// Public surface of the shared config/credentials files: reading, settings, writing.
export { loadConfigFiles, readIniFile, stringValue, plainSection, type LoadedConfig, type Section, type SourcedValue, type ValueSource, type FileKind } from './files.js';
export { parseIni, ConfigParseError, type ParsedIni, type IniSection, type IniValue } from './ini.js';
export { resolveSettings, describeSource, isTrue, ProfileNotFoundError, InvalidConfigError, type ResolvedSettings, type Setting, type SettingSource, type GlobalFlags, type ResolveSettingsOptions } from './settings.js';
export { snakeServiceId, endpointEnvVarName } from './service-ids.js';
export * from './paths.js';
