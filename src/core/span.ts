/** A place in a source file: 1-based line and column, as editors show them. */
export interface Span {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

/** A span for a whole file when no finer place is known. */
export function fileSpan(file: string): Span {
  return { file, line: 1, col: 1 };
}
