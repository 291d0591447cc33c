// Emit stage: PDFs and manifest into output/<plan-id>/<version>/, atomically.
// Nothing already written is lost: a vedtak file is published create-exclusive and never replaced;
// other files are replaced only by rename of a complete, fsynced temp file.
import * as path from 'node:path';
import type { Host } from '../core/host.js';
import { displayPath, leftoverTempFiles } from '../core/host.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import { fileSpan } from '../core/span.js';
import type { PlanDocument, VariantName } from '../model/types.js';
import { buildManifest, sha256, type Manifest, type ManifestEntry } from './manifest.js';
import { archiveSidecar, ARCHIVE_SIDECAR } from './archiveSidecar.js';
import type { RenderedPdf } from './renderPdf.js';

export interface BuiltVariant {
  readonly variant: VariantName;
  readonly date: string;
  readonly pdf: RenderedPdf;
}

export interface WriteResult {
  readonly dir: string;
  readonly written: readonly { variant: VariantName; file: string; status: 'written' | 'unchanged' }[];
}

/** File name of a variant's PDF: <plan-id>-<version>-<variant>.pdf */
export function pdfName(doc: PlanDocument, variant: VariantName): string {
  return `${doc.meta.id}-${doc.meta.version}-${variant}.pdf`;
}

/** Write every built variant and the manifest; problems become diagnostics, nothing half-written. */
export function writeOutput(
  host: Host,
  outRoot: string,
  doc: PlanDocument,
  built: readonly BuiltVariant[],
  toolVersion: string,
  sink: DiagnosticSink,
  force = false,
): WriteResult | undefined {
  const dir = path.join(path.resolve(host.cwd, outRoot), doc.meta.id, doc.meta.version);
  const shown = (p: string): string => displayPath(host, p);
  const fail = (p: string, e: unknown): undefined => {
    sink.report('emit/write-failed', fileSpan(shown(p)), { path: shown(p), reason: (e as Error).message ?? String(e) });
    return undefined;
  };
  try {
    host.mkdirp(dir);
    for (const leftover of leftoverTempFiles(host, dir)) host.removeFile(path.join(dir, leftover));
  } catch (e) {
    return fail(dir, e);
  }

  // Refuse first, write after: a refused file must not leave the other variants half-updated.
  // A vedtak is never replaced; a høyring or utkast only with --force.
  for (const b of built) {
    if (b.variant !== 'vedtak' && force) continue;
    const target = path.join(dir, pdfName(doc, b.variant));
    if (host.exists(target) && sha256(host.readBytes(target)) !== sha256(b.pdf.bytes)) {
      if (b.variant === 'vedtak') sink.report('emit/version-exists', fileSpan(shown(target)), { path: shown(target) });
      else sink.report('emit/draft-exists', fileSpan(shown(target)), { path: shown(target), variant: b.variant });
      return undefined;
    }
  }

  const written: WriteResult['written'][number][] = [];
  const entries: ManifestEntry[] = [];
  for (const b of built) {
    const file = pdfName(doc, b.variant);
    const target = path.join(dir, file);
    try {
      if (b.variant === 'vedtak') {
        const created = host.publishExclusive(target, b.pdf.bytes);
        if (!created && sha256(host.readBytes(target)) !== sha256(b.pdf.bytes)) {
          sink.report('emit/version-exists', fileSpan(shown(target)), { path: shown(target) });
          return undefined;
        }
        written.push({ variant: b.variant, file: shown(target), status: created ? 'written' : 'unchanged' });
      } else {
        const same = host.exists(target) && sha256(host.readBytes(target)) === sha256(b.pdf.bytes);
        if (!same) host.writeFileAtomic(target, b.pdf.bytes);
        written.push({ variant: b.variant, file: shown(target), status: same ? 'unchanged' : 'written' });
      }
    } catch (e) {
      return fail(target, e);
    }
    entries.push({ variant: b.variant, file, date: b.date, sourceHash: doc.sourceHash, pages: b.pdf.pages, bytes: b.pdf.bytes.length, sha256: sha256(b.pdf.bytes) });
  }

  const manifestPath = path.join(dir, 'manifest.json');
  let previous: Manifest | undefined;
  try {
    if (host.exists(manifestPath)) previous = JSON.parse(host.readBytes(manifestPath).toString('utf8')) as Manifest;
  } catch {
    previous = undefined;
  }
  const sidecarPath = path.join(dir, ARCHIVE_SIDECAR);
  try {
    const manifest = buildManifest(doc, toolVersion, entries, previous);
    host.writeFileAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    host.writeFileAtomic(sidecarPath, `${JSON.stringify(archiveSidecar(doc, manifest), null, 2)}\n`);
  } catch (e) {
    return fail(manifestPath, e);
  }
  return { dir: shown(dir), written };
}
