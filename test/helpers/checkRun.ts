// Runs the check stages in-process and returns diagnostics as "file:line:col code" relative to the plan.
import * as path from 'node:path';
import * as fs from 'node:fs';
import { nodeHost } from '../../src/core/host.js';
import { DiagnosticSink, type Diagnostic } from '../../src/core/diagnostics.js';
import { checkPlan } from '../../src/pipeline.js';
import type { VariantName } from '../../src/model/types.js';

/** One diagnostic as the corpus writes it: `plan.yaml:3:5 schema/unknown-key`. */
export function short(d: Diagnostic, planDir: string): string {
  const abs = path.resolve(nodeHost.cwd, d.span.file);
  const rel = path.relative(fs.realpathSync(planDir), abs).split(path.sep).join('/');
  return `${rel}:${d.span.line}:${d.span.col} ${d.code}`;
}

export function check(planDir: string, variants?: VariantName[]): { diagnostics: Diagnostic[]; lines: string[]; ok: boolean } {
  const sink = new DiagnosticSink();
  const result = checkPlan(nodeHost, planDir, variants, sink);
  return { diagnostics: sink.items, lines: sink.items.map((d) => short(d, planDir)), ok: result !== undefined };
}
