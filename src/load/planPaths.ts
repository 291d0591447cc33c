// Resolving a path written in a plan file to a file inside the plan folder — and nowhere else.
import * as path from 'node:path';
import type { Host } from '../core/host.js';

export type Resolved =
  | { readonly ok: true; readonly absPath: string }
  | { readonly ok: false; readonly reason: 'outside' | 'missing' };

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Resolve `rel` against `planDir`; absolute paths, URLs, `..` escapes and symlinks out are refused. */
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
    return { ok: false, reason: 'missing' };
  }
  const real = host.realpath(abs);
  if (!isInside(root, real)) return { ok: false, reason: 'outside' };
  if (!host.isFile(real)) return { ok: false, reason: 'missing' };
  return { ok: true, absPath: real };
}

function isInside(root: string, p: string): boolean {
  const r = path.relative(root, p);
  return r.length > 0 && !r.startsWith('..') && !path.isAbsolute(r);
}
