// Kommune profiles: `kommune.yaml` inside the plan folder (a plan folder that stands alone), or
// plan-data/kommunar/<id>.yaml beside the plan folders, shared by every plan of a kommune; its SVG
// logo beside it; and a kind the plan or its kommune defines (kinds/<id>.yaml). Files outside the
// plan folder are found by a checked id, never by a path the plan writes, and only inside a real
// kommunar/ folder (never a link to elsewhere). Every file is a regular file, never through a link out.
import * as path from 'node:path';
import { displayPath, type Host } from '../core/host.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';
import { reportUnread, resolveInPlan } from './planPaths.js';
import { checkLogoShape } from './logoCheck.js';

const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const LOGO_NAME = /^[a-z0-9][a-z0-9-]{0,63}\.svg$/;
const MAX_LOGO_BYTES = 256 * 1024;

/** The profile file a plan folder may hold for itself. */
export const LOCAL_PROFILE = 'kommune.yaml';

/** Where a plan's kommune profile was found: the file, the folder its logo and kinds/ sit in, and whether it is the plan's own. */
export interface FoundProfile {
  readonly file: string;
  readonly dir: string;
  readonly local: boolean;
}

/** The folder holding kommune profiles for plans in `realPlanDir`. */
export function profileFolder(realPlanDir: string): string {
  return path.join(path.dirname(realPlanDir), 'kommunar');
}

/**
 * The profile for `id`, or undefined (reported) when there is none. The plan folder's own
 * kommune.yaml wins over plan-data/kommunar/<id>.yaml (the folder is what is handed over); when both
 * exist, a warning says which one is used.
 */
export function findProfile(host: Host, realPlanDir: string, id: string, span: Span, sink: DiagnosticSink): FoundProfile | undefined {
  if (!PROFILE_ID.test(id)) return undefined; // the schema reports the form
  const folder = profileFolder(realPlanDir);
  const shown = path.relative(host.cwd, folder) || folder;
  const local = resolveInPlan(host, realPlanDir, LOCAL_PROFILE);
  if (local.ok) {
    const shared = path.join(folder, `${id}.yaml`);
    if (host.linkTarget(folder) === undefined && host.isFile(shared)) {
      sink.report('load/kommune-profile-shadowed', span, { local: displayPath(host, local.absPath), shared: path.join(shown, `${id}.yaml`) });
    }
    return { file: local.absPath, dir: realPlanDir, local: true };
  }
  if (local.reason !== 'missing') {
    reportUnread(sink, span, LOCAL_PROFILE, local);
    return undefined;
  }
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
  return { file: r.absPath, dir: folder, local: false };
}

/**
 * The file of a kind the plan or its kommune defines: kinds/<id>.yaml in the plan folder first, then
 * beside the kommune profile; undefined when neither has one (the kind may be a built-in one).
 */
export function findKindFile(host: Host, realPlanDir: string, profileDir: string | undefined, id: string, span: Span, sink: DiagnosticSink): string | undefined {
  if (!PROFILE_ID.test(id)) return undefined;
  const rel = `kinds/${id}.yaml`;
  for (const dir of profileDir === undefined || profileDir === realPlanDir ? [realPlanDir] : [realPlanDir, profileDir]) {
    if (!host.isDirectory(path.join(dir, 'kinds')) && host.linkTarget(path.join(dir, 'kinds')) === undefined) continue;
    const r = resolveInPlan(host, dir, rel);
    if (r.ok) return r.absPath;
    if (r.reason !== 'missing') {
      reportUnread(sink, span, dir === realPlanDir ? rel : path.join(path.relative(host.cwd, dir) || dir, rel), r);
      return undefined;
    }
  }
  return undefined;
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
