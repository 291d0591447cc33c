// The commit journal of a version folder: `.plantrykk-journal.json`, the list of renames that put one
// build's set of files (PDFs, arkivmetadata.json, manifest.json last) in place. Written atomically
// once every temp file of the set is on disk: its rename is the commit point. Before it, an
// interrupted build is rolled back (its temp files removed); after it, rolled forward (the renames
// completed) — by whichever build or `versions` next holds the folder's lock.
import * as path from 'node:path';
import type { Host } from '../../core/host.js';
import { sha256 } from '../manifest.js';
import { ARCHIVE_SIDECAR } from '../archiveSidecar.js';
import { tempName } from './lock.js';

export const JOURNAL_FILE = '.plantrykk-journal.json';
const JOURNAL_VERSION = 1;

/** One file of the set: its temp file, where it goes, and its checksum. */
export interface JournalStep {
  readonly temp: string;
  /** A name in the folder, or a path inside its web/ folder (the web edition). */
  readonly target: string;
  readonly sha256: string;
  /** Published with link(2), never replacing a file (a vedtak): an adopted document is never overwritten. */
  readonly exclusive: boolean;
  /** The target is removed (a file of the web edition the new build no longer has); `temp` is empty. */
  readonly remove?: true;
}

export interface Journal {
  readonly journalVersion: number;
  readonly buildId: string;
  readonly steps: readonly JournalStep[];
}

const plainName = (n: unknown): n is string => typeof n === 'string' && n !== '' && !n.includes('/') && !n.includes('\\') && n !== '.' && n !== '..';
/** A plain name, or a path of plain names inside web/ (never out of the folder). */
export const targetPath = (n: unknown): n is string =>
  plainName(n) || (typeof n === 'string' && n.startsWith('web/') && n.split('/').every((part) => plainName(part)));

/** Parse a journal; undefined when it is not one this tool wrote (it is then never acted on). */
export function parseJournal(text: string): Journal | undefined {
  try {
    const j = JSON.parse(text) as Partial<Journal>;
    if (j.journalVersion !== JOURNAL_VERSION || typeof j.buildId !== 'string' || !Array.isArray(j.steps)) return undefined;
    const ok = j.steps.every(
      (s: Partial<JournalStep>) =>
        targetPath(s.target) && typeof s.sha256 === 'string' && typeof s.exclusive === 'boolean' && (s.remove === true ? s.temp === '' : s.remove === undefined && plainName(s.temp)),
    );
    return ok ? (j as Journal) : undefined;
  } catch {
    return undefined;
  }
}

/** Write the journal of `steps` atomically (temp file, fsync, rename, fsync the folder): the commit. */
export function writeJournal(host: Host, dir: string, buildId: string, steps: readonly JournalStep[]): Journal {
  const journal: Journal = { journalVersion: JOURNAL_VERSION, buildId, steps };
  const temp = path.join(dir, tempName(buildId, 'journal'));
  host.writeNewFile(temp, `${JSON.stringify(journal, null, 2)}\n`);
  host.stage('journal-temp-written');
  host.rename(temp, path.join(dir, JOURNAL_FILE));
  host.syncDir(dir);
  return journal;
}

/** Why a journal's renames could not all be completed. */
export class JournalConflict extends Error {}

/**
 * Complete every step of `journal` (a step already done is recognised by its checksum), then remove
 * the journal. Idempotent: a process killed half-way leaves what the next one completes.
 * Throws JournalConflict when a target holds other bytes than the journal promised, leaving the
 * journal for a person to look at.
 */
export function applyJournal(host: Host, dir: string, journal: Journal): void {
  for (const [i, step] of journal.steps.entries()) {
    if (step.target === ARCHIVE_SIDECAR) host.stage('pdfs-renamed');
    const target = path.join(dir, step.target);
    if (step.remove) {
      if (host.isFile(target)) host.removeFile(target);
      continue;
    }
    const temp = path.join(dir, step.temp);
    if (step.target.includes('/')) host.mkdirp(path.dirname(target));
    if (host.isFile(temp)) {
      if (step.exclusive) {
        if (!host.linkExclusive(temp, target) && sha256(host.readBytes(target)) !== step.sha256) {
          throw new JournalConflict(`${step.target} exists with other content than the interrupted build published`);
        }
        host.removeFile(temp);
      } else {
        host.rename(temp, target);
      }
    } else if (!host.isFile(target) || sha256(host.readBytes(target)) !== step.sha256) {
      throw new JournalConflict(`${step.temp} is gone and ${step.target} does not hold the bytes the journal lists`);
    }
    if (i === 0) host.stage('first-renamed');
  }
  host.syncDir(dir);
  host.stage('manifest-renamed');
  host.removeFile(path.join(dir, JOURNAL_FILE));
  host.syncDir(dir);
  host.stage('journal-removed');
}
