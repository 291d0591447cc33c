/** Exit codes of the plantrykk command; documented in the README, never renumbered. */
export const ExitCode = {
  ok: 0,
  invalidPlan: 1,
  usage: 2,
  versionExists: 3,
  outputError: 4,
  limitReached: 5,
  archiveMismatch: 6,
  auditFailed: 7,
  internal: 70,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for a run that reported `diagnostics` (the CLI's rule; the bad-input corpus asserts it in-process). */
export function exitCodeFor(diagnostics: readonly { readonly code: string; readonly severity: string }[]): ExitCode {
  const codes = diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  if (codes.length === 0) return ExitCode.ok;
  if (codes.includes('emit/version-exists') || codes.includes('emit/draft-exists') || codes.includes('emit/source-changed') || codes.includes('emit/endringar-exists')) return ExitCode.versionExists;
  if (codes.includes('emit/folder-damaged') || codes.includes('emit/endringar-no-source')) return ExitCode.archiveMismatch;
  if (codes.includes('emit/write-failed') || codes.includes('emit/locked')) return ExitCode.outputError;
  if (codes.some((c) => c.startsWith('limit/'))) return ExitCode.limitReached;
  return ExitCode.invalidPlan;
}
