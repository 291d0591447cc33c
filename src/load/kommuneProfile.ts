// Kommune profiles: plan-data/kommunar/<id>.yaml beside the plan folders, shared by every plan of a
// kommune, and its SVG logo. The only files read from outside a plan folder: found by a checked id,
// never by a path the plan writes, and only inside the kommunar/ folder.
import * as path from 'node:path';
import type { Host } from '../core/host.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';
import { resolveInPlan } from './planPaths.js';

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
  const r = host.isDirectory(folder) ? resolveInPlan(host, folder, `${id}.yaml`) : ({ ok: false, reason: 'missing' } as const);
  if (!r.ok) {
    sink.report('load/unknown-kommune', span, { id, folder: path.relative(host.cwd, folder) || folder });
    return undefined;
  }
  return r.absPath;
}

/** Read and check the logo named in a profile; the SVG text, or undefined (reported). */
export function loadLogo(host: Host, profileDir: string, name: unknown, span: Span, sink: DiagnosticSink): string | undefined {
  if (typeof name !== 'string' || !LOGO_NAME.test(name)) return undefined;
  const r = resolveInPlan(host, profileDir, name);
  if (!r.ok) {
    sink.report(r.reason === 'outside' ? 'load/path-outside' : 'load/file-missing', span, { path: name });
    return undefined;
  }
  if (host.fileSize(r.absPath) > MAX_LOGO_BYTES) {
    sink.report('load/logo', span, { reason: `the file is larger than ${MAX_LOGO_BYTES / 1024} KiB` });
    return undefined;
  }
  let svg: string;
  try {
    svg = new TextDecoder('utf-8', { fatal: true }).decode(host.readBytes(r.absPath));
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
  return svg;
}
