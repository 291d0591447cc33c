// `npm run visual:approve`: build every example plan into a temp folder and write its key pages as
// the approved images of test/visual/approved/ (old images of the examples are replaced). Run it on
// purpose, after looking at the diff images a failing visual test wrote, and commit the images.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO } from '../helpers/planCopy.js';
import { APPROVED, examplePdfs, imageName, keyPages, renderPage } from './keyPages.js';

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-visual-'));
execFileSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), 'build', path.join(REPO, 'plan-data'), '--all', '--eksempel', '--out', out], { stdio: 'inherit' });
fs.rmSync(APPROVED, { recursive: true, force: true });
fs.mkdirSync(APPROVED, { recursive: true });
for (const [plan, file] of examplePdfs(out)) {
  for (const { role, page } of await keyPages(file)) {
    renderPage(file, page, path.join(APPROVED, imageName(plan, role)));
    console.log(`approved ${imageName(plan, role)} (page ${page})`);
  }
}
fs.rmSync(out, { recursive: true, force: true });
