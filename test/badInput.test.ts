// The bad-input corpus: every folder under test/fixtures/bad/ is one broken plan (a copy of a base
// fixture with some files replaced, removed or linked) and a case.yaml holding its whole expected
// outcome: EVERY diagnostic as `file:line:col code` and the exit code. A diagnostic more or less
// fails the case, as does another place or code. Each catalogue error code has at least one case.
//
// After a deliberate change of diagnostics, print what a case reports now with
//   npx vitest run test/badInput.test.ts -t <case>
// (the failure shows both lists), check each line against the fixture, then edit its case.yaml.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../src/core/catalogue.js';
import { check, short } from './helpers/checkRun.js';
import { cases, expectedLines, prepare, readCase } from './helpers/corpus.js';
import { cli } from './helpers/pdf.js';
import { REPO } from './helpers/planCopy.js';

/** A multiset as a sorted list, so the comparison ignores order but not repeats. */
const sorted = (lines: readonly string[]): string[] => [...lines].sort();

describe('bad-input corpus', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(100);
  });

  for (const name of cases) {
    it(name, () => {
      const { dir, spec } = prepare(name);
      const result = check(dir, spec.variants);
      expect(result.ok).toBe(false);
      expect(sorted(result.lines), `${name}: ${spec.about}`).toEqual(sorted(expectedLines(spec)));
      expect(result.exit, `${name}: exit code`).toBe(spec.exit);
      // Every diagnostic names a place; none is an uncaught throw.
      for (const d of result.diagnostics) expect(d.span.line).toBeGreaterThan(0);
    });
  }

  it('covers every error code of the load, schema and validate stages', () => {
    const covered = new Set(cases.flatMap((name) => readCase(name).expect.map((e) => e.split(' ')[1])));
    // emit/* and limit/time need a build; they are covered in test/e2e/.
    const needed = Object.entries(catalogue)
      .filter(([code, entry]) => entry.severity === 'error' && !code.startsWith('emit/') && code !== 'limit/time')
      .map(([code]) => code);
    expect(needed.filter((c) => !covered.has(c))).toEqual([]);
  });

  // The corpus checks in-process; the real command must say the same: same diagnostics, same exit code.
  // One case per exit code and per kind of place (a plan file, a kommune profile beside the plan).
  for (const name of ['unknown-key', 'text-too-long', 'kommune-profile-unknown-key']) {
    it(`${name}: plantrykk check reports the same diagnostics and exit code`, () => {
      const { dir, spec } = prepare(name);
      expect(spec.variants, 'the command checks every variant').toBeUndefined();
      const r = cli(['check', dir, '--format', 'json']);
      const json = JSON.parse(r.stdout) as { diagnostics: Parameters<typeof short>[0][] };
      expect(sorted(json.diagnostics.map((d) => short(d, dir, REPO)))).toEqual(sorted(expectedLines(spec)));
      expect(r.code).toBe(spec.exit);
    });
  }
});
