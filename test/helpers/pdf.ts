// Reading real PDF files with the poppler and qpdf command-line tools.
import { execFileSync, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO } from './planCopy.js';

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

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
