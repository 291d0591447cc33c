// The tool's own files (templates, label files): read from the repository's templates/ folder.
// Kept beside host.ts so every file access stays in core/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** templates/ at the repository root, the same from src/ (tests) and dist/ (the CLI). */
export const TEMPLATE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');

/** Read one of the tool's template or label files as UTF-8. */
export function readAsset(relPath: string): string {
  return fs.readFileSync(path.join(TEMPLATE_DIR, relPath), 'utf8');
}

/** The tool's version, from package.json (written into manifests). */
export function toolVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(TEMPLATE_DIR, '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
