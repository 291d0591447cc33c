// Builds every example plan under plan-data/ in every variant it defines, into output/: the PDFs and
// the web edition (output/<id>/<version>/web/<variant>/).
// Used by the README's first command (npm run examples). The example plans use the kommunes' real
// values wherever their source documents give them; the rest are marked `eksempel` in plan.yaml (or
// `illustrative: true` in a data file), so their høyring and vedtak are built with --eksempel and
// stamped «EKSEMPEL – ikkje eit offisielt dokument» on every page.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['dist/cli.js', 'build', 'plan-data', '--all', '--eksempel', '--format', 'all'], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
