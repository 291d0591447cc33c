// The key pages of an example PDF for the visual regression test (issue 11, point 6): the cover, the
// first body page, the first page with a table, with a målskjema (the first landscape page) and with
// a chart, each rendered small and grey by pdftoppm. Shared by test/visual/visual.test.ts and the
// approval script (test/visual/approve.ts, `npm run visual:approve`).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { REPO } from '../helpers/planCopy.js';
import { blocks, readPdf, type Page } from '../helpers/pageLint.js';

export const APPROVED = path.join(REPO, 'test', 'visual', 'approved');
/** Resolution of the rendered pages: enough to see a layout change, small enough for the repository. */
export const DPI = 40;
/** The variant whose pages are compared: every example plan has a vedtak. */
export const VARIANT = 'vedtak';

export type Role = 'cover' | 'body' | 'table' | 'malskjema' | 'chart';

/** The page of each role found in the PDF (a role the document has no page for, or whose page an earlier role shows, is left out). */
export async function keyPages(file: string): Promise<{ role: Role; page: number }[]> {
  const pages = await readPdf(file);
  const body = pages.find((p) => blocks(p)[0]?.block.role === 'H1');
  const find = (test: (p: Page) => boolean): number | undefined => pages.find((p) => (!body || p.number >= body.number) && test(p))?.number;
  const found: [Role, number | undefined][] = [
    ['cover', 1],
    ['body', body?.number],
    ['table', find((p) => !p.landscape && p.elems.some((e) => e.role === 'Table'))],
    // The first landscape page that holds a table (a chapter's introduction may stand alone before it).
    ['malskjema', find((p) => p.landscape && p.elems.some((e) => e.role === 'Table'))],
    ['chart', find((p) => p.elems.some((e) => e.role === 'Figure'))],
  ];
  // A page already shown for an earlier role is not shown again (the first body page often holds a table).
  const seen = new Set<number>();
  return found.flatMap(([role, page]) => (page === undefined || seen.has(page) ? [] : (seen.add(page), [{ role, page }])));
}

/** File name of an approved image. */
export const imageName = (plan: string, role: Role): string => `${plan}-${VARIANT}-${role}.png`;

/** Render one page of `file` to a grey PNG and return it decoded. */
export function renderPage(file: string, page: number, outPng: string): PNG {
  const base = outPng.replace(/\.png$/, '');
  execFileSync('pdftoppm', ['-r', String(DPI), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, base]);
  return PNG.sync.read(fs.readFileSync(outPng));
}

/** The example PDFs of a build folder: plan id → its vedtak PDF. */
export function examplePdfs(out: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const plan of fs.readdirSync(out).sort()) {
    const planDir = path.join(out, plan);
    if (!fs.statSync(planDir).isDirectory()) continue;
    for (const version of fs.readdirSync(planDir)) {
      const file = path.join(planDir, version, `${plan}-${version}-${VARIANT}.pdf`);
      if (fs.existsSync(file)) found.set(plan, file);
    }
  }
  return found;
}
