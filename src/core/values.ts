// Reading plain values that a schema has already checked: one place for the small casts.

export type Obj = Record<string, unknown>;

/** A value known (from its schema) to be a map. */
export const obj = (v: unknown): Obj => v as Obj;

/** A value that may be a list; anything else reads as empty. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The value when it is a string. */
export const optStr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** True for a map (not a list, not null). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
