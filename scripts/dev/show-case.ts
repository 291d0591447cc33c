// Prints the diagnostics a bad-input case produces: npx tsx scripts/dev/show-case.ts <case> …
import { prepare } from '../../test/helpers/corpus.ts';
import { check } from '../../test/helpers/checkRun.ts';

for (const name of process.argv.slice(2)) {
  const { dir, spec } = prepare(name);
  console.log(name, JSON.stringify(spec.expect), '=>', JSON.stringify(check(dir, spec.variants).lines));
}
