// The bad-input corpus: every folder under test/fixtures/bad/ is one broken plan (a copy of a base
// fixture with some files replaced, removed or linked) and a case.yaml naming the diagnostics it
// must produce, as `file:line:col code`. Each catalogue error code has at least one case.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/core/catalogue.js';
import { copyPlan, FIXTURES } from './helpers/planCopy.js';
import { check } from './helpers/checkRun.js';
import type { VariantName } from '../src/model/types.js';

interface Case {
  about: string;
  base?: string;
  remove?: string[];
  symlinks?: Record<string, string>;
  /** Files generated at run time (too large to keep in git): path → size in bytes of YAML comments. */
  generate?: Record<string, number>;
  variants?: VariantName[];
  expect: string[];
}

const BAD = path.join(FIXTURES, 'bad');
const cases = fs.readdirSync(BAD).filter((d) => fs.existsSync(path.join(BAD, d, 'case.yaml'))).sort();

function prepare(name: string): { dir: string; spec: Case } {
  const spec = parse(fs.readFileSync(path.join(BAD, name, 'case.yaml'), 'utf8')) as Case;
  const dir = copyPlan(path.join(FIXTURES, spec.base ?? 'minimal'));
  const files = path.join(BAD, name, 'files');
  if (fs.existsSync(files)) fs.cpSync(files, dir, { recursive: true });
  // A case may also replace kommune profiles (they live beside the plan folder).
  const profiles = path.join(BAD, name, 'kommunar');
  if (fs.existsSync(profiles)) fs.cpSync(profiles, path.join(path.dirname(dir), 'kommunar'), { recursive: true });
  for (const r of spec.remove ?? []) fs.rmSync(path.join(dir, r), { force: true, recursive: true });
  for (const [file, size] of Object.entries(spec.generate ?? {})) {
    const line = `# ${'x'.repeat(78)}\n`;
    fs.writeFileSync(path.join(dir, file), line.repeat(Math.ceil(size / line.length)));
  }
  for (const [link, target] of Object.entries(spec.symlinks ?? {})) {
    fs.mkdirSync(path.dirname(path.join(dir, link)), { recursive: true });
    fs.symlinkSync(target, path.join(dir, link));
  }
  return { dir, spec };
}

describe('bad-input corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(5);
  });

  for (const name of cases) {
    it(name, () => {
      const { dir, spec } = prepare(name);
      const result = check(dir, spec.variants);
      expect(result.ok).toBe(false);
      for (const e of spec.expect) expect(result.lines).toContain(e);
      // Every diagnostic names a place and a hint-bearing catalogue entry; none is an uncaught throw.
      for (const d of result.diagnostics) expect(d.span.line).toBeGreaterThan(0);
    });
  }

  it('covers every error code of the load, schema and validate stages', () => {
    const covered = new Set(
      cases.flatMap((name) => (parse(fs.readFileSync(path.join(BAD, name, 'case.yaml'), 'utf8')) as Case).expect.map((e) => e.split(' ')[1])),
    );
    // emit/* and limit/time need a build; they are covered in test/e2e/.
    const needed = Object.entries(catalogue)
      .filter(([code, entry]) => entry.severity === 'error' && !code.startsWith('emit/') && code !== 'limit/time')
      .map(([code]) => code);
    expect(needed.filter((c) => !covered.has(c))).toEqual([]);
  });
});
