// `plantrykk endringar` end to end on the Alver plan: a høyring version, then a revised copy (a paragraph
// reworded, a tiltak removed, a status and an amount changed, the version raised), both built; the
// endringsoversikt of the two version folders (their kept source) lists exactly those changes.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/pdf.js';
import { copyPlan, edit, REPO } from '../helpers/planCopy.js';
import { elements, structureTree } from '../helpers/structure.js';

const ALVER = path.join(REPO, 'plan-data', 'alver-hso');
const PARAGRAPH_OLD = 'organisert med kommunalsjef, forvaltningskontor og ein stab for fagutvikling, og har seks tenesteområde.';
const PARAGRAPH_NEW = 'organisert med kommunalsjef, eit felles forvaltningskontor og ein stab for fagutvikling, og har sju tenesteområde.';
const REMOVED_TILTAK = 'Vurdere å utvikle fleire tiltak og møteplassar for brukarstyrte aktivitetar';

let out: string;
let v10: string;
let v11: string;
let planB: string;

function ok(r: { code: number; stdout: string; stderr: string }): string {
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** The command run without blocking the test worker (a build takes long on a shared machine). */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-endringar-'));
  const planA = copyPlan(ALVER);
  ok(await run(['build', planA, '--variant', 'hoyring', '--eksempel', '--out', out]));
  planB = copyPlan(ALVER);
  edit(planB, 'kapittel/04-helse-sosial-omsorg.yaml', PARAGRAPH_OLD, PARAGRAPH_NEW);
  edit(planB, 'malskjema/hovudmal-3.yaml', `            tiltak:\n              - tekst: ${REMOVED_TILTAK}\n                ansvar: Kultur og Helse og omsorg\n`, '');
  edit(planB, 'malskjema/hovudmal-3.yaml', 'det frivillige organisasjonslivet.\n        status: omtalast', 'det frivillige organisasjonslivet.\n        status: samarbeid');
  edit(planB, 'malskjema/hovudmal-3.yaml', '2025: 650000', '2025: 700000');
  edit(planB, 'plan.yaml', 'version: "1.0"', 'version: "1.1"');
  ok(await run(['build', planB, '--variant', 'hoyring', '--eksempel', '--out', out]));
  v10 = path.join(out, 'alver-hso', '1.0');
  v11 = path.join(out, 'alver-hso', '1.1');
  // The source is read from the version folders only: the plan copies are gone.
  fs.rmSync(path.dirname(planA), { recursive: true });
}, 240_000);

describe('kept source', () => {
  it('is in the version folder, in manifest.json and arkivmetadata.json, listed and verified by versions', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(v10, 'manifest.json'), 'utf8'));
    expect(manifest.source).toMatchObject({ file: 'alver-hso-1.0-kjelde.tar', files: 21 });
    const sidecar = JSON.parse(fs.readFileSync(path.join(v10, 'arkivmetadata.json'), 'utf8'));
    expect(sidecar.kjelde).toEqual({ filnamn: 'alver-hso-1.0-kjelde.tar', sha256: manifest.source.sha256, storleik: manifest.source.bytes });
    const listing = ok(cli(['versions', planB, '--out', out]));
    expect(listing).toMatch(/1\.0 +kjelde .*alver-hso-1\.0-kjelde\.tar \(21 files\)/);
    // A changed archive is found like a changed PDF.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-endringar-bad-'));
    fs.cpSync(out, copy, { recursive: true });
    const tar = path.join(copy, 'alver-hso', '1.0', 'alver-hso-1.0-kjelde.tar');
    const bytes = fs.readFileSync(tar);
    bytes[600] = bytes[600]! ^ 1;
    fs.writeFileSync(tar, bytes);
    const bad = cli(['versions', planB, '--out', copy]);
    expect(bad.code).toBe(6);
    expect(bad.stdout).toContain('alver-hso-1.0-kjelde.tar: no longer matches manifest.json');
  });

  it('never silently changes: another source for a built version is refused', async () => {
    const other = copyPlan(ALVER);
    edit(other, 'plan.yaml', 'version: "1.0"', 'version: "1.1"');
    const r = await run(['build', other, '--variant', 'utkast', '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[emit/source-changed]');
    expect(fs.readdirSync(v11).some((f) => f.includes('utkast'))).toBe(false);
  }, 120_000);
});

describe('plantrykk endringar', () => {
  it('lists exactly the changes made, in JSON', () => {
    const e = JSON.parse(ok(cli(['endringar', v10, v11, '--format', 'json'])));
    expect(e.version).toBe(1);
    expect(e.old.version).toBe('1.0');
    expect(e.new.version).toBe('1.1');
    expect(e.total).toEqual({ added: 0, removed: 0, changed: 2, moved: 0 });
    const changed = e.chapters.filter((c: { changes: unknown[] }) => c.changes.length > 0);
    expect(changed.map((c: { id: string }) => c.id)).toEqual(['helse-sosial-omsorg', 'prioritering']);
    const [para] = changed[0].changes;
    expect(para.kind).toBe('changed');
    expect(para.block.type).toBe('paragraph');
    const marks = para.words.filter((w: { op: string }) => w.op !== 'same');
    expect(marks).toEqual([
      { op: 'ins', text: 'eit felles ' },
      { op: 'del', text: 'seks' },
      { op: 'ins', text: 'sju' },
    ]);
    const [ms] = changed[1].changes;
    expect(ms).toMatchObject({ kind: 'changed', block: { type: 'malskjema' } });
    expect(ms.goals).toEqual([
      {
        op: 'changed',
        id: 'd-3-3-b',
        tekst: expect.stringContaining('Vi skal samarbeide tett med dei frivillige'),
        tiltak: [
          { op: 'changed', tekst: expect.stringContaining('Bidra til ein sektorovergripande handlingsplan'), fields: [{ field: 'belop', year: '2025', old: '650000', new: '700000' }] },
          { op: 'removed', tekst: REMOVED_TILTAK },
        ],
      },
      { op: 'changed', id: 'd-3-3-c', tekst: expect.stringContaining('Frivilligsentralen'), status: { old: 'omtalast', new: 'samarbeid', oldLabel: 'Omtalast i planen', newLabel: 'Samarbeid – må avklarast' }, tiltak: [] },
    ]);
  });

  it('compares a plan folder with a version folder the same way', () => {
    const fromFolder = JSON.parse(ok(cli(['endringar', v10, planB, '--format', 'json'])));
    const fromVersions = JSON.parse(ok(cli(['endringar', v10, v11, '--format', 'json'])));
    expect(fromFolder).toEqual(fromVersions);
  });

  it('writes a tagged, audited PDF with the marks into the new version, byte-identical on a second run', () => {
    const written = ok(cli(['endringar', v10, v11]));
    const pdf = path.join(v11, 'alver-hso-1.1-endringar.pdf');
    expect(written).toContain('alver-hso-1.1-endringar.pdf');
    const first = fs.readFileSync(pdf);
    expect(ok(cli(['endringar', v10, v11]))).toContain('alver-hso-1.1-endringar.pdf');
    expect(fs.readFileSync(pdf).equals(first)).toBe(true);
    // Rendered twice in two processes: the same bytes (the second run found them unchanged; render again elsewhere).
    const again = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-endringar-again-'));
    fs.cpSync(out, again, { recursive: true });
    fs.rmSync(path.join(again, 'alver-hso', '1.1', 'alver-hso-1.1-endringar.pdf'));
    const m = path.join(again, 'alver-hso', '1.1', 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(m, 'utf8'));
    delete manifest.endringar;
    fs.writeFileSync(m, `${JSON.stringify(manifest, null, 2)}\n`);
    const s = path.join(again, 'alver-hso', '1.1', 'arkivmetadata.json');
    const sidecar = JSON.parse(fs.readFileSync(s, 'utf8'));
    delete sidecar.endringar;
    fs.writeFileSync(s, `${JSON.stringify(sidecar, null, 2)}\n`);
    ok(cli(['endringar', path.join(again, 'alver-hso', '1.0'), path.join(again, 'alver-hso', '1.1')]));
    expect(execFileSync('cmp', [pdf, path.join(again, 'alver-hso', '1.1', 'alver-hso-1.1-endringar.pdf')]).length).toBe(0);

    expect(ok(cli(['audit', pdf]))).toContain('0 findings');
    const listing = ok(cli(['versions', planB, '--out', out]));
    expect(listing).not.toContain('not listed');
    expect(listing).toMatch(/^1\.1 +endringar +\d+ +[0-9a-f]{16} +\S*alver-hso-1\.1-endringar\.pdf \(against 1\.0\)$/m);
    const manifest11 = JSON.parse(fs.readFileSync(path.join(v11, 'manifest.json'), 'utf8'));
    expect(manifest11.endringar).toMatchObject({ file: 'alver-hso-1.1-endringar.pdf', against: '1.0', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Samandrag');
    expect(text).toContain('eit felles forvaltningskontor');
    expect(text).toContain('seks sju tenesteområde');
    expect(text).toContain('Beløp 2025: 650000 700000');
    expect(text).toContain(`Tiltak – Fjerna: ${REMOVED_TILTAK}`);
    expect(text).toContain('Status: Omtalast i planen Samarbeid – må avklarast');
    // A screen reader hears the marks: the paragraph's /Alt names what was inserted and deleted.
    const alts = elements(structureTree(pdf)).map((e) => e.el.alt ?? '');
    expect(alts.some((a) => a.includes('(sett inn: eit felles)') && a.includes('(sletta: seks)') && a.includes('(sett inn: sju)'))).toBe(true);
    expect(alts.some((a) => a.includes(`(sletta: ${REMOVED_TILTAK})`))).toBe(true);
  }, 120_000);

  it('reads the kept source only: a version folder without one is a diagnostic, not a crash', () => {
    // A version folder as built before plantrykk kept the source: no archive, none in its records.
    const old = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-endringar-old-')), 'alver-hso', '1.0');
    fs.cpSync(v10, old, { recursive: true });
    fs.rmSync(path.join(old, 'alver-hso-1.0-kjelde.tar'));
    for (const [file, key] of [['manifest.json', 'source'], ['arkivmetadata.json', 'kjelde']] as const) {
      const j = JSON.parse(fs.readFileSync(path.join(old, file), 'utf8'));
      delete j[key];
      fs.writeFileSync(path.join(old, file), `${JSON.stringify(j, null, 2)}\n`);
    }
    const r = cli(['endringar', old, v11, '--format', 'json']);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('[emit/endringar-no-source]');
    expect(r.stdout).toBe('');
  });
});

describe('variants.vedtak.endringar', () => {
  it('appends «Endringar etter høyring» to the vedtak, from the høyring version\'s kept source', async () => {
    const planC = copyPlan(planB);
    edit(planC, 'plan.yaml', 'version: "1.1"', 'version: "2.0"');
    edit(planC, 'plan.yaml', '    sak: { organ: Kommunestyret, nummer: "012/23", date: 2023-02-16 }', '    sak: { organ: Kommunestyret, nummer: "012/23", date: 2023-02-16 }\n    endringar: { hoyring-version: "1.0" }');
    ok(await run(['build', planC, '--variant', 'vedtak', '--eksempel', '--out', out]));
    const pdf = path.join(out, 'alver-hso', '2.0', 'alver-hso-2.0-vedtak.pdf');
    expect(ok(cli(['audit', pdf]))).toContain('0 findings');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Endringar etter høyring Endringar frå versjon 1.0 til versjon 2.0');
    expect(text).toContain('seks sju tenesteområde');
    expect(text).toContain(`Tiltak – Fjerna: ${REMOVED_TILTAK}`);

    // A høyring version not built in the output folder: a diagnostic at the key, nothing written.
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-endringar-empty-'));
    const r = await run(['build', planC, '--variant', 'vedtak', '--eksempel', '--out', empty]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: error: the høyring version 1\.0 named for the vedtak's endringar appendix is not built .* \[emit\/hoyring-version-missing\]/);
    expect(fs.existsSync(path.join(empty, 'alver-hso', '2.0'))).toBe(false);
  }, 240_000);
});
