// Emit stage: the rendered PDFs, the kept source (sourceArchive.ts), manifest.json and arkivmetadata.json into output/<plan-id>/<version>/,
// published as one unit under the folder's lock (src/emit/publish/): all of them or none, also when the
// disk fills, the process is killed or another build writes the same version. A vedtak is never replaced.
import * as path from 'node:path';
import type { Host } from '../core/host.js';
import { displayPath, lockWaitSeconds } from '../core/host.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import { fileSpan } from '../core/span.js';
import type { PlanDocument, VariantName } from '../model/types.js';
import { VARIANT_RULES } from '../model/variants.js';
import { buildManifest, mergeWeb, sha256, type ManifestEntry, type SourceRecord, type WebRecord } from './manifest.js';
import type { WebFile } from '../web/site.js';
import { sourceArchiveName } from './sourceArchive.js';
import { archiveSidecar, ARCHIVE_SIDECAR } from './archiveSidecar.js';
import type { RenderedPdf } from './renderPdf.js';
import { acquireLock, releaseLock, type HeldLock, type LockFailure } from './publish/lock.js';
import { recoverFolder } from './publish/recover.js';
import { MANIFEST_FILE, recordValidators, verifyVersionFolder } from './publish/verifyFolder.js';
import { publishSet, type SetFile } from './publish/publishSet.js';

export interface BuiltVariant {
  readonly variant: VariantName;
  readonly date: string;
  readonly pdf: RenderedPdf;
}

/** The kept source of this build: the archive's bytes and how many files it holds. */
export interface KeptSource {
  readonly bytes: Buffer;
  readonly files: number;
}

/** The web edition of this build: the variants built and every file (paths inside the version folder). */
export interface BuiltWeb {
  readonly variants: readonly VariantName[];
  readonly files: readonly WebFile[];
}

export interface WriteResult {
  readonly dir: string;
  readonly written: readonly { variant: VariantName; file: string; status: 'written' | 'unchanged' }[];
  /** The web edition: each variant's index.html, and how many of its files were written. */
  readonly web?: readonly { variant: VariantName; file: string; pages: number; changed: number }[];
}

/** File name of a variant's PDF: <plan-id>-<version>-<variant>.pdf */
export function pdfName(doc: PlanDocument, variant: VariantName): string {
  return `${doc.meta.id}-${doc.meta.version}-${variant}.pdf`;
}

/** Report why the lock of a version folder could not be taken. */
export function reportLockFailure(host: Host, failure: LockFailure, sink: DiagnosticSink, seconds: number): void {
  const shown = displayPath(host, failure.lockPath);
  if (failure.kind === 'io') {
    sink.report('emit/write-failed', fileSpan(shown), { path: shown, reason: (failure.error as Error)?.message ?? String(failure.error) });
    return;
  }
  const h = failure.holder;
  const holder = h ? `pid ${h.pid} on ${h.hostname}, started ${h.startedAt}` : 'a lock file plantrykk cannot read';
  sink.report('emit/locked', fileSpan(shown), { path: shown, holder, seconds });
}

/** Write every built variant, the manifest and the archive sidecar; problems become diagnostics. */
export function writeOutput(
  host: Host,
  outRoot: string,
  doc: PlanDocument,
  built: readonly BuiltVariant[],
  toolVersion: string,
  sink: DiagnosticSink,
  force = false,
  source?: KeptSource,
  web?: BuiltWeb,
): WriteResult | undefined {
  const dir = path.join(path.resolve(host.cwd, outRoot), doc.meta.id, doc.meta.version);
  const shown = (p: string): string => displayPath(host, p);
  const fail = (p: string, e: unknown, extra: readonly string[] = []): undefined => {
    sink.report('emit/write-failed', fileSpan(shown(p)), { path: shown(p), reason: (e as Error)?.message ?? String(e) }, extra);
    return undefined;
  };
  try {
    host.mkdirp(dir);
  } catch (e) {
    return fail(dir, e);
  }
  const wait = lockWaitSeconds();
  const lock = acquireLock(host, dir, 'build', wait);
  if ('kind' in lock) {
    reportLockFailure(host, lock, sink, wait);
    return undefined;
  }
  try {
    host.stage('lock-taken');
    return publishVersion(host, lock, doc, built, toolVersion, sink, force, fail, source, web);
  } catch (e) {
    return fail(dir, e);
  } finally {
    try {
      releaseLock(host, lock);
    } catch {
      // A lock left behind is taken over by the next build: its holder (this process) will not run.
    }
  }
}

function publishVersion(
  host: Host,
  lock: HeldLock,
  doc: PlanDocument,
  built: readonly BuiltVariant[],
  toolVersion: string,
  sink: DiagnosticSink,
  force: boolean,
  fail: (p: string, e: unknown, extra?: readonly string[]) => undefined,
  source: KeptSource | undefined,
  web: BuiltWeb | undefined,
): WriteResult | undefined {
  const dir = lock.dir;
  const shown = (p: string): string => displayPath(host, p);
  const recovery = recoverFolder(host, lock);
  for (const what of recovery.done) sink.report('emit/recovered', fileSpan(shown(dir)), { what });
  if (recovery.failed) {
    sink.report('emit/folder-damaged', fileSpan(shown(dir)), { file: 'the version folder', problem: `cannot be recovered: ${recovery.failed}` });
    return undefined;
  }

  // Build only on a folder that agrees with its records in every point: a damaged manifest is never
  // silently replaced by one listing only the new variants.
  const verified = verifyVersionFolder(host, dir, doc.meta.id, recordValidators());
  for (const p of verified.problems) sink.report('emit/folder-damaged', fileSpan(shown(path.join(dir, p.file))), { file: p.file, problem: p.problem });
  if (verified.problems.length > 0) return undefined;
  const previous = verified.manifest;

  // An adopted document that differs although it was built from this very source: the tool's output
  // changed, not the plan. Said so, with the plantrykk that built the folder and this one.
  const sameSource = (built: string | undefined): { builtBy?: string; tool?: string } =>
    built === doc.sourceHash && previous ? { builtBy: previous.tool.version, tool: toolVersion } : {};

  // Refuse first, write after: a refused file must not leave the other variants half-updated.
  // An adopted variant (a vedtak) is never replaced; a høyring or utkast only with --force (model/variants.ts).
  for (const b of built) {
    const listed = previous?.documents.find((d) => d.variant === b.variant);
    const replaceable = VARIANT_RULES[b.variant].replaceable;
    if (!listed || listed.sha256 === sha256(b.pdf.bytes) || (replaceable && force)) continue;
    const target = shown(path.join(dir, pdfName(doc, b.variant)));
    if (!replaceable) sink.report('emit/version-exists', fileSpan(target), { path: target, ...sameSource(listed.sourceHash) });
    else sink.report('emit/draft-exists', fileSpan(target), { path: target, variant: b.variant });
    return undefined;
  }

  // Every document of a version is built from one source, kept beside them: a different source is
  // refused, unless --force (which may replace only a høyring or utkast, checked above) replaces it too.
  // Each manifest entry keeps its own sourceHash, so a vedtak built from an earlier source still says so.
  const record: SourceRecord | undefined = source
    ? { file: sourceArchiveName(doc.meta.id, doc.meta.version), bytes: source.bytes.length, sha256: sha256(source.bytes), files: source.files }
    : previous?.source;
  if (source && previous?.source && previous.source.sha256 !== record?.sha256) {
    const adopted = previous.documents.some((d) => d.variant === 'vedtak');
    if (!force) {
      sink.report('emit/source-changed', fileSpan(shown(path.join(dir, previous.source.file))), { path: shown(dir), adopted });
      return undefined;
    }
  }

  const written: WriteResult['written'][number][] = [];
  const entries: ManifestEntry[] = [];
  const files: SetFile[] = [];
  for (const b of built) {
    const file = pdfName(doc, b.variant);
    const sum = sha256(b.pdf.bytes);
    const same = previous?.documents.find((d) => d.variant === b.variant)?.sha256 === sum;
    if (!same) files.push({ name: file, bytes: b.pdf.bytes, exclusive: !VARIANT_RULES[b.variant].replaceable });
    written.push({ variant: b.variant, file: shown(path.join(dir, file)), status: same ? 'unchanged' : 'written' });
    entries.push({ variant: b.variant, file, date: b.date, sourceHash: doc.sourceHash, pages: b.pdf.pages, bytes: b.pdf.bytes.length, sha256: sum });
  }
  if (source && record && previous?.source?.sha256 !== record.sha256) files.push({ name: record.file, bytes: source.bytes, exclusive: false });

  // The web edition: changed files written, files the new build no longer has removed, in the same set.
  let webRecord: WebRecord | undefined;
  const removals: SetFile[] = [];
  const webResult: { variant: VariantName; file: string; pages: number; changed: number }[] = [];
  if (web) {
    const records = web.files.map((f) => ({ file: f.path, bytes: f.bytes.length, sha256: sha256(f.bytes) }));
    const before = new Map((previous?.web?.files ?? []).map((f) => [f.file, f.sha256]));
    // An adopted variant's web edition is never replaced, as its PDF is not.
    for (const v of web.variants) {
      if (VARIANT_RULES[v].replaceable || !previous?.web?.variants.some((x) => x.variant === v)) continue;
      // The files of that variant with their hashes, in name order (the manifest keeps them sorted, a build lists them as it makes them).
      const of = (list: readonly { file: string; sha256: string }[]): string =>
        list
          .filter((f) => f.file.startsWith(`web/${v}/`))
          .map((f) => `${f.file} ${f.sha256}`)
          .sort()
          .join('\n');
      if (of(previous.web.files) !== of(records)) {
        sink.report('emit/version-exists', fileSpan(shown(path.join(dir, 'web', v))), {
          path: shown(path.join(dir, 'web', v)),
          ...sameSource(previous.web.variants.find((x) => x.variant === v)?.sourceHash),
        });
        return undefined;
      }
    }
    webRecord = mergeWeb(previous?.web, web.variants, records, doc.sourceHash);
    for (const v of web.variants) webResult.push({ variant: v, file: shown(path.join(dir, 'web', v, 'index.html')), pages: records.filter((f) => f.file.startsWith(`web/${v}/`) && f.file.endsWith('.html')).length, changed: 0 });
    for (const [i, f] of web.files.entries()) {
      if (before.get(f.path) === records[i]!.sha256 && host.isFile(path.join(dir, f.path))) continue;
      const variant = web.variants.find((v) => f.path.startsWith(`web/${v}/`));
      files.push({ name: f.path, bytes: f.bytes, exclusive: variant !== undefined && !VARIANT_RULES[variant].replaceable });
      const r = webResult.find((x) => x.variant === variant);
      if (r) r.changed++;
    }
    const now = new Set(webRecord.files.map((f) => f.file));
    for (const f of previous?.web?.files ?? []) if (!now.has(f.file)) removals.push({ name: f.file, bytes: Buffer.alloc(0), exclusive: false, remove: true });
  }
  const manifest = buildManifest(doc, toolVersion, entries, previous, record, webRecord);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const sidecarBytes = Buffer.from(`${JSON.stringify(archiveSidecar(doc, manifest), null, 2)}\n`, 'utf8');
  const unchanged = (name: string, bytes: Buffer): boolean => host.isFile(path.join(dir, name)) && host.readBytes(path.join(dir, name)).equals(bytes);
  const result: WriteResult = { dir: shown(dir), written, ...(web ? { web: webResult } : {}) };
  if (files.length === 0 && removals.length === 0 && unchanged(MANIFEST_FILE, manifestBytes) && unchanged(ARCHIVE_SIDECAR, sidecarBytes)) return result;
  files.push(...removals, { name: ARCHIVE_SIDECAR, bytes: sidecarBytes, exclusive: false }, { name: MANIFEST_FILE, bytes: manifestBytes, exclusive: false });

  const outcome = publishSet(host, lock, files);
  if (!outcome.ok) {
    return outcome.committed
      ? fail(outcome.file, outcome.error, ['the new files were committed but not all put in place; the next build or `plantrykk versions` of this version completes it'])
      : fail(outcome.file, outcome.error, ['nothing of this build was published; the version folder is as it was']);
  }
  return result;
}
