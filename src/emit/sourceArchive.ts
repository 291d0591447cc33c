// The kept source of a version: every file the loader read for a build (the plan folder's YAML files and
// images, the kommune profile and its logo) as one tar archive with deterministic bytes — entries sorted
// by name, mtime 0, uid/gid 0, no user names, mode 0644 — so the same source always gives the same file.
// Entry names: `<plan-folder>/<path in the folder>` and `kommunar/<file>`, the layout the loader expects.
import * as path from 'node:path';
import { createRequire } from 'node:module';
import type { PlanSources } from '../load/planLoader.js';
import { profileFolder } from '../load/kommuneProfile.js';

const require = createRequire(import.meta.url);
type TarStream = typeof import('tar-stream');

/** One file of the kept source; `name` uses `/` and is relative to the folder holding the plan folder. */
export interface SourceEntry {
  readonly name: string;
  readonly bytes: Buffer;
}

/** File name of a version's kept source: <plan-id>-<version>-kjelde.tar */
export function sourceArchiveName(planId: string, version: string): string {
  return `${planId}-${version}-kjelde.tar`;
}

/** Every file the loader read for `sources`, named as in the archive, sorted, each once. */
export function sourceEntries(sources: PlanSources): SourceEntry[] {
  const kommunar = profileFolder(sources.realDir);
  const nameOf = (absPath: string): string | undefined => {
    for (const [root, prefix] of [[sources.realDir, sources.folderName], [kommunar, 'kommunar']] as const) {
      const rel = path.relative(root, absPath);
      if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) return `${prefix}/${rel.split(path.sep).join('/')}`;
    }
    return undefined;
  };
  const byName = new Map<string, Buffer>();
  const add = (absPath: string, bytes: Buffer): void => {
    const name = nameOf(absPath);
    if (name !== undefined && !byName.has(name)) byName.set(name, bytes);
  };
  for (const f of sources.files) add(f.absPath, Buffer.from(f.text, 'utf8'));
  for (const image of sources.images.values()) if (image.absPath) add(image.absPath, image.bytes);
  const logoName = (sources.profile?.value as { logo?: unknown } | undefined)?.logo;
  if (sources.logo !== undefined && typeof logoName === 'string') add(path.join(kommunar, logoName), Buffer.from(sources.logo, 'utf8'));
  return [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, bytes]) => ({ name, bytes }));
}

/** The archive bytes of `entries` (written by tar-stream; its pack stream is filled synchronously). */
export function packSource(entries: readonly SourceEntry[]): Buffer {
  const tar = require('tar-stream') as TarStream;
  const pack = tar.pack();
  for (const e of entries) {
    pack.entry({ name: e.name, size: e.bytes.length, mode: 0o644, mtime: new Date(0), type: 'file', uid: 0, gid: 0, uname: '', gname: '' }, e.bytes);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for (let c: Buffer | null = pack.read() as Buffer | null; c !== null; c = pack.read() as Buffer | null) chunks.push(c);
  return Buffer.concat(chunks);
}

/** The files of an archive written by `packSource`; rejects a damaged archive or one with unsafe names. */
export function unpackSource(bytes: Buffer): Promise<SourceEntry[]> {
  const tar = require('tar-stream') as TarStream;
  return new Promise((resolve, reject) => {
    const out: SourceEntry[] = [];
    const extract = tar.extract();
    extract.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const name = header.name;
        const safe = header.type === 'file' && !name.startsWith('/') && !name.split('/').some((p) => p === '..' || p === '');
        if (!safe) {
          reject(new Error(`the archive holds an entry plantrykk does not write: '${name}'`));
          return;
        }
        out.push({ name, bytes: Buffer.concat(chunks) });
        next();
      });
      stream.resume();
    });
    extract.on('finish', () => resolve(out));
    extract.on('error', reject);
    extract.end(bytes);
  });
}
