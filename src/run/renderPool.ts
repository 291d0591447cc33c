// Runs the variant stages (variantStages.ts) on a small pool of worker threads (how many:
// core/host.ts renderWorkers); what runs in a job is the worker's renderVariant, never decided here.
// Workers are started before validation so they load pdfmake and the fonts meanwhile, and a worker
// that has finished one variant takes the next: its compiled code and shaped words are warm by
// then. The caller (pipeline.ts) draws the charts once, while the first jobs already lay out
// (lateCharts.ts), and delivers them to the run; the layout is deterministic, so a variant's bytes do not depend on which thread rendered it.
import { MessageChannel, Worker, type MessagePort, type Transferable } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { PlanDocument, VariantName } from '../model/types.js';
import type { VariantPdf } from './variantStages.js';
import type { Job, Reply, ShapeAhead } from './renderWorker.js';

const workerFile = new URL('./renderWorker.js', import.meta.url);
/** Under the TypeScript test runner there is no compiled worker file: render in this thread. */
const compiled = import.meta.url.endsWith('.js');

/**
 * The render worker's young generation, in MiB: half of V8's default here. Peak memory 3–4 % lower
 * (4× content 403 → 389 MiB, one Alver vedtak 222 → 210), the time the same within the noise
 * (4× 2.70 → 2.68 s, høyring + vedtak 1.85 → 1.83 s; A/B, fresh processes, README «Benchmark»);
 * 12 MiB saved a little more and cost time in every build.
 */
const YOUNG_GENERATION_MB = 24;

function startWorker(): Worker {
  return new Worker(fileURLToPath(workerFile), { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
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

/** Jobs started on the pool, waiting for the charts the caller draws. */
export interface RenderRun {
  /** Hand the drawn charts to the jobs. */
  deliver(charts: ReadonlyMap<string, string>): void;
  /** Drawing the charts failed with `e`: the jobs end, their errors are not reported. */
  abandon(e: unknown): void;
  /** Every variant's PDF, each with its variant. */
  readonly results: Promise<VariantPdf[]>;
}

/** A pool of `size` render workers (at least one), started ahead of use. */
export class Renderers {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly max: number;

  constructor(size: number) {
    this.max = Math.max(1, size);
    if (compiled) for (let i = 0; i < size; i++) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const w = startWorker();
    this.workers.push(w);
    return w;
  }

  /** A worker free now (started if the pool is not full), or undefined. */
  private takeFree(): Worker | undefined {
    return this.idle.shift() ?? (this.workers.length < this.max ? this.spawn() : undefined);
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
   * Start rendering `variants` on the pool (in turn in this thread, with `inThread`, when there are
   * no compiled workers). The jobs that can start now lay out at once, on placeholders of the charts'
   * size; the caller draws the charts meanwhile and hands them over with `deliver` (lateCharts.ts).
   */
  start(
    doc: PlanDocument,
    variants: readonly VariantName[],
    chartIds: readonly string[],
    inThread: (variant: VariantName, charts: ReadonlyMap<string, string>) => Promise<VariantPdf>,
  ): RenderRun {
    let resolveCharts!: (charts: ReadonlyMap<string, string>) => void;
    let rejectCharts!: (e: unknown) => void;
    const drawn = new Promise<ReadonlyMap<string, string>>((resolve, reject) => {
      resolveCharts = resolve;
      rejectCharts = reject;
    });
    drawn.catch(() => undefined);
    if (!compiled) {
      const results = drawn.then(async (charts) => {
        const out: VariantPdf[] = [];
        for (const v of variants) out.push(await inThread(v, charts));
        return out;
      });
      return { deliver: resolveCharts, abandon: (e) => (results.catch(() => undefined), rejectCharts(e)), results };
    }
    const waiting: { port: MessagePort; flag: SharedArrayBuffer }[] = [];
    const jobs = variants.map((variant) => {
      const free = this.takeFree();
      if (free) {
        const { port1, port2 } = new MessageChannel();
        const flag = new SharedArrayBuffer(4);
        waiting.push({ port: port1, flag });
        return this.settle(free, run(free, { doc, variant, charts: { ids: chartIds, port: port2, flag } }, [port2]));
      }
      // Started when a worker is free and the charts are drawn.
      return this.nextFree().then((w) => drawn.then((charts) => this.settle(w, run(w, { doc, variant, charts }))));
    });
    /** Send the charts (or, when drawing failed, only the signal) to the jobs waiting for them. */
    const signal = (charts: ReadonlyMap<string, string> | undefined): void => {
      for (const { port, flag } of waiting) {
        if (charts) port.postMessage(charts);
        const f = new Int32Array(flag);
        Atomics.store(f, 0, 1);
        Atomics.notify(f, 0);
      }
    };
    const results = Promise.all(jobs).finally(() => {
      for (const { port } of waiting) port.close();
    });
    return {
      deliver: (charts) => {
        signal(charts);
        resolveCharts(charts);
      },
      abandon: (e) => {
        // The jobs fail too (the pool is closed by the caller); their errors are not the news.
        for (const j of jobs) j.catch(() => undefined);
        results.catch(() => undefined);
        signal(undefined);
        rejectCharts(e);
      },
      results,
    };
  }

  /** Give the worker back to the pool when its job is done. */
  private async settle(w: Worker, job: Promise<VariantPdf>): Promise<VariantPdf> {
    const pdf = await job;
    this.release(w);
    return pdf;
  }

  /** Send the plan's texts to the workers started, to shape their words while they wait (renderWorker.ts). */
  shapeAhead(texts: readonly string[]): void {
    const message: ShapeAhead = { shapeAhead: texts };
    for (const w of this.workers) w.postMessage(message);
  }

  /** End every worker. */
  close(): void {
    for (const w of this.workers.splice(0)) void w.terminate();
    this.idle.length = 0;
  }
}
