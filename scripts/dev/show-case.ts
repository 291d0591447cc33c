// Prints the diagnostics a bad-input case produces: npx tsx scripts/dev/show-case.ts <case> …
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { copyPlan, FIXTURES } from '../../test/helpers/planCopy.ts';
import { check } from '../../test/helpers/checkRun.ts';
for (const name of process.argv.slice(2)) {
  const BAD = path.join(FIXTURES, 'bad');
  const spec = parse(fs.readFileSync(path.join(BAD, name, 'case.yaml'), 'utf8'));
  const dir = copyPlan(path.join(FIXTURES, spec.base ?? 'minimal'));
  const files = path.join(BAD, name, 'files');
  if (fs.existsSync(files)) fs.cpSync(files, dir, { recursive: true });
  const profiles = path.join(BAD, name, 'kommunar');
  if (fs.existsSync(profiles)) fs.cpSync(profiles, path.join(path.dirname(dir), 'kommunar'), { recursive: true });
  for (const r of spec.remove ?? []) fs.rmSync(path.join(dir, r), { force: true, recursive: true });
  for (const [link, target] of Object.entries(spec.symlinks ?? {})) { fs.mkdirSync(path.dirname(path.join(dir, link)), { recursive: true }); fs.symlinkSync(target as string, path.join(dir, link)); }
  const r = check(dir, spec.variants);
  console.log(name, JSON.stringify(spec.expect), '=>', JSON.stringify(r.lines));
}
