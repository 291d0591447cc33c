// Verify one version folder against its own records, trusting none of them: manifest.json is read as
// untrusted JSON and checked against the manifest v1 schema, every listed file against its checksum,
// the kept source archive likewise, every file in the folder against the list, and arkivmetadata.json
// against the manifest.
// Output: the documents with their state, and every problem by file name. Reads only; changes nothing.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Host } from '../../core/host.js';
import { sha256, type Manifest } from '../manifest.js';
import { ARCHIVE_SIDECAR } from '../archiveSidecar.js';
import { JOURNAL_FILE } from './journal.js';
import { isLockTemp, LOCK_FILE } from './lock.js';
import manifestSchema from '../schemas/manifest.schema.json' with { type: 'json' };
import sidecarSchema from '../schemas/arkivmetadata.schema.json' with { type: 'json' };

const require = createRequire(import.meta.url);

export const MANIFEST_FILE = 'manifest.json';

export type FileState = 'ok' | 'changed' | 'missing';

/** One document a manifest lists, and whether the file on disk still matches it. */
export interface VersionRow {
  readonly version: string;
  readonly variant: string;
  readonly date: string;
  readonly file: string;
  readonly sha256: string;
  readonly pages: number;
  readonly state: FileState;
}

/** The kept source a manifest lists, and whether the archive on disk still matches it. */
export interface SourceRow {
  readonly version: string;
  readonly file: string;
  readonly sha256: string;
  readonly files: number;
  readonly state: FileState;
}

/** The endringsoversikt a manifest lists, and whether the PDF on disk still matches it. */
export interface EndringarRow {
  readonly version: string;
  /** The version it compares against. */
  readonly against: string;
  readonly file: string;
  readonly sha256: string;
  readonly pages: number;
  readonly state: FileState;
}

/** The web edition of one variant a manifest lists: its index page, its pages, whether all its files match. */
export interface WebRow {
  readonly version: string;
  readonly variant: string;
  readonly index: string;
  readonly pages: number;
  readonly state: FileState;
}

/** Something in a version folder that is not as its records say; `file` is a name inside the folder. */
export interface FolderProblem {
  readonly version: string;
  readonly file: string;
  readonly problem: string;
}

export interface VerifiedFolder {
  readonly documents: readonly VersionRow[];
  readonly problems: readonly FolderProblem[];
  /** The kept source, when the manifest lists one. */
  readonly source?: SourceRow;
  /** The endringsoversikt, when the manifest lists one. */
  readonly endringar?: EndringarRow;
  /** The web edition's variants, when the manifest lists one. */
  readonly web: readonly WebRow[];
  /** The manifest, only when it is valid and the folder agrees with it in every point. */
  readonly manifest?: Manifest;
}

/** The compiled schemas of manifest.json and arkivmetadata.json; compile once, verify many folders. */
export interface RecordValidators {
  readonly manifest: ValidateFunction;
  readonly sidecar: ValidateFunction;
}

const RECORD_AJV_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;
/** The record schemas, by the name of their validator. */
export const RECORD_SCHEMAS = { manifest: manifestSchema, sidecar: sidecarSchema } as const;
export type RecordKind = keyof typeof RECORD_SCHEMAS;

/** Identifies a record schema together with the compile options. */
export function recordSchemaHash(kind: RecordKind): string {
  return createHash('sha256').update(JSON.stringify([RECORD_AJV_OPTIONS, RECORD_SCHEMAS[kind]])).digest('hex');
}

/** Where `npm run build` writes the validator of a record as ajv standalone code (scripts/build-validators.mjs). */
export function generatedRecordValidatorFile(kind: RecordKind, dir = fileURLToPath(new URL('.', import.meta.url))): string {
  return `${dir}/generated/record-${kind}.cjs`;
}

/** The options the build compiles the record validators with. */
export function recordAjvOptions(): typeof RECORD_AJV_OPTIONS {
  return RECORD_AJV_OPTIONS;
}

let records: RecordValidators | undefined;

/** The record validators: built ahead of time when they match their schemas, compiled here otherwise; once per process. */
export function recordValidators(): RecordValidators {
  if (records) return records;
  const built = (kind: RecordKind): ValidateFunction | undefined => {
    const file = generatedRecordValidatorFile(kind);
    const mod = fs.existsSync(file) ? (require(file) as { default: ValidateFunction; schemaHash: string }) : undefined;
    return mod?.schemaHash === recordSchemaHash(kind) ? mod.default : undefined;
  };
  let ajv: { compile(schema: object): ValidateFunction } | undefined;
  const compiled = (kind: RecordKind): ValidateFunction => {
    if (!ajv) {
      const { Ajv } = require('ajv') as typeof import('ajv');
      ajv = new Ajv(RECORD_AJV_OPTIONS);
    }
    return ajv.compile(RECORD_SCHEMAS[kind]);
  };
  records = { manifest: built('manifest') ?? compiled('manifest'), sidecar: built('sidecar') ?? compiled('sidecar') };
  return records;
}

function schemaErrors(errors: readonly ErrorObject[] | null | undefined): string {
  const all = (errors ?? []).map((e) => `${e.instancePath || '(top)'} ${e.message ?? e.keyword}`);
  return all.slice(0, 5).join('; ') + (all.length > 5 ? `; and ${all.length - 5} more` : '');
}

type Read = { ok: true; value: unknown } | { ok: false; problem: string };

function readJson(host: Host, file: string): Read {
  let text: string;
  try {
    text = host.readBytes(file).toString('utf8');
  } catch (e) {
    return { ok: false, problem: `cannot be read (${(e as Error).message})` };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return { ok: false, problem: `is not valid JSON (${(e as Error).message})` };
  }
}

/** The control files of a build (lock, journal, temp files): not documents, not listed. */
export function isControlFile(name: string): boolean {
  return name === LOCK_FILE || name === JOURNAL_FILE || (name.startsWith('.plantrykk-') && name.endsWith('.tmp'));
}

/** Verify the version folder `dir` of plan `planId` (its name is the version). */
export function verifyVersionFolder(host: Host, dir: string, planId: string, validators: RecordValidators): VerifiedFolder {
  const version = path.basename(dir);
  const problems: FolderProblem[] = [];
  const problem = (file: string, text: string): void => {
    problems.push({ version, file, problem: text });
  };
  const names = host.listDir(dir);
  for (const n of names) {
    if (n === JOURNAL_FILE) problem(n, 'an interrupted build left its commit journal: its files are only partly in place');
    else if (n !== LOCK_FILE && !isLockTemp(n) && isControlFile(n)) problem(n, 'is a temp file of an interrupted build');
  }
  const contents = names.filter((n) => !isControlFile(n));
  if (contents.length === 0) return { documents: [], problems, web: [] };

  const manifestPath = path.join(dir, MANIFEST_FILE);
  let manifest: Manifest | undefined;
  if (!host.isFile(manifestPath)) {
    problem(MANIFEST_FILE, 'is missing: nothing records what the files of this version are');
  } else {
    const read = readJson(host, manifestPath);
    if (!read.ok) problem(MANIFEST_FILE, read.problem);
    else if (!validators.manifest(read.value)) problem(MANIFEST_FILE, `is not a valid manifest (version 1): ${schemaErrors(validators.manifest.errors)}`);
    else manifest = read.value as Manifest;
  }
  if (manifest && (manifest.plan.id !== planId || manifest.plan.version !== version)) {
    problem(MANIFEST_FILE, `is for ${manifest.plan.id} version ${manifest.plan.version}, but lies in the folder of ${planId} version ${version}`);
    manifest = undefined;
  }

  const documents: VersionRow[] = [];
  const listed = new Set<string>();
  /** A file the manifest lists (as `role`, e.g. « as the kept source»): there, and its bytes as listed. */
  const checkListed = (entry: { file: string; bytes: number; sha256: string }, role = ''): FileState => {
    listed.add(entry.file);
    const file = path.join(dir, entry.file);
    if (!host.isFile(file)) {
      problem(entry.file, `is listed in manifest.json${role} but missing`);
      return 'missing';
    }
    const bytes = host.readBytes(file);
    if (bytes.length === entry.bytes && sha256(bytes) === entry.sha256) return 'ok';
    problem(entry.file, `no longer matches manifest.json (${bytes.length} bytes, sha256 ${sha256(bytes).slice(0, 16)}…; listed: ${entry.bytes} bytes, ${entry.sha256.slice(0, 16)}…)`);
    return 'changed';
  };
  for (const d of manifest?.documents ?? []) {
    const expected = `${planId}-${version}-${d.variant}.pdf`;
    if (d.file !== expected) problem(MANIFEST_FILE, `lists '${d.file}' for the ${d.variant} variant; its file is named ${expected}`);
    if (listed.has(d.file) || documents.some((r) => r.variant === d.variant)) problem(MANIFEST_FILE, `lists the ${d.variant} variant or '${d.file}' twice`);
    const state = checkListed(d);
    documents.push({ version, variant: d.variant, date: d.date, file: path.join(dir, d.file), sha256: d.sha256, pages: d.pages, state });
  }

  const kept = manifest?.source;
  let sourceState: FileState = 'ok';
  if (kept) {
    const expected = `${planId}-${version}-kjelde.tar`;
    if (kept.file !== expected) problem(MANIFEST_FILE, `lists '${kept.file}' as the kept source; its file is named ${expected}`);
    sourceState = checkListed(kept, ' as the kept source');
  }

  const endr = manifest?.endringar;
  let endrState: FileState = 'ok';
  if (endr) {
    const expected = `${planId}-${version}-endringar.pdf`;
    if (endr.file !== expected) problem(MANIFEST_FILE, `lists '${endr.file}' as the endringsoversikt; its file is named ${expected}`);
    endrState = checkListed(endr, ' as the endringsoversikt');
  }

  // The web edition: every file it lists there with its checksum, every file under web/ listed.
  const web = manifest?.web;
  const webStates = new Map<string, FileState>();
  for (const f of web?.files ?? []) {
    if (listed.has(f.file)) problem(MANIFEST_FILE, `lists '${f.file}' twice`);
    webStates.set(f.file, checkListed(f, ' as a file of the web edition'));
  }
  const webRows: WebRow[] = (web?.variants ?? []).map((v) => {
    const own = [...webStates].filter(([f]) => f.startsWith(`web/${v.variant}/`));
    const state: FileState = own.some(([, st]) => st === 'missing') ? 'missing' : own.some(([, st]) => st === 'changed') ? 'changed' : 'ok';
    return { version, variant: v.variant, index: path.join(dir, v.index), pages: own.filter(([f]) => f.endsWith('.html')).length, state };
  });
  for (const v of web?.variants ?? []) {
    if (!web!.files.some((f) => f.file === v.index)) problem(MANIFEST_FILE, `lists the web edition of the ${v.variant} variant, but not its ${v.index}`);
  }

  for (const n of contents) {
    if (n === MANIFEST_FILE || n === ARCHIVE_SIDECAR || listed.has(n)) continue;
    if (n === 'web' && host.isDirectory(path.join(dir, n))) {
      for (const f of filesUnder(host, dir, n)) if (!listed.has(f)) problem(f, manifest ? 'is not listed in manifest.json' : 'is not listed in any valid manifest.json');
      continue;
    }
    problem(n, manifest ? 'is not listed in manifest.json' : 'is not listed in any valid manifest.json');
  }

  if (manifest) checkSidecar(host, dir, manifest, validators, problem);
  const source: SourceRow | undefined = kept ? { version, file: path.join(dir, kept.file), sha256: kept.sha256, files: kept.files, state: sourceState } : undefined;
  const endringar: EndringarRow | undefined = endr ? { version, against: endr.against, file: path.join(dir, endr.file), sha256: endr.sha256, pages: endr.pages, state: endrState } : undefined;
  return { documents, problems, web: webRows, ...(source ? { source } : {}), ...(endringar ? { endringar } : {}), ...(manifest && problems.length === 0 ? { manifest } : {}) };
}

/** Every file below `rel` (a folder inside `dir`), as paths relative to `dir`, depth first in name order. */
function filesUnder(host: Host, dir: string, rel: string): string[] {
  return host.listDir(path.join(dir, rel)).sort().flatMap((n) => {
    const sub = `${rel}/${n}`;
    return host.isDirectory(path.join(dir, sub)) ? filesUnder(host, dir, sub) : [sub];
  });
}

interface SidecarRecord {
  readonly filnamn: string;
  readonly sha256: string;
  readonly sider: number;
  readonly dato: string;
  readonly planId: string;
  readonly versjon: string;
}

/** arkivmetadata.json must list exactly the manifest's documents, with the same checksums, pages and dates. */
function checkSidecar(host: Host, dir: string, manifest: Manifest, validators: RecordValidators, problem: (file: string, text: string) => void): void {
  const file = path.join(dir, ARCHIVE_SIDECAR);
  if (!host.isFile(file)) return problem(ARCHIVE_SIDECAR, 'is missing: the archive records of this version are not there');
  const read = readJson(host, file);
  if (!read.ok) return problem(ARCHIVE_SIDECAR, read.problem);
  if (!validators.sidecar(read.value)) return problem(ARCHIVE_SIDECAR, `is not valid archive metadata (version 1): ${schemaErrors(validators.sidecar.errors)}`);
  const value = read.value as { dokument: readonly SidecarRecord[]; kjelde?: { filnamn: string; sha256: string; storleik: number } };
  const records = value.dokument;
  const kept = manifest.source;
  if (kept && !value.kjelde) problem(ARCHIVE_SIDECAR, `has no record of the kept source ${kept.file}, which manifest.json lists`);
  else if (!kept && value.kjelde) problem(ARCHIVE_SIDECAR, `has a record of ${value.kjelde.filnamn} as the kept source, which manifest.json does not list`);
  else if (kept && value.kjelde && (value.kjelde.filnamn !== kept.file || value.kjelde.sha256 !== kept.sha256 || value.kjelde.storleik !== kept.bytes)) {
    problem(ARCHIVE_SIDECAR, `disagrees with manifest.json about the kept source ${kept.file}`);
  }
  const byFile = new Map(records.map((r) => [r.filnamn, r]));
  for (const d of manifest.documents) {
    const r = byFile.get(d.file);
    if (!r) problem(ARCHIVE_SIDECAR, `has no record of ${d.file}, which manifest.json lists`);
    else {
      const differ = [
        r.sha256 !== d.sha256 ? 'sha256' : '',
        r.sider !== d.pages ? 'sider' : '',
        r.dato !== d.date ? 'dato' : '',
        r.planId !== manifest.plan.id ? 'planId' : '',
        r.versjon !== manifest.plan.version ? 'versjon' : '',
      ].filter(Boolean);
      if (differ.length > 0) problem(ARCHIVE_SIDECAR, `disagrees with manifest.json about ${d.file} (${differ.join(', ')})`);
    }
  }
  const e = manifest.endringar;
  const se = (read.value as { endringar?: { filnamn: string; sha256: string; sider: number; samanliknaMedVersjon: string } }).endringar;
  if (Boolean(e) !== Boolean(se) || (e && se && (e.file !== se.filnamn || e.sha256 !== se.sha256 || e.pages !== se.sider || e.against !== se.samanliknaMedVersjon))) {
    problem(ARCHIVE_SIDECAR, 'disagrees with manifest.json about the endringsoversikt');
  }
  for (const r of records) {
    if (!manifest.documents.some((d) => d.file === r.filnamn)) problem(ARCHIVE_SIDECAR, `has a record of ${r.filnamn}, which manifest.json does not list`);
  }
}
