// Copies a fixture plan into a fresh temp folder, so a test can change it without touching the repo.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Copy `srcDir` to <tmp>/<name>/ (the folder name is the plan id) and return that folder. */
export function copyPlan(srcDir: string, name = path.basename(srcDir)): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-test-'));
  const dest = path.join(root, name);
  fs.cpSync(srcDir, dest, { recursive: true });
  // Kommune profiles live beside the plan folders.
  const profiles = path.join(path.dirname(srcDir), 'kommunar');
  if (fs.existsSync(profiles)) fs.cpSync(profiles, path.join(root, 'kommunar'), { recursive: true });
  return dest;
}

/** Replace `from` by `to` in a file of the copied plan; fails loudly if `from` is not there. */
export function edit(planDir: string, rel: string, from: string, to: string): void {
  const p = path.join(planDir, rel);
  const text = fs.readFileSync(p, 'utf8');
  if (!text.includes(from)) throw new Error(`'${from}' not found in ${rel}`);
  fs.writeFileSync(p, text.replace(from, to));
}

export const FIXTURES = path.resolve(here, '..', 'fixtures');
export const REPO = path.resolve(here, '..', '..');
