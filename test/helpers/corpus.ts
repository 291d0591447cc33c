// The bad-input corpus: one folder per broken plan under test/fixtures/bad/, prepared as a fresh copy.
// Its case.yaml says what to break and the whole expected outcome: every diagnostic and the exit code.
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
  /** Every diagnostic the check reports, as `file:line:col code` (file relative to the plan folder): no more, no fewer. */
  expect: string[];
  /** Diagnostics reported today that should not be (a known bug): diagnostic → why it is wrong. */
  knownWrong?: Record<string, string>;
  /** The exit code `plantrykk check` gives. */
  exit: number;
}

const KEYS = new Set(['about', 'base', 'remove', 'symlinks', 'generate', 'variants', 'expect', 'knownWrong', 'exit']);
const LINE = /^[^\s]+:\d+:\d+ [a-z]+\/[a-z0-9-]+$/;

/** Read and check a case.yaml: a misspelt key or a malformed expectation fails loudly, never silently weakens the case. */
export function readCase(name: string): Case {
  const spec = parse(fs.readFileSync(path.join(BAD, name, 'case.yaml'), 'utf8')) as Case;
  const problems = [
    ...Object.keys(spec).filter((k) => !KEYS.has(k)).map((k) => `unknown key '${k}'`),
    ...(typeof spec.about === 'string' ? [] : ['no about']),
    ...(Array.isArray(spec.expect) && spec.expect.length > 0 ? [] : ['expect must list at least one diagnostic']),
    ...(Number.isInteger(spec.exit) ? [] : ['no exit code']),
    ...[...(spec.expect ?? []), ...Object.keys(spec.knownWrong ?? {})].filter((l) => !LINE.test(l)).map((l) => `'${l}' is not 'file:line:col code'`),
  ];
  if (problems.length > 0) throw new Error(`${name}/case.yaml: ${problems.join('; ')}`);
  return spec;
}

/** What the check must report for a case: the expected diagnostics and the known wrong ones. */
export function expectedLines(spec: Case): string[] {
  return [...spec.expect, ...Object.keys(spec.knownWrong ?? {})];
}

export const BAD = path.join(FIXTURES, 'bad');
export const cases = fs.readdirSync(BAD).filter((d) => fs.existsSync(path.join(BAD, d, 'case.yaml'))).sort();

export function prepare(name: string): { dir: string; spec: Case } {
  const spec = readCase(name);
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

