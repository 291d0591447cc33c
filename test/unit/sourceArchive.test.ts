// emit/sourceArchive: the kept source of a version — what the loader read, as deterministic tar bytes.
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink } from '../../src/core/diagnostics.js';
import { loadPlan } from '../../src/load/planLoader.js';
import { packSource, sourceEntries, unpackSource } from '../../src/emit/sourceArchive.js';

const ALVER = path.resolve(__dirname, '../../plan-data/alver-hso');

describe('kept source archive', () => {
  it('holds every file the loader read (plan folder, profile, logo), sorted, with fixed metadata', async () => {
    const sources = loadPlan(nodeHost, ALVER, new DiagnosticSink())!;
    const entries = sourceEntries(sources);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('alver-hso/plan.yaml');
    expect(names).toContain('kommunar/alver.yaml');
    expect(names).toContain('kommunar/alver.svg');
    expect(names.filter((n) => n.startsWith('alver-hso/kapittel/'))).toHaveLength(7);
    const bytes = packSource(entries);
    expect(packSource(sourceEntries(loadPlan(nodeHost, ALVER, new DiagnosticSink())!)).equals(bytes)).toBe(true);
    // GNU tar reads it, with mtime 0 and owner 0/0 on every entry.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-src-')), 'k.tar');
    fs.writeFileSync(file, bytes);
    const listing = spawnSync('tar', ['--numeric-owner', '-tvf', file], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(listing).toHaveLength(entries.length);
    for (const line of listing) expect(line).toMatch(/^-rw-r--r-- 0\/0 +\d+ 1970-01-01 00:00 /);
    const back = await unpackSource(bytes);
    expect(back.map((e) => e.name)).toEqual(names);
    expect(back.every((e, i) => e.bytes.equals(entries[i]!.bytes))).toBe(true);
  });

  it('refuses an archive with a name that climbs out of its folder', async () => {
    const bad = packSource([{ name: '../escape.yaml', bytes: Buffer.from('x') }]);
    await expect(unpackSource(bad)).rejects.toThrow(/escape/);
  });
});
