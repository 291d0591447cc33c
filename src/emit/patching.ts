// A small tool for the engine's extensions (engine/registry.ts): a temporary change to an object is always undone.

/** Run `fn` with `target[key]` set to `value`, then put the old value back (also when `fn` throws). */
export function whileSet<T extends object, K extends keyof T, R>(target: T, key: K, value: T[K], fn: () => R): R {
  const old = target[key];
  target[key] = value;
  try {
    return fn();
  } finally {
    target[key] = old;
  }
}
