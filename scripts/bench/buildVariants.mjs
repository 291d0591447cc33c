// `plantrykk build` for a list of variants in a fresh process (the command line takes one variant or
// all): node scripts/bench/buildVariants.mjs <plan-dir> <v1,v2> <out>. Loads the pipeline as the
// command does and prints nothing but errors.
const [plan, variants, out] = process.argv.slice(2);
const { nodeHost } = await import('../../dist/core/host.js');
const { DiagnosticSink } = await import('../../dist/core/diagnostics.js');
const { buildPlan } = await import('../../dist/pipeline.js');
const sink = new DiagnosticSink();
const result = await buildPlan(nodeHost, plan, variants.split(','), out, sink, undefined, true, true);
if (!result) {
  console.error(sink.items.map((d) => d.message).join('\n'));
  process.exit(1);
}
