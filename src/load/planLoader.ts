// Load stage: a plan folder → every YAML file it uses, parsed with positions.
// Follows references (chapters, registers, målskjema, chart and trapp data) from plan.yaml;
// a reference that cannot be followed is a diagnostic at the place it is written.
import * as path from 'node:path';
import { displayPath, type Host } from '../core/host.js';
import { isObj } from '../core/values.js';
import type { DiagnosticSink } from '../core/diagnostics.js';
import { fileSpan } from '../core/span.js';
import { parseYamlFile, unreadFile, locate, MAX_FILE_BYTES, type FileKind, type SourceFile, type PathSegment } from './yamlFile.js';
import { reportUnread, resolveInPlan } from './planPaths.js';
import { loadImage, MAX_IMAGE_BYTES, type ImageAsset } from './images.js';
import { findKindFile, findProfile, loadLogo } from './kommuneProfile.js';
import { BLOCK_KEYS, isBlockKey, refPath } from './blockKinds.js';

/** Every file of one plan, by kind, in the order they are referenced. */
export interface PlanSources {
  readonly planDir: string;
  /** The plan folder with links resolved; every loaded file lies inside it. */
  readonly realDir: string;
  readonly folderName: string;
  readonly plan: SourceFile;
  readonly files: readonly SourceFile[];
  /** Resolved reference: (file, path to the string) → loaded file. */
  readonly refs: ReadonlyMap<string, SourceFile>;
  /** Checked images by the reference that names them (image blocks' `file`, plan.yaml's `cover.image`). */
  readonly images: ReadonlyMap<string, ImageAsset>;
  /** The kommune profile named by `kommune:` in plan.yaml, and its checked logo. */
  readonly profile?: SourceFile;
  readonly logo?: string;
  /** The file of a kind the plan or its kommune defines (kinds/<id>.yaml), when `kind:` names one. */
  readonly kind?: SourceFile;
}

/** Key of a reference in `PlanSources.refs`. */
export function refKey(from: SourceFile, at: readonly PathSegment[]): string {
  return `${from.absPath}#${at.join('/')}`;
}


/** Load the plan folder `planDir`; `display` turns absolute paths into what users see. */
export function loadPlan(host: Host, planDir: string, sink: DiagnosticSink): PlanSources | undefined {
  const abs = path.resolve(host.cwd, planDir);
  const display = (p: string): string => displayPath(host, p);
  const planPath = path.join(abs, 'plan.yaml');
  if (!host.isDirectory(abs)) {
    sink.report('load/file-missing', fileSpan(display(planPath)), { path: display(planPath) });
    return undefined;
  }
  const planRef = resolveInPlan(host, abs, 'plan.yaml');
  if (!planRef.ok) {
    reportUnread(sink, fileSpan(display(planPath)), planRef.reason === 'missing' ? display(planPath) : 'plan.yaml', planRef);
    return undefined;
  }
  const byPath = new Map<string, SourceFile>();
  const refs = new Map<string, SourceFile>();
  const images = new Map<string, ImageAsset>();
  const files: SourceFile[] = [];

  // One parse per (kind, file): a file referenced as two kinds is checked against both schemas.
  const read = (kind: FileKind, absPath: string): SourceFile => {
    const key = `${kind}:${absPath}`;
    const known = byPath.get(key);
    if (known) return known;
    const got = host.readFile(absPath, MAX_FILE_BYTES);
    const file = got.ok
      ? parseYamlFile(kind, display(absPath), absPath, got.bytes, sink)
      : unreadFile(kind, display(absPath), absPath, got, sink);
    byPath.set(key, file);
    files.push(file);
    return file;
  };

  const follow = (from: SourceFile, at: readonly PathSegment[], rel: unknown, kind: FileKind): SourceFile | undefined => {
    if (typeof rel !== 'string' || rel === '') return undefined; // the schema reports these
    const r = resolveInPlan(host, abs, rel);
    if (!r.ok) {
      reportUnread(sink, locate(from, at), rel, r);
      return undefined;
    }
    const file = read(kind, r.absPath);
    refs.set(refKey(from, at), file);
    return file;
  };

  const plan = read('plan', planRef.absPath);
  const pv = plan.value;
  let profile: SourceFile | undefined;
  let logo: string | undefined;
  let profileDir: string | undefined;
  const realDir = host.realpath(abs);
  if (isObj(pv) && typeof pv.kommune === 'string') {
    const found = findProfile(host, realDir, pv.kommune, locate(plan, ['kommune']), sink);
    if (found) {
      profile = read('kommune', found.file);
      profileDir = found.dir;
      const pr = profile.value;
      // The plan folder's own profile is found by its name, so its id must say which kommune it is.
      if (found.local && isObj(pr) && typeof pr.id === 'string' && pr.id !== pv.kommune) {
        sink.report('load/kommune-id-mismatch', locate(profile, ['id']), { id: pr.id, named: pv.kommune });
      }
      if (isObj(pr) && pr.logo !== undefined) logo = loadLogo(host, found.dir, pr.logo, locate(profile, ['logo']), sink);
    }
  }
  let kind: SourceFile | undefined;
  if (isObj(pv) && typeof pv.kind === 'string') {
    const file = findKindFile(host, realDir, profileDir, pv.kind, locate(plan, ['kind']), sink);
    if (file) kind = read('kind', file);
  }
  if (isObj(pv)) {
    if (Array.isArray(pv.chapters)) {
      const seen = new Map<string, number>();
      pv.chapters.forEach((rel, i) => {
        if (typeof rel === 'string' && seen.has(rel)) {
          sink.report('load/duplicate-reference', locate(plan, ['chapters', i]), { path: rel, first: (seen.get(rel) ?? 0) + 1 });
          return;
        }
        if (typeof rel === 'string') seen.set(rel, i);
        const ch = follow(plan, ['chapters', i], rel, 'chapter');
        if (ch) followBlocks(ch, ch.value, []);
      });
    }
    if (isObj(pv.registers)) {
      follow(plan, ['registers', 'planar'], pv.registers.planar, 'planar');
      follow(plan, ['registers', 'kjelder'], pv.registers.kjelder, 'kjelder');
    }
    // The cover photo is read like an image block's file: from inside the plan folder, checked here.
    if (isObj(pv.cover)) followImage(plan, ['cover', 'image'], pv.cover.image);
  }

  function followImage(from: SourceFile, at: readonly PathSegment[], rel: unknown): void {
    if (typeof rel !== 'string' || rel === '') return;
    const span = locate(from, at);
    const r = resolveInPlan(host, abs, rel);
    const got = r.ok ? host.readFile(r.absPath, MAX_IMAGE_BYTES) : r;
    if (!got.ok) {
      reportUnread(sink, span, rel, got, MAX_IMAGE_BYTES);
      return;
    }
    const image = loadImage(got.bytes, span, sink);
    // Its path is kept for the version's kept source (emit/sourceArchive.ts).
    if (image) images.set(refKey(from, at), r.ok ? { ...image, absPath: r.absPath } : image);
  }

  function followBlocks(file: SourceFile, node: unknown, at: PathSegment[]): void {
    if (!isObj(node)) return;
    if (Array.isArray(node.blocks)) {
      node.blocks.forEach((b, i) => {
        if (!isObj(b)) return;
        for (const key of Object.keys(b)) {
          const ref = isBlockKey(key) ? BLOCK_KEYS[key] : null;
          const inner = isBlockKey(key) ? refPath(key) : undefined;
          if (ref === null || inner === undefined) continue;
          const at2: PathSegment[] = [...at, 'blocks', i, ...inner];
          const v = inner.length === 1 ? b[key] : isObj(b[key]) ? b[key][inner[1]!] : undefined;
          if ('image' in ref) followImage(file, at2, v);
          else follow(file, at2, v, ref.file);
        }
      });
    }
    if (Array.isArray(node.sections)) {
      node.sections.forEach((s, i) => followBlocks(file, s, [...at, 'sections', i]));
    }
  }

  return { planDir: abs, realDir, folderName: path.basename(abs), plan, files, refs, images, ...(profile ? { profile } : {}), ...(logo ? { logo } : {}), ...(kind ? { kind } : {}) };
}
