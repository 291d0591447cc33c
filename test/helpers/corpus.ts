// The bad-input corpus: one folder per broken plan under test/fixtures/bad/, prepared as a fresh copy.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { copyPlan, FIXTURES } from './planCopy.js';
import type { VariantName } from '../../src/model/types.js';

export interface Case {
  about: string;
  base?: string;
  remove?: string[];
  symlinks?: Record<string, string>;
  /** Files generated at run time (too large to keep in git): path → size in bytes of YAML comments. */
  generate?: Record<string, number>;
  variants?: VariantName[];
  expect: string[];
}

export const BAD = path.join(FIXTURES, 'bad');
export const cases = fs.readdirSync(BAD).filter((d) => fs.existsSync(path.join(BAD, d, 'case.yaml'))).sort();

export function prepare(name: string): { dir: string; spec: Case } {
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

