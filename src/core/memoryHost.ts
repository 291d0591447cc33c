// An in-memory Host for tests: a file tree given as data — files, folders, symbolic links, FIFOs,
// devices and unreadable files — with the same answers the real host gives, and no disk touched.
// The tool's own files (templates, fonts) still come from `assets`, the installed ones by default.
import * as path from 'node:path';
import { nodeAssets, type ToolAssets } from './assets.js';
import type { FileRead, Host, PathKind } from './host.js';

/** One entry of a memory tree: a file's text or bytes, or a special entry. */
export type MemoryEntry =
  | string
  | Buffer
  | { readonly link: string }
  | { readonly folder: true }
  | { readonly special: 'fifo' | 'device' | 'socket' }
  | { readonly unreadable: string };

type Node =
  | { readonly type: 'file'; bytes: Buffer }
  | { readonly type: 'directory' }
  | { readonly type: 'link'; readonly target: string }
  | { readonly type: 'fifo' | 'device' | 'socket' }
  | { readonly type: 'unreadable'; readonly detail: string };

/** A Host whose files live in memory; `files()` lists every file's text (for checking what was written). */
export interface MemoryHost extends Host {
  files(): Record<string, string>;
}

const MAX_LINK_HOPS = 40;

function errno(code: string, p: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${p}`), { code });
}

/** A Host over `tree` (absolute paths → entries); folders above each entry exist by themselves. */
export function memoryHost(tree: Readonly<Record<string, MemoryEntry>>, options: { cwd?: string; assets?: ToolAssets } = {}): MemoryHost {
  const nodes = new Map<string, Node>([['/', { type: 'directory' }]]);
  const addFolders = (p: string): void => {
    for (let d = path.dirname(p); !nodes.has(d); d = path.dirname(d)) nodes.set(d, { type: 'directory' });
  };
  const put = (p: string, node: Node): void => {
    nodes.set(p, node);
    addFolders(p);
  };
  for (const [p, e] of Object.entries(tree)) {
    const abs = path.resolve('/', p);
    if (typeof e === 'string') put(abs, { type: 'file', bytes: Buffer.from(e, 'utf8') });
    else if (Buffer.isBuffer(e)) put(abs, { type: 'file', bytes: e });
    else if ('link' in e) put(abs, { type: 'link', target: e.link });
    else if ('folder' in e) put(abs, { type: 'directory' });
    else if ('special' in e) put(abs, { type: e.special });
    else put(abs, { type: 'unreadable', detail: e.unreadable });
  }

  /** The path with links resolved (the last one only when `followLast`); throws ELOOP on a circle. */
  const resolve = (p: string, followLast: boolean): string => {
    let parts = path.resolve('/', p).split('/').filter(Boolean);
    let cur = '/';
    let hops = 0;
    while (parts.length > 0) {
      const comp = parts.shift()!;
      if (comp === '..') {
        cur = path.dirname(cur);
        continue;
      }
      if (comp === '.') continue;
      const next = path.join(cur, comp);
      const node = nodes.get(next);
      if (node?.type === 'link' && (parts.length > 0 || followLast)) {
        if (++hops > MAX_LINK_HOPS) throw errno('ELOOP', p);
        if (path.isAbsolute(node.target)) cur = '/';
        parts = [...node.target.split('/').filter(Boolean), ...parts];
        continue;
      }
      cur = next;
    }
    return cur;
  };
  const nodeAt = (p: string, followLast = true): Node | undefined => {
    try {
      return nodes.get(resolve(p, followLast));
    } catch {
      return undefined;
    }
  };
  const kindOf = (p: string): PathKind => {
    const n = nodeAt(p);
    if (n === undefined || n.type === 'link') return 'missing';
    return n.type === 'unreadable' ? 'file' : n.type;
  };
  const write = (p: string, data: Buffer | string): void => {
    const parent = nodeAt(path.dirname(p));
    if (parent?.type !== 'directory') throw errno('ENOENT', p);
    nodes.set(resolve(p, true), { type: 'file', bytes: typeof data === 'string' ? Buffer.from(data, 'utf8') : data });
  };

  let idCounter = 0;
  return {
    cwd: options.cwd ?? '/',
    readBytes: (p) => {
      const n = nodeAt(p);
      if (n?.type !== 'file') throw errno(n === undefined ? 'ENOENT' : 'EISDIR', p);
      return n.bytes;
    },
    exists: (p) => nodeAt(p) !== undefined && nodeAt(p)?.type !== 'link',
    isDirectory: (p) => kindOf(p) === 'directory',
    isFile: (p) => kindOf(p) === 'file',
    realpath: (p) => {
      const real = resolve(p, true);
      if (!nodes.has(real)) throw errno('ENOENT', p);
      return real;
    },
    linkTarget: (p) => {
      const abs = path.resolve('/', p);
      const n = nodeAt(abs, false);
      return n?.type === 'link' ? path.resolve(path.dirname(abs), n.target) : undefined;
    },
    listDir: (p) => {
      const dir = resolve(p, true);
      if (nodes.get(dir)?.type !== 'directory') throw errno('ENOTDIR', p);
      return [...nodes.keys()].filter((k) => k !== '/' && path.dirname(k) === dir).map((k) => path.basename(k)).sort();
    },
    fileSize: (p) => {
      const n = nodeAt(p);
      if (n?.type !== 'file') throw errno('ENOENT', p);
      return n.bytes.length;
    },
    mkdirp: (p) => {
      const abs = resolve(p, true);
      if (!nodes.has(abs)) put(abs, { type: 'directory' });
    },
    removeFile: (p) => {
      nodes.delete(path.resolve('/', p));
    },
    kindOf,
    readFile: (p, limit): FileRead => {
      const abs = path.resolve('/', p);
      let n: Node | undefined;
      try {
        // As the real host: no link at the last step, and none on the way (the path is resolved).
        if (resolve(path.dirname(abs), true) !== path.dirname(abs)) return { ok: false, reason: 'link' };
        n = nodes.get(resolve(abs, false));
      } catch {
        return { ok: false, reason: 'link' };
      }
      if (n === undefined) return { ok: false, reason: 'missing' };
      if (n.type === 'link') return { ok: false, reason: 'link' };
      if (n.type === 'unreadable') return { ok: false, reason: 'unreadable', detail: n.detail };
      if (n.type !== 'file') return { ok: false, reason: 'not-a-file', kind: n.type };
      if (n.bytes.length > limit) return { ok: false, reason: 'too-large', size: n.bytes.length };
      return { ok: true, bytes: n.bytes };
    },
    // Publishing primitives (src/emit/publish/), in memory: one process, no other builds.
    writeNewFile: (p, data) => {
      if (nodeAt(p, false) !== undefined) throw errno('EEXIST', p);
      write(p, data);
    },
    rename: (from, to) => {
      const src = path.resolve('/', from);
      const n = nodes.get(src);
      if (n === undefined) throw errno('ENOENT', from);
      nodes.delete(src);
      put(path.resolve('/', to), n);
    },
    linkExclusive: (from, to) => {
      const n = nodeAt(from);
      if (n?.type !== 'file') throw errno('ENOENT', from);
      if (nodeAt(to, false) !== undefined) return false;
      put(path.resolve('/', to), { type: 'file', bytes: n.bytes });
      return true;
    },
    syncDir: () => undefined,
    ageMs: () => 0,
    self: () => ({ pid: 1, hostname: 'memory' }),
    processAlive: () => false, // one process: a lock found here was left by an earlier run
    now: () => '2000-01-01T00:00:00.000Z',
    newId: () => `m${(idCounter++).toString(16).padStart(15, '0')}`,
    sleep: () => undefined,
    stage: () => undefined,
    checkTime: () => undefined,
    assets: options.assets ?? nodeAssets,
    files: () => Object.fromEntries([...nodes].flatMap(([k, n]) => (n.type === 'file' ? [[k, n.bytes.toString('utf8')]] : []))),
  };
}
