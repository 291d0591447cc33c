// Building and publishing the web edition (issue 15): same input, same bytes; every file in the
// manifest and checked by `versions`; a build stopped while publishing leaves nothing half-written;
// an adopted variant's web edition is never replaced; plan text is escaped, never a template.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyPlan, edit, FIXTURES, REPO } from '../helpers/planCopy.js';
import { sharedBuild, spawnCli } from '../helpers/sharedBuild.js';

const MINIMAL = path.join(FIXTURES, 'minimal');
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-web-'));
const sha = (p: string): string => createHash('sha256').update(fs.readFileSync(p)).digest('hex');

const run = spawnCli;

/** Every file below `dir`, as sorted paths relative to it. */
function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const walk = (rel: string): string[] =>
    fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(rel, e.name)) : [path.join(rel, e.name)]));
  return walk('').sort();
}

const hooks = (env: Record<string, string>): Record<string, string> => ({ PLANTRYKK_TEST_HOOKS: '1', ...env });

describe.concurrent('the web edition as built and published', () => {
  it('is the same bytes from the same input, with or without the PDFs, and in the manifest', async () => {
    const a = tmp();
    const b = tmp();
    const [ra, rb] = await Promise.all([run(['build', MINIMAL, '--format', 'html', '--out', a]), run(['build', MINIMAL, '--format', 'html', '--out', b])]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    expect(ra.stdout).toMatch(/wrote .*web\/hoyring\/index\.html \(hoyring, web edition, \d+ pages\)/);
    const webA = files(path.join(a, 'minimal', '1.0', 'web'));
    expect(webA).toContain(path.join('hoyring', 'index.html'));
    expect(webA).toContain(path.join('assets', 'fonts', 'Roboto-Regular.ttf'));
    expect(files(path.join(b, 'minimal', '1.0', 'web'))).toEqual(webA);
    for (const f of webA) expect(sha(path.join(b, 'minimal', '1.0', 'web', f)), f).toBe(sha(path.join(a, 'minimal', '1.0', 'web', f)));
    // No PDF was rendered, and the folder passes `versions`.
    expect(fs.readdirSync(path.join(a, 'minimal', '1.0')).filter((f) => f.endsWith('.pdf'))).toEqual([]);
    const v = await run(['versions', MINIMAL, '--out', a]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(a, 'minimal', '1.0', 'manifest.json'), 'utf8')) as { web: { files: { file: string; sha256: string }[] } };
    expect(manifest.web.files.map((f) => f.file)).toEqual(webA.map((f) => `web/${f.split(path.sep).join('/')}`));
    // The shared build of the examples wrote its web edition together with the PDFs: the same bytes as alone.
    const shared = await sharedBuild('plan-data');
    const c = tmp();
    const rc = await run(['build', path.join(REPO, 'plan-data', 'alver-hso'), '--format', 'html', '--eksempel', '--variant', 'hoyring', '--out', c]);
    expect(rc.code, rc.stderr).toBe(0);
    for (const f of files(path.join(c, 'alver-hso', '1.0', 'web', 'hoyring'))) {
      expect(sha(path.join(c, 'alver-hso', '1.0', 'web', 'hoyring', f)), f).toBe(sha(path.join(shared.out, 'alver-hso', '1.0', 'web', 'hoyring', f)));
    }
  }, 120_000);

  it('escapes plan text: template syntax and markup print as written', async () => {
    const out = tmp();
    const r = await run(['build', MINIMAL, '--format', 'html', '--variant', 'utkast', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const page = fs.readdirSync(path.join(out, 'minimal', '1.0', 'web', 'utkast')).find((f) => f.startsWith('1-'))!;
    const html = fs.readFileSync(path.join(out, 'minimal', '1.0', 'web', 'utkast', page), 'utf8');
    expect(html).toContain('Malsyntaks skal ikkje tolkast: {{x}} og {{#each a}}b{{/each}} &amp; &lt;b&gt;');
    expect(html).not.toContain('<b>');
  });

  it('lists every file: a file added to web/ or changed there is found by `versions` (exit 6)', async () => {
    const out = tmp();
    expect((await run(['build', MINIMAL, '--format', 'html', '--variant', 'hoyring', '--out', out])).code).toBe(0);
    const web = path.join(out, 'minimal', '1.0', 'web', 'hoyring');
    fs.writeFileSync(path.join(web, 'extra.html'), '<p>not ours</p>');
    fs.appendFileSync(path.join(web, 'index.html'), ' ');
    const v = await run(['versions', MINIMAL, '--out', out]);
    expect(v.code).toBe(6);
    expect(v.stdout + v.stderr).toContain('web/hoyring/extra.html');
    expect(v.stdout + v.stderr).toMatch(/web\/hoyring\/index\.html.*no longer matches/);
    // A build refuses to write into such a folder.
    const b = await run(['build', MINIMAL, '--format', 'html', '--variant', 'hoyring', '--out', out]);
    expect(b.code).toBe(6);
  });

  it('publishes nothing of a build killed before its commit, and completes one killed after it', async () => {
    const before = tmp();
    const killed = await run(['build', MINIMAL, '--format', 'all', '--variant', 'hoyring', '--out', before], hooks({ PLANTRYKK_TEST_KILL_AT: 'temps-written' }));
    expect(killed.code).not.toBe(0);
    const v1 = await run(['versions', MINIMAL, '--out', before]);
    expect(v1.code, v1.stdout + v1.stderr).toBe(0);
    expect(files(path.join(before, 'minimal', '1.0'))).toEqual([]);

    const after = tmp();
    const killed2 = await run(['build', MINIMAL, '--format', 'all', '--variant', 'hoyring', '--out', after], hooks({ PLANTRYKK_TEST_KILL_AT: 'first-renamed' }));
    expect(killed2.code).not.toBe(0);
    const v2 = await run(['versions', MINIMAL, '--out', after]);
    expect(v2.code, v2.stdout + v2.stderr).toBe(0);
    expect(v2.stderr).toMatch(/recovered an interrupted build/);
    const listed = (JSON.parse(fs.readFileSync(path.join(after, 'minimal', '1.0', 'manifest.json'), 'utf8')) as { web: { files: { file: string }[] } }).web.files.map((f) => f.file);
    expect(listed).toContain('web/hoyring/index.html');
    expect(files(path.join(after, 'minimal', '1.0', 'web')).map((f) => `web/${f.split(path.sep).join('/')}`)).toEqual(listed);
  }, 120_000);

  it('publishes nothing when the disk fills in the middle of the web files (exit 4)', async () => {
    const out = tmp();
    const full = await run(['build', MINIMAL, '--format', 'html', '--variant', 'hoyring', '--out', out], hooks({ PLANTRYKK_TEST_DISK_FREE: String(300_000) }));
    expect(full.code, full.stderr).toBe(4);
    expect(full.stderr).toContain('nothing of this build was published');
    expect(files(path.join(out, 'minimal', '1.0'))).toEqual([]);
  });

  it('never replaces the web edition of an adopted plan; a høyring’s is replaced with --force, stale pages removed', async () => {
    const plan = copyPlan(MINIMAL);
    const out = tmp();
    expect((await run(['build', plan, '--format', 'html', '--out', out])).code).toBe(0);
    // The same plan built again: its adopted web edition comes out the same, so the build goes through.
    const again = await run(['build', plan, '--format', 'html', '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/web\/vedtak\/index\.html \(vedtak, web edition/);
    edit(plan, 'kapittel/01-alt.yaml', 'Innleiing med', 'Ei ny innleiing med');
    const vedtak = await run(['build', plan, '--format', 'html', '--variant', 'vedtak', '--force', '--out', out]);
    expect(vedtak.code).toBe(3);
    expect(vedtak.stderr).toContain('emit/version-exists');
    const hoyring = await run(['build', plan, '--format', 'html', '--variant', 'hoyring', '--force', '--out', out]);
    expect(hoyring.code, hoyring.stderr).toBe(0);
    const page = fs.readdirSync(path.join(out, 'minimal', '1.0', 'web', 'hoyring')).find((f) => f.startsWith('1-'))!;
    expect(fs.readFileSync(path.join(out, 'minimal', '1.0', 'web', 'hoyring', page), 'utf8')).toContain('Ei ny innleiing med');
    // A chapter dropped from the plan: its page goes in the same set.
    const second = fs.readdirSync(path.join(out, 'minimal', '1.0', 'web', 'hoyring')).find((f) => f.startsWith('2-'))!;
    edit(plan, 'plan.yaml', '  - kapittel/02-mal.yaml\n', '');
    const dropped = await run(['build', plan, '--format', 'html', '--variant', 'hoyring', '--force', '--out', out]);
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(fs.existsSync(path.join(out, 'minimal', '1.0', 'web', 'hoyring', second))).toBe(false);
    expect(fs.existsSync(path.join(out, 'minimal', '1.0', 'web', 'vedtak', second))).toBe(true);
    const v = await run(['versions', plan, '--out', out]);
    expect(v.code, v.stdout + v.stderr).toBe(0);
  }, 120_000);
});
