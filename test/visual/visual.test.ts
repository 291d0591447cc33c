// Visual regression (issue 11, point 6): the key pages of every example plan (test/visual/keyPages.ts)
// rendered with pdftoppm and compared with the approved images in test/visual/approved/ by pixelmatch.
// A page that differs by more than the tolerance fails, and its rendering and a diff image are written
// to a temp folder named in the message. Approve a change on purpose: `npm run visual:approve`.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/planCopy.js';
import { sharedBuild } from '../helpers/sharedBuild.js';
import { APPROVED, examplePdfs, imageName, keyPages, renderPage } from './keyPages.js';

/** Share of a page's pixels that may differ (anti-aliasing, a changed glyph shape) before it fails. */
const TOLERANCE = 0.002;
/** Per-pixel colour distance pixelmatch still counts as equal (0–1). */
const THRESHOLD = 0.1;

let pdfs = new Map<string, string>();
const diffs = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-visual-diff-'));

beforeAll(async () => {
  const build = await sharedBuild('plan-data');
  expect(build.code, build.stderr).toBe(0);
  pdfs = examplePdfs(build.out);
}, 600_000);

/** Compare one rendered page with its approved image; a message when they differ, else undefined. */
function compare(file: string, page: number, name: string): string | undefined {
  const approvedFile = path.join(APPROVED, name);
  const actualFile = path.join(diffs, name);
  const actual = renderPage(file, page, actualFile);
  if (!fs.existsSync(approvedFile)) return `${name}: no approved image (page ${page}); see ${actualFile}`;
  const approved = PNG.sync.read(fs.readFileSync(approvedFile));
  if (approved.width !== actual.width || approved.height !== actual.height) {
    return `${name}: page ${page} is ${actual.width}×${actual.height}, the approved image ${approved.width}×${approved.height}; see ${actualFile}`;
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const changed = pixelmatch(approved.data, actual.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
  const share = changed / (actual.width * actual.height);
  if (share <= TOLERANCE) {
    fs.rmSync(actualFile);
    return undefined;
  }
  const diffFile = path.join(diffs, name.replace(/\.png$/, '-diff.png'));
  fs.writeFileSync(diffFile, PNG.sync.write(diff));
  return `${name}: page ${page} differs in ${(share * 100).toFixed(2)} % of its pixels (tolerance ${TOLERANCE * 100} %); see ${actualFile} and ${diffFile}`;
}

describe('key pages of every example look as approved', () => {
  it('finds the example plans', () => {
    expect(pdfs.size).toBeGreaterThanOrEqual(5);
  });


  const plans = fs.readdirSync(path.join(REPO, 'plan-data')).filter((d) => fs.existsSync(path.join(REPO, 'plan-data', d, 'plan.yaml'))).sort();
  for (const plan of plans) {
    it(plan, async () => {
      const file = pdfs.get(plan);
      expect(file, `${plan} was not built`).toBeDefined();
      const pages = await keyPages(file!);
      const problems = pages.flatMap(({ role, page }) => compare(file!, page, imageName(plan, role)) ?? []);
      const hint = 'If the change is meant, look at the images, then run `npm run visual:approve` and commit test/visual/approved/.';
      expect(problems, `${problems.join('\n')}\n${hint}`).toEqual([]);
    });
  }
});
