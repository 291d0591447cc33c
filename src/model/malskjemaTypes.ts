// The målskjema part of the model (declared in types.ts with the rest of the model), by name.
export { LEVEL_IDS } from './types.js';
export type { LevelId, MalskjemaLevel, ColumnKind, MalskjemaColumn, MalskjemaStatus, MalskjemaConfig, MalskjemaCell, MalskjemaStrayKey, MalskjemaEntry, MalskjemaGroup, WrittenSum, Malskjema } from './types.js';
