// Entry points for turning a command line into operation parameters (used by src/cli/main.ts).
export { parseGlobalArgs, splitOperation, checkChoice, GLOBAL_OPTION_SPECS, OUTPUT_CHOICES } from './global-args.js';
export type { GlobalOptions, GlobalParseResult } from './global-args.js';
export { parseOperationArgs, modelOperationName } from './operation-args.js';
export type { OperationArgs, OperationParseOptions, PagingOptions } from './operation-args.js';
export { CliArgumentError, formatCliError, paramError, usageText } from './errors.js';
export type { CliErrorStyle } from './errors.js';
export { xformName, memberFlag, operationNameMaps, operationCliNames } from './xform-name.js';
export { closeMatches } from './close-matches.js';
export { ShorthandParser, ShorthandParseError } from './shorthand.js';
export { parsePythonJson, PythonJsonError } from './python-json.js';
export { buildArgTable } from './arg-table.js';
export type { ArgDef, ArgTable } from './arg-table.js';
