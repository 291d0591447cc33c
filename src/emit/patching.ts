// Small tools for extending pdfmake and pdfkit from outside (tagging, keep-together, speed-ups):
// each extension is installed once per process, and a temporary change to an object is always undone.

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

/** `install`, made safe to call any number of times: it runs the first time only. */
export function once(install: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    install();
  };
}
