// Host: the only place that touches the file system, the environment and the clock.
// Stages receive a Host, so the pipeline can be tested and never reads outside the plan folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { execFileSync, spawn } from 'node:child_process';
import { nodeAssets, type ToolAssets } from './assets.js';

/** What a path names, links followed: a regular file, a folder, or a thing that is not a file to read. */
export type PathKind = 'file' | 'directory' | 'fifo' | 'device' | 'socket' | 'missing';

/** A plan file read by `Host.readFile`: its bytes, or why it was not read (nothing of it was read then). */
export type FileRead =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: 'missing' }
  /** A link where the file was expected (it appeared after the path was checked). */
  | { readonly ok: false; readonly reason: 'link' }
  | { readonly ok: false; readonly reason: 'not-a-file'; readonly kind: Exclude<PathKind, 'file' | 'missing'> }
  /** Over the limit: `size` is the size found (at least limit + 1). */
  | { readonly ok: false; readonly reason: 'too-large'; readonly size: number }
  | { readonly ok: false; readonly reason: 'unreadable'; readonly detail: string };

/** File-system access the pipeline needs; nothing else. */
export interface Host {
  readonly cwd: string;
  readBytes(absPath: string): Buffer;
  exists(absPath: string): boolean;
  isDirectory(absPath: string): boolean;
  isFile(absPath: string): boolean;
  realpath(absPath: string): string;
  /** Where a symbolic link points (absolute), or undefined when `absPath` is not a link. */
  linkTarget(absPath: string): string | undefined;
  listDir(absPath: string): string[];
  fileSize(absPath: string): number;
  mkdirp(absPath: string): void;
  removeFile(absPath: string): void;
  /** What `absPath` is (links followed), without opening it. */
  kindOf(absPath: string): PathKind;
  /**
   * Read a plan file: only a regular file, never through a link at its last step, at most `limit`
   * bytes. A FIFO, device or folder is never read from, so nothing can hang or fill memory.
   */
  readFile(absPath: string, limit: number): FileRead;
  /** Throws `TimeLimitReached` once the run's time limit has passed; called between units of work. */
  checkTime(): void;
  /** The tool's own files (templates, labels, fonts, compiled validators): read-only. */
  readonly assets: ToolAssets;

  // --- publishing a version folder as one unit (src/emit/publish/): the primitives it is made of
  /** Create `absPath` (fails if it exists), write all of `data`, fsync: the bytes are on disk when it returns. */
  writeNewFile(absPath: string, data: Buffer | string): void;
  /** rename(2): atomically puts `from` in place of `to`. */
  rename(from: string, to: string): void;
  /** link(2), create-exclusive: false (and nothing changed) when `to` exists. */
  linkExclusive(from: string, to: string): boolean;
  /** fsync a folder, so the renames and links in it survive a crash. */
  syncDir(absPath: string): void;
  /** Milliseconds since the file was last modified. */
  ageMs(absPath: string): number;
  /** This process, as a lock file records it. */
  self(): ProcessIdentity;
  /** Whether the process a lock names still runs (false when its pid now belongs to another process). */
  processAlive(who: ProcessIdentity): boolean;
  /** The clock, as an ISO time (only for lock files; nothing in a PDF comes from the clock). */
  now(): string;
  /** A random id, unique per build (names its temp files). */
  newId(): string;
  /** Block this thread for `ms` milliseconds (waiting for another build's lock). */
  sleep(ms: number): void;
  /** Fault-test hook at a publishing stage (PLANTRYKK_TEST_HOOKS=1 only): kill or pause this process there. */
  stage(name: string): void;
}

/** A process as a lock records it: pid, host name and, where /proc has it, the kernel's start time. */
export interface ProcessIdentity {
  readonly pid: number;
  readonly hostname: string;
  /** Field 22 of /proc/<pid>/stat: tells a live holder from a later process that got the same pid. */
  readonly startTicks?: string;
}

/** The plan folders (holding a plan.yaml) directly inside `dir`, sorted. */
export function planFolders(host: Host, dir: string): string[] {
  if (!host.isDirectory(dir)) return [];
  return host.listDir(dir).filter((n) => host.isFile(path.join(dir, n, 'plan.yaml'))).map((n) => path.join(dir, n));
}

function writeSynced(tmp: string, data: Buffer | string, sync = true): void {
  const fd = fs.openSync(tmp, 'wx', 0o644);
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    // write(2) may write less than asked (a disk filling up): go on until all is written or it fails.
    let done = 0;
    while (done < bytes.length) {
      const n = fs.writeSync(fd, bytes, done, bytes.length - done);
      if (n <= 0) throw new Error('no space left to write');
      done += n;
    }
    if (sync) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems do not allow fsync on a directory; the rename is still atomic.
  }
}

/** The real host: Node's file system. */
export const nodeHost: Host = {
  cwd: process.cwd(),
  readBytes: (p) => fs.readFileSync(p),
  exists: (p) => fs.existsSync(p),
  isDirectory: (p) => fs.existsSync(p) && fs.statSync(p).isDirectory(),
  isFile: (p) => fs.existsSync(p) && fs.statSync(p).isFile(),
  realpath: (p) => fs.realpathSync(p),
  linkTarget: (p) => {
    try {
      return fs.lstatSync(p).isSymbolicLink() ? path.resolve(path.dirname(p), fs.readlinkSync(p)) : undefined;
    } catch {
      return undefined;
    }
  },
  listDir: (p) => fs.readdirSync(p).sort(),
  fileSize: (p) => fs.statSync(p).size,
  mkdirp: (p) => {
    fs.mkdirSync(p, { recursive: true });
  },
  removeFile: (p) => fs.rmSync(p, { force: true }),
  kindOf: (p) => {
    try {
      return kindOfStats(fs.statSync(p));
    } catch {
      return 'missing';
    }
  },
  readFile: readRegularFile,
  checkTime: () => undefined,
  assets: nodeAssets,

  writeNewFile(absPath, data) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const full = testDiskFull(path.dirname(absPath), bytes.length);
    if (full === undefined) return writeSynced(absPath, bytes);
    // Fault tests: a disk with `full` bytes left takes that much, then fails as a full disk does.
    writeSynced(absPath, bytes.subarray(0, full), false);
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${absPath}'`), { code: 'ENOSPC' });
  },
  rename: (from, to) => fs.renameSync(from, to),
  linkExclusive(from, to) {
    try {
      fs.linkSync(from, to);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  },
  syncDir: (p) => fsyncDir(p),
  ageMs: (p) => Date.now() - fs.statSync(p).mtimeMs,
  self: () => ({ pid: process.pid, hostname: os.hostname(), ...startTicksOf(process.pid) }),
  processAlive(who) {
    if (who.hostname !== os.hostname()) return true; // another machine's process cannot be asked: assume it runs
    if (who.pid === process.pid) return false; // a lock naming this pid was left by an earlier process
    try {
      process.kill(who.pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
    }
    const now = startTicksOf(who.pid).startTicks;
    return who.startTicks === undefined || now === undefined || now === who.startTicks;
  },
  now: () => new Date().toISOString(),
  newId: () => randomBytes(8).toString('hex'),
  sleep: (ms) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  },
  stage(name) {
    if (process.env.PLANTRYKK_TEST_HOOKS !== '1') return;
    if (process.env.PLANTRYKK_TEST_KILL_AT === name) process.kill(process.pid, 'SIGKILL');
    const [at, ms] = (process.env.PLANTRYKK_TEST_PAUSE_AT ?? '').split(':');
    if (at === name) nodeHost.sleep(Number(ms) || 0);
  },
};

function kindOfStats(st: fs.Stats): PathKind {
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'device';
}

/**
 * Open without following a link at the last step and without waiting for a writer (O_NONBLOCK, so a
 * FIFO cannot hang), then decide by fstat of the open file — not of the path, which could change in
 * between — and read at most limit + 1 bytes. Where /proc is there, the open file must also be the
 * one at `absPath` (no folder on the way was swapped for a link after the path was resolved).
 */
function readRegularFile(absPath: string, limit: number): FileRead {
  let fd: number;
  try {
    fd = fs.openSync(absPath, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, reason: 'missing' };
    if (code === 'ELOOP') return { ok: false, reason: 'link' };
    return { ok: false, reason: 'unreadable', detail: readError(e) };
  }
  try {
    const kind = kindOfStats(fs.fstatSync(fd));
    if (kind !== 'file') return { ok: false, reason: 'not-a-file', kind: kind as Exclude<PathKind, 'file' | 'missing'> };
    let opened: string | undefined;
    try {
      opened = fs.readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      opened = undefined; // no /proc: O_NOFOLLOW and the resolved path are all there is
    }
    if (opened !== undefined && opened !== absPath) return { ok: false, reason: 'link' };
    const size = fs.fstatSync(fd).size;
    if (size > limit) return { ok: false, reason: 'too-large', size };
    // The file may grow after fstat: read until its end, but never more than limit + 1 bytes.
    const buf = Buffer.alloc(Math.min(limit + 1, Math.max(size, 64 * 1024)));
    let done = 0;
    for (;;) {
      if (done === buf.length) break;
      const n = fs.readSync(fd, buf, done, buf.length - done, null);
      if (n === 0) break;
      done += n;
    }
    if (done > limit) return { ok: false, reason: 'too-large', size: done };
    return { ok: true, bytes: buf.subarray(0, done) };
  } catch (e) {
    return { ok: false, reason: 'unreadable', detail: readError(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** A read error in a few words, without the path (the diagnostic names the file). */
function readError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EACCES' || err.code === 'EPERM') return 'permission denied';
  return (err.message ?? String(e)).replace(/,.*$/s, '');
}

/** Thrown by `Host.checkTime` once the time limit has passed: the run stops, nothing is written. */
export class TimeLimitReached extends Error {
  constructor(readonly seconds: number) {
    super(`the time limit of ${seconds} s was reached`);
    this.name = 'TimeLimitReached';
  }
}

function startTicksOf(pid: number): { startTicks?: string } {
  try {
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return ticks ? { startTicks: ticks } : {};
  } catch {
    return {};
  }
}

/**
 * Fault tests only (PLANTRYKK_TEST_HOOKS=1, PLANTRYKK_TEST_DISK_FREE=<bytes>): a folder on a disk that
 * holds that many bytes. Returns how much of a `size`-byte write still fits, or undefined when all fits.
 */
function testDiskFull(dir: string, size: number): number | undefined {
  if (process.env.PLANTRYKK_TEST_HOOKS !== '1' || process.env.PLANTRYKK_TEST_DISK_FREE === undefined) return undefined;
  const capacity = Number(process.env.PLANTRYKK_TEST_DISK_FREE);
  const used = fs.readdirSync(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0);
  return used + size <= capacity ? undefined : Math.max(0, capacity - used);
}

/** Seconds a build or `versions` waits for another build's lock on a version folder: PLANTRYKK_LOCK_WAIT, or 60. */
export function lockWaitSeconds(): number {
  const v = Number(process.env.PLANTRYKK_LOCK_WAIT);
  return Number.isFinite(v) && v >= 0 && process.env.PLANTRYKK_LOCK_WAIT !== '' ? v : 60;
}

/**
 * `host` with a time limit of `seconds` from now. A timer cannot stop work that runs on the main
 * thread without a pause (parsing, checking), so the limit is checked between units of work: before
 * every file is read, and wherever the pipeline calls `checkTime` (between stages).
 */
export function withTimeLimit(host: Host, seconds: number, now: () => number = () => performance.now()): Host {
  const end = now() + seconds * 1000;
  const checkTime = (): void => {
    host.checkTime();
    if (now() >= end) throw new TimeLimitReached(seconds);
  };
  return {
    ...host,
    checkTime,
    readFile: (p, limit) => {
      checkTime();
      return host.readFile(p, limit);
    },
  };
}

/** How a path is shown to users: relative to the working folder when inside it, else absolute. */
export function displayPath(host: Host, absPath: string): string {
  const r = path.relative(host.cwd, absPath);
  return r === '' ? '.' : r.startsWith('..') || path.isAbsolute(r) ? absPath : r;
}

/** The build time limit in seconds: PLANTRYKK_TIME_LIMIT, or 120. */
export function timeLimitSeconds(): number {
  const v = Number(process.env.PLANTRYKK_TIME_LIMIT);
  return Number.isFinite(v) && v > 0 ? v : 120;
}

/** How many builds may run at once: one per core. */
export function parallelism(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * Render worker threads for one build: PLANTRYKK_RENDER_WORKERS, or one for every two cores, at
 * most two. A worker keeps its compiled code and its shaped words from one variant to the next, and
 * its JIT and garbage collector run on a second core: on two cores one worker renders two or three
 * variants in turn faster than two workers side by side.
 */
export function renderWorkers(cores = parallelism()): number {
  const v = Number(process.env.PLANTRYKK_RENDER_WORKERS);
  return Number.isInteger(v) && v > 0 ? v : Math.max(1, Math.min(2, Math.floor(cores / 2)));
}

/** Run this same command line tool as a child process; resolves with its exit code and output. */
export function runSelf(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [process.argv[1]!, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('close', (code) => resolve({ code: code ?? 70, stdout, stderr }));
  });
}

/** Run an installed command-line program (qpdf) and return its standard output. */
export function runProgram(command: string, args: readonly string[]): string {
  // stderr captured, not passed through: the caller reports what the program said (audit: qpdf's repairs).
  return execFileSync(command, [...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
}
