// Renders several variants at once, one worker thread each (the machine has two cores).
// Charts are rendered once by the caller and shared; the layout is deterministic, so a variant's
// bytes do not depend on whether it was rendered in a worker or in the main thread.
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { PlanDocument, VariantName } from '../model/types.js';
import { layoutDocument } from '../layout/document.js';
import { renderLaidOut, type RenderedPdf } from './renderPdf.js';

const workerFile = new URL('./renderWorker.js', import.meta.url);

function inWorker(doc: PlanDocument, variant: VariantName, charts: ReadonlyMap<string, string>): Promise<RenderedPdf> {
  return new Promise((resolve, reject) => {
    const w = new Worker(fileURLToPath(workerFile), { workerData: { doc, variant, charts } });
    w.once('message', (m: { bytes: Uint8Array; pages: number; ms: number; pdfaProblems: string[] }) =>
      resolve({ bytes: Buffer.from(m.bytes), pages: m.pages, ms: m.ms, pdfaProblems: m.pdfaProblems }));
    w.once('error', reject);
    w.once('exit', (code) => {
      if (code !== 0) reject(new Error(`render worker for ${variant} exited with code ${code}`));
    });
  });
}

/**
 * Render `variants`, each in its own worker thread when compiled workers exist (in parallel, and
 * leaving the main thread free to enforce the time limit); else in turn in this thread.
 */
export async function renderAll(doc: PlanDocument, variants: readonly VariantName[], charts: ReadonlyMap<string, string>): Promise<RenderedPdf[]> {
  // Under the TypeScript test runner there is no compiled worker file: render in this thread.
  if (import.meta.url.endsWith('.js')) return Promise.all(variants.map((v) => inWorker(doc, v, charts)));
  const out: RenderedPdf[] = [];
  for (const v of variants) out.push(await renderLaidOut(layoutDocument(doc, v, charts)));
  return out;
}
