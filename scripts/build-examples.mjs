// Builds every example plan under plan-data/ in every variant it defines, into output/.
// Used by the README's first command (npm run examples).
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['dist/cli.js', 'build', 'plan-data', '--all'], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
