// Renders several variants at once on a small pool of worker threads (one per core, at most two).
// Workers are started before validation so they load pdfmake and the fonts meanwhile, and a worker
// that has finished one variant takes the next: its compiled code is warm by then, which beats a
// third cold thread on two cores. Charts are rendered once by the caller and shared; the layout is
// deterministic, so a variant's bytes do not depend on which thread rendered it.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { PlanDocument, VariantName } from '../model/types.js';
import type { RenderedPdf } from './renderPdf.js';

const workerFile = new URL('./renderWorker.js', import.meta.url);
/** Under the TypeScript test runner there is no compiled worker file: render in this thread. */
const compiled = import.meta.url.endsWith('.js');

function startWorker(): Worker {
  return new Worker(fileURLToPath(workerFile));
}

interface Reply {
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly ms: number;
  readonly pdfaProblems: string[];
}

/** One job on worker `w`; its listeners are removed when the job settles. */
function run(w: Worker, doc: PlanDocument, variant: VariantName, charts: ReadonlyMap<string, string>): Promise<RenderedPdf> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const onMessage = (m: Reply): void => {
      done();
      resolve({ bytes: Buffer.from(m.bytes), pages: m.pages, ms: m.ms, pdfaProblems: m.pdfaProblems });
    };
    const onError = (e: Error): void => {
      done();
      reject(e);
    };
    const onExit = (code: number): void => {
      done();
      reject(new Error(`render worker for ${variant} exited with code ${code}`));
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage({ doc, variant, charts });
  });
}

/** A pool of render workers: `ready` started ahead of use, at most `max` in all. */
export class Renderers {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly max: number;

  constructor(ready: number, max = ready) {
    this.max = Math.max(1, max, ready);
    if (compiled) for (let i = 0; i < ready; i++) this.idle.push(this.start());
  }

  private start(): Worker {
    const w = startWorker();
    this.workers.push(w);
    return w;
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.shift() ?? (this.workers.length < this.max ? this.start() : undefined);
    return w ? Promise.resolve(w) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** Render `variants`, in parallel on the pool (in turn in this thread when there are no compiled workers). */
  async render(doc: PlanDocument, variants: readonly VariantName[], charts: ReadonlyMap<string, string>): Promise<RenderedPdf[]> {
    if (!compiled) {
      // Loaded here only: with workers, this thread never needs pdfmake.
      const { layoutDocument } = await import('../layout/document.js');
      const { renderLaidOut } = await import('./renderPdf.js');
      const out: RenderedPdf[] = [];
      for (const v of variants) out.push(await renderLaidOut(layoutDocument(doc, v, charts)));
      return out;
    }
    return Promise.all(
      variants.map(async (v) => {
        const w = await this.acquire();
        const pdf = await run(w, doc, v, charts);
        this.release(w);
        return pdf;
      }),
    );
  }

  /** End every worker. */
  close(): void {
    for (const w of this.workers.splice(0)) void w.terminate();
    this.idle.length = 0;
  }
}

/** Render `variants` with a pool of `max` fresh workers (for callers that did not start any ahead). */
export async function renderAll(doc: PlanDocument, variants: readonly VariantName[], charts: ReadonlyMap<string, string>, max = 2): Promise<RenderedPdf[]> {
  const renderers = new Renderers(0, max);
  try {
    return await renderers.render(doc, variants, charts);
  } finally {
    renderers.close();
  }
}
