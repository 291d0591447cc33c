// Publish a set of files into a version folder as one unit, under the folder's lock: every file is
// written as a temp file of this build and fsynced; the commit journal is written atomically (the
// commit point); the renames are applied, manifest.json last; the journal is removed. Fails before the
// commit → this build's temp files are removed and nothing was published; after → the next holder of
// the lock completes it. Stage names (for PLANTRYKK_TEST_KILL_AT) are listed in PUBLISH_STAGES.
import * as path from 'node:path';
import type { Host } from '../../core/host.js';
import { sha256 } from '../manifest.js';
import { applyJournal, writeJournal, type Journal, type JournalStep } from './journal.js';
import { stillHeld, tempName, tempOwner, type HeldLock } from './lock.js';

/** Every point of publishing where the fault tests kill the process, in order. */
export const PUBLISH_STAGES = [
  'lock-taken',
  'temp-written',
  'temps-written',
  'journal-temp-written',
  'journal-written',
  'first-renamed',
  'pdfs-renamed',
  'manifest-renamed',
  'journal-removed',
] as const;

/**
 * One file of the set; `exclusive` files (a vedtak) are never put in place of an existing file.
 * `name` is a name in the folder or a path inside its web/ folder; `remove` removes that file.
 */
export interface SetFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly exclusive: boolean;
  readonly remove?: true;
}

export type PublishOutcome =
  | { readonly ok: true }
  | { readonly ok: false; readonly committed: boolean; readonly file: string; readonly error: unknown };

/** Write `files` (in the order given; manifest.json last) into the folder of `lock` as one unit. */
export function publishSet(host: Host, lock: HeldLock, files: readonly SetFile[]): PublishOutcome {
  const dir = lock.dir;
  const steps: JournalStep[] = [];
  let current = dir;
  let journal: Journal;
  try {
    for (const f of files) {
      if (f.remove) {
        steps.push({ temp: '', target: f.name, sha256: '', exclusive: false, remove: true });
        continue;
      }
      // Temp files lie in the version folder itself (a web/ path flattened), so recovery finds them.
      const temp = tempName(lock.buildId, f.name.split('/').join('+'));
      current = path.join(dir, f.name);
      host.writeNewFile(path.join(dir, temp), f.bytes);
      steps.push({ temp, target: f.name, sha256: sha256(f.bytes), exclusive: f.exclusive });
      if (steps.length === 1) host.stage('temp-written');
    }
    host.syncDir(dir);
    host.stage('temps-written');
    if (!stillHeld(host, lock)) throw new Error('the folder\'s lock was taken by another build');
    current = dir;
    journal = writeJournal(host, dir, lock.buildId, steps);
  } catch (error) {
    removeOwnTemps(host, lock);
    return { ok: false, committed: false, file: current, error };
  }
  host.stage('journal-written');
  try {
    applyJournal(host, dir, journal);
  } catch (error) {
    return { ok: false, committed: true, file: dir, error };
  }
  return { ok: true };
}

/** Remove this build's temp files, and no other's. */
function removeOwnTemps(host: Host, lock: HeldLock): void {
  try {
    for (const n of host.listDir(lock.dir)) if (tempOwner(n) === lock.buildId) host.removeFile(path.join(lock.dir, n));
  } catch {
    // Whatever is left is removed by the next build that holds the lock.
  }
}
