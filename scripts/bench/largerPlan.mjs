// A larger plan for the benchmark: a copy of a plan folder (with its kommune profiles) in a temp
// folder whose chapters — and the data and målskjema files they name — are repeated `times` times,
// every `id` (and the trapp's `kategori` references) in the copies given a suffix so the plan stays valid. The last chapter (the sources) is
// kept once, at the end. Same content, `times` as much of it: what scaling is measured on.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument, isScalar, visit } from 'yaml';

/** Copy `file` (relative to `planDir`) into `dest` as the `k`th copy: ids suffixed, referenced files copied too. */
function copyFile(planDir, dest, file, k, copied) {
  const to = path.join(`k${k}`, file);
  if (copied.has(to)) return to;
  copied.add(to);
  const doc = parseDocument(fs.readFileSync(path.join(planDir, file), 'utf8'));
  visit(doc, {
    Pair(_key, pair) {
      if (!isScalar(pair.key) || !isScalar(pair.value) || typeof pair.value.value !== 'string') return;
      if (pair.key.value === 'id' || pair.key.value === 'kategori') pair.value.value = `${pair.value.value}-k${k}`;
      if ((pair.key.value === 'data' || pair.key.value === 'malskjema') && pair.value.value.endsWith('.yaml')) {
        pair.value.value = copyFile(planDir, dest, pair.value.value, k, copied);
      }
    },
  });
  const out = path.join(dest, to);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // A copy's $schema line points one folder further up.
  fs.writeFileSync(out, String(doc).replace(/\$schema=\.\.\//, '$schema=../../'));
  return to;
}

/**
 * Write the plan in `planDir` with its chapters `times` times into a new temp folder; returns the
 * plan folder (its kommune profiles beside it, as plan-data/kommunar is).
 */
export function largerPlan(planDir, times) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plantrykk-bench-plan-'));
  const id = path.basename(planDir);
  const dest = path.join(root, id);
  fs.cpSync(planDir, dest, { recursive: true });
  const kommunar = path.join(path.dirname(planDir), 'kommunar');
  if (fs.existsSync(kommunar)) fs.cpSync(kommunar, path.join(root, 'kommunar'), { recursive: true });
  const plan = parseDocument(fs.readFileSync(path.join(planDir, 'plan.yaml'), 'utf8'));
  const chapters = plan.get('chapters').items.map((n) => n.value);
  const body = chapters.slice(0, -1);
  const last = chapters[chapters.length - 1];
  const list = [...body];
  for (let k = 2; k <= times; k++) {
    const copied = new Set();
    for (const c of body) list.push(copyFile(planDir, dest, c, k, copied));
  }
  list.push(last);
  plan.set('chapters', list);
  fs.writeFileSync(path.join(dest, 'plan.yaml'), String(plan));
  return dest;
}

/** Remove a folder made by largerPlan. */
export function removeLargerPlan(dir) {
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
}

// For a look by hand: node scripts/bench/largerPlan.mjs plan-data/alver-hso 4
if (import.meta.url === `file://${process.argv[1]}`) console.log(largerPlan(process.argv[2], Number(process.argv[3] ?? 4)));
