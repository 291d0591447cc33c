// Fault tests of publishing (issue 12): a full disk, a kill at every stage of publishing, concurrent
// builds of one version, a held or stale lock, and damaged records. Each case ends with a version folder
// that `plantrykk versions` confirms: exit 0 with every file listed, or a clean empty folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPlan, edit, FIXTURES, REPO } from '../helpers/planCopy.js';
import { sharedBuild, spawnCli, type CliRun } from '../helpers/sharedBuild.js';
import { PUBLISH_STAGES } from '../../src/emit/publish/publishSet.js';

const VARIANTS = ['utkast', 'hoyring', 'vedtak'] as const;
const RECORDS = ['arkivmetadata.json', 'manifest.json', 'minimal-1.0-kjelde.tar'];
const sha = (p: string): string => createHash('sha256').update(fs.readFileSync(p)).digest('hex');
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-faults-'));
const pdf = (v: string): string => `minimal-1.0-${v}.pdf`;
const versionDir = (out: string): string => path.join(out, 'minimal', '1.0');
const names = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);
const hooks = (env: Record<string, string>): Record<string, string> => ({ PLANTRYKK_TEST_HOOKS: '1', ...env });

type Run = CliRun;
/** Run the real command line, asynchronously (so several can run at once). */
const run = spawnCli;

function versions(out: string, env: Record<string, string> = {}): Promise<Run> {
  return run(['versions', path.join(FIXTURES, 'minimal'), '--out', out], env);
}

/**
 * The folder holds exactly `expected` (variant → sha256) and its two records, nothing else, and
 * `versions` confirms it with exit 0; with `expected` empty, the folder is empty.
 */
async function expectConsistent(out: string, expected: Partial<Record<(typeof VARIANTS)[number], string>>): Promise<Run> {
  const v = await versions(out);
  expect(v.stdout + v.stderr, 'versions output').not.toMatch(/CHANGED|MISSING|problem/);
  expect(v.code).toBe(0);
  const dir = versionDir(out);
  const variants = Object.keys(expected) as (typeof VARIANTS)[number][];
  if (variants.length === 0) {
    expect(names(dir)).toEqual([]);
    expect(v.stdout).toContain('no built versions');
    return v;
  }
  expect(names(dir)).toEqual([...RECORDS, ...variants.map(pdf)].sort());
  for (const variant of variants) {
    expect(sha(path.join(dir, pdf(variant))), variant).toBe(expected[variant]);
    expect(v.stdout).toMatch(new RegExp(`1\\.0\\s+${variant}\\s+\\d{4}-\\d{2}-\\d{2}\\s+\\d+\\s+${expected[variant]!.slice(0, 16)}`));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { documents: { variant: string; sha256: string }[] };
  expect(Object.fromEntries(manifest.documents.map((d) => [d.variant, d.sha256]))).toEqual(expected);
  const sidecar = JSON.parse(fs.readFileSync(path.join(dir, 'arkivmetadata.json'), 'utf8')) as { dokument: { filnamn: string; sha256: string }[] };
  expect(Object.fromEntries(sidecar.dokument.map((d) => [d.filnamn, d.sha256]))).toEqual(Object.fromEntries(variants.map((x) => [pdf(x), expected[x]])));
  return v;
}

// Every case works in folders of its own (copies of the reference sets), so all cases of the file
// run side by side (describe.concurrent; at most vitest's maxConcurrency, 5, at once): most of the
// time is waiting on the command's child processes.
// Plan A is the fixture; plan B the same with other text, so every PDF of it has other bytes.
let planA: string;
let planB: string;
const sumA: Record<string, string> = {};
const sumB: Record<string, string> = {};
let refA: string;
let refB: string;

beforeAll(async () => {
  // Plan A is the fixture itself (only read: every build of it writes elsewhere), and its reference
  // set is the run's shared build of it (test/helpers/sharedBuild.ts), copied before any change.
  planA = path.join(FIXTURES, 'minimal');
  planB = copyPlan(path.join(FIXTURES, 'minimal'));
  edit(planB, 'kapittel/01-alt.yaml', 'Innleiing med', 'Endra innleiing med');
  refB = tmp();
  const [shared, built] = await Promise.all([sharedBuild(planA), run(['build', planB, '--out', refB])]);
  for (const b of [shared, built]) expect(b.stderr).toBe('');
  expect([shared.code, built.code]).toEqual([0, 0]);
  refA = shared.out;
  for (const v of VARIANTS) sumA[v] = sha(path.join(versionDir(refA), pdf(v)));
  for (const v of VARIANTS) sumB[v] = sha(path.join(versionDir(refB), pdf(v)));
  for (const v of VARIANTS) expect(sumA[v], v).not.toBe(sumB[v]);
});

/** A copy of a built output folder. */
function copyOut(from: string): string {
  const to = tmp();
  fs.cpSync(from, to, { recursive: true });
  return to;
}

describe.concurrent('a build killed at every stage of publishing', () => {
  // Before the journal is written, nothing of the build is published; from then on, all of it is.
  const committedFrom = PUBLISH_STAGES.indexOf('journal-written');

  // Independent folders: run side by side to keep the file's time down.
  it.concurrent.each(PUBLISH_STAGES.map((s, i) => [s, i] as const))('%s: the folder is wholly the old set or wholly the new one', async (stage, i) => {
    const out = copyOut(refA);
    // --force over A's set: the killed build replaces the utkast (a file the manifest lists, so a
    // half-done rename would show as CHANGED), arkivmetadata.json and manifest.json.
    const killed = await run(['build', planB, '--variant', 'utkast', '--force', '--out', out], hooks({ PLANTRYKK_TEST_KILL_AT: stage }));
    expect(killed.signal).toBe('SIGKILL');
    const v = await expectConsistent(out, i >= committedFrom ? { ...sumA, utkast: sumB.utkast! } : sumA);
    // versions recovered the folder first (it holds the dead build's lock) and said so.
    expect(v.stderr).toMatch(/1\.0: (recovered an interrupted build|took over the lock of a build that no longer runs) \(pid \d+ on /);
  });

  it('after a kill before the commit, a different vedtak can still be built (nothing was adopted)', async () => {
    const out = tmp();
    const killed = await run(['build', planA, '--variant', 'vedtak', '--out', out], hooks({ PLANTRYKK_TEST_KILL_AT: 'journal-temp-written' }));
    expect(killed.signal).toBe('SIGKILL');
    const corrected = await run(['build', planB, '--variant', 'vedtak', '--out', out]);
    expect(corrected.code).toBe(0);
    expect(corrected.stderr).toContain('[emit/recovered]');
    expect(corrected.stderr).toContain('nothing of it was published');
    await expectConsistent(out, { vedtak: sumB.vedtak! });
  });

  it('a vedtak committed by a killed build is adopted: another vedtak of the version is refused', async () => {
    const out = tmp();
    const killed = await run(['build', planB, '--variant', 'vedtak', '--out', out], hooks({ PLANTRYKK_TEST_KILL_AT: 'journal-written' }));
    expect(killed.signal).toBe('SIGKILL');
    const other = await run(['build', planA, '--variant', 'vedtak', '--out', out]);
    expect(other.code).toBe(3);
    expect(other.stderr).toContain('[emit/recovered]');
    expect(other.stderr).toContain('[emit/version-exists]');
    await expectConsistent(out, { vedtak: sumB.vedtak! });
  });
});

describe.concurrent('a full disk', () => {
  let mnt: string | undefined;
  beforeAll(() => {
    if (process.getuid?.() !== 0) return;
    const dir = tmp();
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]).status === 0) mnt = dir;
  });
  afterAll(() => {
    if (mnt) spawnSync('umount', [mnt]);
  });

  // The case: disk full while writing the manifest left a published vedtak without records, and
  // a corrected rebuild was then refused. Here the disk has room for the vedtak and arkivmetadata only.
  it('(tmpfs) full while writing the manifest: exit 4, nothing published, and a corrected rebuild succeeds', async (ctx) => {
    if (!mnt) return ctx.skip();
    const out = path.join(mnt, 'out');
    fs.mkdirSync(out);
    const page = 4096;
    const pages = (n: number): number => Math.ceil(n / page) * page;
    const { bavail, bsize } = fs.statfsSync(mnt);
    // The lock (1 page), the vedtak, the kept source, then arkivmetadata (1 page): the manifest does not fit.
    const room = pages(fs.statSync(path.join(versionDir(refB), pdf('vedtak'))).size) + pages(fs.statSync(path.join(versionDir(refB), 'minimal-1.0-kjelde.tar')).size) + 2 * page;
    const filler = path.join(mnt, 'filler');
    fs.writeFileSync(filler, Buffer.alloc(bavail * bsize - room - 64 * 1024));
    // Directories take room too on tmpfs: top up until exactly `room` is left.
    fs.mkdirSync(versionDir(out), { recursive: true });
    const left = (): number => fs.statfsSync(mnt!).bavail * bsize;
    fs.appendFileSync(filler, Buffer.alloc(left() - room));
    expect(left()).toBe(room);

    const full = await run(['build', planB, '--variant', 'vedtak', '--out', out]);
    expect(full.code).toBe(4);
    expect(full.stderr).toMatch(/manifest\.json.*\[emit\/write-failed\]/);
    expect(full.stderr).toMatch(/no space left on device/i);
    expect(full.stderr).toContain('nothing of this build was published');
    expect(full.stderr).not.toMatch(/\n\s+at /);
    await expectConsistent(out, {});

    fs.rmSync(filler);
    const corrected = await run(['build', planA, '--variant', 'vedtak', '--out', out]);
    expect(corrected.stderr).toBe('');
    expect(corrected.code).toBe(0);
    await expectConsistent(out, { vedtak: sumA.vedtak! });
    expect(sha(path.join(versionDir(out), pdf('vedtak')))).toBe(sumA.vedtak);
  });

  it('(injected write error, PLANTRYKK_TEST_DISK_FREE) full in the middle of a set: exit 4 and nothing published', async () => {
    const out = tmp();
    // Room for one PDF and a half: the second PDF of the set fails.
    const free = Math.round(fs.statSync(path.join(versionDir(refB), pdf('utkast'))).size * 1.5);
    const full = await run(['build', planB, '--out', out], hooks({ PLANTRYKK_TEST_DISK_FREE: String(free) }));
    expect(full.code).toBe(4);
    expect(full.stderr).toMatch(/minimal-1\.0-hoyring\.pdf.*no space left on device.*\[emit\/write-failed\]/i);
    await expectConsistent(out, {});
  });
});

describe.concurrent('concurrent builds of one version into one folder', () => {
  it('three vedtak builds at once (two alike), over a stale lock: one set wins whole, the others agree or are refused', async () => {
    const out = tmp();
    const dir = versionDir(out);
    fs.mkdirSync(dir, { recursive: true });
    // A lock left by a process that no longer runs.
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    fs.writeFileSync(path.join(dir, '.plantrykk.lock'), JSON.stringify({ lockVersion: 1, buildId: '0123456789abcdef', command: 'build', startedAt: '2024-01-01T00:00:00.000Z', pid: dead, hostname: os.hostname() }));
    fs.writeFileSync(path.join(dir, '.plantrykk-0123456789abcdef-minimal-1.0-vedtak.pdf.tmp'), 'half a PDF');
    // Each holds the lock for a while once it has its temp files, so the others must wait for it.
    const env = hooks({ PLANTRYKK_TEST_PAUSE_AT: 'temps-written:700' });
    const vedtak = (plan: string): Promise<Run> => run(['build', plan, '--variant', 'vedtak', '--out', out], env);
    const runs = await Promise.all([vedtak(planA), vedtak(planA), vedtak(planB)]);
    for (const r of runs) {
      expect([0, 3], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n\s+at |write-failed|emit\/locked/);
    }
    const winner = sha(path.join(dir, pdf('vedtak'))) === sumB.vedtak ? 'B' : 'A';
    expect(runs.map((r) => r.code)).toEqual(winner === 'B' ? [3, 3, 0] : [0, 0, 3]);
    expect(runs.filter((r) => r.stdout.includes('wrote')).length).toBe(1);
    expect(runs.filter((r) => r.stderr.includes('[emit/recovered]')).length).toBe(1);
    await expectConsistent(out, { vedtak: winner === 'B' ? sumB.vedtak! : sumA.vedtak! });
  });

  it('two --force builds of different høyring at once: the folder ends wholly one of them', async () => {
    const out = copyOut(refA);
    const env = hooks({ PLANTRYKK_TEST_PAUSE_AT: 'first-renamed:500' });
    const runs = await Promise.all([run(['build', planA, '--variant', 'hoyring', '--force', '--out', out], env), run(['build', planB, '--variant', 'hoyring', '--force', '--out', out], env)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const hoyring = sha(path.join(versionDir(out), pdf('hoyring')));
    expect([sumA.hoyring, sumB.hoyring]).toContain(hoyring);
    await expectConsistent(out, { ...sumA, hoyring });
  });
});

describe.concurrent('a lock held by a running build', () => {
  it('is waited for, then the build gives up with exit 4 and writes nothing; versions says it cannot verify', async () => {
    const out = copyOut(refA);
    const lock = path.join(versionDir(out), '.plantrykk.lock');
    // This test process runs: its lock is live.
    fs.writeFileSync(lock, JSON.stringify({ lockVersion: 1, buildId: 'fedcba9876543210', command: 'build', startedAt: '2024-01-01T00:00:00.000Z', pid: process.pid, hostname: os.hostname() }));
    const r = await run(['build', planB, '--variant', 'vedtak', '--out', out], { PLANTRYKK_LOCK_WAIT: '1' });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(new RegExp(`another build is writing this version \\(pid ${process.pid} on .*waited 1 s.*\\[emit/locked\\]`));
    expect(names(versionDir(out))).toEqual(['.plantrykk.lock', ...RECORDS, ...VARIANTS.map(pdf)].sort());
    const busy = await versions(out, { PLANTRYKK_LOCK_WAIT: '0' });
    expect(busy.code).toBe(6);
    expect(busy.stdout).toMatch(/1\.0: cannot be verified: a build is writing it/);
    fs.rmSync(lock);
    await expectConsistent(out, sumA);
  });
});

describe.concurrent('versions trusts nothing', () => {
  /** A copy of B's complete set, damaged by `damage`; versions must name `expected` and exit 6. */
  async function damaged(damage: (dir: string) => void, expected: RegExp[]): Promise<Run> {
    const out = copyOut(refB);
    damage(versionDir(out));
    const v = await versions(out);
    expect(v.code, v.stdout + v.stderr).toBe(6);
    for (const e of expected) expect(v.stdout).toMatch(e);
    expect(v.stderr).not.toMatch(/internal error|\n\s+at /);
    return v;
  }
  const manifestOf = (dir: string): string => path.join(dir, 'manifest.json');

  it('a missing manifest', async () => {
    await damaged((d) => fs.rmSync(manifestOf(d)), [/1\.0\/manifest\.json: is missing/, /minimal-1\.0-vedtak\.pdf: is not listed in any valid manifest\.json/]);
  });

  it('a truncated manifest', async () => {
    await damaged((d) => fs.truncateSync(manifestOf(d), 200), [/manifest\.json: is not valid JSON/, /minimal-1\.0-utkast\.pdf: is not listed/]);
  });

  it('a manifest {}', async () => {
    await damaged((d) => fs.writeFileSync(manifestOf(d), '{}\n'), [/manifest\.json: is not a valid manifest \(version 1\): \(top\) must have required property 'manifestVersion'/]);
  });

  it('a manifest with wrong types and a path for a file name', async () => {
    await damaged(
      (d) => fs.writeFileSync(manifestOf(d), fs.readFileSync(manifestOf(d), 'utf8').replace('"pages": 7', '"pages": "7"').replace('"minimal-1.0-vedtak.pdf"', '"../../../etc/passwd"')),
      [/manifest\.json: is not a valid manifest \(version 1\): \/documents\/0\/pages must be integer; \/documents\/2\/file must match pattern/],
    );
  });

  it('a PDF not in the manifest, a listed PDF missing, one changed, and arkivmetadata disagreeing', async () => {
    await damaged(
      (d) => {
        fs.copyFileSync(path.join(d, pdf('vedtak')), path.join(d, 'minimal-1.0-endeleg.pdf'));
        fs.rmSync(path.join(d, pdf('utkast')));
        fs.appendFileSync(path.join(d, pdf('hoyring')), 'x');
        const sidecar = path.join(d, 'arkivmetadata.json');
        fs.writeFileSync(sidecar, fs.readFileSync(sidecar, 'utf8').replace('"dato": "2024-09-12"', '"dato": "2024-09-13"'));
      },
      [
        /1\.0\s+utkast .*MISSING/,
        /1\.0\s+hoyring .*CHANGED/,
        /minimal-1\.0-endeleg\.pdf: is not listed in manifest\.json/,
        /minimal-1\.0-utkast\.pdf: is listed in manifest\.json but missing/,
        /minimal-1\.0-hoyring\.pdf: no longer matches manifest\.json/,
        /arkivmetadata\.json: disagrees with manifest\.json about minimal-1\.0-vedtak\.pdf \(dato\)/,
        /4 problems/,
      ],
    );
  });

  it('arkivmetadata missing', async () => {
    await damaged((d) => fs.rmSync(path.join(d, 'arkivmetadata.json')), [/arkivmetadata\.json: is missing/]);
  });

  it('a build into a folder with a damaged manifest refuses (exit 6) and leaves it as it is', async () => {
    const out = copyOut(refB);
    const m = manifestOf(versionDir(out));
    fs.truncateSync(m, 300);
    const before = fs.readFileSync(m);
    const r = await run(['build', planB, '--variant', 'vedtak', '--out', out]);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/manifest\.json:1:1: error: manifest\.json is not valid JSON .*; nothing was written \[emit\/folder-damaged\]/);
    expect(r.stderr).toContain('move the version folder aside');
    expect(fs.readFileSync(m).equals(before)).toBe(true);
    expect(names(versionDir(out))).toEqual([...RECORDS, ...VARIANTS.map(pdf)].sort());
  });
});
