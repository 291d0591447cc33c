// The block kinds a chapter may hold and the files they reference: one table for the loader (which
// follows the references) and the model (which builds each kind). The schema lists the same keys.
import type { FileKind } from './yamlFile.js';

/** The key a block is written with (a block is a map with exactly one of these keys). */
export type BlockKey =
  | 'p' | 'heading' | 'list' | 'numbered' | 'lettered' | 'checklist' | 'quote' | 'note'
  | 'table' | 'chart' | 'trapp' | 'image' | 'fakta' | 'framdrift' | 'milepelar'
  | 'budsjett' | 'budsjettgraf' | 'satsing' | 'malskjema' | 'planliste' | 'statusforklaring' | 'kjelder';

/** What a block key references: a data file (at `field`, or the value itself when null) or an image. */
export type BlockRef = { readonly file: FileKind; readonly field: string | null } | { readonly image: string };

export const BLOCK_KEYS: Readonly<Record<BlockKey, BlockRef | null>> = {
  p: null,
  heading: null,
  list: null,
  numbered: null,
  lettered: null,
  checklist: null,
  quote: null,
  note: null,
  table: null,
  chart: { file: 'chart', field: 'data' },
  trapp: { file: 'trapp', field: 'data' },
  image: { image: 'file' },
  fakta: null,
  framdrift: { file: 'framdrift', field: 'data' },
  milepelar: { file: 'framdrift', field: 'data' },
  budsjett: { file: 'budsjett', field: 'data' },
  budsjettgraf: { file: 'budsjett', field: 'data' },
  satsing: null,
  malskjema: { file: 'malskjema', field: null },
  planliste: null,
  statusforklaring: null,
  kjelder: null,
};

/** True for a key that names a block kind. */
export const isBlockKey = (k: string): k is BlockKey => Object.hasOwn(BLOCK_KEYS, k);

/** The block key of a block's keys, when it has exactly one known key. */
export function blockKeyOf(keys: readonly string[]): BlockKey | undefined {
  const k = keys.length === 1 ? keys[0] : undefined;
  return k !== undefined && isBlockKey(k) ? k : undefined;
}

/** The path inside a block (below its key) where the referenced file or image name is written. */
export function refPath(key: BlockKey): readonly string[] | undefined {
  const ref = BLOCK_KEYS[key];
  if (ref === null) return undefined;
  if ('image' in ref) return [key, ref.image];
  return ref.field === null ? [key] : [key, ref.field];
}
