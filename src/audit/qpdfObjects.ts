// The PDF's object graph as qpdf's JSON (qpdf --json, version 2): catalog, fonts, encryption.
import { runProgram } from '../core/host.js';

export type PdfValue = string | number | boolean | null | PdfValue[] | { [k: string]: PdfValue };

/** The objects of a PDF by reference ("3 0 R"), plus the trailer. */
export interface PdfObjects {
  readonly get: (ref: PdfValue | undefined) => PdfValue | undefined;
  readonly trailer: Record<string, PdfValue>;
  readonly all: ReadonlyMap<string, PdfValue>;
}

/** Read the object graph with qpdf (a Debian package the set-up installs). */
export function readObjects(file: string): PdfObjects {
  const json = JSON.parse(runProgram('qpdf', ['--json=2', '--json-key=qpdf', file])) as {
    qpdf: [unknown, Record<string, { value?: PdfValue; stream?: { dict: PdfValue } }>];
  };
  const all = new Map<string, PdfValue>();
  for (const [key, v] of Object.entries(json.qpdf[1])) {
    all.set(key.replace(/^obj:/, ''), v.value ?? v.stream?.dict ?? null);
  }
  const get = (ref: PdfValue | undefined): PdfValue | undefined => (typeof ref === 'string' && / R$/.test(ref) ? all.get(ref) : ref);
  return { get, trailer: (all.get('trailer') ?? {}) as Record<string, PdfValue>, all };
}
