// `plantrykk new`: a kind, a language form and a kommune name → a self-contained plan folder (plan.yaml,
// its own kommune.yaml, one chapter) from the plain files in templates/scaffold/<language>/, that passes
// `check` and builds every variant of the kind. Only checked or quoted values fill the placeholders;
// every date is fixed (never the clock); nothing is written unless the whole folder can be.
import * as path from 'node:path';
import { nearest } from '../core/nearest.js';
import type { Host } from '../core/host.js';
import { SCHEMA_DIR, listAssets, readAsset } from '../core/assets.js';
import { builtinKinds } from '../model/kinds.js';
import { PLACEHOLDER_WORD } from '../model/placeholder.js';
import type { Language } from '../model/types.js';

/** What `plantrykk new` is asked for. */
export interface NewPlanRequest {
  readonly dir: string;
  readonly kind: string;
  readonly language: string;
  readonly kommune?: string;
}

/** The folder written and its files, or why nothing was written (a usage problem, or a write that failed). */
export type NewPlanOutcome =
  | { readonly ok: true; readonly dir: string; readonly files: readonly string[]; /** The word marking what to replace, in the chosen form. */ readonly placeholder: string }
  | { readonly ok: false; readonly usage: boolean; readonly message: string };

const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The kommune's placeholder name when --kommune is not given, per language form. */
const PLACEHOLDER_KOMMUNE: Readonly<Record<Language, string>> = { nn: 'Døme kommune', nb: 'Eksempel kommune' };
const PLACEHOLDER_TITLE: Readonly<Record<Language, string>> = { nn: `${PLACEHOLDER_WORD.nn}: tittelen på planen`, nb: `${PLACEHOLDER_WORD.nb}: tittelen på planen` };

/** A profile id from a kommune's name: «Ås kommune» → «as», «Nordre Follo» → «nordre-follo». */
export function kommuneId(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+(kommune|kommun|suohkan)$/u, '');
  const id = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64).replace(/-+$/, '');
  return id === '' ? 'kommune' : id;
}

/** Every scaffold file of `language` (relative to its folder), the variant parts left out. */
function scaffoldFiles(language: Language): string[] {
  const walk = (rel: string): string[] =>
    listAssets(path.posix.join('scaffold', language, rel)).flatMap((n) => {
      const r = rel === '' ? n : `${rel}/${n}`;
      return n.endsWith('.yaml') ? [r] : walk(r);
    });
  return walk('').filter((f) => !f.startsWith('variants/'));
}

/** Fill the `{{name}}` placeholders; an unknown one is a bug in the scaffold files. A line's comment keeps its column where it can. */
function fill(text: string, values: Readonly<Record<string, string>>, file: string): string {
  const one = (line: string): string =>
    line.replace(/\{\{([a-z_]+)\}\}/g, (_, key: string) => {
      const v = values[key];
      if (v === undefined) throw new Error(`scaffold ${file}: unknown placeholder {{${key}}}`);
      return v;
    });
  return text
    .split('\n')
    .map((line) => {
      const c = line.search(/\s{2,}# /);
      if (c < 0 || !line.slice(0, c).includes('{{')) return one(line);
      const comment = one(line.slice(line.indexOf('# ', c)));
      const content = one(line.slice(0, c)).trimEnd();
      const column = line.indexOf('# ', c);
      return `${content.padEnd(Math.max(column, content.length + 1))}${comment}`;
    })
    .join('\n');
}

/**
 * The dotted paths of the values a scaffold file marks as placeholders: each key whose line holds the
 * placeholder word (in its value or its comment), with the keys above it by indentation. They are
 * listed under `eksempel`, so a fresh plan cannot be published as fact until the author replaces them.
 */
export function placeholderPaths(yaml: string, language: Language): string[] {
  const stack: { indent: number; key: string }[] = [];
  const paths: string[] = [];
  for (const line of yaml.split('\n')) {
    const m = /^( *)([a-z][a-z0-9-]*):(.*)$/.exec(line);
    if (!m) continue;
    const indent = m[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key: m[2]! });
    if (m[3]!.includes(PLACEHOLDER_WORD[language])) paths.push(stack.map((k) => k.key).join('.'));
  }
  return paths;
}

/** The `eksempel` list of a filled scaffold file (nothing when it marks no placeholder). */
function exampleList(yaml: string, language: Language): string {
  const paths = placeholderPaths(yaml, language);
  return paths.length === 0 ? '' : `eksempel:\n${paths.map((p) => `  - ${p}`).join('\n')}`;
}

/** Write a new plan folder; refuses (writing nothing) a folder that exists and is not empty. */
export function newPlan(host: Host, req: NewPlanRequest): NewPlanOutcome {
  const usage = (message: string): NewPlanOutcome => ({ ok: false, usage: true, message });
  const kinds = builtinKinds();
  const kind = kinds.get(req.kind);
  if (!kind) {
    const ids = [...kinds.keys()].sort();
    const near = nearest(req.kind, ids);
    const hint = near !== undefined ? ` — did you mean '${near}'?` : '';
    return usage(`there is no plan kind '${req.kind}'${hint} (the kinds: ${ids.join(', ')})`);
  }
  if (req.language !== 'nn' && req.language !== 'nb') return usage(`--language must be nn (nynorsk) or nb (bokmål)`);
  const language: Language = req.language;
  const abs = path.resolve(host.cwd, req.dir);
  const id = path.basename(abs);
  if (!PLAN_ID.test(id)) return usage(`the folder name '${id}' is the plan id: use lower-case letters, digits and dashes (e.g. ${kommuneId(id)})`);
  if (host.exists(abs) || host.linkTarget(abs) !== undefined) {
    if (!host.isDirectory(abs) || host.linkTarget(abs) !== undefined) return usage(`'${req.dir}' exists and is not a folder; nothing was written`);
    if (host.listDir(abs).length > 0) return usage(`the folder '${req.dir}' is not empty; nothing was written (name a new or empty folder)`);
  }
  const kommune = (req.kommune ?? PLACEHOLDER_KOMMUNE[language]).trim();
  if (kommune === '' || kommune.length > 200 || /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(kommune)) return usage('--kommune must be a kommune name of 1 to 200 printable characters');

  const base = `scaffold/${language}`;
  const variants = kind.variants
    .map((v) => fill(readAsset(`${base}/variants/${v}.yaml`), { placeholder: PLACEHOLDER_WORD[language] }, `variants/${v}.yaml`).replace(/\n+$/, ''))
    .join('\n');
  const values = (file: string): Record<string, string> => ({
    // The $schema line is relative to the file's own folder, so an editor finds the installed schemas.
    schemas: path.relative(path.dirname(path.join(abs, file)), SCHEMA_DIR).split(path.sep).join('/'),
    id,
    kind: kind.id,
    kind_name: kind.name[language],
    title: JSON.stringify(PLACEHOLDER_TITLE[language]),
    kommune_id: kommuneId(kommune),
    kommune_name: JSON.stringify(kommune),
    variants,
    placeholder: PLACEHOLDER_WORD[language],
  });
  // `{{eksempel}}` lists the file's own placeholder values: filled once without it, to find them.
  const files = scaffoldFiles(language).map((f) => {
    const template = readAsset(`${base}/${f}`);
    const eksempel = exampleList(fill(template, { ...values(f), eksempel: '' }, f), language);
    return { rel: f, text: fill(template, { ...values(f), eksempel }, f) };
  });

  // Written in a hidden folder beside the target and renamed into place: a failed write leaves no plan folder.
  const parent = path.dirname(abs);
  const temp = path.join(parent, `.plantrykk-new-${id}-${host.newId()}`);
  const written: string[] = [];
  try {
    host.mkdirp(parent);
    for (const f of files) {
      const target = path.join(temp, f.rel);
      host.mkdirp(path.dirname(target));
      host.writeNewFile(target, f.text);
      written.push(target);
    }
    host.rename(temp, abs);
  } catch (e) {
    for (const w of written) {
      try {
        host.removeFile(w);
      } catch {
        // Best effort: the hidden folder is not a plan folder.
      }
    }
    return { ok: false, usage: false, message: `cannot write '${req.dir}': ${(e as Error)?.message ?? String(e)}; no plan folder was made` };
  }
  return { ok: true, dir: abs, files: files.map((f) => f.rel), placeholder: PLACEHOLDER_WORD[language] };
}
