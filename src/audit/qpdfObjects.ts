// The PDF's object graph as qpdf's JSON (qpdf --json, version 2): catalog, fonts, actions, resources.
// qpdf repairs what it can and says so; a file it had to repair, or cannot read, is reported as damaged.
import { runProgram } from '../core/host.js';

export type PdfValue = string | number | boolean | null | PdfValue[] | { [k: string]: PdfValue };

/** The objects of a PDF by reference ("3 0 R"), plus the trailer. */
export interface PdfObjects {
  readonly get: (ref: PdfValue | undefined) => PdfValue | undefined;
  readonly trailer: Record<string, PdfValue>;
  readonly all: ReadonlyMap<string, PdfValue>;
  /** References of the objects that are streams (their value is the stream dictionary). */
  readonly streams: ReadonlySet<string>;
}

/** What qpdf made of the file: the objects and its repair warnings, or why it could not read it. */
export type ReadResult = { readonly objects: PdfObjects; readonly warnings: readonly string[] } | { readonly error: string };

interface ProgramFailure {
  readonly status?: number | null;
  readonly stdout?: string;
  readonly stderr?: string;
}

/** qpdf's own lines, without its name, the file name it repeats on each, and its running commentary. */
function qpdfLines(stderr: string, file: string): string[] {
  const noise = /^(file is damaged|Attempting to reconstruct cross-reference table|operation succeeded with warnings.*|errors detected)$/;
  const lines = stderr
    .split('\n')
    .map((l) => l.trim().replace(/^qpdf:\s*/, '').replace(/^(WARNING|ERROR):\s*/, '').split(`${file}: `).join('').split(`${file} `).join('').replace(/^(WARNING|ERROR):\s*/, '').replace(/^qpdf:\s*/, ''))
    .filter((l) => l !== '' && !noise.test(l));
  return [...new Set(lines)];
}

/** Read the object graph with qpdf (a Debian package the set-up installs). Never throws for a bad file. */
export function readObjects(file: string): ReadResult {
  let stdout: string;
  let warnings: string[] = [];
  try {
    stdout = runProgram('qpdf', ['--json=2', '--json-key=qpdf', file]);
  } catch (e) {
    const failure = e as ProgramFailure;
    // Exit 3: qpdf read the file only by repairing it; the JSON is there, the warnings say what was wrong.
    if (failure.status !== 3 || !failure.stdout) {
      const lines = qpdfLines(failure.stderr ?? '', file);
      return { error: lines.length > 0 ? lines.join('; ') : `qpdf could not read the file (exit ${String(failure.status)})` };
    }
    stdout = failure.stdout;
    warnings = qpdfLines(failure.stderr ?? '', file);
  }
  let json: { qpdf?: [unknown, Record<string, { value?: PdfValue; stream?: { dict: PdfValue } }>] };
  try {
    json = JSON.parse(stdout) as typeof json;
  } catch {
    return { error: 'qpdf could not describe the file' };
  }
  const all = new Map<string, PdfValue>();
  const streams = new Set<string>();
  for (const [key, v] of Object.entries(json.qpdf?.[1] ?? {})) {
    const ref = key.replace(/^obj:/, '');
    if (v.stream) streams.add(ref);
    all.set(ref, v.value ?? v.stream?.dict ?? null);
  }
  const get = (ref: PdfValue | undefined): PdfValue | undefined => (typeof ref === 'string' && / R$/.test(ref) ? all.get(ref) : ref);
  const trailer = all.get('trailer');
  return { objects: { get, trailer: trailer && typeof trailer === 'object' && !Array.isArray(trailer) ? trailer : {}, all, streams }, warnings };
}

/**
 * What qpdf finds when it decodes every stream (`qpdf --check`): damage the object graph does not show,
 * such as a content stream whose compressed data is broken. Empty when the file is sound.
 */
export function streamProblems(file: string): string[] {
  try {
    runProgram('qpdf', ['--check', file]);
    return [];
  } catch (e) {
    const failure = e as ProgramFailure;
    const lines = qpdfLines(failure.stderr ?? '', file);
    return lines.length > 0 ? lines : [`qpdf --check failed (exit ${String(failure.status)})`];
  }
}
