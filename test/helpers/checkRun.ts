// Runs the check stages in-process and returns diagnostics as "file:line:col code" relative to the plan,
// and the exit code `plantrykk check` would give for them.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink, sortDiagnostics, type Diagnostic } from '../../src/core/diagnostics.js';
import { exitCodeFor } from '../../src/core/exitCodes.js';
import { checkPlan } from '../../src/pipeline.js';
import type { VariantName } from '../../src/model/types.js';

/** One diagnostic as the corpus writes it: `plan.yaml:3:5 schema/unknown-key`; `cwd` is where a relative span file starts. */
export function short(d: Pick<Diagnostic, 'span' | 'code'>, planDir: string, cwd = nodeHost.cwd): string {
  const abs = path.resolve(cwd, d.span.file);
  const rel = path.relative(fs.realpathSync(planDir), abs).split(path.sep).join('/');
  return `${rel}:${d.span.line}:${d.span.col} ${d.code}`;
}

/** Check the plan in `planDir`; `lines` are in report order (file, line, column). */
export function check(planDir: string, variants?: VariantName[]): { diagnostics: Diagnostic[]; lines: string[]; ok: boolean; exit: number } {
  const sink = new DiagnosticSink();
  const result = checkPlan(nodeHost, planDir, variants, sink);
  const diagnostics = sortDiagnostics(sink.items);
  return { diagnostics, lines: diagnostics.map((d) => short(d, planDir)), ok: result !== undefined, exit: exitCodeFor(diagnostics) };
}
