// The manifest written beside the PDFs of a version: what was built from what, and its checksums.
import { createHash } from 'node:crypto';
import { VARIANTS, type PlanDocument, type VariantName } from '../model/types.js';

export const MANIFEST_VERSION = 1;

export interface ManifestEntry {
  readonly variant: VariantName;
  readonly file: string;
  readonly date: string;
  /** Hash of the plan's source files this document was built from. */
  readonly sourceHash: string;
  readonly pages: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** The kept source of a version (emit/sourceArchive.ts): the archive file and its checksum. */
export interface SourceRecord {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  /** How many files the archive holds. */
  readonly files: number;
}

/** The endringsoversikt of a version (`plantrykk endringar`): what changed since version `against`. */
export interface EndringarRecord {
  readonly file: string;
  readonly against: string;
  readonly pages: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** One file of the web edition: its path inside the version folder (web/…), size and checksum. */
export interface WebFileRecord {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

/**
 * The web edition of a version (`build --format html|all`): web/<variant>/index.html per variant built,
 * the shared web/assets/, and every file of it with its checksum (verified like the PDFs).
 */
export interface WebRecord {
  /** Each variant's index page, and the hash of the source it was built from (as a document's). */
  readonly variants: readonly { readonly variant: VariantName; readonly index: string; readonly sourceHash: string }[];
  readonly files: readonly WebFileRecord[];
}

/** manifest.json of output/<plan-id>/<version>/. */
export interface Manifest {
  readonly manifestVersion: number;
  readonly tool: { readonly name: 'plantrykk'; readonly version: string };
  readonly plan: { readonly id: string; readonly version: string; readonly title: string; readonly kommune: string; readonly language: string };
  readonly sourceHash: string;
  /** Absent only in folders built before plantrykk kept the source. */
  readonly source?: SourceRecord;
  readonly endringar?: EndringarRecord;
  readonly documents: readonly ManifestEntry[];
  /** The web edition, when one was built. */
  readonly web?: WebRecord;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The web record after a build of the web edition of `variants`: their files replace what the
 * previous record listed under web/<variant>/ and web/assets/; the other variants' files are kept.
 */
export function mergeWeb(previous: WebRecord | undefined, variants: readonly VariantName[], files: readonly WebFileRecord[], sourceHash: string): WebRecord {
  const rebuilt = (f: string): boolean => f.startsWith('web/assets/') || variants.some((v) => f.startsWith(`web/${v}/`));
  const kept = (previous?.files ?? []).filter((f) => !rebuilt(f.file));
  const all = [...kept, ...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const hashes = new Map((previous?.variants ?? []).map((v) => [v.variant, v.sourceHash]));
  for (const v of variants) hashes.set(v, sourceHash);
  return { variants: VARIANTS.filter((v) => hashes.has(v)).map((variant) => ({ variant, index: `web/${variant}/index.html`, sourceHash: hashes.get(variant)! })), files: all };
}

/** Merge new entries into an existing manifest: entries of variants not rebuilt are kept. */
export function buildManifest(doc: PlanDocument, toolVersion: string, entries: readonly ManifestEntry[], previous?: Manifest, source?: SourceRecord, web?: WebRecord): Manifest {
  const byVariant = new Map<VariantName, ManifestEntry>();
  for (const e of previous?.documents ?? []) byVariant.set(e.variant, e);
  for (const e of entries) byVariant.set(e.variant, e);
  const order: readonly VariantName[] = VARIANTS;
  return {
    manifestVersion: MANIFEST_VERSION,
    tool: { name: 'plantrykk', version: toolVersion },
    plan: { id: doc.meta.id, version: doc.meta.version, title: doc.meta.title, kommune: doc.meta.kommune.name, language: doc.meta.language },
    sourceHash: doc.sourceHash,
    ...(source ? { source } : {}),
    ...(previous?.endringar ? { endringar: previous.endringar } : {}),
    documents: order.flatMap((v) => (byVariant.has(v) ? [byVariant.get(v)!] : [])),
    ...(web ?? previous?.web ? { web: (web ?? previous?.web)! } : {}),
  };
}
