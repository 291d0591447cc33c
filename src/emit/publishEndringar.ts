// Publish an endringsoversikt (`<id>-<version>-endringar.pdf`) into the folder of a built version, as
// one unit with its manifest.json and arkivmetadata.json, under the folder's lock — like a build.
// The version must be built and sound; an endringsoversikt of other content is replaced only with --force.
import * as path from 'node:path';
import type { Host } from '../core/host.js';
import { displayPath, lockWaitSeconds } from '../core/host.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import { fileSpan } from '../core/span.js';
import type { PlanDocument } from '../model/types.js';
import { sha256, type Manifest } from './manifest.js';
import { archiveSidecar, ARCHIVE_SIDECAR } from './archiveSidecar.js';
import type { RenderedPdf } from './renderPdf.js';
import { acquireLock, releaseLock } from './publish/lock.js';
import { recoverFolder } from './publish/recover.js';
import { MANIFEST_FILE, recordValidators, verifyVersionFolder } from './publish/verifyFolder.js';
import { publishSet } from './publish/publishSet.js';
import { reportLockFailure } from './writeOutput.js';

/** File name of a version's endringsoversikt. */
export function endringarName(doc: PlanDocument): string {
  return `${doc.meta.id}-${doc.meta.version}-endringar.pdf`;
}

/** Put `pdf` (changes since version `against`) into `dir`, the version folder of `doc`; its path, or undefined (reported). */
export function publishEndringar(host: Host, dir: string, doc: PlanDocument, against: string, pdf: RenderedPdf, sink: DiagnosticSink, force = false): string | undefined {
  const shown = (p: string): string => displayPath(host, p);
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!host.isFile(manifestPath)) {
    sink.report('emit/endringar-not-built', fileSpan(shown(dir)), { path: shown(dir), version: doc.meta.version });
    return undefined;
  }
  const wait = lockWaitSeconds();
  const lock = acquireLock(host, dir, 'build', wait);
  if ('kind' in lock) {
    reportLockFailure(host, lock, sink, wait);
    return undefined;
  }
  const file = endringarName(doc);
  const target = path.join(dir, file);
  try {
    const recovery = recoverFolder(host, lock);
    for (const what of recovery.done) sink.report('emit/recovered', fileSpan(shown(dir)), { what });
    const verified = verifyVersionFolder(host, dir, doc.meta.id, recordValidators());
    for (const p of verified.problems) sink.report('emit/folder-damaged', fileSpan(shown(path.join(dir, p.file))), { file: p.file, problem: p.problem });
    if (recovery.failed || !verified.manifest) return undefined;
    const previous = verified.manifest;
    // The endringsoversikt describes the version as built: from the very source its PDFs were built from.
    if (previous.sourceHash !== doc.sourceHash) {
      sink.report('emit/source-changed', fileSpan(shown(dir)), { path: shown(dir), adopted: previous.documents.some((d) => d.variant === 'vedtak') });
      return undefined;
    }
    const sum = sha256(pdf.bytes);
    if (previous.endringar && previous.endringar.sha256 === sum && previous.endringar.against === against) return shown(target);
    if (previous.endringar && !force) {
      sink.report('emit/endringar-exists', fileSpan(shown(target)), { path: shown(target) });
      return undefined;
    }
    const manifest: Manifest = { ...previous, endringar: { file, against, pages: pdf.pages, bytes: pdf.bytes.length, sha256: sum } };
    const ordered: Manifest = {
      manifestVersion: manifest.manifestVersion,
      tool: manifest.tool,
      plan: manifest.plan,
      sourceHash: manifest.sourceHash,
      ...(manifest.source ? { source: manifest.source } : {}),
      ...(manifest.endringar ? { endringar: manifest.endringar } : {}),
      documents: manifest.documents,
    };
    const outcome = publishSet(host, lock, [
      { name: file, bytes: pdf.bytes, exclusive: false },
      { name: ARCHIVE_SIDECAR, bytes: Buffer.from(`${JSON.stringify(archiveSidecar(doc, ordered), null, 2)}\n`, 'utf8'), exclusive: false },
      { name: MANIFEST_FILE, bytes: Buffer.from(`${JSON.stringify(ordered, null, 2)}\n`, 'utf8'), exclusive: false },
    ]);
    if (!outcome.ok) {
      const reason = (outcome.error as Error)?.message ?? String(outcome.error);
      sink.report('emit/write-failed', fileSpan(shown(outcome.file)), { path: shown(outcome.file), reason });
      return undefined;
    }
    return shown(target);
  } finally {
    try {
      releaseLock(host, lock);
    } catch {
      // Taken over by the next holder.
    }
  }
}
