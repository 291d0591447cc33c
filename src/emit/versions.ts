// `plantrykk versions`: every version of a plan in its output folder, verified against its records
// (src/emit/publish/verifyFolder.ts), trusting none of them. Each version folder is read under its
// lock, so a build writing it is waited for, and an interrupted build is recovered first and reported.
// A folder that cannot be locked (read-only, e.g. an archive copy) is verified as it lies.
import * as path from 'node:path';
import type { Host } from '../core/host.js';
import { acquireLock, releaseLock } from './publish/lock.js';
import { recoverFolder } from './publish/recover.js';
import { recordValidators, verifyVersionFolder, type EndringarRow, type FolderProblem, type SourceRow, type VersionRow, type WebRow } from './publish/verifyFolder.js';

export type { EndringarRow, FileState, FolderProblem, SourceRow, VersionRow, WebRow } from './publish/verifyFolder.js';

export interface VersionsReport {
  readonly documents: readonly VersionRow[];
  readonly problems: readonly FolderProblem[];
  /** The kept source of every version that has one. */
  readonly sources: readonly SourceRow[];
  /** The endringsoversikt of every version that has one. */
  readonly endringar: readonly EndringarRow[];
  /** What recovery did, per version: `<version>: <sentence>`. */
  readonly recovered: readonly string[];
  /** The web edition of every version that has one, per variant. */
  readonly web: readonly WebRow[];
}

/** Every document of every version of `planId` under `outRoot`, checked against its records. */
export function listVersions(host: Host, outRoot: string, planId: string, waitSeconds = 60): VersionsReport {
  const planDir = path.join(outRoot, planId);
  const documents: VersionRow[] = [];
  const problems: FolderProblem[] = [];
  const recovered: string[] = [];
  const sources: SourceRow[] = [];
  const endringar: EndringarRow[] = [];
  const web: WebRow[] = [];
  if (!host.isDirectory(planDir)) return { documents, problems, recovered, sources, endringar, web };
  const validators = recordValidators();
  for (const version of host.listDir(planDir)) {
    const dir = path.join(planDir, version);
    if (!host.isDirectory(dir)) {
      problems.push({ version, file: '', problem: `${version} in ${planId}/ is not a version folder` });
      continue;
    }
    const lock = acquireLock(host, dir, 'versions', waitSeconds);
    if ('kind' in lock && lock.kind === 'busy') {
      const h = lock.holder;
      problems.push({ version, file: '', problem: `cannot be verified: a build is writing it (${h ? `pid ${h.pid} on ${h.hostname}, started ${h.startedAt}` : 'unreadable lock'})` });
      continue;
    }
    try {
      if (!('kind' in lock)) {
        const recovery = recoverFolder(host, lock);
        recovered.push(...recovery.done.map((d) => `${version}: ${d}`));
        if (recovery.failed) problems.push({ version, file: '', problem: `cannot be recovered: ${recovery.failed}` });
      }
      const verified = verifyVersionFolder(host, dir, planId, validators);
      documents.push(...verified.documents);
      if (verified.source) sources.push(verified.source);
      if (verified.endringar) endringar.push(verified.endringar);
      web.push(...verified.web);
      problems.push(...verified.problems);
    } catch (e) {
      problems.push({ version, file: '', problem: `cannot be read: ${(e as Error)?.message ?? String(e)}` });
    } finally {
      if (!('kind' in lock)) releaseLock(host, lock);
    }
  }
  return { documents, problems, recovered, sources, endringar, web };
}
