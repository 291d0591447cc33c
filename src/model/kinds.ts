// The plan kinds: the tool's own (templates/kinds/<id>.yaml) and one a plan or its kommune defines
// (kinds/<id>.yaml, loaded and schema-checked with the plan). A kind is data — names, variants, front
// pages — so no stage branches on a kind's id. Built-in kind files are checked by the tests.
import { parse } from 'yaml';
import { listAssets, readAsset } from '../core/assets.js';
import { VARIANTS, type KindDefinition, type VariantName } from './types.js';

/** A kind file's value once it has passed kind.schema.json. */
interface KindFile {
  readonly id: string;
  readonly name: { readonly nn: string; readonly nb: string };
  readonly dokumenttype?: string;
  readonly variants: readonly VariantName[];
  readonly front?: Partial<Record<VariantName, readonly string[]>>;
}

/** The definition a kind file gives (its value passed the kind schema). */
export function kindDefinition(value: unknown): KindDefinition {
  const k = value as KindFile;
  return {
    id: k.id,
    name: { nn: k.name.nn, nb: k.name.nb },
    dokumenttype: k.dokumenttype ?? k.id,
    variants: VARIANTS.filter((v) => k.variants.includes(v)),
    front: { ...(k.front ?? {}) },
  };
}

/** The built-in kinds by id, read from templates/kinds/. */
export function builtinKinds(): ReadonlyMap<string, KindDefinition> {
  return new Map(
    listAssets('kinds')
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => {
        const def = kindDefinition(parse(readAsset(`kinds/${f}`)));
        return [def.id, def] as const;
      }),
  );
}
