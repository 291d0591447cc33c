// Reading real PDF files with the poppler and qpdf command-line tools.
// Each tool's answer for a file is remembered while the file is unchanged (same inode, size and
// modification time): a test file asks for the text of the same large PDF many times.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './planCopy.js';

export { builtPdf, sharedBuild } from './sharedBuild.js';

const answers = new Map<string, string>();

/** Run `cmd args… file` (the PDF last), or give its remembered answer for the unchanged file. */
const run = (cmd: string, args: string[]): string => {
  const file = args[args.length - 1] === '-' ? args[args.length - 2]! : args[args.length - 1]!;
  const st = fs.statSync(file);
  const key = JSON.stringify([cmd, args, st.ino, st.size, st.mtimeMs]);
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    answers.set(key, answer);
  }
  return answer;
};

/** Text of the whole PDF, or of one page (1-based), in reading order. */
export function pdfText(file: string, opts: { page?: number; layout?: boolean } = {}): string {
  const range = opts.page === undefined ? [] : ['-f', String(opts.page), '-l', String(opts.page)];
  return run('pdftotext', ['-enc', 'UTF-8', ...(opts.layout ? ['-layout'] : []), ...range, file, '-']);
}

/** The text with every run of white space folded to one space (for phrases that wrap). */
export function flatText(file: string): string {
  return pdfText(file).replace(/\s+/g, ' ');
}

/** Text of each page (index 0 is page 1), laid out as on the page when `layout`. */
export function pdfPages(file: string, layout = false): string[] {
  return pdfText(file, { layout }).split('\f').slice(0, pdfInfo(file).pages);
}

export function pdfInfo(file: string): { pages: number; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]!] = m[2]!;
  }
  return { pages: Number(fields.Pages), fields };
}

/** Each font: name, type, embedded, unicode map. */
export function pdfFonts(file: string): { name: string; type: string; embedded: boolean; unicode: boolean }[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    const n = cols.length;
    return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', unicode: cols[n - 3] === 'yes' };
  });
}

/** Bookmarks (outline) titles with their target page numbers, in order, via qpdf's JSON. */
export function pdfOutline(file: string): { title: string; page: number; depth: number }[] {
  const json = JSON.parse(run('qpdf', ['--json', '--json-key=outlines', file])) as {
    outlines: { title: string; destpageposfrom1: number; kids: unknown[] }[];
  };
  const out: { title: string; page: number; depth: number }[] = [];
  const walk = (items: { title: string; destpageposfrom1: number; kids: unknown[] }[], depth: number): void => {
    for (const i of items) {
      out.push({ title: i.title, page: i.destpageposfrom1, depth });
      walk(i.kids as typeof items, depth + 1);
    }
  };
  walk(json.outlines, 0);
  return out;
}

/** Run the built CLI; returns exit code and output. */
export function cli(args: string[], cwd = REPO): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(REPO, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The table of contents as printed: numbered title and page, read from the TOC page(s). */
export function tocEntries(file: string, title: string): { tocPage: number; entries: { title: string; page: number }[] } {
  const pages = pdfPages(file, true);
  const first = pages.findIndex((p) => p.split('\n').some((l) => l.trim() === title));
  const entries: { title: string; page: number }[] = [];
  let last = first;
  for (let i = first; i < pages.length; i++) {
    const found = [...pages[i]!.matchAll(/^\s*(\d+(?:\.\d+)*) (.+?)\s+(\d+)\s*$/gm)].map((m) => ({ title: `${m[1]} ${m[2]!.trim()}`, page: Number(m[3]) }));
    // A page after the first is a continuation only when it reads like one: entries pointing at
    // later pages, in page order, within the document (not, say, a table's numbered rows).
    const likeToc = found.length > 0 && found[0]!.page > i + 1 && found.every((e, k) => e.page <= pages.length && e.page >= (k === 0 ? 1 : found[k - 1]!.page));
    if (i > first && !likeToc) break;
    entries.push(...found);
    last = i;
  }
  return { tocPage: last + 1, entries };
}

/** Render one page to RGB pixels (via pdftoppm, PPM) at `dpi`. */
export function pagePixels(file: string, page: number, dpi = 40): { width: number; height: number; rgb: Buffer } {
  const ppm = execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 256 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  return { width: Number(header[1]), height: Number(header[2]), rgb: ppm.subarray(header[0].length) };
}

/** How many pixels are within `tolerance` of the colour `hex`. */
export function countColour(img: { rgb: Buffer }, hex: string, tolerance = 24): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let i = 0; i + 2 < img.rgb.length; i += 3) {
    if (Math.abs(img.rgb[i]! - r) <= tolerance && Math.abs(img.rgb[i + 1]! - g) <= tolerance && Math.abs(img.rgb[i + 2]! - b) <= tolerance) n++;
  }
  return n;
}

/** Pixels of colour `hex` inside a rectangle given as fractions of the page (x0, y0, x1, y1). */
export function countColourIn(img: { width: number; height: number; rgb: Buffer }, hex: string, box: [number, number, number, number], tolerance = 40): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let y = Math.floor(box[1] * img.height); y < Math.floor(box[3] * img.height); y++) {
    for (let x = Math.floor(box[0] * img.width); x < Math.floor(box[2] * img.width); x++) {
      const i = (y * img.width + x) * 3;
      if (Math.abs(img.rgb[i]! - r) <= tolerance && Math.abs(img.rgb[i + 1]! - g) <= tolerance && Math.abs(img.rgb[i + 2]! - b) <= tolerance) n++;
    }
  }
  return n;
}
