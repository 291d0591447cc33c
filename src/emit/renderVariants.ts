// Renders several variants at once, one worker thread each (the machine has two cores). Workers are
// started before validation so they load pdfmake and the fonts meanwhile. Charts are rendered once
// by the caller and shared; the layout is deterministic, so a variant's bytes do not depend on
// whether it was rendered in a worker or in the main thread.
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

function run(w: Worker, doc: PlanDocument, variant: VariantName, charts: ReadonlyMap<string, string>): Promise<RenderedPdf> {
  return new Promise((resolve, reject) => {
    w.once('message', (m: { bytes: Uint8Array; pages: number; ms: number; pdfaProblems: string[] }) =>
      resolve({ bytes: Buffer.from(m.bytes), pages: m.pages, ms: m.ms, pdfaProblems: m.pdfaProblems }));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`render worker for ${variant} exited with code ${code}`));
    });
    w.postMessage({ doc, variant, charts });
  });
}

/** Worker threads started ahead of use; each renders one variant and then ends. */
export class Renderers {
  private readonly idle: Worker[];

  constructor(count: number) {
    this.idle = compiled ? Array.from({ length: count }, startWorker) : [];
  }

  /** Render `variants` in parallel (in turn in this thread when there are no compiled workers). */
  async render(doc: PlanDocument, variants: readonly VariantName[], charts: ReadonlyMap<string, string>): Promise<RenderedPdf[]> {
    if (!compiled) {
      // Loaded here only: with workers, this thread never needs pdfmake.
      const { layoutDocument } = await import('../layout/document.js');
      const { renderLaidOut } = await import('./renderPdf.js');
      const out: RenderedPdf[] = [];
      for (const v of variants) out.push(await renderLaidOut(layoutDocument(doc, v, charts)));
      return out;
    }
    return Promise.all(variants.map((v) => run(this.idle.shift() ?? startWorker(), doc, v, charts)));
  }

  /** End the workers that got no job. */
  close(): void {
    for (const w of this.idle.splice(0)) void w.terminate();
  }
}

/** Render `variants` with fresh workers (for callers that did not start any ahead). */
export async function renderAll(doc: PlanDocument, variants: readonly VariantName[], charts: ReadonlyMap<string, string>): Promise<RenderedPdf[]> {
  const renderers = new Renderers(0);
  try {
    return await renderers.render(doc, variants, charts);
  } finally {
    renderers.close();
  }
}
