// emit/publish: the version folder's lock, its recovery and its commit journal, on real folders.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/core/host.js';
import { acquireLock, LOCK_FILE, readLock, releaseLock, tempName, type HeldLock } from '../../src/emit/publish/lock.js';
import { recoverFolder } from '../../src/emit/publish/recover.js';
import { applyJournal, JOURNAL_FILE, parseJournal, writeJournal } from '../../src/emit/publish/journal.js';
import { sha256 } from '../../src/emit/manifest.js';

const dir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-publish-'));
const lockOf = (d: string, fields: Record<string, unknown>): void =>
  fs.writeFileSync(path.join(d, LOCK_FILE), JSON.stringify({ lockVersion: 1, buildId: 'aaaaaaaaaaaaaaaa', command: 'build', startedAt: '2024-01-01T00:00:00.000Z', hostname: os.hostname(), ...fields }));
const held = (r: ReturnType<typeof acquireLock>): HeldLock => {
  if ('kind' in r) throw new Error(`lock not taken: ${r.kind}`);
  return r;
};

describe('version folder lock', () => {
  it('is exclusive: a second taker waits and gives up while the first holds it', () => {
    const d = dir();
    const first = held(acquireLock(nodeHost, d, 'build', 0));
    // The same process again: a lock naming this pid but another build id counts as live only for
    // other processes, so ask as another host would see it.
    lockOf(d, { buildId: first.buildId, pid: process.pid, hostname: 'another-machine' });
    const second = acquireLock(nodeHost, d, 'build', 0.1);
    expect('kind' in second && second.kind).toBe('busy');
    expect(readLock(nodeHost, d)).toMatchObject({ hostname: 'another-machine' });
  });

  it('takes over the lock of a pid that is gone, and of a pid now used by a later process', () => {
    const d = dir();
    lockOf(d, { pid: 2 ** 22 + 7 }); // above Linux's pid_max default: no such process
    const a = held(acquireLock(nodeHost, d, 'build', 0));
    expect(a.tookOver.map((l) => l.pid)).toEqual([2 ** 22 + 7]);
    releaseLock(nodeHost, a);
    expect(fs.existsSync(path.join(d, LOCK_FILE))).toBe(false);
    // PID 1 runs, but started at another time than the lock says: the holder is dead, the pid reused.
    lockOf(d, { pid: 1, startTicks: '999999999999' });
    const b = held(acquireLock(nodeHost, d, 'build', 0));
    expect(b.tookOver.map((l) => l.pid)).toEqual([1]);
    expect(fs.readdirSync(d)).toEqual([LOCK_FILE]);
  });

  it('is removed on release only when it is still this build\'s own', () => {
    const d = dir();
    const a = held(acquireLock(nodeHost, d, 'build', 0));
    lockOf(d, { buildId: 'bbbbbbbbbbbbbbbb', pid: process.pid });
    releaseLock(nodeHost, a);
    expect(readLock(nodeHost, d)).toMatchObject({ buildId: 'bbbbbbbbbbbbbbbb' });
  });
});

describe('recovery and the journal', () => {
  it('removes a dead build\'s temp files but not the fresh lock temp file of a build waiting for the lock', () => {
    const d = dir();
    const waiting = tempName('cccccccccccccccc', 'lock');
    const debris = tempName('dddddddddddddddd', 'minimal-1.0-vedtak.pdf');
    fs.writeFileSync(path.join(d, waiting), '{}');
    fs.writeFileSync(path.join(d, debris), 'half');
    fs.writeFileSync(path.join(d, 'keep.pdf'), 'not ours to touch');
    const lock = held(acquireLock(nodeHost, d, 'build', 0));
    const r = recoverFolder(nodeHost, lock);
    expect(r.done).toEqual([expect.stringContaining('its 1 temp file was removed and nothing of it was published')]);
    expect(fs.readdirSync(d).sort()).toEqual([waiting, LOCK_FILE, 'keep.pdf'].sort());
  });

  it('completes a committed set however far its renames got, and never puts a vedtak over other bytes', () => {
    const d = dir();
    const id = 'eeeeeeeeeeeeeeee';
    const files = { 'a-vedtak.pdf': 'vedtak bytes', 'manifest.json': '{"m":1}' };
    const steps = Object.entries(files).map(([name, text]) => {
      fs.writeFileSync(path.join(d, tempName(id, name)), text);
      return { temp: tempName(id, name), target: name, sha256: sha256(Buffer.from(text)), exclusive: name.endsWith('vedtak.pdf') };
    });
    const journal = writeJournal(nodeHost, d, id, steps);
    expect(parseJournal(fs.readFileSync(path.join(d, JOURNAL_FILE), 'utf8'))).toEqual(journal);
    // Half done: the vedtak linked (its temp still there), the manifest not yet renamed.
    fs.linkSync(path.join(d, steps[0]!.temp), path.join(d, 'a-vedtak.pdf'));
    applyJournal(nodeHost, d, journal);
    expect(fs.readdirSync(d).sort()).toEqual(['a-vedtak.pdf', 'manifest.json']);
    expect(fs.readFileSync(path.join(d, 'manifest.json'), 'utf8')).toBe('{"m":1}');

    const d2 = dir();
    fs.writeFileSync(path.join(d2, steps[0]!.temp), 'vedtak bytes');
    fs.writeFileSync(path.join(d2, 'a-vedtak.pdf'), 'another adopted vedtak');
    expect(() => applyJournal(nodeHost, d2, { journalVersion: 1, buildId: id, steps: [steps[0]!] })).toThrow(/exists with other content/);
    expect(fs.readFileSync(path.join(d2, 'a-vedtak.pdf'), 'utf8')).toBe('another adopted vedtak');
  });

  it('refuses a journal that names a path outside the folder', () => {
    expect(parseJournal(JSON.stringify({ journalVersion: 1, buildId: 'x', steps: [{ temp: 't', target: '../evil', sha256: '0', exclusive: false }] }))).toBeUndefined();
    expect(parseJournal('{"journalVersion":1')).toBeUndefined();
  });
});
