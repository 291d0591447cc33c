// Host: the only place that touches the file system, the environment and the clock.
// Stages receive a Host, so the pipeline can be tested and never reads outside the plan folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { execFileSync, spawn } from 'node:child_process';

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
  /** Write via a temp file in the same folder, fsync, then rename: readers never see a partial file. */
  writeFileAtomic(absPath: string, data: Buffer | string): void;
  /** Publish only if the target does not exist yet (link(2) is create-exclusive); false if it exists. */
  publishExclusive(absPath: string, data: Buffer | string): boolean;
  removeFile(absPath: string): void;
}

/** The plan folders (holding a plan.yaml) directly inside `dir`, sorted. */
export function planFolders(host: Host, dir: string): string[] {
  if (!host.isDirectory(dir)) return [];
  return host.listDir(dir).filter((n) => host.isFile(path.join(dir, n, 'plan.yaml'))).map((n) => path.join(dir, n));
}

function tempNameFor(absPath: string): string {
  return path.join(path.dirname(absPath), `.plantrykk-${path.basename(absPath)}.${randomBytes(6).toString('hex')}.tmp`);
}

function writeSynced(tmp: string, data: Buffer | string): void {
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
    fs.fsyncSync(fd);
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
  writeFileAtomic(absPath, data) {
    const tmp = tempNameFor(absPath);
    try {
      writeSynced(tmp, data);
      fs.renameSync(tmp, absPath);
      fsyncDir(path.dirname(absPath));
    } catch (e) {
      fs.rmSync(tmp, { force: true });
      throw e;
    }
  },
  publishExclusive(absPath, data) {
    const tmp = tempNameFor(absPath);
    try {
      writeSynced(tmp, data);
      try {
        fs.linkSync(tmp, absPath);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      }
      fsyncDir(path.dirname(absPath));
      return true;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  },
  removeFile: (p) => fs.rmSync(p, { force: true }),
};

/** Temp files a killed run left behind in `dir`; the next run removes them. */
export function leftoverTempFiles(host: Host, dir: string): string[] {
  if (!host.isDirectory(dir)) return [];
  return host.listDir(dir).filter((n) => n.startsWith('.plantrykk-') && n.endsWith('.tmp'));
}

/** A source file's text for a diagnostic's code frame; undefined when it cannot be read. */
export function readTextForReport(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
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
