// The lock of one version folder: `.plantrykk.lock`, created create-exclusive (a hard link to a fully
// written temp file, so no process ever sees a half-written lock), holding the build id, pid, host and
// start time of its holder. Only the holder writes into the folder. A lock whose holder no longer runs
// is taken over and the takeover reported; a live holder is waited for, up to a limit.
import * as path from 'node:path';
import type { Host, ProcessIdentity } from '../../core/host.js';

export const LOCK_FILE = '.plantrykk.lock';
const LOCK_VERSION = 1;

/** What a lock file says about its holder. */
export interface LockInfo extends ProcessIdentity {
  readonly lockVersion: number;
  readonly buildId: string;
  readonly command: string;
  readonly startedAt: string;
}

/** A lock this process holds; `tookOver` names the dead holder whose lock it replaced. */
export interface HeldLock {
  readonly dir: string;
  readonly buildId: string;
  readonly tookOver: readonly LockInfo[];
}

export type LockFailure =
  | { readonly kind: 'busy'; readonly holder: LockInfo | undefined; readonly lockPath: string }
  | { readonly kind: 'io'; readonly error: unknown; readonly lockPath: string };

/** The name of a temp file of build `buildId` (the only temp files that build ever removes). */
export function tempName(buildId: string, what: string): string {
  return `.plantrykk-${buildId}-${what}.tmp`;
}

/**
 * Whether a temp file is one of the short-lived files of taking a lock, which a build writes before it
 * holds the lock: another build removes such a file only when it is old (then its writer is dead).
 */
export function isLockTemp(name: string): boolean {
  return /-(stale-)?lock\.tmp$/.test(name);
}

/** The build id in a temp file's name, or undefined when the name is not one of ours. */
export function tempOwner(name: string): string | undefined {
  return /^\.plantrykk-([0-9a-f]{16})-.+\.tmp$/.exec(name)?.[1];
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (v.lockVersion !== LOCK_VERSION || typeof v.buildId !== 'string' || !Number.isInteger(v.pid) || typeof v.hostname !== 'string') return undefined;
    return v as LockInfo;
  } catch {
    return undefined;
  }
}

/** Read the lock in `dir`: undefined when there is none, 'unreadable' when it is not a lock we wrote. */
export function readLock(host: Host, dir: string): LockInfo | 'unreadable' | undefined {
  const p = path.join(dir, LOCK_FILE);
  let text: string;
  try {
    text = host.readBytes(p).toString('utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unreadable';
  }
  return parseLock(text) ?? 'unreadable';
}

/**
 * Take the lock of `dir` (which must exist), waiting up to `waitSeconds` for a live holder. A holder
 * that no longer runs loses its lock: the takeover is returned so the caller can report it.
 */
export function acquireLock(host: Host, dir: string, command: string, waitSeconds: number): HeldLock | LockFailure {
  const lockPath = path.join(dir, LOCK_FILE);
  const buildId = host.newId();
  const me: LockInfo = { lockVersion: LOCK_VERSION, buildId, command, startedAt: host.now(), ...host.self() };
  const mine = path.join(dir, tempName(buildId, 'lock'));
  const tookOver: LockInfo[] = [];
  const deadline = Date.parse(host.now()) + waitSeconds * 1000;
  const text = `${JSON.stringify(me)}\n`;
  try {
    host.writeNewFile(mine, text);
  } catch (e) {
    host.removeFile(mine);
    return { kind: 'io', error: e, lockPath };
  }
  try {
    for (;;) {
      if (!host.isFile(mine)) host.writeNewFile(mine, text); // removed by someone else: write it again
      if (host.linkExclusive(mine, lockPath)) {
        host.syncDir(dir);
        return { dir, buildId, tookOver };
      }
      const holder = readLock(host, dir);
      if (holder === undefined) continue; // released between our link and our read: try again
      if (holder !== 'unreadable' && !host.processAlive(holder)) {
        if (takeOver(host, dir, holder, buildId)) tookOver.push(holder);
        continue;
      }
      if (Date.parse(host.now()) >= deadline) return { kind: 'busy', holder: holder === 'unreadable' ? undefined : holder, lockPath };
      host.sleep(50);
    }
  } catch (e) {
    return { kind: 'io', error: e, lockPath };
  } finally {
    host.removeFile(mine);
  }
}

/**
 * Move a dead holder's lock aside. Between reading the lock and moving it another process may have
 * taken over and locked anew: the moved file is then not the dead one's, and is put back.
 */
function takeOver(host: Host, dir: string, dead: LockInfo, buildId: string): boolean {
  const lockPath = path.join(dir, LOCK_FILE);
  const aside = path.join(dir, tempName(buildId, 'stale-lock'));
  try {
    host.rename(lockPath, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  let moved: LockInfo | undefined;
  try {
    moved = parseLock(host.readBytes(aside).toString('utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  if (moved?.buildId !== dead.buildId) {
    host.linkExclusive(aside, lockPath);
    host.removeFile(aside);
    return false;
  }
  host.removeFile(aside);
  return true;
}

/** Whether `lock` is still this process's (a takeover by mistake would show here). */
export function stillHeld(host: Host, lock: HeldLock): boolean {
  const now = readLock(host, lock.dir);
  return now !== undefined && now !== 'unreadable' && now.buildId === lock.buildId;
}

/** Give the lock up; only ever removes a lock that is this build's own. */
export function releaseLock(host: Host, lock: HeldLock): void {
  if (!stillHeld(host, lock)) return;
  host.removeFile(path.join(lock.dir, LOCK_FILE));
  host.syncDir(lock.dir);
}
