// Plain values before any schema has checked them (the loader follows references in raw YAML).
// After the schema check, values are read through model/reader.ts instead.

export type Obj = Record<string, unknown>;

/** True for a map (not a list, not null). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
