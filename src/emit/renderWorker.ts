// Worker thread: lays out and renders variants, one job at a time. It starts early — loading
// pdfmake and the fonts while the main thread still validates — and then waits for jobs: the
// document model, the variant, and either the chart SVGs or the ids of charts still being drawn
// (see lateCharts.ts). It answers each job with the PDF bytes, and stays for the next one until the
// pool ends it.
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { PlanDocument, VariantName } from '../model/types.js';
import { layoutDocument } from '../layout/document.js';
import { prepareRenderer, renderLaidOut } from './renderPdf.js';
import { chartPlaceholder, withChartSource } from './lateCharts.js';

/** Charts drawn while the job runs: their ids now, the SVGs later on `port`, with `flag` raised when sent. */
export interface LateCharts {
  readonly ids: readonly string[];
  readonly port: MessagePort;
  readonly flag: SharedArrayBuffer;
}

export interface Job {
  readonly doc: PlanDocument;
  readonly variant: VariantName;
  readonly charts: ReadonlyMap<string, string> | LateCharts;
}

/** The bytes in a buffer of their own, so it can be handed over without copying (never a shared pool slab). */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
}

/** The charts, waiting for the main thread to send them if it has not yet. */
function receiveCharts(late: LateCharts): ReadonlyMap<string, string> {
  const flag = new Int32Array(late.flag);
  for (let tries = 0; ; tries++) {
    const m = receiveMessageOnPort(late.port);
    if (m) return m.message as ReadonlyMap<string, string>;
    // Not sent yet: sleep until the flag is raised. Sent: the message is on its way.
    if (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, 1000);
    else if (tries < 500) Atomics.wait(flag, 0, 1, 10);
    else throw new Error('the charts were not sent');
  }
}

async function render(job: Job): Promise<{ bytes: Buffer; pages: number; pdfaProblems?: readonly string[] }> {
  if (job.charts instanceof Map) return renderLaidOut(layoutDocument(job.doc, job.variant, job.charts));
  const late = job.charts as LateCharts;
  let charts: ReadonlyMap<string, string> | undefined;
  const laid = layoutDocument(job.doc, job.variant, new Map(late.ids.map((id) => [id, chartPlaceholder(id)])));
  try {
    return await withChartSource((id) => (charts ??= receiveCharts(late)).get(id), () => renderLaidOut(laid));
  } finally {
    late.port.close();
  }
}

prepareRenderer();
parentPort?.on('message', async (job: Job) => {
  const t0 = performance.now();
  const pdf = await render(job);
  const bytes = ownBuffer(pdf.bytes);
  parentPort?.postMessage({ bytes: new Uint8Array(bytes), pages: pdf.pages, ms: performance.now() - t0, pdfaProblems: pdf.pdfaProblems ?? [] }, [bytes]);
});
