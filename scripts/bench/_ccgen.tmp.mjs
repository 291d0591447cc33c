const { nodeHost } = await import('../../dist/core/host.js');
const { DiagnosticSink } = await import('../../dist/core/diagnostics.js');
const { Renderers } = await import('../../dist/run/renderPool.js');
const { buildPlan } = await import('../../dist/pipeline.js');
const r = new Renderers(1);
const orig = r.close.bind(r); r.close = () => {};
await buildPlan(nodeHost, 'plan-data/alver-hso', ['hoyring','vedtak'], '/tmp/speed-cc-out', new DiagnosticSink(), undefined, true, true, r);
await new Promise((res) => setTimeout(res, 7000));
orig();
