// Kommune profiles: plan-data/kommunar/<id>.yaml beside the plan folders, shared by every plan of a
// kommune, and its SVG logo. The only files read from outside a plan folder: found by a checked id,
// never by a path the plan writes, and only inside a real kommunar/ folder (never a link to elsewhere).
import * as path from 'node:path';
import { displayPath, type Host } from '../core/host.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';
import { reportUnread, resolveInPlan } from './planPaths.js';
import { checkLogoShape } from './logoCheck.js';

const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LOGO_NAME = /^[a-z0-9][a-z0-9-]{0,63}\.svg$/;
const MAX_LOGO_BYTES = 256 * 1024;

/** The folder holding kommune profiles for plans in `realPlanDir`. */
export function profileFolder(realPlanDir: string): string {
  return path.join(path.dirname(realPlanDir), 'kommunar');
}

/** The profile file for `id`, or undefined (reported) when there is none. */
export function findProfile(host: Host, realPlanDir: string, id: string, span: Span, sink: DiagnosticSink): string | undefined {
  if (!PROFILE_ID.test(id)) return undefined; // the schema reports the form
  const folder = profileFolder(realPlanDir);
  const shown = path.relative(host.cwd, folder) || folder;
  // The plan folder is resolved, so its neighbour kommunar/ is real unless it is itself a link.
  if (host.linkTarget(folder) !== undefined) {
    sink.report('load/kommunar-link', span, { folder: shown });
    return undefined;
  }
  const r = host.isDirectory(folder) ? resolveInPlan(host, folder, `${id}.yaml`) : ({ ok: false, reason: 'missing' } as const);
  if (!r.ok) {
    if (r.reason === 'missing') sink.report('load/unknown-kommune', span, { id, folder: shown });
    else reportUnread(sink, span, path.join(shown, `${id}.yaml`), r);
    return undefined;
  }
  return r.absPath;
}

/** Read and check the logo named in a profile; the SVG text, or undefined (reported). */
export function loadLogo(host: Host, profileDir: string, name: unknown, span: Span, sink: DiagnosticSink): string | undefined {
  if (typeof name !== 'string' || !LOGO_NAME.test(name)) return undefined;
  const r = resolveInPlan(host, profileDir, name);
  const got = r.ok ? host.readFile(r.absPath, MAX_LOGO_BYTES) : r;
  if (!got.ok) {
    if (got.reason === 'too-large') sink.report('load/logo', span, { reason: `the file is larger than ${MAX_LOGO_BYTES / 1024} KiB` });
    else reportUnread(sink, span, name, got);
    return undefined;
  }
  let svg: string;
  try {
    svg = new TextDecoder('utf-8', { fatal: true }).decode(got.bytes);
  } catch {
    sink.report('load/logo', span, { reason: 'the file is not UTF-8 text' });
    return undefined;
  }
  const problem = !/<svg[\s>]/.test(svg)
    ? 'it is not an SVG file'
    : /<text[\s>]|<tspan[\s>]/.test(svg)
      ? 'it contains text (which would need a font the PDF does not embed); convert text to paths'
      : /<image[\s>]|<foreignObject|<script|<!ENTITY|<!DOCTYPE/i.test(svg)
        ? 'it contains images, scripts or entity declarations'
        : /(?:xlink:)?href\s*=\s*["'](?!#)|url\(\s*['"]?(?!#)/i.test(svg)
          ? 'it refers to another file or a web address'
          : undefined;
  if (problem) {
    sink.report('load/logo', span, { reason: problem });
    return undefined;
  }
  // A logo the renderer cannot draw is reported where the SVG must change.
  const shape = checkLogoShape(svg);
  if (shape && r.ok) {
    const file = displayPath(host, r.absPath);
    sink.rememberSource(file, svg);
    sink.report('load/logo', { file, line: shape.line, col: shape.col }, { reason: shape.reason });
    return undefined;
  }
  return svg;
}
