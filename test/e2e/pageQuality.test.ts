// Page quality of every example PDF (issue 11, point 4): the layout lint (test/helpers/pageLint.ts)
// over every variant of every plan in plan-data/, from the run's one shared build of the examples.
// One test per rule, so a failure names the rule and lists every page that breaks it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/planCopy.js';
import { sharedBuild } from '../helpers/sharedBuild.js';
import { formatFindings, lintPages, readPdf, RULES, type Finding, type Page, type RuleId } from '../helpers/pageLint.js';

const read: { file: string; pages: Page[] }[] = [];
let findings: { file: string; found: Finding[] }[] = [];

/** The continuation marks of every language form (templates/labels/*.yaml, malskjema_continued). */
const continuedMarks = fs.readdirSync(path.join(REPO, 'templates', 'labels')).filter((f) => f.endsWith('.yaml'))
  .map((f) => (parse(fs.readFileSync(path.join(REPO, 'templates', 'labels', f), 'utf8')) as Record<string, string>).malskjema_continued!)
  .filter((m) => m !== undefined);

beforeAll(async () => {
  const build = await sharedBuild('plan-data');
  expect(build.code, build.stderr).toBe(0);
  const pdfs: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(dir, e.name));
      else if (e.name.endsWith('.pdf')) pdfs.push(path.join(dir, e.name));
    }
  };
  walk(build.out);
  pdfs.sort();
  for (const file of pdfs) read.push({ file: path.relative(build.out, file), pages: await readPdf(file) });
  findings = read.map((r) => ({ file: r.file, found: lintPages(r.pages, { continuedMarks }) }));
}, 600_000);

describe('page quality of every example PDF', () => {
  it('reads every variant of every example plan', () => {
    const plans = fs.readdirSync(path.join(REPO, 'plan-data')).filter((d) => fs.existsSync(path.join(REPO, 'plan-data', d, 'plan.yaml')));
    for (const plan of plans) expect(read.some((r) => r.file.startsWith(`${plan}/`)), plan).toBe(true);
    expect(continuedMarks.length).toBeGreaterThanOrEqual(2);
  });

  const ofRule = (rule: RuleId): string[] => findings.flatMap((f) => formatFindings(f.file, f.found.filter((x) => x.rule === rule)));
  for (const rule of RULES) {
    it(`no page breaks the rule ${rule}`, () => {
      expect(ofRule(rule)).toEqual([]);
    });
  }
});
