// The tool's own files (templates, label files, fonts, compiled validators, package.json): the
// read-only `assets` part of the Host. Kept beside host.ts so every file access stays in core/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fontFiles, type FontFace } from './fonts.js';

const require = createRequire(import.meta.url);

/** templates/ at the repository root, the same from src/ (tests) and dist/ (the CLI). */
export const TEMPLATE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** The JSON Schemas plan files name in their `$schema` line (src/validate/schemas/ of the installation). */
export const SCHEMA_DIR = path.resolve(TEMPLATE_DIR, '..', 'src', 'validate', 'schemas');

/** Read-only access to the files plantrykk ships with; never a file of a plan. */
export interface ToolAssets {
  /** A template or label file, by its path inside templates/, as UTF-8. */
  readText(relPath: string): string;
  /** The bytes of one face of the document font. */
  fontBytes(face: FontFace): Buffer;
  /** The tool's version, from package.json (written into manifests). */
  toolVersion(): string;
  /** A module the build generated (the compiled validators), or undefined when it is not there. */
  loadGenerated(absPath: string): unknown;
}

/** The tool's files as installed. */
export const nodeAssets: ToolAssets = {
  readText: (relPath) => fs.readFileSync(path.join(TEMPLATE_DIR, relPath), 'utf8'),
  fontBytes: (face) => fs.readFileSync(fontFiles()[face]),
  toolVersion: () => (JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, '..', 'package.json'), 'utf8')) as { version: string }).version,
  loadGenerated: (absPath) => (fs.existsSync(absPath) ? (require(absPath) as unknown) : undefined),
};

/** Read one of the tool's template or label files as UTF-8 (for stages not handed a Host). */
export function readAsset(relPath: string): string {
  return nodeAssets.readText(relPath);
}

/** The file names in a folder of templates/ (e.g. `kinds`), sorted: the tool's own registries. */
export function listAssets(relDir: string): string[] {
  return fs.readdirSync(path.join(TEMPLATE_DIR, relDir)).sort();
}

/** The tool's version, from package.json (for callers not handed a Host). */
export function toolVersion(): string {
  return nodeAssets.toolVersion();
}
