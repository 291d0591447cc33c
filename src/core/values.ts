// Plain values before any schema has checked them (the loader follows references in raw YAML).
// After the schema check, values are read through model/reader.ts instead.

export type Obj = Record<string, unknown>;

/** True for a map (not a list, not null). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Calls `visit` with every string in a plain value and its path of keys and list indexes. */
export function walkStrings(v: unknown, at: (string | number)[], visit: (s: string, at: (string | number)[]) => void): void {
  if (typeof v === 'string') visit(v, at);
  else if (Array.isArray(v)) v.forEach((x, i) => walkStrings(x, [...at, i], visit));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walkStrings(x, [...at, k], visit);
}
