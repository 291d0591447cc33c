// Diagnostics: what every stage reports instead of throwing on user mistakes.
// A diagnostic carries a stable code from the catalogue, a place, a message and hints.
import type { Span } from './span.js';
import { catalogue, type Code, type Severity } from './catalogue.js';

export type { Severity };


/** One problem found in the user's input, with where it is and what to do about it. */
export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly span: Span;
  readonly hints: readonly string[];
}

type Args<C extends Code> = Parameters<(typeof catalogue)[C]['message']>[0];

/** Collects diagnostics from all stages; stages push, the pipeline decides whether to go on. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];
  /** The text of each file the loader read, by shown path: code frames print only from these. */
  private readonly sources = new Map<string, string>();

  /** Keep the text read from `file` (as shown in spans) for code frames. */
  rememberSource(file: string, text: string): void {
    this.sources.set(file, text);
  }

  /** The text the loader read from `file`; undefined for a file it did not read. */
  sourceOf(file: string): string | undefined {
    return this.sources.get(file);
  }

  /** Report catalogue entry `code` at `span`; extra hints are added after the catalogue's own. */
  report<C extends Code>(code: C, span: Span, args: Args<C>, extraHints: readonly string[] = []): void {
    const entry = catalogue[code];
    const message = (entry.message as (a: Args<C>) => string)(args);
    const hint = entry.hint as string | ((a: Args<C>) => string) | undefined;
    const hints = [
      ...(hint === undefined ? [] : [typeof hint === 'function' ? hint(args) : hint]),
      ...extraHints,
    ];
    this.items.push({ code, severity: entry.severity, message, span, hints });
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
}

/** Sort by file, then position, so reports read top to bottom. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  return [...items].sort(
    (a, b) =>
      a.span.file.localeCompare(b.span.file) || a.span.line - b.span.line || a.span.col - b.span.col,
  );
}

/** `file:line:col: error: message [code]`, a code frame when the source is known, then hints. */
export function formatDiagnostic(d: Diagnostic, sourceOf?: (file: string) => string | undefined): string {
  const head = `${d.span.file}:${d.span.line}:${d.span.col}: ${d.severity}: ${d.message} [${d.code}]`;
  const lines = [head];
  const text = sourceOf?.(d.span.file);
  if (text !== undefined) {
    const srcLine = lineOf(text, d.span.line);
    if (srcLine !== undefined) {
      const frame = frameOf(srcLine, d.span.col);
      const gutter = String(d.span.line).padStart(4);
      lines.push(`${gutter} | ${frame.text}`);
      lines.push(`${' '.repeat(gutter.length)} | ${frame.pad}^`);
    }
  }
  for (const h of d.hints) lines.push(`  hint: ${h}`);
  return lines.join('\n');
}

/** A source line up to this long is shown whole in a code frame; a longer one as a window this wide around the column. */
const FRAME_WIDTH = 120;
const FRAME_WINDOW = 100;

/**
 * The part of `line` a code frame shows, and what goes before the caret so it stands under column `col`
 * (1-based): the whole line when it is short, else a window around the column with … where it is cut.
 * Tabs before the column are repeated in the padding, so the caret lines up however a terminal shows them.
 */
export function frameOf(line: string, col: number): { readonly text: string; readonly pad: string } {
  const at = Math.min(Math.max(col - 1, 0), line.length);
  let start = 0;
  let end = line.length;
  if (line.length > FRAME_WIDTH) {
    start = Math.max(0, at - Math.floor(FRAME_WINDOW / 2));
    end = Math.min(line.length, start + FRAME_WINDOW);
    start = Math.max(0, end - FRAME_WINDOW);
  }
  const head = start > 0 ? '…' : '';
  const tail = end < line.length ? '…' : '';
  const pad = `${head ? ' ' : ''}${line.slice(start, at).replace(/[^\t]/g, ' ')}`;
  return { text: `${head}${line.slice(start, end)}${tail}`, pad };
}

/** Line `n` (1-based) of `text`, found without splitting the whole text (a file may have 100 000 lines). */
function lineOf(text: string, n: number): string | undefined {
  let start = 0;
  for (let i = 1; i < n; i++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/, '');
}

/** Machine-readable form for `--format json`. */
export function diagnosticsToJson(items: readonly Diagnostic[]): string {
  return JSON.stringify({ version: 1, diagnostics: items }, null, 2);
}
