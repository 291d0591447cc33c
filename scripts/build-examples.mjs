// Builds every example plan under plan-data/ in every variant it defines, into output/.
// Used by the README's first command (npm run examples).
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = 'plan-data';
const plans = readdirSync(root).filter((d) => existsSync(join(root, d, 'plan.yaml'))).sort();
let failed = 0;
for (const plan of plans) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['dist/cli.js', 'build', join(root, plan), '--variant', 'all'], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(r.stdout);
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.error(`${plan}: FAILED (exit ${r.status}) after ${s} s`);
  } else {
    console.log(`${plan}: ok in ${s} s`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
