// Worker thread: lays out and renders variants, one job at a time, so variants use both cores. It
// starts early — loading pdfmake and the fonts while the main thread still validates — and then
// waits for jobs: the document model, the variant and the shared chart SVGs. It answers each with
// the PDF bytes, and stays for the next job until the pool ends it.
import { parentPort } from 'node:worker_threads';
import type { PlanDocument, VariantName } from '../model/types.js';
import { layoutDocument } from '../layout/document.js';
import { prepareRenderer, renderLaidOut } from './renderPdf.js';

interface Job {
  readonly doc: PlanDocument;
  readonly variant: VariantName;
  readonly charts: Map<string, string>;
}

/** The bytes in a buffer of their own, so it can be handed over without copying (never a shared pool slab). */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
}

prepareRenderer();
parentPort?.on('message', async (job: Job) => {
  const t0 = performance.now();
  const pdf = await renderLaidOut(layoutDocument(job.doc, job.variant, job.charts));
  const bytes = ownBuffer(pdf.bytes);
  parentPort?.postMessage({ bytes: new Uint8Array(bytes), pages: pdf.pages, ms: performance.now() - t0, pdfaProblems: pdf.pdfaProblems ?? [] }, [bytes]);
});
