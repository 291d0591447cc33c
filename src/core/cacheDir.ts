// Where plantrykk keeps what it may throw away: the shaped-word store (emit/shapedWordStore.ts).
// PLANTRYKK_CACHE_DIR names the folder (`off`: keep nothing); else $XDG_CACHE_HOME/plantrykk, else
// ~/.cache/plantrykk. Deleting the folder is always safe: the next build is as slow as a first one.
import * as os from 'node:os';
import * as path from 'node:path';

/** The cache folder for this process, or undefined when caching is off or there is no home folder. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const given = env.PLANTRYKK_CACHE_DIR;
  if (given === 'off') return undefined;
  if (given) return path.resolve(given);
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'plantrykk');
  let home: string;
  try {
    home = os.homedir();
  } catch {
    return undefined;
  }
  return home ? path.join(home, '.cache', 'plantrykk') : undefined;
}
