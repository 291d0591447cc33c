// Worker thread: runs the stages of one variant (variantStages.ts: layout → engine), one job at a
// time. It starts early — loading pdfmake and the fonts while the main thread still validates — and
// then waits for jobs — shaping the words of the plan's texts meanwhile, when the main thread sends
// them (emit/shapeAhead.ts) — the document model, the variant, and either the chart SVGs or the ids of
// charts still being drawn (see lateCharts.ts). It answers each job with its variant and the PDF
// bytes, and stays for the next one until the pool ends it.
import { parentPort, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { PlanDocument, VariantName } from '../model/types.js';
import { renderVariant, type VariantPdf } from './variantStages.js';
import { Engine } from '../emit/renderPdf.js';
import { cacheDir } from '../core/cacheDir.js';
import type { PdfaProblem } from '../emit/engine/documentContext.js';

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

async function render(engine: Engine, job: Job): Promise<VariantPdf> {
  if (job.charts instanceof Map) return renderVariant(engine, job.doc, job.variant, { ready: job.charts });
  const late = job.charts as LateCharts;
  let charts: ReadonlyMap<string, string> | undefined;
  try {
    return await renderVariant(engine, job.doc, job.variant, { late: { ids: late.ids, svg: (id) => (charts ??= receiveCharts(late)).get(id) } });
  } finally {
    late.port.close();
  }
}

/** What the worker answers a job with. */
export interface Reply {
  readonly variant: VariantName;
  readonly bytes: Uint8Array;
  readonly pages: number;
  readonly ms: number;
  readonly pdfaProblems: readonly PdfaProblem[];
}

/** Texts of the plan, sent while it is validated: their words are shaped until the first job comes. */
export interface ShapeAhead {
  readonly shapeAhead: readonly string[];
}

function serve(): void {
  // The words shaped in earlier builds come from the cache, and this build's are added (emit/shapedWordStore.ts).
  const storeDir = cacheDir();
  const engine = new Engine(storeDir === undefined ? {} : { storeDir });
  let jobs = 0;
  parentPort?.on('message', async (message: Job | ShapeAhead) => {
    if ('shapeAhead' in message) {
      if (jobs === 0) await engine.shapeAhead(message.shapeAhead, () => jobs > 0);
      return;
    }
    const job = message;
    jobs++;
    const t0 = performance.now();
    const { variant, pdf } = await render(engine, job);
    const bytes = ownBuffer(pdf.bytes);
    const reply: Reply = { variant, bytes: new Uint8Array(bytes), pages: pdf.pages, ms: performance.now() - t0, pdfaProblems: pdf.pdfaProblems ?? [] };
    parentPort?.postMessage(reply, [bytes]);
  });
}

serve();
