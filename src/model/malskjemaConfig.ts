// The målskjema configuration of a plan: `malskjema:` in plan.yaml, else in the kommune profile,
// else the neutral defaults (hovudmål → mål → delmål → tiltak, an ansvar column, a mark per year,
// no status vocabulary). Each of levels, columns and status is taken whole from the first that has it.
import type { Reader } from './reader.js';
import type { Language } from './types.js';
import { LEVEL_IDS, type ColumnKind, type LevelId, type MalskjemaColumn, type MalskjemaConfig, type MalskjemaLevel, type MalskjemaStatus } from './malskjemaTypes.js';

const COLUMN_KINDS = ['text', 'mark', 'amount', 'mark-or-amount'] as const;

/** The configuration used when a plan declares none. */
export const DEFAULT_MALSKJEMA: MalskjemaConfig = {
  levels: LEVEL_IDS.map((id) => ({ id })),
  columns: [{ id: 'ansvar', kind: 'text' }, { id: 'ar', kind: 'mark' }],
  status: [],
};

/** A word as written: one string, or one per language form (the other form when the plan's is missing). */
function words(r: Reader, language: Language): string | undefined {
  if (r.kind === 'string') return r.str();
  if (r.kind !== 'map') return undefined;
  return r.at(language).optStr() ?? r.at(language === 'nn' ? 'nb' : 'nn').optStr();
}

function levelsOf(r: Reader, language: Language): MalskjemaLevel[] {
  const levels = r.items().map((l): MalskjemaLevel => {
    const label = words(l.at('label'), language);
    const group = words(l.at('group'), language);
    return { id: l.at('id').oneOf(LEVEL_IDS), ...(label !== undefined ? { label } : {}), ...(group !== undefined ? { group } : {}) };
  });
  // Outermost first, whatever order they are written in; a level written twice counts once.
  return LEVEL_IDS.flatMap((id: LevelId) => levels.filter((l) => l.id === id).slice(0, 1));
}

/**
 * Each id once, as first written: an id written again is an error (validate/listIds.ts), and the
 * checks of the målskjema read the declaration that message points to.
 */
const firstOfEach = <T extends { readonly id: string }>(list: readonly T[]): T[] => list.filter((x, i) => list.findIndex((y) => y.id === x.id) === i);

function columnsOf(r: Reader, language: Language): MalskjemaColumn[] {
  return firstOfEach(r.items().map((c) => {
    const header = words(c.at('header'), language);
    const kind: ColumnKind = c.at('kind').oneOf(COLUMN_KINDS);
    return { id: c.at('id').str(), kind, ...(header !== undefined ? { header } : {}) };
  }));
}

function statusOf(r: Reader, language: Language): MalskjemaStatus[] {
  return firstOfEach(r.items().map((s) => {
    const id = s.at('id').str();
    const colour = s.at('colour').optStr();
    const description = words(s.at('description'), language);
    return {
      id, label: words(s.at('label'), language) ?? id, ...(colour ? { colour } : {}), ...(description !== undefined ? { description } : {}),
      leftOutOfVedtak: s.at('omit_in_vedtak').flag(),
    };
  }));
}

/**
 * The configuration from the målskjema file's `config:`, plan.yaml's and the profile's `malskjema:`
 * (readers of sound values, or absent), the first that has a part giving it.
 */
export function malskjemaConfig(plan: Reader | undefined, profile: Reader | undefined, language: Language, file?: Reader): MalskjemaConfig {
  const from = [file, plan, profile].filter((r): r is Reader => r !== undefined && r.kind === 'map');
  const pick = <T>(key: string, read: (r: Reader, l: Language) => T, fallback: T): T => {
    const src = from.find((r) => r.has(key));
    return src ? read(src.at(key), language) : fallback;
  };
  const declared = from[0];
  return {
    levels: pick('levels', levelsOf, DEFAULT_MALSKJEMA.levels),
    columns: pick('columns', columnsOf, DEFAULT_MALSKJEMA.columns),
    status: pick('status', statusOf, DEFAULT_MALSKJEMA.status),
    ...(declared ? { span: declared.span(true) } : {}),
  };
}
