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
