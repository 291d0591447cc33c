// How a målskjema's declared levels become its tables: with three levels below the hovudmål the
// first gives each table its title row; the next to last gives the rows (with the status); the last
// gives the lines inside a row, which hold the columns. With one level the rows hold the columns.
import type { MalskjemaConfig, MalskjemaEntry, MalskjemaLevel } from './malskjemaTypes.js';

/** The roles of the declared levels below the hovudmål. */
export interface MalskjemaShape {
  readonly title?: MalskjemaLevel;
  readonly row?: MalskjemaLevel;
  readonly line?: MalskjemaLevel;
}

export function shapeOf(config: MalskjemaConfig): MalskjemaShape {
  const below = config.levels.filter((l) => l.id !== 'hovudmal');
  if (below.length >= 3) return { title: below[0]!, row: below[1]!, line: below[2]! };
  if (below.length === 2) return { row: below[0]!, line: below[1]! };
  return below.length === 1 ? { row: below[0]! } : {};
}

/** Every entry of a målskjema, depth first in file order. */
export function allEntries(entries: readonly MalskjemaEntry[]): MalskjemaEntry[] {
  return entries.flatMap((e) => [e, ...allEntries(e.groups.flatMap((g) => g.entries))]);
}
