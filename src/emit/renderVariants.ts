// Runs the variant stages (variantStages.ts) on a small pool of worker threads (how many:
// core/host.ts renderWorkers); what runs in a job is the worker's renderVariant, never decided here.
// Workers are started before validation so they load pdfmake and the fonts meanwhile, and a worker
// that has finished one variant takes the next: its compiled code and shaped words are warm by
// then. The caller draws the charts once, while the first jobs already lay out (lateCharts.ts); the
// layout is deterministic, so a variant's bytes do not depend on which thread rendered it.
import { MessageChannel, Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { PlanDocument, VariantName } from '../model/types.js';
import type { VariantPdf } from '../variantStages.js';
import type { Job, Reply } from './renderWorker.js';

const workerFile = new URL('./renderWorker.js', import.meta.url);
/** Under the TypeScript test runner there is no compiled worker file: render in this thread. */
const compiled = import.meta.url.endsWith('.js');

function startWorker(): Worker {
  return new Worker(fileURLToPath(workerFile));
}

/** One job on worker `w`; its listeners are removed when the job settles. */
function run(w: Worker, job: Job, transfer: readonly Transferable[] = []): Promise<VariantPdf> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
    };
    const onMessage = (m: Reply): void => {
      done();
      resolve({ variant: m.variant, pdf: { bytes: Buffer.from(m.bytes), pages: m.pages, ms: m.ms, pdfaProblems: m.pdfaProblems } });
    };
    const onError = (e: Error): void => {
      done();
      reject(e);
    };
    const onExit = (code: number): void => {
      done();
      reject(new Error(`render worker for ${job.variant} exited with code ${code}`));
    };
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage(job, [...transfer]);
  });
}

/** A pool of `size` render workers (at least one), started ahead of use. */
export class Renderers {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly max: number;

  constructor(size: number) {
    this.max = Math.max(1, size);
    if (compiled) for (let i = 0; i < size; i++) this.idle.push(this.start());
  }

  private start(): Worker {
    const w = startWorker();
    this.workers.push(w);
    return w;
  }

  /** A worker free now (started if the pool is not full), or undefined. */
  private takeFree(): Worker | undefined {
    return this.idle.shift() ?? (this.workers.length < this.max ? this.start() : undefined);
  }

  private nextFree(): Promise<Worker> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /**
   * Render `variants` on the pool (in turn in this thread, with `inThread`, when there are no
   * compiled workers). `drawCharts` is called after the jobs that can start have been sent: those
   * lay out while the charts are drawn here, and receive them before they draw a page (lateCharts.ts).
   */
  async render(
    doc: PlanDocument,
    variants: readonly VariantName[],
    drawCharts: () => ReadonlyMap<string, string>,
    chartIds: readonly string[],
    inThread: (variant: VariantName, charts: ReadonlyMap<string, string>) => Promise<VariantPdf>,
  ): Promise<VariantPdf[]> {
    if (!compiled) {
      const charts = drawCharts();
      const out: VariantPdf[] = [];
      for (const v of variants) out.push(await inThread(v, charts));
      return out;
    }
    const waiting: { port: MessagePort; flag: SharedArrayBuffer }[] = [];
    let charts: ReadonlyMap<string, string> | undefined;
    const jobs = variants.map((variant) => {
      const free = this.takeFree();
      if (free) {
        const { port1, port2 } = new MessageChannel();
        const flag = new SharedArrayBuffer(4);
        waiting.push({ port: port1, flag });
        return this.settle(free, run(free, { doc, variant, charts: { ids: chartIds, port: port2, flag } }, [port2]));
      }
      // Started when a worker is free, by which time the charts are drawn.
      return this.nextFree().then((w) => this.settle(w, run(w, { doc, variant, charts: charts! })));
    });
    try {
      charts = drawCharts();
    } catch (e) {
      // The jobs fail too (the pool is closed by the caller); their errors are not the news.
      for (const j of jobs) j.catch(() => undefined);
      throw e;
    } finally {
      for (const { port, flag } of waiting) {
        if (charts) port.postMessage(charts);
        const f = new Int32Array(flag);
        Atomics.store(f, 0, 1);
        Atomics.notify(f, 0);
      }
    }
    try {
      return await Promise.all(jobs);
    } finally {
      for (const { port } of waiting) port.close();
    }
  }

  /** Give the worker back to the pool when its job is done. */
  private async settle(w: Worker, job: Promise<VariantPdf>): Promise<VariantPdf> {
    const pdf = await job;
    this.release(w);
    return pdf;
  }

  /** End every worker. */
  close(): void {
    for (const w of this.workers.splice(0)) void w.terminate();
    this.idle.length = 0;
  }
}
