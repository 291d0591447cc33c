// Worker thread: lays out and renders one variant, so variants use both cores. It starts early —
// loading pdfmake and the fonts while the main thread still validates — and then waits for its job:
// the document model, the variant and the shared chart SVGs. It answers with the PDF bytes.
import { parentPort } from 'node:worker_threads';
import type { PlanDocument, VariantName } from '../model/types.js';
import { layoutDocument } from '../layout/document.js';
import { prepareRenderer, renderLaidOut } from './renderPdf.js';

interface Job {
  readonly doc: PlanDocument;
  readonly variant: VariantName;
  readonly charts: Map<string, string>;
}

prepareRenderer();
parentPort?.once('message', async (job: Job) => {
  const t0 = performance.now();
  const pdf = await renderLaidOut(layoutDocument(job.doc, job.variant, job.charts));
  parentPort?.postMessage({ bytes: pdf.bytes, pages: pdf.pages, ms: performance.now() - t0, pdfaProblems: pdf.pdfaProblems ?? [] }, [pdf.bytes.buffer as ArrayBuffer]);
});
