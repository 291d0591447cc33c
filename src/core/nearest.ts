// The candidate nearest to a misspelt word, when it is near enough to be what was meant (for «did you mean»).
import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate with the least edit distance to `word` (the first of equals), if that distance is at
 * most `limit(word.length)`; by default two edits or a third of the word, whichever is more.
 */
export function nearest(word: string, candidates: readonly string[], limit: (length: number) => number = (n) => Math.max(2, Math.floor(n / 3))): string | undefined {
  if (candidates.length === 0) return undefined;
  const near = closest(word, [...candidates]);
  return near !== undefined && distance(word, near) <= limit(word.length) ? near : undefined;
}
