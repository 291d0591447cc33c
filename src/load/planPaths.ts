// Resolving a path written in a plan file to a regular file inside the plan folder — and nowhere
// else — and saying what is there instead when it is not such a file.
import * as path from 'node:path';
import type { FileRead, Host, PathKind } from '../core/host.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import type { Span } from '../core/span.js';

/** Why a path did not lead to a regular file inside the folder. */
export type Unresolved =
  | { readonly ok: false; readonly reason: 'outside' | 'missing' }
  | { readonly ok: false; readonly reason: 'not-a-file'; readonly kind: Exclude<PathKind, 'file' | 'missing'> }
  | { readonly ok: false; readonly reason: 'unreadable'; readonly detail: string };

export type Resolved = { readonly ok: true; readonly absPath: string } | Unresolved;

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolve `rel` against `planDir`; absolute paths, URLs, `..` escapes and symlinks out are refused,
 * and so is anything that is not a regular file (a folder, FIFO, device or socket) — by its kind.
 */
export function resolveInPlan(host: Host, planDir: string, rel: string): Resolved {
  if (rel.length === 0 || path.isAbsolute(rel) || URL_SCHEME.test(rel) || rel.includes('\0') || rel.startsWith('\\')) {
    return { ok: false, reason: 'outside' };
  }
  const root = host.realpath(planDir);
  const abs = path.resolve(root, rel);
  if (!isInside(root, abs)) return { ok: false, reason: 'outside' };
  if (!host.exists(abs)) {
    // A link out of the folder may point at nothing: a dangling link on the way out is still out.
    for (let p = abs; isInside(root, p); p = path.dirname(p)) {
      const target = host.linkTarget(p);
      if (target !== undefined && !isInside(root, target)) return { ok: false, reason: 'outside' };
    }
    if (host.linkTarget(abs) !== undefined) {
      try {
        host.realpath(abs);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ELOOP') return { ok: false, reason: 'unreadable', detail: 'its symbolic links lead round in a circle' };
      }
    }
    return { ok: false, reason: 'missing' };
  }
  const real = host.realpath(abs);
  if (!isInside(root, real)) return { ok: false, reason: 'outside' };
  const kind = host.kindOf(real);
  if (kind === 'missing') return { ok: false, reason: 'missing' };
  if (kind !== 'file') return { ok: false, reason: 'not-a-file', kind };
  return { ok: true, absPath: real };
}

/** Whether `p` lies strictly inside `root` (both resolved). */
export function isInside(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r.length > 0 && !r.startsWith('..') && !path.isAbsolute(r);
}

/** How each kind of non-file is named in a diagnostic. */
export const KIND_NAMES: Readonly<Record<Exclude<PathKind, 'file' | 'missing'>, string>> = {
  directory: 'a folder',
  fifo: 'a named pipe (FIFO)',
  device: 'a device',
  socket: 'a socket',
};

/**
 * Report why `rel`, named at `span`, was not read — from resolving it or from reading it (a file
 * can change between the two). `limit` is the size limit the read was made with.
 */
export function reportUnread(sink: DiagnosticSink, span: Span, rel: string, r: Unresolved | Exclude<FileRead, { ok: true }>, limit?: number): void {
  switch (r.reason) {
    case 'outside':
    case 'link':
      sink.report('load/path-outside', span, { path: rel });
      return;
    case 'missing':
      sink.report('load/file-missing', span, { path: rel });
      return;
    case 'not-a-file':
      sink.report('load/not-a-file', span, { path: rel, what: KIND_NAMES[r.kind] });
      return;
    case 'unreadable':
      sink.report('load/unreadable', span, { path: rel, reason: r.detail });
      return;
    case 'too-large':
      sink.report('limit/file-size', span, { size: r.size, limit: limit ?? r.size - 1 });
  }
}
