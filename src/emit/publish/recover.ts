// Recovery of a version folder before anything reads or writes it, under its lock: a commit journal
// left by an interrupted build is rolled forward (its set was committed), then every temp file that is
// not this build's is removed (only a lock holder writes temp files, so they are a dead build's).
// Output: what was done, in words for the report, or why the folder cannot be recovered.
import * as path from 'node:path';
import type { Host } from '../../core/host.js';
import { applyJournal, JOURNAL_FILE, JournalConflict, parseJournal } from './journal.js';
import { isLockTemp, tempOwner, type HeldLock, type LockInfo } from './lock.js';

/** A build that waits for a lock keeps its lock temp file; one older than this belongs to a dead process. */
const LOCK_TEMP_MAX_AGE_MS = 10 * 60 * 1000;

export interface Recovery {
  /** What was done, one sentence each (empty when the folder was in order). */
  readonly done: readonly string[];
  /** Why the folder could not be brought into order; it was then left as it was found. */
  readonly failed?: string;
}

function who(l: LockInfo): string {
  return `pid ${l.pid} on ${l.hostname}, started ${l.startedAt}`;
}

/** Bring the folder of `lock` into a committed state; never touches a file of a live build. */
export function recoverFolder(host: Host, lock: HeldLock): Recovery {
  const dir = lock.dir;
  const done: string[] = [];
  const dead = lock.tookOver.map(who).join('; ');
  const journalPath = path.join(dir, JOURNAL_FILE);
  if (host.exists(journalPath)) {
    const journal = parseJournal(host.readBytes(journalPath).toString('utf8'));
    if (!journal) return { done, failed: `${JOURNAL_FILE} is not a commit journal plantrykk wrote; it was left as it was` };
    try {
      applyJournal(host, dir, journal);
    } catch (e) {
      if (e instanceof JournalConflict) return { done, failed: `the interrupted build's commit cannot be completed: ${e.message}` };
      throw e;
    }
    const files = journal.steps.map((s) => s.target).join(', ');
    done.push(`recovered an interrupted build${dead ? ` (${dead})` : ''}: its set was committed, so it was completed (${files})`);
  }
  const debris = host
    .listDir(dir)
    .filter((n) => n.startsWith('.plantrykk-') && n.endsWith('.tmp') && tempOwner(n) !== lock.buildId)
    .filter((n) => !isLockTemp(n) || host.ageMs(path.join(dir, n)) > LOCK_TEMP_MAX_AGE_MS);
  for (const n of debris) host.removeFile(path.join(dir, n));
  if (debris.length > 0) {
    host.syncDir(dir);
    done.push(`recovered an interrupted build${dead && done.length === 0 ? ` (${dead})` : ''}: it had not committed, so its ${debris.length} temp file${debris.length === 1 ? ' was' : 's were'} removed and nothing of it was published`);
  } else if (done.length === 0 && dead) {
    done.push(`took over the lock of a build that no longer runs (${dead}); it had written nothing`);
  }
  return { done };
}
