// Robustness of the real command: killed builds, a full disk, no network, time and output limits.
// Whatever happens, an earlier PDF is either untouched or replaced whole, and nothing partial stays.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, sharedBuild } from '../helpers/pdf.js';
import { copyPlan, edit, FIXTURES, REPO } from '../helpers/planCopy.js';

const sha = (p: string): string => createHash('sha256').update(fs.readFileSync(p)).digest('hex');
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-robust-'));
const pdfsIn = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')) : []);
const qpdfOk = (file: string): boolean => spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).status === 0;

/** A copy of the run's shared build of the fixture (every variant) in a fresh `out`; returns the version folder. */
async function copyOfSharedBuild(out: string): Promise<string> {
  const shared = await sharedBuild(path.join(FIXTURES, 'minimal'));
  expect(shared.stderr).toBe('');
  expect(shared.code).toBe(0);
  fs.cpSync(shared.out, out, { recursive: true });
  return path.join(out, 'minimal', '1.0');
}

/** Build the fixture (as a copy at `plan`) into `out`; returns the version folder. */
function build(plan: string, out: string, extra: string[] = []): string {
  const r = cli(['build', plan, '--out', out, ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return path.join(out, 'minimal', '1.0');
}

describe('a killed build', () => {
  it('leaves every earlier PDF whole (old or new bytes), and the next run cleans up', async () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    const out = tmp();
    // The earlier set: the same bytes as building the unchanged copy into `out`.
    const dir = await copyOfSharedBuild(out);
    const oldSum = sha(path.join(dir, 'minimal-1.0-hoyring.pdf'));
    const others = Object.fromEntries(['utkast', 'vedtak'].map((v) => [`minimal-1.0-${v}.pdf`, sha(path.join(dir, `minimal-1.0-${v}.pdf`))]));
    edit(plan, 'kapittel/01-alt.yaml', 'Innleiing med', 'Endra innleiing med');
    const newSum = sha(path.join(build(plan, tmp(), ['--variant', 'hoyring']), 'minimal-1.0-hoyring.pdf'));
    expect(newSum).not.toBe(oldSum);
    let killedMidway = 0;
    // Builds got faster (a filled shaped-word cache): most points fall before 1 s.
    for (const delay of [150, 300, 450, 600, 800, 1000, 1300, 1700, 2200]) {
      const child = spawn(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'build', plan, '--variant', 'hoyring', '--force', '--out', out], { stdio: 'ignore' });
      const ended = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      if ((await ended) === null) killedMidway++;
      // The høyring is old or new, whole; the other variants are not touched.
      for (const f of pdfsIn(dir)) {
        expect(f === 'minimal-1.0-hoyring.pdf' ? [oldSum, newSum] : [others[f]], f).toContain(sha(path.join(dir, f)));
        expect(qpdfOk(path.join(dir, f))).toBe(true);
      }
    }
    expect(killedMidway).toBeGreaterThan(2);
    // A kill while publishing leaves the folder's lock and temp files: the next build recovers and says so.
    const last = cli(['build', plan, '--out', out, '--variant', 'hoyring', '--force']);
    expect(last.code).toBe(0);
    expect(last.stderr.replace(/^.*\[emit\/recovered\]\n  hint: .*\n|^0 errors, 1 warning\n/gm, '')).toBe('');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(sha(path.join(dir, 'minimal-1.0-hoyring.pdf'))).toBe(newSum);
  });
});

describe('a full disk', () => {
  it('fails with an output error (or dies) without damaging the earlier PDF or leaving a partial one', async () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    const out = tmp();
    const dir = await copyOfSharedBuild(out);
    const before = sha(path.join(dir, 'minimal-1.0-utkast.pdf'));
    edit(plan, 'kapittel/01-alt.yaml', 'Innleiing med', 'Endra innleiing med');
    // ulimit -f: no file may grow past 40 KiB, as on a disk that fills up during the write.
    const r = spawnSync('bash', ['-c', `ulimit -f 40; exec "${process.execPath}" "${path.join(REPO, 'dist', 'cli.js')}" build "${plan}" --variant utkast --force --out "${out}"`], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    if (r.status !== null) {
      expect(r.status).toBe(4);
      expect(r.stderr).toContain('emit/write-failed');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(sha(path.join(dir, 'minimal-1.0-utkast.pdf'))).toBe(before);
    expect(pdfsIn(dir).sort()).toEqual(['minimal-1.0-hoyring.pdf', 'minimal-1.0-utkast.pdf', 'minimal-1.0-vedtak.pdf']);
  });
});

describe('no network', () => {
  it('builds a plan full of links and URLs without a single network call', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    const log = path.join(tmp(), 'net.log');
    const r = spawnSync(process.execPath, ['--require', path.join(REPO, 'test', 'helpers', 'noNetwork.cjs'), path.join(REPO, 'dist', 'cli.js'), 'build', plan, '--out', tmp()], {
      encoding: 'utf8',
      env: { ...process.env, PLANTRYKK_NET_LOG: log },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(fs.existsSync(log)).toBe(false);
    // The guard itself works: a fetch under the same preload is recorded.
    const probe = spawnSync(process.execPath, ['--require', path.join(REPO, 'test', 'helpers', 'noNetwork.cjs'), '-e', 'fetch("https://example.com").catch(() => {})'], {
      encoding: 'utf8',
      env: { ...process.env, PLANTRYKK_NET_LOG: log },
    });
    expect(probe.status).toBe(0);
    expect(fs.readFileSync(log, 'utf8')).toContain('fetch https://example.com');
  });
});

describe('limits and output errors', () => {
  it('stops a build past its time limit with exit 5 and writes nothing', () => {
    const out = path.join(tmp(), 'out');
    const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'build', path.join(FIXTURES, 'minimal'), '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, PLANTRYKK_TIME_LIMIT: '0.05' },
    });
    expect(r.status).toBe(5);
    expect(r.stderr).toContain('[limit/time]');
    expect(pdfsIn(path.join(out, 'minimal', '1.0'))).toEqual([]);
  });

  it('reports an output folder that cannot be created with exit 4', () => {
    const blocker = path.join(tmp(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const r = cli(['build', path.join(FIXTURES, 'minimal'), '--variant', 'vedtak', '--out', blocker]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('[emit/write-failed]');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('gives a limit error exit code 5', () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    edit(plan, 'kapittel/01-alt.yaml', 'Eit kort sitat.', `Eit ${'langt'.repeat(60)} sitat.`);
    const r = cli(['check', plan]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('[limit/word-length]');
  });
});

describe('versions and the archive', () => {
  it('refuses to replace a høyring of the same version unless --force, and never a vedtak', async () => {
    const plan = copyPlan(path.join(FIXTURES, 'minimal'));
    const out = tmp();
    // The same bytes as building the unchanged copy into `out`.
    const dir = await copyOfSharedBuild(out);
    const vedtak = sha(path.join(dir, 'minimal-1.0-vedtak.pdf'));
    edit(plan, 'kapittel/01-alt.yaml', 'Innleiing med', 'Endra innleiing med');
    const refused = cli(['build', plan, '--variant', 'hoyring', '--out', out]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('[emit/draft-exists]');
    expect(refused.stderr).toContain('--force');
    expect(cli(['build', plan, '--variant', 'hoyring', '--force', '--out', out]).code).toBe(0);
    const vedtakForced = cli(['build', plan, '--variant', 'vedtak', '--force', '--out', out]);
    expect(vedtakForced.code).toBe(3);
    expect(sha(path.join(dir, 'minimal-1.0-vedtak.pdf'))).toBe(vedtak);
  });

  it('writes an archive sidecar and lists versions, flagging a file that no longer matches', async () => {
    const out = tmp();
    const dir = await copyOfSharedBuild(out);
    const sidecar = JSON.parse(fs.readFileSync(path.join(dir, 'arkivmetadata.json'), 'utf8'));
    const vedtak = sidecar.dokument.find((d: { filnamn: string }) => d.filnamn.endsWith('vedtak.pdf'));
    expect(vedtak).toMatchObject({ kommune: 'Testvik kommune', kommunenummer: '0301', versjon: '1.0', status: 'Vedteken', dato: '2024-09-12', saksnummer: '077/24', sprak: 'nno' });
    expect(vedtak.sha256).toBe(sha(path.join(dir, 'minimal-1.0-vedtak.pdf')));
    const ok = cli(['versions', path.join(FIXTURES, 'minimal'), '--out', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/1\.0\s+vedtak\s+2024-09-12/);
    fs.appendFileSync(path.join(dir, 'minimal-1.0-hoyring.pdf'), 'tampered');
    const flagged = cli(['versions', path.join(FIXTURES, 'minimal'), '--out', out]);
    expect(flagged.code).toBe(6);
    expect(flagged.stdout).toMatch(/hoyring.*CHANGED/);
  });
});
