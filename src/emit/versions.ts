// `plantrykk versions`: the versions of a plan in its output folder, each document with its
// variant, date, status and checksum, and whether the file on disk still matches its manifest.
import * as path from 'node:path';
import type { Host } from '../core/host.js';
import { sha256, type Manifest } from './manifest.js';

export type FileState = 'ok' | 'changed' | 'missing';

export interface VersionRow {
  readonly version: string;
  readonly variant: string;
  readonly date: string;
  readonly file: string;
  readonly sha256: string;
  readonly pages: number;
  readonly state: FileState;
}

/** Every document of every version of `planId` under `outRoot`, checked against its manifest. */
export function listVersions(host: Host, outRoot: string, planId: string): VersionRow[] {
  const planDir = path.join(outRoot, planId);
  if (!host.isDirectory(planDir)) return [];
  const rows: VersionRow[] = [];
  for (const version of host.listDir(planDir)) {
    const manifestPath = path.join(planDir, version, 'manifest.json');
    if (!host.isFile(manifestPath)) continue;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(host.readBytes(manifestPath).toString('utf8')) as Manifest;
    } catch {
      continue;
    }
    for (const d of manifest.documents) {
      const file = path.join(planDir, version, d.file);
      const state: FileState = !host.isFile(file) ? 'missing' : sha256(host.readBytes(file)) === d.sha256 ? 'ok' : 'changed';
      rows.push({ version, variant: d.variant, date: d.date, file, sha256: d.sha256, pages: d.pages, state });
    }
  }
  return rows;
}
